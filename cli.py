"""The command-line verbs (demo, verify, backup, search, take-over, export, check-system): their
parser, the passphrase prompt, and each verb's run. main.py starts them; the window needs none
of this, so none of it loads before the window's first paint.

The passphrase is never taken from the command line or the environment: it is read from the
terminal without echo, or from standard input with --passphrase-stdin.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_OK, EXIT_PROBLEM, EXIT_WRONG_PASSPHRASE, EXIT_VAULT_ERROR = 0, 1, 2, 3
AMBIGUOUS_CHOICES = ("replace", "leave")  # export --ambiguous


def read_passphrase(from_stdin: bool, prompt: str = "Passphrase: ") -> str:
    """One line from standard input, or a no-echo prompt on the terminal; what cannot be a
    passphrase (empty, a NUL, bytes that are not UTF-8) is refused with a plain message."""
    from storage.errors import EmptyPassphrase, UnusablePassphrase
    from storage.vault import check_passphrase

    if from_stdin:
        raw = sys.stdin.buffer.readline().removesuffix(b"\n").removesuffix(b"\r")
        try:
            passphrase = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise UnusablePassphrase("standard input did not hold UTF-8 text") from None
    else:
        passphrase = getpass.getpass(prompt)
    if not passphrase:
        raise EmptyPassphrase()
    check_passphrase(passphrase)
    return passphrase


def _tidy(vault: Path) -> None:
    """Finish or roll back work a crash cut short, and say so in one line each."""
    from notes.interrupted import interrupted_line
    from storage.interrupted import tidy

    for done in tidy(vault):
        print(interrupted_line(done.outcome, done.file.name), file=sys.stderr)


def _demo(args: argparse.Namespace) -> int:
    from notes.wording import counted
    from storage.demo import write_demo
    from storage.vault import Vault

    passphrase = read_passphrase(args.passphrase_stdin, "New passphrase for the demo vault: ")
    vault = Vault.create(args.vault, passphrase)
    try:
        count = write_demo(vault)
    finally:
        vault.close()
    print(f"Demo vault with {counted(count, 'session')} written to {args.vault}")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from notes.signed_history import verify_lines
    from storage.vault import Vault

    # Read-only: a check never writes into the file it checks (no audit line either).
    vault = Vault.open(args.vault, read_passphrase(args.passphrase_stdin), read_only=True)
    try:
        report = vault.integrity_check(args.seal)
    finally:
        vault.close()
    if not report.ok:
        print(f"{args.vault}: DAMAGED", file=sys.stderr)
        for problem in report.problems[:50]:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    held, lines = verify_lines(report.history, report.seal)
    if held:
        print(f"{args.vault}: sound (SQLCipher page check and SQLite integrity check passed)")
    else:  # not damaged, but not to be called sound either
        print(
            f"{args.vault}: SIGNED HISTORY CHANGED (the file itself is not damaged)",
            file=sys.stderr,
        )
    for line in lines:
        print(line, file=sys.stdout if held else sys.stderr)
    return EXIT_OK if held else EXIT_PROBLEM


def _open_to_read(args: argparse.Namespace, work: str):
    """Open the vault for a verb that only reads it (search, backup). On a full disk it cannot
    take its audit line; since nothing else is written, it opens read-only and says so."""
    from storage.errors import DiskFull, megabytes
    from storage.vault import Vault

    passphrase = read_passphrase(args.passphrase_stdin)
    try:
        return Vault.open(args.vault, passphrase)
    except DiskFull as error:
        vault = Vault.open(args.vault, passphrase, read_only=True)
        room = f" Free at least {megabytes(error.needed)} soon." if error.needed else ""
        print(
            f"The disk is full, so the vault was opened read-only: this {work} goes ahead but "
            f"is not recorded in its audit log, and nothing in it was changed.{room}",
            file=sys.stderr,
        )
        return vault


def _backup(args: argparse.Namespace) -> int:
    from storage.backups import back_up

    vault = _open_to_read(args, "backup")
    try:
        print(back_up(vault, args.to))
    finally:
        vault.close()
    return EXIT_OK


def _search(args: argparse.Namespace) -> int:
    from notes.search_query import hit_line
    from storage.search import SearchIndex

    vault = _open_to_read(args, "search")
    try:
        order = "best" if args.best else "newest"
        hits = SearchIndex(vault).search(args.query, args.limit, order, snippets=args.limit)
    finally:
        vault.close()
    if not hits:
        print(f"No notes match “{args.query}”.", file=sys.stderr)
    marks = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    width = max((len(hit.client_code) for hit in hits), default=0)
    for hit in hits:
        print(hit_line(hit, width, marks))
    return EXIT_OK


def _take_over(args: argparse.Namespace) -> int:
    from notes.lineage import taken_over_text
    from storage.taking_over import take_over

    done = take_over(args.file, args.vault, read_passphrase(args.passphrase_stdin))
    aside = str(done.set_aside) if done.set_aside else None
    print(
        taken_over_text(str(done.vault_path), done.lineage.handoffs, done.lineage.from_host, aside)
    )
    return EXIT_OK


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def _seal(text: str):
    from notes.vault_seal import SealNotReadable, parse_seal

    try:
        return parse_seal(text)
    except SealNotReadable as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _export(args: argparse.Namespace) -> int:
    from ui.reports.export_job import export_from_command_line

    path = export_from_command_line(
        args.vault,
        read_passphrase(args.passphrase_stdin),
        args.client,
        args.out,
        args.start,
        args.end,
        args.identified,
        remove_dates=args.remove_dates,
        ambiguous=args.ambiguous,
        warn=lambda line: print(line, file=sys.stderr),
    )
    kind = "Identified" if args.identified else "De-identified"
    print(f"{kind} supervision report for {args.client} written to {path}")
    return EXIT_OK


def _check_system(args: argparse.Namespace) -> int:
    from ui import platform_check  # no Qt in it: it asks ldd about Qt's window plugin

    found = platform_check.check()
    print(found.message(), file=sys.stdout if found.ok else sys.stderr)
    return EXIT_OK if found.ok else EXIT_PROBLEM


class _VersionAction(argparse.Action):
    """`--version`: read from the package metadata only when asked, not on every start."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print Alliance's version and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from notes.about import LICENCE, version

        print(f"Alliance {version()} ({LICENCE})")
        parser.exit()


class _Help(argparse.HelpFormatter):
    """Names the default vault's path only when help is printed: finding it imports platformdirs,
    which the window's start-up does without."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.dest != "vault":
            return action.help
        from storage.locations import default_vault_path

        default = str(default_vault_path()).replace("%", "%%")
        return f"{action.help} (default: {default})"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        formatter_class=_Help,
        description="Alliance: encrypted session notes for psychotherapists. "
        "With no command, opens the window.",
        epilog="Exit codes: 0 done, 1 the vault failed its check (damage, signed history "
        "changed, or a seal that does not match), 2 wrong passphrase, "
        "3 any other problem with the vault (the message says which).",
    )
    parser.add_argument("--version", action=_VersionAction)
    vault_help = "the vault file"
    parser.add_argument("--vault", type=Path, help=vault_help)  # None: the default, in main()
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    def verb(
        name: str, run: Callable[[argparse.Namespace], int], text: str
    ) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=text, description=text, formatter_class=_Help)
        sub.add_argument("--vault", type=Path, default=argparse.SUPPRESS, help=vault_help)
        sub.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="read the passphrase from the first line of standard input instead of asking",
        )
        sub.set_defaults(run=run)
        return sub

    verb("demo", _demo, "create a new vault filled with fictional clients and notes")
    verify = verb(
        "verify",
        _verify,
        "check the whole vault for damage and its signed history for changes made outside "
        "Alliance; exit 0 only when both hold",
    )
    verify.add_argument(
        "--seal",
        type=_seal,
        metavar="SEAL",
        help="also prove that the signed history up to a report's vault seal is unchanged",
    )
    backup = verb("backup", _backup, "write an encrypted, verified backup and print its path")
    backup.add_argument("--to", type=Path, required=True, metavar="FOLDER", help="where to")
    take_over = verb(
        "take-over",
        _take_over,
        "make a hand-off file from another computer this computer's vault; a vault already "
        "here is set aside, never overwritten",
    )
    take_over.add_argument("file", type=Path, metavar="FILE", help="the hand-off file")
    search = verb("search", _search, "print the notes and clients that match QUERY, best first")
    search.add_argument("query", metavar="QUERY", help='words to find; "quotes" for a phrase')
    search.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    search.add_argument(
        "--best", action="store_true", help="best match first (default: the newest notes first)"
    )
    export = verb(
        "export",
        _export,
        "write a client's supervision report as a Word file, de-identified unless --identified",
    )
    export.add_argument("--client", required=True, metavar="CODE", help="the client's code")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.docx", help="the file")
    export.add_argument(
        "--from",
        dest="start",
        type=_day,
        metavar="YYYY-MM-DD",
        help="first day (default: the day of the last supervision report, else 3 months back)",
    )
    export.add_argument(
        "--to", dest="end", type=_day, metavar="YYYY-MM-DD", help="last day (default: today)"
    )
    export.add_argument(
        "--identified", action="store_true", help="name the client instead of using the code"
    )
    export.add_argument(
        "--remove-dates",
        action="store_true",
        help="count sessions in weeks of therapy and show other dates as years only",
    )
    export.add_argument(
        "--ambiguous",
        choices=AMBIGUOUS_CHOICES,
        help="where the client's name is also a word and a reader could not tell which is meant "
        "(listed on standard error): replace every one, or leave them; without it such a report "
        "is not written",
    )
    system_help = "say whether the system has every library the window needs; if not, the apt line"
    verbs.add_parser("check-system", help=system_help, description=system_help).set_defaults(
        run=_check_system
    )
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """The verb and its options; help, the version and mistakes end the program here."""
    return _parser().parse_args(argv)


def run_verb(args: argparse.Namespace) -> int:
    """Run the verb `args` names on its vault (the default place unless --vault); the exit code."""
    if args.vault is None:
        from storage.locations import default_vault_path

        args.vault = default_vault_path()
    from storage.errors import EmptyPassphrase, UnusablePassphrase, VaultError, WrongPassphrase

    try:
        _tidy(args.vault)
        return args.run(args)
    except (WrongPassphrase, EmptyPassphrase, UnusablePassphrase) as error:
        print(error.message, file=sys.stderr)
        return EXIT_WRONG_PASSPHRASE
    except VaultError as error:
        print(error.message, file=sys.stderr)
        return EXIT_VAULT_ERROR
    except (KeyboardInterrupt, EOFError):
        print("Cancelled.", file=sys.stderr)
        return EXIT_PROBLEM
