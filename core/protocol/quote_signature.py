"""NUT-20 signed mint quotes, and the NUT-29 batch-mint request rules.

A quote id is a bearer secret: whoever knows it could mint the paid ecash. NUT-20 closes that gap. The
wallet makes a fresh keypair per quote, sends the public key with the quote request, and signs the
mint request with the private key::

    msg       = utf8(quote_id) ‖ utf8(B_0 hex) ‖ utf8(B_1 hex) ‖ …     (all outputs, in order)
    signature = BIP340 Schnorr over sha256(msg)

NUT-29 batch minting signs each locked quote the same way, each signature covering **all** outputs of
the batch; ``signatures[i]`` belongs to ``quotes[i]`` and is null for unlocked quotes.

(The spec repository has since proposed a length-prefixed ``Cashu_MintQuoteSig_v1`` message for
batches; the test vectors this module follows, and nutshell 0.20/0.21, use the message above.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coincurve import PrivateKey

from core.errors import CryptoError, ProtocolError
from core.i18n import t
from core.protocol.ec import PointLike, ScalarLike, schnorr_sign, schnorr_verify, sha256
from core.protocol.models import BlindedMessage

__all__ = [
    "BatchCheck",
    "BatchQuote",
    "OutputLike",
    "batch_message_hashes",
    "check_batch_mint_request",
    "mint_quote_message",
    "new_quote_keypair",
    "sign_batch_mint",
    "sign_mint_quote",
    "validate_batch_mint_request",
    "validate_batch_mint_response",
    "verify_batch_mint_signatures",
    "verify_mint_quote",
]

OutputLike = BlindedMessage | Mapping[str, Any] | str

# NUT error code for duplicate quote ids in a batch (NUT-29).
DUPLICATE_QUOTES_CODE = 11016


def new_quote_keypair() -> tuple[PrivateKey, str]:
    """A fresh keypair for one quote: the private key (store it with the quote) and the pubkey hex to send."""
    key = PrivateKey()
    return key, key.public_key.format(compressed=True).hex()


def _b_hex(output: OutputLike) -> str:
    if isinstance(output, BlindedMessage):
        return output.B_
    if isinstance(output, str):
        return output
    value = output.get("B_")
    if not isinstance(value, str):
        raise ProtocolError(t("an output has no B_"))
    return value


def mint_quote_message(quote_id: str, outputs: Sequence[OutputLike]) -> bytes:
    """The NUT-20 message bytes: ``quote_id`` then every output's ``B_`` hex, as UTF-8."""
    return (quote_id + "".join(_b_hex(o) for o in outputs)).encode("utf-8")


def sign_mint_quote(quote_id: str, outputs: Sequence[OutputLike], private_key: ScalarLike) -> str:
    """The ``signature`` field of a NUT-20 mint request (64-byte Schnorr signature, hex)."""
    return schnorr_sign(mint_quote_message(quote_id, outputs), private_key)


def verify_mint_quote(quote_id: str, outputs: Sequence[OutputLike], signature: str, pubkey: PointLike) -> bool:
    """True when ``signature`` is the quote key's signature over this quote and these outputs."""
    return schnorr_verify(mint_quote_message(quote_id, outputs), signature, pubkey)


# --- NUT-29 batch mint -------------------------------------------------------------------------


def sign_batch_mint(
    quotes: Sequence[str], outputs: Sequence[OutputLike], private_keys: Sequence[ScalarLike | None]
) -> list[str | None] | None:
    """The batch ``signatures`` array: one per quote (None for unlocked quotes), or None if none is locked."""
    if len(private_keys) != len(quotes):
        raise ProtocolError(t("need one private key (or None) per quote"))
    if all(key is None for key in private_keys):
        return None  # the field may be omitted when no quote is locked
    return [
        None if key is None else sign_mint_quote(q, outputs, key) for q, key in zip(quotes, private_keys, strict=True)
    ]


def batch_message_hashes(quotes: Sequence[str], outputs: Sequence[OutputLike]) -> list[str]:
    """sha256 (hex) of each quote's NUT-20 message: what each batch signature actually signs."""
    return [sha256(mint_quote_message(q, outputs)).hex() for q in quotes]


def verify_batch_mint_signatures(
    quotes: Sequence[str],
    outputs: Sequence[OutputLike],
    signatures: Sequence[str | None] | None,
    pubkeys: Sequence[str | None],
) -> bool:
    """Every locked quote (pubkey not None) has a valid signature; unlocked ones have none."""
    if len(pubkeys) != len(quotes):
        raise ProtocolError(t("need one pubkey (or None) per quote"))
    if signatures is None:
        return all(p is None for p in pubkeys)
    if len(signatures) != len(quotes):
        return False
    for quote, signature, pubkey in zip(quotes, signatures, pubkeys, strict=True):
        if pubkey is None:
            if signature is not None:
                return False
            continue
        try:
            if signature is None or not verify_mint_quote(quote, outputs, signature, pubkey):
                return False
        except CryptoError:
            return False
    return True


@dataclass(frozen=True)
class BatchQuote:
    """What the validator needs to know about one quote (from the mint's database, or our own)."""

    method: str = "bolt11"
    unit: str = "sat"
    mintable: int = 0  # amount_paid - amount_issued
    pubkey: str | None = None


@dataclass(frozen=True)
class BatchCheck:
    """Result of :func:`validate_batch_mint_request`: ``ok`` or the first rule that failed."""

    ok: bool
    reason: str = ""
    code: int | str | None = None


def _fail(reason: str, code: int | str | None = None) -> BatchCheck:
    return BatchCheck(ok=False, reason=reason, code=code)


def validate_batch_mint_request(
    request: Mapping[str, Any],
    known: Mapping[str, BatchQuote] | None = None,
    method: str | None = None,
) -> BatchCheck:
    """The NUT-29 request rules, in the spec's order, as the mint applies them (all-or-nothing).

    Shape rules (non-empty, unique ids, one amount/signature slot per quote, outputs balance the
    ``quote_amounts``) need only ``request``. With ``known`` (quote id → :class:`BatchQuote`) the
    rules that need quote data run too: every id known, one method (``method`` if given) and unit,
    a positive mintable amount each, and valid NUT-20 signatures for locked quotes.
    """
    quotes = request.get("quotes")
    if not isinstance(quotes, list) or not all(isinstance(q, str) for q in quotes):
        return _fail(t("quotes must be a list of quote ids"))
    if not quotes:
        return _fail(t("the batch has no quotes"))
    if len(set(quotes)) != len(quotes):
        return _fail(t("duplicate quote ids"), DUPLICATE_QUOTES_CODE)
    outputs = request.get("outputs") or []
    if not isinstance(outputs, list):
        return _fail(t("outputs must be a list"))
    amounts = request.get("quote_amounts")
    if amounts is not None and (
        not isinstance(amounts, list) or len(amounts) != len(quotes) or not all(isinstance(a, int) for a in amounts)
    ):
        return _fail(t("quote_amounts must hold one integer per quote"))
    signatures = request.get("signatures")
    if signatures is not None and (not isinstance(signatures, list) or len(signatures) != len(quotes)):
        return _fail(t("signatures must hold one entry per quote"))
    output_total = sum(int(o.get("amount", 0)) for o in outputs if isinstance(o, Mapping))
    # bolt11 quotes must be minted exactly; bolt12 offers may be minted partially.
    if (
        amounts is not None
        and outputs
        and (output_total > sum(amounts) or (method != "bolt12" and output_total != sum(amounts)))
    ):
        return _fail(t("outputs do not add up to quote_amounts"))

    if known is None:
        return BatchCheck(ok=True)
    unknown = [q for q in quotes if q not in known]
    if unknown:
        return _fail(t("one or more quote IDs are unknown"), "UNKNOWN_QUOTE")
    infos = [known[q] for q in quotes]
    methods = {info.method for info in infos}
    if len(methods) != 1 or (method is not None and methods != {method}):
        return _fail(t("all quotes must use the same payment method as the endpoint"))
    if len({info.unit for info in infos}) != 1:
        return _fail(t("all quotes must use the same unit"))
    if any(info.mintable <= 0 for info in infos):
        return _fail(t("a quote has nothing left to mint"))
    if amounts is not None and any(a > info.mintable for a, info in zip(amounts, infos, strict=True)):
        return _fail(t("a quote amount exceeds what that quote can mint"))
    if outputs and output_total > sum(info.mintable for info in infos):
        return _fail(t("outputs exceed the mintable amount"))
    if not verify_batch_mint_signatures(quotes, outputs, signatures, [info.pubkey for info in infos]):
        return _fail(t("a NUT-20 quote signature is missing or invalid"))
    return BatchCheck(ok=True)


def check_batch_mint_request(
    request: Mapping[str, Any], known: Mapping[str, BatchQuote] | None = None, method: str | None = None
) -> None:
    """:func:`validate_batch_mint_request`, raising :class:`ProtocolError` with the reason."""
    result = validate_batch_mint_request(request, known, method)
    if not result.ok:
        raise ProtocolError(t("invalid batch mint request: {0}").format(result.reason))


def validate_batch_mint_response(request: Mapping[str, Any], response: Mapping[str, Any]) -> BatchCheck:
    """The mint's answer: one blind signature per output, same order, same amount and keyset id."""
    outputs = request.get("outputs") or []
    signatures = response.get("signatures")
    if not isinstance(signatures, list) or len(signatures) != len(outputs):
        return _fail(t("the mint must return one signature per output"))
    for output, signature in zip(outputs, signatures, strict=True):
        if not isinstance(signature, Mapping) or "C_" not in signature:
            return _fail(t("a signature is not a BlindSignature object"))
        if signature.get("amount") != output.get("amount") or signature.get("id") != output.get("id"):
            return _fail(t("a signature does not match its output's amount/keyset"))
    return BatchCheck(ok=True)
