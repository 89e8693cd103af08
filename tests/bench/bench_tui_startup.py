"""How soon the app shows its first screen, and how long the journal and spaCy take behind it.

Run: /work/venv/bin/python tests/bench/bench_tui_startup.py
Each run is a fresh process (imports included), headless at 80x24. Target: first screen < 0.5 s.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def once(journal: str) -> dict[str, float]:
    start = time.perf_counter()
    import asyncio

    # As `thoughtwork --journal PATH` starts: the command line first, then the app.
    from thoughtwork.cli.main import build_parser, opens_app

    arguments = ["--journal", journal]
    build_parser(commands=not opens_app(arguments)).parse_args(arguments)
    from thoughtwork.tui.app import ThoughtworkApp

    imported = time.perf_counter() - start
    marks: dict[str, float] = {"import": imported}

    async def main() -> None:
        app = ThoughtworkApp(Path(journal), passphrase=os.environ.get("BENCH_PASSPHRASE"))
        async with app.run_test(size=(80, 24)) as pilot:
            while type(app.screen).__name__ not in ("UnlockScreen", "WelcomeScreen", "HomeScreen"):
                await pilot.pause(0.002)
            marks["first_screen"] = time.perf_counter() - start
            while type(app.screen).__name__ != "HomeScreen":
                await pilot.pause(0.005)
            marks["home"] = time.perf_counter() - start
            while not app.nlp_ready and app.can_analyse:
                await pilot.pause(0.01)
            marks["nlp_ready"] = time.perf_counter() - start

    asyncio.run(main())
    return marks


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--once":
        print(json.dumps(once(sys.argv[2])))
        return
    from thoughtwork.journal import Journal

    with tempfile.TemporaryDirectory() as folder:
        journal = Path(folder) / "bench.twj"
        passphrase = "bench passphrase"
        with Journal.create(journal, passphrase) as made:  # the real Argon2 profile unless overridden
            made.save_settings(made.settings().model_copy(update={"welcomed": True}))
        env = {**os.environ, "BENCH_PASSPHRASE": passphrase}
        results = [
            json.loads(subprocess.run([sys.executable, __file__, "--once", str(journal)], env=env, check=True, capture_output=True, text=True).stdout)
            for _ in range(RUNS)
        ]
    profile = os.environ.get("THOUGHTWORK_KDF_PROFILE", "default")
    print(f"{RUNS} fresh processes, KDF profile {profile}; seconds from first import (median, max):")
    for key in ("import", "first_screen", "home", "nlp_ready"):
        values = [r[key] for r in results]
        print(f"  {key:<13} {statistics.median(values):.3f}  {max(values):.3f}")


if __name__ == "__main__":
    main()
