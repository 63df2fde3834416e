"""The declarative base every table model derives from.

In a module of its own so that ``core.storage.models`` (the wallet's rows) and ``core.storage.pos_models`` (the
point of sale's) can both derive from it without importing each other: ``models`` re-exports the point-of-sale
rows, so ``pos_models`` importing ``Base`` from ``models`` would be a cycle that breaks whenever ``pos_models`` is
imported first.
"""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

__all__ = ["Base"]


class Base(DeclarativeBase):
    pass
