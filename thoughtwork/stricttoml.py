"""TOML parsing for files that come from other people: study files, prompt and reframe files.

The TOML twin of `thoughtwork.journal.strictjson`. tomllib raises RecursionError on deeply
nested arrays or inline tables, ValueError on a number past Python's 4,300-digit limit, and
accepts `nan` and `inf`; each of those would reach the person as an internal error, or a
value no field means. Here every one of them is one `StrictTOMLError` with a plain message.
"""

from __future__ import annotations

import math
import re
import tomllib
from typing import Any

MAX_DEPTH = 64
_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")


class StrictTOMLError(ValueError):
    """The text cannot be used as TOML; str() is a plain clause, `line` the line when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def loads(text: str, *, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """Parse TOML, refusing deep nesting, over-long numbers and nan/inf in plain words."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _AT_LINE.search(message)
        plain = _AT_LINE.sub("", message).strip().rstrip(".")
        raise StrictTOMLError(
            f"it is not valid TOML: {plain[:1].lower() + plain[1:]}", int(found.group(1)) if found else None
        ) from None
    except RecursionError:
        raise StrictTOMLError(f"it is nested more than {max_depth} levels deep") from None
    except ValueError:
        # int() refuses strings of more than 4,300 digits (CVE-2020-10735); no field needs one.
        raise StrictTOMLError("a number in it has too many digits") from None
    check_value(document, max_depth, StrictTOMLError)
    return document


def check_value(value: Any, max_depth: int, error: type[ValueError]) -> None:
    """Refuse nesting deeper than `max_depth` and non-finite numbers, without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise error("it holds nan or inf, which is not a number thoughtwork accepts")
        if isinstance(item, (dict, list)):
            if depth >= max_depth:
                raise error(f"it is nested more than {max_depth} levels deep")
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
