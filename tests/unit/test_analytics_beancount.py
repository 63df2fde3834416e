"""A small Beancount checker (the checks ``bean-check`` would make on our ledgers) and tests of it.

``check_beancount`` parses a ledger written by ``core.analytics.exporters.write_beancount`` and asserts: every
account name is valid and opened on or before its first use, every transaction's postings sum to zero per
commodity, metadata and price lines are well-formed. It returns the postings of each transaction.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

ACCOUNT = re.compile(r"^(Assets|Liabilities|Equity|Income|Expenses)(:[A-Z0-9][A-Za-z0-9-]*)+$")
COMMODITY = re.compile(r"^[A-Z][A-Z0-9'._-]{0,22}[A-Z0-9]$")
POSTING = re.compile(r"^  (\S+)\s+(-?\d+(?:\.\d+)?) (\S+)$")
META = re.compile(r'^  [a-z][a-zA-Z0-9_-]*: (".*"|-?\d+(\.\d+)? [A-Z]+)$')
TXN = re.compile(r'^(\d{4}-\d{2}-\d{2}) \* "[^"]*" "[^"]*"$')
OPEN = re.compile(r"^(\d{4}-\d{2}-\d{2}) open (\S+)$")
PRICE = re.compile(r"^\d{4}-\d{2}-\d{2} price (\S+) \d+(\.\d+)? [A-Z]+$")


def check_beancount(ledger: str) -> list[list[tuple[str, int]]]:
    opened: dict[str, str] = {}
    transactions: list[list[tuple[str, int]]] = []
    date = ""
    current: list[tuple[str, Decimal, str]] | None = None

    def close() -> None:
        if current is None:
            return
        sums: dict[str, Decimal] = {}
        for _account, amount, commodity in current:
            sums[commodity] = sums.get(commodity, Decimal(0)) + amount
        assert all(v == 0 for v in sums.values()), f"unbalanced transaction on {date}: {current}"
        assert len(current) >= 2
        transactions.append([(a, int(n)) for a, n, _c in current])

    for number, line in enumerate(ledger.splitlines(), start=1):
        if line.startswith("option ") or not line.strip():
            close()
            current = None
            continue
        if m := OPEN.match(line):
            assert ACCOUNT.match(m.group(2)), f"line {number}: bad account {m.group(2)}"
            opened[m.group(2)] = m.group(1)
            continue
        if m := TXN.match(line):
            close()
            date, current = m.group(1), []
            continue
        if PRICE.match(line):
            assert COMMODITY.match(line.split()[2])
            continue
        assert current is not None, f"line {number}: {line!r} outside a transaction"
        if META.match(line):
            continue
        m = POSTING.match(line)
        assert m, f"line {number}: not a posting: {line!r}"
        account, amount, commodity = m.group(1), Decimal(m.group(2)), m.group(3)
        assert ACCOUNT.match(account), f"line {number}: bad account {account}"
        assert COMMODITY.match(commodity), f"line {number}: bad commodity {commodity}"
        assert account in opened and opened[account] <= date, f"line {number}: {account} not open on {date}"
        current.append((account, amount, commodity))
    close()
    return transactions


def test_the_checker_accepts_a_balanced_ledger() -> None:
    ledger = (
        'option "title" "t"\n\n2026-01-01 open Assets:Cashu:A:SATS\n2026-01-01 open Income:X\n\n'
        '2026-01-02 * "Received" ""\n  nutdesk-id: "1"\n  fiat-value: 1.00 USD\n'
        "  Assets:Cashu:A:SATS   10 SATS\n  Income:X   -10 SATS\n\n2026-01-02 price SATS 0.0006 USD\n"
    )
    assert check_beancount(ledger) == [[("Assets:Cashu:A:SATS", 10), ("Income:X", -10)]]


@pytest.mark.parametrize(
    ("posting", "problem"),
    [("  Income:X   -9 SATS", "unbalanced"), ("  Income:Y   -10 SATS", "not open"), ("  income:x  -10 SATS", "bad")],
)
def test_the_checker_refuses_a_broken_ledger(posting: str, problem: str) -> None:
    ledger = (
        "2026-01-01 open Assets:A\n2026-01-01 open Income:X\n\n"
        f'2026-01-02 * "Received" ""\n  Assets:A   10 SATS\n{posting}\n'
    )
    with pytest.raises(AssertionError, match=problem):
        check_beancount(ledger)
