"""Benchmark: building, rendering, reading back and encrypting reports of 100, 2,000 and 10,000 records.

Run on demand: python tests/bench/bench_report.py
Also times `due_items` over a year of daily homework, which the patient app calls on every home screen.
"""

from __future__ import annotations

import statistics
import time
from datetime import date, datetime, timedelta, timezone

from pyrage import x25519

from thoughtwork import keys
from thoughtwork.homework.schedule import due_items
from thoughtwork.models import Assignment, Cadence, DistortionMatch, Moment, Prompt, RecordStep, ThoughtRecord
from thoughtwork.report.as_html import render_html
from thoughtwork.report.as_markdown import render_markdown
from thoughtwork.report.data import build_report
from thoughtwork.report.payload import extract

UTC = timezone.utc
START = date(2026, 1, 1)
PROMPT = Prompt(id="p.evening", title="Evening reflection", instructions="Note one moment that went better.",
                moments=[Moment.evening_reflection], steps=[RecordStep.situation])
ASSIGNMENT = Assignment(id="hw", prompts=[PROMPT], cadence=Cadence(kind="daily"), start=START, end=START + timedelta(days=364))


def sample(n: int) -> list[ThoughtRecord]:
    return [
        ThoughtRecord(
            created_at=datetime(2026, 1, 1, 20, tzinfo=UTC) + timedelta(hours=i * 365 * 24 // max(n, 1)),
            situation=f"Evening dilator practice number {i}, after a long day at work",
            automatic_thought="It will hurt every time and I will never be able to do this",
            belief_before=80, anxiety_before=70, belief_after=40, anxiety_after=35,
            balanced_thought="Last week went a little easier; I can go at my own pace.",
            evidence_for=["It hurt on Monday"], evidence_against=["Thursday was easier"],
            distortions=[DistortionMatch(id="fortune_telling"), DistortionMatch(id="overgeneralization")],
            assignment_id="hw" if i % 2 else None, prompt_id="p.evening" if i % 2 else None,
        )
        for i in range(n)
    ]


def timed(func, repeat: int = 3) -> tuple[float, object]:  # noqa: ANN001
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def main() -> None:
    recipient = x25519.Identity.generate()
    print(f"{'records':>8} {'build':>8} {'html':>8} {'md':>8} {'read back':>10} {'encrypt':>8} {'html size':>10} {'md size':>9}")
    for n in (100, 2_000, 10_000):
        records = sample(n)
        build, data = timed(lambda: build_report(records, [ASSIGNMENT], today=date(2026, 12, 31), tz=UTC))
        html_t, page = timed(lambda: render_html(data))
        md_t, text = timed(lambda: render_markdown(data))
        back_t, _ = timed(lambda: extract(page))
        enc_t, _ = timed(lambda: keys.encrypt(page.encode(), recipient.to_public()))
        print(f"{n:>8} {build * 1000:>6.0f}ms {html_t * 1000:>6.0f}ms {md_t * 1000:>6.0f}ms {back_t * 1000:>8.0f}ms "
              f"{enc_t * 1000:>6.0f}ms {len(page) / 1024:>8.0f}KB {len(text) / 1024:>7.0f}KB")
    records = sample(2_000)
    due_t, _ = timed(lambda: due_items([ASSIGNMENT] * 3, records, date(2026, 12, 1), UTC), repeat=5)
    print(f"due_items, 3 daily assignments over a year, 2,000 records: {due_t * 1000:.1f} ms")


if __name__ == "__main__":
    main()
