"""Which URLs the payments layer may call: https everywhere, plain http only for loopback and .onion hosts.

LNURL (LUD-01/17) and Lightning addresses (LUD-16) are https-only. A service on this machine
(``127.0.0.1``, ``localhost``, ``::1``, with a port) is reached over plain http — that is how the tests and a
shop-internal service run; ``.onion`` hosts use http as LUD-01 allows (Tor encrypts).
"""

from __future__ import annotations

import ipaddress

import httpx

from core.errors import UserFacingError
from core.i18n import t

__all__ = ["check_url", "is_loopback_host", "scheme_for_host"]


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_only(netloc: str) -> str:
    """``host`` from ``host[:port]`` (IPv6 in brackets)."""
    if netloc.startswith("["):
        return netloc[1 : netloc.find("]")] if "]" in netloc else netloc
    return netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc


def scheme_for_host(netloc: str) -> str:
    """The scheme to use for a bare ``host[:port]`` (a Lightning address domain, an ``lnurlp://`` host)."""
    host = _host_only(netloc)
    return "http" if is_loopback_host(host) or host.lower().endswith(".onion") else "https"


def check_url(url: str, what: str = "the service") -> str:
    """Return ``url`` if it may be called, else raise ``UserFacingError`` saying why."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise UserFacingError(t("{0} gave an invalid URL: {1!r}").format(what, url)) from exc
    host = parsed.host
    if not host:
        raise UserFacingError(t("{0} gave a URL without a host: {1!r}").format(what, url))
    if parsed.scheme == "https":
        return url
    if parsed.scheme == "http" and (is_loopback_host(host) or host.endswith(".onion")):
        return url
    raise UserFacingError(t("{0} must use https (got {1!r})").format(what, url))
