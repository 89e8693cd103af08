"""Search the reframe ranking's weights, split by author: fit on one writer's labelled set, score
on the other's, so a weight is kept only if it helps thoughts its fitting never saw.

    python scripts/tune_ranking.py

For each fold prints the held-out top-3 fits before and after, and the weights found; then the
weights fitted on all sets (an in-sample figure, for information only). It changes nothing:
copy a weight into thoughtwork/content/ranking.py only when the folds agree on it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from thoughtwork.content import ranking
from thoughtwork.content.balance import is_balanced, learned_balance
from thoughtwork.content.evaluation import Labelled, evaluate, load
from thoughtwork.content.reframes import load_reframes
from thoughtwork.nlp import analyse
from thoughtwork.safety import mentions_self_harm

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
GRID = {
    "TRAP_WEIGHT": [1.5, 2.0, 3.0, 4.0],
    "THEME_WEIGHT": [0.5, 1.0, 1.5],
    "SUBJECT_WEIGHT": [0.5, 1.0, 1.5, 2.5],
    "WORD_WEIGHT": [0.4, 0.75, 1.2],
    "SHARED_WEIGHT": [0.0, 0.5, 1.0],
    "OFF_THEME_COST": [0.0, 0.3, 0.6],
    "OFF_TARGET_COST": [0.0, 0.2, 0.5],
    "FAINT_FACTOR": [0.0, 0.5, 1.0],
}
PASSES = 2


def main() -> int:
    library = load_reframes()
    sets = {path.stem: load(path) for path in sorted(DATA.glob("reframe_eval_*.jsonl"))}
    read = {id(item): _read(item) for items in sets.values() for item in items}

    def offer(item: Labelled) -> list[str]:
        analysis, balanced, faint = read[id(item)]
        ranked = ranking.rank_reframes(analysis, library, context=item.context, situation=item.situation,
                                       balanced=balanced, faint=faint)
        return [r.reframe.id for r in ranked]

    def fits(names: list[str]) -> int:
        return sum(evaluate(sets[name], offer).fits for name in names)

    shipped = {name: getattr(ranking, name) for name in GRID}

    def search(names: list[str]) -> tuple[dict[str, float], int]:
        best = dict(shipped)
        _set(best)
        score = fits(names)
        for _ in range(PASSES):
            for name, values in GRID.items():
                for value in values:
                    setattr(ranking, name, value)
                    tried = fits(names)
                    if tried > score:
                        score, best[name] = tried, value
                setattr(ranking, name, best[name])
        return best, score

    for held_out in sets:
        train = [name for name in sets if name != held_out]
        _set(shipped)
        before = fits([held_out])
        weights, _ = search(train)
        print(f"fit on {', '.join(train)}; {held_out}: {before} -> {fits([held_out])} of {len(sets[held_out])}")
        print(f"  {weights}")
    _set(shipped)
    weights, score = search(list(sets))
    print(f"all sets, in sample: {score} of {sum(len(s) for s in sets.values())}  {weights}")
    _set(shipped)
    return 0


def _read(item: Labelled):
    analysis = analyse(item.text)
    if item.situation and not analysis.mentions_self_harm and mentions_self_harm(item.situation):
        analysis = analysis.model_copy(update={"mentions_self_harm": True})
    return analysis, is_balanced(analysis, learned_balance(item.text)), ranking.faint_traps(item.text)


def _set(weights: dict[str, float]) -> None:
    for name, value in weights.items():
        setattr(ranking, name, value)


if __name__ == "__main__":
    sys.exit(main())
