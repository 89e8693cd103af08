"""The context around a match that changes what it means: negation, hedges, questions.

A blank spaCy pipeline has no parser, so clauses and sentences are found from punctuation and
a few joining words (lexicons `breakers` and `sentence_ends`). That is coarse but predictable,
and every rule that uses it can be read in the pattern files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from thoughtwork.nlp.rules import PatternSpec, lexicons


@dataclass(frozen=True)
class ContextSettings:
    """How strongly context weakens a match."""

    negation_window: int = 6
    """How many words before a match a 'not' still reaches (within the same clause)."""
    hedge_factor: float = 0.55
    """Weight kept by a match in a hedged sentence ('maybe he is bored')."""
    question_factor: float = 0.5
    """Weight kept by a match in a yes/no question ('Will it hurt?')."""


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], ...]:
    words = lexicons()
    names = ("negators", "breakers", "sentence_ends", "hedges", "question_starts", "subject_pronouns", "clause_takers")
    return tuple(frozenset(words[name]) for name in names)


@lru_cache(maxsize=1)
def _statement_openers() -> tuple[list[str], ...]:
    return tuple(phrase.split() for phrase in lexicons()["statement_questions"])


class Context:
    """Per-document facts the matcher needs: words, clauses, sentences, hedges, questions."""

    def __init__(self, doc: Doc) -> None:
        negators, breakers, sentence_ends, hedges, question_starts, subjects, takers = _word_sets()

        self.words = [token.lower_ for token in doc]
        self.is_negator = [w in negators for w in self.words]
        self.clause_start: list[int] = []
        self.sentence: list[int] = []
        sentence_bounds: list[tuple[int, int]] = []
        clause = 0
        sentence = 0
        begin = 0
        for i, word in enumerate(self.words):
            if word in subjects and i > clause and self.words[i - 1] not in takers:
                # Unpunctuated text: a new subject starts a new clause ('she hasnt replied she must be angry').
                clause = i
            self.clause_start.append(clause)
            self.sentence.append(sentence)
            if word in breakers or "\n" in word:
                clause = i + 1
            if word in sentence_ends or "\n" in word:
                sentence_bounds.append((begin, i + 1))
                sentence += 1
                begin = i + 1
        if begin < len(self.words):
            sentence_bounds.append((begin, len(self.words)))
        self.sentence_bounds = sentence_bounds

        self.first_hedge = {}
        self.is_question = []
        for index, (first, last) in enumerate(sentence_bounds):
            hedge_at = next((i for i in range(first, last) if self._hedges(i, hedges)), None)
            if hedge_at is not None:
                self.first_hedge[index] = hedge_at
            asks = self.words[last - 1] == "?" and self.words[first] in question_starts
            # "What if ..." imagines rather than asserts: only rules marked "keep" (catastrophising) stay strong.
            asks = asks or self.words[first : first + 2] == ["what", "if"]
            # "Am I the only one who ...?" tells rather than asks: the asker already holds the answer.
            asks = asks and not any(self.words[first : first + len(opener)] == opener for opener in _statement_openers())
            self.is_question.append(asks)

    def _hedges(self, i: int, hedges: frozenset[str]) -> bool:
        # "could" hedges, "couldn't" does not: a negated hedge word states a limit instead.
        follows = self.is_negator[i + 1] if i + 1 < len(self.words) else False
        return self.words[i] in hedges and not follows

    def negated(self, start: int, end: int, window: int) -> bool:
        """Whether a 'not' in the same clause, just before or inside the span, switches it off."""
        begin = max(self.clause_start[start], start - window)
        return any(self.is_negator[begin:end])

    def weight(self, spec: PatternSpec, start: int, end: int, settings: ContextSettings) -> float:
        """The score a match keeps once its surroundings are taken into account (0 = none)."""
        words = self.words
        if spec.not_after and start > 0 and words[start - 1] in spec.not_after:
            return 0.0
        for phrase in spec.not_before:
            if tuple(words[end : end + len(phrase)]) == phrase:
                return 0.0
        if spec.negatable and self.negated(start, end, settings.negation_window):
            return 0.0
        score = spec.score
        sentence = self.sentence[start]
        if spec.dampen_hedges:
            hedge_at = self.first_hedge.get(sentence)
            if hedge_at is not None and hedge_at < end:
                score *= settings.hedge_factor
        if spec.dampen_questions and self.is_question[sentence]:
            score *= settings.question_factor
        return score
