"""Fictional clients, sessions and notes for the demo vault — how newcomers meet the product.

Everyone here is invented. The notes read as a therapist writes them: the client's name appears
in some of them, as it does in real notes, which is what de-identification is for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from notes.demo.observations import DemoObservation, demo_observations
from notes.records import Attendance, Client, ClientStatus, Session


@dataclass
class DemoSession:
    session: Session
    sections: dict[str, str]
    process_text: str
    signed: bool
    observations: list[DemoObservation] = field(default_factory=list)
    # Dated additions to the signed note, written the day after the session.
    addenda: list[str] = field(default_factory=list)


@dataclass
class DemoClient:
    client: Client
    sessions: list[DemoSession] = field(default_factory=list)


@dataclass(frozen=True)
class _Story:
    code: str
    name: str
    terms: tuple[str, ...]
    problem: str
    weekday: int
    hour: int
    weeks: int
    themes: tuple[str, ...]
    closed: bool = False


_STORIES = (
    _Story(
        "ML-01",
        "Maya Lindqvist",
        ("Jonas", "Lindqvist Design", "Uppsala"),
        "Anxiety and low mood since being made redundant; sleeping badly, avoiding friends.",
        0,
        9,
        22,
        (
            "the redundancy meeting",
            "money worries and Jonas's reassurance",
            "a job interview invitation sent to maya.lindqvist.cv@example.net",
            "her mother's criticism",
            "sleep and early waking",
            "applying for work again",
        ),
    ),
    _Story(
        "DO-01",
        "Daniel Okafor",
        ("Chidi", "Harbour Street Bakery"),
        "Grief after his father's sudden death last winter; irritability at work.",
        1,
        17,
        18,
        (
            "the funeral and what was left unsaid",
            "running the bakery alone",
            "Chidi's absence",
            "anger at the hospital",
            "his father's voice in his head",
            "a first good week",
        ),
    ),
    _Story(
        "PR-01",
        "Priya Raman",
        ("Anand", "Northfield Hospital"),
        "Panic attacks on night shifts; perfectionism; fear of making a clinical error.",
        2,
        18,
        20,
        (
            "a panic attack on the ward",
            "checking and re-checking charts",
            "Anand's impatience",
            "being 'the reliable one'",
            "a mistake that did not happen",
            "saying no to an extra shift",
        ),
    ),
    _Story(
        "TH-01",
        "Tomás Herrera",
        ("Lucía", "Herrera Logistics", "Valencia"),
        "Separation from his wife; angry outbursts; worried about his bond with his son.",
        3,
        8,
        16,
        (
            "the handover at the school gate",
            "a shouting match with Lucía",
            "his own father's temper",
            "feeling judged by the mediator",
            "a calm weekend with his son",
            "drinking less",
        ),
    ),
    _Story(
        "EW-01",
        "Eleanor Whitfield",
        ("Margaret", "St Anne's"),
        "Depression after retiring from teaching; loneliness since her sister moved away.",
        4,
        11,
        24,
        (
            "empty mornings",
            "Margaret's phone calls",
            "the choir at St Anne's",
            "feeling useless",
            "old pupils she still thinks of",
            "a volunteering idea",
        ),
    ),
    _Story(
        "SN-01",
        "Sam Novak",
        ("Kestrel Games",),
        "Burnout and insomnia after a product launch; agreed short-term work.",
        1,
        12,
        8,
        ("the launch week", "sleep", "boundaries with the team lead", "planning the ending"),
        closed=True,
    ),
    # A name that is also an ordinary word: the report replaces "Hope" where it is her name and
    # leaves "hope" the word, and the export's sweep asks about "Hope" at a sentence's start.
    # Her code is the new kind, not made from her name (issue 14).
    _Story(
        "KEVO-52",
        "Hope Adeyemi",
        ("Tunde", "Riverside Primary"),
        "Low mood and exhaustion since her son's diagnosis; says she has lost hope of coping.",
        2,
        10,
        12,
        (
            "her son's hospital appointments",
            "whether there is any hope of a holiday",
            "Tunde's long shifts",
            "guilt about resting",
            "the school's phone calls",
            "a first evening to herself",
        ),
    ),
)

_SUBJECTIVE = (
    "{first} said the week had been 'a blur' and that {theme} kept coming back to mind.",
    "{first} arrived wanting to talk about {theme}. Said: 'I don't know why it still gets to me.'",
    "Reported sleeping a little better. Most of the session was about {theme}.",
    "{first} described {theme} in detail and said it was the first time they had told anyone.",
    "Began quietly; after a while spoke about {theme} and about feeling 'stuck in the same loop'.",
)
_OBJECTIVE = (
    "Tearful when speaking about {theme}; otherwise composed. Good eye contact.",
    "Restless at the start, settled after ten minutes. Speech normal in rate and volume.",
    "Affect flat early on, brighter towards the end. No signs of intoxication.",
    "Appeared tired. Laughed at times, then became serious when {theme} came up.",
)
_ASSESSMENT = (
    "Some progress: {first} can now name the feeling before it takes over. Risk low; no thoughts "
    "of self-harm reported when asked.",
    "Mood still low but more engaged than last month. The theme of {theme} links to the earlier "
    "material about being let down.",
    "Avoidance remains the main pattern. Alliance feels steadier; {first} disagreed with me openly "
    "today, which I take as a good sign.",
    "Anxiety reduced compared with intake. Continues to minimise own needs.",
)
_PLAN = (
    "Continue weekly. {first} will keep the sleep diary and notice when {theme} comes up.",
    "Next session: return to {theme}; review the goals we agreed at the start.",
    "Continue weekly. Try the breathing exercise before difficult conversations.",
    "Keep the same time next week. Bring the letter {first} mentioned if ready.",
)
_PROCESS = (
    "I noticed I wanted to reassure {first} quickly when {theme} came up — perhaps more my "
    "discomfort than theirs. Worth watching.",
    "{first} looked at me as if waiting for a verdict. I felt cast as the critical parent again.",
    "Felt protective and a little helpless. Stayed with it rather than rushing to fix.",
    "A warm session. I caught myself enjoying being the one who 'gets it' — note for supervision.",
    "Found my attention drifting in the middle; I think {first} was keeping things on the surface.",
    "When {first} asked whether I was 'tired of hearing this', I felt a pull to over-reassure.",
)


def _first(name: str) -> str:
    return name.split()[0]


def _week_start(today: date, weeks_ago: int, weekday: int) -> date:
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks_ago)
    return monday + timedelta(days=weekday)


def _attendance(rng: random.Random) -> Attendance:
    roll = rng.random()
    if roll < 0.06:
        return Attendance.NO_SHOW
    if roll < 0.11:
        return Attendance.CANCELLED_WITH_NOTICE
    if roll < 0.14:
        return Attendance.LATE_CANCELLATION
    if roll < 0.24:
        return Attendance.LATE
    return Attendance.ATTENDED


def _fill(pattern: str, story: _Story, theme: str) -> str:
    return pattern.format(first=_first(story.name), theme=theme)


def _session_notes(story: _Story, rng: random.Random, number: int) -> tuple[dict[str, str], str]:
    theme = story.themes[(number - 1) % len(story.themes)]
    sections = {
        "subjective": _fill(rng.choice(_SUBJECTIVE), story, theme),
        "objective": _fill(rng.choice(_OBJECTIVE), story, theme),
        "assessment": _fill(rng.choice(_ASSESSMENT), story, theme),
        "plan": _fill(rng.choice(_PLAN), story, theme),
    }
    if number == 1:
        sections["subjective"] = (
            f"First session. {story.name} was referred by their GP. {story.problem} "
            "We talked through how we will work together, confidentiality and its limits, "
            "fees and cancellations."
        )
    if rng.random() < 0.3 and len(story.terms) > 0:
        sections["subjective"] += f" Mentioned {rng.choice(story.terms)} several times."
    return sections, _fill(rng.choice(_PROCESS), story, theme)


# Later additions to signed notes, by client code and session number: what a therapist adds
# once a note is signed and can no longer be changed.
_ADDENDA: dict[tuple[str, int], tuple[str, ...]] = {
    ("ML-01", 3): (
        "Correction: the interview she mentioned is on Thursday, not Tuesday as written above.",
    ),
    ("DO-01", 1): (
        "Daniel phoned the next morning to say the session had stayed with him and he wanted "
        "to keep the same time next week. No risk concerns raised on the call.",
    ),
    ("PR-01", 4): (
        "Consulted with my supervisor about the request to meet outside the usual room; agreed "
        "to keep to the usual arrangements and to explain why next session.",
        "Left a message confirming next week's time, as agreed.",
    ),
}


def demo_clients(today: date | None = None, seed: int = 7) -> list[DemoClient]:
    """The demo caseload, ending in the week of `today`."""
    today = today or date.today()
    rng = random.Random(seed)
    result: list[DemoClient] = []
    for story in _STORIES:
        first_week = story.weeks + (6 if story.closed else 0)
        client = Client(
            code=story.code,
            full_name=story.name,
            start_date=_week_start(today, first_week, story.weekday),
            identifying_terms=list(story.terms),
            presenting_problem=story.problem,
            status=ClientStatus.CLOSED if story.closed else ClientStatus.ACTIVE,
        )
        demo = DemoClient(client)
        for number, weeks_ago in enumerate(range(first_week, first_week - story.weeks, -1), 1):
            day = _week_start(today, weeks_ago, story.weekday)
            if day > today:
                continue
            session = Session(
                client_id=0,
                starts_at=datetime.combine(day, time(story.hour, 0)),
                attendance=Attendance.ATTENDED if number == 1 else _attendance(rng),
            )
            if session.attendance.kept:
                sections, process = _session_notes(story, rng, number)
                process, observations = demo_observations(
                    story.code, number, sections, process, recent=weeks_ago <= 6
                )
            else:
                sections = {"subjective": f"{session.attendance.label}. No session held."}
                observations = []
                process = ""
            signed = weeks_ago > 1
            addenda = list(_ADDENDA.get((story.code, number), ())) if signed else []
            demo.sessions.append(
                DemoSession(session, sections, process, signed, observations, addenda)
            )
        result.append(demo)
    return result
