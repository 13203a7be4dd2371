"""Build tests/data/fundamentals/clsk_companyfacts.json (EDGAR's company-facts shape) from the real CleanSpark
10-Q inline-XBRL facts in ../shared/data/fundamentals/clsk_10q_ixbrl_facts_2024_2025.csv. Run once; the JSON is
committed (a fresh clone has no ../shared)::

    python tools/build_edgar_fixture.py [CSV] [OUT]

The CSV holds the facts as the filings display them; what EDGAR adds per fact is filled in here, as
tests/data/fundamentals/SOURCES.md explains: the accession number of each filing (from the download script in
the same source repository), the filing date (the SEC's due date, not the real day: the data has none), the
filing's fiscal year and period, and the ``frame`` EDGAR gives the latest-filed fact of a calendar period.
Company-specific concepts (``clsk:…``) are left out, because EDGAR's company-facts API serves only standard
taxonomies.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "fundamentals" / "clsk_10q_ixbrl_facts_2024_2025.csv"
DEFAULT_OUT = ROOT / "tests" / "data" / "fundamentals" / "clsk_companyfacts.json"

CIK = 827876
ENTITY = "CleanSpark, Inc."
#: source document -> (accession number, fiscal year of the filing); the fiscal year ends on 30 September
FILINGS = {
    "public/sec/clsk/10q/10-Q-2024-03-31.html": ("0000950170-24-056937", 2024),
    "public/sec/clsk/10q/10Q-2024-06-30.html": ("0000950170-24-094891", 2024),
    "public/sec/clsk/10q/10Q-2024-12-31.html": ("0000950170-25-015470", 2025),
    "public/sec/clsk/10q/10Q-2025-06-30.html": ("0000827876-25-000005", 2025),
}
UNITS = {"U_USD": "USD", "U_shares": "shares"}
#: Days after the quarter's end a large accelerated filer must file a 10-Q by (17 CFR 240.13a-13 / Form 10-Q).
DUE_DAYS = 40


def due_date(period_end: date) -> date:
    """The 10-Q's due date: 40 days after the quarter, moved past a weekend (holidays are not modelled)."""
    day = period_end + timedelta(days=DUE_DAYS)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def frame_of(start: str, end: str) -> str | None:
    """EDGAR's calendar frame of a period: ``CY2024Q1I`` (an instant at a quarter's end), ``CY2024Q1`` (a
    quarter, 91 ± 30 days), ``CY2024`` (a year, 365 ± 30 days); None for six- and nine-month periods."""
    e = date.fromisoformat(end)
    if not start:
        if (e + timedelta(days=1)).day != 1 or e.month % 3:
            return None
        return f"CY{e.year}Q{e.month // 3}I"
    days = (e - date.fromisoformat(start)).days + 1
    mid = date.fromisoformat(start) + timedelta(days=days // 2)
    if abs(days - 91) <= 30:
        return f"CY{mid.year}Q{(mid.month - 1) // 3 + 1}"
    if abs(days - 365) <= 30:
        return f"CY{mid.year}"
    return None


def build(rows: list[dict]) -> dict:
    facts: dict[str, dict] = {}
    for row in rows:
        taxonomy, concept = row["concept"].split(":", 1)
        if taxonomy not in ("us-gaap", "dei", "ifrs-full", "srt"):
            continue
        accn, fy = FILINGS[row["source_path"]]
        period_end = date.fromisoformat(row["document_period_end_iso"])
        entry = {"end": row["end"], "val": _number(row["val"]), "accn": accn, "fy": fy,
                 "fp": row["fiscal_period_focus"], "form": row["form"], "filed": due_date(period_end).isoformat()}
        if row["start"]:
            entry = {"start": row["start"], **entry}
        units = facts.setdefault(taxonomy, {}).setdefault(concept, {
            "label": _label(concept), "description": None, "units": {}})["units"]
        units.setdefault(UNITS[row["unit"]], []).append(entry)
    for taxonomy in facts.values():
        for concept in taxonomy.values():
            for entries in concept["units"].values():
                entries.sort(key=lambda e: (e["end"], e.get("start", ""), e["filed"]))
                latest: dict[tuple, dict] = {}
                for entry in entries:  # the latest-filed fact of a period carries the frame
                    latest[(entry.get("start", ""), entry["end"])] = entry
                for (start, end), entry in latest.items():
                    frame = frame_of(start, end)
                    if frame:
                        entry["frame"] = frame
    return {"cik": CIK, "entityName": ENTITY, "facts": facts}


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def _label(concept: str) -> str:
    """A readable label from the concept's name (EDGAR's own labels are not in the source data)."""
    out = []
    for i, ch in enumerate(concept):
        if ch.isupper() and i and not concept[i - 1].isupper():
            out.append(" ")
        out.append(ch)
    return "".join(out)


def read_rows(path: Path) -> list[dict]:
    months = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July", "August",
                                          "September", "October", "November", "December"), 1)}
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        month, day, year = row["document_period_end"].replace(",", "").split()
        row["document_period_end_iso"] = date(int(year), months[month], int(day)).isoformat()
    return rows


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_CSV
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    doc = build(read_rows(source))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    count = sum(len(e) for t in doc["facts"].values() for c in t.values() for e in c["units"].values())
    print(f"wrote {out} ({count} facts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
