"""The age and state of a price as the tables show it ("veraltet (120 Tage)", "Börse geschlossen (2 Tage)",
"unbestätigt (5 s)"): one wording for the positions table and the overview."""

from __future__ import annotations

from PySide6.QtCore import QObject

#: Price states shown in the warning colour.
WARNING_STATES = frozenset({"stale", "missing", "unconfirmed"})


class PriceAge(QObject):
    def text(self, age_s: float | None, state: str | None) -> str:
        if state == "missing" or age_s is None:
            return self.tr("no price")
        if age_s < 90:
            text = self.tr("%1 s").replace("%1", str(int(age_s)))
        elif age_s < 5400:
            text = self.tr("%1 min").replace("%1", str(round(age_s / 60)))
        elif age_s < 2 * 86400:
            text = self.tr("%1 h").replace("%1", str(round(age_s / 3600)))
        else:
            text = self.tr("%1 days").replace("%1", str(round(age_s / 86400)))
        if state == "stale":
            return self.tr("stale (%1)").replace("%1", text)
        if state == "market_closed":
            return self.tr("market closed (%1)").replace("%1", text)
        if state == "unconfirmed":
            return self.tr("unconfirmed (%1)").replace("%1", text)
        return text

    def tooltip(self, state: str | None) -> str:
        if state == "stale":
            return self.tr("Price is stale: no fresh price for more than three refresh intervals.")
        if state == "unconfirmed":
            return self.tr("The newest quote jumped further than the stored prices and the order book support; "
                           "it is held back until a second source confirms it. Figures and alerts use the last "
                           "confirmed price.")
        return ""
