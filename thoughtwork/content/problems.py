"""What goes wrong in a content file, said so that a clinician can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a content file, at a line a person can jump to."""

    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        # Line 0 means the problem is the file itself (missing, unreadable), not a place in it.
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class ContentError(Exception):
    """A reframe or prompt library could not be loaded; str() is one line: file:line: problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
