"""Free text a user imports (account, note): what is refused, and how stored text is shown safely.

Control characters never belong in a symbol, an account or a note: C0 (including tab and newlines),
DEL, C1 (``\\x9b`` is a terminal's CSI), the Unicode line/paragraph separators and the bidirectional
overrides (which make a terminal or a table show text in another order than it is stored).
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# The ones json.dumps leaves raw (it escapes C0 itself; C0 outside strings is its own layout).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def first_control_char(text: str) -> str | None:
    """The first control character in ``text``, or None."""
    m = _CONTROL.search(text or "")
    return m.group(0) if m else None


def describe_char(ch: str) -> str:
    """``U+001B`` style name of a character, for messages."""
    return f"U+{ord(ch):04X}"


def check_plain_text(text: str, name: str, max_length: int) -> str:
    """Return ``text`` when it has no control character and at most ``max_length`` characters."""
    if len(text) > max_length:
        raise ValueError(f"{name} is {len(text)} characters long; expected at most {max_length}")
    ch = first_control_char(text)
    if ch is not None:
        raise ValueError(f"{name} contains the control character {describe_char(ch)}; "
                         "expected plain text on one line")
    return text


def printable(text: str, replacement: str = "?") -> str:
    """``text`` with every control character replaced, safe to print to a terminal."""
    return _CONTROL.sub(replacement, text or "")


def escape_control_chars_json(text: str) -> str:
    r"""Escape, in JSON text, the control characters ``json.dumps(ensure_ascii=False)`` leaves raw.

    These characters (DEL, C1, separators, bidi controls) can only occur inside JSON strings, where ``\uXXXX`` means the same character, so
    the document still parses to exactly the same values.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
