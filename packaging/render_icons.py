"""Render resources/icons/alliance.svg to the PNG sizes (and .ico, .icns) the packages need.

Run after changing the SVG: `python packaging/render_icons.py`; the results are committed, so
a build never needs Qt's SVG module. Qt's own renderer draws them, so no other tool is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual sizes


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage painting needs one
    renderer = QSvgRenderer(str(ICONS / "alliance.svg"))
    if not renderer.isValid():
        print("alliance.svg is not an SVG Qt can draw", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"alliance-{size}.png"))
    # Windows and macOS installers take one file with the icon in it (Qt's ico/icns plugins).
    render(renderer, 256).save(str(ICONS / "alliance.ico"))
    render(renderer, 512).save(str(ICONS / "alliance.icns"))
    print(f"wrote {len(SIZES)} PNG sizes, alliance.ico and alliance.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
