"""A record's answers to its prompt's own questions, in the order the prompt asks them.

The journal is written as canonical JSON (sorted keys, so its checksum is stable), which
leaves `prompt_answers` in alphabetical order once it has been saved. The prompt itself is
the record of the order the therapist chose, so readers put the answers back in that order.
"""

from __future__ import annotations

from collections.abc import Iterable

from thoughtwork.models import Assignment, ThoughtRecord


def prompt_questions(record: ThoughtRecord, assignments: Iterable[Assignment]) -> list[str]:
    """The extra questions of the prompt the record answered ([] if the homework is gone)."""
    if not record.assignment_id:
        return []
    for assignment in assignments:
        if assignment.id != record.assignment_id:
            continue
        # Without a prompt id, a record answers its assignment's only (or first) prompt.
        chosen = next((p for p in assignment.prompts if p.id == record.prompt_id), None)
        chosen = chosen or (assignment.prompts[0] if assignment.prompts else None)
        return list(chosen.extra_questions) if chosen else []
    return []


def numbered_answers(record: ThoughtRecord, questions: list[str]) -> list[tuple[int, str, str]]:
    """(number, question, answer) for each answer given, in the prompt's order.

    The number is the question's place in the prompt, so "Q2" means the prompt's second
    question whether or not the first was answered. A question the prompt no longer asks
    (the homework changed or was deleted) follows, numbered after the prompt's own.
    """
    place = {question: number for number, question in enumerate(questions, start=1)}
    extra = [q for q in record.prompt_answers if q not in place]
    place.update({question: number for number, question in enumerate(extra, start=len(questions) + 1)})
    given = [(place[q], q, a) for q, a in record.prompt_answers.items() if a.strip()]
    return sorted(given)


def ordered_answers(record: ThoughtRecord, assignments: Iterable[Assignment]) -> list[tuple[str, str]]:
    """(question, answer) for each answer given, in the order the record's prompt asks them."""
    return [(q, a) for _, q, a in numbered_answers(record, prompt_questions(record, assignments))]
