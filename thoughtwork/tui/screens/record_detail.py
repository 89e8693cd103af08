"""One thought record, read back calmly from the situation to the change it made."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from thoughtwork.homework.answers import numbered_answers, prompt_questions
from thoughtwork.models import (
    CONTEXT_LABELS,
    DISTORTION_DESCRIPTIONS,
    DISTORTION_NAMES,
    DistortionStatus,
    ThoughtRecord,
)
from thoughtwork.text import shorten, shown
from thoughtwork.tui.screens.record.emotions import feelings_text
from thoughtwork.tui.screens.record.kept import kept_as_it_was, sounds_balanced
from thoughtwork.tui.widgets.bullet import Bullet
from thoughtwork.tui.widgets.confirm import ConfirmModal
from thoughtwork.tui.widgets.highlighted_thought import highlight


def confirm_delete(screen: Screen, record_id: str, after: Callable[[], None]) -> None:
    """Ask, then delete the record and call `after`; a journal problem is reported gently."""

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        from thoughtwork.journal import JournalError

        try:
            deleted = screen.app.journal.delete(record_id)
        except JournalError as error:
            screen.app.notify(str(error), title="Not deleted", severity="error")
            return
        if deleted:
            screen.app.notify("The record was deleted.")
        after()

    record = screen.app.journal.get(record_id) if screen.app.journal is not None else None
    if record is None:
        screen.app.notify("That record is no longer in your journal.", severity="warning")
        return
    screen.app.push_screen(ConfirmModal(delete_question(record), yes="Delete", no="Keep"), answered)


def delete_question(record: ThoughtRecord) -> str:
    """The question before deleting, naming the record by its date and words so the right one goes."""
    local = record.created_at.astimezone()
    words = record.automatic_thought or record.situation
    named = f"“{shorten(words, 60)}”" if words.strip() else "the record with nothing written yet"
    return f"Delete {named}, from {local.day} {local:%b %Y}? It cannot be brought back."


def bullet(item: Text) -> Bullet:
    """One item of a list: the bullet, and beside it the words, wrapping under themselves."""
    return Bullet(item, classes="detail-bullet")


def rating_change(what: str, before: int | None, after: int | None, *, up_is_good: bool = False) -> str:
    """A plain sentence about how a rating moved, or '' when it was not rated at the end.

    Rated only at the end (a feeling typed under 'other' starts unrated), it is still said: such
    feelings were left out of "What changed" though the person had rated them there. Belief in
    a balanced thought going up is good news (`up_is_good`), not something to be consoled for."""
    if after is None:
        return ""
    if before is None:
        return f"{what} was {after} at the end (not rated at the start)."
    if after < before:
        return f"{what} went from {before} to {after}: down {before - after}."
    if after > before and up_is_good:
        return f"{what} went from {before} to {after}: up {after - before}."
    if after > before:
        return f"{what} went from {before} to {after}. Some thoughts take more than one record; that is normal."
    return f"{what} stayed at {before}. Writing it down is still practice."


def literal(text: str) -> Text:
    """The person's own words, exactly as written, safe for the terminal."""
    return Text(shown(text))


def evidence_sections(record: ThoughtRecord) -> list[tuple[str, list[str]]]:
    """The evidence under the questions the person answered: for a thought that already sounded
    balanced the step asked what helped and what still weighs, not for and against."""
    if record.automatic_thought.strip() and sounds_balanced(record):
        return [("What helped you see it this way", record.evidence_against),
                ("What still weighs on you", record.evidence_for)]
    return [("Evidence for the thought", record.evidence_for), ("Evidence against it", record.evidence_against)]


def record_sections(record: ThoughtRecord, asked: list[str] | None = None) -> list[tuple[str, Text | list[Text]]]:
    """The record as (heading, body) pairs, skipping the steps not reached yet; a list body is
    a bulleted list (each item wraps under its own first word, not under the bullet). `asked`
    is the record's prompt's questions, whose order its answers follow."""
    sections: list[tuple[str, Text | list[Text]]] = []
    if record.situation:
        sections.append(("The situation", literal(record.situation)))
    felt = [feelings_text(record.emotions)] if record.emotions else []
    if record.anxiety_before is not None:
        felt.append(Text(f"Anxiety {record.anxiety_before} out of 100"))
    if record.body_tension is not None:
        felt.append(Text(f"Body tension {record.body_tension} out of 100"))
    if felt:
        sections.append(("What you felt", Text("\n").join(felt)))
    one = kept_as_it_was(record)
    if record.automatic_thought:
        spans = [span for match in record.accepted_distortions() for span in match.evidence]
        body = highlight(record.automatic_thought, spans)
        if record.belief_before is not None:
            body.append(f"\nYou believed it {record.belief_before} out of 100.", style="italic")
        # Kept as it was, it is the balanced thought too: shown once, under the name it earned.
        sections.append(("Your balanced thought" if one else "The automatic thought", body))
    traps = record.accepted_distortions()
    if traps:
        body = Text()
        for index, match in enumerate(traps):
            if index:
                body.append("\n")
            body.append(DISTORTION_NAMES[match.id.value], style="bold")
            if match.status is DistortionStatus.added:
                body.append(" (you added this)", style="italic")
            body.append(f": {DISTORTION_DESCRIPTIONS[match.id.value]}")
        sections.append(("Thinking traps", body))
    for heading, items in evidence_sections(record):
        if items:
            sections.append((heading, [Text(shown(item)) for item in items]))
    for _, question, answer in numbered_answers(record, asked or []):
        sections.append((shown(question, single_line=True), literal(answer)))
    if record.balanced_thought and not one:
        body = literal(record.balanced_thought)
        if record.belief_balanced is not None:
            body.append(f"\nYou believed it {record.belief_balanced} out of 100.", style="italic")
        sections.append(("The balanced thought", body))
    changes = [
        rating_change("Belief in this balanced thought" if one else "Belief in the automatic thought",
                      record.belief_before, record.belief_after, up_is_good=one),
        rating_change("Anxiety", record.anxiety_before, record.anxiety_after),
        rating_change("Body tension", record.body_tension, record.body_tension_after),
        *(rating_change(shown(e.name, single_line=True).capitalize(), e.intensity, e.intensity_after) for e in record.emotions),
    ]
    changes = [c for c in changes if c]
    if changes:
        sections.append(("What changed", Text("\n".join(changes))))
    return sections


class RecordDetailScreen(Screen[None]):
    """Read one record; edit it (back into the record flow) or delete it."""

    CSS_PATH = "record_detail.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("ctrl+d,delete", "delete", "Delete"),
    ]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="detail", classes="page")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail").focus()

    async def on_screen_resume(self) -> None:
        # Runs on first show and when back from editing (the record may have changed).
        await self.show_record()

    async def show_record(self) -> None:
        record = self.app.journal.get(self.record_id) if self.app.journal is not None else None
        page = self.query_one("#detail", VerticalScroll)
        await page.remove_children()
        if record is None:
            await page.mount(Static(Text("This record is no longer in your journal."), classes="prose"))
            return
        local = record.created_at.astimezone()
        title = f"{local.day} {local:%B %Y}, {local:%H:%M} · {CONTEXT_LABELS[record.context.value]}"
        widgets = [Static(Text(title), classes="page-title")]
        if not record.is_complete:
            widgets.append(Static(Text("A draft: press e to carry on where you left off."), classes="detail-draft"))
        if record.practice_id:
            from thoughtwork.practice.linking import came_from

            practice = self.app.journal.get_practice(record.practice_id)
            widgets.append(Static(Text(shown(f"From your practice: {came_from(practice)}", single_line=True)),
                                  id="detail-practice", classes="detail-draft"))
        asked = prompt_questions(record, self.app.journal.assignments())
        for heading, body in record_sections(record, asked):
            widgets.append(Static(Text(heading), classes="detail-heading"))
            if isinstance(body, list):
                widgets += [bullet(item) for item in body]
            else:
                widgets.append(Static(body, classes="detail-body"))
        await page.mount_all(widgets)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        if self.app.journal is not None and self.app.journal.get(self.record_id) is not None:
            self.app.start_record(self.record_id)

    def action_delete(self) -> None:
        if self.app.journal is not None and self.app.journal.get(self.record_id) is not None:
            confirm_delete(self, self.record_id, self._deleted)

    def _deleted(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()
