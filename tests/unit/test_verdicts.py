"""The failure-verdict table: each NUT error code and transport failure → what it proves (docs/verdicts.md)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from core.errors import (
    DefinitelyFailed,
    MintRejected,
    MintUnreachable,
    OutcomeUnknown,
    Verdict,
    verdict_of,
)
from core.mint_client.errors import VERDICT_BY_CODE, error_from_response, error_from_transport, verdict_for_code
from core.protocol.error_codes import ErrorCode

DOC = Path(__file__).resolve().parents[2] / "docs" / "verdicts.md"
URL = "http://mint.test"

NEVER_NOTHING_HAPPENED = (0, 11001, 11002, 11003, 11004, 20002, 20004, 20005, 20006, 11011, 11012, 99999)


def _refusal(code: int) -> BaseException:
    return error_from_response(httpx.Response(400, json={"detail": "refused", "code": code}), URL)


@pytest.mark.parametrize("code", NEVER_NOTHING_HAPPENED)
def test_codes_that_never_release_inputs(code: int) -> None:
    exc = _refusal(code)
    assert verdict_of(exc) is not Verdict.NOTHING_HAPPENED
    assert isinstance(exc, OutcomeUnknown) and not isinstance(exc, DefinitelyFailed)


@pytest.mark.parametrize(
    ("code", "verdict"),
    [
        (11001, Verdict.INPUTS_SPENT),
        (11002, Verdict.IN_FLIGHT),
        (11003, Verdict.OUTPUTS_SIGNED),
        (11004, Verdict.IN_FLIGHT),
        (20002, Verdict.OUTPUTS_SIGNED),
        (20005, Verdict.IN_FLIGHT),
        (20004, Verdict.UNKNOWN),
        (0, Verdict.UNKNOWN),
        (12345, Verdict.UNKNOWN),
    ],
)
def test_each_code_has_its_verdict(code: int, verdict: Verdict) -> None:
    assert verdict_of(_refusal(code)) is verdict
    assert verdict_for_code(code) is verdict


@pytest.mark.parametrize("code", sorted(c for c, v in VERDICT_BY_CODE.items() if v is Verdict.NOTHING_HAPPENED))
def test_codes_that_prove_nothing_happened_are_definitely_failed(code: int) -> None:
    exc = _refusal(code)
    assert isinstance(exc, DefinitelyFailed) and isinstance(exc, MintRejected)
    assert verdict_of(exc) is Verdict.NOTHING_HAPPENED


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(500, json={"detail": "internal", "code": 0}),
        httpx.Response(502, text="bad gateway"),
        httpx.Response(400, text="<html>not json</html>"),
        httpx.Response(404, text="Not Found"),
        httpx.Response(400, json={"detail": "no code"}),
        httpx.Response(400, json={"detail": "string code", "code": "11005"}),
    ],
)
def test_unreadable_or_server_failures_are_unknown(response: httpx.Response) -> None:
    assert verdict_of(error_from_response(response, URL)) is Verdict.UNKNOWN


def test_transport_failures() -> None:
    request = httpx.Request("POST", URL + "/v1/swap")
    assert verdict_of(error_from_transport(httpx.ConnectError("refused", request=request), URL)) is (
        Verdict.NOTHING_HAPPENED
    )
    for exc in (httpx.ReadTimeout("slow", request=request), httpx.RemoteProtocolError("closed", request=request)):
        assert verdict_of(error_from_transport(exc, URL)) is Verdict.UNKNOWN
    assert verdict_of(MintUnreachable("x", sent=True)) is Verdict.UNKNOWN
    assert verdict_of(RuntimeError("anything else")) is Verdict.UNKNOWN


def test_every_known_code_is_in_the_table_or_deliberately_unknown() -> None:
    for code in ErrorCode:
        if int(code) and int(code) not in VERDICT_BY_CODE:
            assert int(code) in (11011, 11012)  # quote-request errors: nothing spends, left UNKNOWN


def test_the_document_and_the_code_agree() -> None:
    rows = re.findall(r"^\| (\d{5}) \| [^|]+ \| ([a-z-]+) \|$", DOC.read_text(), flags=re.MULTILINE)
    assert {int(code): Verdict(verdict) for code, verdict in rows} == VERDICT_BY_CODE
    print("\ncode   verdict")
    for code, verdict in sorted(VERDICT_BY_CODE.items()):
        print(f"{code}  {verdict.value}")
