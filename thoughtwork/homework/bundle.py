"""Assignment bundles: the file a therapist sends and a patient imports.

A bundle is JSON: a format name and version, the assignment (its prompts embedded, so the
patient needs nothing else), and a sha256 of the canonical assignment JSON. The checksum
catches a file that was damaged or edited by accident on the way; it is NOT a signature
and proves nothing about who made the file: anyone can write a bundle with a matching
checksum. Trust a bundle the way you trust the email it came in.
"""

from __future__ import annotations

import hashlib
import json

from pydantic import ValidationError

from thoughtwork.journal.strictjson import StrictJSONError, dumps_canonical, loads
from thoughtwork.models import Assignment, friendly_error

FORMAT = "thoughtwork-homework"
VERSION = 1
MAX_BUNDLE_BYTES = 2 * 1024 * 1024
"""A bundle of a few prompts is a few kilobytes; anything this big is not one."""


class BundleError(ValueError):
    """The file is not a bundle this version can use; the message is one plain sentence."""


def _wire(assignment: Assignment) -> dict:
    """The assignment as a bundle carries it. Homework without ladder steps leaves the field out,
    so a thoughtwork from before the practice ladder still imports it."""
    document = assignment.model_dump(mode="json")
    if not document.get("ladder_steps"):
        document.pop("ladder_steps", None)
    return document


def checksum(assignment: Assignment) -> str:
    """sha256 (hex) of the assignment's canonical JSON as carried: sorted keys, compact, UTF-8."""
    return hashlib.sha256(dumps_canonical(_wire(assignment))).hexdigest()


def dump_bundle(assignment: Assignment) -> bytes:
    """The bundle file's bytes for an assignment."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "assignment": _wire(assignment),
        "sha256": checksum(assignment),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def load_bundle(data: bytes) -> Assignment:
    """The assignment in a bundle, after checking format, version, contents and checksum."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError(f"This file is too big to be a homework bundle (over {MAX_BUNDLE_BYTES // 1024 // 1024} MiB).")
    try:
        document = loads(data)
    except StrictJSONError as error:
        raise BundleError(f"This is not a homework bundle: {error}.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BundleError("This is not a thoughtwork homework bundle (its format name is missing or different).")
    version = document.get("version")
    if version != VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise BundleError(f"This bundle was made by a newer thoughtwork (format {version}); please update to import it.")
        raise BundleError(f"This bundle has a format version ({str(version)[:20]}) this thoughtwork does not know.")
    unknown = set(document) - {"format", "version", "assignment", "sha256"}
    if unknown:
        raise BundleError(f"This bundle has a field thoughtwork does not know ({sorted(unknown)[0][:40]}).")
    try:
        # Validated in JSON mode, so dates must be ISO strings and nothing is coerced loosely.
        assignment = Assignment.model_validate_json(json.dumps(document.get("assignment")))
    except ValidationError as error:
        raise BundleError(f"This bundle's homework is not valid: {friendly_error(error)}.") from None
    stated = document.get("sha256")
    if not isinstance(stated, str):
        raise BundleError("This bundle has no integrity checksum, so it cannot be trusted to be whole.")
    # The checksum is over the canonical form of what was received, so a re-serialised but
    # unchanged assignment still matches and any changed value does not.
    if stated.lower() != _received_checksum(document["assignment"]):
        raise BundleError("This bundle was changed or damaged after it was made (its checksum does not match); ask for a fresh copy.")
    return assignment


def _received_checksum(raw: object) -> str:
    return hashlib.sha256(dumps_canonical(raw)).hexdigest()
