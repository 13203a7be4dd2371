<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>MainWindow</name>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
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
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About RiskWatch</source>
        <translation>Ü&amp;ber RiskWatch</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation><numerusform>%n Position</numerusform><numerusform>%n Positionen</numerusform></translation>
    </message>
    <message>
        <source>About RiskWatch</source>
        <translation>Über RiskWatch</translation>
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
        <translation><numerusform>%n Position löschen: %1?</numerusform><numerusform>%n Positionen löschen: %1?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n example position(s).</source>
        <translation><numerusform>%n Beispielposition entfernt.</numerusform><numerusform>%n Beispielpositionen entfernt.</numerusform></translation>
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
        <translation><numerusform>%n Position importiert.</numerusform><numerusform>%n Positionen importiert.</numerusform></translation>
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
        <translation><numerusform>%n Position exportiert.</numerusform><numerusform>%n Positionen exportiert.</numerusform></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
</TS>