"""The one bounded JSON reader: every malformed input is one typed error, never a crash."""

from __future__ import annotations

import pytest

from core.errors import AnswerTooLarge, MalformedInput
from core.protocol.jsonread import read_json, read_object


@pytest.mark.parametrize(
    "text",
    [
        "1e999",
        '{"maxSendable": -1e999}',
        "[" * 1000,
        "[" * 40 + "]" * 40,
        '{"a": NaN}',
        "Infinity",
        '"\\ud800"',
        '{"\\udfff": 1}',
        "9" * 81,
        "[1,2",
        "",
        "\x00",
    ],
)
def test_malformed_input_is_one_typed_error(text: str) -> None:
    with pytest.raises(MalformedInput):
        read_json(text)


def test_bytes_that_are_not_utf8_are_refused() -> None:
    with pytest.raises(MalformedInput):
        read_json(b"\xff\xfe{}")


def test_the_size_cap_is_checked_before_parsing() -> None:
    with pytest.raises(AnswerTooLarge):
        read_json(b" " * 11 + b"{}", cap=12)


def test_ordinary_answers_pass() -> None:
    data = '{"amount": 18446744073709551616, "fee": 0.5, "nested": [[[{"a": "ü"}]]]}'
    assert read_object(data) == {"amount": 2**64, "fee": 0.5, "nested": [[[{"a": "ü"}]]]}


def test_an_object_is_required_where_one_is_expected() -> None:
    with pytest.raises(MalformedInput, match="expected a JSON object"):
        read_object("[]")
