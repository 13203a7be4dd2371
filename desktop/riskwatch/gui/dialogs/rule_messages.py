"""The rule dialog's error messages that need more than a line: range errors and the store's refusals."""

from __future__ import annotations

from PySide6.QtCore import QObject

from riskwatch.domain.alerts import MAX_COOLDOWN
from riskwatch.domain.catalogue import Unit
from riskwatch.domain.errors import InputError
from riskwatch.gui.alert_text import arg, number_text
from riskwatch.gui.dialogs.rule_fields import unit_of
from riskwatch.gui.format import percent_text

MAX_COOLDOWN_HOURS = MAX_COOLDOWN.total_seconds() / 3600


class RuleMessages(QObject):
    """Translated messages of the rule dialog (one per dialog)."""

    def bound_text(self, metric: str, stored: float) -> str:
        unit = unit_of(metric)
        if unit is Unit.FRACTION:
            return percent_text(stored, decimals=0)
        if unit is Unit.SECONDS:
            return arg(self.tr("%1 min"), number_text(stored / 60.0, 1))
        return number_text(stored)

    def range_error(self, metric: str, lo: float | None, hi: float | None) -> str:
        """The threshold is outside ``lo`` … ``hi`` (stored units; None: open)."""
        if lo is not None and hi is not None:
            return arg(self.tr("Enter a value between %1 and %2."), self.bound_text(metric, lo),
                       self.bound_text(metric, hi))
        if lo is not None:
            return arg(self.tr("Enter a value of at least %1."), self.bound_text(metric, lo))
        return arg(self.tr("Enter a value of at most %1."), self.bound_text(metric, hi))

    def field_message(self, key: str, detail: str) -> str:
        """A translated message for a problem the domain found (its own text is English)."""
        messages = {"name": self.tr("Enter a name (at most 100 characters)."),
                    "window": self.tr("Enter a count and a unit such as 30 days or 4 hours."),
                    "threshold": self.tr("Enter a number in the metric's range."),
                    "hysteresis": self.tr("Enter 0 or more."),
                    "cooldown": arg(self.tr("Enter between 0 and %1 hours."), number_text(MAX_COOLDOWN_HOURS, 0))}
        return messages.get(key) or arg(self.tr("The rule is not valid: %1"), detail)

    def save_problems(self, exc: InputError, group: str | None) -> str:
        """Why the store refused the rule (the whole rule set is checked on saving)."""
        messages = []
        for p in exc.problems:
            field = p.field or ""
            if field.endswith("escalation_group"):
                messages.append(arg(self.tr(
                    "The rule does not fit its escalation group '%1': a more severe rule of the group needs a "
                    "threshold further in the bad direction, and all rules of a group share metric, window, "
                    "scope and direction."), group or field.split(".")[0]))
            elif field.endswith(".scope"):
                messages.append(self.tr("The symbol is not known."))
            elif field.endswith(".key"):
                messages.append(self.tr("Another rule already uses this key."))
            else:
                messages.append(arg(self.tr("The rule was not saved: %1"), p.message))
        return "\n".join(dict.fromkeys(messages))


__all__ = ["MAX_COOLDOWN_HOURS", "RuleMessages"]
