"""Translation workflow: extract strings with lupdate, fill German from a phrase book, compile with lrelease.

    python tools/i18n.py update     # lupdate gui/ -> resources/translations/*.ts, then lrelease -> *.qm
    python tools/i18n.py check      # exit 1 when a German entry is unfinished

German translations live in resources/translations/riskwatch_de.ts (edit with Qt Linguist or by hand);
``tools/de_phrases*.json`` fill entries lupdate adds, so new strings get their German with one command.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop" / "riskwatch"
SOURCES = PACKAGE / "gui"
#: Text outside widgets (riskwatch.texts, the command line) shares the translation files: lupdate reads these too.
PLAIN_SOURCES = (PACKAGE / "texts", PACKAGE / "commands", PACKAGE / "i18n.py")
TS_DIR = ROOT / "resources" / "translations"
PHRASES = ROOT / "tools" / "de_phrases.json"
LANGS = ("de", "en")


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6-Essentials)")
    return found


def source_files() -> list[str]:
    files = [*SOURCES.rglob("*.py")]
    for extra in PLAIN_SOURCES:
        files.extend(extra.rglob("*.py") if extra.is_dir() else [extra])
    return sorted(str(p.relative_to(ROOT)) for p in files)


def lupdate(ts: Path) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *source_files(),
                    "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)


def lrelease(ts: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def unfinished(ts: Path) -> list[str]:
    out = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            if tr is None or tr.get("type") == "unfinished":
                out.append(msg.findtext("source") or "")
    return out


def fill(ts: Path, lang: str) -> None:
    """Fill unfinished entries: German from the phrase book, English with the source text."""
    phrases: dict = {}
    if lang == "de":  # tools/de_phrases*.json, one file per area so parallel work does not collide
        for f in sorted(PHRASES.parent.glob("de_phrases*.json")):
            phrases.update(json.loads(f.read_text(encoding="utf-8")))
    tree = ET.parse(ts)
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        src = msg.findtext("source") or ""
        numerus = msg.get("numerus") == "yes"
        if lang == "de":
            value = phrases.get(src)
            if value is None:
                continue
        else:
            value = src
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        if numerus:
            forms = value if isinstance(value, list) else _english_plural(src)
            for form in forms:
                ET.SubElement(tr, "numerusform").text = form
        else:
            tr.text = value
        del tr.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def _english_plural(src: str) -> list[str]:
    import re

    one = re.sub(r"\((\w+)\)", "", src)  # "position(s)" -> "position"
    many = re.sub(r"\((\w+)\)", r"\1", src)  # -> "positions"
    one = one.replace("%n ", "%n ", 1)
    return [one, many]


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "update"
    TS_DIR.mkdir(parents=True, exist_ok=True)
    if cmd == "update":
        for lang in LANGS:
            ts = TS_DIR / f"riskwatch_{lang}.ts"
            if not ts.exists():
                ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                              f'<TS version="2.1" language="{lang}"></TS>\n', encoding="utf-8")
            lupdate(ts)
            fill(ts, lang)
            lrelease(ts)
        missing = unfinished(TS_DIR / "riskwatch_de.ts")
        for m in missing:
            print(f"unfinished German: {m!r}")
        return 1 if missing else 0
    if cmd == "check":
        missing = unfinished(TS_DIR / "riskwatch_de.ts")
        for m in missing:
            print(f"unfinished German: {m!r}")
        return 1 if missing else 0
    raise SystemExit(f"unknown command {cmd}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
