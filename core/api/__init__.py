"""The facade the front ends call: services, and the value types and helpers they hand out.

Front ends (``desktop/``) import from here — never from ``core.wallet``, ``core.storage`` or ``core.mint_client``
directly — so the wallet's insides can change without touching the GUI or the CLI.
"""

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
]
