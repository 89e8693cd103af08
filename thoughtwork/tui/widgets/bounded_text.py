"""A text box that never takes in more than a record can keep, and says so on its edge.

A record holds at most MAX_TEXT characters in a field (and evidence at most a number of
lines): anything past that could not be saved. Refusing the keystroke or the paste that
would go over loses nothing (a refused paste is still on the clipboard), where accepting it
and failing at save time could.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.document._document import Location
from textual.document._edit import EditResult
from textual.widgets import TextArea

from thoughtwork.models import MAX_TEXT, ThoughtRecord


@dataclass(frozen=True)
class TextLimit:
    """How much one text box can keep: characters in all, or per line with a number of lines."""

    characters: int = MAX_TEXT
    lines: int | None = None
    """When set, `characters` counts per line and at most this many non-blank lines are kept."""

    def overflow(self, text: str) -> str | None:
        """How far `text` goes past the limit, in a few plain words ("12 characters too many (it
        keeps 20,000)");
        None when it all fits. Short, as it is said on the edge of a box at 80 columns."""
        if self.lines is None:
            over = len(text.strip()) - self.characters
            return f"{_count(over, 'character')} too many (it keeps {self.characters:,})" if over > 0 else None
        kept = [line.strip() for line in text.splitlines() if line.strip()]
        longest = max((len(line) for line in kept), default=0)
        if longest > self.characters:
            return f"a line {_count(longest - self.characters, 'character')} too long ({self.characters:,} a line)"
        if len(kept) > self.lines:
            return f"{_count(len(kept) - self.lines, 'line')} too many (it keeps {self.lines})"
        return None

    def cannot_overflow(self, length: int, newlines: int) -> bool:
        """A quick yes for most edits: text this short cannot go past the limit."""
        return length <= self.characters and (self.lines is None or newlines + 1 <= self.lines)


ONE_ENTRY = TextLimit()
"""A situation, a thought, a balanced thought, a homework answer."""

EVIDENCE = TextLimit(lines=ThoughtRecord.model_fields["evidence_for"].metadata[0].max_length)
"""One piece of evidence per line, as many lines as a record keeps."""


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class BoundedTextArea(TextArea):
    """A TextArea that refuses typing or pasting past its `limit` and explains on its bottom edge."""

    DEFAULT_CSS = """
    BoundedTextArea {
        border-subtitle-color: $warning;
        border-subtitle-style: bold;
    }
    """

    BINDINGS = [
        Binding("ctrl+home", "cursor_to_start", "To the start", show=False),
        Binding("ctrl+end", "cursor_to_end", "To the end", show=False),
    ]

    def __init__(self, text: str = "", *, limit: TextLimit = ONE_ENTRY, **kwargs) -> None:
        super().__init__(text, **kwargs)
        self.limit = limit
        self._refused = ""
        """What was refused since the last edit that went in: one paste, or its keys one by one."""

    def action_cursor_to_start(self) -> None:
        self.move_cursor((0, 0))

    def action_cursor_to_end(self) -> None:
        self.move_cursor(self.document.end)

    def continue_writing(self) -> None:
        """Put the cursor after the words already there, where a person coming back goes on writing
        (it was left at the very start, so the next words went in front). A cursor the person
        moved elsewhere stays there."""
        if self.cursor_location == (0, 0) and self.text:
            self.move_cursor(self.document.end)

    def on_focus(self, event: events.Focus) -> None:
        # Tab or a step opening; a click moves the cursor to where it points straight after.
        self.continue_writing()

    def overflow(self) -> str | None:
        """What is too much in the box right now, in plain words (None when it all fits)."""
        return self.limit.overflow(self.text)

    def show_overflow(self) -> str | None:
        """Say on the box's edge how much to cut, if anything; returns what was said."""
        over = self.overflow()
        self._note(f"{over[0].upper()}{over[1:]}: please cut that much." if over else None)
        return over

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        # Every keystroke and paste comes through here (the API's `text =` and `replace` do not).
        if not self.read_only and (self._would_overflow(insert, start, end) or self._still_refusing(insert, start, end)):
            self._refused += insert
            over = self.limit.overflow(self._after(self._refused, start, end))
            self._note(f"Not added: {over}." if over else f"Not added: {_count(len(self._refused), 'character')}.")
            return None
        self._refused = ""
        return super()._replace_via_keyboard(insert, start, end)

    def _delete_via_keyboard(self, start: Location, end: Location) -> EditResult | None:
        self._refused = ""  # a cut makes room: what comes next is judged afresh
        return super()._delete_via_keyboard(start, end)

    def _still_refusing(self, insert: str, start: Location, end: Location) -> bool:
        """Spaces and new lines go on being refused after text was, while no word could follow them:
        a paste in a terminal without bracketed paste comes as keys, and the spaces between its
        refused words (which fit, as spaces at the end are not kept) filled the box with blanks
        and took the note away."""
        return bool(self._refused) and insert.isspace() and self._would_overflow(insert + "x", start, end)

    def _would_overflow(self, insert: str, start: Location, end: Location) -> bool:
        current = self.text
        if self.limit.cannot_overflow(len(current) + len(insert), current.count("\n") + insert.count("\n")):
            return False
        after = self._after(insert, start, end)
        # Cutting is always allowed, even in a box that is already too full.
        return len(after) > len(current) and self.limit.overflow(after) is not None

    def _after(self, insert: str, start: Location, end: Location) -> str:
        first, last = sorted((start, end))
        text = self.text
        return text[: self.document.get_index_from_location(first)] + insert + text[self.document.get_index_from_location(last) :]

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        # A change arrives after the keys that made it: those refused since then keep their note.
        if self.border_subtitle and not self._refused and self.overflow() is None:
            self._note(None)

    def _note(self, message: str | None) -> None:
        # Content, never a markup string; said on the box itself, as a toast would cover the words.
        self.border_subtitle = Content(message) if message else None
