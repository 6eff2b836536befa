"""Fictional transference and countertransference observations for the demo caseload.

Most are tagged on words the demo notes already hold (the process-note sentences of
notes/demo/caseload.py and one assessment line); a few are recorded without words. Tomás (TH-01)
has a thread of sessions in which he hears the therapist as one more judge, so his client page
shows a pattern.
Categories are named by their key; storage/demo.py looks up the vault's ids when writing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from notes.observations import PROCESS_SECTION, Anchor, NoteKind, Observation, ObservationKind

T, CT = ObservationKind.TRANSFERENCE, ObservationKind.COUNTERTRANSFERENCE

# Whom each client's feelings seem to come from, when the therapist names someone.
_FIGURES = {
    "ML-01": "her mother",
    "DO-01": "his father",
    "PR-01": "the consultant on her ward",
    "TH-01": "his father",
    "EW-01": "her sister",
    "SN-01": "his team lead",
}


@dataclass(frozen=True)
class _Reading:
    """Words to find in a note, and what the therapist made of them."""

    words: str
    kind: ObservationKind
    category: str
    happened: str
    felt: str
    responded: str
    intensity: tuple[int, int] = (2, 4)
    supervision: bool = False
    figure: bool = False


_PROCESS_READINGS = (
    _Reading(
        "I wanted to reassure",
        CT,
        "parental_protective",
        "A painful memory came up and the room went quiet.",
        "An urge to make it better at once, before it had been said in full.",
        "Held back and asked what it was like to tell me.",
    ),
    _Reading(
        "looked at me as if waiting for a verdict",
        T,
        "anxious_preoccupied",
        "After describing a mistake, the client stopped and watched my face.",
        "Cast as the one who would judge; a pull to soften everything.",
        "Wondered aloud whether they expected me to be disappointed.",
        figure=True,
    ),
    _Reading(
        "a little helpless",
        CT,
        "helpless_inadequate",
        "Nothing I offered seemed to land.",
        "Heavy and unsure I could help; tired after the session.",
        "Stayed with the feeling instead of reaching for a technique.",
        intensity=(3, 4),
    ),
    _Reading(
        "enjoying being the one who 'gets it'",
        CT,
        "special_overinvolved",
        "The client said nobody understands them the way I do.",
        "Flattered, and a little too pleased to be the exception.",
        "Thanked them, and later wondered with them about the others in their life.",
        supervision=True,
    ),
    _Reading(
        "my attention drifting",
        CT,
        "disengaged",
        "A long account of the week, told evenly, with no feeling in it.",
        "Sleepy and far away; I lost the thread twice.",
        "Noticed it, sat up, and asked what was hard to talk about today.",
    ),
    _Reading(
        "'tired of hearing this'",
        T,
        "anxious_preoccupied",
        "The client apologised for bringing the same worry again.",
        "Touched, and a pull to over-reassure.",
        "Said there was room here for it as often as it came.",
        figure=True,
    ),
)
_ASSESSMENT_READING = _Reading(
    "disagreed with me openly",
    T,
    "secure_engaged",
    "The client told me my suggestion would not work for them, and why.",
    "Relief; it felt like a sign of trust.",
    "Agreed to try it their way and said I was glad they had told me.",
    intensity=(2, 3),
)

# TH-01's thread in his latest sessions: his words, then the therapist's own reaction.
_JUDGED = (
    ("When I mentioned the time, Tomás said I was ", "'just like the mediator, keeping score'"),
    ("Tomás asked whether I had ", "'already decided he is the bad guy'"),
    ("Tomás said I ", "'always take Lucía's side'"),
)
_JUDGED_REPLY = (
    ". I felt myself tense up and wanted to defend myself.",
    ". I felt accused and a little resentful, then curious.",
    ". I noticed a flash of irritation and wanted to explain myself.",
)


@dataclass(frozen=True)
class DemoObservation:
    """An observation whose session and category are filled in when it is written."""

    observation: Observation  # session_id and category_id are 0 until then
    category_key: str

    def placed(self, session_id: int, category_ids: dict[tuple[str, str], int]) -> Observation:
        kind = self.observation.kind.value
        return replace(
            self.observation,
            session_id=session_id,
            category_id=category_ids[(kind, self.category_key)],
        )


def _tag(
    reading: _Reading, code: str, rng: random.Random, note: NoteKind, section: str, text: str
) -> DemoObservation | None:
    start = text.find(reading.words)
    if start < 0:
        return None
    end = start + len(reading.words)
    low, high = reading.intensity
    observation = Observation(
        0,
        reading.kind,
        0,
        intensity=rng.randint(low, high),
        figure=_FIGURES.get(code, "") if reading.figure else "",
        what_happened=reading.happened,
        what_i_felt=reading.felt,
        how_i_responded=reading.responded,
        supervision=reading.supervision or rng.random() < 0.15,
        quote=reading.words,
        anchor=Anchor(note, section, start, end),
    )
    return DemoObservation(observation, reading.category)


def demo_observations(
    code: str, number: int, sections: dict[str, str], process: str, recent: bool
) -> tuple[str, list[DemoObservation]]:
    """A kept session's observations, and its process note with any words they are tagged on.

    `recent`: the session is among the client's latest few, where TH-01's thread runs.
    """
    rng = random.Random(f"{code}-{number}")  # its own stream: the notes' randomness is unchanged
    found: list[DemoObservation | None] = []
    if code == "TH-01" and recent:
        process = _judged(process, number, rng, found)
    for reading in _PROCESS_READINGS:
        found.append(_tag(reading, code, rng, NoteKind.PROCESS, PROCESS_SECTION, process))
    assessment = sections.get("assessment", "")
    found.append(_tag(_ASSESSMENT_READING, code, rng, NoteKind.PROGRESS, "assessment", assessment))
    if code == "DO-01" and number % 4 == 0:
        found.append(_untagged_warmth(rng))
    return process, [each for each in found if each is not None]


def _judged(process: str, number: int, rng: random.Random, found: list) -> str:
    """Add a TH-01 sentence to the process note and tag both his words and the reaction."""
    opening, quoted = _JUDGED[number % len(_JUDGED)]
    reply = _JUDGED_REPLY[number % len(_JUDGED_REPLY)]
    text = f"{process} {opening}{quoted}{reply}".strip()
    client = _Reading(
        quoted,
        T,
        "angry_entitled",
        "A small remark about the schedule became an accusation.",
        "On trial, as if I were the next person to find fault with him.",
        "Named what had just happened between us and asked who else keeps score.",
        intensity=(3, 5),
        figure=True,
    )
    mine = _Reading(
        reply.removeprefix(". ").removesuffix("."),
        CT,
        "criticized_mistreated",
        "Right after he turned on me.",
        "Defensive; I wanted to prove I was fair.",
        "Slowed down, did not argue my case, and came back to his feeling of being judged.",
        intensity=(3, 4),
        supervision=number % 2 == 0,
    )
    found.append(_tag(client, "TH-01", rng, NoteKind.PROCESS, PROCESS_SECTION, text))
    found.append(_tag(mine, "TH-01", rng, NoteKind.PROCESS, PROCESS_SECTION, text))
    return text


def _untagged_warmth(rng: random.Random) -> DemoObservation:
    observation = Observation(
        0,
        CT,
        0,
        intensity=rng.randint(2, 3),
        what_happened="He laughed telling me about his father's burnt loaves, and I laughed too.",
        what_i_felt="Warmth, and a sense that we were working well together.",
        how_i_responded="Let the laughter be there before we went back to the grief.",
    )
    return DemoObservation(observation, "positive_satisfying")
