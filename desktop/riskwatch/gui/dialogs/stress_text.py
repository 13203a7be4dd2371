"""Texts of the stress dialog: the "Basis" column (how a row's shock came about; rows shocked through a beta say
so), the list of rules that would fire, and percentages typed by hand. The texts keep the stress dialog's
translation context, so each keeps its one catalogue entry."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem

from riskwatch.domain import stress
from riskwatch.domain.stress import Basis, Flag
from riskwatch.gui.alert_text import arg, severity_colors
from riskwatch.gui.format import percent_text

_BETA_BASES = (Basis.BETA_BTC_QQQ, Basis.BETA_BTC, Basis.BETA_QQQ)
_NUMBER_RE = re.compile(r"^\s*([+\-\u2212]?)\s*(\d+(?:[.,]\d*)?)\s*%?\s*$")


def parse_percent(text: str) -> float | None:
    """``"-20"``, ``"−20 %"``, ``"-12,5"`` -> −0.20, −0.20, −0.125; None for an empty or invalid text."""
    m = _NUMBER_RE.match(text or "")
    if not m:
        return None
    value = float(m.group(2).replace(",", ".")) / 100.0
    return -value if m.group(1) in ("-", "\u2212") else value


def would_fire_items(would_fire: Sequence[stress.WouldFire], t) -> list[QListWidgetItem]:
    """One list item per rule that would fire (``t``: the dialog's AlertText), or one saying none would."""
    if not would_fire:
        return [QListWidgetItem(QCoreApplication.translate("StressDialog", "No rule would fire."))]
    items = []
    for w in would_fire:
        state = (QCoreApplication.translate("StressDialog", "fires already now") if w.fires_now
                 else QCoreApplication.translate("StressDialog", "new"))
        text = arg("%1 · %2 (%3) · %4 %5 (%6) · %7", t.severity(w.severity), t.member(w.member), state,
                   t.metric(w.metric), t.value(w.metric, w.value),
                   arg(QCoreApplication.translate("StressDialog", "threshold %1"), t.value(w.metric, w.threshold)),
                   w.rule_name)
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, (w.rule_key, w.member))
        item.setForeground(severity_colors(w.severity)[1])
        items.append(item)
    return items


def basis_text(p: stress.StressPosition, historical: bool, beta_btc: str, beta_qqq: str) -> str:
    """``historical``: a historical scenario; ``beta_btc`` / ``beta_qqq``: the betas as shown in the table."""
    no_data = Flag.NO_DATA_IN_PERIOD in p.flags
    if p.basis is Basis.DIRECT:
        text = (QCoreApplication.translate("StressDialog", "own worst move in the period") if historical
                else QCoreApplication.translate("StressDialog", "direct"))
    elif p.basis is Basis.BETA_BTC:
        text = arg(QCoreApplication.translate("StressDialog", "no data in the period – through beta to BTC (%1)")
                   if no_data else QCoreApplication.translate("StressDialog", "through beta to BTC (%1)"), beta_btc)
    elif p.basis is Basis.BETA_QQQ:
        text = arg(QCoreApplication.translate("StressDialog", "through beta to QQQ (%1)"), beta_qqq)
    elif p.basis is Basis.BETA_BTC_QQQ:
        text = arg(QCoreApplication.translate("StressDialog", "through betas to BTC (%1) and QQQ (%2)"),
                   beta_btc, beta_qqq)
    elif p.basis is Basis.MANUAL:
        text = QCoreApplication.translate("StressDialog", "by hand")
    elif p.basis is Basis.STABLECOIN:
        text = QCoreApplication.translate("StressDialog", "stablecoin – unchanged")
    elif no_data:
        text = QCoreApplication.translate("StressDialog", "no data in the period and no beta – unchanged")
    else:
        text = QCoreApplication.translate("StressDialog", "no beta – unchanged")
    if p.basis in _BETA_BASES:
        if Flag.MISSING_BETA_QQQ in p.flags:
            text += " " + QCoreApplication.translate("StressDialog", "(no beta to QQQ)")
        if Flag.MISSING_BETA_BTC in p.flags:
            text += " " + QCoreApplication.translate("StressDialog", "(no beta to BTC)")
    if Flag.CAPPED in p.flags:
        text += " " + arg(QCoreApplication.translate("StressDialog", "(capped at %1)"), percent_text(-1.0, decimals=0))
    if Flag.PARTIAL_DATA in p.flags:
        text += " " + QCoreApplication.translate("StressDialog", "(data cover only part of the period)")
    return text


__all__ = ["basis_text", "parse_percent", "would_fire_items"]
