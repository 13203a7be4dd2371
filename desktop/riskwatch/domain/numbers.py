"""Parsing numbers as people write them (English and German), and the bounds a held amount must keep.

Everything a user types or imports goes through :func:`parse_number`, which refuses text that is not a
plain decimal number before any Decimal arithmetic happens (``1_000``, ``١٢٣``, ``1E+999999999``,
400-digit strings). Quantities and cost bases then go through :func:`check_quantity` and
:func:`check_cost_basis`, so that nothing accepted can overflow, or turn into Infinity or NaN, later.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUM_CLEAN = re.compile(r"[\s\u00a0\u202f']")
# A plain decimal number in ASCII digits; no underscores, no non-ASCII digits, no "nan"/"inf".
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE]([-+]?\d+))?", re.ASCII)

#: Longest number text accepted (after removing spaces and group separators).
MAX_NUMBER_LENGTH = 40
#: Largest decimal exponent of any parsed number (|value| < 1e30 unless zero): float-safe for any use.
MAX_EXPONENT = 30

#: Largest quantity of one holding; 0 or at least MIN_POSITIVE. The product with MAX_COST_BASIS is 1e27.
MAX_QUANTITY = Decimal("1e15")
#: Largest cost basis (price paid per unit).
MAX_COST_BASIS = Decimal("1e12")
#: Smallest non-zero quantity or cost basis (below a satoshi of a satoshi).
MIN_POSITIVE = Decimal("1e-12")


def _shown(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


def parse_number(text: str, german: bool = False) -> Decimal:
    """Parse a number written the English or the German way.

    ``1234.56``, ``1,234.56``, ``1234,56``, ``1.234,56`` and ``1 234,56`` are all 1234.56. A single comma
    is a decimal comma (German first). With ``german=True`` (a `;`-separated file, as German Excel writes
    them) a dot followed by groups of exactly three digits is a thousands separator: ``99.000`` is 99000;
    otherwise ``99.000`` is 99.0. ``-0`` is 0. Raises ValueError when the text is not a plain finite
    number of at most MAX_NUMBER_LENGTH characters with a magnitude below ``10**MAX_EXPONENT`` (and,
    unless zero, above ``10**-MAX_EXPONENT``).
    """
    s = _NUM_CLEAN.sub("", text or "").replace("\u2212", "-")
    if not s:
        raise ValueError("is empty")
    if len(s) > MAX_NUMBER_LENGTH:
        raise ValueError(f"is {len(s)} characters long, more than the {MAX_NUMBER_LENGTH} a number may have")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        if s.count(",") > 1:
            raise ValueError(f"'{_shown(text)}' is not a number")
        s = s.replace(",", ".")
    elif s.count(".") > 1 or german:
        if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", s):  # thousands dots: 1.234.567 (or 99.000 when german)
            s = s.replace(".", "")
        elif s.count(".") > 1:
            raise ValueError(f"'{_shown(text)}' is not a number")
    m = _PLAIN_NUMBER.fullmatch(s)
    if m is None:
        raise ValueError(f"'{_shown(text)}' is not a number")
    if m.group(1) is not None and len(m.group(1).lstrip("+-")) > 6:  # before Decimal sees 1E+999999999
        raise ValueError(f"'{_shown(text)}' has an exponent out of range")
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid literals
        raise ValueError(f"'{_shown(text)}' is not a number") from None
    if value.is_zero():  # -0 is 0; 0E-999999 is plain 0; 0.00 keeps its digits
        exponent = value.as_tuple().exponent
        return value.copy_abs() if -MAX_EXPONENT <= exponent <= 0 else Decimal(0)
    if value.adjusted() >= MAX_EXPONENT:
        raise ValueError(f"'{_shown(text)}' is too large")
    if value.adjusted() < -MAX_EXPONENT:
        raise ValueError(f"'{_shown(text)}' is too small")
    return value


#: What a quantity / a cost basis must be, for messages.
QUANTITY_RANGE = f"0 or a number from {MIN_POSITIVE:.0E} to {MAX_QUANTITY:.0E}"
COST_BASIS_RANGE = f"0 or a price per unit from {MIN_POSITIVE:.0E} to {MAX_COST_BASIS:.0E}"


def _check_amount(value: Decimal, name: str, maximum: Decimal, expected: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name or 'value'} must be a Decimal, got {type(value).__name__}")
    prefix = f"{name} " if name else ""
    if not value.is_finite():
        raise ValueError(f"{prefix}is {value}; expected {expected}")
    if value.is_zero():
        return Decimal(0)
    if value < 0:
        raise ValueError(f"{prefix}is {value}; expected {expected}")
    if value.adjusted() > maximum.adjusted() or value > maximum:  # adjusted(): no arithmetic on 1E+999999
        raise ValueError(f"{prefix}is too large; expected {expected}")
    if value.adjusted() < MIN_POSITIVE.adjusted():
        raise ValueError(f"{prefix}is too small; expected {expected}")
    return value


def check_quantity(value: Decimal, name: str = "quantity") -> Decimal:
    """Return ``value`` (``-0`` as 0) when it is a sane quantity, else raise ValueError saying why.

    Accepted: 0, or MIN_POSITIVE ≤ value ≤ MAX_QUANTITY. The one check every path (file import, dialog,
    in-place edit) uses; ``name`` starts the message (empty when the caller names the field itself).
    """
    return _check_amount(value, name, MAX_QUANTITY, QUANTITY_RANGE)


def check_cost_basis(value: Decimal, name: str = "cost basis") -> Decimal:
    """Like :func:`check_quantity` for a cost basis: 0, or MIN_POSITIVE ≤ value ≤ MAX_COST_BASIS."""
    return _check_amount(value, name, MAX_COST_BASIS, COST_BASIS_RANGE)
