"""The alert history tab: every stored alert event, newest first, with filters and CSV export.

Each event shows both times: when it was raised (``ts``) and the as-of time of the data behind its value
(``data_as_of``), so an event computed from old data reads as such.

Events come from ``service.history(**filters)`` (``AlertService.history``: since, until, severity, kind,
newest_first, limit). Severity, kind and the date range are passed to the store; the asset text filter
(case-insensitive part of the symbol, or "portfolio") is applied here.

"Export CSV…" writes the rows shown, one event per line, in a machine-readable form (ISO timestamp, codes,
dot decimals): ``timestamp, kind, severity, asset, metric, value, threshold, rule``. The file writer is
injected (app.py passes the atomic writer of the CSV adapter); the default here writes via a temporary
sibling file and a rename, with the standard library only.

A second page, "Deliveries", holds the remote channels' delivery log (views/delivery_log_view.py).
"""

from __future__ import annotations

import csv
import io
import logging
import os
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from riskwatch.domain.alerts import AlertEvent, EventKind, Severity
from riskwatch.domain.errors import RiskWatchError
from riskwatch.gui.alert_table import alert_table, table_item
from riskwatch.gui.alert_text import AlertText, arg, local_datetime_text, long_year_date_format
from riskwatch.gui.as_of_text import AsOfText
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.delivery_log_view import DeliveryLogView

log = logging.getLogger(__name__)

CSV_HEADER = ("timestamp", "kind", "severity", "asset", "metric", "value", "threshold", "rule")
COL_TIME, COL_DATA, COL_KIND, COL_SEVERITY, COL_ASSET, COL_METRIC, COL_VALUE, COL_THRESHOLD, COL_RULE = range(9)
COLUMN_COUNT = 9
#: At most this many events are loaded at once (the newest).
MAX_ROWS = 10_000

WriteText = Callable[[Path, str], None]


def write_text_file(path: Path, text: str) -> None:
    """Default writer: UTF-8 via a temporary sibling and a rename, so a failure never leaves half a file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _num(value: float | None) -> str:
    return "" if value is None else f"{float(value):.12g}"


def events_to_csv(events: Sequence[AlertEvent]) -> str:
    """The export text: a header line and one line per event (ISO timestamps in UTC, codes, dot decimals)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for e in events:
        writer.writerow((e.ts.astimezone(UTC).isoformat(), EventKind(e.kind).value, Severity(e.severity).value,
                         e.member, e.metric, _num(e.value), _num(e.threshold), e.rule_name))
    return buf.getvalue()


def _day_start_utc(day: QDate) -> datetime:
    """Local midnight at the start of ``day`` as an aware UTC datetime."""
    msecs = QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch()
    return datetime.fromtimestamp(msecs / 1000, tz=UTC)


class AlertHistoryView(Retranslatable, QWidget):
    """The "Alarmverlauf" tab. ``service``: has ``history(**filters)``; ``write_text(path, text)`` writes the export."""

    #: A short confirmation for the status bar (exports).
    status_message = Signal(str)

    def __init__(self, service, *, write_text: WriteText | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._ops = None         # OpRunner: with one, the history is read in a worker (set_ops)
        self._reads = 0          # generation of the newest read: an older answer arriving late is dropped
        self._write_text: WriteText = write_text or write_text_file
        self._text = AlertText(self)
        self._as_of = AsOfText(self)
        self._events: list[AlertEvent] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(100)
        self._refresh_timer.timeout.connect(self.refresh)

        self.severity_filter = QComboBox()
        self.severity_filter.addItem("", None)
        for sev in Severity:
            self.severity_filter.addItem("", sev.value)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("", None)
        for kind in EventKind:
            self.kind_filter.addItem("", kind.value)
        self.asset_filter = QLineEdit()
        self.asset_filter.setClearButtonEnabled(True)
        today = QDate.currentDate()
        self.from_check = QCheckBox()
        self.from_date = QDateEdit(today.addDays(-30))
        self.to_check = QCheckBox()
        self.to_date = QDateEdit(today)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.schedule_refresh)
            edit.dateChanged.connect(self.schedule_refresh)
        self.severity_filter.currentIndexChanged.connect(self.schedule_refresh)
        self.kind_filter.currentIndexChanged.connect(self.schedule_refresh)
        self.asset_filter.textChanged.connect(self.schedule_refresh)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_filters)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_csv())

        self.severity_label = QLabel()
        self.kind_label = QLabel()
        self.asset_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.severity_label)
        filters.addWidget(self.severity_filter)
        filters.addWidget(self.kind_label)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.asset_label)
        filters.addWidget(self.asset_filter)
        filters.addWidget(self.from_check)
        filters.addWidget(self.from_date)
        filters.addWidget(self.to_check)
        filters.addWidget(self.to_date)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)

        self.table = alert_table(COLUMN_COUNT)

        self.count_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        events_page = QWidget()
        layout = QVBoxLayout(events_page)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.deliveries = DeliveryLogView()
        self.pages = QTabWidget()
        self.pages.addTab(events_page, "")
        self.pages.addTab(self.deliveries, "")
        self.pages.currentChanged.connect(self._on_pages_current_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.retranslate()
        self.refresh()

    # -- text ---------------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Data as of"), self.tr("Event"), self.tr("Severity"), self.tr("Asset"), self.tr("Metric"),
                self.tr("Value"), self.tr("Threshold"), self.tr("Rule")]

    def retranslate(self) -> None:
        t = self._text
        self.severity_label.setText(self.tr("Severity:"))
        self.kind_label.setText(self.tr("Event:"))
        self.asset_label.setText(self.tr("Asset:"))
        self.severity_filter.setItemText(0, self.tr("All"))
        for i, sev in enumerate(Severity, start=1):
            self.severity_filter.setItemText(i, t.severity(sev))
        self.kind_filter.setItemText(0, self.tr("All"))
        for i, kind in enumerate(EventKind, start=1):
            self.kind_filter.setItemText(i, t.kind(kind))
        self.asset_filter.setPlaceholderText(self.tr("e.g. BTC"))
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        date_format = long_year_date_format()
        for edit in (self.from_date, self.to_date):
            edit.setDisplayFormat(date_format)
        self.reset_button.setText(self.tr("Reset filters"))
        self.pages.setTabText(0, self.tr("Events"))
        self.pages.setTabText(1, self.tr("Deliveries"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.table.setHorizontalHeaderLabels(self.headers())
        for col, tip in ((COL_TIME, self.tr("When the event happened")),
                         (COL_DATA, self.tr("The as-of time of the data behind the value"))):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        self._fill()

    # -- filters ------------------------------------------------------------------------------------
    def filters(self) -> dict:
        """The keyword arguments for ``service.history`` of the current filter settings."""
        f: dict = {"newest_first": True, "limit": MAX_ROWS}
        if self.severity_filter.currentData() is not None:
            f["severity"] = Severity(self.severity_filter.currentData())
        if self.kind_filter.currentData() is not None:
            f["kind"] = EventKind(self.kind_filter.currentData())
        if self.from_check.isChecked():
            f["since"] = _day_start_utc(self.from_date.date())
        if self.to_check.isChecked():  # inclusive: up to the last millisecond of the day
            f["until"] = datetime.fromtimestamp(
                (QDateTime(self.to_date.date().addDays(1), QTime(0, 0)).toMSecsSinceEpoch() - 1) / 1000, tz=UTC)
        return f

    def set_date_range(self, first: QDate | None, last: QDate | None) -> None:
        """Filter to ``first`` … ``last`` (local calendar days, inclusive); None leaves that end open."""
        for check, edit, day in ((self.from_check, self.from_date, first), (self.to_check, self.to_date, last)):
            if day is not None:
                edit.setDate(day)
            check.setChecked(day is not None)

    @Slot()
    def reset_filters(self) -> None:
        for w in (self.severity_filter, self.kind_filter, self.asset_filter, self.from_check, self.to_check):
            w.blockSignals(True)
        try:
            self.severity_filter.setCurrentIndex(0)
            self.kind_filter.setCurrentIndex(0)
            self.asset_filter.clear()
            self.from_check.setChecked(False)
            self.to_check.setChecked(False)
            self.from_date.setEnabled(False)
            self.to_date.setEnabled(False)
        finally:
            for w in (self.severity_filter, self.kind_filter, self.asset_filter, self.from_check, self.to_check):
                w.blockSignals(False)
        self.refresh()

    def _matches_asset(self, event: AlertEvent) -> bool:
        needle = self.asset_filter.text().strip().casefold()
        if not needle:
            return True
        return needle in event.member.casefold() or needle in self._text.member(event.member).casefold()

    # -- data ---------------------------------------------------------------------------------------
    def events(self) -> list[AlertEvent]:
        """The events shown (filtered, newest first)."""
        return list(self._events)

    def schedule_refresh(self, *_args) -> None:
        """Coalesce refreshes (filter typing, bursts of alert events): one reload 100 ms after the last call."""
        self._refresh_timer.start()

    def set_service(self, service) -> None:
        """Show another alert service's history (the replay's, then the live one again)."""
        self._service = service
        self.schedule_refresh()

    def set_delivery_log(self, source) -> None:
        """Show the delivery log of ``source(limit)`` (``DeliveryService.log``), read through the ops."""
        self.deliveries.set_source(source, self._ops)

    def _on_pages_current_changed(self, index: int) -> None:
        if self.pages.widget(index) is self.deliveries:
            self.deliveries.refresh()

    def set_ops(self, ops) -> None:
        """Read the history off the GUI thread through ``ops`` (an OpRunner) from now on."""
        self._ops = ops

    @Slot()
    def refresh(self) -> None:
        self._refresh_timer.stop()
        self._reads += 1
        if self._ops is None:
            try:
                events = self._service.history(**self.filters())
            except RiskWatchError as exc:
                self._on_read_failed(exc)
                return
            self._on_read(events)
            return
        service, filters, generation = self._service, self.filters(), self._reads
        self._ops.query(self, lambda: service.history(**filters),
                        lambda events: generation == self._reads and self._on_read(events),
                        failure=lambda exc: generation == self._reads and self._on_read_failed(exc))

    def _on_read(self, events) -> None:
        self._events = [e for e in events if self._matches_asset(e)]
        self._fill()

    def _on_read_failed(self, exc: BaseException) -> None:
        log.error("cannot load the alert history: %s", exc)
        self.count_label.setText(arg(self.tr("The alert history could not be loaded: %1"), exc))

    def _fill(self) -> None:
        t = self._text
        self.table.setUpdatesEnabled(False)
        try:
            self.table.setRowCount(len(self._events))
            for row, e in enumerate(self._events):
                cells = (local_datetime_text(e.ts, seconds=True), self._as_of.moment(e.data_as_of),
                         t.event_kind(e), t.severity(e.severity),
                         t.member(e.member), t.metric(e.metric), t.value(e.metric, e.value),
                         t.value(e.metric, e.threshold), t.rule_name(e.rule_name))
                for col, text in enumerate(cells):
                    item = table_item(text, number=col in (COL_VALUE, COL_THRESHOLD),
                                      severity=e.severity if col == COL_SEVERITY else None)
                    if col == COL_KIND and e.previous_severity is not None:
                        item.setToolTip(arg(self.tr("%1 → %2"), t.severity(e.previous_severity),
                                            t.severity(e.severity)))
                    self.table.setItem(row, col, item)
        finally:
            self.table.setUpdatesEnabled(True)
        n = len(self._events)
        self.count_label.setText(self.tr("%n event(s)", "", n))
        self.export_button.setEnabled(n > 0)

    # -- export -------------------------------------------------------------------------------------
    def export_csv(self, path: str | Path | None = None) -> bool:
        """Write the filtered rows to a CSV file (asks for the file when ``path`` is None)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export alert history"), "alert-history.csv",
                                                  self.tr("CSV (*.csv)"))
            if not path:
                return False
        try:
            self._write_text(Path(path), events_to_csv(self._events))
        except (RiskWatchError, OSError) as exc:
            QMessageBox.critical(self, self.tr("Export failed"), str(exc))
            return False
        self.status_message.emit(self.tr("Exported %n alert event(s).", "", len(self._events)))
        return True

    # -- the slot for AlertBridge.alerts_raised ------------------------------------------------------------
    @Slot(object)
    def show_events(self, _events) -> None:
        """New events were stored: reload (coalesced); their deliveries are queued with them."""
        self.schedule_refresh()
        self.deliveries.refresh()


__all__ = ["AlertHistoryView", "CSV_HEADER", "MAX_ROWS", "events_to_csv", "write_text_file"]
