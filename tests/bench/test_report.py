"""The benchmark table's verdicts: a stall row passes only when both vaults' stalls do."""

from __future__ import annotations

from bench.report import rows


def _stall_row(results: dict):
    (row,) = [row for row in rows(results) if "supervision report dialog" in row.label]
    return row


def test_a_stall_over_the_line_in_the_smaller_vault_is_a_miss():
    results = {
        "small": {"stalls": {"export_dialog": {"stall_ms": 94.0}}},
        "stalls": {"export_dialog": {"stall_ms": 38.0}},
    }
    row = _stall_row(results)
    assert (row.small, row.career) == ("94 ms", "38 ms")
    assert "MISS" in row.verdict


def test_a_stall_under_the_line_in_both_vaults_passes():
    results = {
        "small": {"stalls": {"export_dialog": {"stall_ms": 41.0}}},
        "stalls": {"export_dialog": {"stall_ms": 38.0}},
    }
    assert "PASS" in _stall_row(results).verdict
