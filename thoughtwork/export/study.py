"""The study file a researcher hands to participants: which study, which fields, free text
or not, and the researchers' age public key to encrypt the export to.

    [study]
    name = "Thoughts and pain 2026"
    fields = ["context", "belief_before", "belief_after"]   # optional: default is every field
    free_text = true                                         # optional: default true
    recipient = "age1..."                                    # or: encrypt = false
    practices = true                                         # optional: default true (the practice table)

A study file must name the study and say how its exports travel: the researchers' key in
`recipient`, or `encrypt = false` written out. A file cut short or left empty would otherwise
read as "unnamed study, unencrypted", and a participant's words would go out in plain text
because of a copying mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, field_validator

from thoughtwork import stricttoml
from thoughtwork.export.columns import FREE_TEXT, OPTIONAL_COLUMNS
from thoughtwork.models import Strict, friendly_error

MAX_STUDY_FILE = 64 * 1024


class StudyProblem(ValueError):
    """A study file that cannot be used; the message is one plain sentence."""


class Study(Strict):
    """What a study asks participants to send."""

    name: Annotated[str, Field(min_length=1, max_length=200)] = "unnamed study"
    """The study's name, copied into the manifest so researchers can tell exports apart."""
    fields: list[str] = Field(default_factory=lambda: list(OPTIONAL_COLUMNS))
    """Columns to include besides participant, record and day; free-text columns need free_text."""
    free_text: bool = True
    """Whether scrubbed free text (situation, thoughts, evidence) is included at all."""
    recipient: str | None = None
    """The researchers' age public key (age1...); when given, every data file is encrypted to it."""
    encrypt: bool | None = None
    """`false` says on purpose that exports are not encrypted; a study file needs this or a recipient."""
    practices: bool = True
    """Whether the practice-ladder table (numbers and categories only) goes out beside the records."""

    @field_validator("fields")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = [f for f in value if f not in OPTIONAL_COLUMNS]
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r}; known fields are: {', '.join(OPTIONAL_COLUMNS)}")
        # Keep the codebook's order whatever order the study lists them in.
        return [f for f in OPTIONAL_COLUMNS if f in value]

    def columns(self, free_text: bool) -> list[str]:
        """The optional columns that go out, given whether free text is allowed this time."""
        allowed = self.free_text and free_text
        return [f for f in self.fields if allowed or f not in FREE_TEXT]


def load_study(path: Path) -> Study:
    """Read and check a study file."""
    try:
        if path.stat().st_size > MAX_STUDY_FILE:
            raise StudyProblem(f"{path} is too large to be a study file.")
        data = stricttoml.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StudyProblem(f"There is no study file at {path}.") from None
    except (OSError, UnicodeDecodeError):
        raise StudyProblem(f"The study file {path} could not be read.") from None
    except stricttoml.StrictTOMLError as error:
        where = f" (line {error.line})" if error.line else ""
        raise StudyProblem(f"The study file {path} cannot be read{where}: {error}.") from None
    body = data.get("study", data)
    if not isinstance(body, dict):
        raise StudyProblem(f"The study file {path} has a problem: [study] must be a table.")
    try:
        # Strict: TOML has real booleans and numbers, so encrypt = "false" (text) is a mistake, not false.
        study = Study.model_validate(body, strict=True)
    except ValidationError as error:
        raise StudyProblem(f"The study file {path} has a problem: {friendly_error(error)}.") from None
    if "name" not in body:
        raise StudyProblem(f"The study file {path} does not name its study (name = \"...\"); is it complete?")
    if study.recipient is None and study.encrypt is not False:
        raise StudyProblem(
            f"The study file {path} does not say how to protect the export: it needs the researchers' key "
            "(recipient = \"age1...\") or, to send it unencrypted on purpose, encrypt = false. Ask your researchers."
        )
    if study.recipient is not None and study.encrypt is False:
        raise StudyProblem(f"The study file {path} gives a recipient but also says encrypt = false; ask your researchers which is meant.")
    return study
