"""The "Notifications" section of the settings dialog: the remote channels (ntfy, webhook, e-mail), adding one
(its token or password goes to the keyring only), removing one (with its secret) and "Send test".

Every store, keyring and network call runs off the GUI thread through the OpRunner; ``admin`` is app.py's
``ChannelAdmin`` (the checks of ``riskwatch channels``). Nothing is saved when an input is wrong: the field and
what was expected are named instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from riskwatch.domain.errors import InputError, RiskWatchError
from riskwatch.gui.alert_text import AlertText, local_datetime_text
from riskwatch.gui.theme import theme

KINDS = ("ntfy", "webhook", "email")
SEVERITIES = ("info", "warning", "critical")
COL_NAME, COL_KIND, COL_TARGET, COL_MIN, COL_STATUS = range(5)


class ChannelsSection(QGroupBox):
    """``admin``: list/add/remove/send_test of the channels; ``ops``: the OpRunner; ``language``: "de"/"en" for
    the reasons the command line's texts give."""

    def __init__(self, admin, ops, language: str = "en", parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Notifications"))
        self._admin, self._ops, self._lang = admin, ops, language
        self._text = AlertText(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Target"),
                                              self.tr("Minimum severity"), self.tr("Last delivery")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in (COL_NAME, COL_KIND, COL_MIN, COL_STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(110)
        self.kind = QComboBox()
        for k, label in zip(KINDS, ("ntfy", self.tr("Webhook (JSON)"), self.tr("E-mail (SMTP)")), strict=True):
            self.kind.addItem(label, k)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("optional; default: the kind"))
        self.url = QLineEdit()
        self.to_addr = QLineEdit()
        self.to_addr.setPlaceholderText("me@example.org")
        self.min_severity = QComboBox()
        for sev in SEVERITIES:
            self.min_severity.addItem(self._text.severity(sev), sev)
        self.min_severity.setCurrentIndex(1)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setToolTip(self.tr("Stored in the system keyring only, never in the data folder."))
        self.add_button = QPushButton(self.tr("Add channel"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.test_button = QPushButton(self.tr("Send test"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.add_button.clicked.connect(self.add_channel)
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button.clicked.connect(self.send_test)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("URL"), self.url)
        form.addRow(self.tr("Recipient"), self.to_addr)
        form.addRow(self.tr("Minimum severity"), self.min_severity)
        form.addRow(self.tr("Token or password"), self.secret)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.test_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        self._rows: list = []
        self._on_kind_current_index_changed()
        self._update_buttons()
        self.reload()

    # -- reading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        admin = self._admin
        self._ops.query(self, admin.rows, self._show_rows, failure=self._show_failure)

    def channel_names(self) -> list[str]:
        return [r.channel.name for r in self._rows]

    def _show_rows(self, rows) -> None:
        self._rows = list(rows)
        self.table.setRowCount(len(self._rows))
        for i, r in enumerate(self._rows):
            c = r.channel
            target = c.display_url() + (f" → {c.to_addr}" if c.to_addr else "")
            cells = (c.name, str(c.kind), target, self._text.severity(c.min_severity), self.status_text(r.status))
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self._update_buttons()

    def status_text(self, status) -> str:
        if status is None or (status.last_ok is None and status.last_failed is None and not status.pending):
            return self.tr("nothing sent yet")
        if not status.healthy:
            return self.tr("failing (%1) since %2").replace("%1", status.last_error or "?").replace(
                "%2", local_datetime_text(status.last_failed))
        if status.last_ok is not None:
            return self.tr("sent %1").replace("%1", local_datetime_text(status.last_ok))
        return self.tr("%n waiting", "", status.pending)

    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()].channel.name if rows else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.remove_button.setEnabled(chosen)
        self.test_button.setEnabled(chosen)

    def _on_kind_current_index_changed(self, *_args) -> None:
        email = self.kind.currentData() == "email"
        self.to_addr.setEnabled(email)
        self.url.setPlaceholderText("smtp://me%40example.org@smtp.example.org:587" if email
                                    else "https://ntfy.sh/my-topic")

    # -- changing ------------------------------------------------------------------------------------------
    def add_channel(self) -> None:
        admin, lang = self._admin, self._lang
        values = (self.kind.currentData(), self.url.text().strip(), self.to_addr.text().strip()
                  if self.kind.currentData() == "email" else "", self.min_severity.currentData(), self.secret.text(),
                  self.name.text().strip())
        self._say("")
        self._ops.query(self, lambda: admin.add(*values, lang=lang), self._on_added, failure=self._show_failure)

    def _on_added(self, channel) -> None:
        for edit in (self.name, self.url, self.to_addr, self.secret):
            edit.clear()
        self._say(self.tr("Added the channel '%1'. Select it and press \"Send test\" to try it.")
                  .replace("%1", channel.name))
        self.reload()

    def remove_selected(self) -> None:
        name = self._selected()
        if name is None:
            return
        admin = self._admin
        self._ops.query(self, lambda: admin.remove(name),
                        lambda _gone: (self._say(self.tr("Removed the channel '%1' and its secret.")
                                                 .replace("%1", name)), self.reload()),
                        failure=self._show_failure)

    def send_test(self, name: str | None = None) -> None:
        name = name or self._selected()
        if name is None:
            return
        if self._admin.delivery is None or not self._ops.has_loop:
            self._say(self.tr("Sending starts once monitoring has started; try again in a moment."), error=True)
            return
        self.test_button.setEnabled(False)
        self._say(self.tr("Sending a test message to '%1'…").replace("%1", name))
        self._ops.query(self, self._admin.send_test(name, self._lang), self._on_tested, failure=self._show_failure)

    def _on_tested(self, result) -> None:
        name = result.item.channel
        if result.delivered:
            self._say(self.tr("The test message to '%1' was delivered.").replace("%1", name))
        else:
            self._say(self.tr("The test message to '%1' was not delivered: %2").replace("%1", name)
                      .replace("%2", result.reason), error=True)
        self.reload()

    # -- messages ------------------------------------------------------------------------------------------
    def _field_label(self, field: str | None) -> str:
        return {"name": self.tr("Name"), "kind": self.tr("Kind"), "url": self.tr("URL"),
                "to_addr": self.tr("Recipient"), "min_severity": self.tr("Minimum severity")}.get(field or "", "")

    def _expected(self, field: str | None, detail: str) -> str:
        """What the field expects, in the UI language (the domain's own sentence is English)."""
        if field == "name" and "exists already" in detail:
            return self.tr("a channel of this name exists already: enter another name")
        return {"name": self.tr("expected a-z, 0-9, _ and - (at most 32 characters)"),
                "url": self.tr("expected a URL starting with http:// or https:// (e-mail: smtp:// or smtps://) that "
                               "names a host and holds no password"),
                "to_addr": self.tr("expected an e-mail address")}.get(field or "", detail)

    def error_text(self, exc: BaseException) -> str:
        """The field and what was expected (InputError), or the failure's own sentence."""
        if type(exc).__name__ == "SecretRejected":
            what = (self.tr("the SMTP URL names a user: expected that user's password") if exc.missing
                    else self.tr("expected one line without control characters"))
            return self.tr("%1: %2. Nothing was saved.").replace("%1", self.tr("Token or password")).replace("%2", what)
        if isinstance(exc, InputError) and exc.problems:
            p = exc.problems[0]
            label = self._field_label(p.field) or (p.field or "")
            return self.tr("%1: %2. Nothing was saved.").replace("%1", label).replace(
                "%2", self._expected(p.field, p.message))
        if isinstance(exc, (RiskWatchError, RuntimeError, ValueError)):
            return str(exc)
        return type(exc).__name__

    def _show_failure(self, exc: BaseException) -> None:
        self._say(self.error_text(exc), error=True)
        self.message.setToolTip(str(exc) if isinstance(exc, InputError) else "")
        self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(theme().text_style(theme().negative) if error else "")


__all__ = ["ChannelsSection"]
