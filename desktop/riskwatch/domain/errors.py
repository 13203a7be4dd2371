"""The handful of domain errors adapters translate library failures into."""

from __future__ import annotations

from dataclasses import dataclass


class RiskWatchError(Exception):
    """Base class of every error the application reports to a user."""


@dataclass(frozen=True)
class Problem:
    """One offending spot in an input: file, line (1-based, header = 1), field, what was expected."""

    line: int | None
    field: str | None
    message: str

    def describe(self, source: str | None = None) -> str:
        parts = []
        if source:
            parts.append(str(source))
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field '{self.field}'")
        where = ", ".join(parts)
        return f"{where}: {self.message}" if where else self.message


#: An InputError lists at most this many problems and counts the rest ("… and 12 more").
MAX_LISTED_PROBLEMS = 50


class InputError(RiskWatchError):
    """Bad user input (a file, a value). Carries every problem found (the first MAX_LISTED_PROBLEMS of
    them, and in ``more`` how many others there were), not just the first."""

    def __init__(self, source: str | None, problems: list[Problem] | tuple[Problem, ...], *, more: int = 0):
        problems = tuple(problems)
        self.source = source
        self.problems = problems[:MAX_LISTED_PROBLEMS]
        self.more = more + len(problems) - len(self.problems)
        super().__init__(self._text())

    def _text(self) -> str:
        total = len(self.problems) + self.more
        if total == 1:
            return self.problems[0].describe(self.source)
        head = f"{self.source}: {total} problems" if self.source else f"{total} problems"
        tail = [f"  … and {self.more} more"] if self.more else []
        return head + "\n" + "\n".join(["  " + p.describe() for p in self.problems] + tail)

    @classmethod
    def single(cls, message: str, *, source: str | None = None, line: int | None = None,
               field: str | None = None) -> InputError:
        return cls(source, [Problem(line, field, message)])


class StoreError(RiskWatchError):
    """The local store could not be opened, migrated, read or written."""

    #: what went wrong, for a translated message: "store" (generic), "locked", "full", "read_only", "damaged"
    code = "store"

    def __init__(self, message: str, *, path: str | None = None, detail: str = "", backup: str | None = None):
        self.path = path
        self.detail = detail
        self.backup = backup
        super().__init__(message)


class StoreLocked(StoreError):
    """Another process holds a write lock on the store for longer than the busy timeout."""

    code = "locked"


class StoreFull(StoreError):
    """The disk (or file system quota) holding the store is full; the change was rolled back."""

    code = "full"


class StoreReadOnly(StoreError):
    """The store file or its directory is not writable."""

    code = "read_only"


class StoreDamaged(StoreError):
    """The store file is not a database, has damaged pages or misses a table; ``backup`` names a backup."""

    code = "damaged"


@dataclass(frozen=True)
class DamagedRow:
    """A stored row that could not be read back (skipped, never fatal): table, row id, field, what is wrong."""

    table: str
    row_id: object
    field: str | None
    message: str

    def describe(self) -> str:
        where = f"{self.table} row {self.row_id}" + (f", field '{self.field}'" if self.field else "")
        return f"{where}: {self.message}; the row was skipped"


class DataUnavailable(RiskWatchError):
    """A market-data source could not deliver (network, exchange down, empty answer)."""


class RateLimited(DataUnavailable):
    """The source asked us to slow down."""


class BadSymbol(RiskWatchError):
    """The source does not know this symbol (a per-asset error, not retried in a hot loop)."""


class InvalidData(RiskWatchError):
    """The source answered, but the answer failed validation (None, zero, negative, non-finite, spike)."""


class SecretStoreUnavailable(RiskWatchError):
    """No secure OS keyring is available."""


class AuthenticationFailed(RiskWatchError):
    """The exchange rejected the API key (wrong key, wrong secret, missing permission, clock skew)."""

    def __init__(self, reason: str, message: str = ""):
        self.reason = reason  # "authentication" | "permission" | "clock" | "unreachable"
        super().__init__(message or reason)
