"""A user's own framework YAML loads without code; a broken one is refused with file:line:field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.errors import AdvisorError, FrameworkError
from advisor.frameworks import broken_links, frameworks_command, load_catalog, load_file, map_control, validation_error

STATE_LAW = """\
schema: advisor-framework/1
id: state-ai-law
name: "Example State AI in Health Care Act"
version: "2026 session"
status: proposed
as_of: "2026-11-01"
levels:
  - {id: section, name: Section}
  - {id: duty, name: Duty}
assessable_levels: [duty]
controls:
  - id: "S1"
    level: section
    title: "Disclosure"
    summary: "Duties to tell patients when AI is used."
  - id: "S1(a)"
    level: duty
    parent: "S1"
    title: "Patient notice"
    summary: "Tell patients when generative AI drafted a message they receive."
    aliases: ["notice"]
    links:
      - {document: genai-use-case-patient-messaging, section: "Disclosure to patients"}
  - id: "S1(b)"
    level: duty
    parent: "S1"
    title: "Human contact"
    summary: "Tell patients how to reach a human clinician."
"""

STATE_CROSSWALK = """\
schema: advisor-crosswalk/1
id: state-ai-law--nist-ai-rmf
name: "State law to AI RMF"
source: state-ai-law
target: nist-ai-rmf
basis: "Our compliance team's own reading."
mappings:
  - {source: "S1(a)", target: "MAP 3.5", strength: related, rationale: "Notice is part of how humans oversee drafted messages."}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_good_custom_framework_and_crosswalk_load_with_the_bundled_ones(tmp_path):
    write(tmp_path / "mine", "state.yaml", STATE_LAW)
    write(tmp_path / "mine", "state-cw.yml", STATE_CROSSWALK)
    catalog = load_catalog([tmp_path / "mine"])
    fw = catalog.framework("state-ai-law")
    assert [c.id for c in fw.assessable] == ["S1(a)", "S1(b)"]
    assert str(fw.status) == "proposed" and fw.find("NOTICE").id == "S1(a)"
    assert "nist-ai-rmf" in catalog.frameworks  # bundled still there
    rows = map_control(catalog, "nist-ai-rmf", "MAP 3.5", "state-ai-law")
    assert [r.control.id for r in rows] == ["S1(a)"]


def test_load_file_alone_checks_a_crosswalk_against_the_bundled_frameworks(tmp_path):
    p = write(tmp_path, "cw.yaml", STATE_CROSSWALK.replace("source: state-ai-law", "source: fda-gmlp").replace(
        '"S1(a)"', '"GMLP-7"'))  # fmt: skip
    cw = load_file(p)
    assert cw.mappings[0].source == "GMLP-7" and cw.mappings[0].target == "MAP 3.5"


BROKEN = [
    # (change to STATE_LAW, line, field, words in the problem)
    ('    summary: "Tell patients how to reach a human clinician."\n', "", 24, "controls[2].summary", "is required"),
    ("    level: duty\n    parent: \"S1\"\n    title: \"Human contact\"", "    level: clause\n    parent: \"S1\"\n    title: \"Human contact\"",
     25, "controls[2].level", "must be one of section, duty"),
    ('    parent: "S1"\n    title: "Human contact"', '    parent: "S9"\n    title: "Human contact"', 26, "controls[2].parent",
     "no control with id 'S9'"),
    ('  - id: "S1(b)"', '  - id: "s1(A)"', 24, "controls[2].id", "already used"),
    ('    title: "Patient notice"', '    titel: "Patient notice"', 19, "controls[1].titel", "unknown field"),
    ("assessable_levels: [duty]", "assessable_levels: [rule]", 10, "assessable_levels", "'rule' is not one of the levels"),
    ("status: proposed", "status: pending", 5, "status", "must be one of final, proposed"),
    ('as_of: "2026-11-01"', 'as_of: "Nov 2026"', 6, "as_of", "YYYY-MM-DD"),
    ("      - {document: genai-use-case-patient-messaging,", "      - {document: Patient Messaging,", 23,
     "controls[1].links[0].document", "lowercase slug"),
    ("  - id: \"S1\"\n    level: section", "  - id: \"S1\"\n    level: [section", 14, "yaml", "not valid YAML"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"), BROKEN, ids=lambda v: v if isinstance(v, str) and "." in v else None
)
def test_a_broken_framework_is_refused_naming_file_line_and_field(tmp_path, old, new, line, field, words):
    assert old in STATE_LAW
    p = write(tmp_path, "state.yaml", STATE_LAW.replace(old, new, 1))
    with pytest.raises(FrameworkError) as err:
        load_catalog([p])
    e = err.value
    assert isinstance(e, AdvisorError)
    assert (e.file, e.field) == (str(p), field)
    assert e.line == line, f"{e} (expected line {line})"
    assert str(e).startswith(f"{p}:{line}: {field}: ") and words in str(e)
    assert validation_error(p) is not None


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            'target: "MAP 3.5"',
            'target: "MAP 9.9"',
            "mappings[0].target",
            "no control 'MAP 9.9' in framework 'nist-ai-rmf'",
        ),
        ("target: nist-ai-rmf", "target: nist-rmf", "target", "no framework with id 'nist-rmf'"),
        ("strength: related", "strength: strong", "mappings[0].strength", "must be one of equivalent, related"),
        (
            ' rationale: "Notice is part of how humans oversee drafted messages."',
            "",
            "mappings[0].rationale",
            "is required",
        ),
    ],
)
def test_a_broken_crosswalk_is_refused_naming_the_field(tmp_path, old, new, field, words):
    write(tmp_path, "a-state.yaml", STATE_LAW)
    p = write(tmp_path, "b-cw.yaml", STATE_CROSSWALK.replace(old, new))
    with pytest.raises(FrameworkError) as err:
        load_catalog([tmp_path])
    assert err.value.file == str(p) and err.value.field == field and words in str(err.value)
    assert re.match(rf"{re.escape(str(p))}:\d+: ", str(err.value))


def test_a_framework_id_may_not_shadow_a_bundled_one(tmp_path):
    p = write(tmp_path, "copy.yaml", STATE_LAW.replace("id: state-ai-law", "id: nist-ai-rmf"))
    with pytest.raises(FrameworkError, match=r"copy\.yaml:2: id: framework 'nist-ai-rmf' is already defined"):
        load_catalog([p])


def test_a_file_without_a_known_schema_is_refused(tmp_path):
    p = write(tmp_path, "x.yaml", "name: something\n")
    with pytest.raises(FrameworkError, match=r"x\.yaml:1: schema: is required"):
        load_catalog([p])


def test_cli_lists_bundled_and_home_frameworks_as_json(home):
    write(home / "frameworks", "state.yaml", STATE_LAW)
    result = CliRunner().invoke(frameworks_command, ["--json"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.output)}
    assert set(next(iter(rows.values()))) == {"id", "name", "version", "controls", "crosswalks"}
    assert rows["nist-ai-rmf"]["controls"] == 72 and rows["nist-ai-rmf"]["crosswalks"] == 4
    assert rows["nist-ai-600-1"]["controls"] == 12 and rows["onc-hti-1"]["controls"] == 31
    assert rows["fda-gmlp"]["controls"] == 10
    assert rows["state-ai-law"] == {"id": "state-ai-law", "name": "Example State AI in Health Care Act",
                                    "version": "2026 session", "controls": 2, "crosswalks": 0}  # fmt: skip


def test_cli_refuses_a_broken_home_framework_with_a_clear_error(home):
    write(home / "frameworks", "state.yaml", STATE_LAW.replace("status: proposed", "status: pending"))
    result = CliRunner().invoke(frameworks_command, [])
    assert result.exit_code == 1
    assert "state.yaml:5: status: must be one of" in result.output


def test_a_link_to_a_missing_heading_is_reported(tmp_path):
    p = write(tmp_path, "state.yaml", STATE_LAW.replace('"Disclosure to patients"', '"Disclosure to patientz"'))
    (fw,) = load_catalog([p], bundled=False).frameworks.values()
    (problem,) = broken_links(fw)
    assert problem == f"{p}:16: S1(a): no heading 'Disclosure to patientz' in genai-use-case-patient-messaging"
    assert (
        broken_links(load_catalog([write(tmp_path, "ok.yaml", STATE_LAW)], bundled=False).framework("state-ai-law"))
        == []
    )
