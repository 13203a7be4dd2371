"""What a basket is, without the numbers: its code, constituents and weights (cheap to import: the window and the
rule editor read the codes while the figures' numpy code is not loaded yet). The figures: ``domain.baskets``."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from riskwatch.domain.model import AssetKind

CD20 = "CD20"
MINER_BASKET = "MINER_BASKET"
BASKET_CODES = (CD20, MINER_BASKET)
#: the nine listed miners, in the order the app lists them
LISTED_MINERS = ("IREN", "WULF", "CORZ", "CLSK", "BITF", "MARA", "RIOT", "HUT", "CIFR")
#: the miner basket holds the user's miners ("held"; the nine listed ones while none is held) or all nine
MINER_MODES = ("held", "listed")

@dataclass(frozen=True)
class Basket:
    """A basket definition: ``weights`` as ``(symbol, weight)`` in any positive scale (percent from a factsheet),
    renormalised over the constituents with a price. ``kind``: CRYPTO (24/7, 365 periods a year) or EQUITY.
    ``as_of``: the factsheet's date; ``origin``: "factsheet", "user", "held" or "listed"."""

    code: str
    weights: tuple[tuple[str, float], ...]
    kind: AssetKind = AssetKind.CRYPTO
    as_of: date | None = None
    origin: str = "factsheet"

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for sym, w in self.weights:
            if sym in seen:
                raise ValueError(f"basket {self.code}: {sym} is listed twice")
            if not (isinstance(w, (int, float)) and math.isfinite(w) and w > 0):
                raise ValueError(f"basket {self.code}: the weight of {sym} must be a positive number, got {w!r}")
            seen.add(sym)
        if not self.weights:
            raise ValueError(f"basket {self.code} has no constituents")

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(s for s, _ in self.weights)


def miner_basket(held_symbols: Iterable[str], mode: str = "held") -> Basket:
    """Equal weights of the held miners (mode "held"; the nine listed ones while none is held) or of the nine."""
    held = [s for s in LISTED_MINERS if s in set(held_symbols)]
    chosen = held if mode == "held" and held else list(LISTED_MINERS)
    origin = "held" if mode == "held" and held else "listed"
    return Basket(MINER_BASKET, tuple((s, 1.0) for s in chosen), AssetKind.EQUITY, origin=origin)



__all__ = ["BASKET_CODES", "CD20", "LISTED_MINERS", "MINER_BASKET", "MINER_MODES", "Basket", "miner_basket"]
