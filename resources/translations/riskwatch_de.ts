<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name />
    <message>
        <source>No positions.</source>
        <translation>Keine Positionen.</translation>
    </message>
    <message>
        <source>Exported {n} position(s) to {file}.</source>
        <translation>{n} Position(en) nach {file} exportiert.</translation>
    </message>
    <message>
        <source>Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).</source>
        <translation>{n} Kurs(e) für {symbol} aus {file} importiert ({first} bis {last}, Spalte {column}).</translation>
    </message>
    <message>
        <source>no active alerts</source>
        <translation>keine aktiven Alarme</translation>
    </message>
    <message>
        <source>new: </source>
        <translation>neu: </translation>
    </message>
    <message>
        <source>since an unknown time</source>
        <translation>seit unbekannter Zeit</translation>
    </message>
    <message>
        <source>{asset} since {time}</source>
        <translation>{asset} seit {time}</translation>
    </message>
    <message>
        <source>data stale: {items}</source>
        <translation>Daten veraltet: {items}</translation>
    </message>
    <message>
        <source>unavailable: {items}</source>
        <translation>nicht verfügbar: {items}</translation>
    </message>
    <message>
        <source>market data timed out after {seconds} s, figures from stored prices</source>
        <translation>Marktdaten nach {seconds} s abgebrochen, Kennzahlen aus gespeicherten Kursen</translation>
    </message>
    <message>
        <source>Market: {level} ({count} of {total})</source>
        <translation>Marktlage: {level} ({count} von {total})</translation>
    </message>
    <message>
        <source>Market: unavailable (too few current indicators)</source>
        <translation>Marktlage: nicht verfügbar (zu wenige aktuelle Indikatoren)</translation>
    </message>
</context>
<context>
    <name>AccountText</name>
    <message>
        <source>%1 rejected the API key: the key or the secret is wrong.</source>
        <translation>%1 hat den API-Schlüssel abgelehnt: Schlüssel oder Secret sind falsch.</translation>
    </message>
    <message>
        <source>%1 accepted the API key, but it lacks the permission to read balances. Enable only the permission to query funds (Kraken: "Query Funds").</source>
        <translation>%1 hat den API-Schlüssel angenommen, aber ihm fehlt die Berechtigung, Guthaben zu lesen. Aktivieren Sie nur die Berechtigung zum Abfragen von Guthaben (Kraken: „Query Funds“).</translation>
    </message>
    <message>
        <source>%1 rejected the request's nonce or timestamp. Check that this computer's clock is right and that no other program uses the same key.</source>
        <translation>%1 hat Nonce oder Zeitstempel der Anfrage abgelehnt. Prüfen Sie, ob die Uhr dieses Computers richtig geht und kein anderes Programm denselben Schlüssel verwendet.</translation>
    </message>
    <message>
        <source>%1 could not be reached. Check the internet connection and try again later.</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie die Internetverbindung und versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>No API key for %1 is stored.</source>
        <translation>Für %1 ist kein API-Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>The key store failed: %1</source>
        <translation>Der Schlüsselspeicher ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 asks to slow down. Try again in a minute.</source>
        <translation>%1 bittet um weniger Anfragen. Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <source>%1 answered with data that could not be read. Nothing was changed.</source>
        <translation>%1 hat mit unlesbaren Daten geantwortet. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 could not answer: %2</source>
        <translation>%1 konnte nicht antworten: %2</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <source>Stored in the system keyring (%1).</source>
        <translation>Im Schlüsselbund des Systems gespeichert (%1).</translation>
    </message>
    <message>
        <source>Taken from environment variables.</source>
        <translation>Aus Umgebungsvariablen übernommen.</translation>
    </message>
    <message>
        <source>Kept for this session only: RiskWatch forgets it when you quit.</source>
        <translation>Nur für diese Sitzung gemerkt: RiskWatch vergisst ihn beim Beenden.</translation>
    </message>
    <message>
        <source>No API key stored.</source>
        <translation>Kein API-Schlüssel gespeichert.</translation>
    </message>
</context>
<context>
    <name>AlertHistoryView</name>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Datenstand</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>At most this many events are loaded at once (the newest). A short confirmation for the status bar (exports).</extracomment>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <source>Asset:</source>
        <translation>Anlage:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>e.g. BTC</source>
        <translation>z. B. BTC</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>When the event happened</source>
        <translation>Wann das Ereignis eintrat</translation>
    </message>
    <message>
        <source>The as-of time of the data behind the value</source>
        <translation>Der Stand der Daten hinter dem Wert</translation>
    </message>
    <message>
        <source>The alert history could not be loaded: %1</source>
        <translation>Der Alarmverlauf konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Export alert history</source>
        <translation>Alarmverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n alert event(s).</source>
        <translation>
            <numerusform>%n Alarmereignis exportiert.</numerusform>
            <numerusform>%n Alarmereignisse exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message>
        <source>Info</source>
        <extracomment>Percent decimals of fraction metrics whose values are small (a funding rate of 0.01 % per 8 h).</extracomment>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Verschärft</translation>
    </message>
    <message>
        <source>De-escalated</source>
        <translation>Abgeschwächt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Stummgeschaltet</translation>
    </message>
    <message>
        <source>Snooze ended</source>
        <translation>Stummschaltung beendet</translation>
    </message>
    <message>
        <source>position removed</source>
        <translation>Position entfernt</translation>
    </message>
    <message>
        <source>rule removed</source>
        <translation>Regel entfernt</translation>
    </message>
    <message>
        <source>Single asset</source>
        <translation>Einzelne Anlage</translation>
    </message>
    <message>
        <source>All miner stocks</source>
        <translation>Alle Miner-Aktien</translation>
    </message>
    <message>
        <source>All crypto assets</source>
        <translation>Alle Kryptowerte</translation>
    </message>
    <message>
        <source>All stablecoins</source>
        <translation>Alle Stablecoins</translation>
    </message>
    <message>
        <source>All assets</source>
        <translation>Alle Anlagen</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Market regime</source>
        <translation>Marktlage</translation>
    </message>
    <message>
        <source>Drop from trailing high</source>
        <translation>Rückgang vom Hoch</translation>
    </message>
    <message>
        <source>Drop from the trailing high (calendar days)</source>
        <translation>Rückgang vom Hoch (Kalendertage)</translation>
    </message>
    <message>
        <source>Drawdown from peak</source>
        <translation>Drawdown vom Höchststand</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Drawdown from the all-time high in the stored history</source>
        <translation>Drawdown vom Höchststand der gespeicherten Historie</translation>
    </message>
    <message>
        <source>Maximum drawdown</source>
        <translation>Maximaler Drawdown</translation>
    </message>
    <message>
        <source>Max. drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>Deepest drawdown in the stored history</source>
        <translation>Tiefster Drawdown in der gespeicherten Historie</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rendite</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Annualised volatility of the daily returns (90 days)</source>
        <translation>Annualisierte Volatilität der Tagesrenditen (90 Tage)</translation>
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
        <translation>Beta zu BTC (90 Tage)</translation>
    </message>
    <message>
        <source>Correlation with BTC</source>
        <translation>Korrelation mit BTC</translation>
    </message>
    <message>
        <source>Corr. BTC</source>
        <translation>Korr. BTC</translation>
    </message>
    <message>
        <source>Correlation with BTC (90 days)</source>
        <translation>Korrelation mit BTC (90 Tage)</translation>
    </message>
    <message>
        <source>Beta to QQQ (Nasdaq-100)</source>
        <translation>Beta zu QQQ (Nasdaq-100)</translation>
    </message>
    <message>
        <source>Beta QQQ</source>
        <translation>Beta QQQ</translation>
    </message>
    <message>
        <source>Beta to QQQ (Nasdaq-100, 90 days)</source>
        <translation>Beta zu QQQ (Nasdaq-100, 90 Tage)</translation>
    </message>
    <message>
        <source>Sortino ratio</source>
        <translation>Sortino-Ratio</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>Sortino</translation>
    </message>
    <message>
        <source>Annualised Sortino ratio of the daily returns, target 0 (365 days)</source>
        <translation>Annualisierte Sortino-Ratio der Tagesrenditen, Ziel 0 (365 Tage)</translation>
    </message>
    <message>
        <source>Stale price</source>
        <translation>Kurs veraltet</translation>
    </message>
    <message>
        <source>Slippage of selling the whole position at once (half the spread included)</source>
        <translation>Slippage (Kursabweichung bei Ausführung) beim Verkauf der ganzen Position auf einmal (halber Spread eingeschlossen)</translation>
    </message>
    <message>
        <source>Largest drop within the window</source>
        <translation>Größter Rückgang im Zeitfenster</translation>
    </message>
    <message>
        <source>Largest drop</source>
        <translation>Größter Rückgang</translation>
    </message>
    <message>
        <source>Largest fall from a high to a later low within the window</source>
        <translation>Größter Fall von einem Hoch auf ein späteres Tief im Zeitfenster</translation>
    </message>
    <message>
        <source>Correlation with QQQ</source>
        <translation>Korrelation mit QQQ</translation>
    </message>
    <message>
        <source>Corr. QQQ</source>
        <translation>Korr. QQQ</translation>
    </message>
    <message>
        <source>Correlation of the daily returns with QQQ (Nasdaq-100)</source>
        <translation>Korrelation der Tagesrenditen mit QQQ (Nasdaq-100)</translation>
    </message>
    <message>
        <source>Rise of the correlation with BTC</source>
        <translation>Anstieg der Korrelation mit BTC</translation>
    </message>
    <message>
        <source>Corr. rise BTC</source>
        <translation>Korr.-Anstieg BTC</translation>
    </message>
    <message>
        <source>30-day minus 90-day correlation with BTC</source>
        <translation>Korrelation mit BTC über 30 Tage minus über 90 Tage</translation>
    </message>
    <message>
        <source>Rise of the correlation with QQQ</source>
        <translation>Anstieg der Korrelation mit QQQ</translation>
    </message>
    <message>
        <source>Corr. rise QQQ</source>
        <translation>Korr.-Anstieg QQQ</translation>
    </message>
    <message>
        <source>30-day minus 90-day correlation with QQQ (Nasdaq-100)</source>
        <translation>Korrelation mit QQQ (Nasdaq-100) über 30 Tage minus über 90 Tage</translation>
    </message>
    <message>
        <source>Market regime level</source>
        <translation>Stufe der Marktlage</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Marktlage</translation>
    </message>
    <message>
        <source>Market regime: 0 calm, 1 under pressure, 2 stressed</source>
        <translation>Marktlage: 0 ruhig, 1 unter Druck, 2 angespannt</translation>
    </message>
    <message>
        <source>Indicators beyond their threshold</source>
        <translation>Indikatoren über Schwellwert</translation>
    </message>
    <message>
        <source>Indicators beyond</source>
        <translation>Indikatoren über</translation>
    </message>
    <message>
        <source>Number of market-regime indicators beyond their threshold</source>
        <translation>Anzahl der Marktlage-Indikatoren über ihrem Schwellwert</translation>
    </message>
    <message>
        <source>Net debt to market cap</source>
        <translation>Nettoverschuldung zum Börsenwert</translation>
    </message>
    <message>
        <source>Net debt / mcap</source>
        <translation>Nettoschulden / Börsenwert</translation>
    </message>
    <message>
        <source>Debt minus cash, against price × shares outstanding</source>
        <translation>Schulden abzüglich Barmittel, im Verhältnis zu Kurs × ausstehenden Aktien</translation>
    </message>
    <message>
        <source>Debt to enterprise value</source>
        <translation>Schulden zum Unternehmenswert</translation>
    </message>
    <message>
        <source>Debt / EV</source>
        <translation>Schulden / EV</translation>
    </message>
    <message>
        <source>Debt against market cap plus debt minus cash</source>
        <translation>Schulden im Verhältnis zu Börsenwert plus Schulden abzüglich Barmittel</translation>
    </message>
    <message>
        <source>Debt growth over a year</source>
        <translation>Schuldenwachstum über ein Jahr</translation>
    </message>
    <message>
        <source>Debt growth 1 y</source>
        <translation>Schuldenwachstum 1 J.</translation>
    </message>
    <message>
        <source>Debt against the debt reported four quarters earlier</source>
        <translation>Schulden im Verhältnis zu den vier Quartale zuvor gemeldeten</translation>
    </message>
    <message>
        <source>Age of the balance sheet</source>
        <translation>Alter der Bilanz</translation>
    </message>
    <message>
        <source>Balance sheet age</source>
        <translation>Bilanzalter</translation>
    </message>
    <message>
        <source>Days since the period end of the latest filing</source>
        <translation>Tage seit dem Stichtag des letzten Berichts</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Ruhig</translation>
    </message>
    <message>
        <source>Under pressure</source>
        <translation>Unter Druck</translation>
    </message>
    <message>
        <source>Stressed</source>
        <translation>Angespannt</translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation>%1 – %2: %3</translation>
    </message>
    <message>
        <source>%1, as of %2</source>
        <translation>%1, Stand %2</translation>
    </message>
    <message>
        <source>RiskWatch reminder: %1</source>
        <translation>RiskWatch-Erinnerung: %1</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Schweregrad: %1</translation>
    </message>
    <message>
        <source>Data as of: %1</source>
        <translation>Datenstand: %1</translation>
    </message>
    <message>
        <source>Data as of: unknown</source>
        <translation>Datenstand: unbekannt</translation>
    </message>
    <message>
        <source>Raised: %1</source>
        <translation>Ausgelöst: %1</translation>
    </message>
    <message>
        <source>Still active and not acknowledged.</source>
        <translation>Weiterhin aktiv und nicht quittiert.</translation>
    </message>
    <message>
        <source>RiskWatch test message</source>
        <translation>RiskWatch-Testnachricht</translation>
    </message>
    <message>
        <source>This is a test message from RiskWatch: the channel works.</source>
        <translation>Dies ist eine Testnachricht von RiskWatch: Der Kanal funktioniert.</translation>
    </message>
    <message>
        <source>Beta to BTC</source>
        <translation>Beta zu BTC</translation>
    </message>
    <message>
        <source>Bid-ask spread</source>
        <translation>Geld-Brief-Spanne (Spread)</translation>
    </message>
    <message>
        <source>Slippage on exit</source>
        <translation>Slippage beim Verkauf</translation>
    </message>
    <message>
        <source>Stablecoin peg deviation</source>
        <translation>Abweichung von der Stablecoin-Bindung (Peg)</translation>
    </message>
    <message>
        <source>Days to liquidate</source>
        <translation>Tage bis zur Veräußerung</translation>
    </message>
    <message>
        <source>Largest weight</source>
        <translation>Größte Gewichtung</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Depth −1% (bid)</source>
        <translation>Markttiefe −1 % (Geld)</translation>
    </message>
    <message>
        <source>Order book depth: bids within 1% below the mid price</source>
        <translation>Markttiefe: Kaufgebote bis 1 % unter dem Mittelkurs</translation>
    </message>
    <message>
        <source>Depth +1% (ask)</source>
        <translation>Markttiefe +1 % (Brief)</translation>
    </message>
    <message>
        <source>Order book depth: asks within 1% above the mid price</source>
        <translation>Markttiefe: Verkaufsangebote bis 1 % über dem Mittelkurs</translation>
    </message>
    <message>
        <source>Depth ±2%</source>
        <translation>Markttiefe ±2 %</translation>
    </message>
    <message>
        <source>Order book depth: both sides within 2% of the mid price</source>
        <translation>Markttiefe: beide Seiten bis 2 % um den Mittelkurs</translation>
    </message>
    <message>
        <source>Imbalance</source>
        <translation>Ungleichgewicht</translation>
    </message>
    <message>
        <source>Order book imbalance within ±1%: positive when more money bids than offers</source>
        <translation>Ungleichgewicht des Orderbuchs (±1 %): positiv, wenn auf der Kaufseite mehr Geld steht als auf der Verkaufsseite</translation>
    </message>
    <message>
        <source>Depth vs. 7 days</source>
        <translation>Markttiefe ggü. 7 Tagen</translation>
    </message>
    <message>
        <source>Depth within ±2% against its median of the last 7 days</source>
        <translation>Markttiefe (±2 %) im Verhältnis zu ihrem Median der letzten 7 Tage</translation>
    </message>
    <message>
        <source>Book too thin</source>
        <translation>Orderbuch zu dünn</translation>
    </message>
    <message>
        <source>The visible order book cannot absorb the whole position</source>
        <translation>Das sichtbare Orderbuch kann die ganze Position nicht aufnehmen</translation>
    </message>
    <message>
        <source>Peg deviation</source>
        <translation>Abweichung vom Peg</translation>
    </message>
    <message>
        <source>Funding rate of the BTC perpetual per 8 hours</source>
        <translation>Funding-Rate des BTC-Perpetual-Kontrakts je 8 Stunden</translation>
    </message>
    <message>
        <source>Funding p. a.</source>
        <translation>Funding-Rate p. a.</translation>
    </message>
    <message>
        <source>Funding rate annualised (× 3 × 365, not compounded)</source>
        <translation>Funding-Rate auf ein Jahr hochgerechnet (× 3 × 365, ohne Zinseszins)</translation>
    </message>
    <message>
        <source>Open interest 24 h</source>
        <translation>Open Interest 24 h</translation>
    </message>
    <message>
        <source>ADV 20 days</source>
        <translation>Ø Tagesumsatz 20 Tage</translation>
    </message>
    <message>
        <source>Average daily dollar volume over the last 20 trading days</source>
        <translation>Durchschnittlicher Tagesumsatz in US-Dollar über die letzten 20 Handelstage</translation>
    </message>
    <message>
        <source>Trading days to sell the position at 20% of the daily volume</source>
        <translation>Handelstage, um die Position mit 20 % des Tagesvolumens zu veräußern</translation>
    </message>
    <message>
        <source>Latest volume against the median of the 30 days before</source>
        <translation>Letztes Handelsvolumen im Verhältnis zum Median der 30 Tage davor</translation>
    </message>
    <message>
        <source>Share sellable within a day</source>
        <translation>Anteil in einem Tag veräußerbar</translation>
    </message>
    <message>
        <source>Concentration (HHI)</source>
        <translation>Konzentration (HHI)</translation>
    </message>
    <message>
        <source>Funding rate (8 h)</source>
        <translation>Funding-Rate (8 h)</translation>
    </message>
    <message>
        <source>Depth ±2 % vs its 7-day median</source>
        <translation>Markttiefe ±2 % im Verhältnis zum 7-Tage-Median</translation>
    </message>
    <message>
        <source>Open interest change 24 h</source>
        <translation>Veränderung Open Interest 24 h</translation>
    </message>
    <message>
        <source>Volume ratio</source>
        <translation>Volumenverhältnis</translation>
    </message>
    <message>
        <source>Sellable in 1 day</source>
        <translation>In 1 Tag veräußerbar</translation>
    </message>
    <message>
        <source>Share sellable within a day at no more than 1% slippage</source>
        <translation>Anteil, der binnen eines Tages mit höchstens 1 % Slippage veräußert werden kann</translation>
    </message>
    <message>
        <source>Drop from %1-day high</source>
        <translation>Rückgang vom %1-Tage-Hoch</translation>
    </message>
    <message>
        <source>%1 day</source>
        <translation>%1 Tag</translation>
    </message>
    <message>
        <source>%1 hour</source>
        <translation>%1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>%1 week</source>
        <translation>%1 Woche</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4</source>
        <extracomment>Metrics whose values are fractions (−0.17 = 17 % down): shown and entered in percent. Metrics whose values are seconds: shown in minutes / hours, entered in minutes. The metrics the rule editor offers, in catalogue order (a stored rule may use another code; it is kept). What each shipped rule's name describes: (scope, metric key, comparator, threshold). While a shipped rule still matches, its translated shipped name is shown; once the user changed it, a name is generated.</extracomment>
        <translation>%1: %2 %3 %4</translation>
    </message>
    <message>
        <source>BTC 17 % below its 30-day high</source>
        <translation>BTC 17 % unter dem 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>BTC 25 % below its 30-day high</source>
        <translation>BTC 25 % unter dem 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>Miner 30 % below its 30-day high</source>
        <translation>Miner-Aktie 30 % unter dem 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>Portfolio 15 % below its peak</source>
        <translation>Portfolio 15 % unter dem Höchststand</translation>
    </message>
    <message>
        <source>QQQ (Nasdaq-100) 7 % below its 30-day high</source>
        <translation>QQQ (Nasdaq-100) 7 % unter dem 30-Tage-Hoch – korrelierte Risikoanlagen unter Druck</translation>
    </message>
    <message>
        <source>Bid-ask spread above 50 bp</source>
        <translation>Geld-Brief-Spanne über 50 Bp.</translation>
    </message>
    <message>
        <source>Order-book depth (±2 %) below half its 7-day median</source>
        <translation>Markttiefe (±2 %) unter der Hälfte ihres 7-Tage-Medians</translation>
    </message>
    <message>
        <source>Selling the position would cost more than 2 % slippage</source>
        <translation>Verkauf der Position kostete mehr als 2 % Slippage</translation>
    </message>
    <message>
        <source>USDT more than 0.5 % off its peg</source>
        <translation>USDT mehr als 0,5 % von der Bindung entfernt</translation>
    </message>
    <message>
        <source>USDT more than 2 % off its peg</source>
        <translation>USDT mehr als 2 % von der Bindung entfernt (entkoppelt)</translation>
    </message>
    <message>
        <source>USDC more than 0.5 % off its peg</source>
        <translation>USDC mehr als 0,5 % von der Bindung entfernt</translation>
    </message>
    <message>
        <source>USDC more than 2 % off its peg</source>
        <translation>USDC mehr als 2 % von der Bindung entfernt (entkoppelt)</translation>
    </message>
    <message>
        <source>BTC funding below −0.05 % per 8 h (shorts crowded)</source>
        <translation>BTC-Funding-Rate unter −0,05 % je 8 h (viele Short-Positionen)</translation>
    </message>
    <message>
        <source>BTC funding above 0.1 % per 8 h (longs crowded)</source>
        <translation>BTC-Funding-Rate über 0,1 % je 8 h (viele Long-Positionen)</translation>
    </message>
    <message>
        <source>Volume below half its 30-day median</source>
        <translation>Handelsvolumen unter der Hälfte seines 30-Tage-Medians</translation>
    </message>
    <message>
        <source>Position needs more than 3 days to sell at 20 % of the volume</source>
        <translation>Veräußerung der Position dauert bei 20 % des Volumens mehr als 3 Tage</translation>
    </message>
    <message>
        <source>Price older than 15 minutes</source>
        <translation>Kurs älter als 15 Minuten</translation>
    </message>
    <message>
        <source>Market regime under pressure</source>
        <translation>Marktlage unter Druck</translation>
    </message>
    <message>
        <source>Market regime stressed</source>
        <translation>Marktlage angespannt</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket 15 % down in 30 days</source>
        <translation>CoinDesk-20-Korb 15 % im Minus in 30 Tagen</translation>
    </message>
    <message>
        <source>Miner net debt above 50 % of its market cap</source>
        <translation>Miner-Nettoverschuldung über 50 % des Börsenwerts</translation>
    </message>
    <message>
        <source>Miner debt up more than 25 % in a year</source>
        <translation>Miner-Schulden binnen eines Jahres um mehr als 25 % gestiegen</translation>
    </message>
    <message>
        <source>RiskWatch alert: %1</source>
        <translation>RiskWatch-Alarm: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bp</source>
        <translation>%1 Bp.</translation>
    </message>
    <message>
        <source>%1: %2 %3 (threshold %4)</source>
        <translation>%1: %2 %3 (Schwellwert %4)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Return over %1 day</source>
        <translation>Rendite über %1 Tag</translation>
    </message>
    <message>
        <source>Return over %1 days</source>
        <translation>Rendite über %1 Tage</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
</context>
<context>
    <name>AlertWindow</name>
    <message>
        <source>Severity</source>
        <extracomment>The main window's quit shortcut (MainWindow.action_quit). Number of alerts needing attention, after every refresh (for a status bar or tray tooltip). tuple[AlertEvent, ...] that made the window pop up (emitted after show / raise / activate). time.perf_counter() right after the latest pop-up (show / raise / activate); for the latency benchmark. Ctrl+Q quits the application from here too, through the main window's own quit action.</extracomment>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst am</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Datenstand</translation>
    </message>
    <message>
        <source>Alert window – RiskWatch</source>
        <translation>Alarmfenster – RiskWatch</translation>
    </message>
    <message>
        <source>When the alert was raised or last changed its level</source>
        <translation>Wann der Alarm ausgelöst wurde oder zuletzt seine Stufe gewechselt hat</translation>
    </message>
    <message>
        <source>The as-of time of the data behind the value</source>
        <translation>Der Stand der Daten hinter dem Wert</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Quittieren</translation>
    </message>
    <message>
        <source>Confirm that you have seen the selected alerts</source>
        <translation>Bestätigen, dass Sie die ausgewählten Alarme gesehen haben</translation>
    </message>
    <message>
        <source>Acknowledge a&amp;ll</source>
        <translation>A&amp;lle quittieren</translation>
    </message>
    <message>
        <source>Confirm that you have seen every listed alert</source>
        <translation>Bestätigen, dass Sie alle aufgeführten Alarme gesehen haben</translation>
    </message>
    <message>
        <source>Snooze for 1 &amp;hour</source>
        <translation>Für 1 St&amp;unde stummschalten</translation>
    </message>
    <message>
        <source>Snooze for 1 &amp;day</source>
        <translation>Für 1 &amp;Tag stummschalten</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>The alerts could not be loaded: %1</source>
        <translation>Die Alarme konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) need attention.</source>
        <translation>
            <numerusform>%n Alarm erfordert Aufmerksamkeit.</numerusform>
            <numerusform>%n Alarme erfordern Aufmerksamkeit.</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert needs attention.</source>
        <translation>Kein offener Alarm.</translation>
    </message>
    <message>
        <source>Acknowledged %1</source>
        <translation>Quittiert %1</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Stummgeschaltet bis %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>data stale since %1</source>
        <translation>Daten veraltet seit %1</translation>
    </message>
    <message>
        <source>The data behind this alert is stale since %1: it stays open, and it neither escalates nor resolves until current data arrives.</source>
        <translation>Die Daten hinter diesem Alarm sind seit %1 veraltet: Er bleibt offen und wird weder verschärft noch beendet, bis aktuelle Daten eintreffen.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) acknowledged.</source>
        <translation>
            <numerusform>Alarm quittiert.</numerusform>
            <numerusform>%n Alarme quittiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) snoozed until %1.</source>
        <translation>
            <numerusform>Alarm stummgeschaltet bis %1.</numerusform>
            <numerusform>%n Alarme stummgeschaltet bis %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <extracomment>the exchange id whose key was saved / removed a test finished: (exchange id, True when the key works)</extracomment>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Börse (Handelsplatz)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
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
        <translation>nur falls die Börse eine vergeben hat</translation>
    </message>
    <message>
        <source>&lt;b&gt;Use a read-only key.&lt;/b&gt; RiskWatch only reads your balances. Create a key with read access only (Kraken: only "Query Funds"), without permission to trade or withdraw: if it ever leaked, nobody could move your coins with it.</source>
        <translation>&lt;b&gt;Verwenden Sie einen Schlüssel mit nur Lesezugriff.&lt;/b&gt; RiskWatch liest nur Ihre Guthaben. Legen Sie einen Schlüssel mit nur Lesezugriff an (Kraken: nur „Query Funds“), ohne Handels- und Auszahlungsrecht: Gerät er je in fremde Hände, kann damit niemand Ihre Coins bewegen.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this system (%1). RiskWatch never stores API keys in plain text. You can use a key for this session only, or start RiskWatch with the environment variables %2 and %3.</source>
        <translation>Auf diesem System ist kein sicherer Schlüsselbund verfügbar (%1). RiskWatch speichert API-Schlüssel nie im Klartext. Sie können einen Schlüssel nur für diese Sitzung verwenden oder RiskWatch mit den Umgebungsvariablen %2 und %3 starten.</translation>
    </message>
    <message>
        <source>Use the key for this session only (not stored)</source>
        <translation>Schlüssel nur für diese Sitzung verwenden (wird nicht gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>The key works: read access to the balance of %1 confirmed.</source>
        <translation>Der Schlüssel funktioniert: Lesezugriff auf das Guthaben bei %1 bestätigt.</translation>
    </message>
    <message>
        <source>Testing the key with %1…</source>
        <translation>Schlüssel wird bei %1 getestet …</translation>
    </message>
    <message>
        <source>The API key for %1 was removed.</source>
        <translation>Der API-Schlüssel für %1 wurde entfernt.</translation>
    </message>
    <message>
        <source>No API key to test: enter one or save one first.</source>
        <translation>Kein API-Schlüssel zum Testen: Geben Sie zuerst einen ein oder speichern Sie einen.</translation>
    </message>
    <message>
        <source>Enter the API key and the secret (without spaces).</source>
        <translation>Geben Sie API-Schlüssel und Secret ein (ohne Leerzeichen).</translation>
    </message>
    <message>
        <source>No secure keyring is available: tick "Use the key for this session only" to use the key until you quit.</source>
        <translation>Kein sicherer Schlüsselbund verfügbar: Kreuzen Sie „Schlüssel nur für diese Sitzung verwenden“ an, um den Schlüssel bis zum Beenden zu verwenden.</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>API-Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Remove the API key for %1 from this computer? The key stays valid at the exchange; revoke it there if you no longer need it.</source>
        <translation>Den API-Schlüssel für %1 von diesem Computer entfernen? Bei der Börse bleibt er gültig; widerrufen Sie ihn dort, wenn Sie ihn nicht mehr brauchen.</translation>
    </message>
</context>
<context>
    <name>AsOfText</name>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>sample data from %1</source>
        <translation>Beispieldaten vom %1</translation>
    </message>
    <message>
        <source>mixed dates, oldest %1</source>
        <translation>gemischte Stände, ältester %1</translation>
    </message>
    <message>
        <source>stale · as of %1</source>
        <translation>veraltet · Stand %1</translation>
    </message>
    <message>
        <source>unconfirmed price · as of %1</source>
        <translation>Kurs unbestätigt · Stand %1</translation>
    </message>
    <message>
        <source>at least this deep · history incomplete</source>
        <translation>mindestens so tief · Historie unvollständig</translation>
    </message>
    <message>
        <source>not current · as of %1</source>
        <translation>nicht aktuell · Stand %1</translation>
    </message>
    <message>
        <source>Computed from the bundled sample history, not from your current prices.</source>
        <translation>Aus den mitgelieferten Beispieldaten berechnet, nicht aus Ihren aktuellen Kursen.</translation>
    </message>
    <message>
        <source>Its holdings are priced on different dates; the oldest is from %1.</source>
        <translation>Die Positionen haben verschiedene Kursstände; der älteste ist vom %1.</translation>
    </message>
    <message>
        <source>As of %1 – stale.</source>
        <translation>Stand %1 – veraltet.</translation>
    </message>
    <message>
        <source>As of %1 – the newest price is an unconfirmed jump.</source>
        <translation>Stand %1 – der neueste Kurs ist ein unbestätigter Sprung.</translation>
    </message>
    <message>
        <source>Current price, but the daily closes are stale: the drop is at least this deep. Alerts may fire or escalate on it, never resolve.</source>
        <translation>Aktueller Kurs, aber die Tagesschlusskurse sind veraltet: Der Rückgang ist mindestens so tief. Alarme können darauf auslösen oder eskalieren, aber nie enden.</translation>
    </message>
    <message>
        <source>As of %1.</source>
        <translation>Stand %1.</translation>
    </message>
    <message>
        <source>Alerts neither fire nor resolve on it.</source>
        <translation>Alarme werden darauf weder ausgelöst noch beendet.</translation>
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
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Change 24 h</source>
        <translation>Veränderung 24 h</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Last price in the base currency</source>
        <translation>Letzter Kurs in der Basiswährung</translation>
    </message>
    <message>
        <source>Age of the price; stale after three refresh intervals</source>
        <translation>Alter des Kurses; veraltet nach drei Aktualisierungsintervallen</translation>
    </message>
    <message>
        <source>Change over 24 hours</source>
        <translation>Veränderung über 24 Stunden</translation>
    </message>
    <message>
        <source>Most severe active alert of the asset</source>
        <translation>Schwerster aktiver Alarm des Werts</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>kein Alarm</translation>
    </message>
</context>
<context>
    <name>BalanceText</name>
    <message>
        <source>Total debt</source>
        <extracomment>the derived figures shown (their age is shown as the period end of the figures themselves) Derived figures the fundamentals source puts into the Snapshot (scope: the miner): these come from there.</extracomment>
        <translation>Gesamtschulden</translation>
    </message>
    <message>
        <source>Cash and equivalents</source>
        <translation>Zahlungsmittel</translation>
    </message>
    <message>
        <source>Digital assets (BTC)</source>
        <translation>Digitale Vermögenswerte (BTC)</translation>
    </message>
    <message>
        <source>Shares outstanding</source>
        <translation>Ausstehende Aktien</translation>
    </message>
    <message>
        <source>Quarterly revenue</source>
        <translation>Quartalsumsatz</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>Marktkapitalisierung</translation>
    </message>
    <message>
        <source>Net debt</source>
        <translation>Nettoverschuldung</translation>
    </message>
    <message>
        <source>Net debt / market cap</source>
        <translation>Nettoverschuldung / Marktkapitalisierung</translation>
    </message>
    <message>
        <source>Enterprise value (EV)</source>
        <translation>Unternehmenswert (EV)</translation>
    </message>
    <message>
        <source>Debt / EV</source>
        <translation>Schulden / EV</translation>
    </message>
    <message>
        <source>Debt growth over four quarters</source>
        <translation>Schuldenwachstum über vier Quartale</translation>
    </message>
    <message>
        <source>Cash + BTC against debt due within 12 months</source>
        <translation>Zahlungsmittel + BTC gegenüber in 12 Monaten fälligen Schulden</translation>
    </message>
    <message>
        <source>Contract value / debt</source>
        <translation>Vertragswert / Schulden</translation>
    </message>
    <message>
        <source>Contract value / market cap</source>
        <translation>Vertragswert / Marktkapitalisierung</translation>
    </message>
    <message>
        <source>bn</source>
        <translation>Mrd.</translation>
    </message>
    <message>
        <source>m</source>
        <translation>Mio.</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>eingegeben</translation>
    </message>
    <message>
        <source>%1, filed %2</source>
        <translation>%1, eingereicht %2</translation>
    </message>
    <message>
        <source>Entered by you</source>
        <translation>Von Ihnen eingegeben</translation>
    </message>
    <message>
        <source>XBRL concept: %1</source>
        <translation>XBRL-Konzept: %1</translation>
    </message>
    <message>
        <source>Accession number: %1</source>
        <translation>Accession-Nummer: %1</translation>
    </message>
    <message>
        <source>stale · period end %1</source>
        <translation>veraltet · Stichtag %1</translation>
    </message>
    <message>
        <source>SEC EDGAR has no XBRL facts for %1 (a foreign filer?): enter its figures yourself.</source>
        <translation>SEC EDGAR hat keine XBRL-Daten zu %1 (ausländischer Emittent?): Geben Sie die Zahlen selbst ein.</translation>
    </message>
    <message>
        <source>No filings of %1 fetched yet.</source>
        <translation>Noch keine Berichte von %1 abgerufen.</translation>
    </message>
    <message>
        <source>The balance sheet of %1 could not be read: %2</source>
        <translation>Die Bilanz von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 Jahre</translation>
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
        <translation>Zahlen und Verträge eingeben…</translation>
    </message>
    <message>
        <source>Figures from the filings</source>
        <translation>Zahlen aus den Berichten</translation>
    </message>
    <message>
        <source>Derived with today's price</source>
        <translation>Abgeleitet mit dem aktuellen Kurs</translation>
    </message>
    <message>
        <source>AI/HPC contracts</source>
        <translation>KI-/HPC-Verträge</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Vertragspartner</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht berichtet</translation>
    </message>
    <message>
        <source>from stale figures</source>
        <translation>aus veralteten Zahlen</translation>
    </message>
    <message>
        <source>on a price that is not current</source>
        <translation>auf einem nicht aktuellen Kurs</translation>
    </message>
    <message>
        <source>enter debt maturities</source>
        <translation>Fälligkeiten eingeben</translation>
    </message>
    <message>
        <source>no contracts</source>
        <translation>keine Verträge</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>No miner held: the balance sheets are shown for the miners in your portfolio.</source>
        <translation>Kein Miner im Bestand: Die Bilanzen werden für die Miner in Ihrem Portfolio gezeigt.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>No balance-sheet data connected.</source>
        <translation>Keine Bilanzdaten angebunden.</translation>
    </message>
    <message>
        <source>Balance sheet as of %1</source>
        <translation>Bilanz zum %1</translation>
    </message>
    <message>
        <source>older than two quarters</source>
        <translation>älter als zwei Quartale</translation>
    </message>
    <message>
        <source>includes figures you entered</source>
        <translation>enthält von Ihnen eingegebene Zahlen</translation>
    </message>
    <message>
        <source>No contracts entered.</source>
        <translation>Keine Verträge eingegeben.</translation>
    </message>
    <message>
        <source>Contract value %1</source>
        <translation>Vertragswert %1</translation>
    </message>
    <message>
        <source>%1 of the debt</source>
        <translation>%1 der Schulden</translation>
    </message>
    <message>
        <source>%1 of the market cap</source>
        <translation>%1 der Marktkapitalisierung</translation>
    </message>
    <message>
        <source>Debt maturities entered: %1</source>
        <translation>Eingegebene Fälligkeiten: %1</translation>
    </message>
    <message>
        <source>No debt maturities entered.</source>
        <translation>Keine Fälligkeiten eingegeben.</translation>
    </message>
    <message>
        <source>No share price: the figures on the market cap are not available.</source>
        <translation>Kein Aktienkurs: Die Kennzahlen auf die Marktkapitalisierung sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>Share price %1</source>
        <translation>Aktienkurs %1</translation>
    </message>
</context>
<context>
    <name>BasketBoxes</name>
    <message>
        <source>Drop from 30-day high</source>
        <extracomment>box -&gt; [(row id, scope, metric key)]; "corr" rows are (row id, scope, (30-day key, 90-day key, rise key)).</extracomment>
        <translation>Rückgang vom 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>30-day return</source>
        <translation>Rendite 30 Tage</translation>
    </message>
    <message>
        <source>Beta to BTC (90 days)</source>
        <translation>Beta zu BTC (90 Tage)</translation>
    </message>
    <message>
        <source>Correlation with BTC (90 days)</source>
        <translation>Korrelation mit BTC (90 Tage)</translation>
    </message>
    <message>
        <source>Beta to QQQ (90 days)</source>
        <translation>Beta zu QQQ (90 Tage)</translation>
    </message>
    <message>
        <source>Correlation with QQQ (90 days)</source>
        <translation>Korrelation mit QQQ (90 Tage)</translation>
    </message>
    <message>
        <source>4-week return</source>
        <translation>Rendite 4 Wochen</translation>
    </message>
    <message>
        <source>Largest drop within the month</source>
        <translation>Größter Rückgang im Monat</translation>
    </message>
    <message>
        <source>BTC – QQQ</source>
        <translation>BTC – QQQ</translation>
    </message>
    <message>
        <source>Miner basket – BTC</source>
        <translation>Miner-Korb – BTC</translation>
    </message>
    <message>
        <source>Miner basket – QQQ</source>
        <translation>Miner-Korb – QQQ</translation>
    </message>
    <message>
        <source>Nasdaq-100 proxy (QQQ)</source>
        <translation>Nasdaq-100-Proxy (QQQ)</translation>
    </message>
    <message>
        <source>Co-movement (correlation of daily returns)</source>
        <translation>Gleichlauf (Korrelation der Tagesrenditen)</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>Rise (30 − 90)</source>
        <translation>Anstieg (30 − 90)</translation>
    </message>
    <message>
        <source>A rise of the 30-day correlation over the 90-day one means the assets move more alike.</source>
        <translation>Liegt die 30-Tage-Korrelation über der 90-Tage-Korrelation, laufen die Werte stärker gleich.</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket</source>
        <translation>CoinDesk-20-Korb</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket (own replica, weights of %1)</source>
        <translation>CoinDesk-20-Korb (eigene Nachbildung, Gewichte vom %1)</translation>
    </message>
    <message>
        <source>Own basket (weights of %1)</source>
        <translation>Eigener Korb (Gewichte vom %1)</translation>
    </message>
    <message>
        <source>Own basket</source>
        <translation>Eigener Korb</translation>
    </message>
    <message>
        <source>%1 of %2 constituents</source>
        <translation>%1 von %2 Korbwerten</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>fehlend: %1</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>veraltet: %1</translation>
    </message>
    <message>
        <source>Miner basket</source>
        <translation>Miner-Korb</translation>
    </message>
    <message>
        <source>Miner basket (all nine listed miners)</source>
        <translation>Miner-Korb (alle neun gelisteten Miner)</translation>
    </message>
    <message>
        <source>Miner basket (held miners)</source>
        <translation>Miner-Korb (gehaltene Miner)</translation>
    </message>
    <message>
        <source>equal weight: %1</source>
        <translation>gleich gewichtet: %1</translation>
    </message>
    <message>
        <source>Binance USDT daily closes, bundled</source>
        <translation>Binance-USDT-Tageskurse, gebündelt</translation>
    </message>
    <message>
        <source>Yahoo Finance daily closes, bundled</source>
        <translation>Yahoo-Finance-Tageskurse, gebündelt</translation>
    </message>
</context>
<context>
    <name>BookPanel</name>
    <message>
        <source>Order book unavailable: exchange not reachable</source>
        <translation>Orderbuch nicht verfügbar: Börse nicht erreichbar</translation>
    </message>
    <message>
        <source>Order book unavailable: the exchange asks to slow down (rate limit)</source>
        <translation>Orderbuch nicht verfügbar: Die Börse bremst die Abfragen (Rate-Limit)</translation>
    </message>
    <message>
        <source>Order book unavailable: no such market on this exchange</source>
        <translation>Orderbuch nicht verfügbar: Diesen Markt gibt es an dieser Börse nicht</translation>
    </message>
    <message>
        <source>Order book unavailable: the exchange sent an invalid order book</source>
        <translation>Orderbuch nicht verfügbar: Die Börse hat ein ungültiges Orderbuch geschickt</translation>
    </message>
    <message>
        <source>Order book unavailable</source>
        <translation>Orderbuch nicht verfügbar</translation>
    </message>
    <message>
        <source>Load order book</source>
        <translation>Orderbuch laden</translation>
    </message>
    <message>
        <source>Distance from the mid price (%)</source>
        <translation>Abstand vom Mittelkurs (%)</translation>
    </message>
    <message>
        <source>Cumulative depth (%1)</source>
        <translation>Kumulierte Markttiefe (%1)</translation>
    </message>
    <message>
        <source>Order book depth: %1</source>
        <translation>Markttiefe (Orderbuchtiefe): %1</translation>
    </message>
    <message>
        <source>Order book depth</source>
        <translation>Markttiefe (Orderbuchtiefe)</translation>
    </message>
    <message>
        <source>Loading the order book of %1…</source>
        <translation>Lade Orderbuch von %1…</translation>
    </message>
    <message>
        <source>Select a crypto asset to see its order book.</source>
        <translation>Für die Markttiefe eine Krypto-Anlage auswählen.</translation>
    </message>
    <message>
        <source>Bids (buy orders)</source>
        <translation>Geld (Kaufgebote)</translation>
    </message>
    <message>
        <source>Asks (sell orders)</source>
        <translation>Brief (Verkaufsangebote)</translation>
    </message>
    <message>
        <source>%1 bp</source>
        <translation>%1 Bp.</translation>
    </message>
    <message>
        <source>Mid price %1, spread %2</source>
        <translation>Mittelkurs %1, Spread %2</translation>
    </message>
</context>
<context>
    <name>ByHandTable</name>
    <message>
        <source>Asset</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Beta to BTC</source>
        <translation>Beta zu BTC</translation>
    </message>
    <message>
        <source>Beta to QQQ</source>
        <translation>Beta zu QQQ</translation>
    </message>
    <message>
        <source>Shock in %</source>
        <translation>Schock in %</translation>
    </message>
    <message>
        <source>A beta to BTC you set for this scenario; it replaces the computed one. Without any beta an asset's move is unknown and it is left out of the portfolio's result.</source>
        <translation>Ein Beta zu BTC, das Sie für dieses Szenario setzen; es ersetzt das berechnete. Ohne Beta ist die Bewegung einer Anlage unbekannt und sie bleibt aus dem Portfolioergebnis heraus.</translation>
    </message>
    <message>
        <source>Enter a percentage of at least −100, e.g. −20</source>
        <translation>Prozentwert von mindestens −100 eingeben, z. B. −20</translation>
    </message>
</context>
<context>
    <name>ChannelsSection</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Mindest-Schweregrad</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Letzte Zustellung</translation>
    </message>
    <message>
        <source>Webhook (JSON)</source>
        <translation>Webhook (JSON)</translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>E-Mail (SMTP)</translation>
    </message>
    <message>
        <source>optional; default: the kind</source>
        <translation>optional; Vorgabe: die Art</translation>
    </message>
    <message>
        <source>Stored in the system keyring only, never in the data folder.</source>
        <translation>Nur im Schlüsselbund des Systems gespeichert, nie im Datenordner.</translation>
    </message>
    <message>
        <source>Add channel</source>
        <translation>Kanal hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Test senden</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Token or password</source>
        <translation>Token oder Passwort</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>noch nichts gesendet</translation>
    </message>
    <message>
        <source>failing (%1) since %2</source>
        <translation>fehlgeschlagen (%1) seit %2</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>gesendet %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Added the channel '%1'. Select it and press "Send test" to try it.</source>
        <translation>Kanal „%1“ hinzugefügt. Wählen Sie ihn aus und drücken Sie „Test senden“, um ihn auszuprobieren.</translation>
    </message>
    <message>
        <source>Removed the channel '%1' and its secret.</source>
        <translation>Kanal „%1“ und sein Geheimnis entfernt.</translation>
    </message>
    <message>
        <source>Sending starts once monitoring has started; try again in a moment.</source>
        <translation>Das Senden ist möglich, sobald die Überwachung läuft; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Sending a test message to '%1'…</source>
        <translation>Sende eine Testnachricht an „%1“…</translation>
    </message>
    <message>
        <source>The test message to '%1' was delivered.</source>
        <translation>Die Testnachricht an „%1“ wurde zugestellt.</translation>
    </message>
    <message>
        <source>The test message to '%1' was not delivered: %2</source>
        <translation>Die Testnachricht an „%1“ wurde nicht zugestellt: %2</translation>
    </message>
    <message>
        <source>a channel of this name exists already: enter another name</source>
        <translation>ein Kanal dieses Namens existiert bereits: bitte einen anderen Namen eingeben</translation>
    </message>
    <message>
        <source>expected a-z, 0-9, _ and - (at most 32 characters)</source>
        <translation>erwartet werden a–z, 0–9, _ und - (höchstens 32 Zeichen)</translation>
    </message>
    <message>
        <source>expected a URL starting with http:// or https:// (e-mail: smtp:// or smtps://) that names a host and holds no password</source>
        <translation>erwartet wird eine URL, die mit http:// oder https:// beginnt (E-Mail: smtp:// oder smtps://), einen Host nennt und kein Passwort enthält</translation>
    </message>
    <message>
        <source>expected an e-mail address</source>
        <translation>erwartet wird eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>the SMTP URL names a user: expected that user's password</source>
        <translation>die SMTP-URL nennt einen Benutzer: erwartet wird dessen Passwort</translation>
    </message>
    <message>
        <source>expected one line without control characters</source>
        <translation>erwartet wird eine Zeile ohne Steuerzeichen</translation>
    </message>
    <message>
        <source>%1: %2. Nothing was saved.</source>
        <translation>%1: %2. Nichts wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Asset price and drawdown</source>
        <translation>Kurs und Drawdown</translation>
    </message>
    <message>
        <source>Portfolio value</source>
        <translation>Portfoliowert</translation>
    </message>
    <message>
        <source>Rolling beta to BTC (90 days)</source>
        <translation>Rollierendes Beta zu BTC (90 Tage)</translation>
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
        <translation>1 J</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>No price history</source>
        <translation>Keine Kurshistorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>%1-day high</source>
        <translation>%1-Tage-Hoch</translation>
    </message>
    <message>
        <source>Drawdown from peak (%)</source>
        <translation>Drawdown vom Höchststand (%)</translation>
    </message>
    <message>
        <source>Drop from %1-day high (%)</source>
        <translation>Rückgang vom %1-Tage-Hoch (%)</translation>
    </message>
    <message>
        <source>Underwater</source>
        <translation>Unter Wasser (Drawdown)</translation>
    </message>
    <message>
        <source>Portfolio value of current holdings (%1)</source>
        <translation>Portfoliowert der aktuellen Bestände (%1)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>unknown exchange '{exchange}' (expected one of: {known})</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>unbekannte Börse '{exchange}' (erwartet: {known})</translation>
    </message>
    <message>
        <source>expected the API key on line 1 and the secret on line 2 of standard input (a passphrase on line 3 is optional); nothing was stored</source>
        <translation>erwartet wird der API-Schlüssel in Zeile 1 und das Secret in Zeile 2 der Standardeingabe (eine Passphrase in Zeile 3 ist optional); nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>standard input has more than 3 lines: expected the API key, the secret and an optional passphrase; nothing was stored</source>
        <translation>die Standardeingabe hat mehr als 3 Zeilen: erwartet werden API-Schlüssel, Secret und optional eine Passphrase; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>line {line} of standard input ({item}) contains spaces or control characters; nothing was stored</source>
        <translation>Zeile {line} der Standardeingabe ({item}) enthält Leerzeichen oder Steuerzeichen; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>API key: </source>
        <translation>API-Schlüssel: </translation>
    </message>
    <message>
        <source>Secret: </source>
        <translation>Secret: </translation>
    </message>
    <message>
        <source>Passphrase (optional, Enter for none): </source>
        <translation>Passphrase (optional, Eingabetaste für keine): </translation>
    </message>
    <message>
        <source>Added the {kind} channel '{name}' (minimum severity {severity}).</source>
        <translation>Der {kind}-Kanal „{name}“ wurde hinzugefügt (Mindest-Schweregrad {severity}).</translation>
    </message>
    <message>
        <source>Its secret is in {where}; it is never stored in the data folder.</source>
        <translation>Sein Secret liegt in {where}; im Datenordner wird es nie gespeichert.</translation>
    </message>
    <message>
        <source>Send a test message with: riskwatch channels test {name}</source>
        <translation>Testnachricht senden mit: riskwatch channels test {name}</translation>
    </message>
    <message>
        <source>a channel named '{name}' exists already: choose another name with --name, or remove it first; nothing was changed</source>
        <translation>ein Kanal namens „{name}“ existiert bereits: wählen Sie mit --name einen anderen Namen oder entfernen Sie ihn zuerst; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>there is no channel named '{name}' (see: riskwatch channels list)</source>
        <translation>es gibt keinen Kanal namens „{name}“ (siehe: riskwatch channels list)</translation>
    </message>
    <message>
        <source>standard input has more than one line: expected the token or password on one line; nothing was stored</source>
        <translation>die Standardeingabe hat mehr als eine Zeile: erwartet wird das Token oder Passwort in einer Zeile; es wurde nichts gespeichert</translation>
    </message>
    <message>
        <source>the token or password on standard input contains control characters; nothing was stored</source>
        <translation>das Token oder Passwort auf der Standardeingabe enthält Steuerzeichen; es wurde nichts gespeichert</translation>
    </message>
    <message>
        <source>the SMTP URL names the user {user}: expected the password on standard input, one line; nothing was stored</source>
        <translation>die SMTP-URL nennt den Benutzer {user}: erwartet wird das Passwort auf der Standardeingabe, in einer Zeile; es wurde nichts gespeichert</translation>
    </message>
    <message>
        <source>Access token (optional, Enter for none): </source>
        <translation>Zugriffstoken (optional, Eingabetaste für keines): </translation>
    </message>
    <message>
        <source>SMTP password (Enter for none): </source>
        <translation>SMTP-Passwort (Eingabetaste für keines): </translation>
    </message>
    <message>
        <source>The secret was not stored: {detail}. Nothing was changed.</source>
        <translation>Das Secret wurde nicht gespeichert: {detail}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>No remote channels. Add one with: riskwatch channels add ntfy URL</source>
        <translation>Keine Fernkanäle. Einen hinzufügen mit: riskwatch channels add ntfy URL</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mindestens</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Removed the channel '{name}'.</source>
        <translation>Der Kanal „{name}“ wurde entfernt.</translation>
    </message>
    <message>
        <source>Removed its secret from {where}.</source>
        <translation>Sein Secret wurde aus {where} entfernt.</translation>
    </message>
    <message>
        <source>Its secret could not be removed from the system keyring: {detail}</source>
        <translation>Sein Secret konnte nicht aus dem Schlüsselbund des Systems entfernt werden: {detail}</translation>
    </message>
    <message>
        <source>Sent a test message to '{name}' ({target}).</source>
        <translation>Eine Testnachricht an „{name}“ ({target}) wurde gesendet.</translation>
    </message>
    <message>
        <source>The test message to '{name}' was not delivered: {reason}</source>
        <translation>Die Testnachricht an „{name}“ wurde nicht zugestellt: {reason}</translation>
    </message>
    <message>
        <source>the system keyring ({backend})</source>
        <translation>dem Schlüsselbund des Systems ({backend})</translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <extracomment>Why a send failed, by the delivery's stable code (the store keeps only the code; no text holds a secret).</extracomment>
        <translation>{host} hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>could not connect to {host}: check the URL and that the server runs.</source>
        <translation>keine Verbindung zu {host}: prüfen Sie die URL und ob der Server läuft.</translation>
    </message>
    <message>
        <source>the connection to {host} failed.</source>
        <translation>die Verbindung zu {host} ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>the TLS handshake with {host} failed (certificate or protocol).</source>
        <translation>der TLS-Handshake mit {host} ist fehlgeschlagen (Zertifikat oder Protokoll).</translation>
    </message>
    <message>
        <source>{host} refused the token or password: store the right one with channels remove and add.</source>
        <translation>{host} hat das Token oder Passwort abgelehnt: speichern Sie das richtige mit channels remove und add.</translation>
    </message>
    <message>
        <source>the mail server {host} refused the message.</source>
        <translation>der Mailserver {host} hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <source>the channel's secret could not be read from the system keyring.</source>
        <translation>das Secret des Kanals konnte nicht aus dem Schlüsselbund des Systems gelesen werden.</translation>
    </message>
    <message>
        <source>the channel needs a token or password, and none is stored.</source>
        <translation>der Kanal braucht ein Token oder Passwort, und keines ist gespeichert.</translation>
    </message>
    <message>
        <source>{host} answered HTTP {status}.</source>
        <translation>{host} hat mit HTTP {status} geantwortet.</translation>
    </message>
    <message>
        <source>the send failed ({code}).</source>
        <translation>der Versand ist fehlgeschlagen ({code}).</translation>
    </message>
    <message>
        <source>the environment variables {key_var} / {secret_var}</source>
        <translation>den Umgebungsvariablen {key_var} / {secret_var}</translation>
    </message>
    <message>
        <source>memory (this session only)</source>
        <translation>dem Arbeitsspeicher (nur diese Sitzung)</translation>
    </message>
    <message>
        <source>Stored the API key for {name} in {where}.</source>
        <translation>API-Schlüssel für {name} gespeichert in {where}.</translation>
    </message>
    <message>
        <source>Using the API key for {name} from {where}.</source>
        <translation>API-Schlüssel für {name} aus {where}.</translation>
    </message>
    <message>
        <source>Recommended: a read-only key (e.g. Kraken: only "Query Funds"). RiskWatch only reads balances; a key that cannot trade or withdraw is harmless if it ever leaks.</source>
        <translation>Empfohlen: ein Schlüssel mit nur Lesezugriff (z. B. Kraken: nur „Query Funds“). RiskWatch liest nur Guthaben; ein Schlüssel ohne Handels- und Auszahlungsrecht richtet keinen Schaden an, falls er je in fremde Hände gerät.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this system ({backend}): RiskWatch never stores API keys in plain text. Set the environment variables {key_var} and {secret_var} instead (for this shell only).</source>
        <translation>Auf diesem System ist kein sicherer Schlüsselbund verfügbar ({backend}): RiskWatch speichert API-Schlüssel nie im Klartext. Setzen Sie stattdessen die Umgebungsvariablen {key_var} und {secret_var} (nur für diese Shell).</translation>
    </message>
    <message>
        <source>The system keyring ({backend}) is locked: unlock it (log in to the desktop session, or open it in your keyring manager) and try again. Nothing was read or stored.</source>
        <translation>Der Schlüsselbund des Systems ({backend}) ist gesperrt: Entsperren Sie ihn (an der Desktop-Sitzung anmelden oder in der Schlüsselbundverwaltung öffnen) und versuchen Sie es erneut. Es wurde nichts gelesen oder gespeichert.</translation>
    </message>
    <message>
        <source>The API key for {name} was not stored.</source>
        <translation>Der API-Schlüssel für {name} wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The API key for {name} works: read access to the balance confirmed.</source>
        <translation>Der API-Schlüssel für {name} funktioniert: Lesezugriff auf das Guthaben bestätigt.</translation>
    </message>
    <message>
        <source>{name} rejected the API key: the key or the secret is wrong.</source>
        <translation>{name} hat den API-Schlüssel abgelehnt: Schlüssel oder Secret sind falsch.</translation>
    </message>
    <message>
        <source>{name} accepted the API key, but it lacks the permission to read balances (Kraken: "Query Funds").</source>
        <translation>{name} hat den API-Schlüssel angenommen, aber ihm fehlt die Berechtigung, Guthaben zu lesen (Kraken: „Query Funds“).</translation>
    </message>
    <message>
        <source>{name} rejected the request's nonce or timestamp: check that this computer's clock is right and that no other program uses the same key.</source>
        <translation>{name} hat Nonce oder Zeitstempel der Anfrage abgelehnt: Prüfen Sie, ob die Uhr dieses Computers richtig geht und kein anderes Programm denselben Schlüssel verwendet.</translation>
    </message>
    <message>
        <source>{name} could not be reached: check the internet connection and try again later.</source>
        <translation>{name} ist nicht erreichbar: Prüfen Sie die Internetverbindung und versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>No API key for {name} is stored. Store one with: riskwatch keys set {exchange}</source>
        <translation>Für {name} ist kein API-Schlüssel gespeichert. Speichern mit: riskwatch keys set {exchange}</translation>
    </message>
    <message>
        <source>{name} could not answer: {detail}</source>
        <translation>{name} konnte nicht antworten: {detail}</translation>
    </message>
    <message>
        <source>The key store failed: {detail}</source>
        <translation>Der Schlüsselspeicher ist fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>Deleted the API key for {name} from the system keyring.</source>
        <translation>API-Schlüssel für {name} aus dem Schlüsselbund des Systems gelöscht.</translation>
    </message>
    <message>
        <source>No API key for {name} was stored in the system keyring.</source>
        <translation>Im Schlüsselbund des Systems war kein API-Schlüssel für {name} gespeichert.</translation>
    </message>
    <message>
        <source>The environment variable {var} still provides a key; unset it to stop using it.</source>
        <translation>Die Umgebungsvariable {var} liefert weiterhin einen Schlüssel; entfernen Sie sie, um ihn nicht mehr zu verwenden.</translation>
    </message>
    <message>
        <source>Replay {start} to {end}: {days} day(s), {events} alert event(s).</source>
        <extracomment>the basket figures a market line carries The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>Wiedergabe {start} bis {end}: {days} Tag(e), {events} Alarmereignis(se).</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>{account}: {added} new, {changed} changed, {removed} removed, {unchanged} unchanged</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>{account}: {added} neu, {changed} geändert, {removed} entfernt, {unchanged} unverändert</translation>
    </message>
    <message>
        <source>The positions of {account} are up to date.</source>
        <translation>Die Positionen von {account} sind aktuell.</translation>
    </message>
    <message>
        <source>Apply these changes? [y/N] </source>
        <translation>Diese Änderungen übernehmen? [j/N] </translation>
    </message>
    <message>
        <source>Cancelled; no position was changed.</source>
        <translation>Abgebrochen; keine Position wurde geändert.</translation>
    </message>
    <message>
        <source>Applied: {added} added, {changed} changed, {removed} removed.</source>
        <translation>Übernommen: {added} hinzugefügt, {changed} geändert, {removed} entfernt.</translation>
    </message>
    <message>
        <source>Skipped balances that cannot be a position: {codes}</source>
        <translation>Übersprungene Guthaben, die keine Position sein können: {codes}</translation>
    </message>
    <message>
        <source>new positions get a cost basis of 0; edit it to see profit and loss</source>
        <translation>neue Positionen erhalten einen Einstandskurs von 0; tragen Sie ihn ein, um Gewinn/Verlust zu sehen</translation>
    </message>
    <message>
        <source>No positions.</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>Keine Positionen.</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Einstandskurs</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>crypto</source>
        <translation>Krypto</translation>
    </message>
    <message>
        <source>equity</source>
        <translation>Aktie</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>stablecoin</source>
        <translation>Stablecoin</translation>
    </message>
    <message>
        <source>Imported {n} position(s) from {file}.</source>
        <translation>{n} Position(en) aus {file} importiert.</translation>
    </message>
    <message>
        <source>Replaced all positions by {n} position(s) from {file}.</source>
        <translation>Alle Positionen durch {n} Position(en) aus {file} ersetzt.</translation>
    </message>
    <message>
        <source>Exported {n} position(s) to {file}.</source>
        <translation>{n} Position(en) nach {file} exportiert.</translation>
    </message>
    <message>
        <source>Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).</source>
        <translation>{n} Kurs(e) für {symbol} aus {file} importiert ({first} bis {last}, Spalte {column}).</translation>
    </message>
    <message>
        <source>no active alerts</source>
        <extracomment>What "unavailable" means for a figure a down source should have delivered.</extracomment>
        <translation>keine aktiven Alarme</translation>
    </message>
    <message>
        <source>data stale: {items}</source>
        <translation>Daten veraltet: {items}</translation>
    </message>
    <message>
        <source>{asset} since {time}</source>
        <translation>{asset} seit {time}</translation>
    </message>
    <message>
        <source>since an unknown time</source>
        <translation>seit unbekannter Zeit</translation>
    </message>
    <message>
        <source>unavailable: {items}</source>
        <translation>nicht verfügbar: {items}</translation>
    </message>
    <message>
        <source>market data timed out after {seconds} s, figures from stored prices</source>
        <translation>Marktdaten nach {seconds} s abgebrochen, Kennzahlen aus gespeicherten Kursen</translation>
    </message>
    <message>
        <source>new: </source>
        <translation>neu: </translation>
    </message>
    <message>
        <source>RiskWatch is watching the data folder {directory} every {interval} s with {channels} remote channel(s). Stop with Ctrl+C or SIGTERM.</source>
        <extracomment>A continuous cycle that has not finished after this long is cancelled (the next one starts on time). After a stop signal: what the cancelled cycle, closing the feeds (side by side with stopping the delivery, then closing its connections) may take at most: 1 + max(2, 2 + 1) s, well within the 5 s a service manager allows.</extracomment>
        <translation>RiskWatch überwacht den Datenordner {directory} alle {interval} s mit {channels} Fernkanal/Fernkanälen. Beenden mit Strg+C oder SIGTERM.</translation>
    </message>
    <message>
        <source>{ts}  {events} new alert event(s), {active} active alert(s)</source>
        <translation>{ts}  {events} neue(s) Alarmereignis(se), {active} aktive(r) Alarm(e)</translation>
    </message>
    <message>
        <source>{ts}  no positions to evaluate (import some with: riskwatch positions import FILE)</source>
        <translation>{ts}  keine Positionen zu bewerten (importieren mit: riskwatch positions import DATEI)</translation>
    </message>
    <message>
        <source>{ts}  the cycle failed: {detail}</source>
        <translation>{ts}  der Durchlauf ist fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>{ts}  the cycle did not finish within {seconds} s; the next one starts on time</source>
        <translation>{ts}  der Durchlauf wurde nicht innerhalb von {seconds} s fertig; der nächste beginnt pünktlich</translation>
    </message>
    <message>
        <source>no market data from {sources}</source>
        <translation>keine Marktdaten von {sources}</translation>
    </message>
    <message>
        <source>RiskWatch stopped watching.</source>
        <translation>RiskWatch hat die Überwachung beendet.</translation>
    </message>
    <message>
        <source>--json works only with --once</source>
        <translation>--json gibt es nur zusammen mit --once</translation>
    </message>
    <message>
        <source>Another RiskWatch ({holder}, pid {pid}) already watches the data folder {directory}. Only one may run per data folder, so that no alert is delivered twice: stop it first, or choose another folder with --data-dir.</source>
        <translation>Ein anderes RiskWatch ({holder}, PID {pid}) überwacht bereits den Datenordner {directory}. Pro Datenordner darf nur eines laufen, damit kein Alarm doppelt zugestellt wird: beenden Sie es zuerst oder wählen Sie mit --data-dir einen anderen Ordner.</translation>
    </message>
    <message>
        <source>the desktop app</source>
        <translation>die Desktop-App</translation>
    </message>
    <message>
        <source>riskwatch watch</source>
        <translation>riskwatch watch</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>ruhig</translation>
    </message>
    <message>
        <source>under pressure</source>
        <translation>unter Druck</translation>
    </message>
    <message>
        <source>stressed</source>
        <translation>angespannt</translation>
    </message>
    <message>
        <source>Market: {level} ({count} of {total})</source>
        <translation>Marktlage: {level} ({count} von {total})</translation>
    </message>
    <message>
        <source>Market: unavailable (too few current indicators)</source>
        <translation>Marktlage: nicht verfügbar (zu wenige aktuelle Indikatoren)</translation>
    </message>
    <message>
        <source>Added RiskWatch to the application menu: {location}</source>
        <extracomment>The messages of this module, for lupdate: their German is in the translation file (context "Cli").</extracomment>
        <translation>Zum Anwendungsmenü hinzugefügt: {location}</translation>
    </message>
    <message>
        <source>Installed the icons in {location}</source>
        <translation>Symbole installiert in {location}</translation>
    </message>
    <message>
        <source>RiskWatch starts at login: {location}</source>
        <translation>RiskWatch startet beim Anmelden: {location}</translation>
    </message>
    <message>
        <source>Removed the menu entry {location}</source>
        <translation>Menüeintrag entfernt: {location}</translation>
    </message>
    <message>
        <source>Removed the icons from {location}</source>
        <translation>Symbole entfernt aus {location}</translation>
    </message>
    <message>
        <source>RiskWatch no longer starts at login (removed {location}).</source>
        <translation>RiskWatch startet nicht mehr beim Anmelden ({location} entfernt).</translation>
    </message>
    <message>
        <source>Left {location} alone: RiskWatch did not write it.</source>
        <translation>{location} unverändert gelassen: Die Datei stammt nicht von RiskWatch.</translation>
    </message>
    <message>
        <source>It runs: {command}</source>
        <translation>Startet: {command}</translation>
    </message>
    <message>
        <source>Nothing to remove: RiskWatch was neither in the application menu nor started at login.</source>
        <translation>Nichts zu entfernen: RiskWatch war weder im Anwendungsmenü noch startete es beim Anmelden.</translation>
    </message>
    <message>
        <source>on this system install-desktop only sets the start at login: add --autostart (the application menu entry comes with the installer)</source>
        <translation>auf diesem System richtet install-desktop nur den Start beim Anmelden ein: --autostart angeben (den Eintrag im Anwendungsmenü legt das Installationsprogramm an)</translation>
    </message>
    <message>
        <source>could not write {location}: {detail}</source>
        <translation>{location} konnte nicht geschrieben werden: {detail}</translation>
    </message>
    <message>
        <source>could not create the folder {location}: {detail}</source>
        <translation>Der Ordner {location} konnte nicht angelegt werden: {detail}</translation>
    </message>
    <message>
        <source>could not remove {location}: {detail}</source>
        <translation>{location} konnte nicht entfernt werden: {detail}</translation>
    </message>
    <message>
        <source>could not change the registry value {location}: {detail}</source>
        <translation>Der Registrierungswert {location} konnte nicht geändert werden: {detail}</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>SEC EDGAR has no XBRL facts for {symbol} (a foreign filer?): enter its figures with riskwatch fundamentals set.</source>
        <translation>SEC EDGAR hat keine XBRL-Daten für {symbol} (ausländischer Emittent?): geben Sie die Zahlen mit riskwatch fundamentals set ein.</translation>
    </message>
    <message>
        <source>{given} lies in the future: a balance sheet is dated by a period that has ended</source>
        <translation>{given} liegt in der Zukunft: eine Bilanz trägt den Stichtag eines abgelaufenen Zeitraums</translation>
    </message>
    <message>
        <source>No held miner to refresh (miners with a known SEC CIK: {known}).</source>
        <translation>Kein gehaltener Miner zu aktualisieren (Miner mit bekannter SEC-CIK: {known}).</translation>
    </message>
    <message>
        <source>no SEC CIK is known for {symbols} (known: {known}); nothing was fetched</source>
        <translation>für {symbols} ist keine SEC-CIK bekannt (bekannt: {known}); nichts wurde abgerufen</translation>
    </message>
    <message>
        <source>{symbol}: new filing stored ({accession})</source>
        <translation>{symbol}: neuer Bericht gespeichert ({accession})</translation>
    </message>
    <message>
        <source>{symbol}: no new filing since {accession}</source>
        <translation>{symbol}: kein neuer Bericht seit {accession}</translation>
    </message>
    <message>
        <source>{symbol}: fetched less than a day ago ({accession}); --force fetches again</source>
        <translation>{symbol}: vor weniger als einem Tag abgerufen ({accession}); --force ruft erneut ab</translation>
    </message>
    <message>
        <source>{symbol}: not refreshed: {detail}</source>
        <translation>{symbol}: nicht aktualisiert: {detail}</translation>
    </message>
    <message>
        <source>No figures for {symbol}: run riskwatch fundamentals refresh {symbol}, or enter one with riskwatch fundamentals set.</source>
        <translation>Keine Kennzahlen für {symbol}: riskwatch fundamentals refresh {symbol} ausführen oder eine mit riskwatch fundamentals set eingeben.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>eingegeben</translation>
    </message>
    <message>
        <source>'{given}' is not a date: expected YYYY-MM-DD</source>
        <translation>'{given}' ist kein Datum: erwartet JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Entered {code} of {symbol} for {period_end}: {value}.</source>
        <translation>{code} von {symbol} zum {period_end} eingegeben: {value}.</translation>
    </message>
    <message>
        <source>No AI/HPC contracts.</source>
        <translation>Keine KI-/HPC-Verträge.</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Vertragspartner</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Portfolio value</source>
        <extracomment>The cards coloured by the rules: card -&gt; the portfolio metric key its rules use. card -&gt; the portfolio figure in the snapshot whose status and as-of time the card shows.</extracomment>
        <translation>Portfoliowert</translation>
    </message>
    <message>
        <source>Profit/loss (P&amp;L)</source>
        <translation>Gewinn/Verlust (G/V)</translation>
    </message>
    <message>
        <source>Drawdown from peak</source>
        <translation>Drawdown vom Höchststand</translation>
    </message>
    <message>
        <source>Drop from 30-day high</source>
        <translation>Rückgang vom 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>Value at Risk (VaR) 95 %, 1 day</source>
        <translation>Value at Risk (VaR) 95 %, 1 Tag</translation>
    </message>
    <message>
        <source>Expected shortfall (CVaR) 95 %, 1 day</source>
        <translation>Expected Shortfall (CVaR) 95 %, 1 Tag</translation>
    </message>
    <message>
        <source>Largest position</source>
        <translation>Größte Position</translation>
    </message>
    <message>
        <source>Miner beta to BTC (90 days)</source>
        <translation>Beta der Miner-Aktien zu BTC (90 Tage)</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>Aktive Alarme</translation>
    </message>
    <message>
        <source>no prices yet</source>
        <translation>noch keine Kurse</translation>
    </message>
    <message>
        <source>no positions with prices</source>
        <translation>keine Positionen mit Kursen</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Einstandswert %1</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>schlechtester: %1</translation>
    </message>
    <message>
        <source>calendar window of 30 days</source>
        <translation>Kalenderfenster von 30 Tagen</translation>
    </message>
    <message>
        <source>%1 of the portfolio; historical, last 365 days</source>
        <translation>%1 des Portfolios; historisch, letzte 365 Tage</translation>
    </message>
    <message>
        <source>%1 of the portfolio; mean of the worst 5 % of days</source>
        <translation>%1 des Portfolios; Mittel der schlechtesten 5 % der Tage</translation>
    </message>
    <message>
        <source>%1 of the portfolio, HHI %2</source>
        <translation>%1 des Portfolios, HHI %2</translation>
    </message>
    <message>
        <source>value-weighted over the miners held</source>
        <translation>wertgewichtet über die gehaltenen Miner-Aktien</translation>
    </message>
    <message>
        <source>Weekend gap estimate: %1</source>
        <translation>Geschätzte Eröffnungslücke nach dem Wochenende: %1</translation>
    </message>
    <message>
        <source>No active alerts.</source>
        <translation>Keine aktiven Alarme.</translation>
    </message>
    <message>
        <source>no miners held</source>
        <translation>keine Miner im Bestand</translation>
    </message>
    <message>
        <source>not available (%1 of %2 miners)</source>
        <translation>nicht verfügbar (%1 von %2 Minern)</translation>
    </message>
    <message>
        <source>from %1 of %2 miners; no current beta: %3</source>
        <translation>aus %1 von %2 Minern; kein aktuelles Beta: %3</translation>
    </message>
    <message>
        <source>(fired at %1)</source>
        <translation>(ausgelöst bei %1)</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>No price for: %1</source>
        <translation>Kein Kurs für: %1</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>stummgeschaltet bis %1</translation>
    </message>
</context>
<context>
    <name>DeliveryLogView</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The delivery log could not be loaded: %1</source>
        <translation>Das Zustellprotokoll konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>wird wiederholt</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Remote delivery has not started.</source>
        <translation>Die Zustellung an entfernte Kanäle ist noch nicht gestartet.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FundamentalsDialog</name>
    <message>
        <source>Balance sheet of %1</source>
        <extracomment>a figure, contract or maturity was saved or removed</extracomment>
        <translation>Bilanz von %1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Debt maturities</source>
        <translation>Fälligkeiten der Schulden</translation>
    </message>
    <message>
        <source>Value (USD or shares)</source>
        <translation>Wert (USD oder Aktien)</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Vertragspartner</translation>
    </message>
    <message>
        <source>Contract value (USD)</source>
        <translation>Vertragswert (USD)</translation>
    </message>
    <message>
        <source>Term (years)</source>
        <translation>Laufzeit (Jahre)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Amount (USD)</source>
        <translation>Betrag (USD)</translation>
    </message>
    <message>
        <source>known:</source>
        <translation>bekannt:</translation>
    </message>
    <message>
        <source>Save figure</source>
        <translation>Zahl speichern</translation>
    </message>
    <message>
        <source>Remove entered figure</source>
        <translation>Eingegebene Zahl entfernen</translation>
    </message>
    <message>
        <source>Add contract</source>
        <translation>Vertrag hinzufügen</translation>
    </message>
    <message>
        <source>Remove contract</source>
        <translation>Vertrag entfernen</translation>
    </message>
    <message>
        <source>Add maturity</source>
        <translation>Fälligkeit hinzufügen</translation>
    </message>
    <message>
        <source>Remove maturity</source>
        <translation>Fälligkeit entfernen</translation>
    </message>
    <message>
        <source>press release or news URL</source>
        <translation>Pressemitteilung oder URL einer Meldung</translation>
    </message>
    <message>
        <source>e.g. press release of 2025-11-03</source>
        <translation>z. B. Pressemitteilung vom 03.11.2025</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1: enter a value.</source>
        <translation>%1: bitte einen Wert eingeben.</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>Vertragswert</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>FundamentalsInput</name>
    <message>
        <source>%1: enter a value.</source>
        <extracomment>Larger than any miner's balance-sheet figure or contract (USD), or share count: a typing slip.</extracomment>
        <translation>%1: bitte einen Wert eingeben.</translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1 darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>more than 0</source>
        <translation>mehr als 0</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 muss zwischen %2 und %3 liegen.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Select a signal to see its history.</source>
        <translation>Für den Verlauf eine Kennzahl auswählen.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Lade Verlauf…</translation>
    </message>
    <message>
        <source>History not available: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>No stored history yet.</source>
        <translation>Noch kein gespeicherter Verlauf.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored value(s)</source>
        <translation>
            <numerusform>%n gespeicherter Wert</numerusform>
            <numerusform>%n gespeicherte Werte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s): signal not available</source>
        <translation>
            <numerusform>%n Lücke: Kennzahl nicht verfügbar</numerusform>
            <numerusform>%n Lücken: Kennzahl nicht verfügbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorTable</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>Status / as of</source>
        <translation>Status / Stand</translation>
    </message>
    <message>
        <source>beyond threshold</source>
        <translation>über Schwellwert</translation>
    </message>
</context>
<context>
    <name>LiquidityView</name>
    <message>
        <source>%1 bp</source>
        <translation>%1 Bp.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>invalid data (e.g. a crossed order book)</source>
        <translation>ungültige Daten (z. B. gekreuztes Orderbuch)</translation>
    </message>
    <message>
        <source>source unreachable</source>
        <translation>Quelle nicht erreichbar</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Thresholds: %1</source>
        <translation>Schwellwerte: %1</translation>
    </message>
    <message>
        <source>No liquidity signals yet.</source>
        <translation>Noch keine Liquiditätskennzahlen.</translation>
    </message>
    <message>
        <source>As of %1. Money in USD; traffic lights at the alert rules' thresholds.</source>
        <translation>Stand: %1. Beträge in USD; Ampelfarben nach den Schwellwerten der Alarmregeln.</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>History: %1 – %2</source>
        <translation>Verlauf: %1 – %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Positions synced from %1.</source>
        <translation>Positionen von %1 abgeglichen.</translation>
    </message>
    <message>
        <source>No figures yet: wait for the first refresh.</source>
        <translation>Noch keine Kennzahlen: bitte die erste Aktualisierung abwarten.</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n Position</numerusform>
            <numerusform>%n Positionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved. The new exchange or base currency is used from the next refresh.</source>
        <translation>Einstellungen gespeichert. Die neue Börse bzw. Basiswährung gilt ab der nächsten Aktualisierung.</translation>
    </message>
    <message>
        <source>daily prices from Yahoo Finance</source>
        <translation>Tageskurse von Yahoo Finance</translation>
    </message>
    <message>
        <source>Binance spot daily closes in USDT</source>
        <translation>Binance-Spot-Tagesschlusskurse in USDT</translation>
    </message>
    <message>
        <source>stablecoin prices from Yahoo Finance</source>
        <translation>Stablecoin-Kurse von Yahoo Finance</translation>
    </message>
    <message>
        <source>Binance perpetual funding every 8 hours</source>
        <translation>Binance-Perpetual-Funding alle 8 Stunden</translation>
    </message>
    <message>
        <source>Bundled history for offline use (via public GitHub repositories):</source>
        <translation>Mitgelieferte Historie für die Offline-Nutzung (über öffentliche GitHub-Repositories):</translation>
    </message>
    <message>
        <source>About RiskWatch</source>
        <translation>Über RiskWatch</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Alarmverlauf</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidität</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Marktlage</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alarme</translation>
    </message>
    <message>
        <source>Show alert &amp;window</source>
        <translation>Alarm&amp;fenster anzeigen</translation>
    </message>
    <message>
        <source>Alert &amp;history</source>
        <translation>Alarm&amp;verlauf</translation>
    </message>
    <message>
        <source>Alert &amp;rules</source>
        <translation>Alarm&amp;regeln</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Positions</source>
        <translation>&amp;Positionen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;New position…</source>
        <translation>&amp;Neue Position…</translation>
    </message>
    <message>
        <source>&amp;Edit position…</source>
        <translation>Position &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete position</source>
        <translation>Position &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Import positions…</source>
        <translation>Positionen &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export positions…</source>
        <translation>Positionen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Remove example portfolio</source>
        <translation>Beispielportfolio entfernen</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Stress test…</source>
        <translation>&amp;Stresstest…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API-&amp;Schlüssel…</translation>
    </message>
    <message>
        <source>S&amp;ync from exchange…</source>
        <translation>Von der Börse &amp;abgleichen…</translation>
    </message>
    <message>
        <source>Leave the replay (back to live)</source>
        <translation>Wiedergabe beenden (zurück zu live)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About RiskWatch</source>
        <translation>Ü&amp;ber RiskWatch</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Aktualisiere…</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;RiskWatch %1&lt;/b&gt;&lt;p&gt;A local risk monitor for Bitcoin and bitcoin-miner stocks.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RiskWatch %1&lt;/b&gt;&lt;p&gt;Ein lokaler Risikomonitor für Bitcoin und Bitcoin-Miner-Aktien.&lt;/p&gt;&lt;p&gt;Ihre Daten bleiben auf diesem Rechner.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Terra/Luna collapse (May 2022)</source>
        <extracomment>(title, first day, last day): the title is translated in the "MainWindow" context</extracomment>
        <translation>Terra/Luna-Zusammenbruch (Mai 2022)</translation>
    </message>
    <message>
        <source>FTX collapse (November 2022)</source>
        <translation>FTX-Zusammenbruch (November 2022)</translation>
    </message>
    <message>
        <source>USDC depeg (March 2023)</source>
        <translation>USDC-Entkopplung (März 2023)</translation>
    </message>
    <message>
        <source>Sell-off of autumn 2025 (October–December)</source>
        <translation>Ausverkauf im Herbst 2025 (Oktober–Dezember)</translation>
    </message>
    <message>
        <source>Replay a past crisis</source>
        <translation>Vergangene Krise wiedergeben</translation>
    </message>
    <message>
        <source>Balance sheet</source>
        <translation>Bilanz</translation>
    </message>
</context>
<context>
    <name>MarketDialog</name>
    <message>
        <source>Basket and regime rules</source>
        <translation>Korb und Regeln der Marktlage</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket</source>
        <translation>CoinDesk-20-Korb</translation>
    </message>
    <message>
        <source>Miner basket</source>
        <translation>Miner-Korb</translation>
    </message>
    <message>
        <source>Regime rules</source>
        <translation>Regeln der Marktlage</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Weight in %</source>
        <translation>Gewichtung in %</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Reset to factsheet</source>
        <translation>Zurücksetzen auf Factsheet</translation>
    </message>
    <message>
        <source>The miners held (all nine while none is held)</source>
        <translation>Die gehaltenen Miner (alle neun, solange keiner gehalten wird)</translation>
    </message>
    <message>
        <source>All nine listed miners</source>
        <translation>Alle neun gelisteten Miner</translation>
    </message>
    <message>
        <source>Equal weights; the basket's drop, return, beta and correlation to BTC and QQQ are shown on the market tab.</source>
        <translation>Gleiche Gewichte; Rückgang, Rendite, Beta und Korrelation des Korbs zu BTC und QQQ zeigt der Reiter Marktlage.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>Under pressure from (indicators)</source>
        <translation>Unter Druck ab (Indikatoren)</translation>
    </message>
    <message>
        <source>Stressed from (indicators)</source>
        <translation>Angespannt ab (Indikatoren)</translation>
    </message>
    <message>
        <source>Reset to the shipped rules</source>
        <translation>Zurücksetzen auf die mitgelieferten Regeln</translation>
    </message>
    <message>
        <source>The CoinDesk 20 factsheet's constituents and weights of %1. Import a newer factsheet or type your own basket.</source>
        <translation>Korbwerte und Gewichte des CoinDesk-20-Factsheets vom %1. Importieren Sie ein neueres Factsheet oder geben Sie einen eigenen Korb ein.</translation>
    </message>
    <message>
        <source>Your own basket (weights of %1).</source>
        <translation>Ihr eigener Korb (Gewichte vom %1).</translation>
    </message>
    <message>
        <source>Your own basket.</source>
        <translation>Ihr eigener Korb.</translation>
    </message>
    <message>
        <source>Weights need not add up to 100: they are renormalised over the constituents with a price.</source>
        <translation>Die Gewichte müssen nicht 100 ergeben: Sie werden auf die Korbwerte mit Kurs umgerechnet.</translation>
    </message>
    <message>
        <source>Row %1: enter a ticker such as BTC.</source>
        <translation>Zeile %1: Geben Sie ein Kürzel wie BTC ein.</translation>
    </message>
    <message>
        <source>The basket needs at least one constituent.</source>
        <translation>Der Korb braucht mindestens einen Korbwert.</translation>
    </message>
    <message>
        <source>'Stressed' must need at least as many indicators as 'under pressure'.</source>
        <translation>„Angespannt“ muss mindestens so viele Indikatoren verlangen wie „unter Druck“.</translation>
    </message>
    <message>
        <source>The basket was not imported:
%1</source>
        <translation>Der Korb wurde nicht importiert:
%1</translation>
    </message>
    <message>
        <source>Import basket</source>
        <translation>Korb importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>MarketInput</name>
    <message>
        <source>Weight of %1</source>
        <translation>Gewichtung von %1</translation>
    </message>
    <message>
        <source>%1 must be more than 0 and at most 100 %.</source>
        <translation>%1 muss größer als 0 und höchstens 100 % sein.</translation>
    </message>
    <message>
        <source>Threshold of %1</source>
        <translation>Schwellwert von %1</translation>
    </message>
    <message>
        <source>%1 must lie between %2 and %3.</source>
        <translation>%1 muss zwischen %2 und %3 liegen.</translation>
    </message>
</context>
<context>
    <name>MarketText</name>
    <message>
        <source>unavailable</source>
        <extracomment>Percent decimals of the panel's small fractions (a funding rate of 0.0023 % per 8 h, a peg off by 0.77 %).</extracomment>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Ruhig</translation>
    </message>
    <message>
        <source>Under pressure</source>
        <translation>Unter Druck</translation>
    </message>
    <message>
        <source>Stressed</source>
        <translation>Angespannt</translation>
    </message>
    <message>
        <source>BTC: drop from 30-day high</source>
        <translation>BTC: Rückgang vom 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>CoinDesk-20 basket: 30-day return</source>
        <translation>CoinDesk-20-Korb: Rendite 30 Tage</translation>
    </message>
    <message>
        <source>Miner basket: drop from 30-day high</source>
        <translation>Miner-Korb: Rückgang vom 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>QQQ: largest drop within the month</source>
        <translation>QQQ: größter Rückgang im Monat</translation>
    </message>
    <message>
        <source>Correlation BTC–QQQ (30 days)</source>
        <translation>Korrelation BTC–QQQ (30 Tage)</translation>
    </message>
    <message>
        <source>Miner basket: rise of its correlation with BTC</source>
        <translation>Miner-Korb: Anstieg der Korrelation mit BTC</translation>
    </message>
    <message>
        <source>USDT: deviation from the peg</source>
        <translation>USDT: Abweichung von der Bindung (Peg)</translation>
    </message>
    <message>
        <source>USDC: deviation from the peg</source>
        <translation>USDC: Abweichung von der Bindung (Peg)</translation>
    </message>
    <message>
        <source>BTC funding rate per 8 h</source>
        <translation>BTC-Funding-Rate je 8 h</translation>
    </message>
    <message>
        <source>BTC order-book depth vs. its median</source>
        <translation>BTC-Markttiefe ggü. ihrem Median</translation>
    </message>
    <message>
        <source>BTC volume vs. its median</source>
        <translation>BTC-Volumen ggü. seinem Median</translation>
    </message>
    <message>
        <source>CD20 basket</source>
        <translation>CD20-Korb</translation>
    </message>
    <message>
        <source>Miner basket</source>
        <translation>Miner-Korb</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>Co-movement</source>
        <translation>Gleichlauf</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidität</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>market closed · as of %1</source>
        <translation>Börse geschlossen · Stand %1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>CD20 (30 days)</source>
        <translation>CD20 (30 Tage)</translation>
    </message>
    <message>
        <source>Corr. BTC–QQQ</source>
        <translation>Korr. BTC–QQQ</translation>
    </message>
    <message>
        <source>Corr. rise miners–BTC</source>
        <translation>Korr.-Anstieg Miner–BTC</translation>
    </message>
    <message>
        <source>USDT peg</source>
        <translation>USDT-Bindung</translation>
    </message>
    <message>
        <source>USDC peg</source>
        <translation>USDC-Bindung</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>BTC depth</source>
        <translation>BTC-Markttiefe</translation>
    </message>
    <message>
        <source>BTC volume</source>
        <translation>BTC-Volumen</translation>
    </message>
    <message>
        <source>No indicator beyond its threshold</source>
        <translation>Kein Indikator über seinem Schwellwert</translation>
    </message>
    <message>
        <source>Beyond the threshold: %1</source>
        <translation>Über Schwellwert: %1</translation>
    </message>
    <message>
        <source>Market regime: %1</source>
        <translation>Marktlage: %1</translation>
    </message>
    <message>
        <source>No market figures yet.</source>
        <translation>Noch keine Marktzahlen.</translation>
    </message>
    <message>
        <source>%1 of %2 indicators beyond their threshold</source>
        <translation>%1 von %2 Indikatoren über Schwellwert</translation>
    </message>
    <message numerus="yes">
        <source>%n unavailable</source>
        <translation>
            <numerusform>%n nicht verfügbar</numerusform>
            <numerusform>%n nicht verfügbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale (not counted)</source>
        <translation>
            <numerusform>%n veraltet (nicht gezählt)</numerusform>
            <numerusform>%n veraltet (nicht gezählt)</numerusform>
        </translation>
    </message>
    <message>
        <source>too few current indicators (%1, at least %2 needed)</source>
        <translation>zu wenige aktuelle Indikatoren (%1, mindestens %2 nötig)</translation>
    </message>
</context>
<context>
    <name>MarketView</name>
    <message>
        <source>Edit basket and rules…</source>
        <extracomment>the user asked to edit the baskets and the regime rules</extracomment>
        <translation>Korb und Regeln bearbeiten…</translation>
    </message>
    <message>
        <source>Market regime: no figures yet</source>
        <translation>Marktlage: noch keine Zahlen</translation>
    </message>
    <message>
        <source>Not coloured: some indicators are stale or unavailable, so the count is a lower bound.</source>
        <translation>Nicht eingefärbt: Einige Indikatoren sind veraltet oder nicht verfügbar, die Zahl ist also eine Untergrenze.</translation>
    </message>
    <message>
        <source>Loading the price history of the basket constituents: %1 of %2</source>
        <translation>Kursverlauf der Korbwerte wird geladen: %1 von %2</translation>
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
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwellwert %1</translation>
    </message>
    <message>
        <source>data as of %1</source>
        <translation>Datenstand %1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>1 h stummschalten</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <source>Quantity</source>
        <translation>Stückzahl / Menge</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Einstandskurs</translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1 darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>%1 must be 0 or between %2 and %3.</source>
        <translation>%1 muss 0 sein oder zwischen %2 und %3 liegen.</translation>
    </message>
    <message>
        <source>%1: %2 is not a number in English notation — did you mean %3?</source>
        <translation>%1: %2 ist keine Zahl in deutscher Schreibweise — meinten Sie %3?</translation>
    </message>
    <message>
        <source>%1: %2 can be read two ways — did you mean %3 or %4?</source>
        <translation>%1: %2 ist mehrdeutig — meinten Sie %3 oder %4?</translation>
    </message>
    <message>
        <source>%1: enter a number such as %2 or %3.</source>
        <translation>%1: Bitte eine Zahl wie %2 oder %3 eingeben.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline – prices as of %1 (the oldest)</source>
        <translation>Offline – Kurse vom %1 (ältester Stand)</translation>
    </message>
    <message>
        <source>Prices as of %1 (the oldest)</source>
        <translation>Kurse vom %1 (ältester Stand)</translation>
    </message>
    <message>
        <source>Sample data from %1</source>
        <translation>Beispieldaten vom %1</translation>
    </message>
    <message>
        <source>Sample data from %1 to %2</source>
        <translation>Beispieldaten vom %1 bis %2</translation>
    </message>
    <message>
        <source>Stale: %1</source>
        <translation>Veraltet: %1</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>Edit position</source>
        <translation>Position bearbeiten</translation>
    </message>
    <message>
        <source>New position</source>
        <translation>Neue Position</translation>
    </message>
    <message>
        <source>e.g. BTC or IREN</source>
        <translation>z. B. BTC oder IREN</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Krypto</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Aktie</translation>
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
        <translation>gezahlter Kurs je Einheit</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Stückzahl / Menge</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Einstandskurs</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Symbol: enter a ticker such as BTC or IREN (letters and digits).</source>
        <translation>Symbol: Bitte ein Kürzel wie BTC oder IREN eingeben (Buchstaben und Ziffern).</translation>
    </message>
    <message>
        <source>Currency: enter a currency code such as USD or EUR.</source>
        <translation>Währung: Bitte einen Währungscode wie USD oder EUR eingeben.</translation>
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
        <translation>Art</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Stückzahl / Menge</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Einstandskurs</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Marktwert</translation>
    </message>
    <message>
        <source>P&amp;L</source>
        <translation>G/V</translation>
    </message>
    <message>
        <source>P&amp;L %</source>
        <translation>G/V %</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewichtung</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>Veränderung 24 h</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown vom Höchststand</translation>
    </message>
    <message>
        <source>vs 30-day high</source>
        <translation>Rückgang vom 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Last price in the base currency %1</source>
        <translation>Letzter Kurs in der Basiswährung %1</translation>
    </message>
    <message>
        <source>Age of the price; stale after three refresh intervals</source>
        <translation>Alter des Kurses; veraltet nach drei Aktualisierungsintervallen</translation>
    </message>
    <message>
        <source>Market value in the base currency %1</source>
        <translation>Marktwert in der Basiswährung %1</translation>
    </message>
    <message>
        <source>Change over 24 hours</source>
        <translation>Veränderung über 24 Stunden</translation>
    </message>
    <message>
        <source>Drop from the 30-day high (calendar days)</source>
        <translation>Rückgang vom 30-Tage-Hoch (Kalendertage)</translation>
    </message>
    <message>
        <source>Drawdown from the all-time high in the stored history</source>
        <translation>Drawdown vom Allzeithoch in der gespeicherten Historie</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Krypto</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Aktie</translation>
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
        <translation>Beispielposition – das Beispielportfolio lässt sich oberhalb der Tabelle mit einem Klick entfernen.</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>Die Änderung wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>PositionsView</name>
    <message>
        <source>&lt;b&gt;Example portfolio.&lt;/b&gt; These positions are a made-up example so you can see how RiskWatch works. Remove them and add or import your own.</source>
        <extracomment>Shown in the position dialog and on demand (header menu); not needed at a glance.</extracomment>
        <translation>&lt;b&gt;Beispielportfolio.&lt;/b&gt; Diese Positionen sind ein erfundenes Beispiel, damit Sie sehen, wie RiskWatch arbeitet. Entfernen Sie sie und legen Sie Ihre eigenen an oder importieren Sie sie.</translation>
    </message>
    <message>
        <source>Remove example portfolio</source>
        <translation>Beispielportfolio entfernen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Delete positions</source>
        <translation>Positionen löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n position(s): %1?</source>
        <translation>
            <numerusform>%n Position löschen: %1?</numerusform>
            <numerusform>%n Positionen löschen: %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n position(s). Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>%n Position gelöscht. Rückgängig mit Strg+Z.</numerusform>
            <numerusform>%n Positionen gelöscht. Rückgängig mit Strg+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n position(s).</source>
        <translation>
            <numerusform>%n Position wiederhergestellt.</numerusform>
            <numerusform>%n Positionen wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n example position(s).</source>
        <translation>
            <numerusform>%n Beispielposition entfernt.</numerusform>
            <numerusform>%n Beispielpositionen entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import positions</source>
        <translation>Positionen importieren</translation>
    </message>
    <message>
        <source>Positions (*.csv *.json);;All files (*)</source>
        <translation>Positionen (*.csv *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n position(s).</source>
        <translation>
            <numerusform>%n Position importiert.</numerusform>
            <numerusform>%n Positionen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import rejected</source>
        <translation>Import abgelehnt</translation>
    </message>
    <message>
        <source>Nothing was imported. Please correct the file and try again.</source>
        <translation>Es wurde nichts importiert. Bitte korrigieren Sie die Datei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>field '%1'</source>
        <translation>Feld „%1“</translation>
    </message>
    <message>
        <source>CSV for Excel (German) (*.csv)</source>
        <translation>CSV für Excel (deutsch) (*.csv)</translation>
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
        <translation>Positionen exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n position(s).</source>
        <translation>
            <numerusform>%n Position exportiert.</numerusform>
            <numerusform>%n Positionen exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>PriceAge</name>
    <message>
        <source>no price</source>
        <extracomment>Price states shown in the warning colour.</extracomment>
        <translation>kein Kurs</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>stale (%1)</source>
        <translation>veraltet (%1)</translation>
    </message>
    <message>
        <source>market closed (%1)</source>
        <translation>Börse geschlossen (%1)</translation>
    </message>
    <message>
        <source>unconfirmed (%1)</source>
        <translation>unbestätigt (%1)</translation>
    </message>
    <message>
        <source>Price is stale: no fresh price for more than three refresh intervals.</source>
        <translation>Kurs veraltet: seit mehr als drei Aktualisierungsintervallen kein neuer Kurs.</translation>
    </message>
    <message>
        <source>The newest quote jumped further than the stored prices and the order book support; it is held back until a second source confirms it. Figures and alerts use the last confirmed price.</source>
        <translation>Der neueste Kurs springt weiter, als die gespeicherten Kurse und das Orderbuch hergeben; er wird zurückgehalten, bis eine zweite Quelle ihn bestätigt. Kennzahlen und Alarme verwenden den letzten bestätigten Kurs.</translation>
    </message>
</context>
<context>
    <name>RegimeStrip</name>
    <message>
        <source>Open the market tab</source>
        <translation>Reiter Marktlage öffnen</translation>
    </message>
    <message>
        <source>Market regime: no figures yet</source>
        <translation>Marktlage: noch keine Zahlen</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Edit rule</source>
        <extracomment>The name a shipped rule shows while the user keeps it ("" for other rules); see name_is_generated.</extracomment>
        <translation>Regel bearbeiten</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation>Hysterese</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>Sperrzeit</translation>
    </message>
    <message>
        <source>e.g. BTC 17 % below its 30-day high</source>
        <translation>z. B. BTC 17 % unter dem 30-Tage-Hoch</translation>
    </message>
    <message>
        <source>e.g. 30 days or 4 hours</source>
        <translation>z. B. 30 Tage oder 4 Stunden</translation>
    </message>
    <message>
        <source>Time window of the metric: a count and a unit, e.g. 30 days or 4 hours</source>
        <translation>Zeitfenster der Kennzahl: Anzahl und Einheit, z. B. 30 Tage oder 4 Stunden</translation>
    </message>
    <message>
        <source>This metric needs a time window such as 30 days or 4 hours.</source>
        <translation>Diese Kennzahl braucht ein Zeitfenster wie 30 Tage oder 4 Stunden.</translation>
    </message>
    <message>
        <source>Enter a count and a unit such as 30 days or 4 hours.</source>
        <translation>Bitte Anzahl und Einheit eingeben, z. B. 30 Tage oder 4 Stunden.</translation>
    </message>
    <message>
        <source>An alert ends only when the value has recovered past the threshold by this much, so it does not flicker</source>
        <translation>Ein Alarm endet erst, wenn sich der Wert um so viel über den Schwellwert hinaus erholt hat – so flackert er nicht</translation>
    </message>
    <message>
        <source>After an alert ended, the same alert fires again only after this time</source>
        <translation>Nach dem Ende eines Alarms wird derselbe Alarm frühestens nach dieser Zeit erneut ausgelöst</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Rule is active</source>
        <translation>Regel ist aktiv</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Aktueller Wert</translation>
    </message>
    <message>
        <source>percentage points</source>
        <translation>Prozentpunkte</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Enter a name (at most 100 characters).</source>
        <translation>Bitte einen Namen eingeben (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>Enter a symbol such as BTC or IREN.</source>
        <translation>Bitte ein Symbol wie BTC oder IREN eingeben.</translation>
    </message>
    <message>
        <source>Unknown symbol '%1'. Known symbols: %2.</source>
        <translation>Unbekanntes Symbol „%1“. Bekannte Symbole: %2.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Bitte eine Zahl eingeben.</translation>
    </message>
    <message>
        <source>Enter a number (0 for none).</source>
        <translation>Bitte eine Zahl eingeben (0 für keine).</translation>
    </message>
    <message>
        <source>Enter 0 or more.</source>
        <translation>Bitte 0 oder mehr eingeben.</translation>
    </message>
    <message>
        <source>Enter less than 100 percentage points.</source>
        <translation>Bitte weniger als 100 Prozentpunkte eingeben.</translation>
    </message>
    <message>
        <source>Enter a number of hours (0 for none).</source>
        <translation>Bitte eine Anzahl Stunden eingeben (0 für keine).</translation>
    </message>
    <message>
        <source>Enter between 0 and %1 hours.</source>
        <translation>Bitte zwischen 0 und %1 Stunden eingeben.</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>Die Regel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>RuleMessages</name>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Enter a value between %1 and %2.</source>
        <translation>Bitte einen Wert zwischen %1 und %2 eingeben.</translation>
    </message>
    <message>
        <source>Enter a value of at least %1.</source>
        <translation>Bitte einen Wert von mindestens %1 eingeben.</translation>
    </message>
    <message>
        <source>Enter a value of at most %1.</source>
        <translation>Bitte einen Wert von höchstens %1 eingeben.</translation>
    </message>
    <message>
        <source>Enter a name (at most 100 characters).</source>
        <translation>Bitte einen Namen eingeben (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>Enter a count and a unit such as 30 days or 4 hours.</source>
        <translation>Bitte Anzahl und Einheit eingeben, z. B. 30 Tage oder 4 Stunden.</translation>
    </message>
    <message>
        <source>Enter a number in the metric's range.</source>
        <translation>Bitte eine Zahl im Wertebereich der Kennzahl eingeben.</translation>
    </message>
    <message>
        <source>Enter 0 or more.</source>
        <translation>Bitte 0 oder mehr eingeben.</translation>
    </message>
    <message>
        <source>Enter between 0 and %1 hours.</source>
        <translation>Bitte zwischen 0 und %1 Stunden eingeben.</translation>
    </message>
    <message>
        <source>The rule is not valid: %1</source>
        <translation>Die Regel ist ungültig: %1</translation>
    </message>
    <message>
        <source>The rule does not fit its escalation group '%1': a more severe rule of the group needs a threshold further in the bad direction, and all rules of a group share metric, window, scope and direction.</source>
        <translation>Die Regel passt nicht zu ihrer Eskalationsgruppe „%1“: Eine schwerere Regel der Gruppe braucht einen Schwellwert weiter in der ungünstigen Richtung, und alle Regeln einer Gruppe teilen Kennzahl, Zeitfenster, Geltungsbereich und Richtung.</translation>
    </message>
    <message>
        <source>The symbol is not known.</source>
        <translation>Das Symbol ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Another rule already uses this key.</source>
        <translation>Eine andere Regel verwendet diesen Schlüssel bereits.</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>Die Regel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>RulePreviewText</name>
    <message>
        <source>– (no data yet)</source>
        <translation>– (noch keine Daten)</translation>
    </message>
    <message>
        <source>– (no asset in this scope has data)</source>
        <translation>– (keine Daten für diesen Geltungsbereich)</translation>
    </message>
    <message>
        <source>As of %1, threshold %2:</source>
        <translation>Stand %1, Schwellwert %2:</translation>
    </message>
    <message>
        <source>%1: – (no data)</source>
        <translation>%1: – (keine Daten)</translation>
    </message>
    <message>
        <source>%1: %2 – would fire</source>
        <translation>%1: %2 – würde auslösen</translation>
    </message>
    <message>
        <source>%1: %2 – would not fire</source>
        <translation>%1: %2 – würde nicht auslösen</translation>
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
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Restore default rules</source>
        <translation>Standardregeln wiederherstellen</translation>
    </message>
    <message>
        <source>Rules could not be loaded</source>
        <translation>Regeln konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Switch the rule on or off</source>
        <translation>Regel ein- oder ausschalten</translation>
    </message>
    <message>
        <source>Rule '%1' saved.</source>
        <translation>Regel „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Delete the rule '%1'? Its active alerts end at the next check.</source>
        <translation>Regel „%1“ löschen? Ihre aktiven Alarme enden bei der nächsten Prüfung.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Rule '%1' deleted.</source>
        <translation>Regel „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Put the shipped rules back to their shipped settings? Deleted default rules come back; your own rules stay.</source>
        <translation>Die mitgelieferten Regeln auf ihre ursprünglichen Einstellungen zurücksetzen? Gelöschte Standardregeln kommen zurück; Ihre eigenen Regeln bleiben erhalten.</translation>
    </message>
    <message>
        <source>Default rules restored.</source>
        <translation>Standardregeln wiederhergestellt.</translation>
    </message>
    <message>
        <source>Rule '%1' switched on.</source>
        <translation>Regel „%1“ eingeschaltet.</translation>
    </message>
    <message>
        <source>Rule '%1' switched off.</source>
        <translation>Regel „%1“ ausgeschaltet.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>default endpoint of the exchange</source>
        <translation>Standard-Adresse der Börse</translation>
    </message>
    <message>
        <source>US dollar (USD)</source>
        <translation>US-Dollar (USD)</translation>
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
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Compare the exchange account's balances with your positions periodically and propose the differences; nothing is changed without your confirmation.</source>
        <translation>Die Bestände des Börsenkontos regelmäßig mit Ihren Positionen vergleichen und Abweichungen vorschlagen; ohne Ihre Bestätigung wird nichts geändert.</translation>
    </message>
    <message>
        <source>Show a notification for warnings and critical alerts</source>
        <translation>Benachrichtigung bei Warnungen und kritischen Alarmen anzeigen</translation>
    </message>
    <message>
        <source>Play a sound for warnings and critical alerts</source>
        <translation>Ton bei Warnungen und kritischen Alarmen abspielen</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>Beim Schließen im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Closing the window keeps monitoring in the tray (where the desktop has one); quit from the tray menu or with Ctrl+Q.</source>
        <translation>Das Schließen des Fensters lässt die Überwachung im Infobereich weiterlaufen (wo der Desktop einen hat); beenden über das Menü im Infobereich oder mit Strg+Q.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>RiskWatch starts when you log in to the desktop, so it is watching even when you forgot to start it.</source>
        <translation>RiskWatch startet, sobald Sie sich am Desktop anmelden, und überwacht so auch dann, wenn Sie das Starten vergessen haben.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>An unacknowledged critical alert is sent to the remote channels again this often (never for warnings or info).</source>
        <translation>Ein nicht quittierter kritischer Alarm wird in diesem Abstand erneut an die entfernten Kanäle gesendet (nie für Warnungen oder Hinweise).</translation>
    </message>
    <message>
        <source>The language changes at once; no restart needed.</source>
        <translation>Die Sprache wechselt sofort; kein Neustart nötig.</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Börse (Handelsplatz)</translation>
    </message>
    <message>
        <source>Exchange endpoint</source>
        <translation>Adresse der Börsen-API</translation>
    </message>
    <message>
        <source>Base currency</source>
        <translation>Basiswährung</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>Aktualisierungsintervall</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Sync from exchange every</source>
        <translation>Abgleich mit der Börse alle</translation>
    </message>
    <message>
        <source>Remind of open critical alerts every</source>
        <translation>Erinnerung an offene kritische Alarme alle</translation>
    </message>
    <message>
        <source>The exchange endpoint must start with http:// or https://.</source>
        <translation>Die Adresse der Börsen-API muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>Der Start beim Anmelden konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>eingeschränkt</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation>Wiedergabe: %1</translation>
    </message>
    <message>
        <source>%1 failing (%2×)</source>
        <translation>%1 fehlgeschlagen (%2×)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n waiting</source>
        <translation>
            <numerusform>%1: %n wartet</numerusform>
            <numerusform>%1: %n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Zustellung: %1</translation>
    </message>
    <message>
        <source>%1: last error %2</source>
        <translation>%1: letzter Fehler %2</translation>
    </message>
    <message>
        <source>See the delivery log in the alert history.</source>
        <translation>Siehe das Zustellprotokoll im Alarmverlauf.</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Krypto</translation>
    </message>
    <message>
        <source>Stocks</source>
        <translation>Aktien</translation>
    </message>
    <message>
        <source>Oldest price: –</source>
        <translation>Ältester Kurs: –</translation>
    </message>
    <message>
        <source>Oldest price: %1</source>
        <translation>Ältester Kurs: %1</translation>
    </message>
    <message>
        <source>(sample data)</source>
        <translation>(Beispieldaten)</translation>
    </message>
    <message>
        <source>The figures rest on prices as old as this.</source>
        <translation>So alt sind die Kurse, auf denen die Zahlen beruhen.</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>veraltet: %1</translation>
    </message>
    <message>
        <source>Stale: %1</source>
        <translation>Veraltet: %1</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 Min.</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 Std.</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>Base currency: %1</source>
        <translation>Basiswährung: %1</translation>
    </message>
</context>
<context>
    <name>StoreMessages</name>
    <message>
        <source>The data store {path} is locked by another process (another RiskWatch window or command). Close it, or wait until it has finished, and start RiskWatch again.</source>
        <translation>Der Datenspeicher {path} ist von einem anderen Prozess gesperrt (einem anderen RiskWatch-Fenster oder -Befehl). Schließen Sie ihn oder warten Sie, bis er fertig ist, und starten Sie RiskWatch erneut.</translation>
    </message>
    <message>
        <source>The disk holding the data store {path} is full; nothing was changed. Free some disk space and try again.</source>
        <translation>Der Datenträger mit dem Datenspeicher {path} ist voll; es wurde nichts geändert. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The data store {path} is read-only: there is no write permission for the file or its folder. Make both writable for your user or choose another folder with --data-dir.</source>
        <translation>Der Datenspeicher {path} ist schreibgeschützt: Für die Datei oder ihren Ordner fehlt die Schreibberechtigung. Machen Sie beide für Ihren Benutzer beschreibbar oder wählen Sie mit --data-dir einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The data store {path} is damaged. A backup made before the last upgrade is {backup}: move the damaged file away and copy the backup in its place.</source>
        <translation>Der Datenspeicher {path} ist beschädigt. Eine Sicherung von vor dem letzten Update liegt unter {backup}: Verschieben Sie die beschädigte Datei und kopieren Sie die Sicherung an ihre Stelle.</translation>
    </message>
    <message>
        <source>The data store {path} is damaged. Move it away to start with an empty store, or put back a copy from your own backup.</source>
        <translation>Der Datenspeicher {path} ist beschädigt. Verschieben Sie die Datei, um mit einem leeren Speicher zu beginnen, oder spielen Sie eine Kopie aus Ihrer eigenen Sicherung zurück.</translation>
    </message>
    <message>
        <source>The data store could not be used: {message}</source>
        <translation>Der Datenspeicher konnte nicht verwendet werden: {message}</translation>
    </message>
    <message>
        <source>{n} damaged row(s) in the data store were skipped: {rows}</source>
        <translation>{n} beschädigte Zeile(n) im Datenspeicher wurden übersprungen: {rows}</translation>
    </message>
</context>
<context>
    <name>StressDialog</name>
    <message>
        <source>Stress test</source>
        <translation>Stresstest</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>Szenario:</translation>
    </message>
    <message>
        <source>BTC shock</source>
        <translation>BTC-Schock</translation>
    </message>
    <message>
        <source>AI trade unwinds: shock QQQ (Nasdaq-100) as well</source>
        <translation>KI-Trade wird aufgelöst: zusätzlich QQQ (Nasdaq-100) schocken</translation>
    </message>
    <message>
        <source>QQQ shock:</source>
        <translation>QQQ-Schock:</translation>
    </message>
    <message>
        <source>Every other asset moves by its 90-day beta to BTC (or the beta you set) times the BTC shock (at most %1). Stablecoins stay unchanged. An asset without a beta is never counted as unchanged: its move is unknown.</source>
        <translation>Jede andere Anlage bewegt sich um ihr 90-Tage-Beta zu BTC (oder das von Ihnen gesetzte Beta) mal den BTC-Schock (höchstens %1). Stablecoins bleiben unverändert. Eine Anlage ohne Beta gilt nie als unverändert: ihre Bewegung ist unbekannt.</translation>
    </message>
    <message>
        <source>Betas and shocks by hand (empty: computed)</source>
        <translation>Betas und Schocks von Hand (leer: berechnet)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Shock</source>
        <translation>Schock</translation>
    </message>
    <message>
        <source>Value before</source>
        <translation>Wert vorher</translation>
    </message>
    <message>
        <source>Value after</source>
        <translation>Wert nachher</translation>
    </message>
    <message>
        <source>P&amp;L</source>
        <translation>G/V</translation>
    </message>
    <message>
        <source>New weight</source>
        <translation>Neue Gewichtung</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Grundlage</translation>
    </message>
    <message>
        <source>Alert rules that would fire</source>
        <translation>Alarmregeln, die auslösen würden</translation>
    </message>
    <message>
        <source>With a QQQ shock, the part through the beta to QQQ is added to the part through the beta to BTC. Historical scenarios apply each asset's worst peak-to-trough move of the period to today's holdings; an asset without data in the period is shocked through its beta to BTC. Drawdown and drop from the 30-day high after the shock: (1 + today's value) × (1 + shock) − 1.</source>
        <translation>Bei einem QQQ-Schock wird der Anteil über das Beta zu QQQ zum Anteil über das Beta zu BTC addiert. Historische Szenarien wenden die schlechteste Bewegung jeder Anlage vom Hoch zum Tief im Zeitraum auf den heutigen Bestand an; eine Anlage ohne Daten im Zeitraum wird über ihr Beta zu BTC geschockt. Drawdown und Rückgang vom 30-Tage-Hoch nach dem Schock: (1 + heutiger Wert) × (1 + Schock) − 1.</translation>
    </message>
    <message>
        <source>BTC shock, passed on by beta</source>
        <translation>BTC-Schock, über Beta weitergegeben</translation>
    </message>
    <message>
        <source>March 2020 (COVID crash)</source>
        <translation>März 2020 (Corona-Crash)</translation>
    </message>
    <message>
        <source>May–June 2022 (Terra, Celsius, 3AC)</source>
        <translation>Mai–Juni 2022 (Terra, Celsius, 3AC)</translation>
    </message>
    <message>
        <source>November 2022 (FTX)</source>
        <translation>November 2022 (FTX)</translation>
    </message>
    <message>
        <source>October–November 2025 (sell-off)</source>
        <translation>Oktober–November 2025 (Ausverkauf)</translation>
    </message>
    <message>
        <source>No positions with prices – nothing to stress.</source>
        <translation>Keine Positionen mit Kursen – nichts zu testen.</translation>
    </message>
    <message>
        <source>Portfolio: %1 → %2, P&amp;L %3 (%4)</source>
        <translation>Portfolio: %1 → %2, G/V %3 (%4)</translation>
    </message>
    <message>
        <source>Period %1 – %2. BTC's worst move in the period: %3.</source>
        <translation>Zeitraum %1 – %2. Schlechteste BTC-Bewegung im Zeitraum: %3.</translation>
    </message>
    <message>
        <source>BTC %1, QQQ %2.</source>
        <translation>BTC %1, QQQ %2.</translation>
    </message>
    <message>
        <source>Beta (set by you)</source>
        <translation>Beta (von Ihnen gesetzt)</translation>
    </message>
    <message>
        <source>Portfolio: not available – no beta for %1 (%2 of the portfolio), their move is unknown. Without them: %3 → %4, P&amp;L %5 (%6). Set a beta for them under “%7” to include them.</source>
        <translation>Portfolio: nicht verfügbar – kein Beta für %1 (%2 des Portfolios), ihre Bewegung ist unbekannt. Ohne sie: %3 → %4, G/V %5 (%6). Setzen Sie unter „%7“ ein Beta, um sie einzubeziehen.</translation>
    </message>
    <message>
        <source>Not judged for %1 and the portfolio: their move is unknown (no beta).</source>
        <translation>Nicht beurteilt für %1 und das Portfolio: ihre Bewegung ist unbekannt (kein Beta).</translation>
    </message>
    <message>
        <source>No rule would fire.</source>
        <translation>Keine Regel würde auslösen.</translation>
    </message>
    <message>
        <source>fires already now</source>
        <translation>löst bereits jetzt aus</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwellwert %1</translation>
    </message>
    <message>
        <source>own worst move in the period</source>
        <translation>eigene schlechteste Bewegung im Zeitraum</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>no data in the period – through beta to BTC (%1)</source>
        <translation>keine Daten im Zeitraum – über Beta zu BTC (%1)</translation>
    </message>
    <message>
        <source>through beta to BTC (%1)</source>
        <translation>über Beta zu BTC (%1)</translation>
    </message>
    <message>
        <source>through beta to QQQ (%1)</source>
        <translation>über Beta zu QQQ (%1)</translation>
    </message>
    <message>
        <source>through betas to BTC (%1) and QQQ (%2)</source>
        <translation>über Betas zu BTC (%1) und QQQ (%2)</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>stablecoin – unchanged</source>
        <translation>Stablecoin – unverändert</translation>
    </message>
    <message>
        <source>no data in the period and no beta – move unknown, left out of the portfolio's result</source>
        <translation>keine Daten im Zeitraum und kein Beta – Bewegung unbekannt, nicht im Portfolioergebnis</translation>
    </message>
    <message>
        <source>no beta – move unknown, left out of the portfolio's result</source>
        <translation>kein Beta – Bewegung unbekannt, nicht im Portfolioergebnis</translation>
    </message>
    <message>
        <source>through %1 to BTC (%2) and beta to QQQ (%3)</source>
        <translation>über %1 zu BTC (%2) und Beta zu QQQ (%3)</translation>
    </message>
    <message>
        <source>no data in the period – through %1 to BTC (%2)</source>
        <translation>keine Daten im Zeitraum – über %1 zu BTC (%2)</translation>
    </message>
    <message>
        <source>through %1 to BTC (%2)</source>
        <translation>über %1 zu BTC (%2)</translation>
    </message>
    <message>
        <source>(no beta to QQQ)</source>
        <translation>(kein Beta zu QQQ)</translation>
    </message>
    <message>
        <source>(no beta to BTC)</source>
        <translation>(kein Beta zu BTC)</translation>
    </message>
    <message>
        <source>(capped at %1)</source>
        <translation>(auf %1 begrenzt)</translation>
    </message>
    <message>
        <source>(data cover only part of the period)</source>
        <translation>(Daten decken nur einen Teil des Zeitraums ab)</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Fetching the balances from %1…</source>
        <extracomment>the SyncPlan that was applied the plan arrived (or was handed in)</extracomment>
        <translation>Guthaben werden von %1 abgerufen …</translation>
    </message>
    <message>
        <source>The balances of %1 could not be fetched.</source>
        <translation>Die Guthaben bei %1 konnten nicht abgerufen werden.</translation>
    </message>
    <message>
        <source>Crypto</source>
        <translation>Krypto</translation>
    </message>
    <message>
        <source>Stablecoin</source>
        <translation>Stablecoin</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Aktie</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message numerus="yes">
        <source>Added (%n)</source>
        <translation>
            <numerusform>Hinzugefügt (%n)</numerusform>
            <numerusform>Hinzugefügt (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed (%n)</source>
        <translation>
            <numerusform>Geändert (%n)</numerusform>
            <numerusform>Geändert (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed (%n)</source>
        <translation>
            <numerusform>Entfernt (%n)</numerusform>
            <numerusform>Entfernt (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The positions of %1 are up to date (%n position(s)).</source>
        <translation>
            <numerusform>Die Positionen von %1 sind aktuell (%n Position).</numerusform>
            <numerusform>Die Positionen von %1 sind aktuell (%n Positionen).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reports balances that differ from your positions in the account "%2". Apply these changes?</source>
        <translation>%1 meldet Guthaben, die von Ihren Positionen im Konto „%2“ abweichen. Diese Änderungen übernehmen?</translation>
    </message>
    <message>
        <source>New positions get a cost basis of 0; edit it to see profit and loss.</source>
        <translation>Neue Positionen erhalten einen Einstandskurs von 0; tragen Sie ihn ein, um Gewinn/Verlust (G/V) zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) unchanged.</source>
        <translation>
            <numerusform>%n Position unverändert.</numerusform>
            <numerusform>%n Positionen unverändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped (not a position symbol): %1</source>
        <translation>Übersprungen (kein Positionssymbol): %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sync from exchange</source>
        <translation>Von der Börse abgleichen</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Quantity before</source>
        <translation>Menge vorher</translation>
    </message>
    <message>
        <source>Quantity after</source>
        <translation>Menge nachher</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>Änderungen &amp;übernehmen</translation>
    </message>
    <message>
        <source>The changes could not be applied; nothing was changed. %1</source>
        <translation>Die Änderungen konnten nicht übernommen werden; es wurde nichts geändert. %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Show</source>
        <extracomment>True when monitoring was paused from the tray menu, False when it was resumed. The window was hidden into the tray instead of closing.</extracomment>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Pause monitoring</source>
        <translation>Überwachung &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message numerus="yes">
        <source>RiskWatch – %n open alert(s)</source>
        <translation>
            <numerusform>RiskWatch – %n offener Alarm</numerusform>
            <numerusform>RiskWatch – %n offene Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>RiskWatch – no open alert</source>
        <translation>RiskWatch – kein offener Alarm</translation>
    </message>
    <message>
        <source>Monitoring paused</source>
        <translation>Überwachung pausiert</translation>
    </message>
    <message>
        <source>RiskWatch keeps running</source>
        <translation>RiskWatch läuft weiter</translation>
    </message>
    <message>
        <source>Monitoring continues in the tray. Quit from the tray menu; switch this off in the settings (Keep running in the tray when closed).</source>
        <translation>Die Überwachung läuft im Infobereich weiter. Beenden über das Menü im Infobereich; abschalten in den Einstellungen (Beim Schließen im Infobereich weiterlaufen).</translation>
    </message>
</context>
</TS>