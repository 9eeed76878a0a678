"""A "how many clinician hours" is answered by a count of clinician hours ("11,200 clinician hours
returned per year"), not by any count of hours ("62,000 hours of audio", "4 hours protected time a
month"); and "once it is fully rolled out" sets a time as asked, no word the answer must repeat."""

from __future__ import annotations

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.focus import gives
from advisor.text import tokenize

from .builders import indexed_settings

QUESTION = "How many clinician hours a year do they expect the ambient scribe to give back once it's fully rolled out?"

# Our own words about fictional organisations: a board briefing's tiles, a vendor's questionnaire.
BRIEFING = (
    "---\ntitle: Harrowgate AI Scale-Up Board Briefing\n---\n# Harrowgate AI Scale-Up Board Briefing\n\n"
    "## AI in daily use\n\n19 AI tools in live use (AI register)\n\n"
    "9,400 clinician hours returned per year (projected, ambient scribe at full scale)\n\n"
    "$1.8m AI spend, FY2026 year to date\n\n"
    "## Training\n\nSuper-user network: 1 per 15 scribe users, with 4 hours protected time a month.\n"
)
QUESTIONNAIRE = (
    "---\ntitle: Quillmere ambient scribe vendor questionnaire\n---\n# Quillmere ambient scribe vendor questionnaire\n\n"
    "## Model development\n\nThe speech model was trained on about 48,000 hours of clinical audio recorded with "
    "patient and clinician consent. The ambient scribe drafts a note for every visit.\n"
)


def test_a_count_of_whose_hours_names_whose_hours_beside_the_count():
    ask = read_ask(QUESTION)
    assert gives(ask, "9,400 clinician hours returned per year (projected, ambient scribe at full scale)")
    assert gives(ask, "The scribe gives back 9,400 hours of clinician time each year.")
    assert not gives(
        ask, "The speech model was trained on about 48,000 hours of clinical audio with clinician consent."
    )
    assert not gives(ask, "Super-user network: 1 per 15 scribe users, with 4 hours protected time a month.")
    # a count of days as such: "how many more days" asks no one's days
    assert gives(read_ask("How many more days does the vendor have to respond?"), "The vendor responds within 10 days.")


def test_once_rolled_out_is_no_word_the_answer_must_repeat():
    assert tokenize("once")[0] not in read_ask(QUESTION).anchors


def test_the_briefing_tile_answers_how_many_clinician_hours(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"briefing.md": BRIEFING, "questionnaire.md": QUESTIONNAIRE}))
    ans = adv.ask(QUESTION)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("9,400 clinician hours"), ans.answer
    assert ans.citations[0].source.endswith("briefing.md")
