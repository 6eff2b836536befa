"""Shared fixtures: real SQLCipher vaults in pytest's tmp_path, never a mock of storage.

Opening a vault costs one SQLCipher key derivation (~0.1 s), creating one a little more, so a
closed vault is created once per test session and each test that needs a fresh one gets a byte
copy of it: the copy is a real, independent vault file at no key-derivation cost.

Everything under tests/ui carries the `gui` marker (tests/ui/conftest.py). `pytest -m "not gui"`
is the fast loop: it does not collect tests/ui and does not load pytest-qt, so no Qt widget
module is imported and no QApplication is created; a test that imports PySide6.QtWidgets there
fails and must move to tests/ui.
"""

from __future__ import annotations

import functools
import os

# Before anything imports Qt: the GUI tests run without a display, on one 1920×1080 screen.
from tests.offscreen_screen import offscreen_platform

os.environ["QT_QPA_PLATFORM"] = offscreen_platform()

import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import settings

from notes.records import Attendance, Client, Session
from storage.clients import ClientRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.helpers import PASSPHRASE

# Property tests explore new examples on every developer run; CI replays a fixed set, so a run
# is red only because of the change under test. (`CI` is set by the CI runner.)
# No deadline: a first example pays for loading word lists and transliteration tables, and
# timings belong in bench/, never in a test that a busy machine could fail.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


UI_TESTS = Path(__file__).resolve().parent / "ui"


def gui_deselected(config: pytest.Config) -> bool:
    """True when the `-m` expression leaves out the tests marked `gui` (the fast loop)."""
    return _leaves_out_gui(config.getoption("markexpr", "") or "")


@functools.cache
def _leaves_out_gui(expression: str) -> bool:
    from _pytest.mark.expression import Expression  # how pytest itself reads `-m`

    if not expression:
        return False
    return not Expression.compile(expression).evaluate(lambda name, **_kwargs: name == "gui")


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    # pytest-qt imports PySide6.QtWidgets when it is configured; the fast loop needs no Qt at all.
    if gui_deselected(config):
        config.pluginmanager.set_blocked("pytest-qt")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    # Importing a GUI test module imports Qt widgets, so the fast loop does not even collect them.
    if gui_deselected(config) and collection_path.is_relative_to(UI_TESTS):
        return True
    return None


@pytest.fixture(autouse=True)
def no_widgets_in_the_fast_loop(request: pytest.FixtureRequest) -> Iterator[None]:
    """The fast loop fails as soon as anything (a test, or collecting one) imports Qt widgets."""
    yield
    if gui_deselected(request.config) and "PySide6.QtWidgets" in sys.modules:
        pytest.fail("PySide6.QtWidgets was imported in the `not gui` loop: move it to tests/ui")


@pytest.fixture(scope="session")
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty vault created (and closed) once; copy it, never open it in place."""
    path = tmp_path_factory.mktemp("template") / "template.vault"
    Vault.create(path, PASSPHRASE).close()
    return path


@pytest.fixture
def vault_path(tmp_path: Path, template_vault: Path) -> Path:
    """A closed, fresh vault file of this test's own, unlocked by PASSPHRASE."""
    path = tmp_path / "vault" / "alliance.vault"
    path.parent.mkdir()
    shutil.copyfile(template_vault, path)
    return path


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    """An unlocked fresh vault; locked again after the test."""
    opened = Vault.open(vault_path, PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def add_client(vault: Vault) -> Callable[..., Client]:
    """Save a client to `vault`; the code defaults to a fresh one."""
    repository = ClientRepository(vault)
    counter = iter(range(1, 1000))

    def add(full_name: str = "Ada Lovelace", code: str | None = None, **fields) -> Client:
        client = Client(
            code=code or f"TC-{next(counter):02d}",
            full_name=full_name,
            start_date=fields.pop("start_date", date(2024, 1, 8)),
            **fields,
        )
        return repository.save(client)

    return add


@pytest.fixture
def add_session(vault: Vault) -> Callable[..., Session]:
    """Save a session for a client to `vault`."""
    repository = SessionRepository(vault)

    def add(
        client_id: int, starts_at: datetime, attendance: Attendance = Attendance.ATTENDED
    ) -> Session:
        return repository.save(Session(client_id, starts_at, attendance=attendance))

    return add
