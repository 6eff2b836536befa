"""The demo vault's supervision: sessions with a supervisor, actions open and done, items still
open, questions — so the Supervision page and the next report have something to show."""

from __future__ import annotations

from datetime import date

from notes.demo.supervision import SUPERVISOR
from notes.supervision import ItemKind, open_actions, open_items
from storage.clients import ClientRepository
from storage.demo import write_demo
from storage.search import SearchIndex
from storage.supervision import SupervisionRepository

TODAY = date(2026, 11, 20)


def test_the_demo_records_supervision_with_something_left_open(vault):
    write_demo(vault, TODAY)
    repository = SupervisionRepository(vault)
    supervisions = repository.sessions()
    assert [s.supervisor for s in supervisions] == [SUPERVISOR, SUPERVISOR]
    assert all(s.items and s.actions for s in supervisions)
    actions = [a for s in supervisions for a in s.actions]
    assert any(a.done_on for a in actions) and open_actions(supervisions)

    codes = {c.id: c.code for c in ClientRepository(vault).list(include_closed=True)}
    still = open_items(repository.candidates(list(codes)), supervisions)
    assert {i.item.kind for i in still} >= {ItemKind.QUESTION, ItemKind.OBSERVATION}
    discussed = {d.item for s in supervisions for d in s.items}
    assert discussed.isdisjoint({i.item for i in still})

    maya = next(i for i, code in codes.items() if code == "ML-01")
    carry = repository.carry_over(maya)
    assert carry.last_on == supervisions[-1].held_on and carry.actions
    hits = SearchIndex(vault).search("reassurance repeats")
    assert [(h.source, h.client_code) for h in hits] == [("supervision", "ML-01")]


def test_the_demo_has_supervisor_comments_open_and_done(vault):
    from storage.supervisor_comments import SupervisorComments

    write_demo(vault, TODAY)
    codes = {c.code: c.id for c in ClientRepository(vault).list(include_closed=True)}
    comments = SupervisorComments(vault).for_clients(list(codes.values()))
    assert {c.client_id for c in comments} == {codes["TH-01"], codes["ML-01"]}
    assert any(not c.is_open for c in comments) and any(c.is_open for c in comments)
    assert all(c.session_id is not None for c in comments)
