"""How long the content libraries take to load, lint and rank (run: python tests/bench/bench_content.py).

Ranking runs each time a person finishes the distortions step, so it should feel instant;
loading happens once per session (then the cache answers).
"""

from __future__ import annotations

import statistics
import time

from thoughtwork.content import (
    library,
    lint_prompts,
    lint_reframes,
    load_prompts,
    load_reframes,
    rank_reframes,
)
from thoughtwork.models import Analysis, DistortionMatch

THOUGHTS = [
    Analysis(text="It will hurt every time and I'll never be able to have sex",
             distortions=[DistortionMatch(id="fortune_telling", score=0.9),
                          DistortionMatch(id="overgeneralization", score=0.7)], themes=["pain", "future"]),
    Analysis(text="My partner must think I'm broken", distortions=[DistortionMatch(id="mind_reading", score=0.8),
             DistortionMatch(id="labeling", score=0.8)], themes=["partner", "self_worth"]),
    Analysis(text="I had lunch at noon"),
]


def timed(func, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, samples: list[float]) -> None:
    print(f"{name:<38} median {statistics.median(samples):8.2f} ms   max {max(samples):8.2f} ms   (n={len(samples)})")


def main() -> None:
    def cold_load():
        library._load_cached.cache_clear()
        load_reframes()

    report("load reframes (cold, parse+validate)", timed(cold_load, 20))
    report("load reframes (cached)", timed(load_reframes, 200))
    report("lint reframes", timed(lint_reframes, 20))
    report("lint prompts", timed(lint_prompts, 20))
    reframes = load_reframes()
    print(f"{len(reframes)} reframes, {len(load_prompts())} prompts")
    for thought in THOUGHTS:
        report(f"rank: {thought.text[:28]}", timed(lambda: rank_reframes(thought, reframes), 200))


if __name__ == "__main__":
    main()
