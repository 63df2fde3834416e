"""The Nostr pieces NWC needs. The cryptography lives in ``core.nostr.crypto`` (core must not import backends);
these names are re-exported for the NWC backend and its callers."""

from __future__ import annotations

from core.nostr.crypto import (
    NostrError,
    NostrKeys,
    conversation_key,
    event_id,
    nip04_decrypt,
    nip04_encrypt,
    nip44_decrypt,
    nip44_encrypt,
    sign_event,
    verify_event,
)

__all__ = [
    "NostrError",
    "NostrKeys",
    "conversation_key",
    "event_id",
    "nip04_decrypt",
    "nip04_encrypt",
    "nip44_decrypt",
    "nip44_encrypt",
    "sign_event",
    "verify_event",
]
