"""Step 6: evidence for and against the thought, with Socratic questions to help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from thoughtwork.models import RecordStep, ThoughtRecord
from thoughtwork.text import clean, shorten
from thoughtwork.tui.screens.record.step import Step, text_lines
from thoughtwork.tui.widgets.bounded_text import EVIDENCE, BoundedTextArea

GENERAL_QUESTIONS = [
    "What would you say to a friend who had this thought?",
    "Has there been a time, even a small one, when this was not true?",
    "Is this a fact, or how it feels right now?",
    "If the worst did happen, how might you cope, and who could help?",
]
"""Questions that fit almost any thought; the reframes offered add ones closer to it."""

MAX_QUESTIONS = 5


def socratic_questions(reframe_questions: list[str]) -> list[str]:
    """The reframes' own questions first (closest to this thought), then general ones, without repeats."""
    questions = list(dict.fromkeys(q.strip() for q in reframe_questions if q.strip()))[:3]
    for general in GENERAL_QUESTIONS:
        if len(questions) >= MAX_QUESTIONS:
            break
        if general not in questions:
            questions.append(general)
    return questions


class EvidenceStep(Step):
    TITLE = "Evidence for and against"
    RECORD_STEP = RecordStep.evidence

    def compose(self) -> ComposeResult:
        thought = self.record.automatic_thought
        if thought:
            yield Static(Text(f"\u201c{shorten(thought, 150)}\u201d", style="italic"), classes="quote")
        questions = socratic_questions([q for ranked in self.flow.ranked() for q in ranked.reframe.questions])
        yield Static(_question_list(questions), id="questions", classes="questions")
        yield Label("What supports the thought? (one thing per line)")
        yield BoundedTextArea("\n".join(self.record.evidence_for), limit=EVIDENCE, id="evidence-for", classes="evidence")
        yield Label("What does not fit it? (one thing per line)")
        yield BoundedTextArea("\n".join(self.record.evidence_against), limit=EVIDENCE, id="evidence-against", classes="evidence")

    def store(self, record: ThoughtRecord) -> None:
        record.evidence_for = text_lines(self.query_one("#evidence-for", TextArea).text)
        record.evidence_against = text_lines(self.query_one("#evidence-against", TextArea).text)

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.evidence_for or record.evidence_against)


def _question_list(questions: list[str]) -> Text:
    text = Text("Questions that may help:\n", style="bold")
    for question in questions:
        text.append(f" \u2022 {clean(question, single_line=True)}\n", style="not bold")
    text.rstrip()
    return text
