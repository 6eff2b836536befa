"""Unlocking a vault an older version wrote: its update (migration 13 rebuilds the search
indexes) shows a progress dialog while it runs, then the workspace opens as usual; an unlock
with nothing to update shows none."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from storage import schema
from tests.helpers import version_12_vault
from tests.ui.helpers import STRONG_PASSPHRASE
from ui.main_window import MainWindow
from ui.vault_service import VaultService


def progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def unlock_watching(qtbot, window) -> list[str]:
    """Type the passphrase and press Enter; the texts of the progress dialogs seen meanwhile
    (a timer looks whenever the window turns its event loop, as it does while it paints the
    dialog during the update)."""
    seen: list[str] = []
    look = QTimer()
    look.setInterval(0)
    look.timeout.connect(
        lambda: seen.extend(d.labelText() for d in progress_dialogs() if d.isVisible())
    )
    look.start()
    qtbot.keyClicks(window.unlock_page.passphrase, STRONG_PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace)
    look.stop()
    return seen


def test_an_update_on_unlock_shows_its_progress(qtbot, tmp_path):
    sessions = ",\n".join(
        f"({n}, 1, '2024-{1 + n % 12:02d}-{1 + n % 27:02d}T10:00', 50, 'attended')"
        for n in range(1, 2001)
    )
    notes = ",\n".join(
        f"({n}, 'free', '{{\"text\": \"the ferry crossing, week {n}\"}}', '2024-01-01')"
        for n in range(1, 2001)
    )
    path = version_12_vault(
        tmp_path / "older.vault",
        STRONG_PASSPHRASE,
        f"""
        INSERT INTO clients (id, code, full_name, start_date)
            VALUES (1, 'OV-01', 'Olga Vik', '2024-01-02');
        INSERT INTO sessions (id, client_id, starts_at, duration_minutes, attendance)
            VALUES {sessions};
        INSERT INTO progress_notes (session_id, template, sections, updated_at) VALUES {notes};
        """,
    )
    window = MainWindow(VaultService(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen = unlock_watching(qtbot, window)
    assert seen and set(seen) == {schema.UPDATING}
    assert not any(d.isVisible() for d in progress_dialogs())
    assert len(window.service.search("ferry")) > 0  # the rebuilt index answers
    window.service.lock()


def test_an_unlock_with_nothing_to_update_shows_no_progress(qtbot, open_window):
    open_window.lock()
    assert unlock_watching(qtbot, open_window) == []
