"""Clients in a real vault: add, edit, unique codes, close and reopen."""

from __future__ import annotations

from datetime import date

import pytest

from notes.records import Client, ClientStatus
from storage.clients import ClientRepository, DuplicateCode


@pytest.fixture
def clients(vault) -> ClientRepository:
    return ClientRepository(vault)


def test_add_and_read_back(clients):
    saved = clients.save(
        Client(
            " ML-01 ",
            " Maya Lindqvist ",
            date(2024, 1, 8),
            identifying_terms=["Jonas", "  ", " Uppsala "],
            presenting_problem="Low mood after redundancy.",
        )
    )
    assert saved.id is not None
    read = clients.get(saved.id)
    assert read == Client(
        "ML-01",
        "Maya Lindqvist",
        date(2024, 1, 8),
        identifying_terms=["Jonas", "Uppsala"],
        presenting_problem="Low mood after redundancy.",
        status=ClientStatus.ACTIVE,
        id=saved.id,
    )


def test_edit_changes_the_same_row(clients):
    client = clients.save(Client("DO-01", "Daniel Okafor", date(2024, 2, 1)))
    client.full_name = "Daniel C. Okafor"
    client.presenting_problem = "Grief."
    clients.save(client)
    assert [(c.id, c.full_name, c.presenting_problem) for c in clients.list()] == [
        (client.id, "Daniel C. Okafor", "Grief.")
    ]


def test_a_duplicate_code_is_refused_whatever_its_case(clients):
    first = clients.save(Client("AB-01", "Anna Berg", date(2024, 1, 1)))
    with pytest.raises(DuplicateCode) as caught:
        clients.save(Client("ab-01", "Alex Brandt", date(2024, 1, 2)))
    assert "ab-01" in caught.value.message
    other = clients.save(Client("AB-02", "Alex Brandt", date(2024, 1, 2)))
    other.code = "AB-01"  # editing into another client's code is refused too
    with pytest.raises(DuplicateCode):
        clients.save(other)
    first.full_name = "Anna Bergström"  # keeping one's own code is fine
    clients.save(first)
    assert {c.code: c.full_name for c in clients.list()} == {
        "AB-01": "Anna Bergström",
        "AB-02": "Alex Brandt",
    }
    assert clients.codes() == {"AB-01", "AB-02"}


def test_closed_clients_are_hidden_unless_asked_for(clients):
    open_ = clients.save(Client("OP-01", "Olga Petrov", date(2024, 1, 1)))
    closed = clients.save(Client("CL-01", "Carl Lund", date(2024, 1, 1)))

    clients.set_status(closed.id, ClientStatus.CLOSED)
    assert [c.code for c in clients.list()] == ["OP-01"]
    assert [c.code for c in clients.list(include_closed=True)] == ["CL-01", "OP-01"]
    assert clients.get(closed.id).status is ClientStatus.CLOSED
    assert clients.codes() == {"OP-01", "CL-01"}  # a closed client's code stays taken

    clients.set_status(closed.id, ClientStatus.ACTIVE)
    assert [c.code for c in clients.list()] == ["CL-01", "OP-01"]
    assert clients.get(open_.id).status is ClientStatus.ACTIVE


def test_an_unknown_client_is_a_key_error(clients):
    with pytest.raises(KeyError):
        clients.get(12345)
