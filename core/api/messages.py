"""Errors in the user's words: the one place that turns an exception into what happened and what to do.

The CLI prints ``explain(exc).text`` (``--debug`` adds ``detail`` and the traceback); the GUI shows the same text in
its dialog and ``detail`` under "Details". Errors already written for people (``UserFacingError`` and friends)
keep their words and gain a sentence's capital and full stop; the technical ones a user met in practice (a mint's
raw validation JSON, a CBOR decoder's complaint, httpx's ``ConnectError``, a mint's NUT error code) are rewritten.

The words are English source texts passed through a translator (``translate=`` or the one ``use_translator``
installed: the GUI installs Qt's, the CLI its catalogue), as templates with ``{0}`` fields so a language may order
them its own way. Core imports no Qt: the German lives with each front end (resources/translations/nutdesk_de.ts,
desktop/cli/messages_de/), and tests/ship/test_error_words.py fails on an explanation without German.
Every text for people is a literal ``t("…")`` (or ``N_("…")`` in a table), so the tests can find them all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from core.errors import (
    DatabaseUnreachable,
    InsufficientBalance,
    InvalidPassword,
    MintRejected,
    MintUnreachable,
    NutdeskError,
    OutcomeUnknown,
    ProofsAlreadySpent,
    QuoteExpired,
    QuoteNotPaid,
    StorageError,
    TokenDecodeError,
)
from core.i18n import N_, Translate, current_translator, use_translator

__all__ = ["N_", "Explained", "Translate", "explain", "host_of", "restore_summary", "sentence", "use_translator"]


@dataclass(frozen=True)
class Explained:
    what: str  # what happened, one sentence
    todo: str  # what the user can do about it ("" when nothing needs doing)
    detail: str  # the raw text, for --debug and the GUI's "Details"
    code: str  # the stable error code of ``--json``

    @property
    def text(self) -> str:
        return f"{self.what} {self.todo}".strip()


def sentence(text: str) -> str:
    """Capital first letter, full stop at the end (text already ending in punctuation keeps it)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def host_of(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")


def restore_summary(url: str, amount: int, unit: str = "sat", translate: Translate | None = None) -> str:
    """The result of a restore, in the same terms as its progress lines ("found N notes, spent or not")."""
    t = translate or current_translator()
    if amount:
        return t("{0}: restored {1:,} {2} of unspent ecash.").format(host_of(url), amount, unit)
    return t("{0}: restored 0 {1}: the notes found (if any) were all spent already.").format(host_of(url), unit)


# NUT error codes whose words say more than the mint's text (nutshell's are terse or technical).
_MINT_CODES = {
    20002: (N_("The ecash of this quote was already minted."), N_("Check your balance: nothing more to do.")),
    20003: (N_("This mint does not issue ecash at the moment."), N_("Try again later, or use another mint.")),
    20005: (N_("The mint is still working on this quote."), N_("Wait a moment, then try again.")),
    20006: (N_("This invoice was already paid."), N_("Nothing more to pay: see History.")),
}
_TOKEN_DAMAGE = ("cbor", "premature", "missing or has the wrong type", "base64", "json", "padding", "utf-8")


# The fields a mint's validation names most, with their article (a language may need a different one per field).
_FIELDS = {"amount": N_("the amount"), "unit": N_("the unit"), "inputs": N_("the inputs"), "outputs": N_("the outputs")}


def _field(problem: dict[str, Any], t: Translate) -> tuple[str, str]:
    """(the field's name as the mint sent it, its words)."""
    name = " ".join(str(part) for part in problem.get("loc", []) if part != "body").replace("_", " ")
    if name in _FIELDS:
        return name, t(_FIELDS[name])
    return name, t("the {0}").format(name) if name else t("the request")


def _validation(detail: str, t: Translate) -> tuple[str, list[str]] | None:
    """A mint's 422 answer (pydantic's JSON list of problems) as a sentence and the fields it names, or None when
    it is not one."""
    try:
        problems = json.loads(detail)
    except ValueError:
        return None
    if not isinstance(problems, list) or not all(isinstance(p, dict) for p in problems):
        return None
    parts, names = [], []
    for problem in problems:
        (name, field), ctx = _field(problem, t), problem.get("ctx") or {}
        names.append(name)
        kind = str(problem.get("type", ""))
        if kind == "greater_than" and "gt" in ctx:
            parts.append(t("{0} must be more than {1}").format(field, ctx["gt"]))
        elif kind == "greater_than_equal" and "ge" in ctx:
            parts.append(t("{0} must be at least {1}").format(field, ctx["ge"]))
        elif kind in ("less_than", "less_than_equal") and ctx:
            parts.append(t("{0} must be at most {1}").format(field, next(iter(ctx.values()))))
        else:  # pydantic's own words (English), like the mint's other texts
            parts.append(f"{field}: {str(problem.get('msg', 'is not valid')).lower()}")
    return ("; ".join(parts), names) if parts else None


def _mint_in(text: str) -> str:
    found = re.search(r"https?://[^\s:,)]+(?::\d+)?", text)
    return found.group(0) if found else ""


def explain(exc: BaseException, translate: Translate | None = None) -> Explained:
    """``exc`` in the user's words, through ``translate`` (default: the installed translator, else English)."""
    t = translate or current_translator()
    raw = str(exc) or type(exc).__name__
    code = exc.code if isinstance(exc, NutdeskError) else "os-error" if isinstance(exc, OSError) else "internal"

    def said(what: str, todo: str = "") -> Explained:
        return Explained(sentence(what), todo, raw, code)

    if isinstance(exc, MintUnreachable):
        host = host_of(exc.mint_url or _mint_in(raw)) or t("the mint")
        if not exc.sent:
            waited = re.search(r"did not answer within (\d+ s)", raw)
            return said(
                t("The mint at {0} did not answer within {1}; nothing was changed").format(host, waited.group(1))
                if waited
                else t("Could not reach the mint at {0}; nothing was sent").format(host),
                t("Check the address and the network, or try again when the mint is back online."),
            )
        return said(
            t("The mint at {0} did not answer, so the outcome is not known yet").format(host),
            t(
                "Nothing is lost: Nutdesk keeps the operation and finishes it when the mint answers "
                "(see Recovery, or 'nutdesk failed list')."
            ),
        )
    if isinstance(exc, ProofsAlreadySpent):
        return said(
            t("This ecash was already spent: someone claimed it, or it was received before"),
            t("If you sent it, it has been claimed; otherwise ask the sender for a new token."),
        )
    if isinstance(exc, QuoteNotPaid):
        return said(t("The invoice has not been paid yet"), t("Pay it, then try again."))
    if isinstance(exc, QuoteExpired):
        return said(t("The quote expired before it was paid"), t("Create a new invoice."))
    if isinstance(exc, MintRejected):
        lowered = raw.lower()
        mint_code = exc.mint_code
        if mint_code not in _MINT_CODES:
            mint_code = 20002 if "already issued" in lowered else 20006 if "already paid" in lowered else None
        if mint_code is not None:
            what, todo = _MINT_CODES[mint_code]
            return said(t(what), t(todo))
        validation = _validation(exc.detail or raw, t)
        if validation is not None:
            problems, fields = validation
            todo = (
                t("Enter an amount of at least 1.")
                if any("amount" in f for f in fields)
                else t("Correct it and try again.")
            )
            return said(t("The mint refused the request: {0}").format(problems), todo)
        if isinstance(exc, OutcomeUnknown):  # a refusal that proves nothing (code 0, unknown code): kept
            return said(raw, t("Nothing is lost: the operation is kept and settled when the mint answers."))
        return said(raw, t("Nothing was spent."))
    if isinstance(exc, OutcomeUnknown):
        return said(raw, t("Nothing is lost: the operation is kept and settled when the mint answers."))
    if isinstance(exc, TokenDecodeError):
        if any(word in raw.lower() for word in _TOKEN_DAMAGE):
            return said(
                t("This token is incomplete or damaged"),
                t(
                    "Copy the whole token again (from 'cashuA' or 'cashuB' to its last character) and paste it in "
                    "one piece."
                ),
            )
        return said(raw, t("Paste a Cashu token (it starts with 'cashuA' or 'cashuB')."))
    if isinstance(exc, InsufficientBalance):
        return said(raw, t("Choose a smaller amount, another mint, or receive more first."))
    if isinstance(exc, InvalidPassword):
        return said(raw)
    if isinstance(exc, DatabaseUnreachable):
        return said(
            t("The shop's database did not answer, so nothing was recorded and no payment was taken"),
            t("Check the database server and the network; the till works again as soon as it answers."),
        )
    if isinstance(exc, StorageError):
        return said(
            t("The wallet file could not be read or written"),
            t("Check the free disk space and the permissions of the data directory."),
        )
    if isinstance(exc, NutdeskError):
        return said(raw)
    if isinstance(exc, OSError):
        target = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return said(f"{exc.strerror or raw}{target}", t("Check the path and its permissions."))
    return Explained(
        t("Something unexpected went wrong ({0}: {1}).").format(type(exc).__name__, raw),
        t("Run the command again with --debug for the details, and please report it."),
        raw,
        code,
    )
