"""JSON parsing that refuses what Python's json module would quietly accept.

`json.loads` takes NaN and Infinity (and reads 1e999 as infinity), keeps the last of duplicate
keys, raises RecursionError on deep nesting and a bare ValueError on a number of more than
4,300 digits; each of those would silently change data here or reach the person as an
internal error. `thoughtwork.stricttoml` is its twin for TOML.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64


class StrictJSONError(ValueError):
    """The text is not strict JSON; the message says why in plain words."""


def _no_constants(name: str) -> Any:
    raise StrictJSONError(f"it contains {name}, which is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise StrictJSONError("it contains a number too large to read")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # built in C; only a repeated key makes it shorter than the pairs
    if len(result) != len(pairs):
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise StrictJSONError(f"the key {json.dumps(repeated)[:40]} appears twice")
    return result


# One decoder for every call: json.loads with hooks would build a new one each time, which
# counts when merge parses a row a few microseconds at a time.
_DECODER = json.JSONDecoder(parse_constant=_no_constants, parse_float=_finite_float, object_pairs_hook=_no_duplicates)


def _depth(text: str) -> int:
    """Deepest bracket nesting outside strings (cheap pre-check before parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def loads(data: bytes | str, *, max_depth: int | None = MAX_DEPTH) -> Any:
    """Parse strict JSON: UTF-8, no NaN/Infinity, no duplicate keys, bounded nesting.

    `max_depth=None` skips the nesting pre-scan (for many small flat lines, where it would
    cost more than the parse); deep nesting is then still refused through RecursionError."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise StrictJSONError("it is not UTF-8 text") from None
    else:
        text = data
    if not text.strip():
        raise StrictJSONError("it is empty")
    # The pure-Python depth scan is skipped for big texts (a whole journal), where the
    # RecursionError handler below is the guard.
    # Nesting cannot be deeper than the number of opening brackets, which C counts quickly.
    if (max_depth is not None and len(text) <= 1_000_000 and text.count("{") + text.count("[") > max_depth
            and _depth(text) > max_depth):
        raise StrictJSONError(f"it is nested more than {max_depth} levels deep")
    try:
        return _DECODER.decode(text)
    except StrictJSONError:
        raise
    except json.JSONDecodeError as error:
        raise StrictJSONError(f"it is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise StrictJSONError("it is nested too deeply") from None
    except ValueError:
        # int() refuses strings of more than 4,300 digits (CVE-2020-10735); no field needs one.
        raise StrictJSONError("a number in it has too many digits") from None


def dumps_canonical(value: Any) -> bytes:
    """Deterministic compact UTF-8 JSON, for hashing and authenticated headers."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")
