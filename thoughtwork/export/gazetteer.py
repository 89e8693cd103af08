"""The word lists the anonymiser consults, loaded once from the JSON files shipped in `data/`.

The lists are built by `data/build_gazetteers.py` (see its docstring for the sources).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from thoughtwork.locations import package_data

# Words that name a role, not a person: "Doctor" is also a surname in some name lists.
_ROLE_WORDS = {"Doctor", "Nurse", "Sister", "Midwife", "Father", "Mother", "Brother", "Baby", "Love", "Honey"}


# Determiners that are English first: they show no other language is being written.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the some my your our their her his this that any no in a an on do me so to is it he we be or as at by go if of up us am".split()
)


@dataclass(frozen=True)
class Gazetteer:
    """Sets for fast membership tests; names and places keep their usual capitalisation."""

    given: frozenset[str]
    surnames: frozenset[str]
    word_names: frozenset[str]
    places: frozenset[str]
    place_phrases: tuple[str, ...]
    capitalised_phrases: frozenset[str]
    """Places made only of everyday words ("Long Beach"): places only when written capitalised."""
    org_suffixes: frozenset[str]
    known_orgs: frozenset[str]
    safe_acronyms: frozenset[str]
    vocabulary: frozenset[str]
    safe_capitalised: frozenset[str]
    world_words: frozenset[str] = frozenset()
    """Everyday words of other languages (lower case, `data/world_words.json`): "termin", "cita"."""
    lowercase_word_names: frozenset[str] = frozenset()
    """Names that are everyday words in another language ("luz", "deniz"), lower case (cues.json)."""
    german_words: frozenset[str] = frozenset()
    """The German part of `world_words`: German capitalises its nouns mid-sentence ("zweiter Stock")."""
    foreign_function_words: frozenset[str] = frozenset()
    """Words that show another language is being written: its words, less the commonest English ones
    ("bei", "el", "der" count; "in", "die" do not)."""
    lowercase_org_words: frozenset[str] = frozenset()
    """Words that end an organisation written in lower case ("riverside clinic", cues.json)."""
    org_words_after_names: frozenset[str] = frozenset()
    """Lower-case words that end an organisation after its capitalised name ("Ullevål sykehus", cues.json)."""
    service_words: frozenset[str] = frozenset()
    """Words that describe a service, not name one ("pain clinic", "the physio practice")."""
    place_prepositions: frozenset[str] = frozenset()
    """Words of other languages after which an unknown capitalised word is a place ("en Belgrano")."""
    uncased_words: frozenset[str] = frozenset()
    """Common Korean and Japanese words in Hangul or Katakana ("오늘"): no names."""
    titles_before: frozenset[str] = frozenset()
    """Titles and kin words of other languages before a name ("Doamna Popescu", "Ammi", "Yiayia"), lower case."""
    titles_after: frozenset[str] = frozenset()
    """Titles written after a name ("Haruka sensei", "jiwoo oppa", "Sato-san", "Sara jan")."""
    name_word_languages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For each word-name of other languages listed by hand in cues.json ("sol"), and each listed name
    among a language's 500 commonest words ("pada", "sam"), the languages it is a word of ("es", "pt")."""
    language_words: dict[str, frozenset[str]] = field(default_factory=dict)
    """The everyday words of each other language, names that are its words included ("es": "hacía", "sol")."""
    determiners: frozenset[str] = frozenset()
    """Articles, possessives and prepositions of our languages: "la luz", "mi pilar" are words (cues.json)."""

    def is_person_name(self, word: str) -> bool:
        """True for a given name or surname in its usual capitalisation ("Priya", "Okafor")."""
        return word in self.given or word in self.surnames or word in self.word_names

    def is_place(self, word: str) -> bool:
        """True for a city, region or country, with or without its accents ("Zürich", "Zurich")."""
        return word in self.places or fold(word) in self.places


def fold(word: str) -> str:
    """The word without accents: "Zürich" -> "Zurich"."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _load(name: str) -> dict[str, list[str]]:
    with package_data("export", "data", name).open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped lists (read once per process)."""
    names = _load("names.json")
    places = _load("places.json")
    orgs = _load("organisations.json")
    vocab = _load("vocabulary.json")
    cues = _load("cues.json")
    world = _load("world_words.json")
    not_languages = ("en_common", "names_as_words", "names_as_words_languages", "names_as_grammar_words", "hangul_katakana")
    world_words = frozenset(w for language, words in world["words"].items() if language not in not_languages for w in words)
    hand_listed = {w.lower() for w in cues["word_names_other_languages"]}
    name_word_languages = {
        w: tuple(languages) for w, *languages in (line.split(" ") for line in world["words"]["names_as_words_languages"])
        if w in hand_listed
    }
    # And every name among a language's 500 commonest words, a grammar word there ("pada", "sam").
    for line in world["words"]["names_as_grammar_words"]:
        w, *languages = line.split(" ")
        name_word_languages[w] = tuple(sorted(set(name_word_languages.get(w, ())) | set(languages)))
    # Less the words English shares ("me", "no", "to"), which show no language.
    shared = frozenset(world["words"]["en_common"]) | _ENGLISH_FUNCTION_WORDS
    language_words = {
        language: frozenset(words).union(w for w, of in name_word_languages.items() if language in of) - shared
        for language, words in world["words"].items() if language not in not_languages
    }
    # Apps, platforms and the names of ID schemes ("on WhatsApp", "my Aadhaar") identify nobody.
    kept = set(cues["platforms"]) | set(cues["id_schemes"])
    all_places = [p for key in ("countries", "cities", "regions", "towns") for p in places.get(key, ())]
    single = frozenset(p for p in all_places if " " not in p) | frozenset(fold(p) for p in all_places if " " not in p)
    # Longest first, so "New York City" wins over "New York" in the phrase pattern.
    phrases = tuple(sorted({p for p in all_places if " " in p}, key=len, reverse=True))
    return Gazetteer(
        given=frozenset(names["given"]) - _ROLE_WORDS,
        surnames=frozenset(names["surnames"]) - _ROLE_WORDS,
        word_names=frozenset(names["word_names"]),
        places=single,
        place_phrases=phrases,
        capitalised_phrases=frozenset(places.get("capitalised_only", ())),
        org_suffixes=frozenset(orgs["suffixes"]) | frozenset(cues["org_words_other_languages"]),
        known_orgs=frozenset(orgs["known"]) - kept,
        safe_acronyms=frozenset(orgs["safe_acronyms"]) | {w.upper() for w in kept},
        vocabulary=frozenset(vocab["words"]),
        safe_capitalised=frozenset(vocab["safe_capitalised"]) | kept,
        world_words=world_words - frozenset(vocab["words"]),
        german_words=frozenset(world["words"]["de"]),
        foreign_function_words=(world_words | frozenset(cues["determiners"])) - frozenset(world["words"]["en_common"]) - _ENGLISH_FUNCTION_WORDS,
        lowercase_word_names=frozenset(w.lower() for w in cues["word_names_other_languages"]) | frozenset(world["words"]["names_as_words"]),
        determiners=frozenset(cues["determiners"]),
        name_word_languages=name_word_languages,
        language_words=language_words,
        titles_after=frozenset(cues["titles_after"]),
        titles_before=frozenset(cues["titles_before"]),
        uncased_words=frozenset(world["words"]["hangul_katakana"]),
        place_prepositions=frozenset(cues["place_prepositions"]),
        lowercase_org_words=frozenset(cues["lowercase_org_words"]),
        service_words=frozenset(cues["service_words"]),
        org_words_after_names=frozenset(cues["org_words_after_a_name"]),
    )
