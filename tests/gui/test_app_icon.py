"""The icon set (tools/build_icons.py), the window/tray icon made from it, the desktop file name and the
``riskwatch-gui`` entry point."""

from __future__ import annotations

import os
import struct
import sys

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QImageReader

from riskwatch import launcher, paths
from riskwatch.adapters.desktop_entry import ICON_SIZES
from riskwatch.gui.tray import app_icon

ICONS = paths.resource("icons")


def argb(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def coverage(image: QImage) -> float:
    """The share of pixels that are not transparent."""
    image = argb(image)
    opaque = sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).alpha() > 128)
    return opaque / (image.width() * image.height())


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_png_size_is_there_square_and_drawn(qapp, size):
    image = QImage(str(ICONS / f"riskwatch-{size}.png"))
    assert (image.width(), image.height()) == (size, size) and image.hasAlphaChannel()
    assert 0.55 < coverage(image) < 0.95  # the shield fills most of it; the corners stay transparent
    assert image.pixelColor(0, 0).alpha() == 0


def test_the_ico_holds_the_windows_sizes_each_readable(qapp):
    data = (ICONS / "riskwatch.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 7)
    dims = [struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)]
    assert dims == [16, 24, 32, 48, 64, 128, 256]
    raw = QByteArray(data)
    buffer = QBuffer(raw)  # kept referenced: the reader does not own its device
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"ico")
    sizes = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
    assert sorted(sizes) == dims


def test_the_app_icon_takes_the_small_drawing_at_16_px_and_the_svg_in_between(qapp):
    icon = app_icon(ICONS / "riskwatch.svg")
    for size in (16, 24, 256):
        assert argb(icon.pixmap(size, size).toImage()) == argb(QImage(str(ICONS / f"riskwatch-{size}.png")))
    assert icon.pixmap(40, 40).size().width() == 40  # no PNG of that size: the SVG, rendered
    # the 16 px PNG comes from the small drawing: the SVG scaled down would give other pixels
    assert argb(QIcon(str(ICONS / "riskwatch.svg")).pixmap(16, 16).toImage()) != argb(icon.pixmap(16, 16).toImage())


def test_the_application_is_named_for_the_desktop_entry(qapp):
    launcher.name_application(qapp)
    assert QGuiApplication.desktopFileName() == "io.github.riskwatch.RiskWatch"
    assert (paths.resource("desktop") / "io.github.riskwatch.RiskWatch.desktop").is_file()


def test_gui_main_survives_pythonw_without_stdout_and_stderr(monkeypatch):
    """Under pythonw (the Windows gui-script) both streams are None: the command line must not fail on them."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as done:
        launcher.gui_main(["--version"])
    assert done.value.code == 0
    assert sys.stdout.name == os.devnull and sys.stderr.name == os.devnull
    with pytest.raises(SystemExit) as bad:  # the usage error goes to the null device, not into a traceback
        launcher.gui_main(["--no-such-option"])
    assert bad.value.code == 2
    sys.stdout.close()
    sys.stderr.close()
