"""The alert window ("Alarmfenster"): active alerts, acknowledge, snooze; pops up for warnings and critical alerts.

A non-modal top-level window that stays on top. It lists the active alerts (acknowledged and snoozed ones
too, greyed, with their state), most severe first and newest first within a severity. ``show_events`` is
the slot for ``AlertBridge.alerts_raised``: every batch refreshes the list; a batch that fires, escalates or
ends the snooze of a *warning* or *critical* alert that still needs attention also shows, raises and
activates the window and – if switched on – shows a tray message and beeps. Info alerts only refresh the list.

A row shows when the alert was raised and how old the data behind its value is ("Daten veraltet seit …").

Acknowledge and snooze go through the injected service (``AlertService`` or anything with
``active_alerts()``, ``alerts_needing_attention()``, ``acknowledge(key)`` and ``snooze(key, duration)``), which
persists them. They are small SQLite writes done on the GUI thread; :meth:`AlertWindow._apply` is the one
place that performs them, so it can move to a worker later. The alert state is read in a worker (set_ops).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QStyle, QSystemTrayIcon, QVBoxLayout, QWidget)

from riskwatch.domain.alerts import AlertEvent, AlertRecord, Severity
from riskwatch.domain.errors import RiskWatchError
from riskwatch.gui.alert_table import alert_table, table_item
from riskwatch.gui.alert_text import AlertText, arg, local_datetime_text
from riskwatch.gui.as_of_text import AsOfText
from riskwatch.gui.latest_read import LatestRead
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.services.alert_policy import POPUP_KINDS, decide_popup, needs_popup
from riskwatch.services.alerting import SNOOZE_CHOICES

log = logging.getLogger(__name__)

COL_SEVERITY, COL_ASSET, COL_METRIC, COL_VALUE, COL_THRESHOLD, COL_TIME, COL_DATA, COL_STATE = range(8)
COLUMN_COUNT = 8
SNOOZE_HOUR, SNOOZE_DAY = SNOOZE_CHOICES
_KEY_ROLE = Qt.ItemDataRole.UserRole
#: The main window's quit shortcut (MainWindow.action_quit).
QUIT_KEYS = "Ctrl+Q"


class AlertWindow(Retranslatable, QWidget):
    """The Alarmfenster. ``service``: AlertService-like; ``tray``: a QSystemTrayIcon to use (else one is made
    when a tray is available); ``notify_tray`` / ``play_sound``: the two notification switches."""

    #: Number of alerts needing attention, after every refresh (for a status bar or tray tooltip).
    attention_count_changed = Signal(int)
    #: tuple[AlertEvent, ...] that made the window pop up (emitted after show / raise / activate).
    alerts_shown = Signal(object)

    def __init__(self, service, *, tray: QSystemTrayIcon | None = None, notify_tray: bool = True,
                 play_sound: bool = True, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("alertWindow")
        self._service = service
        self._tray = tray
        self._tray_connected = False
        self.notify_tray = bool(notify_tray)
        self.play_sound = bool(play_sound)
        self._text = AlertText(self)
        self._as_of = AsOfText(self)
        self._reads = LatestRead(self)  # the alert state, in a worker once set_ops gave an OpRunner
        self._records: list[AlertRecord] = []
        self._attention: set[str] = set()
        self._last_count: int | None = None
        #: time.perf_counter() right after the latest pop-up (show / raise / activate); for the latency benchmark.
        self.last_popup_perf: float | None = None

        self.summary_label = QLabel()
        self.summary_label.setObjectName("alertSummary")
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)

        self.table = alert_table(COLUMN_COUNT, alternating_rows=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()  # the metric elides (tooltip), the state is never cut
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_METRIC, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)

        self.status_label = QLabel()
        self.status_label.setObjectName("alertStatus")
        self.acknowledge_button = QPushButton()
        self.acknowledge_all_button = QPushButton()
        self.acknowledge_all_button.setObjectName("acknowledgeAll")
        self.acknowledge_all_button.clicked.connect(self.acknowledge_all)
        self.snooze_hour_button = QPushButton()
        self.snooze_day_button = QPushButton()
        self.close_button = QPushButton()
        self.acknowledge_button.setDefault(True)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.snooze_hour_button.clicked.connect(lambda: self.snooze_selected(SNOOZE_HOUR))
        self.snooze_day_button.clicked.connect(lambda: self.snooze_selected(SNOOZE_DAY))
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        #: Ctrl+Q quits the application from here too, through the main window's own quit action.
        self.quit_shortcut = QShortcut(QKeySequence(QUIT_KEYS), self, self._on_quit_shortcut_activated)

        buttons = QHBoxLayout()
        for b in (self.acknowledge_button, self.acknowledge_all_button, self.snooze_hour_button,
                  self.snooze_day_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.retranslate()
        self.resize(1080, 340)  # two time columns and the metric beside them, on a 1280-pixel screen

    # -- text ---------------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Severity"), self.tr("Asset"), self.tr("Metric"), self.tr("Value"), self.tr("Threshold"),
                self.tr("Raised"), self.tr("Data as of"), self.tr("State")]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Alert window – RiskWatch"))
        self.table.setHorizontalHeaderLabels(self.headers())
        for col, tip in ((COL_TIME, self.tr("When the alert was raised or last changed its level")),
                         (COL_DATA, self.tr("The as-of time of the data behind the value"))):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        self.acknowledge_button.setText(self.tr("&Acknowledge"))
        self.acknowledge_button.setToolTip(self.tr("Confirm that you have seen the selected alerts"))
        self.acknowledge_all_button.setText(self.tr("Acknowledge a&ll"))
        self.acknowledge_all_button.setToolTip(self.tr("Confirm that you have seen every listed alert"))
        self.snooze_hour_button.setText(self.tr("Snooze for 1 &hour"))
        self.snooze_day_button.setText(self.tr("Snooze for 1 &day"))
        self.close_button.setText(self.tr("&Close"))
        self.status_label.clear()
        self._fill()

    # -- notification switches ------------------------------------------------------------------------------
    def set_notifications(self, *, tray: bool | None = None, sound: bool | None = None) -> None:
        """Switch the tray message and the sound on or off (settings dialog)."""
        if tray is not None:
            self.notify_tray = bool(tray)
        if sound is not None:
            self.play_sound = bool(sound)

    # -- data -----------------------------------------------------------------------------------------------
    def records(self) -> list[AlertRecord]:
        """The listed alerts in display order."""
        return list(self._records)

    def attention_count(self) -> int:
        return len(self._attention)

    def set_service(self, service) -> None:
        """Act on and show another alert service (the replay's, then the live one again)."""
        self._service = service

    def set_ops(self, ops) -> None:
        """Read the alert state off the GUI thread through ``ops`` (an OpRunner) from now on."""
        self._reads.ops = ops

    @Slot()
    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Reload the active alerts from the service, keeping the selection; ``then`` runs once they are shown."""
        service = self._service

        def read():
            return list(service.active_alerts()), {r.alert_key for r in service.alerts_needing_attention()}

        self._reads.run(read, self._on_read, self._on_read_failed, then)

    def _on_read_failed(self, exc: BaseException) -> None:
        log.error("cannot load the active alerts: %s", exc)
        self.status_label.setText(arg(self.tr("The alerts could not be loaded: %1"), exc))

    def _on_read(self, loaded) -> None:
        records, attention = loaded
        records.sort(key=lambda r: (-Severity(r.severity).rank, -r.changed_at.timestamp(), r.alert_key))
        selected = set(self.selected_keys())
        self._records, self._attention = records, attention
        self._fill(selected)
        if self._last_count != len(attention):
            self._last_count = len(attention)
            self.attention_count_changed.emit(len(attention))

    def _fill(self, selected: set[str] | None = None) -> None:
        if selected is None:
            selected = set(self.selected_keys())
        t = self._text
        table = self.table
        table.blockSignals(True)
        try:
            table.clearSelection()
            table.setRowCount(len(self._records))
            for row, r in enumerate(self._records):
                muted = r.alert_key not in self._attention
                cells = (t.severity(r.severity), t.member(r.member), t.metric(r.metric),
                         t.value(r.metric, r.last_value), t.value(r.metric, r.threshold),
                         local_datetime_text(r.changed_at), self._as_of.moment(r.data_as_of), self._state_text(r))
                for col, text in enumerate(cells):
                    item = table_item(text, number=col in (COL_VALUE, COL_THRESHOLD),
                                      severity=r.severity if col == COL_SEVERITY else None)
                    item.setData(_KEY_ROLE, r.alert_key)
                    if col == COL_SEVERITY:
                        if Severity(r.severity) is Severity.CRITICAL:
                            bold = QFont(item.font())
                            bold.setBold(True)
                            item.setFont(bold)
                    elif muted:
                        item.setForeground(QBrush(QColor(theme().muted)))
                    if col == COL_METRIC:
                        item.setToolTip(f"{text}\n{self._text.rule_name(r.rule_name)}")
                    if r.stale_since is not None and col in (COL_VALUE, COL_DATA, COL_STATE):
                        item.setToolTip(arg(self.tr("The data behind this alert is stale since %1: it stays open, "
                                                    "and it neither escalates nor resolves until current data "
                                                    "arrives."), self._as_of.moment(r.stale_since)))
                        if col != COL_STATE:
                            item.setForeground(QBrush(QColor(theme().muted)))
                    table.setItem(row, col, item)
            rows = [i for i, r in enumerate(self._records) if r.alert_key in selected]
            if not rows:  # preselect the most severe alert that needs attention, so "Acknowledge" is one click
                rows = [i for i, r in enumerate(self._records) if r.alert_key in self._attention][:1]
            for row in rows:
                self._add_row_to_selection(row)
        finally:
            table.blockSignals(False)
        n = len(self._attention)
        self.summary_label.setText(self.tr("%n alert(s) need attention.", "", n) if n
                                   else self.tr("No alert needs attention."))
        self._update_buttons()

    def _add_row_to_selection(self, row: int) -> None:
        model = self.table.model()
        self.table.selectionModel().select(
            model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    def _state_text(self, r: AlertRecord) -> str:
        if r.acknowledged:
            state = arg(self.tr("Acknowledged %1"), local_datetime_text(r.acknowledged_at))
        elif r.alert_key not in self._attention and r.snoozed_until is not None:
            state = arg(self.tr("Snoozed until %1"), local_datetime_text(r.snoozed_until))
        else:
            state = self.tr("Open")
        if r.stale_since is not None:
            state += " · " + arg(self.tr("data stale since %1"), self._as_of.moment(r.stale_since))
        return state

    def selected_keys(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._records[r].alert_key for r in rows if 0 <= r < len(self._records)]

    def select_alert(self, alert_key: str) -> bool:
        for row, r in enumerate(self._records):
            if r.alert_key == alert_key:
                self.table.clearSelection()
                self._add_row_to_selection(row)
                return True
        return False

    def _open_selected(self) -> list[str]:
        """Selected alerts that are not acknowledged (only those can be acknowledged or snoozed)."""
        by_key = {r.alert_key: r for r in self._records}
        return [k for k in self.selected_keys() if k in by_key and not by_key[k].acknowledged]

    def _update_buttons(self) -> None:
        can = bool(self._open_selected())
        for b in (self.acknowledge_button, self.snooze_hour_button, self.snooze_day_button):
            b.setEnabled(can)
        self.acknowledge_all_button.setEnabled(bool(self._unacknowledged()))

    def _unacknowledged(self) -> list[str]:
        return [r.alert_key for r in self._records if not r.acknowledged]

    # -- actions ------------------------------------------------------------------------------------------
    @Slot()
    def acknowledge_selected(self) -> int:
        """Acknowledge the selected alerts; returns how many were acknowledged."""
        return self.acknowledge(self._open_selected())

    @Slot()
    def acknowledge_all(self) -> int:
        """Acknowledge every listed alert that is not acknowledged yet (snoozed ones too)."""
        return self.acknowledge(self._unacknowledged())

    def snooze_selected(self, duration: timedelta) -> int:
        return self.snooze(self._open_selected(), duration)

    def acknowledge(self, keys: Iterable[str]) -> int:
        events = self._apply(lambda key: self._service.acknowledge(key), keys)
        if events:
            self.status_label.setText(self.tr("%n alert(s) acknowledged.", "", len(events)))
        return len(events)

    def snooze(self, keys: Iterable[str], duration: timedelta) -> int:
        events = self._apply(lambda key: self._service.snooze(key, duration), keys)
        if events:
            until = events[-1].params.get("until")
            when = local_datetime_text(datetime.fromisoformat(str(until))) if until else ""
            self.status_label.setText(arg(self.tr("%n alert(s) snoozed until %1.", "", len(events)), when))
        return len(events)

    def _apply(self, action: Callable[[str], AlertEvent | None], keys: Iterable[str]) -> list[AlertEvent]:
        """Run one persisting service action per alert key, then refresh. The only place that writes.

        Small SQLite writes on the GUI thread for now; move this to a worker (QueryOp style) if they grow.
        """
        events: list[AlertEvent] = []
        for key in list(keys):
            try:
                event = action(key)
            except (RiskWatchError, ValueError) as exc:
                log.error("alert action on %s failed: %s", key, exc)
                QMessageBox.warning(self, self.tr("Not saved"), str(exc))
                break
            if event is not None:
                events.append(event)
        self.refresh()
        return events

    # -- the slot for AlertBridge.alerts_raised -----------------------------------------------------------------
    @Slot(object)
    def show_events(self, events: Sequence[AlertEvent]) -> None:
        """New events were stored: refresh and select the most severe, newest new alert; pop up (and notify)
        for warning / critical alerts."""
        self.refresh(lambda: self._pop_up(events))

    def _pop_up(self, events: Sequence[AlertEvent]) -> None:
        # the policy is decided in services (alert_policy); the window only carries it out
        decision = decide_popup(events, self._attention, (r.alert_key for r in self._records),
                                notify_tray=self.notify_tray, play_sound=self.play_sound)
        if decision.select is not None:
            self.select_alert(decision.select)
        urgent = decision.urgent
        if not urgent:
            return
        if self.isMinimized():
            self.showNormal()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.last_popup_perf = time.perf_counter()
        self._notify(urgent, sound=decision.sound, tray=decision.tray)
        self.alerts_shown.emit(urgent)

    def _notify(self, events: Sequence[AlertEvent], *, sound: bool, tray: bool) -> None:
        if sound:
            QApplication.beep()
        if not tray or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        title, text, critical = self._text.tray_message(events)
        icon = QSystemTrayIcon.MessageIcon.Critical if critical else QSystemTrayIcon.MessageIcon.Warning
        self._tray_icon().showMessage(title, text, icon, 15000)

    def _tray_icon(self) -> QSystemTrayIcon:
        if self._tray is None:
            icon = QApplication.windowIcon()
            if icon.isNull():
                icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.show()
        if not self._tray_connected and hasattr(self._tray, "messageClicked"):
            self._tray.messageClicked.connect(self._on_tray_message_clicked)
            self._tray_connected = True
        return self._tray

    # -- slots --------------------------------------------------------------------------------------------
    @Slot()
    def _on_tray_message_clicked(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    @Slot()
    def _on_quit_shortcut_activated(self) -> None:
        """Quit as the main window's File > Quit does (it saves the layout and stops the workers); without a
        main window, close every window."""
        owner = self.parentWidget()
        keys = QKeySequence(QUIT_KEYS)
        action = next((a for a in owner.window().findChildren(QAction) if a.shortcut() == keys),
                      None) if owner is not None else None
        if action is not None:
            action.trigger()
        else:
            QApplication.closeAllWindows()

    @Slot()
    def _on_table_item_selection_changed(self) -> None:
        self._update_buttons()


__all__ = ["AlertWindow", "POPUP_KINDS", "SNOOZE_DAY", "SNOOZE_HOUR", "needs_popup"]
