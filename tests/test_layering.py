"""Dependencies point one way (docs/architecture.md): ui → notes, ui → storage, storage → notes.

notes/ and storage/ never import PySide6; notes/ knows nothing of storage/ or ui/; ui/ never
talks to SQLite and writes no SQL. Checked by parsing the source with `ast`, so comments and
UI labels such as "Select a client" do not count.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Uppercase SQL as it is written in this code base, whole words only.
_SQL = [
    re.compile(pattern)
    for pattern in (
        r"\bSELECT\b[\s\S]+\bFROM\b",
        r"\bINSERT\s+(OR\s+\w+\s+)?INTO\b",
        r"\bUPDATE\b\s+\w+\s+\bSET\b",
        r"\bDELETE\s+FROM\b",
        r"\b(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW)\b",
        r"\bPRAGMA\s+\w+",
    )
]
_EXECUTE = {"execute", "executemany", "executescript"}


def python_files(package: str) -> list[Path]:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"no Python files found under {package}/"
    return files


def imported_modules(tree: ast.AST) -> set[str]:
    """Top-level names of every module imported anywhere in the file (also inside functions)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value.split(".")[0])
    return found


def parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def sql_in(tree: ast.AST) -> list[str]:
    """String constants (docstrings aside) that read as SQL, and calls to .execute()."""
    skip = docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if any(pattern.search(node.value) for pattern in _SQL):
                found.append(f"line {node.lineno}: {node.value[:60]!r}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _EXECUTE
        ):
            found.append(f"line {node.lineno}: .{node.func.attr}(")
    return found


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("package", ["notes", "storage"])
def test_the_domain_and_storage_never_import_qt(package):
    offenders = [
        relative(path)
        for path in python_files(package)
        if imported_modules(parse(path)) & {"PySide6", "shiboken6", "ui"}
    ]
    assert offenders == []


def test_notes_knows_nothing_of_storage():
    offenders = [
        relative(path)
        for path in python_files("notes")
        if imported_modules(parse(path)) & {"storage", "sqlcipher3", "sqlite3"}
    ]
    assert offenders == []


def test_ui_never_imports_a_database_driver():
    offenders = [
        relative(path)
        for path in python_files("ui")
        if imported_modules(parse(path)) & {"sqlcipher3", "sqlite3", "apsw"}
    ]
    assert offenders == []


def test_ui_writes_no_sql():
    offenders = {
        relative(path): found for path in python_files("ui") if (found := sql_in(parse(path)))
    }
    assert offenders == {}


# -- the checks themselves catch what they should, and nothing else ---------------------------


def test_the_sql_check_catches_sql_and_lets_labels_through():
    caught = ast.parse(
        "db.execute(x)\n"
        "q = 'SELECT code FROM clients WHERE id = ?'\n"
        "r = f'UPDATE clients SET code = {c}'\n"
        "s = 'INSERT OR REPLACE INTO t VALUES (1)'\n"
        "t = 'DELETE FROM addenda'\n"
    )
    assert len(sql_in(caught)) == 5
    labels = ast.parse(
        '"""Module docstring: SELECT code FROM clients is what storage does."""\n'
        "a = 'Select a client from the list'\n"
        "b = 'Update the settings'\n"
        "c = 'Delete from this device?'\n"
        "d = 'Insert into the note'\n"
        "# SELECT * FROM clients in a comment\n"
        "e = 'SELECT'\n"
    )
    assert sql_in(labels) == []


def test_the_import_check_sees_every_form_of_import():
    tree = ast.parse(
        "import PySide6\n"
        "from PySide6.QtCore import Qt\n"
        "def later():\n    import sqlite3\n"
        "importlib.import_module('sqlcipher3')\n"
    )
    assert imported_modules(tree) == {"PySide6", "sqlite3", "sqlcipher3"}


# -- the command line ---------------------------------------------------------------------------

WINDOW_ENTRY = "ui.app"  # the only thing main.py starts that may show widgets


def dotted_imports(tree: ast.AST) -> set[str]:
    """Full names of every module a file imports; `from a import b` gives both a and a.b."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def source_of(module: str) -> Path | None:
    """This repository's file for a dotted module name, or None for anything installed."""
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def command_line_imports() -> set[str]:
    """Every module main.py can import, followed through this repository, window aside."""
    seen: set[str] = set()
    waiting = ["main"]
    while waiting:
        module = waiting.pop()
        path = source_of(module)
        if module in seen or path is None:
            continue
        seen.add(module)
        for name in dotted_imports(parse(path)):
            if name == WINDOW_ENTRY or name.startswith(WINDOW_ENTRY + "."):
                continue
            parts = name.split(".")
            # importing a.b.c runs a/__init__.py and a/b/__init__.py too
            waiting.extend(".".join(parts[: i + 1]) for i in range(len(parts)))
            seen.update(n for n in (name,) if source_of(n) is None)
    return seen


def test_the_command_line_never_imports_qt_widgets():
    reached = command_line_imports()
    assert "storage.vault" in reached and "ui.reports.export_job" in reached  # it does follow
    assert not {name for name in reached if name.startswith("PySide6.QtWidgets")}
