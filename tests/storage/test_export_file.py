"""Writing an export: all of it or nothing; an older file survives any failure."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from storage.errors import DiskFull
from storage.export_file import ExportFailed, write_export


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_writes_the_whole_file_and_replaces_an_older_one(tmp_path):
    target = tmp_path / "ML-01 report.docx"
    target.write_bytes(b"old report")
    assert write_export(target, b"new report") == target
    assert target.read_bytes() == b"new report"
    assert leftovers(tmp_path) == ["ML-01 report.docx"]


@pytest.fixture
def unwritable_folder(tmp_path) -> Path:
    """A folder this process may not write to (as root, chmod does not stop us: use /sys)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    for candidate in (folder, Path("/sys")):
        probe = candidate / ".probe"
        try:
            probe.write_bytes(b"")
        except OSError:
            yield candidate
            break
        probe.unlink()
    else:
        pytest.skip("no folder here refuses writing")
    folder.chmod(0o700)


def test_an_unwritable_folder_says_so_plainly(unwritable_folder):
    with pytest.raises(ExportFailed) as raised:
        write_export(unwritable_folder / "report.docx", b"data")
    assert "may not write to" in raised.value.message
    assert "nothing was saved" in raised.value.message
    assert not (unwritable_folder / "report.docx").exists()


@pytest.mark.parametrize(
    ("failing", "code", "error"),
    [
        ("replace", errno.EACCES, ExportFailed),
        ("fsync", errno.ENOSPC, DiskFull),
        ("replace", errno.EIO, ExportFailed),
    ],
)
def test_a_failure_midway_leaves_no_partial_file_and_the_old_one_intact(
    tmp_path, monkeypatch, failing, code, error
):
    target = tmp_path / "report.docx"
    target.write_bytes(b"the report from last month")

    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(error) as raised:
        write_export(target, b"x" * 100_000)
    monkeypatch.undo()
    assert raised.value.message
    assert target.read_bytes() == b"the report from last month"
    assert leftovers(tmp_path) == ["report.docx"]


def test_a_missing_folder_or_a_folder_as_target_is_refused(tmp_path):
    with pytest.raises(ExportFailed, match="does not exist"):
        write_export(tmp_path / "nowhere" / "report.docx", b"data")
    with pytest.raises(ExportFailed, match="is a folder"):
        write_export(tmp_path, b"data")
    assert leftovers(tmp_path) == []
