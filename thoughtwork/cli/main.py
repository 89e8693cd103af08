"""Entry point of the `thoughtwork` command: builds the parser from each command module.

Each module in COMMAND_MODULES has `register(subparsers)`, which adds its sub-commands and
sets `func` on them. `func(args)` returns an exit code (or None for 0).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from thoughtwork import __version__
from thoughtwork.cli.errors import UserError

COMMAND_MODULES = [
    "thoughtwork.cli.content_commands",
    "thoughtwork.cli.journal_commands",
    "thoughtwork.cli.homework_commands",
    "thoughtwork.cli.practice_commands",
    "thoughtwork.cli.research_commands",
    "thoughtwork.cli.analyse_commands",
]


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The full parser; without `commands`, only the options of opening the app."""
    parser = argparse.ArgumentParser(
        prog="thoughtwork",
        description="A gentle CBT thought record for the terminal. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"thoughtwork {__version__}")
    parser.add_argument(
        "--journal",
        metavar="PATH",
        help="the journal file (default: $THOUGHTWORK_JOURNAL, else your user data folder)",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def opens_app(argv: list[str]) -> bool:
    """Whether the arguments only open the app (`thoughtwork [--journal PATH]`).

    The command modules import the content library and the data models (about 0.4 s): the app
    needs neither before its first screen, so it is opened without building their parsers."""
    rest = list(argv)
    while rest:
        head = rest.pop(0)
        if head == "--journal" and rest:
            rest.pop(0)
        elif not head.startswith("--journal="):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    _quiet_tracebacks()
    arguments = sys.argv[1:] if argv is None else argv
    parser = build_parser(commands=not opens_app(arguments))
    args = parser.parse_args(arguments)
    try:
        if args.command is None:
            from thoughtwork.tui.app import run_app

            return run_app(args) or 0
        func = getattr(args, "func", None)
        if func is None:
            parser.parse_args([args.command, "--help"])
            return 2
        return func(args) or 0
    except UserError as error:
        _say(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        _say("Stopped. Nothing was changed that was not already saved.")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - last line of defence: never print journal text
        _say(f"Something went wrong inside thoughtwork ({type(error).__name__}). Your journal was not changed.")
        if os.environ.get("THOUGHTWORK_DEBUG") == "1":
            raise
        return 70


def _say(message: str) -> None:
    """One line on stderr; control characters from file contents are neutralised first."""
    from thoughtwork.text import clean

    print(f"thoughtwork: {clean(message, single_line=True).strip() or 'error'}", file=sys.stderr)


def _quiet_tracebacks() -> None:
    """Uncaught errors show their type only: a traceback's locals could hold journal text."""

    def hook(kind, value, tb):  # noqa: ANN001
        print(f"thoughtwork: unexpected {kind.__name__}; your journal was not changed.", file=sys.stderr)

    if os.environ.get("THOUGHTWORK_DEBUG") != "1":
        sys.excepthook = hook


if __name__ == "__main__":
    sys.exit(main())
