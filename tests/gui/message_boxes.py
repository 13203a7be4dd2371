"""Message boxes would block an offscreen test: record them instead."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def record_message_boxes(monkeypatch, *, answer_questions: bool = True) -> list[tuple[str, tuple]]:
    """Replace QMessageBox.warning/critical/information by a recorder (returned list of (kind, args));
    with ``answer_questions`` every QMessageBox.question is answered Yes."""
    shown: list[tuple[str, tuple]] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, _n=name, **k: shown.append((_n, a))))
    if answer_questions:
        monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    return shown
