"""Log a practice: what you expect before, how it went after (now or later), what helped.

Esc saves and closes (an untouched form is simply closed); the "after" half can be filled in
later from the ladder or from Expected vs actual. "Start a record from this" saves the
practice and opens a thought record for its loudest thought, linked both ways.
"""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Select, Static

from thoughtwork.models import HELPER_LABELS, HOW_FAR_LABELS, HowFar, LadderStep, PracticeEntry, friendly_error
from thoughtwork.practice import celebrations, gaps
from thoughtwork.practice.entries import assignment_for, is_blank, parse_when, shown_when
from thoughtwork.text import shown
from thoughtwork.tui.widgets.rating import Rating
from thoughtwork.tui.widgets.ticklist import TickList

RATINGS = [
    ("predicted_pain", "Pain you expect (0-100)"),
    ("predicted_anxiety", "Anxiety you expect (0-100)"),
    ("relaxed_before", "How relaxed you feel now (0-100)"),
    ("motivation", "How much you want to practise today (0-100)"),
]
AFTER_RATINGS = [
    ("actual_pain", "Pain you actually felt (0-100)"),
    ("actual_anxiety", "Anxiety you actually felt (0-100)"),
]
TEXTS_BEFORE = [
    ("where", "Where", 200),
    ("position", "Position", 200),
    ("loudest_thought", "The loudest thought, before or after (optional)", 20_000),
]
TEXTS_AFTER = [
    ("helped_other", "Anything else that helped", 500),
    ("feelings_after", "How you feel now it is done", 20_000),
    ("note", "A note for yourself", 20_000),
]


class FieldProblem(ValueError):
    """What is wrong with one field of the form, said beside it (it was said at the bottom, far away)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class PracticeLogScreen(Screen[None]):
    """One practice, new or being completed."""

    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("escape", "close", "Save and close"),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "record_from_this", "Record from this"),
    ]

    def __init__(self, practice: PracticeEntry | None = None, step: LadderStep | None = None) -> None:
        super().__init__()
        self.is_new = practice is None
        if practice is None:
            practice = PracticeEntry(step_id=step.id if step else None, step_title=step.title if step else "")
        self.practice = practice
        self.earned: list[str] = []
        self._crisis_shown_for: set[str] = set()

    def compose(self) -> ComposeResult:
        p = self.practice
        with VerticalScroll(id="practice-form"):
            yield Static(Text(shown(f"Practice: {p.step_title}" if p.step_title else "Practice", single_line=True)), classes="page-title")
            yield Static(Text("Fill in what you like; every practice counts, however far it goes. "
                              "Tab moves on, Esc saves and closes."), classes="practice-note")
            yield Static(Text("Before"), classes="practice-heading")
            for name, label in RATINGS:
                yield Static(Text(label), classes="field-label")
                yield Rating(getattr(p, name), id=name)
            for name, label, limit in TEXTS_BEFORE[:2]:
                yield Static(Text(label), classes="field-label")
                yield Input(getattr(p, name), id=name, max_length=limit)
            yield Static(Text("When (year-month-day hour:minute)"), classes="field-label")
            yield Input(shown_when(p.practised_at), id="practised_at", max_length=40)
            yield Static(Text(""), id="practised_at-problem", classes="problem field-problem")
            name, label, limit = TEXTS_BEFORE[2]
            yield Static(Text(label), classes="field-label")
            yield Input(p.loudest_thought, id=name, max_length=limit)
            yield Static(Text("After: now, or later when it suits you"), classes="practice-heading")
            for name, label in AFTER_RATINGS:
                yield Static(Text(label), classes="field-label")
                yield Rating(getattr(p, name), id=name)
            yield Static(Text(""), id="practice-gap", classes="practice-note")
            yield Static(Text("How far it went"), classes="field-label")
            yield Select([(label, value) for value, label in HOW_FAR_LABELS.items()],
                         value=p.how_far.value if p.how_far else Select.NULL, prompt="Not yet", id="how_far")
            yield Static(Text("What helped"), classes="field-label")
            yield TickList(*[(label, value, value in {h.value for h in p.helpers}) for value, label in HELPER_LABELS.items()],
                           id="practice-helpers")
            for name, label, limit in TEXTS_AFTER:
                yield Static(Text(label), classes="field-label")
                yield Input(getattr(p, name), id=name, max_length=limit)
            with Horizontal(id="practice-links"):
                yield Button("Start a record from this", id="record-from")
                yield Button("Open its record", id="open-record")
        yield Static(Text(""), id="problem", classes="problem")
        yield Footer()

    def on_mount(self) -> None:
        self._show_links()
        self._show_gap()
        self.query_one("#predicted_pain" if self.is_new else "#actual_pain").focus()

    def on_screen_resume(self) -> None:
        # A record started from here may have been written meanwhile: keep the links current.
        stored = self.app.journal.get_practice(self.practice.id) if self.app.journal else None
        if stored is not None:
            self.practice = self.practice.model_copy(update={"record_ids": stored.record_ids})
        self._show_links()

    def _show_links(self) -> None:
        self.query_one("#open-record", Button).display = bool(self.practice.record_ids)

    @on(Rating.Changed)
    def _rated(self, event: Rating.Changed) -> None:
        self._show_gap()

    def _show_gap(self) -> None:
        try:
            entry = self._entry()
        except ValueError:
            return
        lessons = [g.lesson for g in gaps.gaps([entry])]
        self.query_one("#practice-gap", Static).update(Text("\n".join(lessons)))

    # --- reading the form ----------------------------------------------------------

    def _entry(self) -> PracticeEntry:
        """The practice as the form says; ValueError (pydantic's included) when it cannot be kept."""
        fields = self.practice.model_dump()
        for name, _ in RATINGS + AFTER_RATINGS:
            fields[name] = self.query_one(f"#{name}", Rating).value
        for name, _, _ in TEXTS_BEFORE + TEXTS_AFTER:
            fields[name] = self.query_one(f"#{name}", Input).value
        how_far = self.query_one("#how_far", Select).value
        fields["how_far"] = HowFar(how_far) if isinstance(how_far, str) else None
        fields["helpers"] = list(self.query_one("#practice-helpers", TickList).selected)
        try:
            fields["practised_at"] = parse_when(self.query_one("#practised_at", Input).value)
        except ValueError as error:
            raise FieldProblem("practised_at", str(error)) from None
        if self.is_new and fields.get("assignment_id") is None and self.app.journal is not None:
            fields["assignment_id"] = assignment_for(self.app.journal.assignments(), self.practice.step_id)
        return PracticeEntry.model_validate(fields)

    def _problem(self, message: str, beside: str | None = None) -> None:
        """Say what is wrong: beside the field it is about (which gets the focus, scrolled into
        view), else on the line at the bottom; any earlier word is taken away."""
        for spot in self.query(".field-problem"):
            spot.update(Text(""))
        spots = self.query(f"#{beside}-problem") if beside else None
        if spots:
            spots.first(Static).update(Text(shown(message, single_line=True)))
            self.query_one("#problem", Static).update(Text(""))
            field = self.query_one(f"#{beside}")
            field.focus()
            self.query_one("#practice-form", VerticalScroll).scroll_to_widget(spots.first(), animate=False)
            return
        self.query_one("#problem", Static).update(Text(shown(message, single_line=True)))

    def save(self) -> PracticeEntry | None:
        """Save what the form holds; None (and the problem shown) when it cannot be kept.

        Milestones this practice reached are kept in `earned` for the caller to celebrate."""
        try:
            entry = self._entry()
        except ValidationError as error:
            self._problem(f"This could not be saved: {friendly_error(error)}.")
            return None
        except FieldProblem as problem:
            self._problem(problem.message, beside=problem.field)
            return None
        except ValueError as error:
            self._problem(f"This could not be saved: {error}")
            return None
        journal = self.app.journal
        before = journal.practices()
        self.practice = journal.save_practice(entry)
        self.is_new = False
        self._problem("")
        ladder = journal.ladder()
        self.earned += [celebrations.celebration_message(c, ladder)
                        for c in celebrations.newly_reached(ladder, before, journal.practices())]
        return self.practice

    def _celebrate(self) -> None:
        if self.earned:
            from thoughtwork.tui.screens.practice_celebrate import CelebrateModal

            self.app.push_screen(CelebrateModal(self.earned))
            self.earned = []

    def save_draft(self) -> bool:
        """Called by the app before quitting or opening a record: keep whatever was typed."""
        try:
            entry = self._entry()
        except ValueError:
            self.cannot_keep = "the practice form (its date and time could not be read)"
            return False
        if self.is_new and is_blank(entry):
            return True
        return self.save() is not None

    # --- actions --------------------------------------------------------------------

    def action_save(self) -> None:
        if self.save() is not None:
            self.notify("Saved. Well done for practising.")
            self._celebrate()
            self._offer_help_if_needed()

    def action_close(self) -> None:
        try:
            untouched = self.is_new and is_blank(self._entry())
        except ValueError:
            untouched = False
        if untouched:
            self.app.pop_screen()
            return
        if self.save() is not None:
            self.app.pop_screen()
            self.app.notify("Practice saved. Well done for showing up.")
            self._celebrate()
            self._offer_help_if_needed()

    def _offer_help_if_needed(self) -> None:
        """Words of self-harm in what the person wrote (the loudest thought, a note) bring the
        crisis window, as they do in a thought record; each wording once."""
        from thoughtwork.safety import concerning

        words = [value for value in self.practice.model_dump().values() if isinstance(value, str)]
        new = concerning(words) - self._crisis_shown_for
        if new:
            self._crisis_shown_for |= new
            self.app.action_crisis()

    @on(Button.Pressed, "#record-from")
    def _record_button(self) -> None:
        self.action_record_from_this()

    @on(Button.Pressed, "#open-record")
    def _open_record(self) -> None:
        if self.practice.record_ids:
            self.app.start_record(self.practice.record_ids[-1])

    def action_record_from_this(self) -> None:
        thought = self.query_one("#loudest_thought", Input).value
        if not thought.strip():
            self._problem("Write the loudest thought first (in the box above), then start a record from it.")
            self.query_one("#loudest_thought", Input).focus()
            return
        if self.save() is None:
            return
        from thoughtwork.practice.linking import start_record

        self.practice, record = start_record(self.app.journal, self.practice, thought)
        self._show_links()
        self.app.start_record(record.id)
        self._celebrate()
