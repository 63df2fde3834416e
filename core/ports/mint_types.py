"""Typed answers of a Cashu mint's API (NUT-01…09, 17, 20): the data that crosses ``core.ports.mint.MintConnector``.

The port owns them (DESIGN.md: ``core/ports`` owns the data types that cross it), so the wallet imports them from
here and never from ``core.mint_client``, the adapter that fills them. Proofs, outputs and signatures are the
protocol's own value types (``core.protocol.models``); this module only adds the mint-API wrappers around them.
``from_json`` raises ``KeyError``/``TypeError``/``ValueError`` on a malformed answer; the adapter converts those
once into a core error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from core.errors import KeysetError
from core.i18n import t
from core.ports.mint_info import MintInfo, PaymentMethodSetting
from core.ports.strict import as_int, as_keyset_id, as_list, as_object, as_str, opt_int, opt_str
from core.protocol.keysets import validate_keys
from core.protocol.models import BlindedMessage, BlindSignature

__all__ = [
    "KeysResponse",
    "Keyset",
    "KeysetInfo",
    "MeltQuote",
    "MeltQuoteState",
    "MintInfo",
    "MintQuote",
    "MintQuoteState",
    "PaymentMethodSetting",
    "ProofState",
    "ProofStateValue",
    "RestoreResponse",
    "SubscriptionKind",
    "blinded_message_from_json",
    "signatures_from_json",
]


class MintQuoteState(StrEnum):
    """NUT-04/23 mint quote states. ``PENDING`` only comes from older mints (pre-ISSUED spelling)."""

    UNPAID = "UNPAID"
    PAID = "PAID"
    PENDING = "PENDING"
    ISSUED = "ISSUED"


class MeltQuoteState(StrEnum):
    """NUT-05/23 melt quote states."""

    UNPAID = "UNPAID"
    PENDING = "PENDING"
    PAID = "PAID"


class ProofStateValue(StrEnum):
    """NUT-07 proof states."""

    UNSPENT = "UNSPENT"
    PENDING = "PENDING"
    SPENT = "SPENT"


class SubscriptionKind(StrEnum):
    """NUT-17 subscription kinds (also the command names the mint lists in its info)."""

    BOLT11_MINT_QUOTE = "bolt11_mint_quote"
    BOLT11_MELT_QUOTE = "bolt11_melt_quote"
    PROOF_STATE = "proof_state"


def blinded_message_from_json(data: Any) -> BlindedMessage:
    """A blinded message as the mint echoes it (restore answers carry an extra ``C_: null``, ignored)."""
    data = as_object(data, "blinded message")
    return BlindedMessage(
        id=as_str(data["id"], "id"), amount=as_int(data["amount"], "amount"), B_=as_str(data["B_"], "B_")
    )


def _signature_from_json(item: Any) -> BlindSignature:
    item = as_object(item, "blind signature")
    as_str(item["id"], "signature id")
    as_int(item["amount"], "signature amount")
    as_str(item["C_"], "C_")
    dleq = item.get("dleq")
    if dleq is not None:
        dleq = as_object(dleq, "dleq")
        as_str(dleq["e"], "dleq e")
        as_str(dleq["s"], "dleq s")
    return BlindSignature.from_json(item)


def signatures_from_json(items: Any) -> list[BlindSignature]:
    """A JSON list of blind signatures; ``null`` (a melt without change) is the empty list."""
    if items is None:
        return []
    return [_signature_from_json(item) for item in as_list(items, "signatures")]


@dataclass(frozen=True)
class KeysetInfo:
    """NUT-02 ``GET /v1/keysets`` entry."""

    id: str
    unit: str
    active: bool
    input_fee_ppk: int = 0
    final_expiry: int | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeysetInfo:
        """Strict: a negative or non-integer fee, a non-boolean ``active`` are refused (ValueError/TypeError)."""
        data = as_object(data, "keyset")
        active = data.get("active", True)
        if not isinstance(active, bool):
            raise TypeError(t("keyset active must be true or false"))
        return cls(
            id=as_keyset_id(data["id"]),
            unit=as_str(data["unit"], "unit"),
            active=active,
            input_fee_ppk=as_int(data.get("input_fee_ppk") or 0, "input_fee_ppk"),
            final_expiry=opt_int(data.get("final_expiry"), "final_expiry"),
        )


@dataclass(frozen=True)
class Keyset:
    """NUT-01 keyset with its public keys (amount → compressed point hex). Ids are not verified here."""

    id: str
    unit: str
    keys: dict[int, str]
    active: bool | None = None
    input_fee_ppk: int | None = None
    final_expiry: int | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Keyset:
        data = as_object(data, "keyset")
        active = data.get("active")
        if active is not None and not isinstance(active, bool):
            raise TypeError(t("keyset active must be true or false"))
        try:
            # Amounts may exceed 2^63 in principle: Python ints carry them unchanged. Every key must be a point.
            keys = validate_keys(data["keys"])
        except KeysetError as exc:
            raise ValueError(str(exc)) from exc
        return cls(
            id=as_keyset_id(data["id"]),
            unit=as_str(data["unit"], "unit"),
            keys=keys,
            active=active,
            input_fee_ppk=opt_int(data.get("input_fee_ppk"), "input_fee_ppk"),
            final_expiry=opt_int(data.get("final_expiry"), "final_expiry"),
        )


@dataclass(frozen=True)
class KeysResponse:
    """NUT-01 ``GET /v1/keys`` or ``/v1/keys/{id}``."""

    keysets: list[Keyset]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeysResponse:
        return cls(keysets=[Keyset.from_json(k) for k in as_list(as_object(data)["keysets"], "keysets")])


@dataclass(frozen=True)
class MintQuote:
    """NUT-04/23 bolt11 mint quote. ``pubkey`` is set for NUT-20 locked quotes."""

    quote: str
    request: str
    amount: int | None
    unit: str | None
    state: MintQuoteState
    expiry: int | None
    pubkey: str | None = None

    @property
    def paid(self) -> bool:
        """True once the invoice is paid (ISSUED means paid and already minted)."""
        return self.state in (MintQuoteState.PAID, MintQuoteState.ISSUED)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MintQuote:
        data = as_object(data, "mint quote")
        state = data.get("state")
        if state is None:
            # Pre-state mints sent only ``paid``; map it so old mints still work.
            state = MintQuoteState.PAID if data.get("paid") else MintQuoteState.UNPAID
        return cls(
            quote=as_str(data["quote"], "quote"),
            request=as_str(data["request"], "request"),
            amount=opt_int(data.get("amount")),
            unit=opt_str(data.get("unit")),
            state=MintQuoteState(state),
            expiry=opt_int(data.get("expiry")),
            pubkey=opt_str(data.get("pubkey")),
        )


@dataclass(frozen=True)
class MeltQuote:
    """NUT-05/23 bolt11 melt quote; also the answer of ``POST /v1/melt/bolt11`` (with ``change``, NUT-08)."""

    quote: str
    request: str | None
    amount: int
    unit: str | None
    fee_reserve: int
    state: MeltQuoteState
    expiry: int | None
    payment_preimage: str | None = None
    change: list[BlindSignature] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeltQuote:
        data = as_object(data, "melt quote")
        state = data.get("state")
        if state is None:
            state = MeltQuoteState.PAID if data.get("paid") else MeltQuoteState.UNPAID
        return cls(
            quote=as_str(data["quote"], "quote"),
            request=opt_str(data.get("request")),
            amount=as_int(data["amount"], "amount"),
            unit=opt_str(data.get("unit")),
            fee_reserve=as_int(data["fee_reserve"], "fee_reserve"),
            state=MeltQuoteState(state),
            expiry=opt_int(data.get("expiry")),
            payment_preimage=opt_str(data.get("payment_preimage")),
            change=signatures_from_json(data.get("change")),
        )


@dataclass(frozen=True)
class ProofState:
    """NUT-07 state of one proof, identified by ``Y = hash_to_curve(secret)``."""

    Y: str
    state: ProofStateValue
    witness: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProofState:
        data = as_object(data, "proof state")
        return cls(
            Y=as_str(data["Y"], "Y"), state=ProofStateValue(as_str(data["state"])), witness=opt_str(data.get("witness"))
        )


class RestoreResponse(NamedTuple):
    """NUT-09: the outputs the mint had signed, paired index by index with their signatures.

    A named tuple so callers can write ``outputs, signatures = await client.post_restore(...)``.
    """

    outputs: list[BlindedMessage]
    signatures: list[BlindSignature]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RestoreResponse:
        data = as_object(data, "restore answer")
        outputs = [blinded_message_from_json(o) for o in as_list(data.get("outputs") or [], "outputs")]
        signatures = signatures_from_json(data.get("signatures"))
        if len(outputs) != len(signatures):
            raise ValueError(t("restore answer pairs outputs and signatures of different lengths"))
        return cls(outputs=outputs, signatures=signatures)
