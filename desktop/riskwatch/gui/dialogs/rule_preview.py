"""The rule dialog's preview: the metric's current value(s) from the latest snapshot against the threshold."""

from __future__ import annotations

from PySide6.QtCore import QObject

from riskwatch.domain.alerts import Rule, preview
from riskwatch.domain.snapshot import Snapshot, metric_key
from riskwatch.gui.alert_text import AlertText, arg, local_datetime_text


class RulePreviewText(QObject):
    """Translated preview lines (one object per dialog; it follows the language like every ``tr``)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._text = AlertText(self)

    def text(self, rule: Rule | None, snapshot: Snapshot | None) -> str:
        """``rule`` None: the fields do not make a valid rule yet; ``snapshot`` None: no data yet."""
        if snapshot is None:
            return self.tr("– (no data yet)")
        if rule is None:
            return "–"
        t = self._text
        rows = preview(rule, snapshot)
        if not rows:
            return self.tr("– (no asset in this scope has data)")
        key = metric_key(rule.metric, rule.window)
        lines = [arg(self.tr("As of %1, threshold %2:"), local_datetime_text(snapshot.ts),
                     t.value(key, rule.threshold))]
        for member, value, fires in rows:
            if value is None:
                lines.append(arg(self.tr("%1: – (no data)"), t.member(member)))
            elif fires:
                lines.append(arg(self.tr("%1: %2 – would fire"), t.member(member), t.value(key, value)))
            else:
                lines.append(arg(self.tr("%1: %2 – would not fire"), t.member(member), t.value(key, value)))
        return "\n".join(lines)


__all__ = ["RulePreviewText"]
