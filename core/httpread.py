"""Bounded HTTP reads for every outside service (LNURL, rates, payment requests, Lightning backends).

One request = one overall deadline (connect, send, every byte of the answer; not per read) and a size cap
checked while the answer streams in, so neither a slow-drip server nor a 50 MB answer can hold or fill a
command. The body comes back as bytes; parse it with ``core.protocol.jsonread``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from core.errors import AnswerTooLarge, MalformedInput
from core.i18n import t
from core.protocol.jsonread import DEFAULT_CAP, read_json

__all__ = ["DEFAULT_DEADLINE", "CappedResponse", "capped_lines", "fetch", "read_capped"]

DEFAULT_DEADLINE = 30.0


@dataclass(frozen=True)
class CappedResponse:
    status_code: int
    headers: httpx.Headers
    content: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self, *, cap: int = DEFAULT_CAP) -> Any:
        """The body through the bounded reader (``MalformedInput`` on anything malformed)."""
        return read_json(self.content, cap=cap)


async def read_capped(response: httpx.Response, cap: int) -> bytes:
    announced = response.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > cap:
        raise AnswerTooLarge(t("an answer of {0} bytes is larger than the {1} bytes allowed").format(announced, cap))
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > cap:
            raise AnswerTooLarge(t("the answer is larger than the {0} bytes allowed").format(cap))
        chunks.append(chunk)
    return b"".join(chunks)


async def capped_lines(response: httpx.Response, cap: int) -> AsyncIterator[str]:
    """The lines of a streamed answer (newline-delimited JSON), each at most ``cap`` bytes: a server that never
    ends a line cannot fill memory (httpx's ``aiter_lines`` keeps the whole unfinished line)."""
    pending = b""
    async for chunk in response.aiter_bytes():
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            if len(line) > cap:
                raise AnswerTooLarge(t("a line of the answer is larger than the {0} bytes allowed").format(cap))
            yield line.decode("utf-8", errors="replace")
        if len(pending) > cap:
            raise AnswerTooLarge(t("a line of the answer is larger than the {0} bytes allowed").format(cap))
    if pending:
        yield pending.decode("utf-8", errors="replace")


async def fetch(
    http: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    cap: int = DEFAULT_CAP,
    deadline: float = DEFAULT_DEADLINE,
    **kwargs: Any,
) -> CappedResponse:
    """Send one request; ``TimeoutError`` past ``deadline``, ``AnswerTooLarge`` past ``cap``, httpx errors as is.

    A body the server compressed wrongly is ``MalformedInput``.
    """
    try:
        async with asyncio.timeout(deadline):
            async with http.stream(method, url, **kwargs) as response:
                body = await read_capped(response, cap)
                return CappedResponse(response.status_code, response.headers, body)
    except httpx.DecodingError as exc:
        raise MalformedInput(t("the answer cannot be decoded: {0}").format(exc)) from exc
