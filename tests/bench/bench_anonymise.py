"""How fast and how well the anonymiser scrubs, beside scrubadub on the same texts.

    python tests/bench/bench_anonymise.py [--records 2000] [--set anonymise_dev.jsonl]

A "record" is five free-text fields (situation, automatic thought, evidence for and against,
balanced thought) drawn from one labelled set, the dev set unless named: blind sets are
measured once with scripts/evaluate_anonymiser.py, so a bench run never shows their figures.
The labelled sets hold an identifier or more in nearly every text, far more than a journal, so
speed is also measured on diary-like text: the distortion engineer's thoughts, no identifiers. Target: >= 2,000 records/s on one core
(CPU time; run it pinned, e.g. `taskset -c 0 python tests/bench/bench_anonymise.py`).
The scrubadub column is skipped when scrubadub (the optional `bench` extra) is not installed.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from thoughtwork.export.anonymiser import Anonymiser
from thoughtwork.export.evaluation import evaluate, load
from thoughtwork.export.patterns import Span

DATA = Path(__file__).resolve().parent.parent / "data"
FIELDS = 5


def ours() -> tuple[str, object]:
    anonymiser = Anonymiser()
    anonymiser.scrub("warm up the lists")  # loading the word lists is a once-per-process cost
    return "thoughtwork", anonymiser


def scrubadub_finder():  # noqa: ANN201
    try:
        import scrubadub
    except ImportError:
        return None
    scrubber = scrubadub.Scrubber(locale="en_GB")

    def find(text: str) -> list[Span]:
        kinds = {"name": "NAME", "email": "EMAIL", "phone": "PHONE", "url": "URL", "twitter": "HANDLE",
                 "postalcode": "POSTCODE", "address": "ADDRESS", "date_of_birth": "DATE"}
        return [Span(f.beg, f.end, kinds.get(f.type, "ID")) for f in scrubber.iter_filth(text)]

    def clean(text: str) -> str:
        return scrubber.clean(text)

    return find, clean


def rate(clean, texts: list[str]) -> float:  # noqa: ANN001
    # CPU time of this process: the machine is shared, and wall time would measure the neighbours.
    started = time.process_time()
    for text in texts:
        clean(text)
    elapsed = time.process_time() - started
    return len(texts) / FIELDS / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--set", default="anonymise_dev.jsonl", help="a labelled set in tests/data (not a blind one)")
    args = parser.parse_args()
    if "blind" in args.set:
        parser.error("blind sets are measured once, with scripts/evaluate_anonymiser.py")
    files = [DATA / args.set]
    lines = [line for path in files for line in load(path)]
    texts = [line["text"] for line in itertools.islice(itertools.cycle(lines), args.records * FIELDS)]
    thoughts = [line["text"] for path in sorted(DATA.glob("distortions_*.jsonl")) for line in load(path)]
    diary = list(itertools.islice(itertools.cycle(thoughts), args.records * FIELDS)) if thoughts else []

    started = time.perf_counter()
    anonymiser = Anonymiser()
    anonymiser.scrub("warm up")
    load_time = time.perf_counter() - started
    report = evaluate(lines, anonymiser.find)
    ours_rate = rate(lambda t: anonymiser.scrub(t), texts)
    diary_rate = rate(lambda t: anonymiser.scrub(t), diary) if diary else None

    print(f"{len(lines)} labelled texts from {', '.join(p.name for p in files)}; {args.records} records of {FIELDS} fields")
    print(f"{'':<28}{'thoughtwork':>14}{'scrubadub':>14}")
    other = scrubadub_finder()
    if other is None:
        print("(scrubadub not installed: pip install 'thoughtwork[bench]' for the comparison column)")
        other_report, other_rate, other_diary_rate = None, None, None
    else:
        find, clean = other
        other_report = evaluate(lines, find)
        sample = texts[: max(FIELDS * 200, len(texts) // 10)]  # scrubadub is slower; a tenth is enough
        other_rate = rate(clean, sample)
        other_diary_rate = rate(clean, diary[: len(sample)]) if diary else None

    def row(label: str, mine: str, theirs: str | None) -> None:
        print(f"{label:<28}{mine:>14}{theirs if theirs is not None else 'skipped':>14}")

    row(f"records/s, {args.set.removesuffix('.jsonl')}", f"{ours_rate:,.0f}", f"{other_rate:,.0f}" if other_rate else None)
    if diary_rate:
        row("records/s, diary-like", f"{diary_rate:,.0f}", f"{other_diary_rate:,.0f}" if other_diary_rate else None)
    row("all identifiers recall", f"{report.recall():.1%}", f"{other_report.recall():.1%}" if other_report else None)
    kinds = sorted(report.by_type)
    for kind in kinds:
        theirs = f"{other_report.by_type[kind].recall:.1%}" if other_report else None
        row(f"  {kind} recall", f"{report.by_type[kind].recall:.1%}", theirs)
    row("other words kept", f"{report.word_survival:.1%}", f"{other_report.word_survival:.1%}" if other_report else None)
    print(f"word lists load once per process in {load_time:.2f} s")
    hostile(anonymiser)


def hostile(anonymiser: Anonymiser) -> None:
    """The slowest single field we know of: 20,000 characters shaped to make regexes backtrack."""
    cases = {
        "x.x.x.x...": "x." * 10_000,
        "1 1 1 1 ...a": "1 " * 9_999 + "a",
        "a...a@": "a" * 20_000 + "@",
        "Ab Ab Ab ...": "Ab " * 6_600,
        "Priya Sharma ...": "Priya Sharma " * 1_500,
        "Flat 1 1 Street ...": "Flat 1 1 1 1 Street " * 1_000,
        "1-1-1 A ...": "1-1-1 A " * 2_500,
        "Lake Lake ...": "Lake " * 4_000,
        "\\x1b[31m ...": "\x1b[31m" * 3_000,
    }
    worst = 0.0
    for label, text in cases.items():
        started = time.perf_counter()
        anonymiser.scrub(text)
        elapsed = time.perf_counter() - started
        worst = max(worst, elapsed)
        print(f"hostile {label:<22} {len(text):>6} chars  {elapsed * 1000:8.1f} ms")
    print(f"worst hostile field: {worst * 1000:.0f} ms")


if __name__ == "__main__":
    main()
