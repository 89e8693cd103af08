"""Measuring the anonymiser on labelled texts: recall per identifier type and word survival.

A labelled line is `{"id", "text", "spans": [{"start", "end", "type"}]}`. An identifier
counts as caught when every letter and digit in it is inside some redaction (of any kind,
since a name hidden as [PLACE] is still hidden); `typed` counts those also given the right
kind. Word survival is the share of other words (outside labelled spans) left untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from thoughtwork.export.patterns import Span

_WORD = re.compile(r"\w+")


@dataclass
class TypeScore:
    total: int = 0
    caught: int = 0
    typed: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.total if self.total else 1.0


@dataclass
class Report:
    by_type: dict[str, TypeScore] = field(default_factory=dict)
    words_total: int = 0
    words_kept: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    """(line id, type, the identifier) for every identifier that survived."""
    over: list[tuple[str, str]] = field(default_factory=list)
    """(line id, word) for every ordinary word that was redacted."""

    @property
    def word_survival(self) -> float:
        return self.words_kept / self.words_total if self.words_total else 1.0

    def recall(self, *types: str) -> float:
        scores = [self.by_type[t] for t in types if t in self.by_type] if types else list(self.by_type.values())
        total = sum(s.total for s in scores)
        return sum(s.caught for s in scores) / total if total else 1.0


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(lines: Iterable[dict], find: Callable[[str], list[Span]]) -> Report:
    """Score `find` (text -> redaction spans) on labelled lines."""
    report = Report()
    for line in lines:
        text = line["text"]
        found = find(text)
        covered = _coverage(len(text), found)
        for label in line["spans"]:
            score = report.by_type.setdefault(label["type"], TypeScore())
            score.total += 1
            chars = [i for i in range(label["start"], label["end"]) if text[i].isalnum()]
            if all(covered[i] for i in chars):
                score.caught += 1
                kinds = {s.kind for s in found if s.start < label["end"] and label["start"] < s.end}
                score.typed += label["type"] in kinds
            else:
                report.misses.append((line["id"], label["type"], text[label["start"] : label["end"]]))
        labelled = _coverage(len(text), [Span(s["start"], s["end"], s["type"]) for s in line["spans"]])
        for match in _WORD.finditer(text):
            if any(labelled[match.start() : match.end()]):
                continue
            report.words_total += 1
            if any(covered[match.start() : match.end()]):
                report.over.append((line["id"], match.group(0)))
            else:
                report.words_kept += 1
    return report


def _coverage(length: int, spans: Iterable[Span]) -> list[bool]:
    covered = [False] * length
    for span in spans:
        for i in range(span.start, min(span.end, length)):
            covered[i] = True
    return covered
