"""Every colour the GUI uses, by meaning, for a light and a dark desktop theme.

Widgets never write a colour literal: they ask :func:`theme` for a role (``negative`` text, the ``bad`` cell,
the ``critical`` severity, the ``error`` banner). A cell always gets its background *and* its foreground from
the same pair, so a dark palette never paints white text on a pastel cell. Which set applies follows the
application palette's window colour, so it also follows a palette switched at run time. The pairs meet
WCAG's 4.5:1 contrast for normal text (``tests/gui/test_theme.py`` checks every pair in both sets).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from riskwatch.domain.rules import Severity


@dataclass(frozen=True)
class Pair:
    """A background with the text colour that is readable on it."""

    background: str
    foreground: str

    def qcolors(self) -> tuple[QColor, QColor]:
        return QColor(self.background), QColor(self.foreground)

    def brushes(self) -> tuple[QBrush, QBrush]:
        """(background, foreground) brushes, for a cell's BackgroundRole and ForegroundRole."""
        return QBrush(QColor(self.background)), QBrush(QColor(self.foreground))


@dataclass(frozen=True)
class Theme:
    dark: bool
    positive: str            # gains, "online", "added"
    negative: str            # losses, errors, "offline", "removed"
    caution: str             # "degraded", "changed"
    muted: str               # example rows, acknowledged alerts, secondary text
    accent: str              # the replay clock, user-set values
    info_text: str           # an "info" mark on the window (the overview's alert light)
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
        name = str(severity)  # Severity is a StrEnum
        return {"info": self.info, "warning": self.warning, "critical": self.critical}.get(name, self.neutral)

    def light(self, light: str | None) -> Pair:
        """The pair of a traffic light ("green", "amber", "red"; anything else: neutral). A crossed threshold
        lights its severity's light (:data:`SEVERITY_LIGHT`)."""
        return {"green": self.good, "amber": self.amber, "red": self.bad}.get(light or "", self.neutral)

    def banner_style(self, object_name: str, pair: Pair, *, children: str = "QLabel") -> str:
        return (f"#{object_name} {{ background: {pair.background}; border: 1px solid {self.border}; "
                f"border-radius: 4px; }} {children} {{ color: {pair.foreground}; }}")

    def text_style(self, colour: str, *, bold: bool = False) -> str:
        return f"color: {colour};" + (" font-weight: 600;" if bold else "")

    def severity_text(self, severity: str | None) -> str:
        """A severity's colour as a mark on the window (None: no alert, the positive colour)."""
        return {"critical": self.negative, "warning": self.caution, "info": self.info_text}.get(
            severity or "", self.positive)

    def tab_style(self) -> str:
        # Fusion draws inactive tabs 2 px lower and clips the dots of a capital umlaut ("Übersicht" read
        # "Ubersicht"); styled tabs with their own padding show the whole glyph.
        return (f"QTabBar::tab {{ padding: 5px 14px; margin-right: 2px; border: 1px solid {self.border};"
                f" border-bottom: none; border-top-left-radius: 4px; border-top-right-radius: 4px;"
                f" background: {self.tab.background}; color: {self.tab.foreground}; }}"
                f" QTabBar::tab:selected {{ background: {self.tab_selected.background};"
                f" color: {self.tab_selected.foreground}; }}"
                f" QTabBar::tab:hover:!selected {{ background: {self.neutral.background}; }}")


#: The one severity style: the traffic light a crossed threshold of each severity lights (info and warning amber,
#: critical red); cells take :meth:`Theme.severity`, marks :meth:`Theme.severity_text`, lights :meth:`Theme.light`.
SEVERITY_LIGHT = {"info": "amber", "warning": "amber", "critical": "red"}


def severity_rank(severity: object) -> int:
    """0 info, 1 warning, 2 critical (-1 for none or an unknown name): the order "most severe" follows."""
    try:
        return Severity(severity).rank
    except ValueError:
        return -1


LIGHT = Theme(
    dark=False, positive="#146c2e", negative="#b00020", caution="#8a4f00", muted="#555555", accent="#6a1b9a", info_text="#1f5fa8",
    good=Pair("#d8f0d8", "#0b3d1a"), amber=Pair("#ffe9b3", "#4d3300"), bad=Pair("#f8c9c9", "#6b0010"),
    neutral=Pair("#eeeeee", "#444444"),
    info=Pair("#d6e6fb", "#0d47a1"), warning=Pair("#ffe08a", "#4d3300"), critical=Pair("#f6c3c3", "#8a0018"),
    error_banner=Pair("#fde2e1", "#6b0f0a"), note_banner=Pair("#fff4ce", "#4d3b00"),
    card=Pair("#ffffff", "#1a1a1a"), border="#c9c9c9",
    tab=Pair("#e4e4e4", "#333333"), tab_selected=Pair("#fafafa", "#000000"),
    series=("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"),
)

DARK = Theme(
    dark=True, positive="#7bd88f", negative="#ff8a80", caution="#ffcc66", muted="#a8a8a8", accent="#ce93d8", info_text="#8ab4f8",
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


def dark_palette() -> QPalette:
    """A dark desktop palette like a dark Fusion theme (screenshots and tests; the app keeps the desktop's)."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, "#202020"), (role.WindowText, "#f0f0f0"), (role.Base, "#2a2a2a"),
                      (role.AlternateBase, "#323232"), (role.Text, "#f0f0f0"), (role.Button, "#353535"),
                      (role.ButtonText, "#f0f0f0"), (role.ToolTipBase, "#353535"), (role.ToolTipText, "#f0f0f0"),
                      (role.PlaceholderText, "#a0a0a0"), (role.Highlight, "#2f65ca"),
                      (role.HighlightedText, "#ffffff"), (role.Link, "#8ab4f8"), (role.BrightText, "#ff8a80"),
                      (role.Light, "#4a4a4a"), (role.Midlight, "#3a3a3a"), (role.Mid, "#2c2c2c"),
                      (role.Dark, "#181818"), (role.Shadow, "#000000")):
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7a7a7a"))
    return p


def paint(item, pair: Pair | None) -> None:
    """Give a table item (QTableWidgetItem, QStandardItem) the background and text colour of ``pair``, or
    (None) the view's own colours again."""
    background, foreground = pair.brushes() if pair is not None else (None, None)
    item.setData(Qt.ItemDataRole.BackgroundRole, background)
    item.setData(Qt.ItemDataRole.ForegroundRole, foreground)


class ThemeAware:
    """Mixin for a widget that takes its colours from :func:`theme`. The widget calls :meth:`refresh_theme`
    once it is built; after that ``apply_theme()`` runs again whenever the application palette switches
    between the light and the dark set. Name it before the Qt base class: ``class View(ThemeAware, QWidget)``."""

    _applied_theme: Theme | None = None

    def apply_theme(self) -> None:
        raise NotImplementedError

    def refresh_theme(self) -> None:
        self._applied_theme = theme()
        self.apply_theme()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # not before the widget is built; a style sheet set by apply_theme sends PaletteChange again: no loop
            if self._applied_theme is not None and theme() is not self._applied_theme:
                self.refresh_theme()
        super().changeEvent(event)
