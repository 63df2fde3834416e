"""NUT-06 ``GET /v1/info`` as the wallet reads it: what a mint supports (NUTs, methods and units, websockets).
Part of the port's data types (``core.ports.mint_types`` re-exports them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.ports.strict import as_list, as_object, as_str, opt_int, opt_str

__all__ = ["MintInfo", "PaymentMethodSetting"]


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
