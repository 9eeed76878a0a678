"""The loader registry: third-party loaders by registration or entry point, plugins loaded on demand."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from advisor import ingest
from advisor.chunk import ResultKind
from advisor.errors import IngestError
from advisor.ingest import LOADERS, load_chunks, register_loader, registry, unregister_loader

from . import notes_plugin

ROOT = Path(__file__).resolve().parents[2]
PRAIRIE = ROOT / "corpus" / "assessment" / "results" / "prairie-bend-cah-2026-08-20.csv"


@pytest.fixture
def notes_file(tmp_path) -> Path:
    p = tmp_path / "site-visit.notes"
    p.write_text("The sepsis model has no named clinical owner.\n\nDowntime drills ran in May.\n", encoding="utf-8")
    return p


@pytest.fixture
def no_notes_loader():
    """Whatever a test registers under the plugin's name is gone afterwards."""
    yield
    unregister_loader(notes_plugin.NAME)


def test_a_registered_third_party_loader_reads_its_suffix(notes_file, no_notes_loader):
    with pytest.raises(IngestError, match=r"unsupported file type '\.notes'"):
        load_chunks(notes_file, str(notes_file), doc_type="user")
    register_loader((".NOTES",), notes_plugin.NAME, notes_plugin.load_notes)
    chunks = load_chunks(notes_file, str(notes_file), doc_type="user", org="riverside-health")
    assert [c.text for c in chunks] == ["The sepsis model has no named clinical owner.\n\nDowntime drills ran in May."]
    assert chunks[0].title == "Field notes: site-visit" and chunks[0].section == "Notes"
    assert chunks[0].doc_type == "user" and chunks[0].org == "riverside-health"
    assert LOADERS[".notes"] == notes_plugin.NAME and ".notes" in ingest.SUPPORTED_EXTENSIONS
    unregister_loader(notes_plugin.NAME)
    assert ".notes" not in LOADERS
    with pytest.raises(IngestError, match="unsupported file type"):
        load_chunks(notes_file, str(notes_file), doc_type="user")


def test_an_entry_point_plugin_is_loaded_on_first_use(notes_file, no_notes_loader, monkeypatch):
    eps = [
        EntryPoint(name="notes", value="tests.ingest.notes_plugin:register", group=registry.ENTRY_POINT_GROUP),
        EntryPoint(name="broken", value="tests.ingest.no_such_module:register", group=registry.ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(registry, "entry_points", lambda group: [e for e in eps if e.group == group])
    with pytest.warns(RuntimeWarning, match="loader plugin 'broken'.*failed to load"):
        registry.REGISTRY.load_plugins(force=True)
    chunks = load_chunks(notes_file, str(notes_file), doc_type="user")
    assert chunks[0].title == "Field notes: site-visit"
    # the broken plugin cost nothing else: built-in and default-plugin formats still load
    assert LOADERS[".pdf"] == "pdf" and LOADERS[".csv"] == "results"


def test_a_suffix_is_not_taken_over_silently(no_notes_loader):
    with pytest.raises(ValueError, match=r"\.md \(markdown\)"):
        register_loader((".md",), notes_plugin.NAME, notes_plugin.load_notes)
    assert LOADERS[".md"] == "markdown"


def test_results_files_load_through_the_assessment_plugin():
    chunks = load_chunks(PRAIRIE, "corpus/assessment/results/prairie.csv", doc_type="assessment")
    kinds = {c.result_kind for c in chunks}
    assert kinds == set(ResultKind)
    assert all(c.doc_type == "assessment" and c.org == "prairie-bend-cah" for c in chunks)
    assert chunks[0].source == "corpus/assessment/results/prairie.csv"
    with pytest.raises(IngestError, match="results are for org 'prairie-bend-cah' but --org other-org was given"):
        load_chunks(PRAIRIE, str(PRAIRIE), doc_type="assessment", org="other-org")


def test_an_invalid_results_file_is_one_ingest_error_naming_the_problems(tmp_path):
    p = tmp_path / "bad.csv"
    rows = [f"test-org,T,2026-09-30,a,DATA-{i},9,e,o" for i in range(1, 8)]
    p.write_text("org,org_name,assessment_date,assessor,question_id,score,evidence,owner\n" + "\n".join(rows) + "\n")
    with pytest.raises(IngestError) as exc:
        load_chunks(p, str(p), doc_type="assessment")
    assert exc.value.file == str(p)
    assert exc.value.problem.startswith("row 2, column score: 9 is out of range; use an integer 1-5; row 3,")
    assert exc.value.problem.endswith(f"(and 2 more; run `advisor assess {p}`)")


def test_ingest_imports_no_assessment_until_a_results_file_is_loaded():
    code = (
        "import json, sys; from pathlib import Path; import advisor.ingest as I; "
        "before = any(m.startswith('advisor.assessment') for m in sys.modules); "
        "I.load_chunks(Path(sys.argv[1]), 'x.csv', doc_type='assessment'); "
        "print(json.dumps([before, 'advisor.assessment.loader' in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(PRAIRIE)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(out.stdout) == [False, True]
