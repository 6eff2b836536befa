"""Progress note templates: SOAP, DAP, BIRP and free text, each section with a short hint, and
the therapist's own templates (made, renamed and retired in the vault).

A section's key never changes once made, so renaming a section or a template keeps every note's
text where it was; a note whose template lost a section shows that text as "kept". Retired
templates are no longer offered but still read. The vault's own templates are registered here
at unlock (`use_own_templates`) and forgotten at lock, so every lookup below knows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace


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
    own: bool = False  # made by the therapist, kept in the vault
    retired: bool = False  # no longer offered for notes; notes written with it still read

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


_own: dict[str, Template] = {}


def use_own_templates(own: list[Template]) -> None:
    """The therapist's templates, as the vault holds them (an empty list at lock)."""
    _own.clear()
    _own.update({each.key: each for each in own})


def all_templates() -> list[Template]:
    """Built-in templates, then the therapist's own, retired ones included."""
    return [*TEMPLATES.values(), *_own.values()]


def offered_templates(current: str | None = None) -> list[Template]:
    """The templates a note may be given: all but the retired, and `current` even if retired."""
    return [each for each in all_templates() if not each.retired or each.key == current]


def template(key: str) -> Template:
    """The template for a key; an unknown key (from a newer version) reads as free text."""
    return TEMPLATES.get(key) or _own.get(key) or TEMPLATES["free"]


def is_template(key: str) -> bool:
    return key in TEMPLATES or key in _own


# -- making and changing one's own templates --------------------------------------------------

_LINE = re.compile(r"^\s*(?P<title>[^:—–]+?)\s*(?:[:—–]\s*(?P<hint>.*))?$")
MAX_SECTIONS = 12


def sections_text(sections: tuple[Section, ...]) -> str:
    """Sections as the template editor shows them: one a line, "Title: hint"."""
    return "\n".join(f"{s.title}: {s.hint}" if s.hint else s.title for s in sections)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", title.casefold()).strip("_") or "section"


def sections_from_text(text: str, before: tuple[Section, ...] = ()) -> tuple[Section, ...]:
    """Sections read from the editor's lines. A title seen before keeps its key; a line whose
    title changed in the same place keeps that place's key (a rename); new titles get keys."""
    lines = [line for line in text.splitlines() if line.strip()]
    parsed = []
    for line in lines:
        found = _LINE.match(line)
        title = found.group("title").strip() if found else line.strip()
        parsed.append((title, (found.group("hint") or "").strip() if found else ""))
    by_title = {s.title.casefold(): s.key for s in before}
    titles = {title.casefold() for title, _ in parsed}
    taken: set[str] = set()
    sections = []
    for place, (title, hint) in enumerate(parsed):
        key = by_title.get(title.casefold())
        if key is None and place < len(before) and before[place].title.casefold() not in titles:
            key = before[place].key  # renamed where it stood
        if key is None or key in taken:
            key = base = _slug(title)
            number = 2
            while key in taken:
                key, number = f"{base}_{number}", number + 1
        taken.add(key)
        sections.append(Section(key, title, hint))
    return tuple(sections)


def template_problem(name: str, sections: tuple[Section, ...], key: str | None) -> str | None:
    """Why a template cannot be kept as it is, in plain words, or None."""
    if not name.strip():
        return "Give the template a name."
    if any(t.name.casefold() == name.strip().casefold() and t.key != key for t in all_templates()):
        return f"A template called “{name.strip()}” exists already; choose another name."
    if not sections:
        return "Write at least one section, one a line, such as “Themes: what came up”."
    if len(sections) > MAX_SECTIONS:
        return f"A template can have up to {MAX_SECTIONS} sections."
    return None


def new_own_template(name: str, sections: tuple[Section, ...]) -> Template:
    """A template of the therapist's, not yet in the vault: storage gives it its key (from a
    counter, never from the name)."""
    return Template("", name.strip(), sections, own=True)


def changed(template_: Template, name: str, sections: tuple[Section, ...]) -> Template:
    return replace(template_, name=name.strip(), sections=sections)


def orphaned_sections(template_key: str, sections: dict[str, str]) -> dict[str, str]:
    """Text kept from sections the current template does not have, so none is ever dropped."""
    keys = set(template(template_key).section_keys())
    return {key: text for key, text in sections.items() if key not in keys and text.strip()}


def section_title(key: str) -> str:
    """The title a section key had in whichever template defined it."""
    for each in all_templates():
        for section in each.sections:
            if section.key == key:
                return section.title
    return key.replace("_", " ").capitalize()
