"""Rebuild `dates.json`, the month names the anonymiser reads dates by (a maintainer's tool,
never run by thoughtwork itself).

    pip install -e '.[gazetteers]'   # babel, for the CLDR month names
    python thoughtwork/export/data/build_dates.py

Month names come from the Unicode CLDR through babel (Unicode licence): the wide names in
their "format" form (the one used in a date: Polish "3 lutego", Czech "3. března") and their
"stand-alone" form, and abbreviations of three letters or more, with or without their full stop
("3 févr.", "5 Okt", "12 dic"), dropping an abbreviation that is an everyday English word ("out",
"set", "mar"), since "3 out of 10" is no date. Every script but Han and Hangul: Cyrillic
("3 марта", the genitive a date takes), Greek ("3 Μαρτίου"), Thai ("3 มีนาคม"), Hebrew (with the
"in" prefix glued on: "3 במרץ"), Arabic, Persian, Ge'ez; Greek also without its accents, as it is
often typed. Korean, Japanese, Chinese and Vietnamese dates ("3월 14일", "3月14日", "ngày 3 tháng 4")
have a shape of their own (the month is a number) and are found by pattern, so they need no names here.

Written below by hand: what CLDR lacks. Calendars other than the Gregorian, transliterated
the way people write them in English text and in their own script: the Persian solar months
("12 Farvardin", "۱۲ فروردین"), the Islamic months ("3 Ramadan"), the Ethiopian months
("Megabit 12", "መጋቢት 12") and the Nepali ones ("Baisakh 12"); the Levantine Arabic names of the Gregorian months ("3 آذار"); and the
genitive Bosnian, Serbian and Croatian speakers write though CLDR gives the nominative ("1. jula").
`month_first` lists the languages that write the month before the day ("Marso 3", "Megabit 12").
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The languages whose dates our users write (issue 16), and neighbours written the same way.
LOCALES = (
    "en de nl fr es pt it pl tr sv da nb fi cs ro ca id ms fil ru uk el th sr sr_Latn hr bs sl sk hu bg mk lt lv et "
    "he ar ar_SY fa am sw cy bn hi ne ur ta te mr gu pa kn ml si"
).split()
# Languages whose dates put the month first ("Marso 3, 2025", "መጋቢት 12").
MONTH_FIRST = ("fil", "am", "ethiopian", "nepali", "hu", "lt")
# Han and Hangul dates are shapes (CJK_DATE); Vietnamese months are "tháng 3", a number.
_SHAPED_SCRIPTS = ("\u3000", "\u9fff"), ("\uac00", "\ud7af")

PERSIAN_MONTHS = (
    "Farvardin Ordibehesht Khordad Tir Mordad Amordad Shahrivar Mehr Aban Azar Dey Bahman Esfand"
).split()
ISLAMIC_MONTHS = (
    "Muharram", "Safar", "Rabi' al-Awwal", "Rabi al-Awwal", "Rabiul Awwal", "Rabi' al-Thani", "Rabi al-Thani",
    "Rabiul Akhir", "Jumada al-Awwal", "Jumadal Ula", "Jumada al-Thani", "Jumadal Akhira", "Rajab", "Sha'ban",
    "Shaban", "Ramadan", "Ramazan", "Ramzan", "Shawwal", "Dhu al-Qadah", "Dhul Qadah", "Zulkaedah",
    "Dhu al-Hijjah", "Dhul Hijjah", "Zulhijjah",
)
PERSIAN_MONTHS_SCRIPT = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()
# Tir, Mehr, Dey, Aban and Azar are also words or names: only after a day number are they read as months.
ETHIOPIAN_MONTHS = (
    "Meskerem Tikimt Tekemt Tiqimt Hidar Hedar Tahsas Tahesas Tir Yekatit Yekkatit Megabit Megabit Miyazia Miyazya "
    "Ginbot Genbot Sene Hamle Hamle Nehase Nehasse Pagume Pagumen"
).split()
ETHIOPIAN_MONTHS_SCRIPT = "መስከረም ጥቅምት ኅዳር ህዳር ታኅሣሥ ታህሳስ ጥር የካቲት መጋቢት ሚያዝያ ግንቦት ሰኔ ሐምሌ ነሐሴ ጳጉሜ".split()
# The Bikram Sambat months of Nepal, as written in English ("Baisakh 12", "2081 Shrawan 5").
NEPALI_MONTHS = (
    "Baisakh Baishakh Baisakh Jestha Jeth Jeshtha Asar Ashadh Asadh Shrawan Saun Sawan Bhadra Bhadau Ashwin Asoj Aswin "
    "Kartik Mangsir Poush Push Paush Magh Falgun Fagun Phalgun Chaitra Chait"
).split()
# What Bosnian, Serbian and Croatian speakers write after a day ("1. jula") where CLDR has the nominative.
SERBO_CROATIAN_GENITIVE = (
    "januara februara marta aprila maja juna jula avgusta augusta septembra oktobra novembra decembra "
    "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра"
).split()
# Hebrew glues "in" to the month: "3 במרץ".
HEBREW_PREFIX = "\u05d1"


def _letters(form: str) -> bool:
    """Letters (and their marks: Thai vowels are marks) of any script without a date shape of its own."""
    if not form or any(low <= c <= high for c in form for low, high in _SHAPED_SCRIPTS) or any(c.isdigit() for c in form):
        return False
    return all(unicodedata.category(c)[0] in "LM" or c in "'\u2019 -.\u05f3" for c in form)


def _unaccented(form: str) -> str:
    """Greek without its tonos ("Μαρτιου"), as people often type it."""
    return "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))


def month_names(english_words: set[str]) -> dict[str, list[str]]:
    from babel.dates import get_month_names

    out: dict[str, list[str]] = {}
    for locale in LOCALES:
        forms: set[str] = set()
        script = _script(get_month_names("wide", "format", locale)[1])
        for context in ("format", "stand-alone"):
            for month, name in get_month_names("wide", context, locale).items():
                name = _month_word(name)
                # babel fills some stand-alone names from another locale: keep the locale's own script.
                if _letters(name) and _script(name) == script:
                    forms.add(name.lower())
            for month, name in get_month_names("abbreviated", context, locale).items():
                name = _month_word(name)
                bare = name.rstrip(".").lower()
                if _letters(name) and _script(name) == script and len(bare) >= 3 and bare not in english_words:
                    forms.add(bare)  # "3 Okt", "12 dic"; read with or without its dot
                    if name.endswith("."):
                        forms.add(name.lower())
        if locale == "el":
            forms |= {_unaccented(f) for f in forms}
        if locale == "he":
            forms |= {HEBREW_PREFIX + f for f in forms}
        if locale in ("sr", "sr_Latn", "hr", "bs"):
            forms |= {f for f in SERBO_CROATIAN_GENITIVE if _script(f) == script}
        out[locale] = sorted(forms)
    return out


def _month_word(name: str) -> str:
    """Catalan writes "de gener" / "d'abril": the month is the last word. Arabic names of two words
    ("كانون الثاني") stay whole: their last word alone is "the second"."""
    name = name.replace("\u2019", "'")
    if name.startswith(("de ", "d'")):
        return name.split(" ")[-1].split("'")[-1]
    return name


def _script(form: str) -> str:
    """The script of a word's first letter, as Unicode names it ("LATIN", "CYRILLIC", "THAI")."""
    return unicodedata.name(form[0], "?").split(" ")[0]


def main() -> None:
    vocabulary = json.loads((HERE / "vocabulary.json").read_text(encoding="utf-8"))
    english_words = set(vocabulary["words"])
    body = {
        "source": "Unicode CLDR month names through babel (Unicode licence); Persian and Islamic months by hand",
        "months": month_names(english_words),
        "other_calendars": sorted(
            {m.lower() for m in PERSIAN_MONTHS + PERSIAN_MONTHS_SCRIPT} | {m.lower() for m in ISLAMIC_MONTHS}
        ),
    }
    body["months"]["ethiopian"] = sorted({m.lower() for m in ETHIOPIAN_MONTHS + ETHIOPIAN_MONTHS_SCRIPT})
    body["months"]["nepali"] = sorted({m.lower() for m in NEPALI_MONTHS})
    body["month_first"] = list(MONTH_FIRST)
    # One line per language, so a reviewer reads each language's months at a glance.
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in body["months"].items()]
    text = (
        "{\n" f' "source": {json.dumps(body["source"])},\n' ' "months": {\n' + ",\n".join(lines) + "\n },\n"
        f' "other_calendars": {json.dumps(body["other_calendars"], ensure_ascii=False)},\n'
        f' "month_first": {json.dumps(body["month_first"])}\n' "}\n"
    )
    json.loads(text)
    (HERE / "dates.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
