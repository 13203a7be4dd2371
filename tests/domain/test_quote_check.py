"""The live-quote plausibility rules (pure): references, confirmation, persistence."""

from datetime import UTC, datetime, timedelta

from riskwatch.domain.quote_check import QuoteChecker, QuoteEvidence, QuoteVerdict as V

T0 = datetime(2026, 3, 10, 15, tzinfo=UTC)
S = timedelta(seconds=15)
BARS = QuoteEvidence(bar_close=82_200.0, bar_as_of=T0)


def test_a_fresh_process_judges_against_the_stored_close():
    c = QuoteChecker()
    assert c.check("k", 822_000.0, T0, BARS) is V.UNCONFIRMED
    assert c.check("k", 822.0, T0, BARS) is V.UNCONFIRMED
    assert c.check("k", 82_500.0, T0, BARS) is V.ACCEPTED


def test_the_book_confirms_a_crash_and_vetoes_a_spike_for_good():
    c = QuoteChecker()
    assert c.check("k", 33_000.0, T0, QuoteEvidence(82_200.0, T0, book_mid=33_010.0)) is V.CONFIRMED
    c = QuoteChecker()
    book = QuoteEvidence(82_200.0, T0, book_mid=82_190.0)
    for i in range(10):   # however long the broken feed insists
        assert c.check("k", 822_000.0, T0 + i * timedelta(minutes=1), book) is V.UNCONFIRMED


def test_two_spiked_ticks_do_not_confirm_each_other_and_the_correct_price_passes_at_once():
    c = QuoteChecker()
    assert c.check("k", 82_200.0, T0) is V.ACCEPTED
    assert c.check("k", 822_000.0, T0 + S) is V.UNCONFIRMED
    assert c.check("k", 822_000.0, T0 + 2 * S) is V.UNCONFIRMED
    assert c.check("k", 82_210.0, T0 + 3 * S) is V.ACCEPTED


def test_without_an_independent_price_persistence_over_time_confirms():
    c = QuoteChecker()
    c.check("k", 10.0, T0)
    assert [c.check("k", 15.0, T0 + i * timedelta(minutes=3)) for i in range(1, 4)] == \
        [V.UNCONFIRMED, V.UNCONFIRMED, V.CONFIRMED]


def test_a_last_price_far_outside_its_own_bid_ask_is_implausible():
    c = QuoteChecker()
    assert not c.plausible("k", 100.0, T0, QuoteEvidence(bid=90.0, ask=91.0))
    assert c.plausible("k", 100.0, T0, QuoteEvidence(bid=99.9, ask=100.1))
