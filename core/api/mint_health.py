"""Each mint's health: answer times, failed operations, keysets nearing ``final_expiry``, fee changes, and the
last self-check — with the warnings that follow from them (move ecash out of a keyset before it expires).

A check asks the mint for its info and keysets (timed); the assessment itself (:func:`assess`) is plain data in,
report out. What is learnt over time (answer times, the fees last seen, the last self-check) is kept in the
setting ``health:<mint url>``. The self-check is a small swap of the wallet's own ecash — a 2-sat token made and
taken back at once, two journaled operations like any other — so it costs the mint's input fees and runs only
when the user asks for it.
"""

from __future__ import annotations

import itertools
import json
import math
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.api.service import WalletService
from core.errors import InsufficientBalance, NutdeskError
from core.ports.storage import HistoryEntry, OperationRecord, StoredKeyset
from core.wallet.keychain import Keychain

__all__ = [
    "EXPIRY_WARNING_DAYS",
    "ExpiringKeyset",
    "MintHealthReport",
    "assess",
    "check_mint_health",
    "health_record",
    "known_health",
    "known_health_of",
    "self_check",
]

EXPIRY_WARNING_DAYS = 14
FAILED_WINDOW = 30 * 86400
KEEP_SAMPLES = 20
_SETTING = "health:"


@dataclass(frozen=True)
class ExpiringKeyset:
    keyset_id: str
    unit: str
    final_expiry: int
    balance: int


@dataclass(frozen=True)
class MintHealthReport:
    url: str
    reachable: bool | None
    error: str = ""
    answer_ms: int | None = None  # the last answer
    median_answer_ms: int | None = None
    failed_operations: int = 0  # in the last 30 days
    expiring: tuple[ExpiringKeyset, ...] = ()
    fee_change: str = ""
    self_check_ok: bool | None = None  # None: never run
    self_check_at: float = 0.0
    self_check_detail: str = ""
    checked_at: float = 0.0
    warnings: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """One line for a table cell."""
        parts = ["not checked" if self.reachable is None else ("online" if self.reachable else "unreachable")]
        if self.median_answer_ms is not None:
            parts.append(f"{self.median_answer_ms} ms")
        if self.failed_operations:
            parts.append(f"{self.failed_operations} failed")
        if self.self_check_ok is not None:
            parts.append("self-check ok" if self.self_check_ok else "self-check FAILED")
        if self.warnings:
            parts.append("⚠ " + self.warnings[0])
        return " · ".join(parts)

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("expiring", "warnings")}
        data["expiring"] = [e.__dict__ for e in self.expiring]
        data["warnings"] = list(self.warnings)
        return data


def health_record(service: WalletService, url: str) -> dict[str, Any]:
    raw = service.store.get_setting(_SETTING + url)
    return json.loads(raw) if raw else {}


def _save(service: WalletService, url: str, record: dict[str, Any]) -> None:
    service.store.set_setting(_SETTING + url, json.dumps(record, sort_keys=True))


def _keyset_balances(service: WalletService, url: str) -> dict[str, int]:
    return service.store.keyset_balances(url)  # an aggregate: the Balances view asks for it per mint


def assess(
    url: str,
    *,
    keysets: Sequence[StoredKeyset],
    keyset_balances: dict[str, int],
    operations: Sequence[OperationRecord | HistoryEntry],
    record: dict[str, Any],
    now: float,
    reachable: bool | None = None,
    error: str = "",
) -> MintHealthReport:
    """The report from what is known (pure): expiring keysets holding ecash come first among the warnings."""
    samples = [int(s) for s in record.get("answers_ms", [])]
    failed = sum(
        1 for op in operations if op.mint_url == url and op.state == "failed" and now - op.created_at < FAILED_WINDOW
    )
    horizon = now + EXPIRY_WARNING_DAYS * 86400
    expiring = tuple(
        ExpiringKeyset(k.id, k.unit, k.final_expiry, keyset_balances.get(k.id, 0))
        for k in keysets
        if k.final_expiry is not None and k.final_expiry <= horizon
    )
    warnings = []
    for e in expiring:
        if e.balance <= 0:
            continue
        days = math.floor((e.final_expiry - now) / 86400)
        when = "has expired" if days < 0 else ("expires today" if days == 0 else f"expires in {days} days")
        warnings.append(
            f"keyset {e.keyset_id[:10]}… {when} with {e.balance} {e.unit} in it: move that ecash "
            "(send it to yourself or transfer it to another mint) before the mint stops accepting it"
        )
    fee_change = str(record.get("fee_change", ""))
    if fee_change:
        warnings.append(fee_change)
    if failed:
        warnings.append(f"{failed} failed operation(s) in the last 30 days")
    check = record.get("self_check") or {}
    if check and not check.get("ok"):
        warnings.append(f"the last self-check failed: {check.get('detail', '')}")
    return MintHealthReport(
        url=url,
        reachable=reachable,
        error=error,
        answer_ms=samples[-1] if samples else None,
        median_answer_ms=int(statistics.median(samples)) if samples else None,
        failed_operations=failed,
        expiring=expiring,
        fee_change=fee_change,
        self_check_ok=None if not check else bool(check.get("ok")),
        self_check_at=float(check.get("at", 0.0)) if check else 0.0,
        self_check_detail=str(check.get("detail", "")) if check else "",
        checked_at=float(record.get("checked_at", 0.0)),
        warnings=tuple(warnings),
    )


def _fee_change(record: dict[str, Any], keysets: Sequence[StoredKeyset], now: float) -> None:
    """Note a change of the active keysets' input fee since the last check (or against rotated-out keysets)."""
    active = {k.unit: k.input_fee_ppk for k in keysets if k.active}
    seen: dict[str, int] = record.get("fees_seen") or {
        k.unit: k.input_fee_ppk for k in keysets if not k.active and k.unit in active
    }
    for unit, ppk in sorted(active.items()):
        before = seen.get(unit)
        if before is not None and before != ppk:
            day = time.strftime("%Y-%m-%d", time.gmtime(now))
            record["fee_change"] = f"input fee ({unit}) changed from {before} to {ppk} ppk per proof on {day}"
    record["fees_seen"] = active


def _failed(service: WalletService) -> list[HistoryEntry]:
    """The failed operations ``assess`` counts: newest first, so the read stops at the window's start (narrow rows,
    no journal payloads)."""
    start = time.time() - FAILED_WINDOW
    return list(itertools.takewhile(lambda e: e.created_at >= start, service.store.history_entries(states=["failed"])))


def _report(
    service: WalletService,
    url: str,
    record: dict[str, Any],
    reachable: bool | None,
    error: str = "",
    failed: Sequence[HistoryEntry] | None = None,
) -> MintHealthReport:
    keysets = service.keysets(url)
    horizon = time.time() + EXPIRY_WARNING_DAYS * 86400
    expiring = any(k.final_expiry is not None and k.final_expiry <= horizon for k in keysets)
    return assess(
        url,
        keysets=keysets,
        # An aggregate over the mint's proofs, needed only to say how much an expiring keyset holds.
        keyset_balances=_keyset_balances(service, url) if expiring else {},
        operations=_failed(service) if failed is None else failed,
        record=record,
        now=time.time(),
        reachable=reachable,
        error=error,
    )


def known_health(service: WalletService, url: str) -> MintHealthReport:
    """What is known without asking the mint (expiring keysets, fee changes, failures, the last checks)."""
    record = health_record(service, url)
    return _report(service, url, record, None)


def known_health_of(service: WalletService, urls: Iterable[str]) -> dict[str, MintHealthReport]:
    """``known_health`` of several mints, the failed operations read once for all (not once per mint)."""
    failed = _failed(service)
    return {url: _report(service, url, health_record(service, url), None, failed=failed) for url in dict.fromkeys(urls)}


async def check_mint_health(service: WalletService, url: str) -> MintHealthReport:
    """Ask the mint (info and keysets, timed), note fee changes, and assess."""
    record = health_record(service, url)
    started = time.monotonic()
    try:
        view = await service.mint_info(url)
        mw = await service.wallet_for(view.url)
        mw.keychain = await Keychain.refresh(service.store, mw.client, view.url)  # a rotation shows at once
    except NutdeskError as exc:
        record["checked_at"] = time.time()
        _save(service, url, record)
        return _report(service, url, record, False, str(exc))
    elapsed = round((time.monotonic() - started) * 1000)
    record["answers_ms"] = [*record.get("answers_ms", []), elapsed][-KEEP_SAMPLES:]
    record["checked_at"] = time.time()
    _fee_change(record, service.keysets(view.url), record["checked_at"])
    _save(service, url, record)
    return _report(service, url, record, True)


async def self_check(service: WalletService, url: str, unit: str = "sat") -> MintHealthReport:
    """A small swap of own ecash: make a token for a few sat and take it back at once (costs the input fees)."""
    record = health_record(service, url)
    active = [k for k in service.keysets(url) if k.active and k.unit == unit]
    fee_per_proof = math.ceil(max((k.input_fee_ppk for k in active), default=0) / 1000)
    amount = 1 << max(1, fee_per_proof.bit_length())  # one proof, worth more than its own input fee
    try:
        sent = await service.send(amount, url, unit, memo="self-check")
        back = await service.reclaim(sent.token)
        ok, detail = True, f"swapped {amount} {unit} and took it back (fees {sent.fee + back.fee} {unit})"
    except InsufficientBalance:
        raise  # not the mint's fault: nothing to record
    except NutdeskError as exc:
        ok, detail = False, str(exc)
    record["self_check"] = {"ok": ok, "at": time.time(), "detail": detail}
    _save(service, url, record)
    return _report(service, url, record, True if ok else None)
