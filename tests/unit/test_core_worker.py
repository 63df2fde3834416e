"""The GUI's core worker and its proxies, on plain asyncio loops (no Qt): coroutines called through a proxy run on
the worker's thread, callbacks come back to the caller's thread, cancellation reaches the core, results that are
core objects are proxied in turn, and shutdown leaves no thread behind."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import pytest

from desktop.gui.core_worker import CoreProxy, CoreWorker, call_on_core_of, on_core_of, on_loop, proxy, unwrap


class Account:
    __module__ = "core.fake_account"  # proxied like the core's own classes

    def __init__(self) -> None:
        self.threads: list[int] = []
        self.started = asyncio.Event()
        self.cancelled = False
        self.child: Account | None = None

    async def spend(self, amount: int, progress: Callable[[str], None] | None = None) -> int:
        self.threads.append(threading.get_ident())
        if progress is not None:
            progress(f"spending {amount}")
        return amount

    async def ask(self, prompt: Callable[[str], Awaitable[str]]) -> str:
        return await prompt("PIN?")

    async def hang(self) -> None:
        self.started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            self.cancelled = True
            raise

    async def open_child(self) -> Account:
        self.child = Account()
        return self.child

    async def is_mine(self, other: object) -> bool:
        return other is self.child

    def balance(self) -> int:
        self.threads.append(threading.get_ident())
        return 7


@pytest.fixture
async def worker() -> AsyncIterator[CoreWorker]:
    worker = CoreWorker()
    yield worker
    await worker.shutdown()


async def test_a_coroutine_called_through_a_proxy_runs_on_the_worker_thread_and_a_sync_method_does_not(
    worker: CoreWorker,
) -> None:
    account = Account()
    seen = proxy(account, worker)
    assert await seen.spend(5) == 5
    assert seen.balance() == 7
    here = threading.get_ident()
    assert account.threads == [worker.thread.ident, here]


async def test_a_sync_method_called_with_call_runs_on_the_worker_thread_and_its_error_comes_back(
    worker: CoreWorker,
) -> None:
    account = Account()
    seen = proxy(account, worker)
    assert await worker.call(seen.balance) == 7  # a write's commit waits on the worker, not on this loop
    assert await call_on_core_of(seen, seen.balance) == 7
    assert account.threads == [worker.thread.ident, worker.thread.ident]
    assert await call_on_core_of(account, account.balance) == 7  # not a proxy: called here
    assert account.threads[-1] == threading.get_ident()

    def refuse() -> None:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        await worker.call(refuse)


async def test_callbacks_passed_to_the_core_are_called_on_the_callers_thread(worker: CoreWorker) -> None:
    seen = proxy(Account(), worker)
    progress: list[tuple[str, int]] = []
    await seen.spend(3, progress=lambda text: progress.append((text, threading.get_ident())))
    await asyncio.sleep(0.05)  # a sync callback is scheduled on the caller's loop
    assert progress == [("spending 3", threading.get_ident())]

    asked: list[int] = []

    async def prompt(message: str) -> str:
        asked.append(threading.get_ident())
        return message + " 1234"

    assert await seen.ask(prompt) == "PIN? 1234"
    assert asked == [threading.get_ident()]


async def test_cancelling_the_caller_cancels_the_core_task(worker: CoreWorker) -> None:
    account = Account()
    seen = proxy(account, worker)
    task = asyncio.ensure_future(seen.hang())
    for _ in range(200):
        if account.started.is_set():
            break
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    for _ in range(200):
        if account.cancelled:
            break
        await asyncio.sleep(0.01)
    assert account.cancelled


async def test_core_objects_returned_are_proxied_and_proxies_passed_back_are_unwrapped(worker: CoreWorker) -> None:
    seen = proxy(Account(), worker)
    child = await seen.open_child()
    assert isinstance(child, CoreProxy) and isinstance(child, Account)  # a proxy passes for what it stands for
    assert await child.spend(1) == 1
    assert unwrap(child).threads == [worker.thread.ident]
    assert await seen.is_mine(child)


async def test_a_callable_made_for_a_loop_runs_there_from_another_thread(worker: CoreWorker) -> None:
    here = asyncio.get_running_loop()
    calls: list[int] = []
    record = on_loop(lambda: calls.append(threading.get_ident()), here)
    worker.call_soon(record)
    for _ in range(200):
        if calls:
            break
        await asyncio.sleep(0.01)
    assert calls == [threading.get_ident()]


async def test_shutdown_cancels_what_runs_on_the_core_and_ends_the_thread() -> None:
    worker = CoreWorker()
    account = Account()
    background = worker.spawn(account.hang())
    for _ in range(200):
        if account.started.is_set():
            break
        await asyncio.sleep(0.01)
    await worker.shutdown()
    assert account.cancelled and background.cancelled()
    assert not worker.thread.is_alive() and worker.loop.is_closed()


async def test_a_listener_registered_through_a_sync_method_is_called_back_on_the_callers_thread(
    worker: CoreWorker,
) -> None:
    class Watched:
        __module__ = "core.fake_watched"

        def __init__(self) -> None:
            self.listeners: list[Callable[[int], None]] = []

        def watch(self, listener: Callable[[int], None]) -> None:
            self.listeners.append(listener)

        async def change(self, value: int) -> None:
            for listener in self.listeners:
                listener(value)

    seen = proxy(Watched(), worker)
    heard: list[tuple[int, int]] = []
    seen.watch(lambda value: heard.append((value, threading.get_ident())))
    await seen.change(5)  # runs on the core thread, which fires the listener
    for _ in range(200):
        if heard:
            break
        await asyncio.sleep(0.01)
    assert heard == [(5, threading.get_ident())]


async def test_a_core_function_given_a_proxy_runs_whole_on_the_worker(worker: CoreWorker) -> None:
    account = Account()
    seen = proxy(account, worker)

    async def pay_from(wallet: Account) -> tuple[int, int]:  # a core.api function a view calls with its proxy
        await wallet.spend(2)
        return threading.get_ident(), wallet.balance()

    ran_on, balance = await on_core_of(seen, pay_from(seen))
    assert ran_on == worker.thread.ident and balance == 7
    assert account.threads == [worker.thread.ident, worker.thread.ident]


async def test_a_proxy_of_a_container_iterates_counts_and_indexes_like_it(worker: CoreWorker) -> None:
    class Wallets:
        __module__ = "core.fake_wallets"

        def __init__(self) -> None:
            self.items = {"a": Account(), "b": Account()}

        def __iter__(self) -> Iterator[str]:
            return iter(self.items)

        def __len__(self) -> int:
            return len(self.items)

        def __getitem__(self, key: str) -> Account:
            return self.items[key]

        async def refresh(self) -> None:
            return None

    seen = proxy(Wallets(), worker)
    assert list(seen) == ["a", "b"] and len(seen) == 2 and "a" in seen and bool(seen)
    assert isinstance(seen["a"], CoreProxy) and await seen["a"].spend(4) == 4
    assert bool(proxy(Account(), worker))  # no __len__ of its own: true, as the object is
