"""One way for every thoughtwork app to fail: a fixed, kind sentence instead of Textual's crash screen.

Textual's crash screen prints the traceback with local variables, so a thought, a
report's contents or a key could land on the screen or in a terminal's scrollback.
"""

from __future__ import annotations

import os
from typing import ClassVar

from rich.text import Text
from textual.app import App

DEBUG_ENV = "THOUGHTWORK_DEBUG"
"""Set to 1 to see Textual's full crash screen (locals included) while developing."""


class GentleCrash(App):
    """Mixin for an App: on an unexpected error, run `before_crash`, then leave only `CRASH_MESSAGE`.

    List it before `App` in the bases so its `_handle_exception` replaces Textual's.
    """

    CRASH_MESSAGE: ClassVar[str] = "thoughtwork stopped because of a problem inside it."

    def before_crash(self) -> None:
        """Save what can be saved before closing; nothing by default."""

    def panic(self, *renderables) -> None:
        # Textual panics rather than raising in some places, among them when the terminal goes
        # away under it (its input thread reads an error once the window is closed): save first.
        try:
            self.before_crash()
        except Exception:  # noqa: BLE001 - closing matters more than why a save failed
            pass
        super().panic(*renderables)

    def _handle_exception(self, error: Exception) -> None:
        if os.environ.get(DEBUG_ENV) == "1":
            super()._handle_exception(error)
            return
        try:
            self.before_crash()
        except Exception:  # noqa: BLE001 - the first problem is the one to report; keep closing
            pass
        self._return_code = 1
        if self._exception is None:
            # Kept so test runs (Pilot) still re-raise; never rendered on screen.
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(crash_text(self.CRASH_MESSAGE, error))
        self._close_messages_no_wait()


def crash_text(message: str, error: BaseException) -> Text:
    """The words left in the terminal: the message and the error's type, never its text or locals."""
    return Text(f"{message}\n({type(error).__name__})")
