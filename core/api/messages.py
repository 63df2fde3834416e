"""Errors in the user's words: the one place that turns an exception into what happened and what to do.

The CLI prints ``explain(exc).text`` (``--debug`` adds ``detail`` and the traceback); the GUI shows the same text in
its dialog and ``detail`` under "Details". Errors already written for people (``UserFacingError`` and friends)
keep their words and gain a sentence's capital and full stop; the technical ones a user met in practice (a mint's
raw validation JSON, a CBOR decoder's complaint, httpx's ``ConnectError``, a mint's NUT error code) are rewritten.
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

__all__ = ["Explained", "explain", "host_of", "restore_summary", "sentence"]


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


def restore_summary(url: str, amount: int, unit: str = "sat") -> str:
    """The result of a restore, in the same terms as its progress lines ("found N notes, spent or not")."""
    if amount:
        return f"{host_of(url)}: restored {amount:,} {unit} of unspent ecash."
    return f"{host_of(url)}: restored 0 {unit}: the notes found (if any) were all spent already."


# NUT error codes whose words say more than the mint's text (nutshell's are terse or technical).
_MINT_CODES = {
    20002: ("The ecash of this quote was already minted.", "Check your balance: nothing more to do."),
    20003: ("This mint does not issue ecash at the moment.", "Try again later, or use another mint."),
    20005: ("The mint is still working on this quote.", "Wait a moment, then try again."),
    20006: ("This invoice was already paid.", "Nothing more to pay: see History."),
}
_TOKEN_DAMAGE = ("cbor", "premature", "missing or has the wrong type", "base64", "json", "padding", "utf-8")


def _field(problem: dict[str, Any]) -> str:
    loc = [str(part) for part in problem.get("loc", []) if part != "body"]
    return " ".join(loc).replace("_", " ") or "request"


def _validation(detail: str) -> str | None:
    """A mint's 422 answer (pydantic's JSON list of problems) as a sentence, or None when it is not one."""
    try:
        problems = json.loads(detail)
    except ValueError:
        return None
    if not isinstance(problems, list) or not all(isinstance(p, dict) for p in problems):
        return None
    parts = []
    for problem in problems:
        field, ctx = _field(problem), problem.get("ctx") or {}
        kind = str(problem.get("type", ""))
        if kind == "greater_than" and "gt" in ctx:
            parts.append(f"the {field} must be more than {ctx['gt']}")
        elif kind == "greater_than_equal" and "ge" in ctx:
            parts.append(f"the {field} must be at least {ctx['ge']}")
        elif kind in ("less_than", "less_than_equal") and ctx:
            parts.append(f"the {field} must be at most {next(iter(ctx.values()))}")
        else:
            parts.append(f"the {field}: {str(problem.get('msg', 'is not valid')).lower()}")
    return "; ".join(parts) if parts else None


def _mint_in(text: str) -> str:
    found = re.search(r"https?://[^\s:,)]+(?::\d+)?", text)
    return found.group(0) if found else ""


def explain(exc: BaseException) -> Explained:
    raw = str(exc) or type(exc).__name__
    code = exc.code if isinstance(exc, NutdeskError) else "os-error" if isinstance(exc, OSError) else "internal"

    def said(what: str, todo: str = "") -> Explained:
        return Explained(sentence(what), todo, raw, code)

    if isinstance(exc, MintUnreachable):
        host = host_of(exc.mint_url or _mint_in(raw)) or "the mint"
        if not exc.sent:
            waited = re.search(r"did not answer within (\d+ s)", raw)
            return said(
                f"The mint at {host} did not answer within {waited.group(1)}; nothing was changed"
                if waited
                else f"Could not reach the mint at {host}; nothing was sent",
                "Check the address and the network, or try again when the mint is back online.",
            )
        return said(
            f"The mint at {host} did not answer, so the outcome is not known yet",
            "Nothing is lost: Nutdesk keeps the operation and finishes it when the mint answers "
            "(see Recovery, or 'nutdesk failed list').",
        )
    if isinstance(exc, ProofsAlreadySpent):
        return said(
            "This ecash was already spent: someone claimed it, or it was received before",
            "If you sent it, it has been claimed; otherwise ask the sender for a new token.",
        )
    if isinstance(exc, QuoteNotPaid):
        return said("The invoice has not been paid yet", "Pay it, then try again.")
    if isinstance(exc, QuoteExpired):
        return said("The quote expired before it was paid", "Create a new invoice.")
    if isinstance(exc, MintRejected):
        if exc.mint_code in _MINT_CODES:
            what, todo = _MINT_CODES[exc.mint_code]
            return said(what, todo)
        lowered = raw.lower()
        if "already issued" in lowered:
            return said(*_MINT_CODES[20002])
        if "already paid" in lowered:
            return said(*_MINT_CODES[20006])
        problems = _validation(exc.detail or raw)
        if problems is not None:
            todo = "Enter an amount of at least 1." if "amount" in problems else "Correct it and try again."
            return said(f"The mint refused the request: {problems}", todo)
        if isinstance(exc, OutcomeUnknown):  # a refusal that proves nothing (code 0, unknown code): kept
            return said(raw, "Nothing is lost: the operation is kept and settled when the mint answers.")
        return said(raw, "Nothing was spent.")
    if isinstance(exc, OutcomeUnknown):
        return said(raw, "Nothing is lost: the operation is kept and settled when the mint answers.")
    if isinstance(exc, TokenDecodeError):
        if any(word in raw.lower() for word in _TOKEN_DAMAGE):
            return said(
                "This token is incomplete or damaged",
                "Copy the whole token again (from 'cashuA' or 'cashuB' to its last character) and paste it in one "
                "piece.",
            )
        return said(raw, "Paste a Cashu token (it starts with 'cashuA' or 'cashuB').")
    if isinstance(exc, InsufficientBalance):
        return said(raw, "Choose a smaller amount, another mint, or receive more first.")
    if isinstance(exc, InvalidPassword):
        return said(raw)
    if isinstance(exc, DatabaseUnreachable):
        return said(
            "The shop's database did not answer, so nothing was recorded and no payment was taken",
            "Check the database server and the network; the till works again as soon as it answers.",
        )
    if isinstance(exc, StorageError):
        return said(
            "The wallet file could not be read or written",
            "Check the free disk space and the permissions of the data directory.",
        )
    if isinstance(exc, NutdeskError):
        return said(raw)
    if isinstance(exc, OSError):
        target = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return said(f"{exc.strerror or raw}{target}", "Check the path and its permissions.")
    return Explained(
        f"Something unexpected went wrong ({type(exc).__name__}: {raw}).",
        "Run the command again with --debug for the details, and please report it.",
        raw,
        code,
    )
