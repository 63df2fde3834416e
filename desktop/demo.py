"""``nutdesk --demo``: the app against two local FakeWallet nutshell mints with demo funds, nothing real.

The mints come from ``<repo>/.peers/nutshell`` (installed by ``make demo`` / ``scripts/setup.sh test``); each runs
on a free 127.0.0.1 port in a temporary directory, with FakeWallet paying invoices by itself. The wallet is a
temporary one, funded and given a little history. Everything is stopped and deleted on exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

from core.api.service import WalletService
from core.config import Config
from core.errors import ConfigError

__all__ = ["DemoEnvironment", "DemoMint", "nutshell_venv"]

REPO = Path(__file__).resolve().parent.parent


def nutshell_venv() -> Path:
    return Path(os.environ.get("NUTDESK_NUTSHELL_VENV", REPO / ".peers" / "nutshell"))


def _bin(name: str) -> Path:
    return nutshell_venv() / ("Scripts" if os.name == "nt" else "bin") / name


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status(url: str) -> int | None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=1.0) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (OSError, ValueError):
        return None


class DemoMint:
    """One FakeWallet nutshell mint in a temporary directory."""

    def __init__(self, name: str, *, input_fee_ppk: int = 100, payment_delay: float = 1.0) -> None:
        self.name = name
        self.input_fee_ppk = input_fee_ppk
        self.payment_delay = payment_delay
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="nutdesk-demo-mint-"))
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.dir),
            "LANG": "C.UTF-8",
            "MINT_BACKEND_BOLT11_SAT": "FakeWallet",
            "MINT_PRIVATE_KEY": secrets.token_hex(32),
            "MINT_LISTEN_HOST": "127.0.0.1",
            "MINT_LISTEN_PORT": str(self.port),
            "MINT_DATABASE": str(self.dir / "db"),
            "MINT_AUTH_DATABASE": str(self.dir / "authdb"),
            "MINT_RATE_LIMIT": "false",
            "MINT_INFO_NAME": self.name,
            "MINT_INFO_MOTD": f"Welcome to {self.name}: a local FakeWallet mint for the Nutdesk demo.",
            "MINT_INPUT_FEE_PPK": str(self.input_fee_ppk),
            "FAKEWALLET_DELAY_INCOMING_PAYMENT": str(self.payment_delay),
            "FAKEWALLET_DELAY_OUTGOING_PAYMENT": str(self.payment_delay),
        }

    def start(self, timeout: float = 60.0) -> None:
        """Blocking: start and wait for ``GET /v1/info`` (run it in an executor)."""
        mint = _bin("mint")
        if not mint.exists():
            raise ConfigError(
                f"the demo needs the nutshell mint in {nutshell_venv()}: run `make demo` "
                "(or scripts/setup.sh test) once to install it"
            )
        self._log = open(self.dir / "mint.log", "ab")  # noqa: SIM115 - open for the process's life
        self._process = subprocess.Popen(
            [str(mint), "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=self.dir,
            env=self._env(),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                tail = (self.dir / "mint.log").read_text(errors="replace")[-1500:]
                self.stop()
                raise ConfigError(f"the demo mint exited while starting:\n{tail}")
            if _status(self.url + "/v1/info") == 200:
                return
            time.sleep(0.1)
        self.stop()
        raise ConfigError(f"the demo mint did not start within {timeout:.0f} s")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
        if self._log is not None:
            self._log.close()
            self._log = None

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


async def fund(service: WalletService, mint_url: str, amount: int) -> int:
    """Mint ``amount`` sat: FakeWallet pays the mint's own invoice after its delay."""
    quote = await service.create_invoice(amount, mint_url)
    return await service.wait_and_mint(mint_url, quote.quote, timeout=60)


async def seed_demo_wallet(service: WalletService, mints: list[DemoMint]) -> None:
    """A wallet with funds at every demo mint and a little history: a send, a receive, a payment, a transfer."""
    primary = mints[0]
    for mint in mints:
        await service.add_mint(mint.url, trusted=True)
    await fund(service, primary.url, 50_000)
    if len(mints) > 1:
        await fund(service, mints[1].url, 12_500)
    gift = await service.send(2_100, primary.url, memo="coffee for Alice")
    await service.send(500, primary.url, memo="tip jar")  # stays pending: shows in Send → "not yet claimed"
    await service.receive(gift.token)  # as if Alice sent it back
    if len(mints) > 1:
        await service.transfer(5_000, primary.url, mints[1].url)


class DemoEnvironment:
    """Two demo mints and a funded temporary wallet; ``await start()``, then ``await stop()``."""

    def __init__(self, *, mint_names: tuple[str, ...] = ("Demo Mint", "Second Demo Mint")) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="nutdesk-demo-"))
        self.wallet_dir = self.root / "wallet"
        self.mints = [DemoMint(name, payment_delay=0.5) for name in mint_names]

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            await asyncio.gather(*(loop.run_in_executor(None, m.start) for m in self.mints))
            service = WalletService.open(Config(data_dir=self.wallet_dir))
            try:
                service.create_wallet()
                await seed_demo_wallet(service, self.mints)
            finally:
                await service.close()
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(None, m.cleanup) for m in self.mints))
        shutil.rmtree(self.root, ignore_errors=True)
