"""Texts of the stress dialog: the "Basis" column (how a row's shock came about; rows shocked through a beta say
so, a beta the user set is labelled, a row without any beta says its move is unknown), the portfolio totals
(not available while a move is unknown: the result without those assets, named), the list of rules that would
fire, and percentages typed by hand. The texts keep the stress dialog's
translation context, so each keeps its one catalogue entry."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem

from riskwatch.domain import stress
from riskwatch.domain.stress import Basis, Flag
from riskwatch.gui.alert_text import arg, severity_colors
from riskwatch.gui.format import money_text, percent_text

_BETA_BASES = (Basis.BETA_BTC_QQQ, Basis.BETA_BTC, Basis.BETA_QQQ)
_NUMBER_RE = re.compile(r"^\s*([+\-\u2212]?)\s*(\d+(?:[.,]\d*)?)\s*%?\s*$")


def parse_percent(text: str) -> float | None:
    """``"-20"``, ``"−20 %"``, ``"-12,5"`` -> −0.20, −0.20, −0.125; None for an empty or invalid text."""
    m = _NUMBER_RE.match(text or "")
    if not m:
        return None
    value = float(m.group(2).replace(",", ".")) / 100.0
    return -value if m.group(1) in ("-", "\u2212") else value


def user_beta_label() -> str:
    """The label of a beta the user set: the table's column, and every row shocked through one."""
    return QCoreApplication.translate("StressDialog", "Beta (set by you)")


def totals_text(r: stress.StressResult, currency: str) -> str:
    """The portfolio line; while a move is unknown, "not available" with the assets named and the rest's result."""
    before, after, pnl = (money_text(v, currency) for v in (r.value_before, r.value_after, r.pnl))
    if r.complete:
        pct = percent_text(r.pnl_pct) if r.pnl_pct is not None else "–"
        return arg(QCoreApplication.translate("StressDialog", "Portfolio: %1 → %2, P&L %3 (%4)"),
                   before, after, pnl, pct)
    covered = r.covered_value_before
    rest = percent_text(r.covered_pnl_pct) if r.covered_pnl_pct is not None else "–"
    share = percent_text(r.lacking_share) if r.lacking_share is not None else "–"
    return arg(QCoreApplication.translate(
        "StressDialog", "Portfolio: not available – no beta for %1 (%2 of the portfolio), their move is unknown. "
        "Without them: %3 → %4, P&L %5 (%6). Set a beta for them under “%7” to include them."),
        ", ".join(r.lacking_beta), share, money_text(covered, currency), money_text(covered + r.pnl, currency),
        pnl, rest, user_beta_label())


def would_fire_items(would_fire: Sequence[stress.WouldFire], t,
                     lacking: Sequence[str] = ()) -> list[QListWidgetItem]:
    """One list item per rule that would fire (``t``: the dialog's AlertText), or one saying none would;
    ``lacking``: the assets whose move is unknown (they and the portfolio were not judged), said first."""
    items = []
    if lacking:
        items.append(QListWidgetItem(arg(QCoreApplication.translate(
            "StressDialog", "Not judged for %1 and the portfolio: their move is unknown (no beta)."),
            ", ".join(lacking))))
    if not would_fire:
        return [*items, QListWidgetItem(QCoreApplication.translate("StressDialog", "No rule would fire."))]
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
    """``historical``: a historical scenario; ``beta_btc`` / ``beta_qqq``: the betas used, as shown in the table
    (``beta_btc`` the user's when the row is flagged ``user_beta_btc``)."""
    no_data = Flag.NO_DATA_IN_PERIOD in p.flags
    user = Flag.USER_BETA_BTC in p.flags
    if user and p.basis in (Basis.BETA_BTC, Basis.BETA_BTC_QQQ):
        text = _user_basis_text(p, no_data, beta_btc, beta_qqq)
    elif p.basis is Basis.DIRECT:
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
        text = QCoreApplication.translate("StressDialog", "no data in the period and no beta – move unknown, "
                                                          "left out of the portfolio's result")
    else:
        text = QCoreApplication.translate("StressDialog", "no beta – move unknown, left out of the portfolio's "
                                                          "result")
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


def _user_basis_text(p: stress.StressPosition, no_data: bool, beta_btc: str, beta_qqq: str) -> str:
    if p.basis is Basis.BETA_BTC_QQQ:
        return arg(QCoreApplication.translate("StressDialog", "through %1 to BTC (%2) and beta to QQQ (%3)"),
                   user_beta_label(), beta_btc, beta_qqq)
    if no_data:
        return arg(QCoreApplication.translate("StressDialog", "no data in the period – through %1 to BTC (%2)"),
                   user_beta_label(), beta_btc)
    return arg(QCoreApplication.translate("StressDialog", "through %1 to BTC (%2)"), user_beta_label(), beta_btc)


__all__ = ["basis_text", "parse_percent", "totals_text", "user_beta_label", "would_fire_items"]
