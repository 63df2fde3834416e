"""The ``nutdesk`` command line, as ``shared/reference/cli-contract.md`` lists it."""

from __future__ import annotations

import argparse
from importlib.metadata import PackageNotFoundError, version

__all__ = ["build_parser", "package_version"]


def package_version() -> str:
    try:
        return version("nutdesk")
    except PackageNotFoundError:
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nutdesk",
        description="Nutdesk: a desktop Cashu ecash wallet and point-of-sale console. "
        "With no command the window opens; with a command it runs headless.",
    )
    p.add_argument("--version", action="version", version=f"nutdesk {package_version()}")
    p.add_argument("--data-dir", help="wallet data directory (default: $NUTDESK_DATA_DIR or the user data dir)")
    p.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
    p.add_argument("--password-file", help="read the wallet password from this file")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    p.add_argument("--demo", action="store_true", help="open the app against a local demo mint with demo funds")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create a new wallet (prints the 12 recovery words once)")
    init.add_argument("--restore", action="store_true", help="read existing recovery words from stdin")
    init.add_argument("--set-password", action="store_true", help="encrypt the seed with a password")

    mint = sub.add_parser("mint", help="manage mints")
    msub = mint.add_subparsers(dest="mint_command", metavar="ACTION", required=True)
    add = msub.add_parser("add", help="add a mint")
    add.add_argument("url")
    add.add_argument("--trust", action="store_true", help="trust the mint (receive its tokens without asking)")
    msub.add_parser("list", help="list mints")
    info = msub.add_parser("info", help="show a mint's info")
    info.add_argument("url")
    rm = msub.add_parser("remove", help="remove a mint that holds no ecash")
    rm.add_argument("url")
    trust = msub.add_parser("trust", help="trust a mint")
    trust.add_argument("url")

    sub.add_parser("balance", help="balances per mint and unit")

    inv = sub.add_parser("invoice", help="receive over Lightning: a mint quote to pay")
    inv.add_argument("amount", type=int)
    inv.add_argument("--mint", required=True)
    inv.add_argument("--unit", default="sat")
    inv.add_argument("--wait", action="store_true", help="wait for the payment and mint the ecash")
    inv.add_argument("--timeout", type=float, default=600.0, help="seconds to wait with --wait")

    mintq = sub.add_parser("mint-quote", help="check a mint quote and mint it when paid")
    mintq.add_argument("quote")

    rcv = sub.add_parser("receive", help="redeem a token")
    rcv.add_argument("token")
    rcv.add_argument("--trust", action="store_true", help="add and trust the token's mint if it is new")

    snd = sub.add_parser("send", help="make a token")
    snd.add_argument("amount", type=int)
    snd.add_argument("--mint", required=True)
    snd.add_argument("--unit", default="sat")
    snd.add_argument("--lock", help="lock to this public key (P2PK)")
    snd.add_argument("--locktime", type=int, help="with --lock: unix time after which the refund key may spend")
    snd.add_argument("--refund", help="with --lock and --locktime: refund public key")
    snd.add_argument("--offline", action="store_true", help="send exact existing proofs without asking the mint")
    snd.add_argument("--memo", default="")

    pay = sub.add_parser("pay", help="pay a Lightning invoice")
    pay.add_argument("input")
    pay.add_argument("--amount", type=int)
    pay.add_argument("--comment")
    pay.add_argument("--mint")
    pay.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    tr = sub.add_parser("transfer", help="move value between mints")
    tr.add_argument("amount", type=int)
    tr.add_argument("--from", dest="from_mint", required=True)
    tr.add_argument("--to", dest="to_mint", required=True)
    tr.add_argument("--unit", default="sat")

    sub.add_parser("check", help="ask the mints which sent tokens were claimed (NUT-07)")
    rec = sub.add_parser("reclaim", help="take back a sent token nobody claimed")
    rec.add_argument("token")

    rst = sub.add_parser("restore", help="restore ecash from the recovery words (NUT-09)")
    rst.add_argument("--mint", action="append", required=True, dest="mints")

    hist = sub.add_parser("history", help="operations")
    hist.add_argument("--csv", action="store_true")
    hist.add_argument("--limit", type=int, default=100)
    return p
