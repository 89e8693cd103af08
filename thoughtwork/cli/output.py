"""Writing a command's output file: privately, atomically, and never over a file by surprise."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from thoughtwork.cli.errors import UserError
from thoughtwork.journal.files import atomic_write


def add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="replace the output file if it already exists")


def check_writable(path: Path, force: bool) -> None:
    """Refuse before any work is done: a missing folder, a folder as the name, or a file in the way."""
    folder = path.parent if str(path.parent) else Path(os.curdir)
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist.")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    if path.exists() and not force:
        raise UserError(f"{path} already exists and was left as it is; choose another name, or add --force to replace it.")


def write_file(path: Path, data: bytes) -> None:
    """Write atomically and privately (0600): a crash leaves the old file or the new one."""
    try:
        atomic_write(path, data)
    except OSError as error:
        raise UserError(f"{path} could not be written ({error.strerror or type(error).__name__}); nothing was written.") from None
