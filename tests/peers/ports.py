"""Free TCP ports on 127.0.0.1 for the test peers."""

from __future__ import annotations

import contextlib
import socket

__all__ = ["free_port", "free_ports", "port_is_open"]

# Ports already handed out by this process: the OS happily returns a just-closed port again, and two peers
# (or a mint and its RPC server) given the same port fail with "address already in use".
_handed_out: set[int] = set()


def free_ports(count: int) -> list[int]:
    """``count`` distinct ports nothing listens on now, never one this process handed out before."""
    with contextlib.ExitStack() as stack:
        ports: list[int] = []
        while len(ports) < count:
            # Keeping every probe socket open until the end makes the OS pick a different port each time.
            sock = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
            if port not in _handed_out:
                ports.append(port)
        _handed_out.update(ports)
        return ports


def free_port() -> int:
    """One free port (see ``free_ports``)."""
    return free_ports(1)[0]


def port_is_open(port: int, host: str = "127.0.0.1", timeout: float = 0.2) -> bool:
    """Whether something accepts TCP connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
