"""Fakes for tests: loopback servers that speak a real service's dialect (see fake_kraken.py)."""
