"""Making user text safe to show in a terminal.

Rich and Textual pass most control sequences straight through (OSC title and clipboard
writes, bidi overrides), so every piece of user text is cleaned before it is shown.

Terminals also disagree with Rich (and with each other) on how wide a joined emoji is: a
family joined by U+200D, a skin tone, a keycap or a variation selector is one glyph two cells
wide in some, its separate parts in others, so a border beside it moved. What is drawn in the
terminal (`shown`) is therefore the emoji's parts, each drawn on its own, whose width every
terminal agrees on. The stored text is never changed; files for browsers keep it whole (`clean`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from rich.text import Text

_KEEP = {"\n", "\t"}
# Bidi embedding/override/isolate controls can make text display differently from what it is.
_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"}
# What `mask_controls` changes: control characters (category Cc) but those kept, and bidi controls.
_MASKED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "]")
# An OSC (title, clipboard, link) only with its terminator: an unterminated "\x1b]" loses just
# its two characters, so the words after it are kept (and still read by the self-harm check);
# with the escape gone, no terminal can take them as a command.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def clean(text: str, *, single_line: bool = False) -> str:
    """Text with terminal escape sequences removed and other control characters shown as '\u241b'-style symbols."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    out = []
    for char in text:
        if char in _KEEP:
            out.append(" " if single_line else char)
        elif char in _BIDI:
            continue
        elif char == "\r":
            out.append(" " if single_line else "")
        elif unicodedata.category(char) == "Cc":
            code = ord(char)
            # Control Pictures block shows C0 controls visibly; others become the replacement char.
            out.append(chr(0x2400 + code) if code < 0x20 else "\ufffd")
        else:
            out.append(char)
    return "".join(out)


# The joiner, and the marks that change how the character before them is drawn: variation
# selectors (text or emoji style), skin tones, the keycap frame, the tags of a region's flag.
_JOINED = re.compile("[\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")


def shown(text: str, *, single_line: bool = False) -> str:
    """The text as it is drawn in a terminal: `clean`, and each joined emoji as its parts.

    "👨\u200d👩\u200d👧" shows as "👨👩👧", "👍🏽" as "👍", "❤\ufe0f" as "❤": every character then
    takes the cells Rich counts for it in any terminal, so borders and columns stay put. The
    joiner goes between letters too (Rich counts "a\u200da" as one cell, a terminal as two; an
    Indic conjunct shows as its half-forms), never the non-joiner U+200C, which draws nothing.
    """
    text = clean(text, single_line=single_line)
    return _JOINED.sub("", text) if _JOINED.search(text) else text


def shorten(text: str, width: int) -> str:
    """One line as drawn (`shown`) of at most `width` characters, with an ellipsis when cut."""
    line = " ".join(shown(text, single_line=True).split())
    return line if len(line) <= width else line[: max(0, width - 1)] + "\u2026"


def highlight(text: str, spans: Iterable[tuple[int, int]], style: str = "bold reverse") -> Text:
    """The text as rich Text with the (start, end) spans styled, every piece as drawn (`shown`).

    Offsets refer to the raw text, and cleaning can change lengths, so the text is cut at
    the span edges first and each piece is cleaned on its own.
    """
    from rich.text import Text

    edges = {0, len(text)}
    marked: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        start, end = max(0, span_start), min(len(text), span_end)
        if start < end:
            edges.update((start, end))
            marked.append((start, end))
    result = Text()
    for start, end in pairwise(sorted(edges)):
        inside = any(a <= start and end <= b for a, b in marked)
        result.append(shown(text[start:end]), style=style if inside else "")
    return result


def mask_controls(text: str) -> str:
    """The text with escape sequences and control characters turned into spaces, same length.

    For reading words out of text (finding thinking traps) while keeping every offset valid
    in the original: "\\x1b[31mI must\\x1b[0m" reads as "     I must    ".
    """
    if not _MASKED.search(text):
        return text  # most text has nothing to mask: one search instead of a look at every character
    masked = _ESCAPE_SEQUENCE.sub(lambda found: " " * len(found.group()), text)
    return "".join(
        " " if (unicodedata.category(char) == "Cc" and char not in _KEEP) or char in _BIDI else char
        for char in masked
    )


class _HasText(Protocol):
    text: str


T = TypeVar("T", bound=_HasText)


def first_of_each_text(items: Iterable[T]) -> list[T]:
    """The first item of each text (case and spacing aside), in order: the same text by two
    writers would leak across a split by writer when a model is trained and measured."""
    seen: set[str] = set()
    kept = []
    for item in items:
        key = " ".join(item.text.lower().split())
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
