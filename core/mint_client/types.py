"""Kept so older imports keep working: the mint answer types now live in, and belong to, ``core.ports.mint_types``."""

from __future__ import annotations

from core.ports.mint_types import *  # noqa: F403
from core.ports.mint_types import __all__ as __all__
