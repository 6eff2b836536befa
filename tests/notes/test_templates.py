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
