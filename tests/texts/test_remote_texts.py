"""The remote channels' message texts (AlertTexts.remote / remote_test) in German and English, from the shipped
translation files."""

from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from riskwatch.texts.alerts import AlertTexts
from riskwatch.texts.catalog import Texts

AS_OF = datetime(2025, 3, 22, tzinfo=timezone.utc)
EVENT = SimpleNamespace(member="portfolio", metric="drawdown", value=-0.2, threshold=-0.15, severity="critical",
                        ts=datetime(2025, 3, 22, 12, tzinfo=timezone.utc), data_as_of=AS_OF)


@pytest.mark.parametrize("lang, title, first, severity, reminder", [
    ("en", "RiskWatch reminder: Portfolio – ", "Portfolio: ", "Severity: Critical", "Still active and not acknowledged."),
    ("de", "RiskWatch-Erinnerung: Portfolio – ", "Portfolio: ", "Schweregrad: Kritisch",
     "Weiterhin aktiv und nicht quittiert."),
])
def test_a_reminder_names_figure_value_threshold_severity_and_data_time(lang, title, first, severity, reminder):
    texts = AlertTexts(Texts(lang))
    head, body = texts.remote(EVENT, reminder=True)
    lines = body.splitlines()
    assert head.startswith(title) and head.endswith(texts.metric("drawdown"))
    assert lines[0] == texts.summary("portfolio", "drawdown", -0.2, -0.15) and lines[0].startswith(first)
    assert ("−20,0 %" if lang == "de" else "−20.0%") in lines[0]
    assert lines[1] == severity and lines[-1] == reminder
    assert ("22.03.2025" if lang == "de" else "2025-03-2") in lines[2]


def test_without_a_data_time_the_message_says_so():
    event = SimpleNamespace(**{**vars(EVENT), "data_as_of": None, "ts": None})
    assert AlertTexts(Texts("de")).remote(event)[1].splitlines()[2] == "Datenstand: unbekannt"
    assert AlertTexts(Texts("en")).remote(event)[1].splitlines()[2] == "Data as of: unknown"


def test_the_test_message_in_both_languages():
    assert AlertTexts(Texts("de")).remote_test()[0] == "RiskWatch-Testnachricht"
    assert AlertTexts(Texts("en")).remote_test()[0] == "RiskWatch test message"
