"""A real PostgreSQL server as a test peer: Debian's ``postgresql`` package, a throw-away cluster per test session.

``initdb`` and ``pg_ctl`` from /usr/lib/postgresql/<version>/bin build a cluster in a temporary directory and start it
on a free loopback port (unix socket in the same directory, trust authentication, fsync off: it is thrown away).
PostgreSQL refuses to run as root, so when the tests do, the cluster runs as ``nobody`` (``runuser``) and its
directory belongs to that user. Each test gets a database of its own (``PostgresServer.new_database``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from tests.peers.ports import free_port

__all__ = ["PostgresServer", "pg_bin_dir", "running_postgres"]

_USER = "nutdesk"  # the cluster's superuser (trust authentication on loopback: a throw-away test cluster)


class PostgresError(RuntimeError):
    """The PostgreSQL test server could not be found or started."""


def pg_bin_dir() -> Path:
    """The newest installed server's binaries (scripts/setup.sh --test installs Debian's ``postgresql``)."""
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").exists()), key=lambda p: int(p.parent.name))
    if not versions:
        raise PostgresError("PostgreSQL is not installed: run scripts/setup.sh --test (apt install postgresql)")
    return versions[-1]


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "nobody", "--", *argv]


def _run(argv: list[str]) -> None:
    subprocess.run(_as_server_user(argv), check=True, capture_output=True, text=True, timeout=120)


class PostgresServer:
    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.port = port
        self.data = root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{_USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database on this server; its URL (``postgresql://``, psycopg 3)."""
        import psycopg

        name = "w_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def start(self) -> None:
        bin_dir = pg_bin_dir()
        if os.geteuid() == 0:
            shutil.chown(self.root, user="nobody")
        _run([str(bin_dir / "initdb"), "-D", str(self.data), "-U", _USER, "--auth=trust", "-E", "UTF8"])
        self.resume()

    def resume(self) -> None:
        """Start the (initialised) server: at first, and again after ``stop`` (the database unreachable meanwhile)."""
        bin_dir = pg_bin_dir()
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        _run(
            [str(bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"]
        )

    def stop(self) -> None:
        subprocess.run(
            _as_server_user([str(pg_bin_dir() / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    root = Path(tempfile.mkdtemp(prefix="nutdesk-pg-"))
    root.chmod(0o755)
    server = PostgresServer(root, free_port())
    try:
        try:
            server.start()
        except subprocess.CalledProcessError as exc:
            log = (root / "log").read_text() if (root / "log").exists() else ""
            raise PostgresError(f"PostgreSQL did not start: {exc.stderr}\n{log}") from exc
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
