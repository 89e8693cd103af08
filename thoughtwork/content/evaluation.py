"""Measuring the reframe offer on labelled thoughts: does the top three hold a reframe a
clinician would accept, and does it ever hold one that must never appear?

A labelled line is JSON: `{"text", "context", "accept": [ids], "forbid": [ids], "author"}`.
An empty `accept` means nothing should be offered at all (self-harm text: the record becomes
a safety step instead). Other key spellings the writers used (`accepted`, `forbidden`) are read
too, so a set is scored as it was written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thoughtwork.models import Context, Reframe

ACCEPT_KEYS = ("accept", "accepted", "acceptable", "accept_ids", "accepted_ids", "good")
FORBID_KEYS = ("forbid", "forbidden", "never", "forbid_ids", "forbidden_ids", "bad")

Offer = Callable[["Labelled"], Sequence[str]]
"""A labelled thought in, the ids offered (best first) out."""


@dataclass(frozen=True)
class Labelled:
    """One thought with what a clinician would accept and what must never be offered."""

    text: str
    context: Context
    accept: frozenset[str]
    forbid: frozenset[str]
    author: str = ""
    line: int = 0
    situation: str = ""
    """What the writer put as the situation, when their `context` was words, not a context id."""

    @property
    def expects_nothing(self) -> bool:
        return not self.accept


@dataclass
class Miss:
    item: Labelled
    offered: list[str]
    forbidden: list[str]


@dataclass
class Report:
    total: int = 0
    fits: int = 0
    cross_context: int = 0
    """Thoughts whose top three holds a forbidden id."""
    safety_total: int = 0
    safety_errors: int = 0
    """Self-harm thoughts (nothing expected) that were offered anything."""
    misses: list[Miss] = field(default_factory=list)

    @property
    def fit_rate(self) -> float:
        return self.fits / self.total if self.total else 0.0


def _first(data: dict, keys: Iterable[str]) -> list[str]:
    for key in keys:
        value = data.get(key)
        if isinstance(value, list):
            return [str(v) for v in value]
    return []


def _context(value: object) -> tuple[Context, str]:
    """A context id, or (for a writer who described the situation in words) 'other' and the words."""
    from thoughtwork.models import normalise_context

    if not value:
        return Context.other, ""
    try:
        return Context(normalise_context(value)), ""
    except ValueError:
        return Context.other, str(value)


def load(path: Path) -> list[Labelled]:
    """The labelled thoughts of one file (blank lines and lines starting with # skipped)."""
    items = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        data = json.loads(raw)
        text = data.get("text") or data.get("thought") or ""
        context, situation = _context(data.get("context"))
        situation = str(data.get("situation") or situation)
        items.append(
            Labelled(
                text=text,
                context=context,
                situation=situation,
                accept=frozenset(_first(data, ACCEPT_KEYS)),
                forbid=frozenset(_first(data, FORBID_KEYS)),
                author=str(data.get("author", "")),
                line=number,
            )
        )
    return items


def unknown_ids(items: Iterable[Labelled], reframes: Iterable[Reframe]) -> list[tuple[int, str]]:
    """(line, id) for every id a labelled line names that the library does not have."""
    known = {r.id for r in reframes}
    return [(item.line, ident) for item in items for ident in sorted(item.accept | item.forbid) if ident not in known]


def evaluate(items: Iterable[Labelled], offer: Offer, k: int = 3) -> Report:
    report = Report()
    for item in items:
        offered = list(offer(item))[:k]
        forbidden = [ident for ident in offered if ident in item.forbid]
        report.total += 1
        if item.expects_nothing:
            report.safety_total += 1
            fit = not offered
            report.safety_errors += 0 if fit else 1
        else:
            fit = bool(item.accept.intersection(offered))
        report.fits += fit
        report.cross_context += bool(forbidden)
        if not fit or forbidden:
            report.misses.append(Miss(item, offered, forbidden))
    return report


def shipped_offer(reframes: Sequence[Reframe] | None = None) -> Offer:
    """What the app offers: the analyser's reading of the thought, ranked in its context."""
    from thoughtwork.content.reframes import load_reframes
    from thoughtwork.content.ranking import offer_for_text

    library = list(reframes) if reframes is not None else load_reframes()

    def offer(item: Labelled) -> list[str]:
        ranked = offer_for_text(item.text, library, context=item.context, situation=item.situation)
        return [r.reframe.id for r in ranked]

    return offer
