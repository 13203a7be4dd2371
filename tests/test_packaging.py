"""resources/ is found in a built wheel, not only in the editable checkout; the sdist and the bundle spec are complete."""

import ast
import importlib.util
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_resources_and_runs(tmp_path):
    dist = tmp_path / "dist"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(dist), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    [wheel] = dist.glob("riskwatch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("riskwatch/resources/README.md", "riskwatch/resources/translations/riskwatch_de.qm",
                   "riskwatch/resources/data/example_portfolio.csv", "riskwatch/cli.py",
                   "riskwatch/resources/data/history/BTC.csv.gz",
                   # the market-regime bundle (tools/build_market_bundle.py)
                   "riskwatch/resources/data/MARKET_SOURCES.md", "riskwatch/resources/data/crypto/ETH.csv.gz",
                   "riskwatch/resources/data/stablecoins/USDT.csv.gz",
                   "riskwatch/resources/data/stablecoins/USDC.csv.gz",
                   "riskwatch/resources/data/funding/BTC_8h.csv.gz",
                   "riskwatch/resources/data/baskets/cd20_2025-03-31.csv"):
        assert needed in names, f"{needed} missing from {wheel.name}"
    # the desktop integration (`riskwatch install-desktop` reads these from the installed package)
    for needed in ("riskwatch/resources/icons/riskwatch.svg", "riskwatch/resources/icons/riskwatch.ico",
                   *(f"riskwatch/resources/icons/riskwatch-{n}.png" for n in (16, 22, 24, 32, 48, 64, 128, 256, 512)),
                   "riskwatch/resources/desktop/io.github.riskwatch.RiskWatch.desktop",
                   "riskwatch/resources/desktop/io.github.riskwatch.RiskWatch.metainfo.xml"):
        assert needed in names, f"{needed} missing from {wheel.name}"
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]\nriskwatch-gui = riskwatch.launcher:gui_main" in scripts, scripts
    crypto = {n for n in names if n.startswith("riskwatch/resources/data/crypto/") and n.endswith(".csv.gz")}
    assert len(crypto) == 22, sorted(crypto)
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                        str(wheel)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    # Run from the installed copy only: the wheel's package must shadow the editable checkout.
    env = dict(os.environ, PYTHONPATH=str(target))
    code = ("import riskwatch, riskwatch.paths as p, sys; "
            "assert riskwatch.__file__.startswith(sys.argv[1]), riskwatch.__file__; "
            "r = p.resources_dir(); assert str(r).startswith(sys.argv[1]), r; "
            "print(p.resource('data', 'example_portfolio.csv').read_text().splitlines()[1]); "
            "from riskwatch.adapters import market_bundle as m; "
            "assert len(m.bundled_crypto_symbols()) == 22 and m.load_basket_factsheet()[1][0][0] == 'BTC'; "
            "assert str(m.load_bundled_funding().index[0]) == '2019-09-10 08:00:00+00:00'")
    r = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, env=env,
                       cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.startswith("BTC,crypto")
    r = subprocess.run([sys.executable, "-m", "riskwatch", "--version"], capture_output=True, text=True, env=env,
                       cwd=tmp_path, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("RiskWatch "), r.stderr
    gui = target / "bin" / ("riskwatch-gui.exe" if sys.platform == "win32" else "riskwatch-gui")
    assert gui.is_file(), sorted(p.name for p in (target / "bin").iterdir())
    if sys.platform != "win32":  # the installed script runs (under pythonw on Windows: no console)
        r = subprocess.run([str(gui), "--version"], capture_output=True, text=True, env=env, cwd=tmp_path,
                           timeout=120)
        assert r.returncode == 0 and r.stdout.startswith("RiskWatch "), r.stderr


def test_sdist_holds_what_its_own_checks_need(tmp_path):
    """The sdist's tests lint tools/ and run tools/i18n.py; packaging/ holds the bundle spec."""
    r = subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    [sdist] = tmp_path.glob("riskwatch-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in ("tools/i18n.py", "tools/build_app_bundle.py", "tools/de_phrases.json", "packaging/riskwatch.spec",
                   "tests/test_architecture.py", "tests/gui/test_translations.py", "tests/fakes/fake_kraken.py",
                   "resources/translations/riskwatch_de.ts", "desktop/riskwatch/cli.py", "README.md",
                   "pyproject.toml"):
        assert needed in names, f"{needed} missing from {sdist.name}"
    assert not [n for n in names if "__pycache__" in n or n.startswith((".venv/", "dist/", "build/"))]


# Where the code imports a module whose name is not a string literal: the call site and where its names come from.
NAME_FORWARDERS = {
    ("riskwatch/cli.py", "build_parser"): "riskwatch.cli.COMMAND_MODULES",
    ("riskwatch/adapters/loop_thread.py", "import_quietly"): "the literal names its callers pass",
}
LOADERS = {"import_module", "import_quietly", "__import__"}


def _modules_loaded_by_name() -> tuple[set[str], set[tuple[str, str]]]:
    """(literal module names passed to a loader, call sites whose name is computed) in desktop/riskwatch."""
    literal: set[str] = set()
    computed: set[tuple[str, str]] = set()
    pkg = ROOT / "desktop"
    for path in sorted((pkg / "riskwatch").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where: dict[int, str] = {}  # call node -> innermost enclosing function (ast.walk visits outer ones first)
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                where.update((id(n), func.name) for n in ast.walk(func))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            # loader("name") and also a loader handed on with its argument: asyncio.to_thread(loader, "name")
            parts = [node.func, *node.args]
            for i, part in enumerate(parts[:-1]):
                if _name_of(part) not in LOADERS:
                    continue
                arg = parts[i + 1]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    literal.add(arg.value)
                else:
                    computed.add((path.relative_to(pkg).as_posix(), where.get(id(node), "<module>")))
    return literal, computed


def _name_of(node: ast.AST) -> str | None:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)


def _spec_hidden_imports() -> list[str]:
    tree = ast.parse((ROOT / "packaging" / "riskwatch.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["HIDDEN_IMPORTS"]:
            return ast.literal_eval(node.value)
    raise AssertionError("packaging/riskwatch.spec has no HIDDEN_IMPORTS list")


def test_the_bundle_spec_collects_every_module_loaded_by_name():
    """A module imported through importlib is invisible to PyInstaller: a new one must break this test, not the
    bundle (the bundle then starts, but e.g. has no command or no crypto prices)."""
    from riskwatch.cli import COMMAND_MODULES

    literal, computed = _modules_loaded_by_name()
    unknown = computed - set(NAME_FORWARDERS)
    assert not unknown, (f"modules imported by a computed name at {sorted(unknown)}: list them in HIDDEN_IMPORTS of "
                         "packaging/riskwatch.spec and the call site in NAME_FORWARDERS here")
    assert "ccxt.async_support" in literal and "riskwatch.domain.metric_functions" in literal  # the scan works
    hidden = _spec_hidden_imports()
    missing = (literal | set(COMMAND_MODULES)) - set(hidden)
    assert not missing, f"packaging/riskwatch.spec's HIDDEN_IMPORTS lacks {sorted(missing)}"
    absent = [m for m in hidden if importlib.util.find_spec(m) is None]
    assert not absent, f"HIDDEN_IMPORTS names modules that do not exist: {absent}"
    spec_text = (ROOT / "packaging" / "riskwatch.spec").read_text(encoding="utf-8")
    main = (ROOT / "desktop" / "riskwatch" / "__main__.py").read_text(encoding="utf-8")
    # the entry script must let the spawned report worker run instead of re-running the command line
    assert '"riskwatch" / "__main__.py"' in spec_text and "multiprocessing.freeze_support()" in main
