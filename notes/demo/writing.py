"""The demo's writing aids: a template of the therapist's own, phrases beyond the starter set,
a word in the personal dictionary, and the notes that use them. All fictional."""

from __future__ import annotations

from notes.phrases import Phrase
from notes.templates import Section, Template, new_own_template

DEMO_TEMPLATE: Template = new_own_template(
    "Psychodynamic session",
    (
        Section("themes", "Themes", "What came up, in the client's words where it matters."),
        Section("relationship", "Between us", "How the client related to me today."),
        Section("assessment", "Formulation", "How today fits the picture so far."),
        Section("plan", "Plan", "What to hold in mind for next time."),
    ),
)

DEMO_PHRASES = [
    Phrase(
        "grnd",
        "Practised a grounding exercise together (naming what can be seen, heard and touched); "
        "the client said it helped them come back into the room.",
    ),
    Phrase("endok", "We ended on time; the client left calmly and confirmed next week."),
]

DEMO_WORDS = ["Ashcombe"]  # a fictional village a client talks about


def own_template_note(sections: dict[str, str]) -> dict[str, str]:
    """A demo note's sections as the own template holds them, with two phrases used in it."""
    return {
        "themes": sections.get("subjective", ""),
        "relationship": sections.get("objective", "") + " " + DEMO_PHRASES[0].text,
        "assessment": sections.get("assessment", ""),
        "plan": sections.get("plan", "") + " " + DEMO_PHRASES[1].text,
    }
