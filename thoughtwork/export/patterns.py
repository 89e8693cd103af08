"""Regular-expression detectors for identifiers with a shape: emails, URLs, handles, phone
numbers, ID and policy numbers, postcodes, street addresses and dates.

Each detector yields `Span`s over the original text. Overlaps are settled later by
`anonymiser.resolve`, so a detector may be generous.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import NamedTuple

from thoughtwork.export.gazetteer import gazetteer
from thoughtwork.export.word_trie import trie_pattern
from thoughtwork.locations import package_data


class Span(NamedTuple):
    """A stretch of text to replace, and the placeholder kind (NAME, PLACE, EMAIL...)."""

    start: int
    end: int
    kind: str


def _mark_ranges() -> str:
    """Every combining mark of the Basic Multilingual Plane as a character-class body: Thai vowels,
    Devanagari vowel signs, Hebrew points are no word characters to a regex, so "สุขุมวิท" would fall
    apart into letters, and a one-letter piece be kept."""
    ranges, start, last = [], None, None
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code))[0] == "M":
            if start is None:
                start = code
            last = code
        elif start is not None:
            ranges.append(f"\\u{start:04x}-\\u{last:04x}" if last > start else f"\\u{start:04x}")
            start = None
    return "".join(ranges)


MARKS = _mark_ranges()

KINDS = ("NAME", "PLACE", "ORG", "DATE", "EMAIL", "PHONE", "URL", "HANDLE", "ID", "ADDRESS", "POSTCODE")

def _data(name: str) -> dict:
    with package_data("export", "data", name).open(encoding="utf-8") as handle:
        return json.load(handle)


_CUES = _data("cues.json")

_TRAILING = ".,;:!?)]}'\"\u2019\u201d"

# Lookbehinds and bounded repeats keep every pattern linear on hostile input ("x.x.x.x...").
EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TLD = (
    "com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|be|ie|eu|info|me|app|ly|au|ca|us|nz|in|ch|at|se|no|dk|"
    "fi|pl|pt|health|nhs|biz|tv|gg|xyz|online|site|blog|shop|ng|za|ke|pk|jp|cn|kr|br|mx"
)
DOMAIN = re.compile(
    rf"(?<![\w.\-@])[a-z0-9][a-z0-9-]{{0,62}}(?:\.[a-z0-9-]{{1,63}}){{0,8}}\.(?:{_TLD})(?:\.[a-z]{{2}})?\b(?:/[^\s]*)?",
    re.IGNORECASE,
)
SPOKEN_EMAIL = re.compile(
    r"(?<![\w.])[\w.+\-]{1,64} ?(?:\(at\)|\[at\]| at ) ?[\w\-]{1,63} ?(?:\(dot\)|\[dot\]| dot ) ?(?:com|org|net|co|uk|me|io)\b"
    r"(?: ?(?:dot|\.) ?uk\b)?",
    re.IGNORECASE,
)
_HANDLE_KEYWORDS = "insta instagram ig twitter tiktok snap snapchat discord reddit username user_name handle gamertag telegram".split()
KEYED_HANDLE = re.compile(
    r"\b(?:" + "|".join(_HANDLE_KEYWORDS).replace("_", " ") + ")"
    r"(?: name| handle)?(?:(?: is|:| -) @?| @)([A-Za-z0-9_.]{3,30})\b",
    re.IGNORECASE,
)
# A keyword starts after a word boundary and ends before a space or colon: a whole word of the text.
_HANDLE_WORDS = frozenset(w.split("_")[0] for w in _HANDLE_KEYWORDS)
_OWNED_ACCOUNT = re.compile(r"\b(?:my|her|his|their|your|our|whose)\s+(?:\w+\s+)?\Z", re.IGNORECASE).search
_NAMED_HANDLE = re.compile(r"user ?name|handle|gamertag|\bname\b", re.IGNORECASE).search
# "my @ there is tagalogtaglish", "her @ on insta: fernfan": the at sign said as the word for a handle,
# after a possessive; then any word is the handle, as after "my insta is".
SPOKEN_AT = re.compile(
    r"\b(?:my|her|his|their|your|our)\s+@(?:\s+(?:there|here|on\s+\w+))?\s*(?:is|:|=|-)\s*@?([A-Za-z0-9_.]{3,30})\b",
    re.IGNORECASE,
)
# Every domain has a dot and a known ending ("10.15am" and "e.g." have none): a literal-led scan.
_DOT_TLD = re.compile(rf"\.(?:{_TLD})\b", re.IGNORECASE).search
# "my id is kasia_w88", "her kakao is jiyoon.lee92", "line id rain_k_tokyo", "Signal: sunny.vdberg",
# "DISCORD noorpeach#4412": after a contact word (data/cues.json), in any case, a token shaped like an
# id (an underscore, a digit, an inner dot or a #tag) is a handle; a plain word ("Signal: busy") is not.
CONTACT_ID = re.compile(
    r"\b" + trie_pattern(_CUES["contact_words"], ignore_case=True) +
    r"(?: (?:id|name|handle|username|account|is|was|=|-))*[ ]?[:=,\-]?[ ]?@?"
    r"([A-Za-z0-9][\w.\-]{0,38}[A-Za-z0-9](?:#\d{4})?)(?![\w@])",
    re.IGNORECASE,
)
# Every id CONTACT_ID keeps has one of these: an underscore, a #tag, a letter beside a digit, an inner dot.
_LETTER_BY_DIGIT = re.compile(r"[A-Za-z]\d|\d[A-Za-z]").search
_DOT_BEFORE_WORD = re.compile(r"\.\w")  # led by a literal, so a fast scan


def _inner_dot(text: str, then_digit: bool = False) -> bool:
    """A dot between letters ("sunny.vdberg"), or with `then_digit` a dotted name ending in
    digits ("linh.nguyen99"); not a sentence's full stop."""
    for match in _DOT_BEFORE_WORD.finditer(text):
        at = match.start()
        if at and text[at - 1].isalnum() and (not then_digit or _DIGITS_AFTER(text, at + 1)):
            return True
    return False


_DIGITS_AFTER = re.compile(r"[A-Za-z]*\d").match


def _could_be_an_id(text: str) -> bool:
    return "_" in text or "#" in text or ("." in text and _inner_dot(text)) or (_HAS_ANY_DIGIT(text) and bool(_LETTER_BY_DIGIT(text)))


_HAS_ANY_DIGIT = re.compile(r"\d").search
_ID_SHAPED = re.compile(r"[_\d#]|[A-Za-z0-9]\.[A-Za-z0-9]").search
# Anywhere: a word joined by underscores ("amber_chen", "wxid_8k2j") is a username, and so is a
# Discord tag ("noorpeach#4412") or a dotted name ending in digits ("linh.nguyen99", "aiko.m.22").
UNDERSCORED = re.compile(r"(?<![\w@./#\-])[A-Za-z0-9][A-Za-z0-9.]*_[\w.]*[A-Za-z0-9](?![\w@])")
TAGGED = re.compile(r"(?<![\w@#])[A-Za-z0-9_.]{2,32}#\d{4}\b")
DOTTED_NAME = re.compile(r"(?<![\w@./\-])[A-Za-z]{2,}(?:\.[A-Za-z]+)*\.[A-Za-z]*\d+(?![\w@]|\.\w)")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?|\b[ur]/[A-Za-z0-9_-]{3,}")

PHONE = re.compile(r"(?<![\w+/])(?:\+|00)?\(?\d[\d ()./\-]{5,}\d(?![\w/])")
UK_PLATE = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
NI_NUMBER = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE)
# The words before an ID number ("policy", "NHS", "PESEL", "national insurance").
_ID_KEYWORDS = tuple(
    "policy reference ref member membership patient hospital nhs case account claim passport licence license "
    "insurance customer booking mrn ssn national_insurance ni id order ticket employee staff student chi pps "
    "card flight medicare medicaid sin tax tfn bsn svnr dni nie practice provider registration file chart cpf nif "
    "pesel aadhaar curp rut nhi nin bvn cnic nric versichertennummer patientennummer "
    # ID schemes of the next tier: Romanian CNP, Hungarian TAJ, Malaysian MyKad, Indonesian NIK, Greek
    # AMKA, Bulgarian EGN, ex-Yugoslav JMBG, Croatian OIB, Finnish henkil\u00f6tunnus, Swedish/Danish/Norwegian.
    "cnp taj mykad nik ktp amka egn jmbg oib hetu personnummer cpr f\u00f8dselsnummer sozialversicherungsnummer"
    .replace("_", " ").split(" ")
)
_ID_WORDS = trie_pattern(_ID_KEYWORDS, ignore_case=True)
KEYED_ID = re.compile(
    # "number" in our languages too: "TAJ szám 123 456 789", "numer PESEL", "номер".
    rf"\b{_ID_WORDS}\s*(?:number|no\.?|num|#|id|code|nr\.?|sz\u00e1m|sz\u00e1mom|\u010d\u00edslo|numer|nummer|n\u00famero|num\u00e9ro|\u043d\u043e\u043c\u0435\u0440)?"
    r"\s*(?:is|was|:|-|ending(?: in)?)?\s*#?"
    r"((?-i:[A-Z]{1,3} )?[A-Z0-9](?:[A-Z0-9/\-]*[A-Z0-9])?(?: \d[\dA-Z]*)*)",
    re.IGNORECASE,
)
# Only tokens with a digit in them (the lookahead keeps ordinary words out of the Python loop).
_ID_BEFORE = re.compile(rf"\b{_ID_WORDS}\b[^.!?\n]{{0,12}}$", re.IGNORECASE).search
_PHONE_BEFORE = re.compile(r"phone|mobile|\btel|call|ring|rang|rung|text|messag|whatsapp|\bcell|line|extension|\bext\b|dial", re.IGNORECASE).search
ALNUM_ID = re.compile(r"(?<![\w@])#?(?=[A-Za-z0-9/\-]*\d)[A-Za-z0-9]+(?:[/\-][A-Za-z0-9]+)*(?![\w@])")
# A number and its unit ("20mg", "3rd", "10pm"); the digits taken whole (the units are letters), so
# a number of five digits is not tried against every unit five times.
_UNIT = re.compile(
    r"^\d++" + trie_pattern("mg mcg ml g kg lb lbs km m cm mm am pm st nd rd th s k x h hr hrs min mins yo y mph bpm mmhg p gb mb".split(), ignore_case=True) + "$",
    re.IGNORECASE,
)

UK_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b", re.IGNORECASE)
# "I live in SE15": an outward code alone, after a word that introduces a place.
UK_DISTRICT = re.compile(r"\b(?:in|at|near|from|to|around|of|postcode) ([A-Z]{1,2}\d{1,2}[A-Z]?)\b(?! ?\d[A-Z]{2})")
# "Fitzroy VIC 3065", "Sydney NSW 2000": an Australian postcode follows its state.
AU_POSTCODE = re.compile(r"\b(?:NSW|VIC|QLD|TAS|ACT|NT|SA|WA),? (\d{4})\b")
US_ZIP = re.compile(r"(?:\b[A-Z]{2},? |\bzip(?: ?code)?:? )(\d{5}(?:-\d{4})?)\b|\b(\d{5}-\d{4})\b")
EU_POSTCODE = re.compile(
    r"\b(?:[A-Z]-)?(\d{5})(?= [A-Z\u00c0-\u00dd\u0130\u015e\u00c7\u0141\u017b\u015a][a-z\u00df-\u00ff\u0131\u015f\u011f\u0142\u017c\u015b])"  # 75001 Paris, 34000 İstanbul
    r"|\b(\d{4} ?[A-Z]{2})\b(?! [a-z])"  # Dutch 1012 AB
    r"|\b([AC-FHKNPRTV-Y]\d{2} ?[AC-FHKNPRTV-Y\d]{4})\b"  # Irish Eircode
    r"|\b([A-Z]\d[A-Z] ?\d[A-Z]\d)\b"  # Canada
    r"|\b(\d{2}-\d{3}|\d{4}-\d{3})\b"  # Poland, Portugal
    r"|\b(\d{3} \d{2})(?= [A-Z\u00c0-\u00dd\u0160\u017d\u010c\u0158\u0391-\u03a9][a-z\u00df-\u00ff\u0161\u017e\u010d\u0159\u03ac-\u03ce])"  # 130 00 Praha, 546 23 Göteborg
)

_STREET_WORD_LIST = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|cl|crescent|cres|court|ct|way|place|pl|terrace|terr|grove|"
    r"gardens|gdns|square|sq|boulevard|blvd|row|mews|hill|park|walk|parade|wharf|highway|hwy|parkway|pkwy|circle|"
    r"cir|trail|rise|green|vale|view|gate|yard|passage|embankment|quay|circus|esplanade|promenade|causeway|alley|"
    r"broadway|croft|chase|approach|heights|mount|ridge|wynd|brae"
)
_STREET = trie_pattern(_STREET_WORD_LIST.split("|"), ignore_case=True)
# Before the number ("Level 2, 100 Victoria Street", "Flat 3, 27 Mill Lane") or after the street
# ("418 Bergen Street, Apt 3R", "88 Queen St W, Suite 1200"): the unit is part of the address.
_ADDRESS_UNIT = trie_pattern("flat apt apartment unit suite ste room rm level lvl floor fl building bldg block blk office shop lot".split(), ignore_case=True)
_STRONG_STREET = {
    "street", "road", "avenue", "lane", "crescent", "terrace", "close", "gardens", "boulevard", "drive", "mews", "esplanade",
    "promenade", "quay",
}
_NOT_STREET_WORDS = {
    "minute", "minutes", "min", "mins", "hour", "hours", "mile", "miles", "km", "second", "seconds", "day", "days",
    "week", "weeks", "year", "years", "month", "months", "times", "time", "steps", "step", "of", "a", "my", "in",
    "to", "and", "or", "at", "on", "for", "long", "short", "more", "quick", "slow", "hard", "easy", "i", "we", "you",
}
ADDRESS = re.compile(
    # Not the last group of a longer number: "NHS number 943 476 5919, 10 Downing Street".
    rf"(?<!\d )(?:\b{_ADDRESS_UNIT}\.? ?#?(?:(?:\d{{1,5}}[a-z]?|[a-z]\b),? )?)?\b"
    # Not the minutes of a time ("14:30 I saw Dr. Ng"); "23-C" is house 23, part C.
    r"(?<!\d[:.])\d{1,5}[a-z]?(?:[-/]\d{1,5}[a-z]?|-[a-z]\b)?,? "  # "4/27 Smith Street" is unit 4 at number 27 in Australia
    rf"((?:[A-Za-z0-9\u00c0-\u024f'\u2019.\-]+ ){{1,4}}?)({_STREET})\b\.?"
    rf"(?: (?:{_STREET})\b\.?)?"  # "Science Park Drive", "Victoria Park Road"
    r"(?: (?:NW|NE|SW|SE|N|S|E|W)\b)?"
    rf"(?:,? (?:{_ADDRESS_UNIT}\.? ?#?|#)(?:\d{{1,5}}[a-z]?|[a-z])\b)?",
    re.IGNORECASE,
)
_STREET_TYPES = frozenset(_STREET_WORD_LIST.split("|"))
# Where an ADDRESS match can start: at its unit word or its house number.
_ADDRESS_STARTS = re.compile(rf"\d|{_ADDRESS_UNIT}", re.IGNORECASE).match


def _words(key: str, *, ignore_case: bool = True) -> str:
    return trie_pattern(_CUES[key], ignore_case=ignore_case)


# "Hauptstraße 5", "Keizersgracht 12", "Möllevångsgatan 22", "Hauptstr. 5": a street type glued to
# the end of its name, then a number of up to four digits. Found from the numbers back (a regex
# tried at every word, its letters backtracking over every type, was the costliest address pattern).
_GLUED_SUFFIXES = tuple(sorted({w.lower() for w in _CUES["street_glued_suffixes"]}, key=len, reverse=True))
# A word (possessive: no backtracking into it), an optional dot, then a number ("Hauptstr. 5"); the
# word's ending is then tested against the types.
_WORD_THEN_NUMBER = re.compile(
    r"(?<![\w])([A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]{3,60}+\.?) ?\d{1,4}(?:[a-zA-Z](?!\w)|(?!\w))"
)
EU_ADDRESS = re.compile(
    r"\b(?:Rue|Avenue|Boulevard|Calle|Avenida|Via|Viale|Piazza|Plaza|Rua|Ulica|ul\.|Carrer|Paseo|Chemin|Quai)"
    r"(?: (?:de|del|della|di|da|do|dos|das|la|le|les|du|des|d'|l')?[ ]?(?-i:[A-Z\u00c0-\u00dd])[\w'\u2019\-]*){1,4},? \d{1,4}[a-z]?"
    r"(?:[/\-]\d{1,4}[a-z]?)?\b(?![:.]\d)"  # "ul. Zielona 8/12": flat 12 of number 8
    r"|\b\d{1,4}(?:-\d{1,4})?,? (?:rue|avenue|boulevard|bd|place|all\u00e9e|chemin|impasse|quai|calle|via)"
    r"(?: (?:de|del|della|di|du|des|de la|d'|l')?[ ]?(?-i:[A-Z\u00c0-\u00dd])[\w'\u2019\-]*){1,4}"
    r"|\bP\.?O\.? Box \d+\b",
    re.IGNORECASE,
)
# Every EU_ADDRESS match holds one of these as a word.
_EU_ADDRESS_WORDS = frozenset(
    "rue avenue boulevard calle avenida via viale piazza plaza rua ulica ul carrer paseo chemin quai bd place all\u00e9e "
    "impasse box".split()
)


def glued_streets(text: str) -> Iterator[Span]:
    """A house number after a word that ends in a glued street type, two letters or more before it."""
    for match in _WORD_THEN_NUMBER.finditer(text):
        word = match.group(1).lower()
        if word.endswith(_GLUED_SUFFIXES) and any(
            word.endswith(suffix) and len(word) - len(suffix) >= 2 for suffix in _GLUED_SUFFIXES
        ):
            yield Span(match.start(), match.end(), "ADDRESS")


# A street named by its type word, with or without a number, in the languages of data/cues.json:
# "Rue des Martyrs", "calle Florida", "Passeig de Gràcia 92", "Av. Insurgentes Sur 1602", "Corso
# Spezia 60", "Rumeli Caddesi 45", "Bağdat Caddesi'nde". The name is capitalised; a type word that is
# also an English word ("Via", "Place") counts only capitalised, and "via" never without a number.
# A capital of the Latin, Greek or Cyrillic alphabets, or any letter of a script without capitals
# (Hebrew, Arabic, Thai), starts a street's name: "Rue des Martyrs", "ул. Пушкина", "Đường Lê Lợi".
_NAME_CAPITAL = r"A-Z\u00c0-\u00de\u0100-\u017f\u0386-\u03ab\u0400-\u042f\u1e00-\u1eff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f"
_NAME_WORD = rf"(?-i:[{_NAME_CAPITAL}])[\w\-{MARKS}]*(?:['\u2019](?-i:[A-Z])[\w\-]*)?"
_STREET_PARTICLE = r"(?:de la|de los|de las|del|de|des|du|della|delle|dei|di|da|do|dos|das|d'|l'|la|le|les|yr|y|e)"
# "12", "12a", "8/12", "no. 5", "д. 10" (Russian "house"), "№ 7", "# 45-20" (Colombia).
_HOUSE_NUMBER = (
    r"(?:,? (?:n[\u00ba\u00b0o]\.? ?|no:? ?|nr\.? ?|\u0434\.? ?|\u0434\u043e\u043c ?|\u2116 ?|# ?)?"
    r"\d{1,4}[a-zA-Z]?(?:[/\-]\d{1,4}[a-zA-Z]?)?(?![\d:.,]\d|\w))"
)


def _cased_words(key: str) -> str:
    """The words of `key`, a capitalised one ("Diagonal", an English word too) only as written."""
    words = _CUES[key]
    cased = [w for w in words if w[:1].isupper()]
    return trie_pattern([w for w in words if not w[:1].isupper()], ignore_case=True) + "|(?-i:" + trie_pattern(cased) + ")"


# "No. 12, Jalan SS2/24", "House 42, Road 11": a house named before its street.
_HOUSE_BEFORE = r"(?:(?-i:No\.?|House|Plot|Lot) ?\d{1,4}[A-Za-z]?,? )?"
NAMED_STREET = re.compile(
    # "Calle 85 # 11-53", "Carrera 7 #45-20", "Soi 11", "Jalan SS2/24": streets numbered, not named
    # (tried first: "SS2" would pass for a name).
    rf"(?<![\w.]){_HOUSE_BEFORE}(?:{_cased_words('street_types_numbered')}) (?-i:[A-Z]{{0,3}})\d{{1,3}}[A-Za-z]?(?:/\d{{1,3}})?"
    rf"(?:(?: ?bis)? ?[A-Z]\b)?(?P<numbered>{_HOUSE_NUMBER})?(?![\w%])"
    rf"|(?<![\w.]){_HOUSE_BEFORE}(?:(?:{_words('street_types_before')})|(?-i:{_words('street_types_before_english_words', ignore_case=False)}))"
    rf"(?: (?:{_STREET_PARTICLE}) ?)?(?: ?{_NAME_WORD})(?: (?:{_STREET_PARTICLE} ?)?{_NAME_WORD}){{0,3}}"
    rf"(?P<number>{_HOUSE_NUMBER}{{1,2}})?"
    rf"|(?<![\w.]){_NAME_WORD}(?: {_NAME_WORD}){{0,2}} (?-i:{_words('street_types_after', ignore_case=False)})(?!\w){_HOUSE_NUMBER}?"
    # Korean road names end in 로 or 길, then the building's number: "테헤란로 152", "봉은사로 12길 5".
    r"|[\uac00-\ud7a3]+(?:\ub85c|\uae38)(?: \d{1,3}(?:\ubc88)?\uae38)? \d{1,4}(?:-\d{1,4})?(?!\d)",
    re.IGNORECASE,
)

_MONTH_LIST = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"
).split()
_MONTHS = trie_pattern(_MONTH_LIST, ignore_case=True)
_ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_ORDINAL_WORDS = f"(?:{_ORDINAL_WORDS})"
_WEEKDAY_NAME = r"(?:Mon|Tues|Tue|Wednes|Weds|Wed|Thurs|Thur|Thu|Fri|Satur|Sat|Sun)(?:day)?,? (?:the )?"
_WEEKDAY = rf"(?:{_WEEKDAY_NAME})?"
DATE = re.compile(
    rf"\b{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?(?: of)? (?:{_MONTHS})\b\.?(?:,? \d{{4}}\b|,? '\d{{2}}\b)?"
    rf"|\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?"
    rf"|\b(?:{_MONTHS}) \d{{4}}\b"
    r"|\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"
    r"|\b\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}\b"
    r"|(?<=\bon )\d{1,2}/\d{1,2}\b(?!/)"
    r"|(?<![\d/.])\d{1,2}/\d{1,2}\b(?![/.]?\d)"  # kept only if it reads as a date (see day_month_date)
    rf"|\b(?:{_MONTHS}) the \d{{1,2}}(?:st|nd|rd|th)\b"
    rf"|\b{_WEEKDAY_NAME}\d{{1,2}}(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)


_NOT_DISTRICTS = {"CO2", "B12", "B6", "B1", "A4", "A5", "PS4", "PS5", "MP3", "MP4", "G7", "G20", "F1", "T1", "T2", "A1", "M1"}


_WORD_CHARS = re.compile(r"\w+").findall


def word_set(lower: str) -> set[str]:
    """The words of a text in lower case: its runs of word characters, so split at spaces and at
    every mark ("caddesi'nde", "av.", "«mars»", "📸insta:"). Every word-led pattern starts at a word
    boundary, so a set lookup tells whether it can match at all."""
    return set(_WORD_CHARS(lower))


def _gate_word(phrase: str) -> str:
    """The word of `phrase` that a text holding it holds too (its longest)."""
    return max(word_set(phrase.lower()), key=len)


def _month_names(only: tuple[str, ...] | None = None) -> list[str]:
    """Month names of every calendar and language in `data/dates.json` (built from CLDR by
    `data/build_dates.py`), or of the languages `only`, longest first so "maggio" is tried before "mag."."""
    data = _data("dates.json")
    names = {name for language, forms in data["months"].items() if only is None or language in only for name in forms}
    if only is None:
        names |= set(data["other_calendars"])
    return sorted(names, key=len, reverse=True)


def _alternatives(words: list[str]) -> str:
    return trie_pattern(words, ignore_case=True)


_THAI = re.compile("[\u0e00-\u0e7f]").search
# After a month, no letter of a spaced script: "3 marzo" but not "3 marzolino". Thai writes no
# spaces between words, so a Thai month may run on into the next word ("3 มีนาคมนี้").
_MONTH_END = r"(?![^\W\u0e00-\u0e7f])"
# "3 марта", "3. März", "le 12 mai", "5 de junio de 2025", "1er juin", "15 maja", "3 Mart'ta",
# "3 Μαρτίου", "3 במרץ", "12 Farvardin": a day number, then a month in any language we know the
# months of ("5hb Mac": Malay's ordinal); "Marso 3, 2025", "Megabit 12", "2081 Shrawan 5", "március 3."
# in the languages that write the month first; and
# Vietnamese, whose months are numbers: "ngày 3 tháng 4", "3 tháng 4 năm 2025", "ngày 3/4".
WORLD_DATE = re.compile(
    r"(?<![\w.,/])\d{1,2}(?:\.|er|re|\u00e8me|e|\u00ba|\u00aa|\u00b0|st|nd|rd|th|hb)? ?(?:de |del |d'|of )?"
    rf"(?:{_alternatives(_month_names())}){_MONTH_END}"
    r"(?:,? (?:de |del )?\d{4}(?!\d))?"
    rf"|(?<![\w.])(?:\d{{4}}\.? )?(?:{_alternatives(_month_names(tuple(_data('dates.json')['month_first'])))}) \d{{1,2}}(?:st|nd|rd|th|\.)?"
    r"(?![\d:]|[.,]\d)(?:,? \d{4}(?!\d))?"
    r"|(?<!\w)(?:ng[\u00e0a]y |m[\u00f9u]ng |m[\u1ed3o]ng )?\d{1,2} th[\u00e1a]ng \d{1,2}(?!\d)(?: n[\u0103a]m \d{4}(?!\d))?"
    r"|(?<!\w)ng[\u00e0a]y \d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])",
    re.IGNORECASE,
)
# Every WORLD_DATE match holds one of these as a word ("de junio" holds "junio"; "ก.ค." holds "ก"),
# except a Thai month run on into the next word, looked for as written (_THAI_MONTHS).
# English months are DATE's: with only those WORLD_DATE adds only the German "20. April".
_ENGLISH_MONTHS = frozenset(_data("dates.json")["months"]["en"])
_MONTH_WORDS = frozenset(
    _gate_word(w) for w in _month_names() if not _THAI(w)
) - _ENGLISH_MONTHS | {"th\u00e1ng", "thang", "ng\u00e0y", "ngay"}
_THAI_MONTHS = tuple(w for w in _month_names() if _THAI(w))
_DAY_DOT = re.compile(r"\d\. ?[A-Za-z]").search
# "24.12.", "14.03.": day and month with the German and Turkish trailing dot, no year.
DOTTED_DAY_MONTH = re.compile(r"(?<![\d.,])\d{1,2}\.\d{1,2}\.(?!\d)")
# "Appointment 17.6 at 08:30", "Termin am 3.5": a day and a one-digit month without the trailing dot
# is a date after a word that says when (a time has two digits after its dot: "by 9.05"), and not
# before a unit ("after 1.5 hours").
SHORT_DAY_MONTH = re.compile(r"(?<![\d.,])\d{1,2}\.[1-9](?![\d.]|,\d)")
_SHORT_DATE_CUE = re.compile(
    r"\b(?:on|by|until|till|since|after|before|due|appt|appointment|termin|am|le|el|il|op|den|dne|dia|from|bis|ab|vom)\W{0,3}$",
    re.IGNORECASE,
).search
_UNIT_AFTER = re.compile(
    r" ?(?:[%\u00b0/\d]|(?:hours?|hrs?|h|mins?|minutes?|mg|mcg|ml|l|kg|g|km|cm|mm|lbs?|miles?|weeks?|days?|months?|years?|"
    r"times?|out|points?|stars?|x|kilos?|litres?|liters?|percent|stunden|std|tage|wochen|jahre|heures|jours|horas|d\u00edas|ore|giorni)\b)",
    re.IGNORECASE,
).match
# "3월 14일", "2025년 3월 14일", "3月14日", "2024年11月8日", "令和6年5月1日": Korean, Japanese and
# Chinese dates are written with the unit after each number (year, month, day), and Japanese years
# also by era (Reiwa, Heisei, Showa).
CJK_DATE = re.compile(
    r"(?<!\d)(?:(?:\d{4}|(?:\u4ee4\u548c|\u5e73\u6210|\u662d\u548c)(?:\d{1,2}|\u5143))\u5e74 ?)?\d{1,2}\u6708 ?\d{1,2}[\u65e5\u53f7\u865f]"
    r"|(?<!\d)(?:\d{4}|(?:\u4ee4\u548c|\u5e73\u6210|\u662d\u548c)\d{1,2})\u5e74 ?\d{1,2}\u6708"
    r"|(?<!\d)(?:\d{4}\ub144 ?)?\d{1,2}\uc6d4 ?\d{1,2}\uc77c"
    r"|(?<!\d)\d{4}\ub144 ?\d{1,2}\uc6d4"
)
# "around the 21st so I", "by the 3rd.": an ordinal after "the" is a day of the month unless a
# noun follows it ("the 5th time", "the 2nd floor"): only these words may follow a day.
ORDINAL_DAY = re.compile(r"the (?P<day>\d{1,2}(?:st|nd|rd|th))\b(?P<after>[ ]\w+)?", re.IGNORECASE)
_AFTER_A_DAY = frozenset(
    "so and but or at for when if because i we she he they then until till before after to is was which that as with "
    "in on of my our".split()
)
# After a word that says when ("on the 28th shed have a fit", "by the 3rd"), any word may follow a
# day but one that is counted: "on the 2nd floor", "by the 5th session", "after the 3rd try".
_WHEN_BEFORE_THE = re.compile(r"\b(?:on|by|until|till|before|after|from|since|around|for) $", re.IGNORECASE).search
_COUNTED = frozenset(
    "floor floors time times day days week weeks month months year years attempt attempts try tries go round rounds "
    "session sessions appointment appointments visit visits row page step stage place grade level cycle dose pill "
    "one ones lesson class week's year's month's birthday anniversary child baby pregnancy".split()
)

WORD_DATE = re.compile(rf"\b{_ORDINAL_WORDS} of (?:{_MONTHS})\b", re.IGNORECASE)


_DIGIT_RUN = re.compile(r"\d+")
_WORD_START = re.compile(r"\b\w")


def digit_places(text: str) -> tuple[list[int], list[int]]:
    """Where `text`'s runs of digits start, and where its words start: read once for every
    pattern that `near_digits` tries."""
    return [m.start() for m in _DIGIT_RUN.finditer(text)], [m.start() for m in _WORD_START.finditer(text)]


def near_digits(
    pattern: re.Pattern[str], text: str, reach: int, starts: Callable[[str, int], object] | None = None,
    places: tuple[list[int], list[int]] | None = None,
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for patterns whose every match starts at a word and has a digit at
    most `reach` characters after its start: only those word starts are tried, not every position,
    and with `starts` (a cheap `match` that every match of the pattern also passes: its first
    words) only the word starts that pass it. Worth it only for a pattern with many alternatives at
    each position (DATE: 105 -> 33 us per text with digits); for a cheap pattern the Python loop
    costs more than the scan it saves. `places` is `digit_places(text)`, if already read."""
    digits, words = places if places is not None else digit_places(text)
    resume = 0  # like finditer, nothing is searched inside the last match
    tried = 0
    for first in digits:
        k = bisect.bisect_left(words, max(resume, tried, first - reach))
        while k < len(words) and words[k] <= first:
            at = words[k]
            k += 1
            if at < resume or (starts is not None and not starts(text, at)):
                continue
            match = pattern.match(text, at)
            if match:
                yield match
                resume = match.end()
        tried = max(tried, first + 1)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


_CONTACT_FIRST_WORDS = frozenset(w.split(" ", 1)[0] for w in _CUES["contact_words"])
_STREET_WORDS = frozenset(
    _gate_word(w) for key in ("street_types_before", "street_types_after", "street_types_numbered") for w in _CUES[key]
    if not (key == "street_types_numbered" and w[:1].isupper())
)
# English words that are street types only capitalised ("Place de la Concorde"), and Thai ones, glued
# to the name ("ถนนสุขุมวิท"): looked for as written.
_ENGLISH_STREET_TYPES = re.compile(trie_pattern(
    [w + " " for w in _CUES["street_types_before_english_words"]]
    + [w + " " for w in _CUES["street_types_numbered"] if w[:1].isupper()]
    + [w for w in _CUES["street_types_before"] if _THAI(w)]
)).search


def emails_urls_handles(text: str, words: set[str] | None = None) -> Iterator[Span]:
    has_at = "@" in text
    if has_at:
        for match in EMAIL.finditer(text):
            yield Span(match.start(), _trim(text, *match.span()), "EMAIL")
        if " @ " in text:
            for match in SPOKEN_AT.finditer(text):
                yield Span(match.start(1), _trim(text, *match.span(1)), "HANDLE")
    lower = text.lower()
    if " dot " in lower or "(dot)" in lower or "[dot]" in lower:
        for match in SPOKEN_EMAIL.finditer(text):
            yield Span(match.start(), match.end(), "EMAIL")
    words = words if words is not None else word_set(lower)
    if not _HANDLE_WORDS.isdisjoint(words):
        for match in KEYED_HANDLE.finditer(text):
            value = match.group(1)
            if value.isdigit():
                continue
            # "Instagram is healing": a plain word is a handle only when someone's account is meant
            # ("my insta is fernfan", "username: fernfan").
            if value.isalpha() and not _OWNED_ACCOUNT(text, 0, match.start()) and not _NAMED_HANDLE(match.group(0)):
                continue
            yield Span(match.start(1), _trim(text, *match.span(1)), "HANDLE")
    if not _CONTACT_FIRST_WORDS.isdisjoint(words) and _could_be_an_id(text):
        for match in CONTACT_ID.finditer(text):
            value = text[match.start(1) : _trim(text, *match.span(1))]
            if _ID_SHAPED(value) and not value.isdigit():
                yield Span(match.start(1), match.start(1) + len(value), "HANDLE")
    if "_" in text:
        vocabulary = gazetteer().vocabulary
        for match in UNDERSCORED.finditer(text):
            # "all_or_nothing", "self_worth": everyday words joined for a machine, not someone's name.
            if not all(part in vocabulary for part in match.group(0).lower().replace(".", "_").split("_") if part):
                yield Span(match.start(), match.end(), "HANDLE")
    if "#" in text:
        for match in TAGGED.finditer(text):
            yield Span(match.start(), match.end(), "HANDLE")
    if "." in text and _HAS_ANY_DIGIT(text) and _inner_dot(text, then_digit=True):
        for match in DOTTED_NAME.finditer(text):
            if sum(c.isalpha() for c in match.group(0)) >= 4:
                yield Span(match.start(), match.end(), "HANDLE")
    if "http" in lower or "www." in lower:
        for match in URL.finditer(text):
            yield Span(match.start(), _trim(text, *match.span()), "URL")
    if _DOT_TLD(text):
        for match in DOMAIN.finditer(text):
            yield Span(match.start(), _trim(text, *match.span()), "URL")
    if not has_at and "u/" not in text and "r/" not in text:
        return  # a handle starts "@", "u/" or "r/"
    for match in HANDLE.finditer(text):
        yield Span(match.start(), _trim(text, *match.span()), "HANDLE")


def nhs_checksum_ok(digits: str) -> bool:
    """The NHS number's modulus-11 check digit (a random 10-digit number passes 1 time in 11)."""
    if len(digits) != 10:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


_NOT_DIGIT = re.compile(r"\D")
_PHONE_SEPARATORS = re.compile(r"[ ()./\-]+")
_LOCAL_NUMBER = re.compile(r"\d{3}[ .\-]\d{4}").fullmatch
_DASHED_RANGE = re.compile(r"\d{1,2}-\d{1,2}-\d{2}").fullmatch


# Cheap tests that every match of a costlier pattern needs: a text without them skips that pattern
# (see digit_shapes). Flags match the pattern's, so the gate never lies.
_HAS_DASHED_DIGITS = re.compile(r"\d-\d").search  # SSN, Polish and Portuguese postcodes, block addresses
_HAS_SIX_DIGITS = re.compile(r"\d{2} ?\d{2} ?\d{2}").search  # NI numbers


_INWARD_AFTER = re.compile(r"\d[A-Z]{2}", re.IGNORECASE).match
ALL_SHAPES = frozenset({"dashed", "six", "caps", "inward", "capital", "four", "spaced"})
_THREE_DIGITS = re.compile(r"\d{3}").fullmatch


def digit_shapes(text: str) -> frozenset[str]:
    """The shapes a text's digits take, read off its runs of digits in one pass (each was a scan of
    the whole text): "dashed" \\d-\\d (SSN, Polish and Portuguese postcodes), "four" \\d{4} (ZIP,
    Australian, continental and Dutch postcodes), "capital" [A-Z]\\d (districts, Eircodes, Canadian
    codes), "caps" [A-Z]{2}\\d{2} (IBANs, number plates), "inward" \\d[A-Z]{2} in any case (UK
    postcodes end "9QW"), "six" \\d{2} ?\\d{2} ?\\d{2} (NI numbers), "spaced" three digits, a
    space, two ("130 00": Czech, Slovak, Swedish and Greek postcodes)."""
    shapes = set()
    total = 0
    size = len(text)
    for run in _DIGIT_RUN.finditer(text):
        start, end = run.span()
        total += end - start
        if end - start >= 4:
            shapes.add("four")
        if start and "A" <= text[start - 1] <= "Z":
            shapes.add("capital")
            if end - start >= 2 and start >= 2 and "A" <= text[start - 2] <= "Z":
                shapes.add("caps")
        if end + 1 < size and text[end] == "-" and text[end + 1].isdecimal():
            shapes.add("dashed")
        if _INWARD_AFTER(text, end - 1):
            shapes.add("inward")
        if end - start == 2 and start >= 4 and text[start - 1] == " " and _THREE_DIGITS(text, start - 4, start - 1) \
                and not (start >= 5 and text[start - 5].isdecimal()):
            shapes.add("spaced")
    if total >= 6 and _HAS_SIX_DIGITS(text):
        shapes.add("six")
    return frozenset(shapes)


# "0345 600 3344 ext 212": the extension goes with the number.
_EXTENSION = re.compile(r",? ?(?:ext|extn|extension|x)\.? ?\d{1,5}\b", re.IGNORECASE).match
# "Flat 5B, Sai Apartments": a home's unit number is part of an address even without the street.
# (Not "Unit 4" or "Room 12", which are as often wards and clinic rooms.)
HOME_UNIT = re.compile(
    r"\b(?:Flat|FLAT|Apt|APT|apt|Apartment|APARTMENT)\.? ?(?:[Nn]o\.? ?)?#?\d{1,5}[A-Za-z]?\b"
    r"(?! ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|miles?|km|metres?|meters?|m)\b)"
)
# "Dublin 8", "Dublin 6W", "Praha 3", "Paris 15e", "Budapest XIII": cities whose districts are
# numbered, the number as narrow as a postcode.
_NUMBERED_DISTRICT_CITIES = ("Dublin", "Praha", "Prague", "Paris", "Lyon", "Marseille", "Wien", "Budapest", "Bratislava", "Brno")
DUBLIN_DISTRICT = re.compile(
    rf"\b(?:{'|'.join(_NUMBERED_DISTRICT_CITIES)}) (\d{{1,2}}(?:W|e|er)?|(?-i:[IVX]{{1,5}}))(?![\w:])"
    r"(?! ?(?:days?|nights?|weeks?|months?|years?|hours?|times?|people|of|or|to|-)\b)"  # "in Paris 2 days"
)
_NUMBERED_DISTRICT_CITY = re.compile(trie_pattern(city + " " for city in _NUMBERED_DISTRICT_CITIES)).search
# "3-12-1 Shibuya": a Japanese block address (chome, block, house) before the district's name.
BLOCK_ADDRESS = re.compile(r"(?<![\w/.\-])\d{1,4}-\d{1,4}-\d{1,4}(?= [A-Z])")


# The first word of every ID keyword: a text whose words hold none has no keyed ID.
_ID_FIRST_WORDS = frozenset(k.split(" ")[0] for k in _ID_KEYWORDS)


def phones_and_numbers(text: str, words: set[str] | None = None, shapes: frozenset[str] | None = None) -> Iterator[Span]:
    shapes = shapes if shapes is not None else digit_shapes(text)
    for match in PHONE.finditer(text):
        start, end = match.start(), _trim(text, *match.span())
        extension = _EXTENSION(text, end)
        raw = text[start:end]
        digits = _NOT_DIGIT.sub("", raw)
        if "/" in raw and not raw.startswith(("+", "00")):
            continue  # 7/10, 1/2: ratings and fractions, not phone numbers
        before = text[max(0, start - 24) : start].lower()
        if len(digits) == 10 and (nhs_checksum_ok(digits) or "nhs" in before) and not raw.startswith(("0", "+")):
            yield Span(start, end, "ID")
        elif len(digits) == 16 and all(len(g) == 4 for g in _PHONE_SEPARATORS.split(raw) if g):
            yield Span(start, end, "ID")  # a payment card number
        elif _ID_BEFORE(before) and not _PHONE_BEFORE(before):
            yield Span(start, end, "ID")  # "member number 00983311" is an ID, whatever its shape
        elif 10 <= len(digits) <= 15 or (len(digits) >= 7 and (raw[0] in "+0(" or _LOCAL_NUMBER(raw))):
            yield Span(start, extension.end() if extension else end, "PHONE")
    for pattern, gate in ((SSN, "dashed"), (NI_NUMBER, "six"), (IBAN, "caps"), (UK_PLATE, "caps")):
        if gate in shapes:
            for match in pattern.finditer(text):
                yield Span(match.start(), match.end(), "ID")
    keyed = KEYED_ID.finditer(text) if words is None or not _ID_FIRST_WORDS.isdisjoint(words) else ()
    for match in keyed:
        value = match.group(1)
        first = value.split(" ", 1)[0]
        if first.isalpha() and first.islower():
            continue  # "Hospital on 2nd Feb": a word, then a date
        if "/" in first and _SLASHED.fullmatch(first) and " " in value:
            continue  # "Hospital 14/3 10.15am": a day and a time, not an ID
        if any(c.isdigit() for c in value) and len(value) >= 4:  # "NHS 111" is a helpline, not an ID
            yield Span(match.start(1), match.end(1), "ID")
    for match in ALNUM_ID.finditer(text):
        token = match.group(0).lstrip("#")
        n_digits = sum(map(str.isdigit, token))
        has_alpha = n_digits < len(token) and any(map(str.isalpha, token))
        # Without a space, only the slashed and dashed date shapes fit in one token.
        if _UNIT.match(token) or (("/" in token or "-" in token) and DATE.fullmatch(token)):
            continue
        shouted_code = has_alpha and n_digits >= 2 and len(token) >= 6 and token.upper() == token
        if n_digits >= 5 or (has_alpha and n_digits >= 3 and len(token) >= 5) or shouted_code:
            yield Span(match.start(), match.end(), "ID")


def postcodes(text: str, shapes: frozenset[str] | None = None) -> Iterator[Span]:
    shapes = shapes if shapes is not None else digit_shapes(text)
    if "inward" in shapes:
        for match in UK_POSTCODE.finditer(text):
            yield Span(match.start(), match.end(), "POSTCODE")
    capital_digit = "capital" in shapes
    if capital_digit:
        for match in UK_DISTRICT.finditer(text):
            if match.group(1) not in _NOT_DISTRICTS:
                yield Span(match.start(1), match.end(1), "POSTCODE")
    if _NUMBERED_DISTRICT_CITY(text):
        for match in DUBLIN_DISTRICT.finditer(text):
            yield Span(match.start(1), match.end(1), "POSTCODE")
    four_digits = "four" in shapes
    if four_digits:
        for match in AU_POSTCODE.finditer(text):
            yield Span(match.start(1), match.end(1), "POSTCODE")
        for match in US_ZIP.finditer(text):
            group = 1 if match.group(1) else 2
            yield Span(match.start(group), match.end(group), "POSTCODE")
    if four_digits or capital_digit or "dashed" in shapes or "spaced" in shapes:
        for match in EU_POSTCODE.finditer(text):
            group = next(i for i in range(1, 7) if match.group(i))
            yield Span(match.start(group), match.end(group), "POSTCODE")


def named_streets(text: str, words: set[str] | None = None) -> Iterator[Span]:
    """Streets known by their type word, numbered or not (NAMED_STREET): no digit needed."""
    if _STREET_WORDS.isdisjoint(words if words is not None else word_set(text.lower())) and not _ENGLISH_STREET_TYPES(
        text
    ) and not ("\ub85c " in text or "\uae38 " in text):
        return
    for match in NAMED_STREET.finditer(text):
        first = match.group(0).split(" ", 1)[0].lower()
        if first == "via" and not match.group("number"):
            continue  # "via Zoom", "Via Manchester": the English word, not a street
        yield Span(match.start(), _trim(text, *match.span()), "ADDRESS")


def addresses(
    text: str, text_words: set[str] | None = None, places: tuple[list[int], list[int]] | None = None
) -> Iterator[Span]:
    if _HAS_DASHED_DIGITS(text):
        for match in BLOCK_ADDRESS.finditer(text):
            yield Span(match.start(), match.end(), "ADDRESS")
    for match in HOME_UNIT.finditer(text):
        yield Span(match.start(), match.end(), "ADDRESS")
    # A match starts at a unit word ("Apartment #12") or the number: a digit within 16 characters;
    # and it holds a street type as a whole word (a run of word characters after a space).
    lower = text.lower()
    text_words = text_words if text_words is not None else word_set(lower)
    street_typed = not _STREET_TYPES.isdisjoint(text_words)
    for match in near_digits(ADDRESS, text, 16, _ADDRESS_STARTS, places) if street_typed else ():
        words = match.group(1).split()
        suffix = match.group(2).lower()
        if any(w.lower().strip(".'\u2019") in _NOT_STREET_WORDS for w in words):
            continue
        capitalised = any(w[:1].isupper() for w in words) and match.group(2)[:1].isupper()
        if capitalised or suffix in _STRONG_STREET:
            yield Span(match.start(), _trim(text, *match.span()), "ADDRESS")
    yield from glued_streets(text)
    if not _EU_ADDRESS_WORDS.isdisjoint(text_words):
        for match in EU_ADDRESS.finditer(text):
            yield Span(match.start(), _trim(text, *match.span()), "ADDRESS")


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})")
_DATE_CUE = re.compile(
    r"\b(?:on|by|from|until|till|since|after|before|due|dated|birthday(?: is)?|appt|appointment|booked for|"
    r"(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\W{0,3}$",
    re.IGNORECASE,
).search


def day_month_date(text: str, start: int, raw: str) -> bool:
    """Is "12/04" a date? Ratings and fractions ("7/10", "1/2", "24/7") look the same. A date has a
    day and a month in range and either a leading zero, a day past 12 or a word such as "on" before it."""
    slashed = _SLASHED.fullmatch(raw)
    if slashed is None:
        return True  # the other date shapes are unambiguous
    day, month = int(slashed.group(1)), int(slashed.group(2))
    if 13 <= month <= 31 and 1 <= day <= 12:
        # "call after 5/20": month first, as in the US; "5/20" is as often a score, so only after a cue.
        return bool(_DATE_CUE(text[max(0, start - 20) : start]))
    if not (1 <= day <= 31 and 1 <= month <= 12) or raw == "24/7":
        return False
    if raw.startswith("0") or "/0" in raw or day > 12:
        return True
    return bool(_DATE_CUE(text[max(0, start - 20) : start]))


# Every date shape in one pass over the places near a digit (each alternative starts at most 24
# characters before one): English forms, an ordinal after "the", "24.12.", and (only when the text
# holds another language's month) WORLD_DATE.
_DAY_SHAPES = (
    rf"(?P<date>{DATE.pattern})|(?P<ordinal>{ORDINAL_DAY.pattern})"
    rf"|(?P<dotted>{DOTTED_DAY_MONTH.pattern})|(?P<short>{SHORT_DAY_MONTH.pattern})"
)
_ALL_DATES = re.compile(_DAY_SHAPES, re.IGNORECASE)
_ALL_DATES_AND_WORLD = re.compile(_DAY_SHAPES + rf"|(?P<world>{WORLD_DATE.pattern})", re.IGNORECASE)
# Where a match of these can start: a digit, an English month or weekday, "the" (an ordinal day);
# and for WORLD_DATE any month name, or Vietnamese "ngày", "mùng", "mồng". Tried before the
# patterns themselves, whose many alternatives each cost a try at every word near a digit.
_FIRST_DATE_WORDS = _MONTH_LIST + "Mon Tue Wed Thu Fri Sat Sun the".split()
_DATE_STARTS = re.compile(r"\d|" + trie_pattern(_FIRST_DATE_WORDS, ignore_case=True), re.IGNORECASE).match
_WORLD_DATE_STARTS = re.compile(
    r"\d|" + trie_pattern(_FIRST_DATE_WORDS + _month_names() + ["ng\u00e0y", "ngay", "m\u00f9ng", "mung", "m\u1ed3ng", "mong"], ignore_case=True),
    re.IGNORECASE,
).match


def dates(text: str, words: set[str] | None = None, places: tuple[list[int], list[int]] | None = None) -> Iterator[Span]:
    words = words if words is not None else word_set(text.lower())
    world = (
        not _MONTH_WORDS.isdisjoint(words)
        or (_DAY_DOT(text) and not _ENGLISH_MONTHS.isdisjoint(words))
        or (not text.isascii() and _THAI(text) is not None and any(m in text for m in _THAI_MONTHS))
    )
    pattern, starts = (_ALL_DATES_AND_WORLD, _WORLD_DATE_STARTS) if world else (_ALL_DATES, _DATE_STARTS)
    for match in near_digits(pattern, text, 24, starts, places):
        raw = match.group(0)
        if match.group("date") is not None:
            if _DASHED_RANGE(raw):
                continue  # "10-20-30" is more likely a range than a date
            if not day_month_date(text, match.start(), raw):
                continue
        elif match.group("ordinal") is not None:
            after = match.group("after")
            whole = DATE.match(text, match.start("day"))  # "the 3rd of May" is day and month
            if whole is not None:
                yield Span(whole.start(), _trim(text, *whole.span()), "DATE")
            elif after is None or after.strip().lower() in _AFTER_A_DAY or after.strip()[:1].isupper() or (
                after.strip().lower() not in _COUNTED and _WHEN_BEFORE_THE(text, max(0, match.start() - 7), match.start())
            ):
                yield Span(match.start("day"), match.end("day"), "DATE")
            continue
        elif match.group("dotted") is not None:
            day, month = raw.split(".")[:2]
            if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
                yield Span(match.start(), match.end(), "DATE")  # the dot is the date's own
            continue
        elif match.group("short") is not None:
            day = int(raw.split(".")[0])
            after = _UNIT_AFTER(text, match.end())
            at_time = text.startswith((" at ", " um ", " \u00e0 ", " om ", " kl"), match.end())
            if 1 <= day <= 31 and (at_time or (after is None and _SHORT_DATE_CUE(text, max(0, match.start() - 16), match.start()))):
                yield Span(match.start(), match.end(), "DATE")
            continue
        yield Span(match.start(), _trim(text, *match.span()), "DATE")
    if not text.isascii() and ("\u6708" in text or "\uc6d4" in text):  # 月, 월
        for match in CJK_DATE.finditer(text):
            yield Span(match.start(), match.end(), "DATE")


_HAS_DIGIT = re.compile(r"\d").search


def find_patterns(text: str) -> list[Span]:
    """Every shaped identifier the regular expressions see, overlaps included."""
    words = word_set(text.lower())
    spans = [span for span in emails_urls_handles(text, words) if span.end > span.start]
    spans += named_streets(text, words)
    if " of " in text:
        spans += [Span(m.start(), m.end(), "DATE") for m in WORD_DATE.finditer(text)]
    # Every other shape has a digit in it; most diary sentences have none.
    if _HAS_DIGIT(text):
        shapes = digit_shapes(text)
        places = digit_places(text)
        spans += [span for span in postcodes(text, shapes) if span.end > span.start]
        spans += [span for span in addresses(text, words, places) if span.end > span.start]
        spans += [span for span in dates(text, words, places) if span.end > span.start]
        spans += [span for span in phones_and_numbers(text, words, shapes) if span.end > span.start]
    return spans
