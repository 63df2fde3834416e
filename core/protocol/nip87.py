"""NIP-87 ecash mint discovery, pure: mint announcements and user recommendations (reviews) from Nostr events.

- kind 38172, a Cashu mint announcement (by the mint's operator): ``d`` = the mint's pubkey, ``u`` = its URL,
  ``nuts`` = "1,2,3…", ``n`` = mainnet | testnet | signet | regtest.
- kind 38000, a recommendation (by a user): ``k`` = "38172", ``d`` = what it recommends (the announcement's ``d``
  or the URL), ``u`` = the mint URL, ``a`` = "38172:<operator>:<d>" pointing at the announcement; ``content`` is
  the review. A rating is written the way existing mint directories write it: a leading ``[4/5]``.

Both kinds are addressable: the newest event per (author, d) counts. Events come verified from the relay client;
everything here is bounded (URL length, review length) and anything malformed is skipped, never raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from core.i18n import t

__all__ = [
    "KIND_CASHU_MINT",
    "KIND_RECOMMENDATION",
    "DiscoveredMint",
    "MintAnnouncement",
    "MintReview",
    "discovered_mints",
    "parse_announcement",
    "parse_review",
    "review_content",
    "review_tags",
]

KIND_RECOMMENDATION = 38000
KIND_CASHU_MINT = 38172
MAX_URL = 512
MAX_REVIEW = 2000
_RATING = re.compile(r"^\s*\[\s*([0-5])\s*/\s*5\s*\]\s*")


@dataclass(frozen=True)
class MintAnnouncement:
    url: str
    mint_pubkey: str
    nuts: tuple[int, ...]
    network: str
    author: str
    created_at: int


@dataclass(frozen=True)
class MintReview:
    url: str
    author: str
    rating: int | None
    text: str
    created_at: int


@dataclass(frozen=True)
class DiscoveredMint:
    url: str
    announced: bool
    nuts: tuple[int, ...]
    network: str
    reviews: tuple[MintReview, ...]

    @property
    def recommendations(self) -> int:
        return len(self.reviews)

    @property
    def rating(self) -> float | None:
        rated = [r.rating for r in self.reviews if r.rating is not None]
        return sum(rated) / len(rated) if rated else None


def _url(value: object) -> str | None:
    if not isinstance(value, str) or len(value) > MAX_URL:
        return None
    url = value.strip().rstrip("/")
    parsed = urlparse(url)
    return url if parsed.scheme in ("http", "https") and parsed.hostname else None


def _tags(event: dict[str, Any]) -> list[list[str]]:
    tags = event.get("tags")
    if not isinstance(tags, list):
        return []
    return [t for t in tags if isinstance(t, list) and t and all(isinstance(x, str) for x in t)]


def _first(tags: list[list[str]], name: str) -> str | None:
    return next((t[1] for t in tags if t[0] == name and len(t) > 1), None)


def parse_announcement(event: dict[str, Any]) -> MintAnnouncement | None:
    if event.get("kind") != KIND_CASHU_MINT:
        return None
    tags = _tags(event)
    url = _url(_first(tags, "u"))
    if url is None:
        return None
    nuts = tuple(int(n) for n in (_first(tags, "nuts") or "").split(",") if n.strip().isdigit() and len(n) < 4)
    return MintAnnouncement(
        url=url,
        mint_pubkey=(_first(tags, "d") or "")[:66],
        nuts=nuts,
        network=(_first(tags, "n") or "mainnet")[:16],
        author=str(event.get("pubkey", "")),
        created_at=int(event.get("created_at", 0)),
    )


def parse_review(event: dict[str, Any], announced: dict[str, str] | None = None) -> MintReview | None:
    """A recommendation of a Cashu mint; ``announced`` maps "38172:<operator>:<d>" to the announced URL."""
    if event.get("kind") != KIND_RECOMMENDATION:
        return None
    tags = _tags(event)
    if _first(tags, "k") != str(KIND_CASHU_MINT):
        return None
    url = _url(_first(tags, "u")) or _url(_first(tags, "d"))
    if url is None and announced:
        url = next((announced[t[1]] for t in tags if t[0] == "a" and len(t) > 1 and t[1] in announced), None)
    if url is None:
        return None
    content = str(event.get("content", ""))[:MAX_REVIEW]
    match = _RATING.match(content)
    return MintReview(
        url=url,
        author=str(event.get("pubkey", "")),
        rating=int(match.group(1)) if match else None,
        text=content[match.end() :] if match else content,
        created_at=int(event.get("created_at", 0)),
    )


def _newest(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Addressable events: the newest per (kind, author, d)."""
    best: dict[tuple[object, object, str | None], dict[str, Any]] = {}
    for event in events:
        key = (event.get("kind"), event.get("pubkey"), _first(_tags(event), "d"))
        if key not in best or int(event.get("created_at", 0)) > int(best[key].get("created_at", 0)):
            best[key] = event
    return list(best.values())


def discovered_mints(events: Iterable[dict[str, Any]], network: str = "mainnet") -> list[DiscoveredMint]:
    """Mints from announcements and recommendations, most recommended (then best rated) first."""
    current = _newest(events)
    announcements = [a for e in current if (a := parse_announcement(e)) is not None]
    by_address = {f"{KIND_CASHU_MINT}:{a.author}:{a.mint_pubkey}": a.url for a in announcements}
    reviews: dict[str, dict[str, MintReview]] = {}
    for event in current:
        review = parse_review(event, by_address)
        if review is not None:
            reviews.setdefault(review.url, {})[review.author] = review  # one voice per author per mint
    info = {a.url: a for a in announcements if a.network == network}
    other_networks = {a.url for a in announcements if a.network != network} - set(info)
    urls = (set(info) | set(reviews)) - other_networks
    mints = [
        DiscoveredMint(
            url=url,
            announced=url in info,
            nuts=info[url].nuts if url in info else (),
            network=network,
            reviews=tuple(sorted(reviews.get(url, {}).values(), key=lambda r: -r.created_at)),
        )
        for url in urls
    ]
    return sorted(mints, key=lambda m: (-m.recommendations, -(m.rating or 0), m.url))


def review_content(rating: int | None, text: str) -> str:
    if rating is not None and not 0 <= rating <= 5:
        raise ValueError(t("a rating is 0 to 5"))
    return (f"[{rating}/5] " if rating is not None else "") + text.strip()[:MAX_REVIEW]


def review_tags(url: str, announcement: MintAnnouncement | None = None, relay: str = "") -> list[list[str]]:
    """Tags of a kind-38000 recommendation of ``url`` (pointing at its announcement when one is known)."""
    tags = [["k", str(KIND_CASHU_MINT)], ["d", announcement.mint_pubkey if announcement else url], ["u", url]]
    if announcement is not None:
        address = f"{KIND_CASHU_MINT}:{announcement.author}:{announcement.mint_pubkey}"
        tags.append(["a", address, relay] if relay else ["a", address])
    return tags
