"""Step 2: the feelings and how strong each one was, then anxiety and body tension from 0 to 100."""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from thoughtwork.locations import package_data
from thoughtwork.models import Emotion, RecordStep, ThoughtRecord
from thoughtwork.stricttoml import loads
from thoughtwork.text import shown
from thoughtwork.tui.early_keys import keys_handled
from thoughtwork.tui.screens.record.step import Step, focus_now, literal_text
from thoughtwork.tui.widgets.rating import Rating
from thoughtwork.tui.widgets.ticklist import TickList

COMMON_EMOTIONS = [
    "scared",
    "ashamed",
    "embarrassed",
    "sad",
    "frustrated",
    "angry",
    "guilty",
    "lonely",
    "hopeless",
    "numb",
    "hopeful",
]
"""Feelings people often name around painful or feared penetration; any other can be typed.
Not "anxious": anxiety has its own rating just below, and was rated twice when ticked here too."""

MAX_FEELINGS = 50
"""As many feelings as a record holds (the model's limit)."""

NAME_LENGTH = 80
"""Longest feeling name a record holds (the model's limit)."""

NO_FEELINGS_YET = "Each feeling you tick gets its own rating here."

STARTING_STRENGTH = Emotion.model_fields["intensity"].default
"""A newly ticked feeling starts unrated: what is saved is only what the person chose."""


def feelings_text(emotions: Sequence[Emotion]) -> Text:
    """'scared 70, ashamed 40 (out of 100), lonely': rated feelings with their strength, then
    the ones not rated yet by name alone; names shown literally, no scale when nothing is rated.

    The scale follows the numbers it explains, so an unrated name never seems to carry it.
    """
    rated = [emotion for emotion in emotions if emotion.intensity is not None]
    unrated = [emotion for emotion in emotions if emotion.intensity is None]
    text = Text()
    for emotion in rated:
        text.append(", " if text else "")
        text.append(shown(emotion.name, single_line=True))
        text.append(f" {emotion.intensity}")
    if rated:
        text.append(" (out of 100)")
    for emotion in unrated:
        text.append(", " if text else "")
        text.append(shown(emotion.name, single_line=True))
    return text


def feelings_change(emotions: Sequence[Emotion]) -> Text | None:
    """'scared 70 → 40, ashamed 50 → 50': each feeling rated again at the end, with its first
    rating when there was one; None when none was rated again."""
    again = [emotion for emotion in emotions if emotion.intensity_after is not None]
    if not again:
        return None
    text = Text()
    for emotion in again:
        text.append(", " if text else "")
        text.append(shown(emotion.name, single_line=True))
        first = f"{emotion.intensity} → " if emotion.intensity is not None else "now "
        text.append(f" {first}{emotion.intensity_after}")
    return text


@cache
def _rated_elsewhere() -> tuple[frozenset[str], dict[str, str]]:
    """The softening words, and each feeling name that a rating of its own covers -> that rating's label."""
    table = loads(package_data("tui", "screens", "record", "rated_elsewhere.toml").read_text(encoding="utf-8"))
    softeners = frozenset(table.pop("softeners"))
    return softeners, {word: scale["label"] for scale in table.values() for word in scale["words"]}


def rated_elsewhere(feeling: str) -> str | None:
    """The rating on this step that already covers a feeling typed under 'other' ("anxiety" for
    "a bit anxious", "body tension" for "tense"), or None when it needs its own rating."""
    softeners, covered = _rated_elsewhere()
    words = [word for word in re.findall(r"[a-z]+", feeling.lower()) if word not in softeners]
    return covered.get(" ".join(words))


def typed_feelings(text: str) -> list[str]:
    """The feelings typed in the 'other' field, comma-separated, trimmed to what a record holds;
    a piece with no word in it ("9090", "?!") is not a feeling and is left out (see `not_feelings`)."""
    return [name for name in _typed_pieces(text) if names_a_feeling(name)]


def not_feelings(text: str) -> list[str]:
    """The pieces typed under 'other' that name no feeling: only digits, punctuation or spaces."""
    return [name for name in _typed_pieces(text) if not names_a_feeling(name)]


def names_a_feeling(name: str) -> bool:
    """Whether a typed piece could name a feeling: it holds a letter in any script, or a
    pictograph (an emoji is a way of saying it). "9090" was a rating typed in the wrong box."""
    return any(unicodedata.category(character)[0] == "L" or unicodedata.category(character) == "So"
               for character in name)


def not_feelings_note(pieces: Sequence[str]) -> Text:
    """The gentle line under 'other' saying what was left out, and why; empty when nothing was."""
    if not pieces:
        return Text()
    quoted = ", ".join(f"\u201c{shown(piece, single_line=True)}\u201d" for piece in pieces)
    return Text(f"{quoted} is not kept as a feeling; a word for what you felt is. "
                "A number for how strong it was goes in its rating.")


def _typed_pieces(text: str) -> list[str]:
    return [name.strip()[:NAME_LENGTH] for name in text.split(",") if name.strip()]


def chosen_feelings(ticked: list[str], typed: list[str]) -> list[str]:
    """Ticked feelings in the list's order, then typed ones; each once, at most MAX_FEELINGS."""
    ordered = [name for name in COMMON_EMOTIONS if name in ticked] + typed
    return list(dict.fromkeys(ordered))[:MAX_FEELINGS]


NAME_CELLS = 16
"""Columns a feeling's name takes beside its rating; a longer name is cut with an ellipsis."""

NAME_AGAIN_CELLS = 28
"""The same when rated again, where "(before: 70)" follows the name and is always shown whole."""


class FeelingRating(Horizontal):
    """One chosen feeling's name (and, rated again, what it was) beside its own 0-100 rating.

    The name is cut to its column, never the rating beside it nor what it was before: a long
    name ran into the bar at 80 columns and hid "(before: 60)". The whole name is its tooltip.
    """

    def __init__(self, feeling: str, strength: int | None, *, before: int | None = None, again: bool = False) -> None:
        super().__init__(classes="feeling-row again" if again else "feeling-row")
        self.feeling = feeling
        self.strength = strength
        self.before = before
        self.again = again

    def compose(self) -> ComposeResult:
        # Rated again, every row has the wider column, whether it was rated before or not, so the bars line up.
        width = NAME_AGAIN_CELLS if self.again else NAME_CELLS
        label = literal_text(self.feeling)
        was = f" (before: {self.before})" if self.before is not None else ""
        if label.cell_len + len(was) > width:
            label.truncate(width - len(was), overflow="ellipsis")
        label.append(was, style="dim")
        name = Label(label, classes="feeling-name")
        name.styles.width = width
        name.tooltip = literal_text(self.feeling)
        yield name
        yield Rating(self.strength, classes="feeling-strength")


class CoveredFeeling(FeelingRating):
    """A typed feeling another rating on the step covers ("anxious"): named, pointed to that rating, not rated twice."""

    def __init__(self, feeling: str, scale: str) -> None:
        super().__init__(feeling, None)
        self.scale = scale

    def compose(self) -> ComposeResult:
        label = literal_text(self.feeling)
        label.append(f": rated as {self.scale} below", style="dim")
        yield Label(label, classes="feeling-covered")


def feeling_row(feeling: str, strength: int | None) -> FeelingRating:
    """The row a chosen feeling gets: its own rating, or a pointer to the rating that covers it."""
    scale = rated_elsewhere(feeling)
    return CoveredFeeling(feeling, scale) if scale else FeelingRating(feeling, strength)


class EmotionsStep(Step):
    TITLE = "Feelings"
    RECORD_STEP = RecordStep.emotions

    def compose(self) -> ComposeResult:
        names = [e.name for e in self.record.emotions]
        # Each feeling keeps its strength here even while unticked, so ticking it again restores it.
        self._strengths: dict[str, int | None] = {e.name: e.intensity for e in self.record.emotions}
        others = [n for n in names if n not in COMMON_EMOTIONS]
        yield Static("What did you feel? Tick any that fit (space, \u2193 for more); rate each one.", classes="hint")
        with Horizontal(id="feelings"):
            yield TickList[str](*[(n, n, n in names) for n in COMMON_EMOTIONS], id="emotions")
            with Vertical(id="feeling-strengths"):
                yield Static(NO_FEELINGS_YET, id="no-feelings")
                for name in chosen_feelings(names, others):
                    yield feeling_row(name, self._strengths[name])
        # Not all selected on focus: a feeling typed after Tab replaced the ones already there.
        yield Input(
            ", ".join(others), placeholder="Other feelings, separated by commas", id="other-emotions", select_on_focus=False
        )
        yield Static("", id="not-feelings", classes="hint")
        yield Label("How anxious did you feel? (0-100, arrow keys or type a number)")
        yield Rating(self.record.anxiety_before, id="anxiety")
        yield Label("How tense did your body feel? (0-100, optional)")
        yield Rating(self.record.body_tension, id="tension")

    def on_mount(self) -> None:
        self._showing = asyncio.Lock()
        self.query_one("#no-feelings").display = not self.record.emotions
        self.query_one("#not-feelings").display = False

    async def settle_focus_move(self, direction: int) -> bool:
        """Tab and shift+Tab follow the screen top to bottom: the list, the ticked feelings'
        ratings, 'other', the ratings of what was typed there, anxiety, tension. The DOM order put
        every row before 'other', so Tab from a typed feeling's rating went back into 'other' (and
        the next rating landed there as text). Before moving, the rows for what was just ticked or
        typed are put in place, so the focus follows what is on screen. True if it moved the focus."""
        focused = self.screen.focused
        if focused is None or focused.parent is None:
            return False
        if focused in (self.query_one("#emotions", TickList), self.query_one("#other-emotions", Input)):
            await keys_handled(focused)  # the Space or the letters typed just before the Tab
            await self.show_strengths()
        order = self.tab_order()
        if focused not in order:
            return False
        index = order.index(focused) + direction
        if not 0 <= index < len(order):
            return False  # past either end: on to the flow's buttons as usual
        focus_now(order[index])
        return True

    def tab_order(self) -> list[Widget]:
        """The step's stops in the order they are seen (see `settle_focus_move`)."""
        ticked = set(self.query_one("#emotions", TickList).selected)
        ratings = [(row.feeling in ticked, rating) for row in self.query(FeelingRating)
                   if not isinstance(row, CoveredFeeling) for rating in row.query(Rating)]
        return [
            self.query_one("#emotions", TickList),
            *[rating for is_ticked, rating in ratings if is_ticked],
            self.query_one("#other-emotions", Input),
            *[rating for is_ticked, rating in ratings if not is_ticked],
            self.query_one("#anxiety", Rating),
            self.query_one("#tension", Rating),
        ]

    async def on_key(self, event: events.Key) -> None:
        """Digits typed on the list rate the highlighted feeling: "space 6 0" left "scared" not
        rated, the 60 silently lost. On a feeling not ticked they say how to rate it."""
        ticks = self.query_one("#emotions", TickList)
        if self.screen.focused is not ticks or not event.character or not event.character.isdecimal():
            return
        event.stop()
        event.prevent_default()
        if ticks.highlighted is None:
            return
        feeling = ticks.get_option_at_index(ticks.highlighted).value
        if feeling not in ticks.selected:
            self.app.notify(f"Tick \u201c{feeling}\u201d with space first, then type how strong it was.")
            return
        await self.show_strengths()  # the row of a feeling ticked a moment ago may not be there yet
        rating = next((row.query_one(Rating) for row in self.query(FeelingRating)
                       if row.feeling == feeling and not isinstance(row, CoveredFeeling)), None)
        if rating is not None:
            rating.type_digit(event.character)

    def chosen(self) -> list[str]:
        """The feelings chosen right now: ticked, then typed."""
        ticked = list(self.query_one("#emotions", TickList).selected)
        return chosen_feelings(ticked, typed_feelings(self.query_one("#other-emotions", Input).value))

    @on(Rating.Changed, ".feeling-strength")
    def _remember(self, event: Rating.Changed) -> None:
        row = event.rating.parent
        if isinstance(row, FeelingRating) and event.value is not None:
            self._strengths[row.feeling] = event.value

    @on(TickList.SelectedChanged, "#emotions")
    async def _ticked(self) -> None:
        await self.show_strengths()

    @on(Input.Submitted, "#other-emotions")
    @on(Input.Blurred, "#other-emotions")
    async def _typed(self) -> None:
        # Not on every key: a row per half-typed word would jump about while the person writes.
        await self.show_strengths()

    async def show_strengths(self) -> list[FeelingRating]:
        """One rating row per chosen feeling, in the order they are listed; kept rows keep their
        focus. Returns the rows it added, in order. One at a time: a Tab and the tick it follows
        both ask for the rows, and two at once mounted the same feeling twice."""
        async with self._showing:
            return await self._show_strengths()

    async def _show_strengths(self) -> list[FeelingRating]:
        column = self.query_one("#feeling-strengths", Vertical)
        wanted = self.chosen()
        self._note_not_feelings()
        rows = list(column.query(FeelingRating))
        if [row.feeling for row in rows] == wanted:
            return []
        kept = {row.feeling: row for row in rows if row.feeling in wanted}
        await column.remove_children([row for row in rows if row.feeling not in kept])
        before = None
        added: list[FeelingRating] = []
        for name in reversed(wanted):
            row = kept.get(name)
            if row is None:
                row = feeling_row(name, self._strengths.setdefault(name, STARTING_STRENGTH))
                await (column.mount(row, before=before) if before is not None else column.mount(row))
                added.insert(0, row)
            elif before is not None and not _just_before(row, before):
                column.move_child(row, before=before)
            before = row
        self.query_one("#no-feelings").display = not wanted
        return added

    def _note_not_feelings(self) -> None:
        note = not_feelings_note(not_feelings(self.query_one("#other-emotions", Input).value))
        shown_note = self.query_one("#not-feelings", Static)
        shown_note.update(note)
        shown_note.display = bool(note)

    def store(self, record: ThoughtRecord) -> None:
        # A covered feeling has no rating here, so it keeps what it had (nothing, or an older record's).
        record.emotions = [
            Emotion(name=name, intensity=self._strengths.get(name, STARTING_STRENGTH)) for name in self.chosen()
        ]
        record.anxiety_before = self.query_one("#anxiety", Rating).value
        record.body_tension = self.query_one("#tension", Rating).value

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.emotions) or record.anxiety_before is not None


def _just_before(row: FeelingRating, other: FeelingRating) -> bool:
    siblings = list(row.parent.children) if row.parent is not None else []
    return row in siblings and siblings.index(row) + 1 == siblings.index(other)
