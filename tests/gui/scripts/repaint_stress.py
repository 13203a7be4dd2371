"""Repaint stress: thousands of repaints, hundreds of thousands of QPainter calls.

PySide6 6.12.0 on CPython 3.11 dies here with "Fatal Python error: none_dealloc" (Qt calls leak
references to None until the refcount underflows). Run as a script so a crash fails the test instead of
killing pytest. Prints the number of painter calls made.
"""

import sys

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

REPAINTS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
CALLS_PER_PAINT = 100


class Canvas(QWidget):
    def __init__(self):
        super().__init__()
        self.calls = 0
        self.frame = 0
        self.resize(320, 200)

    def paintEvent(self, event):
        p = QPainter(self)
        font = QFont()
        p.setFont(font)
        f = self.frame
        for i in range(CALLS_PER_PAINT // 5):
            p.setPen(QPen(QColor((i * 7 + f) % 256, 80, 160), 1.0))
            p.drawLine(QPointF(i, 0), QPointF(320 - i, 200))
            p.fillRect(QRectF(i * 3 % 300, i * 5 % 180, 10, 10), QColor(200, (i + f) % 256, 40))
            p.drawText(QRectF(0, i * 9 % 190, 320, 12), Qt.AlignmentFlag.AlignLeft, "Rückgang −17,0 %")
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.end()
        self.calls += CALLS_PER_PAINT
        self.frame += 1


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    w = Canvas()
    w.show()
    for _ in range(REPAINTS):
        w.repaint()
        app.processEvents()
    print(f"painter calls: {w.calls} in {w.frame} repaints")
    return 0 if w.frame == REPAINTS else 1


if __name__ == "__main__":
    sys.exit(main())
