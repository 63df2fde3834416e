"""The data the wallet exchanges with a mint through ``core.ports.mint.MintConnector``: the wallet imports them from
here, never from ``core.mint_client`` (the adapter). They are defined, with their JSON parsing, beside the HTTP
client in ``core.mint_client.types``; this module is the wallet's view of them."""

from __future__ import annotations

from core.mint_client.types import (
    KeysetInfo,
    KeysResponse,
    MeltQuote,
    MeltQuoteState,
    MintInfo,
    MintQuote,
    MintQuoteState,
    ProofState,
    ProofStateValue,
    RestoreResponse,
)

__all__ = [
    "KeysResponse",
    "KeysetInfo",
    "MeltQuote",
    "MeltQuoteState",
    "MintInfo",
    "MintQuote",
    "MintQuoteState",
    "ProofState",
    "ProofStateValue",
    "RestoreResponse",
]
