"""German for the CLI (desktop/cli/catalogue.py): English source text → German. tests/unit/test_cli_catalogue.py
checks that every ``_("…")`` of desktop/cli has an entry here, with the same placeholders."""

from __future__ import annotations

from desktop.cli.messages_de import care, explanations, payments, pos, tokens_and_reports, wallet
from desktop.cli.messages_de.argparse_words import ARGPARSE, ARGPARSE_PLURALS

__all__ = ["ARGPARSE", "ARGPARSE_PLURALS", "MESSAGES"]

# One catalogue, kept in a module per area of the CLI; each text is in one of them.
MESSAGES: dict[str, str] = {
    **care.MESSAGES,
    **explanations.MESSAGES,
    **payments.MESSAGES,
    **pos.MESSAGES,
    **tokens_and_reports.MESSAGES,
    **wallet.MESSAGES,
}
