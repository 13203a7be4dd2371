"""The text of a desktop notification for one alert event, without Qt (context ``Notification``).

Summary: severity, asset and figure (``Warnung: BTC – Rückgang vom 30-Tage-Hoch``); body: value, threshold and
the as-of time of the data behind the value (``Wert −18,6 % · Schwellwert −17,0 % · Datenstand 04.11.2025
14:05``). The action labels of a notification come from here too, so German and English follow the UI language
through whichever :class:`~riskwatch.texts.alerts.Translation` is handed in.
"""

from __future__ import annotations

from riskwatch.texts.alerts import AlertTexts, Translation, arg, datetime_text

ACKNOWLEDGE, SNOOZE_HOUR = "acknowledge", "snooze_1h"


class NotificationTexts:
    def __init__(self, translation: Translation):
        self._t = translation
        self._alerts = AlertTexts(translation)

    def summary(self, event) -> str:
        a = self._alerts
        return arg(self._t.translate("Notification", "%1: %2 – %3"), a.severity(event.severity),
                   a.member(event.member), a.metric(event.metric))

    def body(self, event) -> str:
        a, t = self._alerts, self._t
        parts = [arg(t.translate("Notification", "Value %1"), a.value(event.metric, event.value)),
                 arg(t.translate("Notification", "threshold %1"), a.value(event.metric, event.threshold))]
        as_of = getattr(event, "data_as_of", None)
        if as_of is not None:
            parts.append(arg(t.translate("Notification", "data as of %1"), datetime_text(as_of, a.language)))
        return " · ".join(parts)

    def actions(self) -> tuple[tuple[str, str], ...]:
        """(key, label) of the buttons a notification offers where the server shows actions."""
        return ((ACKNOWLEDGE, self._t.translate("Notification", "Acknowledge")),
                (SNOOZE_HOUR, self._t.translate("Notification", "Snooze 1 h")))


__all__ = ["ACKNOWLEDGE", "NotificationTexts", "SNOOZE_HOUR"]
