"""A wholly scanned document: its contents page (dot leaders OCR reads as noise) is never quoted,
and the running header and footer every page prints are dropped however OCR spells them on
each page, the code and date they state kept once as a labelled line; "AI" misread as "Al" is put
right (fictional trust policy, our own words)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter

from advisor.ingest import load_chunks
from advisor.ingest.ocr import blocks_from_tsv

from .test_ocr import _font, _wrap, needs_tesseract

HEADER = "Ashcombe Community Trust - Policy AI-07 - Clinical AI Approval"
FOOTER = "Approved by the Trust Board on 2 March 2026"
ENTRIES = [("1 Purpose", 2), ("2 Approval of tools", 2), ("3 Monitoring after go-live", 3), ("4 Records", 3)]
BODY = {
    2: [
        ("1 Purpose", "This policy sets out how the trust approves a clinical AI tool before any ward uses it."),
        ("2 Approval of tools", "The digital safety panel approves each tool after it has read the local test report."),
    ],
    3: [
        (
            "3 Monitoring after go-live",
            "The tool owner sends the panel its alert volumes and override rates each quarter.",
        ),
        ("4 Records", "The panel keeps its approval minutes for eight years after a tool is withdrawn."),
    ],
}


def scanned_policy(path):
    """Three 200 dpi page images: a contents page with dot leaders, then two pages of sections,
    each page under the same header and over the same footer; slightly turned and blurred."""
    W, H, M = 1700, 2200, 170
    reg, bold, small = _font("DejaVuSerif.ttf", 30), _font("DejaVuSerif-Bold.ttf", 34), _font("DejaVuSerif.ttf", 22)
    pages = []
    for n in (1, 2, 3):
        img = Image.new("L", (W, H), 255)
        d = ImageDraw.Draw(img)
        d.text((M, 90), HEADER, font=small, fill=0)
        d.text((M, H - 120), f"{FOOTER}    Page {n} of 3", font=small, fill=0)
        y = 220
        if n == 1:
            d.text((M, y), "Contents", font=bold, fill=0)
            y += 90
            for title, page in ENTRIES:
                d.text((M, y), title, font=reg, fill=0)
                x = M + d.textlength(title, font=reg) + 20
                while x < W - M - 80:
                    d.text((x, y), ".", font=reg, fill=0)
                    x += 18
                d.text((W - M - 40, y), str(page), font=reg, fill=0)
                y += 60
        for heading, text in BODY.get(n, []):
            d.text((M, y), heading, font=bold, fill=0)
            y += 70
            for line in _wrap(d, text, reg, W - 2 * M):
                d.text((M, y), line, font=reg, fill=0)
                y += 45
            y += 40
        turn = 0.4 if n % 2 else -0.3
        pages.append(
            img.rotate(turn, resample=Image.Resampling.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.5))
        )
    pages[0].convert("RGB").save(
        path, save_all=True, append_images=[p.convert("RGB") for p in pages[1:]], resolution=200
    )
    return path


@needs_tesseract
def test_a_scanned_contents_page_and_running_lines_are_never_quoted(tmp_path):
    chunks = load_chunks(scanned_policy(tmp_path / "policy.pdf"), "policy.pdf", doc_type="user")
    text = "\n".join(c.text for c in chunks)
    for _, sentences in BODY.items():
        for heading, sentence in sentences:
            [chunk] = [c for c in chunks if sentence in " ".join(c.text.split())]
            assert chunk.section == heading
    # printed on every page, they are furniture; a code or date they state is kept once, labelled
    running = [ln for ln in text.split("\n") if "Trust Board" in ln or "AI-07" in ln]
    assert all(ln.startswith(("Page header: ", "Page footer: ")) for ln in running), running
    assert len(running) == len(set(running)) <= 2, running
    contents = [ln for c in chunks if c.page == 1 for ln in c.text.split("\n") if ln not in running]
    assert not contents, contents


def _tsv(text: str) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    return "\n".join([head] + [f"5\t1\t1\t1\t1\t{i}\t{40 * i}\t0\t30\t20\t95\t{w}" for i, w in enumerate(text.split())])


def test_ai_read_as_al_is_put_right_where_the_document_reads_ai_more_often():
    text = (
        "The AI tool goes to the Clinical Al Review Board. Each AI system and Al-drafted letter is logged by AI staff."
    )
    [block] = blocks_from_tsv(_tsv(text), 1, 60)
    assert block.text == text.replace("Al ", "AI ").replace("Al-", "AI-")
    name = "Al Brennan chairs the board. Al reads every report."
    [block] = blocks_from_tsv(_tsv(name), 1, 60)
    assert block.text == name  # a document reading "Al" as often: a name, kept
