"""The synthetic caseload: clients, sessions and notes of realistic length, from a fixed seed.

Pure Python, no database: `caseload(shape)` yields one `SyntheticClient` at a time (so a career
of 50,000 sessions never sits in memory at once) and `bench/bulk.py` writes them. Each client
draws from its own seeded generator, so the first five clients of a 50-client vault are the same
five clients as in a 5-client vault: two vault sizes differ only in how much else is there.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from bench import vocabulary as words
from notes.records import Attendance, Client, ClientStatus

SEED = 20260529
END = date(2026, 5, 29)  # fixed, so the same seed always writes the same vault
NOTE_WORDS = 300  # a progress note and a process note each run to about this many words
ADDENDUM_SHARE = 0.01  # one signed note in a hundred gets a dated addendum
SHORT_SESSIONS = 20  # one more client, new to therapy: their page beside the longest one's


@dataclass(frozen=True)
class Shape:
    """How big a synthetic vault is: clients × sessions per client, and one more client with
    SHORT_SESSIONS sessions (opening a client should cost the same whatever its history)."""

    clients: int
    sessions_per_client: int

    @property
    def sessions(self) -> int:
        return self.clients * self.sessions_per_client + SHORT_SESSIONS

    @property
    def name(self) -> str:
        return f"{self.clients}x{self.sessions_per_client}"


@dataclass(frozen=True)
class SyntheticSession:
    starts_at: datetime
    duration_minutes: int
    attendance: Attendance
    template: str
    sections: dict[str, str]
    process_text: str
    signed_at: datetime | None
    addendum: str | None


@dataclass
class SyntheticClient:
    client: Client
    sessions: list[SyntheticSession]


# Template key -> the pools each of its sections is written from, with its share of the words.
_INTERVENTION_SENTENCES = tuple(f"I {each}." for each in words.INTERVENTIONS)
_SECTIONS: dict[str, tuple[tuple[str, tuple[str, ...], float], ...]] = {
    "soap": (
        ("subjective", words.SUBJECTIVE, 0.32),
        ("objective", words.OBJECTIVE, 0.2),
        ("assessment", words.ASSESSMENT, 0.28),
        ("plan", words.PLAN, 0.2),
    ),
    "dap": (
        ("data", words.SUBJECTIVE + words.OBJECTIVE, 0.5),
        ("assessment", words.ASSESSMENT, 0.3),
        ("plan", words.PLAN, 0.2),
    ),
    "birp": (
        ("behaviour", words.SUBJECTIVE + words.OBJECTIVE, 0.35),
        ("intervention", _INTERVENTION_SENTENCES, 0.2),
        ("response", words.ASSESSMENT, 0.25),
        ("plan", words.PLAN, 0.2),
    ),
    "free": (
        (
            "text",
            words.SUBJECTIVE + words.OBJECTIVE + _INTERVENTION_SENTENCES + words.ASSESSMENT,
            1.0,
        ),
    ),
}
_TEMPLATE_SHARES = (("soap", 0.6), ("dap", 0.2), ("birp", 0.1), ("free", 0.1))
_ATTENDANCE_SHARES = (
    (Attendance.ATTENDED, 0.76),
    (Attendance.LATE, 0.1),
    (Attendance.CANCELLED_WITH_NOTICE, 0.06),
    (Attendance.LATE_CANCELLATION, 0.03),
    (Attendance.NO_SHOW, 0.05),
)
# Zipf-like: the first rare word is common, the last appears in a handful of notes.
_RARE_WEIGHTS = list(accumulate(1 / (rank + 1) for rank in range(len(words.RARE))))


class _Slots:
    """What `str.format_map` fills a sentence's {slots} from: a fresh draw for every slot."""

    def __init__(self, rng: random.Random, first: str, themes: list[str], terms: list[str]):
        self._rng = rng
        self._pools = {
            "theme": themes,
            "feeling": words.FEELINGS,
            "feeling2": words.FEELINGS,
            "person": words.PEOPLE,
            "place": words.PLACES,
            "body": words.BODY,
            "defence": words.DEFENCES,
            "rupture": words.RUPTURES,
            "t": words.TRANSFERENCE,
            "ct": words.COUNTERTRANSFERENCE,
        }
        self._first = first
        self._terms = terms

    def __getitem__(self, key: str) -> str:
        if key == "first":
            return self._first
        if key == "rare":
            # A client's own names and places come up as often as the commonest rare words.
            if self._rng.random() < 0.25:
                return self._rng.choice(self._terms)
            return self._rng.choices(words.RARE, cum_weights=_RARE_WEIGHTS)[0]
        return self._rng.choice(self._pools[key])


def _text(rng: random.Random, slots: _Slots, pool: tuple[str, ...], target: int) -> str:
    """Sentences from the pool, none twice while the pool lasts, until `target` words."""
    sentences: list[str] = []
    count = 0
    while count < target:
        for pattern in rng.sample(pool, len(pool)):
            sentence = pattern.format_map(slots)
            sentences.append(sentence)
            count += sentence.count(" ") + 1
            if count >= target:
                break
    return " ".join(sentences)


def _dates(rng: random.Random, count: int, hour: int) -> list[datetime]:
    """Weekly sessions ending in the week of END, with a fortnight's break now and then."""
    gaps = [14 if rng.random() < 0.06 else 7 for _ in range(count - 1)]
    day = END - timedelta(days=sum(gaps))
    days = [day]
    for gap in gaps:
        day += timedelta(days=gap)
        days.append(day)
    return [datetime.combine(each, time(hour, 0)) for each in days]


def synthetic_client(index: int, sessions: int) -> SyntheticClient:
    """The index-th client of every synthetic vault (the same whatever the vault's size)."""
    rng = random.Random(SEED * 1000 + index)
    first = words.FIRST_NAMES[index % len(words.FIRST_NAMES)]
    surname = words.SURNAMES[(index * 7 + index // len(words.SURNAMES)) % len(words.SURNAMES)]
    terms = [
        rng.choice(words.PARTNERS),
        rng.choice(words.EMPLOYERS),
        rng.choice(words.TOWNS),
    ]
    starts = _dates(rng, sessions, rng.choice((8, 9, 10, 11, 13, 14, 16, 17, 18)))
    client = Client(
        code=f"{first[0]}{surname[0]}-{index + 1:02d}".upper(),
        full_name=f"{first} {surname}",
        start_date=starts[0].date(),
        identifying_terms=terms,
        presenting_problem=rng.choice(words.PROBLEMS),
        status=ClientStatus.ACTIVE,
    )
    slots = _Slots(rng, first, rng.sample(words.THEMES, 8), terms)
    templates, shares = zip(*_TEMPLATE_SHARES, strict=True)
    template = rng.choices(templates, weights=shares)[0]
    kinds, kind_shares = zip(*_ATTENDANCE_SHARES, strict=True)
    attendance = rng.choices(kinds, weights=kind_shares, k=sessions)
    attendance[0] = Attendance.ATTENDED
    result = SyntheticClient(client, [])
    for number, starts_at in enumerate(starts, 1):
        sections = {
            key: _text(rng, slots, pool, round(NOTE_WORDS * share))
            for key, pool, share in _SECTIONS[template]
        }
        process = _text(rng, slots, words.PROCESS, NOTE_WORDS)
        # Every note but the latest is signed, as in a practice that keeps up with its notes.
        signed_at = starts_at + timedelta(hours=3) if number < sessions else None
        addendum = None
        if signed_at and rng.random() < ADDENDUM_SHARE:
            addendum = _text(rng, slots, words.ASSESSMENT, 40)
        result.sessions.append(
            SyntheticSession(
                starts_at=starts_at,
                duration_minutes=50,
                attendance=attendance[number - 1],
                template=template,
                sections=sections,
                process_text=process,
                signed_at=signed_at,
                addendum=addendum,
            )
        )
    return result


def caseload(shape: Shape) -> Iterator[SyntheticClient]:
    for index in range(shape.clients):
        yield synthetic_client(index, shape.sessions_per_client)
    yield synthetic_client(shape.clients, SHORT_SESSIONS)
