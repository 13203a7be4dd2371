"""Alert text without Qt: a fired alert in German and English from the one translation file, for sinks outside
widgets (desktop notification, e-mail, the command line). Run in a fresh interpreter that never imports Qt."""

import json
import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import json, sys
    from datetime import datetime, timezone
    from riskwatch.domain.alerts import AlertEvent, EventKind, Severity
    from riskwatch.texts.alerts import AlertTexts
    from riskwatch.texts.catalog import Texts

    fired = AlertEvent(EventKind.FIRED, "btc_drop|BTC", "btc_drop_30d_warning", "BTC 17 % below its 30-day high",
                       Severity.WARNING, "BTC", "drop_from_high:30D", -0.18571, -0.17,
                       datetime(2025, 11, 4, 14, 5, tzinfo=timezone.utc), "drop_from_high")
    stale = AlertEvent(EventKind.RESOLVED, "age|MARA", "price_age", "Price older than 15 minutes", Severity.INFO,
                       "MARA", "price_age", 5400.0, 900.0, datetime(2025, 11, 4, 14, 5, tzinfo=timezone.utc),
                       "price_age", params={"reason": "position_removed"})
    out = {}
    for lang in ("de", "en"):
        t = AlertTexts(Texts(lang))
        out[lang] = [t.message(fired), t.message(stale), t.summary("portfolio", "drawdown", -0.1534, -0.15),
                     t.value("spread_bps", 1234.5), t.metric("return:1D")]
    out["qt"] = "PySide6" in sys.modules
    print(json.dumps(out, ensure_ascii=False))
""")


def _run() -> dict:
    env = {**os.environ, "TZ": "UTC"}
    env.pop("QT_QPA_PLATFORM", None)
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, encoding="utf-8", env=env,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_a_fired_alert_reads_the_same_in_german_and_english_without_qt():
    out = _run()
    assert out["qt"] is False                                         # no Qt was imported for any of it
    assert out["de"] == [
        "Warnung – Ausgelöst: BTC: Rückgang vom 30-Tage-Hoch \u221218,6 % (Schwellwert \u221217,0 %), "
        "Stand 04.11.2025 14:05",
        "Hinweis – Beendet (Position entfernt): MARA: Kurs veraltet 1,5 Std. (Schwellwert 15 Min.), "
        "Stand 04.11.2025 14:05",
        "Portfolio: Drawdown vom Höchststand \u221215,3 % (Schwellwert \u221215,0 %)",
        "1.234,5 Bp.",
        "Rendite über 1 Tag",
    ]
    assert out["en"] == [
        "Warning – Fired: BTC: Drop from 30-day high \u221218.6% (threshold \u221217.0%), as of 2025-11-04 14:05",
        "Info – Resolved (position removed): MARA: Stale price 1.5 h (threshold 15 min), as of 2025-11-04 14:05",
        "Portfolio: Drawdown from peak \u221215.3% (threshold \u221215.0%)",
        "1,234.5 bp",
        "Return over 1 day",
    ]
