"""A thought shown literally, with the words behind each thinking trap highlighted."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from rich.text import Text
from textual.widgets import Static

from thoughtwork.models import EvidenceSpan
from thoughtwork.text import shown


def highlight(text: str, spans: Iterable[EvidenceSpan], style: str = "bold reverse") -> Text:
    """The text as a rich Text with the spans styled.

    Offsets refer to the raw text, and cleaning can change lengths, so the text is cut at
    the span edges first and each piece is cleaned on its own.
    """
    edges = {0, len(text)}
    marked: list[tuple[int, int]] = []
    for span in spans:
        start, end = max(0, span.start), min(len(text), span.end)
        if start < end:
            edges.update((start, end))
            marked.append((start, end))
    cuts = sorted(edges)
    result = Text()
    for start, end in pairwise(cuts):
        piece = shown(text[start:end])
        inside = any(a <= start and end <= b for a, b in marked)
        result.append(piece, style=style if inside else "")
    return result


class HighlightedThought(Static):
    """The automatic thought with its trigger words highlighted."""

    DEFAULT_CSS = """
    HighlightedThought {
        padding: 0 1;
        border: round $primary 50%;
        height: auto;
        max-height: 6;
        overflow-y: auto;
    }
    """

    def __init__(self, text: str = "", spans: Iterable[EvidenceSpan] = (), *, id: str | None = None) -> None:
        super().__init__(highlight(text, spans), id=id)

    def show(self, text: str, spans: Iterable[EvidenceSpan]) -> None:
        self.update(highlight(text, spans))
