"""A bare PySide6 window, shown and timed exactly as the app's start-up probe times its own.

`python -m bench.bare_window` prints `shown <unix time>` once the window is first painted and
quits: the yardstick for the app's time from start to unlock screen (bench/startup.py).
"""

import sys

from PySide6.QtWidgets import QApplication, QWidget

from ui.first_paint import quit_on_first_paint

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("Bare")
    window.resize(1200, 760)
    quit_on_first_paint(window)
    window.show()
    sys.exit(app.exec())
