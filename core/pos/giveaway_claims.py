"""Giveaway claims that arrive over the till's own transports, and the answers they get back on the same one.

- **Nostr**: a NIP-17 message to the shop's key whose content is ``{"giveaway": ID, "code": …?, "request": …?}``
  (``code``: a one-time code from a flyer; ``request``: the claimant's NUT-18 ``creqA`` — its ``id`` is echoed).
  The claimant is the message's sender — the seal's signer, so nobody claims in another's name — unless a code is
  given. The answer is a NIP-17 message back to the sender: a NUT-18 payload ``{id, mint, unit, proofs, memo}`` (the
  ecash), or ``{"giveaway": ID, "error": …}`` when the claim is refused. Every claim message is journaled in the
  delivery log before it is acted on (``event`` = ``giveaway.nip17``, keyed by the message's id): a replay — the same
  message from another relay, or again after a restart — is recognised and never pays twice; a token whose message
  no relay took is retried like a receipt.
- **HTTP**: ``POST /cashu/giveaway/ID`` on the till's payment-request listener with ``{"code": …}`` or
  ``{"request": creqA}`` (the claimant is the Nostr key in its ``nostr`` transport); the answer is
  ``200 {"claim", "amount", "unit", "mint", "token"}`` or ``400 {"detail": why}``.

The per-claimant limit, the budget and the journaled send are the giveaway service's (``core.api.giveaways``).
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, Protocol

from core.errors import UserFacingError
from core.i18n import t
from core.pos.giveaway_repo import GiveawayClaim

__all__ = ["GIVEAWAY_PATH", "ClaimGiveaway", "ClaimMessage"]

GIVEAWAY_PATH = "/cashu/giveaway/"
_MAX_FIELD = 4096


class ClaimGiveaway(Protocol):
    def __call__(
        self, gid: str, *, request: str | None, code: str | None, claimant_key: str | None
    ) -> Awaitable[GiveawayClaim]: ...


def _field(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > _MAX_FIELD:
        raise UserFacingError(t("a claim's {0} is text").format(name))
    return value.strip()


@dataclass(frozen=True)
class ClaimMessage:
    giveaway: str
    code: str | None = None
    request: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], giveaway: str | None = None) -> ClaimMessage:
        """A claim from its JSON; ``giveaway`` from the URL path when it came over HTTP."""
        gid = giveaway or _field(data, "giveaway")
        if not gid:
            raise UserFacingError(t("a claim names its giveaway"))
        return cls(gid, _field(data, "code"), _field(data, "request"))

    @staticmethod
    def is_claim(data: dict[str, Any]) -> bool:
        return "giveaway" in data and "proofs" not in data
