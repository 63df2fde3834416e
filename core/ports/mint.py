"""The port through which wallet logic talks to one Cashu mint (implemented by ``core.mint_client``).

Errors (see ``core.errors``): a refusal by the mint raises ``MintRejected`` (or a subclass such as
``ProofsAlreadySpent``, ``QuoteNotPaid``, ``QuoteExpired``); a network failure raises ``MintUnreachable``
whose ``sent`` says whether the request may have reached the mint. Nothing here verifies keyset ids or
signatures: the wallet does that with ``core.protocol``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Sequence
from typing import Protocol

from core.ports.mint_types import (
    KeysetInfo,
    KeysResponse,
    MeltQuote,
    MeltQuoteState,
    MintInfo,
    MintQuote,
    MintQuoteState,
    ProofState,
    RestoreResponse,
)
from core.protocol.models import BlindedMessage, BlindSignature, Proof

__all__ = ["MintConnector", "normalize_mint_url"]


def normalize_mint_url(url: str) -> str:
    """Strip whitespace and trailing slashes: tokens and the database name a mint by this exact string."""
    return url.strip().rstrip("/")


class MintConnector(Protocol):
    """One mint's API. Every method is a coroutine except the ``watch_*`` async iterators."""

    @property
    def url(self) -> str:
        """The mint's base URL, without a trailing slash."""
        ...

    async def get_info(self) -> MintInfo:
        """NUT-06 ``GET /v1/info``."""
        ...

    async def get_keys(self, keyset_id: str | None = None) -> KeysResponse:
        """NUT-01 ``GET /v1/keys`` (active keysets) or ``GET /v1/keys/{keyset_id}`` (any keyset)."""
        ...

    async def get_keysets(self) -> list[KeysetInfo]:
        """NUT-02 ``GET /v1/keysets``: every keyset, active or not, with its input fee."""
        ...

    async def post_mint_quote(
        self, amount: int, unit: str, pubkey: str | None = None, description: str | None = None
    ) -> MintQuote:
        """NUT-04 ``POST /v1/mint/quote/bolt11``; ``pubkey`` locks the quote (NUT-20)."""
        ...

    async def get_mint_quote(self, quote: str) -> MintQuote:
        """NUT-04 ``GET /v1/mint/quote/bolt11/{quote}``."""
        ...

    async def post_mint(
        self, quote: str, outputs: Sequence[BlindedMessage], signature: str | None = None
    ) -> list[BlindSignature]:
        """NUT-04 ``POST /v1/mint/bolt11``; ``signature`` is the NUT-20 signature of a locked quote."""
        ...

    async def post_mint_batch(
        self, quotes: Sequence[str], outputs: Sequence[BlindedMessage], signatures: Sequence[str | None] | None = None
    ) -> list[BlindSignature]:
        """NUT-29 ``POST /v1/mint/bolt11/batch``; ``signatures``: one NUT-20 signature (or None) per quote."""
        ...

    async def post_melt_quote(self, request: str, unit: str, amountless_amount_msat: int | None = None) -> MeltQuote:
        """NUT-05 ``POST /v1/melt/quote/bolt11``; ``amountless_amount_msat`` for an invoice without amount."""
        ...

    async def post_melt_quote_mpp(self, request: str, unit: str, amount_msat: int) -> MeltQuote:
        """NUT-15 melt quote for the part ``amount_msat`` of ``request`` (``options.mpp.amount``)."""
        ...

    async def get_melt_quote(self, quote: str) -> MeltQuote:
        """NUT-05 ``GET /v1/melt/quote/bolt11/{quote}``."""
        ...

    async def post_melt(self, quote: str, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage] = ()) -> MeltQuote:
        """NUT-05 ``POST /v1/melt/bolt11`` (blocks while Lightning pays); ``outputs`` are NUT-08 blanks."""
        ...

    async def post_swap(self, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage]) -> list[BlindSignature]:
        """NUT-03 ``POST /v1/swap``."""
        ...

    async def post_checkstate(self, Ys: Sequence[str]) -> list[ProofState]:
        """NUT-07 ``POST /v1/checkstate``."""
        ...

    async def post_restore(self, outputs: Sequence[BlindedMessage]) -> RestoreResponse:
        """NUT-09 ``POST /v1/restore``: ``(outputs, signatures)`` for the outputs the mint had signed."""
        ...

    def watch_mint_quote(self, quote: str) -> AsyncIterator[MintQuote]:
        """NUT-17 ``bolt11_mint_quote`` updates (current state first); polls when the mint has no websocket."""
        ...

    def watch_melt_quote(self, quote: str) -> AsyncIterator[MeltQuote]:
        """NUT-17 ``bolt11_melt_quote`` updates (current state first); polls when the mint has no websocket."""
        ...

    def watch_proof_states(self, Ys: Sequence[str]) -> AsyncIterator[ProofState]:
        """NUT-17 ``proof_state`` updates (current states first); polls NUT-07 when the mint has no websocket."""
        ...

    async def wait_for_mint_quote(
        self,
        quote: str,
        states: Collection[MintQuoteState] = ...,
        timeout: float | None = None,
    ) -> MintQuote:
        """NUT-17 (or polling): wait until the mint quote reaches one of ``states`` (default PAID or ISSUED)."""
        ...

    async def wait_for_melt_quote(
        self,
        quote: str,
        states: Collection[MeltQuoteState],
        timeout: float | None = None,
    ) -> MeltQuote:
        """NUT-17 (or polling): wait until the melt quote reaches one of ``states``."""
        ...

    async def aclose(self) -> None:
        """Close the connection pool; the connector cannot be used afterwards."""
        ...
