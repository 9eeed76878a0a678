"""Honest source labels and currency: our summaries are never the publisher's words, only a
document's own text is a quote, and an answer citing a proposed or superseded source says so."""

from __future__ import annotations

import json

from advisor import recommend as R
from advisor.answer import Advisor, Answer, AnswerKind, Draft, Part
from advisor.answer.render import render_offline, with_currency_notes
from advisor.chunk import Chunk, DocType
from advisor.citations import LexicalEmbeddingChecker
from advisor.currency import currency_index
from advisor.provenance import SourceKind, provenance
from advisor.settings import Settings

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home (indexed fixture home), hash_model_dir

GOVERN = "corpus/guidance/nist-ai-rmf-govern.md"
NIST_URL = "https://nvlpubs.nist.gov/nistpubs/ai/nist.ai.100-1.pdf"


def _chunk(source: str, *, doc_type=DocType.GUIDANCE, text="GOVERN 1.6 calls for an inventory of AI systems.", **kw):
    base = dict(
        chunk_id=f"{source}-0",
        text=text,
        source=source,
        title=kw.pop("title", "NIST AI RMF 1.0 — GOVERN function"),
        section=kw.pop("section", "GOVERN 1 > GOVERN 1.6 — Mechanisms to inventory AI systems"),
        doc_type=doc_type,
        publisher=kw.pop("publisher", "National Institute of Standards and Technology (NIST)"),
        meta=kw.pop("meta", {"source_url": NIST_URL}),
    )
    return Chunk(**(base | kw))


def test_bundled_guidance_is_labelled_our_summary_with_the_publishers_url_and_currency():
    p = provenance(_chunk(GOVERN))
    assert (
        p.label
        == "Readiness Advisor summary of NIST AI RMF 1.0 — GOVERN function (GOVERN 1.6 — Mechanisms to inventory AI systems)"
    )
    assert p.kind is SourceKind.SUMMARY and not p.verbatim
    assert p.url == NIST_URL and p.publisher.startswith("National Institute")
    # currency from the front matter when the chunk was indexed before it carried it
    doc = currency_index()[GOVERN]
    assert (p.as_of, p.status) == (doc.as_of.isoformat(), str(doc.status))
    # the chunk's own metadata wins
    fresh = provenance(_chunk(GOVERN, meta={"source_url": NIST_URL, "as_of": "2027-01-02", "status": "proposed"}))
    assert (fresh.as_of, fresh.status, fresh.flagged) == ("2027-01-02", "proposed", True)


def test_our_own_syntheses_are_labelled_guidance_with_no_original():
    p = provenance(
        _chunk(
            "corpus/guidance/operating-model-ai-inventory.md",
            title="AI inventory: what to record and how to keep it current",
            section="GOVERN 1.6 — AI system inventory",
            publisher="Readiness Advisor project (synthesis)",
        )
    )
    assert (
        p.label
        == "Readiness Advisor guidance: AI inventory: what to record and how to keep it current (GOVERN 1.6 — AI system inventory)"
    )
    assert p.kind is SourceKind.SYNTHESIS and p.url == "" and not p.verbatim


def test_only_a_documents_own_text_is_verbatim():
    upload = _chunk(
        "/home/u/uploads/policy.pdf", doc_type=DocType.USER, title="Board AI policy", section="Scope", page=3,
        publisher="", meta={},
    )  # fmt: skip
    p = provenance(upload)
    assert p.kind is SourceKind.DOCUMENT and p.verbatim and p.label == "Board AI policy (Scope)"
    results = _chunk(
        "corpus/assessment/results/nb.json", doc_type=DocType.ASSESSMENT, title="Readiness assessment — NB",
        section="GOV-2 — AI system inventory", publisher="NB", meta={"org_name": "NB", "date": "2026-10-15"},
    )  # fmt: skip
    r = provenance(results)
    assert r.kind is SourceKind.RESULTS and not r.verbatim
    assert r.label == "Assessment results of NB, 2026-10-15 (GOV-2 — AI system inventory)"


def _answer_citing(chunk: Chunk) -> Answer:
    sentence = chunk.text
    draft = Draft([Part(sentence, [chunk], quotes=[sentence])], AnswerKind.GUIDANCE, 1.0)
    ans = render_offline("q", "q", draft, [], LexicalEmbeddingChecker())
    assert ans is not None
    return ans


def test_citations_carry_the_label_but_the_answer_json_keeps_its_contract():
    ans = _answer_citing(_chunk(GOVERN))
    c = ans.citations[0]
    assert c.label.startswith("Readiness Advisor summary of") and not c.verbatim and c.url == NIST_URL
    assert c.as_of and c.status == "guidance" and c.trust == "curated" and c.source_kind == "summary"
    d = ans.to_dict()
    assert set(d["citations"][0]) == {"marker", "chunk_id", "source", "title", "section", "page", "quote"}
    json.dumps(d)


def test_an_answer_citing_a_proposed_or_superseded_source_says_so():
    proposed = _chunk(
        "corpus/guidance/hti-5.md",
        title="HTI-5 proposed rule",
        text="HTI-5 would remove the decision support source attributes.",
        meta={"as_of": "2026-11-30", "status": "proposed"},
    )
    ans = with_currency_notes(_answer_citing(proposed))
    assert ans.answer.endswith(
        "Note: HTI-5 proposed rule describes a proposed rule, not a final one as of 2026-11-30 [1]."
    )
    assert ans.citations[0].flagged
    old = _chunk("corpus/guidance/old.md", title="Old rule", meta={"as_of": "2025-01-01", "status": "superseded"})
    assert "Old rule describes a superseded version as of 2025-01-01" in with_currency_notes(_answer_citing(old)).answer
    final = _answer_citing(_chunk(GOVERN))
    assert with_currency_notes(final).answer == final.answer  # guidance and final rules: no note
    # the note is added once, even when the answer passes through twice
    assert with_currency_notes(with_currency_notes(_answer_citing(proposed))).answer.count("Note:") == 1


def _report(citations: list[R.ReportCitation]) -> R.Report:
    s = R.ExecutiveSummary(
        "o", "Org", "2026-01-01", 40.0, "developing", "Developing", "Developing", False, False,
        "Summary [1] [2] [3] [4].", [], [], None, [], [],
    )  # fmt: skip
    return R.Report("o", "Org", "2026-01-01", "", "corpus/assessment/results/o.json", ["x"], "1.0.0", "offline", s,
                    [], [], citations)  # fmt: skip


def test_roadmap_references_never_quote_our_summaries_nor_show_file_paths():
    def cite(marker, chunk, kind="guidance"):
        p = provenance(chunk)
        c = R.ReportCitation(marker, chunk.chunk_id, chunk.source, chunk.title, chunk.section, None, chunk.text, kind)
        c.label, c.source_kind, c.verbatim, c.url, c.as_of, c.status = (
            p.label, str(p.kind), p.verbatim, p.url, p.as_of, p.status,
        )  # fmt: skip
        return c

    upload = _chunk("/srv/advisor/uploads/policy.md", doc_type=DocType.USER, title="Board AI policy", section="Scope",
                    publisher="", meta={}, text="Every AI tool is registered before use.")  # fmt: skip
    results = _chunk("corpus/assessment/results/o.json", doc_type=DocType.ASSESSMENT, title="Readiness assessment",
                     section="GOV-2", publisher="Org", meta={"org_name": "Org", "date": "2026-01-01"})  # fmt: skip
    synth = _chunk("corpus/guidance/operating-model-ai-inventory.md", title="AI inventory",
                   publisher="Readiness Advisor project (synthesis)")  # fmt: skip
    md = R.to_markdown(
        _report([cite(1, _chunk(GOVERN)), cite(2, upload), cite(3, results, "assessment"), cite(4, synth)])
    )
    refs = md.split("## References", 1)[1]
    lines = [ln for ln in refs.splitlines() if ln[:2] in ("1.", "2.", "3.", "4.")]
    nist, own, org, ours = lines
    assert "Readiness Advisor summary of NIST AI RMF" in nist and f"Original: {NIST_URL}" in nist
    assert "Quote" not in nist and "Summary (Readiness Advisor's wording, not the publisher's)" in nist
    assert "Quote: “Every AI tool is registered before use.”" in own and "Board AI policy (Scope)" in own
    assert org.startswith("3. Assessment: Assessment results of Org") and "Quote" not in org
    assert "Readiness Advisor's own guidance" in ours and "Quote" not in ours and "Original" not in ours
    assert "corpus/" not in md and "/srv/advisor" not in md and "policy.md" not in md


PROPOSED_DOC = """---
title: "State AI disclosure rule (proposed)"
publisher: "State Department of Health"
source_url: "https://health.example.gov/ai-disclosure"
as_of: 2026-11-20
status: proposed
---

# Disclosure to patients

Hospitals would disclose to patients when generative AI drafts a clinical message.
A clinician would review each AI-drafted patient message before it is sent.
"""


def test_an_uploaded_proposed_rule_is_flagged_end_to_end(ui_home, tmp_path):
    """Front matter currency of a user's document reaches its chunks, its citation and the answer text."""
    doc = tmp_path / "state-ai-disclosure.md"
    doc.write_text(PROPOSED_DOC, encoding="utf-8")
    adv = Advisor(Settings.from_env())
    assert adv.index_paths([doc]).ok
    ans = adv.ask("Must hospitals disclose to patients when generative AI drafts a clinical message?")
    cited = [c for c in ans.citations if c.source.endswith("state-ai-disclosure.md")]
    assert cited, ans.answer
    c = cited[0]
    assert (c.status, c.as_of, c.verbatim, c.trust) == ("proposed", "2026-11-20", True, "user")
    assert c.heading() == (
        "State AI disclosure rule (proposed) (Disclosure to patients) · as of 2026-11-20 · Proposed rule"
    )
    note = "Note: State AI disclosure rule (proposed) describes a proposed rule, not a final one as of 2026-11-20"
    assert note in ans.answer
