"""corpus/assessment/roadmap.yaml: the themes and prerequisites the planner reads, and its loader's errors."""

from __future__ import annotations

import pytest

from advisor import assessment as A
from advisor import recommend as R
from advisor.errors import AssessmentError
from advisor.recommend import plan as P
from advisor.recommend.roadmap import ROADMAP_FILE, Roadmap, load_roadmap


def _problems(exc: AssessmentError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_bundled_roadmap_sits_beside_the_instrument_and_loads():
    assert ROADMAP_FILE.name == "roadmap.yaml" and (ROADMAP_FILE.parent / "instrument.yaml").is_file()
    rm = load_roadmap()
    assert len(rm.themes) == 16 and len(rm.prerequisites) == 33
    gov_a = next(t for t in rm.themes if t.key == "GOV-A")
    assert gov_a == R.Theme(
        "GOV-A", "GOV", ("GOV-1", "GOV-4"), "Charter the AI governance committee and approve AI policies"
    )
    assert rm.prerequisites["SEC-4"] == ("SEC-1", "GOV-4")  # order kept: it orders dependencies
    assert rm.theme_of("GOV-5") is None and rm.theme_of("DATA-4").key == "DATA-C"
    assert rm.themes == R.THEMES and rm.prerequisites == R.PREREQUISITES  # the old names still work


def test_planner_follows_the_file(tmp_path):
    """Grouping comes from the data: without themes every gap is its own recommendation."""
    inst = A.load_instrument()
    card = next(c for _, c in A.load_all() if c.org == "northbridge-academic")
    grouped = P.plans(card, inst)
    assert any(len(p.gaps) > 1 for p in grouped)
    alone = P.plans(card, inst, Roadmap(themes=(), prerequisites={}))
    assert len(alone) == len(card.gaps) and all(len(p.gaps) == 1 and not p.deps for p in alone)

    path = tmp_path / "roadmap.yaml"
    path.write_text(
        "themes:\n  - {key: GOV-X, dimension: GOV, questions: [GOV-2, GOV-5], title: Inventory and monitor AI}\n"
        "prerequisites: {}\n",
        encoding="utf-8",
    )
    custom = P.plans(card, inst, load_roadmap(path, inst))
    assert [g.question_id for g in next(p for p in custom if p.key == "GOV-X").gaps] == ["GOV-2", "GOV-5"]


BAD = """\
themes:
  - key: GOV-A
    dimension: GOV
    questions: [GOV-1, GOV-22]
    title: "Charter"
  - key: GOV-A
    dimension: GOV
    questions: [GOV-1, DATA-3]
  - key: X
    dimension: GOVERNANCE
    questions: [GOV-3]
    title: "x"
    owner: CIO
prerequisites:
  GOV-5: [GOV-5]
  CLIN-9: [GOV-2]
  SEC-2: GOV-4
prerequisite:
  GOV-4: [GOV-1]
"""


def test_invalid_roadmap_names_the_file_the_field_and_the_fix(tmp_path):
    path = tmp_path / "roadmap.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(AssessmentError) as err:
        load_roadmap(path)
    problems = _problems(err.value)
    assert str(path) in str(err.value)
    expected = [
        "unknown field 'prerequisite'; the roadmap has only the fields themes, prerequisites, capacity, bodies, urgent",
        "themes[0] (GOV-A) questions: 'GOV-22' is not a question of the instrument; did you mean GOV-2?",
        "themes[1] (GOV-A): key 'GOV-A' is used by an earlier theme; keys must be unique",
        "themes[1] (GOV-A): field 'title' is missing",
        "themes[1] (GOV-A) questions: GOV-1 is already in theme GOV-A; a question belongs to at most one theme",
        "themes[1] (GOV-A) questions: DATA-3 belongs to DATA, not GOV",
        "themes[2] (X): unknown field 'owner'; use key, dimension, questions, title",
        "themes[2] (X): dimension 'GOVERNANCE' is not a dimension of the instrument; use one of STRAT, DATA,",
        "themes[2] (X): field 'questions' must list at least two question ids of one dimension",
        "prerequisites.GOV-5: a question cannot be its own prerequisite; remove GOV-5",
        "prerequisites: 'CLIN-9' is not a question of the instrument",
        "prerequisites.SEC-2: list the question ids that must be in place first, e.g. [GOV-2]",
    ]
    for text in expected:
        assert any(text in p for p in problems), (text, problems)
    assert len(problems) == len(expected)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "roadmap file not found; expected a YAML file at"),
        ("themes: [unclosed", "not valid YAML"),
        ("- just a list", "the roadmap must be a YAML mapping with the fields themes and prerequisites"),
        ("prerequisites: {}\n", "field 'themes' is missing or not a list"),
        (b"themes: \xff\n", "not UTF-8 text"),
    ],
)
def test_unreadable_roadmap_says_what_to_fix(tmp_path, content, message):
    path = tmp_path / "roadmap.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(AssessmentError) as err:
        load_roadmap(path)
    assert message in str(err.value) and str(path) in str(err.value)
