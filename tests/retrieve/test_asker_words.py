"""Searching in the asker's words: an acronym the index never saw is searched with the words the
documents spell it out with."""

from __future__ import annotations

from advisor.chunk import Chunk, DocType
from advisor.retrieve import Retriever
from advisor.settings import Settings


def _chunk(i: int, text: str, org: str = "") -> Chunk:
    return Chunk(f"c{i:04d}", text, f"doc{i}.md", "Rules", doc_type=DocType.USER, org=org)


class _Index:
    """Just enough of an Index for the keyword side: its chunks and where to keep the BM25 files."""

    generation = 1
    catalog_id = "test"

    def __init__(self, chunks: list[Chunk], home):
        self.chunks = chunks
        self.settings = Settings.from_env({"ADVISOR_HOME": str(home)})

    def all_chunks(self):
        return iter(self.chunks)


def test_an_acronym_the_index_never_saw_is_searched_with_its_spelled_out_words(tmp_path):
    chunks = [
        _chunk(1, "The Clinical Algorithms Committee reviews every predictive model before go-live."),
        _chunk(2, "No model may run in the electronic health record (EHR) until it is approved."),
        _chunk(3, "The Quality Review Board of Acme meets monthly.", org="acme"),
    ]
    retriever = Retriever(_Index(chunks, tmp_path))  # type: ignore[arg-type]
    assert "Clinical Algorithms Committee" in retriever.expand("Who sits on the CAC?")
    # an acronym the documents use is searched as it is
    assert retriever.expand("Which models run in the EHR?") == "Which models run in the EHR?"
    # an organization's private wording never reaches anyone else's query
    assert "Quality Review Board" not in retriever.expand("What does the QRB decide?")


def test_a_name_the_documents_shorten_to_an_acronym_is_searched_with_the_acronym_too(tmp_path):
    chunks = [
        _chunk(1, "This policy covers Harrowgate Bay Regional Hospital (HBRH) and its two clinics."),
        _chunk(2, "Vendors may not use HBRH data to train their models without written consent."),
        _chunk(3, "Harrowgate Bay Rowing Club meets on Saturdays."),
    ]
    retriever = Retriever(_Index(chunks, tmp_path))  # type: ignore[arg-type]
    query = "May vendors train models on Harrowgate Bay data?"
    assert "HBRH" in retriever.expand(query)
    # a name no passage shortens is searched as written
    assert retriever.expand("When does Harrowgate Rowing meet?") == "When does Harrowgate Rowing meet?"


def test_an_acronym_inside_a_name_spells_all_its_letters():
    from advisor.retrieve.spelled import initial_runs, spelled_out

    # "IT Steering Group" is the "ITSG": the acronym word gives both its letters
    assert initial_runs("the IT Steering Group met", "itsg") == [["IT", "Steering", "Group"]]
    assert spelled_out(["The IT Steering Group (ITSG) approves each tool."]) == {"itsg": ["it steering group"]}


def test_a_question_asking_what_an_acronym_stands_for_is_searched_with_its_spelling_out(tmp_path):
    chunks = [
        _chunk(1, "The Tolland Digital Health Agency (TDHA) keeps the national register of clinical software."),
        _chunk(2, "Practices register each tool with the TDHA before first use."),
        _chunk(3, "The TDHA publishes an audit every year."),
    ]
    retriever = Retriever(_Index(chunks, tmp_path))  # type: ignore[arg-type]
    assert "tolland digital health agency" in retriever.expand("What does TDHA stand for?").lower()
    # an acronym the documents use, asked about otherwise, is searched as it is
    assert retriever.expand("When does the TDHA publish its audit?") == "When does the TDHA publish its audit?"


def test_an_acronym_most_documents_write_out_is_searched_with_its_words_too(tmp_path):
    chunks = [
        _chunk(1, "Research use under an Institutional Review Board (IRB) protocol is handled by the IRB."),
        _chunk(2, "Testing on people follows informed consent and institutional review board approval."),
        _chunk(3, "Human subject studies need institutional review board sign-off before any testing."),
        _chunk(4, "The National Institute of Standards and Technology (NIST) published the AI RMF."),
        _chunk(5, "NIST maps risks before measuring them."),
        _chunk(6, "Each NIST function has categories; standards bodies and technology institutes differ nationally."),
    ]
    retriever = Retriever(_Index(chunks, tmp_path))  # type: ignore[arg-type]
    expanded = retriever.expand("Do we need IRB sign-off before testing?")
    assert "institutional review board" in expanded.lower()
    # an acronym most of the documents use is searched as it is
    assert retriever.expand("What did NIST publish?") == "What did NIST publish?"
