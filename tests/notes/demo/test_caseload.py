"""The fictional demo caseload: enough clients and months of sessions to explore the product."""

from __future__ import annotations

from datetime import date, timedelta

from notes.demo.caseload import demo_clients
from notes.records import Attendance, ClientStatus

TODAY = date(2024, 6, 12)


def test_at_least_five_clients_with_unique_codes():
    caseload = demo_clients(TODAY)
    assert len(caseload) >= 5
    codes = [demo.client.code for demo in caseload]
    assert len(set(codes)) == len(codes)
    assert any(demo.client.status is ClientStatus.CLOSED for demo in caseload)


def test_several_months_of_sessions_ending_by_today():
    caseload = demo_clients(TODAY)
    for demo in caseload:
        days = [item.session.starts_at.date() for item in demo.sessions]
        assert days == sorted(days)
        assert all(day <= TODAY for day in days)
        assert demo.sessions[0].session.attendance is Attendance.ATTENDED
    spans = [
        demo.sessions[-1].session.starts_at - demo.sessions[0].session.starts_at
        for demo in caseload
    ]
    assert sum(span >= timedelta(days=90) for span in spans) >= 3


def test_some_notes_mention_the_clients_name():
    # As real notes do; this is what de-identification will have to catch.
    caseload = demo_clients(TODAY)
    for demo in caseload:
        first_name = demo.client.full_name.split()[0]
        texts = [" ".join(item.sections.values()) for item in demo.sessions]
        assert any(first_name in text for text in texts), demo.client.code
        assert any(item.signed for item in demo.sessions)


def test_the_caseload_is_the_same_for_the_same_day():
    assert demo_clients(TODAY) == demo_clients(TODAY)


def test_a_client_whose_name_is_a_common_word():
    """Issue 14: the demo shows "Hope" replaced where it is her name, "hope" kept where it is
    the word, and the sentences where a reader could not tell asked about."""
    from notes.deidentify import Deidentifier
    from notes.words import is_ordinary_word

    caseload = demo_clients(date(2026, 6, 15))
    hope = next(demo for demo in caseload if demo.client.full_name.split()[0] == "Hope")
    assert is_ordinary_word("Hope")
    others = [demo.client for demo in caseload if demo is not hope]
    names = Deidentifier(
        hope.client.code, hope.client.full_name, hope.client.identifying_terms, others=others
    )
    texts = [text for each in hope.sessions for text in each.sections.values()]
    assert any("hope" in names.apply(text) for text in texts)  # the word stays
    assert any(names.ambiguous(text) for text in texts)  # "Hope said …" is asked about
    assert not any("Adeyemi" in names.apply(text) for text in texts)


def test_an_address_holding_a_name_is_replaced_whole_in_the_demo():
    """Issue 14: Maya's notes mention the address an invitation went to; her report shows
    "[ML-01 e-mail]", not an address with the name taken out."""
    from notes.deidentify import Deidentifier

    caseload = demo_clients(date(2026, 6, 15))
    maya = next(demo for demo in caseload if demo.client.code == "ML-01")
    names = Deidentifier(maya.client.code, maya.client.full_name, maya.client.identifying_terms)
    texts = [names.apply(text) for each in maya.sessions for text in each.sections.values()]
    assert any("[ML-01 e-mail]" in text for text in texts)
    assert not any("example.net" in text for text in texts)
