"""age keys for sending reports: a therapist's key pair, and encrypting to a public key.

Reports are encrypted with age (X25519) through pyrage, ASCII-armoured so they survive
email. The identity (secret key) file is written 0600 and never leaves the therapist's
machine; only the public key (`age1...`) is shared with patients.
"""

from __future__ import annotations

from pathlib import Path

import pyrage
from pyrage import x25519

from thoughtwork.journal.files import atomic_write

ARMOR_HEADER = b"-----BEGIN AGE ENCRYPTED FILE-----"
BINARY_HEADER = b"age-encryption.org/v1"
MAX_KEY_FILE = 64 * 1024


class KeyProblem(ValueError):
    """A key or ciphertext problem; the message is one plain sentence."""


def generate(out: Path) -> str:
    """Write a new identity file (0600) and return its public key. Refuses to overwrite."""
    if out.exists():
        raise KeyProblem(f"{out} already exists; it was left as it is (choose another file, so no key is lost).")
    identity = x25519.Identity.generate()
    public = str(identity.to_public())
    text = (
        "# thoughtwork age identity: keep this file secret, and backed up.\n"
        f"# public key: {public}\n"
        f"{identity}\n"
    )
    atomic_write(out, text.encode("ascii"))
    return public


def recipient(value: str) -> x25519.Recipient:
    """A public key given as an `age1...` string, or the path of a file that holds one."""
    text = value.strip()
    if not text.startswith("age1"):
        path = Path(text).expanduser()
        if not path.is_file():
            raise KeyProblem("The recipient is neither an age public key (age1...) nor a file that holds one.")
        contents = _read_small(path)
        if "AGE-SECRET-KEY-" in contents:
            # Someone sending a report must never hold the reader's secret key; say so plainly.
            raise KeyProblem(
                "That file holds a secret key, which should stay with its owner only. --encrypt-to needs "
                "the public key (age1...) that keygen printed; ask for that instead."
            )
        text = _key_line(contents, "age1", "public key")
    try:
        return x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        raise KeyProblem("The recipient's age public key is not valid; copy it again exactly as given.") from None


def identity(path: Path) -> x25519.Identity:
    """The identity (secret key) in a file written by `thoughtwork keygen` or age-keygen."""
    line = _key_line(_read_small(path), "AGE-SECRET-KEY-", "secret key")
    try:
        return x25519.Identity.from_str(line)
    except pyrage.IdentityError:
        raise KeyProblem(f"The secret key in {path} is not valid.") from None


def is_encrypted(data: bytes) -> bool:
    head = data.lstrip()[:64]
    return head.startswith(ARMOR_HEADER) or head.startswith(BINARY_HEADER)


def encrypt(plaintext: bytes, to: x25519.Recipient) -> bytes:
    return pyrage.encrypt(plaintext, [to], armored=True)


def decrypt(ciphertext: bytes, key: x25519.Identity) -> bytes:
    try:
        return pyrage.decrypt(ciphertext.lstrip(), [key])
    except pyrage.DecryptError:
        raise KeyProblem("This file could not be decrypted with that key: it was made for another key, or it is damaged.") from None


def _read_small(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise KeyProblem(f"{path} is too big to be a key file.")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise KeyProblem(f"{path} could not be read as a key file.") from None


def _key_line(text: str, prefix: str, what: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(prefix):
            return line
    raise KeyProblem(f"No age {what} was found in that file.")
