"""A declined question's reason names what the documents lack in the question's words, but never
repeats an identifier the question holds (a record number, a social security number, a name)."""

from __future__ import annotations

from advisor.answer.routing import declined


def test_the_reason_puts_the_question_s_identifiers_as_placeholders():
    question = "Which readmissions happened for patient Odile Farrant, MRN 00977245, SSN 456-78-9012?"
    why = "they say nothing about Odile, Farrant, 00977245, 456, 78, 9012, readmissions"
    text = declined(why, [], question)
    for value in ("Odile", "Farrant", "00977245", "456", "9012"):
        assert value not in text, text
    assert "[NAME], [MRN], [SSN], readmissions" in text


def test_a_question_without_identifiers_keeps_its_words():
    why = "they say nothing about pediatric, AUROC"
    assert "pediatric, AUROC" in declined(why, [], "What AUROC did the score reach in the pediatric population?")


def test_the_advisor_declines_without_echoing_them(shared_corpus_advisor):
    ans = shared_corpus_advisor.ask(
        "What follow-up did patient Odile Farrant, MRN 00977245, receive after her sepsis alert?"
    )
    assert ans.abstained, ans.answer
    assert "00977245" not in ans.answer and "Farrant" not in ans.answer, ans.answer
