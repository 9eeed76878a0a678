"""Questions about a consensus statement that names its bodies by acronyms it defines once: "the
committee that oversees generative AI" is "the GAIOC" where the statement writes "Generative AI
Oversight Committee (GAIOC)"; "right after" only stresses when; and "one of these tools" opening a
conversation asks about the kind of tool the documents cover, not a product named earlier; and
"What is the X rate that we track?" is answered by the statement's "We define the X rate as ..."
(fictional society, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.corpus import Corpus
from advisor.answer.types import AnswerKind
from advisor.settings import Settings

from ..conftest import make_docx


@pytest.fixture
def advisor_with_statement(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_docx(
        folder / "harrowgate-genai-statement.docx",
        "Harrowgate Society consensus statement on generative AI in hospitals",
        [
            (
                "3.1 A single oversight committee",
                [
                    "The panel favoured one hospital-wide body, which we call the Generative AI Oversight Committee "
                    "(GAIOC), over separate arrangements for each department.",
                    "The GAIOC is chaired by the chief medical information officer and reports to the board twice a "
                    "year.",
                ],
            ),
            (
                "3.2 Meetings",
                [
                    "During the first six months after a hospital's first generative AI deployment the GAIOC should "
                    "meet monthly; thereafter it should meet at least quarterly.",
                ],
            ),
            (
                "2.3 Definitions",
                [
                    "We define the unedited-send rate as the proportion of AI-drafted patient messages that a "
                    "clinician sends without any change to the draft.",
                    "Hospitals should monitor the unedited-send rate for each clinician group.",
                ],
            ),
            (
                "4.4 Clinician training",
                [
                    "Before receiving access, every clinician should complete a training module of around 45 minutes "
                    "on the tool's known failure modes.",
                ],
            ),
        ],
    )
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_a_body_asked_by_its_words_in_another_order_is_answered_from_sentences_naming_its_acronym(
    advisor_with_statement,
):
    ans = advisor_with_statement.ask(
        "How often should the hospital-wide committee that oversees generative AI meet, both right after our "
        "first deployment and once things have settled down?"
    )
    assert not ans.abstained, ans.answer
    assert "monthly" in ans.answer and "quarterly" in ans.answer, ans.answer


def test_these_tools_in_a_first_question_is_answered_not_asked_back(advisor_with_statement):
    ans = advisor_with_statement.ask(
        "How much training does a clinician need before getting access to one of these tools?"
    )
    assert ans.kind is not AnswerKind.CLARIFY, ans.answer
    assert "45 minutes" in ans.answer, ans.answer


def test_what_is_a_rate_is_answered_by_the_documents_own_definition_of_it(advisor_with_statement):
    ans = advisor_with_statement.ask(
        "What is the unedited-send rate that we are supposed to track for AI-drafted patient messages?"
    )
    assert not ans.abstained, ans.answer
    assert "without any change to the draft" in ans.answer, ans.answer


@pytest.fixture
def advisor_with_paper(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "papers"
    folder.mkdir()
    make_docx(
        folder / "orrin-valley-early-warning-evaluation.docx",
        "Prospective evaluation of an early warning score at three Orrin Valley hospitals",
        [
            (
                "2.1 Setting",
                [
                    "The evaluation covered three hospitals of the Orrin Valley network: Ashcombe General Hospital "
                    "(AG), a 420-bed teaching hospital; Thornbury Creek Hospital (TC), an 80-bed rural hospital; and "
                    "Pellworth District Hospital (PD), a 150-bed community hospital.",
                ],
            ),
            (
                "2.4 Silent period and threshold",
                [
                    "Before go-live the score ran silently at all three hospitals for twelve weeks, with results "
                    "stored but not shown to clinicians.",
                    "The silent period was used to check the completeness and timeliness of every data feed and to "
                    "set the alert threshold.",
                    "During this period the informatics team found that blood gas results from TC were stamped with "
                    "the time of verification instead of the time of sampling, delaying them by a median of four "
                    "hours.",
                    "The threshold chosen from silent-period data flagged about 8 in every 100 admissions.",
                ],
            ),
            (
                "4 Discussion",
                [
                    "Small rural sites are easily disadvantaged by data-pipeline problems that pooled monitoring can "
                    "hide, as the timestamp fault found during the silent period shows.",
                    "Blood tests were taken half as often at TC as at AG, which leaves the score less to work with.",
                ],
            ),
        ],
    )
    make_docx(
        folder / "orrin-valley-lipid-clinic-audit.docx",
        "Orrin Valley lipid clinic audit",
        [
            (
                "Results",
                [
                    "Among the 212 patients started on treatment, total cholesterol (TC) fell by a median of 1.1 "
                    "mmol/L within six months.",
                    "TC was measured again at twelve months in 180 patients.",
                ],
            ),
        ],
    )
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_letters_stand_for_what_their_own_document_spells_them_out_as(advisor_with_paper):
    corpus = Corpus(advisor_with_paper.retriever)
    hits = advisor_with_paper.retriever.search("TC blood gas verification total cholesterol", k=30)
    paper = next(h.chunk for h in hits if "early-warning" in h.chunk.source)
    audit = next(h.chunk for h in hits if "lipid" in h.chunk.source)
    assert corpus.glosses(paper, "Blood tests at TC were fewer.") == "thornbury creek"
    assert corpus.glosses(audit, "TC was measured again.") == "total cholesterol"
    assert corpus.glosses(paper, "No letters here.") == ""


def test_a_site_asked_by_name_is_answered_by_the_sentence_using_the_letters_the_paper_gave_it(advisor_with_paper):
    # the paper names the site once, in its setting, and writes "TC" everywhere after
    ans = advisor_with_paper.ask("What data-feed problem did the silent period uncover at Thornbury Creek?")
    assert not ans.abstained, ans.answer
    assert "time of verification instead of the time of sampling" in ans.answer, ans.answer
