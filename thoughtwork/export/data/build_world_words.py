"""Rebuild `world_words.json`, the everyday words of the other languages our users write (a
maintainer's tool, never run by thoughtwork itself).

    pip install -e '.[gazetteers]'   # wordfreq
    python thoughtwork/export/data/build_world_words.py   # after build_gazetteers.py

A capitalised word outside the English vocabulary is read as a name, so a diary written partly in
German, Spanish or Turkish lost its everyday words ("Termin bei Dr. Vogel", "Cita el 18 de
noviembre", "Randevu 14.03."). This file holds the 10,000 most frequent words of each language
below (5,000 of each of the next tier), from wordfreq (Apache 2.0; its data from open corpora, CC BY-SA 4.0), less every listed
given name, surname, word-name or place (those stay names: "Anna", "Porto"), and, as "en_common",
those of them among the 5,000 commonest English words and at least half as common in English
("in", "will"), which show no language; and, as "names_as_words", the listed names among each
language's 5,000 commonest words ("luz", "vera", "deniz"), and (in "names_as_words_languages")
the languages each is a word of; and, as "hangul_katakana", common
Korean and Japanese words in those scripts ("오늘", "ストレッチ"). A name that is also an everyday word somewhere ("luz", "deniz") is
a word-name, listed by hand in cues.json.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES = "de nl fr es pt it pl tr".split()
PER_LANGUAGE = 10_000
# The next tier our users write (issue 16), fewer words each: Cyrillic and Greek are cased, so their
# sentence-opening words read as names without them ("Приём 3 марта"). "sh" is wordfreq's
# Serbo-Croatian (Bosnian, Croatian, Serbian in Latin letters). Thai, Amharic, Swahili and Welsh
# have no wordfreq list; Arabic, Hebrew and Persian are left out because their commonest words
# include names ("محمد"), which would then be kept.
NEXT_TIER = "ru uk el bg sv da nb fi id ms fil ro cs sk sh sl hu vi".split()
NEXT_TIER_WORDS = 5_000
ENGLISH_COMMON = 5_000
NAMES_AS_WORDS = 5_000
GRAMMAR_FREQUENCY = 0.001


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def main() -> None:
    from wordfreq import top_n_list, word_frequency

    names = json.loads((HERE / "names.json").read_text(encoding="utf-8"))
    places = json.loads((HERE / "places.json").read_text(encoding="utf-8"))
    english = set(json.loads((HERE / "vocabulary.json").read_text(encoding="utf-8"))["words"])
    listed = {w.lower() for key in ("given", "surnames", "word_names") for w in names[key]}
    listed |= {p.lower() for key in ("countries", "cities", "regions", "towns") for p in places.get(key, ()) if " " not in p}
    listed |= {_fold(w) for w in listed}
    words: dict[str, list[str]] = {}
    names_as_words: set[str] = set()
    name_languages: dict[str, set[str]] = {}
    grammar_languages: dict[str, set[str]] = {}
    for language in LANGUAGES + NEXT_TIER:
        per_language = PER_LANGUAGE if language in LANGUAGES else NEXT_TIER_WORDS
        # Listed names that are everyday words of a language ("luz", "deniz", "vera"): in lower
        # case after an article or a possessive they are the word ("la luz", "una vera amica").
        found = {w for w in top_n_list(language, NAMES_AS_WORDS) if w.isalpha() and len(w) > 2 and (w in listed or _fold(w) in listed) and w not in english}
        names_as_words |= found
        for w in found:
            name_languages.setdefault(w, set()).add(language)
        # A listed name used once in a thousand words of a language is a grammar word there, not a
        # name (a name that common would be a few): Indonesian "pada" (on), "hari" (day),
        # Serbo-Croatian "sam" (am). "juan", "ahmad", "jános" are rarer.
        for w in top_n_list(language, 500):
            if w in found and word_frequency(w, language) >= GRAMMAR_FREQUENCY:
                grammar_languages.setdefault(w, set()).add(language)
        kept = {
            word for word in top_n_list(language, per_language)
            if word.isalpha() and word not in listed and _fold(word) not in listed
            # One letter only where it is no English word: Polish "w" and "z" are, "a" and "i" are not.
            and (len(word) > 1 or word in "wzy" or not word.isascii())
        }
        words[language] = sorted(kept)
    # Words at least half as common in English as in the language they come from ("in", "will",
    # "is") say nothing about which language a sentence is in.
    union = {w for ws in words.values() for w in ws}
    english_common = set(top_n_list("en", ENGLISH_COMMON))
    words["en_common"] = sorted(
        w for w in union & english_common
        if word_frequency(w, "en") >= 0.5 * max(word_frequency(w, language) for language in LANGUAGES + NEXT_TIER)
    )
    source = f"wordfreq top {PER_LANGUAGE} words of each language (Apache 2.0 / CC BY-SA 4.0), less English words and listed names and places"
    words["names_as_words"] = sorted(names_as_words)
    # Which languages each of them is an everyday word of ("sol": es pt; "deniz": tr), so that in lower
    # case beside a word of one of those languages it is read as the word ("hacía sol", "deniz kenarında").
    words["names_as_words_languages"] = [f"{w} {' '.join(sorted(name_languages[w]))}" for w in sorted(names_as_words)]
    words["names_as_grammar_words"] = [f"{w} {' '.join(sorted(grammar_languages[w]))}" for w in sorted(grammar_languages)]
    # Korean and Japanese words written in Hangul or Katakana ("오늘", "ストレッチ"): a run of those
    # scripts that is a common word is no name. Han characters are left out: "山田" and "李" are
    # among the commonest Japanese and Chinese words because they are surnames.
    words["hangul_katakana"] = sorted(
        w for language in ("ko", "ja") for w in top_n_list(language, PER_LANGUAGE)
        if len(w) > 1 and all("\uac00" <= c <= "\ud7a3" or "\u30a0" <= c <= "\u30ff" for c in w)
    )
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in words.items()]
    text = "{\n" f' "source": {json.dumps(source)},\n' ' "words": {\n' + ",\n".join(lines) + "\n }\n}\n"
    json.loads(text)
    (HERE / "world_words.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
