"""Every colour the GUI uses, by meaning, for a light and a dark desktop theme.

Widgets never write a colour literal: they ask :func:`theme` for a role (``negative`` text, the ``bad`` cell,
the ``critical`` severity, the ``error`` banner). A cell always gets its background *and* its foreground from
the same pair, so a dark palette never paints white text on a pastel cell. Which set applies follows the
application palette's window colour, so it also follows a palette switched at run time. The pairs meet
WCAG's 4.5:1 contrast for normal text (``tests/gui/test_theme.py`` checks every pair in both sets).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Pair:
    """A background with the text colour that is readable on it."""

    background: str
    foreground: str

    def qcolors(self) -> tuple[QColor, QColor]:
        return QColor(self.background), QColor(self.foreground)


@dataclass(frozen=True)
class Theme:
    dark: bool
    positive: str            # gains, "online", "added"
    negative: str            # losses, errors, "offline", "removed"
    caution: str             # "degraded", "changed"
    muted: str               # example rows, acknowledged alerts, secondary text
    accent: str              # the replay clock, user-set values
    good: Pair               # traffic-light cells
    amber: Pair
    bad: Pair
    neutral: Pair            # a cell without a usable value
    info: Pair               # alert severities
    warning: Pair
    critical: Pair
    error_banner: Pair       # offline banner, keyring banner
    note_banner: Pair        # example-portfolio banner
    card: Pair               # dashboard cards
    border: str
    tab: Pair
    tab_selected: Pair
    series: tuple[str, ...]  # chart lines

    def severity(self, severity: object) -> Pair:
        """The pair of an alert severity ("info", "warning", "critical" or a Severity enum)."""
        name = str(getattr(severity, "value", severity))
        return {"info": self.info, "warning": self.warning, "critical": self.critical}.get(name, self.neutral)

    def light(self, light: str | None) -> Pair:
        """The pair of a traffic light ("green", "amber", "red"; anything else: neutral)."""
        return {"green": self.good, "amber": self.amber, "red": self.bad}.get(light or "", self.neutral)

    def banner_style(self, object_name: str, pair: Pair, *, children: str = "QLabel") -> str:
        return (f"#{object_name} {{ background: {pair.background}; border: 1px solid {self.border}; "
                f"border-radius: 4px; }} {children} {{ color: {pair.foreground}; }}")

    def text_style(self, colour: str, *, bold: bool = False) -> str:
        return f"color: {colour};" + (" font-weight: 600;" if bold else "")


LIGHT = Theme(
    dark=False, positive="#146c2e", negative="#b00020", caution="#8a4f00", muted="#555555", accent="#6a1b9a",
    good=Pair("#d8f0d8", "#0b3d1a"), amber=Pair("#ffe9b3", "#4d3300"), bad=Pair("#f8c9c9", "#6b0010"),
    neutral=Pair("#eeeeee", "#444444"),
    info=Pair("#d6e6fb", "#0d47a1"), warning=Pair("#ffe08a", "#4d3300"), critical=Pair("#f6c3c3", "#8a0018"),
    error_banner=Pair("#fde2e1", "#6b0f0a"), note_banner=Pair("#fff4ce", "#4d3b00"),
    card=Pair("#ffffff", "#1a1a1a"), border="#c9c9c9",
    tab=Pair("#e4e4e4", "#333333"), tab_selected=Pair("#fafafa", "#000000"),
    series=("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"),
)

DARK = Theme(
    dark=True, positive="#7bd88f", negative="#ff8a80", caution="#ffcc66", muted="#a8a8a8", accent="#ce93d8",
    good=Pair("#1e4d2b", "#d8f5df"), amber=Pair("#5c4400", "#fff0c2"), bad=Pair("#6b1f24", "#ffe0e0"),
    neutral=Pair("#3a3a3a", "#d0d0d0"),
    info=Pair("#1c3a5e", "#d6e6fb"), warning=Pair("#5c4400", "#fff0c2"), critical=Pair("#6b1f24", "#ffe0e0"),
    error_banner=Pair("#4a1c1a", "#ffd6d2"), note_banner=Pair("#4a3f12", "#fff4ce"),
    card=Pair("#2b2b2b", "#f0f0f0"), border="#5a5a5a",
    tab=Pair("#353535", "#d8d8d8"), tab_selected=Pair("#1f1f1f", "#ffffff"),
    series=("#6cb6ff", "#ff7b72", "#7ee787", "#d2a8ff", "#e3b341", "#ff9bce", "#b1bac4", "#e6e16b", "#56d4dd"),
)


def is_dark(palette: QPalette | None = None) -> bool:
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def theme(palette: QPalette | None = None) -> Theme:
    """The colour set for ``palette`` (default: the application's current palette)."""
    return DARK if is_dark(palette) else LIGHT
