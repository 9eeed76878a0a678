"""Each part of a two-part question gets the sentence that answers it: a part asking "how often"
is answered by a list item stating a period under a lead-in that only gives the panel's
acronym, not by the guideline's note on how often the committee that wrote it convened; the words pointing at the
document ("under the Quessany guideline") neither draw that note nor stand in for the panel
the part's pronoun means (fictional guideline, our own words)."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.lookup import split_question
from advisor.answer.parts import part_pick
from advisor.answer.people import gives_asked_duty
from advisor.answer.quotable import Unit
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk, DocType
from advisor.settings import Settings

from ..conftest import make_docx

QUESTION = (
    "How often does a hospital's regional AI safety panel have to convene under the Quessany guideline, "
    "and how many members must be present for it to take decisions?"
)


@pytest.fixture
def advisor_with_guideline(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_docx(
        folder / "quessany-guideline.docx",
        "Quessany National Guideline on Clinical AI Panels",
        [
            (
                "About this guideline",
                [
                    "The committee that wrote this guideline included hospital doctors, nurses, pharmacists and "
                    "two lay members.",
                    "Quessany guidelines are written by independent committees under the 2021 methods manual.",
                    "The guideline committee convened eight times between 2022 and 2024 and took its decisions "
                    "by consensus.",
                ],
            ),
            (
                "2.1 Regional AI Safety Panel",
                [
                    "Each hospital sets up a Regional AI Safety Panel (RASP) that approves and withdraws clinical "
                    "AI tools.",
                    "The RASP should:",
                    "- be chaired by the chief nursing officer;",
                    "- meet at least once every 6 weeks, with extra meetings after a serious incident;",
                    "- be quorate only when four members are present, including the chair;",
                    "- send the board a summary of its decisions twice a year.",
                ],
            ),
        ],
    )
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_each_part_of_a_two_part_question_is_answered_from_the_document_it_points_at(advisor_with_guideline):
    ans = advisor_with_guideline.ask(QUESTION)
    assert not ans.abstained, ans.answer
    assert "every 6 weeks" in ans.answer, ans.answer
    assert "four members are present" in ans.answer, ans.answer
    assert all(c.source.endswith("quessany-guideline.docx") for c in ans.citations), ans.answer


def test_a_parts_pronoun_stands_for_what_is_asked_about_not_the_document_named():
    assert split_question(QUESTION)[1] == "how many members must be present for it to take decisions"
    assert (
        split_question("When was Lumivex AKI Predict cleared, and who makes it?")[1] == "who makes Lumivex AKI Predict"
    )


def _fits(*rows: tuple[float, str, str]) -> list[tuple[float, Candidate]]:
    out = []
    for k, (sc, source, text) in enumerate(rows):
        kind = DocType.USER if source.endswith((".pdf", ".docx")) else DocType.GUIDANCE
        chunk = Chunk(chunk_id=f"c{k}", source=source, title=source, section="Panels", text=text, doc_type=kind)
        vec = np.eye(8, dtype=np.float32)[k]
        out.append((sc, Candidate(Unit(text, chunk, 0), 1, score=sc, vec=vec)))
    return out


def test_a_part_asking_how_often_takes_a_sentence_stating_a_period_over_one_with_any_figure():
    fits = _fits(
        (0.52, "g.docx", "The guideline committee convened eight times between 2022 and 2024."),
        (0.41, "g.docx", "meet at least once every 6 weeks, with extra meetings after a serious incident;"),
    )
    assert part_pick("How often does the panel have to convene", fits, []).text.startswith("meet at least once")
    # the best states a period already, or none near it does: the best
    assert part_pick("How often does the panel meet", fits[1:] + fits[:1], []) is fits[1][1]
    far = _fits((0.52, "g.docx", "The panel approves tools."), (0.2, "g.docx", "It meets every 6 weeks."))
    assert part_pick("How often does the panel meet", far, []) is far[0][1]


def test_a_period_written_in_short_units_is_a_period():
    # a model card's input table: "Every 24 h" states how often, as "Hourly" does
    fits = _fits(
        (0.66, "card.pdf", "Beta-blocker on active medication list | Medication list | Every 24 h"),
        (0.64, "card.pdf", "Age | Registration | Once, at admission"),
        (0.55, "card.pdf", "Urine output | Intake and output flowsheet | Hourly aggregation"),
    )
    assert part_pick("how often is that input refreshed", fits, []) is fits[0][1]


def test_a_part_is_answered_from_the_document_the_question_points_at():
    fits = _fits(
        (0.48, "other-framework.pdf", "Level C tools are reviewed every twelve months."),
        (0.40, "g.docx", "The panel reviews each tool every 6 months."),
    )
    assert part_pick("how often is a tool reviewed", fits, [], frozenset({"g.docx"})) is fits[1][1]
    assert part_pick("how often is a tool reviewed", fits, []) is fits[0][1]


def test_without_a_document_named_a_part_is_answered_from_the_users_own_when_nearly_as_good():
    fits = _fits(
        (0.364, "corpus/guidance/decommissioning.md", "Monitoring plans should include decommissioning."),
        (0.352, "g.pdf", "A suspended tool may be switched back on only with the written approval of the chair."),
    )
    assert part_pick("what is needed before it can be turned back on", fits, []) is fits[1][1]
    far = [fits[0], (0.25, fits[1][1])]  # well below the guide's: the guide answers
    assert part_pick("what is needed before it can be turned back on", far, []) is far[0][1]


def test_without_a_document_named_a_part_is_answered_from_the_document_the_answer_leads_with():
    # "How long may we keep the raw audio, and how long can we hold on to the transcripts?": the
    # statement answering the first part says how long transcripts are kept too; another
    # document's retention rule scoring a little higher for the second part alone is not it
    fits = _fits(
        (0.50, "scribe-guidance.docx", "Transcripts are kept with the draft note and deleted 7 days after signing."),
        (0.45, "consensus.pdf", "Transcripts may be retained for up to 12 months for audit and quality improvement."),
    )
    part = "how long can we hold on to the transcripts"
    assert part_pick(part, fits, [], lead="consensus.pdf") is fits[1][1]
    assert part_pick(part, fits, []) is fits[0][1]  # no lead: the part's best
    far = [fits[0], (0.30, fits[1][1])]  # the lead's document says far less about it: the best answers
    assert part_pick(part, far, [], lead="consensus.pdf") is far[0][1]
    # a document the question points at still wins over the lead's
    assert part_pick(part, fits, [], frozenset({"scribe-guidance.docx"}), lead="consensus.pdf") is fits[0][1]


def test_a_part_led_by_a_preposition_is_a_part_of_its_own():
    parts = split_question(
        "What will the department spend on the program in FY 2027-28, and with how many full-time positions?"
    )
    assert parts == ["What will the department spend on the program in FY 2027-28", "with how many full-time positions"]
    parts = split_question(
        "When was the chatbot class added to the schedule, and by when must chatbots in use move into it?"
    )
    assert parts[1].startswith("by when must chatbots in use move into")
    # a part of one content word is too short to search on: the search reads the question whole
    assert split_question("Can temporary privileges be granted, and for how long?") == [
        "Can temporary privileges be granted, and for how long?"
    ]
    # "and" before a preposition inside one question splits nothing
    assert len(split_question("Which tools were approved in March and in April?")) == 1


def test_a_parts_pronoun_stands_for_a_body_named_in_plain_words_or_a_name_a_reference_word_ends():
    # "how often does it meet" searched alone finds any meeting: "it" is the body the first part names
    parts = split_question("Who chairs the technical standards committee, and how often does it meet?")
    assert parts[1] == "how often does the technical standards committee meet"
    # "Standards" is a word documents are called by, but "Board" after it makes the name a body's
    parts = split_question("Who sits on the Digital Health Standards Board and how often does it meet?")
    assert parts[1] == "how often does Digital Health Standards Board meet"


def test_a_part_whose_best_two_are_quoted_takes_the_best_not_yet_quoted():
    fits = _fits(
        (0.586, "v.pdf", "It has eleven members: the Chief Clinical Safety Adviser, who chairs it, and ten others."),
        (0.573, "v.pdf", "The National Review Board is constituted by the Office."),
        (0.569, "v.pdf", "The Group is chaired by the provider's medical director."),
    )
    quoted = [fits[0][1], fits[1][1]]
    # "who chairs the group versus the board": the board's sentences answer only one side
    assert part_pick("who chairs the safety group versus the review board", fits, quoted) is fits[2][1]
    far = [*fits[:2], (0.3, fits[2][1])]  # far below the best: the part is answered already
    assert part_pick("who chairs the safety group versus the review board", far, quoted) is None


def test_a_sentence_saying_who_does_the_duty_asked_answers_who():
    q = "Who chairs the local AI safety group, and how many members must be present?"
    assert gives_asked_duty(q, "The Group is chaired by the provider’s medical director or a deputy.")
    assert gives_asked_duty(q, "It has eleven members: the Chief Clinical Safety Adviser, who chairs it; four others.")
    assert not gives_asked_duty(q, "The Group is quorate when five members are present, including the chair.")
    assert not gives_asked_duty("How often does the group meet?", "The Group is chaired by the medical director.")
    assert gives_asked_duty("Who leads the review?", "The review is led by the Chief Nursing Officer.")


TARVEN = (
    "---\ntitle: Tarven National Exchange Blueprint\n---\n# Tarven National Exchange Blueprint\n\n"
    "## 12 Standards governance\n\n"
    "The Technical Standards Committee (TSC) decides which standards are mandatory for each exchange service. "
    "It is chaired by the Chief Technology Officer of the exchange agency and has eleven members. "
    "The TSC meets monthly and publishes its decisions within ten working days.\n"
)
HOSPITAL = (
    "---\ntitle: Orrin Hospital AI standard\n---\n# Orrin Hospital AI standard\n\n## Oversight committee\n\n"
    "The hospital's AI Oversight Committee meets at least quarterly and keeps minutes of its decisions.\n"
)


def test_a_part_asking_of_it_is_answered_from_the_document_answering_the_first_part(tmp_path):
    from .builders import indexed_settings

    adv = Advisor(indexed_settings(tmp_path, {"tarven-blueprint.md": TARVEN, "orrin-standard.md": HOSPITAL}))
    ans = adv.ask("Who chairs the technical standards committee, and how often does it meet?")
    assert not ans.abstained, ans.answer
    assert "Chief Technology Officer" in ans.answer and "meets monthly" in ans.answer, ans.answer
    assert "quarterly" not in ans.answer, ans.answer  # another committee's meetings


MINUTES = (
    "---\ntitle: Orrin AI Oversight Committee minutes, 4 June 2025\n---\n# Orrin AI Oversight Committee minutes\n\n"
    "## 3. Ambient scribe pilot\n\n"
    "The committee reviewed the proposal to pilot the Quillmark ambient scribe in two outpatient clinics. "
    "The pilot would run for twelve weeks with forty clinicians. "
    "Motion: that the committee approve the Quillmark pilot. "
    "Vote: eight in favour; one against (the patient representative). "
    "The patient representative objected that patients had not yet been given a written explanation of the "
    "recording. The chair asked the pilot lead to draft a patient leaflet.\n\n"
    "## 4. Sepsis model monitoring\n\n"
    "The committee reviewed the quarterly sepsis model report. Sensitivity was stable at 0.81. "
    "The data science lead objected to the proposed threshold change until more data are available.\n"
)


def test_a_part_asking_in_one_word_is_answered_too(tmp_path):
    from .builders import indexed_settings

    adv = Advisor(indexed_settings(tmp_path, {"orrin-minutes.md": MINUTES}))
    ans = adv.ask("Who voted against approving the Quillmark pilot, and what was the objection?")
    assert not ans.abstained, ans.answer
    assert "patient representative" in ans.answer, ans.answer
    assert "written explanation" in ans.answer, ans.answer


CONTRACT = (
    "---\ntitle: Pellridge and Ostwyn Software Agreement, Schedule 4\n---\n# Schedule 4: Model changes\n\n"
    "## 4 Model change notification\n\n"
    "4.1 Ostwyn shall give Pellridge written notice of any material model change at least 45 days before the "
    "changed model is used in production.\n\n"
    "4.2 Each notice under paragraph 4.1 shall include:\n\n"
    "(i) a plain-language description of the change and the reason for it;\n\n"
    "(ii) an updated model card and the validation results for the changed model;\n\n"
    "(iii) an estimate of the effect on alert volume at each hospital;\n\n"
    "(iv) any change required to data feeds or clinician training; and\n\n"
    "(v) a rollback plan enabling reversion to the prior version within 24 hours.\n\n"
    "4.3 Changes that are not material model changes shall be listed in the monthly release notes.\n"
)
REGULATOR = (
    "---\ntitle: Orrin State Notice on Serious Incidents with Clinical Software\n---\n"
    "# Notice on serious incidents\n\n## 2 Contents of a notice\n\n"
    "A facility's notice of a serious incident shall contain the information set out in the incident form, "
    "including the date of the incident and the name of the software.\n"
)


def test_a_part_naming_the_first_parts_subject_by_that_is_answered_from_the_same_document(tmp_path):
    from .builders import indexed_settings

    adv = Advisor(indexed_settings(tmp_path, {"pellridge-contract.md": CONTRACT, "orrin-notice.md": REGULATOR}))
    ans = adv.ask(
        "How much advance notice must Ostwyn give before a material model change, and what must that notice contain?"
    )
    assert not ans.abstained, ans.answer
    assert "45 days" in ans.answer, ans.answer
    # every item of the contract's list, the ones numbered (ii) to (iv) as well
    for item in ("plain-language description", "updated model card", "alert volume", "rollback plan"):
        assert item in ans.answer, (item, ans.answer)
    assert "incident form" not in ans.answer, ans.answer  # "that notice" is the notice asked about, no document


def test_a_demonstrative_names_a_part_subject_but_not_a_clause():
    from advisor.answer.lookup import points_back

    assert points_back("what must that notice contain")
    assert points_back("who chairs that body")
    assert not points_back("what is the evidence that the tool works")
    assert not points_back("does it say that we must keep the audio")


CARD = (
    "---\ntitle: Corvane Sepsis Watch 3.1 Model Facts\n---\n# Corvane Sepsis Watch 3.1 Model Facts\n\n"
    "## 6 Inputs\n\n"
    "Table 2. Input variables\n\n"
    "| Input variable | Source | Refresh frequency |\n|---|---|---|\n"
    "| Heart rate | Device-integrated monitor | Every 5 min |\n"
    "| Serum lactate | Laboratory information system | On result |\n"
    "| Beta-blocker on active medication list | Medication list | Every 24 h |\n"
    "| Urine output | Intake and output flowsheet | Hourly aggregation |\n"
    "| Age | Registration | Once, at admission |\n\n"
    "## 10 Known risks and limitations\n\n"
    "- Beta-blockers: in patients with an active beta-blocker prescription, sensitivity is 8 percentage points "
    "lower because the heart-rate response is blunted.\n"
    "- Transfers: no score is shown for the first 4 hours after an inter-hospital transfer.\n"
)


def test_a_part_asking_of_that_input_reads_the_row_of_the_input_the_first_part_named(tmp_path):
    from .builders import indexed_settings

    adv = Advisor(indexed_settings(tmp_path, {"corvane-card.md": CARD}))
    ans = adv.ask(
        "Does Corvane take into account whether a patient is on a beta-blocker, and how often is that input refreshed?"
    )
    assert not ans.abstained, ans.answer
    assert "Every 24 h" in ans.answer, ans.answer
    assert "Hourly aggregation" not in ans.answer, ans.answer
