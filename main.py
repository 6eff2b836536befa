"""Alliance: start the window, or run one command-line verb on a vault (cli.py).

The passphrase is never taken from the command line or the environment: it is read from the
terminal without echo, or from standard input with --passphrase-stdin.

Kept small: Python compiles the script it is started with anew every time (only imported
modules keep their compiled form), so the verbs and their parser live in cli.py, which only a
verb loads.
"""

from __future__ import annotations

import gc
import sys


def forbid_core_dumps() -> None:
    """No core file and no debugger attach: a crash must not write the passphrase to disk.

    RLIMIT_CORE 0 stops core files on every POSIX system; on Linux, PR_SET_DUMPABLE 0 also
    stops core pipes (systemd-coredump, apport), gcore and ptrace by other users' processes,
    as KeePassXC does. Windows has no per-process switch for its error reports.
    """
    try:
        import resource

        # The soft limit is the one the kernel obeys; the hard one stays, so a program that
        # imports this module (the test suite) can still start children that may dump.
        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    except (ImportError, ValueError, OSError):
        pass  # not POSIX, or the limit is not ours to lower: nothing more can be done here
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_dumpable = 4
        ctypes.CDLL(None).prctl(pr_set_dumpable, 0, 0, 0, 0)


forbid_core_dumps()  # before anything else runs, in the window and in every verb

from pathlib import Path


def window_arguments(argv: list[str]) -> tuple[bool, Path | None]:
    """(True, the vault given or None) when `argv` only opens the window: nothing, or `--vault
    PATH`. Read without building the command line's parser and its verbs, about 4 ms of every
    start before the first paint; anything else, help and mistakes too, is argparse's."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--vault" and argv[1] and not argv[1].startswith("-"):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--vault=") and argv[0] != "--vault=":
        return True, Path(argv[0].removeprefix("--vault="))
    return False, None


def _open_window(vault: Path | None) -> int:
    # No garbage collection until the first page is painted (ui/app.py `run_app` turns it on):
    # start-up makes objects that live as long as the app (modules, Qt's types and enums), and
    # sweeping them again and again costs ~8 ms before the page can show.
    gc.disable()
    import PySide6.QtCore  # noqa: F401  (loaded first: the next line needs it)

    from ui.pyside_scans import answer_without_reading

    answer_without_reading()  # ~17 ms of PySide reading source files, spared
    if vault is None:
        from storage.locations import default_vault_path

        vault = default_vault_path()
    from ui.app import run_app

    return run_app(vault)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window, vault = window_arguments(argv)
    if window:
        return _open_window(vault)
    from cli import parse, run_verb

    args = parse(argv)
    if args.verb is None:
        return _open_window(args.vault)
    return run_verb(args)


if __name__ == "__main__":
    sys.exit(main())
