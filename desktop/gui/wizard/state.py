"""The first-run wizard as plain Python: new words (and which to confirm) or restored words, a password,
a first mint; ``finish`` creates the wallet through ``WalletService``."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from core.api import check_new_password, new_mnemonic, normalize_mnemonic
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.gui.i18n import tr

__all__ = ["WizardState"]

CONFIRM_COUNT = 3


@dataclass
class WizardState:
    restore: bool = False
    words: list[str] = field(default_factory=list)
    confirm_positions: list[int] = field(default_factory=list)  # 0-based
    password: str | None = None
    mint_url: str = ""
    trust_mint: bool = True
    relays: list[str] = field(default_factory=list)  # restore: where the NUT-27 mint-list backup is looked for
    _rng: random.Random = field(default_factory=random.SystemRandom, repr=False)

    def new_words(self) -> list[str]:
        self.words = new_mnemonic().split()
        self.confirm_positions = sorted(self._rng.sample(range(len(self.words)), CONFIRM_COUNT))
        return self.words

    def check_confirmation(self, answers: dict[int, str]) -> bool:
        return all(answers.get(i, "").strip().lower() == self.words[i] for i in self.confirm_positions)

    def set_restored_words(self, text: str) -> list[str]:
        """Validates the words (BIP39 list and checksum); raises ``UserFacingError`` with what is wrong."""
        self.words = normalize_mnemonic(text).split()
        return self.words

    def set_password(self, password: str, repeat: str) -> None:
        if password != repeat:
            raise UserFacingError(tr("the two passwords differ"))
        if password:
            check_new_password(password)
        self.password = password or None

    async def finish(self, service: WalletService, progress: Callable[[str], None] | None = None) -> None:
        """Create the wallet, add the first mint, and on restore look for the wallet's ecash at that mint."""
        if not self.words:
            raise UserFacingError(tr("no recovery words"))
        # scrypt (about half a second) and the first writes run off the Qt thread.
        await asyncio.to_thread(service.create_wallet, " ".join(self.words), self.password)
        await asyncio.to_thread(service.unlock, self.password)
        if self.mint_url:
            await service.add_mint(self.mint_url, trusted=self.trust_mint)
        if self.restore:
            from desktop.gui.wizard.backup import restore_mints  # NUT-27: every backed-up mint, not only this one

            mints = await restore_mints(service, self.mint_url, self.relays, progress)
            if mints:
                await service.restore(mints, progress=progress)
