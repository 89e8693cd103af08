"""Score the reframe offer on labelled thoughts: top-3 fit and cross-context errors.

    python scripts/score_reframes.py [tests/data/reframe_eval_*.jsonl ...] [--misses]

For each file (and all together) prints how many thoughts get at least one reframe a clinician
would accept in the top three, how many get a reframe that must never appear there
(cross-context), and how many self-harm thoughts were offered any reframe at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thoughtwork.content.evaluation import Report, evaluate, load, shipped_offer, unknown_ids
from thoughtwork.content.reframes import load_reframes

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted(DATA.glob("reframe_eval_*.jsonl")))
    parser.add_argument("--misses", action="store_true", help="list every thought that missed or got a forbidden id")
    args = parser.parse_args(argv)
    reframes = load_reframes()
    offer = shipped_offer(reframes)
    everything = Report()
    for path in args.files:
        items = load(path)
        for line, ident in unknown_ids(items, reframes):
            print(f"{path.name}:{line}: unknown reframe id '{ident}'", file=sys.stderr)
        report = evaluate(items, offer)
        _print(path.name, report)
        if args.misses:
            for miss in report.misses:
                what = "FORBIDDEN " + ",".join(miss.forbidden) if miss.forbidden else "NO FIT"
                print(f"  {what}: [{miss.item.context.value}] {miss.item.text[:90]!r} -> {', '.join(miss.offered) or '(nothing)'}")
        for name in ("total", "fits", "cross_context", "safety_total", "safety_errors"):
            setattr(everything, name, getattr(everything, name) + getattr(report, name))
    if len(args.files) > 1:
        _print("all", everything)
    return 0


def _print(name: str, report: Report) -> None:
    print(
        f"{name}: {report.total} thoughts; top-3 fit {report.fits}/{report.total} = {report.fit_rate:.1%}; "
        f"cross-context errors {report.cross_context}; "
        f"self-harm offered a reframe {report.safety_errors}/{report.safety_total}"
    )


if __name__ == "__main__":
    sys.exit(main())
