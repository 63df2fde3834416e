"""NUT-27: the wallet's mint list, backed up to the user's Nostr relays under a key derived from the 12 words.

NUT-09/13 bring back ecash only from mints the wallet is told to ask; this backup is how the words alone find
them again. The list is published (NIP-44 encrypted to the backup key itself, kind 30078 ``d=mint-list``)
whenever it differs from the last one a relay accepted; ``restore`` fetches it first.

Setting ``nostr:mint-backup`` (JSON) remembers ``enabled`` (default on: nothing is published without relays,
and the content is readable only with the words), the last list a relay accepted, and the last attempt, so an
unreachable relay is retried at most every ``RETRY_AFTER`` seconds instead of slowing every command.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from core.api.relays import nostr_relays
from core.api.service import WalletService
from core.errors import NutdeskError, ProtocolError, UserFacingError
from core.i18n import t
from core.nostr.crypto import NostrKeys, nip44_decrypt, nip44_encrypt, sign_event
from core.nostr.relay_urls import unique_relays
from core.ports.mint import normalize_mint_url
from core.protocol.nostr_backup import (
    BACKUP_KIND,
    D_TAG,
    MintListBackup,
    backup_keypair_hex,
    backup_plaintext,
    backup_tags,
    parse_backup_plaintext,
)

__all__ = [
    "BackupReport",
    "MintBackupSettings",
    "backup_event",
    "backup_settings",
    "fetch_mint_list",
    "merge_mint_lists",
    "publish_mint_list",
    "set_backup_enabled",
    "sync_mint_backup",
]

log = logging.getLogger(__name__)

SETTING = "nostr:mint-backup"
RETRY_AFTER = 600
FETCH_GRACE = 0.5  # after the first relay's EOSE, how long to wait for the others' (newer) copies


@dataclass(frozen=True)
class BackupReport:
    mints: tuple[str, ...]
    accepted: tuple[str, ...]
    refused: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return bool(self.accepted)

    def to_json(self) -> dict[str, Any]:
        return {"mints": list(self.mints), "accepted": list(self.accepted), "refused": self.refused}


@dataclass(frozen=True)
class MintBackupSettings:
    enabled: bool = True
    published: tuple[str, ...] | None = None
    published_at: int = 0
    attempted: tuple[str, ...] | None = None
    attempted_at: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "published": None if self.published is None else list(self.published),
            "published_at": self.published_at,
            "attempted": None if self.attempted is None else list(self.attempted),
            "attempted_at": self.attempted_at,
        }


def backup_settings(wallet: WalletService) -> MintBackupSettings:
    raw = wallet.store.get_setting(SETTING)
    if not raw:
        return MintBackupSettings()
    data = json.loads(raw)
    published, attempted = data.get("published"), data.get("attempted")
    return MintBackupSettings(
        enabled=bool(data.get("enabled", True)),
        published=None if published is None else tuple(published),
        published_at=int(data.get("published_at", 0)),
        attempted=None if attempted is None else tuple(attempted),
        attempted_at=int(data.get("attempted_at", 0)),
    )


def _save(wallet: WalletService, settings: MintBackupSettings) -> None:
    wallet.store.set_setting(SETTING, json.dumps(settings.to_json(), sort_keys=True))


def set_backup_enabled(wallet: WalletService, enabled: bool) -> MintBackupSettings:
    settings = backup_settings(wallet)
    updated = MintBackupSettings(enabled, settings.published, settings.published_at)  # a fresh attempt is due
    _save(wallet, updated)
    return updated


def merge_mint_lists(*lists: Sequence[str]) -> list[str]:
    """One list, in order, each mint once however its URL was written (a restore must not run twice)."""
    merged: dict[str, None] = {}
    for urls in lists:
        for url in urls:
            merged.setdefault(normalize_mint_url(url), None)
    return list(merged)


def _keys(seed: bytes) -> NostrKeys:
    return NostrKeys.from_hex(backup_keypair_hex(seed)[0])


def backup_event(seed: bytes, mints: Sequence[str], *, now: int | None = None) -> dict[str, Any]:
    """The signed kind-30078 event carrying ``mints``, encrypted from the backup key to itself."""
    keys = _keys(seed)
    created = int(time.time()) if now is None else now
    content = nip44_encrypt(keys.secret, keys.public_hex, backup_plaintext(list(mints), created))
    return sign_event(keys, BACKUP_KIND, content, backup_tags(), created_at=created)


def _current_mints(wallet: WalletService) -> tuple[str, ...]:
    return tuple(m.url for m in wallet.list_mints())


async def publish_mint_list(
    wallet: WalletService, relays: Sequence[str] | None = None, *, timeout: float = 10.0
) -> BackupReport:
    """Publish the wallet's mint list now; remembered as backed up when at least one relay accepts it."""
    urls = unique_relays(nostr_relays(wallet) if relays is None else relays)
    if not urls:
        raise UserFacingError(t("no Nostr relays to back the mint list up to: add one with `nutdesk relays --add`"))
    mints = _current_mints(wallet)
    from core.nostr.relay import publish  # the websocket client, only when there is something to publish

    results = await publish(backup_event(wallet.seed, mints), urls, timeout=timeout)
    report = BackupReport(
        mints,
        tuple(r.relay for r in results if r.accepted),
        {r.relay: r.message for r in results if not r.accepted},
    )
    settings = backup_settings(wallet)
    now = int(time.time())
    if report.ok:
        _save(wallet, MintBackupSettings(settings.enabled, mints, now, mints, now))
    else:
        _save(wallet, MintBackupSettings(settings.enabled, settings.published, settings.published_at, mints, now))
    return report


async def sync_mint_backup(
    wallet: WalletService, relays: Sequence[str] | None = None, *, timeout: float = 5.0
) -> BackupReport | None:
    """Publish if the backup is on, relays are set and the list changed since a relay last accepted it.

    None when nothing was due. Never raises for the network: a failed attempt is retried after ``RETRY_AFTER``
    seconds or as soon as the list changes again.
    """
    settings = backup_settings(wallet)
    urls = unique_relays(nostr_relays(wallet) if relays is None else relays)
    if not settings.enabled or not urls:
        return None
    mints = _current_mints(wallet)
    if mints == settings.published or (settings.published is None and not mints):
        return None
    if mints == settings.attempted and time.time() - settings.attempted_at < RETRY_AFTER:
        return None
    try:
        return await publish_mint_list(wallet, urls, timeout=timeout)
    except NutdeskError as exc:  # e.g. a relay URL that is no longer valid: say so, never break the caller
        log.warning("mint-list backup failed: %s", exc)
        return BackupReport(mints, (), {"*": str(exc)})


async def fetch_mint_list(seed: bytes, relays: Sequence[str], *, timeout: float = 10.0) -> MintListBackup | None:
    """The newest mint-list backup for ``seed`` on ``relays``; None if the relays hold none.

    Raises ``UserFacingError`` if no relay answered at all (that is not the same as "no backup").
    """
    urls = unique_relays(relays)
    if not urls:
        raise UserFacingError(t("no Nostr relays to fetch the mint list from: give one with --relay wss://…"))
    keys = _keys(seed)
    wanted = {"kinds": [BACKUP_KIND], "authors": [keys.public_hex], "#d": [D_TAG]}
    found: list[MintListBackup] = []
    created: list[int] = []
    from core.nostr.relay import Subscription

    async with Subscription(urls, [wanted], timeout=timeout) as sub:
        try:
            async with asyncio.timeout(timeout):
                await sub.synced.wait()
        except TimeoutError as exc:
            raise UserFacingError(
                t("no Nostr relay answered within {0:g} s: {1}").format(timeout, ", ".join(urls))
            ) from exc
        while True:
            try:
                event = await asyncio.wait_for(sub.get(), FETCH_GRACE)
            except TimeoutError:
                break
            backup = _open(keys, event)
            if backup is not None:
                found.append(backup)
                created.append(int(event["created_at"]))
    if not found:
        return None
    return max(zip(created, found, strict=True), key=lambda pair: (pair[0], pair[1].timestamp))[1]


def _open(keys: NostrKeys, event: dict[str, Any]) -> MintListBackup | None:
    """Decrypt and check one event; a stranger's or a corrupted one is skipped, not fatal."""
    if event.get("pubkey") != keys.public_hex or event.get("kind") != BACKUP_KIND:
        return None
    if ["d", D_TAG] not in [t[:2] for t in event.get("tags", []) if isinstance(t, list)]:
        return None
    try:
        return parse_backup_plaintext(nip44_decrypt(keys.secret, keys.public_hex, str(event.get("content", ""))))
    except ProtocolError as exc:
        log.warning("skipping an unreadable mint-list backup %s: %s", event.get("id"), exc)
        return None
