"""Checks of the till's settings that core/api/pos.py delegates (its facade stays thin)."""

from __future__ import annotations

import httpx

from core.errors import UserFacingError
from core.i18n import t

__all__ = ["webhook_url"]


def webhook_url(url: str) -> str:
    """``url`` without surrounding blanks, when it is an http(s) URL with a host; else the user is told why."""
    url = url.strip()
    try:
        parsed: httpx.URL | None = httpx.URL(url)
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise UserFacingError(t("a webhook URL is http:// or https://, not {0!r}").format(url))
    return url
