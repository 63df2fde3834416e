"""Exact decimal columns: exchange rates and unit prices stored digit for digit, read back as ``Decimal``.

PostgreSQL keeps them as unconstrained ``NUMERIC`` (arbitrary precision, the scale it was given: 60000.0 stays
60000.0). SQLite has no exact decimal type — a ``NUMERIC`` column would store a REAL and keep 15 digits — so there the
column is ``TEXT`` holding the canonical string of the ``Decimal`` (``str(value)``). Raw SQL that computes with such a
column casts it (``CAST(fiat_rate AS DOUBLE PRECISION)``: a double on both databases, so both give the same figures);
raw SQL that writes one binds through this type (``bindparam(…, type_=ExactDecimal())``).

A float is refused on the way in: it would already have lost the digits this column exists to keep.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

__all__ = ["ExactDecimal", "as_decimal"]


def as_decimal(value: Any) -> Decimal | None:
    """A stored value (``Decimal`` from PostgreSQL, its string from SQLite) as a ``Decimal``; None stays None."""
    if value is None:
        return None
    if isinstance(value, float):
        raise TypeError(f"a float ({value!r}) is not an exact decimal")
    return value if isinstance(value, Decimal) else Decimal(str(value))


class ExactDecimal(TypeDecorator[Decimal]):
    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(asdecimal=True))
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        exact = as_decimal(value)
        if exact is None or dialect.name == "postgresql":
            return exact
        if not exact.is_finite():
            raise ValueError(f"{exact} is not a rate or a price")
        return str(exact)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return as_decimal(value)

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal
