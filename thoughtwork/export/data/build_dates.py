"""Rebuild `dates.json`, the month names the anonymiser reads dates by (a maintainer's tool,
never run by thoughtwork itself).

    pip install -e '.[gazetteers]'   # babel, for the CLDR month names
    python thoughtwork/export/data/build_dates.py

Month names come from the Unicode CLDR through babel (Unicode licence): the wide names in
their "format" form (the one used in a date: Polish "3 lutego", Czech "3. března") and their
"stand-alone" form, and abbreviations of three letters or more, with or without their full stop
("3 févr.", "5 Okt", "12 dic"), dropping an abbreviation that is an everyday English word ("out",
"set", "mar"), since "3 out of 10" is no date. Korean, Japanese and Chinese dates ("3월 14일", "3月14日") have a shape of their own and
are found by pattern, so they need no names here.

Calendars other than the Gregorian are written below by hand, transliterated the way people
write them in English text: the Persian solar months ("12 Farvardin") and the Islamic months
("3 Ramadan").
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The languages whose dates our users write (issue 16), and neighbours written the same way.
LOCALES = "en de nl fr es pt it pl tr sv da nb fi cs ro ca id".split()

PERSIAN_MONTHS = (
    "Farvardin Ordibehesht Khordad Tir Mordad Amordad Shahrivar Mehr Aban Azar Dey Bahman Esfand"
).split()
ISLAMIC_MONTHS = (
    "Muharram", "Safar", "Rabi' al-Awwal", "Rabi al-Awwal", "Rabiul Awwal", "Rabi' al-Thani", "Rabi al-Thani",
    "Rabiul Akhir", "Jumada al-Awwal", "Jumadal Ula", "Jumada al-Thani", "Jumadal Akhira", "Rajab", "Sha'ban",
    "Shaban", "Ramadan", "Ramazan", "Ramzan", "Shawwal", "Dhu al-Qadah", "Dhul Qadah", "Zulkaedah",
    "Dhu al-Hijjah", "Dhul Hijjah", "Zulhijjah",
)
# Tir, Mehr, Dey, Aban and Azar are also words or names: only after a day number are they read as months.


def _latin_letters(form: str) -> bool:
    return all(c.isalpha() or c in "'\u2019 -." for c in form) and not any("\u3000" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in form)


def month_names(english_words: set[str]) -> dict[str, list[str]]:
    from babel.dates import get_month_names

    out: dict[str, list[str]] = {}
    for locale in LOCALES:
        forms: set[str] = set()
        for context in ("format", "stand-alone"):
            for month, name in get_month_names("wide", context, locale).items():
                # Catalan writes "de gener" / "d'abril": the month is the last word.
                name = name.replace("\u2019", "'").split(" ")[-1].split("'")[-1]
                if _latin_letters(name):
                    forms.add(name.lower())
            for month, name in get_month_names("abbreviated", context, locale).items():
                name = name.replace("\u2019", "'").split(" ")[-1].split("'")[-1]
                bare = name.rstrip(".").lower()
                if _latin_letters(name) and len(bare) >= 3 and bare not in english_words:
                    forms.add(bare)  # "3 Okt", "12 dic"; read with or without its dot
                    if name.endswith("."):
                        forms.add(name.lower())
        out[locale] = sorted(forms)
    return out


def main() -> None:
    vocabulary = json.loads((HERE / "vocabulary.json").read_text(encoding="utf-8"))
    english_words = set(vocabulary["words"])
    body = {
        "source": "Unicode CLDR month names through babel (Unicode licence); Persian and Islamic months by hand",
        "months": month_names(english_words),
        "other_calendars": sorted({m.lower() for m in PERSIAN_MONTHS} | {m.lower() for m in ISLAMIC_MONTHS}),
    }
    # One line per language, so a reviewer reads each language's months at a glance.
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in body["months"].items()]
    text = (
        "{\n" f' "source": {json.dumps(body["source"])},\n' ' "months": {\n' + ",\n".join(lines) + "\n },\n"
        f' "other_calendars": {json.dumps(body["other_calendars"], ensure_ascii=False)}\n' "}\n"
    )
    json.loads(text)
    (HERE / "dates.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
