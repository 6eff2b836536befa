"""Observations and their categories in a real vault: seeding, renaming, retiring, anchors."""

from __future__ import annotations

from datetime import datetime

import pytest

from notes.observations import Anchor, Category, NoteKind, Observation, ObservationKind
from notes.taxonomy import starting_categories
from storage.observations import CategoryRepository, ObservationRepository
from storage.vault import Vault

T, CT = ObservationKind.TRANSFERENCE, ObservationKind.COUNTERTRANSFERENCE


@pytest.fixture
def session(vault, add_client, add_session):
    client = add_client()
    return add_session(client.id, datetime(2024, 3, 4, 10, 0))


def category(repository: CategoryRepository, kind: ObservationKind, key: str) -> Category:
    return next(c for c in repository.list(kind) if c.key == key)


def test_categories_are_seeded_once_from_the_resource_file(vault: Vault):
    categories = CategoryRepository(vault).list()
    assert [(c.kind, c.key, c.label) for c in categories] == [
        (c.kind, c.key, c.label) for c in starting_categories()
    ]
    again = CategoryRepository(vault).list()  # a second repository adds nothing
    assert [c.id for c in again] == [c.id for c in categories]


def test_a_renamed_category_stays_renamed_and_keeps_its_observations(vault, session):
    categories, observations = CategoryRepository(vault), ObservationRepository(vault)
    helpless = category(categories, CT, "helpless_inadequate")
    saved = observations.save(Observation(session.id, CT, helpless.id, intensity=4))
    helpless.label = "Stuck and useless"
    categories.save(helpless)

    fresh = CategoryRepository(vault)  # a later unlock: seeding must not bring the old name back
    assert category(fresh, CT, "helpless_inadequate").label == "Stuck and useless"
    assert [o.category_id for o in observations.for_session(session.id)] == [saved.category_id]


def test_retired_categories_stay_readable_but_are_left_out_when_asked(vault, session):
    categories, observations = CategoryRepository(vault), ObservationRepository(vault)
    sexualized = category(categories, T, "sexualized")
    observations.save(Observation(session.id, T, sexualized.id))
    sexualized.retired = True
    categories.save(sexualized)

    assert sexualized.id not in {c.id for c in categories.list(T, include_retired=False)}
    kept = category(categories, T, "sexualized")
    assert kept.retired and kept.display_label == "Sexualized (retired)"
    assert observations.for_session(session.id)[0].category_id == sexualized.id


def test_the_therapist_adds_a_category_with_a_stable_key(vault):
    categories = CategoryRepository(vault)
    added = categories.save(Category(CT, "", "  Rescuing  ", "Wanting to fix it all for them."))
    assert added.key == "own_rescuing" and added.label == "Rescuing"
    twin = categories.save(Category(CT, "", "Rescuing"))
    assert twin.key == "own_rescuing_2"
    assert [c.label for c in categories.list(CT)][-2:] == ["Rescuing", "Rescuing"]


def test_categories_cannot_be_deleted_in_the_database_itself(vault):
    CategoryRepository(vault).list()
    with pytest.raises(Exception, match="retired, not deleted"), vault.transaction() as db:
        db.execute("DELETE FROM observation_categories")


def test_an_observation_round_trips_with_its_anchor(vault, session):
    categories, observations = CategoryRepository(vault), ObservationRepository(vault)
    angry = category(categories, T, "angry_entitled")
    anchor = Anchor(NoteKind.PROGRESS, "subjective", 4, 17)
    saved = observations.save(
        Observation(
            session.id,
            CT,  # the category decides the kind
            angry.id,
            intensity=5,
            figure="her father",
            what_happened="She said I was late again.",
            what_i_felt="A flash of irritation.",
            how_i_responded="Named the lateness and asked what it was like.",
            supervision=True,
            quote="you never care",
            anchor=anchor,
        )
    )
    assert saved.kind is T
    (loaded,) = observations.for_session(session.id)
    assert loaded == saved
    assert loaded.anchor == anchor and loaded.tagged


def test_anchors_move_and_untagged_observations_keep_their_quote(vault, session):
    categories, observations = CategoryRepository(vault), ObservationRepository(vault)
    calm = category(categories, CT, "positive_satisfying")
    first = observations.save(
        Observation(
            session.id, CT, calm.id, quote="warm", anchor=Anchor(NoteKind.PROCESS, "text", 2, 6)
        )
    )
    second = observations.save(
        Observation(
            session.id, CT, calm.id, quote="glad", anchor=Anchor(NoteKind.PROCESS, "text", 9, 13)
        )
    )
    first.anchor = Anchor(NoteKind.PROCESS, "text", 12, 16)
    second.anchor = None
    observations.save_anchors([first, second])
    moved, untagged = observations.for_session(session.id)
    assert moved.anchor == Anchor(NoteKind.PROCESS, "text", 12, 16)
    assert untagged.anchor is None and untagged.quote == "glad"


def test_for_client_lists_in_session_order_and_delete_removes(vault, add_client, add_session):
    client = add_client()
    later = add_session(client.id, datetime(2024, 5, 1, 9, 0))
    earlier = add_session(client.id, datetime(2024, 4, 1, 9, 0))
    categories, observations = CategoryRepository(vault), ObservationRepository(vault)
    some = categories.list(CT)[0]
    a = observations.save(Observation(later.id, CT, some.id))
    b = observations.save(Observation(earlier.id, CT, some.id))
    assert [o.id for o in observations.for_client(client.id)] == [b.id, a.id]
    observations.delete(a.id)
    assert [o.id for o in observations.for_client(client.id)] == [b.id]


def test_a_read_only_vault_lists_its_categories_without_seeding(vault_path, passphrase):
    """Opened read-only before its categories were ever seeded, the vault is not written:
    it lists what it has (none), and the next writable open seeds them."""
    before = vault_path.read_bytes()
    read_only = Vault.open(vault_path, passphrase, read_only=True)
    try:
        assert CategoryRepository(read_only).list() == []
    finally:
        read_only.close()
    assert vault_path.read_bytes() == before
    writable = Vault.open(vault_path, passphrase)
    try:
        assert len(CategoryRepository(writable).list()) == len(starting_categories())
    finally:
        writable.close()
