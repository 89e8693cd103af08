"""The spaCy components: `distortion_matcher` (thinking traps) and `theme_tagger` (what a thought is about).

Both are registered with `@Language.factory` and as `spacy_factories` entry points, so
`spacy.blank("en").add_pipe("distortion_matcher")` works once thoughtwork is installed. They
expect the lookup lemmatizer before them (lemma patterns need it) and lower-case text (see
`thoughtwork.nlp.pipeline.prepare`); results go on `doc._.distortions`, `doc._.themes` and
`doc._.mentions_self_harm`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from typing import ClassVar, NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from thoughtwork.models import Theme
from thoughtwork.nlp.context import Context, ContextSettings
from thoughtwork.nlp.lemmatizer import FORMS_KEY
from thoughtwork.nlp.rules import PatternSpec, distortion_rules, theme_lexicon
from thoughtwork.nlp.token_regex import RegexMatcher
from thoughtwork.safety import mentions_self_harm


class Hit(NamedTuple):
    """One thinking trap found in a doc: its score, the character spans behind it, the patterns
    used, and what found it: "rule" (a pattern of `patterns/`) or "model" (`trap_model`)."""

    distortion: str
    score: float
    spans: tuple[tuple[int, int], ...]
    patterns: tuple[str, ...]
    source: str = "rule"


DISTORTIONS_KEY = "thoughtwork.distortions"
DECLINED_KEY = "thoughtwork.declined"
"""Traps whose words a rule matched but whose context switched it off ('I don't think he hates
me'), each with the token where the first such match began: the learned model reads them as
features, so it knows the rules saw those words and why they stood aside."""
THEMES_KEY = "thoughtwork.themes"
SELF_HARM_KEY = "thoughtwork.mentions_self_harm"
"""Where the components keep their results in `doc.user_data`. `doc._.distortions` and the
others read them from there; the pipeline reads them directly, since each `doc._` access costs
about 3 us, a tenth of what turning a doc into an Analysis took."""


def _reader(key: str, default: object) -> Callable[[Doc], object]:
    return lambda doc: doc.user_data.get(key, default)


for _name, _key, _default in (
    ("distortions", DISTORTIONS_KEY, None),
    ("themes", THEMES_KEY, None),
    ("mentions_self_harm", SELF_HARM_KEY, False),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_reader(_key, _default))


def results(doc: Doc) -> tuple[list[Hit], list[str], bool]:
    """The thinking traps, themes and self-harm flag the components put on a doc."""
    data = doc.user_data
    return data.get(DISTORTIONS_KEY) or [], data.get(THEMES_KEY) or [], data.get(SELF_HARM_KEY, False)


COMMON_WORDS = frozenset(
    [
        "i", "my", "me", "the", "a", "an", "'s", "s", "is", "it", "to", "and", "of", "be", "'m", "m",
        "that", "was", "so", "he", "she", "they", "you", "we", "in", "on", "for", "this", "with",
        "are", "'re", "not", "n't", "do", "have", "at", "all",
    ]
)
"""Words too frequent to tell whether a rule could match; a rarer word of the rule is used instead."""

def word_forms(doc: Doc) -> tuple[list[str], list[str]]:
    """The lower-case form and the lemma of every token, read in one pass and kept on the doc.

    Making a spaCy Token object for each word is a good part of the cost of a short thought;
    the rules, the context and the theme tagger all need these two forms, so they share them.
    `lookup_lemmatizer` leaves them on the doc as it goes; after another lemmatizer they are
    read here once."""
    forms = doc.user_data.get(FORMS_KEY)
    if forms is None or len(forms[0]) != len(doc):
        lower: list[str] = []
        lemma: list[str] = []
        for token in doc:
            lower.append(token.lower_)
            lemma.append(token.lemma_)
        forms = doc.user_data[FORMS_KEY] = (lower, lemma)
    return forms


class DistortionMatcher:
    """Finds the thirteen thinking traps with the rules in `patterns/`, weighing each by its context."""

    def __init__(self, nlp: Language, name: str, threshold: float, settings: ContextSettings) -> None:
        self.name = name
        self.threshold = threshold
        self.settings = settings
        self.rules = distortion_rules()
        self.specs = {spec.key: spec for rules in self.rules.values() for spec in rules.patterns}
        self.matcher = RegexMatcher({spec.key: spec.variants for spec in self.specs.values()}, COMMON_WORDS)
        self.nearby = {key: _word_sets(spec.requires_nearby) for key, spec in self.specs.items() if spec.requires_nearby}
        self.unless = {key: _word_sets(spec.unless_nearby) for key, spec in self.specs.items() if spec.unless_nearby}

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[DISTORTIONS_KEY] = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Hit]:
        lower, lemma = word_forms(doc)
        if lemma and not any(lemma):
            raise ValueError("the distortion matcher needs a lemmatizer before it in the pipeline")
        matches = self.matcher(lower, lemma)
        if not matches:
            return []
        context = Context(doc, lower)
        spans_by_key: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
        declined: dict[str, int] = {}
        for key, start, end in matches:
            spec = self.specs[key]
            if spec.requires_nearby is not None and not self._nearby(lemma, context, spec, start, end):
                declined.setdefault(spec.distortion, start)
                continue
            if spec.unless_nearby is not None and self._balanced_nearby(lemma, context, spec, start):
                declined.setdefault(spec.distortion, start)
                continue
            weight = context.weight(spec, start, end, self.settings)
            if weight > 0:
                spans_by_key[spec.key].append((start, end, weight))
            else:
                declined.setdefault(spec.distortion, start)
        hits = self._combine(doc, spans_by_key)
        found = {hit.distortion for hit in hits}
        if declined.keys() - found:
            doc.user_data[DECLINED_KEY] = {d: t for d, t in declined.items() if d not in found}
        return hits

    def _nearby(self, lemma: list[str], context: Context, spec: PatternSpec, start: int, end: int) -> bool:
        """Whether the words a rule needs are there, in what the match is about or in its sentence."""
        if spec.nearby_in_topic:
            bounds = context.topic_bounds(start, end)
        else:
            bounds = context.sentence_bounds[context.sentence[start]]
        return _holds(lemma, context, self.nearby[spec.key], bounds)

    def _balanced_nearby(self, lemma: list[str], context: Context, spec: PatternSpec, start: int) -> bool:
        """Whether the sentence holds a word or phrase of the balanced answer ('said sorry')."""
        bounds = context.sentence_bounds[context.sentence[start]]
        if _holds(lemma, context, self.unless[spec.key], bounds):
            return True
        words = context.words[bounds[0] : bounds[1]]
        return any(_contains(words, phrase) for phrase in spec.unless_phrases)

    def _combine(self, doc: Doc, spans_by_key: dict[str, list[tuple[int, int, float]]]) -> list[Hit]:
        """One score per trap: each pattern counts once (its best match), patterns add up like
        independent clues (1 - product of misses), and the evidence is the tightest spans."""
        by_distortion: dict[str, list[tuple[str, float, list[tuple[int, int]]]]] = defaultdict(list)
        for key, spans in spans_by_key.items():
            if len(spans) == 1:  # the usual case: one match of the pattern
                start, end, best = spans[0]
                tight = [(start, end)]
            else:
                best = max(weight for _s, _e, weight in spans)
                tight = _tightest([(s, e) for s, e, _w in spans])
            by_distortion[self.specs[key].distortion].append((self.specs[key].id, best, tight))
        hits = []
        for distortion, found in by_distortion.items():
            score = 1.0 - math.prod(1.0 - weight for _id, weight, _spans in found)
            if score < self.threshold:
                continue
            token_spans = _merge(sorted(span for _id, _w, spans in found for span in spans))
            char_spans = tuple((doc[word_start(doc, s)].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in token_spans)
            patterns = tuple(pid for pid, _w, _spans in sorted(found, key=lambda f: -f[1]))
            hits.append(Hit(distortion, min(1.0, score), char_spans, patterns))
        hits.sort(key=lambda hit: (-hit.score, hit.distortion))
        return hits


_CONTRACTION_TAILS = frozenset(["'ll", "'m", "'s", "'re", "'ve", "'d", "n't", "nt"])


def word_start(doc: Doc, start: int) -> int:
    """The token where the word holding token `start` begins: a span that opens on the tail of a
    contraction ("'ll always hurt") is shown from its head ("it'll always hurt")."""
    if start and doc[start].lower_ in _CONTRACTION_TAILS and not doc[start - 1].whitespace_:
        return start - 1
    return start


def word_end(doc: Doc, end: int) -> int:
    """The last token of the word holding token `end`: a span that stops on the head of a
    contraction ("ca" of "can't") is shown to its tail ("can't")."""
    following = end + 1
    if following < len(doc) and doc[following].lower_ in _CONTRACTION_TAILS and not doc[end].whitespace_:
        return following
    return end


def _holds(lemma: list[str], context: Context, word_sets: tuple[frozenset[str], frozenset[str]], bounds: tuple[int, int]) -> bool:
    """Whether the words first..last hold one of these words or lemmas (`lemma`: the doc's lemmas,
    read once by `word_forms`, rather than a Token object made for each word again)."""
    words, lemmas = word_sets
    first, last = bounds
    if not words.isdisjoint(context.words[first:last]):
        return True
    return bool(lemmas) and not lemmas.isdisjoint(lemma[first:last])


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def _word_sets(alternatives: list[dict]) -> tuple[frozenset[str], frozenset[str]]:
    """Plain-word and lemma sets of `requires_nearby` / `unless_nearby` token patterns (LOWER / LEMMA with IN or a value)."""
    words: set[str] = set()
    lemmas: set[str] = set()
    for pattern in alternatives:
        for attr, value in pattern.items():
            if attr == "OP":
                continue
            values = value["IN"] if isinstance(value, dict) else [value]
            if attr == "LOWER":
                words.update(values)
            elif attr == "LEMMA":
                lemmas.update(values)
            else:
                raise ValueError(f"requires_nearby and unless_nearby support words and lemmas only, not {attr}")
    return frozenset(words), frozenset(lemmas)


def _tightest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans that contain another span of the same pattern (gaps make the Matcher return both)."""
    unique = sorted(set(spans), key=lambda span: span[1] - span[0])
    kept: list[tuple[int, int]] = []
    for start, end in unique:
        if not any(s >= start and e <= end for s, e in kept):
            kept.append((start, end))
    return kept


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching token spans joined into one."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class ThemeTagger:
    """Tags what a thought is about (pain, partner, body, ...) and whether it mentions self-harm."""

    ORDER: ClassVar[tuple[str, ...]] = tuple(theme.value for theme in Theme)
    FROM_DISTORTIONS: ClassVar[dict[str, str]] = {
        "labeling": "self_worth",
        "comparing": "comparison",
        "fortune_telling": "future",
    }

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words: dict[str, str] = {}
        self.word_themes: dict[str, set[str]] = defaultdict(set)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for theme, entry in theme_lexicon().items():
            for word in entry["words"]:
                self.word_themes[word].add(theme)
            if entry["phrases"]:
                self.phrases.add(theme, [nlp.make_doc(p.lower()) for p in entry["phrases"]])

    def __call__(self, doc: Doc) -> Doc:
        themes: set[str] = set()
        word_themes = self.word_themes
        for lower, lemma in zip(*word_forms(doc)):
            found = word_themes.get(lower) or word_themes.get(lemma)
            if found:
                themes |= found
        for match_id, _start, _end in self.phrases(doc):
            themes.add(doc.vocab.strings[match_id])
        for hit in doc.user_data.get(DISTORTIONS_KEY) or ():
            extra = self.FROM_DISTORTIONS.get(hit.distortion)
            if extra:
                themes.add(extra)
        doc.user_data[THEMES_KEY] = [theme for theme in self.ORDER if theme in themes]
        # One list of self-harm phrases for the whole app (thoughtwork.safety), so the
        # command line and the TUI never disagree about when to offer crisis lines.
        doc.user_data[SELF_HARM_KEY] = mentions_self_harm(doc.text)
        return doc


@Language.factory(
    "distortion_matcher",
    default_config={"threshold": 0.5, "negation_window": 6, "hedge_factor": 0.55, "question_factor": 0.5},
)
def make_distortion_matcher(
    nlp: Language,
    name: str,
    threshold: float,
    negation_window: int,
    hedge_factor: float,
    question_factor: float,
) -> DistortionMatcher:
    """The rule-based thinking-trap matcher; `threshold` is the lowest score reported."""
    settings = ContextSettings(negation_window, hedge_factor, question_factor)
    return DistortionMatcher(nlp, name, threshold, settings)


@Language.factory("theme_tagger")
def make_theme_tagger(nlp: Language, name: str) -> ThemeTagger:
    """Tags the themes of a thought; put it after `distortion_matcher` to use its findings."""
    return ThemeTagger(nlp, name)
