"""Native desktop notifications on Linux: the freedesktop ``org.freedesktop.Notifications`` service on the
session bus, spoken with jeepney (pure Python).

Why jeepney and not QtDBus: ``Notify`` takes ``replaces_id`` as a D-Bus ``uint32``, and PySide6 marshals a
Python int only as ``int32`` (a message, ``QDBusMessage.setArguments``) or ``uint16`` (``QDBusArgument <<``);
GDBus-based servers (GNOME Shell, dunst) reject ``(sisssasa{sv}i)`` against ``(susssasa{sv}i)``. jeepney is no
new dependency: keyring (a dependency) needs it on Linux for the Secret Service. Qt-free, so ``watch`` can use
it too.

Every call blocks (a reply or ``timeout`` seconds): call it off the GUI thread (``gui/ops.py``). ``on_action``
and ``on_closed`` are called on jeepney's receiver thread; the caller brings them to its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
#: The spec's urgency levels (hint ``urgency``, a byte).
URGENCY_LOW, URGENCY_NORMAL, URGENCY_CRITICAL = 0, 1, 2


class NoNotificationService(Exception):
    """No session bus, or nobody answers ``org.freedesktop.Notifications`` on it."""


class _Callback:
    """A jeepney filter "queue" that hands each matched message to a function (on the receiver thread)."""

    def __init__(self, fn: Callable[[object], None]):
        self._fn = fn

    def put_nowait(self, msg) -> None:
        try:
            self._fn(msg)
        except Exception:  # a failing callback must not stop the receiver thread
            log.exception("notification signal handler failed")


class FreedesktopNotifications:
    """One session-bus connection to the notification server, opened on the first :meth:`notify`."""

    def __init__(self, app_name: str, *, icon: str = "", timeout: float = 3.0,
                 on_action: Callable[[int, str], None] | None = None,
                 on_closed: Callable[[int], None] | None = None):
        self.app_name = app_name
        self.icon = icon
        self.timeout = timeout
        self._on_action = on_action
        self._on_closed = on_closed
        self._lock = threading.Lock()
        self._router = None
        self._conn = None
        self._filters: list = []
        self.capabilities: tuple[str, ...] = ()

    @property
    def actions_supported(self) -> bool:
        return "actions" in self.capabilities

    def connect(self) -> tuple[str, ...]:
        """Connect (once) and return the server's capabilities; NoNotificationService when there is none."""
        with self._lock:
            if self._router is not None:
                return self.capabilities
            try:
                from jeepney import DBusAddress, MatchRule, MessageType, new_method_call
                from jeepney.bus_messages import message_bus
                from jeepney.io.threading import DBusRouter, open_dbus_connection
            except ImportError as exc:  # not on Linux, or installed without it
                raise NoNotificationService(f"jeepney is not installed ({exc})") from None
            try:
                conn = open_dbus_connection(bus="SESSION")
            except (OSError, KeyError, ValueError, RuntimeError) as exc:
                raise NoNotificationService(f"no session bus: {exc}") from None
            router = DBusRouter(conn)
            try:
                address = DBusAddress(PATH, bus_name=NAME, interface=NAME)
                reply = router.send_and_get_reply(new_method_call(address, "GetCapabilities"),
                                                  timeout=self.timeout)
                if reply.header.message_type is MessageType.error:
                    raise NoNotificationService(f"no notification server: {reply.body[0] if reply.body else ''}")
                for member, handler in (("ActionInvoked", self._action), ("NotificationClosed", self._closed)):
                    rule = MatchRule(type="signal", interface=NAME, member=member, path=PATH)
                    router.send_and_get_reply(message_bus.AddMatch(rule), timeout=self.timeout)
                    handle = router.filter(rule, queue=_Callback(handler))
                    self._filters.append(handle)
            except NoNotificationService:
                _close(router, conn)
                raise
            except Exception as exc:  # a timeout, a closed bus: the same to the caller
                _close(router, conn)
                raise NoNotificationService(f"the notification server does not answer: {exc}") from None
            self._router, self._conn = router, conn
            self._address = address
            self.capabilities = tuple(str(c) for c in reply.body[0])
            return self.capabilities

    def notify(self, summary: str, body: str, *, actions: Sequence[tuple[str, str]] = (),
               urgency: int = URGENCY_NORMAL, expire_ms: int = -1) -> int:
        """Show a notification; its id. ``actions``: (key, label) pairs, sent only when the server offers
        actions. NoNotificationService when nobody answers."""
        from jeepney import MessageType, new_method_call

        self.connect()
        flat: list[str] = []
        if self.actions_supported:
            for key, label in actions:
                flat += [key, label]
        hints = {"urgency": ("y", int(urgency)), "desktop-entry": ("s", "riskwatch")}
        msg = new_method_call(self._address, "Notify", "susssasa{sv}i",
                              (self.app_name, 0, self.icon, summary, body, flat, hints, int(expire_ms)))
        try:
            reply = self._router.send_and_get_reply(msg, timeout=self.timeout)
        except Exception as exc:
            self.close()  # the next notification connects afresh (the server may have restarted)
            raise NoNotificationService(f"the notification server does not answer: {exc}") from None
        if reply.header.message_type is MessageType.error:
            self.close()
            raise NoNotificationService(f"Notify failed: {reply.body[0] if reply.body else ''}")
        return int(reply.body[0])

    def close(self) -> None:
        with self._lock:
            router, conn, self._router, self._conn = self._router, self._conn, None, None
            for handle in self._filters:
                handle.close()
            self._filters.clear()
        if router is not None:
            _close(router, conn)

    # -- jeepney's receiver thread ------------------------------------------------------------------------------
    def _action(self, msg) -> None:
        if self._on_action is not None and len(msg.body) >= 2:
            self._on_action(int(msg.body[0]), str(msg.body[1]))

    def _closed(self, msg) -> None:
        if self._on_closed is not None and msg.body:
            self._on_closed(int(msg.body[0]))


def _close(router, conn) -> None:
    try:
        router.close()
    finally:
        conn.close()


__all__ = ["FreedesktopNotifications", "NoNotificationService", "URGENCY_CRITICAL", "URGENCY_LOW",
           "URGENCY_NORMAL"]
