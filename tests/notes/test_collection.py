"""Garbage collection paused while big jobs run, and resumed after the window's first paint
without cutting into a job's pause (notes/collection.py)."""

from __future__ import annotations

import gc

import pytest

from notes.collection import collection_paused, resume_collection


@pytest.fixture
def collection_as_at_start_up():
    """Collection held off, as main.py holds it until the first paint; put back afterwards."""
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


def test_a_pause_keeps_collection_off_until_the_last_job_ends():
    assert gc.isenabled()
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # one job still running
    assert gc.isenabled()


def test_resuming_turns_collection_on(collection_as_at_start_up):
    resume_collection()
    assert gc.isenabled()


def test_resuming_during_a_jobs_pause_waits_for_the_job_to_end(collection_as_at_start_up):
    with collection_paused():  # began while start-up still held collection off
        resume_collection()
        assert not gc.isenabled()  # not in the middle of the job
    assert gc.isenabled()
