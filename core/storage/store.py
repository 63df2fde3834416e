"""The repository the wallet uses: every read and write of the wallet database goes through ``Store``.

``Store`` composes one repository per aggregate (``core.storage.repos``: settings and mints, keysets and counters,
proofs, quotes, the journal, exported tokens and failure records) over one unit of work
(``core.storage.unit_of_work``). Each method commits on its own, unless called inside ``with store.atomic():``,
where all writes commit together or not at all (used whenever new proofs are stored and inputs are marked spent in
one step, so a crash can never leave both or neither).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from core.storage.db import Database
from core.storage.repos.journal import RESTING_STATES, JournalRepository, lease_owner_name
from core.storage.repos.keysets import KeysetRepository
from core.storage.repos.proofs import PROOF_STATES, ProofRepository
from core.storage.repos.quotes import QuoteRepository
from core.storage.repos.records import RecordRepository
from core.storage.repos.settings import SettingsRepository

__all__ = ["PROOF_STATES", "RESTING_STATES", "Store"]


class Store(
    SettingsRepository, KeysetRepository, ProofRepository, QuoteRepository, JournalRepository, RecordRepository
):
    def __init__(self, db: Database) -> None:
        self._open_unit_of_work(db)
        # Where the exchange rate of the moment comes from ((fiat per BTC, currency) or None): each new operation
        # records it, so reports value every entry at the rate of its own time. Set by a front end with rates.
        self.fiat_quote: Callable[[], tuple[Decimal, str] | None] | None = None
        # Operations this process created and is still working on: recovery must not resume them under its feet
        # (a background pass rolling back a "prepared" swap whose request is about to leave). An operation leaves
        # the set when it reaches a resting state, or when its code gives up on it (``release``).
        self.in_flight: set[str] = set()
        # This process, as the owner of the leases on the operations it works on (host/pid/random: a pid alone is
        # not unique across the machines of a shop), and how long a lease lasts without a change: longer than the
        # longest request (a melt), so a live till's operation is never taken over (``WalletService.open`` sets it).
        self.lease_owner = lease_owner_name()
        self.lease_seconds = 660.0
