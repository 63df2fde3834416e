"""The one bounded JSON reader for everything that comes from the network (or a file someone sent us).

``json.loads`` alone is not total: ``1e999`` becomes ``inf`` (then ``int(inf)`` raises OverflowError),
``[`` × 1000 raises RecursionError, a 4,301-digit integer raises ValueError only when converted, a lone
surrogate (``"\\ud800"``) breaks the first ``encode``. This reader refuses all of those up front with one
typed error, ``MalformedInput`` (``AnswerTooLarge`` for the size cap), so callers need catch nothing else:

- the size cap is checked before parsing (streams are capped while reading: ``core.mint_client.http``);
- nesting deeper than ``max_depth`` (objects and lists) is refused;
- numbers must be finite; integers at most ``MAX_INT_DIGITS`` digits; ``NaN``/``Infinity`` refused;
- strings (keys too) must be valid Unicode (no lone surrogates).

Pure: no I/O, so ``core.protocol`` may hold it.
"""

from __future__ import annotations

import json
import math
from typing import Any

from core.errors import AnswerTooLarge, MalformedInput
from core.i18n import t

__all__ = [
    "DEFAULT_CAP",
    "LNURL_CAP",
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "MINT_CAP",
    "read_json",
    "read_object",
]

MINT_CAP = 4 * 1024 * 1024  # a mint's answer: restore batches of 100 signatures are ~40 kB; 4 MB is generous
LNURL_CAP = 1024 * 1024
DEFAULT_CAP = 1024 * 1024
MAX_DEPTH = 32  # NUT answers nest 5 deep at most; Nostr events 4
MAX_INT_DIGITS = 80  # amounts reach 2^64 (20 digits); a NUT-02 key amount 2^255 has 78


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise MalformedInput(t("an integer of {0} digits").format(len(text)))
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise MalformedInput(t("the number {0} is not finite").format(text[:40]))
    return value


def _refuse_constant(name: str) -> Any:
    raise MalformedInput(t("{0} is not a JSON number").format(name))


def _check(value: Any, max_depth: int) -> None:
    """Depth and Unicode, iteratively (the check itself must not recurse)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict | list):
            if depth > max_depth:
                raise MalformedInput(t("nested deeper than {0} levels").format(max_depth))
            if isinstance(item, dict):
                for key, child in item.items():
                    _check_text(key)
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MalformedInput(t("a string is not valid Unicode (lone surrogate)")) from exc


def read_json(data: bytes | bytearray | str, *, cap: int = DEFAULT_CAP, max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``data`` under the limits above; raise ``MalformedInput`` (or ``AnswerTooLarge``) otherwise."""
    if len(data) > cap:
        raise AnswerTooLarge(t("an answer of {0} bytes is larger than the {1} bytes allowed").format(len(data), cap))
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedInput(t("the answer is not UTF-8")) from exc
    else:
        text = data
    try:
        value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_refuse_constant)
    except MalformedInput:
        raise
    except RecursionError as exc:
        raise MalformedInput(t("nested deeper than {0} levels").format(max_depth)) from exc
    except (ValueError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
        raise MalformedInput(t("not JSON: {0}").format(exc)) from exc
    _check(value, max_depth)
    return value


def read_object(data: bytes | bytearray | str, *, cap: int = DEFAULT_CAP, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """``read_json`` for answers that must be a JSON object."""
    value = read_json(data, cap=cap, max_depth=max_depth)
    if not isinstance(value, dict):
        raise MalformedInput(t("expected a JSON object, got {0}").format(type(value).__name__))
    return value
