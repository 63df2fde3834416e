"""A small structure-aware mutation fuzzer: byte-level mutations plus JSON-aware ones (a value anywhere in a
valid seed replaced by something hostile: 1e999, deep nesting, a wrong type, a lone surrogate, a huge integer).

Deterministic for a given ``random.Random`` so a failure can be replayed from its seed and index.
"""

from __future__ import annotations

import json
import random
from typing import Any

__all__ = ["HOSTILE_TEXTS", "mutate"]

# Raw JSON fragments that broke readers before (issue 14) or commonly break them.
HOSTILE_TEXTS: tuple[str, ...] = (
    "1e999",
    "-1e999",
    "1e308",
    "NaN",
    "Infinity",
    "-0",
    "0.5",
    "-1",
    "9" * 30,
    "9" * 5000,
    "18446744073709551616",
    "true",
    "false",
    "null",
    '""',
    '"\\ud800"',
    '"\\u0000"',
    '"' + "x" * 300 + '"',
    "[]",
    "{}",
    "[0]",
    '[""]',
    '{"":{}}',
    "[" * 1000 + "]" * 1000,
    "[" * 3000,
    '{"a":' * 50 + "1" + "}" * 50,
    '"02' + "00" * 32 + '"',
    '"' + "ff" * 33 + '"',
)


def _hostile_value(rng: random.Random) -> str:
    return rng.choice(HOSTILE_TEXTS)


def _paths(value: Any, prefix: tuple[Any, ...] = (), depth: int = 0) -> list[tuple[Any, ...]]:
    out = [prefix]
    if depth > 8:
        return out
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k), depth + 1)
    elif isinstance(value, list):
        for i, v in enumerate(value[:20]):
            out += _paths(v, (*prefix, i), depth + 1)
    return out


_MARK = "\x00HOSTILE\x00"


def _json_mutation(seed: bytes, rng: random.Random) -> bytes | None:
    try:
        value = json.loads(seed)
    except (ValueError, RecursionError):
        return None
    paths = _paths(value)
    path = rng.choice(paths)
    choice = rng.random()
    if not path:
        return _hostile_value(rng).encode()
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if choice < 0.15 and isinstance(parent, dict):
        del parent[last]  # a missing field
        return json.dumps(value).encode()
    if choice < 0.25 and isinstance(parent, list):
        parent.pop(last)  # one item fewer
        return json.dumps(value).encode()
    if choice < 0.35 and isinstance(parent, list):
        parent.append(parent[last])  # one item more
        return json.dumps(value).encode()
    parent[last] = _MARK
    text = json.dumps(value)
    return text.replace(json.dumps(_MARK), _hostile_value(rng), 1).encode()


def _byte_mutation(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        pos = rng.randint(0, len(buf)) if buf else 0
        if op < 0.25 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randint(0, 255)
        elif op < 0.45:
            buf[pos:pos] = rng.choice(HOSTILE_TEXTS).encode()[: rng.randint(1, 64)]
        elif op < 0.6 and buf:
            end = min(len(buf), pos + rng.randint(1, 16))
            del buf[pos:end]
        elif op < 0.75 and buf:
            end = min(len(buf), pos + rng.randint(1, 32))
            buf[pos:pos] = buf[pos:end]
        elif op < 0.85:
            buf[pos:pos] = rng.choice([b"[", b"{", b"]", b"}", b",", b":", b'"', b"\\", b"e9", b"\xff"])
        else:
            buf = buf[: rng.randint(0, len(buf))]  # truncated
    return bytes(buf)


def mutate(seed: bytes, rng: random.Random) -> bytes:
    """One hostile variant of ``seed``."""
    if rng.random() < 0.6:
        mutated = _json_mutation(seed, rng)
        if mutated is not None:
            return mutated
    return _byte_mutation(seed, rng)
