"""How the Supervision page lists a supervisor's comments: open ones first (done ones only on
request), each named by client, session and date."""

from __future__ import annotations

from datetime import date

from notes.supervisor_comments import SupervisorComment, comment_line, shown_comments


def test_open_comments_are_listed_and_done_ones_only_when_asked():
    done = SupervisorComment(1, "Held the boundary.", id=1, done_on=date(2026, 11, 3))
    still = SupervisorComment(1, "Stay with the worry.", id=2)
    assert shown_comments([done, still]) == [still]
    assert shown_comments([done, still], include_done=True) == [still, done]


def test_a_line_names_the_client_the_session_its_date_and_the_supervisor():
    sessions = {7: (12, date(2026, 11, 3))}
    on_session = SupervisorComment(1, "Stay with\nthe worry.", "Dr Ruth Okonkwo", session_id=7)
    assert comment_line(on_session, "ML-01", sessions) == (
        "ML-01 · session 12 (3 Nov 2026) · Dr Ruth Okonkwo: Stay with the worry."
    )
    on_observation = SupervisorComment(1, "Name it.", session_id=7, observation_id=3,
                                       done_on=date(2026, 12, 1))  # fmt: skip
    assert comment_line(on_observation, "ML-01", sessions) == (
        "ML-01 · Done 1 Dec 2026: an observation in session 12 (3 Nov 2026) · Supervisor: Name it."
    )
    on_report = SupervisorComment(1, "Good report.", "Jo")
    assert comment_line(on_report, "ML-01", sessions) == (
        "ML-01 · On the report as a whole · Jo: Good report."
    )
