"""Mint and melt quotes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update

from core.ports.storage import (
    MintQuoteRecord,
)
from core.storage.models import (
    MeltQuoteRow,
    MintQuoteRow,
)
from core.storage.unit_of_work import UnitOfWork
from core.storage.unit_of_work import now as _now

__all__ = ["QuoteRepository"]


class QuoteRepository(UnitOfWork):
    # --- quotes --------------------------------------------------------------------------------

    def save_mint_quote(
        self,
        *,
        quote: str,
        mint_url: str,
        unit: str,
        amount: int,
        request: str,
        state: str,
        expiry: int | None,
        privkey: str | None,
    ) -> None:
        with self._session() as s:
            s.merge(
                MintQuoteRow(
                    quote=quote,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    request=request,
                    state=state,
                    expiry=expiry,
                    privkey=privkey,
                    created_at=_now(),
                )
            )

    def mint_quote(self, quote: str) -> MintQuoteRecord | None:
        with self._session() as s:
            r = s.get(MintQuoteRow, quote)
            if r is None:
                return None
            return MintQuoteRecord(r.quote, r.mint_url, r.unit, r.amount, r.request, r.state, r.expiry, r.privkey)

    def mint_quotes(self, states: Sequence[str] | None = None) -> list[MintQuoteRecord]:
        with self._session() as s:
            q = select(MintQuoteRow).order_by(MintQuoteRow.created_at)
            if states is not None:
                q = q.where(MintQuoteRow.state.in_(states))
            return [
                MintQuoteRecord(r.quote, r.mint_url, r.unit, r.amount, r.request, r.state, r.expiry, r.privkey)
                for r in s.scalars(q).all()
            ]

    def set_mint_quote_state(self, quote: str, state: str) -> None:
        with self._session() as s:
            s.execute(update(MintQuoteRow).where(MintQuoteRow.quote == quote).values(state=state))

    def save_melt_quote(
        self, *, quote: str, mint_url: str, unit: str, amount: int, fee_reserve: int, request: str, state: str
    ) -> None:
        with self._session() as s:
            s.merge(
                MeltQuoteRow(
                    quote=quote,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    fee_reserve=fee_reserve,
                    request=request,
                    state=state,
                    created_at=_now(),
                )
            )

    def set_melt_quote_state(self, quote: str, state: str, preimage: str | None = None) -> None:
        with self._session() as s:
            s.execute(update(MeltQuoteRow).where(MeltQuoteRow.quote == quote).values(state=state, preimage=preimage))
