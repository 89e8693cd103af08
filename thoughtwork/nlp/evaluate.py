"""Scoring the matcher against labelled thoughts: per-trap precision, recall and F1, macro-F1,
and how often a balanced statement (no labels) gets a false alarm."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from thoughtwork.models import DistortionId


@dataclass
class LabelScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.true_positives + self.false_negatives


@dataclass
class Report:
    labels: dict[str, LabelScore] = field(default_factory=dict)
    balanced: int = 0
    false_alarms: int = 0
    examples: int = 0
    errors: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    distorted: int = 0
    """Thoughts with at least one trap in their labels."""
    missed: int = 0
    """Of those, the ones given no trap at all."""

    @property
    def macro_f1(self) -> float:
        scored = [s.f1 for s in self.labels.values() if s.support or s.false_positives]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.balanced if self.balanced else 0.0

    @property
    def no_trap_found(self) -> float:
        """Share of distorted thoughts given no trap at all."""
        return self.missed / self.distorted if self.distorted else 0.0


def read_examples(path: str | Path) -> list[tuple[str, list[str]]]:
    """`{"text": ..., "labels": [...]}` lines; unknown label ids are an error, not silently dropped."""
    known = {d.value for d in DistortionId}
    examples = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        labels = list(item.get("labels", []))
        unknown = set(labels) - known
        if unknown:
            raise ValueError(f"{path}:{number}: unknown label(s) {sorted(unknown)}")
        examples.append((item["text"], labels))
    return examples


def evaluate(examples: list[tuple[str, list[str]]], rules_only: bool = False) -> Report:
    """Score the whole trap finder (rules and learned model), or with `rules_only` the rules alone."""
    from thoughtwork.nlp.pipeline import analyse_many, analyse_rules

    report = Report(labels={d.value: LabelScore() for d in DistortionId})
    texts = [text for text, _labels in examples]
    analyses = [analyse_rules(text) for text in texts] if rules_only else analyse_many(texts)
    for (text, gold), analysis in zip(examples, analyses):
        predicted = {d.id.value for d in analysis.distortions}
        wanted = set(gold)
        report.examples += 1
        for label in predicted & wanted:
            report.labels[label].true_positives += 1
        for label in predicted - wanted:
            report.labels[label].false_positives += 1
        for label in wanted - predicted:
            report.labels[label].false_negatives += 1
        if not wanted:
            report.balanced += 1
            report.false_alarms += bool(predicted)
        else:
            report.distorted += 1
            report.missed += not predicted
        if predicted != wanted:
            report.errors.append((text, sorted(wanted), sorted(predicted)))
    return report


def format_report(report: Report) -> str:
    lines = [f"{'label':<22}{'prec':>7}{'recall':>8}{'f1':>7}{'support':>9}"]
    for label, score in report.labels.items():
        lines.append(f"{label:<22}{score.precision:>7.2f}{score.recall:>8.2f}{score.f1:>7.2f}{score.support:>9}")
    lines.append(f"\nexamples: {report.examples}")
    lines.append(f"macro-F1: {report.macro_f1:.3f}")
    lines.append(
        f"false alarms on balanced statements: {report.false_alarms}/{report.balanced}"
        f" ({report.false_alarm_rate:.1%})"
    )
    return "\n".join(lines)
