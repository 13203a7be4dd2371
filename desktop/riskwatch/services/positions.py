"""Position use cases shared by the GUI and the command line."""

from __future__ import annotations

from collections.abc import Sequence

from riskwatch.domain.model import Position
from riskwatch.domain.portfolio_ops import plan_import
from riskwatch.domain.ports import Store

EXAMPLE_SEEDED_KEY = "example_portfolio_seeded"


def import_positions(store: Store, rows: Sequence[tuple[int | None, Position]], *, replace: bool = False,
                     source: str | None = None) -> list[Position]:
    """Add (or with ``replace``, replace all) positions in one transaction; all or nothing.

    Raises InputError listing every conflicting line; the store is unchanged then.
    """
    plan = plan_import(store.list_positions(), rows, replace=replace, source=source)
    if plan.replace:
        return store.replace_positions(plan.positions)
    return store.add_positions(plan.positions)


def seed_example_portfolio(store: Store, example: Sequence[Position]) -> bool:
    """Seed the example portfolio when the store has no positions and was never seeded before.

    Only the desktop app calls this; command-line calls never seed. Returns True when seeded.
    """
    if store.list_positions() or store.get_setting(EXAMPLE_SEEDED_KEY) == "1":
        return False
    marked = [Position(p.asset, p.quantity, p.cost_basis, p.account, p.note, None, True) for p in example]
    store.add_positions(marked)
    store.set_setting(EXAMPLE_SEEDED_KEY, "1")
    return True


def remove_example_portfolio(store: Store) -> int:
    """Delete every example position in one action; returns how many were removed."""
    return store.delete_example_positions()


def restore_positions(store: Store, positions: Sequence[Position]) -> list[Position]:
    """Undo of a delete: add the deleted positions back, exactly as they were (new ids), all or nothing."""
    return store.add_positions([Position(p.asset, p.quantity, p.cost_basis, p.account, p.note, None, p.is_example)
                                for p in positions])
