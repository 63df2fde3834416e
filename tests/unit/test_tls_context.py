"""Mint clients share one TLS context, built once per process (and, for a mint command, while it starts)."""

from __future__ import annotations

import ssl
import threading
from typing import Any

import certifi
import pytest

from core.mint_client import tls
from core.mint_client.http import MintClient


def _context_of(client: MintClient) -> ssl.SSLContext:
    pool = client._http._transport._pool  # type: ignore[attr-defined]
    context = pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    return context


async def test_mint_clients_share_one_verifying_context() -> None:
    async with MintClient("https://mint-a.example") as a, MintClient("https://mint-b.example") as b:
        shared = _context_of(a)
        assert _context_of(b) is shared is tls.context()
        assert shared.verify_mode == ssl.CERT_REQUIRED and shared.check_hostname
        assert shared.get_ca_certs() == ssl.create_default_context(cafile=certifi.where()).get_ca_certs()


async def test_a_client_trusting_the_environment_builds_its_own() -> None:
    async with MintClient("https://mint-a.example", trust_env=True) as client:
        assert _context_of(client) is not tls.context()
        assert _context_of(client).verify_mode == ssl.CERT_REQUIRED


def test_warm_builds_the_context_in_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tls, "_context", None)
    built_in: list[str] = []
    real = ssl.create_default_context

    def recording(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        built_in.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(ssl, "create_default_context", recording)
    tls.warm().join()
    context = tls.context()  # the thread's, not a second one
    assert built_in == ["nutdesk-tls"] and tls.context() is context
