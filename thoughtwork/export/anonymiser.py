"""Scrubbing free text: identifiers become typed placeholders such as [NAME] or [PHONE].

Shaped identifiers (emails, phone numbers, postcodes...) are found first by regular
expressions; the remaining words are judged by `names.NameFinder`. Where findings overlap,
the longer one wins, so "12 Baker Street" stays one [ADDRESS] rather than a number and a name,
and whatever the loser covered beyond the winner is still hidden.

Text is cleaned first (terminal escape sequences removed, control characters made visible):
"\x1b[31mSam\x1b[0m" must be read as "Sam", and nothing scrubbed may carry escape sequences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from thoughtwork.export.gazetteer import gazetteer
from thoughtwork.export.names import NameFinder
from thoughtwork.export.patterns import KINDS, Span, find_patterns
from thoughtwork.text import clean

# What `clean` changes: C0/C1 controls (escape sequences start with one), bidi controls. Text
# without any (nearly all) skips its per-character loop.
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]").search
# Invisible characters that split a word without showing: "Pri\u200bya" reads as "Priya".
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Everything `readable` changes, as code-point ranges: the two sets above. Merge looks for them
# a whole column at a time (in Python and in Arrow) and leaves text without any as it is.
READING_RANGES = ((0x00, 0x08), (0x0b, 0x1f), (0x7f, 0x9f), (0xad, 0xad), (0x200b, 0x200b), (0x200e, 0x200f),
                  (0x202a, 0x202e), (0x2060, 0x2060), (0x2066, 0x2069), (0xfeff, 0xfeff))

# Kinds recognised by their digits: what is left of one beside a winner is kept only with a digit
# ("Hospital on 2nd Feb" read as ID "on 2nd" leaves "on", which identifies nothing).
_DIGIT_SHAPED = frozenset(("PHONE", "ID", "DATE", "POSTCODE"))
_HAS_DIGIT = re.compile(r"\d").search

_PLACEHOLDER = re.compile(r"\[(" + "|".join(KINDS) + r")\]")

# When two findings cover the same stretch, the more specific kind names it.
_RANK = {kind: rank for rank, kind in enumerate(
    ("EMAIL", "URL", "HANDLE", "POSTCODE", "DATE", "PHONE", "ID", "ADDRESS", "ORG", "PLACE", "NAME")
)}


@dataclass(frozen=True)
class Scrubbed:
    """A scrubbed text and what was replaced."""

    original_length: int
    text: str
    spans: tuple[Span, ...] = field(default_factory=tuple)
    """Offsets into the text as read (see `readable`), which differs from the original only
    where the original held control characters or invisible ones."""

    def counts(self) -> dict[str, int]:
        """How many placeholders of each kind were put in."""
        out: dict[str, int] = {}
        for span in self.spans:
            out[span.kind] = out.get(span.kind, 0) + 1
        return out

    def pieces(self) -> list[tuple[str, str | None]]:
        """The scrubbed text as (piece, kind) pairs: kind is None for kept text, else the placeholder's kind."""
        return split_placeholders(self.text)


def split_placeholders(text: str) -> list[tuple[str, str | None]]:
    """Scrubbed text cut into kept pieces (kind None) and placeholders (kind "NAME", ...)."""
    out: list[tuple[str, str | None]] = []
    last = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > last:
            out.append((text[last : match.start()], None))
        out.append((match.group(0), match.group(1)))
        last = match.end()
    if last < len(text):
        out.append((text[last:], None))
    return out


class Anonymiser:
    """Replaces identifiers in free text. Make one per export: it compiles the person's names once."""

    def __init__(self, known_names: Iterable[str] = ()) -> None:
        self.names = NameFinder(gazetteer(), known_names)

    def learn(self, texts: Iterable[str]) -> None:
        """Read all of one person's texts first, so a name found in one ("I thanked Grace") is also
        hidden where it would pass for a word ("Grace was lovely", at the start of a sentence)."""
        for text in texts:
            if text:
                self.names.learn(readable(text))

    def find(self, text: str) -> list[Span]:
        """The stretches of `text` to replace, sorted and without overlaps. `text` is taken as it
        is: `scrub` makes it `readable` first."""
        if not text:
            return []
        shaped = resolve(text, find_patterns(text) + self.names.known_spans(text))
        worded = self.names.find(text, [(s.start, s.end) for s in shaped])
        spans = resolve(text, shaped + worded)
        if any(s.kind == "ADDRESS" for s in spans):
            spans = resolve(text, spans + _address_tails(text, spans, self.names.lists.safe_capitalised))
        return _merge_names(text, spans)

    def scrub(self, text: str) -> Scrubbed:
        original_length = len(text)
        text = readable(text)
        spans = self.find(text)
        out = []
        last = 0
        for span in spans:
            out.append(_neutralise(text[last : span.start]))
            out.append(f"[{span.kind}]")
            last = span.end
        out.append(_neutralise(text[last:]))
        return Scrubbed(original_length, "".join(out), tuple(spans))


# What follows a street address, comma by comma: a floor ("3º Esq", "2nd Floor"), a locality or
# city in capitalised words ("Gardens", "Salthill"), and a postcode of digits ("8001", "Wellington 6140").
_TAIL = re.compile(
    r",? (?:(?P<floor>\d{1,3}[\u00ba\u00b0\u00aa] ?[A-Za-z]{0,5}\.?|\d{1,2}(?:st|nd|rd|th) [Ff]loor)"
    r"|(?P<words>[A-Z][a-z\u00df-\u00ff][\w'\u2019\-]*(?: [A-Z][a-z\u00df-\u00ff][\w'\u2019\-]*){0,2}(?: [IVX]{1,4}\b)?)(?: (?P<code>\d{4,6}))?"
    r"|(?P<number>\d{4,6}))(?=[,.;:!?)\s]|$)"
)


def _address_tails(text: str, spans: list[Span], not_places: frozenset[str]) -> list[Span]:
    """The rest of each address, up to four comma-separated parts after the street: "Unit 7, 45 Kloof
    Street, Gardens, 8001" hides "Gardens" and "8001" too. A part already found is passed over; a
    part in lower case, a day or "I" ends the address."""
    found = {(s.start, s.end) for s in spans}
    starts = {s.start: s for s in spans}
    out = []
    for span in spans:
        if span.kind != "ADDRESS":
            continue
        at = span.end
        for _ in range(4):
            match = _TAIL.match(text, at)
            if match is None:
                break
            words = match.group("words")
            if words and any(w in not_places for w in words.split()):
                break
            for group, kind in (("floor", "ADDRESS"), ("words", "PLACE"), ("code", "POSTCODE"), ("number", "POSTCODE")):
                if match.group(group) and (match.start(group), match.end(group)) not in found:
                    out.append(Span(match.start(group), match.end(group), kind))
            at = match.end()
            # A part the detectors already took ("Brooklyn", "NY 11217") is stepped over whole.
            while at + 2 in starts or at + 1 in starts:
                at = starts.get(at + 2, starts.get(at + 1)).end
    return out


def readable(text: str) -> str:
    """The text as a reader sees it: escape sequences gone, control characters shown as symbols
    (`thoughtwork.text.clean`), invisible word-splitting characters removed."""
    if _NEEDS_CLEANING(text):
        text = clean(text)
    if "\u00ad" in text or "\u200b" in text or "\u2060" in text or "\ufeff" in text:
        text = _INVISIBLE.sub("", text)
    return text


def resolve(text: str, spans: list[Span]) -> list[Span]:
    """Overlapping findings settled: longest first, then the more specific kind. A finding that
    overlaps one already chosen keeps the parts outside it: "943 476 5919" read as an ID and
    "5919, 10 Downing Street" as an address must not leave "943 476" behind."""
    if len(spans) < 2:
        return list(spans)  # nothing to settle (most texts have no finding, or one)
    chosen: list[Span] = []  # kept sorted by start; chosen spans never overlap
    starts: list[int] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), _RANK[s.kind], s.start)):
        at = bisect.bisect_left(starts, span.start)
        if at > 0 and chosen[at - 1].end > span.start:
            at -= 1
        if at == len(chosen) or chosen[at].start >= span.end:
            chosen.insert(at, span)
            starts.insert(at, span.start)
            continue
        for piece in _uncovered(text, span, chosen, at):
            where = bisect.bisect_left(starts, piece.start)
            chosen.insert(where, piece)
            starts.insert(where, piece.start)
    return chosen


def _uncovered(text: str, span: Span, chosen: list[Span], at: int) -> list[Span]:
    """The parts of `span` outside the chosen spans from index `at` on (the first one that
    overlaps it), as spans of the same kind, trimmed to their first and last letter or digit
    (", 10 Downing Street" is "10 Downing Street"); a part with none (", ") is dropped."""
    pieces = []
    cursor = span.start
    while at < len(chosen) and chosen[at].start < span.end:
        if chosen[at].start > cursor:
            pieces.append((cursor, chosen[at].start))
        cursor = max(cursor, chosen[at].end)
        at += 1
    if cursor < span.end:
        pieces.append((cursor, span.end))
    out = []
    for start, end in pieces:
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end and (span.kind not in _DIGIT_SHAPED or _HAS_DIGIT(text, start, end)):
            out.append(Span(start, end, span.kind))
    return out


def _merge_names(text: str, spans: list[Span]) -> list[Span]:
    """'Priya Sharma' is one person and "Bishop's Stortford" one place: neighbouring spans of one
    kind joined by a space, hyphen or "'s" become one."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].kind == span.kind and span.kind in ("NAME", "PLACE", "ORG"):
            gap = text[out[-1].end : span.start]
            if gap in (" ", "-", "", " & ", "'s ", "\u2019s "):
                out[-1] = Span(out[-1].start, span.end, span.kind)
                continue
        out.append(span)
    return out


def _neutralise(kept: str) -> str:
    # A literal "[NAME]" typed by the person would look like a redaction; mark it as theirs.
    return _PLACEHOLDER.sub(lambda m: "(" + m.group(0)[1:-1] + ")", kept)
