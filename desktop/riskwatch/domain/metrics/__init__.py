"""Risk metrics of price histories: drawdown family, returns, volatility, VaR/ES, beta/correlation.

Pure functions; conventions as in DESIGN.md ("Metric conventions"): prices in, fractions out
(−0.17 means 17 % down), calendar-time windows written like pandas offsets ("30D", "90D", "12h").

Two layers:

* **Series functions** (``drawdown``, ``max_drawdown``, ``drop_from_high`` …) take a float ``pd.Series``
  of prices with a tz-aware DatetimeIndex (strictly ascending: unsorted or duplicate timestamps are
  rejected) and return Series or small frozen dataclasses with ``pd.Timestamp`` dates.
* **Positional cores** (``*_array``) take float64 numpy arrays, time along axis 0 and one column per asset,
  plus (for windows) the timestamps as int64 nanoseconds or datetime64. They return arrays of the same
  layout. The 2-D forms are the fast path for many assets on one clock.

Input rules, everywhere:

* Prices must be positive and finite; zero, negative or infinite prices raise :class:`MetricInputError`.
* **NaN price = missing observation.** It neither sets a peak nor a trough; the result at that timestamp is
  NaN and every other value equals the result for ``prices.dropna()``. Returns bridge a gap: the return at
  the first valid price after a gap is measured from the last valid price before it. Forward-fill first if
  you want carry-forward semantics (the portfolio valuation does that for weekend equities).
* Empty (or all-NaN) input: series functions return an empty / all-NaN result, dated summaries raise
  :class:`InsufficientDataError`, statistics (volatility, VaR, beta …) return NaN when they have too few
  observations (volatility and beta need 2, VaR/ES need 1).

Algorithms: every window metric is O(n) (van Herk / Gil-Werman block decomposition on the time grid of the
data; sequential two-stack aggregation for irregular timestamps). Scans run on a blocked (block-row, block,
asset) layout so numpy processes wide rows instead of one long dependency chain.

Modules: :mod:`._arrays` (errors, input checks), :mod:`._blocks` (the block-scan engine), :mod:`.windows`
(the drawdown family of a panel), :mod:`.drawdown` (drawdown cores and Series API), :mod:`.returns`,
:mod:`.risk` (volatility, VaR, ES), :mod:`.relations` (beta, correlation). Everything is re-exported here:
import from ``riskwatch.domain.metrics``.
"""

from riskwatch.domain.metrics._arrays import (
    InsufficientDataError,
    MetricInputError,
    _array,
    _as2d,
    _check_ascending,
    _check_len,
    _check_prices,
    _returns2d,
    _series,
    _shape_out,
    times_ns,
    window_ns,
)
from riskwatch.domain.metrics.drawdown import (
    Drop,
    MaxDrawdown,
    current_drawdown,
    drawdown,
    drawdown_array,
    drop_from_high,
    max_drawdown,
    max_drawdown_array,
    max_drawdown_in_window,
    trailing_high,
    worst_drop_from_high,
    worst_drop_from_high_by_year,
)
from riskwatch.domain.metrics.relations import (
    aligned_returns,
    beta,
    beta_corr_array,
    correlation,
    rolling_beta,
    rolling_beta_corr_array,
    rolling_correlation,
)
from riskwatch.domain.metrics.returns import (
    _returns,
    infer_bar,
    periods_per_year,
    returns_array,
    simple_returns,
    trailing_return,
    trailing_returns,
)
from riskwatch.domain.metrics.risk import (
    _moments,
    _Moments,
    annualized_volatility,
    expected_shortfall,
    parametric_var,
    value_at_risk,
    var_es_array,
)
from riskwatch.domain.metrics.windows import (
    MaxDrawdownArrays,
    WindowFamily,
    _family,
    drop_from_high_array,
    max_drawdown_in_window_array,
    trailing_high_array,
    window_family,
)

__all__ = [
    "Drop", "InsufficientDataError", "MaxDrawdown", "MaxDrawdownArrays", "MetricInputError", "WindowFamily",
    "aligned_returns", "annualized_volatility", "beta", "beta_corr_array", "correlation", "current_drawdown",
    "drawdown", "drawdown_array", "drop_from_high", "drop_from_high_array", "expected_shortfall", "infer_bar",
    "max_drawdown", "max_drawdown_array", "max_drawdown_in_window", "max_drawdown_in_window_array",
    "parametric_var", "periods_per_year", "returns_array", "rolling_beta", "rolling_beta_corr_array",
    "rolling_correlation", "simple_returns", "times_ns", "trailing_high", "trailing_high_array",
    "trailing_return", "trailing_returns", "value_at_risk", "var_es_array", "window_family", "window_ns",
    "worst_drop_from_high", "worst_drop_from_high_by_year",
    # internals the panel engine and the streaming state build on (stable within the domain package)
    "_Moments", "_array", "_as2d", "_check_ascending", "_check_len", "_check_prices", "_family", "_moments",
    "_returns", "_returns2d", "_series", "_shape_out",
]
