"""Loading a library of content files (reframes or prompts) into validated pydantic models.

Linting collects every problem; loading stops at the first. Both share one pass, so what
`lint` accepts is exactly what the app can load.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from thoughtwork.content.problems import ContentError, Problem
from thoughtwork.content.tomlfiles import Block, content_files, read_blocks
from thoughtwork.models import plain_message

M = TypeVar("M", bound=BaseModel)
Check = Callable[[BaseModel, Block], list[Problem]]
"""An extra rule for one valid entry, beyond what the pydantic model checks."""

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None


def as_path_list(paths: Paths, default: Path) -> list[Path]:
    """One path or many (files or folders); None means the shipped library."""
    if paths is None:
        return [default]
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def lint(paths: list[Path], kind: str, model: type[M], check: Check | None = None,
         builtin: Path | None = None) -> list[Problem]:
    """Every problem in the files: TOML syntax, unknown fields and ids, duplicates, extra rules.

    Files outside the `builtin` library are loaded beside it, so an id that clashes with a
    built-in one is reported too (thoughtwork would refuse the pair at load)."""
    reserved = _builtin_ids(paths, kind, builtin) if builtin is not None else {}
    return _collect(paths, kind, model, check, reserved)[1]


def _builtin_ids(paths: list[Path], kind: str, builtin: Path) -> dict[str, Block]:
    """The first block of each id in the built-in library, unless it is among the files linted."""
    shipped, _ = content_files([builtin])
    linted = {f.resolve() for f in content_files(paths)[0]}
    if not shipped or any(f.resolve() in linted for f in shipped):
        return {}
    found: dict[str, Block] = {}
    for file in shipped:
        for block in read_blocks(file, kind)[0]:
            if isinstance(block.data.get("id"), str):
                found.setdefault(block.data["id"], block)
    return found


def load(paths: list[Path], kind: str, model: type[M], check: Check | None = None) -> list[M]:
    """The entries of the files, validated; raises ContentError for the first problem.

    Cached on the resolved file paths and their modification times, so an edited file is
    read again and an unchanged library costs nothing the second time. The entries are
    shared between callers: treat them as read-only (use `model_copy` to change one).
    """
    files, missing = content_files(paths)
    if missing:
        raise ContentError(missing[0])
    stamp = tuple((str(f.resolve()), _mtime(f)) for f in files)
    return list(_load_cached(tuple(files), stamp, kind, model, check))


@lru_cache(maxsize=32)
def _load_cached(files: tuple[Path, ...], stamp: tuple, kind: str, model: type[M], check: Check | None) -> tuple[M, ...]:
    entries, problems = _collect(list(files), kind, model, check)
    if problems:
        raise ContentError(problems[0])
    return tuple(entries)


def _mtime(file: Path) -> int:
    try:
        return file.stat().st_mtime_ns
    except OSError:
        return -1


def _collect(paths: list[Path], kind: str, model: type[M], check: Check | None,
             reserved: dict[str, Block] | None = None) -> tuple[list[M], list[Problem]]:
    files, problems = content_files(paths)
    entries: list[M] = []
    first_seen: dict[str, Block] = {}
    reserved = reserved or {}
    for file in files:
        blocks, file_problems = read_blocks(file, kind)
        problems.extend(file_problems)
        for block in blocks:
            entry, block_problems = _validate(block, kind, model)
            problems.extend(block_problems)
            ident = block.data.get("id")
            if isinstance(ident, str) and ident in reserved:
                shipped = reserved[ident]
                problems.append(Problem(block.file, block.line_of("id"),
                                        f"the id '{ident}' is already a built-in {kind}'s ({shipped.file.name}:{shipped.line}); "
                                        f"give yours its own, for example 'yourclinic.{ident.rsplit('.', 1)[-1]}'"))
                continue
            if isinstance(ident, str):
                earlier = first_seen.get(ident)
                if earlier is not None:
                    problems.append(
                        Problem(block.file, block.line_of("id"),
                                f"the id '{ident}' is already used at {earlier.file}:{earlier.line}")
                    )
                    continue
                first_seen[ident] = block
            if entry is not None:
                if check is not None:
                    problems.extend(check(entry, block))
                entries.append(entry)
    order = {file: index for index, file in enumerate(files)}
    # Read top to bottom within each file, in the order the files were read.
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line))
    return entries, problems


def _validate(block: Block, kind: str, model: type[M]) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(block.data), []
    except ValidationError as error:
        return None, [_problem(block, kind, item) for item in error.errors(include_url=False)]


def _problem(block: Block, kind: str, item: dict) -> Problem:
    """One pydantic error as a sentence, at the line of the field it is about."""
    loc = [p for p in item.get("loc", ()) if p != "__root__"]
    field = str(loc[0]) if loc else ""
    where = f"{kind} '{block.data['id']}'" if isinstance(block.data.get("id"), str) else f"this {kind}"
    kind_of = item.get("type", "")
    if kind_of == "extra_forbidden":
        return Problem(block.file, block.line_of(field), f"{where}: '{field}' is not a field thoughtwork knows")
    if kind_of == "missing":
        return Problem(block.file, block.line, f"{where}: '{field}' is missing")
    if kind_of == "enum":
        value = item.get("input")
        allowed = item.get("ctx", {}).get("expected", "")
        return Problem(block.file, block.line_of(field),
                       f"{where}: '{value}' is not a known {_singular(field)} (known: {allowed})")
    message = plain_message(item)
    if field:
        return Problem(block.file, block.line_of(field), f"{where}: {field}: {message}")
    return Problem(block.file, block.line, f"{where}: {message}")


def _singular(field: str) -> str:
    return {"distortions": "distortion id", "themes": "theme", "moments": "moment", "steps": "step"}.get(field, "value")
