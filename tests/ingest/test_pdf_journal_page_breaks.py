"""A journal's two columns read on from the right column's foot to the top of the next page's
left column: a sentence cut there ("... edit it where" / "needed and send it personally.") is
joined back whole, and so is a word the break hyphenated ("documenta-" / "tion"). A layout whose
columns go on in the same column of the next page (a model card's) keeps doing so."""

from __future__ import annotations

from advisor.ingest import load_document

from . import pdfgen

PAGES = [
    (
        "Drafting replies to patient portal messages is the use case in which generated text most "
        "directly reaches patients. The panel reviewed eleven studies of it.",
        "Drafts of replies to clinical questions must never be sent automatically: a registered "
        "clinician must read the draft, edit it where",
    ),
    (
        "needed and send it personally. Every reply that began as a draft should say so to the patient. "
        "Clinical documentation tools are reviewed separately.",
        "Tier 1 covers administrative text such as replies about parking. Tier 2 covers clinical documenta-",
    ),
    (
        "tion that a clinician reviews in full before it is filed. Tier 3 covers content that reaches "
        "patients directly.",
        "Tier 4 covers uses the panel considered unacceptable at present.",
    ),
]


def _texts(tmp_path, pages=PAGES):
    p = pdfgen.column_pages_pdf(tmp_path / "journal.pdf", pages)
    return [" ".join(b.text.split()) for b in load_document(p, str(p)).blocks]


def test_a_sentence_cut_at_the_right_columns_foot_goes_on_atop_the_next_pages_left_column(tmp_path):
    text = _texts(tmp_path)
    whole = "a registered clinician must read the draft, edit it where needed and send it personally."
    assert any(whole in t for t in text), text
    assert not any(t.startswith("needed and send") for t in text), text


def test_a_word_hyphenated_across_the_page_break_is_joined_whole(tmp_path):
    text = _texts(tmp_path)
    assert any("Tier 2 covers clinical documentation that a clinician reviews in full" in t for t in text), text
    assert not any(t.startswith("tion that") for t in text), text


#: The next page's right column opens on the end of a word its left column broke ("enginee-" /
#: "ring team"): that is no continuation of the page before, whose sentence goes on atop the left column.
BROKEN_BESIDE = [
    (
        "The committee reviewed alert burden every month and published the results.",
        "We recommend that each hospital review its thresholds separately for small sites once at",
    ),
    (
        "least six months of live data are available. We thank the rapid response nurses and the "
        "hospital interface enginee-",
        "ring team. Author contributions were agreed by all of the named authors.",
    ),
]


def test_a_word_the_next_pages_columns_break_is_not_taken_for_the_page_breaks_continuation(tmp_path):
    text = _texts(tmp_path, BROKEN_BESIDE)
    whole = "review its thresholds separately for small sites once at least six months of live data are available."
    assert any(whole in t for t in text), text
    assert any("the hospital interface engineering team." in t for t in text), text
    assert not any("once at ring" in t for t in text), text


#: The sentence goes on atop the next page's left column with a figure ("... increased
#: sensitivity to" / "55.9% while ..."): joined back as one opening in lower case is.
FIGURE_GOES_ON = [
    (
        "The monitoring committee met every month during the study and reviewed the site reports.",
        "In retrospective re-scoring of the study data, a threshold of 58 at the rural site would have "
        "increased sensitivity to",
    ),
    (
        "55.9% while raising alert volume from 1.3 to 1.7 alerts per day. These changes took effect after "
        "the study period.",
        "12 Nurse survey results are reported in the next section of the paper.",
    ),
]


def test_a_sentence_going_on_with_a_figure_atop_the_next_pages_left_column_is_joined_whole(tmp_path):
    text = _texts(tmp_path, FIGURE_GOES_ON)
    whole = "would have increased sensitivity to 55.9% while raising alert volume from 1.3 to 1.7 alerts per day."
    assert any(whole in t for t in text), text
    assert not any(t.startswith("55.9%") for t in text), text


#: The next page's left column ends its sentence on an acronym ("... a commercial EHR") and goes on
#: atop its right column in lower case ("supplied by ..."): that line finishes its own page's
#: sentence, not the sentence the page before left open, which goes on atop the left column.
ACRONYM_BESIDE = [
    (
        "The committee reviewed alert burden every month and published the results.",
        "Pipelines behave differently in real time, and interventions triggered by an alert",
    ),
    (
        "change the very outcomes the model was built to predict. The network's hospitals share a "
        "single instance of a commercial EHR",
        "supplied by Harrowgate Systems. The four hospitals differ in size and resources.",
    ),
]


def test_a_sentence_its_own_page_leaves_open_on_an_acronym_keeps_its_ending(tmp_path):
    text = _texts(tmp_path, ACRONYM_BESIDE)
    assert any("triggered by an alert change the very outcomes the model was built to predict." in t for t in text)
    assert any("a commercial EHR supplied by Harrowgate Systems." in t for t in text), text
    assert not any("an alert supplied by" in t for t in text), text


#: The left column closes on a figure ("Agreement 88%"), the right column on an open sentence;
#: the next page's right column opens by finishing its left column's short open sentence
#: ("Finally, the field is moving quickly, and" / "some recommendations ...").
FIGURE_AND_SHORT_TAIL = [
    (
        "4. Name an accountable clinical owner for each tool, who must not be its safety officer. Agreement 88%",
        "These recommendations set a floor rather than a ceiling. Several areas did not reach consensus, "
        "including whether patients",
    ),
    (
        "should be able to obtain a copy of the transcript on request. The evidence base was small and "
        "largely observational. Finally, the field is moving quickly, and",
        "some recommendations may need revision as evidence accumulates. The panel will meet again in 2027.",
    ),
]


def test_a_page_breaks_sentence_goes_on_where_no_figure_or_short_sentence_claims_it(tmp_path):
    text = _texts(tmp_path, FIGURE_AND_SHORT_TAIL)
    assert any("including whether patients should be able to obtain a copy of the transcript" in t for t in text), text
    assert any("moving quickly, and some recommendations may need revision" in t for t in text), text
    assert not any("Agreement 88% should" in t for t in text), text
