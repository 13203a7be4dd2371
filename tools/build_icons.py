"""Render the icon set from resources/icons/riskwatch.svg (riskwatch-small.svg up to 24 px): PNGs for the
freedesktop hicolor sizes and a multi-size Windows .ico.

    python tools/build_icons.py            # writes resources/icons/riskwatch-<size>.png and riskwatch.ico
    python tools/build_icons.py --check    # exit 1 when a committed file differs from a fresh rendering

Qt's QSvgRenderer draws offscreen, so no display and no extra tool (Inkscape, ImageMagick) is needed. The .ico
is assembled here because Qt's ICO writer stores one image per file; each entry is a PNG (read by Windows
Vista and later), which keeps the 256 px entry small.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "riskwatch.svg"
#: Drawn for 16-24 px: no white halo (it turns the red line pink at that size), a thicker line on whole pixels.
SMALL_SOURCE = ICONS / "riskwatch-small.svg"
SMALL_MAX = 24
#: The sizes of the freedesktop icon theme's hicolor folders that desktops look up for an application icon.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The sizes Windows picks from for the taskbar, Explorer and the title bar (256 is the largest an ICO holds).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"riskwatch-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode the {size} px PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file (ICONDIR, one ICONDIRENTRY per size, then the PNG data) holding ``pngs`` by size."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 stands for 256 in the one-byte width and height fields
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def source_for(size: int) -> Path:
    return SMALL_SOURCE if size <= SMALL_MAX else SOURCE


def build() -> dict[str, bytes]:
    """File name -> content of every generated file."""
    pngs = {size: render_png(source_for(size), size) for size in PNG_SIZES}
    out = {png_name(size): blob for size, blob in pngs.items()}
    out["riskwatch.ico"] = build_ico({size: pngs[size] for size in ICO_SIZES})
    return out


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text and fonts need one
    del app
    files = build()
    if "--check" in argv:
        stale = [name for name, blob in files.items()
                 if not (ICONS / name).is_file() or (ICONS / name).read_bytes() != blob]
        for name in stale:
            print(f"stale or missing: resources/icons/{name} (run python tools/build_icons.py)")
        return 1 if stale else 0
    for name, blob in files.items():
        (ICONS / name).write_bytes(blob)
        print(f"resources/icons/{name}: {len(blob)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
