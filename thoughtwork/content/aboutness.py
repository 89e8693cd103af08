"""Who and what a thought is about (a partner, a clinician, family, pain, an exam...), read from
its words and the record's context, and which of those a reframe or question presupposes.

One reader for both sides: the word lists in `subjects.toml` read the person's thought and the
library's texts alike, so "my partner" in a reframe ties it to thoughts about a partner without
anyone tagging it by hand. A tie is a hard rule (a reframe about a partner's reaction is never
offered for a thought about a doctor); the other subjects only add to the fit.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from thoughtwork.content.words import stem
from thoughtwork.locations import package_data
from thoughtwork.models import SUBJECT_NAMES, Context, Subject

_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

PEOPLE = frozenset({Subject.partner, Subject.clinician, Subject.family, Subject.friends, Subject.others})

TIES = frozenset(
    {Subject.partner, Subject.dating, Subject.clinician, Subject.family, Subject.friends, Subject.exam, Subject.dilator,
     Subject.tampon, Subject.pain, Subject.faith, Subject.gender, Subject.past_harm, Subject.life_stage,
     Subject.care_access}
)
"""Subjects a text can be tied to: a reframe naming one of them fits only a thought about it.
Sex and the body are left out on purpose: in this app nearly every thought has them behind it."""

SATISFIES: dict[Subject, frozenset[Subject]] = {
    Subject.clinician: frozenset({Subject.clinician, Subject.exam}),
    Subject.friends: frozenset({Subject.friends, Subject.family, Subject.others}),
}
"""What in a thought answers a tie, where more than the subject itself does (a reframe about
'the clinician' fits a thought about the smear test; one about an exam does not fit every
thought about a physio)."""

CONTEXT_SUBJECTS: dict[Context, tuple[Subject, ...]] = {
    Context.intimacy: (Subject.partner, Subject.sex),
    Context.dilator_practice: (Subject.dilator, Subject.body),
    Context.tampon: (Subject.tampon, Subject.body),
    Context.gynaecological_exam: (Subject.exam, Subject.clinician),
    Context.self_touch: (Subject.body,),
}
"""What the situation the person picked tells about the thought, beyond its words."""

BODY_SITUATIONS = frozenset({Subject.sex, Subject.exam, Subject.dilator, Subject.tampon, Subject.body})

_HE_SHE = frozenset({"he", "him", "his", "himself", "he's", "he'll", "he'd", "she", "her", "hers", "herself",
                     "she's", "she'll", "she'd"})
_THEY = frozenset({"they", "them", "their", "they're", "they'll", "they'd", "themselves"})


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    not_with: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, frozenset[str]]
    """A word or its stem -> the subjects (and 'fear') it signals."""
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    unless: dict[str, frozenset[str]]
    not_with: dict[str, frozenset[str]]
    """Subject -> the techniques never offered for a thought about it (lower case)."""


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = tomllib.loads(package_data("content", "subjects.toml").read_text(encoding="utf-8"))
    words: dict[str, set[str]] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    unless: dict[str, frozenset[str]] = {}
    not_with: dict[str, frozenset[str]] = {}
    for name, body in raw.items():
        entry = _Entry.model_validate(body)
        if name != "fear":
            Subject(name)  # a typo in the file fails loudly here, not as a silent miss
        for word in entry.words:
            for key in {word.lower(), stem(word.lower())}:
                words.setdefault(key, set()).add(name)
        for phrase in entry.phrases:
            phrases.append((tuple(_WORD.findall(phrase.lower())), name))
        if entry.unless:
            unless[name] = frozenset(entry.unless)
        if entry.not_with:
            not_with[name] = frozenset(t.lower() for t in entry.not_with)
    return _Lexicon({k: frozenset(v) for k, v in words.items()}, tuple(phrases), unless, not_with)


@dataclass
class About:
    """What one text is about, with the words (or the context) that say so."""

    subjects: dict[Subject, str] = field(default_factory=dict)
    """Subject -> the person's own word for it, or '' when only the context says so."""

    def __contains__(self, subject: Subject) -> bool:
        return subject in self.subjects

    def satisfies(self, tie: Subject) -> bool:
        return any(s in self.subjects for s in SATISFIES.get(tie, frozenset({tie})))

    def fits(self, ties: frozenset[Subject]) -> bool:
        """A text with ties fits when at least one of them is what this thought is about."""
        return not ties or any(self.satisfies(tie) for tie in ties)

    def allows(self, technique: str | None) -> bool:
        """Whether a reframe of this technique may be offered at all for this thought (a 'so
        what if it did?' is never offered for a thought about past harm)."""
        barred = _lexicon().not_with
        return not technique or not any(technique.lower() in barred.get(s.value, ()) for s in self.subjects)

    def word_for(self, tie: Subject) -> str:
        for subject in SATISFIES.get(tie, frozenset({tie})):
            if self.subjects.get(subject):
                return self.subjects[subject]
        return ""


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.translate(_APOSTROPHES).lower())


_HYPOTHETICAL = frozenset({"a", "an", "any"})
_FRIENDS = frozenset({"friends"})
"""'What would you say to a friend...?': a friend brought in as a device (the double standard),
not someone the text is about. Only friends: 'a clinician handled things badly' is about one."""


def _found(tokens: list[str], *, library: bool = False) -> dict[str, str]:
    """Subject (or 'fear') -> the first word of the text that signals it."""
    lexicon = _lexicon()
    found: dict[str, str] = {}
    present = set(tokens)
    for index, token in enumerate(tokens):
        bare = token.removesuffix("'s")  # "my partner's mood"
        names = lexicon.words.get(bare) or lexicon.words.get(stem(bare))
        if names == _FRIENDS and library and _brought_in(tokens, index):
            continue
        for name in names or ():
            found.setdefault(name, token)
    joined = " " + " ".join(tokens) + " "
    for words, name in lexicon.phrases:
        if " " + " ".join(words) + " " in joined:
            found.setdefault(name, " ".join(words))
    for name, blockers in lexicon.unless.items():
        if name in found and present & blockers:
            del found[name]
    return found


def _brought_in(tokens: list[str], index: int) -> bool:
    """Whether the word at `index` follows 'a', 'an' or 'any' (one adjective may sit between)."""
    before = tokens[max(0, index - 2):index]
    return bool(before) and (before[-1] in _HYPOTHETICAL or (len(before) == 2 and before[0] in _HYPOTHETICAL))


def read_text(text: str) -> dict[Subject, str]:
    """The subjects a library text (a reframe, a question) presupposes, in its own words: no
    pronouns, no context, and no one brought in as a device ('say to a friend')."""
    return {Subject(name): word for name, word in _found(_tokens(text), library=True).items() if name != "fear"}


def about(text: str, context: Context | None = None, situation: str = "") -> About:
    """What a person's thought is about: its words, who its pronouns most likely mean, and the
    situation they described and picked for the record (which count as much as the thought's
    own words, but are never quoted back as the thought)."""
    tokens = _tokens(text)
    found = _found(tokens)
    subjects: dict[Subject, str] = {Subject(n): w for n, w in found.items() if n != "fear"}
    around = _tokens(situation)
    around_found = _found(around)
    for name in around_found:
        if name != "fear":
            subjects.setdefault(Subject(name), "")
    for subject in CONTEXT_SUBJECTS.get(context, ()) if context is not None else ():
        subjects.setdefault(subject, "")
    if not PEOPLE & set(subjects):
        # "He'll leave" or "Greg will find out" names no role: in this app a he, a she or a first
        # name with no one else named is most often a partner, unless the record is about an
        # exam. "They" is left to the context.
        pronoun = next((t for t in [*tokens, *around] if t in _HE_SHE), None) or _first_name(text)
        if pronoun is not None:
            exam = context is Context.gynaecological_exam or Subject.exam in subjects
            subjects[Subject.clinician if exam else Subject.partner] = pronoun if pronoun.lower() in tokens else ""
    fear = found.get("fear") or ("" if "fear" in around_found else None)
    if fear is not None and Subject.pain not in subjects and BODY_SITUATIONS & set(subjects):
        subjects[Subject.pain] = fear
    return About(subjects)


def _first_name(text: str) -> str | None:
    """The first word written as a given name that is no everyday word ('Greg', not 'Will')."""
    from thoughtwork.export.gazetteer import gazetteer

    names = gazetteer()
    for word in re.findall(r"\b[A-Z][a-z]+\b", text):
        if word in names.given and word.lower() not in names.vocabulary:
            return word
    return None


@lru_cache(maxsize=4096)
def ties_of(text: str) -> frozenset[Subject]:
    """The people and situations a library text (a reframe, a question) presupposes."""
    return frozenset(subject for subject in read_text(text) if subject in TIES)


def subject_name(subject: Subject) -> str:
    return SUBJECT_NAMES.get(subject.value, subject.value)
