"""Every colour pair of both themes is readable (WCAG 2 contrast ≥ 4.5:1), and the set follows the palette."""

import dataclasses

import pytest
from PySide6.QtGui import QColor, QPalette

from riskwatch.gui.theme import DARK, LIGHT, Pair, is_dark, theme


def _luminance(hex_colour: str) -> float:
    c = QColor(hex_colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("t", [LIGHT, DARK], ids=["light", "dark"])
def test_every_pair_and_every_text_colour_is_readable(t):
    pairs = {f.name: getattr(t, f.name) for f in dataclasses.fields(t) if isinstance(getattr(t, f.name), Pair)}
    low = {name: round(contrast(p.background, p.foreground), 2) for name, p in pairs.items()
           if contrast(p.background, p.foreground) < 4.5}
    assert low == {}
    window = t.card.background
    for role in ("positive", "negative", "caution", "muted", "accent", "info_text"):
        assert contrast(getattr(t, role), window) >= 4.5, role


def test_the_set_follows_the_palette(qapp):
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    assert is_dark(dark) and theme(dark) is DARK
    assert not is_dark(light) and theme(light) is LIGHT
    assert DARK.severity("critical") == DARK.critical and LIGHT.light("red") == LIGHT.bad
    assert LIGHT.light(None) == LIGHT.neutral
