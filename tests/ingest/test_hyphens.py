"""Line-end hyphens: joined when the word is real (document or model vocabulary), kept otherwise."""

from __future__ import annotations

from advisor.ingest.hyphens import Dehyphenator, model_vocab


def test_model_vocabulary_is_read_from_the_bundled_wheel():
    vocab = model_vocab()
    assert {"tracking", "setting", "infringement", "notification"} <= vocab
    assert not any(w.startswith("##") for w in vocab)


def test_join_rules():
    vocab = frozenset({"tracking", "setting", "self", "assessment", "fringe", "ment"})
    d = Dehyphenator(["A resilient team.", "We track decision-making."], vocab=vocab)
    assert d.join(["build re-", "silient systems"]) == "build resilient systems"  # in the document
    assert d.join(["reliable track-", "ing"]) == "reliable tracking"  # in the vocabulary
    assert d.join(["clear decision-", "making"]) == "clear decision-making"  # written so mid-line
    assert d.join(["a self-", "assessment"]) == "a self-assessment"  # no such word, two words: kept
    assert d.join(["the set\ufffe", "ting"]) == "the setting"  # PDFium's line-end hyphen mark
    assert d.join(["in\u00adfringe-", "ment"]) == "infringe-ment"  # soft hyphen removed; two "words" kept
    assert d.join(["X\ufffe", "rays"]) == "X-rays"
    assert d.join(["non-", "US sites"]) == "non-US sites"  # a capital after the break is no continuation
    assert d.join(["ends with", "next line"]) == "ends with next line"


def test_a_hyphen_a_join_left_before_a_space_is_decided_like_a_line_end():
    # boxes, columns and pages are joined with a space, which can land after a line-end hyphen
    d = Dehyphenator(
        ["A resilient team.", "We track decision-making."], vocab=frozenset({"tracking", "course", "corrected"})
    )
    assert d.mend("decisions can be course- corrected") == "decisions can be course-corrected"
    assert d.mend("reliable track- ing and re- silient") == "reliable tracking and resilient"
    # a suspended hyphen is the author's: "pre- and post-deployment", "short- or long-term"
    assert d.mend("pre- and post-deployment, short- or long-term") == "pre- and post-deployment, short- or long-term"
    assert d.mend("non- US sites") == "non- US sites"  # no lower-case continuation: left as written


def test_a_range_of_figures_broken_after_its_dash_is_one_range():
    # a narrow table cell wraps "0.76–0.80" after the dash: a space there would quote "0.76– 0.80"
    d = Dehyphenator([], vocab=frozenset())
    assert d.join(["0.78 (0.76\u2013", "0.80)"]) == "0.78 (0.76\u20130.80)"
    assert d.join(["pages 12-", "15 of the report"]) == "pages 12-15 of the report"
    assert d.join(["ages 18 \u2013", "64"]) == "ages 18 \u2013 64"  # a spaced dash keeps its space
    assert d.join(["in 2024 we", "2 teams"]) == "in 2024 we 2 teams"


def test_an_identifier_broken_after_its_hyphen_in_a_narrow_cell_keeps_the_hyphen_and_no_space():
    d = Dehyphenator([], vocab=frozenset())
    assert d.join(["Nurse, RPN-", "3 and above"]) == "Nurse, RPN-3 and above"
    assert d.join(["Nurse, RPN\ufffe", "3"]) == "Nurse, RPN-3"  # PDFium's line-end hyphen mark
    assert d.join(["as in", "3 cases"]) == "as in 3 cases"


def test_a_known_word_with_an_ending_is_joined_across_the_break():
    # the vocabulary holds "autonomous" but not every form of it
    d = Dehyphenator([], vocab=frozenset({"autonomous", "rest", "sted"}))
    assert d.join(["grades images auton\u2010", "omously"]) == "grades images autonomously"
    assert d.join(["it re-", "sted there"]) == "it re-sted there"  # a stem under five letters proves nothing


def test_a_break_that_leaves_a_piece_no_word_is_joined_even_when_the_whole_word_is_unknown():
    # groff-style hyphenation splits words the vocabulary does not hold; "chotherapy" is no word
    vocab = frozenset({"therapy", "pre", "deployment", "sessions", "or"})
    d = Dehyphenator(["forensic examinations or psy-", "chotherapy sessions.", "Before pre-", "deployment."], vocab)
    assert (
        d.join(["forensic examinations or psy-", "chotherapy sessions"])
        == "forensic examinations or psychotherapy sessions"
    )
    assert d.join(["before pre-", "deployment"]) == "before pre-deployment"  # two words: a compound
    # a piece seen only beside a line-end hyphen proves nothing: "chotherapy" above is no word
    assert "chotherapy" in d.words and "chotherapy" not in d.whole
    # with no vocabulary there is no telling a word from a piece: the hyphen stays
    bare = Dehyphenator(["forensic examinations or psy-", "chotherapy sessions."], vocab=frozenset())
    assert bare.join(["or psy-", "chotherapy"]) == "or psy-chotherapy"
