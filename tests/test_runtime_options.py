"""Runtime options: every RISKWATCH_ variable is declared in riskwatch/options.py and read only through it."""

import re
from argparse import Namespace
from pathlib import Path

import pytest

from riskwatch import paths
from riskwatch.adapters.keyring_secrets import EnvSecretStore, SecretResolver
from riskwatch.i18n import cli_language
from riskwatch.options import EXCHANGE_SECRET_SUFFIXES, EXCHANGE_SECRET_TEMPLATE, RuntimeOptions, options_of

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "riskwatch"
OPTIONS_FILE = PACKAGE / "options.py"
NAME = re.compile(r"RISKWATCH_(?:[A-Z0-9_]|<[A-Z]+>|\{[^}\n]*\})*")
# A variable read straight from the process environment (or an environ mapping) outside the options module.
ENV_READ = re.compile(r"os\.environ|os\.getenv|\bgetenv\(|\benviron\s*(?:\.get\(|\[)")
SECRET_SUFFIX = "(?:" + "|".join(EXCHANGE_SECRET_SUFFIXES.values()) + ")"
SECRET_NAME = re.compile(r"RISKWATCH_(?:[A-Z0-9]+|<EXCHANGE>|\{[^}]+\})_" + SECRET_SUFFIX)


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path != OPTIONS_FILE:
            yield path, path.read_text(encoding="utf-8")


def _declared_names() -> set[str]:
    return {o.name for o in RuntimeOptions.declared()}


def _is_declared(name: str) -> bool:
    name = name.rstrip("_")
    if name in _declared_names():
        return True
    # the per-exchange key variables (RISKWATCH_KRAKEN_API_KEY, f"RISKWATCH_{ex.upper()}_SECRET", the
    # <EXCHANGE> form in docs) are one declared template; a bare "RISKWATCH_<EXCHANGE>" prefix before
    # ``_SECRET`` in prose is the same template
    return bool(SECRET_NAME.fullmatch(name)) or name in ("RISKWATCH_<EXCHANGE>",)


def test_every_riskwatch_variable_in_the_package_is_declared_in_the_options_module():
    seen, undeclared = set(), []
    for path, text in _sources():
        for m in NAME.finditer(text):
            seen.add(m.group())
            if not _is_declared(m.group()):
                line = text.count("\n", 0, m.start()) + 1
                undeclared.append(f"{path.relative_to(PACKAGE)}:{line}: {m.group()}")
    assert not undeclared, "declare these in riskwatch/options.py:\n" + "\n".join(undeclared)
    assert "RISKWATCH_DATA_DIR" in seen  # the scan itself works


def test_only_the_options_module_reads_the_environment():
    readers = [f"{path.relative_to(PACKAGE)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()}"
               for path, text in _sources() for m in ENV_READ.finditer(text)]
    assert not readers, "read runtime options through riskwatch.options.RuntimeOptions:\n" + "\n".join(readers)


def test_each_option_is_declared_once_with_a_type_default_and_description():
    options = RuntimeOptions.declared()
    names = [o.name for o in options]
    assert len(names) == len(set(names)) and all(n.startswith("RISKWATCH_") for n in names)
    assert all(o.description and callable(o.parse) for o in options)
    assert {"RISKWATCH_DATA_DIR", "RISKWATCH_STARTUP_PROBE", "RISKWATCH_EXIT_AFTER_MS", "RISKWATCH_OFFLINE"} <= set(names)
    assert RuntimeOptions.data_dir.cli_flag == "--data-dir"
    assert EXCHANGE_SECRET_TEMPLATE.startswith("RISKWATCH_<EXCHANGE>_")


def test_values_are_typed_and_read_from_the_given_mapping_only(tmp_path):
    empty = RuntimeOptions({})
    assert (empty.data_dir, empty.busy_timeout_s, empty.exit_after_ms) == (None, None, None)
    assert not (empty.offline or empty.inprocess_report or empty.startup_probe or empty.csv_equity_prices)
    env = {"RISKWATCH_DATA_DIR": str(tmp_path), "RISKWATCH_BUSY_TIMEOUT_S": "0.25", "RISKWATCH_EXIT_AFTER_MS": "300",
           "RISKWATCH_OFFLINE": "1", "RISKWATCH_INPROCESS_REPORT": "true", "RISKWATCH_STARTUP_PROBE": "1",
           "RISKWATCH_EQUITY_SOURCE": " CSV ", "RISKWATCH_DERIVATIVES_API_URL": " http://127.0.0.1:9 "}
    o = RuntimeOptions(env)
    assert o.data_dir == tmp_path and o.busy_timeout_s == 0.25 and o.exit_after_ms == 300
    assert o.offline and o.inprocess_report and o.startup_probe and o.csv_equity_prices
    assert o.derivatives_api_url == "http://127.0.0.1:9"
    env["RISKWATCH_OFFLINE"] = "0"  # read on access: no copy is kept
    assert o.offline is False


def test_a_malformed_value_falls_back_to_the_default_with_a_warning(caplog):
    o = RuntimeOptions({"RISKWATCH_BUSY_TIMEOUT_S": "soon", "RISKWATCH_EXIT_AFTER_MS": "3s"})
    assert o.busy_timeout_s is None and o.exit_after_ms is None
    assert "RISKWATCH_BUSY_TIMEOUT_S" in caplog.text and "RISKWATCH_EXIT_AFTER_MS" in caplog.text


def test_the_entry_points_options_travel_on_args_and_win_over_the_process_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("RISKWATCH_DATA_DIR", str(tmp_path / "from-process"))
    injected = RuntimeOptions({"RISKWATCH_DATA_DIR": str(tmp_path / "injected")})
    assert options_of(Namespace(options=injected)) is injected
    assert paths.data_dir(None, injected) == tmp_path / "injected"
    assert paths.data_dir(tmp_path / "explicit", injected) == tmp_path / "explicit"  # --data-dir wins
    assert paths.data_dir() == tmp_path / "from-process"
    assert options_of(Namespace()).data_dir == tmp_path / "from-process"


@pytest.mark.parametrize(("env", "lang"), [
    ({}, "en"), ({"LANG": "de_DE.UTF-8"}, "de"), ({"RISKWATCH_LANG": "en", "LC_ALL": "de_DE"}, "en"),
    ({"LC_ALL": "de_AT", "LANG": "en_US"}, "de"), ({"LANGUAGE": "de"}, "de"),
])
def test_command_line_language_follows_riskwatch_lang_then_the_locale(env, lang):
    assert cli_language(env) == lang == RuntimeOptions(env).cli_language()


def test_exchange_keys_come_from_the_injected_options_and_stay_out_of_messages():
    secret = "c2VjcmV0LXZhbHVl"
    options = RuntimeOptions({"RISKWATCH_KRAKEN_API_KEY": " key-1 ", "RISKWATCH_KRAKEN_SECRET": secret})
    assert options.exchange_secret("kraken", "api_key") == "key-1"
    assert options.exchange_secret("kraken", "passphrase") is None
    resolver = SecretResolver.default(options)
    assert resolver.env.options is options
    creds = EnvSecretStore(options)
    with pytest.raises(Exception) as info:
        creds.set("kraken", "secret", secret)
    assert "RISKWATCH_KRAKEN_SECRET" in str(info.value) and secret not in str(info.value)
