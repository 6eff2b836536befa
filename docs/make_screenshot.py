"""Regenerate docs/screenshot.png and the views in docs/screens/, drawn offscreen from a fresh
demo vault: the unlock page, the workspace with a tagged note open, the client page and each of
its charts (chart-alliance, chart-observations, chart-timeline), each at
100% on a 1366×768 screen, at 200% on a 1920×1080 screen (QT_SCALE_FACTOR=2) and dark.

Run from the repository root: `.venv/bin/python docs/make_screenshot.py`.
Each look is drawn by a child process of its own (the scale is fixed when Qt starts). The demo
vault, its passphrase and the settings live only in a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREENS = HERE / "screens"
PASSPHRASE = "screenshot only, thrown away"
# name: (screen width, height, scale, theme)
LOOKS = {
    "100": (1366, 768, 1, "light"),
    "200": (1920, 1080, 2, "light"),
    "dark": (1366, 768, 1, "dark"),
}
TAGGED_CLIENT, TAGGED_SESSION = 0, 3  # DO-01: a countertransference tagged in the process note


def main() -> None:
    for name in LOOKS:
        subprocess.run([sys.executable, __file__, name], check=True)
    print(HERE / "screenshot.png")
    for png in sorted(SCREENS.glob("*.png")):
        print(png)


def draw(name: str) -> None:
    width, height, scale, look = LOOKS[name]
    with tempfile.TemporaryDirectory() as folder:
        screen = Path(folder) / "screen.json"
        screen.write_text(
            json.dumps(
                {
                    "screens": [
                        {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
                        | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                    ]
                }
            )
        )
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        os.environ["QT_SCALE_FACTOR"] = str(scale)
        sys.path.insert(0, str(HERE.parent))

        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtGui import QImage
        from PySide6.QtWidgets import QApplication

        from storage.demo import write_demo
        from storage.vault import Vault
        from ui.app import make_app
        from ui.app_settings import THEME
        from ui.main_window import MainWindow
        from ui.vault_service import VaultService

        THRESHOLD = Qt.ImageConversionFlag.ThresholdDither  # no dither noise: flat colours
        INDEXED = QImage.Format.Format_Indexed8
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Alliance", "Alliance"
        )
        settings.setValue(THEME, look)
        settings.sync()
        path = Path(folder) / "demo.vault"
        vault = Vault.create(path, PASSPHRASE)
        write_demo(vault)
        vault.close()
        app = make_app()
        window = MainWindow(VaultService(path))
        window.showMaximized()  # the whole screen, less nothing: offscreen has no task bar

        def settle() -> None:
            for _ in range(5):
                app.processEvents()

        def save(view: str) -> None:
            settle()
            image = window.grab().toImage()
            # An indexed PNG keeps a light screenshot small; its fixed colour cube would merge
            # a dark theme's near greys (lists, boxes, window), so dark stays in full colour.
            small = image if look == "dark" else image.convertToFormat(INDEXED, THRESHOLD)
            SCREENS.mkdir(exist_ok=True)
            small.save(str(SCREENS / f"{view}-{name}.png"), "PNG", 9)

        settle()
        save("unlock")
        window.service.unlock(PASSPHRASE)
        settle()
        workspace = window.workspace
        workspace.select_client(workspace.clients.item(TAGGED_CLIENT).id)
        workspace.select_session(workspace.sessions.item(TAGGED_SESSION).id)
        save("workspace")
        if name == "100":  # the README's first picture: a roomier window
            window.showNormal()
            window.resize(1440, 900)
            settle()
            shot = window.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, THRESHOLD)
            shot.save(str(HERE / "screenshot.png"), "PNG", 9)
            window.showMaximized()
            settle()
        workspace.tabs.setCurrentWidget(workspace.client_page)
        save("client")
        # Each chart of the client page on its own, as painted there (the report draws the
        # same drawings on paper: docs/report/).
        from ui.client_page.alliance_chart import AllianceChart
        from ui.client_page.patterns_chart import PatternChart
        from ui.measures.timeline_chart import TimelineChart

        page = workspace.client_page
        for kind, chart in (("alliance", AllianceChart), ("observations", PatternChart),
                            ("timeline", TimelineChart)):  # fmt: skip
            for widget in page.findChildren(chart):
                widget.resize(max(widget.width(), 640 * scale), widget.height())
                settle()
                widget.grab().toImage().save(str(SCREENS / f"chart-{kind}-{name}.png"), "PNG", 9)
        window.service.lock()
        QApplication.processEvents()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        draw(sys.argv[1])
    else:
        main()
