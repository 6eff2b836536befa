"""Rating drops over a career-long history agree with the rule as written (bench/ found the
first version re-summed every earlier score for each check, so it grew with the square)."""

from __future__ import annotations

import random
from fractions import Fraction

from notes.alliance import DROP_SHARE, QUESTIONS, AllianceRating, rating_drops


def _drops_by_definition(ratings: list[AllianceRating]) -> list[tuple[int, Fraction, Fraction]]:
    found, earlier = [], []
    for rating in ratings:
        score = Fraction(sum(rating.client.values()), len(rating.client))
        if earlier:
            mean = Fraction(sum(earlier), len(earlier))
            if score <= mean * (1 - DROP_SHARE):
                found.append((rating.session_id, score, mean))
        earlier.append(score)
    return found


def test_a_thousand_checks_give_the_drops_the_rule_defines():
    rng = random.Random(8)
    ratings = [
        AllianceRating(session, {q.key: rng.randint(0, 10) for q in QUESTIONS})
        for session in range(1, 1001)
    ]
    drops = rating_drops(ratings)
    assert [(d.session_id, d.score, d.earlier_mean) for d in drops] == _drops_by_definition(ratings)
    assert len(drops) > 10  # the random history has real drops in it
