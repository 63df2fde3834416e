"""A loopback TCP proxy in front of a mint that breaks the network on purpose.

Modes, applied to requests whose request line contains ``match`` (others pass through):
- ``pass``: forward normally;
- ``drop_response``: forward the request (the mint acts), read its answer, then close the connection without
  sending it — the wallet never hears;
- ``hang``: forward the request, then hold the connection open silently (the wallet times out);
- ``refuse_after``: forward the request (the mint acts), throw its answer away and answer with ``refusal``
  instead (a NUT error code, a 500, an unreadable body) — a mint that refuses after it acted;
- ``refuse``: answer with ``refusal`` without forwarding anything (the mint never hears);
- a stopped proxy refuses connections (nothing was sent).

``times`` limits how many matching requests are broken (None: all of them); later ones pass.

Every answer is sent with ``Connection: close`` so each HTTP request travels on its own connection and can
be treated on its own. Websocket upgrades are piped both ways untouched.
"""

from __future__ import annotations

import asyncio
import contextlib

__all__ = ["FlakyProxy"]


class FlakyProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.mode = "pass"
        self.match = b""
        self.port = 0
        self.broken: list[str] = []  # request lines that were dropped, held or refused
        self.refusal: tuple[int, bytes] = (400, b'{"detail": "refused by the test proxy", "code": 0}')
        self.times: int | None = None
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = asyncio.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, mode: str, match: str = "", *, times: int | None = None) -> None:
        self.mode = mode
        self.match = match.encode()
        self.times = times

    def refuse_with(self, status: int, body: bytes) -> None:
        """The answer of the ``refuse``/``refuse_after`` modes."""
        self.refusal = (status, body)

    def _breaks(self, request_line: bytes) -> bool:
        if self.mode == "pass" or self.match not in request_line:
            return False
        if self.times is not None:
            if self.times <= 0:
                return False
            self.times -= 1
        self.broken.append(request_line.decode())
        return True

    def _refusal_bytes(self) -> bytes:
        status, body = self.refusal
        head = f"HTTP/1.1 {status} Refused\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        return head.encode() + b"Connection: close\r\n\r\n" + body

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Stop listening (new connections are refused) and cut every open connection."""
        if self._server is not None:
            self._server.close()
            self._server = None
        # Held connections end when told to (cancelling the server's handler tasks makes asyncio log errors).
        self._closing.set()
        for task in list(self._tasks):
            with contextlib.suppress(Exception):
                await task
        self._closing = asyncio.Event()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._serve(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
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
        breaking = self._breaks(request_line)
        if breaking and self.mode == "refuse":
            length = next((int(h.split(b":", 1)[1]) for h in lower if h.startswith(b"content-length:")), 0)
            if length:
                await reader.readexactly(length)
            writer.write(self._refusal_bytes())
            await writer.drain()
            return
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
            kept = [h for h, low in zip(headers, lower, strict=True) if not low.startswith(b"connection:")]
            forwarded = b"\r\n".join([request_line, *kept, b"Connection: close", b"", b""])
            up_writer.write(forwarded + body)
            await up_writer.drain()
            response = await up_reader.read()  # the mint closes after answering (Connection: close)
        finally:
            up_writer.close()
            with contextlib.suppress(Exception):
                await up_writer.wait_closed()
        if breaking:
            if self.mode == "refuse_after":
                writer.write(self._refusal_bytes())
                await writer.drain()
                return
            if self.mode == "hang":
                await self._closing.wait()
            return  # drop_response: close without answering
        writer.write(response)
        await writer.drain()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()
