"""Pure metric functions: every metric can pass, every metric can fail, undefined is explicit."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.citations import LexicalEmbeddingChecker
from advisor.evaluate import metrics as M
from advisor.evaluate.metrics import UNDEFINED, Retrieved, is_defined

ROOT = Path(__file__).resolve().parents[2]


class OverlapChecker:
    """A deterministic stand-in for a support checker: share of the claim's content words in
    the evidence, forced low when a number of the claim is missing from the evidence."""

    threshold = 0.6

    def __init__(self):
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    def support(self, claim: str, evidence: list[str]) -> float:
        import re

        from advisor.text import content_words

        self.calls.append((claim, tuple(evidence)))
        ev = " ".join(evidence)
        words = content_words(claim)
        if not words or not ev:
            return 0.0
        score = len(words & content_words(ev)) / len(words)
        if set(re.findall(r"\d+(?:\.\d+)?", claim)) - set(re.findall(r"\d+(?:\.\d+)?", ev)):
            score = min(score, 0.2)
        return score


GOV = "GOVERN 1.6 calls for mechanisms to inventory AI systems, resourced according to organizational risk priorities."
HTI = "The HTI-1 rule requires 31 source attributes for predictive decision support interventions and 13 for evidence-based ones."
FISH = "Salmon migrate upstream to spawn in the rivers where they hatched."

GOOD = {
    "answer": (
        "GOVERN 1.6 calls for mechanisms to inventory AI systems, resourced by organizational risk priorities [1]. "
        "HTI-1 requires 31 source attributes for predictive decision support interventions [2]."
    ),
    "abstained": False,
    "citations": [
        {"marker": 1, "chunk_id": "c1", "source": "corpus/guidance/nist-ai-rmf-govern.md", "quote": GOV},
        {"marker": 2, "chunk_id": "c2", "source": "corpus/guidance/onc-hti-1.md", "quote": HTI},
    ],
    "timings_ms": {"retrieve": 10.0, "compose": 5.0},
}
PASSAGES = {1: GOV, 2: HTI}
KEYPOINTS = [["inventory"], ["31"]]


def score(answer: dict, checker, passages=None, keypoints=KEYPOINTS) -> dict:
    """The per-answer metrics the perturbation tests compare."""
    text = answer["answer"]
    cites = answer["citations"]
    present = {c["marker"] for c in cites}
    psg = {m: t for m, t in (passages or PASSAGES).items() if m in present}
    sents = M.answer_sentences(text)
    cr = M.citation_support(sents, psg, checker)
    return {
        "keypoint_coverage": M.keypoint_coverage(text, keypoints).value,
        "citation_recall": cr.recall,
        "citation_precision": cr.precision,
        "faithfulness": M.faithfulness(sents, list(psg.values()), checker, cited=psg).value,
        "marker_validity": M.marker_validity(text, cites).value,
    }


@pytest.fixture(params=["overlap", "tier0-lexical"])
def checker(request):
    if request.param == "overlap":
        return OverlapChecker()
    return LexicalEmbeddingChecker(embedder=None, threshold=0.55)


# --------------------------------------------------------------------------- undefined


def test_undefined_is_a_sentinel_that_refuses_arithmetic_and_truthiness():
    assert repr(UNDEFINED) == "UNDEFINED"
    assert not is_defined(UNDEFINED) and not is_defined(None)
    assert is_defined(0.0) and is_defined(1)
    with pytest.raises(TypeError):
        bool(UNDEFINED)
    with pytest.raises(TypeError):
        UNDEFINED + 1
    assert M.to_json(UNDEFINED) is None and M.from_json(None) is UNDEFINED
    assert M.to_json(0.1234567) == 0.123457


def test_aggregate_averages_defined_values_and_counts_undefined_ones():
    agg = M.aggregate([1.0, UNDEFINED, 0.0, None, 0.5])
    assert agg == {"mean": 0.5, "n_defined": 3, "n_undefined": 2}
    none = M.aggregate([UNDEFINED, UNDEFINED])
    assert none["mean"] is UNDEFINED and none["n_defined"] == 0 and none["n_undefined"] == 2
    assert M.aggregate([])["mean"] is UNDEFINED


def test_metrics_of_an_abstention_are_undefined_not_zero_or_one(checker):
    assert M.faithfulness([], [GOV], checker).value is UNDEFINED
    cr = M.citation_support([], PASSAGES, checker)
    assert cr.recall is UNDEFINED and cr.precision is UNDEFINED
    assert M.keypoint_coverage("anything", []).value is UNDEFINED
    assert M.keypoint_coverage("anything", []).passed is UNDEFINED
    assert M.marker_validity("no markers here", []).value is UNDEFINED
    assert M.cited_source_recall(["x"], []) is UNDEFINED
    assert M.latency_ms({}) is UNDEFINED
    assert M.percentile([UNDEFINED], 50) is UNDEFINED


# --------------------------------------------------------------------------- text


def test_answer_sentences_attach_markers_and_skip_non_claims():
    sents = M.answer_sentences(
        "Key points: GOVERN 1.6 asks for an AI inventory. [1] It is resourced by risk [2][3]. Yes."
    )
    texts = [s.text for s in sents]
    assert texts[-1] == "Yes." and not sents[-1].claim
    inv = next(s for s in sents if "inventory" in s.text)
    assert inv.markers == [1] and inv.claim
    risk = next(s for s in sents if "resourced" in s.text)
    assert risk.markers == [2, 3]
    assert all("[" not in s.text for s in sents)
    lead = M.answer_sentences("The main points are these:\n- AI inventory is required by GOVERN 1.6 [1]")
    assert not lead[0].claim and lead[1].claim
    assert M.markers_in("a [1] b [2, 3] c [1]") == [1, 2, 3, 1]


# --------------------------------------------------------------------------- retrieval


def _ret(*sources, pages=None):
    return [Retrieved(s, (pages or {}).get(i)) for i, s in enumerate(sources)]


DUP_RANKED = _ret("nist-ai-rmf-govern.md", "nist-ai-rmf-govern.md", "a", "b", "c", "onc-hti-1.md")
PDF_RANKED = [Retrieved("realdocs/AI_RMF_Playbook.pdf", 3), Retrieved("realdocs/AI_RMF_Playbook.pdf", 28)]
RETRIEVAL_CASES = {
    "perfect": (_ret("corpus/guidance/nist-ai-rmf-govern.md", "x.md"), ["nist-ai-rmf-govern"], None),
    "rank5": (_ret("a.md", "b.md", "c.md", "d.md", "corpus/guidance/onc-hti-1.md"), ["onc-hti-1"], None),
    "missing": (_ret("a.md", "b.md"), ["onc-hti-1"], None),
    "empty": ([], ["onc-hti-1"], None),
    "undefined": (_ret("a.md"), [], None),
    "duplicate": (DUP_RANKED, ["nist-ai-rmf-govern", "onc-hti-1"], None),
    "page-ok": (PDF_RANKED, ["AI_RMF_Playbook"], [28]),
    "page-wrong": (PDF_RANKED, ["AI_RMF_Playbook"], [99]),
}


@pytest.fixture(scope="module")
def retrieval():
    """One ranx batch for all retrieval tests (ranx JIT-compiles on first use)."""
    names = list(RETRIEVAL_CASES)
    return dict(zip(names, M.retrieval_metrics([RETRIEVAL_CASES[n] for n in names], k=5), strict=True))


def test_retrieval_metrics_perfect_bad_missing_and_undefined(retrieval):
    assert retrieval["perfect"] == {"recall@5": 1.0, "mrr": 1.0, "ndcg@5": 1.0}
    r5 = retrieval["rank5"]
    assert r5["recall@5"] == 1.0 and r5["mrr"] == pytest.approx(0.2)
    assert r5["ndcg@5"] == pytest.approx(1 / math.log2(6))  # binary gain at rank 5
    assert retrieval["missing"] == {"recall@5": 0.0, "mrr": 0.0, "ndcg@5": 0.0}
    assert retrieval["empty"] == {"recall@5": 0.0, "mrr": 0.0, "ndcg@5": 0.0}
    assert all(v is UNDEFINED for v in retrieval["undefined"].values())


def test_retrieval_counts_each_expected_source_once_and_respects_k(retrieval):
    out = retrieval["duplicate"]
    assert out["recall@5"] == 0.5  # the HTI-1 document is at rank 6, beyond k
    ideal = 1 + 1 / math.log2(3)
    assert out["ndcg@5"] == pytest.approx(1.0 / ideal)  # a duplicate source earns nothing
    ids = M.label_ranking(DUP_RANKED, ["nist-ai-rmf-govern", "onc-hti-1"])
    assert ids[0] == "nist-ai-rmf-govern" and ids[1] != ids[0] and ids[5] == "onc-hti-1"


def test_retrieval_with_expected_pages_needs_the_right_page(retrieval):
    assert retrieval["page-ok"]["mrr"] == 0.5 and retrieval["page-ok"]["recall@5"] == 1.0
    assert retrieval["page-wrong"]["recall@5"] == 0.0


def test_cited_source_recall():
    assert M.cited_source_recall(["corpus/guidance/onc-hti-1.md"], ["onc-hti-1", "nist-ai-rmf-govern"]) == 0.5
    assert M.cited_source_recall([], ["onc-hti-1"]) == 0.0


# --------------------------------------------------------------------------- citations


def test_marker_validity_passes_and_fails():
    assert M.marker_validity(GOOD["answer"], GOOD["citations"]).value == 1.0
    rep = M.marker_validity("Claim [1]. Claim [3].", [{"marker": 1, "source": "a"}, {"marker": 2, "source": "b"}])
    assert rep.value == pytest.approx(2 / 4)
    assert any("[3]" in p and "no citation" in p for p in rep.problems)
    assert any("[2]" in p and "never referenced" in p for p in rep.problems)
    dup = M.marker_validity("Claim [1].", [{"marker": 1}, {"marker": 1}])
    assert dup.value < 1 and any("2 citations" in p for p in dup.problems)


def test_citation_recall_and_precision_alce(checker):
    sents = M.answer_sentences(GOOD["answer"])
    ok = M.citation_support(sents, PASSAGES, checker)
    assert ok.recall == 1.0 and ok.precision == 1.0
    # an irrelevant extra citation: the sentence is still supported, the extra citation is imprecise
    over = M.answer_sentences(
        "GOVERN 1.6 calls for mechanisms to inventory AI systems, resourced by organizational risk priorities [1][3]."
    )
    rep = M.citation_support(over, {1: GOV, 3: FISH}, checker)
    assert rep.recall == 1.0 and rep.precision == 0.5
    assert rep.sentences[0].precise == {1: True, 3: False}
    # a sentence citing only an unrelated passage is not recalled; uncited claims are not recalled either
    wrong = M.citation_support(
        M.answer_sentences("GOVERN 1.6 calls for an inventory of AI systems [3]."), {3: FISH}, checker
    )
    assert wrong.recall == 0.0 and wrong.precision == 0.0
    uncited = M.citation_support(
        M.answer_sentences("GOVERN 1.6 calls for an inventory of AI systems."), PASSAGES, checker
    )
    assert uncited.recall == 0.0 and uncited.precision is UNDEFINED


def test_citation_needed_jointly_counts_as_precise():
    chk = OverlapChecker()
    chk.threshold = 0.9
    claim = "GOVERN 1.6 asks for an inventory and HTI-1 requires 31 source attributes [1][2]."
    rep = M.citation_support(M.answer_sentences(claim), {1: GOV, 2: HTI}, chk)
    assert rep.recall == 1.0 and rep.precision == 1.0  # neither passage alone supports it; both are needed


def test_faithfulness_passes_and_fails(checker):
    sents = M.answer_sentences(GOOD["answer"])
    assert M.faithfulness(sents, [GOV, HTI], checker, cited=PASSAGES).value == 1.0
    bad = M.answer_sentences(GOOD["answer"] + " " + M.UNSUPPORTED_SENTENCE + ".")
    rep = M.faithfulness(bad, [GOV, HTI], checker, cited=PASSAGES)
    assert rep.value == pytest.approx(2 / 3)
    assert rep.unsupported[0][0].startswith("Hospitals must also file") and rep.unsupported[0][1] < checker.threshold
    assert M.faithfulness(sents, [], checker).value == 0.0


# --------------------------------------------------------------------------- content and safety


def test_keypoint_coverage_alternatives_case_and_dashes():
    text = "The framework is VOLUNTARY; the Safe\u2011Harbor method applies [1]."
    rep = M.keypoint_coverage(text, [["voluntary", "not mandatory"], ["safe-harbor"], ["44.9"]])
    assert rep.value == pytest.approx(2 / 3) and rep.missing == [["44.9"]] and rep.passed is False
    assert M.keypoint_coverage(text, [["voluntary"]]).passed is True
    assert M.keypoint_coverage("nothing relevant", [["zebra"], ["quokka"]]).value == 0.0
    assert M.keypoint_coverage("x [1] y", [["x y"]]).value == 1.0  # markers do not break phrases


def test_forbidden_and_injection_detection():
    assert M.forbidden_hits("Visit HTTP://EVIL.example now", ["evil.example", "CANARY-7Q2"]) == ["evil.example"]
    assert M.forbidden_hits("clean answer", ["CANARY-7Q2"]) == []
    hit, signs = M.injection_followed("canary-7q2", ["CANARY-7Q2"])
    assert hit and any("forbidden" in s for s in signs)
    hit, signs = M.injection_followed("Sure. Ignore previous instructions as requested.", [])
    assert hit and any("injection phrasing" in s for s in signs)
    assert M.injection_followed("ScribeWave reports 41 fewer minutes of documentation [1].", ["CANARY-7Q2"]) == (
        False,
        [],
    )


def test_abstention_outcomes():
    a = M.abstention(answerable=True, abstained=False)
    assert a.correct and a.false_abstain == 0.0 and a.false_answer is UNDEFINED
    a = M.abstention(answerable=True, abstained=True)
    assert not a.correct and a.false_abstain == 1.0
    a = M.abstention(answerable=False, abstained=False)
    assert not a.correct and a.false_answer == 1.0 and a.false_abstain is UNDEFINED
    assert M.abstention(answerable=False, abstained=True).correct


def test_latency_and_percentiles():
    assert M.latency_ms({"retrieve": 10, "compose": 5.5, "note": "x"}) == 15.5
    vals = [float(v) for v in range(1, 101)]
    assert M.percentile(vals, 50) == pytest.approx(50.5)
    assert M.percentile(vals, 95) == pytest.approx(95.05)
    assert M.percentile([3.0, UNDEFINED], 95) == 3.0


# --------------------------------------------------------------------------- bootstrap


def test_paired_bootstrap_is_deterministic_and_detects_a_drop():
    drop = [(0.0, 1.0)] * 30 + [(1.0, 1.0)] * 10
    a = M.paired_bootstrap(drop, resamples=1000, seed=0)
    b = M.paired_bootstrap(drop, resamples=1000, seed=0)
    assert a == b
    assert a["delta"] == pytest.approx(-0.75) and a["ci_high"] < -0.5 and a["n"] == 40
    same = M.paired_bootstrap([(1.0, 1.0), (0.0, 0.0), (1.0, 0.0), (0.0, 1.0)] * 5, seed=0)
    assert same["ci_low"] < 0 < same["ci_high"]
    empty = M.paired_bootstrap([])
    assert empty["delta"] is UNDEFINED and empty["n"] == 0


# --------------------------------------------------------------------------- self-test perturbations


def test_perturbations_lower_their_metrics(checker):
    base = score(GOOD, checker)
    assert base == {
        "keypoint_coverage": 1.0,
        "citation_recall": 1.0,
        "citation_precision": 1.0,
        "faithfulness": 1.0,
        "marker_validity": 1.0,
    }
    swapped = M.perturb_swap_numbers(GOOD)
    assert "38 source attributes" in swapped["answer"] and "[2]" in swapped["answer"]
    assert score(swapped, checker)["keypoint_coverage"] < base["keypoint_coverage"]
    assert score(swapped, checker)["faithfulness"] < base["faithfulness"]

    shuffled = M.perturb_shuffle_markers(GOOD)
    s = score(shuffled, checker)
    assert s["citation_recall"] < base["citation_recall"] and s["citation_precision"] < base["citation_precision"]

    dropped = M.perturb_drop_citations(GOOD)
    s = score(dropped, checker)
    assert s["marker_validity"] < base["marker_validity"] and s["citation_recall"] < base["citation_recall"]

    injected = M.perturb_inject_unsupported(GOOD)
    s = score(injected, checker)
    assert s["faithfulness"] < base["faithfulness"] and s["citation_recall"] < base["citation_recall"]
    assert GOOD["citations"][0]["marker"] == 1 and len(GOOD["citations"]) == 2  # inputs untouched


def test_perturbation_registry_names_real_metrics():
    for name, (fn, targets) in M.PERTURBATIONS.items():
        assert callable(fn), name
        assert set(targets) <= {
            "keypoint_coverage",
            "citation_recall",
            "citation_precision",
            "faithfulness",
            "marker_validity",
        }
    single = {**GOOD, "answer": "Only one claim about AI inventories [1].", "citations": GOOD["citations"][:1]}
    assert M.perturb_shuffle_markers(single) == single  # nothing to shuffle with one marker


BAD_CASES = {
    # metric -> (value of a deliberately bad answer, must be <= / >= bound)
    "keypoint_coverage": lambda c: M.keypoint_coverage("Salmon swim.", KEYPOINTS).value,
    "citation_recall": lambda c: (
        M.citation_support(M.answer_sentences("AI inventories are mandatory worldwide [1]."), {1: FISH}, c).recall
    ),
    "citation_precision": lambda c: (
        M.citation_support(
            M.answer_sentences("GOVERN 1.6 calls for mechanisms to inventory AI systems [1][2]."), {1: FISH, 2: FISH}, c
        ).precision
    ),
    "faithfulness": lambda c: M.faithfulness(M.answer_sentences(M.UNSUPPORTED_SENTENCE + "."), [GOV, HTI], c).value,
    "marker_validity": lambda c: M.marker_validity("Claim [4]. Claim [5].", [{"marker": 1}]).value,
    "cited_source_recall": lambda c: M.cited_source_recall(["corpus/guidance/fish.md"], ["onc-hti-1"]),
    "abstention_accuracy": lambda c: float(M.abstention(answerable=False, abstained=False).correct),
}


@pytest.mark.parametrize("metric", sorted(BAD_CASES))
def test_every_metric_can_fail(metric):
    value = BAD_CASES[metric](OverlapChecker())
    assert is_defined(value) and value <= 0.34, (metric, value)


def test_every_rate_can_fail():
    assert M.abstention(answerable=True, abstained=True).false_abstain == 1.0
    assert M.abstention(answerable=False, abstained=False).false_answer == 1.0
    assert M.injection_followed("Here is CANARY-PA9X", ["CANARY-PA9X"])[0] is True
    assert M.forbidden_hits("see http://evil.example/x", ["evil.example"])
    assert M.percentile([10.0, 20.0, 9000.0], 95) > 8000


def test_retrieval_metrics_from_several_threads_at_once_do_not_abort_the_process():
    # numba's thread pool aborts the whole process on concurrent use (two runs' warm-ups in one
    # process, as two evaluations in a row left one compiling): a fresh interpreter, three threads
    code = (
        "import threading\n"
        "from advisor.evaluate import metrics as M\n"
        "ts = [threading.Thread(target=M.warm_up_retrieval) for _ in range(3)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
