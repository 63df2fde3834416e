"""Saved backend configurations: per backend, secrets encrypted with the wallet password."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from backends.registry import BackendRegistry
from core.api.backends import BackendsService
from core.api.service import WalletService
from core.config import Config
from core.errors import ConfigError, InvalidPassword, UserFacingError


@pytest.fixture
def registry() -> BackendRegistry:
    return BackendRegistry().discover(plugin_dirs=[], entry_points=False)


def _wallet(tmp_path: Path, password: str | None) -> WalletService:
    service = WalletService.open(Config(data_dir=tmp_path))
    service.create_wallet(None, password)
    return service


@pytest.fixture
def locked_wallet(tmp_path: Path) -> Iterator[WalletService]:
    service = _wallet(tmp_path / "locked", "first-password")
    yield service
    service.store.close()


@pytest.fixture
def open_wallet(tmp_path: Path) -> Iterator[WalletService]:
    service = _wallet(tmp_path / "open", None)
    yield service
    service.store.close()


async def test_secrets_are_encrypted_with_the_wallet_password(
    locked_wallet: WalletService, registry: BackendRegistry
) -> None:
    service = BackendsService(locked_wallet, registry, password="first-password")
    config = service.add("shop", "LNBITS", {"url": "http://127.0.0.1:1", "key": "adminkey123"})
    assert config.type == "LNbits"
    assert config.public_json()["options"] == {"key": "***", "url": "http://127.0.0.1:1", "verify_tls": "true"}
    raw = json.loads(locked_wallet.store.get_setting("backend:shop") or "")
    assert raw["options"] == {"url": "http://127.0.0.1:1", "verify_tls": "true"}
    assert raw["secrets"]["key"].startswith("ndscrypt$")
    assert "adminkey123" not in json.dumps(raw)
    assert service.get("shop").options["key"] == "adminkey123"

    # Without the password the secret stays unreadable; listing still works (masked).
    no_password = BackendsService(locked_wallet, registry)
    assert [c.name for c in no_password.list()] == ["shop"]
    with pytest.raises(InvalidPassword):
        no_password.get("shop")
    with pytest.raises(InvalidPassword):
        no_password.add("other", "lnbits", {"url": "u", "key": "k"})
    with pytest.raises(InvalidPassword):
        BackendsService(locked_wallet, registry, password="wrong").get("shop")

    # A new wallet password re-encrypts them.
    service.reencrypt("first-password", "new-password")
    assert BackendsService(locked_wallet, registry, password="new-password").get("shop").options["key"] == "adminkey123"


async def test_plain_wallet_add_list_use_and_remove(open_wallet: WalletService, registry: BackendRegistry) -> None:
    service = BackendsService(open_wallet, registry)
    service.add("demo", "fake", {"account": "unit-demo", "network": "unit", "balance": "42"})
    service.add("shop", "lnbits", {"url": "http://127.0.0.1:1", "key": "k"})
    assert service.names() == ["demo", "shop"]
    status = await service.test("demo")
    assert (status.balance, status.unit) == (42_000, "msat")
    assert service.capabilities("demo").amountless is True
    with pytest.raises(UserFacingError, match="exists already"):
        service.add("demo", "fake", {})
    service.add("demo", "fake", {"account": "other", "network": "unit"}, replace=True)
    await service.remove("demo")
    assert service.names() == ["shop"]
    with pytest.raises(ConfigError, match="no backend named 'demo'"):
        service.get("demo")
    await service.aclose()


def test_options_are_checked(open_wallet: WalletService, registry: BackendRegistry) -> None:
    service = BackendsService(open_wallet, registry)
    with pytest.raises(UserFacingError, match=r"needs --opt key=…"):
        service.add("x", "lnbits", {"url": "http://127.0.0.1:1"})
    with pytest.raises(UserFacingError, match="has no option colour"):
        service.add("x", "lnbits", {"url": "u", "key": "k", "colour": "red"})
    with pytest.raises(ConfigError, match="unknown backend type"):
        service.add("x", "carrier-pigeon", {})
    with pytest.raises(UserFacingError, match="a backend name"):
        service.add("bad name!", "fake", {})
    assert service.names() == []


def test_changing_or_removing_the_wallet_password_reencrypts_backend_secrets(
    locked_wallet: WalletService, registry: BackendRegistry
) -> None:
    BackendsService(locked_wallet, registry, password="first-password").add(
        "shop", "lnbits", {"url": "u", "key": "secret-key"}
    )
    locked_wallet.set_password("first-password", "changed-password")
    assert (
        BackendsService(locked_wallet, registry, password="changed-password").get("shop").options["key"] == "secret-key"
    )
    with pytest.raises(InvalidPassword):
        BackendsService(locked_wallet, registry, password="first-password").get("shop")
    locked_wallet.set_password("changed-password", None)
    assert not locked_wallet.password_protected
    assert BackendsService(locked_wallet, registry).get("shop").options["key"] == "secret-key"
