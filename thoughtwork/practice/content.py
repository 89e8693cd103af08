"""The practice library a clinician can edit: `practice/ladder.toml` ([[step]] tables, the
suggested ladder) and `practice/exercises.toml` ([[exercise]] tables, the guided exercises).

Validated by pydantic at load, with the same file:line problems as the reframe and prompt
libraries (`thoughtwork practice lint`).
"""

from __future__ import annotations

from pathlib import Path

from thoughtwork import locations
from thoughtwork.content import library
from thoughtwork.content.problems import Problem
from thoughtwork.content.tomlfiles import Block, content_files
from thoughtwork.models import DefaultStep, Exercise

STEP = "step"
EXERCISE = "exercise"
LADDER_FILE = "ladder.toml"
EXERCISES_FILE = "exercises.toml"


def load_default_steps(paths: library.Paths = None) -> list[DefaultStep]:
    """The suggested ladder, in order; raises ContentError (one line, file:line) at the first problem."""
    return library.load(_paths(paths, LADDER_FILE), STEP, DefaultStep)


def load_exercises(paths: library.Paths = None) -> list[Exercise]:
    """The guided exercises, in file order; raises ContentError at the first problem."""
    return library.load(_paths(paths, EXERCISES_FILE), EXERCISE, Exercise, _check_exercise)


def lint_practice(paths: list[Path] | None = None) -> list[Problem]:
    """Every problem in ladder and exercise files (default: the shipped ones).

    A file is read as steps or exercises by the tables it holds, so a clinician can keep
    their own ladder beside their own exercises in one folder."""
    if not paths:
        paths = [locations.practice_directory()]
    files, problems = content_files(paths)
    for file in files:
        kind, check = _kind_of(file)
        model = DefaultStep if kind == STEP else Exercise
        # Linted beside the shipped library, so an id that clashes with a built-in one is named.
        problems.extend(library.lint([file], kind, model, check, builtin=locations.practice_directory()))
    return sorted(set(problems), key=lambda p: (str(p.file), p.line))


def _paths(paths: library.Paths, name: str) -> list[Path]:
    return library.as_path_list(paths, locations.practice_directory() / name)


def _kind_of(file: Path):  # noqa: ANN202
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    if "[[exercise]]" in text or (file.name == EXERCISES_FILE and "[[step]]" not in text):
        return EXERCISE, _check_exercise
    return STEP, None


def _check_exercise(exercise: Exercise, block: Block) -> list[Problem]:
    """Beyond the schema: an exercise that alternates tensing must also let go."""
    kinds = [c.kind for c in exercise.cues]
    if "tense" in kinds and "release" not in kinds:
        return [Problem(block.file, block.line_of("cues"),
                        f"exercise '{exercise.id}': it tenses muscles but never lets them go (add a release cue)")]
    return []
