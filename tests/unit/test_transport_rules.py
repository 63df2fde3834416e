"""Plain http only to this machine: a mint elsewhere must use https (its answers could be read and changed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import check_mint_url, plain_http_allowed
from core.errors import UserFacingError
from core.mint_client.http import MintClient
from core.protocol.models import Proof
from core.protocol.tokens import Token
from tests.integration.wallet_helpers import nutdesk


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:3338", "http://localhost:3338", "http://[::1]:3338", "https://mint.example", "http://x.onion"],
)
def test_loopback_http_and_https_are_allowed(url: str) -> None:
    assert check_mint_url(url) == url


@pytest.mark.parametrize(
    "url", ["http://0.0.0.0:3338", "http://192.168.1.20:3338", "http://mint.example", "http://127.0.0.1.example"]
)
def test_plain_http_elsewhere_is_refused_with_the_reason(url: str) -> None:
    with pytest.raises(UserFacingError, match="plain http is only allowed for mints on this machine"):
        check_mint_url(url)
    with pytest.raises(UserFacingError):
        MintClient(url)


def test_not_a_url_is_refused() -> None:
    with pytest.raises(UserFacingError):
        check_mint_url("ftp://mint.example")
    assert not plain_http_allowed("10.0.0.1")


def test_receive_trust_refuses_a_token_naming_an_http_mint_elsewhere(tmp_path: Path) -> None:
    proof = Proof(id="009a1f293253e41e", amount=8, secret="s" * 64, C="02" + "11" * 32)
    token = Token(mint="http://192.168.1.20:3338", unit="sat", proofs=[proof]).encode_v3()
    nutdesk(tmp_path, "init")
    refused = nutdesk(tmp_path, "receive", "--trust", token, check=False)
    assert refused["error"]["code"] == "user-error"
    assert "plain http is only allowed for mints on this machine" in refused["error"]["message"]
    assert nutdesk(tmp_path, "mint", "add", "http://0.0.0.0:3338", check=False)["error"]["code"] == "user-error"
