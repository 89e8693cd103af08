"""Finding and unlocking the journal for a command: --journal, THOUGHTWORK_JOURNAL, THOUGHTWORK_PASSPHRASE."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from thoughtwork import locations
from thoughtwork.cli.errors import UserError
from thoughtwork.journal import Journal, JournalError
from thoughtwork.journal.crypto import MIN_PASSPHRASE

PASSPHRASE_ENV = "THOUGHTWORK_PASSPHRASE"


def journal_file(args: argparse.Namespace) -> Path:
    return locations.journal_path(getattr(args, "journal", None))


def ask(prompt: str, env: str = PASSPHRASE_ENV) -> str:
    """Read a secret from the terminal; without one (a script), explain the environment variable."""
    if not sys.stdin.isatty():
        raise UserError(f"No passphrase given: set {env} or run this in a terminal.")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UserError("No passphrase given.") from None


def ask_new(prompt: str = "Choose a passphrase: ", env: str = PASSPHRASE_ENV) -> str:
    """A new passphrase from the environment, or typed twice."""
    if os.environ.get(env):
        return os.environ[env]
    for _ in range(3):
        first = ask(prompt, env)
        if len(first) < MIN_PASSPHRASE:
            print(f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters.", file=sys.stderr)
            continue
        if ask("Type it again: ", env) == first:
            return first
        print("The two passphrases were different; please try again.", file=sys.stderr)
    raise UserError("No passphrase was chosen; nothing was changed.")


def open_journal(args: argparse.Namespace) -> Journal:
    """Open the chosen journal, asking for the passphrase only if it is encrypted."""
    path = journal_file(args)
    try:
        passphrase = None
        if Journal.needs_passphrase(path):
            passphrase = os.environ.get(PASSPHRASE_ENV) or ask("Passphrase: ")
        return Journal.open(path, passphrase)
    except JournalError as error:
        raise UserError(str(error)) from None
