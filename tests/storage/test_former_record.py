"""The record of former passphrases beside the vault (issue 13, point 3): a passphrase from
before a change is named as such after its backup is gone, and the record never says more
than it knows."""

from __future__ import annotations

import json
import shutil
import stat
from datetime import datetime
from pathlib import Path

import pytest

from storage import former_passphrase, former_record, handoff, taking_over
from storage import vault as vault_module
from storage.backups import restore
from storage.errors import FormerPassphrase, WrongPassphrase
from storage.interrupted import tidy
from storage.vault import BEFORE_CHANGE, Vault

SECOND = "copper meadow ferry 'lantern' quietly"
THIRD = "seven paper boats ÄÖ 🦉 drifting"


def change(path: Path, old: str, new: str, folder: Path) -> Path:
    """Unlock with `old`, change to `new` (a backup first, into `folder`), lock."""
    vault = Vault.open(path, old)
    try:
        return vault.change_passphrase(old, new, folder)
    finally:
        vault.close()


def refusal(path: Path, passphrase: str) -> WrongPassphrase:
    with pytest.raises(WrongPassphrase) as caught:
        Vault.open(path, passphrase)
    return caught.value


def moment_of(backup: Path) -> datetime:
    # A second change within the same second is numbered ("…_191857-2"): the stamp is the
    # first 17 characters, YYYY-MM-DD_HHMMSS.
    stamp = backup.stem.split(BEFORE_CHANGE)[1][:17]
    return datetime.strptime(stamp, "%Y-%m-%d_%H%M%S")


def test_the_old_passphrase_is_named_after_its_backup_is_gone(vault_path, passphrase):
    folder = vault_path.parent / "backups"
    backup = change(vault_path, passphrase, SECOND, folder)
    with_backup = refusal(vault_path, passphrase).message
    shutil.rmtree(folder)  # pruned, or moved to another disk
    refused = refusal(vault_path, passphrase)
    assert isinstance(refused, FormerPassphrase)
    assert refused.message == with_backup  # the same words, whichever witness spoke
    assert refused.message == FormerPassphrase(moment_of(backup)).message
    Vault.open(vault_path, SECOND).close()  # the new passphrase opens it, as it says


def test_only_the_passphrase_from_before_is_named(vault_path, passphrase):
    change(vault_path, passphrase, SECOND, vault_path.parent / "backups")
    shutil.rmtree(vault_path.parent / "backups")
    refused = refusal(vault_path, "a passphrase this vault never had")
    assert type(refused) is WrongPassphrase


DAMAGED_RECORDS = {
    "bytes": b"\x00\xff" * 300,
    "cut short": b'{"version": 1, "changes": [{"changed": "2026-13-45"',
    "missing fields": json.dumps(
        {"version": 1, "changes": [{"changed": "2026-01-02T03:04:05"}]}
    ).encode(),
    "wrong type": json.dumps({"version": 1, "changes": "nothing"}).encode(),
    "a list": json.dumps([1, 2, 3]).encode(),
    "bad hex": json.dumps(
        {
            "version": 1,
            "changes": [
                {"changed": "2026-01-02T03:04:05", "salt": "zz", "hash": "", "iterations": 1}
            ],
        }
    ).encode(),
    "empty": b"",
}


def test_a_damaged_record_means_only_not_known(vault_path, passphrase):
    change(vault_path, passphrase, SECOND, vault_path.parent / "backups")
    shutil.rmtree(vault_path.parent / "backups")
    record = former_record.record_path(vault_path)
    for kind, damage in DAMAGED_RECORDS.items():
        record.write_bytes(damage)
        refused = refusal(vault_path, passphrase)
        # plain "does not open": never a crash, a damage diagnosis or a guess
        assert type(refused) is WrongPassphrase, kind
    record.unlink()
    assert type(refusal(vault_path, passphrase)) is WrongPassphrase  # missing: the same


def test_a_change_over_a_damaged_record_starts_it_afresh(vault_path, passphrase):
    change(vault_path, passphrase, SECOND, vault_path.parent / "backups")
    former_record.record_path(vault_path).write_bytes(DAMAGED_RECORDS["cut short"])
    change(vault_path, SECOND, THIRD, vault_path.parent / "backups")
    shutil.rmtree(vault_path.parent / "backups")
    assert isinstance(refusal(vault_path, SECOND), FormerPassphrase)
    assert type(refusal(vault_path, passphrase)) is WrongPassphrase  # lost with the damage


def test_the_record_is_private_and_holds_no_passphrase(vault_path, passphrase):
    change(vault_path, passphrase, SECOND, vault_path.parent / "backups")
    change(vault_path, SECOND, THIRD, vault_path.parent / "backups")
    record = former_record.record_path(vault_path)
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    content = record.read_bytes()
    for secret in (passphrase, SECOND, THIRD):
        for encoded in (secret.encode("utf-8"), secret.encode("utf-8").hex().encode()):
            assert encoded not in content
        assert secret.encode("utf-16-le") not in content
    assert len(json.loads(content)["changes"]) == 2
    assert not list(vault_path.parent.glob("*.writing"))


def test_each_former_passphrase_is_named_with_its_own_change(vault_path, passphrase):
    folder = vault_path.parent / "backups"
    first = change(vault_path, passphrase, SECOND, folder)
    second = change(vault_path, SECOND, THIRD, folder)
    shutil.rmtree(folder)
    assert refusal(vault_path, passphrase).message == FormerPassphrase(moment_of(first)).message
    assert refusal(vault_path, SECOND).message == FormerPassphrase(moment_of(second)).message


def test_only_the_newest_changes_are_kept(vault_path, passphrase):
    """Recorded straight on the vault file: each line costs one slow hash, a change far more."""
    passphrases = [passphrase, *(f"{SECOND} {number}" for number in range(former_record.KEPT))]
    salt = former_record.file_salt(vault_path)
    for number, old in enumerate(passphrases):
        former_record.remember(vault_path, old, datetime(2026, 1, 1 + number, 9, 30), salt)
    record = json.loads(former_record.record_path(vault_path).read_text(encoding="utf-8"))
    assert len(record["changes"]) == former_record.KEPT
    assert [change.changed.day for change in former_record.known_changes(vault_path)] == [
        6,
        5,
        4,
        3,
        2,
    ]
    assert not any(c.opened_with(passphrases[0]) for c in former_record.known_changes(vault_path))
    assert former_record.known_changes(vault_path)[-1].opened_with(passphrases[1])


def test_after_a_restore_only_the_restored_files_past_is_believed(vault_path, passphrase):
    folder = vault_path.parent / "backups"
    first = change(vault_path, passphrase, SECOND, folder)  # the backup opens with PASSPHRASE
    change(vault_path, SECOND, THIRD, folder)
    restore(first, vault_path, passphrase)
    shutil.rmtree(folder)  # no backup may speak: only the record
    Vault.open(vault_path, passphrase).close()  # in force again: opens, is not "former"
    # SECOND was in force after this file was written, never before it: the record's lines
    # about SECOND and PASSPHRASE describe another file's history and are not believed.
    assert type(refusal(vault_path, SECOND)) is WrongPassphrase
    assert type(refusal(vault_path, THIRD)) is WrongPassphrase


def test_a_restore_of_a_later_backup_keeps_the_changes_before_it(vault_path, passphrase):
    folder = vault_path.parent / "backups"
    first = change(vault_path, passphrase, SECOND, folder)
    second = change(vault_path, SECOND, THIRD, folder)  # its backup opens with SECOND
    restore(second, vault_path, SECOND)
    shutil.rmtree(folder)
    Vault.open(vault_path, SECOND).close()
    assert refusal(vault_path, passphrase).message == FormerPassphrase(moment_of(first)).message
    assert type(refusal(vault_path, THIRD)) is WrongPassphrase  # never this file's passphrase


def test_a_record_cut_short_is_removed_at_start(vault_path, passphrase):
    change(vault_path, passphrase, SECOND, vault_path.parent / "backups")
    record = former_record.record_path(vault_path)
    unfinished = record.with_name(record.name + former_record.WRITING)
    unfinished.write_bytes(b'{"version": 1, "chan')
    kept = record.read_bytes()
    assert tidy(vault_path) == []  # nothing the person did was cut short: no line to say
    assert not unfinished.exists()
    assert record.read_bytes() == kept


def test_after_a_take_over_the_record_claims_nothing_of_the_other_computers_changes(
    vault_path, passphrase, tmp_path
):
    laptop, desktop = vault_path, tmp_path / "desktop" / "alliance.vault"
    carried = tmp_path / "stick"
    carried.mkdir()
    change(laptop, passphrase, SECOND, laptop.parent / "backups")
    shutil.rmtree(laptop.parent / "backups")
    taking_over.take_over(handoff.hand_off(laptop, SECOND, carried), desktop, SECOND)
    assert isinstance(refusal(laptop, passphrase), FormerPassphrase)  # still its own history
    change(desktop, SECOND, THIRD, desktop.parent / "backups")
    taking_over.take_over(handoff.hand_off(desktop, THIRD, carried), laptop, THIRD)
    # The laptop's record says the passphrase before SECOND was PASSPHRASE, but the file now
    # here opens with THIRD, a change made elsewhere: "now opens with the one you chose then"
    # would be untrue, so the record is not believed for this file.
    assert type(refusal(laptop, passphrase)) is WrongPassphrase
    Vault.open(laptop, THIRD).close()


def test_a_backup_from_another_files_past_names_no_former_passphrase(vault_path, passphrase):
    # The backups stay this time: a restored older file must not be told about passphrases
    # that only ever applied after it, by the backups of those later changes.
    folder = vault_path.parent / "backups"
    first = change(vault_path, passphrase, SECOND, folder)
    second = change(vault_path, SECOND, THIRD, folder)  # opens with SECOND, a later file's
    restore(first, vault_path, passphrase)
    assert former_record.file_salt(second) != former_record.file_salt(vault_path)
    Vault.open(vault_path, passphrase).close()
    assert type(refusal(vault_path, SECOND)) is WrongPassphrase
    assert type(refusal(vault_path, THIRD)) is WrongPassphrase


def test_a_before_change_backup_of_the_file_in_place_names_no_former_passphrase(
    vault_path, passphrase
):
    # A copy that shares the vault's salt is of the vault's own era, whatever its name says:
    # a passphrase it takes is the current one, never one from before a change.
    folder = vault_path.parent / "backups"
    change(vault_path, passphrase, SECOND, folder)
    shutil.rmtree(folder)
    former_record.record_path(vault_path).unlink()  # only the backups could speak
    folder.mkdir()
    stamp = "2026-01-05_101500"
    shutil.copyfile(vault_path, folder / f"{vault_path.stem}{BEFORE_CHANGE}{stamp}.vault")
    assert type(refusal(vault_path, "not the passphrase")) is WrongPassphrase
    assert former_passphrase.changed_on(vault_path, SECOND, [folder]) is None


def test_two_changes_in_one_second_keep_the_older_passphrases_backup(
    vault_path, passphrase, monkeypatch
):
    # The backup's name is dated to the second: a second change within it must not replace
    # the first one's backup, the only copy the older passphrase still opens.
    class SameSecond(datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2026, 12, 4, 3, 1, 0)

    monkeypatch.setattr(vault_module, "datetime", SameSecond)
    folder = vault_path.parent / "backups"
    first = change(vault_path, passphrase, SECOND, folder)
    second = change(vault_path, SECOND, THIRD, folder)
    assert first != second
    assert sorted(path.name for path in folder.glob("*.vault")) == sorted([first.name, second.name])
    Vault.open(first, passphrase).close()  # still the older passphrase's copy
    Vault.open(second, SECOND).close()
    assert former_passphrase.changed_on(vault_path, SECOND, [folder]) == SameSecond.now()
