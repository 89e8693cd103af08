"""The one kind of error the command line reports: a plain sentence, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the person can act on. `main` prints it as one line on stderr and exits non-zero."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
