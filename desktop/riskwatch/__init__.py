"""RiskWatch: a local desktop risk monitor for Bitcoin and bitcoin-miner stocks."""

__version__ = "0.1.0"
