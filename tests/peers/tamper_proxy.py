"""A loopback HTTP proxy in front of a REAL mint that lies: it rewrites the mint's answers on purpose.

The mint itself acts normally (its database is the truth the tests compare against); only what the wallet
hears is changed. Each tampering applies to requests whose request line contains ``match`` and is used up
after ``times`` answers (others pass untouched):
- ``edit(match, fn)``: the answer's JSON is decoded, given to ``fn`` (which changes it in place or returns a
  new value), and re-encoded;
- ``replace(match, body)``: the answer's body is replaced by these raw bytes (any status kept);
- ``slow(match, every)``: the answer is sent one byte every ``every`` seconds.

Every answer is sent with ``Connection: close`` so each request travels on its own connection. Websocket
upgrades are piped untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["TamperProxy", "mint_owes"]


@dataclass
class _Rule:
    match: bytes
    kind: str  # edit | replace | slow
    times: int
    edit: Callable[[Any], Any] | None = None
    body: bytes = b""
    every: float = 0.0


class TamperProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self.rules: list[_Rule] = []
        self.tampered: list[str] = []  # request lines whose answer was changed
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = asyncio.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def edit(self, match: str, fn: Callable[[Any], Any], *, times: int = 1) -> None:
        self.rules.append(_Rule(match.encode(), "edit", times, edit=fn))

    def replace(self, match: str, body: bytes, *, times: int = 1) -> None:
        self.rules.append(_Rule(match.encode(), "replace", times, body=body))

    def slow(self, match: str, every: float, *, times: int = 1) -> None:
        self.rules.append(_Rule(match.encode(), "slow", times, every=every))

    def clear(self) -> None:
        self.rules.clear()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        # Slow answers end when told to (cancelling the server's handler tasks makes asyncio log errors).
        self._closing.set()
        for task in list(self._tasks):
            with contextlib.suppress(Exception):
                await task
        self._closing = asyncio.Event()

    def _take(self, request_line: bytes) -> _Rule | None:
        for rule in self.rules:
            if rule.times > 0 and rule.match in request_line:
                rule.times -= 1
                self.tampered.append(request_line.decode())
                return rule
        return None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._serve(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        request_line = lines[0]
        headers = [h for h in lines[1:] if h]
        lower = [h.lower() for h in headers]
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        try:
            if any(h.startswith(b"upgrade: websocket") for h in lower):
                up_writer.write(head)
                await up_writer.drain()
                await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
                return
            length = 0
            for h in lower:
                if h.startswith(b"content-length:"):
                    length = int(h.split(b":", 1)[1])
            body = await reader.readexactly(length) if length else b""
            # Ask for a plain (not compressed) answer so it can be rewritten.
            kept = [
                h
                for h, low in zip(headers, lower, strict=True)
                if not low.startswith((b"connection:", b"accept-encoding:"))
            ]
            forwarded = b"\r\n".join([request_line, *kept, b"Connection: close", b"", b""])
            up_writer.write(forwarded + body)
            await up_writer.drain()
            response = await up_reader.read()
        finally:
            up_writer.close()
            with contextlib.suppress(Exception):
                await up_writer.wait_closed()
        rule = self._take(request_line)
        if rule is None:
            writer.write(response)
            await writer.drain()
            return
        status_line, resp_headers, resp_body = _split(response)
        if rule.kind == "edit":
            assert rule.edit is not None
            data = json.loads(resp_body)
            changed = rule.edit(data)
            resp_body = json.dumps(data if changed is None else changed).encode()
        elif rule.kind == "replace":
            resp_body = rule.body
        out = _join(status_line, resp_headers, resp_body)
        if rule.kind == "slow":
            for i in range(len(out)):
                writer.write(out[i : i + 1])
                await writer.drain()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._closing.wait(), rule.every)
                if self._closing.is_set():
                    return
            return
        writer.write(out)
        await writer.drain()


def _split(response: bytes) -> tuple[bytes, list[bytes], bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    headers = lines[1:]
    if any(h.lower().startswith(b"transfer-encoding: chunked") for h in headers):
        body = _unchunk(body)
    return lines[0], headers, body


def _unchunk(body: bytes) -> bytes:
    out = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2 :]
    return out


def _join(status_line: bytes, headers: list[bytes], body: bytes) -> bytes:
    skip = (b"content-length:", b"transfer-encoding:", b"connection:", b"content-encoding:")
    kept = [h for h in headers if h and not h.lower().startswith(skip)]
    lines = [status_line, *kept, b"Content-Length: %d" % len(body), b"Connection: close", b"", b""]
    return b"\r\n".join(lines) + body


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


def mint_owes(mint_data_dir: Any) -> int:
    """What the mint owes all wallets by its own books: nutshell's ``balance`` view (issued − redeemed)."""
    import sqlite3
    from pathlib import Path

    path = Path(mint_data_dir) / "db" / "mint.sqlite3"
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        (owed,) = db.execute("SELECT coalesce(sum(balance), 0) FROM balance").fetchone()
    return int(owed)
