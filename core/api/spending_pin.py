"""A spending PIN: sends, payments, withdrawals and cheques above a threshold need it.

Separate from the wallet password (which opens the wallet): the PIN guards *spending* on an open wallet — a shop
till left unlocked, a laptop lent for a minute. Stored as a slow hash (scrypt, N = 2^15, random salt) in the
settings table, sealed at rest like every setting when the wallet has a password (the ``pinscrypt$`` prefix is
deliberately not one of the settings column's clear-text passthrough prefixes).

Wrong attempts grow a delay (1 s, 2 s, 4 s … up to an hour) before the next attempt is even checked; the count and
the time are persisted, so restarting the program does not reset them. A right PIN opens a short **grant**
(2 minutes by default) in this process, so one user action that spends in two steps (a payment request paid through
a transfer: a melt then a send) asks once; ``revoke`` closes it.

The facade calls ``await guard_of(store).check(amount, unit, what)`` at the start of every spending method. A front
end installs a ``prompter`` (the GUI's PIN dialog, the CLI's ``NUTDESK_PIN``/terminal prompt) that ``check`` asks;
without one, ``check`` raises :class:`PinRequired` (a caller may ``authorize(pin)`` first and run it again).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets as random_secrets
import time
import weakref
from collections.abc import Awaitable, Callable
from typing import Protocol

from core.errors import InvalidPassword, UserCancelled, UserFacingError
from core.i18n import t

__all__ = [
    "PinLocked",
    "PinRequired",
    "Prompter",
    "SettingsStore",
    "SpendingPin",
    "WrongPin",
    "guard_of",
]

HASH_KEY = "spending_pin:hash"
THRESHOLD_KEY = "spending_pin:threshold"
ATTEMPTS_KEY = "spending_pin:attempts"
_PREFIX = "pinscrypt"
_LOG2_N, _R, _P = 15, 8, 1
MIN_PIN_LENGTH = 4
MAX_DELAY = 3600.0
GRANT_SECONDS = 120.0
MAX_PROMPTS = 5


class PinRequired(UserFacingError):
    """This spend is above the spending limit: the spending PIN is needed."""

    code = "pin-required"


class WrongPin(InvalidPassword):
    """The spending PIN is wrong."""

    code = "wrong-pin"

    def __init__(self, message: str = "", *, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PinLocked(UserFacingError):
    """Too soon after a wrong PIN: wait before the next attempt."""

    code = "pin-locked"

    def __init__(self, message: str = "", *, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


Prompter = Callable[[str, UserFacingError | None], Awaitable[str | None]]


class SettingsStore(Protocol):
    def get_setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
    def delete_setting(self, key: str) -> None: ...


def _hash(pin: str, salt: bytes) -> bytes:
    n = 1 << _LOG2_N
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=_R, p=_P, maxmem=2 * 128 * _R * n, dklen=32)


def hash_pin(pin: str) -> str:
    salt = random_secrets.token_bytes(16)
    encoded = [base64.b64encode(x).decode() for x in (salt, _hash(pin, salt))]
    return "$".join([_PREFIX, str(_LOG2_N), str(_R), str(_P), *encoded])


def _matches(pin: str, stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _PREFIX or parts[1:4] != [str(_LOG2_N), str(_R), str(_P)]:
        return False  # an unknown form never matches (and never costs more than our own parameters)
    salt, digest = base64.b64decode(parts[4]), base64.b64decode(parts[5])
    return hmac.compare_digest(_hash(pin, salt), digest)


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong attempts in a row: 0, 1, 2, 4, … capped at an hour."""
    return 0.0 if failures <= 0 else min(MAX_DELAY, float(2 ** min(failures - 1, 12)))


class SpendingPin:
    """The PIN guard of one wallet database. ``clock`` is injectable so tests need no sleeping."""

    def __init__(
        self, store: SettingsStore, *, clock: Callable[[], float] = time.time, grant_seconds: float = GRANT_SECONDS
    ) -> None:
        self.store = store
        self.clock = clock
        self.grant_seconds = grant_seconds
        self._granted_until = 0.0
        # Set by a front end: asks the person for the PIN (message, last error) → the PIN, or None if cancelled.
        self.prompter: Prompter | None = None

    # --- state -----------------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return self.store.get_setting(HASH_KEY) is not None

    @property
    def threshold(self) -> int:
        """Spends of more than this many units need the PIN (0: every spend)."""
        return int(self.store.get_setting(THRESHOLD_KEY) or "0")

    def _attempts(self) -> tuple[int, float]:
        raw = self.store.get_setting(ATTEMPTS_KEY)
        if not raw:
            return 0, 0.0
        data = json.loads(raw)
        return int(data.get("failures", 0)), float(data.get("not_before", 0.0))

    def retry_after(self) -> float:
        """Seconds until the next attempt is accepted (0: now)."""
        return max(0.0, self._attempts()[1] - self.clock())

    # --- checking ----------------------------------------------------------------------------------

    def _begin(self) -> str | None:
        """The stored hash, after refusing an attempt made while the delay still runs."""
        stored = self.store.get_setting(HASH_KEY)
        if stored is None:
            return None
        wait = self.retry_after()
        if wait > 0:
            raise PinLocked(t("too many wrong PINs: try again in {0:.0f} s").format(wait), retry_after=wait)
        return stored

    def _finish(self, ok: bool) -> None:
        failures, _ = self._attempts()
        if ok:
            if failures:
                self.store.delete_setting(ATTEMPTS_KEY)
            return
        failures += 1
        wait = delay_after(failures)
        # Persisted before answering, so killing the program after a wrong guess does not skip the delay.
        self.store.set_setting(ATTEMPTS_KEY, json.dumps({"failures": failures, "not_before": self.clock() + wait}))
        raise WrongPin(t("wrong spending PIN (next attempt in {0:.0f} s)").format(wait), retry_after=wait)

    def verify(self, pin: str) -> None:
        """Raise :class:`PinLocked` while a delay runs, :class:`WrongPin` (and grow the delay) when wrong."""
        stored = self._begin()
        if stored is not None:
            self._finish(_matches(pin, stored))

    def authorize(self, pin: str) -> None:
        """Check the PIN and allow spending above the threshold for the next ``grant_seconds``."""
        self.verify(pin)
        self._granted_until = self.clock() + self.grant_seconds

    async def verify_async(self, pin: str) -> None:
        """``verify`` with the slow hash off the event loop (the GUI's); the database stays on the caller's thread."""
        stored = self._begin()
        if stored is not None:
            self._finish(await asyncio.to_thread(_matches, pin, stored))

    async def authorize_async(self, pin: str) -> None:
        await self.verify_async(pin)
        self._granted_until = self.clock() + self.grant_seconds

    def revoke(self) -> None:
        self._granted_until = 0.0

    def needs_pin(self, amount: int) -> bool:
        return self.configured and amount > self.threshold and self.clock() >= self._granted_until

    def require(self, amount: int, unit: str, what: str) -> None:
        """Raise :class:`PinRequired` when this spend needs the PIN and no grant is open."""
        if self.needs_pin(amount):
            raise PinRequired(
                t("{0} of {1} {2} is above the spending limit of {3} {2}: the spending PIN is needed").format(
                    what, amount, unit, self.threshold
                )
            )

    async def check(self, amount: int, unit: str, what: str) -> None:
        """The call at the start of every spending facade method: ask the front end's ``prompter`` if needed.

        Without a prompter this is ``require``. With one, it is asked (with the last error, if any) until the PIN
        is right, the user cancels (``None``: :class:`UserCancelled`) or the prompter raises.
        """
        try:
            self.require(amount, unit, what)
            return
        except PinRequired:
            if self.prompter is None:
                raise
            message = f"{what} of {amount} {unit} is above your spending limit. Enter the spending PIN:"
        error: UserFacingError | None = None
        for _ in range(MAX_PROMPTS):
            pin = await self.prompter(message, error)
            if pin is None:
                raise UserCancelled(t("cancelled: the spending PIN was not given"))
            try:
                await self.authorize_async(pin)
                return
            except (WrongPin, PinLocked) as exc:
                error = exc
        assert error is not None
        raise error

    # --- settings ----------------------------------------------------------------------------------

    def set_pin(self, new: str, *, current: str | None = None) -> None:
        """Set or change the PIN (changing it needs the current one)."""
        if len(new) < MIN_PIN_LENGTH:
            raise UserFacingError(t("a spending PIN needs at least {0} characters").format(MIN_PIN_LENGTH))
        if self.configured:
            self.verify(current or "")
        self.store.set_setting(HASH_KEY, hash_pin(new))

    async def set_pin_async(self, new: str, *, current: str | None = None) -> None:
        if len(new) < MIN_PIN_LENGTH:
            raise UserFacingError(t("a spending PIN needs at least {0} characters").format(MIN_PIN_LENGTH))
        if self.configured:
            await self.verify_async(current or "")
        self.store.set_setting(HASH_KEY, await asyncio.to_thread(hash_pin, new))

    async def clear_async(self, current: str) -> None:
        await self.verify_async(current)
        self.clear_unchecked()

    def clear(self, current: str) -> None:
        self.verify(current)
        self.clear_unchecked()

    def clear_unchecked(self) -> None:
        self.store.delete_setting(HASH_KEY)
        self.store.delete_setting(ATTEMPTS_KEY)
        self.revoke()

    def set_threshold(self, amount: int, *, current: str | None = None) -> None:
        """Change the limit; with a PIN set, raising it needs the PIN (else anyone could switch it off)."""
        if amount < 0:
            raise UserFacingError(t("the spending limit cannot be negative"))
        if self.configured and amount > self.threshold:
            self.verify(current or "")
        self.store.set_setting(THRESHOLD_KEY, str(amount))

    async def set_threshold_async(self, amount: int, *, current: str | None = None) -> None:
        if amount < 0:
            raise UserFacingError(t("the spending limit cannot be negative"))
        if self.configured and amount > self.threshold:
            await self.verify_async(current or "")
        self.store.set_setting(THRESHOLD_KEY, str(amount))


# One guard per open store, so a grant given by the GUI covers the facade calls of the same wallet.
_GUARDS: weakref.WeakKeyDictionary[object, SpendingPin] = weakref.WeakKeyDictionary()


def guard_of(store: SettingsStore) -> SpendingPin:
    guard = _GUARDS.get(store)
    if guard is None:
        guard = _GUARDS[store] = SpendingPin(store)
    return guard
