"""The NUT error-code table."""

from __future__ import annotations

import pytest

from core.protocol.error_codes import ErrorCode, describe

RULES_TABLE = [
    10001, 11001, 11002, 11003, 11004, 11005, 11006, 11007, 11008, 11009, 11010, 11011, 11012, 11013, 11014,
    11015, 12001, 12002, 12003, 20001, 20002, 20003, 20004, 20005, 20006, 20007, 20008, 20009,
]  # fmt: skip


def test_every_code_of_the_rules_table_is_known() -> None:
    assert sorted(code.value for code in ErrorCode if code) == RULES_TABLE


def test_every_code_has_its_own_description() -> None:
    descriptions = [code.description for code in ErrorCode]
    assert all(descriptions)
    assert len(set(descriptions)) == len(descriptions)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (11001, "already been spent"),
        (11002, "pending"),
        (11005, "balance"),
        (12002, "no longer active"),
        (20001, "not been paid"),
        (20007, "expired"),
        (0, "error"),
    ],
)
def test_describe_known_codes(code: int, words: str) -> None:
    assert words in describe(code)
    assert describe(code) == ErrorCode(code).description


def test_describe_unknown_code_names_it() -> None:
    assert "99999" in describe(99999)


def test_codes_compare_as_ints() -> None:
    assert int(ErrorCode.PROOFS_ALREADY_SPENT) == 11001
    assert ErrorCode.PROOFS_ALREADY_SPENT in {11001}
    assert ErrorCode(20008) is ErrorCode.MINT_SIGNATURE_INVALID
