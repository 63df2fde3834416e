"""Secret columns encrypted at rest (AEAD), so a copy of a password-protected data directory holds nothing spendable.

Every column that holds bearer value or leads to it (proof secrets and signatures, DLEQ blinding factors, witnesses,
exported and refund tokens, NUT-20 quote keys, mint quote ids, journal payloads, a sale's customer proofs,
settings such as webhook secrets and PIN hashes) has a ``Sealed*`` type. Stored forms:

- ``nd1:`` + base64(nonce ‖ AES-256-GCM ciphertext): random nonce, the column's label as associated data.
- ``nd1d:`` + base64(AES-256-SIV ciphertext): *deterministic*, for the columns the code looks values up by
  (``WHERE secret IN (…)``, primary keys: proof secrets, mint quote ids, a sale's proof secrets). The same plaintext
  always gives the same ciphertext, so equality lookups, primary keys and uniqueness keep working with no schema
  change; it reveals only which rows are equal, and these values are unique random secrets anyway.

The key lives in a ``Vault`` bound to one engine (its dialect object), not in a global setting: two wallets open in
one process never share one. It is derived (HKDF-SHA256) from the wallet seed, which itself is encrypted under the
password (scrypt, N = 2^17, random salt: ``core.wallet.seed``). So the columns are exactly as protected as the
recovery words — which can restore every proof from the mint anyway — and changing the password re-encrypts only
the words, not every row.

Without a password nothing is sealed (the words are in the clear beside them; sealing would only cost time). When a
password is set the rows are sealed by ``reseal`` (a data migration, no schema change); when it is removed they
are opened again. Reads accept both forms whenever the key is known, so a transition cut short by a crash stays
readable and is finished at the next unlock. SQL that reads inside sealed columns (the analytics facts) uses the
``nd_open(value)`` and ``nd_seal(label, value)`` SQLite functions this module registers on every connection.

All sealing happens here in Python (the column types), never in the database, so it works the same on PostgreSQL (a
shop's tills): the key never reaches the server. There ``nd_open``/``nd_seal`` are identity functions (migration
0008), so SQL on a PostgreSQL wallet must not look inside a sealed column: it binds a sealed parameter through the
column's type (``bindparam(…, type_=column.type)``, sealed in Python like an ORM write) or reads the row and
opens it in Python.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import weakref
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, Engine, String, Text, event, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.types import TypeDecorator

from core.errors import InvalidPassword
from core.i18n import t
from core.storage.dialects import WRITER_LOCK_KEY

__all__ = [
    "SEALED_PREFIXES",
    "SealedString",
    "SealedText",
    "Vault",
    "install_vault",
    "is_sealed",
    "reseal",
    "reseal_database",
    "sealed_columns",
    "vault_of",
]

RANDOM_PREFIX = "nd1:"
DETERMINISTIC_PREFIX = "nd1d:"
SEALED_PREFIXES = (RANDOM_PREFIX, DETERMINISTIC_PREFIX)
_HKDF_INFO_GCM = b"nutdesk sealed columns v1 aes-256-gcm"
_HKDF_INFO_SIV = b"nutdesk sealed columns v1 aes-256-siv"
_log = logging.getLogger(__name__)


def is_sealed(value: str) -> bool:
    return value.startswith(SEALED_PREFIXES)


class Vault:
    """The column key of one open wallet, and whether new writes are sealed.

    - no key (before unlock): plaintext passes both ways; a sealed value read raises ``InvalidPassword``; with
      ``refuse_writes`` (a protected wallet not yet unlocked) a write to a sealed column raises instead of
      storing plaintext.
    - key, ``seal_writes`` False (no password): writes are plaintext, sealed values read are opened.
    - key, ``seal_writes`` True (password set): writes are sealed, reads opened.
    """

    def __init__(self) -> None:
        self._gcm: AESGCM | None = None
        self._siv: AESSIV | None = None
        self.seal_writes = False
        self.refuse_writes = False

    @property
    def has_key(self) -> bool:
        return self._gcm is not None

    def set_key(self, seed: bytes, *, seal_writes: bool) -> None:
        def derive(length: int, info: bytes) -> bytes:
            return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(seed)

        self._gcm = AESGCM(derive(32, _HKDF_INFO_GCM))
        self._siv = AESSIV(derive(64, _HKDF_INFO_SIV))
        self.seal_writes = seal_writes
        self.refuse_writes = False

    # --- values --------------------------------------------------------------------------------

    def seal(self, label: str, value: str, *, deterministic: bool) -> str:
        if self._gcm is None or self._siv is None:
            raise InvalidPassword(t("the wallet is locked: unlock it with its password first"))
        data = value.encode()
        if deterministic:
            return DETERMINISTIC_PREFIX + base64.b64encode(self._siv.encrypt(data, [label.encode()])).decode()
        nonce = os.urandom(12)
        return RANDOM_PREFIX + base64.b64encode(nonce + self._gcm.encrypt(nonce, data, label.encode())).decode()

    def open(self, label: str, value: str) -> str:
        """The plaintext of a sealed value (a plaintext one is returned as it is)."""
        if not is_sealed(value):
            return value
        if self._gcm is None or self._siv is None:
            raise InvalidPassword(t("the wallet is locked: unlock it with its password first"))
        try:
            if value.startswith(DETERMINISTIC_PREFIX):
                raw = base64.b64decode(value[len(DETERMINISTIC_PREFIX) :], validate=True)
                return self._siv.decrypt(raw, [label.encode()]).decode()
            raw = base64.b64decode(value[len(RANDOM_PREFIX) :], validate=True)
            return self._gcm.decrypt(raw[:12], raw[12:], label.encode()).decode()
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise InvalidPassword(
                t("a sealed value in {0} does not open with this wallet's key").format(label)
            ) from exc

    # Used by the ``nd_open`` SQL function, which has no column label: try the labels of the sealed columns.
    def open_any(self, value: str | None) -> str | None:
        if value is None or not is_sealed(value):
            return value
        for label in _LABELS:
            try:
                return self.open(label, value)
            except InvalidPassword:
                continue
        raise InvalidPassword(t("a sealed value does not open with this wallet's key"))


_VAULTS: weakref.WeakKeyDictionary[Dialect, Vault] = weakref.WeakKeyDictionary()
_LABELS: list[str] = []


def install_vault(engine: Engine) -> Vault:
    """Bind a (keyless) vault to ``engine`` and register the SQL functions on its connections."""
    vault = Vault()
    _VAULTS[engine.dialect] = vault
    if engine.dialect.name == "sqlite":

        def register(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.create_function("nd_open", 1, vault.open_any, deterministic=True)
            dbapi_connection.create_function("nd_seal", 2, _sql_seal(vault), deterministic=True)

        event.listen(engine, "connect", register)
    return vault


def _sql_seal(vault: Vault) -> Any:
    def nd_seal(label: str, value: str | None) -> str | None:
        if value is None or not vault.seal_writes:
            return value
        return vault.seal(label, value, deterministic=True)

    return nd_seal


def vault_of(engine: Engine) -> Vault:
    vault = _VAULTS.get(engine.dialect)
    if vault is None:
        raise RuntimeError("no vault is bound to this engine (open it through core.storage.db.Database)")
    return vault


class _Sealed(TypeDecorator[str]):
    """A text column sealed at rest under the engine's vault (see the module docstring)."""

    cache_ok = True

    def __init__(self, label: str, *, deterministic: bool = False, passthrough: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.label = label
        self.deterministic = deterministic
        # Values that are already encrypted under the password (the recovery words) are stored as they are: they
        # must stay readable before the vault has its key, which is derived from them.
        self.passthrough = passthrough
        if label not in _LABELS:
            _LABELS.append(label)

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        vault = _VAULTS.get(dialect)
        if value is None or vault is None or (self.passthrough and value.startswith(self.passthrough)):
            return value
        if vault.seal_writes:
            return vault.seal(self.label, value, deterministic=self.deterministic)
        if vault.refuse_writes:
            raise InvalidPassword(t("the wallet is locked: unlock it with its password before writing to it"))
        return value

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        vault = _VAULTS.get(dialect)
        if value is None or vault is None:
            return value
        if vault.seal_writes or not vault.has_key:
            return vault.open(self.label, value)  # raises when locked, or when a value does not open
        try:
            return vault.open(self.label, value)
        except InvalidPassword:
            return value  # no password: a plaintext value that merely looks sealed (e.g. a quote id a mint chose)


class SealedString(_Sealed):
    impl = String
    cache_ok = True


class SealedText(_Sealed):
    impl = Text
    cache_ok = True


def sealed_columns(metadata: Any) -> list[tuple[str, str, _Sealed]]:
    """(table, column, type) of every sealed column in ``metadata``."""
    found = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, _Sealed):
                found.append((table.name, column.name, column.type))
    return found


def reseal(connection: Connection, metadata: Any, vault: Vault, *, seal: bool) -> int:
    """Seal (``seal`` True) or open every value of every sealed column in place; returns how many changed.

    A data migration, run in the caller's transaction when a password is set, removed, or first unlocked with
    this scheme. Idempotent: already-sealed values are left (or opened), passthrough values never touched.
    Rows are addressed by their primary key as it was read (portable: SQLite and PostgreSQL), so a sealed
    primary-key column (a proof's secret) is rewritten by the same statement that finds it.
    """
    changed = 0
    for table_name, column, kind in sealed_columns(metadata):
        table = metadata.tables[table_name]
        keys = [c.name for c in table.primary_key.columns]
        if not keys:
            raise RuntimeError(f"sealed column {table_name}.{column} in a table without a primary key")
        selected = ", ".join(f'"{name}"' for name in keys)
        where = " AND ".join(f'"{name}" = :k{i}' for i, name in enumerate(keys))
        rows = connection.execute(
            text(f'SELECT {selected}, "{column}" FROM "{table_name}" WHERE "{column}" IS NOT NULL')
        ).all()
        for *key, value in rows:
            new = _resealed(kind, value, vault, seal=seal)
            if new is None:
                continue
            params = {"v": new, **{f"k{i}": part for i, part in enumerate(key)}}
            connection.execute(text(f'UPDATE "{table_name}" SET "{column}" = :v WHERE {where}'), params)
            changed += 1
    return changed


def _resealed(kind: _Sealed, value: str, vault: Vault, *, seal: bool) -> str | None:
    """The new stored form of ``value`` (None: leave it as it is)."""
    if kind.passthrough and value.startswith(kind.passthrough):
        return None
    if seal:
        if is_sealed(value):
            try:
                vault.open(kind.label, value)
                return None  # already sealed
            except InvalidPassword:
                pass  # plaintext that merely looks sealed (a string a mint chose): seal it
        return vault.seal(kind.label, value, deterministic=kind.deterministic)
    if not is_sealed(value):
        return None
    try:
        return vault.open(kind.label, value)
    except InvalidPassword:
        return None  # plaintext that merely looks sealed


def reseal_database(engine: Engine, metadata: Any, vault: Vault, *, seal: bool) -> int:
    """``reseal`` in one transaction, then scrub what the old values left on disk.

    SQLite keeps overwritten cells in free space and old page images in the ``-wal`` file, so a copy of the
    directory could still show the plaintext: ``VACUUM`` rewrites the file and a truncating checkpoint empties the
    WAL. Both need the database to ourselves for a moment; if another process holds it, they are left for the next
    time (the values themselves are sealed either way).
    """
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # One writer at a time across the tills (``core.storage.dialects``): no till writes a row in between.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
        changed = reseal(connection, metadata, vault, seal=seal)
    if seal and changed and engine.dialect.name == "sqlite":
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM")
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except SQLAlchemyError as exc:
            _log.warning("could not scrub the old plaintext from the wallet file yet: %s", exc)
    return changed
