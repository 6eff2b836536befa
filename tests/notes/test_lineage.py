"""Which of two copies is newer, read from their audit logs; and the words for it."""

from __future__ import annotations

from datetime import datetime

from notes.lineage import CopyState, Lineage, Relation, read_only_text, relation

ONE = Lineage("abc", 1, CopyState.LIVE, None, "", "")
OTHER = Lineage("xyz", 1, CopyState.LIVE, None, "", "")
# What storage/audit.py names as leaving every record as it was (a test there checks it).
NOT_CHANGES = frozenset({"unlock", "lock", "backup", "handed off", "taken over"})
SHARED = [(1, "t1", "vault created", ""), (2, "t2", "client added", "AB-01")]


def line(number: int, action: str) -> tuple[int, str, str, str]:
    return (number, f"t{number}", action, "")


def test_copies_that_only_unlocked_locked_or_handed_off_are_the_same():
    here = [*SHARED, line(3, "handed off"), line(4, "unlock"), line(5, "lock")]
    there = [*SHARED, line(3, "taken over"), line(4, "backup")]
    assert relation(ONE, here, ONE, there, NOT_CHANGES) is Relation.SAME


def test_changes_on_one_side_make_it_newer():
    changed = [*SHARED, line(3, "taken over"), line(4, "process note saved")]
    assert relation(ONE, SHARED, ONE, changed, NOT_CHANGES) is Relation.INCOMING_NEWER
    assert relation(ONE, changed, ONE, SHARED, NOT_CHANGES) is Relation.HERE_NEWER


def test_changes_on_both_sides_are_a_fork():
    here = [*SHARED, line(3, "progress note signed")]
    there = [*SHARED, line(3, "taken over"), line(4, "goal added")]
    assert relation(ONE, here, ONE, there, NOT_CHANGES) is Relation.FORKED


def test_an_action_unknown_to_this_version_counts_as_a_change():
    here = [*SHARED, line(3, "something a later version does")]
    assert relation(ONE, here, ONE, SHARED, NOT_CHANGES) is Relation.HERE_NEWER


def test_another_lineage_is_unrelated_whatever_the_logs_say():
    assert relation(ONE, SHARED, OTHER, SHARED, NOT_CHANGES) is Relation.UNRELATED


def test_a_handed_off_copy_says_when_and_where_it_went():
    moved = Lineage("abc", 3, CopyState.HANDED_OFF, datetime(2024, 3, 2, 17, 45), "laptop", "E:/x")
    text = read_only_text(moved)
    assert "02 March 2024 at 17:45" in text and "E:/x" in text and "hand-off 3" in text
    assert "read-only" in text


def test_each_read_only_copy_says_in_a_few_words_why_nothing_can_be_typed():
    from notes.lineage import read_only_reason

    moved = Lineage("abc", 3, CopyState.HANDED_OFF, datetime(2024, 3, 2, 17, 45), "laptop", "E:/x")
    assert read_only_reason(moved) == "this vault was handed off to E:/x"
    in_transit = Lineage("abc", 3, CopyState.IN_TRANSIT, None, "laptop", "")
    assert "take it over" in read_only_reason(in_transit)
    kept = Lineage("abc", 3, CopyState.KEPT, None, "laptop", "")
    assert "kept beside the vault" in read_only_reason(kept)
