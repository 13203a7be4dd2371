"""Parsing numbers as people write them (English and German)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUM_CLEAN = re.compile(r"[\s\u00a0\u202f']")


def parse_number(text: str, german: bool = False) -> Decimal:
    """Parse a number written the English or the German way.

    ``1234.56``, ``1,234.56``, ``1234,56``, ``1.234,56`` and ``1 234,56`` are all 1234.56. A single comma
    is a decimal comma (German first). With ``german=True`` (a `;`-separated file, as German Excel writes
    them) a dot followed by groups of exactly three digits is a thousands separator: ``99.000`` is 99000;
    otherwise ``99.000`` is 99.0. Raises ValueError when the text is not a finite number.
    """
    s = _NUM_CLEAN.sub("", text or "").replace("\u2212", "-")
    if not s:
        raise ValueError("is empty")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        if s.count(",") > 1:
            raise ValueError(f"'{text}' is not a number")
        s = s.replace(",", ".")
    elif s.count(".") > 1 or german:
        if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", s):  # thousands dots: 1.234.567 (or 99.000 when german)
            s = s.replace(".", "")
        elif s.count(".") > 1:
            raise ValueError(f"'{text}' is not a number")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None
    if not value.is_finite():
        raise ValueError(f"'{text}' is not a finite number")
    return value
