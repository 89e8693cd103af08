"""One item of a bulleted list whose words wrap under their own start, not under the mark."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static


class Bullet(Horizontal):
    """The mark ("•" or "1."), and beside it the words, wrapping under themselves."""

    DEFAULT_CSS = """
    Bullet {
        height: auto;
    }
    Bullet > .bullet-mark {
        width: auto;
        padding-right: 1;
    }
    Bullet > .bullet-text {
        width: 1fr;
    }
    """

    def __init__(self, item: Text, mark: str = "\u2022", **kwargs) -> None:
        super().__init__(Static(mark, classes="bullet-mark"), Static(item, classes="bullet-text"), **kwargs)
