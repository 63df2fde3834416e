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
    ├── DefinitelyFailed                 the operation did not happen: safe to roll back
    │   ├── MintRejected(code)           the mint answered {detail, code}
    │   │   └── ProofsAlreadySpent       code 11001
    │   ├── QuoteNotPaid / QuoteExpired
    │   └── PaymentFailed                Lightning payment failed for certain
    ├── OutcomeUnknown                   the request may have reached the other side: never roll back
    │   ├── MintUnreachable              connection dropped, timeout after sending, 5xx
    │   └── PaymentPending               a melt/payment the other side reports as pending
    ├── BackendError                     a Lightning backend problem
    │   └── BackendUnavailable           backend could not be reached before anything was sent
    ├── StorageError                     the local database failed
    └── ConfigError                      bad settings, missing wallet, bad data directory
"""

from __future__ import annotations

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
    "MintRejected",
    "MintUnreachable",
    "NutdeskError",
    "OutcomeUnknown",
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
]


class NutdeskError(Exception):
    """Root of every error core raises.

    ``code`` is a stable kebab-case identifier used by the CLI's ``--json`` error output.
    """

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
        super().__init__(message or f"mint {mint_url} is not trusted yet")
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


# --- definitely failed -------------------------------------------------------------------------


class DefinitelyFailed(NutdeskError):
    """The operation did not take effect: it is safe to roll back."""

    code = "failed"


class MintRejected(DefinitelyFailed):
    """The mint refused the request with an error code (NUT error codes)."""

    code = "mint-rejected"

    def __init__(self, message: str = "", *, mint_code: int | None = None, detail: str = "") -> None:
        super().__init__(message or detail or f"mint rejected the request (code {mint_code})")
        self.mint_code = mint_code
        self.detail = detail


class ProofsAlreadySpent(MintRejected):
    """The mint says these proofs were already spent (code 11001)."""

    code = "token-already-spent"


class QuoteNotPaid(DefinitelyFailed):
    """The quote's invoice has not been paid."""

    code = "quote-not-paid"


class QuoteExpired(DefinitelyFailed):
    """The quote or invoice has expired."""

    code = "quote-expired"


class PaymentFailed(DefinitelyFailed):
    """The Lightning payment failed."""

    code = "payment-failed"


# --- outcome unknown ---------------------------------------------------------------------------


class OutcomeUnknown(NutdeskError):
    """The request may have taken effect. Never roll back: resume by asking the other side."""

    code = "outcome-unknown"


class MintUnreachable(OutcomeUnknown):
    """The mint could not be reached or did not answer."""

    code = "mint-unreachable"

    def __init__(self, message: str = "", *, mint_url: str = "", sent: bool = True) -> None:
        super().__init__(message or f"mint {mint_url} is unreachable")
        self.mint_url = mint_url
        # False when we know the request never left (connection refused): then it is safe to roll back.
        self.sent = sent


class PaymentPending(OutcomeUnknown):
    """The payment is in flight; its outcome is not known yet."""

    code = "payment-pending"


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


class ConfigError(NutdeskError):
    """The configuration or data directory is not usable."""

    code = "config-error"


# --- hostile peers (added at the end to keep merges simple) ------------------------------------

__all__ += ["AnswerTooLarge", "MalformedInput", "MintMisbehaved"]


class MintMisbehaved(OutcomeUnknown):
    """The mint's answer broke the protocol (a signature that does not answer our output, change beyond the
    reserve, a DLEQ proof missing or false). Nothing from it is counted; the operation is kept, and recovery
    restores from the mint's own records (NUT-09) through the same checks."""

    code = "mint-misbehaved"

    def __init__(self, message: str = "", *, mint_url: str = "") -> None:
        super().__init__(message or f"mint {mint_url} misbehaved")
        self.mint_url = mint_url


class MalformedInput(ProtocolError):
    """Data from the network (or a file) that is not well-formed: too deep, too large, non-finite numbers,
    wrong types."""

    code = "malformed-input"


class AnswerTooLarge(MalformedInput):
    """An answer larger than the cap for its kind."""

    code = "answer-too-large"
