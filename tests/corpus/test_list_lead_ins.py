"""The bundled NIST summaries' evidence lists carry their own lead-in: quoted in an answer, an
evidence item hangs from "Evidence that this outcome is in place includes:", never from the
paragraph's last sentence ("Policies that only address data security ... leave most
trustworthiness characteristics ungoverned:" over "- Intake or review templates ...")."""

from __future__ import annotations

import pytest

from advisor.answer.quotable import UnitKind, read_units
from advisor.ingest import load_document
from advisor.ingest.chunking import chunk_document

from ..conftest import ROOT

NIST = [ROOT / "corpus" / "guidance" / f"nist-ai-rmf-{f}.md" for f in ("govern", "map", "measure", "manage")]


@pytest.mark.parametrize("path", NIST, ids=lambda p: p.stem)
def test_every_evidence_item_hangs_from_a_lead_in_that_introduces_it(path):
    items = [
        u
        for c in chunk_document(load_document(path, f"corpus/guidance/{path.name}"))
        if " — " in c.section  # a subcategory's section ("GOVERN 1 — ... > GOVERN 1.2 — ...")
        for u in read_units(c)
        if u.kind is UnitKind.ITEM and u.ok
    ]
    assert len(items) >= 30
    bad = [
        (u.chunk.section, u.text, u.lead.text if u.lead else None)
        for u in items
        if u.lead is None or not u.lead.text.rstrip().endswith(":")
    ]
    assert not bad, bad[:3]
