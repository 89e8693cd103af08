"""Schema migrations: each step turns the tables of version N into version N + 1.

A journal is migrated in memory when opened and written back in the new version on the next
save (after a backup of the old file). A journal newer than this program is refused.
"""

from __future__ import annotations

from collections.abc import Callable

from thoughtwork.journal.errors import JournalCorrupt, JournalTooNew
from thoughtwork.journal.fileformat import Tables
from thoughtwork.models import SCHEMA_VERSION

Migration = Callable[[Tables], Tables]

def _per_study_pseudonyms(tables: Tables) -> Tables:
    """2 adds `settings.study_pseudonyms`. Nothing moves: the old single pseudonym stays where it
    is and the next study exported to adopts it. The version still changes, so that an older
    thoughtwork refuses this journal instead of stumbling over a field it does not know."""
    return tables


def _practice_ladder(tables: Tables) -> Tables:
    """3 adds the practice ladder (`ladder`: the person's steps and chosen rewards) and the
    practice log (`practices`), both empty, and `practice_id` on records (absent means none).
    Records, homework and settings are kept exactly as they were."""
    return {**tables, "ladder": dict(tables.get("ladder", {})), "practices": dict(tables.get("practices", {}))}


def _ratings_again(tables: Tables) -> Tables:
    """4 adds each feeling's `intensity_after` and the record's `body_tension_after` (rated again
    at the end). Nothing moves; the version changes so an older thoughtwork refuses the journal."""
    return tables


MIGRATIONS: dict[int, Migration] = {1: _per_study_pseudonyms, 2: _practice_ladder, 3: _ratings_again}
"""MIGRATIONS[n] migrates schema n to n + 1. Version 1 is the first released schema."""


def migrate(tables: Tables, version: int, target: int | None = None) -> tuple[Tables, bool]:
    """Bring tables up to `target` (default: this version's schema); returns them and whether anything changed."""
    target = SCHEMA_VERSION if target is None else target
    if version > target:
        raise JournalTooNew(
            f"This journal uses schema version {version}, newer than this thoughtwork understands ({target}). "
            "Please update thoughtwork; the journal was left untouched."
        )
    changed = False
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise JournalCorrupt(f"This thoughtwork cannot upgrade a journal from schema version {version}.")
        tables = step(tables)
        version += 1
        changed = True
    return tables, changed
