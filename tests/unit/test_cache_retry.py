"""NUT-19 policy reading and the retry rule: only a successful identical retry replaces "outcome unknown"."""

from __future__ import annotations

import time

import pytest

from core.errors import MintUnreachable, ProtocolError
from core.mint_client.cache_retry import cache_policy, retry_lost_answer
from core.ports.mint_types import MintInfo

SPEC_EXAMPLE = {
    "nuts": {
        "19": {
            "ttl": 3600,
            "cached_endpoints": [
                {"method": "POST", "path": "/v1/mint/bolt11"},
                {"method": "POST", "path": "/v1/swap"},
            ],
        }
    }
}

SPEC_EXAMPLE_SWAP = {"method": "POST", "path": "/v1/swap"}


def test_policy_reads_the_spec_example() -> None:
    policy = cache_policy(MintInfo.from_json(SPEC_EXAMPLE))
    assert policy is not None
    assert policy.ttl == 3600
    assert policy.covers("POST", "/v1/swap")
    assert not policy.covers("POST", "/v1/melt/bolt11")


@pytest.mark.parametrize(
    "nut19",
    [None, {}, {"cached_endpoints": []}, {"cached_endpoints": "all"}, {"ttl": 0, "cached_endpoints": [{}]}],
)
def test_no_usable_policy_means_no_retry(nut19: object) -> None:
    info = {"nuts": {} if nut19 is None else {"19": nut19}}
    assert cache_policy(MintInfo.from_json(info)) is None


def test_a_missing_ttl_means_cached_without_limit() -> None:
    policy = cache_policy(MintInfo.from_json({"nuts": {"19": {"cached_endpoints": [SPEC_EXAMPLE_SWAP]}}}))
    assert policy is not None and policy.ttl is None


async def test_a_refused_retry_keeps_the_first_outcome_unknown_error() -> None:
    policy = cache_policy(MintInfo.from_json(SPEC_EXAMPLE))
    assert policy is not None
    first = MintUnreachable("answer lost", sent=True)
    calls = 0

    async def send() -> str:
        nonlocal calls
        calls += 1
        raise ProtocolError("keyset inactive")  # says nothing about the first request

    with pytest.raises(MintUnreachable) as caught:
        await retry_lost_answer(send, first, policy=policy, sent_at=time.monotonic(), pauses=(0.0, 0.0))
    assert caught.value is first
    assert calls == 1


async def test_a_retry_lost_again_is_asked_once_more() -> None:
    policy = cache_policy(MintInfo.from_json(SPEC_EXAMPLE))
    assert policy is not None
    answers: list[str | Exception] = [MintUnreachable("lost again", sent=True), "signatures"]

    async def send() -> str:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    result = await retry_lost_answer(
        send, MintUnreachable("lost", sent=True), policy=policy, sent_at=time.monotonic(), pauses=(0.0, 0.0)
    )
    assert result == "signatures"


async def test_past_the_ttl_nothing_is_retried() -> None:
    policy = cache_policy(MintInfo.from_json(SPEC_EXAMPLE))
    assert policy is not None
    first = MintUnreachable("lost", sent=True)

    async def send() -> str:
        raise AssertionError("a retry past the ttl would not hit the cache")

    with pytest.raises(MintUnreachable) as caught:
        await retry_lost_answer(send, first, policy=policy, sent_at=time.monotonic() - 3600, pauses=(0.0,))
    assert caught.value is first
