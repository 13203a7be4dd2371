"""A private D-Bus session bus and a small freedesktop notification server on it, for the desktop-notification
tests: real D-Bus messages through a real ``dbus-daemon``, no mock.

:func:`private_session_bus` starts ``dbus-daemon --session --fork`` and stops it again; the test sets
``DBUS_SESSION_BUS_ADDRESS`` to its address with monkeypatch (never for the whole process).
:class:`NotificationServer` owns ``org.freedesktop.Notifications`` on that bus (written with jeepney, in a
thread), records every ``Notify`` call, answers ``GetCapabilities`` (with ``"actions"`` unless told not to) and
can emit ``ActionInvoked`` and ``NotificationClosed`` as a notification daemon does when the user clicks.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
from dataclasses import dataclass

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.threading import ReceiveStopped, open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


@dataclass(frozen=True)
class NotifyCall:
    app_name: str
    replaces_id: int
    app_icon: str
    summary: str
    body: str
    actions: tuple[str, ...]
    hints: dict
    expire_timeout: int
    signature: str
    id: int


@contextlib.contextmanager
def private_session_bus():
    """The address of a fresh session bus (a ``dbus-daemon`` of its own), stopped on exit."""
    exe = shutil.which("dbus-daemon") or "/usr/bin/dbus-daemon"
    out = subprocess.run([exe, "--session", "--fork", "--print-address=1", "--print-pid=1"], check=True,
                         capture_output=True, text=True, timeout=10).stdout.split()
    address, pid = out[0], int(out[1])
    try:
        yield address
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)


class NotificationServer:
    """``org.freedesktop.Notifications`` on the bus at ``address`` until :meth:`close`."""

    def __init__(self, address: str, *, capabilities: tuple[str, ...] = ("actions", "body")):
        self.capabilities = capabilities
        self.calls: list[NotifyCall] = []
        self.capability_queries = 0
        self._next_id = 0
        self._lock = threading.Lock()
        self._conn = open_dbus_connection(bus=address)
        self._conn.send(message_bus.RequestName(NAME, 4), serial=1_000_000)
        while True:  # the bus says Hello's name first (NameAcquired), then our reply
            reply = self._conn.receive(timeout=5)
            if reply.header.fields.get(HeaderFields.reply_serial) == 1_000_000:
                break
        if reply.body[0] != 1:  # 1: primary owner
            raise RuntimeError(f"could not own {NAME}: {reply.body}")
        self._thread = threading.Thread(target=self._serve, name="fake-notifications", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                msg = self._conn.receive()
            except (ReceiveStopped, OSError):
                return
            if msg.header.message_type is not MessageType.method_call:
                continue
            member = msg.header.fields.get(HeaderFields.member)
            if member == "GetCapabilities":
                with self._lock:
                    self.capability_queries += 1
                self._conn.send(new_method_return(msg, "as", (list(self.capabilities),)))
            elif member == "Notify":
                signature = msg.header.fields.get(HeaderFields.signature, "")
                with self._lock:
                    self._next_id += 1
                    nid = self._next_id
                    app, replaces, icon, summary, body, actions, hints, timeout = msg.body
                    self.calls.append(NotifyCall(app, replaces, icon, summary, body, tuple(actions), dict(hints),
                                                 timeout, signature, nid))
                self._conn.send(new_method_return(msg, "u", (nid,)))
            elif member == "GetServerInformation":
                self._conn.send(new_method_return(msg, "ssss", ("fake", "riskwatch-tests", "1", "1.2")))
            elif member == "CloseNotification":
                self._conn.send(new_method_return(msg))
            else:
                self._conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))

    def invoke_action(self, notification_id: int, action_key: str) -> None:
        """What the daemon sends when the user clicks an action button (then the notification closes)."""
        address = DBusAddress(PATH, interface=NAME)
        self._conn.send(new_signal(address, "ActionInvoked", "us", (notification_id, action_key)))
        self._conn.send(new_signal(address, "NotificationClosed", "uu", (notification_id, 2)))

    def close(self) -> None:
        self._conn.interrupt()
        self._conn.close()
        self._thread.join(timeout=5)
