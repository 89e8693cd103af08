"""Every path thoughtwork uses. Nothing else in the app builds a path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP = "thoughtwork"
_ROOT = Path(__file__).resolve().parent.parent


def data_directory() -> Path:
    """The folder that holds the journal by default (created 0700 when the journal is)."""
    return Path(user_data_dir(APP, appauthor=False))


def default_journal() -> Path:
    """The journal used when neither --journal nor THOUGHTWORK_JOURNAL names one."""
    return data_directory() / "journal.twj"


def journal_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The journal to use: the --journal argument, else THOUGHTWORK_JOURNAL, else the default."""
    chosen = explicit or os.environ.get("THOUGHTWORK_JOURNAL")
    return Path(chosen).expanduser() if chosen else default_journal()


def config_directory() -> Path:
    """Where a therapist's or researcher's own files (keys, prompt libraries) live."""
    return Path(user_config_dir(APP, appauthor=False))


def identity_file() -> Path:
    """A therapist's or researcher's own age secret key, used when --identity is not given."""
    return config_directory() / "age-identity.txt"


def reframes_directory() -> Path:
    """The shipped reframe library (override with THOUGHTWORK_REFRAMES)."""
    return Path(os.environ.get("THOUGHTWORK_REFRAMES") or _shipped("reframes"))


def prompts_directory() -> Path:
    """The shipped homework prompt library (override with THOUGHTWORK_PROMPTS)."""
    return Path(os.environ.get("THOUGHTWORK_PROMPTS") or _shipped("prompts"))


def builtin_content_directories() -> tuple[Path, Path]:
    """The reframe and prompt libraries that ship with thoughtwork, whatever the overrides say:
    only their ids are known not to be anyone's own words."""
    return _shipped("reframes"), _shipped("prompts")


def builtin_practice_directory() -> Path:
    """The practice library that ships with thoughtwork, whatever THOUGHTWORK_PRACTICE says: as
    with prompts and reframes, only its step ids are known not to be anyone's own words."""
    return _shipped("practice")


def practice_directory() -> Path:
    """The shipped practice library: suggested ladder steps and guided exercises (override with THOUGHTWORK_PRACTICE)."""
    return Path(os.environ.get("THOUGHTWORK_PRACTICE") or _shipped("practice"))


def _shipped(name: str) -> Path:
    """A top-level content folder: beside the package in a checkout, else where the wheel put it."""
    checkout = _ROOT / name
    return checkout if checkout.is_dir() else Path(sys.prefix) / "share" / "thoughtwork" / name


def package_data(*parts: str) -> Path:
    """A data file shipped inside the package, such as the spaCy patterns."""
    return Path(__file__).resolve().parent.joinpath(*parts)
