"""The facade the front ends call: services, and the value types and helpers they hand out.

Front ends (``desktop/``) import from here — never from ``core.wallet``, ``core.storage`` or ``core.mint_client``
directly — so the wallet's insides can change without touching the GUI or the CLI.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.ports.storage import ExportedToken, OperationRecord
    from core.storage.permissions import OwnerOnlyRotatingFileHandler
    from core.wallet.receive import ReceiveResult
    from core.wallet.seed import MIN_PASSWORD_LENGTH, check_new_password, new_mnemonic, normalize_mnemonic
    from core.wallet.send import LockOptions, SendResult
    from core.wallet.token_files import (
        ENCRYPTED_SUFFIX,
        PLAIN_SUFFIX,
        export_token_file,
        is_encrypted_file,
        read_token_file,
        suggested_file_name,
    )

# Each name is imported from its module when first asked for (PEP 562): a CLI command that needs none of them (say
# ``balance``) must not pay for the wallet's crypto and token code at start-up.
_HOME = {
    "ExportedToken": "core.ports.storage",
    "OperationRecord": "core.ports.storage",
    "OwnerOnlyRotatingFileHandler": "core.storage.permissions",
    "ReceiveResult": "core.wallet.receive",
    "MIN_PASSWORD_LENGTH": "core.wallet.seed",
    "check_new_password": "core.wallet.seed",
    "new_mnemonic": "core.wallet.seed",
    "normalize_mnemonic": "core.wallet.seed",
    "LockOptions": "core.wallet.send",
    "SendResult": "core.wallet.send",
    "ENCRYPTED_SUFFIX": "core.wallet.token_files",
    "PLAIN_SUFFIX": "core.wallet.token_files",
    "export_token_file": "core.wallet.token_files",
    "is_encrypted_file": "core.wallet.token_files",
    "read_token_file": "core.wallet.token_files",
    "suggested_file_name": "core.wallet.token_files",
}


def warm_tls() -> None:
    """Start building the TLS context the mint clients share (``core.mint_client.tls``) in a background thread."""
    from core.mint_client.tls import warm

    warm()


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "ENCRYPTED_SUFFIX",
    "MIN_PASSWORD_LENGTH",
    "PLAIN_SUFFIX",
    "ExportedToken",
    "LockOptions",
    "OperationRecord",
    "OwnerOnlyRotatingFileHandler",
    "ReceiveResult",
    "SendResult",
    "check_new_password",
    "export_token_file",
    "is_encrypted_file",
    "new_mnemonic",
    "normalize_mnemonic",
    "read_token_file",
    "suggested_file_name",
    "warm_tls",
]
