"""A real Redis server (Debian package ``redis-server``) on loopback, for nutshell's NUT-19 response cache.

nutshell caches the answers of ``/v1/swap``, ``/v1/mint/bolt11`` and ``/v1/melt/bolt11`` in Redis when started
with ``MINT_REDIS_CACHE_ENABLED=true`` and ``MINT_REDIS_CACHE_URL``; it then advertises ``nuts["19"]``.
No persistence: the server's data lives and dies with the test.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.peers.nutshell import PeerError
from tests.peers.ports import free_port

__all__ = ["RedisServer"]


class RedisServer:
    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise PeerError("redis-server is missing: run scripts/setup.sh test (Debian package redis-server)")
        self.binary = binary
        self.port = free_port()
        self.data_dir = Path(tempfile.mkdtemp(prefix="redis-"))
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def start(self) -> None:
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self.data_dir), "--daemonize", "no"]
        self._process = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._ping():
                return
            if self._process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise PeerError("redis-server did not answer PING")

    def _ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        self._process = None
        shutil.rmtree(self.data_dir, ignore_errors=True)
