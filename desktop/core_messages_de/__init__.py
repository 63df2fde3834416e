"""German for the texts of core/ and backends/ (``t("…")`` templates of core.i18n): English source → German.

The one catalogue of the core's words: the CLI's catalogue (desktop/cli/catalogue.py) and the GUI's translator
(desktop/gui/i18n.py) both look the core's templates up here. tests/ship/test_core_words.py fails on a template
without German here, or with other fields."""

from __future__ import annotations

from desktop.core_messages_de import backends, payments, pos, protocol, storage_and_api, wallet

__all__ = ["CORE_MESSAGES"]

# One catalogue, kept in a module per area of the core; each template is in one of them.
CORE_MESSAGES: dict[str, str] = {
    **backends.MESSAGES,
    **payments.MESSAGES,
    **pos.MESSAGES,
    **protocol.MESSAGES,
    **storage_and_api.MESSAGES,
    **wallet.MESSAGES,
}
