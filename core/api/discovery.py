"""Mint discovery on Nostr (NIP-87) for "Add mint": announced and recommended mints with their reviews, from the
user's relays; and publishing the user's own review.

Reviews are signed with a Nostr key derived from the recovery words in a domain of its own
(``sha256(seed ‖ "nutdesk-nostr-reviews")``), so the same words keep the same reviewer identity and nothing else
of the wallet is linked to it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from core.api.payments import nostr_relays
from core.api.service import WalletService
from core.errors import UserFacingError
from core.i18n import t
from core.nostr.crypto import NostrKeys, sign_event
from core.nostr.relay import PublishResult, Subscription, publish, unique_relays
from core.protocol.ec import sha256
from core.protocol.nip87 import (
    KIND_CASHU_MINT,
    KIND_RECOMMENDATION,
    DiscoveredMint,
    MintAnnouncement,
    discovered_mints,
    parse_announcement,
    review_content,
    review_tags,
)

__all__ = ["DiscoveredMint", "discover_mints", "fetch_discovery_events", "publish_review", "reviewer_keys"]

REVIEW_KEY_DOMAIN = b"nutdesk-nostr-reviews"
MAX_EVENTS = 2000  # a relay answering with more is cut off: the list is for people to read
GRACE = 0.5


def reviewer_keys(seed: bytes) -> NostrKeys:
    return NostrKeys(sha256(seed + REVIEW_KEY_DOMAIN))


def _relays(service: WalletService | None, relays: Sequence[str] | None) -> list[str]:
    urls = unique_relays(relays if relays is not None else (nostr_relays(service) if service else []))
    if not urls:
        raise UserFacingError(t("no Nostr relays: add one with `nutdesk relays --add wss://…` (or give --relay)"))
    return urls


async def fetch_discovery_events(relays: Sequence[str], *, timeout: float = 10.0) -> list[dict[str, Any]]:
    """Every stored announcement and Cashu recommendation on ``relays`` (until each has sent what it holds)."""
    wanted: list[dict[str, Any]] = [
        {"kinds": [KIND_CASHU_MINT]},
        {"kinds": [KIND_RECOMMENDATION], "#k": [str(KIND_CASHU_MINT)]},
    ]
    events: list[dict[str, Any]] = []
    async with Subscription(relays, wanted, timeout=timeout) as sub:
        try:
            async with asyncio.timeout(timeout):
                await sub.synced.wait()
        except TimeoutError as exc:
            raise UserFacingError(t("no Nostr relay answered within {0:g} s").format(timeout)) from exc
        while len(events) < MAX_EVENTS:
            try:
                events.append(await asyncio.wait_for(sub.get(), GRACE))
            except TimeoutError:
                break
    return events


async def discover_mints(
    service: WalletService | None = None,
    relays: Sequence[str] | None = None,
    *,
    network: str = "mainnet",
    timeout: float = 10.0,
) -> list[DiscoveredMint]:
    """Mints announced or recommended on the user's relays, most recommended first."""
    return discovered_mints(await fetch_discovery_events(_relays(service, relays), timeout=timeout), network)


async def publish_review(
    service: WalletService,
    url: str,
    *,
    rating: int | None,
    text: str,
    relays: Sequence[str] | None = None,
    timeout: float = 10.0,
) -> list[PublishResult]:
    """Publish the user's recommendation of ``url`` (pointing at the mint's announcement when a relay has one)."""
    urls = _relays(service, relays)
    content = review_content(rating, text)
    announcement: MintAnnouncement | None = None
    try:
        events = await fetch_discovery_events(urls, timeout=timeout)
    except UserFacingError:
        events = []
    target = url.strip().rstrip("/")
    for event in events:
        found = parse_announcement(event)
        if found is not None and found.url == target:
            announcement = found
    event = sign_event(reviewer_keys(service.seed), KIND_RECOMMENDATION, content, review_tags(target, announcement))
    results = await publish(event, urls, timeout=timeout)
    if not any(r.accepted for r in results):
        raise UserFacingError(
            t("no relay accepted the review: {0}").format("; ".join(f"{r.relay}: {r.message}" for r in results))
        )
    return results
