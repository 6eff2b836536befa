"""Hand-off between two computers: a round trip between two homes, interrupted hand-offs and
take-overs at each step, forked copies found, and nothing ever overwritten."""

from __future__ import annotations

import os
import shutil
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from notes.lineage import CopyState, Relation
from notes.records import Client, ProcessNote, Session
from storage import handoff, taking_over
from storage.audit import AuditAction, AuditLog
from storage.clients import ClientRepository
from storage.errors import NotWritable, VaultExists, WrongPassphrase
from storage.lineage import ReadOnlyCopy
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository
from storage.vault import Vault
from tests.helpers import PASSPHRASE


@pytest.fixture
def homes(tmp_path: Path, vault_path: Path) -> tuple[Path, Path, Path]:
    """The laptop's vault (a fresh one), the desktop's vault path (nothing there yet), and the
    folder a sync tool carries between them."""
    desktop = tmp_path / "desktop" / "alliance.vault"
    carried = tmp_path / "Dropbox" / "Alliance"
    carried.mkdir(parents=True)
    return vault_path, desktop, carried


def write_note(path: Path, code: str, text: str) -> None:
    """Open the vault at `path`, add a client with one session and its process note, lock."""
    vault = Vault.open(path, PASSPHRASE)
    try:
        client = ClientRepository(vault).save(Client(code, f"Name of {code}", date(2024, 1, 8)))
        session = SessionRepository(vault).save(Session(client.id, datetime(2024, 3, 4, 10)))
        NoteRepository(vault).save_process_note(ProcessNote(session.id, text))
    finally:
        vault.close()


def process_texts(path: Path) -> list[str]:
    vault = Vault.open(path, PASSPHRASE)
    try:
        return [row[0] for row in vault.read("SELECT text FROM process_notes ORDER BY 1")]
    finally:
        vault.close()


def actions(path: Path) -> list[str]:
    vault = Vault.open(path, PASSPHRASE)
    try:
        return [entry.action for entry in AuditLog(vault).read()]
    finally:
        vault.close()


# -- the round trip ---------------------------------------------------------------------------


def test_round_trip_between_two_homes(homes):
    laptop, desktop, carried = homes
    write_note(laptop, "AB-01", "written on the laptop")

    file = handoff.hand_off(laptop, PASSPHRASE, carried, host="laptop")
    assert file.parent == carried and file.name.endswith(handoff.SUFFIX)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert not list(carried.glob("*.partial"))

    # The laptop's copy now opens read-only, saying when and where it went.
    here = Vault.open(laptop, PASSPHRASE)
    try:
        assert here.moved is not None and here.moved.state is CopyState.HANDED_OFF
        assert here.moved.handoffs == 1 and here.moved.to_place == str(file)
        with pytest.raises(ReadOnlyCopy, match=r"was handed off on .* read-only here"):
            ClientRepository(here).save(Client("XX-01", "Nobody", date(2024, 1, 1)))
    finally:
        here.close()

    taken = taking_over.take_over(file, desktop, PASSPHRASE, host="desktop")
    assert taken.relation is Relation.NO_VAULT_HERE and taken.set_aside is None
    assert process_texts(desktop) == ["written on the laptop"]
    assert stat.S_IMODE(desktop.stat().st_mode) == 0o600
    write_note(desktop, "AB-02", "written on the desktop")

    # ... and back again: the laptop's handed-off copy is set aside, never overwritten.
    back = handoff.hand_off(desktop, PASSPHRASE, carried, host="desktop")
    assert back != file and file.exists()
    returned = taking_over.take_over(back, laptop, PASSPHRASE, host="laptop")
    assert returned.relation is Relation.INCOMING_NEWER
    assert returned.lineage.handoffs == 2
    assert returned.set_aside is not None and returned.set_aside.exists()
    assert process_texts(laptop) == ["written on the desktop", "written on the laptop"]
    assert process_texts(returned.set_aside) == ["written on the laptop"]

    # The history chain (tamper evidence) holds across both moves, hand-off lines included.
    for path in (laptop, desktop, returned.set_aside):
        vault = Vault.open(path, PASSPHRASE)
        try:
            report = vault.integrity_check()
            assert report.ok and report.history == (), path
        finally:
            vault.close()

    # The audit logs record both ends.
    assert AuditAction.HANDED_OFF.value in actions(desktop)
    laptop_log = actions(laptop)
    assert AuditAction.TAKEN_OVER.value in laptop_log
    assert AuditAction.HANDED_OFF.value in laptop_log  # the first hand-off, from the laptop


def test_a_handed_off_copy_cannot_be_handed_off_again(homes):
    laptop, _desktop, carried = homes
    handoff.hand_off(laptop, PASSPHRASE, carried)
    with pytest.raises(ReadOnlyCopy, match="read-only here"):
        handoff.hand_off(laptop, PASSPHRASE, carried)
    assert len(list(carried.iterdir())) == 1


def test_taking_back_ones_own_hand_off_file(homes):
    laptop, _desktop, carried = homes
    write_note(laptop, "AB-01", "kept")
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    taken = taking_over.take_over(file, laptop, PASSPHRASE)
    assert taken.relation is Relation.SAME
    assert taken.set_aside is not None and taken.set_aside.exists()
    again = Vault.open(laptop, PASSPHRASE)
    try:
        assert again.moved is None  # live again
    finally:
        again.close()
    assert process_texts(laptop) == ["kept"]


def test_wrong_passphrase_for_the_file_changes_nothing(homes):
    laptop, desktop, carried = homes
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    before = file.read_bytes()
    with pytest.raises(WrongPassphrase):
        taking_over.take_over(file, desktop, "not the passphrase")
    assert not desktop.exists() and file.read_bytes() == before


def test_a_vault_is_not_a_hand_off_file(homes):
    laptop, desktop, _carried = homes
    with pytest.raises(taking_over.NotAHandOff):
        taking_over.take_over(laptop, desktop, PASSPHRASE)
    assert not desktop.exists()


def test_an_unrelated_vault_is_set_aside_and_named(homes, tmp_path):
    laptop, desktop, carried = homes
    other = Vault.create(desktop, "another passphrase")
    other.close()
    before = desktop.read_bytes()
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    taken = taking_over.take_over(file, desktop, PASSPHRASE)
    assert taken.relation is Relation.UNRELATED
    assert taken.set_aside.read_bytes() == before
    assert taken.set_aside.name.startswith("alliance-set-aside-")
    Vault.open(taken.set_aside, "another passphrase").close()


# -- forks and stale files --------------------------------------------------------------------


def test_forked_copies_are_found_and_both_kept(homes):
    laptop, desktop, carried = homes
    # The hand-off on the laptop is cut short after the file was written, before the laptop's
    # copy was marked: the laptop goes on as the live vault while the desktop takes the file.
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    unmark(laptop)
    taking_over.take_over(file, desktop, PASSPHRASE)
    write_note(desktop, "DE-01", "desktop after the hand-off")
    write_note(laptop, "LA-01", "laptop after the hand-off")
    again = handoff.hand_off(desktop, PASSPHRASE, carried)

    laptop_before, file_before = laptop.read_bytes(), again.read_bytes()
    assert taking_over.compare(again, laptop, PASSPHRASE) is Relation.FORKED
    with pytest.raises(taking_over.CopiesForked, match="Neither was put over the other"):
        taking_over.take_over(again, laptop, PASSPHRASE)
    assert laptop.read_bytes() == laptop_before and again.read_bytes() == file_before
    assert not list(laptop.parent.glob("*set-aside*"))

    kept = taking_over.keep_beside(again, laptop, PASSPHRASE)
    assert again.read_bytes() == file_before and laptop.read_bytes() == laptop_before
    copy = Vault.open(kept, PASSPHRASE)
    try:
        assert copy.moved.state is CopyState.KEPT
        texts = [row[0] for row in copy.read("SELECT text FROM process_notes")]
        assert texts == ["desktop after the hand-off"]
    finally:
        copy.close()
    assert process_texts(laptop) == ["laptop after the hand-off"]


def test_an_older_hand_off_file_is_refused(homes):
    laptop, desktop, carried = homes
    old = handoff.hand_off(laptop, PASSPHRASE, carried)
    taking_over.take_over(old, desktop, PASSPHRASE)
    write_note(desktop, "DE-01", "newer than the file")
    before = desktop.read_bytes()
    with pytest.raises(taking_over.HandOffOlder):
        taking_over.take_over(old, desktop, PASSPHRASE)
    assert desktop.read_bytes() == before


def unmark(path: Path) -> None:
    """What a hand-off cut short between writing the file and marking the vault leaves."""
    from storage.vault import connect

    connection = connect(path, PASSPHRASE)
    connection.execute("UPDATE lineage SET state = 'live', handoffs = handoffs")
    connection.close()


# -- interrupted at each step -----------------------------------------------------------------


class Cut(Exception):
    """Stands for the power going off."""


def cut_at(monkeypatch, target, name):
    def cut(*_args, **_kwargs):
        raise Cut

    monkeypatch.setattr(target, name, cut)


@pytest.mark.parametrize("step", ["_write_copy", "_seal_copy", "verify_copy"])
def test_hand_off_cut_short_leaves_the_vault_live_and_no_file(homes, monkeypatch, step):
    laptop, _desktop, carried = homes
    write_note(laptop, "AB-01", "before")
    cut_at(monkeypatch, handoff, step)
    with pytest.raises(Cut):
        handoff.hand_off(laptop, PASSPHRASE, carried)
    assert not any(p.name.endswith(handoff.SUFFIX) for p in carried.iterdir())
    vault = Vault.open(laptop, PASSPHRASE)
    assert vault.moved is None
    vault.close()
    monkeypatch.undo()
    assert handoff.hand_off(laptop, PASSPHRASE, carried).exists()  # and it can be tried again


def test_a_full_stick_leaves_no_partial_file(homes, monkeypatch):
    laptop, _desktop, carried = homes

    def full(*_args, **_kwargs):
        raise NotWritable(carried)

    monkeypatch.setattr(handoff, "verify_copy", full)
    with pytest.raises(NotWritable):
        handoff.hand_off(laptop, PASSPHRASE, carried)
    assert list(carried.iterdir()) == []


@pytest.mark.parametrize("step", ["_copy_file", "_make_live", "verify_copy", "_set_aside"])
def test_take_over_cut_short_changes_nothing_here(homes, monkeypatch, step):
    laptop, desktop, carried = homes
    write_note(laptop, "AB-01", "from the laptop")
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    Vault.create(desktop, PASSPHRASE).close()
    write_note(desktop, "DE-00", "the desktop's own older vault")
    before = desktop.read_bytes()
    cut_at(monkeypatch, taking_over, step)
    with pytest.raises(Cut):
        taking_over.take_over(file, desktop, PASSPHRASE)
    assert desktop.read_bytes() == before
    assert not desktop.with_name(desktop.name + ".taking-over").exists()
    monkeypatch.undo()
    taken = taking_over.take_over(file, desktop, PASSPHRASE)  # tried again, it works
    assert process_texts(desktop) == ["from the laptop"]
    assert process_texts(taken.set_aside) == ["the desktop's own older vault"]


def test_a_vault_left_open_by_a_crash_is_set_aside_whole(homes, tmp_path):
    laptop, desktop, carried = homes
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    # The desktop's own vault (another passphrase) as a crash leaves it: recent changes still
    # in its write-ahead log beside it.
    elsewhere = tmp_path / "elsewhere" / "alliance.vault"
    open_vault = Vault.create(elsewhere, "another passphrase")
    ClientRepository(open_vault).save(Client("WAL-01", "Only in the log", date(2024, 1, 8)))
    desktop.parent.mkdir()
    for extra in ("", "-wal"):
        shutil.copyfile(f"{elsewhere}{extra}", f"{desktop}{extra}")
    open_vault.close()

    taken = taking_over.take_over(file, desktop, PASSPHRASE)
    assert taken.relation is Relation.UNRELATED
    assert not desktop.with_name(desktop.name + "-wal").exists()
    kept = Vault.open(taken.set_aside, "another passphrase")
    try:
        assert [c.code for c in ClientRepository(kept).list()] == ["WAL-01"]
    finally:
        kept.close()


def test_the_file_in_the_carried_folder_is_left_as_it_was(homes):
    laptop, desktop, carried = homes
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    before = file.read_bytes()
    taking_over.take_over(file, desktop, PASSPHRASE)
    assert file.read_bytes() == before
    shutil.copyfile(file, carried / "copy")  # still a readable hand-off file
    assert taking_over.inspect(carried / "copy", PASSPHRASE).state is CopyState.IN_TRANSIT
    os.remove(carried / "copy")


def test_only_opening_backups_exports_and_hand_offs_leave_records_as_they_were():
    from storage.audit import NOT_CHANGES

    assert {
        "unlock",
        "failed unlock",
        "lock",
        "backup",
        "handed off",
        "taken over",
        "supervision report exported",
        "identified supervision report exported",
        "record exported",
        "record with process notes exported",
    } == NOT_CHANGES
    assert not AuditAction.HANDED_OFF.changes_records
    assert AuditAction.PROCESS_NOTE_SAVED.changes_records


def test_a_handed_off_copy_can_still_be_backed_up_and_leaves_no_audit_line(homes, tmp_path):
    laptop, _desktop, carried = homes
    handoff.hand_off(laptop, PASSPHRASE, carried)
    before = actions(laptop)
    here = Vault.open(laptop, PASSPHRASE)
    try:
        backup = here.backup_to(tmp_path / "backups" / "copy.vault")
    finally:
        here.close()
    assert backup.exists() and actions(laptop) == before


def test_hand_off_cut_short_after_the_file_is_in_place(homes, monkeypatch):
    """Between the file getting its name and this copy being marked: the file is whole, the
    vault here is still the live one, and nothing is lost either way."""
    laptop, desktop, carried = homes
    write_note(laptop, "AB-01", "before")
    real_record, calls = handoff.lineage.record, []

    def cut_second(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:  # the first writes the file's record, the second marks the vault
            raise Cut
        return real_record(*args, **kwargs)

    monkeypatch.setattr(handoff.lineage, "record", cut_second)
    with pytest.raises(Cut):
        handoff.hand_off(laptop, PASSPHRASE, carried)
    monkeypatch.undo()
    [file] = carried.iterdir()
    assert taking_over.inspect(file, PASSPHRASE).handoffs == 1
    vault = Vault.open(laptop, PASSPHRASE)
    assert vault.moved is None
    vault.close()
    taking_over.take_over(file, desktop, PASSPHRASE)
    assert process_texts(desktop) == process_texts(laptop) == ["before"]


def test_moving_out_of_a_synced_folder_leaves_a_read_only_copy_and_no_file(homes, tmp_path):
    laptop, _desktop, carried = homes
    write_note(laptop, "AB-01", "moved")
    outside = tmp_path / "outside" / "alliance.vault"
    done = taking_over.move_out(laptop, PASSPHRASE, outside, carried)
    assert done.vault_path == outside and process_texts(outside) == ["moved"]
    assert not list(carried.iterdir())
    left = Vault.open(laptop, PASSPHRASE)
    assert left.moved is not None
    left.close()
    with pytest.raises(VaultExists):
        taking_over.move_out(outside, PASSPHRASE, laptop, carried)  # never over a file


def test_a_hand_off_file_still_arriving_is_named_as_such(homes):
    laptop, desktop, carried = homes
    file = handoff.hand_off(laptop, PASSPHRASE, carried)
    arriving = carried / "arriving.alliance-handoff"
    arriving.write_bytes(file.read_bytes()[: 4096 * 3])  # what a sync tool has so far
    with pytest.raises(taking_over.HandOffIncomplete, match="may not have finished copying"):
        taking_over.take_over(arriving, desktop, PASSPHRASE)
    assert not desktop.exists()
