"""Reading a received report file: decrypt it in memory if needed, then take out its data.

The decrypted text is never written anywhere; `thoughtwork review` shows it and forgets it.
"""

from __future__ import annotations

from pathlib import Path

from thoughtwork import keys
from thoughtwork.report.data import ReportData
from thoughtwork.report.payload import ReportFileError, extract


def read_report(data: bytes, identity_file: Path | None = None) -> ReportData:
    """The report in a file's bytes (HTML or Markdown, plain or age-encrypted)."""
    if keys.is_encrypted(data):
        if identity_file is None:
            raise ReportFileError("This report is encrypted; give your secret key file with --identity KEYFILE.")
        try:
            data = keys.decrypt(data, keys.identity(identity_file))
        except keys.KeyProblem as error:
            raise ReportFileError(str(error)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReportFileError("This file is not a thoughtwork report (it is not text).") from None
    return extract(text)
