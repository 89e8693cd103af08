"""The safety step: what a record becomes when its words mention self-harm or suicide.

It takes the place of the traps, evidence, reframe and re-rating steps (see `flow.steps_for`):
people to reach now, a minute of grounding, and the person's own reasons and people, which are
kept in the journal's settings. The words are in `thoughtwork.safety.plan`.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Label, Static, TextArea

from thoughtwork.models import ThoughtRecord
from thoughtwork.safety import DEFAULT_REGION, crisis_resources, plan
from thoughtwork.tui.screens.crisis import emergency_line
from thoughtwork.tui.screens.record.step import Step, focus_now
from thoughtwork.tui.widgets.bounded_text import BoundedTextArea
from thoughtwork.tui.widgets.bullet import Bullet


class SafetyStep(Step):
    TITLE = plan.TITLE

    def compose(self) -> ComposeResult:
        settings = self._settings()
        region = settings.crisis_region if settings is not None else DEFAULT_REGION
        resources = crisis_resources(region)
        yield Static(Text(plan.OPENING), classes="hint")
        yield Static(Text(plan.REACH_NOW, style="bold"), classes="hint")
        with Vertical(id="reach-now"):
            yield from _reach_now(resources)
        yield Button("All crisis lines and regions", id="open-crisis", compact=True)
        yield Static(Text(plan.GROUNDING_TITLE, style="bold"), classes="hint")
        with Vertical(id="grounding"):
            yield from _grounding()
        yield Button("Breathe with me", id="open-breathe", compact=True)
        yield Label(plan.REASONS_LABEL)
        yield BoundedTextArea("\n".join(settings.safety_reasons if settings else []), id="safety-reasons")
        yield Label(plan.PEOPLE_LABEL)
        yield BoundedTextArea("\n".join(settings.safety_people if settings else []), id="safety-people")
        yield Static(Text(plan.KEPT_NOTE), classes="dim")

    def _settings(self):
        journal = getattr(self.app, "journal", None)
        return journal.settings() if journal is not None else None

    def focus_first(self) -> None:
        """The top stays in view (people to reach come first), so the focus starts on its button;
        letters typed there go to the reasons box (see `on_key`), never nowhere."""
        focus_now(self.query_one("#open-crisis", Button))

    def on_key(self, event: events.Key) -> None:
        if isinstance(self.screen.focused, TextArea) or not event.is_printable or not event.character:
            return
        box = self.query_one("#safety-reasons", TextArea)
        focus_now(box)
        if box.text and not box.text.endswith("\n"):
            box.move_cursor(box.document.end)
            box.insert("\n")  # a new reason on its own line, after the ones kept from before
        box.move_cursor(box.document.end)
        box.insert(event.character)
        box.scroll_visible(animate=False)
        event.stop()
        event.prevent_default()

    def store(self, record: ThoughtRecord) -> None:
        """The reasons and people belong to the person, not to this record: kept in the settings."""
        reasons = plan.lines(self.query_one("#safety-reasons", TextArea).text)
        people = plan.lines(self.query_one("#safety-people", TextArea).text)
        settings = self._settings()
        if settings is None or (settings.safety_reasons == reasons and settings.safety_people == people):
            return
        from thoughtwork.tui.screens.settings import update_settings

        update_settings(self.app, safety_reasons=reasons, safety_people=people)

    @on(Button.Pressed, "#open-crisis")
    def _crisis(self) -> None:
        self.app.action_crisis()

    @on(Button.Pressed, "#open-breathe")
    def _breathe(self) -> None:
        self.app.action_breathe()


def _reach_now(resources) -> list[Static | Bullet]:
    """The lines to call or text now, one bullet each (a long one wraps under its own words)."""
    items: list[Static | Bullet] = [Static(Text(plan.REACH_NOW_TEXT), classes="intro")]
    for resource in resources[:-1]:
        item = Text(f"{resource.name}: ", style="bold")
        item.append(resource.contact)
        if resource.hours:
            item.append(f" ({resource.hours})", style="italic")
        items.append(Bullet(item))
    items.append(Static(emergency_line(resources), classes="emergency"))
    return items


def _grounding() -> list[Bullet]:
    """The grounding steps, numbered; each wraps under its own words."""
    return [Bullet(Text(line), mark=f"{number}.") for number, line in enumerate(plan.GROUNDING_STEPS, start=1)]
