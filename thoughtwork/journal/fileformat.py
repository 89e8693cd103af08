"""The journal file: a JSON envelope with an authenticated header and the TinyDB tables.

    {"format": "thoughtwork-journal", "format_version": 1, "schema_version": N,
     "encryption": {cipher, kdf, wrap_nonce, wrapped_key} | null,
     "nonce": ..., "payload": "<base64 AES-GCM ciphertext>"        (encrypted)
     "sha256": ..., "payload": {tables}                             (not encrypted)}

Everything but the payload is the header; encrypted, it is the AES-GCM associated data, so
the format and schema versions and the KDF settings cannot be changed unnoticed.
Unencrypted, a SHA-256 of the canonical payload catches damage such as a flipped bit.
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
FORMAT_VERSION = 1

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


def _header(schema_version: int, keys: Keys | None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version,
        "encryption": keys.block.model_dump() if keys else None,
    }


def encode(tables: Tables, schema_version: int, keys: Keys | None) -> bytes:
    header = _header(schema_version, keys)
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
    if keys is None or keys.block != block:
        if passphrase is None:
            raise WrongPassphrase("This journal is encrypted; a passphrase is needed to open it.")
        keys = Keys(block, block.unwrap(passphrase))
    if not isinstance(envelope.get("nonce"), str) or not isinstance(envelope.get("payload"), str):
        raise JournalCorrupt("The journal file is damaged (its encrypted content is missing).")
    aad = dumps_canonical(_header(schema, keys))
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
