"""The journal file: a JSON envelope with an authenticated header and the TinyDB tables.

    {"format": "thoughtwork-journal", "format_version": 2, "schema_version": N,
     "encryption": {cipher, kdf, wrap_nonce, wrapped_key, check} | null,
     "nonce": ..., "payload": "<base64 AES-GCM ciphertext>"        (encrypted)
     "sha256": ..., "payload": {tables}                             (not encrypted)}

Everything but the payload is the header; encrypted, it is the AES-GCM associated data, so
the format and schema versions and the KDF settings cannot be changed unnoticed.
Unencrypted, a SHA-256 of the canonical payload catches damage such as a flipped bit.
Format 2 added `check` to the key section (see `crypto.KeyBlock.check`); format 1 files open
as before and are written as format 2 on their next save.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from thoughtwork.journal import crypto
from thoughtwork.journal.errors import JournalCorrupt, JournalTooNew, WrongPassphrase
from thoughtwork.journal.strictjson import StrictJSONError, dumps_canonical, loads

FORMAT = "thoughtwork-journal"
FORMAT_VERSION = 2

Tables = dict[str, dict[str, dict[str, Any]]]


@dataclass
class Keys:
    """An unlocked journal's key material, kept in memory for the session only."""

    block: crypto.KeyBlock
    data_key: bytes


@dataclass
class Decoded:
    tables: Tables
    schema_version: int
    keys: Keys | None


def _header(schema_version: int, block: crypto.KeyBlock | None, format_version: int = FORMAT_VERSION) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": format_version,
        "schema_version": schema_version,
        # exclude_none: a format 1 key section has no `check` at all, and must read back as written.
        "encryption": block.model_dump(exclude_none=True) if block else None,
    }


def encode(tables: Tables, schema_version: int, keys: Keys | None) -> bytes:
    if keys is not None and keys.block.check is None:
        raise ValueError("a key section without its check cannot be written (see decode)")
    header = _header(schema_version, keys.block if keys else None)
    body = dumps_canonical(tables)
    if keys is None:
        envelope = {**header, "sha256": hashlib.sha256(body).hexdigest(), "payload": tables}
        return dumps_canonical(envelope)
    nonce, ciphertext = crypto.seal(keys.data_key, body, dumps_canonical(header))
    return dumps_canonical({**header, "nonce": nonce, "payload": ciphertext})


def read_header(raw: bytes) -> dict[str, Any]:
    """Parse and check the envelope without decrypting (tells whether a passphrase is needed)."""
    if not raw:
        raise JournalCorrupt("The journal file is empty, so it was not opened. Your backups are beside it.")
    try:
        envelope = loads(raw)
    except StrictJSONError as error:
        raise JournalCorrupt(f"The journal file is damaged ({error}), so it was not opened.") from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise JournalCorrupt("This file is not a thoughtwork journal.")
    version = envelope.get("format_version")
    if not isinstance(version, int):
        raise JournalCorrupt("The journal file is damaged (its format version is missing).")
    if version < 1:
        raise JournalCorrupt("The journal file is damaged (its format version is not valid).")
    if version > FORMAT_VERSION:
        raise JournalTooNew(
            "This journal was written by a newer thoughtwork. Please update thoughtwork; the file was left untouched."
        )
    schema = envelope.get("schema_version")
    if not isinstance(schema, int) or schema < 0:
        raise JournalCorrupt("The journal file is damaged (its schema version is missing).")
    return envelope


def is_encrypted(envelope: dict[str, Any]) -> bool:
    return envelope.get("encryption") is not None


def decode(raw: bytes, passphrase: str | None = None, keys: Keys | None = None) -> Decoded:
    """Open a journal file. `keys` (from an earlier unlock) avoids deriving the key again."""
    envelope = read_header(raw)
    schema = envelope["schema_version"]
    if envelope.get("encryption") is None:
        return Decoded(_plain_payload(envelope), schema, None)

    try:
        block = crypto.KeyBlock.model_validate(envelope["encryption"])
    except ValidationError:
        raise JournalCorrupt("The journal file is damaged (its key section is not valid).") from None
    block.verify(required=envelope["format_version"] >= 2)
    if keys is None or not keys.block.same_key(block):
        if passphrase is None:
            raise WrongPassphrase("This journal is encrypted; a passphrase is needed to open it.")
        keys = Keys(block, block.unwrap(passphrase))
    if keys.block.check is None:
        # A format 1 file: its key section gets its check when the journal is next saved.
        keys = Keys(keys.block.with_check(), keys.data_key)
    if not isinstance(envelope.get("nonce"), str) or not isinstance(envelope.get("payload"), str):
        raise JournalCorrupt("The journal file is damaged (its encrypted content is missing).")
    aad = dumps_canonical(_header(schema, block, envelope["format_version"]))
    body = crypto.open_sealed(keys.data_key, envelope["nonce"], envelope["payload"], aad)
    try:
        tables = loads(body)
    except StrictJSONError as error:
        raise JournalCorrupt(f"The journal's content is damaged ({error}).") from None
    return Decoded(_check_tables(tables), schema, keys)


def _plain_payload(envelope: dict[str, Any]) -> Tables:
    tables = envelope.get("payload")
    digest = envelope.get("sha256")
    if not isinstance(tables, dict) or not isinstance(digest, str):
        raise JournalCorrupt("The journal file is damaged (its content is missing).")
    if hashlib.sha256(dumps_canonical(tables)).hexdigest() != digest:
        raise JournalCorrupt(
            "The journal file has been changed or damaged, so it was not opened. Your backups are beside it."
        )
    return _check_tables(tables)


def _check_tables(tables: Any) -> Tables:
    if not isinstance(tables, dict):
        raise JournalCorrupt("The journal's content is damaged (it is not a set of tables).")
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise JournalCorrupt(f"The journal's content is damaged (the {name!r} table is not valid).")
    return tables
