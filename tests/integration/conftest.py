"""Real peers for the integration tests: nutshell mints started on first use and stopped at session end.

The mints are session-scoped because each start costs ≈2 s; tests must therefore not depend on a mint's
global state (use fresh quotes, fresh secrets). A test that needs special settings (a FakeWallet failure
mode, another fee) builds its own with ``nutshell_mint_factory``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.peers.nutshell import NutshellMint, NutshellWalletCLI

# FakeWallet pays mint quotes after 3 s and melts after 3 s by default: 1 s keeps the suite quick while still
# leaving a visible UNPAID → PAID transition for the websocket tests.
FAST_FAKEWALLET = {"FAKEWALLET_DELAY_INCOMING_PAYMENT": "1", "FAKEWALLET_DELAY_OUTGOING_PAYMENT": "1"}

_startup_seconds: dict[str, float] = {}
_INTEGRATION_DIR = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _INTEGRATION_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.integration)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _startup_seconds:
        terminalreporter.write_sep("-", "test peers")
        for name, seconds in _startup_seconds.items():
            terminalreporter.write_line(f"{name}: ready after {seconds:.2f} s")


def _started(name: str, mint: NutshellMint) -> NutshellMint:
    try:
        _startup_seconds[name] = mint.start()
    except BaseException:
        mint.cleanup()
        raise
    return mint


@pytest.fixture(scope="session")
def nutshell_mint() -> Iterator[NutshellMint]:
    """A sat mint with the default input fee (100 ppk), management RPC on, FakeWallet paying after 1 s."""
    mint = _started("nutshell_mint", NutshellMint(name="nutdesk mint A", extra_env=FAST_FAKEWALLET))
    yield mint
    mint.cleanup()


@pytest.fixture(scope="session")
def second_mint() -> Iterator[NutshellMint]:
    """Another independent sat mint (multi-mint and cross-mint tests)."""
    mint = _started("second_mint", NutshellMint(name="nutdesk mint B", extra_env=FAST_FAKEWALLET))
    yield mint
    mint.cleanup()


@pytest.fixture(scope="session")
def usd_mint() -> Iterator[NutshellMint]:
    """A mint with a sat and a usd keyset (usd amounts are cents)."""
    mint = _started("usd_mint", NutshellMint(name="nutdesk mint USD", usd=True, extra_env=FAST_FAKEWALLET))
    yield mint
    mint.cleanup()


@pytest.fixture
def nutshell_mint_factory() -> Iterator[Callable[..., NutshellMint]]:
    """Start a dedicated mint with custom options (``NutshellMint`` kwargs); stopped after the test."""
    mints: list[NutshellMint] = []

    def factory(**kwargs: Any) -> NutshellMint:
        kwargs.setdefault("extra_env", FAST_FAKEWALLET)
        mint = NutshellMint(**kwargs)
        mints.append(mint)
        _startup_seconds[f"factory mint {len(_startup_seconds)}"] = mint.start()
        return mint

    yield factory
    for mint in mints:
        mint.cleanup()


@pytest.fixture
def nutshell_wallet(nutshell_mint: NutshellMint) -> Iterator[NutshellWalletCLI]:
    """A fresh nutshell wallet CLI bound to ``nutshell_mint``."""
    wallet = nutshell_mint.wallet_cli()
    yield wallet
    wallet.cleanup()
