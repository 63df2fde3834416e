"""NUT error codes: what a mint's ``{"detail", "code"}`` answer means, in words for the user."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["ErrorCode", "describe"]


class ErrorCode(IntEnum):
    """Error codes a mint returns with HTTP 400 (see the NUT error-code table)."""

    # nutshell answers code 0 for some generic errors.
    GENERIC = 0
    PROOF_VERIFICATION_FAILED = 10001
    PROOFS_ALREADY_SPENT = 11001
    PROOFS_PENDING = 11002
    OUTPUTS_ALREADY_SIGNED = 11003
    OUTPUTS_PENDING = 11004
    TRANSACTION_NOT_BALANCED = 11005
    AMOUNT_OUTSIDE_LIMIT = 11006
    DUPLICATE_INPUTS = 11007
    DUPLICATE_OUTPUTS = 11008
    MULTIPLE_UNITS = 11009
    UNITS_DIFFER = 11010
    AMOUNTLESS_INVOICE_NOT_SUPPORTED = 11011
    AMOUNT_MISMATCH = 11012
    UNIT_NOT_SUPPORTED = 11013
    MAX_INPUTS_EXCEEDED = 11014
    MAX_OUTPUTS_EXCEEDED = 11015
    KEYSET_UNKNOWN = 12001
    KEYSET_INACTIVE = 12002
    KEYSET_EXPIRED = 12003
    QUOTE_NOT_PAID = 20001
    QUOTE_ALREADY_ISSUED = 20002
    MINTING_DISABLED = 20003
    LIGHTNING_PAYMENT_FAILED = 20004
    QUOTE_PENDING = 20005
    INVOICE_ALREADY_PAID = 20006
    QUOTE_EXPIRED = 20007
    MINT_SIGNATURE_INVALID = 20008
    PUBKEY_REQUIRED = 20009

    @property
    def description(self) -> str:
        """A sentence for the user."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS: dict[ErrorCode, str] = {
    ErrorCode.GENERIC: "The mint reported an error.",
    ErrorCode.PROOF_VERIFICATION_FAILED: "The mint could not verify the ecash (proof verification failed).",
    ErrorCode.PROOFS_ALREADY_SPENT: "This ecash has already been spent.",
    ErrorCode.PROOFS_PENDING: "This ecash is in a pending payment and cannot be spent yet.",
    ErrorCode.OUTPUTS_ALREADY_SIGNED: "The mint has already signed these outputs.",
    ErrorCode.OUTPUTS_PENDING: "These outputs are pending at the mint.",
    ErrorCode.TRANSACTION_NOT_BALANCED: "Inputs and outputs do not balance (inputs minus fees must equal outputs).",
    ErrorCode.AMOUNT_OUTSIDE_LIMIT: "The amount is outside the mint's limits.",
    ErrorCode.DUPLICATE_INPUTS: "The request contains the same input twice.",
    ErrorCode.DUPLICATE_OUTPUTS: "The request contains the same output twice.",
    ErrorCode.MULTIPLE_UNITS: "Inputs or outputs use more than one unit.",
    ErrorCode.UNITS_DIFFER: "The inputs' unit differs from the outputs' unit.",
    ErrorCode.AMOUNTLESS_INVOICE_NOT_SUPPORTED: "The mint does not support invoices without an amount.",
    ErrorCode.AMOUNT_MISMATCH: "The amount does not match the invoice amount.",
    ErrorCode.UNIT_NOT_SUPPORTED: "The mint does not support this unit.",
    ErrorCode.MAX_INPUTS_EXCEEDED: "Too many inputs for the mint.",
    ErrorCode.MAX_OUTPUTS_EXCEEDED: "Too many outputs for the mint.",
    ErrorCode.KEYSET_UNKNOWN: "The mint does not know this keyset.",
    ErrorCode.KEYSET_INACTIVE: "This keyset is no longer active at the mint.",
    ErrorCode.KEYSET_EXPIRED: "This keyset has expired.",
    ErrorCode.QUOTE_NOT_PAID: "The quote has not been paid yet.",
    ErrorCode.QUOTE_ALREADY_ISSUED: "The ecash for this quote has already been issued.",
    ErrorCode.MINTING_DISABLED: "Minting is disabled at this mint.",
    ErrorCode.LIGHTNING_PAYMENT_FAILED: "The Lightning payment failed.",
    ErrorCode.QUOTE_PENDING: "The quote is pending.",
    ErrorCode.INVOICE_ALREADY_PAID: "This invoice has already been paid.",
    ErrorCode.QUOTE_EXPIRED: "The quote has expired.",
    ErrorCode.MINT_SIGNATURE_INVALID: "The signature on the mint request is invalid.",
    ErrorCode.PUBKEY_REQUIRED: "The mint requires a public key for this quote.",
}


def describe(code: int) -> str:
    """A user-facing description of a mint error ``code``; unknown codes are named, not hidden."""
    try:
        return ErrorCode(code).description
    except ValueError:
        return f"The mint reported an unknown error (code {code})."
