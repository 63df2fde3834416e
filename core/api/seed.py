"""The wallet's seed: its mnemonic (NUT-13), the password that may protect it, and the sealed secret columns that
follow the password (``core.storage.sealed``). ``WalletService`` delegates its seed and password calls here."""

from __future__ import annotations

import json

from core.config import Config
from core.errors import ConfigError, InvalidPassword
from core.i18n import t
from core.protocol.derivation import mnemonic_to_seed
from core.storage.models import Base
from core.storage.sealed import Vault, reseal_database
from core.storage.store import Store
from core.wallet.seed import (
    check_new_password,
    decrypt_secret,
    encrypt_secret,
    is_encrypted,
    needs_upgrade,
    new_mnemonic,
    normalize_mnemonic,
)

__all__ = ["WalletSeed"]

_MNEMONIC_KEY = "mnemonic"
# Set while the secret columns are (being) sealed: a password was set; removed once they are opened again.
_SEALED_KEY = "sealed_columns"
_SEALED_VERSION = "1"


class WalletSeed:
    """The seed of one wallet's store; the 64-byte BIP-39 seed is derived once, on ``unlock`` or first use."""

    def __init__(self, config: Config, store: Store, vault: Vault) -> None:
        self.config = config
        self.store = store
        self._vault = vault
        self._seed: bytes | None = None

    @property
    def initialized(self) -> bool:
        return self.store.get_setting(_MNEMONIC_KEY) is not None

    @property
    def password_protected(self) -> bool:
        stored = self.store.get_setting(_MNEMONIC_KEY)
        return stored is not None and is_encrypted(stored)

    def create_wallet(self, mnemonic: str | None = None, password: str | None = None) -> str:
        """Store a new (or restored) mnemonic; returns the words. Refuses to overwrite an existing wallet."""
        if self.initialized:
            raise ConfigError(t("a wallet already exists in {0}").format(self.config.data_dir))
        if password:
            check_new_password(password)
        words = normalize_mnemonic(mnemonic) if mnemonic else new_mnemonic()
        self.store.set_setting(_MNEMONIC_KEY, encrypt_secret(words, password) if password else words)
        self._seed = mnemonic_to_seed(words)
        self._vault.set_key(self._seed, seal_writes=bool(password))
        if password:
            self._reseal(seal=True)  # whatever rows are already there (none, normally) are sealed too
        return words

    def unlock(self, password: str | None = None) -> None:
        stored = self.store.get_setting(_MNEMONIC_KEY)
        if stored is None:
            raise ConfigError(t("no wallet here yet: run `nutdesk init` (or open the app) first"))
        if is_encrypted(stored):
            if not password:
                raise InvalidPassword(t("this wallet is protected by a password"))
            words = decrypt_secret(stored, password)
        else:
            words = stored
        self._seed = mnemonic_to_seed(words)
        protected = is_encrypted(stored)
        self._vault.set_key(self._seed, seal_writes=protected)
        # Finish what an older version or an interrupted password change left: the secret columns sealed exactly
        # when there is a password, and the words under today's KDF parameters.
        sealed = self.store.get_setting(_SEALED_KEY) == _SEALED_VERSION
        if protected and not sealed:
            self._reseal(seal=True)
        elif not protected and self.store.get_setting(_SEALED_KEY) is not None:
            self._reseal(seal=False)
        if protected and needs_upgrade(stored):
            assert password is not None
            self._rewrap(words, password, password)

    def mnemonic(self, password: str | None = None) -> str:
        stored = self.store.get_setting(_MNEMONIC_KEY)
        if stored is None:
            raise ConfigError(t("no wallet here yet"))
        return decrypt_secret(stored, password or "") if is_encrypted(stored) else stored

    def set_password(self, old: str | None, new: str | None) -> None:
        """Set, change (``old`` → ``new``) or remove (``new`` None) the password, for the seed and every saved
        secret (settings records with a ``secrets`` map, e.g. Lightning backend keys) in one transaction; setting
        one seals the secret columns, removing it opens them (``core.storage.sealed``)."""
        if new:
            check_new_password(new)
        words = self.mnemonic(old)
        was_protected = self.password_protected
        if self._seed is None:
            self._seed = mnemonic_to_seed(words)
        if not self._vault.has_key:
            self._vault.set_key(self._seed, seal_writes=was_protected)
        if new and not was_protected:
            self._reseal(seal=True)  # rows first: a crash in between leaves them readable and is finished later
            self._rewrap(words, old, new)
        elif new:
            self._rewrap(words, old, new)
        else:
            self._vault.seal_writes = False
            self._rewrap(words, old, None)
            self._reseal(seal=False)

    def _reseal(self, *, seal: bool) -> None:
        engine = self.store.db.engine
        if seal:
            self.store.set_setting(_SEALED_KEY, _SEALED_VERSION)  # before the rows: an interrupted run is resumed
            self._vault.seal_writes = True
        reseal_database(engine, Base.metadata, self._vault, seal=seal)
        if not seal:
            self.store.delete_setting(_SEALED_KEY)

    def _rewrap(self, words: str, old: str | None, new: str | None) -> None:
        with self.store.atomic():
            self.store.set_setting(_MNEMONIC_KEY, encrypt_secret(words, new) if new else words)
            for key, value in self.store.settings_with_prefix("backend:").items():
                record = json.loads(value)
                secrets = record.get("secrets")
                if not isinstance(secrets, dict):
                    continue
                plain = {k: decrypt_secret(v, old or "") if is_encrypted(v) else v for k, v in secrets.items()}
                record["secrets"] = {k: encrypt_secret(v, new) if new else v for k, v in plain.items()}
                self.store.set_setting(key, json.dumps(record, sort_keys=True))

    @property
    def seed(self) -> bytes:
        if self._seed is None:
            self.unlock()
        assert self._seed is not None
        return self._seed
