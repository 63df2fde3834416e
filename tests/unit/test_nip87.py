"""NIP-87 mint discovery, pure: announcements (38172) and recommendations (38000) become a ranked mint list."""

from __future__ import annotations

from typing import Any

import pytest

from core.protocol.nip87 import discovered_mints, parse_review, review_content, review_tags

OP = "aa" * 32


def announcement(url: str, d: str = "02" + "11" * 32, network: str = "mainnet", at: int = 1) -> dict[str, Any]:
    tags = [["d", d], ["u", url], ["nuts", "1,2,3,4,5,7,11,12"], ["n", network]]
    return {"kind": 38172, "pubkey": OP, "created_at": at, "tags": tags, "content": ""}


def review(author: str, content: str, tags: list[list[str]], at: int = 10) -> dict[str, Any]:
    return {"kind": 38000, "pubkey": author, "created_at": at, "tags": [["k", "38172"], *tags], "content": content}


def test_mints_are_ranked_by_recommendations_and_rating() -> None:
    a, b = "https://a.example", "https://b.example"
    d = "02" + "11" * 32
    events = [
        announcement(a, d),
        announcement("https://test.example", "02" + "22" * 32, network="testnet"),
        review("u1", "[5/5] Reliable for months", [["d", d], ["a", f"38172:{OP}:{d}"]]),  # found by its a tag
        review("u2", "[3/5] ok", [["d", a], ["u", a]], at=10),
        review("u2", "[4/5] better now", [["d", a], ["u", a]], at=20),  # newer, same author and d: replaces
        review("u3", "[2/5] slow", [["d", b], ["u", b + "/"]]),
        review("u4", "no rating", [["d", "x"], ["u", "ftp://nope"]]),  # not an http(s) mint: skipped
        {"kind": 38000, "pubkey": "u5", "created_at": 1, "tags": [["k", "38173"], ["u", a]], "content": "fedimint"},
    ]
    mints = discovered_mints(events)
    assert [m.url for m in mints] == [a, b]
    first = mints[0]
    assert first.announced and first.nuts == (1, 2, 3, 4, 5, 7, 11, 12) and first.recommendations == 2
    assert first.rating == 4.5 and {r.text for r in first.reviews} == {"Reliable for months", "better now"}
    assert mints[1].announced is False and mints[1].rating == 2
    # Another network: its announced mints, and recommended ones that announce no network at all.
    assert [m.url for m in discovered_mints(events, network="testnet")] == [b, "https://test.example"]


def test_review_content_and_tags_round_trip() -> None:
    content = review_content(4, "  Fast and honest  ")
    assert content == "[4/5] Fast and honest"
    tags = review_tags("https://a.example")
    parsed = parse_review({"kind": 38000, "pubkey": "me", "created_at": 5, "tags": tags, "content": content})
    assert parsed is not None
    assert (parsed.url, parsed.rating, parsed.text) == ("https://a.example", 4, "Fast and honest")
    with pytest.raises(ValueError):
        review_content(6, "too good")
