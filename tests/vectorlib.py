"""Access to the spec's test vectors (``tests/vectors/nutXX.json``, copied from the NUT specs).

``vector_cases("00", "hash_to_curve")`` returns pytest params, each marked ``vector`` so that the
session summary (see ``conftest.py``) can count how many cases ran and name any case no test used.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

VECTOR_DIR = Path(__file__).parent / "vectors"


@cache
def load(nut: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTOR_DIR / f"nut{nut}.json").read_text())
    return data


def all_case_keys() -> set[str]:
    keys: set[str] = set()
    for path in sorted(VECTOR_DIR.glob("nut*.json")):
        nut = path.stem[3:]
        for index, _case in enumerate(load(nut)["cases"]):
            keys.add(f"nut{nut}#{index}")
    return keys


def vector_cases(nut: str, *kinds: str) -> list[Any]:
    """Every case of ``nut`` whose kind is one of ``kinds`` (all cases when none given)."""
    params = []
    for index, case in enumerate(load(nut)["cases"]):
        if kinds and case["kind"] not in kinds:
            continue
        key = f"nut{nut}#{index}"
        params.append(pytest.param(case, id=f"{key}:{case['name']}", marks=pytest.mark.vector(key)))
    if not params:
        raise LookupError(f"no vector cases for nut{nut} kinds {kinds}")
    return params
