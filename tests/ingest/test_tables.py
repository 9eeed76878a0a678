"""Tables read the same way from Markdown, HTML and Word: one row per line, cells joined by " | ",
the header row first, an empty cell kept in its place, so a quoted row reads under its header
whatever format the user added."""

from __future__ import annotations

import pytest

from advisor.ingest import BlockKind, chunk_document, load_chunks, load_document
from advisor.ingest.tables import EMPTY_CELL, markdown_cells, table_row

from ..chromium_pdf import print_html
from ..conftest import make_docx
from . import pdfgen

ROWS = [
    ["Registry", "What it holds", "Maintained by"],
    ["Client Registry", "One record per person", "Health Agency"],
    ["Facility Registry", "", "Licensing Directorate"],
    ["Worker Registry", "Every clinician and licence", "Professions Council"],
]
EXPECTED = [
    "Registry | What it holds | Maintained by",
    "Client Registry | One record per person | Health Agency",
    f"Facility Registry | {EMPTY_CELL} | Licensing Directorate",
    "Worker Registry | Every clinician and licence | Professions Council",
]
LEAD = "The blueprint names three core registries, each kept by a different national body."
AFTER = "Each registry is refreshed from the district offices every night of the week."


def _markdown(tmp_path):
    table = "\n".join(["| " + " | ".join(r) + " |" for r in ROWS[:1]] + ["|---|:---|---:|"])
    table += "\n" + "\n".join("| " + " | ".join(r) + " |" for r in ROWS[1:])
    p = tmp_path / "blueprint.md"
    p.write_text(f"# Blueprint\n\n## Registries\n\n{LEAD}\n\n{table}\n\n{AFTER}\n", encoding="utf-8")
    return p


def _html(tmp_path):
    cells = lambda r, tag: "".join(f"<{tag}>{c}</{tag}>" for c in r)  # noqa: E731
    body = "".join(f"<tr>{cells(r, 'td')}</tr>" for r in ROWS[1:])
    p = tmp_path / "blueprint.html"
    p.write_text(
        f"<html><head><title>Blueprint</title></head><body><nav>Home | About</nav><main><h1>Blueprint</h1>"
        f"<h2>Registries</h2><p>{LEAD}</p><table><caption>Table 1. Core registries</caption>"
        f"<thead><tr>{cells(ROWS[0], 'th')}</tr></thead><tbody>{body}</tbody></table><p>{AFTER}</p></main></body></html>",
        encoding="utf-8",
    )
    return p


def _docx(tmp_path):
    return make_docx(tmp_path / "blueprint.docx", "Blueprint", [("Registries", [LEAD])], table=ROWS)


@pytest.mark.parametrize("make", [_markdown, _html, _docx], ids=["markdown", "html", "docx"])
def test_every_loader_reads_a_table_as_rows_under_its_header(tmp_path, make):
    path = make(tmp_path)
    doc = load_document(path, path.name)
    rows = [b.text for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert rows == EXPECTED
    chunks = load_chunks(path, path.name, doc_type="user")
    (table,) = [c for c in chunks if c.meta.get("block") == "table"]
    assert table.text.split("\n") == EXPECTED  # the header opens the passage the rows are cited from
    assert not any(";" in line for line in table.text.split("\n"))  # never cells read as a list


def test_markdown_table_without_outer_pipes_and_an_escaped_pipe(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text(
        "# Notes\n\nStandard | Use\n--- | ---\nHL7 v2 \\| FHIR | Messages between systems\n\n"
        "Home | About is a line of prose, not a table.\n",
        encoding="utf-8",
    )
    doc = load_document(p, p.name)
    assert [b.text for b in doc.blocks if b.kind == BlockKind.TABLE] == [
        "Standard | Use",
        "HL7 v2 / FHIR | Messages between systems",  # a pipe inside a cell is not a column break
    ]
    assert any(b.text.startswith("Home | About is a line") and b.kind == BlockKind.TEXT for b in doc.blocks)


def test_html_caption_is_not_a_row(tmp_path):
    doc = load_document(_html(tmp_path), "blueprint.html")
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert (BlockKind.TABLE, "Table 1. Core registries") not in texts


def test_html_caption_heads_its_rows_and_not_the_prose_after(tmp_path):
    """ "(Table 1)" in the prose must lead to the rows: the caption is their section, as in a PDF."""
    doc = load_document(_html(tmp_path), "blueprint.html")
    rows = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert {b.section for b in rows} == {"Registries > Table 1. Core registries"}
    (after,) = [b for b in doc.blocks if b.text == AFTER]
    assert after.section == "Registries"


def test_html_caption_heads_its_rows_when_the_page_is_read_block_by_block(tmp_path):
    # a page too short for the main-content extractor is read element by element
    p = tmp_path / "short.html"
    p.write_text(
        "<html><body><h2>Tiers</h2><table><caption>Table 4. Review tiers</caption>"
        "<tr><th>Tier</th><th>Review</th></tr><tr><td>Moderate</td><td>Desk review</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = load_document(p, p.name)
    assert [(b.section, b.text) for b in doc.blocks if b.kind == BlockKind.TABLE] == [
        ("Tiers > Table 4. Review tiers", "Tier | Review"),
        ("Tiers > Table 4. Review tiers", "Moderate | Desk review"),
    ]
    assert not any(b.text == "Table 4. Review tiers" for b in doc.blocks)


def test_row_text_rules():
    assert table_row(["A", "", "C", "", ""]) == f"A | {EMPTY_CELL} | C"  # trailing empties dropped
    assert table_row(["", "GOVERN", ""]) == "GOVERN"  # a label spanning the table is not a row
    assert table_row(["", " "]) == ""
    assert markdown_cells("|---|:--:|") is None


def test_markdown_footnote_is_read_after_the_sentence_that_marks_it(tmp_path):
    p = tmp_path / "retention.md"
    p.write_text(
        "# Policy\n\n## Retention\n\nAudit records are kept for seven years.[^7] Records are reviewed yearly.\n\n"
        "## Access\n\nOnly custodians open sealed records.\n\n"
        "[^7]: The seven years run from the last time the record was opened,\n    not from the date it was created.\n",
        encoding="utf-8",
    )
    chunks = load_chunks(p, p.name, doc_type="user")
    (retention,) = [c for c in chunks if c.section == "Retention"]
    assert retention.text == (
        "Audit records are kept for seven years. Records are reviewed yearly.\n\n"
        "The seven years run from the last time the record was opened, not from the date it was created."
    )
    assert "[^" not in " ".join(c.text for c in chunks)  # no marker or definition syntax is quoted


def test_a_long_footnote_is_a_passage_of_its_own_under_the_heading_of_its_sentence(tmp_path):
    tiers = (
        "CLN-POL-114, Appendix 1. Tier 1: the output directly triggers a clinical action, for example an "
        "automatic order set. Tier 2: the output informs a clinician's decision through an interruptive "
        "alert or a score. Tier 3: non-interruptive, informational output only, shown in a side panel."
    )
    p = tmp_path / "audit.md"
    p.write_text(
        "# Audit\n\n## Scope and period\n\nThe review covered the period 1 July 2024 to 31 December 2025 "
        "across all four hospitals.[^2] Algorithms were assessed against the policy's risk tiers.\n\n"
        f"## Criteria\n\nThe policy was the main criterion.\n\n[^2]: {tiers}\n",
        encoding="utf-8",
    )
    chunks = load_chunks(p, p.name, doc_type="user")
    scope, note = [c for c in chunks if c.section == "Scope and period"]
    # the period is found by what it says, not diluted by three tiers' definitions; the note
    # is read right after it, under its heading
    assert scope.text.startswith("The review covered the period") and "Tier 1" not in scope.text
    assert note.text == tiers and note.position == scope.position + 1 and note.meta.get("note") == "marked"


# a model card's subgroup performance table: an age band's row holds figures only, no word
SUBGROUP_HEADER = ["Population", "N admissions", "AUROC (95% CI)", "Sensitivity", "PPV"]
SUBGROUPS = [
    ("", [["Overall", "58,900", "0.86 (0.85-0.87)", "71%", "24%"]]),
    (
        "Sex",
        [["Female", "30,628", "0.85 (0.84-0.87)", "69%", "22%"], ["Male", "28,272", "0.87 (0.86-0.88)", "73%", "26%"]],
    ),
    (
        "Age band",
        [
            ["18-44", "9,420", "0.88 (0.85-0.91)", "66%", "19%"],
            ["45-64", "19,437", "0.86 (0.84-0.88)", "70%", "23%"],
            ["65-79", "20,615", "0.85 (0.83-0.86)", "73%", "26%"],
            ["80 and over", "9,428", "0.81 (0.78-0.83)", "75%", "25%"],
        ],
    ),
    ("Race and ethnicity", [["Black", "11,191", "0.84 (0.82-0.86)", "68%", "23%"]]),
]


def test_pdf_table_rows_of_figures_only_reach_the_chunks_with_every_cell(tmp_path):
    p = pdfgen.grouped_table_pdf(tmp_path / "card.pdf", SUBGROUP_HEADER, SUBGROUPS)
    chunks = load_chunks(p, p.name, doc_type="user")
    lines = [line for c in chunks if c.meta.get("block") == "table" for line in c.text.split("\n")]
    for _, rows in SUBGROUPS:
        for cells in rows:
            assert " | ".join(cells) in lines, (cells, lines)


def test_pdf_group_labels_stay_in_their_table_and_every_piece_opens_with_its_header(tmp_path):
    p = pdfgen.grouped_table_pdf(tmp_path / "card.pdf", SUBGROUP_HEADER, SUBGROUPS)
    header = " | ".join(SUBGROUP_HEADER)
    # passages small enough that the table is split: each is read under the column headings
    tables = [c for c in chunk_document(load_document(p, p.name), chunk_size=300) if c.meta.get("block") == "table"]
    assert len(tables) > 1
    for c in tables:
        assert c.text.split("\n")[0] == header, c.text
        assert c.section == tables[0].section  # a group's label is a row of the table, not a heading
    (black,) = [c.text.split("\n") for c in tables if "Black | 11,191" in c.text]
    assert black[black.index("Black | 11,191 | 0.84 (0.82-0.86) | 68% | 23%") - 1] == "Race and ethnicity"
    (old,) = [c.text.split("\n") for c in tables if "80 and over | 9,428" in c.text]
    assert "Age band" in old  # a piece starting inside a group repeats the group's label


def _perf_html() -> str:
    cell = lambda c: f"<td>{c}</td>"  # noqa: E731
    body = ""
    for label, rows in [(g, [[c.replace("-", "\u2013") for c in r] for r in rows]) for g, rows in SUBGROUPS]:
        if label:
            body += f'<tr class="grp"><td colspan="{len(SUBGROUP_HEADER)}">{label}</td></tr>'
        body += "".join(f"<tr>{''.join(cell(c) for c in r)}</tr>" for r in rows)
    head = "".join(f"<th>{c}</th>" for c in SUBGROUP_HEADER)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { font: 9pt/1.35 sans-serif; }'
        "table { width: 100%; border-collapse: collapse; font-size: 8.5pt; text-align: center; }"
        "th { background: #e0f2ef; border: 1px solid #9cc; padding: 1mm; } td { border: 1px solid #ccc; padding: 1mm; }"
        "tr.grp td { background: #f4f4f4; font-weight: bold; text-align: left; }</style></head><body>"
        "<h2>3 \u00b7 Performance (external validation)</h2>"
        f"<table><tr>{head}</tr>{body}</table><p>AUROC: area under the curve.</p></body></html>"
    )


@pytest.mark.browser
@pytest.mark.slow
def test_chromium_printed_subgroup_table_keeps_its_age_band_rows_under_the_header(tmp_path):
    p = print_html(_perf_html(), tmp_path / "card.pdf")
    (table,) = [c for c in chunk_document(load_document(p, p.name)) if c.meta.get("block") == "table"]
    lines = table.text.split("\n")
    assert lines[0] == " | ".join(SUBGROUP_HEADER)
    for label, rows in SUBGROUPS:
        assert not label or label in lines
        for cells in rows:
            assert " | ".join(c.replace("-", "\u2013") for c in cells) in lines, (cells, lines)


def test_a_table_going_on_over_a_page_break_keeps_its_header_on_the_next_page():
    from advisor.ingest.document import Block, Document

    head = "Ref | Question | Supplier answer"
    rows = [
        f"Q-{i:02d} | Question {i} about the service? | The supplier answers question {i} in full." for i in range(1, 7)
    ]
    section = "Part B. Questions"
    blocks = [Block(head, section, 1, BlockKind.TABLE), *(Block(r, section, 1, BlockKind.TABLE) for r in rows[:3])]
    # the printer repeats the header atop page 2, where it is a running line, not a row
    blocks += [Block(head, section, 2, BlockKind.FURNITURE), *(Block(r, section, 2, BlockKind.TABLE) for r in rows[3:])]
    blocks += [Block(r, section, 3, BlockKind.TABLE) for r in ["Q-07 | Last question? | The last answer."]]
    chunks = chunk_document(Document("form.pdf", "Form", blocks))
    for page in (2, 3):
        on_page = [c for c in chunks if c.page == page]
        assert on_page and all(c.text.startswith(head + "\n") for c in on_page), [c.text for c in on_page]
    # a table that starts on the next page under another section keeps to its own rows
    other = Document(
        "f.pdf",
        "F",
        [
            Block(head, "A", 1, BlockKind.TABLE),
            Block(rows[0], "A", 1, BlockKind.TABLE),
            Block(rows[1], "B", 2, BlockKind.TABLE),
        ],
    )
    assert [c.text for c in chunk_document(other) if c.page == 2] == [rows[1]]


@pytest.mark.browser
@pytest.mark.slow
def test_a_borderless_table_of_labels_and_values_reads_as_fields(tmp_path):
    html = (
        "<html><body style='font-family:sans-serif;font-size:11pt'><h1>Supplier Assurance Return</h1>"
        "<table><tr><td><b>Supplier:</b></td><td>Brightwick Analytics Ltd, 4 Ferry Lane, Leeds</td></tr>"
        "<tr><td><b>Product and release:</b></td><td>Brightwick Flowcast, release 2.2</td></tr>"
        "<tr><td><b>Date returned:</b></td><td>9 February 2027</td></tr></table>"
        "<h2>Part 1</h2><p>The supplier answers every question below in full sentences and signs the return.</p>"
        "<h2>Part 2</h2><table><tr><td>Signature:</td><td>/s/ Orla Penhallow</td><td>Date:</td><td>9 February 2027</td></tr>"
        "<tr><td>Name:</td><td>Orla Penhallow</td><td></td><td></td></tr>"
        "<tr><td>Title:</td><td>Head of Quality, Brightwick Analytics Ltd</td><td></td><td></td></tr></table>"
        "</body></html>"
    )
    chunks = chunk_document(load_document(print_html(html, tmp_path / "r.pdf"), "r"))
    text = "\n".join(c.text for c in chunks)
    # a signature block of plain labels stays one table: the signer's name and title in one passage
    assert any("Orla Penhallow" in c.text and "Head of Quality" in c.text for c in chunks), [c.text for c in chunks]
    assert "Supplier: Brightwick Analytics Ltd, 4 Ferry Lane, Leeds" in text
    assert "Product and release: Brightwick Flowcast, release 2.2" in text
    assert "Date returned: 9 February 2027" in text
