"""Scrubbing free text: identifiers become typed placeholders such as [NAME] or [PHONE].

Shaped identifiers (emails, phone numbers, postcodes...) are found first by regular
expressions; the remaining words are judged by `names.NameFinder`. Where findings overlap,
the longer one wins, so "12 Baker Street" stays one [ADDRESS] rather than a number and a name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from thoughtwork.export.gazetteer import gazetteer
from thoughtwork.export.names import NameFinder
from thoughtwork.export.patterns import KINDS, Span, find_patterns

_PLACEHOLDER = re.compile(r"\[(" + "|".join(KINDS) + r")\]")

# When two findings cover the same stretch, the more specific kind names it.
_RANK = {kind: rank for rank, kind in enumerate(
    ("EMAIL", "URL", "HANDLE", "POSTCODE", "DATE", "PHONE", "ID", "ADDRESS", "ORG", "PLACE", "NAME")
)}


@dataclass(frozen=True)
class Scrubbed:
    """A scrubbed text and what was replaced (offsets into the original text)."""

    original_length: int
    text: str
    spans: tuple[Span, ...] = field(default_factory=tuple)

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
                self.names.learn(text)

    def find(self, text: str) -> list[Span]:
        """The stretches to replace, sorted and without overlaps."""
        if not text:
            return []
        shaped = resolve(find_patterns(text) + self.names.known_spans(text))
        worded = self.names.find(text, [(s.start, s.end) for s in shaped])
        return _merge_names(text, resolve(shaped + worded))

    def scrub(self, text: str) -> Scrubbed:
        spans = self.find(text)
        out = []
        last = 0
        for span in spans:
            out.append(_neutralise(text[last : span.start]))
            out.append(f"[{span.kind}]")
            last = span.end
        out.append(_neutralise(text[last:]))
        return Scrubbed(len(text), "".join(out), tuple(spans))


def resolve(spans: list[Span]) -> list[Span]:
    """Overlapping findings settled: longest first, then the more specific kind."""
    chosen: list[Span] = []  # kept sorted by start; chosen spans never overlap
    starts: list[int] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), _RANK[s.kind], s.start)):
        at = bisect.bisect_left(starts, span.start)
        if at > 0 and chosen[at - 1].end > span.start:
            continue
        if at < len(chosen) and chosen[at].start < span.end:
            continue
        chosen.insert(at, span)
        starts.insert(at, span.start)
    return chosen


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
