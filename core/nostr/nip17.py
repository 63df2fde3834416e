"""NIP-17 private direct messages over NIP-59 gift wraps (no I/O).

Three layers, each NIP-44 v2 encrypted to the receiver:

- the **rumor**: an unsigned event (kind 14, a chat message) by the sender, tagged ``["p", receiver]``;
  it carries its id but no signature, so a leaked rumor proves nothing;
- the **seal** (kind 13): the rumor encrypted sender → receiver, signed by the sender, no tags;
- the **gift wrap** (kind 1059): the seal encrypted from a fresh random key → receiver, signed by that
  random key, tagged ``["p", receiver]`` so relays can route it.

The seal's and the wrap's ``created_at`` are random moments within the last two days (NIP-59), so relays
cannot tell when the message was written. Unwrapping checks both signatures and that the rumor's author is
the seal's signer (otherwise anyone could impersonate a sender).
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.errors import MalformedInput
from core.i18n import t
from core.nostr.crypto import NostrError, NostrKeys, event_id, nip44_decrypt, nip44_encrypt, sign_event, verify_event
from core.protocol.jsonread import read_json

__all__ = [
    "CHAT_MESSAGE",
    "GIFT_WRAP",
    "MAX_BACKDATE",
    "SEAL",
    "Rumor",
    "gift_wrap",
    "make_rumor",
    "seal",
    "unwrap",
    "wrap_seal",
]

_MAX_LAYER = 70_000  # NIP-44 plaintexts are at most 65,535 bytes

CHAT_MESSAGE, SEAL, GIFT_WRAP = 14, 13, 1059
MAX_BACKDATE = 2 * 24 * 3600  # two days


def _random_past(now: int) -> int:
    return now - secrets.randbelow(MAX_BACKDATE)


@dataclass(frozen=True)
class Rumor:
    """An unwrapped message: ``pubkey`` is the sender (verified through the seal's signature)."""

    id: str
    pubkey: str
    created_at: int
    kind: int
    tags: list[list[str]]
    content: str
    wrap_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "pubkey": self.pubkey, "created_at": self.created_at, "kind": self.kind,
                "tags": self.tags, "content": self.content}  # fmt: skip


def make_rumor(
    sender_public_hex: str,
    receiver_public_hex: str,
    content: str,
    *,
    kind: int = CHAT_MESSAGE,
    tags: Sequence[Sequence[str]] = (),
    relay_hint: str | None = None,
    created_at: int | None = None,
) -> Rumor:
    p_tag = ["p", receiver_public_hex] + ([relay_hint] if relay_hint else [])
    all_tags = [p_tag] + [list(t) for t in tags]
    created = int(time.time()) if created_at is None else created_at
    eid = event_id(sender_public_hex, created, kind, all_tags, content)
    return Rumor(eid, sender_public_hex, created, kind, all_tags, content)


def seal(sender: NostrKeys, receiver_public_hex: str, rumor: Rumor, *, now: int | None = None) -> dict[str, Any]:
    """Kind 13: the rumor encrypted to the receiver, signed by the sender, no tags, a randomized time."""
    if rumor.pubkey != sender.public_hex:
        raise NostrError(t("a seal is signed by the rumor's author"))
    now = int(time.time()) if now is None else now
    content = nip44_encrypt(sender.secret, receiver_public_hex, json.dumps(rumor.to_json(), ensure_ascii=False))
    return sign_event(sender, SEAL, content, [], created_at=_random_past(now))


def wrap_seal(sealed: dict[str, Any], receiver_public_hex: str, *, now: int | None = None) -> dict[str, Any]:
    """Kind 1059: the seal encrypted from a fresh random key to the receiver, tagged for routing."""
    now = int(time.time()) if now is None else now
    ephemeral = NostrKeys.generate()
    content = nip44_encrypt(ephemeral.secret, receiver_public_hex, json.dumps(sealed, ensure_ascii=False))
    return sign_event(ephemeral, GIFT_WRAP, content, [["p", receiver_public_hex]], created_at=_random_past(now))


def gift_wrap(
    sender: NostrKeys,
    receiver_public_hex: str,
    content: str,
    *,
    kind: int = CHAT_MESSAGE,
    tags: Sequence[Sequence[str]] = (),
    relay_hint: str | None = None,
) -> dict[str, Any]:
    """A NIP-17 private message from ``sender`` to ``receiver_public_hex``: the gift-wrap event to publish."""
    rumor = make_rumor(sender.public_hex, receiver_public_hex, content, kind=kind, tags=tags, relay_hint=relay_hint)
    return wrap_seal(seal(sender, receiver_public_hex, rumor), receiver_public_hex)


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        value = read_json(text, cap=_MAX_LAYER)
    except MalformedInput as exc:
        raise NostrError(t("the {0} is not usable JSON: {1}").format(what, exc)) from exc
    if not isinstance(value, dict):
        raise NostrError(t("the {0} is not an event").format(what))
    return value


def unwrap(receiver: NostrKeys, wrap: dict[str, Any]) -> Rumor:
    """Open a gift wrap addressed to ``receiver``; raises ``NostrError`` unless every layer checks out."""
    if wrap.get("kind") != GIFT_WRAP:
        raise NostrError(t("not a gift wrap (kind 1059)"))
    if not verify_event(wrap):
        raise NostrError(t("the gift wrap's signature is invalid"))
    sealed = _json_object(nip44_decrypt(receiver.secret, str(wrap["pubkey"]), str(wrap["content"])), "seal")
    if sealed.get("kind") != SEAL:
        raise NostrError(t("the gift wrap does not hold a seal (kind 13)"))
    if not verify_event(sealed):
        raise NostrError(t("the seal's signature is invalid"))
    sender = str(sealed["pubkey"])
    body = _json_object(nip44_decrypt(receiver.secret, sender, str(sealed["content"])), "rumor")
    try:
        pubkey, created_at, kind = str(body["pubkey"]), int(body["created_at"]), int(body["kind"])
        tags, content = body["tags"], body["content"]
        if not isinstance(content, str) or not isinstance(tags, list):
            raise TypeError(t("content must be a string and tags a list"))
        tags = [[str(item) for item in tag] for tag in tags]
    except (KeyError, TypeError, ValueError) as exc:
        raise NostrError(t("the rumor is malformed: {0}").format(exc)) from exc
    if pubkey != sender:
        raise NostrError(t("the rumor's author is not the seal's signer (impersonation)"))
    eid = event_id(pubkey, created_at, kind, tags, content)
    if body.get("id") not in (None, eid):
        raise NostrError(t("the rumor's id does not match its content"))
    return Rumor(eid, pubkey, created_at, kind, tags, content, wrap_id=str(wrap.get("id", "")))
