"""The slow parts of showing a cycle's result, as plain functions for a worker thread (see ``gui/ops.py``)."""

from __future__ import annotations


def weekend_gap(result):
    """The weekend-gap estimate for the overview, or None."""
    from riskwatch.domain.stress import weekend_gap_for_report

    try:
        return weekend_gap_for_report(result.report, result.closes.get("BTC")) or None
    except Exception:  # an estimate must never break the display
        return None


def chart_data(result, alerts):
    """The chart series of ``result`` with the current rules' threshold lines (rules read here, off the GUI)."""
    from riskwatch.services.charts import build_chart_data

    return build_chart_data(result, alerts.rules() if alerts is not None else ())


__all__ = ["chart_data", "weekend_gap"]
