"""Helpers for tests that drive ``WalletService`` (in process) or the ``nutdesk`` CLI (as a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from core.api.service import WalletService
from core.config import Config


@asynccontextmanager
async def open_wallet(data_dir: Path, mnemonic: str | None = None) -> AsyncIterator[WalletService]:
    service = WalletService.open(Config(data_dir=data_dir))
    try:
        if service.initialized:
            service.unlock()
        else:
            service.create_wallet(mnemonic)
        yield service
    finally:
        await service.close()


async def fund(service: WalletService, mint_url: str, amount: int, unit: str = "sat") -> int:
    """Mint ``amount`` (FakeWallet pays the invoice by itself)."""
    if service.store.get_mint(mint_url) is None:
        await service.add_mint(mint_url, trusted=True)
    quote = await service.create_invoice(amount, mint_url, unit)
    return await service.wait_and_mint(mint_url, quote.quote, timeout=60)


def balance(service: WalletService, mint_url: str, unit: str = "sat") -> tuple[int, int]:
    """(spendable, pending) at one mint."""
    for row in service.balances():
        if row.mint_url == mint_url and row.unit == unit:
            return row.balance, row.pending
    return 0, 0


def nutdesk(
    data_dir: Path, *args: str, input: str | None = None, env: dict[str, str] | None = None, check: bool = True
) -> dict[str, Any]:
    """Run ``nutdesk --json --data-dir DIR ARGS`` and return its one JSON object."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--json", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=input,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"nutdesk {' '.join(args)} failed ({result.returncode}): {result.stdout}{result.stderr}")
    data: dict[str, Any] = json.loads(result.stdout) if result.stdout.strip() else {}
    return data
