"""Consultant recommendations (advisor.recommend): planning rules, citations, exports, CLI and page.

The planning rules are checked fast on the sample scorecards; everything else runs on the real
indexed bundled corpus (the session's `corpus_home`) and is marked slow.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path

import pytest

from advisor import assessment as A
from advisor import recommend as R
from advisor.errors import LLMError
from advisor.providers import ChatModel, register_chat_model
from advisor.recommend import plan as P
from advisor.recommend.evidence import section_match
from advisor.text import marked_sentences, split_sentences

from ..conftest import ROOT

ORGS = ("meridian-health", "northbridge-academic", "prairie-bend-cah")
MARK = re.compile(r"\[(\d+)\]")


# --------------------------------------------------------------------------- fast: planning rules


def _latest_cards() -> dict[str, A.Scorecard]:
    out = {}
    for _, card in A.load_all():
        out[card.org] = card  # load_all is oldest first per org, so the latest wins
    return out


@pytest.mark.parametrize("org", ORGS)
def test_plan_groups_gaps_and_respects_dependencies(org):
    inst = A.load_instrument()
    card = _latest_cards()[org]
    plans = P.schedule(P.plans(card, inst), inst)
    by_key = {p.key: p for p in plans}
    covered = [g.question_id for p in plans for g in p.gaps]
    assert sorted(covered) == sorted(g.question_id for g in card.gaps)  # every gap, exactly once
    for p in plans:
        assert len({g.dimension for g in p.gaps}) == 1  # groups never cross dimensions
        if any(g.rules for g in p.gaps):
            assert p.horizon == 0, f"{p.key} clears a blocking rule but is not in 0–90 days"
        for d in p.deps:
            assert by_key[d].horizon <= p.horizon, f"{p.key} lands before its dependency {d}"
    # the order is horizon first, and within a horizon dependencies come first
    pos = {p.key: i for i, p in enumerate(plans)}
    assert [p.horizon for p in plans] == sorted(p.horizon for p in plans)
    for p in plans:
        for d in p.deps:
            assert pos[d] < pos[p.key]


def test_prerequisite_tables_are_consistent():
    inst = A.load_instrument()
    ids = set(inst.question_ids)
    assert all(inst.question(q).action for q in ids)  # every question has an action title
    for t in R.THEMES:
        assert all(q in ids and inst.question(q).dimension == t.dimension for q in t.questions)
    seen = [q for t in R.THEMES for q in t.questions]
    assert len(seen) == len(set(seen))  # a question belongs to at most one theme
    for q, pres in R.PREREQUISITES.items():
        assert q in ids and all(p in ids and p != q for p in pres)
    assert all(d.owner_role for d in inst.dimensions)


def test_section_match_prefers_the_named_heading():
    assert section_match("GOVERN 1.6", "GOVERN 1 — Policies > GOVERN 1.6 — Mechanisms to inventory") == 3
    assert section_match("GOVERN 1", "GOVERN 1 — Policies > GOVERN 1.6 — Mechanisms to inventory") == 2
    assert section_match("GOVERN 1", "GOVERN 1 — Policies, processes") == 3
    assert section_match("Contract terms", "Contract clauses for AI") == 1
    assert section_match("§164.308", "Other heading") == 0


# --------------------------------------------------------------------------- slow: real index

slow = pytest.mark.slow


@pytest.fixture(scope="module")
def reports(shared_corpus_advisor) -> dict[str, R.Report]:
    return {org: R.build_report(shared_corpus_advisor, org) for org in ORGS}


def _body_and_refs(md: str) -> tuple[str, dict[int, str]]:
    body, _, refs = md.partition("\n## References\n")
    lines = [ln for ln in refs.splitlines() if ln.strip()]
    parsed = {}
    for ln in lines:
        m = re.match(r"^(\d+)\. (Guidance|Assessment): (.+)$", ln)
        assert m, f"not a reference line: {ln!r}"
        parsed[int(m.group(1))] = m.group(3)
    return body, parsed


@slow
@pytest.mark.parametrize("org", ORGS)
def test_top_recommendations_address_weakest_dimensions_and_blocking_issues(reports, org):
    rep = reports[org]
    card = _latest_cards()[org]
    first = [r for r in rep.recommendations if r.horizon == R.HORIZONS[0]]
    first_q = {q for r in first for q in r.question_ids}
    # a question keeping a blocking rule open is worked on in 0–90 days, unless the first
    # horizon is full (at most 3 initiatives for a Foundational or Developing organization)
    assert rep.capacity == 3 and len(first) <= 3
    for b in card.blocking:
        for q in b.questions:
            r = next((r for r in rep.recommendations if q in r.question_ids), None)
            if r is not None and q not in first_q:
                assert "first 90 days" in r.horizon_reason, (b.id, q, r.horizon_reason)
    # the weakest dimensions with gaps are addressed first
    with_gaps = sorted(
        (d for d in card.dimensions if any(g.dimension == d.id for g in card.gaps)), key=lambda d: d.score
    )
    weakest = {d.id for d in with_gaps[:2]}
    if not weakest & {r.dimension for r in first}:
        # only when the first 90 days are full of blocking-rule fixes; then the weakest
        # dimensions start next, and their recommendations say why they wait
        assert len(first) == rep.capacity and all("blocking-rule fix" in r.horizon_reason for r in first)
        later = [r for r in rep.recommendations if r.dimension in weakest and r.horizon == R.HORIZONS[1]]
        assert later and all("first 90 days" in r.horizon_reason for r in later), [r.horizon_reason for r in later]
    # the top risks are the top gaps, and each names the recommendation that addresses it
    for g, risk in zip(card.gaps[:3], rep.summary.top_risks, strict=True):
        rid = next(r.id for r in rep.recommendations if g.question_id in r.question_ids)
        assert g.question_id in risk and f"Addressed by {rid}." in risk
    # recommendations carry an owner, effort, impact and a measurable success measure
    for r in rep.recommendations:
        assert r.owner and r.effort in "SML" and r.impact in "HML" and r.status == "draft"
        assert all(f"{g.question_id} scores {g.aim}/5 or higher" in r.success_measure for g in r.gaps)
        assert r.steps and any("evidence" in s for s in r.steps)


@slow
def test_northbridge_sequencing(reports):
    rep = reports["northbridge-academic"]
    by_q = {q: r for r in rep.recommendations for q in r.question_ids}
    inventory, monitoring, committee = by_q["GOV-2"], by_q["GOV-5"], by_q["GOV-1"]
    assert {inventory.horizon, monitoring.horizon, committee.horizon} == {R.HORIZONS[0]}
    assert inventory.id in monitoring.dependencies  # an AI inventory before monitoring
    assert inventory.id in by_q["GOV-6"].dependencies  # and before the Section 1557 screening
    assert rep.recommendations[0].id == "R1" and "GOV-2" in rep.recommendations[0].question_ids
    ambient = next(u for u in rep.use_cases if u.id == "ambient-documentation")
    assert not ambient.ready and {inventory.id, monitoring.id, committee.id} <= set(ambient.recommendations)
    assert "What must come first" in ambient.text


@slow
@pytest.mark.parametrize("org", ORGS)
def test_every_citation_resolves_and_every_recommendation_cites_both_kinds(reports, shared_corpus_advisor, org):
    rep = reports[org]
    inst = A.load_instrument()
    index = shared_corpus_advisor.index
    chunks = index.get_chunks([c.chunk_id for c in rep.citations])
    assert [c.marker for c in rep.citations] == list(range(1, len(rep.citations) + 1))
    for c in rep.citations:
        ch = chunks.get(c.chunk_id)
        assert ch is not None, f"citation [{c.marker}] does not resolve to an indexed chunk"
        assert (c.source, c.title, c.section) == (ch.source, ch.title, ch.section)
        assert c.quote in ch.text and c.quote in split_sentences(ch.text)
        assert c.kind == ("assessment" if ch.doc_type == "assessment" else "guidance")
        if c.kind == "assessment":
            assert ch.org == org
    by_marker = {c.marker: c for c in rep.citations}
    for r in rep.recommendations:
        kinds = {by_marker[m].kind for m in r.citations}
        assert kinds == {"guidance", "assessment"}, r.id
        used = {int(m) for m in MARK.findall(" ".join(r.rationale) + " " + r.action)}
        assert used == set(r.citations)
        for g in r.gaps:
            # the gap's own result in the latest assessment is cited
            own = [
                by_marker[m]
                for m in r.citations
                if by_marker[m].kind == "assessment"
                and chunks[by_marker[m].chunk_id].meta.get("question_id") == g.question_id
            ]
            assert own and own[0].source == rep.source
            # and guidance from the documents the instrument references for the question
            stems = {ref.document for ref in inst.question(g.question_id).references}
            assert any(
                Path(by_marker[m].source).stem in stems for m in r.citations if by_marker[m].kind == "guidance"
            ), (r.id, g.question_id)


@slow
@pytest.mark.parametrize("org", ORGS)
def test_markdown_has_headings_roadmap_tables_and_references(reports, org):
    rep = reports[org]
    md = R.to_markdown(rep)
    assert md.startswith(f"# AI readiness roadmap — {rep.org_name}\n")
    for heading in ("## Executive summary", "## Roadmap", "## Recommendations", "## References"):
        assert f"\n{heading}\n" in md
    for h in R.HORIZONS:
        assert f"\n### {h}\n" in md
    assert md.count("| ID | Recommendation | Closes | Owner | Effort | Impact | Depends on | Status |") >= 1
    for r in rep.recommendations:
        assert f"\n### {r.id} — {r.title}\n" in md
        assert re.search(rf"^\| {r.id} \| ", md, re.M), f"{r.id} missing from the roadmap table"
    body, refs = _body_and_refs(md)
    used = [int(m) for m in MARK.findall(body)]
    assert used, "no citation markers in the body"
    assert set(used) == set(refs), "every [n] has a reference and every reference is used"
    assert sorted(refs) == list(range(1, len(refs) + 1))
    first_use = list(dict.fromkeys(used))
    assert first_use == sorted(first_use)  # numbered in order of first use
    if org == "meridian-health":
        assert "Trend: since the 2026-03-31 assessment" in md and "47.3" in md


@slow
@pytest.mark.parametrize("org", ORGS)
def test_docx_opens_with_sections_tables_and_references(reports, org, tmp_path):
    import docx

    rep = reports[org]
    path = R.export(rep, tmp_path / "plan.docx")
    d = docx.Document(str(path))
    heads = [p.text for p in d.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert heads[0] == f"AI readiness roadmap — {rep.org_name}"
    for h in ("Executive summary", "Roadmap", *R.HORIZONS, "Recommendations", "References"):
        assert h in heads
    for r in rep.recommendations:
        assert f"{r.id} — {r.title}" in heads
    roadmap_tables = [t for t in d.tables if t.rows[0].cells[0].text == "ID"]
    assert len(roadmap_tables) == sum(1 for h in R.HORIZONS if any(r.horizon == h for r in rep.recommendations))
    field_tables = [t for t in d.tables if t.rows[0].cells[0].text == "Field"]
    assert len(field_tables) == len(rep.recommendations)
    refs = [p.text for p in d.paragraphs if re.match(r"^\[\d+\] (Guidance|Assessment): ", p.text)]
    _, md_refs = _body_and_refs(R.to_markdown(rep))
    assert len(refs) == len(md_refs) > 0
    # the bundled guidance is our summary: never printed as a quote, cited by the publisher's URL
    guidance = [p for p in refs if p.split(" ", 1)[1].startswith("Guidance: ")]
    assert guidance and all("Quote:" not in p and "Readiness Advisor" in p for p in guidance)
    summaries = [p for p in guidance if "Summary (Readiness Advisor's wording" in p]
    assert summaries and all("Original: https://" in p for p in summaries)
    assert not [p for p in d.paragraphs if "corpus/" in p.text], "no internal file paths in a client document"
    rationale = [p.text for p in d.paragraphs if p.text.startswith("Guidance — ")]
    assert rationale and not [t for t in rationale if "“" in t], "our summaries are not put in quotation marks"


@slow
def test_same_input_gives_byte_identical_markdown(reports, shared_corpus_advisor):
    again = R.build_report(shared_corpus_advisor, "northbridge-academic")
    assert R.to_markdown(again) == R.to_markdown(reports["northbridge-academic"])
    assert again.to_dict() == reports["northbridge-academic"].to_dict()


@slow
def test_edits_rejections_and_sequence_warnings(reports):
    rep = reports["northbridge-academic"]
    inv = next(r for r in rep.recommendations if "GOV-2" in r.question_ids)
    mon = next(r for r in rep.recommendations if "GOV-5" in r.question_ids)
    last = rep.recommendations[-1]
    edited = R.apply_edits(
        rep,
        {
            inv.id: {"horizon": R.HORIZONS[2], "note": "Start with the EHR-native features."},
            last.id: {"status": "rejected", "note": "Out of scope this year."},
            mon.id: {
                "action": "Stand up monitoring for the sepsis model first.",
                "owner": "CNIO",
                "status": "accepted",
            },
        },
    )
    assert rep.recommendation(inv.id).horizon == R.HORIZONS[0]  # the draft is not modified
    warnings = R.sequence_warnings(edited)
    assert any(w.startswith(f"{mon.id} (") and f"dependency {inv.id}" in w for w in warnings)
    md = R.to_markdown(edited)
    roadmap = md.split("\n## Recommendations\n")[0]
    assert not re.search(rf"^\| {last.id} \| ", roadmap, re.M)  # rejected: not in the roadmap
    appendix = md.split("\n## Appendix: rejected recommendations\n")[1]
    assert f"{last.id} — {last.title}" in appendix and "Out of scope this year." in appendix
    assert f"\n### {last.id} — " not in md
    assert "Stand up monitoring for the sepsis model first." in md and "| Owner | CNIO |" in md
    assert "Start with the EHR-native features." in md and "Sequencing warnings" in md
    assert "accepted" in roadmap
    _body_and_refs(md)  # references still parse after the edits
    with pytest.raises(ValueError):
        R.apply_edits(rep, {inv.id: {"horizon": "next year"}})
    with pytest.raises(ValueError):
        R.apply_edits(rep, {inv.id: {"status": "maybe"}})


@slow
def test_export_refuses_other_extensions(reports, tmp_path):
    with pytest.raises(R.RecommendError, match=r"use a \.docx or \.md"):
        R.export(reports["northbridge-academic"], tmp_path / "plan.pdf")


@slow
def test_unknown_org_points_to_advisor_orgs_without_listing_them(shared_corpus_advisor):
    with pytest.raises(R.RecommendError) as err:
        R.build_report(shared_corpus_advisor, "riverside")
    assert "advisor orgs" in str(err.value) and not any(o in str(err.value) for o in ORGS)  # listing them leaks


# --------------------------------------------------------------------------- LLM polish


class _PolishModel(ChatModel):
    """Rephrases a little, and slips an unsupported statistic into the first sentence."""

    name = "polish"

    def __init__(self, inject: bool = True, drop_markers: bool = False, fail: bool = False):
        self.inject, self.drop_markers, self.fail = inject, drop_markers, fail
        self.calls: list[list[dict]] = []

    def complete(self, messages, *, temperature=0.0, max_tokens=700):
        self.calls.append(messages)
        if self.fail:
            raise LLMError("polish: HTTP 500")
        text = messages[-1]["content"].split("Text to rewrite:\n\n", 1)[1]
        if self.drop_markers:
            return MARK.sub("", text)
        sents = marked_sentences(text)
        out = []
        for i, s in enumerate(sents):
            if i == 0 and self.inject:
                s = s.replace(" from ", ", which cuts AI incidents by 40%, from ", 1)
            out.append(
                s.replace(", so that ", " so that ").replace("has an AI readiness index", "has a readiness index")
            )
        return " ".join(out)


@slow
def test_llm_polish_keeps_markers_and_only_supported_wording(shared_corpus_advisor, reports):
    draft = reports["meridian-health"]
    model = _PolishModel()
    rep = R.build_report(shared_corpus_advisor, "meridian-health", chat_model=model)
    assert model.calls and "untrusted" in model.calls[0][0]["content"].lower()
    assert '<passage id="1"' in model.calls[0][1]["content"]
    assert rep.mode == "llm" and rep.polish["accepted"] >= 1
    assert rep.polish["accepted"] + rep.polish["kept_offline"] == len(rep.recommendations) + 1
    md = R.to_markdown(rep)
    assert "40%" not in md  # the unsupported statistic never reaches the report
    assert "has a readiness index" in rep.summary.text  # a supported rewording is kept
    for r, d in zip(rep.recommendations, draft.recommendations, strict=True):
        assert MARK.findall(r.action) and set(MARK.findall(r.action)) == set(MARK.findall(d.action))
        assert r.draft_action == d.action
    assert [c.to_dict() for c in rep.citations] == [c.to_dict() for c in draft.citations]
    _body_and_refs(md)


@slow
@pytest.mark.parametrize("kind", ["drop_markers", "fail"])
def test_llm_polish_falls_back_to_the_offline_wording(shared_corpus_advisor, reports, kind):
    draft = reports["meridian-health"]
    rep = R.build_report(shared_corpus_advisor, "meridian-health", chat_model=_PolishModel(**{kind: True}))
    assert rep.mode == "offline" and rep.polish["accepted"] == 0
    assert R.to_markdown(rep) == R.to_markdown(draft)


@slow
def test_configured_chat_model_is_used(shared_corpus_advisor, reports):
    from advisor.answer import Advisor

    register_chat_model("recpolish", lambda s: _PolishModel(inject=False))
    settings = dataclasses.replace(shared_corpus_advisor.settings, llm_model="recpolish:test")
    from advisor.citations import LexicalEmbeddingChecker

    rep = R.build_report(Advisor(settings), "meridian-health", checker=LexicalEmbeddingChecker())
    assert rep.mode == "llm" and "has a readiness index" in rep.summary.text
    offline = R.build_report(shared_corpus_advisor, "meridian-health", polish=True)
    assert offline.mode == "offline"


# --------------------------------------------------------------------------- CLI


@slow
def test_cli_writes_both_formats_and_rejects_bad_input(corpus_home, monkeypatch, tmp_path):
    import docx
    from click.testing import CliRunner

    from advisor.cli import main

    monkeypatch.setenv("ADVISOR_HOME", str(corpus_home))
    runner = CliRunner()
    md_path, docx_path = tmp_path / "plan.md", tmp_path / "plan.docx"
    res = runner.invoke(main, ["recommend", "--org", "northbridge-academic", "--out", str(md_path)])
    assert res.exit_code == 0, res.output
    assert "Wrote" in res.output and md_path.read_text(encoding="utf-8").startswith("# AI readiness roadmap")
    res = runner.invoke(main, ["recommend", "--org", "northbridge-academic", "--out", str(docx_path)])
    assert res.exit_code == 0, res.output
    assert any(p.text == "References" for p in docx.Document(str(docx_path)).paragraphs)
    res = runner.invoke(main, ["recommend", "--org", "northbridge-academic", "--out", str(tmp_path / "x.md"), "--json"])
    assert res.exit_code == 0 and '"recommendations"' in res.output and '"out"' in res.output
    res = runner.invoke(main, ["recommend", "--org", "riverside", "--out", str(md_path)])
    assert res.exit_code == 2
    assert "unknown organization 'riverside'" in res.output and "advisor orgs" in res.output
    assert not any(o in res.output for o in ORGS)
    res = runner.invoke(main, ["recommend", "--org", "northbridge-academic", "--out", str(tmp_path / "plan.pdf")])
    assert res.exit_code == 2 and "use a .docx or .md" in res.output


# --------------------------------------------------------------------------- Streamlit page


@slow
def test_page_generates_rejects_and_downloads(corpus_advisor, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from advisor import ui
    from tests.ui.signin import signed_in

    org = "northbridge-academic"
    at = signed_in(AppTest.from_file(str(ROOT / "pages" / "recommendations.py"), default_timeout=600))
    at.session_state[ui.ORG_KEY] = org
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="rec_org").value == org  # follows the current organization
    at.button(key="rec-generate").click().run()
    assert not at.exception, [e.value for e in at.exception]
    draft = at.session_state["rec_drafts"][org]
    assert len(at.expander) >= len(draft.recommendations)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download DOCX", "Download Markdown"]

    victim = draft.recommendations[-1]
    at.radio(key=f"rec:{org}:{victim.id}:status").set_value("rejected")
    at.text_area(key=f"rec:{org}:{victim.id}:note").set_value("Deferred to next year.")
    at.text_input(key=f"rec:{org}:R1:owner").set_value("Chief Nursing Informatics Officer")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["rec_edits"][org][victim.id]["status"] == "rejected"
    exported = at.session_state["rec_exports"][org]
    md = exported["md"]
    assert "## Appendix: rejected recommendations" in md and "Deferred to next year." in md
    assert not re.search(rf"^\| {victim.id} \| ", md.split("\n## Recommendations\n")[0], re.M)
    assert "Chief Nursing Informatics Officer" in md
    assert exported["docx"][:2] == b"PK"  # a real .docx (zip) for the download button
    for b in at.get("download_button"):
        b.click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    # edits survive a rerun and the page keeps the draft
    assert at.radio(key=f"rec:{org}:{victim.id}:status").value == "rejected"


def test_report_to_dict_is_plain_data():
    """A hand-built report round-trips through to_dict (no index needed)."""
    s = R.ExecutiveSummary(
        "o",
        "Org",
        "2026-01-01",
        50.0,
        "developing",
        "Developing",
        "Developing",
        False,
        False,
        "x",
        [],
        [],
        None,
        [],
        [],
    )
    rec = R.Recommendation(
        id="R1", key="GOV-2", title="t", dimension="GOV", dimension_name="Governance & risk", gaps=[],
        rationale=["a [1]"], action="b [1]", steps=["c"], owner="o", assessment_owners=[], effort="S", impact="H",
        horizon=R.HORIZONS[0], horizon_reason="r", dependencies=[], success_measure="m", priority=0.1, clears=[],
        contributes=[], unblocks=[], citations=[1],
    )  # fmt: skip
    cit = R.ReportCitation(1, "c1", "corpus/guidance/x.md", "X", "S", None, "Quote.", "guidance")
    rep = R.Report("o", "Org", "2026-01-01", "", "src", ["src"], "1.0.0", "offline", s, [rec], [], [cit])
    d = rep.to_dict()
    assert d["recommendations"][0]["id"] == "R1" and d["citations"][0]["quote"] == "Quote."
    assert copy.deepcopy(rep).to_dict() == d
    md = R.to_markdown(rep)
    assert "\n1. Guidance: X — S. Summary (Readiness Advisor's wording, not the publisher's): Quote." in md
    assert "corpus/guidance/x.md" not in md  # no file path
    cit.url = "https://example.org/x"
    assert (
        "\n1. Guidance: X — S. Original: https://example.org/x. Summary (Readiness Advisor's wording"
        in R.to_markdown(rep)
    )
