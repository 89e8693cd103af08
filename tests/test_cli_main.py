"""The `thoughtwork` command line itself: opening the app fast, the full parser otherwise."""

from __future__ import annotations

import subprocess
import sys

import pytest

from thoughtwork.cli.main import build_parser, main, opens_app


@pytest.mark.parametrize(
    "argv, expected",
    [
        ([], True),
        (["--journal", "j.twj"], True),
        (["--journal=j.twj"], True),
        (["analyse", "text"], False),
        (["--journal", "j.twj", "journal", "verify"], False),
        (["--help"], False),
        (["--version"], False),
        (["--journal"], False),  # argparse says what is missing
    ],
)
def test_only_bare_app_invocations_skip_the_command_parsers(argv, expected):
    assert opens_app(argv) is expected


def test_opening_the_app_does_not_load_the_content_library_or_the_models():
    """They cost about 0.4 s before the first screen; the app loads them after it."""
    code = (
        "import sys\n"
        "from thoughtwork.cli.main import build_parser, opens_app\n"
        "argv = ['--journal', 'x.twj']\n"
        "args = build_parser(commands=not opens_app(argv)).parse_args(argv)\n"
        "assert args.journal == 'x.twj' and args.command is None, args\n"
        "print(sorted(m for m in sys.modules if m.startswith(('thoughtwork.content', 'thoughtwork.models', 'pydantic'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_still_lists_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    for command in ("analyse", "journal", "homework", "report", "export", "reframes"):
        assert command in shown


def test_a_command_after_the_journal_option_still_runs(tmp_path, capsys):
    assert main(["--journal", str(tmp_path / "j.twj"), "analyse", "I always fail"]) == 0
    assert "Overgeneralising" in capsys.readouterr().out
    assert build_parser().parse_args(["analyse", "x"]).command == "analyse"
