"""Which committed alert events interrupt the user: the pop-up policy, decided here and only executed by the GUI.

An event brings the alert window up (and, when switched on, a tray message and a sound) when it fires,
escalates or ends the snooze of a *warning* or *critical* alert that still needs attention after the commit:
an alert acknowledged or snoozed meanwhile does not pop up, and info alerts only refresh the lists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from riskwatch.domain.alerts import AlertEvent, EventKind, Severity

#: Event kinds that (for warning / critical alerts) bring the window up.
POPUP_KINDS = frozenset({EventKind.FIRED, EventKind.ESCALATED, EventKind.SNOOZE_ENDED})


def needs_popup(event: AlertEvent) -> bool:
    """True for an event that must bring the alert window up (warning or critical, newly demanding attention)."""
    return event.kind in POPUP_KINDS and Severity(event.severity).rank >= Severity.WARNING.rank


@dataclass(frozen=True)
class PopupDecision:
    select: str | None = None                 # the alert key to select (most severe, newest) or None
    urgent: tuple[AlertEvent, ...] = ()       # the events that pop the window up; empty: refresh only
    sound: bool = False
    tray: bool = False

    @property
    def pops_up(self) -> bool:
        return bool(self.urgent)


def decide_popup(events: Iterable[AlertEvent], attention: Collection[str], display_order: Iterable[str] = (), *,
                 notify_tray: bool = True, play_sound: bool = True) -> PopupDecision:
    """The decision for one committed batch. ``attention``: the alert keys that still need attention (active,
    not acknowledged, not snoozed) after the commit; ``display_order``: the window's alert keys, first shown
    first (the one to select is the first new one in that order)."""
    batch = tuple(events)
    new = {e.alert_key for e in batch if e.kind in POPUP_KINDS and e.alert_key in attention}
    select = next((key for key in display_order if key in new), None)
    urgent = tuple(e for e in batch if needs_popup(e) and e.alert_key in attention)
    return PopupDecision(select, urgent, sound=bool(urgent) and play_sound, tray=bool(urgent) and notify_tray)


__all__ = ["POPUP_KINDS", "PopupDecision", "decide_popup", "needs_popup"]
