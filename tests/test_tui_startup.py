"""The first screen comes before the heavy imports: spaCy and the journal load after it is drawn.

Timing is a benchmark's job (tests/bench/bench_first_frame.py); this checks the order, in a
fresh process so nothing imported by other tests hides it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from test_tui_flow_support import make_journal

SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys
    from textual.app import App
    from thoughtwork.tui.app import ThoughtworkApp

    HEAVY = ("spacy", "thoughtwork.journal", "thoughtwork.models")
    seen = {}
    display = App._display

    def first_frame(app, screen, renderable):
        # What is imported when the unlock screen is first drawn (headless: drawn, not written).
        if renderable is not None and type(screen).__name__ == sys.argv[2] and "first_frame" not in seen:
            seen["first_frame"] = sorted(m for m in HEAVY if m in sys.modules)
        return display(app, screen, renderable)

    App._display = first_frame

    async def main():
        app = ThoughtworkApp(sys.argv[1])
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(3000):
                if app.nlp_ready:
                    break
                await pilot.pause(0.01)
            seen["nlp_ready_later"] = app.nlp_ready
        print(json.dumps(seen))

    asyncio.run(main())
    """
)


@pytest.mark.parametrize("first_screen", ["UnlockScreen", "WelcomeScreen"])
def test_spacy_and_the_journal_are_imported_after_the_first_screen(tmp_path, first_screen):
    path = tmp_path / "j.twj"
    if first_screen == "UnlockScreen":
        make_journal(path)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), first_screen], capture_output=True, text=True, timeout=120, check=True
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"first_frame": [], "nlp_ready_later": True}
