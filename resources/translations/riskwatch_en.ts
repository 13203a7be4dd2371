<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Positions</source>
        <translation>Positions</translation>
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
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About RiskWatch</source>
        <translation>&amp;About RiskWatch</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n position</numerusform>
            <numerusform>%n positions</numerusform>
        </translation>
    </message>
    <message>
        <source>About RiskWatch</source>
        <translation>About RiskWatch</translation>
    </message>
    <message>
        <source>&lt;b&gt;RiskWatch %1&lt;/b&gt;&lt;p&gt;A local risk monitor for Bitcoin and bitcoin-miner stocks.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RiskWatch %1&lt;/b&gt;&lt;p&gt;A local risk monitor for Bitcoin and bitcoin-miner stocks.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</translation>
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
    <message>
        <source>%1: enter a number such as 0.5 or 1,234.56.</source>
        <translation>%1: enter a number such as 0.5 or 1,234.56.</translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1 must not be negative.</translation>
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
        <source>Export positions</source>
        <translation>Export positions</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
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
</TS>