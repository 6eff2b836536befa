"""Where a repair sits: one rule for the client page's chart and the supervision report."""

from __future__ import annotations

import pytest

from notes.alliance import Repair, Rupture, RuptureKind, repair_session_id


def rupture(repair: Repair, repaired_in: int | None) -> Rupture:
    return Rupture(3, RuptureKind.WITHDRAWAL, repair=repair, repair_session_id=repaired_in)


@pytest.mark.parametrize("repair", [Repair.PARTLY, Repair.REPAIRED])
def test_a_repair_sits_in_the_session_it_was_talked_through_in(repair):
    assert repair_session_id(rupture(repair, 5)) == 5


@pytest.mark.parametrize("repair", [Repair.PARTLY, Repair.REPAIRED])
def test_a_repair_without_a_session_of_its_own_sits_in_the_ruptures_session(repair):
    assert repair_session_id(rupture(repair, None)) == 3


@pytest.mark.parametrize("repaired_in", [None, 5])
def test_a_rupture_not_yet_repaired_has_no_repair_to_place(repaired_in):
    assert repair_session_id(rupture(Repair.NOT_YET, repaired_in)) is None
