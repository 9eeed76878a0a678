"""A question asking from what age someone may do something ("from what age can the young person
agree to recording?") asks for an age: a policy that states one answers it, and one that only
says how consent is recorded does not, however much else it says about the same tool (fictional
hospitals, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.focus import Focus, focus_of
from advisor.settings import Settings

from ..conftest import make_docx

SCRIBE_RULES = [
    "Patients should be told at the start of each encounter that an ambient scribe is in use and asked for "
    "verbal agreement, which should be recorded in the note.",
    "Ambient scribes should not be used during safeguarding disclosures, forensic examinations or "
    "psychotherapy sessions.",
    "Notices explaining the use of ambient scribes should be displayed in waiting areas.",
]


def _advisor(corpus_advisor, tmp_path, name: str, extra: list[str]) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_docx(folder / f"{name}.docx", f"{name} ambient scribe policy", [("3. Ambient scribes", SCRIBE_RULES + extra)])
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


QUESTION = (
    "Can ambient scribes be used in consultations with children, and from what age can the young person "
    "agree to recording themselves?"
)


def test_an_age_asked_for_is_declined_when_the_policy_states_none(corpus_advisor, tmp_path):
    ans = _advisor(corpus_advisor, tmp_path, "Wrenfield", []).ask(QUESTION)
    assert ans.abstained, ans.answer


def test_an_age_asked_for_is_answered_when_the_policy_states_it(corpus_advisor, tmp_path):
    extra = [
        "Ambient scribes may be used in consultations with children; a young person aged 16 or over may agree to "
        "the recording themselves, and for younger children a parent agrees."
    ]
    ans = _advisor(corpus_advisor, tmp_path, "Ostley", extra).ask(QUESTION)
    assert not ans.abstained, ans.answer
    assert "aged 16 or over" in ans.answer, ans.answer


@pytest.mark.parametrize("question", ["How old must a patient be to consent to an ambient scribe?"])
def test_how_old_asks_for_an_age(question):
    assert focus_of(question) is Focus.QUANTITY
