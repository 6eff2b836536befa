"""Conduct checks in a real vault: the editable prompt set, answers that keep their wording, and
the "conduct check due" mark on sessions that were put off."""

from __future__ import annotations

from datetime import datetime

import pytest

from notes.conduct import Answer, Applies, CheckState, ConductAnswer, default_prompt_set
from storage.conduct import ConductRepository
from storage.sessions import SessionRepository


@pytest.fixture
def conduct(vault) -> ConductRepository:
    return ConductRepository(vault)


def test_the_starting_set_until_the_therapist_edits_it(conduct):
    assert conduct.prompt_set() == default_prompt_set()
    edited = conduct.prompt_set()
    edited.prompt("interest.presence").text = "Was I really there with them?"
    edited.prompt("empathy.feeling").retired = True
    added = edited.add("trust", "Did I keep a promise I made last time?", Applies.LATER)
    conduct.save_prompt_set(edited)

    again = conduct.prompt_set()
    assert again.prompt("interest.presence").text == "Was I really there with them?"
    assert again.prompt("empathy.feeling").retired
    assert again.prompt(added.key) == added
    assert [p.key for p in again.prompts] == [p.key for p in edited.prompts]
    assert again.groups == default_prompt_set().groups


def test_answers_keep_the_wording_they_were_given_with(conduct, add_client, add_session):
    session = add_session(add_client().id, datetime(2025, 3, 3, 9))
    prompts = conduct.prompt_set()
    asked = prompts.prompt("interest.presence")
    conduct.save_answers(
        session.id,
        [ConductAnswer(asked.key, asked.group, asked.text, Answer.PARTLY, " glanced at clock ")],
    )
    asked.text = "Was I really there with them?"
    conduct.save_prompt_set(prompts)

    stored = conduct.check(session.id)
    assert stored.state is CheckState.DONE
    assert stored.starts_at == datetime(2025, 3, 3, 9)
    (answer,) = stored.answers
    assert answer.prompt_text.startswith("Was I present with them")
    assert (answer.answer, answer.comment) == (Answer.PARTLY, "glanced at clock")


def test_later_marks_the_session_due_until_it_is_answered(conduct, vault, add_client, add_session):
    sessions = SessionRepository(vault)
    client = add_client()
    first = add_session(client.id, datetime(2025, 3, 3, 9))
    second = add_session(client.id, datetime(2025, 3, 10, 9))
    conduct.mark_due(second.id)
    assert [s.conduct_due for s in sessions.for_client(client.id)] == [False, True]
    assert conduct.check(second.id).state is CheckState.DUE

    conduct.save_answers(second.id, [ConductAnswer("trust.noticed", "trust", "…", Answer.YES)])
    conduct.mark_due(second.id)  # putting off an answered check again changes nothing
    assert not sessions.get(second.id).conduct_due
    assert conduct.check(first.id) is None


def test_checks_per_client_and_across_clients(conduct, add_client, add_session):
    ada, bo = add_client("Ada"), add_client("Bo")
    late = add_session(ada.id, datetime(2025, 4, 7, 9))
    early = add_session(ada.id, datetime(2025, 1, 6, 9))
    other = add_session(bo.id, datetime(2025, 3, 5, 9))
    due = add_session(bo.id, datetime(2025, 3, 12, 9))
    for session in (late, early, other):
        conduct.save_answers(
            session.id,
            [
                ConductAnswer("interest.questions", "interest", "Q1", Answer.YES),
                ConductAnswer("empathy.remarks", "empathy", "Q2", Answer.NO, "rushed"),
            ],
        )
    conduct.mark_due(due.id)

    assert [c.session_id for c in conduct.for_client(ada.id)] == [early.id, late.id]
    assert [a.prompt_key for a in conduct.for_client(ada.id)[0].answers] == [
        "interest.questions",
        "empathy.remarks",
    ]
    since = conduct.since(datetime(2025, 2, 1))
    assert [c.session_id for c in since] == [other.id, late.id]  # due checks are not answers


def test_answering_again_replaces_the_answers(conduct, add_client, add_session):
    session = add_session(add_client().id, datetime(2025, 3, 3, 9))
    conduct.save_answers(session.id, [ConductAnswer("a", "interest", "A", Answer.NO)])
    conduct.save_answers(session.id, [ConductAnswer("a", "interest", "A", Answer.YES)])
    assert [a.answer for a in conduct.check(session.id).answers] == [Answer.YES]


def test_every_change_is_in_the_audit_log_without_any_text(conduct, vault, add_client, add_session):
    session = add_session(add_client().id, datetime(2025, 3, 3, 9))
    conduct.mark_due(session.id)
    conduct.save_answers(session.id, [ConductAnswer("a", "interest", "A", Answer.NO, "secret")])
    log = vault.read("SELECT action, record FROM audit_log")
    assert ("conduct check put off", f"session {session.id}") in log
    assert ("conduct check answered", f"session {session.id}") in log
    assert "secret" not in repr(log)
