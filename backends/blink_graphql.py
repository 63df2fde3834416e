"""Blink's GraphQL vocabulary, shared by Blink and Flash: error codes, payment states, the settlement fragment,
and the capability flags that tell the two services apart (split from ``backends.blink``)."""

from __future__ import annotations

from dataclasses import dataclass

from core.ports.lightning import PaymentState

__all__ = [
    "AUTH_CODES",
    "BLINK",
    "FLASH",
    "MAX_RETRY_WAIT",
    "RATE_LIMITED",
    "SEND_STATES",
    "SETTLEMENT",
    "BlinkVariant",
    "GraphQLError",
]

RATE_LIMITED = {"TOO_MANY_REQUEST", "TOO_MANY_REQUESTS"}
AUTH_CODES = {"NOT_AUTHORIZED", "UNAUTHENTICATED", "INVALID_AUTHORIZATION"}
SEND_STATES = {
    "SUCCESS": PaymentState.SETTLED,
    "FAILURE": PaymentState.FAILED,
    "PENDING": PaymentState.PENDING,
}
MAX_RETRY_WAIT = 5.0

SETTLEMENT = """transaction { settlementVia {
  ... on SettlementViaLn { preImage }
  ... on SettlementViaIntraLedger { preImage } } settlementFee }"""


@dataclass(frozen=True)
class BlinkVariant:
    """What one Blink-API service supports; Flash lacks several of Blink's features."""

    name: str
    websocket: bool  # subscriptions allowed for API keys
    status_by_hash: bool  # lnInvoicePaymentStatusByHash / transactionsByPaymentHash exist
    idempotency: bool  # payment inputs accept idempotencyKey
    settlement_fields: bool  # payment payloads carry the transaction (preimage)


BLINK = BlinkVariant("Blink", websocket=True, status_by_hash=True, idempotency=False, settlement_fields=True)
FLASH = BlinkVariant("Flash", websocket=False, status_by_hash=False, idempotency=True, settlement_fields=False)


class GraphQLError(Exception):
    """A top-level GraphQL error (auth, validation, rate limit): ``code`` is its ``extensions.code``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
