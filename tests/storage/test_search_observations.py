"""Search finds observations by their words, the therapist's lines on them and their category."""

from __future__ import annotations

from datetime import datetime

import pytest

from notes.observations import Anchor, NoteKind, Observation, ObservationKind
from notes.search_query import MARK_START
from storage.observations import CategoryRepository, ObservationRepository
from storage.search import SearchIndex

CT = ObservationKind.COUNTERTRANSFERENCE


@pytest.fixture
def recorded(vault, add_client, add_session):
    client = add_client("Tomás Herrera", code="TH-01")
    session = add_session(client.id, datetime(2024, 3, 4, 8, 0))
    categories = CategoryRepository(vault)
    helpless = next(c for c in categories.list(CT) if c.key == "helpless_inadequate")
    observation = ObservationRepository(vault).save(
        Observation(
            session.id,
            CT,
            helpless.id,
            what_i_felt="A heavy tiredness, as if nothing I said could reach him.",
            quote="keeping score",
            anchor=Anchor(NoteKind.PROCESS, "text", 10, 23),
        )
    )
    return vault, helpless, observation


def observation_hits(vault, text: str):
    return [hit for hit in SearchIndex(vault).search(text) if hit.source == "observation"]


def test_found_by_the_tagged_words_with_code_date_and_category(recorded):
    vault, _helpless, observation = recorded
    (hit,) = observation_hits(vault, "score")
    assert (hit.client_code, hit.session_id) == ("TH-01", observation.session_id)
    assert hit.session_start == datetime(2024, 3, 4, 8, 0)
    assert hit.plain_snippet() == "Countertransference Helpless / inadequate — “keeping score”"
    assert hit.match_text == "score" and hit.source_label == "Observation"


def test_found_by_what_the_therapist_wrote_and_by_category(recorded):
    vault, _helpless, _observation = recorded
    (by_feeling,) = observation_hits(vault, "tiredness")
    assert "A heavy tiredness" in by_feeling.plain_snippet()
    (by_category,) = observation_hits(vault, "helpless")
    assert by_category.snippet.startswith(f"Countertransference {MARK_START}Helpless")
    assert observation_hits(vault, "countertransference")


def test_a_renamed_category_is_found_by_its_new_name_only(recorded):
    vault, helpless, _observation = recorded
    helpless.label = "Stuck"
    CategoryRepository(vault).save(helpless)
    assert observation_hits(vault, "stuck")
    assert observation_hits(vault, "inadequate") == []


def test_edited_and_deleted_observations_leave_the_index(recorded):
    vault, _helpless, observation = recorded
    repository = ObservationRepository(vault)
    observation.what_i_felt = "Restless."
    repository.save(observation)
    assert observation_hits(vault, "tiredness") == []
    assert observation_hits(vault, "restless")
    repository.delete(observation.id)
    assert observation_hits(vault, "restless") == []
    assert observation_hits(vault, "score") == []
