"""Sessions in a real vault: numbered per client in date order, renumbered by earlier ones."""

from __future__ import annotations

from datetime import datetime

import pytest

from notes.records import Attendance, ProgressNote
from storage.note_store import NoteRepository
from storage.sessions import SessionRepository


@pytest.fixture
def sessions(vault) -> SessionRepository:
    return SessionRepository(vault)


def numbers(sessions: SessionRepository, client_id: int) -> list[tuple[str, int]]:
    return [(s.starts_at.strftime("%m-%d"), s.number) for s in sessions.for_client(client_id)]


def test_sessions_are_numbered_per_client_in_date_order(sessions, add_client, add_session):
    maya, dan = add_client("Maya L"), add_client("Dan O")
    # Saved out of date order, and interleaved with another client's sessions.
    add_session(maya.id, datetime(2024, 3, 11, 9))
    add_session(dan.id, datetime(2024, 3, 1, 17))
    add_session(maya.id, datetime(2024, 3, 4, 9))
    add_session(maya.id, datetime(2024, 3, 18, 9))

    assert numbers(sessions, maya.id) == [("03-04", 1), ("03-11", 2), ("03-18", 3)]
    assert numbers(sessions, dan.id) == [("03-01", 1)]


def test_an_earlier_session_renumbers_the_later_ones(sessions, add_client, add_session):
    client = add_client()
    first = add_session(client.id, datetime(2024, 3, 4, 9))
    second = add_session(client.id, datetime(2024, 3, 11, 9))
    assert (first.number, second.number) == (1, 2)

    earlier = add_session(client.id, datetime(2024, 2, 26, 9))

    assert earlier.number == 1
    assert sessions.get(first.id).number == 2
    assert sessions.get(second.id).number == 3


def test_moving_a_session_moves_its_number(sessions, add_client, add_session):
    client = add_client()
    first = add_session(client.id, datetime(2024, 3, 4, 9))
    add_session(client.id, datetime(2024, 3, 11, 9))
    first.starts_at = datetime(2024, 3, 18, 9)
    moved = sessions.save(first)
    assert moved.number == 2
    assert numbers(sessions, client.id) == [("03-11", 1), ("03-18", 2)]


def test_a_session_reads_back_as_saved(sessions, add_client, add_session, vault):
    client = add_client()
    saved = add_session(client.id, datetime(2024, 5, 6, 14, 30, 59), Attendance.LATE)
    read = sessions.get(saved.id)
    assert read.starts_at == datetime(2024, 5, 6, 14, 30)  # kept to the minute
    assert read.attendance is Attendance.LATE
    assert read.duration_minutes == 50
    assert not read.note_signed
    NoteRepository(vault).sign(ProgressNote(saved.id, "free", {"text": "Brief."}))
    assert sessions.get(saved.id).note_signed


def test_an_unknown_session_is_a_key_error(sessions):
    with pytest.raises(KeyError):
        sessions.get(999)
