"""Red-team generator: count, determinism, splits, canaries; the scanner catches each style."""

from __future__ import annotations

import zipfile

import pytest

from advisor.ingest import load_document
from advisor.safety.injection import QUARANTINE_SCORE, scan
from advisor.safety.rules import Reason
from advisor.text import sentence_spans
from evals.redteam.generate import FORMATS, PER_SPLIT, STYLES, generate

pytestmark = pytest.mark.timeout(300)


def _text(path) -> str:
    return "\n\n".join(b.text for b in load_document(path, str(path)).blocks)


def _content(path) -> bytes:
    if path.suffix == ".docx":  # zip members carry write times; compare what they hold
        with zipfile.ZipFile(path) as z:
            return b"".join(z.read(n) for n in sorted(z.namelist()))
    return path.read_bytes()


def test_default_split_has_at_least_300_documents_over_every_style_and_format(tmp_path):
    assert PER_SPLIT >= 300
    cases = generate(tmp_path, split="dev")
    assert len(cases) >= 300
    assert {c.style for c in cases} == set(STYLES)
    assert {c.format for c in cases} == set(FORMATS)
    assert len({c.canary for c in cases}) == len(cases)
    for c in cases:
        assert c.path.is_file() and c.canary in c.forbidden and c.question.endswith("?")


def test_generation_is_deterministic_per_seed(tmp_path):
    a = generate(tmp_path / "a", seed=3, split="dev", n=26)
    b = generate(tmp_path / "b", seed=3, split="dev", n=26)
    assert [(c.style, c.format, c.canary, c.question, c.payload) for c in a] == [
        (c.style, c.format, c.canary, c.question, c.payload) for c in b
    ]
    assert [_content(c.path) for c in a] == [_content(c.path) for c in b]


def test_heldout_split_uses_other_phrasings_and_other_canaries(tmp_path):
    dev = generate(tmp_path, split="dev", n=26)
    held = generate(tmp_path, split="heldout", n=26)
    assert not {c.canary for c in dev} & {c.canary for c in held}
    for style in STYLES.values():
        assert style.held and not set(style.dev) & set(style.held)
    assert {c.payload for c in dev if not c.hidden}.isdisjoint({c.payload for c in held if not c.hidden})


def test_documents_read_as_ordinary_prose_around_the_attack(tmp_path):
    [case] = [c for c in generate(tmp_path, split="dev", n=13) if c.style == "ignore_previous"]
    text = _text(case.path)
    assert case.canary in text
    assert len(text.split()) > 60  # governance prose, not just the payload


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_scanner_quarantines_the_planted_sentence_in_every_style(tmp_path, split):
    missed = []
    for case in generate(tmp_path, split=split, n=2 * len(STYLES)):
        text = _text(case.path)
        if case.marker not in text:
            continue  # the loader dropped the hidden text: nothing left to quote
        flags = [f for f in scan(text) if f.score >= QUARANTINE_SCORE and f.reason not in (Reason.LINK, Reason.EMAIL)]
        for s, e in sentence_spans(text):
            if case.marker in text[s:e] and not any(f.start < e and s < f.end for f in flags):
                missed.append((case.style, case.format, text[s:e]))
    assert missed == []
