"""Streamed newline-delimited answers (LND's REST streams) are read a line at a time under a cap."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

import httpx
import pytest

from core.errors import AnswerTooLarge
from core.httpread import capped_lines


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunks: Sequence[bytes]) -> None:
        self.chunks = chunks
        self.read = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.read += 1
            yield chunk


async def lines_of(chunks: Sequence[bytes], cap: int = 16) -> list[str]:
    return [line async for line in capped_lines(httpx.Response(200, stream=_Chunks(chunks)), cap)]


async def test_lines_split_across_chunks_come_out_whole() -> None:
    assert await lines_of([b'{"a":', b"1}\n{", b'"b":2}\n', b"tail"]) == ['{"a":1}', '{"b":2}', "tail"]


async def test_a_line_that_never_ends_is_refused_before_it_fills_memory() -> None:
    stream = _Chunks([b"x" * 10] * 1000)
    with pytest.raises(AnswerTooLarge):
        async for _ in capped_lines(httpx.Response(200, stream=stream), 16):
            pass
    assert stream.read == 2  # stopped at the first chunk past the cap, not at the end of the stream


async def test_a_long_finished_line_is_refused_too() -> None:
    with pytest.raises(AnswerTooLarge):
        await lines_of([b"y" * 40 + b"\n"])
