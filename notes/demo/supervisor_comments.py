"""The demo's supervisor comments: what a supervisor wrote in the margin of a returned report,
kept beside the sessions they were put on (fictional, like the rest of the demo); one of them
already marked done, so the Supervision page shows an open and a done comment."""

from __future__ import annotations

from dataclasses import dataclass

SUPERVISOR = "Dr Ruth Okonkwo"


@dataclass(frozen=True)
class DemoComment:
    code: str
    sessions_ago: int  # 0: the client's latest held session
    text: str
    quoted: str = ""
    done: bool = False  # marked done on the Supervision page (on the client's latest session)


COMMENTS = (
    DemoComment(
        "TH-01",
        1,
        "When he said you were just like the mediator, what did you do with the urge to defend "
        "yourself? Let's look at whether naming it could help him see the pattern.",
        "I felt tense and wanted to defend myself",
    ),
    DemoComment(
        "TH-01",
        3,
        "Good that you held the time boundary here. Notice how often the hardest material "
        "arrives in the last five minutes.",
        done=True,
    ),
    DemoComment(
        "ML-01",
        2,
        "The pull to reassure is strong with her. What happens if you stay with the worry a "
        "little longer before offering anything?",
        "enjoying being the one who 'gets it'",
    ),
)
