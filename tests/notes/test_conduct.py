"""The conduct prompt set and the rules over answers: patterns per client, the trend across all."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from notes.conduct import (
    Answer,
    Applies,
    CheckState,
    ConductAnswer,
    ConductCheck,
    check_counts,
    conduct_patterns,
    conduct_trend,
    default_prompt_set,
    due_after_later,
    needs_conduct_check,
    questions_for,
    session_to_check,
)
from notes.dates import recent_months
from notes.records import Attendance, Session

START = datetime(2025, 3, 3, 9)
GROUPS = ["interest", "empathy", "understanding", "contract", "boundaries", "trust"]


def check(week: int, answers: dict[str, Answer], state: CheckState = CheckState.DONE):
    prompts = default_prompt_set()
    return ConductCheck(
        session_id=100 + week,
        state=state,
        answers=[
            ConductAnswer(key, prompts.prompt(key).group, prompts.prompt(key).text, answer)
            for key, answer in answers.items()
        ],
        starts_at=START + timedelta(weeks=week),
    )


def test_the_shipped_set_covers_every_group_with_kind_suggestions():
    prompts = default_prompt_set()
    assert [group.key for group in prompts.groups] == GROUPS
    assert all(group.suggestion for group in prompts.groups)
    keys = [prompt.key for prompt in prompts.prompts]
    assert len(keys) == len(set(keys))
    for group in GROUPS:
        assert prompts.for_session(first_session=False), group


def test_first_sessions_get_their_own_stronger_understanding_prompts():
    prompts = default_prompt_set()
    first = prompts.for_session(first_session=True)
    later = prompts.for_session(first_session=False)
    first_understanding = [p for p in first if p.group == "understanding"]
    later_understanding = [p for p in later if p.group == "understanding"]
    assert len(first_understanding) > len(later_understanding) >= 1
    assert not {p.key for p in first_understanding} & {p.key for p in later_understanding}
    assert all(p.applies_to is not Applies.LATER for p in first)
    # Asked in group order, whatever order the prompts were added in.
    order = [GROUPS.index(p.group) for p in later]
    assert order == sorted(order)


def test_retired_and_added_prompts():
    prompts = default_prompt_set()
    prompts.prompt("interest.presence").retired = True
    own = prompts.add("empathy", "  Did I stay with the silence?  ")
    second = prompts.add("empathy", "Did I notice when they teared up?", Applies.LATER)
    asked = prompts.for_session(first_session=False)
    assert "interest.presence" not in [p.key for p in asked]
    assert own.text == "Did I stay with the silence?" and own in asked and second in asked
    assert own.key != second.key
    assert second not in prompts.for_session(first_session=True)


def test_a_prompt_missed_in_two_of_the_last_four_checks_is_a_pattern():
    prompts = default_prompt_set()
    yes, no, partly = Answer.YES, Answer.NO, Answer.PARTLY
    checks = [
        check(0, {"interest.undistracted": no, "empathy.remarks": no}),  # too old to count
        check(1, {"interest.undistracted": partly, "empathy.remarks": yes}),
        check(2, {"interest.undistracted": yes, "empathy.remarks": no}),
        check(3, {"interest.undistracted": no, "empathy.remarks": Answer.NOT_APPLICABLE}),
        check(4, {"interest.undistracted": yes, "empathy.remarks": yes}),
    ]
    patterns = conduct_patterns(checks, prompts)
    assert [(p.prompt_key, p.gaps, p.out_of) for p in patterns] == [("interest.undistracted", 2, 4)]
    assert patterns[0].group.label == "Interest and attention"
    assert patterns[0].group.suggestion
    assert "2 of your last 4" in patterns[0].summary


def test_put_off_checks_and_retired_prompts_do_not_make_patterns():
    prompts = default_prompt_set()
    no = Answer.NO
    checks = [check(week, {"trust.noticed": no, "empathy.feeling": no}) for week in range(2)]
    checks.append(check(2, {}, CheckState.DUE))
    prompts.prompt("trust.noticed").retired = True
    assert [p.prompt_key for p in conduct_patterns(checks, prompts)] == ["empathy.feeling"]


def test_a_pattern_shows_the_current_wording_and_older_wording_when_the_prompt_is_gone():
    prompts = default_prompt_set()
    checks = [check(week, {"empathy.feeling": Answer.PARTLY}) for week in range(3)]
    prompts.prompt("empathy.feeling").text = "Did I let myself be moved?"
    assert conduct_patterns(checks, prompts)[0].text == "Did I let myself be moved?"
    prompts.prompts = [p for p in prompts.prompts if p.key != "empathy.feeling"]
    assert conduct_patterns(checks, prompts)[0].text.startswith("Did I let some feeling show")


def test_one_gap_is_not_a_pattern():
    checks = [check(0, {"interest.questions": Answer.NO})]
    checks += [check(week, {"interest.questions": Answer.YES}) for week in range(1, 4)]
    assert conduct_patterns(checks, default_prompt_set()) == []


def test_recent_months_cross_the_year():
    assert recent_months(date(2025, 2, 14), 4) == [
        date(2024, 11, 1),
        date(2024, 12, 1),
        date(2025, 1, 1),
        date(2025, 2, 1),
    ]


def test_trend_is_the_share_of_yes_per_group_and_month_leaving_out_not_applicable():
    prompts = default_prompt_set()
    months = [date(2025, 3, 1), date(2025, 4, 1)]
    checks = [
        check(0, {"interest.undistracted": Answer.YES, "interest.questions": Answer.NO}),
        check(1, {"interest.undistracted": Answer.YES, "trust.noticed": Answer.NOT_APPLICABLE}),
        check(5, {"interest.undistracted": Answer.PARTLY}),  # in April
        check(20, {"interest.undistracted": Answer.NO}),  # outside the months asked for
    ]
    trend = {row.group.key: row.cells for row in conduct_trend(checks, prompts, months)}
    assert list(trend) == GROUPS
    march, april = trend["interest"]
    assert (march.yes, march.answered, april.yes, april.answered) == (2, 3, 0, 1)
    assert march.share == 2 / 3 and april.share == 0
    assert trend["trust"][0].share is None


def test_a_check_reopened_shows_answered_prompts_in_their_old_words_and_new_ones_too():
    prompts = default_prompt_set()
    earlier = check(0, {"empathy.remarks": Answer.NO})
    prompts.prompt("empathy.remarks").text = "Reworded since"
    own = prompts.add("interest", "Did I notice the small things?")
    asked = questions_for(prompts, first_session=False, check=earlier)
    texts = {p.key: p.text for p in asked}
    assert texts["empathy.remarks"].startswith("Did I put my empathy into words")
    assert texts[own.key] == "Did I notice the small things?"
    assert [p.key for p in asked] == [p.key for p in prompts.for_session(False)]
    assert questions_for(prompts, True, None) == prompts.for_session(True)


def session(week: int, attendance: Attendance = Attendance.ATTENDED, due: bool = False):
    return Session(
        1, START + timedelta(weeks=week), attendance=attendance, id=week + 1, conduct_due=due
    )


def test_only_a_session_the_client_came_to_gets_a_conduct_check():
    assert needs_conduct_check(session(0, Attendance.ATTENDED))
    assert needs_conduct_check(session(0, Attendance.LATE))
    for missed in (
        Attendance.NO_SHOW,
        Attendance.CANCELLED_WITH_NOTICE,
        Attendance.LATE_CANCELLATION,
    ):
        assert not needs_conduct_check(session(0, missed))


def test_later_makes_a_check_due_only_when_there_is_none_yet():
    assert due_after_later(None)
    assert not due_after_later(check(0, {}, CheckState.DUE))  # already due: stays so
    assert not due_after_later(check(0, {"interest.questions": Answer.YES}))  # answers kept


def test_the_session_to_check_is_the_newest_due_else_the_newest_kept():
    kept, due, missed = session(0), session(1, due=True), session(2, Attendance.NO_SHOW)
    newer_kept = session(3)
    assert session_to_check([missed, due, kept]).id == due.id
    assert session_to_check([kept, newer_kept, due]).id == due.id  # due wins over newer
    assert session_to_check([kept, missed]).id == kept.id  # a no-show is not offered
    assert session_to_check([missed]).id == missed.id  # nobody came yet: the newest anyway
    assert session_to_check([]) is None


def test_check_counts_look_at_the_latest_window_of_answered_checks():
    answered = [check(week, {"interest.questions": Answer.YES}) for week in range(6)]
    empty = check(6, {})  # saved without an answer: not counted as answered
    due = [check(7, {}, CheckState.DUE), check(8, {}, CheckState.DUE)]
    counts = check_counts([*answered, empty, *due])
    assert (counts.due, counts.answered, counts.looked_at) == (2, 6, 4)
    assert check_counts(answered[:3]).looked_at == 3
    assert check_counts([]).answered == 0
