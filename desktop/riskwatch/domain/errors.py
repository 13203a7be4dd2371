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


class InputError(RiskWatchError):
    """Bad user input (a file, a value). Carries every problem found, not just the first."""

    def __init__(self, source: str | None, problems: list[Problem] | tuple[Problem, ...]):
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        if len(self.problems) == 1:
            return self.problems[0].describe(self.source)
        head = f"{self.source}: {len(self.problems)} problems" if self.source else f"{len(self.problems)} problems"
        return head + "\n" + "\n".join("  " + p.describe() for p in self.problems)

    @classmethod
    def single(cls, message: str, *, source: str | None = None, line: int | None = None,
               field: str | None = None) -> InputError:
        return cls(source, [Problem(line, field, message)])


class StoreError(RiskWatchError):
    """The local store could not be opened, migrated, read or written."""


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
