"""A printable page for a cheque or an exported token: one self-contained HTML file with the token's QR code.

HTML rather than PDF: every desktop opens and prints it, it needs no extra dependency, and the QR (a PNG in a
``data:`` URI, made with ``qrcode`` + Pillow) survives printing at any scale. The page holds the bearer token,
so it is written like a token file: atomically and owner-only.
"""

from __future__ import annotations

import base64
import html
import io
import time
from dataclasses import replace
from pathlib import Path

from core.errors import TokenDecodeError, UserFacingError
from core.i18n import t
from core.protocol import tokens
from core.wallet.token_files import _atomic_write

__all__ = ["qr_png", "qr_text", "render_page", "write_page"]

# Past this a QR code (version 40, low error correction, byte mode) no longer holds the text.
MAX_QR_CHARS = 2950


def qr_text(token: str) -> str:
    """What the QR code carries: the token, or — when it is too long for one code, as a cheque of several locked
    proofs often is — the same proofs without their DLEQ proofs (still the same spendable ecash; the full token
    stays in the file and in the text on the page)."""
    if len(token) <= MAX_QR_CHARS:
        return token
    try:
        decoded = tokens.decode_token(token)
    except TokenDecodeError:
        return token
    return replace(decoded, proofs=[replace(p, dleq=None) for p in decoded.proofs]).encode_v4()


def qr_png(text: str) -> bytes | None:
    """PNG bytes of ``text`` as a QR code, or None when it is too long for one code."""
    import qrcode  # with Pillow ≈ 30 ms: loaded when a page is made, not when the till's window opens
    import qrcode.constants
    import qrcode.exceptions

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L, border=4, box_size=4)
    code.add_data(text)
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError):
        return None
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def render_page(
    token: str,
    *,
    amount: int,
    unit: str,
    mint: str,
    recipient: str | None = None,
    locktime: int | None = None,
    memo: str = "",
) -> str:
    """The page's HTML: title, amount, mint, for whom and until when, the QR and the token text."""
    png = qr_png(qr_text(token))
    qr = (
        f'<img alt="token QR code" src="data:image/png;base64,{base64.b64encode(png).decode()}">'
        if png
        else "<p><em>The token is too long for one QR code: copy the text below.</em></p>"
    )
    title = "Cashu cheque" if recipient else "Cashu token"
    rows = [("Amount", f"{amount} {unit}"), ("Mint", mint)]
    if recipient:
        rows.append(("Pay to key", recipient))
    if locktime:
        stamp = time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(locktime))
        rows.append(("Valid until", f"{stamp} — after that it returns to the sender"))
    if memo:
        rows.append(("Memo", memo))
    table = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>"
        "body{font-family:sans-serif;max-width:44em;margin:2em auto}"
        "th{text-align:left;padding-right:1em}code{word-break:break-all;font-size:8pt}"
        "img{width:22em;image-rendering:pixelated}"
        f"</style></head><body><h1>{title}</h1><table>{table}</table>{qr}"
        f"<p>Redeem with any Cashu wallet{' holding the key above' if recipient else ''}:</p>"
        f"<code>{html.escape(token)}</code></body></html>\n"
    )


def write_page(path: str | Path, page: str) -> Path:
    target = Path(path)
    try:
        _atomic_write(target, page.encode())
    except OSError as exc:
        raise UserFacingError(t("cannot write the page {0}: {1}").format(target, exc.strerror or exc)) from exc
    return target
