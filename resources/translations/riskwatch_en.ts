<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name />
    <message>
        <source>No positions.</source>
        <translation>No positions.</translation>
    </message>
    <message>
        <source>Exported {n} position(s) to {file}.</source>
        <translation>Exported {n} position(s) to {file}.</translation>
    </message>
    <message>
        <source>Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).</source>
        <translation>Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).</translation>
    </message>
    <message>
        <source>no active alerts</source>
        <translation>no active alerts</translation>
    </message>
    <message>
        <source>new: </source>
        <translation>new: </translation>
    </message>
    <message>
        <source>since an unknown time</source>
        <translation>since an unknown time</translation>
    </message>
    <message>
        <source>{asset} since {time}</source>
        <translation>{asset} since {time}</translation>
    </message>
    <message>
        <source>data stale: {items}</source>
        <translation>data stale: {items}</translation>
    </message>
    <message>
        <source>unavailable: {items}</source>
        <translation>unavailable: {items}</translation>
    </message>
    <message>
        <source>market data timed out after {seconds} s, figures from stored prices</source>
        <translation>market data timed out after {seconds} s, figures from stored prices</translation>
    </message>
    <message>
        <source>Market: {level} ({count} of {total})</source>
        <translation>Market: {level} ({count} of {total})</translation>
    </message>
    <message>
        <source>Market: unavailable (too few current indicators)</source>
        <translation>Market: unavailable (too few current indicators)</translation>
    </message>
</context>
<context>
    <name>AccountText</name>
    <message>
        <source>%1 rejected the API key: the key or the secret is wrong.</source>
        <translation>%1 rejected the API key: the key or the secret is wrong.</translation>
    </message>
    <message>
        <source>%1 accepted the API key, but it lacks the permission to read balances. Enable only the permission to query funds (Kraken: "Query Funds").</source>
        <translation>%1 accepted the API key, but it lacks the permission to read balances. Enable only the permission to query funds (Kraken: "Query Funds").</translation>
    </message>
    <message>
        <source>%1 rejected the request's nonce or timestamp. Check that this computer's clock is right and that no other program uses the same key.</source>
        <translation>%1 rejected the request's nonce or timestamp. Check that this computer's clock is right and that no other program uses the same key.</translation>
    </message>
    <message>
        <source>%1 could not be reached. Check the internet connection and try again later.</source>
        <translation>%1 could not be reached. Check the internet connection and try again later.</translation>
    </message>
    <message>
        <source>No API key for %1 is stored.</source>
        <translation>No API key for %1 is stored.</translation>
    </message>
    <message>
        <source>The key store failed: %1</source>
        <translation>The key store failed: %1</translation>
    </message>
    <message>
        <source>%1 asks to slow down. Try again in a minute.</source>
        <translation>%1 asks to slow down. Try again in a minute.</translation>
    </message>
    <message>
        <source>%1 answered with data that could not be read. Nothing was changed.</source>
        <translation>%1 answered with data that could not be read. Nothing was changed.</translation>
    </message>
    <message>
        <source>%1 could not answer: %2</source>
        <translation>%1 could not answer: %2</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <source>Stored in the system keyring (%1).</source>
        <translation>Stored in the system keyring (%1).</translation>
    </message>
    <message>
        <source>Taken from environment variables.</source>
        <translation>Taken from environment variables.</translation>
    </message>
    <message>
        <source>Kept for this session only: RiskWatch forgets it when you quit.</source>
        <translation>Kept for this session only: RiskWatch forgets it when you quit.</translation>
    </message>
    <message>
        <source>No API key stored.</source>
        <translation>No API key stored.</translation>
    </message>
</context>
<context>
    <name>AlertHistoryView</name>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Data as of</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>At most this many events are loaded at once (the newest). A short confirmation for the status bar (exports).</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Event:</translation>
    </message>
    <message>
        <source>Asset:</source>
        <translation>Asset:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>e.g. BTC</source>
        <translation>e.g. BTC</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>When the event happened</source>
        <translation>When the event happened</translation>
    </message>
    <message>
        <source>The as-of time of the data behind the value</source>
        <translation>The as-of time of the data behind the value</translation>
    </message>
    <message>
        <source>The alert history could not be loaded: %1</source>
        <translation>The alert history could not be loaded: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Export alert history</source>
        <translation>Export alert history</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n alert event(s).</source>
        <translation>
            <numerusform>Exported %n alert event.</numerusform>
            <numerusform>Exported %n alert events.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message>
        <source>Info</source>
        <extracomment>Percent decimals of fraction metrics whose values are small (a funding rate of 0.01 % per 8 h).</extracomment>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Fired</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>De-escalated</source>
        <translation>De-escalated</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Snoozed</translation>
    </message>
    <message>
        <source>Snooze ended</source>
        <translation>Snooze ended</translation>
    </message>
    <message>
        <source>position removed</source>
        <translation>position removed</translation>
    </message>
    <message>
        <source>rule removed</source>
        <translation>rule removed</translation>
    </message>
    <message>
        <source>Single asset</source>
        <translation>Single asset</translation>
    </message>
    <message>
        <source>All miner stocks</source>
        <translation>All miner stocks</translation>
    </message>
    <message>
        <source>All crypto assets</source>
        <translation>All crypto assets</translation>
    </message>
    <message>
        <source>All stablecoins</source>
        <translation>All stablecoins</translation>
    </message>
    <message>
        <source>All assets</source>
        <translation>All assets</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Market regime</source>
        <translation>Market regime</translation>
    </message>
    <message>
        <source>Drop from trailing high</source>
        <translation>Drop from trailing high</translation>
    </message>
    <message>
        <source>Drop from the trailing high (calendar days)</source>
        <translation>Drop from the trailing high (calendar days)</translation>
    </message>
    <message>
        <source>Drawdown from peak</source>
        <translation>Drawdown from peak</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Drawdown from the all-time high in the stored history</source>
        <translation>Drawdown from the all-time high in the stored history</translation>
    </message>
    <message>
        <source>Maximum drawdown</source>
        <translation>Maximum drawdown</translation>
    </message>
    <message>
        <source>Max. drawdown</source>
        <translation>Max. drawdown</translation>
    </message>
    <message>
        <source>Deepest drawdown in the stored history</source>
        <translation>Deepest drawdown in the stored history</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatility</translation>
    </message>
    <message>
        <source>Annualised volatility of the daily returns (90 days)</source>
        <translation>Annualised volatility of the daily returns (90 days)</translation>
    </message>
    <message>
        <source>Value at Risk (VaR) 95 %</source>
        <translation>Value at Risk (VaR) 95 %</translation>
    </message>
    <message>
        <source>VaR 95 %</source>
        <translation>VaR 95 %</translation>
    </message>
    <message>
        <source>Value at Risk (VaR) 99 %</source>
        <translation>Value at Risk (VaR) 99 %</translation>
    </message>
    <message>
        <source>VaR 99 %</source>
        <translation>VaR 99 %</translation>
    </message>
    <message>
        <source>Expected Shortfall (CVaR) 95 %</source>
        <translation>Expected Shortfall (CVaR) 95 %</translation>
    </message>
    <message>
        <source>ES 95 %</source>
        <translation>ES 95 %</translation>
    </message>
    <message>
        <source>Expected Shortfall (CVaR) 99 %</source>
        <translation>Expected Shortfall (CVaR) 99 %</translation>
    </message>
    <message>
        <source>ES 99 %</source>
        <translation>ES 99 %</translation>
    </message>
    <message>
        <source>Beta BTC</source>
        <translation>Beta BTC</translation>
    </message>
    <message>
        <source>Beta to BTC (90 days)</source>
        <translation>Beta to BTC (90 days)</translation>
    </message>
    <message>
        <source>Correlation with BTC</source>
        <translation>Correlation with BTC</translation>
    </message>
    <message>
        <source>Corr. BTC</source>
        <translation>Corr. BTC</translation>
    </message>
    <message>
        <source>Correlation with BTC (90 days)</source>
        <translation>Correlation with BTC (90 days)</translation>
    </message>
    <message>
        <source>Beta to QQQ (Nasdaq-100)</source>
        <translation>Beta to QQQ (Nasdaq-100)</translation>
    </message>
    <message>
        <source>Beta QQQ</source>
        <translation>Beta QQQ</translation>
    </message>
    <message>
        <source>Beta to QQQ (Nasdaq-100, 90 days)</source>
        <translation>Beta to QQQ (Nasdaq-100, 90 days)</translation>
    </message>
    <message>
        <source>Sortino ratio</source>
        <translation>Sortino ratio</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>Sortino</translation>
    </message>
    <message>
        <source>Annualised Sortino ratio of the daily returns, target 0 (365 days)</source>
        <translation>Annualised Sortino ratio of the daily returns, target 0 (365 days)</translation>
    </message>
    <message>
        <source>Stale price</source>
        <translation>Stale price</translation>
    </message>
    <message>
        <source>Slippage of selling the whole position at once (half the spread included)</source>
        <translation>Slippage of selling the whole position at once (half the spread included)</translation>
    </message>
    <message>
        <source>Largest drop within the window</source>
        <translation>Largest drop within the window</translation>
    </message>
    <message>
        <source>Largest drop</source>
        <translation>Largest drop</translation>
    </message>
    <message>
        <source>Largest fall from a high to a later low within the window</source>
        <translation>Largest fall from a high to a later low within the window</translation>
    </message>
    <message>
        <source>Correlation with QQQ</source>
        <translation>Correlation with QQQ</translation>
    </message>
    <message>
        <source>Corr. QQQ</source>
        <translation>Corr. QQQ</translation>
    </message>
    <message>
        <source>Correlation of the daily returns with QQQ (Nasdaq-100)</source>
        <translation>Correlation of the daily returns with QQQ (Nasdaq-100)</translation>
    </message>
    <message>
        <source>Rise of the correlation with BTC</source>
        <translation>Rise of the correlation with BTC</translation>
    </message>
    <message>
        <source>Corr. rise BTC</source>
        <translation>Corr. rise BTC</translation>
    </message>
    <message>
        <source>30-day minus 90-day correlation with BTC</source>
        <translation>30-day minus 90-day correlation with BTC</translation>
    </message>
    <message>
        <source>Rise of the correlation with QQQ</source>
        <translation>Rise of the correlation with QQQ</translation>
    </message>
    <message>
        <source>Corr. rise QQQ</source>
        <translation>Corr. rise QQQ</translation>
    </message>
    <message>
        <source>30-day minus 90-day correlation with QQQ (Nasdaq-100)</source>
        <translation>30-day minus 90-day correlation with QQQ (Nasdaq-100)</translation>
    </message>
    <message>
        <source>Market regime level</source>
        <translation>Market regime level</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Regime</translation>
    </message>
    <message>
        <source>Market regime: 0 calm, 1 under pressure, 2 stressed</source>
        <translation>Market regime: 0 calm, 1 under pressure, 2 stressed</translation>
    </message>
    <message>
        <source>Indicators beyond their threshold</source>
        <translation>Indicators beyond their threshold</translation>
    </message>
    <message>
        <source>Indicators beyond</source>
        <translation>Indicators beyond</translation>
    </message>
    <message>
        <source>Number of market-regime indicators beyond their threshold</source>
        <translation>Number of market-regime indicators beyond their threshold</translation>
    </message>
    <message>
        <source>Net debt to market cap</source>
        <translation>Net debt to market cap</translation>
    </message>
    <message>
        <source>Net debt / mcap</source>
        <translation>Net debt / mcap</translation>
    </message>
    <message>
        <source>Debt minus cash, against price × shares outstanding</source>
        <translation>Debt minus cash, against price × shares outstanding</translation>
    </message>
    <message>
        <source>Debt to enterprise value</source>
        <translation>Debt to enterprise value</translation>
    </message>
    <message>
        <source>Debt / EV</source>
        <translation>Debt / EV</translation>
    </message>
    <message>
        <source>Debt against market cap plus debt minus cash</source>
        <translation>Debt against market cap plus debt minus cash</translation>
    </message>
    <message>
        <source>Debt growth over a year</source>
        <translation>Debt growth over a year</translation>
    </message>
    <message>
        <source>Debt growth 1 y</source>
        <translation>Debt growth 1 y</translation>
    </message>
    <message>
        <source>Debt against the debt reported four quarters earlier</source>
        <translation>Debt against the debt reported four quarters earlier</translation>
    </message>
    <message>
        <source>Age of the balance sheet</source>
        <translation>Age of the balance sheet</translation>
    </message>
    <message>
        <source>Balance sheet age</source>
        <translation>Balance sheet age</translation>
    </message>
    <message>
        <source>Days since the period end of the latest filing</source>
        <translation>Days since the period end of the latest filing</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <source>Under pressure</source>
        <translation>Under pressure</translation>
    </message>
    <message>
        <source>Stressed</source>
        <translation>Stressed</translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation>%1 – %2: %3</translation>
    </message>
    <message>
        <source>%1, as of %2</source>
        <translation>%1, as of %2</translation>
    </message>
    <message>
        <source>RiskWatch reminder: %1</source>
        <translation>RiskWatch reminder: %1</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Severity: %1</translation>
    </message>
    <message>
        <source>Data as of: %1</source>
        <translation>Data as of: %1</translation>
    </message>
    <message>
        <source>Data as of: unknown</source>
        <translation>Data as of: unknown</translation>
    </message>
    <message>
        <source>Raised: %1</source>
        <translation>Raised: %1</translation>
    </message>
    <message>
        <source>Still active and not acknowledged.</source>
        <translation>Still active and not acknowledged.</translation>
    </message>
    <message>
        <source>RiskWatch test message</source>
        <translation>RiskWatch test message</translation>
    </message>
    <message>
        <source>This is a test message from RiskWatch: the channel works.</source>
        <translation>This is a test message from RiskWatch: the channel works.</translation>
    </message>
    <message>
        <source>Beta to BTC</source>
        <translation>Beta to BTC</translation>
    </message>
    <message>
        <source>Bid-ask spread</source>
        <translation>Bid-ask spread</translation>
    </message>
    <message>
        <source>Slippage on exit</source>
        <translation>Slippage on exit</translation>
    </message>
    <message>
        <source>Stablecoin peg deviation</source>
        <translation>Stablecoin peg deviation</translation>
    </message>
    <message>
        <source>Days to liquidate</source>
        <translation>Days to liquidate</translation>
    </message>
    <message>
        <source>Largest weight</source>
        <translation>Largest weight</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Depth −1% (bid)</source>
        <translation>Depth −1% (bid)</translation>
    </message>
    <message>
        <source>Order book depth: bids within 1% below the mid price</source>
        <translation>Order book depth: bids within 1% below the mid price</translation>
    </message>
    <message>
        <source>Depth +1% (ask)</source>
        <translation>Depth +1% (ask)</translation>
    </message>
    <message>
        <source>Order book depth: asks within 1% above the mid price</source>
        <translation>Order book depth: asks within 1% above the mid price</translation>
    </message>
    <message>
        <source>Depth ±2%</source>
        <translation>Depth ±2%</translation>
    </message>
    <message>
        <source>Order book depth: both sides within 2% of the mid price</source>
        <translation>Order book depth: both sides within 2% of the mid price</translation>
    </message>
    <message>
        <source>Imbalance</source>
        <translation>Imbalance</translation>
    </message>
    <message>
        <source>Order book imbalance within ±1%: positive when more money bids than offers</source>
        <translation>Order book imbalance within ±1%: positive when more money bids than offers</translation>
    </message>
    <message>
        <source>Depth vs. 7 days</source>
        <translation>Depth vs. 7 days</translation>
    </message>
    <message>
        <source>Depth within ±2% against its median of the last 7 days</source>
        <translation>Depth within ±2% against its median of the last 7 days</translation>
    </message>
    <message>
        <source>Book too thin</source>
        <translation>Book too thin</translation>
    </message>
    <message>
        <source>The visible order book cannot absorb the whole position</source>
        <translation>The visible order book cannot absorb the whole position</translation>
    </message>
    <message>
        <source>Peg deviation</source>
        <translation>Peg deviation</translation>
    </message>
    <message>
        <source>Funding rate of the BTC perpetual per 8 hours</source>
        <translation>Funding rate of the BTC perpetual per 8 hours</translation>
    </message>
    <message>
        <source>Funding p. a.</source>
        <translation>Funding p. a.</translation>
    </message>
    <message>
        <source>Funding rate annualised (× 3 × 365, not compounded)</source>
        <translation>Funding rate annualised (× 3 × 365, not compounded)</translation>
    </message>
    <message>
        <source>Open interest 24 h</source>
        <translation>Open interest 24 h</translation>
    </message>
    <message>
        <source>ADV 20 days</source>
        <translation>ADV 20 days</translation>
    </message>
    <message>
        <source>Average daily dollar volume over the last 20 trading days</source>
        <translation>Average daily dollar volume over the last 20 trading days</translation>
    </message>
    <message>
        <source>Trading days to sell the position at 20% of the daily volume</source>
        <translation>Trading days to sell the position at 20% of the daily volume</translation>
    </message>
    <message>
        <source>Latest volume against the median of the 30 days before</source>
        <translation>Latest volume against the median of the 30 days before</translation>
    </message>
    <message>
        <source>Share sellable within a day</source>
        <translation>Share sellable within a day</translation>
    </message>
    <message>
        <source>Concentration (HHI)</source>
        <translation>Concentration (HHI)</translation>
    </message>
    <message>
        <source>Funding rate (8 h)</source>
        <translation>Funding rate (8 h)</translation>
    </message>
    <message>
        <source>Depth ±2 % vs its 7-day median</source>
        <translation>Depth ±2 % vs its 7-day median</translation>
    </message>
    <message>
        <source>Open interest change 24 h</source>
        <translation>Open interest change 24 h</translation>
    </message>
    <message>
        <source>Volume ratio</source>
        <translation>Volume ratio</translation>
    </message>
    <message>
        <source>Sellable in 1 day</source>
        <translation>Sellable in 1 day</translation>
    </message>
    <message>
        <source>Share sellable within a day at no more than 1% slippage</source>
        <translation>Share sellable within a day at no more than 1% slippage</translation>
    </message>
    <message>
        <source>Drop from %1-day high</source>
        <translation>Drop from %1-day high</translation>
    </message>
    <message>
        <source>%1 day</source>
        <translation>%1 day</translation>
    </message>
    <message>
        <source>%1 hour</source>
        <translation>%1 hour</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>%1 week</source>
        <translation>%1 week</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 weeks</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4</source>
        <extracomment>Metrics whose values are fractions (−0.17 = 17 % down): shown and entered in percent. Metrics whose values are seconds: shown in minutes / hours, entered in minutes. The metrics the rule editor offers, in catalogue order (a stored rule may use another code; it is kept). What each shipped rule's name describes: (scope, metric key, comparator, threshold). While a shipped rule still matches, its translated shipped name is shown; once the user changed it, a name is generated.</extracomment>
        <translation>%1: %2 %3 %4</translation>
    </message>
    <message>
        <source>BTC 17 % below its 30-day high</source>
        <translation>BTC 17 % below its 30-day high</translation>
    </message>
    <message>
        <source>BTC 25 % below its 30-day high</source>
        <translation>BTC 25 % below its 30-day high</translation>
    </message>
    <message>
        <source>Miner 30 % below its 30-day high</source>
        <translation>Miner 30 % below its 30-day high</translation>
    </message>
    <message>
        <source>Portfolio 15 % below its peak</source>
        <translation>Portfolio 15 % below its peak</translation>
    </message>
    <message>
        <source>QQQ (Nasdaq-100) 7 % below its 30-day high</source>
        <translation>QQQ (Nasdaq-100) 7 % below its 30-day high</translation>
    </message>
    <message>
        <source>Bid-ask spread above 50 bp</source>
        <translation>Bid-ask spread above 50 bp</translation>
    </message>
    <message>
        <source>Order-book depth (±2 %) below half its 7-day median</source>
        <translation>Order-book depth (±2 %) below half its 7-day median</translation>
    </message>
    <message>
        <source>Selling the position would cost more than 2 % slippage</source>
        <translation>Selling the position would cost more than 2 % slippage</translation>
    </message>
    <message>
        <source>USDT more than 0.5 % off its peg</source>
        <translation>USDT more than 0.5 % off its peg</translation>
    </message>
    <message>
        <source>USDT more than 2 % off its peg</source>
        <translation>USDT more than 2 % off its peg</translation>
    </message>
    <message>
        <source>USDC more than 0.5 % off its peg</source>
        <translation>USDC more than 0.5 % off its peg</translation>
    </message>
    <message>
        <source>USDC more than 2 % off its peg</source>
        <translation>USDC more than 2 % off its peg</translation>
    </message>
    <message>
        <source>BTC funding below −0.05 % per 8 h (shorts crowded)</source>
        <translation>BTC funding below −0.05 % per 8 h (shorts crowded)</translation>
    </message>
    <message>
        <source>BTC funding above 0.1 % per 8 h (longs crowded)</source>
        <translation>BTC funding above 0.1 % per 8 h (longs crowded)</translation>
    </message>
    <message>
        <source>Volume below half its 30-day median</source>
        <translation>Volume below half its 30-day median</translation>
    </message>
    <message>
        <source>Position needs more than 3 days to sell at 20 % of the volume</source>
        <translation>Position needs more than 3 days to sell at 20 % of the volume</translation>
    </message>
    <message>
        <source>Price older than 15 minutes</source>
        <translation>Price older than 15 minutes</translation>
    </message>
    <message>
        <source>Market regime under pressure</source>
        <translation>Market regime under pressure</translation>
    </message>
    <message>
        <source>Market regime stressed</source>
        <translation>Market regime stressed</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket 15 % down in 30 days</source>
        <translation>CoinDesk-20 basket 15 % down in 30 days</translation>
    </message>
    <message>
        <source>Miner net debt above 50 % of its market cap</source>
        <translation>Miner net debt above 50 % of its market cap</translation>
    </message>
    <message>
        <source>Miner debt up more than 25 % in a year</source>
        <translation>Miner debt up more than 25 % in a year</translation>
    </message>
    <message>
        <source>RiskWatch alert: %1</source>
        <translation>RiskWatch alert: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bp</source>
        <translation>%1 bp</translation>
    </message>
    <message>
        <source>%1: %2 %3 (threshold %4)</source>
        <translation>%1: %2 %3 (threshold %4)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Return over %1 day</source>
        <translation>Return over %1 day</translation>
    </message>
    <message>
        <source>Return over %1 days</source>
        <translation>Return over %1 days</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
</context>
<context>
    <name>AlertWindow</name>
    <message>
        <source>Severity</source>
        <extracomment>The main window's quit shortcut (MainWindow.action_quit). Number of alerts needing attention, after every refresh (for a status bar or tray tooltip). tuple[AlertEvent, ...] that made the window pop up (emitted after show / raise / activate). time.perf_counter() right after the latest pop-up (show / raise / activate); for the latency benchmark. Ctrl+Q quits the application from here too, through the main window's own quit action.</extracomment>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Data as of</translation>
    </message>
    <message>
        <source>Alert window – RiskWatch</source>
        <translation>Alert window – RiskWatch</translation>
    </message>
    <message>
        <source>When the alert was raised or last changed its level</source>
        <translation>When the alert was raised or last changed its level</translation>
    </message>
    <message>
        <source>The as-of time of the data behind the value</source>
        <translation>The as-of time of the data behind the value</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>Confirm that you have seen the selected alerts</source>
        <translation>Confirm that you have seen the selected alerts</translation>
    </message>
    <message>
        <source>Acknowledge a&amp;ll</source>
        <translation>Acknowledge a&amp;ll</translation>
    </message>
    <message>
        <source>Confirm that you have seen every listed alert</source>
        <translation>Confirm that you have seen every listed alert</translation>
    </message>
    <message>
        <source>Snooze for 1 &amp;hour</source>
        <translation>Snooze for 1 &amp;hour</translation>
    </message>
    <message>
        <source>Snooze for 1 &amp;day</source>
        <translation>Snooze for 1 &amp;day</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>The alerts could not be loaded: %1</source>
        <translation>The alerts could not be loaded: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) need attention.</source>
        <translation>
            <numerusform>%n alert need attention.</numerusform>
            <numerusform>%n alerts need attention.</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert needs attention.</source>
        <translation>No alert needs attention.</translation>
    </message>
    <message>
        <source>Acknowledged %1</source>
        <translation>Acknowledged %1</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Snoozed until %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>data stale since %1</source>
        <translation>data stale since %1</translation>
    </message>
    <message>
        <source>The data behind this alert is stale since %1: it stays open, and it neither escalates nor resolves until current data arrives.</source>
        <translation>The data behind this alert is stale since %1: it stays open, and it neither escalates nor resolves until current data arrives.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) acknowledged.</source>
        <translation>
            <numerusform>%n alert acknowledged.</numerusform>
            <numerusform>%n alerts acknowledged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) snoozed until %1.</source>
        <translation>
            <numerusform>%n alert snoozed until %1.</numerusform>
            <numerusform>%n alerts snoozed until %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <extracomment>the exchange id whose key was saved / removed a test finished: (exchange id, True when the key works)</extracomment>
        <translation>API keys</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>only if the exchange issued one</source>
        <translation>only if the exchange issued one</translation>
    </message>
    <message>
        <source>&lt;b&gt;Use a read-only key.&lt;/b&gt; RiskWatch only reads your balances. Create a key with read access only (Kraken: only "Query Funds"), without permission to trade or withdraw: if it ever leaked, nobody could move your coins with it.</source>
        <translation>&lt;b&gt;Use a read-only key.&lt;/b&gt; RiskWatch only reads your balances. Create a key with read access only (Kraken: only "Query Funds"), without permission to trade or withdraw: if it ever leaked, nobody could move your coins with it.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this system (%1). RiskWatch never stores API keys in plain text. You can use a key for this session only, or start RiskWatch with the environment variables %2 and %3.</source>
        <translation>No secure keyring is available on this system (%1). RiskWatch never stores API keys in plain text. You can use a key for this session only, or start RiskWatch with the environment variables %2 and %3.</translation>
    </message>
    <message>
        <source>Use the key for this session only (not stored)</source>
        <translation>Use the key for this session only (not stored)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>The key works: read access to the balance of %1 confirmed.</source>
        <translation>The key works: read access to the balance of %1 confirmed.</translation>
    </message>
    <message>
        <source>Testing the key with %1…</source>
        <translation>Testing the key with %1…</translation>
    </message>
    <message>
        <source>The API key for %1 was removed.</source>
        <translation>The API key for %1 was removed.</translation>
    </message>
    <message>
        <source>No API key to test: enter one or save one first.</source>
        <translation>No API key to test: enter one or save one first.</translation>
    </message>
    <message>
        <source>Enter the API key and the secret (without spaces).</source>
        <translation>Enter the API key and the secret (without spaces).</translation>
    </message>
    <message>
        <source>No secure keyring is available: tick "Use the key for this session only" to use the key until you quit.</source>
        <translation>No secure keyring is available: tick "Use the key for this session only" to use the key until you quit.</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>Remove API key</translation>
    </message>
    <message>
        <source>Remove the API key for %1 from this computer? The key stays valid at the exchange; revoke it there if you no longer need it.</source>
        <translation>Remove the API key for %1 from this computer? The key stays valid at the exchange; revoke it there if you no longer need it.</translation>
    </message>
</context>
<context>
    <name>AsOfText</name>
    <message>
        <source>%1 since %2</source>
        <translation>%1 since %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>sample data from %1</source>
        <translation>sample data from %1</translation>
    </message>
    <message>
        <source>mixed dates, oldest %1</source>
        <translation>mixed dates, oldest %1</translation>
    </message>
    <message>
        <source>stale · as of %1</source>
        <translation>stale · as of %1</translation>
    </message>
    <message>
        <source>unconfirmed price · as of %1</source>
        <translation>unconfirmed price · as of %1</translation>
    </message>
    <message>
        <source>at least this deep · history incomplete</source>
        <translation>at least this deep · history incomplete</translation>
    </message>
    <message>
        <source>not current · as of %1</source>
        <translation>not current · as of %1</translation>
    </message>
    <message>
        <source>Computed from the bundled sample history, not from your current prices.</source>
        <translation>Computed from the bundled sample history, not from your current prices.</translation>
    </message>
    <message>
        <source>Its holdings are priced on different dates; the oldest is from %1.</source>
        <translation>Its holdings are priced on different dates; the oldest is from %1.</translation>
    </message>
    <message>
        <source>As of %1 – stale.</source>
        <translation>As of %1 – stale.</translation>
    </message>
    <message>
        <source>As of %1 – the newest price is an unconfirmed jump.</source>
        <translation>As of %1 – the newest price is an unconfirmed jump.</translation>
    </message>
    <message>
        <source>Current price, but the daily closes are stale: the drop is at least this deep. Alerts may fire or escalate on it, never resolve.</source>
        <translation>Current price, but the daily closes are stale: the drop is at least this deep. Alerts may fire or escalate on it, never resolve.</translation>
    </message>
    <message>
        <source>As of %1.</source>
        <translation>As of %1.</translation>
    </message>
    <message>
        <source>Alerts neither fire nor resolve on it.</source>
        <translation>Alerts neither fire nor resolve on it.</translation>
    </message>
</context>
<context>
    <name>AssetTable</name>
    <message>
        <source>Symbol</source>
        <extracomment>The figure columns: (metric code, snapshot key) of every dashboard metric, in catalogue order. Figures shown until the user chooses otherwise.</extracomment>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Change 24 h</source>
        <translation>Change 24 h</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Last price in the base currency</source>
        <translation>Last price in the base currency</translation>
    </message>
    <message>
        <source>Age of the price; stale after three refresh intervals</source>
        <translation>Age of the price; stale after three refresh intervals</translation>
    </message>
    <message>
        <source>Change over 24 hours</source>
        <translation>Change over 24 hours</translation>
    </message>
    <message>
        <source>Most severe active alert of the asset</source>
        <translation>Most severe active alert of the asset</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>no alert</translation>
    </message>
</context>
<context>
    <name>BalanceText</name>
    <message>
        <source>Total debt</source>
        <extracomment>the derived figures shown (their age is shown as the period end of the figures themselves) Derived figures the fundamentals source puts into the Snapshot (scope: the miner): these come from there.</extracomment>
        <translation>Total debt</translation>
    </message>
    <message>
        <source>Cash and equivalents</source>
        <translation>Cash and equivalents</translation>
    </message>
    <message>
        <source>Digital assets (BTC)</source>
        <translation>Digital assets (BTC)</translation>
    </message>
    <message>
        <source>Shares outstanding</source>
        <translation>Shares outstanding</translation>
    </message>
    <message>
        <source>Quarterly revenue</source>
        <translation>Quarterly revenue</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>Market cap</translation>
    </message>
    <message>
        <source>Net debt</source>
        <translation>Net debt</translation>
    </message>
    <message>
        <source>Net debt / market cap</source>
        <translation>Net debt / market cap</translation>
    </message>
    <message>
        <source>Enterprise value (EV)</source>
        <translation>Enterprise value (EV)</translation>
    </message>
    <message>
        <source>Debt / EV</source>
        <translation>Debt / EV</translation>
    </message>
    <message>
        <source>Debt growth over four quarters</source>
        <translation>Debt growth over four quarters</translation>
    </message>
    <message>
        <source>Cash + BTC against debt due within 12 months</source>
        <translation>Cash + BTC against debt due within 12 months</translation>
    </message>
    <message>
        <source>Contract value / debt</source>
        <translation>Contract value / debt</translation>
    </message>
    <message>
        <source>Contract value / market cap</source>
        <translation>Contract value / market cap</translation>
    </message>
    <message>
        <source>bn</source>
        <translation>bn</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>%1, filed %2</source>
        <translation>%1, filed %2</translation>
    </message>
    <message>
        <source>Entered by you</source>
        <translation>Entered by you</translation>
    </message>
    <message>
        <source>XBRL concept: %1</source>
        <translation>XBRL concept: %1</translation>
    </message>
    <message>
        <source>Accession number: %1</source>
        <translation>Accession number: %1</translation>
    </message>
    <message>
        <source>stale · period end %1</source>
        <translation>stale · period end %1</translation>
    </message>
    <message>
        <source>SEC EDGAR has no XBRL facts for %1 (a foreign filer?): enter its figures yourself.</source>
        <translation>SEC EDGAR has no XBRL facts for %1 (a foreign filer?): enter its figures yourself.</translation>
    </message>
    <message>
        <source>No filings of %1 fetched yet.</source>
        <translation>No filings of %1 fetched yet.</translation>
    </message>
    <message>
        <source>The balance sheet of %1 could not be read: %2</source>
        <translation>The balance sheet of %1 could not be read: %2</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 years</translation>
    </message>
</context>
<context>
    <name>BalanceView</name>
    <message>
        <source>Miner:</source>
        <extracomment>the user asked to enter figures, contracts or maturities of this miner</extracomment>
        <translation>Miner:</translation>
    </message>
    <message>
        <source>Enter figures and contracts…</source>
        <translation>Enter figures and contracts…</translation>
    </message>
    <message>
        <source>Figures from the filings</source>
        <translation>Figures from the filings</translation>
    </message>
    <message>
        <source>Derived with today's price</source>
        <translation>Derived with today's price</translation>
    </message>
    <message>
        <source>AI/HPC contracts</source>
        <translation>AI/HPC contracts</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Filing</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>not reported</translation>
    </message>
    <message>
        <source>from stale figures</source>
        <translation>from stale figures</translation>
    </message>
    <message>
        <source>on a price that is not current</source>
        <translation>on a price that is not current</translation>
    </message>
    <message>
        <source>enter debt maturities</source>
        <translation>enter debt maturities</translation>
    </message>
    <message>
        <source>no contracts</source>
        <translation>no contracts</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>No miner held: the balance sheets are shown for the miners in your portfolio.</source>
        <translation>No miner held: the balance sheets are shown for the miners in your portfolio.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>No balance-sheet data connected.</source>
        <translation>No balance-sheet data connected.</translation>
    </message>
    <message>
        <source>Balance sheet as of %1</source>
        <translation>Balance sheet as of %1</translation>
    </message>
    <message>
        <source>older than two quarters</source>
        <translation>older than two quarters</translation>
    </message>
    <message>
        <source>includes figures you entered</source>
        <translation>includes figures you entered</translation>
    </message>
    <message>
        <source>No contracts entered.</source>
        <translation>No contracts entered.</translation>
    </message>
    <message>
        <source>Contract value %1</source>
        <translation>Contract value %1</translation>
    </message>
    <message>
        <source>%1 of the debt</source>
        <translation>%1 of the debt</translation>
    </message>
    <message>
        <source>%1 of the market cap</source>
        <translation>%1 of the market cap</translation>
    </message>
    <message>
        <source>Debt maturities entered: %1</source>
        <translation>Debt maturities entered: %1</translation>
    </message>
    <message>
        <source>No debt maturities entered.</source>
        <translation>No debt maturities entered.</translation>
    </message>
    <message>
        <source>No share price: the figures on the market cap are not available.</source>
        <translation>No share price: the figures on the market cap are not available.</translation>
    </message>
    <message>
        <source>Share price %1</source>
        <translation>Share price %1</translation>
    </message>
</context>
<context>
    <name>BasketBoxes</name>
    <message>
        <source>Drop from 30-day high</source>
        <extracomment>box -&gt; [(row id, scope, metric key)]; "corr" rows are (row id, scope, (30-day key, 90-day key, rise key)).</extracomment>
        <translation>Drop from 30-day high</translation>
    </message>
    <message>
        <source>30-day return</source>
        <translation>30-day return</translation>
    </message>
    <message>
        <source>Beta to BTC (90 days)</source>
        <translation>Beta to BTC (90 days)</translation>
    </message>
    <message>
        <source>Correlation with BTC (90 days)</source>
        <translation>Correlation with BTC (90 days)</translation>
    </message>
    <message>
        <source>Beta to QQQ (90 days)</source>
        <translation>Beta to QQQ (90 days)</translation>
    </message>
    <message>
        <source>Correlation with QQQ (90 days)</source>
        <translation>Correlation with QQQ (90 days)</translation>
    </message>
    <message>
        <source>4-week return</source>
        <translation>4-week return</translation>
    </message>
    <message>
        <source>Largest drop within the month</source>
        <translation>Largest drop within the month</translation>
    </message>
    <message>
        <source>BTC – QQQ</source>
        <translation>BTC – QQQ</translation>
    </message>
    <message>
        <source>Miner basket – BTC</source>
        <translation>Miner basket – BTC</translation>
    </message>
    <message>
        <source>Miner basket – QQQ</source>
        <translation>Miner basket – QQQ</translation>
    </message>
    <message>
        <source>Nasdaq-100 proxy (QQQ)</source>
        <translation>Nasdaq-100 proxy (QQQ)</translation>
    </message>
    <message>
        <source>Co-movement (correlation of daily returns)</source>
        <translation>Co-movement (correlation of daily returns)</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 days</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 days</translation>
    </message>
    <message>
        <source>Rise (30 − 90)</source>
        <translation>Rise (30 − 90)</translation>
    </message>
    <message>
        <source>A rise of the 30-day correlation over the 90-day one means the assets move more alike.</source>
        <translation>A rise of the 30-day correlation over the 90-day one means the assets move more alike.</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket</source>
        <translation>CoinDesk-20 basket</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket (own replica, weights of %1)</source>
        <translation>CoinDesk-20 basket (own replica, weights of %1)</translation>
    </message>
    <message>
        <source>Own basket (weights of %1)</source>
        <translation>Own basket (weights of %1)</translation>
    </message>
    <message>
        <source>Own basket</source>
        <translation>Own basket</translation>
    </message>
    <message>
        <source>%1 of %2 constituents</source>
        <translation>%1 of %2 constituents</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>missing: %1</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>stale: %1</translation>
    </message>
    <message>
        <source>Miner basket</source>
        <translation>Miner basket</translation>
    </message>
    <message>
        <source>Miner basket (all nine listed miners)</source>
        <translation>Miner basket (all nine listed miners)</translation>
    </message>
    <message>
        <source>Miner basket (held miners)</source>
        <translation>Miner basket (held miners)</translation>
    </message>
    <message>
        <source>equal weight: %1</source>
        <translation>equal weight: %1</translation>
    </message>
    <message>
        <source>Binance USDT daily closes, bundled</source>
        <translation>Binance USDT daily closes, bundled</translation>
    </message>
    <message>
        <source>Yahoo Finance daily closes, bundled</source>
        <translation>Yahoo Finance daily closes, bundled</translation>
    </message>
</context>
<context>
    <name>BookPanel</name>
    <message>
        <source>Order book unavailable: exchange not reachable</source>
        <translation>Order book unavailable: exchange not reachable</translation>
    </message>
    <message>
        <source>Order book unavailable: the exchange asks to slow down (rate limit)</source>
        <translation>Order book unavailable: the exchange asks to slow down (rate limit)</translation>
    </message>
    <message>
        <source>Order book unavailable: no such market on this exchange</source>
        <translation>Order book unavailable: no such market on this exchange</translation>
    </message>
    <message>
        <source>Order book unavailable: the exchange sent an invalid order book</source>
        <translation>Order book unavailable: the exchange sent an invalid order book</translation>
    </message>
    <message>
        <source>Order book unavailable</source>
        <translation>Order book unavailable</translation>
    </message>
    <message>
        <source>Load order book</source>
        <translation>Load order book</translation>
    </message>
    <message>
        <source>Distance from the mid price (%)</source>
        <translation>Distance from the mid price (%)</translation>
    </message>
    <message>
        <source>Cumulative depth (%1)</source>
        <translation>Cumulative depth (%1)</translation>
    </message>
    <message>
        <source>Order book depth: %1</source>
        <translation>Order book depth: %1</translation>
    </message>
    <message>
        <source>Order book depth</source>
        <translation>Order book depth</translation>
    </message>
    <message>
        <source>Loading the order book of %1…</source>
        <translation>Loading the order book of %1…</translation>
    </message>
    <message>
        <source>Select a crypto asset to see its order book.</source>
        <translation>Select a crypto asset to see its order book.</translation>
    </message>
    <message>
        <source>Bids (buy orders)</source>
        <translation>Bids (buy orders)</translation>
    </message>
    <message>
        <source>Asks (sell orders)</source>
        <translation>Asks (sell orders)</translation>
    </message>
    <message>
        <source>%1 bp</source>
        <translation>%1 bp</translation>
    </message>
    <message>
        <source>Mid price %1, spread %2</source>
        <translation>Mid price %1, spread %2</translation>
    </message>
</context>
<context>
    <name>ByHandTable</name>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Beta to BTC</source>
        <translation>Beta to BTC</translation>
    </message>
    <message>
        <source>Beta to QQQ</source>
        <translation>Beta to QQQ</translation>
    </message>
    <message>
        <source>Shock in %</source>
        <translation>Shock in %</translation>
    </message>
    <message>
        <source>A beta to BTC you set for this scenario; it replaces the computed one. Without any beta an asset's move is unknown and it is left out of the portfolio's result.</source>
        <translation>A beta to BTC you set for this scenario; it replaces the computed one. Without any beta an asset's move is unknown and it is left out of the portfolio's result.</translation>
    </message>
    <message>
        <source>Enter a percentage of at least −100, e.g. −20</source>
        <translation>Enter a percentage of at least −100, e.g. −20</translation>
    </message>
</context>
<context>
    <name>ChannelsSection</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Minimum severity</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Last delivery</translation>
    </message>
    <message>
        <source>Webhook (JSON)</source>
        <translation>Webhook (JSON)</translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <source>optional; default: the kind</source>
        <translation>optional; default: the kind</translation>
    </message>
    <message>
        <source>Stored in the system keyring only, never in the data folder.</source>
        <translation>Stored in the system keyring only, never in the data folder.</translation>
    </message>
    <message>
        <source>Add channel</source>
        <translation>Add channel</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Send test</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Token or password</source>
        <translation>Token or password</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>nothing sent yet</translation>
    </message>
    <message>
        <source>failing (%1) since %2</source>
        <translation>failing (%1) since %2</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>sent %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Added the channel '%1'. Select it and press "Send test" to try it.</source>
        <translation>Added the channel '%1'. Select it and press "Send test" to try it.</translation>
    </message>
    <message>
        <source>Removed the channel '%1' and its secret.</source>
        <translation>Removed the channel '%1' and its secret.</translation>
    </message>
    <message>
        <source>Sending starts once monitoring has started; try again in a moment.</source>
        <translation>Sending starts once monitoring has started; try again in a moment.</translation>
    </message>
    <message>
        <source>Sending a test message to '%1'…</source>
        <translation>Sending a test message to '%1'…</translation>
    </message>
    <message>
        <source>The test message to '%1' was delivered.</source>
        <translation>The test message to '%1' was delivered.</translation>
    </message>
    <message>
        <source>The test message to '%1' was not delivered: %2</source>
        <translation>The test message to '%1' was not delivered: %2</translation>
    </message>
    <message>
        <source>a channel of this name exists already: enter another name</source>
        <translation>a channel of this name exists already: enter another name</translation>
    </message>
    <message>
        <source>expected a-z, 0-9, _ and - (at most 32 characters)</source>
        <translation>expected a-z, 0-9, _ and - (at most 32 characters)</translation>
    </message>
    <message>
        <source>expected a URL starting with http:// or https:// (e-mail: smtp:// or smtps://) that names a host and holds no password</source>
        <translation>expected a URL starting with http:// or https:// (e-mail: smtp:// or smtps://) that names a host and holds no password</translation>
    </message>
    <message>
        <source>expected an e-mail address</source>
        <translation>expected an e-mail address</translation>
    </message>
    <message>
        <source>the SMTP URL names a user: expected that user's password</source>
        <translation>the SMTP URL names a user: expected that user's password</translation>
    </message>
    <message>
        <source>expected one line without control characters</source>
        <translation>expected one line without control characters</translation>
    </message>
    <message>
        <source>%1: %2. Nothing was saved.</source>
        <translation>%1: %2. Nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Asset price and drawdown</source>
        <translation>Asset price and drawdown</translation>
    </message>
    <message>
        <source>Portfolio value</source>
        <translation>Portfolio value</translation>
    </message>
    <message>
        <source>Rolling beta to BTC (90 days)</source>
        <translation>Rolling beta to BTC (90 days)</translation>
    </message>
    <message>
        <source>1 M</source>
        <translation>1 M</translation>
    </message>
    <message>
        <source>3 M</source>
        <translation>3 M</translation>
    </message>
    <message>
        <source>1 Y</source>
        <translation>1 Y</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <source>No price history</source>
        <translation>No price history</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>%1-day high</source>
        <translation>%1-day high</translation>
    </message>
    <message>
        <source>Drawdown from peak (%)</source>
        <translation>Drawdown from peak (%)</translation>
    </message>
    <message>
        <source>Drop from %1-day high (%)</source>
        <translation>Drop from %1-day high (%)</translation>
    </message>
    <message>
        <source>Underwater</source>
        <translation>Underwater</translation>
    </message>
    <message>
        <source>Portfolio value of current holdings (%1)</source>
        <translation>Portfolio value of current holdings (%1)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>unknown exchange '{exchange}' (expected one of: {known})</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>unknown exchange '{exchange}' (expected one of: {known})</translation>
    </message>
    <message>
        <source>expected the API key on line 1 and the secret on line 2 of standard input (a passphrase on line 3 is optional); nothing was stored</source>
        <translation>expected the API key on line 1 and the secret on line 2 of standard input (a passphrase on line 3 is optional); nothing was stored</translation>
    </message>
    <message>
        <source>standard input has more than 3 lines: expected the API key, the secret and an optional passphrase; nothing was stored</source>
        <translation>standard input has more than 3 lines: expected the API key, the secret and an optional passphrase; nothing was stored</translation>
    </message>
    <message>
        <source>line {line} of standard input ({item}) contains spaces or control characters; nothing was stored</source>
        <translation>line {line} of standard input ({item}) contains spaces or control characters; nothing was stored</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>secret</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>passphrase</translation>
    </message>
    <message>
        <source>API key: </source>
        <translation>API key: </translation>
    </message>
    <message>
        <source>Secret: </source>
        <translation>Secret: </translation>
    </message>
    <message>
        <source>Passphrase (optional, Enter for none): </source>
        <translation>Passphrase (optional, Enter for none): </translation>
    </message>
    <message>
        <source>Added the {kind} channel '{name}' (minimum severity {severity}).</source>
        <translation>Added the {kind} channel '{name}' (minimum severity {severity}).</translation>
    </message>
    <message>
        <source>Its secret is in {where}; it is never stored in the data folder.</source>
        <translation>Its secret is in {where}; it is never stored in the data folder.</translation>
    </message>
    <message>
        <source>Send a test message with: riskwatch channels test {name}</source>
        <translation>Send a test message with: riskwatch channels test {name}</translation>
    </message>
    <message>
        <source>a channel named '{name}' exists already: choose another name with --name, or remove it first; nothing was changed</source>
        <translation>a channel named '{name}' exists already: choose another name with --name, or remove it first; nothing was changed</translation>
    </message>
    <message>
        <source>there is no channel named '{name}' (see: riskwatch channels list)</source>
        <translation>there is no channel named '{name}' (see: riskwatch channels list)</translation>
    </message>
    <message>
        <source>standard input has more than one line: expected the token or password on one line; nothing was stored</source>
        <translation>standard input has more than one line: expected the token or password on one line; nothing was stored</translation>
    </message>
    <message>
        <source>the token or password on standard input contains control characters; nothing was stored</source>
        <translation>the token or password on standard input contains control characters; nothing was stored</translation>
    </message>
    <message>
        <source>the SMTP URL names the user {user}: expected the password on standard input, one line; nothing was stored</source>
        <translation>the SMTP URL names the user {user}: expected the password on standard input, one line; nothing was stored</translation>
    </message>
    <message>
        <source>Access token (optional, Enter for none): </source>
        <translation>Access token (optional, Enter for none): </translation>
    </message>
    <message>
        <source>SMTP password (Enter for none): </source>
        <translation>SMTP password (Enter for none): </translation>
    </message>
    <message>
        <source>The secret was not stored: {detail}. Nothing was changed.</source>
        <translation>The secret was not stored: {detail}. Nothing was changed.</translation>
    </message>
    <message>
        <source>No remote channels. Add one with: riskwatch channels add ntfy URL</source>
        <translation>No remote channels. Add one with: riskwatch channels add ntfy URL</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Removed the channel '{name}'.</source>
        <translation>Removed the channel '{name}'.</translation>
    </message>
    <message>
        <source>Removed its secret from {where}.</source>
        <translation>Removed its secret from {where}.</translation>
    </message>
    <message>
        <source>Its secret could not be removed from the system keyring: {detail}</source>
        <translation>Its secret could not be removed from the system keyring: {detail}</translation>
    </message>
    <message>
        <source>Sent a test message to '{name}' ({target}).</source>
        <translation>Sent a test message to '{name}' ({target}).</translation>
    </message>
    <message>
        <source>The test message to '{name}' was not delivered: {reason}</source>
        <translation>The test message to '{name}' was not delivered: {reason}</translation>
    </message>
    <message>
        <source>the system keyring ({backend})</source>
        <translation>the system keyring ({backend})</translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <extracomment>Why a send failed, by the delivery's stable code (the store keeps only the code; no text holds a secret).</extracomment>
        <translation>{host} did not answer in time.</translation>
    </message>
    <message>
        <source>could not connect to {host}: check the URL and that the server runs.</source>
        <translation>could not connect to {host}: check the URL and that the server runs.</translation>
    </message>
    <message>
        <source>the connection to {host} failed.</source>
        <translation>the connection to {host} failed.</translation>
    </message>
    <message>
        <source>the TLS handshake with {host} failed (certificate or protocol).</source>
        <translation>the TLS handshake with {host} failed (certificate or protocol).</translation>
    </message>
    <message>
        <source>{host} refused the token or password: store the right one with channels remove and add.</source>
        <translation>{host} refused the token or password: store the right one with channels remove and add.</translation>
    </message>
    <message>
        <source>the mail server {host} refused the message.</source>
        <translation>the mail server {host} refused the message.</translation>
    </message>
    <message>
        <source>the channel's secret could not be read from the system keyring.</source>
        <translation>the channel's secret could not be read from the system keyring.</translation>
    </message>
    <message>
        <source>the channel needs a token or password, and none is stored.</source>
        <translation>the channel needs a token or password, and none is stored.</translation>
    </message>
    <message>
        <source>{host} answered HTTP {status}.</source>
        <translation>{host} answered HTTP {status}.</translation>
    </message>
    <message>
        <source>the send failed ({code}).</source>
        <translation>the send failed ({code}).</translation>
    </message>
    <message>
        <source>the environment variables {key_var} / {secret_var}</source>
        <translation>the environment variables {key_var} / {secret_var}</translation>
    </message>
    <message>
        <source>memory (this session only)</source>
        <translation>memory (this session only)</translation>
    </message>
    <message>
        <source>Stored the API key for {name} in {where}.</source>
        <translation>Stored the API key for {name} in {where}.</translation>
    </message>
    <message>
        <source>Using the API key for {name} from {where}.</source>
        <translation>Using the API key for {name} from {where}.</translation>
    </message>
    <message>
        <source>Recommended: a read-only key (e.g. Kraken: only "Query Funds"). RiskWatch only reads balances; a key that cannot trade or withdraw is harmless if it ever leaks.</source>
        <translation>Recommended: a read-only key (e.g. Kraken: only "Query Funds"). RiskWatch only reads balances; a key that cannot trade or withdraw is harmless if it ever leaks.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this system ({backend}): RiskWatch never stores API keys in plain text. Set the environment variables {key_var} and {secret_var} instead (for this shell only).</source>
        <translation>No secure keyring is available on this system ({backend}): RiskWatch never stores API keys in plain text. Set the environment variables {key_var} and {secret_var} instead (for this shell only).</translation>
    </message>
    <message>
        <source>The system keyring ({backend}) is locked: unlock it (log in to the desktop session, or open it in your keyring manager) and try again. Nothing was read or stored.</source>
        <translation>The system keyring ({backend}) is locked: unlock it (log in to the desktop session, or open it in your keyring manager) and try again. Nothing was read or stored.</translation>
    </message>
    <message>
        <source>The API key for {name} was not stored.</source>
        <translation>The API key for {name} was not stored.</translation>
    </message>
    <message>
        <source>The API key for {name} works: read access to the balance confirmed.</source>
        <translation>The API key for {name} works: read access to the balance confirmed.</translation>
    </message>
    <message>
        <source>{name} rejected the API key: the key or the secret is wrong.</source>
        <translation>{name} rejected the API key: the key or the secret is wrong.</translation>
    </message>
    <message>
        <source>{name} accepted the API key, but it lacks the permission to read balances (Kraken: "Query Funds").</source>
        <translation>{name} accepted the API key, but it lacks the permission to read balances (Kraken: "Query Funds").</translation>
    </message>
    <message>
        <source>{name} rejected the request's nonce or timestamp: check that this computer's clock is right and that no other program uses the same key.</source>
        <translation>{name} rejected the request's nonce or timestamp: check that this computer's clock is right and that no other program uses the same key.</translation>
    </message>
    <message>
        <source>{name} could not be reached: check the internet connection and try again later.</source>
        <translation>{name} could not be reached: check the internet connection and try again later.</translation>
    </message>
    <message>
        <source>No API key for {name} is stored. Store one with: riskwatch keys set {exchange}</source>
        <translation>No API key for {name} is stored. Store one with: riskwatch keys set {exchange}</translation>
    </message>
    <message>
        <source>{name} could not answer: {detail}</source>
        <translation>{name} could not answer: {detail}</translation>
    </message>
    <message>
        <source>The key store failed: {detail}</source>
        <translation>The key store failed: {detail}</translation>
    </message>
    <message>
        <source>Deleted the API key for {name} from the system keyring.</source>
        <translation>Deleted the API key for {name} from the system keyring.</translation>
    </message>
    <message>
        <source>No API key for {name} was stored in the system keyring.</source>
        <translation>No API key for {name} was stored in the system keyring.</translation>
    </message>
    <message>
        <source>The environment variable {var} still provides a key; unset it to stop using it.</source>
        <translation>The environment variable {var} still provides a key; unset it to stop using it.</translation>
    </message>
    <message>
        <source>Replay {start} to {end}: {days} day(s), {events} alert event(s).</source>
        <extracomment>the basket figures a market line carries The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>Replay {start} to {end}: {days} day(s), {events} alert event(s).</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>threshold</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>portfolio</translation>
    </message>
    <message>
        <source>{account}: {added} new, {changed} changed, {removed} removed, {unchanged} unchanged</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>{account}: {added} new, {changed} changed, {removed} removed, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>The positions of {account} are up to date.</source>
        <translation>The positions of {account} are up to date.</translation>
    </message>
    <message>
        <source>Apply these changes? [y/N] </source>
        <translation>Apply these changes? [y/N] </translation>
    </message>
    <message>
        <source>Cancelled; no position was changed.</source>
        <translation>Cancelled; no position was changed.</translation>
    </message>
    <message>
        <source>Applied: {added} added, {changed} changed, {removed} removed.</source>
        <translation>Applied: {added} added, {changed} changed, {removed} removed.</translation>
    </message>
    <message>
        <source>Skipped balances that cannot be a position: {codes}</source>
        <translation>Skipped balances that cannot be a position: {codes}</translation>
    </message>
    <message>
        <source>new positions get a cost basis of 0; edit it to see profit and loss</source>
        <translation>new positions get a cost basis of 0; edit it to see profit and loss</translation>
    </message>
    <message>
        <source>No positions.</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>No positions.</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Cost basis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>crypto</source>
        <translation>crypto</translation>
    </message>
    <message>
        <source>equity</source>
        <translation>equity</translation>
    </message>
    <message>
        <source>index</source>
        <translation>index</translation>
    </message>
    <message>
        <source>stablecoin</source>
        <translation>stablecoin</translation>
    </message>
    <message>
        <source>Imported {n} position(s) from {file}.</source>
        <translation>Imported {n} position(s) from {file}.</translation>
    </message>
    <message>
        <source>Replaced all positions by {n} position(s) from {file}.</source>
        <translation>Replaced all positions by {n} position(s) from {file}.</translation>
    </message>
    <message>
        <source>Exported {n} position(s) to {file}.</source>
        <translation>Exported {n} position(s) to {file}.</translation>
    </message>
    <message>
        <source>Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).</source>
        <translation>Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).</translation>
    </message>
    <message>
        <source>no active alerts</source>
        <extracomment>What "unavailable" means for a figure a down source should have delivered.</extracomment>
        <translation>no active alerts</translation>
    </message>
    <message>
        <source>data stale: {items}</source>
        <translation>data stale: {items}</translation>
    </message>
    <message>
        <source>{asset} since {time}</source>
        <translation>{asset} since {time}</translation>
    </message>
    <message>
        <source>since an unknown time</source>
        <translation>since an unknown time</translation>
    </message>
    <message>
        <source>unavailable: {items}</source>
        <translation>unavailable: {items}</translation>
    </message>
    <message>
        <source>market data timed out after {seconds} s, figures from stored prices</source>
        <translation>market data timed out after {seconds} s, figures from stored prices</translation>
    </message>
    <message>
        <source>new: </source>
        <translation>new: </translation>
    </message>
    <message>
        <source>RiskWatch is watching the data folder {directory} every {interval} s with {channels} remote channel(s). Stop with Ctrl+C or SIGTERM.</source>
        <extracomment>A continuous cycle that has not finished after this long is cancelled (the next one starts on time). After a stop signal: what the cancelled cycle, closing the feeds (side by side with stopping the delivery, then closing its connections) may take at most: 1 + max(2, 2 + 1) s, well within the 5 s a service manager allows.</extracomment>
        <translation>RiskWatch is watching the data folder {directory} every {interval} s with {channels} remote channel(s). Stop with Ctrl+C or SIGTERM.</translation>
    </message>
    <message>
        <source>{ts}  {events} new alert event(s), {active} active alert(s)</source>
        <translation>{ts}  {events} new alert event(s), {active} active alert(s)</translation>
    </message>
    <message>
        <source>{ts}  no positions to evaluate (import some with: riskwatch positions import FILE)</source>
        <translation>{ts}  no positions to evaluate (import some with: riskwatch positions import FILE)</translation>
    </message>
    <message>
        <source>{ts}  the cycle failed: {detail}</source>
        <translation>{ts}  the cycle failed: {detail}</translation>
    </message>
    <message>
        <source>{ts}  the cycle did not finish within {seconds} s; the next one starts on time</source>
        <translation>{ts}  the cycle did not finish within {seconds} s; the next one starts on time</translation>
    </message>
    <message>
        <source>no market data from {sources}</source>
        <translation>no market data from {sources}</translation>
    </message>
    <message>
        <source>RiskWatch stopped watching.</source>
        <translation>RiskWatch stopped watching.</translation>
    </message>
    <message>
        <source>--json works only with --once</source>
        <translation>--json works only with --once</translation>
    </message>
    <message>
        <source>Another RiskWatch ({holder}, pid {pid}) already watches the data folder {directory}. Only one may run per data folder, so that no alert is delivered twice: stop it first, or choose another folder with --data-dir.</source>
        <translation>Another RiskWatch ({holder}, pid {pid}) already watches the data folder {directory}. Only one may run per data folder, so that no alert is delivered twice: stop it first, or choose another folder with --data-dir.</translation>
    </message>
    <message>
        <source>the desktop app</source>
        <translation>the desktop app</translation>
    </message>
    <message>
        <source>riskwatch watch</source>
        <translation>riskwatch watch</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>calm</translation>
    </message>
    <message>
        <source>under pressure</source>
        <translation>under pressure</translation>
    </message>
    <message>
        <source>stressed</source>
        <translation>stressed</translation>
    </message>
    <message>
        <source>Market: {level} ({count} of {total})</source>
        <translation>Market: {level} ({count} of {total})</translation>
    </message>
    <message>
        <source>Market: unavailable (too few current indicators)</source>
        <translation>Market: unavailable (too few current indicators)</translation>
    </message>
    <message>
        <source>Added RiskWatch to the application menu: {location}</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>Added RiskWatch to the application menu: {location}</translation>
    </message>
    <message>
        <source>Installed the icons in {location}</source>
        <translation>Installed the icons in {location}</translation>
    </message>
    <message>
        <source>RiskWatch starts at login: {location}</source>
        <translation>RiskWatch starts at login: {location}</translation>
    </message>
    <message>
        <source>Removed the menu entry {location}</source>
        <translation>Removed the menu entry {location}</translation>
    </message>
    <message>
        <source>Removed the icons from {location}</source>
        <translation>Removed the icons from {location}</translation>
    </message>
    <message>
        <source>RiskWatch no longer starts at login (removed {location}).</source>
        <translation>RiskWatch no longer starts at login (removed {location}).</translation>
    </message>
    <message>
        <source>Left {location} alone: RiskWatch did not write it.</source>
        <translation>Left {location} alone: RiskWatch did not write it.</translation>
    </message>
    <message>
        <source>It runs: {command}</source>
        <translation>It runs: {command}</translation>
    </message>
    <message>
        <source>Nothing to remove: RiskWatch was neither in the application menu nor started at login.</source>
        <translation>Nothing to remove: RiskWatch was neither in the application menu nor started at login.</translation>
    </message>
    <message>
        <source>on this system install-desktop only sets the start at login: add --autostart (the application menu entry comes with the installer)</source>
        <translation>on this system install-desktop only sets the start at login: add --autostart (the application menu entry comes with the installer)</translation>
    </message>
    <message>
        <source>could not write {location}: {detail}</source>
        <translation>could not write {location}: {detail}</translation>
    </message>
    <message>
        <source>could not create the folder {location}: {detail}</source>
        <translation>could not create the folder {location}: {detail}</translation>
    </message>
    <message>
        <source>could not remove {location}: {detail}</source>
        <translation>could not remove {location}: {detail}</translation>
    </message>
    <message>
        <source>could not change the registry value {location}: {detail}</source>
        <translation>could not change the registry value {location}: {detail}</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>SEC EDGAR has no XBRL facts for {symbol} (a foreign filer?): enter its figures with riskwatch fundamentals set.</source>
        <translation>SEC EDGAR has no XBRL facts for {symbol} (a foreign filer?): enter its figures with riskwatch fundamentals set.</translation>
    </message>
    <message>
        <source>{given} lies in the future: a balance sheet is dated by a period that has ended</source>
        <translation>{given} lies in the future: a balance sheet is dated by a period that has ended</translation>
    </message>
    <message>
        <source>No held miner to refresh (miners with a known SEC CIK: {known}).</source>
        <translation>No held miner to refresh (miners with a known SEC CIK: {known}).</translation>
    </message>
    <message>
        <source>no SEC CIK is known for {symbols} (known: {known}); nothing was fetched</source>
        <translation>no SEC CIK is known for {symbols} (known: {known}); nothing was fetched</translation>
    </message>
    <message>
        <source>{symbol}: new filing stored ({accession})</source>
        <translation>{symbol}: new filing stored ({accession})</translation>
    </message>
    <message>
        <source>{symbol}: no new filing since {accession}</source>
        <translation>{symbol}: no new filing since {accession}</translation>
    </message>
    <message>
        <source>{symbol}: fetched less than a day ago ({accession}); --force fetches again</source>
        <translation>{symbol}: fetched less than a day ago ({accession}); --force fetches again</translation>
    </message>
    <message>
        <source>{symbol}: not refreshed: {detail}</source>
        <translation>{symbol}: not refreshed: {detail}</translation>
    </message>
    <message>
        <source>No figures for {symbol}: run riskwatch fundamentals refresh {symbol}, or enter one with riskwatch fundamentals set.</source>
        <translation>No figures for {symbol}: run riskwatch fundamentals refresh {symbol}, or enter one with riskwatch fundamentals set.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Filing</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>'{given}' is not a date: expected YYYY-MM-DD</source>
        <translation>'{given}' is not a date: expected YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Entered {code} of {symbol} for {period_end}: {value}.</source>
        <translation>Entered {code} of {symbol} for {period_end}: {value}.</translation>
    </message>
    <message>
        <source>No AI/HPC contracts.</source>
        <translation>No AI/HPC contracts.</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Portfolio value</source>
        <extracomment>The cards coloured by the rules: card -&gt; the portfolio metric key its rules use. card -&gt; the portfolio figure in the snapshot whose status and as-of time the card shows.</extracomment>
        <translation>Portfolio value</translation>
    </message>
    <message>
        <source>Profit/loss (P&amp;L)</source>
        <translation>Profit/loss (P&amp;L)</translation>
    </message>
    <message>
        <source>Drawdown from peak</source>
        <translation>Drawdown from peak</translation>
    </message>
    <message>
        <source>Drop from 30-day high</source>
        <translation>Drop from 30-day high</translation>
    </message>
    <message>
        <source>Value at Risk (VaR) 95 %, 1 day</source>
        <translation>Value at Risk (VaR) 95 %, 1 day</translation>
    </message>
    <message>
        <source>Expected shortfall (CVaR) 95 %, 1 day</source>
        <translation>Expected shortfall (CVaR) 95 %, 1 day</translation>
    </message>
    <message>
        <source>Largest position</source>
        <translation>Largest position</translation>
    </message>
    <message>
        <source>Miner beta to BTC (90 days)</source>
        <translation>Miner beta to BTC (90 days)</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>Active alerts</translation>
    </message>
    <message>
        <source>no prices yet</source>
        <translation>no prices yet</translation>
    </message>
    <message>
        <source>no positions with prices</source>
        <translation>no positions with prices</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>cost %1</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>worst: %1</translation>
    </message>
    <message>
        <source>calendar window of 30 days</source>
        <translation>calendar window of 30 days</translation>
    </message>
    <message>
        <source>%1 of the portfolio; historical, last 365 days</source>
        <translation>%1 of the portfolio; historical, last 365 days</translation>
    </message>
    <message>
        <source>%1 of the portfolio; mean of the worst 5 % of days</source>
        <translation>%1 of the portfolio; mean of the worst 5 % of days</translation>
    </message>
    <message>
        <source>%1 of the portfolio, HHI %2</source>
        <translation>%1 of the portfolio, HHI %2</translation>
    </message>
    <message>
        <source>value-weighted over the miners held</source>
        <translation>value-weighted over the miners held</translation>
    </message>
    <message>
        <source>Weekend gap estimate: %1</source>
        <translation>Weekend gap estimate: %1</translation>
    </message>
    <message>
        <source>No active alerts.</source>
        <translation>No active alerts.</translation>
    </message>
    <message>
        <source>no miners held</source>
        <translation>no miners held</translation>
    </message>
    <message>
        <source>not available (%1 of %2 miners)</source>
        <translation>not available (%1 of %2 miners)</translation>
    </message>
    <message>
        <source>from %1 of %2 miners; no current beta: %3</source>
        <translation>from %1 of %2 miners; no current beta: %3</translation>
    </message>
    <message>
        <source>(fired at %1)</source>
        <translation>(fired at %1)</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>No price for: %1</source>
        <translation>No price for: %1</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>snoozed until %1</translation>
    </message>
</context>
<context>
    <name>DeliveryLogView</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>The delivery log could not be loaded: %1</source>
        <translation>The delivery log could not be loaded: %1</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>reminder</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>retrying</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>Remote delivery has not started.</source>
        <translation>Remote delivery has not started.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FundamentalsDialog</name>
    <message>
        <source>Balance sheet of %1</source>
        <extracomment>a figure, contract or maturity was saved or removed</extracomment>
        <translation>Balance sheet of %1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Debt maturities</source>
        <translation>Debt maturities</translation>
    </message>
    <message>
        <source>Value (USD or shares)</source>
        <translation>Value (USD or shares)</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>Contract value (USD)</source>
        <translation>Contract value (USD)</translation>
    </message>
    <message>
        <source>Term (years)</source>
        <translation>Term (years)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Amount (USD)</source>
        <translation>Amount (USD)</translation>
    </message>
    <message>
        <source>known:</source>
        <translation>known:</translation>
    </message>
    <message>
        <source>Save figure</source>
        <translation>Save figure</translation>
    </message>
    <message>
        <source>Remove entered figure</source>
        <translation>Remove entered figure</translation>
    </message>
    <message>
        <source>Add contract</source>
        <translation>Add contract</translation>
    </message>
    <message>
        <source>Remove contract</source>
        <translation>Remove contract</translation>
    </message>
    <message>
        <source>Add maturity</source>
        <translation>Add maturity</translation>
    </message>
    <message>
        <source>Remove maturity</source>
        <translation>Remove maturity</translation>
    </message>
    <message>
        <source>press release or news URL</source>
        <translation>press release or news URL</translation>
    </message>
    <message>
        <source>e.g. press release of 2025-11-03</source>
        <translation>e.g. press release of 2025-11-03</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>%1: enter a value.</source>
        <translation>%1: enter a value.</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>Contract value</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>FundamentalsInput</name>
    <message>
        <source>%1: enter a value.</source>
        <extracomment>Larger than any miner's balance-sheet figure or contract (USD), or share count: a typing slip.</extracomment>
        <translation>%1: enter a value.</translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1 must not be negative.</translation>
    </message>
    <message>
        <source>more than 0</source>
        <translation>more than 0</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 must be between %2 and %3.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Select a signal to see its history.</source>
        <translation>Select a signal to see its history.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Loading the history…</translation>
    </message>
    <message>
        <source>History not available: %1</source>
        <translation>History not available: %1</translation>
    </message>
    <message>
        <source>No stored history yet.</source>
        <translation>No stored history yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored value(s)</source>
        <translation>
            <numerusform>%n stored value</numerusform>
            <numerusform>%n stored values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s): signal not available</source>
        <translation>
            <numerusform>%n gap: signal not available</numerusform>
            <numerusform>%n gaps: signal not available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorTable</name>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Status / as of</source>
        <translation>Status / as of</translation>
    </message>
    <message>
        <source>beyond threshold</source>
        <translation>beyond threshold</translation>
    </message>
</context>
<context>
    <name>LiquidityView</name>
    <message>
        <source>%1 bp</source>
        <translation>%1 bp</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>invalid data (e.g. a crossed order book)</source>
        <translation>invalid data (e.g. a crossed order book)</translation>
    </message>
    <message>
        <source>source unreachable</source>
        <translation>source unreachable</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Thresholds: %1</source>
        <translation>Thresholds: %1</translation>
    </message>
    <message>
        <source>No liquidity signals yet.</source>
        <translation>No liquidity signals yet.</translation>
    </message>
    <message>
        <source>As of %1. Money in USD; traffic lights at the alert rules' thresholds.</source>
        <translation>As of %1. Money in USD; traffic lights at the alert rules' thresholds.</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Not available: %1</translation>
    </message>
    <message>
        <source>History: %1 – %2</source>
        <translation>History: %1 – %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Positions synced from %1.</source>
        <translation>Positions synced from %1.</translation>
    </message>
    <message>
        <source>No figures yet: wait for the first refresh.</source>
        <translation>No figures yet: wait for the first refresh.</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n position</numerusform>
            <numerusform>%n positions</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved. The new exchange or base currency is used from the next refresh.</source>
        <translation>Settings saved. The new exchange or base currency is used from the next refresh.</translation>
    </message>
    <message>
        <source>daily prices from Yahoo Finance</source>
        <translation>daily prices from Yahoo Finance</translation>
    </message>
    <message>
        <source>Binance spot daily closes in USDT</source>
        <translation>Binance spot daily closes in USDT</translation>
    </message>
    <message>
        <source>stablecoin prices from Yahoo Finance</source>
        <translation>stablecoin prices from Yahoo Finance</translation>
    </message>
    <message>
        <source>Binance perpetual funding every 8 hours</source>
        <translation>Binance perpetual funding every 8 hours</translation>
    </message>
    <message>
        <source>Bundled history for offline use (via public GitHub repositories):</source>
        <translation>Bundled history for offline use (via public GitHub repositories):</translation>
    </message>
    <message>
        <source>About RiskWatch</source>
        <translation>About RiskWatch</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Alert history</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidity</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alerts</translation>
    </message>
    <message>
        <source>Show alert &amp;window</source>
        <translation>Show alert &amp;window</translation>
    </message>
    <message>
        <source>Alert &amp;history</source>
        <translation>Alert &amp;history</translation>
    </message>
    <message>
        <source>Alert &amp;rules</source>
        <translation>Alert &amp;rules</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Positions</source>
        <translation>&amp;Positions</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;New position…</source>
        <translation>&amp;New position…</translation>
    </message>
    <message>
        <source>&amp;Edit position…</source>
        <translation>&amp;Edit position…</translation>
    </message>
    <message>
        <source>&amp;Delete position</source>
        <translation>&amp;Delete position</translation>
    </message>
    <message>
        <source>&amp;Import positions…</source>
        <translation>&amp;Import positions…</translation>
    </message>
    <message>
        <source>&amp;Export positions…</source>
        <translation>&amp;Export positions…</translation>
    </message>
    <message>
        <source>Remove example portfolio</source>
        <translation>Remove example portfolio</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Refresh now</translation>
    </message>
    <message>
        <source>&amp;Stress test…</source>
        <translation>&amp;Stress test…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API &amp;keys…</translation>
    </message>
    <message>
        <source>S&amp;ync from exchange…</source>
        <translation>S&amp;ync from exchange…</translation>
    </message>
    <message>
        <source>Leave the replay (back to live)</source>
        <translation>Leave the replay (back to live)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About RiskWatch</source>
        <translation>&amp;About RiskWatch</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Refresh failed: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;RiskWatch %1&lt;/b&gt;&lt;p&gt;A local risk monitor for Bitcoin and bitcoin-miner stocks.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RiskWatch %1&lt;/b&gt;&lt;p&gt;A local risk monitor for Bitcoin and bitcoin-miner stocks.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Terra/Luna collapse (May 2022)</source>
        <extracomment>(title, first day, last day): the title is translated in the "MainWindow" context</extracomment>
        <translation>Terra/Luna collapse (May 2022)</translation>
    </message>
    <message>
        <source>FTX collapse (November 2022)</source>
        <translation>FTX collapse (November 2022)</translation>
    </message>
    <message>
        <source>USDC depeg (March 2023)</source>
        <translation>USDC depeg (March 2023)</translation>
    </message>
    <message>
        <source>Sell-off of autumn 2025 (October–December)</source>
        <translation>Sell-off of autumn 2025 (October–December)</translation>
    </message>
    <message>
        <source>Replay a past crisis</source>
        <translation>Replay a past crisis</translation>
    </message>
    <message>
        <source>Balance sheet</source>
        <translation>Balance sheet</translation>
    </message>
</context>
<context>
    <name>MarketDialog</name>
    <message>
        <source>Basket and regime rules</source>
        <translation>Basket and regime rules</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket</source>
        <translation>CoinDesk-20 basket</translation>
    </message>
    <message>
        <source>Miner basket</source>
        <translation>Miner basket</translation>
    </message>
    <message>
        <source>Regime rules</source>
        <translation>Regime rules</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Ticker</translation>
    </message>
    <message>
        <source>Weight in %</source>
        <translation>Weight in %</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Reset to factsheet</source>
        <translation>Reset to factsheet</translation>
    </message>
    <message>
        <source>The miners held (all nine while none is held)</source>
        <translation>The miners held (all nine while none is held)</translation>
    </message>
    <message>
        <source>All nine listed miners</source>
        <translation>All nine listed miners</translation>
    </message>
    <message>
        <source>Equal weights; the basket's drop, return, beta and correlation to BTC and QQQ are shown on the market tab.</source>
        <translation>Equal weights; the basket's drop, return, beta and correlation to BTC and QQQ are shown on the market tab.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Under pressure from (indicators)</source>
        <translation>Under pressure from (indicators)</translation>
    </message>
    <message>
        <source>Stressed from (indicators)</source>
        <translation>Stressed from (indicators)</translation>
    </message>
    <message>
        <source>Reset to the shipped rules</source>
        <translation>Reset to the shipped rules</translation>
    </message>
    <message>
        <source>The CoinDesk 20 factsheet's constituents and weights of %1. Import a newer factsheet or type your own basket.</source>
        <translation>The CoinDesk 20 factsheet's constituents and weights of %1. Import a newer factsheet or type your own basket.</translation>
    </message>
    <message>
        <source>Your own basket (weights of %1).</source>
        <translation>Your own basket (weights of %1).</translation>
    </message>
    <message>
        <source>Your own basket.</source>
        <translation>Your own basket.</translation>
    </message>
    <message>
        <source>Weights need not add up to 100: they are renormalised over the constituents with a price.</source>
        <translation>Weights need not add up to 100: they are renormalised over the constituents with a price.</translation>
    </message>
    <message>
        <source>Row %1: enter a ticker such as BTC.</source>
        <translation>Row %1: enter a ticker such as BTC.</translation>
    </message>
    <message>
        <source>The basket needs at least one constituent.</source>
        <translation>The basket needs at least one constituent.</translation>
    </message>
    <message>
        <source>'Stressed' must need at least as many indicators as 'under pressure'.</source>
        <translation>'Stressed' must need at least as many indicators as 'under pressure'.</translation>
    </message>
    <message>
        <source>The basket was not imported:
%1</source>
        <translation>The basket was not imported:
%1</translation>
    </message>
    <message>
        <source>Import basket</source>
        <translation>Import basket</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
</context>
<context>
    <name>MarketInput</name>
    <message>
        <source>Weight of %1</source>
        <translation>Weight of %1</translation>
    </message>
    <message>
        <source>%1 must be more than 0 and at most 100 %.</source>
        <translation>%1 must be more than 0 and at most 100 %.</translation>
    </message>
    <message>
        <source>Threshold of %1</source>
        <translation>Threshold of %1</translation>
    </message>
    <message>
        <source>%1 must lie between %2 and %3.</source>
        <translation>%1 must lie between %2 and %3.</translation>
    </message>
</context>
<context>
    <name>MarketText</name>
    <message>
        <source>unavailable</source>
        <extracomment>Percent decimals of the panel's small fractions (a funding rate of 0.0023 % per 8 h, a peg off by 0.77 %).</extracomment>
        <translation>unavailable</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <source>Under pressure</source>
        <translation>Under pressure</translation>
    </message>
    <message>
        <source>Stressed</source>
        <translation>Stressed</translation>
    </message>
    <message>
        <source>BTC: drop from 30-day high</source>
        <translation>BTC: drop from 30-day high</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket: 30-day return</source>
        <translation>CoinDesk-20 basket: 30-day return</translation>
    </message>
    <message>
        <source>Miner basket: drop from 30-day high</source>
        <translation>Miner basket: drop from 30-day high</translation>
    </message>
    <message>
        <source>QQQ: largest drop within the month</source>
        <translation>QQQ: largest drop within the month</translation>
    </message>
    <message>
        <source>Correlation BTC–QQQ (30 days)</source>
        <translation>Correlation BTC–QQQ (30 days)</translation>
    </message>
    <message>
        <source>Miner basket: rise of its correlation with BTC</source>
        <translation>Miner basket: rise of its correlation with BTC</translation>
    </message>
    <message>
        <source>USDT: deviation from the peg</source>
        <translation>USDT: deviation from the peg</translation>
    </message>
    <message>
        <source>USDC: deviation from the peg</source>
        <translation>USDC: deviation from the peg</translation>
    </message>
    <message>
        <source>BTC funding rate per 8 h</source>
        <translation>BTC funding rate per 8 h</translation>
    </message>
    <message>
        <source>BTC order-book depth vs. its median</source>
        <translation>BTC order-book depth vs. its median</translation>
    </message>
    <message>
        <source>BTC volume vs. its median</source>
        <translation>BTC volume vs. its median</translation>
    </message>
    <message>
        <source>CD20 basket</source>
        <translation>CD20 basket</translation>
    </message>
    <message>
        <source>Miner basket</source>
        <translation>Miner basket</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prices</translation>
    </message>
    <message>
        <source>Co-movement</source>
        <translation>Co-movement</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidity</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>market closed · as of %1</source>
        <translation>market closed · as of %1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <source>CD20 (30 days)</source>
        <translation>CD20 (30 days)</translation>
    </message>
    <message>
        <source>Corr. BTC–QQQ</source>
        <translation>Corr. BTC–QQQ</translation>
    </message>
    <message>
        <source>Corr. rise miners–BTC</source>
        <translation>Corr. rise miners–BTC</translation>
    </message>
    <message>
        <source>USDT peg</source>
        <translation>USDT peg</translation>
    </message>
    <message>
        <source>USDC peg</source>
        <translation>USDC peg</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>BTC depth</source>
        <translation>BTC depth</translation>
    </message>
    <message>
        <source>BTC volume</source>
        <translation>BTC volume</translation>
    </message>
    <message>
        <source>No indicator beyond its threshold</source>
        <translation>No indicator beyond its threshold</translation>
    </message>
    <message>
        <source>Beyond the threshold: %1</source>
        <translation>Beyond the threshold: %1</translation>
    </message>
    <message>
        <source>Market regime: %1</source>
        <translation>Market regime: %1</translation>
    </message>
    <message>
        <source>No market figures yet.</source>
        <translation>No market figures yet.</translation>
    </message>
    <message>
        <source>%1 of %2 indicators beyond their threshold</source>
        <translation>%1 of %2 indicators beyond their threshold</translation>
    </message>
    <message numerus="yes">
        <source>%n unavailable</source>
        <translation>
            <numerusform>%n unavailable</numerusform>
            <numerusform>%n unavailable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale (not counted)</source>
        <translation>
            <numerusform>%n stale (not counted)</numerusform>
            <numerusform>%n stale (not counted)</numerusform>
        </translation>
    </message>
    <message>
        <source>too few current indicators (%1, at least %2 needed)</source>
        <translation>too few current indicators (%1, at least %2 needed)</translation>
    </message>
</context>
<context>
    <name>MarketView</name>
    <message>
        <source>Edit basket and rules…</source>
        <extracomment>the user asked to edit the baskets and the regime rules</extracomment>
        <translation>Edit basket and rules…</translation>
    </message>
    <message>
        <source>Market regime: no figures yet</source>
        <translation>Market regime: no figures yet</translation>
    </message>
    <message>
        <source>Not coloured: some indicators are stale or unavailable, so the count is a lower bound.</source>
        <translation>Not coloured: some indicators are stale or unavailable, so the count is a lower bound.</translation>
    </message>
    <message>
        <source>Loading the price history of the basket constituents: %1 of %2</source>
        <translation>Loading the price history of the basket constituents: %1 of %2</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>%1: %2 – %3</source>
        <translation>%1: %2 – %3</translation>
    </message>
    <message>
        <source>Value %1</source>
        <translation>Value %1</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>threshold %1</translation>
    </message>
    <message>
        <source>data as of %1</source>
        <translation>data as of %1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>Snooze 1 h</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Cost basis</translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1 must not be negative.</translation>
    </message>
    <message>
        <source>%1 must be 0 or between %2 and %3.</source>
        <translation>%1 must be 0 or between %2 and %3.</translation>
    </message>
    <message>
        <source>%1: %2 is not a number in English notation — did you mean %3?</source>
        <translation>%1: %2 is not a number in English notation — did you mean %3?</translation>
    </message>
    <message>
        <source>%1: %2 can be read two ways — did you mean %3 or %4?</source>
        <translation>%1: %2 can be read two ways — did you mean %3 or %4?</translation>
    </message>
    <message>
        <source>%1: enter a number such as %2 or %3.</source>
        <translation>%1: enter a number such as %2 or %3.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline – prices as of %1 (the oldest)</source>
        <translation>Offline – prices as of %1 (the oldest)</translation>
    </message>
    <message>
        <source>Prices as of %1 (the oldest)</source>
        <translation>Prices as of %1 (the oldest)</translation>
    </message>
    <message>
        <source>Sample data from %1</source>
        <translation>Sample data from %1</translation>
    </message>
    <message>
        <source>Sample data from %1 to %2</source>
        <translation>Sample data from %1 to %2</translation>
    </message>
    <message>
        <source>Stale: %1</source>
        <translation>Stale: %1</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>Edit position</source>
        <translation>Edit position</translation>
    </message>
    <message>
        <source>New position</source>
        <translation>New position</translation>
    </message>
    <message>
        <source>e.g. BTC or IREN</source>
        <translation>e.g. BTC or IREN</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Crypto</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Stablecoin</source>
        <translation>Stablecoin</translation>
    </message>
    <message>
        <source>price paid per unit</source>
        <translation>price paid per unit</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Cost basis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Symbol: enter a ticker such as BTC or IREN (letters and digits).</source>
        <translation>Symbol: enter a ticker such as BTC or IREN (letters and digits).</translation>
    </message>
    <message>
        <source>Currency: enter a currency code such as USD or EUR.</source>
        <translation>Currency: enter a currency code such as USD or EUR.</translation>
    </message>
</context>
<context>
    <name>PositionsTableModel</name>
    <message>
        <source>Symbol</source>
        <extracomment>The text put into an editor (exact, ungrouped); Qt's items keep EditRole and DisplayRole as one value.</extracomment>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Cost basis</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Market value</translation>
    </message>
    <message>
        <source>P&amp;L</source>
        <translation>P&amp;L</translation>
    </message>
    <message>
        <source>P&amp;L %</source>
        <translation>P&amp;L %</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>vs 30-day high</source>
        <translation>vs 30-day high</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Last price in the base currency %1</source>
        <translation>Last price in the base currency %1</translation>
    </message>
    <message>
        <source>Age of the price; stale after three refresh intervals</source>
        <translation>Age of the price; stale after three refresh intervals</translation>
    </message>
    <message>
        <source>Market value in the base currency %1</source>
        <translation>Market value in the base currency %1</translation>
    </message>
    <message>
        <source>Change over 24 hours</source>
        <translation>Change over 24 hours</translation>
    </message>
    <message>
        <source>Drop from the 30-day high (calendar days)</source>
        <translation>Drop from the 30-day high (calendar days)</translation>
    </message>
    <message>
        <source>Drawdown from the all-time high in the stored history</source>
        <translation>Drawdown from the all-time high in the stored history</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Crypto</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Stablecoin</source>
        <translation>Stablecoin</translation>
    </message>
    <message>
        <source>Example position – remove the example portfolio with one click above the table.</source>
        <translation>Example position – remove the example portfolio with one click above the table.</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>The change was not saved: %1</translation>
    </message>
</context>
<context>
    <name>PositionsView</name>
    <message>
        <source>&lt;b&gt;Example portfolio.&lt;/b&gt; These positions are a made-up example so you can see how RiskWatch works. Remove them and add or import your own.</source>
        <extracomment>Shown in the position dialog and on demand (header menu); not needed at a glance.</extracomment>
        <translation>&lt;b&gt;Example portfolio.&lt;/b&gt; These positions are a made-up example so you can see how RiskWatch works. Remove them and add or import your own.</translation>
    </message>
    <message>
        <source>Remove example portfolio</source>
        <translation>Remove example portfolio</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Undo delete</translation>
    </message>
    <message>
        <source>Delete positions</source>
        <translation>Delete positions</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n position(s): %1?</source>
        <translation>
            <numerusform>Delete %n position: %1?</numerusform>
            <numerusform>Delete %n positions: %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n position(s). Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>Deleted %n position. Undo with Ctrl+Z.</numerusform>
            <numerusform>Deleted %n positions. Undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n position(s).</source>
        <translation>
            <numerusform>Restored %n position.</numerusform>
            <numerusform>Restored %n positions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n example position(s).</source>
        <translation>
            <numerusform>Removed %n example position.</numerusform>
            <numerusform>Removed %n example positions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import positions</source>
        <translation>Import positions</translation>
    </message>
    <message>
        <source>Positions (*.csv *.json);;All files (*)</source>
        <translation>Positions (*.csv *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n position(s).</source>
        <translation>
            <numerusform>Imported %n position.</numerusform>
            <numerusform>Imported %n positions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import rejected</source>
        <translation>Import rejected</translation>
    </message>
    <message>
        <source>Nothing was imported. Please correct the file and try again.</source>
        <translation>Nothing was imported. Please correct the file and try again.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>field '%1'</source>
        <translation>field '%1'</translation>
    </message>
    <message>
        <source>CSV for Excel (German) (*.csv)</source>
        <translation>CSV for Excel (German) (*.csv)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export positions</source>
        <translation>Export positions</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n position(s).</source>
        <translation>
            <numerusform>Exported %n position.</numerusform>
            <numerusform>Exported %n positions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>PriceAge</name>
    <message>
        <source>no price</source>
        <extracomment>Price states shown in the warning colour.</extracomment>
        <translation>no price</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>stale (%1)</source>
        <translation>stale (%1)</translation>
    </message>
    <message>
        <source>market closed (%1)</source>
        <translation>market closed (%1)</translation>
    </message>
    <message>
        <source>unconfirmed (%1)</source>
        <translation>unconfirmed (%1)</translation>
    </message>
    <message>
        <source>Price is stale: no fresh price for more than three refresh intervals.</source>
        <translation>Price is stale: no fresh price for more than three refresh intervals.</translation>
    </message>
    <message>
        <source>The newest quote jumped further than the stored prices and the order book support; it is held back until a second source confirms it. Figures and alerts use the last confirmed price.</source>
        <translation>The newest quote jumped further than the stored prices and the order book support; it is held back until a second source confirms it. Figures and alerts use the last confirmed price.</translation>
    </message>
</context>
<context>
    <name>RegimeStrip</name>
    <message>
        <source>Open the market tab</source>
        <translation>Open the market tab</translation>
    </message>
    <message>
        <source>Market regime: no figures yet</source>
        <translation>Market regime: no figures yet</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Edit rule</source>
        <extracomment>The name a shipped rule shows while the user keeps it ("" for other rules); see name_is_generated.</extracomment>
        <translation>Edit rule</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation>Hysteresis</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>Cooldown</translation>
    </message>
    <message>
        <source>e.g. BTC 17 % below its 30-day high</source>
        <translation>e.g. BTC 17 % below its 30-day high</translation>
    </message>
    <message>
        <source>e.g. 30 days or 4 hours</source>
        <translation>e.g. 30 days or 4 hours</translation>
    </message>
    <message>
        <source>Time window of the metric: a count and a unit, e.g. 30 days or 4 hours</source>
        <translation>Time window of the metric: a count and a unit, e.g. 30 days or 4 hours</translation>
    </message>
    <message>
        <source>This metric needs a time window such as 30 days or 4 hours.</source>
        <translation>This metric needs a time window such as 30 days or 4 hours.</translation>
    </message>
    <message>
        <source>Enter a count and a unit such as 30 days or 4 hours.</source>
        <translation>Enter a count and a unit such as 30 days or 4 hours.</translation>
    </message>
    <message>
        <source>An alert ends only when the value has recovered past the threshold by this much, so it does not flicker</source>
        <translation>An alert ends only when the value has recovered past the threshold by this much, so it does not flicker</translation>
    </message>
    <message>
        <source>After an alert ended, the same alert fires again only after this time</source>
        <translation>After an alert ended, the same alert fires again only after this time</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>Rule is active</source>
        <translation>Rule is active</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>percentage points</source>
        <translation>percentage points</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Enter a name (at most 100 characters).</source>
        <translation>Enter a name (at most 100 characters).</translation>
    </message>
    <message>
        <source>Enter a symbol such as BTC or IREN.</source>
        <translation>Enter a symbol such as BTC or IREN.</translation>
    </message>
    <message>
        <source>Unknown symbol '%1'. Known symbols: %2.</source>
        <translation>Unknown symbol '%1'. Known symbols: %2.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <source>Enter a number (0 for none).</source>
        <translation>Enter a number (0 for none).</translation>
    </message>
    <message>
        <source>Enter 0 or more.</source>
        <translation>Enter 0 or more.</translation>
    </message>
    <message>
        <source>Enter less than 100 percentage points.</source>
        <translation>Enter less than 100 percentage points.</translation>
    </message>
    <message>
        <source>Enter a number of hours (0 for none).</source>
        <translation>Enter a number of hours (0 for none).</translation>
    </message>
    <message>
        <source>Enter between 0 and %1 hours.</source>
        <translation>Enter between 0 and %1 hours.</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>The rule was not saved: %1</translation>
    </message>
</context>
<context>
    <name>RuleMessages</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Enter a value between %1 and %2.</source>
        <translation>Enter a value between %1 and %2.</translation>
    </message>
    <message>
        <source>Enter a value of at least %1.</source>
        <translation>Enter a value of at least %1.</translation>
    </message>
    <message>
        <source>Enter a value of at most %1.</source>
        <translation>Enter a value of at most %1.</translation>
    </message>
    <message>
        <source>Enter a name (at most 100 characters).</source>
        <translation>Enter a name (at most 100 characters).</translation>
    </message>
    <message>
        <source>Enter a count and a unit such as 30 days or 4 hours.</source>
        <translation>Enter a count and a unit such as 30 days or 4 hours.</translation>
    </message>
    <message>
        <source>Enter a number in the metric's range.</source>
        <translation>Enter a number in the metric's range.</translation>
    </message>
    <message>
        <source>Enter 0 or more.</source>
        <translation>Enter 0 or more.</translation>
    </message>
    <message>
        <source>Enter between 0 and %1 hours.</source>
        <translation>Enter between 0 and %1 hours.</translation>
    </message>
    <message>
        <source>The rule is not valid: %1</source>
        <translation>The rule is not valid: %1</translation>
    </message>
    <message>
        <source>The rule does not fit its escalation group '%1': a more severe rule of the group needs a threshold further in the bad direction, and all rules of a group share metric, window, scope and direction.</source>
        <translation>The rule does not fit its escalation group '%1': a more severe rule of the group needs a threshold further in the bad direction, and all rules of a group share metric, window, scope and direction.</translation>
    </message>
    <message>
        <source>The symbol is not known.</source>
        <translation>The symbol is not known.</translation>
    </message>
    <message>
        <source>Another rule already uses this key.</source>
        <translation>Another rule already uses this key.</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>The rule was not saved: %1</translation>
    </message>
</context>
<context>
    <name>RulePreviewText</name>
    <message>
        <source>– (no data yet)</source>
        <translation>– (no data yet)</translation>
    </message>
    <message>
        <source>– (no asset in this scope has data)</source>
        <translation>– (no asset in this scope has data)</translation>
    </message>
    <message>
        <source>As of %1, threshold %2:</source>
        <translation>As of %1, threshold %2:</translation>
    </message>
    <message>
        <source>%1: – (no data)</source>
        <translation>%1: – (no data)</translation>
    </message>
    <message>
        <source>%1: %2 – would fire</source>
        <translation>%1: %2 – would fire</translation>
    </message>
    <message>
        <source>%1: %2 – would not fire</source>
        <translation>%1: %2 – would not fire</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Name</source>
        <extracomment>How long a confirmation ("Rule … saved.") stays in the tab, in milliseconds. The rule set changed (saved, deleted, restored, switched on/off). A short confirmation ("Rule … saved."), also shown in the tab itself (``message_label``) for a few seconds.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Restore default rules</source>
        <translation>Restore default rules</translation>
    </message>
    <message>
        <source>Rules could not be loaded</source>
        <translation>Rules could not be loaded</translation>
    </message>
    <message>
        <source>Switch the rule on or off</source>
        <translation>Switch the rule on or off</translation>
    </message>
    <message>
        <source>Rule '%1' saved.</source>
        <translation>Rule '%1' saved.</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <source>Delete the rule '%1'? Its active alerts end at the next check.</source>
        <translation>Delete the rule '%1'? Its active alerts end at the next check.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Rule '%1' deleted.</source>
        <translation>Rule '%1' deleted.</translation>
    </message>
    <message>
        <source>Put the shipped rules back to their shipped settings? Deleted default rules come back; your own rules stay.</source>
        <translation>Put the shipped rules back to their shipped settings? Deleted default rules come back; your own rules stay.</translation>
    </message>
    <message>
        <source>Default rules restored.</source>
        <translation>Default rules restored.</translation>
    </message>
    <message>
        <source>Rule '%1' switched on.</source>
        <translation>Rule '%1' switched on.</translation>
    </message>
    <message>
        <source>Rule '%1' switched off.</source>
        <translation>Rule '%1' switched off.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>default endpoint of the exchange</source>
        <translation>default endpoint of the exchange</translation>
    </message>
    <message>
        <source>US dollar (USD)</source>
        <translation>US dollar (USD)</translation>
    </message>
    <message>
        <source>Euro (EUR)</source>
        <translation>Euro (EUR)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Compare the exchange account's balances with your positions periodically and propose the differences; nothing is changed without your confirmation.</source>
        <translation>Compare the exchange account's balances with your positions periodically and propose the differences; nothing is changed without your confirmation.</translation>
    </message>
    <message>
        <source>Show a notification for warnings and critical alerts</source>
        <translation>Show a notification for warnings and critical alerts</translation>
    </message>
    <message>
        <source>Play a sound for warnings and critical alerts</source>
        <translation>Play a sound for warnings and critical alerts</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>Keep running in the tray when closed</translation>
    </message>
    <message>
        <source>Closing the window keeps monitoring in the tray (where the desktop has one); quit from the tray menu or with Ctrl+Q.</source>
        <translation>Closing the window keeps monitoring in the tray (where the desktop has one); quit from the tray menu or with Ctrl+Q.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start at login</translation>
    </message>
    <message>
        <source>RiskWatch starts when you log in to the desktop, so it is watching even when you forgot to start it.</source>
        <translation>RiskWatch starts when you log in to the desktop, so it is watching even when you forgot to start it.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>An unacknowledged critical alert is sent to the remote channels again this often (never for warnings or info).</source>
        <translation>An unacknowledged critical alert is sent to the remote channels again this often (never for warnings or info).</translation>
    </message>
    <message>
        <source>The language changes at once; no restart needed.</source>
        <translation>The language changes at once; no restart needed.</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Exchange endpoint</source>
        <translation>Exchange endpoint</translation>
    </message>
    <message>
        <source>Base currency</source>
        <translation>Base currency</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>Refresh interval</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sync from exchange every</source>
        <translation>Sync from exchange every</translation>
    </message>
    <message>
        <source>Remind of open critical alerts every</source>
        <translation>Remind of open critical alerts every</translation>
    </message>
    <message>
        <source>The exchange endpoint must start with http:// or https://.</source>
        <translation>The exchange endpoint must start with http:// or https://.</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>Start at login could not be changed: %1</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degraded</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>not connected yet</source>
        <translation>not connected yet</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation>Replay: %1</translation>
    </message>
    <message>
        <source>%1 failing (%2×)</source>
        <translation>%1 failing (%2×)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n waiting</source>
        <translation>
            <numerusform>%1: %n waiting</numerusform>
            <numerusform>%1: %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Delivery: %1</translation>
    </message>
    <message>
        <source>%1: last error %2</source>
        <translation>%1: last error %2</translation>
    </message>
    <message>
        <source>See the delivery log in the alert history.</source>
        <translation>See the delivery log in the alert history.</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Crypto</translation>
    </message>
    <message>
        <source>Stocks</source>
        <translation>Stocks</translation>
    </message>
    <message>
        <source>Oldest price: –</source>
        <translation>Oldest price: –</translation>
    </message>
    <message>
        <source>Oldest price: %1</source>
        <translation>Oldest price: %1</translation>
    </message>
    <message>
        <source>(sample data)</source>
        <translation>(sample data)</translation>
    </message>
    <message>
        <source>The figures rest on prices as old as this.</source>
        <translation>The figures rest on prices as old as this.</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>stale: %1</translation>
    </message>
    <message>
        <source>Stale: %1</source>
        <translation>Stale: %1</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <source>Base currency: %1</source>
        <translation>Base currency: %1</translation>
    </message>
</context>
<context>
    <name>StoreMessages</name>
    <message>
        <source>The data store {path} is locked by another process (another RiskWatch window or command). Close it, or wait until it has finished, and start RiskWatch again.</source>
        <translation>The data store {path} is locked by another process (another RiskWatch window or command). Close it, or wait until it has finished, and start RiskWatch again.</translation>
    </message>
    <message>
        <source>The disk holding the data store {path} is full; nothing was changed. Free some disk space and try again.</source>
        <translation>The disk holding the data store {path} is full; nothing was changed. Free some disk space and try again.</translation>
    </message>
    <message>
        <source>The data store {path} is read-only: there is no write permission for the file or its folder. Make both writable for your user or choose another folder with --data-dir.</source>
        <translation>The data store {path} is read-only: there is no write permission for the file or its folder. Make both writable for your user or choose another folder with --data-dir.</translation>
    </message>
    <message>
        <source>The data store {path} is damaged. A backup made before the last upgrade is {backup}: move the damaged file away and copy the backup in its place.</source>
        <translation>The data store {path} is damaged. A backup made before the last upgrade is {backup}: move the damaged file away and copy the backup in its place.</translation>
    </message>
    <message>
        <source>The data store {path} is damaged. Move it away to start with an empty store, or put back a copy from your own backup.</source>
        <translation>The data store {path} is damaged. Move it away to start with an empty store, or put back a copy from your own backup.</translation>
    </message>
    <message>
        <source>The data store could not be used: {message}</source>
        <translation>The data store could not be used: {message}</translation>
    </message>
    <message>
        <source>{n} damaged row(s) in the data store were skipped: {rows}</source>
        <translation>{n} damaged row(s) in the data store were skipped: {rows}</translation>
    </message>
</context>
<context>
    <name>StressDialog</name>
    <message>
        <source>Stress test</source>
        <translation>Stress test</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>Scenario:</translation>
    </message>
    <message>
        <source>BTC shock</source>
        <translation>BTC shock</translation>
    </message>
    <message>
        <source>AI trade unwinds: shock QQQ (Nasdaq-100) as well</source>
        <translation>AI trade unwinds: shock QQQ (Nasdaq-100) as well</translation>
    </message>
    <message>
        <source>QQQ shock:</source>
        <translation>QQQ shock:</translation>
    </message>
    <message>
        <source>Every other asset moves by its 90-day beta to BTC (or the beta you set) times the BTC shock (at most %1). Stablecoins stay unchanged. An asset without a beta is never counted as unchanged: its move is unknown.</source>
        <translation>Every other asset moves by its 90-day beta to BTC (or the beta you set) times the BTC shock (at most %1). Stablecoins stay unchanged. An asset without a beta is never counted as unchanged: its move is unknown.</translation>
    </message>
    <message>
        <source>Betas and shocks by hand (empty: computed)</source>
        <translation>Betas and shocks by hand (empty: computed)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Shock</source>
        <translation>Shock</translation>
    </message>
    <message>
        <source>Value before</source>
        <translation>Value before</translation>
    </message>
    <message>
        <source>Value after</source>
        <translation>Value after</translation>
    </message>
    <message>
        <source>P&amp;L</source>
        <translation>P&amp;L</translation>
    </message>
    <message>
        <source>New weight</source>
        <translation>New weight</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Alert rules that would fire</source>
        <translation>Alert rules that would fire</translation>
    </message>
    <message>
        <source>With a QQQ shock, the part through the beta to QQQ is added to the part through the beta to BTC. Historical scenarios apply each asset's worst peak-to-trough move of the period to today's holdings; an asset without data in the period is shocked through its beta to BTC. Drawdown and drop from the 30-day high after the shock: (1 + today's value) × (1 + shock) − 1.</source>
        <translation>With a QQQ shock, the part through the beta to QQQ is added to the part through the beta to BTC. Historical scenarios apply each asset's worst peak-to-trough move of the period to today's holdings; an asset without data in the period is shocked through its beta to BTC. Drawdown and drop from the 30-day high after the shock: (1 + today's value) × (1 + shock) − 1.</translation>
    </message>
    <message>
        <source>BTC shock, passed on by beta</source>
        <translation>BTC shock, passed on by beta</translation>
    </message>
    <message>
        <source>March 2020 (COVID crash)</source>
        <translation>March 2020 (COVID crash)</translation>
    </message>
    <message>
        <source>May–June 2022 (Terra, Celsius, 3AC)</source>
        <translation>May–June 2022 (Terra, Celsius, 3AC)</translation>
    </message>
    <message>
        <source>November 2022 (FTX)</source>
        <translation>November 2022 (FTX)</translation>
    </message>
    <message>
        <source>October–November 2025 (sell-off)</source>
        <translation>October–November 2025 (sell-off)</translation>
    </message>
    <message>
        <source>No positions with prices – nothing to stress.</source>
        <translation>No positions with prices – nothing to stress.</translation>
    </message>
    <message>
        <source>Portfolio: %1 → %2, P&amp;L %3 (%4)</source>
        <translation>Portfolio: %1 → %2, P&amp;L %3 (%4)</translation>
    </message>
    <message>
        <source>Period %1 – %2. BTC's worst move in the period: %3.</source>
        <translation>Period %1 – %2. BTC's worst move in the period: %3.</translation>
    </message>
    <message>
        <source>BTC %1, QQQ %2.</source>
        <translation>BTC %1, QQQ %2.</translation>
    </message>
    <message>
        <source>Beta (set by you)</source>
        <translation>Beta (set by you)</translation>
    </message>
    <message>
        <source>Portfolio: not available – no beta for %1 (%2 of the portfolio), their move is unknown. Without them: %3 → %4, P&amp;L %5 (%6). Set a beta for them under “%7” to include them.</source>
        <translation>Portfolio: not available – no beta for %1 (%2 of the portfolio), their move is unknown. Without them: %3 → %4, P&amp;L %5 (%6). Set a beta for them under “%7” to include them.</translation>
    </message>
    <message>
        <source>Not judged for %1 and the portfolio: their move is unknown (no beta).</source>
        <translation>Not judged for %1 and the portfolio: their move is unknown (no beta).</translation>
    </message>
    <message>
        <source>No rule would fire.</source>
        <translation>No rule would fire.</translation>
    </message>
    <message>
        <source>fires already now</source>
        <translation>fires already now</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>threshold %1</translation>
    </message>
    <message>
        <source>own worst move in the period</source>
        <translation>own worst move in the period</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>no data in the period – through beta to BTC (%1)</source>
        <translation>no data in the period – through beta to BTC (%1)</translation>
    </message>
    <message>
        <source>through beta to BTC (%1)</source>
        <translation>through beta to BTC (%1)</translation>
    </message>
    <message>
        <source>through beta to QQQ (%1)</source>
        <translation>through beta to QQQ (%1)</translation>
    </message>
    <message>
        <source>through betas to BTC (%1) and QQQ (%2)</source>
        <translation>through betas to BTC (%1) and QQQ (%2)</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>stablecoin – unchanged</source>
        <translation>stablecoin – unchanged</translation>
    </message>
    <message>
        <source>no data in the period and no beta – move unknown, left out of the portfolio's result</source>
        <translation>no data in the period and no beta – move unknown, left out of the portfolio's result</translation>
    </message>
    <message>
        <source>no beta – move unknown, left out of the portfolio's result</source>
        <translation>no beta – move unknown, left out of the portfolio's result</translation>
    </message>
    <message>
        <source>through %1 to BTC (%2) and beta to QQQ (%3)</source>
        <translation>through %1 to BTC (%2) and beta to QQQ (%3)</translation>
    </message>
    <message>
        <source>no data in the period – through %1 to BTC (%2)</source>
        <translation>no data in the period – through %1 to BTC (%2)</translation>
    </message>
    <message>
        <source>through %1 to BTC (%2)</source>
        <translation>through %1 to BTC (%2)</translation>
    </message>
    <message>
        <source>(no beta to QQQ)</source>
        <translation>(no beta to QQQ)</translation>
    </message>
    <message>
        <source>(no beta to BTC)</source>
        <translation>(no beta to BTC)</translation>
    </message>
    <message>
        <source>(capped at %1)</source>
        <translation>(capped at %1)</translation>
    </message>
    <message>
        <source>(data cover only part of the period)</source>
        <translation>(data cover only part of the period)</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Fetching the balances from %1…</source>
        <extracomment>the SyncPlan that was applied the plan arrived (or was handed in)</extracomment>
        <translation>Fetching the balances from %1…</translation>
    </message>
    <message>
        <source>The balances of %1 could not be fetched.</source>
        <translation>The balances of %1 could not be fetched.</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Crypto</translation>
    </message>
    <message>
        <source>Stablecoin</source>
        <translation>Stablecoin</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message numerus="yes">
        <source>Added (%n)</source>
        <translation>
            <numerusform>Added (%n)</numerusform>
            <numerusform>Added (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed (%n)</source>
        <translation>
            <numerusform>Changed (%n)</numerusform>
            <numerusform>Changed (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed (%n)</source>
        <translation>
            <numerusform>Removed (%n)</numerusform>
            <numerusform>Removed (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The positions of %1 are up to date (%n position(s)).</source>
        <translation>
            <numerusform>The positions of %1 are up to date (%n position).</numerusform>
            <numerusform>The positions of %1 are up to date (%n positions).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reports balances that differ from your positions in the account "%2". Apply these changes?</source>
        <translation>%1 reports balances that differ from your positions in the account "%2". Apply these changes?</translation>
    </message>
    <message>
        <source>New positions get a cost basis of 0; edit it to see profit and loss.</source>
        <translation>New positions get a cost basis of 0; edit it to see profit and loss.</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) unchanged.</source>
        <translation>
            <numerusform>%n position unchanged.</numerusform>
            <numerusform>%n positions unchanged.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped (not a position symbol): %1</source>
        <translation>Skipped (not a position symbol): %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sync from exchange</source>
        <translation>Sync from exchange</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Quantity before</source>
        <translation>Quantity before</translation>
    </message>
    <message>
        <source>Quantity after</source>
        <translation>Quantity after</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>&amp;Apply changes</translation>
    </message>
    <message>
        <source>The changes could not be applied; nothing was changed. %1</source>
        <translation>The changes could not be applied; nothing was changed. %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Show</source>
        <extracomment>True when monitoring was paused from the tray menu, False when it was resumed. The window was hidden into the tray instead of closing.</extracomment>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Pause monitoring</source>
        <translation>&amp;Pause monitoring</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message numerus="yes">
        <source>RiskWatch – %n open alert(s)</source>
        <translation>
            <numerusform>RiskWatch – %n open alert</numerusform>
            <numerusform>RiskWatch – %n open alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>RiskWatch – no open alert</source>
        <translation>RiskWatch – no open alert</translation>
    </message>
    <message>
        <source>Monitoring paused</source>
        <translation>Monitoring paused</translation>
    </message>
    <message>
        <source>RiskWatch keeps running</source>
        <translation>RiskWatch keeps running</translation>
    </message>
    <message>
        <source>Monitoring continues in the tray. Quit from the tray menu; switch this off in the settings (Keep running in the tray when closed).</source>
        <translation>Monitoring continues in the tray. Quit from the tray menu; switch this off in the settings (Keep running in the tray when closed).</translation>
    </message>
</context>
</TS>