"""Progress-note templates: no text is ever dropped by a change of template."""

from __future__ import annotations

from notes.templates import DEFAULT_TEMPLATE, TEMPLATES, orphaned_sections, section_title, template


def test_orphaned_sections_keep_text_the_new_template_lacks():
    soap_note = {
        "subjective": "She said the week was a blur.",
        "objective": "Tearful.",
        "assessment": "Some progress.",
        "plan": "Weekly.",
    }
    # DAP shares assessment and plan with SOAP; subjective and objective have no home there.
    assert orphaned_sections("dap", soap_note) == {
        "subjective": "She said the week was a blur.",
        "objective": "Tearful.",
    }
    assert orphaned_sections("soap", soap_note) == {}


def test_empty_orphans_are_not_kept():
    assert orphaned_sections("free", {"subjective": "  \n", "plan": ""}) == {}


def test_an_unknown_template_reads_as_free_text():
    assert template("from-a-newer-version").key == "free"
    assert orphaned_sections("from-a-newer-version", {"text": "kept", "data": "orphan"}) == {
        "data": "orphan"
    }


def test_templates_are_well_formed():
    assert DEFAULT_TEMPLATE in TEMPLATES
    assert set(TEMPLATES) == {"soap", "dap", "birp", "free"}
    for key, each in TEMPLATES.items():
        assert each.key == key
        keys = each.section_keys()
        assert len(keys) == len(set(keys))
        assert all(section.title and section.hint for section in each.sections)


def test_section_titles():
    assert section_title("subjective") == "Subjective"
    assert section_title("intervention") == "Intervention"
    assert section_title("risk_review") == "Risk review"


# -- own templates (issue 20) -----------------------------------------------------------------

from notes.templates import (  # noqa: E402 - the own-template rules, tested apart
    Section,
    Template,
    offered_templates,
    sections_from_text,
    sections_text,
    template_problem,
    use_own_templates,
)


def test_sections_read_from_lines_keep_their_keys_through_a_rename():
    first = sections_from_text("Themes: what came up\nPlan: next")
    assert first == (Section("themes", "Themes", "what came up"), Section("plan", "Plan", "next"))
    renamed = sections_from_text("Main themes: what came up\nPlan: next\nRisk", first)
    assert [s.key for s in renamed] == ["themes", "plan", "risk"]
    assert sections_text(renamed).splitlines()[0] == "Main themes: what came up"


def test_duplicate_titles_get_distinct_keys():
    assert [s.key for s in sections_from_text("Plan\nPlan")] == ["plan", "plan_2"]


def test_own_templates_read_while_registered_and_retired_ones_are_offered_only_to_their_notes():
    own = Template("own_1", "Psychodynamic", (Section("themes", "Themes", ""),), own=True)
    retired = Template("own_2", "Old", (Section("old", "Old part", ""),), own=True, retired=True)
    use_own_templates([own, retired])
    try:
        assert template("own_1") is own and section_title("old") == "Old part"
        assert own in offered_templates() and retired not in offered_templates()
        assert retired in offered_templates("own_2")
        assert orphaned_sections("own_1", {"themes": "a", "plan": "b"}) == {"plan": "b"}
        assert template_problem("psychodynamic", own.sections, None) is not None  # name taken
        assert template_problem("Psychodynamic", own.sections, "own_1") is None  # itself
        assert template_problem(" ", own.sections, None) == "Give the template a name."
        assert template_problem("New", (), None) is not None
    finally:
        use_own_templates([])
    assert template("own_1").key == "free"  # locked: an own key reads as free text
