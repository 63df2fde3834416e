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
class PaymentMethodSetting:
    """One entry of NUT-04/05 ``methods`` in the mint info."""

    method: str
    unit: str
    min_amount: int | None = None
    max_amount: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    # Older spellings put flags next to ``options``; keep the whole entry for them.
    raw: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PaymentMethodSetting:
        options = data.get("options")
        return cls(
            method=as_str(data["method"], "method"),
            unit=as_str(data["unit"], "unit"),
            min_amount=opt_int(data.get("min_amount")),
            max_amount=opt_int(data.get("max_amount")),
            options=dict(options) if isinstance(options, dict) else {},
            raw=dict(data),
        )


@dataclass(frozen=True)
class MintInfo:
    """NUT-06 ``GET /v1/info``. ``nuts`` is keyed by NUT number (the JSON's string keys made ints)."""

    name: str | None
    pubkey: str | None
    version: str | None
    description: str | None
    description_long: str | None
    motd: str | None
    contact: list[dict[str, str]]
    icon_url: str | None
    urls: list[str]
    tos_url: str | None
    time: int | None
    nuts: dict[int, dict[str, Any]]
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MintInfo:
        data = as_object(data, "mint info")
        nuts: dict[int, dict[str, Any]] = {}
        for key, value in as_object(data.get("nuts") or {}, "nuts").items():
            # A mint may add non-numeric keys one day: skip them instead of refusing the whole info.
            if str(key).isdigit() and isinstance(value, dict):
                nuts[int(key)] = value
        contact: list[dict[str, str]] = []
        for entry in as_list(data.get("contact") or [], "contact"):
            # NUT-06 uses {"method", "info"}; very old mints sent [method, info] pairs.
            if isinstance(entry, dict):
                contact.append({"method": str(entry.get("method", ""))[:200], "info": str(entry.get("info", ""))[:500]})
            elif isinstance(entry, list | tuple) and len(entry) == 2:
                contact.append({"method": str(entry[0]), "info": str(entry[1])})
        return cls(
            name=opt_str(data.get("name")),
            pubkey=opt_str(data.get("pubkey")),
            version=opt_str(data.get("version")),
            description=opt_str(data.get("description")),
            description_long=opt_str(data.get("description_long")),
            motd=opt_str(data.get("motd")),
            contact=contact,
            icon_url=opt_str(data.get("icon_url")),
            urls=[u for u in as_list(data.get("urls") or [], "urls") if isinstance(u, str)],
            tos_url=opt_str(data.get("tos_url")),
            time=opt_int(data.get("time")),
            nuts=nuts,
            raw=dict(data),
        )

    def supports(self, nut: int) -> bool:
        """Whether the mint advertises NUT ``nut`` (present, not ``disabled``, ``supported`` truthy if given)."""
        entry = self.nuts.get(nut)
        if entry is None or entry.get("disabled") is True:
            return False
        if "supported" in entry:
            # NUT-17 puts a list of {method, unit, commands} here; the others a bool.
            return bool(entry["supported"])
        return True

    def _methods(self, nut: int) -> list[PaymentMethodSetting]:
        entry = self.nuts.get(nut) or {}
        methods = entry.get("methods")
        found = []
        # A malformed entry (no unit, a number for a name) is skipped: it names nothing we could use.
        for m in methods if isinstance(methods, list) else []:
            if not isinstance(m, dict):
                continue
            try:
                found.append(PaymentMethodSetting.from_json(m))
            except (KeyError, TypeError, ValueError):
                continue
        return found

    @property
    def mint_methods(self) -> list[PaymentMethodSetting]:
        """NUT-04 settings: which (method, unit) pairs can be minted."""
        return self._methods(4)

    @property
    def melt_methods(self) -> list[PaymentMethodSetting]:
        """NUT-05 settings: which (method, unit) pairs can be melted."""
        return self._methods(5)

    def supports_amountless_melt(self, method: str = "bolt11", unit: str = "sat") -> bool:
        """NUT-05 ``options.amountless`` (paying an invoice without an amount)."""
        if not self.supports(5):
            return False
        for setting in self.melt_methods:
            if setting.method == method and setting.unit == unit:
                return bool(setting.options.get("amountless") or setting.raw.get("amountless"))
        return False

    def websocket_commands(self, method: str = "bolt11", unit: str = "sat") -> frozenset[str]:
        """NUT-17 subscription kinds the mint offers for this method and unit."""
        entry = self.nuts.get(17) or {}
        supported = entry.get("supported")
        if not isinstance(supported, list):
            return frozenset()
        commands: set[str] = set()
        for item in supported:
            if isinstance(item, dict) and item.get("method") == method and item.get("unit") == unit:
                listed = item.get("commands")
                if isinstance(listed, list):
                    commands.update(c for c in listed if isinstance(c, str))
        return frozenset(commands)

    def supports_websocket(self, kind: str, method: str = "bolt11", unit: str = "sat") -> bool:
        """Whether a NUT-17 subscription of ``kind`` is offered for this method and unit."""
        return str(kind) in self.websocket_commands(method, unit)


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
            raise TypeError("keyset active must be true or false")
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
            raise TypeError("keyset active must be true or false")
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
            raise ValueError("restore answer pairs outputs and signatures of different lengths")
        return cls(outputs=outputs, signatures=signatures)
