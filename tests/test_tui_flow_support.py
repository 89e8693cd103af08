"""Support for the TUI flow and home tests (no tests here): journals, a fake pipeline, waiting for screens."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from pathlib import Path

from thoughtwork.journal import Journal
from thoughtwork.models import (
    Analysis,
    Assignment,
    DistortionId,
    DistortionMatch,
    EvidenceSpan,
    Prompt,
    Theme,
)

PASSPHRASE = "correct horse battery"
SIZE = (80, 24)


def make_journal(path: Path, records=(), *, welcomed: bool = True) -> Path:
    """A closed journal at `path` holding `records`, already past the welcome."""
    with Journal.create(path, PASSPHRASE) as journal:
        if records:
            journal.add_many(list(records))
        journal.save_settings(journal.settings().model_copy(update={"welcomed": welcomed}))
    return path


def make_journal_with_homework(path: Path, prompt: Prompt, *, days: int, note: str = "") -> Assignment:
    """A journal at `path` (as `make_journal`) with `prompt` assigned from today for `days` days."""
    assignment = Assignment(prompts=[prompt], start=date.today(), end=date.today() + timedelta(days=days), note=note)
    make_journal(path)
    with Journal.open(path, PASSPHRASE) as journal:
        journal.save_assignment(assignment)
    return assignment


def fake_analysis(text: str) -> Analysis:
    """A predictable stand-in for spaCy: 'always' is overgeneralising, 'broken' is labelling."""
    found = []
    for word, trap in (("always", DistortionId.overgeneralization), ("broken", DistortionId.labeling)):
        at = text.find(word)
        if at >= 0:
            found.append(
                DistortionMatch(
                    id=trap,
                    score=0.8,
                    evidence=[EvidenceSpan(text=word, start=at, end=at + len(word))],
                    explanation="",
                )
            )
    return Analysis(text=text, distortions=found, themes=[Theme.pain] if "hurt" in text else [])


def no_preload(monkeypatch) -> None:
    """Skip loading spaCy in the background: tests share two cores and use the fake pipeline."""
    from thoughtwork.tui.app import ThoughtworkApp

    monkeypatch.setattr(ThoughtworkApp, "load_pipeline", lambda self: None)
    monkeypatch.setattr(ThoughtworkApp, "analyse", lambda self, text: fake_analysis(text))


async def wait_for(pilot, predicate, tries: int = 100) -> None:
    """Let the app run until `predicate()` holds (journal opening happens in a thread)."""
    for _ in range(tries):
        await pilot.pause(0.02)
        if predicate():
            return
    raise AssertionError("the app did not reach the expected state")


async def wait_for_screen(pilot, name: str) -> None:
    """Wait until the named screen is on top and has finished mounting."""
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == name and pilot.app.screen.is_mounted)
    await pilot.pause()


async def start_record(pilot) -> None:
    """From the app's start to a new, empty record."""
    await wait_for_screen(pilot, "HomeScreen")
    await pilot.press("n")
    await wait_for_screen(pilot, "RecordScreen")


def press_without_pauses(pilot, *keys: str) -> None:
    """Queue key presses the way a fast typist or `tmux send-keys` does: no waiting between them.

    `pilot.press` lets the app settle after every key, which hides races between keys.
    """
    from textual import events

    app = pilot.app
    for key in keys:
        character = {"space": " ", "enter": "\r", "tab": "\t"}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


def drive(path: Path, scenario) -> None:
    """Run `await scenario(app, pilot)` in the app on the journal at `path`, unlocked, at SIZE."""
    from thoughtwork.tui.app import ThoughtworkApp

    async def run() -> None:
        app = ThoughtworkApp(path, passphrase=PASSPHRASE)
        async with app.run_test(size=SIZE) as pilot:
            await scenario(app, pilot)

    asyncio.run(run())
