"""What the wallet needs from storage: record types and the ``WalletStore`` protocol.

``core.storage.store.Store`` implements it with SQLAlchemy; the wallet only sees this interface.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

from core.errors import StorageError
from core.protocol.models import Proof

__all__ = [
    "OPERATION_TRANSITIONS",
    "BalanceRow",
    "CounterPort",
    "ExportedToken",
    "FailedTransaction",
    "JournalPort",
    "KeysetTotal",
    "MintQuoteRecord",
    "OperationRecord",
    "OperationState",
    "ProofPort",
    "ProofRef",
    "ProofState",
    "ProofsTaken",
    "QuotePort",
    "RecordPort",
    "SettingsPort",
    "StaleState",
    "StoredKeyset",
    "StoredMint",
    "UnitOfWorkPort",
    "WalletStore",
]


class ProofState(StrEnum):
    UNSPENT = "unspent"  # spendable, owned by no operation
    RESERVED = "reserved"  # an operation's inputs, request not settled yet
    PENDING = "pending"  # sent in a token (until claimed) or an input of a melt pending at the mint
    SPENT = "spent"


class OperationState(StrEnum):
    PREPARED = "prepared"  # written, no request sent
    SENT = "sent"  # the request may have reached the mint
    PENDING = "pending"  # the mint says it is in flight (a Lightning payment)
    DONE = "done"
    FAILED = "failed"  # nothing happened (the mint's answer proved it): inputs released
    ROLLED_BACK = "rolled_back"  # recovery found nothing happened: inputs released
    NEEDS_REVIEW = "needs_review"  # the mint's records do not add up: a person looks


# Which states an operation may move to a state from (the compare-and-set of ``update_operation``). A finished entry
# (done/failed/rolled_back) never moves again, except "rolled back" → "failed" (both mean nothing happened).
_OPEN = frozenset({OperationState.PREPARED, OperationState.SENT, OperationState.PENDING, OperationState.NEEDS_REVIEW})
OPERATION_TRANSITIONS: dict[OperationState, frozenset[OperationState]] = {
    OperationState.PREPARED: frozenset({OperationState.PREPARED}),
    OperationState.SENT: _OPEN,  # a transfer's melt may finish from "pending": its mint step is still to come
    OperationState.PENDING: _OPEN,
    OperationState.DONE: _OPEN,
    OperationState.FAILED: _OPEN | {OperationState.ROLLED_BACK},
    OperationState.ROLLED_BACK: _OPEN,
    OperationState.NEEDS_REVIEW: _OPEN,
}


class StaleState(StorageError):
    """A compare-and-set found another state (or owner, or version) than expected: someone else changed it."""

    code = "stale-state"


class ProofsTaken(StaleState):
    """Proofs to reserve that another operation (another till) holds or took: ``secrets`` names them, so the next
    try chooses others at once."""

    def __init__(self, message: str, secrets: frozenset[str]) -> None:
        super().__init__(message)
        self.secrets = secrets


@dataclass(frozen=True)
class StoredMint:
    url: str
    name: str
    trusted: bool
    info: dict[str, Any]


@dataclass(frozen=True)
class StoredKeyset:
    id: str
    mint_url: str
    unit: str
    active: bool
    input_fee_ppk: int
    final_expiry: int | None
    keys: dict[int, str]
    counter: int


class ProofRef(NamedTuple):
    """An unspent proof as coin selection sees it: named by its Y (public, never sealed), with its keyset and
    amount. The full proof is read only once it is chosen (``ProofPort.proofs_by_ys``)."""

    y: str
    id: str
    amount: int


class KeysetTotal(NamedTuple):
    proofs: int
    amount: int


@dataclass(frozen=True)
class BalanceRow:
    mint_url: str
    unit: str
    balance: int
    pending: int


@dataclass(frozen=True)
class OperationRecord:
    id: str
    kind: str
    mint_url: str
    unit: str
    amount: int
    fee: int
    state: OperationState
    data: dict[str, Any]
    memo: str
    error: str
    created_at: float
    updated_at: float
    version: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    """An operation as History shows it: the journal row without its resume data (narrow and cheap to read)."""

    id: str
    kind: str
    mint_url: str
    unit: str
    amount: int
    fee: int
    state: str
    memo: str
    error: str
    created_at: float


@dataclass(frozen=True)
class MintQuoteRecord:
    quote: str
    mint_url: str
    unit: str
    amount: int
    request: str
    state: str
    expiry: int | None
    privkey: str | None


@dataclass(frozen=True)
class ExportedToken:
    id: int
    operation_id: str
    mint_url: str
    unit: str
    amount: int
    token: str
    file_path: str | None
    state: str


@dataclass(frozen=True)
class FailedTransaction:
    id: int
    operation_id: str
    operation: str
    mint_url: str
    unit: str
    amount: int
    reason_code: str
    details: str
    retry_count: int
    next_retry_at: float
    status: str
    created_at: float
    updated_at: float


class UnitOfWorkPort(Protocol):
    """The transaction of the task: ``with store.atomic():`` commits all its writes or none."""

    def atomic(self, *, row_locks: bool = False) -> AbstractContextManager[None]: ...


class SettingsPort(Protocol):
    """Settings and the mints of the wallet."""

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
    def settings_with_prefix(self, prefix: str) -> dict[str, str]: ...

    def upsert_mint(self, url: str, *, name: str, info: dict[str, Any], trusted: bool | None = None) -> StoredMint: ...
    def get_mint(self, url: str) -> StoredMint | None: ...
    def list_mints(self) -> list[StoredMint]: ...
    def set_mint_trusted(self, url: str, trusted: bool) -> None: ...
    def remove_mint(self, url: str) -> None: ...


class CounterPort(Protocol):
    """Keysets and their NUT-13 counters (reserved by one atomic statement)."""

    def upsert_keyset(
        self,
        *,
        id: str,
        mint_url: str,
        unit: str,
        active: bool,
        input_fee_ppk: int,
        final_expiry: int | None,
        keys: dict[int, str],
    ) -> None: ...
    def keysets(self, mint_url: str, unit: str | None = None) -> list[StoredKeyset]: ...
    def get_keyset(self, keyset_id: str) -> StoredKeyset | None: ...
    def reserve_counters(self, keyset_id: str, count: int) -> int: ...
    def bump_counter(self, keyset_id: str, at_least: int) -> None: ...


class ProofPort(Protocol):
    """Proofs: every state change is a compare-and-set on the expected state and owning operation."""

    def add_proofs(
        self,
        proofs: Iterable[Proof],
        *,
        ys: Sequence[str],
        mint_url: str,
        unit: str,
        state: str = "unspent",
        operation_id: str | None = None,
    ) -> None: ...
    def proofs(
        self,
        *,
        mint_url: str | None = None,
        unit: str | None = None,
        states: Sequence[str] = ("unspent",),
        operation_id: str | None = None,
    ) -> list[Proof]: ...
    def proofs_by_secrets(self, secrets: Sequence[str]) -> dict[str, tuple[Proof, str]]: ...
    def proof_ys(self, secrets: Sequence[str]) -> dict[str, str]: ...
    def proof_owners(self, secrets: Sequence[str]) -> dict[str, str | None]: ...
    def reserve_proofs(self, secrets: Sequence[str], operation_id: str, *, state: str = "reserved") -> None: ...
    def move_proofs(
        self, secrets: Sequence[str], *, owner: str | None, expect: Sequence[str], to: str, new_owner: str | None = ...
    ) -> None: ...
    def set_proof_state(
        self,
        secrets: Sequence[str],
        state: str,
        *,
        operation_id: str | None = None,
        expect: Sequence[str] | None = None,
    ) -> None: ...
    def balances(self) -> list[BalanceRow]: ...
    def keyset_totals(self, mint_url: str, unit: str | None = None, *, state: str = ...) -> dict[str, KeysetTotal]: ...
    def unspent_refs(
        self, mint_url: str, unit: str, keyset_id: str, *, before: tuple[int, str] | None = None, limit: int = ...
    ) -> list[ProofRef]: ...
    def proofs_by_ys(self, ys: Sequence[str]) -> list[Proof]: ...
    def denominations(self, mint_url: str, unit: str) -> list[tuple[str, int, int]]: ...
    def unspent_proofs_of(self, mint_url: str, unit: str, keyset_id: str, amount: int, limit: int) -> list[Proof]: ...


class QuotePort(Protocol):
    """Mint and melt quotes."""

    def save_mint_quote(
        self,
        *,
        quote: str,
        mint_url: str,
        unit: str,
        amount: int,
        request: str,
        state: str,
        expiry: int | None,
        privkey: str | None,
    ) -> None: ...
    def mint_quote(self, quote: str) -> MintQuoteRecord | None: ...
    def mint_quotes(self, states: Sequence[str] | None = None) -> list[MintQuoteRecord]: ...
    def set_mint_quote_state(self, quote: str, state: str) -> None: ...
    def save_melt_quote(
        self, *, quote: str, mint_url: str, unit: str, amount: int, fee_reserve: int, request: str, state: str
    ) -> None: ...
    def set_melt_quote_state(self, quote: str, state: str, preimage: str | None = None) -> None: ...


class JournalPort(Protocol):
    """The operation journal: compare-and-set on allowed transitions and the version."""

    in_flight: set[str]

    def create_operation(
        self,
        *,
        kind: str,
        mint_url: str,
        unit: str,
        amount: int = 0,
        data: dict[str, Any] | None = None,
        memo: str = "",
        state: str = "prepared",
        fee: int = 0,
    ) -> str: ...
    def update_operation(
        self,
        op_id: str,
        *,
        state: str | None = None,
        data: dict[str, Any] | None = None,
        amount: int | None = None,
        fee: int | None = None,
        error: str | None = None,
        expect: Sequence[str] | None = None,
        version: int | None = None,
    ) -> int: ...
    def release(self, op_id: str) -> None: ...
    def get_operation(self, op_id: str) -> OperationRecord | None: ...
    def operations(
        self, *, states: Sequence[str] | None = None, kinds: Sequence[str] | None = None, limit: int | None = None
    ) -> list[OperationRecord]: ...


class RecordPort(Protocol):
    """Exported tokens and failed-transaction records."""

    def add_exported_token(
        self, *, operation_id: str, mint_url: str, unit: str, amount: int, token: str, file_path: str | None = None
    ) -> int: ...
    def exported_tokens(
        self, states: Sequence[str] = ("pending",), *, newest: int | None = None
    ) -> list[ExportedToken]: ...
    def set_exported_token_state(self, token_id: int, state: str, file_path: str | None = None) -> None: ...

    def record_failure(
        self,
        *,
        operation_id: str,
        operation: str,
        mint_url: str,
        unit: str,
        amount: int,
        reason_code: str,
        details: str,
        status: str,
        next_retry_at: float,
        count_retry: bool = True,
    ) -> FailedTransaction: ...
    def failed_transactions(self, statuses: Sequence[str] | None = None) -> list[FailedTransaction]: ...
    def get_failed(self, failed_id: int) -> FailedTransaction | None: ...
    def failed_for_operation(self, operation_id: str) -> FailedTransaction | None: ...
    def set_failed_status(self, failed_id: int, status: str, *, next_retry_at: float | None = None) -> None: ...


class WalletStore(UnitOfWorkPort, SettingsPort, CounterPort, ProofPort, QuotePort, JournalPort, RecordPort, Protocol):
    """Everything the wallet needs from storage: the narrow ports together (``core.storage.store.Store``)."""
