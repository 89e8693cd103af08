"""Keys and ciphers for the journal.

A random 256-bit data key encrypts the journal with AES-256-GCM (a fresh nonce every save).
The data key is stored wrapped by a key derived from the passphrase with Argon2id, so a
passphrase change only rewraps it. Everything in the file header is authenticated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from pydantic import BaseModel, ConfigDict, Field

from thoughtwork.journal.errors import JournalCorrupt, WrongPassphrase
from thoughtwork.journal.strictjson import dumps_canonical

# Measured on the 2-core reference machine: 256 MiB, 3 passes took 0.4-0.5 s. A journal is
# unlocked once a session, so the person can afford far more than OWASP's 19 MiB floor.
INTERACTIVE = {"memory_kib": 256 * 1024, "iterations": 3, "lanes": 2}
# Only for the test suite (THOUGHTWORK_KDF_PROFILE=test): fast, and far too weak for real use.
TEST = {"memory_kib": 8 * 1024, "iterations": 1, "lanes": 1}
MIN_PASSPHRASE = 8
_WRAP_CONTEXT = b"thoughtwork journal key wrap v1"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as error:
        raise JournalCorrupt("The journal file is damaged (an encoded field is not valid).") from None


class KdfParams(BaseModel):
    """Argon2id settings, stored (and authenticated) in the journal header."""

    model_config = ConfigDict(extra="forbid")
    name: str = "argon2id"
    salt: str
    memory_kib: int = Field(ge=1024, le=4 * 1024 * 1024)
    iterations: int = Field(ge=1, le=64)
    lanes: int = Field(ge=1, le=16)

    @classmethod
    def fresh(cls) -> "KdfParams":
        profile = TEST if os.environ.get("THOUGHTWORK_KDF_PROFILE") == "test" else INTERACTIVE
        return cls(salt=b64(secrets.token_bytes(16)), **profile)

    def derive(self, passphrase: str) -> bytes:
        kdf = Argon2id(
            salt=unb64(self.salt),
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))


class KeyBlock(BaseModel):
    """The encryption section of the header: KDF settings and the wrapped data key."""

    model_config = ConfigDict(extra="forbid")
    cipher: str = "AES-256-GCM"
    kdf: KdfParams
    wrap_nonce: str
    wrapped_key: str
    check: str | None = None
    """SHA-256 of the fields above (journal format 2 on). The key wrap already authenticates
    them, but only with the right passphrase: a damaged or hand-edited key section read as
    "wrong passphrase", and an edited memory cost could make unlocking take minutes or all
    the memory. The check tells damage apart before any key is derived."""

    def aad(self) -> bytes:
        return _WRAP_CONTEXT + self.kdf.model_dump_json().encode("utf-8")

    def digest(self) -> str:
        return hashlib.sha256(dumps_canonical(self.model_dump(exclude={"check"}))).hexdigest()

    def verify(self, required: bool) -> None:
        """Refuse a key section that is not as written (its check is wrong, or missing where required)."""
        if self.check is None and not required:
            return
        if self.check is None or not hmac.compare_digest(self.check, self.digest()):
            raise JournalCorrupt(
                "The journal file is damaged (its key section was changed), so it was not opened. "
                "Your backups are beside it (.bak1, .bak2, .bak3)."
            )

    def with_check(self) -> "KeyBlock":
        return self.model_copy(update={"check": self.digest()})

    def same_key(self, other: "KeyBlock") -> bool:
        """Whether both wrap the same key the same way (a check added since does not matter)."""
        return self.model_dump(exclude={"check"}) == other.model_dump(exclude={"check"})

    @classmethod
    def wrap(cls, data_key: bytes, passphrase: str) -> "KeyBlock":
        kdf = KdfParams.fresh()
        nonce = secrets.token_bytes(12)
        block = cls(kdf=kdf, wrap_nonce=b64(nonce), wrapped_key="")
        wrapped = AESGCM(kdf.derive(passphrase)).encrypt(nonce, data_key, block.aad())
        return block.model_copy(update={"wrapped_key": b64(wrapped)}).with_check()

    def unwrap(self, passphrase: str) -> bytes:
        try:
            return AESGCM(self.kdf.derive(passphrase)).decrypt(
                unb64(self.wrap_nonce), unb64(self.wrapped_key), self.aad()
            )
        except InvalidTag:
            raise WrongPassphrase(
                "That passphrase does not unlock this journal. Nothing was changed; please try again."
            ) from None


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def seal(data_key: bytes, plaintext: bytes, aad: bytes) -> tuple[str, str]:
    """Encrypt with a fresh random nonce; returns (nonce, ciphertext) base64-encoded."""
    nonce = secrets.token_bytes(12)
    return b64(nonce), b64(AESGCM(data_key).encrypt(nonce, plaintext, aad))


def open_sealed(data_key: bytes, nonce: str, ciphertext: str, aad: bytes) -> bytes:
    try:
        return AESGCM(data_key).decrypt(unb64(nonce), unb64(ciphertext), aad)
    except InvalidTag:
        raise JournalCorrupt(
            "The journal file has been changed or damaged, so it was not opened. "
            "Your backups are beside it (.bak1, .bak2, .bak3)."
        ) from None
