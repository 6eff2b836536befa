"""The platform-plugin check: ldd's "not found" lines become Debian packages and an apt line."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from ui import platform_check

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f03)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibfancy-new.so.9 => not found
"""


def test_the_missing_libraries_are_read_from_ldd_once_each():
    assert platform_check.not_found(LDD) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libfancy-new.so.9",
    ]


def test_the_message_names_the_real_packages_not_xcb_cursor():
    missing = platform_check.not_found(LDD)
    packages, unknown = platform_check.packages_for(missing)
    found = platform_check.PlatformCheck(
        platform_check.PLUGIN, tuple(missing), tuple(packages), tuple(unknown)
    )
    message = found.message()
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "cursor" not in message
    assert "No package is known for libfancy-new.so.9" in message
    assert "Your vault is untouched." in message


def test_ubuntus_t64_names_are_the_alternative_not_the_apt_line():
    packages, _ = platform_check.packages_for(["libglib-2.0.so.0", "libgthread-2.0.so.0"])
    assert packages == ["libglib2.0-0"]


@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd on this system")
def test_every_system_library_the_real_plugin_loads_is_in_the_table():
    plugin = platform_check.plugin_path()
    assert plugin is not None and plugin.is_file()
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    table = platform_check.system_libraries()
    glibc = ("linux-vdso", "ld-linux", "libc.so", "libm.so", "libdl.so", "libpthread.so")
    for line in out.splitlines():
        name, _, where = line.strip().partition(" => ")
        if not where or "PySide6" in where or name.startswith(glibc):
            continue
        assert name in table, f"{name} (needed by libqxcb.so) has no package in the table"


def test_the_check_runs_against_this_pyside6():
    found = platform_check.check()
    assert found.plugin is not None
    assert set(found.packages) <= set(
        package.split("|")[0].strip() for package in platform_check.system_libraries().values()
    )


@pytest.mark.skipif(platform_check.check().ok, reason="this machine has every library xcb needs")
def test_the_window_names_the_missing_packages_when_xcb_cannot_load(tmp_path):
    """Only where the gap exists (a minimal Debian 12, as this CI machine): Qt's own message
    blamed xcb-cursor; Alliance's names the packages."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "main.py", "--vault", str(tmp_path / "a.vault")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "sudo apt install " in done.stderr
    assert "xcb-cursor0 or libxcb-cursor0 is needed" not in done.stderr
