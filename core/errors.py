"""The one exception tree of Nutdesk's core.

Core raises only these types. An outside error (httpx, sqlalchemy, coincurve, cbor2) is converted once,
at the boundary where it happens, with ``raise ... from exc``. Callers catch whole categories.

The distinction that matters most: **definitely failed** (nothing happened, safe to roll back) versus
**outcome unknown** (the request may have taken effect; never roll back, resume by asking the mint).

::

    NutdeskError
    ├── UserFacingError                  a message meant for the person at the keyboard
    │   ├── UserCancelled                the user said no; unwinds silently
    │   ├── InvalidPassword
    │   ├── InsufficientBalance
    │   ├── UnknownMint                  a token or request names a mint we have not added/trusted
    │   └── UnsupportedInput             a pasted string is nothing we can pay or receive
    ├── ProtocolError                    malformed Cashu data (pure, no I/O involved)
    │   ├── TokenDecodeError             a token string/bytes that cannot be decoded
    │   ├── KeysetError                  bad key map, id mismatch, ambiguous short id
    │   ├── CryptoError                  invalid point/scalar, failed BDHKE/DLEQ verification
    │   │   └── DleqError
    │   ├── SpendingConditionError       NUT-10/11/14 secret or witness problems
    │   └── PaymentRequestError          NUT-18/26 payment requests
    ├── MintRejected(code, verdict)      the mint answered {detail, code}; what it proves is ``verdict``
    │   ├── MintRefused                  a code that proves nothing happened (also DefinitelyFailed)
    │   ├── ProofsAlreadySpent           11001: inputs spent (also OutcomeUnknown)
    │   ├── OutputsAlreadySigned         11003 / 20002 (also OutcomeUnknown)
    │   ├── MintRequestInFlight          11002 / 11004 / 20005 (also OutcomeUnknown)
    │   └── MintRefusalUnclear           code 0, unknown codes, no code, 20004/20006 (also OutcomeUnknown)
    ├── DefinitelyFailed                 the operation did not happen: safe to roll back
    │   ├── QuoteNotPaid / QuoteExpired
    │   ├── PaymentFailed                Lightning payment failed for certain
    │   └── OperationRolledBack          a refusal resolved with the mint's records: nothing happened
    ├── OutcomeUnknown                   the request may have reached the other side: never roll back
    │   ├── MintUnreachable              connection dropped, timeout after sending, 5xx
    │   ├── PaymentPending               a melt/payment the other side reports as pending
    │   └── OperationUnresolved          a refusal the mint's records could not settle yet: kept for recovery
    ├── BackendError                     a Lightning backend problem
    │   └── BackendUnavailable           backend could not be reached before anything was sent
    ├── StorageError                     the local database failed
    └── ConfigError                      bad settings, missing wallet, bad data directory

Which refusal proves what is one table: ``core.mint_client.errors.VERDICT_BY_CODE`` (and docs/verdicts.md);
``verdict_of(exc)`` answers it for any exception.
"""

from __future__ import annotations

from enum import StrEnum

from core.i18n import t

__all__ = [
    "BackendError",
    "BackendUnavailable",
    "ConfigError",
    "CryptoError",
    "DefinitelyFailed",
    "DleqError",
    "InsufficientBalance",
    "InvalidPassword",
    "KeysetError",
    "MintRefusalUnclear",
    "MintRefused",
    "MintRejected",
    "MintRequestInFlight",
    "MintUnreachable",
    "NutdeskError",
    "OperationRolledBack",
    "OperationUnresolved",
    "OutcomeUnknown",
    "OutputsAlreadySigned",
    "PaymentFailed",
    "PaymentPending",
    "PaymentRequestError",
    "ProofsAlreadySpent",
    "ProtocolError",
    "QuoteExpired",
    "QuoteNotPaid",
    "SpendingConditionError",
    "StorageError",
    "TokenDecodeError",
    "UnknownMint",
    "UnsupportedInput",
    "UserCancelled",
    "UserFacingError",
    "Verdict",
    "verdict_of",
]


class NutdeskError(Exception):
    """Root of every error core raises. ``code`` is a stable kebab-case id used by the CLI's ``--json`` errors."""

    code = "error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message or self.__class__.__doc__ or self.__class__.__name__

    def __str__(self) -> str:
        return self.message


# --- things said to the user -------------------------------------------------------------------


class UserFacingError(NutdeskError):
    """A problem explained in words meant for the user."""

    code = "user-error"


class UserCancelled(UserFacingError):
    """The user cancelled."""

    code = "cancelled"


class InvalidPassword(UserFacingError):
    """The password is wrong."""

    code = "invalid-password"


class InsufficientBalance(UserFacingError):
    """Not enough ecash at this mint for the amount plus fees."""

    code = "insufficient-balance"


class UnknownMint(UserFacingError):
    """The mint is not in the wallet (or not trusted) yet."""

    code = "unknown-mint"

    def __init__(self, message: str = "", *, mint_url: str = "") -> None:
        super().__init__(message or t("mint {0} is not trusted yet").format(mint_url))
        self.mint_url = mint_url


class UnsupportedInput(UserFacingError):
    """Not something Nutdesk can pay or receive."""

    code = "unsupported-input"


# --- pure protocol -----------------------------------------------------------------------------


class ProtocolError(NutdeskError):
    """Malformed Cashu data."""

    code = "protocol-error"


class TokenDecodeError(ProtocolError):
    """The token cannot be decoded."""

    code = "invalid-token"


class KeysetError(ProtocolError):
    """A keyset or its keys are invalid."""

    code = "invalid-keyset"


class CryptoError(ProtocolError):
    """A cryptographic check failed."""

    code = "crypto-error"


class DleqError(CryptoError):
    """A DLEQ proof did not verify: the mint's signature cannot be trusted."""

    code = "invalid-dleq"


class SpendingConditionError(ProtocolError):
    """A spending condition (P2PK/HTLC) is malformed or not satisfied."""

    code = "spending-condition"


class PaymentRequestError(ProtocolError):
    """The payment request cannot be decoded."""

    code = "invalid-payment-request"


# --- what a failure proves -----------------------------------------------------------------------


class Verdict(StrEnum):
    """What a failed request that spends or signs proves about the mint's state (docs/verdicts.md)."""

    NOTHING_HAPPENED = "nothing-happened"  # release the inputs, mark the operation failed
    INPUTS_SPENT = "inputs-spent"  # NUT-07 the inputs, NUT-09 the outputs: never release
    OUTPUTS_SIGNED = "outputs-already-signed"  # NUT-09 restore, advance the counters, then decide
    IN_FLIGHT = "in-flight"  # keep the entry; ask again later
    UNKNOWN = "unknown"  # keep the entry; recover from the mint's records


# --- definitely failed -------------------------------------------------------------------------


class DefinitelyFailed(NutdeskError):
    """The operation did not take effect: it is safe to roll back."""

    code = "failed"


class QuoteNotPaid(DefinitelyFailed):
    """The quote's invoice has not been paid."""

    code = "quote-not-paid"


class QuoteExpired(DefinitelyFailed):
    """The quote or invoice has expired."""

    code = "quote-expired"


class PaymentFailed(DefinitelyFailed):
    """The Lightning payment failed."""

    code = "payment-failed"


class OperationRolledBack(DefinitelyFailed):
    """The mint refused, and its records (quote state, NUT-07, NUT-09) show the operation did nothing."""

    code = "rolled-back"


# --- outcome unknown ---------------------------------------------------------------------------


class OutcomeUnknown(NutdeskError):
    """The request may have taken effect. Never roll back: resume by asking the other side."""

    code = "outcome-unknown"


class MintUnreachable(OutcomeUnknown):
    """The mint could not be reached or did not answer."""

    code = "mint-unreachable"

    def __init__(self, message: str = "", *, mint_url: str = "", sent: bool = True) -> None:
        super().__init__(message or t("mint {0} is unreachable").format(mint_url))
        self.mint_url = mint_url
        # False when we know the request never left (connection refused): then it is safe to roll back.
        self.sent = sent


class PaymentPending(OutcomeUnknown):
    """The payment is in flight; its outcome is not known yet."""

    code = "payment-pending"


class OperationUnresolved(OutcomeUnknown):
    """The mint refused in a way that does not prove nothing happened, and its records did not settle it yet:
    the journal keeps the operation (and its reserved ecash); recovery finishes or rolls it back later."""

    code = "outcome-unknown"


# --- the mint's refusals -----------------------------------------------------------------------


class MintRejected(NutdeskError):
    """The mint refused with a NUT error code. A refusal is not "nothing happened" by itself: the mint may have
    acted before it answered (an earlier try, a request processed twice). ``verdict`` says what the code proves;
    each subclass is also either a ``DefinitelyFailed`` (nothing happened) or an ``OutcomeUnknown``."""

    code = "mint-rejected"
    verdict = Verdict.UNKNOWN

    def __init__(self, message: str = "", *, mint_code: int | None = None, detail: str = "") -> None:
        super().__init__(message or detail or t("mint rejected the request (code {0})").format(mint_code))
        self.mint_code = mint_code
        self.detail = detail


class MintRefused(MintRejected, DefinitelyFailed):
    """The mint refused with a code that proves it did nothing (bad request, unknown keyset, unpaid quote, ...)."""

    code = "mint-rejected"
    verdict = Verdict.NOTHING_HAPPENED


class ProofsAlreadySpent(MintRejected, OutcomeUnknown):
    """The mint says these proofs were already spent (code 11001) — possibly by this very request's earlier try."""

    code = "token-already-spent"
    verdict = Verdict.INPUTS_SPENT


class OutputsAlreadySigned(MintRejected, OutcomeUnknown):
    """The mint has already signed these outputs (11003) or issued this quote (20002)."""

    code = "outputs-already-signed"
    verdict = Verdict.OUTPUTS_SIGNED


class MintRequestInFlight(MintRejected, OutcomeUnknown):
    """The inputs, outputs or quote are pending at the mint (11002, 11004, 20005)."""

    code = "pending-at-mint"
    verdict = Verdict.IN_FLIGHT


class MintRefusalUnclear(MintRejected, OutcomeUnknown):
    """A refusal that proves nothing either way: code 0, an unknown code, no code, an unreadable body."""

    code = "mint-rejected"
    verdict = Verdict.UNKNOWN


def verdict_of(exc: BaseException) -> Verdict:
    """What ``exc``, raised by a request that spends or signs, proves. Anything unrecognised is UNKNOWN."""
    if isinstance(exc, MintRejected):
        return exc.verdict
    if isinstance(exc, MintUnreachable):
        return Verdict.UNKNOWN if exc.sent else Verdict.NOTHING_HAPPENED
    if isinstance(exc, DefinitelyFailed):
        return Verdict.NOTHING_HAPPENED
    return Verdict.UNKNOWN


# --- other -------------------------------------------------------------------------------------


class BackendError(NutdeskError):
    """The Lightning backend failed."""

    code = "backend-error"


class BackendUnavailable(BackendError):
    """The Lightning backend could not be reached."""

    code = "backend-unavailable"


class StorageError(NutdeskError):
    """The local database failed."""

    code = "storage-error"


class DatabaseUnreachable(StorageError):
    """The wallet's database server (PostgreSQL: a shop's tills) did not answer: nothing was recorded."""

    code = "database-unreachable"


class ConfigError(NutdeskError):
    """The configuration or data directory is not usable."""

    code = "config-error"


# --- hostile peers (added at the end to keep merges simple) ------------------------------------

__all__ += ["AnswerTooLarge", "DatabaseUnreachable", "MalformedInput", "MintMisbehaved"]


class MintMisbehaved(OutcomeUnknown):
    """The mint's answer broke the protocol (a signature that does not answer our output, change beyond the
    reserve, a DLEQ proof missing or false). Nothing from it is counted; the operation is kept, and recovery
    restores from the mint's own records (NUT-09) through the same checks."""

    code = "mint-misbehaved"

    def __init__(self, message: str = "", *, mint_url: str = "") -> None:
        super().__init__(message or t("mint {0} misbehaved").format(mint_url))
        self.mint_url = mint_url


class MalformedInput(ProtocolError):
    """Network (or file) data that is not well-formed: too deep, too large, non-finite numbers, wrong types."""

    code = "malformed-input"


class AnswerTooLarge(MalformedInput):
    """An answer larger than the cap for its kind."""

    code = "answer-too-large"
