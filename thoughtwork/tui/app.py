"""The patient's app: wiring of screens, bindings, palette commands and the background pipeline load.

Each screen owns its behaviour; this module only opens the journal, starts spaCy in a
worker, moves between screens, and makes sure a crash never shows journal text.
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import signal
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.actions import SkipAction
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TextArea

from thoughtwork import locations
from thoughtwork.tui.crash import GentleCrash
from thoughtwork.tui.theme import apply_theme, register_themes

if TYPE_CHECKING:
    from thoughtwork.journal import Journal
    # The models (pydantic) cost a good part of start-up on a slow CPU; the first screen
    # does not need them, so they are imported where records are first made.
    from thoughtwork.models import Analysis, Prompt, ThoughtRecord

PASSPHRASE_ENV = "THOUGHTWORK_PASSPHRASE"

CLOSING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""Sent when the terminal window is closed (SIGHUP) or the system asks the app to stop (SIGTERM):
what is typed is saved before the app goes."""

EXIT_GRACE_SECONDS = 3.0
"""How long a hang-up or crash waits for Textual's orderly exit before the process ends anyway."""

CRASH_MESSAGE = (
    "thoughtwork met an unexpected problem and closed.\n"
    "Everything up to your last step was saved in your journal.\n"
    "Nothing you wrote is shown here. Opening thoughtwork again will continue your draft."
)


def quit_question(unkept: str) -> str:
    """Asked before quitting when a box holds more than a record can keep."""
    return (
        f"Some of what you wrote is too long to keep: {unkept}. Everything else is saved.\n\n"
        "Stay to cut it down, or quit now? Quitting keeps that box as it was last saved, "
        "so the newest words in it would be lost."
    )


def run_app(args: argparse.Namespace) -> int:
    """Open the app for the journal named on the command line (or the default one)."""
    path = locations.journal_path(getattr(args, "journal", None))
    app = ThoughtworkApp(path, passphrase=os.environ.get(PASSPHRASE_ENV) or None)
    app.process_is_ours = True
    app.run()
    return app.return_code or 0


def _journal_went_missing(path: Path) -> bool:
    """No journal file, but backups of one beside it."""
    # Imported only here: the journal package costs about half a second, and a journal that
    # exists (the usual case) is unlocked by a screen that imports it after the first frame.
    # On a first run nothing named like the journal is beside it (its backups are
    # "<name>.bak1".."), so the welcome screen does not wait for that import either.
    if not path.parent.is_dir() or not any(path.parent.glob(glob.escape(path.name) + ".*")):
        return False
    from thoughtwork.journal.restore import existing_backups

    return bool(existing_backups(path))


class ThoughtworkApp(GentleCrash, App[None]):
    """A gentle CBT thought record: welcome or unlock, then home and the screens it opens."""

    TITLE = "thoughtwork"
    CSS_PATH = "app.tcss"
    process_is_ours = False
    """True when this app is the whole program (the `thoughtwork` command), so that it may end
    the process itself if an exit hangs (see `_leave_within_seconds`)."""
    ENABLE_COMMAND_PALETTE = True
    CRASH_MESSAGE = CRASH_MESSAGE

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help", show=False),
        # Priority, so focus moves the moment Tab arrives. Textual hands a plain Tab to the
        # focused widget's queue, and keys typed right after it were already queued for the
        # same widget: "70 Tab 80" typed quickly gave the first rating 80 and left the next empty.
        Binding("tab", "move_focus(1)", show=False, priority=True),
        Binding("shift+tab", "move_focus(-1)", show=False, priority=True),
    ]

    def __init__(self, journal_path: str | os.PathLike[str], passphrase: str | None = None) -> None:
        super().__init__()
        self.journal_path = Path(journal_path)
        self.journal: Journal | None = None
        self.nlp_ready = False
        self._passphrase = passphrase
        self._nlp_lock = threading.Lock()
        self._nlp_missing = False
        self._nlp_started = False
        self._reframes: list | None = None
        self._asking_to_quit = False
        self._leaving = False
        self._signals_before: dict[int, object] = {}

    # --- start-up -----------------------------------------------------------------

    def on_mount(self) -> None:
        self._catch_closing_signals()
        register_themes(self)
        apply_theme(self, "calm")
        preload = not (self.journal_path.exists() and self._passphrase)
        # Each imported only when it is the one shown, so the first frame is not held up by the
        # others (the welcome screen brings the journal package, about a quarter of a second).
        if self.journal_path.exists():
            from thoughtwork.tui.screens.unlock import UnlockScreen

            self.push_screen(UnlockScreen(self.journal_path, passphrase=self._passphrase))
        elif _journal_went_missing(self.journal_path):
            # The journal went missing: a new one here would soon rotate its backups away.
            from thoughtwork.tui.screens.restore import RestoreScreen

            self.push_screen(RestoreScreen(self.journal_path, passphrase=self._passphrase))
        else:
            from thoughtwork.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.journal_path))
        self._passphrase = None  # only the journal keeps the key from here on
        if preload:
            # The person will spend a few seconds typing: load spaCy meanwhile, once the first
            # screen is drawn (its imports hold Python's lock, and started at once they kept the
            # terminal blank for a second). With the passphrase given, unlocking comes first:
            # both at once slow each other on two cores.
            self.call_after_refresh(self.start_pipeline)

    def start_pipeline(self) -> None:
        """Begin loading spaCy in the background, once."""
        if not self._nlp_started:
            self._nlp_started = True
            self.load_pipeline()

    @work(thread=True, group="nlp", exit_on_error=False)
    def load_pipeline(self) -> None:
        """Load spaCy while the person reads the first screen (about 1.5 s), then compile the
        rules, so the first thought is analysed as fast as any."""
        if self._ensure_pipeline():
            from thoughtwork.nlp.pipeline import compile_rules

            compile_rules()
        # The word lists that say who a thought is about (names among them: about 0.4 s), read
        # here rather than when the evidence step first asks.
        from thoughtwork.content.aboutness import about

        about("warm up")
        # The self-harm reader's weights (numpy, about 0.1 s), so the first check on Next does
        # not pause the screen.
        from thoughtwork.safety.model import shipped_model

        shipped_model()

    def _ensure_pipeline(self) -> bool:
        with self._nlp_lock:
            if self.nlp_ready or self._nlp_missing:
                return self.nlp_ready
            try:
                from thoughtwork.nlp import load_pipeline
            except ImportError:
                self._nlp_missing = True
                return False
            load_pipeline()
            self.nlp_ready = True
            return True

    def analyse(self, text: str) -> Analysis:
        """What the pipeline finds in `text`; waits for the pipeline if it is still loading."""
        if not self._ensure_pipeline():
            from thoughtwork.models import Analysis

            return Analysis(text=text)
        from thoughtwork.nlp import analyse

        return analyse(text)

    @property
    def can_analyse(self) -> bool:
        """False only when this installation has no language pipeline at all."""
        return not self._nlp_missing

    def journal_opened(self, journal: Journal) -> None:
        """Called by the welcome and unlock screens once the journal is open."""
        self.journal = journal
        self.start_pipeline()
        settings = journal.settings()
        apply_theme(self, settings.theme)
        from thoughtwork.tui.screens.home import HomeScreen

        if settings.welcomed:
            self.switch_screen(HomeScreen())
        else:
            from thoughtwork.tui.screens.welcome import WelcomeScreen

            self.switch_screen(WelcomeScreen(self.journal_path, intro_only=True))

    def reframes(self) -> list:
        """The reframe library, loaded once; empty if it cannot be read."""
        if self._reframes is None:
            try:
                from thoughtwork.content.reframes import load_reframes

                self._reframes = list(load_reframes())
            except Exception:  # noqa: BLE001 - a broken library must not stop a record; they can write their own
                self._reframes = []
        return self._reframes

    # --- the thought record -------------------------------------------------------

    def start_record(
        self,
        record_id: str | None = None,
        *,
        prompt: Prompt | None = None,
        assignment_id: str | None = None,
    ) -> None:
        """Open the record flow: a new record, or the draft or record with `record_id`."""
        if self.journal is None:
            return
        from thoughtwork.tui.screens.record.flow import RecordScreen

        self.save_drafts()
        open_already = [s for s in self.screen_stack if isinstance(s, RecordScreen) and s.record.id == record_id]
        if open_already:
            # Two screens editing one record would overwrite each other: go back to the open one.
            while self.screen is not open_already[0]:
                self.pop_screen()
            return
        if record_id is None:
            from thoughtwork.models import ThoughtRecord

            record = ThoughtRecord(assignment_id=assignment_id, prompt_id=prompt.id if prompt else None)
        else:
            found = self.journal.get(record_id)
            if found is None:
                self.notify("That record is no longer in your journal.", severity="warning")
                return
            record = found
            prompt = prompt or self._prompt_for(record)
        self.push_screen(RecordScreen(record, prompt=prompt, resume=record_id is not None))

    def _prompt_for(self, record: ThoughtRecord) -> Prompt | None:
        """The homework prompt a record was started from, if its assignment is still here."""
        if self.journal is None or not (record.assignment_id and record.prompt_id):
            return None
        assignment = self.journal.get_assignment(record.assignment_id)
        if assignment is None:
            return None
        return next((p for p in assignment.prompts if p.id == record.prompt_id), None)

    def latest_draft(self, records: list[ThoughtRecord] | None = None) -> ThoughtRecord | None:
        """The most recently touched draft, to continue from home."""
        if self.journal is None:
            return None
        drafts = [r for r in (self.journal.records() if records is None else records) if not r.is_complete]
        return max(drafts, key=lambda r: r.updated_at or r.created_at, default=None)

    # --- actions (each also in the command palette) -------------------------------

    def action_new_record(self) -> None:
        self.start_record()

    def action_continue_draft(self) -> None:
        draft = self.latest_draft()
        if draft is None:
            self.notify("There is no draft to continue. You can start a new record any time.")
        else:
            self.start_record(draft.id)

    def action_homework(self) -> None:
        if self.journal is not None:
            from thoughtwork.tui.screens.homework_due import HomeworkDueScreen

            self.push_screen(HomeworkDueScreen())

    def action_open_journal(self) -> None:
        self._open("thoughtwork.tui.screens.journal_list", "JournalScreen")

    def action_open_progress(self) -> None:
        self._open("thoughtwork.tui.screens.progress", "ProgressScreen")

    def action_open_ladder(self) -> None:
        self._open("thoughtwork.tui.screens.practice_ladder", "LadderScreen")

    def action_exercises(self) -> None:
        self._open("thoughtwork.tui.screens.practice_exercises", "ExercisesScreen", needs_journal=False)

    def action_breathe(self) -> None:
        self._open("thoughtwork.tui.screens.breathe", "BreatheScreen", needs_journal=False)

    def action_help(self) -> None:
        self._open("thoughtwork.tui.screens.help", "HelpScreen", needs_journal=False)

    def action_settings(self) -> None:
        self._open("thoughtwork.tui.screens.settings", "SettingsScreen")

    def action_crisis(self) -> None:
        self._open("thoughtwork.tui.screens.crisis", "CrisisScreen", needs_journal=False)

    def _open(self, module: str, name: str, *, needs_journal: bool = True) -> None:
        """Push one of the browsing screens, imported only when first wanted."""
        if needs_journal and self.journal is None:
            self.notify("Unlock your journal first.")
            return
        import importlib

        try:
            screen_class = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            self.notify("That part of thoughtwork is not installed.", severity="warning")
            return
        if isinstance(self.screen, screen_class):
            return
        self.push_screen(screen_class())

    async def action_move_focus(self, direction: int) -> None:
        """Focus the next (1) or previous (-1) widget now, before any key typed after Tab is routed.

        A screen may first bring in what the keys before the Tab asked for (`settle_focus_move`:
        the rating row of a feeling just ticked), so the focus follows what is on screen; the
        keys after the Tab wait for it in the app's queue."""
        focused = self.focused
        if isinstance(focused, TextArea) and focused.tab_behavior == "indent":
            raise SkipAction()  # that text area types the Tab itself
        keep = getattr(self.screen, "keep_focus_move", None)
        if keep is not None and keep(direction):
            return  # typed before the screen's first field was there: it moves the focus after
        settle = getattr(self.screen, "settle_focus_move", None)
        if settle is not None and await settle(direction):
            return  # the screen moved the focus itself
        if direction > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own commands are left out, not added to: "Screenshot" would write an
        # unencrypted picture of a record to ~/Downloads, "Theme" would switch to themes settings
        # does not know, and "Keys" and "Maximize" open developer panels the footer already covers.
        for title, help_text, callback in self._commands():
            yield SystemCommand(title, help_text, callback)
        yield SystemCommand("Quit", "Save what you wrote and close thoughtwork", self.action_quit)

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        always = [
            ("Breathe", "A paced belly-breathing exercise", self.action_breathe),
            ("Guided exercises", "Progressive muscle relaxation and a pelvic-floor drop", self.action_exercises),
            ("Help and support", "About vaginismus, this app, and where to find care", self.action_help),
            ("Crisis support", "Phone lines and services if you are not safe right now", self.action_crisis),
        ]
        if self.journal is None:
            return always
        return [
            ("New thought record", "Start a record of a difficult moment", self.action_new_record),
            ("Continue draft", "Pick up the record you were writing", self.action_continue_draft),
            ("Homework", "Practice your therapist suggested", self.action_homework),
            ("Practice ladder", "Your steps, log a practice, what you expected and what happened", self.action_open_ladder),
            ("Journal", "All your records: search, open, edit", self.action_open_journal),
            ("Progress", "How belief and anxiety changed over time", self.action_open_progress),
            ("Settings", "Crisis region, names to hide, breathing pace, theme", self.action_settings),
            ("Home", "Back to the home screen", self.action_go_home),
            *always,
        ]

    def action_go_home(self) -> None:
        from thoughtwork.tui.screens.home import HomeScreen

        self.save_drafts()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    # --- saving and closing -------------------------------------------------------

    def save_drafts(self) -> list[str]:
        """Ask every open record screen to save what is typed (before quitting, or a crash).

        Returns what could not be kept, in plain words (a box longer than a record holds).
        """
        unkept = []
        for screen in self.screen_stack:
            save = getattr(screen, "save_draft", None)
            if callable(save) and save() is False:
                unkept.append(getattr(screen, "cannot_keep", None) or "something on this step could not be kept")
        return unkept

    async def action_quit(self) -> None:
        if self._asking_to_quit:
            return  # the question is on screen; a second ctrl+q must not answer it
        try:
            unkept = self.save_drafts()
        except Exception:
            self.exit()
            raise
        if not unkept:
            self.exit()
            return
        from thoughtwork.tui.widgets.confirm import ConfirmModal

        self._asking_to_quit = True
        self.push_screen(
            ConfirmModal(quit_question(unkept[0]), yes="Quit without it", no="Stay and shorten it"),
            self._quit_answered,
        )

    def _quit_answered(self, quit_anyway: bool | None) -> None:
        self._asking_to_quit = False
        if quit_anyway:
            self.exit()

    def _catch_closing_signals(self) -> None:
        # A plain signal handler, not the event loop's: with the window gone, the loop itself can
        # be stuck in a write to the terminal (its writer's queue full), and a handler the loop
        # runs would never run. Python runs this one even then, between the stuck wait's retries.
        loop = asyncio.get_running_loop()

        def closing(number: int, frame: object) -> None:
            self._leave_within_seconds()
            loop.call_soon_threadsafe(self._closed_from_outside)

        for number in CLOSING_SIGNALS:
            try:
                self._signals_before[number] = signal.signal(number, closing)
            except (ValueError, OSError):
                return  # not the main thread, or a platform without these signals

    def _release_closing_signals(self) -> None:
        for number, before in self._signals_before.items():
            try:
                signal.signal(number, before)
            except (ValueError, OSError, TypeError):
                return
        self._signals_before = {}

    def _closed_from_outside(self) -> None:
        """The terminal closed or the app was told to stop: keep every word, then leave without asking."""
        try:
            self.save_drafts()
        except Exception:  # noqa: BLE001 - nobody is left to tell, and its text must not reach a log
            pass
        self.exit()

    def _leave_within_seconds(self) -> None:
        """End the process EXIT_GRACE_SECONDS from now if the orderly exit has not ended it by then.

        With the window gone, Textual's shutdown can wait for ever on writes to a terminal that no
        longer reads them (seen: closing the window just after unlocking left 1 process in 3
        asleep, holding the journal's lock, so the person could not open the journal again).
        A closing signal arms it before the event loop saves what was typed (the loop may be the
        thing that is stuck; then the save a second after the last key has kept the rest); the
        journal is closed (its lock freed) before the process ends. Armed only in the real command (`run_app`), never in a test
        process, which it would end."""
        if not self.process_is_ours or self._leaving:
            return
        self._leaving = True

        def leave() -> None:
            try:
                self._close_journal()
            finally:
                os._exit(self.return_code or 0)

        watchdog = threading.Timer(EXIT_GRACE_SECONDS, leave)
        watchdog.daemon = True  # an orderly exit is not held up by it
        watchdog.start()

    def on_unmount(self) -> None:
        self._release_closing_signals()
        self._close_journal()

    def _close_journal(self) -> None:
        journal, self.journal = self.journal, None
        if journal is not None:
            journal.close()

    def before_crash(self) -> None:
        # Everything typed so far is worth more than a clean exit.
        try:
            self.save_drafts()
        finally:
            self._leave_within_seconds()  # a crash as the terminal goes can hang the same way
