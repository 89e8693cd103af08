"""The one crash handler both apps share: a fixed sentence, never the error's text or locals."""

from __future__ import annotations

from thoughtwork.tui.app import ThoughtworkApp
from thoughtwork.tui.crash import GentleCrash
from thoughtwork.tui.review_app import ReviewApp

SECRET = "my very private thought"


class Saving(GentleCrash):
    CRASH_MESSAGE = "Stopped kindly."

    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.saved = 0
        self.fail = fail

    def before_crash(self) -> None:
        self.saved += 1
        if self.fail:
            raise OSError(SECRET)


def shown(app: GentleCrash) -> str:
    return " ".join(str(r) for r in app._exit_renderables)


def test_both_apps_use_the_shared_handler():
    assert issubclass(ThoughtworkApp, GentleCrash) and issubclass(ReviewApp, GentleCrash)
    assert "_handle_exception" not in vars(ThoughtworkApp) and "_handle_exception" not in vars(ReviewApp)


def test_a_crash_saves_first_and_shows_only_the_message_and_the_error_type(monkeypatch):
    monkeypatch.delenv("THOUGHTWORK_DEBUG", raising=False)
    app = Saving()
    app._handle_exception(RuntimeError(SECRET))
    assert app.saved == 1
    assert shown(app) == "Stopped kindly.\n(RuntimeError)"
    assert app.return_code == 1


def test_a_failing_save_does_not_hide_the_message_or_leak_its_text(monkeypatch):
    monkeypatch.delenv("THOUGHTWORK_DEBUG", raising=False)
    app = Saving(fail=True)
    app._handle_exception(ValueError(SECRET))
    assert SECRET not in shown(app)
    assert "Stopped kindly." in shown(app) and "(ValueError)" in shown(app)
    assert isinstance(app._exception, ValueError)


def test_a_panic_saves_first(monkeypatch):
    """Textual panics when the terminal goes away under it; what is typed is saved before it goes."""
    app = Saving()
    app.panic("the terminal went away")
    assert app.saved == 1
