"""No two organizations share a display name: the rule (`advisor.assessment.orgs`) and the app's
upload check, which refuses such a file before anything is saved."""

from __future__ import annotations

import json

import pytest

from advisor.assessment import OrgName, check_names, load_results, name_clashes, name_key, result_chunks, score
from advisor.errors import AssessmentError
from advisor.library import Library
from advisor.ui.uploads import check_results

from .helpers import MERIDIAN_2, write_csv


@pytest.mark.parametrize(
    "a, b",
    [
        ("Meridian Health Partners", "meridian health partners"),
        ("Meridian Health Partners", "  Meridian\tHealth   Partners "),
        ("Meridian Health Partners", "ＭＥＲＩＤＩＡＮ Health Partners"),  # full-width letters
        ("Straße Clinic", "STRASSE clinic"),
    ],
)
def test_names_differing_only_in_case_spacing_or_width_are_the_same_name(a, b):
    assert name_key(a) == name_key(b)
    (clash,) = name_clashes([OrgName("impostor", b, "new.csv")], [OrgName("meridian-health", a, "m.csv")])
    assert clash.other.org == "meridian-health" and "org_name" in clash.message


def test_different_names_and_the_same_organization_never_clash():
    known = [OrgName("meridian-health", "Meridian Health Partners", "m.csv")]
    assert name_clashes([OrgName("meridian-clinic", "Meridian Clinic", "x.csv")], known) == []
    assert name_clashes([OrgName("meridian-health", "MERIDIAN HEALTH PARTNERS", "y.csv")], known) == []
    # an organization without a name is shown by its id, and that id is compared as its name
    assert name_clashes([OrgName("riverside", "", "z.csv")], [OrgName("other", "Riverside", "o.csv")])


def test_check_names_names_the_file_the_field_and_the_fix(tmp_path, inst):
    results = load_results(MERIDIAN_2, inst)
    known = [OrgName("meridian-clinic", "meridian health partners", "corpus/x.json")]
    with pytest.raises(AssessmentError) as exc:
        check_names(results, known, "upload.csv")
    (p,) = exc.value.problems
    assert p.file == "upload.csv" and p.field == "org_name" and str(exc.value).startswith("upload.csv:")
    assert "meridian-clinic" in p.message and "own name" in p.message and "set org to meridian-clinic" in p.message


class _Index:
    """The catalog reads a Library makes, over files already stored (one organization)."""

    def __init__(self, chunks):
        self._chunks = chunks

    def files(self):
        return [{"source": "corpus/m.csv", "path": "/x/m.csv", "org": "meridian-health", "doc_type": "assessment"}]

    def chunks_for_source(self, source):
        return self._chunks


def test_the_upload_check_refuses_another_organizations_name_before_saving(tmp_path, inst):
    stored = load_results(MERIDIAN_2, inst)
    lib = Library(_Index(result_chunks(stored, inst, score(stored, inst))))
    assert [n.name for n in lib.stored_names()] == ["Meridian Health Partners"]
    row = ["meridian-annex", "MERIDIAN  Health Partners", "2026-10-01", "Office", "GOV-1", "3", "Charter.", "CIO"]
    data = write_csv(tmp_path / "annex.csv", [row]).read_bytes()
    with pytest.raises(AssessmentError) as exc:
        check_results(data, ".csv", inst, lib, "annex.csv")
    assert exc.value.problems[0].field == "org_name" and "annex.csv" in str(exc.value)
    # the stored organization's own next assessment, and a different name, are accepted
    own = json.dumps({**json.loads(_doc(stored.org, stored.org_name)), "assessment_date": "2026-12-31"})
    assert check_results(own.encode(), ".json", inst, lib, "own.json").org == "meridian-health"
    assert check_results(_doc("meridian-annex", "Meridian Annex").encode(), ".json", inst, lib).org_name == (
        "Meridian Annex"
    )


def _doc(org: str, name: str) -> str:
    rows = [{"question_id": "GOV-1", "score": 3, "evidence": "Charter.", "owner": "CIO"}]
    return json.dumps({"org": org, "org_name": name, "assessment_date": "2026-10-01", "assessor": "O", "results": rows})
