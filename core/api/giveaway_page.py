"""A printable page of a giveaway's one-time codes: one QR per code, to cut out and hand out as flyers.

Each QR carries a claim link, ``nutdesk-giveaway:ID/CODE``, with where to send the claim when the shop has it:
``?nostr=<the shop's nprofile>`` (a NIP-17 message ``{"giveaway": ID, "code": CODE}``) and ``&post=<URL>`` (an HTTP
POST of ``{"code": CODE}``; see ``core.pos.giveaway_claims``). The till's "claim by code" takes the link too, so the
cashier can scan the flyer; the code is printed under its QR for typing. A claimed code is shown struck through.

HTML, like the cheque page (``core.api.cheque_page``): every desktop opens and prints it, the QR PNGs are ``data:``
URIs. The codes are bearer value, so the file is written like a token file: atomically and owner-only.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from urllib.parse import parse_qs, quote, urlencode

from core.api.cheque_page import qr_png, write_page
from core.errors import UserFacingError
from core.i18n import t
from core.pos.giveaway_repo import Giveaway

__all__ = ["CLAIM_SCHEME", "claim_link", "parse_claim_link", "render_codes_page", "write_page"]

CLAIM_SCHEME = "nutdesk-giveaway:"


def claim_link(gid: str, code: str, *, nostr: str | None = None, post: str | None = None) -> str:
    query = urlencode([(k, v) for k, v in (("nostr", nostr), ("post", post)) if v])
    return f"{CLAIM_SCHEME}{quote(gid)}/{quote(code)}" + (f"?{query}" if query else "")


def parse_claim_link(text: str) -> tuple[str, str, dict[str, str]]:
    """(giveaway id, code, {"nostr"?, "post"?}) of a claim link."""
    text = text.strip()
    if not text.lower().startswith(CLAIM_SCHEME):
        raise UserFacingError(t("not a giveaway claim link"))
    path, _, query = text[len(CLAIM_SCHEME) :].partition("?")
    gid, _, code = path.partition("/")
    if not gid or not code:
        raise UserFacingError(t("a giveaway claim link is nutdesk-giveaway:ID/CODE"))
    where = {k: v[0] for k, v in parse_qs(query).items() if k in ("nostr", "post") and v}
    return gid, code, where


def render_codes_page(
    giveaway: Giveaway, codes: Sequence[tuple[str, bool]], *, shop: str, nostr: str | None = None,
    post: str | None = None,
) -> str:  # fmt: skip
    """The page: the giveaway's name and amount, then a grid of cards, each a code's QR and the code."""
    cards = []
    for code, claimed in codes:
        png = qr_png(claim_link(giveaway.id, code, nostr=nostr, post=post))
        src = "" if png is None else f"data:image/png;base64,{base64.b64encode(png).decode()}"
        img = f"<img alt='QR code' width='180' height='180' src='{src}'>" if src else ""
        text = f"<del>{html.escape(code)}</del> (claimed)" if claimed else html.escape(code)
        cards.append(f"<div class='card'>{img}<p><code>{text}</code></p></div>")
    amount = f"{giveaway.amount:,} {giveaway.unit}"
    where = "Scan with the shop's till, or send the code to the shop over Nostr"
    where += " or HTTP (the QR holds where)" if (nostr or post) else ""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(giveaway.name)}: codes</title><style>"
        "body{font-family:sans-serif;margin:1.5em}"
        ".grid{display:flex;flex-wrap:wrap;gap:1em}"
        ".card{border:1px dashed #888;padding:.8em;text-align:center;width:14em;page-break-inside:avoid}"
        ".card img{width:12em;image-rendering:pixelated}code{font-size:12pt}"
        f"</style></head><body><h1>{html.escape(shop)}: {html.escape(giveaway.name)}</h1>"
        f"<p>Each code is worth {html.escape(amount)} in Cashu ecash, once. {where}.</p>"
        f"<div class='grid'>{''.join(cards)}</div></body></html>\n"
    )
