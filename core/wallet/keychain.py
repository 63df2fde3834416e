"""A mint's keysets: fetched, verified (every id recomputed from its keys), cached in the database.

The wallet never trusts a keyset id the mint claims: ``verify_keyset_id`` recomputes v1 (``00…``) and
v2 (``01…``) ids. A keyset whose id does not match its keys is refused, so a mint cannot swap keys under
a known id.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.errors import KeysetError, UserFacingError
from core.i18n import t
from core.ports.mint import MintConnector
from core.ports.storage import StoredKeyset, WalletStore
from core.protocol.keysets import Keyset, expand_short_id, verify_keyset_id

__all__ = ["Keychain"]


class Keychain:
    """The keysets of one mint, as the wallet knows them."""

    def __init__(self, mint_url: str, keysets: Iterable[StoredKeyset]) -> None:
        self.mint_url = mint_url
        self.keysets = {k.id: k for k in keysets}

    @classmethod
    def from_store(cls, store: WalletStore, mint_url: str) -> Keychain:
        return cls(mint_url, store.keysets(mint_url))

    @classmethod
    async def refresh(cls, store: WalletStore, client: MintConnector, mint_url: str) -> Keychain:
        """Fetch the keyset list; download and verify the keys of any keyset not seen before."""
        infos = await client.get_keysets()
        known = {k.id: k for k in store.keysets(mint_url)}
        for info in infos:
            if info.id not in known:
                response = await client.get_keys(info.id)
                matching = [k for k in response.keysets if k.id == info.id]
                if not matching:
                    raise KeysetError(t("the mint did not return the keys of keyset {0}").format(info.id))
                keys = matching[0].keys
                verify_keyset_id(
                    Keyset(
                        id=info.id,
                        unit=info.unit,
                        active=info.active,
                        input_fee_ppk=info.input_fee_ppk,
                        keys=keys,
                        final_expiry=info.final_expiry,
                    )
                )
            else:
                keys = {}
                stored = known[info.id]
                if info.input_fee_ppk != stored.input_fee_ppk and info.id.startswith("01") and stored.keys:
                    # A v2 id commits to its fee: another fee under a known id is the mint's lie, not a change.
                    verify_keyset_id(
                        Keyset(
                            id=info.id,
                            unit=info.unit,
                            active=info.active,
                            input_fee_ppk=info.input_fee_ppk,
                            keys=stored.keys,
                            final_expiry=info.final_expiry,
                        )
                    )
            store.upsert_keyset(
                id=info.id,
                mint_url=mint_url,
                unit=info.unit,
                active=info.active,
                input_fee_ppk=info.input_fee_ppk,
                final_expiry=info.final_expiry,
                keys=keys,
            )
        return cls.from_store(store, mint_url)

    def units(self) -> list[str]:
        return sorted({k.unit for k in self.keysets.values()})

    def active(self, unit: str) -> StoredKeyset:
        """The keyset new outputs go to: active, of the unit, and the cheapest if several are active."""
        candidates = [k for k in self.keysets.values() if k.active and k.unit == unit]
        if not candidates:
            raise UserFacingError(t("mint {0} has no active keyset for unit {1}").format(self.mint_url, unit))
        return min(candidates, key=lambda k: (k.input_fee_ppk, k.id))

    def get(self, keyset_id: str) -> StoredKeyset:
        keyset = self.keysets.get(keyset_id)
        if keyset is None:
            raise KeysetError(t("keyset {0} is not a keyset of {1}").format(keyset_id, self.mint_url))
        return keyset

    def fee_ppk(self, keyset_id: str) -> int:
        return self.get(keyset_id).input_fee_ppk

    def is_active(self, keyset_id: str) -> bool:
        return self.get(keyset_id).active

    def full_id(self, keyset_id: str) -> str:
        """Map a token's (possibly 8-byte short) keyset id to the full id the mint knows."""
        return expand_short_id(keyset_id, list(self.keysets))

    def keys_map(self) -> dict[str, dict[int, str]]:
        return {k.id: k.keys for k in self.keysets.values()}
