"""One function per CLI command, each a thin layer over ``WalletService``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.messages import restore_summary
from core.api.mint_labels import mint_label, mint_title, mint_titles, set_mint_label
from core.api.mints import normalize_mint_url
from core.api.repeats import earlier_issue, earlier_receive
from core.api.service import WalletService
from core.errors import ConfigError, UserFacingError
from desktop.cli import argtypes
from desktop.cli.catalogue import _
from desktop.cli.history import cmd_history
from desktop.cli.secret_input import token_argument
from desktop.reports.formatting import money_text

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers", "cmd_history", "read_words_from_stdin"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


def read_words_from_stdin() -> str:
    if sys.stdin.isatty():
        print(_("Enter your 12 recovery words, then press Enter:"), file=sys.stderr)
    words = sys.stdin.readline().strip()
    if not words:
        raise UserFacingError(_("no recovery words on standard input"))
    return words


def _require_wallet(service: WalletService) -> None:
    if not service.initialized:
        raise ConfigError(
            _("no wallet in {0} yet: run `nutdesk init` first (or `nutdesk init --restore`)").format(
                service.config.data_dir
            )
        )


async def cmd_init(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    from desktop.cli.runner import read_password

    password = None
    if args.set_password:
        password = read_password(args, prompt="New wallet password: ", new=True)
        if not password:
            raise UserFacingError(_("no password given (set NUTDESK_PASSWORD or use --password-file)"))
    if args.restore:
        service.create_wallet(read_words_from_stdin(), password)
        out.result({"restored": True, "data_dir": str(service.config.data_dir)})
        out.say(_("Wallet restored in {0}. Now run: nutdesk restore --mint URL").format(service.config.data_dir))
        return
    words = service.create_wallet(None, password)
    out.result({"mnemonic": words, "data_dir": str(service.config.data_dir)})
    out.say(_("Your new wallet's 12 recovery words (write them down; they are shown only once):\n"))
    out.say("    " + words + "\n")
    out.say(_("Wallet created in {0}. Next: nutdesk mint add URL").format(service.config.data_dir))


async def cmd_mint(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    action = args.mint_command
    if action == "list":
        views = service.list_mints()
        titles = mint_titles(service)
        out.result({"mints": [{**v.to_json(), "label": mint_label(service, v.url)} for v in views]})
        if not views:
            out.say(_("No mints yet: nutdesk mint add URL"))
        for v in views:
            balances = ", ".join(f"{b} {u}" for u, b in v.balances.items()) or "empty"
            out.say(
                _("{0}  {1}  {2}  units: {3}  balance: {4}").format(
                    titles.get(v.url, v.url),
                    v.url,
                    "trusted" if v.trusted else "not trusted",
                    ", ".join(v.units),
                    balances,
                )
            )
        return
    if action == "label":
        view = service.mint_view(set_mint_label(service, args.url, " ".join(args.text)))
        label = mint_label(service, view.url)
        out.result({"url": view.url, "label": label, "title": mint_title(view.url, view.name, label)})
        out.say(_("Shown as: {0}").format(mint_title(view.url, view.name, label)))
        return
    if action == "clear-mark":
        _clear_mark(service, args.url, out)
        return
    if action == "add":
        _require_wallet(service)
        view = await service.add_mint(args.url, trusted=args.trust)
    elif action == "info":
        view = await service.mint_info(args.url)
    elif action == "trust":
        service.trust_mint(args.url)
        view = service.mint_view(args.url)
    else:  # remove
        await service.remove_mint(args.url)
        out.result({"removed": args.url})
        out.say(_("Removed {0}").format(args.url))
        return
    out.result(view.to_json())
    out.say(f"{mint_title(view.url, view.name, mint_label(service, view.url))}  {view.url}")
    if view.motd:
        out.say(_("  message of the day: {0}").format(view.motd))
    out.say(_("  units: {0}   trusted: {1}").format(", ".join(view.units) or "-", "yes" if view.trusted else "no"))
    out.say(_("  NUTs: {0}").format(", ".join(str(n) for n in view.nuts)))


def _clear_mark(service: WalletService, url: str, out: Output) -> None:
    url = normalize_mint_url(url)
    reason = service.misbehaved_mints().get(url, "")
    cleared = service.clear_misbehaved(url)  # refuses a mint not in the wallet
    out.result({"url": url, "cleared": cleared})
    title = mint_titles(service).get(url, url)
    if cleared:
        out.say(_("Cleared the misbehaved mark of {0} (it was: {1}).").format(title, reason))
    else:
        out.say(_("{0} has no misbehaved mark: nothing to clear.").format(title))


async def cmd_balance(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    rows = service.balances()
    misbehaved = service.misbehaved_mints()
    total: dict[str, int] = {}
    for r in rows:
        total[r.unit] = total.get(r.unit, 0) + r.balance
    moving = service.in_flight()
    result: dict[str, Any] = {
        "mints": [{"url": r.mint_url, "unit": r.unit, "balance": r.balance, "pending": r.pending} for r in rows],
        "total": total,
    }
    if misbehaved:  # only then, so the usual answer keeps its shape
        result["misbehaved_mints"] = misbehaved
        for row in result["mints"]:
            if row["url"] in misbehaved:
                row["misbehaved"] = misbehaved[row["url"]]
    if moving:  # only while a transfer is between mints: the usual answer keeps its shape
        result["in_flight"] = [m.to_json() for m in moving]
    fiat = await _fiat_value(service, total.get("sat", 0)) if args.fiat else None
    if fiat is not None:
        result["fiat"] = fiat
    out.result(result)
    titles = mint_titles(service)
    if not rows and not moving:
        out.say(_("The wallet is empty."))
    for r in rows:
        pending = f"  (pending {money_text(r.pending, r.unit)})" if r.pending else ""
        out.say(f"{titles.get(r.mint_url, r.mint_url)}  {money_text(r.balance, r.unit)}{pending}")
    for url, why in misbehaved.items():
        out.say(_("Warning: mint {0} misbehaved ({1})").format(titles.get(url, url), why))
    for unit, amount in total.items():
        out.say(_("Total: {0}").format(money_text(amount, unit)))
    for m in moving:  # paid at the source, not yet minted at the target: `recover` finishes it
        out.say(m.describe().capitalize())
    if fiat is not None:
        out.say(_("Worth about {0} {1} (rate {2})").format(fiat["value"], fiat["currency"], fiat["rate"]))
    elif args.fiat:
        out.say(_("No fresh exchange rate could be fetched, so no fiat value is shown."))


async def _fiat_value(service: WalletService, sats: int) -> dict[str, str] | None:
    """The fiat value of ``sats`` at a fresh rate from the keyless sources, or None (never a stale price)."""
    from core.api.payments import RatesService  # only for `balance --fiat`: the rate sources' HTTP stack

    async with RatesService.for_wallet(service) as rates:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(8):
                await rates.refresh()
        value = rates.fiat_value(sats)
        rate = rates.rate()
        if value is None or rate is None:
            return None
        return {"currency": rates.currency, "value": str(value), "rate": str(rate)}


async def cmd_invoice(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    quote = await service.create_invoice(args.amount, args.mint, args.unit)
    result: dict[str, Any] = {
        "quote": quote.quote,
        "request": quote.request,
        "state": str(quote.state),
        "amount": args.amount,
    }
    out.say(_("Pay this Lightning invoice to receive {0} {1}:\n\n{2}\n").format(args.amount, args.unit, quote.request))
    if args.wait:
        out.progress(_("Waiting for the payment…"))
        minted = await service.wait_and_mint(args.mint, quote.quote, timeout=args.timeout)
        result.update(state="ISSUED", minted=minted)
        out.say(_("Received {0} {1}.").format(minted, args.unit))
    else:
        out.say(_("Then run: nutdesk mint-quote {0}").format(quote.quote))
    out.result(result)


async def cmd_mint_quote(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    if args.all or args.quote is None:
        from desktop.cli.batch_mint import cmd_mint_all  # NUT-29 batches: the HTTP client

        await cmd_mint_all(service, args, out)
        return
    done = earlier_issue(service, args.quote)
    if done is not None:  # `invoice --wait` (or the recovery) minted it already: say so, ask the mint nothing
        out.result({"quote": args.quote, "minted": 0, "already_minted": done.amount})
        out.say(
            _("Already minted: quote {0} gave {1} {2} on {3}.").format(
                args.quote, done.amount, done.unit, _when(done.created_at)
            )
        )
        return
    minted = await service.mint_quote(args.quote)
    out.result({"quote": args.quote, "minted": minted})
    out.say(_("Minted {0}.").format(minted))


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


async def cmd_receive(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    token = token_argument(args.token, args.file)
    done = earlier_receive(service, token)
    if done is not None:  # received before (perhaps by the start-up recovery finishing an interrupted receive)
        out.result({"amount": 0, "fee": 0, "mint": done.mint_url, "unit": done.unit, "already_received": done.amount})
        out.say(
            _("Already received: this token gave {0} {1} on {2}.").format(
                done.amount, done.unit, _when(done.created_at)
            )
        )
        return
    result = await service.receive(token, trust=args.trust)
    out.result({"amount": result.amount, "fee": result.fee, "mint": result.mint, "unit": result.unit})
    out.say(_("Received {0} {1} from {2} (fee {3}).").format(result.amount, result.unit, result.mint, result.fee))


async def cmd_send(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    from core.api import LockOptions

    lock = None
    if args.lock:
        refund = (args.refund,) if args.refund else ()
        lock = LockOptions(pubkey=args.lock, locktime=args.locktime, refund=refund, blind=not args.no_blind)
    result = await service.send(args.amount, args.mint, args.unit, offline=args.offline, lock=lock, memo=args.memo)
    out.result({"token": result.token, "amount": result.amount, "fee": result.fee})
    out.say(result.token)
    out.progress(
        _("Sent {0} {1} (fee {2}). The token stays pending until claimed.").format(result.amount, args.unit, result.fee)
    )


async def cmd_transfer(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    result = await service.transfer(args.amount, args.from_mint, args.to_mint, args.unit)
    out.result({"amount": result.amount, "fee": result.fee})
    out.say(_("Moved {0} {1} (fee {2}).").format(result.amount, args.unit, result.fee))


async def cmd_check(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    claimed = await service.check_pending()
    out.result({"claimed": claimed})
    if not claimed:
        out.say(_("No pending sent tokens."))
    for url, amount in claimed.items():
        out.say(_("{0}: {1} claimed by receivers").format(url, amount))


async def cmd_reclaim(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    result = await service.reclaim(token_argument(args.token, args.file))
    out.result({"amount": result.amount, "fee": result.fee, "mint": result.mint, "unit": result.unit})
    out.say(_("Reclaimed {0} {1} (fee {2}).").format(result.amount, result.unit, result.fee))


async def cmd_restore(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    from desktop.cli.cmd_mint_backup import mints_to_restore  # NUT-27: the backed-up mint list first

    restored = await service.restore(await mints_to_restore(service, args, out), progress=out.progress)
    out.result({"restored": restored})
    for url, amount in restored.items():
        out.say(restore_summary(url, amount))


HANDLERS: dict[str, Handler] = {
    "init": cmd_init,
    "mint": cmd_mint,
    "balance": cmd_balance,
    "invoice": cmd_invoice,
    "mint-quote": cmd_mint_quote,
    "receive": cmd_receive,
    "send": cmd_send,
    "transfer": cmd_transfer,
    "check": cmd_check,
    "reclaim": cmd_reclaim,
    "restore": cmd_restore,
    "history": cmd_history,
}


def add_parsers(sub: Any) -> None:
    init = sub.add_parser("init", help=_("create a new wallet (prints the 12 recovery words once)"))
    init.add_argument("--restore", action="store_true", help=_("read existing recovery words from stdin"))
    init.add_argument("--set-password", action="store_true", help=_("encrypt the seed with a password"))

    mint = sub.add_parser("mint", help=_("manage mints"))
    msub = mint.add_subparsers(dest="mint_command", metavar="ACTION", required=True)
    add = msub.add_parser("add", help=_("add a mint"))
    add.add_argument("url")
    add.add_argument("--trust", action="store_true", help=_("trust the mint (receive its tokens without asking)"))
    msub.add_parser("list", help=_("list mints"))
    info = msub.add_parser("info", help=_("show a mint's info"))
    info.add_argument("url")
    rm = msub.add_parser("remove", help=_("remove a mint that holds no ecash"))
    rm.add_argument("url")
    trust = msub.add_parser("trust", help=_("trust a mint"))
    trust.add_argument("url")
    label = msub.add_parser("label", help=_("name a mint your way (shown beside its host); no text clears it"))
    label.add_argument("url")
    label.add_argument("text", nargs="*")
    clear = msub.add_parser("clear-mark", help=_("clear a mint's misbehaved mark (after a one-off fault)"))
    clear.add_argument("url")

    bal = sub.add_parser("balance", help=_("balances per mint and unit"))
    bal.add_argument("--fiat", action="store_true", help=_("also show the value in the fiat currency (fetches a rate)"))

    inv = sub.add_parser("invoice", help=_("receive over Lightning: a mint quote to pay"))
    inv.add_argument("amount", type=argtypes.amount)
    inv.add_argument("--mint", required=True)
    inv.add_argument("--unit", default="sat")
    inv.add_argument("--wait", action="store_true", help=_("wait for the payment and mint the ecash"))
    inv.add_argument("--timeout", type=float, default=600.0, help=_("seconds to wait with --wait"))

    mintq = sub.add_parser("mint-quote", help=_("check a mint quote and mint it when paid"))
    mintq.add_argument("quote", nargs="?", help=_("the quote id (leave out with --all)"))
    mintq.add_argument(
        "--all", action="store_true", help=_("mint every paid quote: one NUT-29 batch per mint where it supports it")
    )
    mintq.add_argument("--mint", help=_("with --all: only this mint's quotes"))

    rcv = sub.add_parser("receive", help=_("redeem a token"))
    rcv.add_argument("token", nargs="?", help=_("the token; - (or nothing) reads it from stdin"))
    rcv.add_argument("--file", help=_("read the token from this file (- for stdin)"))
    rcv.add_argument("--trust", action="store_true", help=_("add and trust the token's mint if it is new"))

    snd = sub.add_parser("send", help=_("make a token"))
    snd.add_argument("amount", type=argtypes.amount)
    snd.add_argument("--mint", required=True)
    snd.add_argument("--unit", default="sat")
    snd.add_argument("--lock", help=_("lock to this public key (P2PK)"))
    snd.add_argument("--locktime", type=int, help=_("with --lock: unix time after which the refund key may spend"))
    snd.add_argument("--refund", help=_("with --lock and --locktime: refund public key"))
    snd.add_argument("--no-blind", action="store_true", help=_("with --lock: plain P2PK, for wallets without NUT-28"))
    snd.add_argument("--offline", action="store_true", help=_("send exact existing proofs without asking the mint"))
    snd.add_argument("--memo", default="")

    tr = sub.add_parser("transfer", help=_("move value between mints"))
    tr.add_argument("amount", type=argtypes.amount)
    tr.add_argument("--from", dest="from_mint", required=True)
    tr.add_argument("--to", dest="to_mint", required=True)
    tr.add_argument("--unit", default="sat")

    sub.add_parser("check", help=_("ask the mints which sent tokens were claimed (NUT-07)"))
    rec = sub.add_parser("reclaim", help=_("take back a sent token nobody claimed"))
    rec.add_argument("token", nargs="?", help=_("the token; - (or nothing) reads it from stdin"))
    rec.add_argument("--file", help=_("read the token from this file (- for stdin)"))

    rst = sub.add_parser("restore", help=_("restore ecash from the recovery words (NUT-09)"))
    rst.add_argument("--mint", action="append", dest="mints", help=_("a mint to restore from (repeat)"))
    rst.add_argument("--relay", action="append", dest="relays", help=_("fetch the NUT-27 mint-list backup here"))

    hist = sub.add_parser("history", help=_("operations"))
    hist.add_argument("--csv", action="store_true")
    hist.add_argument("--limit", type=int, default=100)
