"""Channels and the outbox in the store: validation naming the field, the enqueue inside the events' commit
(rolled back with them), sent rows never due again, removal, the migration from schema 3."""

import sqlite3
from datetime import timedelta

import pytest

from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox
from riskwatch.adapters.sqlite_store import DB_FILENAME, SqliteStore
from riskwatch.domain.alerts import AlertEvent, AlertRecord, AlertState, EventKind, Severity
from riskwatch.domain.channels import Channel, ItemKind, ItemStatus
from riskwatch.domain.errors import InputError, StoreError
from tests.services.delivery_helpers import NOW, Env


@pytest.fixture
def env(tmp_path):
    e = Env(tmp_path)
    yield e
    e.close()


def _event(severity=Severity.WARNING, kind=EventKind.FIRED, member="BTC"):
    return AlertEvent(kind, f"g|{member}", "btc_drop_30d_warning", "BTC drop", severity, member,
                      "drop_from_high:30D", -0.2, -0.17, NOW, "drop_from_high", data_as_of=NOW - timedelta(hours=12))


@pytest.mark.parametrize("kwargs, field", [
    (dict(name="Bad Name", kind="ntfy", url="https://ntfy.sh/x"), "name"),
    (dict(name="a" * 33, kind="ntfy", url="https://ntfy.sh/x"), "name"),
    (dict(name="p", kind="pager", url="https://ntfy.sh/x"), "kind"),
    (dict(name="p", kind="ntfy", url="ftp://ntfy.sh/x"), "url"),
    (dict(name="p", kind="webhook", url="smtp://host:587"), "url"),
    (dict(name="p", kind="email", url="https://mail.example.org", to_addr="a@b.de"), "url"),
    (dict(name="p", kind="email", url="smtp://me:hunter2@mail.example.org:587", to_addr="a@b.de"), "url"),
    (dict(name="p", kind="email", url="smtp://mail.example.org:587", to_addr="nobody"), "to_addr"),
    (dict(name="p", kind="ntfy", url="https://ntfy.sh/x", min_severity="loud"), "min_severity"),
    (dict(name="p", kind="ntfy", url="https://ntfy.sh:99999/x"), "url"),
])
def test_a_bad_channel_is_refused_naming_the_field(kwargs, field):
    with pytest.raises(InputError) as err:
        Channel(**kwargs)
    assert err.value.problems[0].field == field
    assert "hunter2" not in str(err.value)


def test_good_channels_round_trip_through_the_store(env):
    chans = [Channel("phone", "ntfy", "https://ntfy.sh/rw-topic", min_severity="critical"),
             Channel("hook", "webhook", "http://127.0.0.1:9/hook", min_severity="info", enabled=False),
             Channel("mail", "email", "smtps://me%40example.org@mail.example.org:465", to_addr="me@example.org")]
    for c in chans:
        env.channels.add(c)
    assert env.channels.list() == sorted(chans, key=lambda c: c.name)
    assert env.channels.get("phone").min_severity is Severity.CRITICAL
    with pytest.raises(InputError) as err:
        env.channels.add(chans[0])
    assert err.value.problems[0].field == "name"
    env.channels.save(Channel("hook", "webhook", "http://127.0.0.1:9/hook2", enabled=True))
    assert env.channels.get("hook").url.endswith("/hook2") and env.channels.get("hook").enabled


def test_events_queue_for_each_enabled_channel_they_meet_in_the_same_commit(env):
    env.channels.add(Channel("warn", "webhook", "http://127.0.0.1:9/w", min_severity="warning"))
    env.channels.add(Channel("crit", "webhook", "http://127.0.0.1:9/c", min_severity="critical"))
    env.channels.add(Channel("off", "webhook", "http://127.0.0.1:9/o", min_severity="info", enabled=False))
    stored = env.repo.append_events([_event(), _event(Severity.CRITICAL, EventKind.ESCALATED, "ETH"),
                                     _event(Severity.CRITICAL, EventKind.ACKNOWLEDGED, "SOL")], AlertState())
    due = env.outbox.due(NOW)
    assert sorted((i.channel, i.event_id) for i in due) == sorted(
        [("warn", stored[0].id), ("warn", stored[1].id), ("crit", stored[1].id)])
    assert all(i.kind is ItemKind.EVENT and i.status is ItemStatus.QUEUED for i in due)
    assert due[0].payload["data_as_of"] == (NOW - timedelta(hours=12)).isoformat()


def test_the_enqueue_rolls_back_with_the_events(env):
    env.channels.add(Channel("warn", "webhook", "http://127.0.0.1:9/w"))
    with env.store.transaction() as conn:  # the state write, after events and outbox rows, fails
        conn.execute("CREATE TRIGGER no_state BEFORE INSERT ON alert_state BEGIN "
                     "SELECT RAISE(ABORT, 'no room for the state'); END")
    record = AlertRecord("g|BTC", "g", "BTC", "btc_drop_30d_warning", "BTC drop", "drop_from_high:30D",
                         "drop_from_high", Severity.WARNING, -0.17, True, NOW, NOW)
    with pytest.raises(StoreError):
        env.repo.append_events([_event()], AlertState({"g|BTC": record}))
    assert env.repo.list_events() == [] and env.outbox.recent() == []


def test_a_sent_row_is_never_due_again_and_a_failed_one_waits_for_its_retry(env):
    env.channels.add(Channel("warn", "webhook", "http://127.0.0.1:9/w"))
    env.repo.append_events([_event(), _event(member="ETH")], AlertState())
    first, second = env.outbox.due(NOW)
    assert env.outbox.mark_sent(first.id, NOW) and not env.outbox.mark_sent(first.id, NOW)
    assert env.outbox.mark_failed(second.id, "timeout", NOW + timedelta(seconds=30), NOW)
    assert not env.outbox.mark_failed(first.id, "timeout", NOW, NOW)  # a sent row stays sent
    assert env.outbox.due(NOW + timedelta(seconds=29)) == []
    assert [i.id for i in env.outbox.due(NOW + timedelta(seconds=30))] == [second.id]
    env.outbox.mark_failed(second.id, "auth", None, NOW)  # given up
    assert env.outbox.due(NOW + timedelta(days=1)) == []
    s = env.outbox.summary()["warn"]
    assert (s.last_ok, s.last_failed, s.pending, s.failed, s.last_error) == (NOW, NOW, 0, 1, "auth")


def test_removing_a_channel_fails_its_queued_rows(env):
    env.channels.add(Channel("warn", "webhook", "http://127.0.0.1:9/w"))
    env.repo.append_events([_event()], AlertState())
    assert env.channels.remove("warn") and not env.channels.remove("warn")
    assert env.outbox.due(NOW) == []
    assert [(i.status, i.last_error) for i in env.outbox.recent()] == [(ItemStatus.FAILED, "channel_removed")]
    with pytest.raises(InputError):
        env.outbox.enqueue_test("warn", NOW)


def test_schema_3_store_is_migrated_to_the_outbox(tmp_path):
    db = tmp_path / DB_FILENAME
    SqliteStore(db).close()
    conn = sqlite3.connect(db)
    conn.executescript("DROP TABLE alert_outbox; DROP TABLE alert_channels; PRAGMA user_version = 3;")
    conn.close()
    store = SqliteStore(db)
    try:
        ChannelRepository(store).add(Channel("x", "ntfy", "https://ntfy.sh/t"))
        assert Outbox(store).enqueue_test("x", NOW) > 0
    finally:
        store.close()


def test_a_test_message_being_sent_is_not_handed_out_to_a_second_process(env):
    """`channels test` sends its row itself; a watchman polling the same store must not send it again."""
    from datetime import timedelta

    env.channels.add(Channel("warn", "webhook", "http://127.0.0.1:9/w"))
    held = env.outbox.enqueue_test("warn", NOW, not_before=NOW + timedelta(seconds=60))
    assert env.outbox.due(NOW) == [] and env.outbox.due(NOW + timedelta(seconds=30)) == []
    assert [i.id for i in env.outbox.due(NOW + timedelta(seconds=61))] == [held]
