"""Analysing thoughts: text in, `thoughtwork.models.Analysis` out.

The pipeline is `spacy.blank("en")` with a lookup lemmatizer (spacy-lookups-data's table) and
our two rule components; it needs no model download. It is built once and shared:
`load_pipeline()` is safe to call from a worker thread while the app starts.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from thoughtwork.models import Analysis, DistortionStatus
from thoughtwork.nlp.components import Hit, results
from thoughtwork.nlp.rules import distortion_rules, lexicons
from thoughtwork.text import clean, mask_controls

MAX_CHARS = 100_000
"""Longest text analysed in one go; a thought record field is at most 20,000 characters."""

MAX_RUN = 40
"""Longest run of non-space characters handed to the tokenizer in one piece."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})

_pipeline: Language | None = None
_pipeline_lock = threading.Lock()


def rules_pipeline() -> Language:
    """A new pipeline with the rules and no learned model (for training and comparing the two)."""
    return _build_pipeline(with_model=False)


_rules_only: Language | None = None


def analyse_rules(text: str) -> Analysis:
    """What the hand-written rules alone find in a thought, without the learned model (to test
    and measure the rules by themselves)."""
    global _rules_only
    text = _check(text)
    with _pipeline_lock:
        if _rules_only is None:
            _rules_only = rules_pipeline()
    return to_analysis(text, _rules_only(prepare(text)))


def load_pipeline() -> Language:
    """The shared pipeline, built on first use (about half a second once spaCy is imported)."""
    global _pipeline
    if _pipeline is None:
        with _pipeline_lock:
            if _pipeline is None:
                _pipeline = _build_pipeline()
    return _pipeline


def compile_rules() -> None:
    """Compile every rule now (about 0.1 s), not each the first time a thought needs it (which
    makes a first thought take 3-6 ms instead of 0.2). For a program that has time to spare
    after loading, such as the app while the person reads its first screen."""
    load_pipeline().get_pipe("distortion_matcher").matcher.compile_all()


def _hyphenated_words() -> list[str]:
    """Every hyphenated word of the shared lexicons."""
    words = {word for entries in lexicons().values() for word in entries if "-" in word.strip("-")}
    return sorted(words)


def _build_pipeline(with_model: bool = True) -> Language:
    """The pipeline; `with_model=False` leaves out the learned `trap_model` (the rules alone, as the
    training script needs them, and before any model has been trained)."""
    import spacy
    from spacy.symbols import ORTH

    import thoughtwork.nlp.components  # noqa: F401  (registers the factories even if not installed)
    import thoughtwork.nlp.lemmatizer  # noqa: F401
    import thoughtwork.nlp.trap_model  # noqa: F401

    nlp = spacy.blank("en")
    for word in _hyphenated_words():
        # Kept whole, so lexicon words like 'in-laws' and 'let-down' can match as one token.
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    # 'its' typed for "it's" ('its hopeless', 'its my fault') is read as "it" + "s" like 'thats' and
    # 'hes'; the possessive ('its best') then reads as "it s best", which no rule takes for a trap.
    nlp.tokenizer.add_special_case("its", [{ORTH: "it"}, {ORTH: "s"}])
    # spaCy's lookup lemmatizer, same table and lemmas, faster per word (see nlp/lemmatizer.py).
    nlp.add_pipe("lookup_lemmatizer")
    nlp.add_pipe("distortion_matcher")
    if with_model:
        nlp.add_pipe("trap_model")
    nlp.add_pipe("theme_tagger")
    nlp.initialize()
    nlp.max_length = MAX_CHARS + 1
    return nlp


_SPACED_HYPHEN = re.compile(r"(?:(?<=\s)|^)-(?=\s|$)")
"""A hyphen standing alone is a dash and ends a clause; written as an em dash (one character, so
offsets keep), a hyphen inside a word ('mother-in-law', 'self-conscious') stays part of the word."""

_LONG_RUN = re.compile(rf"\S{{{2 * MAX_RUN},}}")


def prepare(text: str) -> str:
    """Lower case with straight apostrophes, and exactly as long as `text`, so offsets still fit."""
    prepared = text.translate(_APOSTROPHES).lower()
    if len(prepared) != len(text):
        # A few characters change length when lower-cased (e.g. 'İ'); keep those as they are.
        prepared = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_APOSTROPHES))
    # Escape codes and control characters become spaces, so '\x1b[31mI must' reads 'I must'.
    prepared = mask_controls(prepared)
    prepared = _SPACED_HYPHEN.sub("\u2014", prepared)
    return _LONG_RUN.sub(_split_run, prepared)


def _split_run(match: re.Match[str]) -> str:
    """A space every MAX_RUN characters of a very long run: spaCy's tokenizer takes quadratic time
    on long runs of punctuation ('!?!?...' of 20,000 characters took 26 s); no real word is that long."""
    run = match.group(0)
    # Replaced, not inserted, so every character keeps its offset.
    return "".join(" " if i % MAX_RUN == MAX_RUN - 1 else char for i, char in enumerate(run))


def _check(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError("a thought to analyse must be a string")
    if len(text) > MAX_CHARS:
        raise ValueError(f"the text is too long to analyse (over {MAX_CHARS:,} characters)")
    return text


def analyse(text: str) -> Analysis:
    """The thinking traps and themes in one thought."""
    text = _check(text)
    return to_analysis(text, load_pipeline()(prepare(text)))


def is_loaded() -> bool:
    """Whether the shared pipeline is built already (asking costs nothing; building takes a moment)."""
    return _pipeline is not None


@lru_cache(maxsize=256)
def model_probabilities(text: str) -> dict[str, float] | None:
    """The learned trap model's probability for every trap and for "balanced" (no trap at all),
    below its thresholds too, or None when the pipeline has no model. What is shown to a
    person stays with the thresholds; ranking reframes may listen to fainter signals."""
    nlp = load_pipeline()
    if "trap_model" not in nlp.pipe_names:
        return None
    return nlp.get_pipe("trap_model").probabilities(nlp(prepare(_check(text))))


def balanced_probability(text: str) -> float | None:
    """How sure the learned trap model is that a thought carries no trap at all (0 to 1), or
    None when the pipeline has no model. The model learned this column from thousands of
    balanced statements by many writers; `content.balance` reads it beside the words."""
    probabilities = model_probabilities(text)
    return None if probabilities is None else probabilities.get("balanced")


def analyse_many(texts: Iterable[str], batch_size: int = 256) -> list[Analysis]:
    """Analyses for many thoughts, in order, using `nlp.pipe` for speed."""
    originals = [_check(text) for text in texts]
    with _collector_paused():
        docs = load_pipeline().pipe((prepare(text) for text in originals), batch_size=batch_size)
        return [to_analysis(text, doc) for text, doc in zip(originals, docs)]


def findings_many(texts: Iterable[str], batch_size: int = 256) -> list[tuple[list[Hit], list[str], bool]]:
    """The raw hits (character spans into each text), theme ids and self-harm flag of many
    thoughts, in order.

    For bulk output that needs neither explanations nor model objects (`analyse --jsonl`):
    building those took about a tenth of the time of a short thought."""
    originals = [_check(text) for text in texts]
    with _collector_paused():
        docs = load_pipeline().pipe((prepare(text) for text in originals), batch_size=batch_size)
        return [results(doc) for doc in docs]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a batch runs, as it was before afterwards.

    A batch makes many small objects that live on (the results), so the collector kept scanning
    them: 10-25% of a batch's time. Analysing makes no reference cycles (checked: a collection
    after 6,000 thoughts found nothing unreachable), so nothing waits longer to be freed."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def rounded_score(score: float) -> float:
    """A hit's score as shown and stored: two decimals, within 0..1."""
    return min(1.0, max(0.0, round(score, 2)))


def to_analysis(text: str, doc: Doc) -> Analysis:
    """Turn a processed doc into an Analysis whose evidence quotes the original `text`."""
    distortions, themes, self_harm = results(doc)
    # Validated from plain data in one call: pydantic-core does that in about half the time
    # that `model_construct` takes per model, so checking every value here costs nothing extra.
    return Analysis.model_validate(
        {
            "text": text,
            "distortions": [_match(text, hit) for hit in distortions],
            "themes": themes,
            "mentions_self_harm": self_harm,
        }
    )


def _match(text: str, hit: Hit) -> dict[str, object]:
    """A hit as the data of a `DistortionMatch`, its evidence quoting `text`."""
    evidence = [{"text": text[start:end], "start": start, "end": end} for start, end in hit.spans]
    return {
        "id": hit.distortion,
        "score": rounded_score(hit.score),
        "evidence": evidence,
        "explanation": explain(hit.distortion, [span["text"] for span in evidence], hit.source),
        "status": DistortionStatus.suggested,
        "source": hit.source,
    }


LEARNED_NOTE = " (Read by a model that learned from many people's thoughts; these words weigh most.)"
"""Said after a trap the learned model added, so a person knows it is a reading, not a rule."""


def explain(distortion: str, words: list[str], source: str = "rule") -> str:
    """One line a person can read: which words suggested the trap, and what the trap does."""
    return _explanation(distortion, tuple(words), source)


@lru_cache(maxsize=4096)
def _explanation(distortion: str, words: tuple[str, ...], source: str = "rule") -> str:
    # Kept: the same few words ('always', 'never', 'should') explain most hits, and cleaning and
    # quoting them was about a third of turning a doc into an Analysis.
    # The same word found three times is quoted once ('Words like "always"', not "always", "always", ...).
    shown = [clean(word, single_line=True)[:60] for word in words]
    distinct = list({word.casefold(): word for word in reversed(shown)}.values())[::-1]
    quoted = ", ".join(f"\u201c{word}\u201d" for word in distinct[:3]) or "these"
    sentence = distortion_rules()[distortion].explanation.format(words=quoted)
    return sentence + LEARNED_NOTE if source == "model" else sentence
