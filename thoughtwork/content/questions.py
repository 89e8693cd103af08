"""The Socratic questions to ask about one thought, fitted to it like the reframes are.

The questions come from the reframes offered (closest to the thought), and each one that names
a person or situation ("What has your partner actually said...?") is kept only when the thought
is about it. A balanced thought is asked what helped, not to test a prediction; a thought of
self-harm is asked nothing to dispute it (the record shows the safety step instead).
"""

from __future__ import annotations

from collections.abc import Iterable

from thoughtwork.content.aboutness import About, ties_of
from thoughtwork.models import Reframe

GENERAL_QUESTIONS = [
    "What would you say to a friend who had this thought?",
    "Has there been a time, even a small one, when this was not true?",
    "Is this a fact, or how it feels right now?",
    "If the worst did happen, how might you cope, and who could help?",
]
"""Questions that fit almost any thought that is hard on the person; the reframes add closer ones."""

AFFIRMING_QUESTIONS = [
    "This already sounds balanced. What helped you see it this way?",
    "What did you do, or tell yourself, that made a difference?",
    "What would you like to remember from this next time?",
]
"""For a thought that is already balanced or kind: notice what helped, keep it."""

MAX_QUESTIONS = 5
FROM_REFRAMES = 3


def questions_for(reframe: Reframe, about: About) -> list[str]:
    """A reframe's own questions that fit this thought (none that name someone it is not about)."""
    return [q for q in reframe.questions if about.fits(ties_of(q))]


def socratic_questions(reframes: Iterable[Reframe], about: About, *, balanced: bool = False) -> list[str]:
    """The questions to show: the offered reframes' fitting questions first, then general ones
    (affirming ones for a balanced thought), without repeats."""
    own = [q.strip() for reframe in reframes for q in questions_for(reframe, about) if q.strip()]
    questions = list(dict.fromkeys(own))[:FROM_REFRAMES]
    if balanced:
        questions = [AFFIRMING_QUESTIONS[0], *[q for q in questions if q not in AFFIRMING_QUESTIONS]]
        extra = AFFIRMING_QUESTIONS[1:]
    else:
        extra = GENERAL_QUESTIONS
    for general in extra:
        if len(questions) >= MAX_QUESTIONS:
            break
        if general not in questions:
            questions.append(general)
    return questions
