"""Test-only crash points: ``NUTDESK_FAILPOINT=send:after_sent`` kills the process at that journal step.

The fault-injection tests run the CLI with this variable to prove that a crash at every step loses
nothing. Outside tests the variable is unset and ``failpoint`` costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

__all__ = ["failpoint"]


def failpoint(name: str) -> None:
    if os.environ.get("NUTDESK_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
