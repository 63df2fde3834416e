"""A real LNbits 1.6.2 server (FakeWallet funding source) as a test peer.

Facts from shared/reference/test-peers.md: LNbits lives in its own venv (``.peers/lnbits``, pins
``lnbits==1.6.2`` and ``bitstring<5``); it is started with cwd = a data dir holding a symlink ``lnbits`` to
the installed package (it mounts ``lnbits/static`` relative to cwd); the ``lnbits`` process runs a uvicorn
child that keeps serving, so stop() signals the whole process group it was started in. Headless set-up:
``PUT /api/v1/auth/first_install`` → bearer token; ``POST /api/v1/account`` → a wallet with keys; the admin
credits a wallet with ``PUT /users/api/v1/balance``. Everything binds 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tests.peers.nutshell import PeerError, _base_env, _bin, _file_lock, _get_status, _python311
from tests.peers.ports import free_port

__all__ = [
    "LNBITS_PINS",
    "LNBITS_VENV",
    "LNbitsServer",
    "LNbitsWallet",
    "acquire_shared",
    "ensure_lnbits",
    "release_shared",
]

REPO = Path(__file__).resolve().parents[2]
LNBITS_VENV = REPO / ".peers" / "lnbits"
# Without bitstring<5 every lnbits import fails (cannot import name 'ConstBitStream').
LNBITS_PINS = ("lnbits==1.6.2", "bitstring<5")


def ensure_lnbits(venv: Path = LNBITS_VENV) -> Path:
    """Create ``venv`` with the pinned LNbits if it is missing (≈30 s once, under a file lock); return it."""
    if _bin(venv, "lnbits").exists():
        return venv
    with _file_lock(venv.parent / (venv.name + ".lock")):
        if _bin(venv, "lnbits").exists():
            return venv
        if not _bin(venv, "python").exists():
            subprocess.run([_python311(), "-m", "venv", str(venv)], check=True, timeout=300)
        result = subprocess.run(
            [str(_bin(venv, "python")), "-m", "pip", "install", "-q", *LNBITS_PINS],
            capture_output=True,
            text=True,
            timeout=1200,
        )
        if result.returncode != 0 or not _bin(venv, "lnbits").exists():
            raise PeerError(f"installing LNbits failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return venv


def _package_dir(venv: Path) -> Path:
    found = sorted(venv.glob("lib/python3*/site-packages/lnbits"))
    if not found:
        raise PeerError(f"no lnbits package in {venv}")
    return found[0]


@dataclass(frozen=True)
class LNbitsWallet:
    """One LNbits account's wallet and its keys."""

    id: str
    name: str
    adminkey: str
    inkey: str


class LNbitsServer:
    """LNbits with the FakeWallet funding source on a free 127.0.0.1 port, in a temporary data dir."""

    def __init__(self, *, venv: Path | None = None, startup_timeout: float = 90.0) -> None:
        self.venv = venv or LNBITS_VENV
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.data_dir = Path(tempfile.mkdtemp(prefix="lnbits-"))
        self.log_path = self.data_dir / "lnbits.log"
        self.access_token: str | None = None
        self.startup_seconds: float | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = _base_env(self.data_dir)
        env.update(
            {
                "HOST": "127.0.0.1",
                "PORT": str(self.port),
                "LNBITS_DATA_FOLDER": str(self.data_dir / "data"),
                "LNBITS_EXTENSIONS_PATH": str(self.data_dir / "ext"),
                "LNBITS_BACKEND_WALLET_CLASS": "FakeWallet",
                "LNBITS_ADMIN_UI": "true",
                "AUTH_HTTPS_ONLY": "false",
                "LNBITS_EXTENSIONS_MANIFESTS": "[]",
                "LNBITS_RATE_LIMIT_NO": "100000",
                "LNBITS_RESERVE_FEE_MIN": "0",
                "LNBITS_RESERVE_FEE_PERCENT": "0",
            }
        )
        return env

    # --- lifecycle ------------------------------------------------------------------------------------

    def start(self) -> float:
        for attempt in range(3):
            try:
                return self._start_once()
            except PeerError as exc:
                if "address already in use" not in str(exc).lower() or attempt == 2:
                    raise
                self.port = free_port()
        raise AssertionError("unreachable")

    def _start_once(self) -> float:
        ensure_lnbits(self.venv)
        (self.data_dir / "data").mkdir(exist_ok=True)
        (self.data_dir / "ext").mkdir(exist_ok=True)
        link = self.data_dir / "lnbits"
        if not link.exists():
            link.symlink_to(_package_dir(self.venv), target_is_directory=True)
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        started = time.monotonic()
        self._process = subprocess.Popen(
            [str(_bin(self.venv, "lnbits")), "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=self.data_dir,
            env=self.env(),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # stop() signals the group: the uvicorn child too
        )
        deadline = started + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                code = self._process.returncode
                self.stop()
                raise PeerError(f"LNbits exited with {code} while starting:\n{self.log_tail()}")
            if _get_status(self.url + "/api/v1/health") == 200:
                self.startup_seconds = time.monotonic() - started
                self._first_install()
                return self.startup_seconds
            time.sleep(0.2)
        self.stop()
        raise PeerError(f"LNbits not ready after {self.startup_timeout} s:\n{self.log_tail()}")

    def stop(self, timeout: float = 10.0) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                self._signal_group(process, signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    self._signal_group(process, signal.SIGKILL)
                    process.wait(timeout)
            self._signal_group(process, signal.SIGKILL)  # the uvicorn child may outlive the leader
        if self._log is not None:
            self._log.close()
            self._log = None

    @staticmethod
    def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> LNbitsServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # --- the API --------------------------------------------------------------------------------------

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            with opener.open(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            raise PeerError(f"LNbits {method} {path} → {exc.code}: {exc.read()[:500]!r}") from exc

    def _first_install(self) -> None:
        password = secrets.token_hex(12)
        answer = self.call(
            "PUT",
            "/api/v1/auth/first_install",
            {"username": "admin", "password": password, "password_repeat": password},
        )
        self.access_token = answer["access_token"]

    def create_wallet(self, name: str) -> LNbitsWallet:
        data = self.call("POST", "/api/v1/account", {"name": name})
        return LNbitsWallet(id=data["id"], name=name, adminkey=data["adminkey"], inkey=data["inkey"])

    def credit(self, wallet: LNbitsWallet, sats: int) -> None:
        """The super user tops the wallet up (no Lightning involved)."""
        self.call(
            "PUT",
            "/users/api/v1/balance",
            {"id": wallet.id, "amount": sats},
            headers={"Authorization": f"Bearer {self.access_token}"},
        )

    def balance_msat(self, wallet: LNbitsWallet) -> int:
        return int(self.call("GET", "/api/v1/wallet", headers={"X-Api-Key": wallet.inkey})["balance"])


# One LNbits per test session, shared by every test module that needs it (each start costs ≈5 s): a session
# fixture in each module acquires it and releases it at the end; the last release stops the server.
_shared: LNbitsServer | None = None
_shared_users = 0


def acquire_shared() -> LNbitsServer:
    global _shared, _shared_users
    if _shared is None:
        server = LNbitsServer()
        try:
            server.start()
        except BaseException:
            server.cleanup()
            raise
        _shared = server
    _shared_users += 1
    return _shared


def release_shared() -> None:
    global _shared, _shared_users
    _shared_users -= 1
    if _shared_users <= 0 and _shared is not None:
        _shared.cleanup()
        _shared = None
        _shared_users = 0
