<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>AlertHistoryView</name>
    <message>
        <source>Time</source>
        <extracomment>At most this many events are loaded at once (the newest). A short confirmation for the status bar (exports).</extracomment>
        <translation>Zeit</translation>
    </message>
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
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
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
        <extracomment>Metrics whose values are fractions (−0.17 = 17 % down): shown and entered in percent. Metrics whose values are seconds: shown in minutes / hours, entered in minutes. The metrics the rule editor offers, in this order (a stored rule may use another code; it is kept). (background, foreground) of a severity cell: info blue, warning amber, critical red.</extracomment>
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
        <source>Drop from trailing high</source>
        <translation>Rückgang vom Hoch</translation>
    </message>
    <message>
        <source>Drawdown from peak</source>
        <translation>Drawdown vom Höchststand</translation>
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
        <source>Value at Risk (VaR) 95 %</source>
        <translation>Value at Risk (VaR) 95 %</translation>
    </message>
    <message>
        <source>Value at Risk (VaR) 99 %</source>
        <translation>Value at Risk (VaR) 99 %</translation>
    </message>
    <message>
        <source>Expected Shortfall (CVaR) 95 %</source>
        <translation>Expected Shortfall (CVaR) 95 %</translation>
    </message>
    <message>
        <source>Expected Shortfall (CVaR) 99 %</source>
        <translation>Expected Shortfall (CVaR) 99 %</translation>
    </message>
    <message>
        <source>Stale price</source>
        <translation>Kurs veraltet</translation>
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
        <source>Open interest change 24 h</source>
        <translation>Veränderung Open Interest 24 h</translation>
    </message>
    <message>
        <source>Volume ratio</source>
        <translation>Volumenverhältnis</translation>
    </message>
    <message>
        <source>Drop from %1-day high</source>
        <translation>Rückgang vom %1-Tage-Hoch</translation>
    </message>
    <message numerus="yes">
        <source>Return over %n day(s)</source>
        <translation>
            <numerusform>Rendite über %n Tag</numerusform>
            <numerusform>Rendite über %n Tage</numerusform>
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
        <extracomment>Event kinds that (for warning / critical alerts) bring the window up. Number of alerts needing attention, after every refresh (for a status bar or tray tooltip). tuple[AlertEvent, ...] that made the window pop up (emitted after show / raise / activate). time.perf_counter() right after the latest pop-up (show / raise / activate); for the latency benchmark.</extracomment>
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
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alert window – RiskWatch</source>
        <translation>Alarmfenster – RiskWatch</translation>
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
    <name>DashboardView</name>
    <message>
        <source>Portfolio value</source>
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
        <source>mean of the worst 5 % of days</source>
        <translation>Mittel der schlechtesten 5 % der Tage</translation>
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
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>No price for: %1</source>
        <translation>Kein Kurs für: %1</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Alert history</source>
        <translation>Alarmverlauf</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
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
        <source>Bundled price history for offline use: %1</source>
        <translation>Mitgelieferte Kurshistorie für den Offline-Betrieb: %1</translation>
    </message>
    <message>
        <source>About RiskWatch</source>
        <translation>Über RiskWatch</translation>
    </message>
    <message>
        <source>Offline – prices as of %1</source>
        <translation>Offline – Kurse vom %1</translation>
    </message>
    <message>
        <source>(partly from the bundled history)</source>
        <translation>(teils aus der mitgelieferten Historie)</translation>
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
    <message>
        <source>%1: enter a number such as 0.5 or 1,234.56.</source>
        <translation>%1: Bitte eine Zahl wie 0,5 oder 1.234,56 eingeben.</translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1 darf nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>PositionsTableModel</name>
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
        <translation>zum 30-Tage-Hoch</translation>
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
        <source>Price is stale: no fresh price for more than three refresh intervals.</source>
        <translation>Kurs veraltet: seit mehr als drei Aktualisierungsintervallen kein neuer Kurs.</translation>
    </message>
    <message>
        <source>no price</source>
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
        <source>The change was not saved: %1</source>
        <translation>Die Änderung wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>PositionsView</name>
    <message>
        <source>&lt;b&gt;Example portfolio.&lt;/b&gt; These positions are a made-up example so you can see how RiskWatch works. Remove them and add or import your own.</source>
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
        <source>Export positions</source>
        <translation>Positionen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
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
    <name>RuleDialog</name>
    <message>
        <source>Edit rule</source>
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
        <source>e.g. 30D (days) or 4H (hours)</source>
        <translation>z. B. 30D (Tage) oder 4H (Stunden)</translation>
    </message>
    <message>
        <source>Time window of the metric: a count and a unit, e.g. 30D or 4H</source>
        <translation>Zeitfenster der Kennzahl: Anzahl und Einheit, z. B. 30D oder 4H</translation>
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
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Enter a name (at most 100 characters).</source>
        <translation>Bitte einen Namen eingeben (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>This metric needs a time window such as 30D (days) or 4H (hours).</source>
        <translation>Diese Kennzahl braucht ein Zeitfenster wie 30D (Tage) oder 4H (Stunden).</translation>
    </message>
    <message>
        <source>Enter a count and a unit such as 30D (days) or 4H (hours).</source>
        <translation>Bitte Anzahl und Einheit eingeben, z. B. 30D (Tage) oder 4H (Stunden).</translation>
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
        <source>Enter a number in the metric's range.</source>
        <translation>Bitte eine Zahl im Wertebereich der Kennzahl eingeben.</translation>
    </message>
    <message>
        <source>The rule is not valid: %1</source>
        <translation>Die Regel ist ungültig: %1</translation>
    </message>
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
    <message>
        <source>The rule was not saved: %1</source>
        <translation>Die Regel wurde nicht gespeichert: %1</translation>
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
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Name</source>
        <extracomment>The rule set changed (saved, deleted, restored, switched on/off). A short confirmation for the status bar.</extracomment>
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
        <source>Show a notification for warnings and critical alerts</source>
        <translation>Benachrichtigung bei Warnungen und kritischen Alarmen anzeigen</translation>
    </message>
    <message>
        <source>Play a sound for warnings and critical alerts</source>
        <translation>Ton bei Warnungen und kritischen Alarmen abspielen</translation>
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
        <source>The exchange endpoint must start with http:// or https://.</source>
        <translation>Die Adresse der Börsen-API muss mit http:// oder https:// beginnen.</translation>
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
        <source>Crypto</source>
        <translation>Krypto</translation>
    </message>
    <message>
        <source>Stocks</source>
        <translation>Aktien</translation>
    </message>
    <message>
        <source>Newest price: –</source>
        <translation>Neuester Kurs: –</translation>
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
        <source>Newest price: %1</source>
        <translation>Neuester Kurs: %1</translation>
    </message>
    <message>
        <source>Base currency: %1</source>
        <translation>Basiswährung: %1</translation>
    </message>
</context>
</TS>