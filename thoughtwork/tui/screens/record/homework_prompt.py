"""The homework step: the therapist's instructions and any extra questions of the prompt."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from thoughtwork.models import ThoughtRecord
from thoughtwork.tui.screens.record.step import Step, literal, literal_text
from thoughtwork.tui.widgets.bounded_text import BoundedTextArea


class HomeworkPromptStep(Step):
    TITLE = "Your homework"

    def compose(self) -> ComposeResult:
        prompt = self.flow.prompt
        assert prompt is not None
        yield literal(prompt.title, style="bold").add_class("hint")
        yield literal(prompt.instructions, style="italic")
        note = self._therapist_note()
        if note:
            yield literal(f"A note with this homework: {note}").add_class("hint")
        for index, question in enumerate(prompt.extra_questions):
            yield Label(literal_text(question))
            yield BoundedTextArea(self.record.prompt_answers.get(question, ""), id=f"answer-{index}", classes="answer")

    def _therapist_note(self) -> str:
        journal = self.app.journal
        assignment_id = self.record.assignment_id
        assignment = journal.get_assignment(assignment_id) if journal and assignment_id else None
        return assignment.note.strip() if assignment else ""

    def store(self, record: ThoughtRecord) -> None:
        prompt = self.flow.prompt
        assert prompt is not None
        answers = dict(record.prompt_answers)
        for index, question in enumerate(prompt.extra_questions):
            text = self.query_one(f"#answer-{index}", TextArea).text
            if text.strip():
                answers[question] = text
            else:
                answers.pop(question, None)
        record.prompt_answers = answers

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.prompt_answers)

