"""Settings: exchange, base currency, refresh interval, language, notifications, start at login, remote channels."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QSpinBox, QVBoxLayout)

from riskwatch.domain.errors import RiskWatchError
from riskwatch.gui.theme import theme
from riskwatch.services.settings import EXCHANGES, MAX_REFRESH_S, MIN_REFRESH_S, AppSettings

_EXCHANGE_NAMES = {"kraken": "Kraken", "binance": "Binance", "coinbase": "Coinbase", "bitstamp": "Bitstamp"}


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent=None, *, channels=None, ops=None, language: str = "en",
                 autostart=None):
        """``channels``: app.py's ChannelAdmin (with ``ops``, the OpRunner): adds the "Notifications" section;
        ``language``: the UI language of the command line's texts it shows; ``autostart``: the desktop
        integration (adapters/desktop_entry.py): adds "Start at login", which shows and changes whether its
        autostart file (Run key, LaunchAgent) exists. That is no AppSettings field: the file is the truth."""
        super().__init__(parent)
        self._autostart = autostart
        self.setWindowTitle(self.tr("Settings"))
        self.exchange = QComboBox()
        for ex in EXCHANGES:
            self.exchange.addItem(_EXCHANGE_NAMES[ex], ex)
        self.api_url = QLineEdit()
        self.api_url.setPlaceholderText(self.tr("default endpoint of the exchange"))
        self.base_currency = QComboBox()
        self.base_currency.addItem(self.tr("US dollar (USD)"), "USD")
        self.base_currency.addItem(self.tr("Euro (EUR)"), "EUR")
        self.refresh = QSpinBox()
        self.refresh.setRange(MIN_REFRESH_S, MAX_REFRESH_S)
        self.refresh.setSuffix(self.tr(" s"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(0, 24 * 60)
        self.sync_interval.setSuffix(self.tr(" min"))
        self.sync_interval.setSpecialValueText(self.tr("off"))
        self.sync_interval.setToolTip(self.tr("Compare the exchange account's balances with your positions "
                                              "periodically and propose the differences; nothing is changed "
                                              "without your confirmation."))
        self.tray = QCheckBox(self.tr("Show a notification for warnings and critical alerts"))
        self.sound = QCheckBox(self.tr("Play a sound for warnings and critical alerts"))
        self.close_to_tray = QCheckBox(self.tr("Keep running in the tray when closed"))
        self.close_to_tray.setToolTip(self.tr("Closing the window keeps monitoring in the tray (where the desktop "
                                              "has one); quit from the tray menu or with Ctrl+Q."))
        self.start_at_login = None
        if autostart is not None:
            self.start_at_login = QCheckBox(self.tr("Start at login"))
            self.start_at_login.setToolTip(self.tr("RiskWatch starts when you log in to the desktop, so it is "
                                                   "watching even when you forgot to start it."))
            self.start_at_login.setChecked(autostart.autostart_enabled())
        self.reminder = QSpinBox()
        self.reminder.setRange(0, 24 * 60)
        self.reminder.setSuffix(self.tr(" min"))
        self.reminder.setSpecialValueText(self.tr("never"))
        self.reminder.setToolTip(self.tr("An unacknowledged critical alert is sent to the remote channels again "
                                         "this often (never for warnings or info)."))
        self.note = QLabel(self.tr("The language changes at once; no restart needed."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet(theme().text_style(theme().muted))

        form = QFormLayout()
        form.addRow(self.tr("Exchange"), self.exchange)
        form.addRow(self.tr("Exchange endpoint"), self.api_url)
        form.addRow(self.tr("Base currency"), self.base_currency)
        form.addRow(self.tr("Refresh interval"), self.refresh)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Sync from exchange every"), self.sync_interval)
        form.addRow("", self.tray)
        form.addRow("", self.sound)
        form.addRow("", self.close_to_tray)
        if self.start_at_login is not None:
            form.addRow("", self.start_at_login)
        form.addRow(self.tr("Remind of open critical alerts every"), self.reminder)
        self.channels = None
        if channels is not None and ops is not None:
            from riskwatch.gui.dialogs.channels_section import ChannelsSection

            self.channels = ChannelsSection(channels, ops, language, self)
        self.error = QLabel()
        self.error.setStyleSheet(theme().text_style(theme().negative))
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.channels is not None:
            layout.addWidget(self.channels)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._initial = settings
        self._load(settings)
        self._result: AppSettings | None = None

    def _load(self, s: AppSettings) -> None:
        self.exchange.setCurrentIndex(max(0, self.exchange.findData(s.exchange)))
        self.api_url.setText(s.exchange_api_url)
        self.base_currency.setCurrentIndex(max(0, self.base_currency.findData(s.base_currency)))
        self.refresh.setValue(s.refresh_interval_s)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.tray.setChecked(s.tray_notifications)
        self.sound.setChecked(s.alert_sound)
        self.close_to_tray.setChecked(s.close_to_tray)
        self.sync_interval.setValue(s.account_sync_interval_min)
        self.reminder.setValue(s.reminder_minutes)

    def settings(self) -> AppSettings:
        return AppSettings(exchange=self.exchange.currentData(), exchange_api_url=self.api_url.text().strip(),
                           base_currency=self.base_currency.currentData(), refresh_interval_s=self.refresh.value(),
                           language=self.language.currentData(), tray_notifications=self.tray.isChecked(),
                           alert_sound=self.sound.isChecked(),
                           account_sync_interval_min=self.sync_interval.value(),
                           close_to_tray=self.close_to_tray.isChecked(), reminder_minutes=self.reminder.value(),
                           tray_hint_shown=self._initial.tray_hint_shown)

    def result_settings(self) -> AppSettings | None:
        return self._result

    def accept(self) -> None:
        s = self.settings()
        if s.validate():
            self.error.setText(self.tr("The exchange endpoint must start with http:// or https://."))
            self.error.show()
            return
        if not self._apply_start_at_login():
            return
        self._result = s
        super().accept()

    def _apply_start_at_login(self) -> bool:
        """Write or remove the autostart file when the box changed; False (and the reason shown) when that failed."""
        box = self.start_at_login
        if box is None or box.isChecked() == self._autostart.autostart_enabled():
            return True
        try:
            self._autostart.set_autostart(box.isChecked())
        except (OSError, RiskWatchError) as exc:
            self.error.setText(self.tr("Start at login could not be changed: %1").replace("%1", str(exc)))
            self.error.show()
            return False
        return True
