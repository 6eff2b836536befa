"""The one timeline per client: every series on the same dates, and the same data as a table."""

from __future__ import annotations

from datetime import date

from notes.alliance import Repair, Rupture, RuptureKind
from notes.measures.scoring import MeasureResponse
from notes.measures.timeline import timeline, timeline_rows
from notes.observations import Observation, ObservationKind
from notes.records import Attendance
from tests.notes.measures.test_repair_and_calibration import _rating, _sessions


def test_every_series_lands_on_its_session_date():
    sessions = _sessions(4)
    sessions[2].attendance = Attendance.NO_SHOW
    keys = [item.key for item in MeasureResponse(1, "phq9").instrument.items]
    answers = dict(zip(keys, [2] * 8 + [1], strict=True))
    responses = [
        MeasureResponse(1, "phq9", answers),
        MeasureResponse(2, "gad7", {"nervous": 1}),  # incomplete: not drawn
    ]
    observations = [
        Observation(2, ObservationKind.COUNTERTRANSFERENCE, 1, intensity=2),
        Observation(2, ObservationKind.COUNTERTRANSFERENCE, 1, intensity=4),
        Observation(2, ObservationKind.TRANSFERENCE, 1, intensity=5),
    ]
    ruptures = [Rupture(2, RuptureKind.WITHDRAWAL, repair=Repair.NOT_YET)]
    line = timeline(sessions, responses, [_rating(1, 7, 8), _rating(4, 9)], ruptures, observations)
    [point] = line.scores["PHQ-9"]
    assert (point.day, point.score, point.band, point.flagged) == (
        date(2025, 1, 6),
        17,
        "Moderately severe",
        True,
    )
    assert "GAD-7" not in line.scores
    assert [(p.day, p.value) for p in line.client_alliance] == [
        (date(2025, 1, 6), 7.0),
        (date(2025, 1, 27), 9.0),
    ]
    assert [p.value for p in line.therapist_alliance] == [8.0]
    assert [(p.session_number, p.value) for p in line.countertransference] == [(2, 4.0)]
    assert [(p.session_number, p.note) for p in line.ruptures] == [(2, "not repaired yet")]
    assert [(p.session_number, p.note) for p in line.missed] == [(3, "No-show")]
    assert line.days()[0] == date(2025, 1, 6) and len(line.days()) == 4

    rows = timeline_rows(line)
    assert rows[0][:2] == ("06 Jan 2025", "1")
    assert ("06 Jan 2025", "1", "PHQ-9", "17 of 27 · Moderately severe · item 9 above 0") in rows
    assert ("20 Jan 2025", "3", "Missed session", "No-show") in rows
    assert ("13 Jan 2025", "2", "Rupture", "not repaired yet") in rows
