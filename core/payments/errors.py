"""Errors of the payments layer, each a leaf of the one tree in ``core.errors``.

::

    UserFacingError
    ├── InvalidInvoice            a bolt11 string that cannot be decoded, or is expired / amountless when not allowed
    ├── LnurlError                an LNURL service answered {"status":"ERROR","reason"} or something unusable
    │   └── InvoiceAmountMismatch the service's invoice is not for the amount we asked (never paid)
    ├── AmountError               an amount is missing, outside the allowed range, or contradicts the request
    └── DeliveryFailed            a payment request's payload could not be delivered (the ecash was taken back)
"""

from __future__ import annotations

from core.errors import UserFacingError

__all__ = ["AmountError", "DeliveryFailed", "InvalidInvoice", "InvoiceAmountMismatch", "LnurlError"]


class InvalidInvoice(UserFacingError):
    """The Lightning invoice cannot be paid as it is."""

    code = "invalid-invoice"


class LnurlError(UserFacingError):
    """The LNURL service refused or answered something unusable."""

    code = "lnurl-error"


class InvoiceAmountMismatch(LnurlError):
    """The invoice from the LNURL service is not for the amount that was requested."""

    code = "invoice-amount-mismatch"


class AmountError(UserFacingError):
    """The amount is missing or not allowed."""

    code = "invalid-amount"


class DeliveryFailed(UserFacingError):
    """The payment could not be delivered to the receiver."""

    code = "delivery-failed"
