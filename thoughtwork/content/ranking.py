"""Choosing the reframes to offer for one analysed thought, and saying why.

Each reframe earns points for the thinking traps it answers (weighted by how strongly the
thought shows them), the themes it shares, the words it shares with the thought, and for
having helped the person before; it loses a little for each trap or theme it is about that the
thought is not. When the thought shows no trap at all, the gentle general reframes join in.
Picks are made one at a time, and a trap or theme already answered by an earlier pick counts
for less, so a thought with two traps gets reframes for both rather than three for the louder
one. Ties go to the smaller id, so the same thought always gets the same offer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from thoughtwork.content.reframes import GENERAL_PREFIX
from thoughtwork.content.words import content_words, stems_of
from thoughtwork.models import (
    DISTORTION_NAMES,
    Analysis,
    DistortionId,
    DistortionStatus,
    RankedReframe,
    Reframe,
    Theme,
)

TRAP_WEIGHT = 3.0
THEME_WEIGHT = 1.0
WORD_WEIGHT = 0.75
"""Shared words are a strong sign of fit ('tight', 'speculum'), but themes are broad."""
MAX_WORDS = 3
"""Shared words count up to this many: a long reframe should not win on length alone."""
HELPFUL_WEIGHT = 1.0
OFF_TARGET_COST = 0.2
"""Taken off for each trap a reframe answers that the thought doesn't show, so reframes aimed at
this thought beat ones aimed at another trap that happen to share a theme."""
MAX_OFF_TARGET = 2
OFF_THEME_COST = 0.3
"""Taken off for each theme of a reframe the thought isn't about (a partner reframe for a doctor thought)."""
GENERAL_WEIGHT = 1.0
"""For a thought that shows no trap, general reframes compete with theme matches."""
REPEAT_FACTOR = 0.35
"""How much a trap or theme counts once an earlier pick has answered it (and again, squared)."""
MIN_SHARED_WORDS = 2
"""A reframe that answers no trap or theme needs at least this many shared words to be offered."""

GENERAL_REASON = "a gentle place to start"
HELPFUL_REASON = "you found this helpful before"


@dataclass
class _Fit:
    """How one reframe fits the thought: what it answers, and the reasons to show."""

    reframe: Reframe
    traps: dict[DistortionId, float]
    themes: list[Theme]
    words: list[str]
    helpful: bool
    off_target: int
    off_theme: int
    general: bool

    @property
    def relevant(self) -> bool:
        return bool(self.traps or self.themes or self.general or len(self.words) >= MIN_SHARED_WORDS)

    def score(self, answered_traps: Counter, answered_themes: Counter) -> float:
        trap_points = sum(
            TRAP_WEIGHT * strength * REPEAT_FACTOR ** answered_traps[trap] for trap, strength in self.traps.items()
        )
        theme_points = sum(THEME_WEIGHT * REPEAT_FACTOR ** answered_themes[theme] for theme in self.themes)
        return (
            trap_points
            + theme_points
            + WORD_WEIGHT * min(len(self.words), MAX_WORDS)
            + (HELPFUL_WEIGHT if self.helpful else 0.0)
            + (GENERAL_WEIGHT if self.general else 0.0)
            - OFF_TARGET_COST * min(self.off_target, MAX_OFF_TARGET)
            - OFF_THEME_COST * min(self.off_theme, MAX_OFF_TARGET)
        )

    def reasons(self) -> list[str]:
        reasons = [GENERAL_REASON] if self.general else []
        reasons += [trap_name(trap) for trap in self.traps]
        reasons += [f"theme: {theme_name(theme)}" for theme in self.themes]
        if self.words:
            reasons.append("shares the words: " + ", ".join(self.words[:MAX_WORDS]))
        if self.helpful:
            reasons.append(HELPFUL_REASON)
        return reasons


def trap_name(trap: DistortionId | str) -> str:
    """'fortune telling', as a reason reads it."""
    key = trap.value if isinstance(trap, DistortionId) else trap
    return DISTORTION_NAMES.get(key, key.replace("_", " ")).lower()


def theme_name(theme: Theme | str) -> str:
    """'self worth', as a reason reads it."""
    return (theme.value if isinstance(theme, Theme) else theme).replace("_", " ")


def rank_reframes(
    analysis: Analysis,
    reframes: Sequence[Reframe],
    *,
    helpful: Iterable[str] = (),
    k: int = 3,
) -> list[RankedReframe]:
    """The best `k` reframes for an analysed thought, each with its reasons.

    With no trap, theme or shared words to go on, gentle general reframes are offered.
    """
    if k <= 0:
        return []
    strengths = _trap_strengths(analysis)
    thought_words = content_words(analysis.text)
    themes = list(dict.fromkeys(analysis.themes))
    helpful_ids = frozenset(helpful)
    fits = [_fit(reframe, strengths, themes, thought_words, helpful_ids) for reframe in reframes]
    candidates = [fit for fit in fits if fit.relevant]
    chosen = _pick(candidates, k)
    if len(chosen) < k:
        taken = {ranked.reframe.id for ranked in chosen}
        chosen += _general(fits, taken, k - len(chosen))
    return chosen


def _pick(candidates: list[_Fit], k: int) -> list[RankedReframe]:
    chosen: list[RankedReframe] = []
    answered_traps: Counter = Counter()
    answered_themes: Counter = Counter()
    remaining = list(candidates)
    while remaining and len(chosen) < k:
        scored = [(fit.score(answered_traps, answered_themes), fit) for fit in remaining]
        score, best = min(scored, key=lambda pair: (-round(pair[0], 9), pair[1].reframe.id))
        remaining.remove(best)
        answered_traps.update(best.traps)
        answered_themes.update(best.themes)
        chosen.append(RankedReframe(reframe=best.reframe, score=round(score, 3), reasons=best.reasons()))
    return chosen


def _general(fits: list[_Fit], taken: set[str], n: int) -> list[RankedReframe]:
    """General reframes not yet chosen: helpful ones first, then by shared words, then by id."""
    general = [f for f in fits if f.reframe.id.startswith(GENERAL_PREFIX) and f.reframe.id not in taken]
    general.sort(key=lambda f: (not f.helpful, -len(f.words), f.reframe.id))
    out = []
    for fit in general[:n]:
        reasons = [GENERAL_REASON] + ([HELPFUL_REASON] if fit.helpful else [])
        out.append(RankedReframe(reframe=fit.reframe, score=0.0, reasons=reasons))
    return out


def _fit(
    reframe: Reframe,
    strengths: dict[DistortionId, float],
    themes: list[Theme],
    thought_words: dict[str, str],
    helpful: frozenset[str],
) -> _Fit:
    traps = {trap: strength for trap, strength in strengths.items() if trap in reframe.distortions}
    shared_themes = [theme for theme in themes if theme in reframe.themes]
    reframe_stems = stems_of(reframe.text + " " + " ".join(reframe.questions))
    words = [word for stem, word in thought_words.items() if stem in reframe_stems]
    general = not strengths and reframe.id.startswith(GENERAL_PREFIX)
    off_target = 0 if general else len(set(reframe.distortions)) - len(traps)
    # A thought the analyser found no theme in may still be about anything: no cost then.
    off_theme = 0 if general or not themes else len(set(reframe.themes)) - len(shared_themes)
    return _Fit(reframe, traps, shared_themes, words, reframe.id in helpful, off_target, off_theme, general)


def _trap_strengths(analysis: Analysis) -> dict[DistortionId, float]:
    """Each trap the person has not rejected, strongest first, with its highest score."""
    strengths: dict[DistortionId, float] = {}
    for match in analysis.distortions:
        if match.status is DistortionStatus.rejected:
            continue
        strengths[match.id] = max(match.score, strengths.get(match.id, 0.0))
    return dict(sorted(strengths.items(), key=lambda item: (-item[1], item[0].value)))


def offer_for_text(text: str, reframes: Sequence[Reframe], *, context=None, helpful: Iterable[str] = (), k: int = 3) -> list[RankedReframe]:
    from thoughtwork.nlp import analyse

    return rank_reframes(analyse(text), reframes, helpful=helpful, k=k)
