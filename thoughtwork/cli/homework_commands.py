"""`homework assign|import|list`, `report`, `keygen` and `review`: the therapist's face.

Homework and reports travel as files between two machines; the journal itself never
leaves the patient's.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from thoughtwork import locations
from thoughtwork.cli.errors import UserError
from thoughtwork.cli.unlock import journal_file, open_journal
from thoughtwork.homework import assign as assigning
from thoughtwork.homework.bundle import MAX_BUNDLE_BYTES, BundleError, dump_bundle, load_bundle
from thoughtwork.homework.schedule import Completion, completion
from thoughtwork.cli.output import add_force, check_writable, write_file
from thoughtwork.models import Assignment, CadenceKind
from thoughtwork.text import shorten


def register(sub: argparse._SubParsersAction) -> None:
    homework = sub.add_parser("homework", help="assign homework (therapist) or import and follow it (patient)")
    hsub = homework.add_subparsers(dest="homework_command", metavar="ACTION", required=True)

    give = hsub.add_parser(
        "assign",
        help="write a homework bundle file to send to a patient",
        description="Write a homework bundle: the prompts themselves, cadence, dates and your note. The bundle "
        "carries a sha256 checksum that catches accidental damage on the way; it is not a signature and does "
        "not prove who made the file.",
    )
    give.add_argument("prompt_ids", nargs="*", metavar="PROMPT_ID", help="prompts to assign (see `thoughtwork prompts list`)")
    give.add_argument("--step", dest="steps", action="append", default=[], metavar="STEP",
                      help="a practice-ladder step to suggest: a suggested step's id (see practice/ladder.toml, "
                      "e.g. dilator.1) or the name of a new step; may be given more than once")
    give.add_argument("--to", required=True, type=Path, metavar="FILE", help="the bundle file to write")
    give.add_argument("--cadence", default="daily", help="daily, once, or Nx-week such as 3x-week (default: daily)")
    give.add_argument("--start", help="first day, YYYY-MM-DD (default: today)")
    give.add_argument("--end", help="last day, YYYY-MM-DD (default: four weeks after the start)")
    give.add_argument("--note", default="", help="a note for your patient")
    give.add_argument("--from", dest="therapist", default="", metavar="NAME", help="your name as the patient will see it")
    give.add_argument("--prompts", action="append", default=[], type=Path, metavar="DIR",
                      help="a folder or file of your own prompts (may be given more than once)")
    add_force(give)
    give.set_defaults(func=cmd_assign)

    take = hsub.add_parser("import", help="add a homework bundle from your therapist to your journal")
    take.add_argument("file", type=Path)
    take.set_defaults(func=cmd_import)

    hsub.add_parser("list", help="show your homework and how it is going").set_defaults(func=cmd_list)

    report = sub.add_parser("report", help="write a summary of your records for your therapist")
    report.add_argument("--out", required=True, type=Path, metavar="FILE", help="the report file to write")
    report.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD (default: your first record)")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD (default: today)")
    report.add_argument("--homework-only", action="store_true", help="include only records written for homework")
    report.add_argument("--format", choices=["html", "md"], help="html or md (default: from the file name, else html)")
    report.add_argument("--encrypt-to", metavar="RECIPIENT",
                        help="your therapist's age public key (age1...) or a file holding it, to send it safely by email")
    add_force(report)
    report.set_defaults(func=cmd_report)

    keygen = sub.add_parser("keygen", help="make a key pair so patients can send you encrypted reports (therapist)")
    keygen.add_argument("--out", type=Path, metavar="FILE",
                        help="where to keep your secret key, made private (0600); default: your user config folder")
    keygen.set_defaults(func=cmd_keygen)

    review = sub.add_parser("review", help="read a report a patient sent you (therapist)")
    review.add_argument("file", type=Path)
    review.add_argument("--identity", type=Path, metavar="KEYFILE",
                        help="your secret key file, for an encrypted report (default: the one keygen made)")
    review.add_argument("--browser", action="store_true",
                        help="open the HTML report, charts and all, in your browser to read or print; it is decrypted "
                        "in memory and served once to your browser from this computer, never saved as a plain file")
    review.set_defaults(func=cmd_review)


# --- homework ------------------------------------------------------------------------


def cmd_assign(args: argparse.Namespace) -> int:
    from thoughtwork.content.problems import ContentError
    from thoughtwork.content.prompts import load_prompts
    from thoughtwork.locations import prompts_directory

    if not args.prompt_ids and not args.steps:
        raise UserError("Name at least one prompt, or a ladder step with --step.")
    check_writable(args.to, args.force)
    try:
        library = load_prompts([prompts_directory(), *args.prompts])
        steps = _ladder_steps(args.steps)
    except ContentError as error:
        raise UserError(f"A prompt or ladder file has a problem: {error}") from None
    try:
        chosen = assigning.pick_prompts(args.prompt_ids, library)
        assignment = assigning.build_assignment(
            chosen, args.cadence, args.start, args.end, note=args.note, therapist=args.therapist, ladder_steps=steps
        )
    except assigning.AssignError as error:
        raise UserError(str(error)) from None
    write_file(args.to, dump_bundle(assignment))
    print(f"Wrote homework to {args.to}: {describe(assignment)}.")
    print(f"Send the file to your patient; they add it with: thoughtwork homework import {args.to.name}")
    return 0


def _ladder_steps(refs: list[str]) -> list:
    """The `--step` choices as ladder steps (ids of the suggested ladder, or new names)."""
    if not refs:
        return []
    from pydantic import ValidationError

    from thoughtwork.models import friendly_error
    from thoughtwork.practice.content import load_default_steps
    from thoughtwork.practice.homework import suggested_steps

    try:
        return suggested_steps(refs, [s.as_step() for s in load_default_steps()])
    except ValidationError as error:
        raise UserError(f"That ladder step cannot be suggested: {friendly_error(error)}.") from None


def cmd_import(args: argparse.Namespace) -> int:
    assignment = read_bundle(args.file)
    print(f"This homework{_from(assignment)}: {describe(assignment)}.")
    for prompt in assignment.prompts:
        print(f"  - {shorten(prompt.title, 70)}")
    for step in assignment.ladder_steps:
        print(f"  - practice step: {shorten(step.title, 60)}")
    if assignment.note:
        print(f"  Note: {shorten(assignment.note, 200)}")
    with open_journal(args) as journal:
        existing = journal.get_assignment(assignment.id)
        if existing == assignment:
            print("It is already in your journal, so nothing was changed.")
            return 0
        journal.save_assignment(assignment)
        adopted = _adopt_steps(journal, assignment)
    if adopted:
        print(f"Added {len(adopted)} suggested step{'s' if len(adopted) != 1 else ''} to your practice ladder; "
              "rename, move or remove them as you like (thoughtwork ladder show).")
    if existing is not None:
        print("It replaces the earlier copy of the same homework in your journal.")
    else:
        print("Added to your journal. You will find it under Homework when you open thoughtwork.")
    if assignment.end < date.today():
        print("Its dates have already passed, so nothing is due; it is kept with your records.")
    return 0


def _adopt_steps(journal, assignment: Assignment) -> list:  # noqa: ANN001
    """Suggested ladder steps join the person's ladder (only those it does not have yet)."""
    if not assignment.ladder_steps:
        return []
    from thoughtwork.practice.ladders import adopt_steps

    ladder, added = adopt_steps(journal.ladder(), assignment.ladder_steps)
    if added:
        journal.save_ladder(ladder)
    return added


def cmd_list(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        assignments = journal.assignments()
        records = journal.records()
        practices = journal.practices()
    if not assignments:
        print("No homework yet. When your therapist sends a bundle, add it with: thoughtwork homework import FILE")
        return 0
    today = date.today()
    for assignment in assignments:
        state = "finished" if assignment.end < today else "not started yet" if assignment.start > today else "current"
        print(f"{assignment.start} to {assignment.end} ({state}){_from(assignment)}, {_how_often(assignment)}")
        progress = completion(assignment, records, today)
        # Ladder steps alone have no times planned: the person moves when ready (see _how_often).
        if assignment.prompts and assignment.start <= today:
            print(f"  {progress_sentence(assignment, progress)}")
        for prompt, done in zip(assignment.prompts, progress.per_prompt, strict=True):
            last = f"last done {done.last_done}" if done.last_done else "not done yet"
            print(f"  - {shorten(prompt.title, 60)}: {done.done} record{'s' if done.done != 1 else ''}, {last}")
        if assignment.ladder_steps:
            from thoughtwork.practice.homework import step_progress

            for item in step_progress(assignment, practices):
                count = f"{item.practices} practice{'s' if item.practices != 1 else ''}"
                print(f"  - practice step {shorten(item.step.title, 50)}: {count}, whenever you feel ready")
    return 0


def progress_sentence(assignment: Assignment, progress: Completion) -> str:
    """How an assignment stands, in times done against what it asks for (see homework.schedule)."""
    if progress.finished:
        return f"Done {progress.credited} of {progress.expected_total} times planned (finished)."
    line = f"Done {progress.credited} of {progress.expected} times planned so far ({progress.expected_total} in all)"
    kind = assignment.cadence.kind
    if progress.current is not None and kind is not CadenceKind.once:
        period = "today" if kind is CadenceKind.daily else "this week"
        line += f"; {period} {progress.current[0]} of {progress.current[1]}"
    return line + "."


def describe(assignment: Assignment) -> str:
    count, steps = len(assignment.prompts), len(assignment.ladder_steps)
    parts = [f"{count} prompt{'s' if count != 1 else ''}"] if count or not steps else []
    if steps:
        parts.append(f"{steps} practice step{'s' if steps != 1 else ''}")
    return f"{', '.join(parts)}, {_how_often(assignment)}, {assignment.start} to {assignment.end}"


def _how_often(assignment: Assignment) -> str:
    # Ladder steps have no cadence: the person moves when they feel ready, never on a schedule.
    return assignment.cadence.describe() if assignment.prompts else "whenever you feel ready"


def _from(assignment: Assignment) -> str:
    return f" from {shorten(assignment.therapist, 60)}" if assignment.therapist else ""


def read_bundle(path: Path) -> Assignment:
    data = read_limited(path, MAX_BUNDLE_BYTES, "homework bundle")
    try:
        return load_bundle(data)
    except BundleError as error:
        raise UserError(str(error)) from None


# --- report, keys, review -----------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from thoughtwork import keys
    from thoughtwork.report.as_html import render_html
    from thoughtwork.report.as_markdown import render_markdown
    from thoughtwork.report.data import build_report

    try:
        start = assigning.parse_day(args.start, "--from") if args.start else None
        end = assigning.parse_day(args.end, "--to") if args.end else None
    except assigning.AssignError as error:
        raise UserError(str(error)) from None
    if start and end and end < start:
        raise UserError("The --to date is before the --from date.")
    if start and start > date.today():
        raise UserError(f"The --from date {start} is after today, so the report would be empty; choose an earlier day.")
    if _same_file(args.out, journal_file(args)):
        raise UserError("That is your journal file; choose another name for the report.")
    fmt = report_format(args.out, args.format, encrypted=bool(args.encrypt_to))
    check_writable(args.out, args.force)
    # Check the key before unlocking the journal, so a typo costs no passphrase.
    try:
        recipient = keys.recipient(args.encrypt_to) if args.encrypt_to else None
    except keys.KeyProblem as error:
        raise UserError(str(error)) from None
    with open_journal(args) as journal:
        data = build_report(journal.records(), journal.assignments(), start=start, end=end,
                            homework_only=args.homework_only, ladder=journal.ladder(), practices=journal.practices())
    text = render_markdown(data) if fmt == "md" else render_html(data)
    payload = text.encode("utf-8")
    if recipient is not None:
        payload = keys.encrypt(payload, recipient)
    write_file(args.out, payload)
    what = f"{len(data.records)} record{'s' if len(data.records) != 1 else ''}"
    if data.practice is not None and data.practice.practices:
        count = len(data.practice.practices)
        what += f", {count} practice{'s' if count != 1 else ''}"
    sealed = ", encrypted for your therapist" if recipient is not None else ""
    print(f"Wrote your report ({what}, {data.describe_period()}{sealed}) to {args.out}.")
    if recipient is None:
        print("It holds your own words: send it only by a channel you trust, or use --encrypt-to.")
    return 0


_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def report_format(out: Path, asked: str | None, *, encrypted: bool) -> str:
    """The report's format from its file name, refusing a name that would mislead whoever opens it:
    `r.pdf` (it would be HTML), `r.html` holding age ciphertext, `r.html.age` holding plain HTML."""
    suffixes = [suffix.lower() for suffix in out.suffixes]
    sealed = bool(suffixes) and suffixes[-1] == ".age"
    if encrypted and not sealed:
        raise UserError(f"An encrypted report is not readable as a page; name it {out.name}.age so it is opened with "
                        "`thoughtwork review`.")
    if sealed and not encrypted:
        raise UserError(f"{out.name} ends in .age but the report would not be encrypted; add --encrypt-to, or drop .age.")
    kind = suffixes[-2] if sealed and len(suffixes) > 1 else (suffixes[-1] if suffixes and not sealed else "")
    named = _FORMATS.get(kind)
    if kind and named is None:
        raise UserError(f"thoughtwork writes reports as HTML or Markdown, not {kind}; name the file .html or .md "
                        "(an HTML report prints to PDF from the browser).")
    if asked and named and asked != named:
        raise UserError(f"--format {asked} does not match the file name {out.name}; make them agree.")
    return asked or named or "html"


def cmd_keygen(args: argparse.Namespace) -> int:
    from thoughtwork import keys
    from thoughtwork.journal.files import ensure_private_dir

    if args.out is None:
        args.out = locations.identity_file()
        ensure_private_dir(args.out.parent)
    check_writable(args.out, force=True)  # keys.generate refuses to replace a key, in its own words
    try:
        public = keys.generate(args.out)
    except keys.KeyProblem as error:
        raise UserError(str(error)) from None
    print(f"Wrote your secret key to {args.out} (only you can read it; keep a backup).")
    print("Your public key, to give to the people who send you files (patients' reports, study exports):")
    print(public)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from thoughtwork.report.payload import MAX_REPORT_BYTES, ReportFileError
    from thoughtwork.report.reading import read_report

    data = read_limited(args.file, MAX_REPORT_BYTES, "report")
    try:
        report = read_report(data, args.identity or _default_identity())
    except ReportFileError as error:
        raise UserError(str(error)) from None
    if args.browser:
        return _review_in_browser(report)
    from thoughtwork.tui.review_app import run_review

    return run_review(report, title=args.file.name)


def _review_in_browser(report) -> int:  # noqa: ANN001
    from thoughtwork.report.as_html import render_html
    from thoughtwork.report.browser import TIMEOUT, BrowserProblem, serve_once

    try:
        thread = serve_once(render_html(report))
    except BrowserProblem as problem:
        raise UserError(str(problem)) from None
    print(f"Opening the report in your browser (waiting up to {TIMEOUT:.0f} s for it to ask). "
          "It is not saved anywhere: print it from the browser if you need paper.")
    thread.join()
    return 0


# --- files -------------------------------------------------------------------------


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """A file's bytes, refusing one too big to be what it claims before reading it."""
    try:
        if not path.is_file():
            raise UserError(f"There is no file at {path}.")
        if path.stat().st_size > limit:
            raise UserError(f"{path} is too big to be a {what}.")
        return path.read_bytes()
    except OSError as error:
        raise UserError(f"{path} could not be read ({error.strerror or type(error).__name__}).") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _default_identity() -> Path | None:
    """The key keygen made by default, if there is one."""
    path = locations.identity_file()
    return path if path.exists() else None
