"""`thoughtwork init`, `journal import|export|verify|passwd` and `schema`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from thoughtwork.cli.errors import UserError
from thoughtwork.cli.unlock import PASSPHRASE_ENV, ask, ask_new, journal_file, open_journal
from thoughtwork.journal import Journal, JournalError
from thoughtwork.cli.output import add_force, check_writable, write_file
from thoughtwork.journal import records_io
from thoughtwork.text import clean
from thoughtwork.models import Assignment, Ladder, PracticeEntry, Prompt, Reframe, Settings, ThoughtRecord


def register(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="create a new journal")
    init.add_argument(
        "--no-encryption",
        action="store_true",
        help="store the journal unencrypted (only if your disk is already encrypted)",
    )
    init.set_defaults(func=cmd_init)

    journal = sub.add_parser("journal", help="import, export, check or re-key your journal")
    jsub = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    imp = jsub.add_parser("import", help="add thought records and practices from a JSONL file (one a line)")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--no-analyse",
        action="store_true",
        help="do not look for thinking traps in records that arrive without any",
    )
    imp.set_defaults(func=cmd_import)
    exp = jsub.add_parser("export", help="write all your thought records and practices as JSONL (to keep or move elsewhere)")
    exp.add_argument("--out", type=Path, help="file to write (default: standard output)")
    add_force(exp)
    exp.set_defaults(func=cmd_export)
    jsub.add_parser("verify", help="check that the journal and its backups are whole").set_defaults(func=cmd_verify)
    jsub.add_parser("passwd", help="change the journal's passphrase").set_defaults(func=cmd_passwd)
    restore = jsub.add_parser(
        "restore",
        help="bring the journal back from a backup beside it (the current file is kept, not deleted)",
    )
    restore.add_argument(
        "--backup", type=int, choices=(1, 2, 3), metavar="N",
        help="which backup: 1 is the newest (default: the newest that opens)",
    )
    restore.set_defaults(func=cmd_restore)

    schema = sub.add_parser("schema", help="print the JSON Schema of a thoughtwork data type")
    schema.add_argument("kind", nargs="?", default="record", choices=sorted(SCHEMAS))
    schema.set_defaults(func=cmd_schema)


SCHEMAS = {
    "record": ThoughtRecord,
    "assignment": Assignment,
    "prompt": Prompt,
    "reframe": Reframe,
    "settings": Settings,
    "ladder": Ladder,
    "practice": PracticeEntry,
}


def cmd_init(args: argparse.Namespace) -> int:
    path = journal_file(args)
    if path.exists():
        raise UserError(f"A journal already exists at {path}; it was left as it is.")
    passphrase = None if args.no_encryption else ask_new()
    try:
        Journal.create(path, passphrase, encrypted=not args.no_encryption).close()
    except JournalError as error:
        raise UserError(str(error)) from None
    kind = "unencrypted" if args.no_encryption else "encrypted"
    print(f"Created your {kind} journal at {path}.")
    if not args.no_encryption:
        print("Keep your passphrase somewhere safe: without it the journal cannot be opened by anyone, you included.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        found = records_io.parse_jsonl_file(args.file)
    except records_io.ImportProblem as problem:
        _list_bad_lines(problem.lines)
        raise UserError(str(problem)) from None
    records = found.records if args.no_analyse else _with_traps(found.records)
    with open_journal(args) as journal:
        new = [r for r in records if r.id not in journal.ids()]
        known = journal.practice_ids()
        new_practices = [p for p in found.practices if p.id not in known]
        try:
            # Practices first: a record may name one. Both skip what is already there, so an
            # import stopped between the two saves is finished by running it again.
            journal.add_practices(new_practices)
            journal.add_many(new)
        except JournalError as error:
            raise UserError(str(error)) from None
    said = [_imported(len(new), len(records), "record")]
    if found.practices:
        said.append(_imported(len(new_practices), len(found.practices), "practice"))
    print(" ".join(said))
    return 0


def _imported(new: int, total: int, noun: str) -> str:
    """'Imported 3 records. 1 already in your journal was left as it was.'"""
    skipped = total - new
    note = (f" {skipped} already in your journal {'was' if skipped == 1 else 'were'} left as {'it was' if skipped == 1 else 'they are'}." if skipped else "")
    return f"Imported {new} {noun}{'s' if new != 1 else ''}.{note}"


MAX_LISTED = 20
"""Bad lines listed one by one; beyond this, a count (a wrong file would list thousands)."""


def _list_bad_lines(lines: list[str]) -> None:
    for line in lines[:MAX_LISTED]:
        print(f"  {clean(line, single_line=True)}", file=sys.stderr)
    if len(lines) > MAX_LISTED:
        print(f"  ... and {len(lines) - MAX_LISTED} more", file=sys.stderr)


def _with_traps(records: list[ThoughtRecord]) -> list[ThoughtRecord]:
    """Records that arrive with no traps and no themes get them suggested, as the app would."""
    todo = [i for i, r in enumerate(records) if not r.distortions and not r.themes and r.automatic_thought.strip()]
    if not todo:
        return records
    from thoughtwork.nlp import analyse_many

    analyses = analyse_many([records[i].automatic_thought for i in todo])
    records = list(records)
    for i, analysis in zip(todo, analyses):
        records[i] = records[i].model_copy(update={"distortions": analysis.distortions, "themes": analysis.themes})
    return records


def cmd_export(args: argparse.Namespace) -> int:
    if args.out is not None:
        check_writable(args.out, args.force)
    with open_journal(args) as journal:
        records, practices = journal.records_oldest_first(), journal.practices()
    data = records_io.to_jsonl(records, practices)
    if args.out is None:
        sys.stdout.write(data)
        return 0
    write_file(args.out, data.encode("utf-8"))
    count, done = len(records), len(practices)
    print(f"Wrote {count} record{'s' if count != 1 else ''} and {done} practice{'s' if done != 1 else ''} to {args.out} "
          "(readable only by you). It is not encrypted: keep it somewhere private.", file=sys.stderr)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        problems = journal.verify()
        counts = journal.counts()
        backups = journal.backup_status()
    for problem in problems:
        print(problem)
    state = "encrypted" if counts["encrypted"] else "not encrypted"
    print(f"{counts['records']} records, {counts['assignments']} assignments, {counts['practices']} practices, "
          f"{state}, schema {counts['schema_version']}.")
    for name, status in backups:
        print(f"{name}: {status}")
    if problems:
        raise UserError(f"{len(problems)} stored item(s) are not valid; see above.")
    damaged = [name for name, status in backups if status != "readable"]
    if damaged:
        raise UserError(
            f"Your journal is whole, but {', '.join(damaged)} could not be opened (see above). "
            "Each new session replaces the oldest backup with a good one."
        )
    print("Your journal is whole.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        if not journal.encrypted:
            raise UserError("This journal is not encrypted, so it has no passphrase to change.")
        new = ask_new("New passphrase: ", env="THOUGHTWORK_NEW_PASSPHRASE")
        try:
            journal.change_passphrase(new)
        except JournalError as error:
            raise UserError(str(error)) from None
    print("Your passphrase was changed (backups too).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from thoughtwork.journal.restore import existing_backups, restore

    path = journal_file(args)
    backups = existing_backups(path)
    if not backups:
        raise UserError(f"There are no backups beside {path} to restore from.")
    try:
        passphrase = None
        if any(_encrypted(backup) for backup in backups):
            passphrase = os.environ.get(PASSPHRASE_ENV) or ask("Passphrase: ")
        restored = restore(path, passphrase, args.backup)
    except JournalError as error:
        raise UserError(str(error)) from None
    count = f"{restored.records} record{'s' if restored.records != 1 else ''}"
    print(f"Your journal was brought back from {restored.source.name} ({count}).")
    if restored.kept is not None:
        print(f"The file it replaced is kept as {restored.kept.name}; delete it once you are happy.")
    return 0


def _encrypted(path: Path) -> bool:
    try:
        return Journal.needs_passphrase(path)
    except JournalError:
        return False  # a damaged backup; restore names it when it tries it


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(SCHEMAS[args.kind].model_json_schema(), indent=2))
    return 0
