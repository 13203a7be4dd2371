"""The user's settings, typed, read from and saved to the store (never secrets)."""

from __future__ import annotations

from dataclasses import dataclass

EXCHANGES = ("kraken", "binance", "coinbase", "bitstamp")
BASE_CURRENCIES = ("USD", "EUR")
LANGUAGES = ("system", "de", "en")
MIN_REFRESH_S, MAX_REFRESH_S = 5, 3600


@dataclass(frozen=True)
class AppSettings:
    exchange: str = "kraken"
    exchange_api_url: str = ""
    base_currency: str = "USD"
    refresh_interval_s: int = 15
    language: str = "system"
    tray_notifications: bool = True
    alert_sound: bool = True
    account_sync_interval_min: int = 0  # 0 = off; else compare exchange balances with positions periodically
    close_to_tray: bool = True  # closing the window keeps monitoring in the tray (when the desktop has one)
    # Not in the settings dialog: the tray said once that closing keeps it running (gui/tray.py).
    tray_hint_shown: bool = False
    reminder_minutes: int = 60  # an unacknowledged critical alert is sent again this often (0 = never)
    # Not in the settings dialog: set in the store by hand; RISKWATCH_DERIVATIVES_API_URL wins over it.
    derivatives_api_url: str = ""

    def validate(self) -> list[tuple[str, str]]:
        """(field, problem) pairs; empty when valid."""
        out = []
        if self.exchange not in EXCHANGES:
            out.append(("exchange", f"unknown exchange '{self.exchange}'"))
        if self.base_currency not in BASE_CURRENCIES:
            out.append(("base_currency", f"base currency must be one of {', '.join(BASE_CURRENCIES)}"))
        if not (MIN_REFRESH_S <= self.refresh_interval_s <= MAX_REFRESH_S):
            out.append(("refresh_interval_s", f"refresh interval must be {MIN_REFRESH_S}–{MAX_REFRESH_S} s"))
        if self.language not in LANGUAGES:
            out.append(("language", f"language must be one of {', '.join(LANGUAGES)}"))
        if not (0 <= self.account_sync_interval_min <= 24 * 60):
            out.append(("account_sync_interval_min", "the sync interval must be 0 (off) to 1440 minutes"))
        if not (0 <= self.reminder_minutes <= 24 * 60):
            out.append(("reminder_minutes", "the reminder interval must be 0 (off) to 1440 minutes"))
        if self.exchange_api_url and not self.exchange_api_url.startswith(("http://", "https://")):
            out.append(("exchange_api_url", "the endpoint must start with http:// or https://"))
        return out


_NOT_IN_DIALOG = ("derivatives_api_url", "tray_hint_shown")


def _bool(text: str | None, default: bool) -> bool:
    if text is None:
        return default
    return text.strip().lower() in ("1", "true", "yes", "on")


def _int(text: str | None, default: int) -> int:
    try:
        return int(float(text)) if text is not None else default
    except ValueError:
        return default


def load_settings(store) -> AppSettings:
    d = AppSettings()
    get = store.get_setting
    try:
        refresh = int(float(get("refresh_interval_s", str(d.refresh_interval_s)) or d.refresh_interval_s))
    except ValueError:
        refresh = d.refresh_interval_s
    s = AppSettings(
        exchange=(get("exchange", d.exchange) or d.exchange).lower(),
        exchange_api_url=get("exchange_api_url", "") or "",
        base_currency=(get("base_currency", d.base_currency) or d.base_currency).upper(),
        refresh_interval_s=min(max(refresh, MIN_REFRESH_S), MAX_REFRESH_S),
        language=get("language", d.language) or d.language,
        tray_notifications=_bool(get("tray_notifications"), d.tray_notifications),
        alert_sound=_bool(get("alert_sound"), d.alert_sound),
        account_sync_interval_min=_int(get("account_sync_interval_min"), d.account_sync_interval_min),
        close_to_tray=_bool(get("close_to_tray"), d.close_to_tray),
        tray_hint_shown=_bool(get("tray_hint_shown"), d.tray_hint_shown),
        reminder_minutes=_int(get("reminder_minutes"), d.reminder_minutes),
        derivatives_api_url=(get("derivatives_api_url", "") or "").strip(),
    )
    bad = {f for f, _ in s.validate()}
    if bad:  # a hand-edited store must not break the app: fall back per field
        s = AppSettings(**{k: (getattr(d, k) if k in bad else getattr(s, k)) for k in d.__dataclass_fields__})
    return s


def save_settings(store, settings: AppSettings) -> None:
    problems = settings.validate()
    if problems:
        raise ValueError("; ".join(p for _, p in problems))
    for key in settings.__dataclass_fields__:
        value = getattr(settings, key)
        if key in _NOT_IN_DIALOG and not value:
            continue  # the settings dialog builds AppSettings without it: saving must not erase a stored value
        store.set_setting(key, ("1" if value else "0") if isinstance(value, bool) else str(value))
