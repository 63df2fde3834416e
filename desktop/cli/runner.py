"""Running one CLI command: open the wallet, call the service, print text or one JSON object.

Expected errors (a bad token, a spent token, an unreachable mint) print one line — and under ``--json``
``{"error": {"code", "message"}}`` — and exit non-zero; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import getpass
import json
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from core.api.database_settings import is_postgresql
from core.api.messages import explain, host_of
from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.config import Config, default_data_dir, password_of, with_password
from core.errors import InvalidPassword, MintUnreachable, NutdeskError
from desktop import keyring_unlock
from desktop.cli.catalogue import _
from desktop.cli.cmd_mint_backup import auto_backup
from desktop.cli.cmd_pin import install_cli_pin_prompter
from desktop.cli.registry import dispatch
from desktop.cli.secret_input import read_new_password

__all__ = ["run_command"]

EXIT_ERROR = 1
EXIT_USAGE = 2


class Output:
    """Collects what a command says: lines for people, one dict for ``--json``."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json
        self.data: dict[str, Any] = {}

    def say(self, text: str) -> None:
        if not self.as_json:
            print(text)

    def progress(self, text: str) -> None:
        # Progress goes to stderr so stdout stays exactly one JSON object under --json.
        print(text, file=sys.stderr)

    def result(self, data: dict[str, Any]) -> None:
        self.data = data

    def flush(self) -> None:
        if self.as_json:
            print(json.dumps(self.data, sort_keys=True))


def read_password(args: argparse.Namespace, *, prompt: str = "Wallet password: ", new: bool = False) -> str | None:
    """The wallet password: ``NUTDESK_PASSWORD``, ``--password-file FILE`` (``-``: stdin), the OS keyring (for
    the current one), else a prompt — never an argument. A ``new`` one is asked twice."""
    env = os.environ.get("NUTDESK_PASSWORD")
    if env is not None:
        return env
    if args.password_file:
        if args.password_file == "-":
            return sys.stdin.readline().rstrip("\r\n")
        return Path(args.password_file).expanduser().read_text().rstrip("\r\n")
    if new:
        return read_new_password(prompt)
    remembered = keyring_unlock.recall(_data_dir(args))
    if remembered is not None:
        return remembered
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def config_from_args(args: argparse.Namespace) -> Config:
    """The configuration of ``args``: ``--db`` and ``--till`` win over their environment variables."""
    config = Config(data_dir=_data_dir(args))
    if getattr(args, "db", None):
        config = dataclasses.replace(config, db_url=args.db)
    if getattr(args, "till", None):
        config = dataclasses.replace(config, till=args.till.strip())
    return with_remembered_db_password(config)


def with_remembered_db_password(config: Config) -> Config:
    """A PostgreSQL URL without a password gets the one Settings kept in the OS keyring (in memory only), unless
    the environment gives one (``PGPASSWORD``; libpq reads it, and ``~/.pgpass``, by itself)."""
    url = config.db_url
    if not url or not is_postgresql(url) or password_of(url) is not None or os.environ.get("PGPASSWORD"):
        return config
    password = keyring_unlock.recall_db_password(url)
    return config if password is None else dataclasses.replace(config, db_url=with_password(url, password))


def run_command(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, stream=sys.stderr)
    out = Output(args.json)
    config = config_from_args(args)
    try:
        return asyncio.run(_run(args, config, out))
    except KeyboardInterrupt:
        print(_("nutdesk: interrupted"), file=sys.stderr)
        return 130
    except EOFError:  # Ctrl-D at a prompt (password, passphrase, words): the user closed the input
        return _fail(args, out, InputClosed(_("no input (Ctrl-D): nothing was done")))
    except (NutdeskError, OSError) as exc:
        return _fail(args, out, exc)
    except Exception as exc:  # a bug, not an expected refusal: still one JSON object under --json, no traceback
        return _fail(args, out, exc)


class InputClosed(NutdeskError):
    code = "cancelled"


def _fail(args: argparse.Namespace, out: Output, exc: BaseException) -> int:
    """One line in the user's words (core.api.messages); ``--debug`` adds the raw text and the traceback."""
    explained = explain(exc)
    if args.debug:
        traceback.print_exc()
        print(_("nutdesk: details: {0}: {1}").format(type(exc).__name__, explained.detail), file=sys.stderr)
    if out.as_json:
        # ``message`` stays the error's own text (scripts match on it); ``explanation`` is what people read.
        error = {"code": explained.code, "message": explained.detail, "explanation": explained.text}
        print(json.dumps({"error": error}))
    print(_("nutdesk: {0}").format(explained.text), file=sys.stderr)
    return EXIT_ERROR


# Commands that wait on purpose (for a payment, for customers): no "still waiting for the mint" lines.
WAITING_ON_PURPOSE = {"pos", "request"}
WAITING_NOTICE_AFTER = 5.0


def _mint_host(args: argparse.Namespace) -> str:
    for name in ("mint", "from_mint", "to_mint", "url"):
        value = getattr(args, name, None)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return host_of(value)
    return "the mint"


async def _say_while_waiting(args: argparse.Namespace) -> None:
    """A frozen mint must not mean minutes of silence: every few seconds, say what the command waits for."""
    waited = 0.0
    while True:
        await asyncio.sleep(WAITING_NOTICE_AFTER)
        waited += WAITING_NOTICE_AFTER
        print(
            _("nutdesk: still waiting for {0} ({1:.0f} s)…").format(_mint_host(args), waited),
            file=sys.stderr,
            flush=True,
        )


# Commands that only read from a mint (nothing to lose by giving up): a first deadline much shorter than the
# HTTP layer's, so a frozen mint is a clear message after FIRST_DEADLINE seconds, not minutes of waiting.
READ_ONLY = {("mint", "add"), ("mint", "info")}
FIRST_DEADLINE = float(os.environ.get("NUTDESK_FIRST_DEADLINE", "30"))


async def _dispatch_reporting_waits(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    if args.command in WAITING_ON_PURPOSE or getattr(args, "wait", False):
        await dispatch(service, args, out)
        return
    notice = asyncio.ensure_future(_say_while_waiting(args))
    try:
        if (args.command, getattr(args, "mint_command", None)) in READ_ONLY:
            try:
                async with asyncio.timeout(FIRST_DEADLINE):
                    await dispatch(service, args, out)
            except TimeoutError:
                host = _mint_host(args)
                raise MintUnreachable(
                    f"{host} did not answer within {FIRST_DEADLINE:.0f} s",
                    mint_url=getattr(args, "url", ""),
                    sent=False,
                ) from None
        else:
            await dispatch(service, args, out)
    finally:
        notice.cancel()


# `recover` resumes everything itself; `init`/`restore` run before there is anything to resume; `db copy` moves the
# wallet as it is (the tills resume its unfinished operations), with no mint or relay traffic around the copy.
NO_STARTUP_RECOVERY = {"init", "restore", "recover", "decode", "qr", "db"}


async def _resume_due(service: WalletService, args: argparse.Namespace) -> None:
    """Every command first finishes what a crash or a network break left unfinished (when it is due).

    It never stops the command: an unreachable mint is recorded and retried later with backoff.
    """
    try:
        reports = await RecoveryService(service).recover(only_due=True)
    except NutdeskError as exc:
        print(_("nutdesk: could not resume unfinished operations: {0}").format(exc), file=sys.stderr)
        return
    for r in reports:
        if r.result in ("finished", "rolled_back", "minted"):
            print(
                _("nutdesk: resumed {0} of {1} {2}: {3} ({4})").format(r.kind, r.amount, r.unit, r.result, r.detail),
                file=sys.stderr,
            )


async def _run(args: argparse.Namespace, config: Config, out: Output) -> int:
    service = WalletService.open(config)
    try:
        if args.command != "init":
            if not service.initialized and args.command == "restore":
                # `restore` on an empty data dir: the words come from stdin (cli contract).
                from desktop.cli.commands import read_words_from_stdin

                service.create_wallet(read_words_from_stdin())
            elif service.initialized:
                password = read_password(args) if service.password_protected else None
                if service.password_protected and password is None:
                    raise InvalidPassword(_("this wallet has a password: set NUTDESK_PASSWORD or use --password-file"))
                service.unlock(password)
                args.wallet_password = password  # for commands that re-encrypt (``password change``)
        # `mint-quote --all` is itself the paid-quote sweep (batched, NUT-29): the start-up one would pre-empt it.
        sweeping = args.command == "mint-quote" and getattr(args, "all", False)
        if service.initialized and args.command not in NO_STARTUP_RECOVERY and not sweeping:
            await _resume_due(service, args)
        install_cli_pin_prompter(service)  # spends above the limit ask for the spending PIN
        await _dispatch_reporting_waits(service, args, out)
        if args.command not in NO_STARTUP_RECOVERY - {"restore"}:
            await auto_backup(service, out)  # NUT-27: the mint list to the relays when it changed
    finally:
        await service.close()
    out.flush()
    return 0
