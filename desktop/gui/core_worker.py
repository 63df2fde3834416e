"""The core worker: the wallet's database work, crypto and network run on their own asyncio loop, in one daemon
thread, so the Qt event loop never waits on an fsync (SQLite with ``synchronous=FULL``), a blinding or a DLEQ check.

The views are given proxies (:func:`proxy`) of the core's service objects, not the objects themselves:

- an ``async def`` method called through a proxy runs on the core loop (``run_coroutine_threadsafe``), and the
  caller awaits it on its own loop (``wrap_future``); cancelling the caller cancels the core task;
- callables passed to such a call (progress callbacks, listeners) are called back on the caller's loop: a sync one
  is scheduled there (fire and forget, its result is ``None``), an ``async def`` one is awaited there;
- what the call returns, and attributes read through a proxy, are proxied in turn when they are core objects with
  coroutine methods (a mint's wallet, say), so their network and database work also stays on the core loop;
- sync methods run on the calling thread: they are the quick reads a view makes while drawing; callables passed
  to them (listeners) are wrapped the same way, since the core may call them later from its own thread; a sync
  method that writes (one fsync'd commit) is run there with ``await worker.call(proxy.method, ...)``;
- a proxy used on the core thread itself is transparent, and proxies passed as arguments are unwrapped.

One loop for every coroutine of the core matters beyond speed: the mint clients' connection pools and the core's
asyncio locks belong to the loop that first used them.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, cast

__all__ = ["CoreProxy", "CoreWorker", "call_on_core_of", "on_core_of", "on_loop", "proxy", "proxy_like", "unwrap"]

T = TypeVar("T")
log = logging.getLogger(__name__)

_CORE_PACKAGES = ("core.", "backends.")


class CoreWorker:
    """One asyncio loop in one daemon thread, owned by the GUI session; ``shutdown()`` drains and stops it."""

    def __init__(self, name: str = "nutdesk-core") -> None:
        self.loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self.thread = threading.Thread(target=self._main, name=name, daemon=True)
        self.thread.start()
        self._started.wait()

    def _main(self) -> None:
        asyncio.set_event_loop(self.loop)
        self._started.set()
        try:
            self.loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()

    @property
    def on_core(self) -> bool:
        """True on the worker's own thread."""
        return threading.get_ident() == self.thread.ident

    @property
    def running(self) -> bool:
        return self.thread.is_alive() and not self.loop.is_closed()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await ``coro`` run on the core loop (directly when already there, or on the caller's once the worker
        is shut down: a second ``close()`` must still finish its coroutine)."""
        if self.on_core or not self.running:
            return await coro
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        # Cancelling the awaiting task cancels this future, which cancels the core task.
        return await asyncio.wrap_future(future, loop=_caller_loop())

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Await the sync ``fn`` — a small write, ``service.trust_mint`` say, through a proxy or not — called on
        the core thread: its commit's fsync waits there, not on the caller's loop. Its result comes back as is."""

        async def on_core() -> T:
            return fn(*args, **kwargs)

        return await self.run(on_core())

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Future[Any]:
        """Start a long-running ``coro`` on the core loop (background recovery, say); returns a future on the
        calling loop. Its end is the worker's business: ``shutdown()`` cancels what is still running."""
        return asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop), loop=_caller_loop())

    def call_soon(self, fn: Callable[..., Any], *args: Any) -> None:
        """Call ``fn`` inside the core loop (for code that looks up the running loop to start its own tasks)."""
        self.loop.call_soon_threadsafe(fn, *args)

    async def drain(self, timeout: float = 10.0) -> None:
        """Cancel every task still on the core loop and wait for them to unwind (before the clients close)."""
        if self.running:
            with contextlib.suppress(Exception):
                await self.run(_cancel_all(timeout))

    async def shutdown(self, timeout: float = 10.0) -> None:
        """Drain the core loop, stop it and join the thread."""
        if not self.running:
            return
        await self.drain(timeout)
        self.loop.call_soon_threadsafe(self.loop.stop)
        await _caller_loop().run_in_executor(None, self.thread.join, timeout)
        if self.thread.is_alive():
            log.warning("the core worker did not stop within %.0f s", timeout)


async def _cancel_all(timeout: float) -> None:
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=timeout)


def on_loop(fn: Callable[..., Any], loop: asyncio.AbstractEventLoop) -> Callable[..., Any]:
    """``fn`` made safe to call from another thread: it runs on ``loop`` (its thread's Qt loop, for widgets).

    An ``async def`` stays one (awaited on ``loop``, its result returned); a sync callable is scheduled there and
    returns ``None`` at once — enough for progress callbacks and listeners, and it never blocks the core.
    """
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def run_there(*args: Any, **kwargs: Any) -> Any:
            if _thread_loop() is loop:
                return await fn(*args, **kwargs)
            return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(fn(*args, **kwargs), loop))

        return run_there

    @functools.wraps(fn)
    def call_there(*args: Any, **kwargs: Any) -> Any:
        if _thread_loop() is loop:
            return fn(*args, **kwargs)
        if not loop.is_closed():
            loop.call_soon_threadsafe(functools.partial(fn, *args, **kwargs))
        return None

    return call_there


def _caller_loop() -> asyncio.AbstractEventLoop:
    """The loop of the calling thread. qasync steps a task from a Qt event outside ``run_forever`` (a slot fired
    while the test harness, say, only processes events), where there is no *running* loop but the thread's loop."""
    return _running_loop() or asyncio.get_event_loop_policy().get_event_loop()


def _thread_loop() -> asyncio.AbstractEventLoop | None:
    """The calling thread's loop, running or not; None on a helper thread without one."""
    try:
        return _caller_loop()
    except RuntimeError:
        return None


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


_core_classes: dict[type, bool] = {}


def _is_core_class(cls: type) -> bool:
    """A class of the core (or a Lightning backend) with coroutine methods: its objects are proxied."""
    found = _core_classes.get(cls)
    if found is None:
        found = cls.__module__.startswith(_CORE_PACKAGES) and any(
            inspect.iscoroutinefunction(getattr(cls, name, None)) for name in dir(cls) if not name.startswith("__")
        )
        _core_classes[cls] = found
    return found


def _wants_proxy(value: object) -> bool:
    return not isinstance(value, (type, CoreProxy)) and _is_core_class(type(value))


class CoreProxy:
    """Stands for one core object on the GUI side (see the module's docstring)."""

    __slots__ = ("__weakref__", "_core_target", "_core_worker")
    _core_target: Any
    _core_worker: CoreWorker

    def __init__(self, target: object, worker: CoreWorker) -> None:
        object.__setattr__(self, "_core_target", target)
        object.__setattr__(self, "_core_worker", worker)

    def __getattr__(self, name: str) -> Any:
        target, worker = self._core_target, self._core_worker
        value = getattr(target, name)
        if worker.on_core:
            return value
        if inspect.iscoroutinefunction(value):
            return _async_through(value, worker)
        if _wants_proxy(value):
            return CoreProxy(value, worker)
        if callable(value) and not isinstance(value, type) and inspect.ismethod(value):
            return _sync_through(value, worker)
        return value

    @property
    def __class__(self) -> type:  # isinstance(proxy, PosService) holds, as for the object itself
        return type(self._core_target)

    @__class__.setter
    def __class__(self, _value: type) -> None:
        raise TypeError("a core proxy stands for one object: its class cannot change")

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._core_target, name, unwrap(value))

    def __delattr__(self, name: str) -> None:
        delattr(self._core_target, name)

    def __repr__(self) -> str:
        return f"<core proxy of {self._core_target!r}>"

    # Python looks special methods up on the type, never through __getattr__: the container ones, forwarded.
    def __bool__(self) -> bool:
        return bool(self._core_target)

    def __len__(self) -> int:
        return len(self._core_target)

    def __iter__(self) -> Any:
        return iter(self._core_target)

    def __contains__(self, item: object) -> bool:
        return item in self._core_target

    def __getitem__(self, key: Any) -> Any:
        return _incoming(self._core_target[key], self._core_worker)


def _async_through(method: Callable[..., Coroutine[Any, Any, Any]], worker: CoreWorker) -> Callable[..., Any]:
    @functools.wraps(method)
    async def through(*args: Any, **kwargs: Any) -> Any:
        if worker.on_core:
            return await method(*args, **kwargs)
        caller = _caller_loop()
        args = tuple(_outgoing(a, caller) for a in args)
        kwargs = {k: _outgoing(v, caller) for k, v in kwargs.items()}
        return _incoming(await worker.run(method(*args, **kwargs)), worker)

    return through


def _sync_through(method: Callable[..., Any], worker: CoreWorker) -> Callable[..., Any]:
    @functools.wraps(method)
    def through(*args: Any, **kwargs: Any) -> Any:
        caller = _thread_loop()
        if caller is None:  # a helper thread (``asyncio.to_thread``): nothing to call back to
            result = method(*(unwrap(a) for a in args), **{k: unwrap(v) for k, v in kwargs.items()})
        else:  # a listener registered now is called back on this loop, whichever thread fires it later
            args = tuple(_outgoing(a, caller) for a in args)
            result = method(*args, **{k: _outgoing(v, caller) for k, v in kwargs.items()})
        return _incoming(result, worker)

    return through


def _outgoing(value: Any, caller: asyncio.AbstractEventLoop) -> Any:
    """An argument on its way to the core: proxies unwrapped, the caller's callables called back on its loop."""
    if isinstance(value, CoreProxy):
        return value._core_target
    if callable(value) and not isinstance(value, type) and not _is_core_callable(value):
        return on_loop(value, caller)
    return value


def _is_core_callable(fn: Any) -> bool:
    # Strategies and key functions from the core are plain code: they run where they are called.
    owner = getattr(fn, "__self__", None)
    module = getattr(fn, "__module__", None) or (type(owner).__module__ if owner is not None else "")
    return bool(module) and str(module).startswith(_CORE_PACKAGES)


def _incoming(value: Any, worker: CoreWorker) -> Any:
    return CoreProxy(value, worker) if _wants_proxy(value) else value


def proxy(target: T, worker: CoreWorker) -> T:
    """``target`` as seen from the GUI: typed as itself, its coroutines run on ``worker``."""
    return cast(T, CoreProxy(unwrap(target), worker))


def proxy_like(template: object, target: T) -> T:
    """``target`` (a core service a view builds over ``template``, the wallet it was given) proxied like
    ``template``: with the same worker when ``template`` is a proxy, as it is when ``template`` is not."""
    if isinstance(template, CoreProxy):
        return proxy(target, template._core_worker)
    return target


async def on_core_of(template: object, coro: Coroutine[Any, Any, T]) -> T:
    """Await ``coro`` — a core function a view calls with the wallet it was given (``pay_multi_path(service, …)``)
    — on ``template``'s core loop when ``template`` is a proxy: there the proxies it holds are the objects
    themselves, so the whole function (journal, blinding, requests) runs off the Qt thread."""
    if isinstance(template, CoreProxy):
        return await template._core_worker.run(coro)
    return await coro


async def call_on_core_of(template: object, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Await the sync ``fn`` (a write: one fsync'd commit) called on ``template``'s core thread when ``template``
    is a proxy — for view state that holds the service but no context — or here when it is not."""
    if isinstance(template, CoreProxy):
        return await template._core_worker.call(fn, *args, **kwargs)
    return fn(*args, **kwargs)


def unwrap(value: T) -> T:
    """The core object behind a proxy (for code that keys on identity, like ``guard_of(store)``)."""
    if isinstance(value, CoreProxy):
        return cast(T, value._core_target)
    return value
