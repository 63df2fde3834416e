"""LUD-16 Lightning addresses: ``user@domain`` → ``https://domain/.well-known/lnurlp/user``.

Loopback hosts with a port (``alice@127.0.0.1:8080``) are reached over plain http, see ``core.payments.urls``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.i18n import t
from core.payments.errors import LnurlError
from core.payments.urls import check_url, is_loopback_host, scheme_for_host

__all__ = ["LightningAddress", "looks_like_lightning_address", "parse_lightning_address"]

_USER = re.compile(r"^[a-z0-9\-_.+]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z0-9\-]{2,63}\.?$")
_PORT = re.compile(r"^[0-9]{1,5}$")


@dataclass(frozen=True)
class LightningAddress:
    user: str
    domain: str  # host[:port], lower case

    def __str__(self) -> str:
        return f"{self.user}@{self.domain}"

    @property
    def url(self) -> str:
        return check_url(
            f"{scheme_for_host(self.domain)}://{self.domain}/.well-known/lnurlp/{self.user}", "the Lightning address"
        )


def _split_domain(domain: str) -> tuple[str, str | None]:
    host, sep, port = domain.rpartition(":")
    return (host, port) if sep else (domain, None)


def looks_like_lightning_address(text: str) -> bool:
    try:
        parse_lightning_address(text)
    except LnurlError:
        return False
    return True


def parse_lightning_address(text: str) -> LightningAddress:
    """Parse ``user@domain`` (case-insensitive); raises ``LnurlError``."""
    value = text.strip().lower()
    if value.startswith("₿"):
        value = value[1:]
    user, sep, domain = value.partition("@")
    if not sep or "@" in domain or not _USER.match(user):
        raise LnurlError(t("not a Lightning address: {0!r}").format(text))
    host, port = _split_domain(domain)
    if port is not None and not (_PORT.match(port) and 0 < int(port) < 65536):
        raise LnurlError(t("not a Lightning address (bad port): {0!r}").format(text))
    if is_loopback_host(host):
        if port is None:
            raise LnurlError(t("a Lightning address on this machine needs a port: {0!r}").format(text))
    elif not _DOMAIN.match(host):
        raise LnurlError(t("not a Lightning address (bad domain): {0!r}").format(text))
    return LightningAddress(user, domain)
