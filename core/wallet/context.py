"""``MintWallet``: what every operation needs for one mint — its client, its verified keysets, the store and
the seed. One per mint, shared by all units of that mint (a Cashu "wallet" is one mint + one unit: the
unit is passed to each operation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.ports.mint import MintConnector
from core.ports.mint_types import MintInfo
from core.ports.storage import WalletStore
from core.protocol import bdhke
from core.protocol.fees import input_fee
from core.protocol.models import Proof
from core.wallet.keychain import Keychain

__all__ = ["MintWallet"]


@dataclass
class MintWallet:
    url: str
    client: MintConnector
    store: WalletStore
    seed: bytes
    keychain: Keychain
    info: MintInfo | None = None

    def supports(self, nut: int) -> bool:
        return self.info is not None and self.info.supports(nut)

    async def refresh_keysets(self) -> None:
        self.keychain = await Keychain.refresh(self.store, self.client, self.url)

    def fee_for(self, proofs: Sequence[Proof]) -> int:
        """NUT-02 input fee of spending ``proofs`` at this mint."""
        return input_fee([self.keychain.fee_ppk(p.id) for p in proofs])

    def balance(self, unit: str) -> int:
        return sum(t.amount for t in self.store.keyset_totals(self.url, unit).values())  # the running totals

    def store_proofs(
        self, proofs: Sequence[Proof], unit: str, *, state: str = "unspent", op_id: str | None = None
    ) -> None:
        ys = [bdhke.hash_to_curve_hex(p.secret) for p in proofs]
        self.store.add_proofs(proofs, ys=ys, mint_url=self.url, unit=unit, state=state, operation_id=op_id)
