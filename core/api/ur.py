"""NUT-16 animated QR codes for the front ends: encode a token as ``ur:bytes`` frames, reassemble read frames.

The encoding itself is pure and lives in :mod:`core.protocol.ur`; this facade is what ``desktop`` may import.
"""

from core.protocol.ur import (
    UrDecodeError,
    UrDecoder,
    decode_ur_text,
    encode_ur,
    encode_ur_parts,
    is_ur,
    plan_parts,
)

__all__ = ["UrDecodeError", "UrDecoder", "decode_ur_text", "encode_ur", "encode_ur_parts", "is_ur", "plan_parts"]
