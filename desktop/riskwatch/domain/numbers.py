"""Parsing numbers as people write them (English and German), and the bounds a held amount must keep.

Everything imported goes through :func:`parse_number`, everything typed in the UI through
:func:`parse_typed_number` (strict, in the UI language's notation; see the comment above it for how the
two relate). parse_number refuses text that is not a plain decimal number before any Decimal arithmetic
happens (``1_000``, ``١٢٣``, ``1E+999999999``, 400-digit strings). Quantities and cost bases then go through :func:`check_quantity` and
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


# -- numbers typed in the UI --------------------------------------------------------------------------
# Files and typed fields follow different rules on purpose. A file has one convention for all its cells,
# decided by the file (csv_io: a `;` file is German as German Excel writes it, a `,` file and JSON are
# English), and parse_number reads it leniently (a single comma is a decimal comma). A field typed in the
# UI has only the UI language to go by: parse_typed_number reads exactly that language's notation (the
# one the table displays, format_typed_number), and refuses, with the reading it would make, text written
# in the other language's notation or text the other notation plausibly meant. It never guesses.

#: UI language -> (group separator, decimal separator), as the table writes numbers (gui.format).
TYPED_SEPARATORS = {"de": (".", ","), "en": (",", ".")}
_TYPED_SPACES = re.compile(r"[ \u00a0\u202f]")


def typed_language(language: str) -> str:
    """``"de"`` for a German UI language (``de``, ``de_DE`` …), ``"en"`` for any other."""
    return "de" if (language or "").lower().startswith("de") else "en"


def _typed_pattern(group: str, point: str) -> re.Pattern:
    g, d = re.escape(group), re.escape(point)
    return re.compile(rf"(?P<int>\d+|[1-9]\d{{0,2}}(?:{g}\d{{3}})+)(?:{d}(?P<frac>\d+))?|{d}(?P<frac2>\d+)",
                      re.ASCII)


_TYPED_PATTERNS = {lang: _typed_pattern(*seps) for lang, seps in TYPED_SEPARATORS.items()}


class TypedNumberError(ValueError):
    """A typed number that was refused. ``code`` says why: ``not_a_number``, ``other_convention`` (written
    in the other language's notation; ``suggestions`` holds its reading in this language), ``ambiguous``
    (readable, but the other notation plausibly meant something else; two readings) or ``out_of_range``."""

    def __init__(self, code: str, text: str, language: str, suggestions: tuple[str, ...] = ()):
        self.code, self.text, self.language, self.suggestions = code, text, language, tuple(suggestions)
        name = "German" if language == "de" else "English"
        shown = _shown(text)
        message = {"not_a_number": f"'{shown}' is not a number; expected e.g. "
                                   f"{format_typed_number(Decimal('1234.5'), language)}",
                   "other_convention": f"'{shown}' is not a number in {name} notation; did you mean "
                                       f"{''.join(self.suggestions[:1])}?",
                   "ambiguous": f"'{shown}' is ambiguous; did you mean {' or '.join(self.suggestions)}?",
                   "out_of_range": f"'{shown}' is out of range"}[code]
        super().__init__(message)


def _read_typed(body: str, language: str) -> Decimal | None:
    """The value of an unsigned ``body`` in ``language``'s notation, or None when it is not well-formed."""
    m = _TYPED_PATTERNS[language].fullmatch(body)
    if m is None:
        return None
    whole = (m.group("int") or "0").replace(TYPED_SEPARATORS[language][0], "")
    frac = m.group("frac") or m.group("frac2")
    return Decimal(whole + ("." + frac if frac else ""))


def format_typed_number(value: Decimal, language: str, group: bool = True) -> str:
    """``value`` as the table displays it in ``language`` (like gui.format.decimal_text, with ``-``): exact
    digits, an integer without a fraction, groups of three (``1.234,5`` / ``1,234.5``) unless ``group`` is
    false (the editor's text). :func:`parse_typed_number` reads every such text back to ``value``."""
    sep, point = TYPED_SEPARATORS[typed_language(language)]
    text = format(value.normalize() if value == value.to_integral() else value, "f")
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, frac = text.partition(".")
    if group and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = sep.join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])
    return sign + whole + (point + frac if frac else "")


def parse_typed_number(text: str, language: str, current: Decimal | None = None) -> Decimal:
    """Read a number typed in the UI in the notation of the UI ``language`` (``"de"`` or ``"en"``).

    German ``1.250,5`` / English ``1,250.5``; ``1250`` in both; groups must be of exactly three digits
    (``1.25.0`` is refused); spaces may stand for group separators; a leading ``-``, ``+`` or ``−``.
    What the table displays reads back exactly: in German ``1.250`` is 1250 and ``1,25`` is 1.25.
    Raises :class:`TypedNumberError` with ``suggestions`` in this language's notation for

    * text in the other language's notation (German UI: ``1,250.5`` → ``1.250,5``; ``1.25`` → ``1,25``,
      German has no decimal dot);
    * text readable in both notations with different values whose reading here is not how the table
      shows that value (German ``1,250``: 1,25 or 1.250?), unless the reading is ``current``, the value the
      field already holds (the editor starts from it);
    * anything else that is not a number (``not_a_number``) or out of parse_number's bounds.
    """
    lang = typed_language(language)
    other = "en" if lang == "de" else "de"
    s = (text or "").strip().replace("\u2212", "-")
    sign, body = (s[0], s[1:]) if s[:1] in ("-", "+") else ("", s)
    spaced = _TYPED_SPACES.search(body) is not None
    body = _TYPED_SPACES.sub(TYPED_SEPARATORS[lang][0], body) if spaced else body
    if len(body) > 2 * MAX_NUMBER_LENGTH:  # before any Decimal is made of it
        digits = re.fullmatch(r"[\d.,]+", body, re.ASCII) is not None
        raise TypedNumberError("out_of_range" if digits else "not_a_number", text, lang)
    value = _read_typed(body, lang)
    theirs = None if spaced else _read_typed(body, other)
    if value is None:
        if theirs is None:
            raise TypedNumberError("not_a_number", text, lang)
        grouped = TYPED_SEPARATORS[other][0] in body
        raise TypedNumberError("other_convention", text, lang,
                               (sign.replace("+", "") + format_typed_number(theirs, lang, grouped),))
    if theirs is not None and theirs != value and (current is None or value != current):
        canonical = {format_typed_number(value.normalize(), lang, g) for g in (True, False)}
        if body not in canonical:
            neg = sign.replace("+", "")
            raise TypedNumberError("ambiguous", text, lang, (neg + format_typed_number(value.normalize(), lang),
                                                             neg + format_typed_number(theirs, lang)))
    plain = sign + format(value, "f")
    try:
        return parse_number(plain)
    except ValueError:
        raise TypedNumberError("out_of_range", text, lang) from None
