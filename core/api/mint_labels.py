"""What a mint is called on screen: the user's label, else the mint's own name, always with its host.

Two mints that both call themselves "Cashu mint" must never be two identical rows (nor one bar, one slice), so
every table, drop-down, chart and report shows ``title`` and keys its data by URL. The label is a wallet setting
(``mint_label:<url>``), set with ``nutdesk mint label URL TEXT`` or in Settings.
"""

from __future__ import annotations

from core.api.messages import host_of
from core.api.service import WalletService
from core.errors import UserFacingError
from core.i18n import t
from core.ports.mint import normalize_mint_url

__all__ = ["LABEL_PREFIX", "mint_label", "mint_title", "mint_titles", "set_mint_label"]

LABEL_PREFIX = "mint_label:"
MAX_LABEL = 60


def mint_title(url: str, name: str = "", label: str = "") -> str:
    """``Label (host)``, ``Name (host)``, or just ``host`` when the mint has no name of its own."""
    host = host_of(url)
    shown = (label or name).strip()
    return f"{shown} ({host})" if shown and shown != host else host


def mint_label(service: WalletService, url: str) -> str:
    return service.store.get_setting(LABEL_PREFIX + url, "") or ""


def set_mint_label(service: WalletService, url: str, text: str) -> str:
    """Set (or with an empty text, clear) the label of a mint this wallet knows; returns its normalised URL."""
    url = normalize_mint_url(url)
    if service.store.get_mint(url) is None:
        raise UserFacingError(t("no mint {0} in this wallet: add it first (nutdesk mint add URL)").format(url))
    text = " ".join(text.split())
    if len(text) > MAX_LABEL:
        raise UserFacingError(t("a label is at most {0} characters").format(MAX_LABEL))
    if text:
        service.store.set_setting(LABEL_PREFIX + url, text)
    else:
        service.store.delete_setting(LABEL_PREFIX + url)
    return url


def mint_titles(service: WalletService) -> dict[str, str]:
    """URL → title, for every mint of the wallet."""
    labels = {k.removeprefix(LABEL_PREFIX): v for k, v in service.store.settings_with_prefix(LABEL_PREFIX).items()}
    return {m.url: mint_title(m.url, m.name, labels.get(m.url, "")) for m in service.store.list_mints()}
