"""The vault seal as printed and as typed back, and the wording of signed-history findings."""

from __future__ import annotations

import pytest

from notes import signed_history
from notes.reports.model import DocumentProperties, Heading, Paragraph, Report
from notes.reports.seal import SEAL_HEADING, sealed
from notes.signed_history import Change, EntryKind, Finding
from notes.vault_seal import SealNotReadable, VaultSeal, parse_seal

HEAD = "3f7a92c10b5de4a86c20" + "9" * 44


def test_a_seal_prints_its_count_and_five_groups_and_reads_back_as_typed():
    seal = VaultSeal.of(1284, HEAD)
    assert seal.text == "1284-3F7A-92C1-0B5D-E4A8-6C20"
    for typed in (
        seal.text,
        seal.text.lower(),
        " 1284 3f7a 92c1 0b5d e4a8 6c20 ",
        "1284:3F7A92C10B5DE4A86C20",
    ):
        assert parse_seal(typed) == seal
    assert seal.matches(HEAD)
    assert not seal.matches("0" * 64)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "1284",
        "1284-3F7A",
        "0-3F7A-92C1-0B5D-E4A8-6C20",
        "x-3F7A-92C1-0B5D-E4A8-6C20",
        "1284-3F7A-92C1-0B5D-E4AZ",
    ],
)
def test_what_cannot_be_a_seal_is_refused_with_an_example(typed):
    with pytest.raises(SealNotReadable, match="1284-3F7A-92C1-0B5D-E4A8-6C20"):
        parse_seal(typed)


def test_a_report_ends_with_its_seal_and_the_command_that_checks_it():
    report = Report("Supervision report: ML-01", "ML-01 · Confidential", DocumentProperties("x"))
    seal = VaultSeal.of(1, HEAD)
    blocks = sealed(report, seal).blocks
    assert blocks[-2] == Heading(SEAL_HEADING)
    assert isinstance(blocks[-1], Paragraph)
    assert "covers the 1 signed record " in blocks[-1].text
    assert f"alliance verify --seal {seal.text}" in blocks[-1].text
    assert sealed(report, None) == report


def test_content_is_compared_as_data_and_text_exactly():
    same = signed_history.note_content(1, 2, "soap", '{"a": "x", "b": "y"}', "2025-01-01T10:00:00")
    reordered = signed_history.note_content(
        1, 2, "soap", '{"b": "y", "a": "x"}', "2025-01-01T10:00:00"
    )
    changed = signed_history.note_content(
        1, 2, "soap", '{"a": "x ", "b": "y"}', "2025-01-01T10:00:00"
    )
    decomposed = signed_history.addendum_content(1, 1, "2025-01-01", "Cafe\u0301")
    composed = signed_history.addendum_content(1, 1, "2025-01-01", "Caf\u00e9")
    assert signed_history.digest(same) == signed_history.digest(reordered)
    assert signed_history.digest(same) != signed_history.digest(changed)
    assert signed_history.digest(decomposed) != signed_history.digest(composed)


def test_findings_name_records_as_the_therapist_knows_them():
    assert (
        Finding(EntryKind.NOTE, Change.CHANGED, "ML-01", 12).describe()
        == "ML-01, session 12: the signed note was changed outside Alliance"
    )
    assert (
        Finding(EntryKind.ADDENDUM, Change.REMOVED, "ML-01", 12, "2025-03-04T09:00:00").describe()
        == "ML-01, session 12: an addendum of 4 March 2025 was removed outside Alliance"
    )
    assert (
        Finding(EntryKind.AUDIT, Change.ADDED, at="2025-03-04T09:05:00").describe()
        == "Audit log: a line of 4 March 2025, 09:05 was added outside Alliance"
    )
    assert (
        Finding(EntryKind.NOTE, Change.HIDDEN)
        .describe()
        .startswith("A client no longer in the vault, a session no longer in the vault:")
    )
    every = {(kind, change) for kind in EntryKind for change in Change}
    worded = every - {
        (EntryKind.AUDIT, Change.UNSIGNED),
        (EntryKind.AUDIT, Change.HIDDEN),
        (EntryKind.ADDENDUM, Change.UNSIGNED),
    }
    for kind, change in worded:
        assert "outside Alliance" in Finding(kind, change, "ML-01", 1).describe()
