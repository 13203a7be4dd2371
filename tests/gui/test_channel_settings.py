"""Remote channels in the GUI (issue 16): the settings dialog's "Notifications" section (add with the secret in
the secret store only, bad input refused, "Send test" against the loopback push server, remove), the status
bar's delivery indicator and the delivery log in the alert history; German and English.

Real parts: SQLite under tmp_path, the app's DeliveryService with its real senders, the OpRunner on a LoopThread,
tests/fakes/push_server.py, the memory channel secrets."""

from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from riskwatch import app as rwapp
from riskwatch.adapters.channel_secrets import MemoryChannelSecrets
from riskwatch.adapters.clock import SystemClock
from riskwatch.adapters.loop_thread import LoopThread
from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox
from riskwatch.domain.channels import Channel, ItemStatus
from riskwatch.gui.delivery_status import DeliveryStatus
from riskwatch.gui.dialogs.settings_dialog import SettingsDialog
from riskwatch.gui.ops import OpRunner
from riskwatch.gui.views.alert_history_view import AlertHistoryView
from riskwatch.gui.views.status_bar import StatusPanel
from riskwatch.services.settings import AppSettings, load_settings, save_settings
from tests.fakes.push_server import PushServer
from riskwatch import paths
from riskwatch.gui.translation import Translator
from tests.gui.alert_fixtures import German

TOKEN = "tk_9f8e7d6c5b4a-secret"


@pytest.fixture
def rig(qtbot, stack):
    secrets = MemoryChannelSecrets()
    clock = SystemClock()
    delivery = rwapp.build_delivery(stack.store, clock, secrets, language="en")
    loop = LoopThread().start()
    ops = OpRunner(loop)
    admin = rwapp.build_channel_admin(stack.store, clock, lambda: delivery, secrets)
    with PushServer() as push:
        yield SimpleNamespace(store=stack.store, alerts=stack.service, secrets=secrets, delivery=delivery, loop=loop,
                              ops=ops, admin=admin, push=push, channels=ChannelRepository(stack.store),
                              outbox=Outbox(stack.store), dialogs=[])
        ops.close()
        loop.submit(delivery.aclose()).result(10)
        loop.stop()


def dialog_of(qtbot, rig, language="en"):
    d = SettingsDialog(AppSettings(), channels=rig.admin, ops=rig.ops, language=language)
    qtbot.addWidget(d)
    rig.dialogs.append(d)  # the section lives as long as its dialog
    return d.channels


def fill(section, kind, url, secret="", to="", name=""):
    section.kind.setCurrentIndex(section.kind.findData(kind))
    section.name.setText(name)
    section.url.setText(url)
    section.to_addr.setText(to)
    section.secret.setText(secret)


def stored_bytes(store) -> bytes:
    path = store.path
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_a_channel_added_in_the_dialog_is_stored_with_its_token_only_in_the_secret_store(qtbot, rig):
    section = dialog_of(qtbot, rig)
    rig.push.tokens["/alerts"] = TOKEN
    fill(section, "ntfy", rig.push.url("/alerts"), secret=TOKEN)
    section.min_severity.setCurrentIndex(section.min_severity.findData("critical"))
    section.add_button.click()
    qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=5000)
    assert "Added the channel 'ntfy'" in section.message.text()
    stored = rig.channels.get("ntfy")
    assert (stored.kind, stored.url, str(stored.min_severity)) == ("ntfy", rig.push.url("/alerts"), "critical")
    assert rig.secrets.get("ntfy") == TOKEN
    assert TOKEN.encode() not in stored_bytes(rig.store)  # neither the channel table nor the settings hold it
    assert section.secret.text() == ""
    assert section.table.item(0, 2).text() == rig.push.url("/alerts")
    assert section.table.item(0, 4).text() == "nothing sent yet"

    # Send test: the loopback server gets the message with the token from the secret store
    section.table.selectRow(0)
    section.test_button.click()
    qtbot.waitUntil(lambda: "was delivered" in section.message.text(), timeout=15000)
    assert section.message.text() == "The test message to 'ntfy' was delivered."
    posts = rig.push.posts_to("/alerts")
    assert len(posts) == 1 and posts[0].headers.get("Authorization") == f"Bearer {TOKEN}"
    qtbot.waitUntil(lambda: section.table.item(0, 4).text().startswith("sent "), timeout=5000)

    # Remove: the channel and its secret are gone
    section.table.selectRow(0)
    section.remove_button.click()
    qtbot.waitUntil(lambda: section.table.rowCount() == 0, timeout=5000)
    assert rig.channels.get("ntfy") is None and rig.secrets.get("ntfy") is None
    assert "Removed the channel 'ntfy'" in section.message.text()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_bad_input_names_the_field_and_what_was_expected_and_saves_nothing(qtbot, rig, lang):
    expected = {
        "en": ["URL: expected a URL starting with http:// or https://",
               "Token or password: the SMTP URL names a user: expected that user's password. Nothing was saved.",
               "Recipient: expected an e-mail address. Nothing was saved.",
               "Name: expected a-z, 0-9, _ and -"],
        "de": ["URL: erwartet wird eine URL, die mit http:// oder https:// beginnt",
               "Token oder Passwort: die SMTP-URL nennt einen Benutzer: erwartet wird dessen Passwort. "
               "Nichts wurde gespeichert.",
               "Empfänger: erwartet wird eine E-Mail-Adresse. Nichts wurde gespeichert.",
               "Name: erwartet werden a–z, 0–9, _ und -"]}[lang]
    cases = [dict(kind="ntfy", url="ftp://ntfy.example.org/topic", secret=TOKEN),
             dict(kind="email", url="smtp://me%40example.org@127.0.0.1:2525", to="me@example.org"),
             dict(kind="email", url="smtp://127.0.0.1:2525", to="not-an-address"),
             dict(kind="webhook", url=rig.push.url("/hook"), name="Bad Name!", secret=TOKEN)]
    with language(lang):
        section = dialog_of(qtbot, rig, lang)
        for case, text in zip(cases, expected, strict=True):
            section.message.clear()
            fill(section, **case)
            section.add_button.click()
            qtbot.waitUntil(lambda: section.message.text() != "", timeout=5000)
            assert section.message.text().startswith(text), section.message.text()
    assert rig.channels.list() == [] and rig.secrets._values == {}
    assert TOKEN.encode() not in stored_bytes(rig.store)


class _English:
    """The English translation (its plural forms) for one test, as the app installs it."""

    def __enter__(self):
        from PySide6.QtWidgets import QApplication

        self.translator = Translator(QApplication.instance(), paths.resource("translations"))
        self.translator.set_language("en")
        return self

    def __exit__(self, *exc):
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        app.removeTranslator(self.translator._own)
        app.removeTranslator(self.translator._qt)
        self.translator.deleteLater()


def language(lang):
    return German() if lang == "de" else _English()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_failed_test_send_says_why_and_is_not_retried(qtbot, rig, lang):
    rig.push.status["/down"] = 500
    rig.channels.add(Channel("hook", "webhook", rig.push.url("/down")))
    with language(lang):
        section = dialog_of(qtbot, rig, lang)
        qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=5000)
        section.send_test("hook")
        done = "nicht zugestellt" if lang == "de" else "was not delivered"
        qtbot.waitUntil(lambda: done in section.message.text(), timeout=15000)
        assert "127.0.0.1" in section.message.text() and "500" in section.message.text()
        item = rig.outbox.recent(1)[0]
        assert item.status is ItemStatus.FAILED and item.last_error == "http_500"
        qtbot.waitUntil(lambda: section.table.item(0, 4).text().startswith(
            "fehlgeschlagen (http_500)" if lang == "de" else "failing (http_500)"), timeout=5000)


def _drain(rig) -> None:
    rig.loop.submit(rig.delivery.drain_once()).result(15)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_status_bar_shows_a_failing_channel_and_nothing_when_all_is_well(qtbot, rig, lang):
    with language(lang):
        panel = StatusPanel()
        qtbot.addWidget(panel)
        follower = DeliveryStatus(rig.delivery, rig.ops, panel)
        shown = []
        panel.delivery.setObjectName("delivery")
        follower.refresh()  # no channel at all
        qtbot.wait(300)
        assert panel.delivery.isHidden() and panel.delivery.text() == ""

        rig.channels.add(Channel("ok", "webhook", rig.push.url("/ok")))
        rig.outbox.enqueue_test("ok", datetime.now(timezone.utc))
        _drain(rig)
        follower.refresh()  # a channel that delivers: nothing to say
        qtbot.wait(300)
        assert panel.delivery.isHidden()

        rig.push.status["/down"] = 503
        rig.channels.add(Channel("ntfy", "ntfy", rig.push.url("/down")))
        for _ in range(3):
            rig.outbox.enqueue_test("ntfy", datetime.now(timezone.utc))
        _drain(rig)
        follower.refresh()
        qtbot.waitUntil(lambda: not panel.delivery.isHidden(), timeout=5000)
        shown.append(panel.delivery.text())
        want = "Zustellung: ntfy fehlgeschlagen (3×)" if lang == "de" else "Delivery: ntfy failing (3×)"
        assert want in shown[0] and "ok" not in shown[0].replace("color", "")
        assert "http_503" in panel.delivery.toolTip()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_alert_history_lists_sent_and_failed_deliveries(qtbot, rig, lang):
    rig.push.status["/down"] = 500
    rig.channels.add(Channel("ok", "webhook", rig.push.url("/ok")))
    rig.channels.add(Channel("bad", "webhook", rig.push.url("/down")))
    now = datetime.now(timezone.utc)
    rig.outbox.enqueue_test("ok", now)
    failed = rig.outbox.enqueue_test("bad", now)
    _drain(rig)
    rig.outbox.mark_failed(failed, "http_500", None, now)  # given up
    with language(lang):
        view = AlertHistoryView(rig.alerts)
        qtbot.addWidget(view)
        view.set_ops(rig.ops)
        view.set_delivery_log(rig.delivery.log)
        log = view.deliveries
        qtbot.waitUntil(lambda: log.table.rowCount() == 2, timeout=5000)
        rows = {log.table.item(r, 1).text(): [log.table.item(r, c).text() for c in range(6)] for r in range(2)}
        de = lang == "de"
        assert rows["ok"][2:] == ["Test" if de else "test", "", "gesendet" if de else "sent", ""]
        assert rows["bad"][2:] == ["Test" if de else "test", "", "fehlgeschlagen" if de else "failed", "http_500"]
        assert view.pages.tabText(1) == ("Zustellungen" if de else "Deliveries")
        assert log.count_label.text() == ("2 Nachrichten" if de else "2 messages")


def test_the_reminder_interval_is_a_setting_with_a_field_in_the_dialog(qtbot, rig):
    assert AppSettings().reminder_minutes == 60
    d = SettingsDialog(AppSettings())
    qtbot.addWidget(d)
    assert d.channels is None and d.reminder.value() == 60
    d.reminder.setValue(15)
    save_settings(rig.store, d.settings())
    assert load_settings(rig.store).reminder_minutes == 15
    assert rwapp.build_delivery(rig.store, SystemClock(), rig.secrets).reminder_minutes == 15


def test_the_desktop_shows_its_deliveries_and_the_channels_in_the_settings(qtbot, tmp_path, monkeypatch):
    import argparse

    from riskwatch import launcher
    from riskwatch.adapters.sqlite_store import SqliteStore

    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    with PushServer() as push:
        push.status["/down"] = 500
        store = SqliteStore.in_dir(tmp_path)
        ChannelRepository(store).add(Channel("hook", "webhook", push.url("/down")))
        Outbox(store).enqueue_test("hook", datetime.now(timezone.utc))
        args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url="http://127.0.0.1:9", demo=False,
                                  replay_from=None)
        desktop = launcher.launch(args, store, language="en", offline=True)
        window = desktop.window
        qtbot.addWidget(window)
        try:
            qtbot.waitUntil(lambda: Outbox(store).get(1).last_error == "http_500", timeout=20000)
            log = window.alert_history.deliveries
            window.alert_history.pages.setCurrentWidget(log)  # showing the page reads the log again
            qtbot.waitUntil(lambda: log.table.rowCount() == 1 and log.table.item(0, 5).text() == "http_500",
                            timeout=10000)
            seen = {}

            def inspect(dialog):
                seen["channels"] = dialog.channels is not None
                return 0

            monkeypatch.setattr(SettingsDialog, "exec", inspect)
            window.action_settings.trigger()
            assert seen == {"channels": True}
        finally:
            desktop.stop()
            store.close()
