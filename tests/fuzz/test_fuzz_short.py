"""A short run of the fuzzer in the normal suite (a few seconds); ``make fuzz`` runs a million inputs."""

from __future__ import annotations

import logging

import pytest

from tests.fuzz.run import fuzz, report


async def test_no_parser_or_network_reader_lets_a_hostile_input_escape(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.CRITICAL)
    targets = await fuzz(6000, seed=20261130)
    print("\n" + report(targets))
    assert all(t.tried >= 150 for t in targets), "every target ran"
    escaped = {t.name: t.examples for t in targets if t.escapes}
    assert escaped == {}
