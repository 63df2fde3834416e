"""Session-wide test set-up: the vector-case counter printed at the end of every run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests import recovery_table
from tests.peers.postgres import PostgresServer, running_postgres
from tests.vectorlib import all_case_keys

# Qt must never try to open a real display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server (Debian's package) for the whole session, on a free loopback port."""
    with running_postgres() as server:
        yield server


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database of this test's own."""
    return postgres_server.new_database()


_vector_passed: set[str] = set()
_vector_failed: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call":
        return
    keys = getattr(report, "vector_keys", ())
    for key in keys:
        (_vector_passed if report.passed else _vector_failed).add(key)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Any:
    outcome = yield
    report = outcome.get_result()
    report.vector_keys = tuple(m.args[0] for m in item.iter_markers("vector"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if recovery_table.ROWS:
        terminalreporter.write_sep("-", "fault injection: value before and after recovery (lost must be 0)")
        for line in recovery_table.render():
            terminalreporter.write_line(line)
    ran = _vector_passed | _vector_failed
    if not ran:
        return
    total = all_case_keys()
    terminalreporter.write_sep("-", "NUT test vectors")
    terminalreporter.write_line(
        f"{len(ran)} of {len(total)} vector cases ran: {len(_vector_passed)} passed, {len(_vector_failed)} failed"
    )
    missing = sorted(total - ran)
    if missing and len(ran) > len(total) // 2:
        terminalreporter.write_line("cases no test exercised: " + ", ".join(missing))
