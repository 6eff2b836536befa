"""Progress note templates: SOAP, DAP, BIRP and free text, each section with a short hint."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    sections: tuple[Section, ...]

    def section_keys(self) -> list[str]:
        return [section.key for section in self.sections]


# Sections that mean the same thing share a key, so their text follows a change of template.
_ASSESSMENT = Section(
    "assessment", "Assessment", "Your reading of today: progress, risk, what the session meant."
)
_PLAN = Section("plan", "Plan", "Next steps, homework, what to pick up next time.")

TEMPLATES: dict[str, Template] = {
    template.key: template
    for template in (
        Template(
            "soap",
            "SOAP",
            (
                Section("subjective", "Subjective", "What the client told you, in their words."),
                Section("objective", "Objective", "What you observed: affect, behaviour, facts."),
                _ASSESSMENT,
                _PLAN,
            ),
        ),
        Template(
            "dap",
            "DAP",
            (
                Section("data", "Data", "What was said and observed in the session."),
                _ASSESSMENT,
                _PLAN,
            ),
        ),
        Template(
            "birp",
            "BIRP",
            (
                Section("behaviour", "Behaviour", "How the client presented and what they raised."),
                Section("intervention", "Intervention", "What you did and offered."),
                Section("response", "Response", "How the client took it up."),
                _PLAN,
            ),
        ),
        Template("free", "Free text", (Section("text", "Note", "Write the note your way."),)),
    )
}

DEFAULT_TEMPLATE = "soap"


def template(key: str) -> Template:
    """The template for a key; an unknown key (from a newer version) reads as free text."""
    return TEMPLATES.get(key, TEMPLATES["free"])


def orphaned_sections(template_key: str, sections: dict[str, str]) -> dict[str, str]:
    """Text kept from sections the current template does not have, so none is ever dropped."""
    keys = set(template(template_key).section_keys())
    return {key: text for key, text in sections.items() if key not in keys and text.strip()}


def section_title(key: str) -> str:
    """The title a section key had in whichever template defined it."""
    for each in TEMPLATES.values():
        for section in each.sections:
            if section.key == key:
                return section.title
    return key.replace("_", " ").capitalize()
