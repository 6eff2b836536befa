"""The command line, run as a real program: `python main.py ...` with the passphrase on stdin."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import cli
import main
from storage.vault import Vault, connect
from tests.helpers import CLI_PASSPHRASE, CLI_WRONG_PASSPHRASE, REPO_ROOT, run_cli


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory) -> Path:
    """One demo vault made by the CLI itself; tests work on copies of it."""
    path = tmp_path_factory.mktemp("cli") / "demo.vault"
    result = run_cli(
        "demo", "--vault", str(path), "--passphrase-stdin", stdin=CLI_PASSPHRASE + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Demo vault with" in result.stdout
    return path


@pytest.fixture
def demo_copy(demo_vault, tmp_path) -> Path:
    path = tmp_path / "copy.vault"
    shutil.copyfile(demo_vault, path)
    return path


def verify(path: Path, passphrase: str = CLI_PASSPHRASE) -> subprocess.CompletedProcess[str]:
    return run_cli("verify", "--vault", str(path), "--passphrase-stdin", stdin=passphrase + "\n")


def test_help_lists_the_verbs():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "demo" in result.stdout
    assert "verify" in result.stdout


def test_demo_creates_a_vault_with_at_least_five_clients(demo_vault):
    connection = connect(demo_vault, CLI_PASSPHRASE)
    try:
        assert connection.execute("SELECT count(*) FROM clients").fetchone()[0] >= 5
        assert connection.execute("SELECT count(*) FROM sessions").fetchone()[0] > 50
    finally:
        connection.close()


def test_demo_refuses_to_overwrite_a_vault(demo_copy):
    before = demo_copy.read_bytes()
    result = run_cli("demo", "--vault", str(demo_copy), "--passphrase-stdin", stdin="other\n")
    assert result.returncode == 3
    assert "already exists" in result.stderr
    assert demo_copy.read_bytes() == before


def test_verify_says_a_sound_vault_is_sound(demo_copy):
    result = verify(demo_copy)
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout
    assert result.stderr == ""


def test_a_wrong_passphrase_is_one_line_and_exit_code_2(demo_copy):
    before = demo_copy.read_bytes()
    result = verify(demo_copy, CLI_WRONG_PASSPHRASE)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "passphrase does not open this vault" in result.stderr
    assert result.stdout == ""
    assert demo_copy.read_bytes() == before


def test_verify_finds_a_damaged_later_page(demo_copy):
    with demo_copy.open("r+b") as file:
        file.seek(2 * 4096 + 2000)  # the middle of page 3
        file.write(b"\x5a" * 64)
    result = verify(demo_copy)
    # 1 when the check itself finds it (the usual case), 3 when opening already trips on it.
    assert result.returncode in (cli.EXIT_PROBLEM, cli.EXIT_VAULT_ERROR)
    assert "damaged" in result.stderr.lower()
    assert "sound" not in result.stdout


def test_verify_calls_damage_on_the_table_of_tables_damage(demo_copy):
    from tests.storage.vault_pages import flip_byte, schema_pages

    flip_byte(demo_copy, schema_pages(demo_copy, CLI_PASSPHRASE)[0])
    before = demo_copy.read_bytes()
    result = verify(demo_copy)
    assert result.returncode == cli.EXIT_VAULT_ERROR
    assert "is damaged" in result.stderr and "Restore it from your newest backup" in result.stderr
    assert "passphrase" not in result.stderr and "went wrong" not in result.stderr
    assert demo_copy.read_bytes() == before


def test_verify_refuses_a_vault_open_in_another_process(demo_copy):
    vault = Vault.open(demo_copy, CLI_PASSPHRASE)
    try:
        result = verify(demo_copy)
    finally:
        vault.close()
    assert result.returncode == 3
    assert "already open" in result.stderr


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: None, "There is no vault"),
        (lambda path: path.write_bytes(bytes(range(256)) * 3), "is damaged"),
        (lambda path: path.write_bytes(b"not a vault at all"), "(it looks like a text file)"),
        (lambda path: path.write_bytes(b""), "is not an Alliance vault"),
    ],
    ids=["missing", "short-file", "text-file", "empty-file"],
)
def test_verify_explains_a_file_that_is_no_vault(tmp_path, make, message):
    path = tmp_path / "thing.vault"
    make(path)
    result = verify(path)
    assert result.returncode == 3
    assert message in result.stderr


def test_an_empty_passphrase_on_stdin_is_refused_plainly(tmp_path):
    path = tmp_path / "empty.vault"
    result = run_cli("demo", "--vault", str(path), "--passphrase-stdin", stdin="\n")
    assert result.returncode == 2
    assert "empty" in result.stderr
    assert not path.exists() or path.stat().st_size == 0


@pytest.mark.parametrize(
    ("typed", "passphrase"),
    [
        ("  spaced out  \n", "  spaced out  "),
        ("windows line\r\n", "windows line"),
        ("no newline at all", "no newline at all"),
        ("first line\nsecond line\n", "first line"),
        ("\ttabbed\t\n", "\ttabbed\t"),
    ],
)
def test_read_passphrase_strips_only_the_line_ending(monkeypatch, typed, passphrase):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(typed.encode("utf-8"))))
    assert cli.read_passphrase(from_stdin=True) == passphrase


def backup(vault: Path, folder: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    arguments = ("backup", "--vault", str(vault), "--passphrase-stdin", "--to", str(folder))
    return run_cli(*arguments, stdin=passphrase + "\n")


def test_backup_writes_a_verified_copy_and_prints_its_path(demo_copy, tmp_path):
    folder = tmp_path / "backups"
    done = backup(demo_copy, folder, CLI_PASSPHRASE)
    assert done.returncode == 0, done.stderr
    printed = Path(done.stdout.strip())
    assert printed.parent == folder and printed.exists()
    assert verify(printed).returncode == 0


def test_backup_with_a_wrong_passphrase_writes_nothing(demo_copy, tmp_path):
    folder = tmp_path / "backups"
    done = backup(demo_copy, folder, CLI_WRONG_PASSPHRASE)
    assert done.returncode == 2
    assert not folder.exists() or not any(folder.iterdir())


def test_wrong_passphrases_from_any_verb_are_logged_at_the_next_unlock(demo_copy, tmp_path):
    assert verify(demo_copy, CLI_WRONG_PASSPHRASE).returncode == 2
    search = ("search", "kestrel", "--vault", str(demo_copy), "--passphrase-stdin")
    assert run_cli(*search, stdin=CLI_WRONG_PASSPHRASE + "\n").returncode == 2
    assert backup(demo_copy, tmp_path / "backups", CLI_WRONG_PASSPHRASE).returncode == 2
    counter = demo_copy.with_name(demo_copy.name + ".unlocks")
    assert re.fullmatch(r"3 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\n", counter.read_text())

    assert verify(demo_copy).returncode == 0  # read-only: it writes no audit line
    assert counter.exists()
    assert run_cli(*search, stdin=CLI_PASSPHRASE + "\n").returncode == 0  # this one logs them
    assert not counter.exists()
    vault = Vault.open(demo_copy, CLI_PASSPHRASE)
    try:
        lines = vault.read("SELECT record FROM audit_log WHERE action = 'failed unlock'")
    finally:
        vault.close()
    assert len(lines) == 1 and lines[0][0].startswith("3 failed unlocks since ")


def test_version_prints_the_pyproject_version_without_loading_qt():
    from notes.about import declared_version

    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Alliance {declared_version()} (GPL-3.0-or-later)\n"
    probe = (
        "import sys, main\n"
        "try:\n    main.main(['--version'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=main.__file__[:-8]
    )
    assert loaded.stdout.strip().endswith("[]"), loaded.stdout


def test_check_system_names_packages_or_says_all_is_there():
    result = run_cli("check-system")
    said = result.stdout + result.stderr
    if result.returncode == 0:
        assert "Every system library the window needs is installed." in said
    else:
        assert result.returncode == 1
        assert "sudo apt install lib" in said


@pytest.mark.parametrize(
    ("stdin", "said"),
    [
        (b"before\x00after\n", "NUL character"),
        (b"caf\xe9 latin-1\n", "not hold UTF-8 text"),
        (b"\n", "empty one"),
    ],
    ids=["nul", "not-utf8", "empty"],
)
def test_what_cannot_be_a_passphrase_is_refused_with_exit_2(demo_copy, stdin, said):
    result = subprocess.run(
        [sys.executable, "main.py", "verify", "--vault", str(demo_copy), "--passphrase-stdin"],
        cwd=REPO_ROOT,
        input=stdin,
        capture_output=True,
        timeout=120,
    )
    errors = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert said in errors and "Traceback" not in errors


def test_the_passphrase_from_before_a_change_is_named_after_its_backup_is_gone(demo_copy, tmp_path):
    from storage import former_record
    from storage.errors import FormerPassphrase
    from storage.vault import BEFORE_CHANGE

    new = "copper meadow ferry 'lantern' quietly"
    vault = Vault.open(demo_copy, CLI_PASSPHRASE)
    try:
        backup_file = vault.change_passphrase(CLI_PASSPHRASE, new, tmp_path / "backups")
    finally:
        vault.close()
    shutil.rmtree(tmp_path / "backups")  # pruned, or moved: only the record beside it is left
    stamp = backup_file.stem.split(BEFORE_CHANGE)[1]
    said = FormerPassphrase(datetime.strptime(stamp, "%Y-%m-%d_%H%M%S")).message
    search = ("search", "kestrel", "--vault", str(demo_copy), "--passphrase-stdin")
    for result in (verify(demo_copy), run_cli(*search, stdin=CLI_PASSPHRASE + "\n")):
        assert result.returncode == 2
        assert result.stderr.strip() == said
        assert "damaged" not in said.replace("nothing is damaged", "")
    former_record.record_path(demo_copy).write_bytes(b"\x00\xff not a record")
    result = verify(demo_copy)
    assert result.returncode == 2  # a damaged record: plain wrong passphrase, no traceback
    assert result.stderr.strip().startswith("That passphrase does not open this vault.")
    assert verify(demo_copy, new).returncode == 0


@pytest.mark.parametrize(
    "argv", [[], ["--vault", "notes.vault"], ["--vault=/tmp/a b.vault"], ["--vault", "~/x.vault"]]
)
def test_the_windows_own_arguments_are_read_as_the_parser_reads_them(argv):
    window, vault = main.window_arguments(argv)
    assert window
    args = cli._parser().parse_args(argv)
    assert args.verb is None
    assert args.vault == vault


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["--version"], ["verify"], ["--vault"], ["--vault", "a", "verify"], ["-x"]],
)
def test_anything_more_than_the_windows_arguments_goes_to_the_parser(argv):
    assert main.window_arguments(argv) == (False, None)
