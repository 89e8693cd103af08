"""The reframe library: TOML files of `[[reframe]]` tables, validated into `models.Reframe`."""

from __future__ import annotations

import re

from thoughtwork import locations
from thoughtwork.content import library
from thoughtwork.content.problems import Problem
from thoughtwork.content.tomlfiles import Block
from thoughtwork.models import Reframe

KIND = "reframe"

GENERAL_PREFIX = "general."
"""Reframes whose id starts with this are gentle, general ones, offered when nothing specific fits."""

# A reframe is a suggestion, never a promise: nobody can know how one person's body or
# relationship will go. These phrases promise an outcome, so the linter refuses them.
PROMISES = re.compile(
    r"\b(will be (fine|ok|okay|alright|all right|cured|healed|normal)"
    r"|guarantee[sd]?|definitely will|will definitely|will certainly|certainly will"
    r"|for sure|100 ?%|always works|(won't|will not|never) hurt again|will go away"
    r"|will get better|you will (recover|succeed|manage))\b",
    re.IGNORECASE,
)


def load_reframes(paths: library.Paths = None) -> list[Reframe]:
    """The reframes in the given files or folders (default: the shipped library).

    Raises ContentError, one line 'file:line: problem', at the first problem.
    """
    return library.load(library.as_path_list(paths, locations.reframes_directory()), KIND, Reframe, _check)


def lint_reframes(paths: library.Paths = None) -> list[Problem]:
    """Every problem in the given reframe files or folders, each with its file and line."""
    return library.lint(library.as_path_list(paths, locations.reframes_directory()), KIND, Reframe, _check,
                        builtin=locations.reframes_directory())


def promises_in(text: str) -> list[str]:
    """The phrases in `text` that promise an outcome."""
    return [m.group(0) for m in PROMISES.finditer(text)]


def _check(reframe: Reframe, block: Block) -> list[Problem]:
    """House rules for a reframe beyond its schema: questions, and no promises."""
    where = f"reframe '{reframe.id}'"
    problems = []
    for phrase in promises_in(reframe.text):
        problems.append(Problem(block.file, block.line_of("text"),
                                f"{where}: '{phrase}' promises an outcome; offer a possibility instead"))
    if not reframe.questions:
        problems.append(Problem(block.file, block.line,
                                f"{where}: add at least one Socratic question that leads to this reframe"))
    for question in reframe.questions:
        if not question.rstrip().endswith("?"):
            problems.append(Problem(block.file, block.line_of("questions"),
                                    f"{where}: each question should end with a question mark: '{question[:40]}'"))
    for phrase in promises_in(" ".join(reframe.questions)):
        problems.append(Problem(block.file, block.line_of("questions"),
                                f"{where}: '{phrase}' promises an outcome; offer a possibility instead"))
    return problems
