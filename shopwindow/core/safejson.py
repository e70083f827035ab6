"""The one JSON loader for input from outside (API bodies, record files, pasted records).

Python's `json` accepts `NaN`, `Infinity` and `-Infinity`, which are not JSON, and reads `1e400`
as infinity: no database column or sum survives them. It also recurses once per nesting level, so
a deeply nested upload raises RecursionError. `loads` refuses all of these with `JSONInputError`
(a `json.JSONDecodeError`, so a `ValueError`) whose message says what was wrong and where.
"""

import json
import math
from typing import Any

# Records nest about six levels; 64 leaves room for any honest document.
MAX_DEPTH = 64


class JSONInputError(json.JSONDecodeError):
    """Not acceptable JSON: a syntax error, a non-finite number or nesting too deep."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is too large a number")
    return number


def _nesting_depth_exceeds(text: str, limit: int) -> tuple[int, int] | None:
    """(line, column) where the nesting first goes deeper than `limit`, else None.

    Brackets inside strings do not count; the scan is linear and never recurses."""
    depth = 0
    in_string = escaped = False
    line, column = 1, 0
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
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
            if depth > limit:
                return line, column
        elif char in "]}":
            depth -= 1
    return None


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON text (bytes are read as UTF-8). Raises JSONInputError, or UnicodeDecodeError
    for bytes that are not UTF-8."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    too_deep = _nesting_depth_exceeds(text, max_depth)
    if too_deep is not None:
        line, column = too_deep
        position = _position(text, line, column)
        raise JSONInputError(f"nested more than {max_depth} levels deep", text, position)
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise JSONInputError(exc.msg, exc.doc, exc.pos) from None
    except ValueError as exc:  # from _refuse_constant or _finite_float
        raise JSONInputError(str(exc), text, _constant_position(text, str(exc))) from None
    except RecursionError:  # a smaller stack than usual: still a clear error, never a 500
        raise JSONInputError(f"nested more than {max_depth} levels deep", text, 0) from None


def _position(text: str, line: int, column: int) -> int:
    offset = sum(len(row) + 1 for row in text.split("\n")[: line - 1])
    return offset + max(column - 1, 0)


def _constant_position(text: str, message: str) -> int:
    """Where the refused number starts (its first occurrence), for the line and column."""
    found = text.find(message.split(" ", 1)[0])
    return max(found, 0)
