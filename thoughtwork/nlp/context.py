"""The context around a match that changes what it means: negation, hedges, questions.

A blank spaCy pipeline has no parser, so clauses and sentences are found from punctuation and
a few joining words (lexicons `breakers` and `sentence_ends`). That is coarse but predictable,
and every rule that uses it can be read in the pattern files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from thoughtwork.nlp.rules import PatternSpec, lexicons, phrases


@dataclass(frozen=True)
class ContextSettings:
    """How strongly context weakens a match."""

    negation_window: int = 6
    """How many words before a match a 'not' still reaches (within the same clause)."""
    hedge_factor: float = 0.55
    """Weight kept by a match in a hedged sentence ('maybe he is bored')."""
    question_factor: float = 0.5
    """Weight kept by a match in a yes/no question ('Will it hurt?')."""


@lru_cache(maxsize=None)
def _sets(*names: str) -> tuple[frozenset[str], ...]:
    """The named lexicons as word sets, built once per combination asked for."""
    words = lexicons()
    return tuple(frozenset(words[name]) for name in names)


def _word_sets() -> tuple[frozenset[str], ...]:
    return _sets("negators", "breakers", "sentence_ends", "hedges", "question_starts", "subject_pronouns", "clause_takers")


@lru_cache(maxsize=1)
def _opinion_words() -> tuple[frozenset[str], frozenset[str]]:
    others, verbs = _sets("others", "opinion_verbs")
    return others - {"i"}, verbs


@lru_cache(maxsize=1)
def _past_fact_words() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    words = lexicons()
    return frozenset(words["past_fillers"]), frozenset(words["irregular_past"]), phrases(words["explanations"])


def _is_past(word: str, irregular: frozenset[str]) -> bool:
    """'talked', 'told': a past-tense form ('need', 'succeed' end in -eed and are not)."""
    return word in irregular or (word.endswith("ed") and not word.endswith("eed") and len(word) > 3)


@lru_cache(maxsize=1)
def _statement_openers() -> tuple[list[str], ...]:
    return tuple(phrase.split() for phrase in lexicons()["statement_questions"])


class Context:
    """Per-document facts the matcher needs: words, clauses, sentences, hedges, questions."""

    def __init__(self, doc: Doc, words: list[str] | None = None) -> None:
        negators, breakers, sentence_ends, hedges, question_starts, subjects, takers = _word_sets()

        self.words = words if words is not None else [token.lower_ for token in doc]
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

        self.reported = self._reported_speech(breakers, sentence_ends)
        self._others_thoughts: list[bool] | None = None

        self.first_hedge = {}
        self.is_question = []
        has_hedge = not hedges.isdisjoint(self.words)  # most thoughts have none: skip the search
        for index, (first, last) in enumerate(sentence_bounds):
            hedge_at = next((i for i in range(first, last) if self._hedges(i, hedges)), None) if has_hedge else None
            if hedge_at is not None:
                self.first_hedge[index] = hedge_at
            asks = self.words[last - 1] == "?" and self.words[first] in question_starts
            # "What if ..." imagines rather than asserts: only rules marked "keep" (catastrophising) stay strong.
            asks = asks or self.words[first : first + 2] == ["what", "if"]
            # "Am I the only one who ...?" tells rather than asks: the asker already holds the answer.
            asks = asks and not any(self.words[first : first + len(opener)] == opener for opener in _statement_openers())
            self.is_question.append(asks)

    def _reported_speech(self, breakers: frozenset[str], sentence_ends: frozenset[str]) -> list[bool]:
        """For each word, whether it is inside what someone said: after 'told me', 'said', 'texted
        that' ... up to the next clause break ('he told me he finds me attractive, and I trust
        him'). The words must open with a subject or 'that'/'if', so 'everyone I've told thinks
        I'm odd' (a verb after 'told') stays a guess at their minds."""
        verbs, listeners, openers = _sets("reporting_verbs", "listeners", "reported_openers")
        words = self.words
        inside = [False] * len(words)
        if verbs.isdisjoint(words):
            return inside
        i = 0
        while i < len(words):
            # 'She hasn't replied' reports silence, not words.
            if words[i] not in verbs or any(self.is_negator[max(0, i - 2) : i]):
                i += 1
                continue
            j = i + 1
            if j < len(words) and words[j] in listeners:
                j += 1
            if j >= len(words) or words[j] not in openers:
                i += 1
                continue
            i = self._mark_to_clause_end(inside, j, breakers, sentence_ends)
        return inside

    def _mark_to_clause_end(self, inside: list[bool], j: int, breakers: frozenset[str], sentence_ends: frozenset[str]) -> int:
        """Mark the words from j up to the next clause break as inside; where it stopped.
        Only punctuation and joining words break here, not a new subject: in 'he told me he
        finds me attractive' the second 'he' is inside what was said."""
        words = self.words
        while j < len(words) and words[j] not in breakers and words[j] not in sentence_ends and "\n" not in words[j]:
            inside[j] = True
            j += 1
        return j

    OPINION_SUBJECT_REACH = 3
    """How many words before an opinion verb its thinker may stand ('she *must* think', 'they *all* see')."""

    def others_thoughts(self) -> list[bool]:
        """For each word, whether it is inside another person's view: after 'she thinks', 'he
        finds', 'my in-laws think' ... up to the next clause break. Worked out on first use, since
        few rules ask and most thoughts hold no opinion verb."""
        if self._others_thoughts is None:
            self._others_thoughts = self._find_others_thoughts()
        return self._others_thoughts

    def _find_others_thoughts(self) -> list[bool]:
        others, verbs = _opinion_words()
        breakers, sentence_ends = _word_sets()[1:3]
        words = self.words
        inside = [False] * len(words)
        for i, word in enumerate(words):
            if word not in verbs or not self._thinker_before(i, others, breakers):
                continue
            self._mark_to_clause_end(inside, i + 1, breakers, sentence_ends)
        return inside

    def _thinker_before(self, verb: int, others: frozenset[str], breakers: frozenset[str]) -> bool:
        """Whether another person stands just before an opinion verb, in the same clause."""
        for i in range(verb - 1, max(-1, verb - 1 - self.OPINION_SUBJECT_REACH), -1):
            if self.words[i] in breakers:
                return False
            if self.words[i] in others:
                return True
        return False

    def explained_past(self, start: int, end: int) -> bool:
        """Whether the match opens a past fact given as the cause of how things are now: a
        past-tense verb follows it and 'that's why' or the like comes later in the sentence ('my
        mum never talked about sex, that's why I'm like this'). 'I never get anything right, that's
        why I'm single' keeps its present-tense rule."""
        fillers, irregular, explanations = _past_fact_words()
        words = self.words
        i = end
        while i < len(words) and words[i] in fillers:
            i += 1
        if i >= len(words) or not _is_past(words[i], irregular):
            return False
        last = self.sentence_bounds[self.sentence[start]][1]
        return any(tuple(words[j : j + len(phrase)]) == phrase for j in range(i + 1, last) for phrase in explanations)

    def _hedges(self, i: int, hedges: frozenset[str]) -> bool:
        # "could" hedges, "couldn't" does not: a negated hedge word states a limit instead.
        follows = self.is_negator[i + 1] if i + 1 < len(self.words) else False
        return self.words[i] in hedges and not follows

    def negated(self, start: int, end: int, window: int) -> bool:
        """Whether a 'not' in the same clause, just before or inside the span, switches it off."""
        begin = max(self.clause_start[start], start - window)
        return any(self.is_negator[begin:end])

    def qualified(self, start: int, words: frozenset[str], window: int) -> bool:
        """Whether a qualifying word ('partly', 'a bit') comes earlier in the same clause."""
        begin = max(self.clause_start[start], start - window)
        return not words.isdisjoint(self.words[begin:start])

    def topic_bounds(self, start: int, end: int) -> tuple[int, int]:
        """What a match at start..end is about: from the start of its clause to the end of the
        sentence, cut short by a condition word after the match ('he always makes me tea | when
        I'm tired'). A condition right after the match is itself the topic ('always when I try')."""
        (conditions,) = _sets("conditions")
        first = self.clause_start[start]
        sentence_first, last = self.sentence_bounds[self.sentence[start]]
        if self._elliptic(start, end):
            # 'It hurt, like it always does': the clause points back, so the whole sentence is its topic.
            return sentence_first, last
        for i in range(end + 1, last):
            if self.words[i] in conditions:
                return first, i
        return first, last

    def _elliptic(self, start: int, end: int) -> bool:
        """Whether the clause after the match holds only a stand-in verb ('I always do', 'it always is')."""
        (stand_ins,) = _sets("stand_in_verbs")
        i = end
        while i < len(self.words) and self.clause_start[i] == self.clause_start[start] and self.words[i] in stand_ins:
            i += 1
        clause_over = i >= len(self.words) or self.clause_start[i] != self.clause_start[start] or self.words[i] in _word_sets()[1]
        return i > end and clause_over

    def _preceded_by(self, not_after: frozenset[str], start: int) -> bool:
        """Whether one of the rule's `not_after` words comes right before the match, or before
        words that only strengthen it: in 'I *just* never get anything right' 'I' is the subject."""
        (intensifiers,) = _sets("intensifiers")
        at = start - 1
        while at >= 0:
            if self.words[at] in not_after:
                return True
            if not self._strengthens(at, intensifiers):
                return False
            at -= 1
        return False

    def _followed_by(self, spec: PatternSpec, end: int) -> bool:
        """Whether one of the rule's `not_before` phrases comes right after the match, or after
        words that only strengthen it: 'because I'm *so* anxious' is still a feeling given as the reason."""
        (intensifiers,) = _sets("intensifiers")
        words = self.words
        at = end
        while True:
            for size, endings in spec.not_before_by_size:
                # A thought typed without its full stop ends as if it had one ('nobody will ever know').
                ahead = tuple(words[at : at + size])
                if ahead in endings or (len(ahead) < size and ahead + (".",) in endings):
                    return True
            if not self._strengthens(at, intensifiers):
                return False
            at += 1

    def _strengthens(self, i: int, intensifiers: frozenset[str]) -> bool:
        """Whether the word at i only strengthens a word that follows it in the same clause
        ('*so* anxious'); 'I should *too*.' strengthens nothing and is the clause's last word."""
        words = self.words
        if i + 1 >= len(words) or words[i] not in intensifiers:
            return False
        return self.clause_start[i + 1] == self.clause_start[i] and words[i + 1].isalpha()

    def weight(self, spec: PatternSpec, start: int, end: int, settings: ContextSettings) -> float:
        """The score a match keeps once its surroundings are taken into account (0 = none)."""
        if spec.not_after and self._preceded_by(spec.not_after, start):
            return 0.0
        if spec.not_before_by_size and self._followed_by(spec, end):
            return 0.0
        if spec.negatable and self.negated(start, end, settings.negation_window):
            return 0.0
        if spec.qualified_by and self.qualified(start, spec.qualified_by, settings.negation_window):
            return 0.0
        # By its last word: 'Mum says she sees me as strong' starts before the quote but ends in it.
        if spec.skip_reported_speech and self.reported[end - 1]:
            return 0.0
        if spec.skip_others_thoughts and self.others_thoughts()[start]:
            return 0.0
        if spec.skip_explained_past and self.explained_past(start, end):
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
