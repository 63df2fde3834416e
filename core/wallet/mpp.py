"""NUT-15 multi-path payments: one Lightning invoice paid from several mints when none holds enough alone.

Each mint that lists ``{"method": "bolt11", "unit": …}`` under ``nuts["15"]["methods"]`` is asked for a melt
quote for its PART of the invoice (``options.mpp.amount`` in msat); then every part is melted at the same time,
because the payee settles only when all parts have arrived (a part alone waits, then fails back).

Journal: one ``mpp`` operation names the invoice and every part (mint, quote, amount) before any melt is sent;
each part is an ordinary ``melt`` entry (tagged ``mpp``: the parent's id), because each mint's inputs follow
the melt rules on their own (only an UNPAID answer releases them; a lost answer is recovered from that mint).
The parent is settled from its parts (``settle_parent``): all paid → done; all failed → failed; else it waits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.errors import DefinitelyFailed, InsufficientBalance, UserFacingError
from core.i18n import t
from core.ports.storage import OperationRecord, WalletStore
from core.protocol.fees import input_fee
from core.wallet.context import MintWallet
from core.wallet.melt import MeltResult, PreparedMelt, execute_melt, prepared_from_quote

__all__ = ["MPP_NUT", "MppResult", "pay_multi_path", "plan_parts", "prepare_parts", "settle_parent", "supports_mpp"]

MPP_NUT = 15
_PLAN_ROUNDS = 6  # re-plan after the quotes show each mint's real fee reserve


def supports_mpp(mw: MintWallet, unit: str, method: str = "bolt11") -> bool:
    """Whether the mint advertises NUT-15 for ``method`` and ``unit``."""
    if mw.info is None:
        return False
    entry = mw.info.nuts.get(MPP_NUT) or {}
    methods = entry.get("methods")
    return isinstance(methods, list) and any(
        isinstance(m, dict) and m.get("method") == method and m.get("unit") == unit for m in methods
    )


def plan_parts(amount: int, capacity: Mapping[str, int]) -> dict[str, int]:
    """Split ``amount`` over mints, largest capacity first (fewest parts); InsufficientBalance if they cannot."""
    if amount <= 0:
        raise UserFacingError(t("a multi-path payment needs an invoice with an amount"))
    parts: dict[str, int] = {}
    left = amount
    for url, cap in sorted(capacity.items(), key=lambda kv: (-kv[1], kv[0])):
        if left <= 0:
            break
        if cap <= 0:
            continue
        parts[url] = min(cap, left)
        left -= parts[url]
    if left > 0:
        raise InsufficientBalance(
            t("the mints that support multi-path payments hold {0} of {1}").format(amount - left, amount)
        )
    return parts


@dataclass(frozen=True)
class MppResult:
    operation_id: str
    amount: int
    fee: int
    parts: tuple[MeltResult, ...]


async def _prepare_part(mw: MintWallet, request: str, unit: str, part: int) -> PreparedMelt:
    quote = await mw.client.post_melt_quote_mpp(request, unit, part * 1000)
    if quote.amount != part:
        raise DefinitelyFailed(
            t("mint {0} quoted {1} {2} for a part of {3} {2}").format(mw.url, quote.amount, unit, part)
        )
    try:
        return prepared_from_quote(mw, quote, request, unit)
    except InsufficientBalance as exc:
        # What this mint can carry at most: its ecash less this fee reserve and the fee of spending all of it.
        totals = mw.store.keyset_totals(mw.url, unit)  # the running totals: no proof read
        spend_all_fee = input_fee([mw.keychain.fee_ppk(kid) * t.proofs for kid, t in totals.items()])
        raise _Short(sum(t.amount for t in totals.values()) - quote.fee_reserve - spend_all_fee) from exc


class _Short(InsufficientBalance):
    def __init__(self, capacity: int) -> None:
        super().__init__(f"at most {capacity} fits after fees")
        self.capacity = capacity


async def prepare_parts(
    wallets: Sequence[MintWallet], request: str, amount: int, unit: str = "sat"
) -> list[PreparedMelt]:
    """Quote a part at each mint that supports NUT-15 so that the parts add up to ``amount``; nothing spent."""
    able = [mw for mw in wallets if supports_mpp(mw, unit)]
    if len(able) < 2:
        names = ", ".join(mw.url for mw in wallets if not supports_mpp(mw, unit)) or "none"
        raise UserFacingError(
            t("a multi-path payment needs two mints with NUT-15 for {0}; mints without it: {1}").format(unit, names)
        )
    by_url = {mw.url: mw for mw in able}
    capacity = {mw.url: mw.balance(unit) for mw in able}
    for _ in range(_PLAN_ROUNDS):
        parts = plan_parts(amount, capacity)
        prepared: list[PreparedMelt] = []
        short = False
        for url, part in parts.items():
            try:
                prepared.append(await _prepare_part(by_url[url], request, unit, part))
            except _Short as short_of:
                # The fee reserve and input fee come on top of the part: leave room for them and plan again.
                capacity[url] = max(0, min(short_of.capacity, part - 1))
                short = True
                break
        if not short:
            return prepared
    raise InsufficientBalance(t("the mints cannot cover the invoice plus their fee reserves"))


async def pay_multi_path(wallets: Mapping[str, MintWallet], request: str, parts: Sequence[PreparedMelt]) -> MppResult:
    """Journal the whole payment as one ``mpp`` operation, then melt every part concurrently."""
    first = parts[0]
    total = sum(p.amount for p in parts)
    store: WalletStore = wallets[first.mint_url].store
    parent = store.create_operation(
        kind="mpp",
        mint_url=first.mint_url,
        unit=first.unit,
        amount=total,
        data={
            "request": request,
            "parts": [{"mint": p.mint_url, "quote": p.quote.quote, "amount": p.amount} for p in parts],
        },
    )
    store.update_operation(parent, state="sent")
    try:
        results = await asyncio.gather(
            *(execute_melt(wallets[p.mint_url], p, extra={"mpp": parent}) for p in parts), return_exceptions=True
        )
        settle_parent(store, parent)
    finally:
        store.release(parent)  # no longer in flight here: recovery may settle it
    errors = [r for r in results if isinstance(r, BaseException)]
    if errors:
        # A part pending or unknown keeps the parent open for recovery; a failed one says why it failed.
        raise errors[0]
    paid = tuple(r for r in results if isinstance(r, MeltResult))
    return MppResult(parent, total, sum(r.fee for r in paid), paid)


def settle_parent(store: WalletStore, parent_id: str) -> str:
    """Bring the ``mpp`` entry in line with its parts: ``done``, ``failed``, ``needs_review`` or unchanged."""
    parent = store.get_operation(parent_id)
    if parent is None:
        return "missing"
    children = _children(store, parent)
    states = [c.state for c in children]
    parts = parent.data.get("parts", [])
    if len(children) == len(parts) and states and all(s == "done" for s in states):
        store.update_operation(parent_id, state="done", fee=sum(c.fee for c in children))
        _clear_failure(store, parent_id)
        return "done"
    if states and all(s in ("failed", "rolled_back") for s in states):
        store.update_operation(parent_id, state="failed", error="no part was paid; every part's ecash came back")
        _clear_failure(store, parent_id)
        return "failed"
    if "done" in states and all(s in ("done", "failed", "rolled_back") for s in states):
        # Cannot happen with an honest payee (it settles all parts or none): a person must look.
        store.update_operation(parent_id, state="needs_review", error="some parts were paid and others failed")
        return "needs_review"
    return parent.state


def _clear_failure(store: WalletStore, parent_id: str) -> None:
    # A recovery pass that met the parent before its parts were settled noted it as pending: settled now.
    failure = store.failed_for_operation(parent_id)
    if failure is not None:
        store.set_failed_status(failure.id, "recovered")


def _children(store: WalletStore, parent: OperationRecord) -> list[OperationRecord]:
    return [op for op in store.operations(kinds=("melt",), limit=None) if op.data.get("mpp") == parent.id]
