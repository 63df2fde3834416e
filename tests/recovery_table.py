"""Rows of the fault-injection scenarios (value before, value after, lost), printed at the end of the run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    scenario: str
    before: int
    after: int
    expected: int
    outcome: str

    @property
    def lost(self) -> int:
        return self.expected - self.after


ROWS: list[Row] = []


def record(scenario: str, *, before: int, after: int, expected: int, outcome: str) -> Row:
    row = Row(scenario, before, after, expected, outcome)
    ROWS.append(row)
    return row


def render() -> list[str]:
    width = max(len(r.scenario) for r in ROWS)
    lines = [f"{'scenario':<{width}}  {'before':>7}  {'after':>7}  {'expected':>8}  {'lost':>4}  outcome"]
    for r in ROWS:
        lines.append(f"{r.scenario:<{width}}  {r.before:>7}  {r.after:>7}  {r.expected:>8}  {r.lost:>4}  {r.outcome}")
    return lines
