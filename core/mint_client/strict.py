"""Kept so older imports keep working: the strict JSON readers now live in ``core.ports.strict``."""

from __future__ import annotations

from core.ports.strict import *  # noqa: F403
from core.ports.strict import __all__ as __all__
