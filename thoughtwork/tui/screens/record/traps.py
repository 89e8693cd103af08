"""Step 5: "thinking traps we noticed", with the words behind each, to accept, reject or add."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from thoughtwork.models import (
    DISTORTION_DESCRIPTIONS,
    DISTORTION_NAMES,
    Analysis,
    DistortionId,
    DistortionMatch,
    DistortionStatus,
    MatchSource,
    RecordStep,
    ThoughtRecord,
)
from thoughtwork.text import shown
from thoughtwork.tui.screens.record.step import Step
from thoughtwork.tui.widgets.highlighted_thought import HighlightedThought
from thoughtwork.tui.widgets.ticklist import TickList

SAFETY_NOTE = (
    "These words sound very painful. Your safety matters more than this record: crisis support "
    "is always in the command palette (ctrl+p, then Crisis support). Carry on only if it helps."
)

NONE_FOUND = (
    "We did not notice a common thinking trap in these words. That can be a good sign. "
    "If one fits, you can add it below."
)


def merge_analysis(previous: list[DistortionMatch], found: list[DistortionMatch]) -> list[DistortionMatch]:
    """Fresh suggestions, keeping what the person already decided about each trap.

    A trap they accepted or rejected keeps that choice with the new evidence; traps they
    added themselves stay; old suggestions the new words no longer carry are dropped.
    """
    decided = {d.id: d.status for d in previous if d.status is not DistortionStatus.suggested}
    merged = [
        match.model_copy(update={"status": decided.get(match.id, DistortionStatus.suggested)}) for match in found
    ]
    found_ids = {m.id for m in found}
    merged += [d for d in previous if d.status is DistortionStatus.added and d.id not in found_ids]
    return merged


class TrapsStep(Step):
    TITLE = "Thinking traps we noticed"
    RECORD_STEP = RecordStep.distortions

    def compose(self) -> ComposeResult:
        yield Static(
            "Thoughts like this often carry a few familiar traps. Keep the ones that fit (space to "
            "tick or untick); you know your mind best.",
            classes="hint",
        )
        yield HighlightedThought(self.record.automatic_thought, id="thought-highlight")
        yield Static("", id="traps-status", classes="hint")
        yield TickList[str](id="traps")
        yield Static("", id="trap-detail", classes="hint")
        yield Select[str]([], prompt="Add a trap we missed\u2026", id="add-trap")

    def on_mount(self) -> None:
        thought = self.record.automatic_thought
        if not thought.strip():
            self._status("Write the thought first (go back a step); then we can look at it together.")
            self._show_traps()
        elif self.flow.analysed_text == thought:
            self._show_traps()
        else:
            self._status("Looking at the words\u2026")
            self.query_one("#traps").loading = True
            self._analyse(thought)

    @work(thread=True, exclusive=True, group="analyse")
    def _analyse(self, thought: str) -> None:
        try:
            analysis: Analysis | None = self.app.analyse(thought)
        except Exception:  # noqa: BLE001 - suggestions are a help, not a requirement
            analysis = None
        self.app.call_from_thread(self._analysed, thought, analysis)

    def _analysed(self, thought: str, analysis: Analysis | None) -> None:
        if not self.is_attached:
            return
        traps = self.query_one("#traps")
        traps.loading = False
        if analysis is None:
            self._show_traps()
            self._status("We could not look at the words this time. You can add the traps you notice below.")
            return
        self.flow.apply_analysis(thought, analysis)
        self._show_traps()
        if self.record.distortions:
            traps.focus()

    def _show_traps(self) -> None:
        record = self.record
        traps = self.query_one("#traps", SelectionList)
        traps.clear_options()
        traps.add_options(
            Selection(_describe(d), d.id.value, d.status is not DistortionStatus.rejected) for d in record.distortions
        )
        traps.display = bool(record.distortions)
        if record.distortions:
            traps.highlighted = 0
        detail = self.query_one("#trap-detail", Static)
        detail.display = bool(record.distortions)
        if record.distortions:
            detail.update(trap_detail(record.distortions[0]))
        if record.automatic_thought.strip():
            if any(d.evidence for d in record.distortions):
                self._status("Highlighted: the words that suggested each trap.")
            elif record.distortions:
                self._status("Keep the traps that fit; untick any that do not.")
            elif not self.app.can_analyse:
                self._status("Automatic suggestions are not available here; you can add traps yourself.")
            else:
                self._status(SAFETY_NOTE if self.flow.safety_concern else NONE_FOUND)
        present = {d.id for d in record.distortions}
        adder = self.query_one("#add-trap", Select)
        adder.set_options([(DISTORTION_NAMES[i.value], i.value) for i in DistortionId if i not in present])
        self._highlight(None)

    def _highlight(self, distortion_id: str | None) -> None:
        kept = set(self.query_one("#traps", SelectionList).selected)
        spans = [
            span
            for d in self.record.distortions
            if (d.id.value == distortion_id if distortion_id else d.id.value in kept)
            for span in d.evidence
        ]
        self.query_one("#thought-highlight", HighlightedThought).show(self.record.automatic_thought, spans)

    def _status(self, message: str) -> None:
        self.query_one("#traps-status", Static).update(Text(message))

    @on(SelectionList.SelectionHighlighted, "#traps")
    def _focus_trap(self, event: SelectionList.SelectionHighlighted) -> None:
        self._highlight(event.selection.value)
        match = next((d for d in self.record.distortions if d.id.value == event.selection.value), None)
        if match is not None:
            self.query_one("#trap-detail", Static).update(trap_detail(match))

    @on(SelectionList.SelectedChanged, "#traps")
    def _decided(self) -> None:
        self._highlight(None)

    @on(Select.Changed, "#add-trap")
    def _add(self, event: Select.Changed) -> None:
        if event.value is Select.NULL or not isinstance(event.value, str):
            return
        self.store(self.record)
        added = DistortionMatch(id=DistortionId(event.value), status=DistortionStatus.added, score=1.0)
        self.record.distortions = [*self.record.distortions, added]
        self._show_traps()
        self.query_one("#traps").focus()

    def store(self, record: ThoughtRecord) -> None:
        traps = self.query_one("#traps", SelectionList)
        if traps.loading:
            return  # nothing shown yet, so nothing decided yet
        kept = set(traps.selected)
        updated = []
        for match in record.distortions:
            if match.id.value in kept:
                status = DistortionStatus.added if match.status is DistortionStatus.added else DistortionStatus.accepted
            elif match.status is DistortionStatus.added:
                continue  # added and then untick: the person changed their mind
            else:
                status = DistortionStatus.rejected
            updated.append(match.model_copy(update={"status": status}))
        record.distortions = updated

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.distortions or record.evidence_for or record.evidence_against or record.balanced_thought)


def _describe(match: DistortionMatch) -> Text:
    """One line (selection lists show one): the trap's name and the words behind it."""
    text = Text()
    text.append(DISTORTION_NAMES[match.id.value], style="bold")
    if match.status is DistortionStatus.added:
        text.append("  (added by you)", style="italic")
    words = list(dict.fromkeys(shown(span.text, single_line=True) for span in match.evidence))
    if words:
        text.append("  " + ", ".join(f"\u201c{w}\u201d" for w in words[:3]), style="dim")
    return text


LEARNED_DETAIL = " Suggested by a model that learned from many people's thoughts: the highlighted words weigh most."


def trap_detail(match: DistortionMatch) -> Text:
    """The plain-language description shown under the list for the highlighted trap, and what
    suggested it when that was the learned model rather than a rule."""
    distortion_id = match.id.value
    text = Text(DISTORTION_NAMES[distortion_id] + ": ", style="bold")
    text.append(DISTORTION_DESCRIPTIONS[distortion_id], style="not bold")
    if match.source is MatchSource.model and match.status is not DistortionStatus.added:
        text.append(LEARNED_DETAIL, style="italic")
    return text
