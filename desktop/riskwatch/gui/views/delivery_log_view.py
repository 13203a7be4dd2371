"""The delivery log beside the alert events: every row of the outbox, newest first (time, channel, kind, alert,
status, error code), so a message that did not reach the phone can be seen and its reason read.

``source``: a function returning the rows (``DeliveryService.log``); it is read off the GUI thread through the
OpRunner. Until the delivery runs (or without any channel) the view says so.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from riskwatch.gui.alert_table import alert_table, table_item
from riskwatch.gui.alert_text import AlertText, local_datetime_text
from riskwatch.gui.translation import Retranslatable

log = logging.getLogger(__name__)

COL_TIME, COL_CHANNEL, COL_KIND, COL_ALERT, COL_STATUS, COL_ERROR = range(6)
MAX_ROWS = 500


class DeliveryLogView(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._source = None
        self._ops = None
        self._reads = 0
        self._items: list = []
        self._text = AlertText(self)
        self.table = alert_table(6)
        self.count_label = QLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count_label)
        self.retranslate()

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Channel"), self.tr("Kind"), self.tr("Alert"), self.tr("Status"),
                self.tr("Error")]

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(self.headers())
        self._fill()

    def set_source(self, source, ops=None) -> None:
        """Read the log from ``source()`` (through ``ops``, an OpRunner, off the GUI thread) from now on."""
        self._source, self._ops = source, ops
        self.refresh()

    def items(self) -> list:
        return list(self._items)

    @Slot()
    def refresh(self) -> None:
        if self._source is None:
            self._fill()
            return
        self._reads += 1
        source, generation = self._source, self._reads
        if self._ops is None:
            self._on_read(source(MAX_ROWS))
            return
        self._ops.query(self, lambda: source(MAX_ROWS), lambda rows: generation == self._reads and self._on_read(rows),
                        failure=lambda exc: generation == self._reads and self._on_read_failed(exc))

    def _on_read(self, rows) -> None:
        self._items = list(rows)
        self._fill()

    def _on_read_failed(self, exc: BaseException) -> None:
        log.error("cannot load the delivery log: %s", exc)
        self.count_label.setText(self.tr("The delivery log could not be loaded: %1").replace("%1", str(exc)))

    def kind_text(self, kind) -> str:
        return {"event": self.tr("alert"), "reminder": self.tr("reminder"), "test": self.tr("test")}.get(
            str(kind), str(kind))

    def status_text(self, item) -> str:
        status = str(item.status)
        if status == "sent":
            return self.tr("sent")
        if status == "failed":
            return self.tr("failed")
        return self.tr("retrying") if item.last_error else self.tr("waiting")

    def _alert_text(self, item) -> str:
        p = item.payload
        if not p.get("metric"):
            return ""
        return f"{self._text.member(str(p.get('member', '')))} · {self._text.metric(str(p.get('metric')))}"

    def _fill(self) -> None:
        self.table.setRowCount(len(self._items))
        for row, it in enumerate(self._items):
            when = it.sent_at or it.failed_at or it.created_at
            cells = (local_datetime_text(when, seconds=True), it.channel, self.kind_text(it.kind),
                     self._alert_text(it), self.status_text(it), it.last_error or "")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, table_item(text))
        if self._source is None:
            self.count_label.setText(self.tr("Remote delivery has not started."))
        else:
            self.count_label.setText(self.tr("%n message(s)", "", len(self._items)))


__all__ = ["DeliveryLogView"]
