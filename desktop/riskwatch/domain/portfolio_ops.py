"""Pure rules for changing a set of positions (imports, replacement, example portfolio)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from riskwatch.domain.errors import InputError, Problem
from riskwatch.domain.model import Position


@dataclass(frozen=True)
class ImportPlan:
    """What an import will do: positions to add, or (replace=True) the complete new set."""

    positions: tuple[Position, ...]
    replace: bool


def plan_import(existing: Sequence[Position], rows: Sequence[tuple[int | None, Position]], *,
                replace: bool, source: str | None = None) -> ImportPlan:
    """Check an import against the positions already held.

    Without ``replace`` a symbol+account already held is an error (every such line is listed);
    with ``replace`` the file becomes the complete set of positions.
    """
    if not replace:
        held = {p.key for p in existing}
        problems = [Problem(line, "symbol", f"{pos.symbol} in account '{pos.account}' is already held; "
                                            "remove it first or import with --replace")
                    for line, pos in rows if pos.key in held]
        if problems:
            raise InputError(source, problems)
    return ImportPlan(tuple(pos for _, pos in rows), replace)
