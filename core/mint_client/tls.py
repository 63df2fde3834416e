"""One TLS context for every mint client of the process.

httpx builds a context per client, and loading the CA bundle into it takes 15–30 ms: the GUI made one per mint.
Here it is built once, and ``warm()`` — called at start-up by a command that will talk to a mint — builds it in a
background thread while the command's modules are imported (OpenSSL reads the bundle without holding the GIL).
A context holds no connection state; sharing it between clients and threads is what it is made for.
"""

from __future__ import annotations

import ssl
import threading

import certifi

__all__ = ["context", "warm"]

_lock = threading.Lock()
_context: ssl.SSLContext | None = None


def context() -> ssl.SSLContext:
    """The process's context: certifi's CA bundle, as httpx verifies by default (``trust_env`` off)."""
    global _context
    with _lock:
        if _context is None:
            _context = ssl.create_default_context(cafile=certifi.where())
        return _context


def warm() -> threading.Thread:
    """Start building the context now, off the calling thread; ``context()`` waits for it if it is not done."""
    # Not a daemon: a command that ends at once (a usage error, --help) waits the few ms for it at exit, instead of
    # the interpreter finalising under a thread still inside OpenSSL (a crash).
    thread = threading.Thread(target=context, name="nutdesk-tls")
    thread.start()
    return thread
