"""The nutshell mint (``cashu`` 0.20.2, FakeWallet backend) and its wallet CLI as real test peers.

Facts from shared/reference/test-peers.md: nutshell has its own venv (its pins conflict with ours), reads
``./.env`` and ``~/.cashu/.env`` (so cwd and HOME are a fresh data dir), and is ready when ``GET /v1/info``
answers 200. Everything binds 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from tests.peers.ports import free_port, free_ports

__all__ = [
    "NUTSHELL_PINS",
    "NUTSHELL_VENV",
    "NutshellMint",
    "NutshellWalletCLI",
    "PeerError",
    "ensure_nutshell",
    "make_bolt11",
]

REPO = Path(__file__).resolve().parents[2]
NUTSHELL_VENV = REPO / ".peers" / "nutshell"
# cashu 0.20.2 is the last release with the LNbits backend; marshmallow<4 and limits<5 keep it importable/running.
NUTSHELL_PINS = ("cashu==0.20.2", "marshmallow<4", "limits<5")
_USD_DERIVATION_PATHS = json.dumps(["m/0'/0'/0'", "m/0'/2'/0'"])  # unit from the path: 0 sat, 2 usd


class PeerError(RuntimeError):
    """A test peer could not be installed, started or driven."""


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else ""))


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock across processes, so parallel pytest workers do not install the venv twice."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - the suite runs on Linux; keep Windows from failing outright
            yield
            return
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _python311() -> str:
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    found = shutil.which("python3.11")
    if found is None:
        raise PeerError("python3.11 is needed to create the nutshell venv")
    return found


def ensure_nutshell(venv: Path = NUTSHELL_VENV) -> Path:
    """Create ``venv`` with the pinned nutshell if it is missing (≈30 s once); return it."""
    # Checked only under the lock (uncontended it costs microseconds): a process that is installing holds it,
    # so nobody sees a half-installed venv whose scripts exist before their dependencies do.
    with _file_lock(venv.parent / (venv.name + ".lock")):
        if _bin(venv, "mint").exists() and _bin(venv, "cashu").exists():
            return venv
        if not _bin(venv, "python").exists():
            subprocess.run([_python311(), "-m", "venv", str(venv)], check=True, timeout=300)
        result = subprocess.run(
            [str(_bin(venv, "python")), "-m", "pip", "install", "-q", *NUTSHELL_PINS],
            capture_output=True,
            text=True,
            timeout=900,
        )
        if result.returncode != 0 or not _bin(venv, "mint").exists():
            raise PeerError(f"installing nutshell failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return venv


def _base_env(home: Path) -> dict[str, str]:
    # A clean environment: the test process's own MINT_*/proxy variables must not leak into the peer.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}
    for key in ("SYSTEMROOT", "TMPDIR"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def _get_status(url: str, timeout: float = 1.0) -> int | None:
    # No proxies from the environment: the mint is on loopback.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (OSError, ValueError):
        return None


def make_bolt11(
    amount_sat: int | None,
    *,
    description: str = "nutdesk test payment",
    expiry: int = 3600,
    private_key: str | None = None,
    payment_hash: str | None = None,
) -> str:
    """A validly signed mainnet bolt11 invoice (FakeWallet pays any such invoice that has an amount)."""
    from bolt11 import Bolt11, MilliSatoshi, Tag, TagChar, Tags, encode

    tags = Tags(
        [
            Tag(TagChar.payment_hash, payment_hash or secrets.token_hex(32)),
            Tag(TagChar.payment_secret, secrets.token_hex(32)),
            Tag(TagChar.description, description),
            Tag(TagChar.expire_time, expiry),
        ]
    )
    amount = None if amount_sat is None else MilliSatoshi(amount_sat * 1000)
    invoice = Bolt11(currency="bc", amount_msat=amount, date=int(time.time()), tags=tags)
    # Any valid secp256k1 key signs it; the payee is whoever holds the key, which nobody checks here.
    return str(encode(invoice, private_key or secrets.token_hex(32)))


class NutshellMint:
    """A FakeWallet nutshell mint on a free 127.0.0.1 port, in its own temporary data dir.

    ``input_fee_ppk`` None keeps the mint's default (100). ``usd`` adds a usd keyset. ``rpc`` enables the
    management RPC so ``mint_cli`` can rotate keysets or set quote states. ``extra_env`` carries FakeWallet
    knobs (``FAKEWALLET_DELAY_INCOMING_PAYMENT`` …) or any other ``MINT_*`` setting.
    """

    def __init__(
        self,
        *,
        name: str = "nutdesk test mint",
        input_fee_ppk: int | None = None,
        usd: bool = False,
        rpc: bool = True,
        extra_env: Mapping[str, str] | None = None,
        venv: Path | None = None,
        startup_timeout: float = 60.0,
    ) -> None:
        self.name = name
        self.input_fee_ppk = input_fee_ppk
        self.usd = usd
        self.rpc = rpc
        self.extra_env: dict[str, str] = dict(extra_env or {})
        self.venv = venv or NUTSHELL_VENV
        self.startup_timeout = startup_timeout
        # Fixed for the mint's life: a restart with another key would derive other keysets.
        self.private_key = secrets.token_hex(32)
        self.port, self.rpc_port = self._pick_ports()
        self.data_dir = Path(tempfile.mkdtemp(prefix="nutshell-mint-"))
        self.log_path = self.data_dir / "mint.log"
        self.startup_seconds: float | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def _pick_ports(self) -> tuple[int, int | None]:
        if not self.rpc:
            return free_port(), None
        port, rpc_port = free_ports(2)
        return port, rpc_port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def env(self) -> dict[str, str]:
        env = _base_env(self.data_dir)
        env.update(
            {
                "MINT_BACKEND_BOLT11_SAT": "FakeWallet",
                "MINT_PRIVATE_KEY": self.private_key,
                "MINT_LISTEN_HOST": "127.0.0.1",
                "MINT_LISTEN_PORT": str(self.port),
                "MINT_DATABASE": str(self.data_dir / "db"),
                "MINT_AUTH_DATABASE": str(self.data_dir / "authdb"),
                "MINT_RATE_LIMIT": "false",
                "MINT_INFO_NAME": self.name,
                "MINT_INFO_MOTD": f"{self.name}: FakeWallet, for tests only",
            }
        )
        if self.input_fee_ppk is not None:
            env["MINT_INPUT_FEE_PPK"] = str(self.input_fee_ppk)
        if self.usd:
            env["MINT_BACKEND_BOLT11_USD"] = "FakeWallet"
            env["MINT_DERIVATION_PATH_LIST"] = _USD_DERIVATION_PATHS
        if self.rpc_port is not None:
            env.update(
                {
                    "MINT_RPC_SERVER_ENABLE": "true",
                    "MINT_RPC_SERVER_MUTUAL_TLS": "false",
                    "MINT_RPC_SERVER_ADDR": "127.0.0.1",
                    "MINT_RPC_SERVER_PORT": str(self.rpc_port),
                }
            )
        env.update(self.extra_env)
        return env

    # --- lifecycle ------------------------------------------------------------------------------------

    def start(self) -> float:
        """Start and wait until ``GET /v1/info`` is 200; return the seconds it took.

        Before the first successful start, a port taken meanwhile by someone else (another test process) is
        replaced and the start retried; after that the ports stay fixed, because wallets name a mint by its URL.
        """
        for attempt in range(3):
            try:
                return self._start_once()
            except PeerError as exc:
                if self.startup_seconds is not None or "address already in use" not in str(exc) or attempt == 2:
                    raise
                self.port, self.rpc_port = self._pick_ports()
        raise AssertionError("unreachable")

    def _start_once(self) -> float:
        if self.running:
            return self.startup_seconds or 0.0
        ensure_nutshell(self.venv)
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - stays open for the process's life, closed in stop()
        started = time.monotonic()
        self._process = subprocess.Popen(
            [str(_bin(self.venv, "mint")), "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=self.data_dir,
            env=self.env(),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            # Its own process group, so stop() reaches every child uvicorn may spawn.
            start_new_session=True,
        )
        deadline = started + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                code = self._process.returncode
                self.stop()
                raise PeerError(f"nutshell mint exited with {code} while starting:\n{self.log_tail()}")
            if _get_status(self.url + "/v1/info") == 200:
                self.startup_seconds = time.monotonic() - started
                return self.startup_seconds
            time.sleep(0.1)
        self.stop()
        raise PeerError(f"nutshell mint not ready after {self.startup_timeout} s:\n{self.log_tail()}")

    def stop(self, timeout: float = 10.0) -> None:
        """Terminate the whole process group, then kill it if it lingers. Safe to call twice."""
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                self._signal_group(process, signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    self._signal_group(process, signal.SIGKILL)
                    process.wait(timeout)
            # The group may hold children that outlived the leader.
            self._signal_group(process, signal.SIGKILL)
        if self._log is not None:
            self._log.close()
            self._log = None

    @staticmethod
    def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)

    def restart(self, extra_env: Mapping[str, str] | None = None) -> float:
        """Stop and start again on the same port and data dir; ``extra_env`` replaces the previous extras."""
        self.stop()
        if extra_env is not None:
            self.extra_env = dict(extra_env)
        return self.start()

    def cleanup(self) -> None:
        """Stop and delete the data dir."""
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> NutshellMint:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # --- control ----------------------------------------------------------------------------------------

    def mint_cli(self, *args: str, timeout: float = 60.0) -> str:
        """Run ``mint-cli -i -h 127.0.0.1 -p <rpc port> *args`` (e.g. ``next-keyset sat 100``); return stdout."""
        if self.rpc_port is None:
            raise PeerError("this mint was started without the management RPC (rpc=False)")
        result = subprocess.run(
            [str(_bin(self.venv, "mint-cli")), "-i", "-h", "127.0.0.1", "-p", str(self.rpc_port), *args],
            cwd=self.data_dir,
            env=_base_env(self.data_dir),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise PeerError(f"mint-cli {' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
        return result.stdout

    def set_mint_quote_state(self, quote_id: str, state: str) -> None:
        """Force a mint quote's state (UNPAID/PAID/ISSUED) through the management RPC."""
        self.mint_cli("update", "mint-quote", quote_id, state)

    def next_keyset(self, unit: str = "sat", input_fee_ppk: int | None = None) -> str:
        """Rotate to a new keyset (optionally with another input fee)."""
        args = ["next-keyset", unit] + ([str(input_fee_ppk)] if input_fee_ppk is not None else [])
        return self.mint_cli(*args)

    def owed(self) -> int:
        """What the mint owes its ecash holders by its own books: the sum of nutshell's ``balance`` view (issued minus
        redeemed, over every keyset). Read-only, beside the running mint (SQLite in WAL mode allows it)."""
        files = sorted((self.data_dir / "db").glob("*.sqlite3"))
        if not files:
            raise PeerError(f"no mint database under {self.data_dir / 'db'}")
        connection = sqlite3.connect(f"file:{files[0]}?mode=ro", uri=True, timeout=30)
        try:
            row = connection.execute("SELECT COALESCE(SUM(balance), 0) FROM balance").fetchone()
        finally:
            connection.close()
        return int(row[0])

    make_bolt11 = staticmethod(make_bolt11)

    def wallet_cli(self, data_dir: Path | None = None) -> NutshellWalletCLI:
        """A nutshell wallet CLI bound to this mint (a fresh wallet unless ``data_dir`` is given)."""
        return NutshellWalletCLI(self.url, data_dir=data_dir, venv=self.venv)


class NutshellWalletCLI:
    """The nutshell wallet CLI (``cashu -y …``) as an interop peer, with its own HOME and CASHU_DIR."""

    def __init__(self, mint_url: str, *, data_dir: Path | None = None, venv: Path | None = None) -> None:
        self.mint_url = mint_url
        self.venv = venv or NUTSHELL_VENV
        self.data_dir = data_dir or Path(tempfile.mkdtemp(prefix="nutshell-wallet-"))

    def env(self) -> dict[str, str]:
        env = _base_env(self.data_dir)
        env.update({"CASHU_DIR": str(self.data_dir / "cashu"), "MINT_URL": self.mint_url, "TOR": "false"})
        return env

    def run(self, *args: str, timeout: float = 120.0) -> str:
        """Run ``cashu -y *args`` and return stdout; a non-zero exit raises ``PeerError``."""
        ensure_nutshell(self.venv)
        result = subprocess.run(
            [str(_bin(self.venv, "cashu")), "-y", *args],
            cwd=self.data_dir,
            env=self.env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise PeerError(f"cashu {' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
        return result.stdout

    def invoice(self, amount: int) -> str:
        """Request ``amount`` sat; FakeWallet pays it and the CLI waits and mints. Returns the CLI output."""
        return self.run("invoice", str(amount))

    def balance(self) -> int:
        out = self.run("balance")
        for line in out.splitlines():
            if line.strip().startswith("Balance:"):
                return int(line.split(":", 1)[1].split()[0])
        raise PeerError(f"no balance in the output:\n{out}")

    def send(self, amount: int, *, legacy: bool = False) -> str:
        """Create a token for ``amount`` (V4 ``cashuB``, or V3 ``cashuA`` with ``legacy``)."""
        out = self.run("send", *(["--legacy"] if legacy else []), str(amount))
        for word in out.split():
            if word.startswith(("cashuA", "cashuB")):
                return word
        raise PeerError(f"no token in the output:\n{out}")

    def receive(self, token: str) -> str:
        return self.run("receive", token)

    def pay(self, bolt11: str) -> str:
        return self.run("pay", bolt11)

    def cleanup(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def info(self) -> dict[str, Any]:
        """Paths and URL, handy in assertion messages."""
        return {"mint_url": self.mint_url, "data_dir": str(self.data_dir)}
