"""Chunk ids, sentence packing and the text helpers chunking relies on."""

from __future__ import annotations

from advisor.ingest import load_chunks, make_chunk_id, pack_sentences
from advisor.ingest.chunking import MIN_FIELD_PIECE, pack_rows, pack_spans, table_head
from advisor.ingest.document import Block, subject_title
from advisor.text import identifiers, split_sentences, tokenize


def _chunks(path, **kw):
    kw.setdefault("doc_type", "user")
    return load_chunks(path, str(path), **kw)


def test_chunk_ids_are_deterministic_and_content_addressed(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# A\n\nFirst sentence here.\n", encoding="utf-8")
    assert [c.chunk_id for c in _chunks(p)] == [c.chunk_id for c in _chunks(p)]
    a = make_chunk_id("x.md", 0, "one")
    assert a == make_chunk_id("x.md", 0, "one")
    assert a != make_chunk_id("x.md", 0, "two") and a != make_chunk_id("y.md", 0, "one")


def test_packing_never_splits_sentences_and_keeps_exact_spans():
    sentences = [f"Sentence number {i} talks about governance and data quality in detail." for i in range(40)]
    text = " ".join(sentences)
    pieces = pack_sentences(text, 300, 80)
    assert len(pieces) > 5
    for piece in pieces:
        assert piece in text and len(piece) <= 300
        assert piece.endswith(".") and piece[0].isupper()
    # overlap: consecutive pieces share a whole sentence
    assert any(pieces[i].split(". ")[-1] in pieces[i + 1] for i in range(len(pieces) - 1))


def test_a_field_start_ends_a_piece_once_it_is_long_enough_without_overlap():
    fields = [
        "Development data characterization: The model was trained on over 4,000 scans from many sites.",
        "The time frame for the data used for model construction and validation is 2017-2024.",
        "Bias mitigation approaches: The vendor validates the model across subpopulations every year.",
        "Ongoing Maintenance: Regular retraining cycles and periodic revalidation keep it safe.",
    ]
    text = "\n".join(fields)
    starts = [text.index(f) for f in fields]
    breaks = [starts[0], starts[2], starts[3]]  # the second paragraph continues the first field
    pieces = [text[s:e] for s, e in pack_spans(text, 1000, 120, breaks)]
    assert pieces == ["\n".join(fields[:2]), fields[2], fields[3]]
    assert [text[s:e] for s, e in pack_spans(text, 1000, 120)] == [text]  # no breaks: one piece
    short = "Version: 2.0\nRelease Date: June 2024. Regulatory Approval: HIPAA Compliant."
    assert len(pack_spans(short, 1000, 120, [0, short.index("Regulatory")])) == 1  # under MIN_FIELD_PIECE
    assert short.index("Regulatory") < MIN_FIELD_PIECE


def test_a_checklists_lines_without_full_stops_end_pieces_and_are_never_cut_mid_line():
    items = [f"C{i}: Supplier contract names the officer who answers for item {i} of the register" for i in range(1, 9)]
    text = "\n".join(items)
    pieces = [text[s:e] for s, e in pack_spans(text, 300, 60, [text.index(item) for item in items])]
    # each piece holds whole lines: no line is cut at the size limit ("... (due" / "within 30 days")
    assert all(line in items for piece in pieces for line in piece.split("\n")), pieces
    assert sorted({ln for piece in pieces for ln in piece.split("\n")}) == sorted(items)


def test_a_document_naming_its_product_carries_it_in_its_title():
    def title(*texts: str) -> str:
        return subject_title("Applied Model Card", [Block(t) for t in texts])

    assert title("Name: StrokeAlert v2\nManufacturer: Acme Inc.") == "Applied Model Card — StrokeAlert v2 (Acme Inc)"
    # one table cell: the value stops at the next label
    assert title("Name: Triage for Rib Fractures Developer: Acme | Contact: a@b.c").endswith(
        "— Triage for Rib Fractures (Acme)"
    )
    assert title("Name: Developer: | Inquires or to report an issue:") == "Applied Model Card"  # an empty template
    assert title("The model name: is not a field at a line start", "Summary: text") == "Applied Model Card"
    assert subject_title("OrbDoc Scribe", [Block("Name: OrbDoc Scribe")]) == "OrbDoc Scribe"  # already named
    # a definitions entry is no maker: "Clinical sponsor: the named clinician who ..."
    assert title("Clinical sponsor: the named clinician who answers for an alert's content.") == "Applied Model Card"
    # a questionnaire's cover names the product with its release
    assert title("Supplier: Brightwick Ltd, Leeds\nProduct and release: Flowcast, release 2.2") == (
        "Applied Model Card — Flowcast, release 2.2 (Brightwick Ltd)"
    )


def test_sentences_respect_abbreviations_and_bullets():
    text = "NIST released it on 26 Jan. 2023, e.g. for the U.S. market. Second one.\n- bullet item\n- another"
    assert split_sentences(text) == [
        "NIST released it on 26 Jan. 2023, e.g. for the U.S. market.",
        "Second one.",
        "bullet item",
        "another",
    ]


def test_identifiers_and_tokens():
    assert identifiers("What does GOVERN 1.6 and §170.315(b)(11) say, and Art. 14?") == [
        "GOVERN 1.6",
        "§170.315(b)(11)",
        "Art. 14",
    ]
    assert "1.6" in tokenize("GOVERN 1.6") and "the" not in tokenize("the inventory")


def test_a_passage_never_ends_on_a_list_items_label():
    # "C4." reads as a sentence of its own to the splitter; a piece ending there would leave the
    # item's label in one passage and its text in the next
    items = "".join(
        f"C{i}. The named pharmacist checks register entry number {i} against the invoice.\n" for i in range(1, 9)
    )
    text = "The checklist is signed before the software goes live.\n" + items
    for size in range(120, 400, 7):
        for piece in pack_sentences(text, size, 0):
            assert not piece.rstrip().endswith(tuple(f"C{i}." for i in range(1, 9))), (size, piece)
            assert piece.strip() in text


def test_a_list_item_carried_into_the_next_passage_keeps_its_marker(tmp_path):
    # items on consecutive lines (no blank line between them), as the PDF reader writes a list:
    # the item the overlap carries into the next passage must stay an item, not open it as a
    # bare sentence that reads as the lead-in of the items after it
    items = "\n".join(
        f"- Control {i} of the programme is checked against register entry {i} by the named steward."
        for i in range(1, 13)
    )
    path = tmp_path / "controls.md"
    path.write_text(f"# Controls\n\nEstablish risk controls, including:\n\n{items}\n", encoding="utf-8")
    chunks = _chunks(path, chunk_size=300, overlap=120)
    assert len(chunks) >= 3
    for c in chunks[1:]:
        first = c.text.lstrip().splitlines()[0]
        assert first.startswith("- ") or not first.startswith("Control"), c.text


def test_a_definitions_list_with_no_full_stop_is_cut_between_definitions():
    # a regulation's definitions, one a line, each closing on a semicolon: one "sentence" far
    # longer than a piece, which must be cut at a line's end, never inside a definition
    terms = [
        f"“term {i}” means a clinical system of kind {i} that is used in the care of patients at a facility;"
        for i in range(40)
    ]
    text = "(1) In this Regulation,\n" + "\n".join(terms)
    pieces = pack_sentences(text, 400, 0)
    assert len(pieces) > 5
    for piece in pieces:
        for line in piece.strip().split("\n")[1:]:
            assert line.startswith("“term "), (line, piece)
        assert piece.rstrip().endswith(";") or piece.rstrip().endswith(","), piece


def test_a_memo_titled_by_its_letterhead_gains_its_subject_line():
    # every passage carries its title: a memo's letterhead says who wrote it, its subject what about
    blocks = [
        Block("Office of the Chief Medical Officer", "ASHCOMBE VALLEY HOSPITALS TRUST", 1),
        Block("To: All consultants\n\nFrom: Dr Helena Varga-Stroud, Chief Medical Officer", "MEMORANDUM", 1),
        Block("Subject: Interim restriction on the use of ambient AI scribes\n\nOur quarterly audit ...", "Ref", 1),
    ]
    title = subject_title("ASHCOMBE VALLEY HOSPITALS TRUST", blocks)
    assert title == "ASHCOMBE VALLEY HOSPITALS TRUST — Interim restriction on the use of ambient AI scribes"
    # a title that already names the subject is left as it is
    assert subject_title("Interim restriction on the use of ambient AI scribes", blocks[2:]) == (
        "Interim restriction on the use of ambient AI scribes"
    )


def test_a_tables_column_headings_under_title_lines_open_every_later_piece():
    # a spreadsheet export prints its title and filter lines above the column headings
    title = "AI_Risk_Register_FY26 | Larchfield Health System — Enterprise AI Risk Register | CONFIDENTIAL – Internal"
    head = "Risk ID | Title | Owner | Status"
    rows = [f"AIR-{n:03d} | Risk number {n} described at some length for packing | Owner {n} | Open" for n in range(30)]
    pieces = pack_rows([title, head, *rows], 400)
    assert len(pieces) > 3
    assert pieces[0].splitlines()[:2] == [title, head]
    assert all(p.splitlines()[0] == head for p in pieces[1:])
    assert table_head([title, head, *rows]) == head
    # a first data row shaped like the rows below is no title line: the short row after it is data too
    tiers = [
        "Tier 1 (high) | Autonomous systems acting on care without review",
        "Tier 2 | Advisory tools",
        "Tier 3 | Admin",
    ]
    assert table_head(tiers) == ""


def test_a_heading_abbreviated_with_a_full_stop_still_heads_the_table():
    head = "No. | Action | Owner (role) | Due date | Status"
    rows = [
        f"A-25-03-{n:02d} | Action number {n} described at some length for packing | Secretary | 9 Apr 2025 | Open"
        for n in range(20)
    ]
    assert table_head([head, *rows]) == head
    assert all(p.splitlines()[0] == head for p in pack_rows([head, *rows], 400))
    assert table_head(["Item | Notes.", "Scope | Every tool."]) == ""  # a sentence's full stop heads nothing
