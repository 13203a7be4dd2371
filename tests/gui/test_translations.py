"""Every user-visible string of the GUI is translated into German (lupdate run on a copy)."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations"


def _lupdate() -> str:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.fail("pyside6-lupdate not found")
    return found


def test_lupdate_finds_no_unfinished_german_entry(tmp_path):
    ts = tmp_path / "riskwatch_de.ts"
    shutil.copy(TS / "riskwatch_de.ts", ts)
    package = ROOT / "desktop" / "riskwatch"  # the widgets, and the Qt-free text sharing their translation file
    sources = sorted(str(p) for p in [*(package / "gui").rglob("*.py"), *(package / "texts").rglob("*.py"),
                                      *(package / "commands").rglob("*.py"), package / "i18n.py"])
    subprocess.run([_lupdate(), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                   check=True, timeout=120)
    unfinished = [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
                  if (m.find("translation") is None or m.find("translation").get("type") == "unfinished")]
    assert unfinished == [], ("untranslated German strings (add them to tools/de_phrases.json and run "
                              f"`python tools/i18n.py update`): {unfinished}")


def test_compiled_translations_are_up_to_date(tmp_path):
    lrelease = _lupdate().replace("lupdate", "lrelease")
    for lang in ("de", "en"):
        ts, qm = TS / f"riskwatch_{lang}.ts", TS / f"riskwatch_{lang}.qm"
        assert qm.exists(), f"{qm} missing: run python tools/i18n.py update"
        fresh = tmp_path / qm.name
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(fresh)], check=True, timeout=120)
        assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run python tools/i18n.py update"


def test_german_text_uses_real_umlauts_not_mojibake():
    text = (TS / "riskwatch_de.ts").read_text(encoding="utf-8")
    assert "Währung" in text and "Ã" not in text and "\ufffd" not in text
