"""Alert rules as JSON: the shipped defaults (resources/rules/default_rules.json), import and export.

File format::

    {"format": "riskwatch-alert-rules", "version": 1, "rules": [
      {"key": "btc_drop_30d_warning", "name": "…", "metric": "drop_from_high", "window": "30D",
       "scope": {"type": "asset", "symbol": "BTC"}, "comparator": "<=", "threshold": -0.17,
       "severity": "warning", "hysteresis": 0.02, "cooldown_s": 43200,
       "escalation_group": "btc_drop_30d", "message_code": "drop_from_high", "enabled": true}, …]}

Thresholds and hysteresis bands are in the metric's unit (fractions: -0.17 = 17 % down; seconds for
``price_age``). Every problem of a file is reported at once as an :class:`InputError` whose fields read
``rules[2].threshold``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from riskwatch.domain.alerts import Rule, check_rules
from riskwatch.domain.errors import InputError, Problem
from riskwatch.paths import resource

FORMAT = "riskwatch-alert-rules"
VERSION = 1
_REQUIRED = ("key", "name", "metric", "scope", "comparator", "threshold", "severity")
_OPTIONAL = ("window", "hysteresis", "cooldown_s", "enabled", "escalation_group", "message_code")


def default_rules_path() -> Path:
    return resource("rules", "default_rules.json")


def load_default_rules() -> list[Rule]:
    """The shipped default rules (stable builtin keys, so "restore defaults" can find them)."""
    return load_rules_file(default_rules_path())


def load_rules_file(path: Path | str) -> list[Rule]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.single(f"cannot read the rules file: {exc}", source=str(path)) from None
    return parse_rules(text, source=str(path))


def parse_rules(text: str, *, source: str | None = None) -> list[Rule]:
    """Parse and validate a rules document; raises InputError listing every problem."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.single(f"not valid JSON: {exc.msg}", source=source, line=exc.lineno) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise InputError.single('expected an object with a "rules" list', source=source, field="rules")
    if doc.get("format", FORMAT) != FORMAT:
        raise InputError.single(f"expected format '{FORMAT}', got {doc.get('format')!r}", source=source,
                                field="format")
    if doc.get("version", VERSION) != VERSION:
        raise InputError.single(f"unsupported version {doc.get('version')!r} (this RiskWatch reads {VERSION})",
                                source=source, field="version")
    problems: list[Problem] = []
    rules: list[Rule] = []
    for i, item in enumerate(doc["rules"]):
        where = f"rules[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(None, where, "expected an object"))
            continue
        missing = [k for k in _REQUIRED if k not in item]
        unknown = sorted(set(item) - set(_REQUIRED) - set(_OPTIONAL))
        problems += [Problem(None, f"{where}.{k}", "is missing") for k in missing]
        problems += [Problem(None, f"{where}.{k}", "is not a rule field") for k in unknown]
        if missing or unknown:
            continue
        if not item["key"]:
            problems.append(Problem(None, f"{where}.key", "is empty"))
            continue
        if str(item["key"]).startswith("user."):
            problems.append(Problem(None, f"{where}.key", "keys starting with 'user.' are reserved for the store"))
            continue
        try:
            rules.append(rule_from_dict(item))
        except InputError as exc:
            problems += [Problem(None, f"{where}.{p.field}" if p.field else where, p.message) for p in exc.problems]
    if not problems:
        try:
            check_rules(rules)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(source, problems)
    return rules


def rule_from_dict(item: dict) -> Rule:
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        raise InputError.single(f"must be true or false, got {enabled!r}", field="enabled")
    return Rule(key=item["key"], name=item["name"], metric=item["metric"], scope=item["scope"],
                comparator=item["comparator"], threshold=item["threshold"], severity=item["severity"],
                window=item.get("window"), hysteresis=item.get("hysteresis", 0.0),
                cooldown=item.get("cooldown_s", 0), enabled=enabled,
                escalation_group=item.get("escalation_group"), message_code=item.get("message_code"))


def rule_to_dict(rule: Rule) -> dict:
    """The file form of a rule. A store-assigned key ``user.<id>`` is written as ``custom-<id>``."""
    key = f"custom-{rule.key[5:]}" if rule.key.startswith("user.") else rule.key
    d = {"key": key, "name": rule.name, "metric": rule.metric}
    if rule.window:
        d["window"] = rule.window
    d.update(scope=rule.scope.to_dict(), comparator=rule.comparator.value, threshold=rule.threshold,
             severity=rule.severity.value, hysteresis=rule.hysteresis,
             cooldown_s=int(rule.cooldown.total_seconds()), enabled=rule.enabled)
    if rule.escalation_group:
        d["escalation_group"] = rule.escalation_group
    if rule.message_code:
        d["message_code"] = rule.message_code
    return d


def rules_to_json(rules: Sequence[Rule]) -> str:
    return json.dumps({"format": FORMAT, "version": VERSION, "rules": [rule_to_dict(r) for r in rules]},
                      indent=2, ensure_ascii=False) + "\n"


__all__ = ["default_rules_path", "load_default_rules", "load_rules_file", "parse_rules", "rule_from_dict",
           "rule_to_dict", "rules_to_json"]
