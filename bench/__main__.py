"""`python -m bench` (make bench): build the cached vaults if needed, measure, report.

Everything runs against the real app code: storage's Vault and repositories, the real window
driven as a person drives it, and main.py itself for start-up. The passphrase of the synthetic
vaults is a constant in bench/vaults.py.

`python -m bench --only search,client` measures only those parts (of SECTIONS) and prints the
table's rows they fill, so one change can be judged without the whole run; the README's
table comes from a whole run only.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

import platform
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import gui, measures, report, spelling, startup, vaults
from bench.queries import QUERIES
from bench.synthetic import Shape
from storage.preferences import Preferences
from storage.vault import Vault
from ui.app import make_app

NEW_PASSPHRASE = "amber kestrel folds ninety quiet maps"  # for the passphrase-change stall only


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _forget_daily_check(path: Path) -> None:
    """As on the first unlock of a day: the window then runs its damage check after unlock."""
    vault = Vault.open(path, vaults.PASSPHRASE)
    try:
        Preferences(vault).set_last_integrity_check(None)
    finally:
        vault.close()


SECTIONS = (
    "unlock",
    "search",
    "note",
    "history",
    "report",
    "client",
    "stalls",
    "long",  # backup and passphrase change
    "startup",
    "memory",
    "other",  # de-identification, start-up, spelling, memory
)


def measure_vault(path: Path, work: Path, career: bool, only: set[str]) -> dict:
    """What `only` names, measured on one vault; the long-work stalls only on the career vault."""
    found: dict = {}
    if "unlock" in only:
        say("  unlock")
        found["unlock"] = measures.unlock(path)
    biggest, other, sessions = measures.biggest_client(path)
    found["biggest_client"] = {"id": biggest, "other": other, "sessions": len(sessions)}
    short = measures.shortest_client(path)  # before the window holds the vault
    if "search" in only:
        say("  search")
        found["search"] = measures.search(path)
    if "note" in only:
        say("  note save")
        found["note_save"] = measures.note_save(path, sessions[-1].id)
    if "history" in only:
        say("  signed history: an addendum, the full check")
        signed = next(session for session in reversed(sessions) if session.note_signed)
        found["signed_history"] = measures.signed_history(path, work, signed.id)
    if "report" in only:
        say("  supervision report")
        found["report"] = measures.supervision_report(path, biggest, sessions, work / "report.docx")
    if not only & {"client", "stalls"}:
        return found
    if career and "stalls" in only:
        _forget_daily_check(path)
    say("  the window: client page, search box, export")
    stalls: dict = {}
    with gui.unlocked_window(path) as window:
        if career and "stalls" in only:
            stalls["after_unlock_check"] = gui.after_unlock_check(window)
        gui.wait_for_background()
        if "client" in only:
            found["client_page"] = gui.client_page(window, biggest, other)
            found["short_client_page"] = gui.client_page(window, short, other)
            stalls["client"] = {"stall_ms": found["client_page"]["stall_ms"]}
        if "stalls" in only:
            stalls.update(_window_stalls(window, biggest, sessions, work))
    found["stalls"] = stalls
    return found


def _window_stalls(window, biggest: int, sessions: list, work: Path) -> dict:
    stalls: dict = {}
    panel = gui.search_panel_of(window)
    if panel is None:
        stalls["search"] = {"missing": "no search box in the window yet"}
    else:
        # As Ctrl+K does: the Search tab in front, so the results are laid out and painted
        # too (with the search on a worker thread, that is most of what the GUI thread does).
        window.workspace.show_search()
        stalls["search"] = gui.search_stalls(panel, QUERIES)
    stalls["export_dialog"] = gui.export_dialog_stall(window, biggest)
    last = sessions[-52:]
    period = (last[0].starts_at.date(), last[-1].starts_at.date())
    stalls["export"] = gui.export_stall(window, biggest, period, work / "export.docx")
    return stalls


def long_work_stalls(path: Path, work: Path) -> dict:
    """Backup and passphrase change through the Vault menu, on a copy of the career vault."""
    copy = work / "copy" / path.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, copy)
    stalls: dict = {}
    with gui.unlocked_window(copy) as window:
        if not hasattr(window, "vault_actions"):
            missing = {"missing": "no Vault menu actions yet"}
            return {"backup": missing, "passphrase": missing}
        gui.wait_for_background()
        say("  backup")
        stalls["backup"] = gui.backup_stall(window, work / "backups")
        say("  passphrase change")
        stalls["passphrase"] = gui.passphrase_stall(window, NEW_PASSPHRASE)
    shutil.rmtree(copy.parent, ignore_errors=True)
    shutil.rmtree(work / "backups", ignore_errors=True)
    return stalls


def _only(argv: list[str]) -> set[str]:
    """The sections `--only a,b` names (every one without it); exits on an unknown name."""
    if "--only" not in argv:
        return set(SECTIONS)
    at = argv.index("--only")
    names = set(argv[at + 1].split(",")) if at + 1 < len(argv) else set()
    unknown = names - set(SECTIONS)
    if not names or unknown:
        sys.exit(f"--only takes some of: {', '.join(SECTIONS)}")
    return names


def main(argv: list[str] | None = None) -> int:
    only = _only(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    _app = make_app()
    work = vaults.CACHE / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    gui.isolate_settings(work / "settings")

    results: dict = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "load_before": os.getloadavg(),  # other work on the machine skews every timing
        },
        "build_seconds": {},
        "vaults": {},
    }
    paths: dict[str, Path] = {}
    for key, shape in (("small", vaults.SMALL), ("career", vaults.CAREER)):
        path, built = vaults.ensure(shape)
        paths[key] = path
        results["build_seconds"][shape.name] = built
        results["vaults"][key] = _describe(path, shape)

    for key in ("small", "career"):
        say(f"Measuring the {results['vaults'][key]['sessions']:,}-session vault")
        results[key] = measure_vault(paths[key], work, key == "career", only)
    results["stalls"] = results["career"].pop("stalls", {})

    if "other" in only:
        say("De-identification beside the export of a 2,000-session history")
        results["deidentification"] = measures.deidentification()
        say("The 2,000-session report beside bare python-docx")
        results["report_speed"] = measures.report_speed()
    if "long" in only:
        say("Backup and passphrase change on a copy of the career vault")
        results["stalls"].update(long_work_stalls(paths["career"], work))
    if "startup" in only or "other" in only:
        say("Start-up, from source and packaged, beside a bare PySide6 window")
        results["startup"] = startup.startup(paths["career"], work / "settings")
        say("The longest GUI stall after the first paint, while the workspace is built")
        results["stalls"]["startup"] = startup.stall_after_shown(paths["career"], work / "settings")
    if "other" in only:
        say("Spelling in a 5,000-word note")
        results["spelling"] = spelling.measure()
    if "memory" in only or "other" in only:
        say("Peak memory")
        chosen = results["career"]["biggest_client"]
        # With the daily damage check, whether or not an earlier section ran it today: the
        # peak then includes it, as on a day's first unlock, in every run alike.
        _forget_daily_check(paths["career"])
        results["memory"] = startup.peak_memory(
            paths["career"], work / "settings", chosen["id"], chosen["other"]
        )
    results["growth"] = report.growth(results)
    results["total_seconds"] = time.perf_counter() - started
    results["machine"]["load_after"] = os.getloadavg()
    shutil.rmtree(work, ignore_errors=True)

    print()
    print(report.table(results, skip_empty=only != set(SECTIONS)))
    print()
    print(report.growth_text(results["growth"]))
    built = {name: s for name, s in results["build_seconds"].items() if s is not None}
    if built:
        print("Built: " + ", ".join(f"{name} in {s:.0f} s" for name, s in built.items()))
    print(f"Whole run: {results['total_seconds']:.0f} s on {os.cpu_count()} cores")
    load = results["machine"]["load_before"][0], results["machine"]["load_after"][0]
    print(f"Load average (1 min) before and after: {load[0]:.2f}, {load[1]:.2f}")
    print(f"JSON: {report.write_json(results)}")
    return 0


def _describe(path: Path, shape: Shape) -> dict:
    return {
        "file": path.name,
        "size_mb": round(path.stat().st_size / 1e6),
        "clients": shape.clients,
        "sessions": shape.sessions,
        "records": vaults.record_counts(path),
    }


if __name__ == "__main__":
    sys.exit(main())
