"""Channels fused by score (`ADVISOR_FUSION=score`): a passage far ahead in one channel is not sunk by its absence from
the other (rank fusion scored the best keyword match, missing from the dense candidates, like a
passage about 40th in both), and an identifier the question names still comes first."""

from __future__ import annotations

import pytest

from advisor.errors import SettingsError
from advisor.index import Index
from advisor.retrieve import Filters, Retriever, _fuse
from advisor.retrieve.keyword import KeywordSide
from advisor.settings import Settings

N = 40  # candidates per channel, as shipped


def _channels() -> tuple[list[tuple[str, float]], KeywordSide]:
    """Dense: 40 passages from 0.62 down to 0.42. Keywords: `exact` scores 24 (the page holding
    the question's rare words, which the embedding ranks below 40th), then passages found by
    both channels, middling in each (`mid0..`: 8th-15th dense, 2nd-9th keywords, BM25 9-7)."""
    dense = [(f"d{i:02}", round(0.62 - i * 0.005, 4)) for i in range(N)]
    for j in range(8):
        dense[8 + j] = (f"mid{j}", dense[8 + j][1])
    lexical = [("exact", 24.0)] + [(f"mid{j}", 9.0 - j * 0.25) for j in range(8)]
    lexical += [(f"k{i:02}", 6.0 - i * 0.1) for i in range(N - len(lexical))]
    return dense, KeywordSide(lexical, [])


def test_the_best_keyword_match_missing_from_the_dense_candidates_reaches_the_top_six():
    dense, side = _channels()
    _, order = _fuse(dense, side, 6, 60, fusion="score")
    assert "exact" in order[:3]
    # by reciprocal rank it did not: 1/61 alone is less than the middling passages' two shares
    _, by_rank = _fuse(dense, side, 6, 60)
    assert "exact" not in by_rank


def test_the_nearest_passage_leads_when_no_passage_shares_the_question_s_words():
    dense, _ = _channels()
    _, order = _fuse(dense, KeywordSide([], []), 6, 60, fusion="score")
    assert order == [cid for cid, _ in dense[:6]]


def test_a_passage_holding_the_identifier_asked_about_comes_first():
    dense, side = _channels()
    side = KeywordSide(side.lexical, ["k30"])
    _, order = _fuse(dense, side, 6, 60, fusion="score")
    assert order[0] == "k30"


def test_the_dense_weight_moves_the_balance_between_the_channels():
    dense, side = _channels()
    _, keywords_only = _fuse(dense, side, 6, 60, fusion="score", dense_weight=0.0)
    _, dense_only = _fuse(dense, side, 6, 60, fusion="score", dense_weight=1.0)
    assert keywords_only == [cid for cid, _ in side.lexical[:6]]
    assert dense_only == [cid for cid, _ in dense[:6]]


def test_fusion_settings_are_read_and_checked(tmp_path):
    home = {"ADVISOR_HOME": str(tmp_path)}
    s = Settings.from_env(home)
    assert (s.fusion, s.dense_weight) == ("rrf", 0.35)
    s = Settings.from_env({**home, "ADVISOR_FUSION": "Score", "ADVISOR_DENSE_WEIGHT": "0.5"})
    assert (s.fusion, s.dense_weight) == ("score", 0.5)
    with pytest.raises(SettingsError, match=r"ADVISOR_FUSION='borda'.*'score' or 'rrf'"):
        Settings.from_env({**home, "ADVISOR_FUSION": "borda"})
    with pytest.raises(SettingsError, match=r"ADVISOR_DENSE_WEIGHT=1\.5 is out of range"):
        Settings.from_env({**home, "ADVISOR_DENSE_WEIGHT": "1.5"})


def test_a_search_fuses_as_the_settings_say(tmp_path, hash_model_dir):
    """Keywords alone (score fusion, dense weight 0) rank as the keyword channel does, and the
    dense channel alone (weight 1) otherwise."""
    docs = tmp_path / "docs"
    docs.mkdir()
    texts = [
        # the keyword channel's best: the question's rarest words, again and again
        "Drift, drift and more drift: drift reports, drift reviews and the drift reviewers for each model.",
        # the dense channel's best here (the test embedder hashes words and word pairs, stop words too)
        "How is model drift reviewed is the question this note answers for the committee.",
        "Vendor contracts name the security contact and a breach notice window.",
        "Consent forms are reviewed by the ethics board every year.",
        "Incident tickets are triaged within one business day.",
    ]
    for i, text in enumerate(texts):
        (docs / f"note{i}.md").write_text(f"# Note {i}\n\n## About\n\n{text}\n", encoding="utf-8")
    base = {"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir)}
    assert Index(Settings.from_env(base)).index_paths([docs]).ok
    query = "how is model drift reviewed"

    def ranked(**env: str) -> list[str]:
        r = Retriever(Index(Settings.from_env({**base, **env})), parallel=False)
        return [h.chunk.chunk_id for h in r.search(query, k=2).hits]

    r = Retriever(Index(Settings.from_env(base)), parallel=False)
    lex = r.lexical()
    keywords = [cid for cid, _ in lex.search(query, 2, lex.mask(Filters()))]
    assert ranked(ADVISOR_FUSION="score", ADVISOR_DENSE_WEIGHT="0") == keywords
    assert ranked(ADVISOR_FUSION="score", ADVISOR_DENSE_WEIGHT="1") != keywords
