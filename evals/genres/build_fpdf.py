"""Build genre dev PDFs with a second producer (fpdf2), laid out the way word processors, LaTeX and
scanners lay out text, not the way Chromium prints HTML.

    python evals/genres/build_fpdf.py --out DIR [--only NAME]

Chromium writes every word space as a space character, in reading order. The documents here carry
the text-layer quirks of other producers:

- words placed one by one with no space characters between them (pdfTeX, InDesign), justified so
  the gaps vary from line to line, broken at line ends with a hard hyphen, with fi/fl ligature
  glyphs (U+FB01/FB02) in the text layer;
- footnote markers set as raised small digits, footnotes at the page foot under a short rule;
- running header and footer on every page;
- a framework core table whose narrow first column wraps a long category statement over many
  short lines beside several outcome rows, split over pages with the header row repeated;
- a page drawn rotated and displayed through the page's /Rotate entry (a landscape table);
- a two-column page whose right column comes first in the content stream;
- a scanned page: an image with no text layer at all (read by OCR).

The texts are our own words about fictional organisations. The PDFs are generated, never committed.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image, ImageFilter

FONTS = Path("/usr/share/fonts/truetype/dejavu")
_LIGATURES = (("ffi", "\ufb03"), ("fi", "\ufb01"), ("fl", "\ufb02"))
_VOWELS = set("aeiouy")
MM = 72 / 25.4


def _ligate(word: str) -> str:
    for plain, glyph in _LIGATURES:
        word = word.replace(plain, glyph)
    return word


def hyphen_points(word: str) -> list[int]:
    """Break points of a word, LaTeX-like: between two consonants or before a consonant that
    follows a vowel, leaving at least three letters on each side."""
    core = word.rstrip(".,;:)")
    out = []
    for i in range(3, len(core) - 2):
        a, b = core[i - 1].lower(), core[i].lower()
        if not (core[:i].isalpha() and core[i:].isalpha()):
            continue
        if (a not in _VOWELS and b not in _VOWELS and core[i + 1].lower() in _VOWELS) or (
            a in _VOWELS and b not in _VOWELS and core[i + 1].lower() in _VOWELS
        ):
            out.append(i)
    return out


class Doc(FPDF):
    """An A4 document with a running header and footer (skipped on pages marked bare)."""

    def __init__(self, header: str, footer: str, serif: bool = True):
        super().__init__(format="A4", unit="pt")
        for style, suffix in (("", ""), ("B", "-Bold"), ("I", "-Italic" if serif else "-Oblique")):
            base = "DejaVuSerif" if serif else "DejaVuSans"
            name = f"{base}{suffix}.ttf" if suffix != "-Italic" else "DejaVuSerif-Italic.ttf"
            self.add_font("Body", style, str(FONTS / name))
        self.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.running_header, self.running_footer = header, footer
        self.bare: set[int] = set()  # pages with no header or footer (a scanned insert)
        self.set_auto_page_break(False)
        self.set_margins(60, 70, 60)

    def header(self) -> None:
        if self.page_no() in self.bare or not self.running_header:
            return
        self.set_font("Sans", "", 7.5)
        self.set_xy(60, 34)
        self.cell(self.w - 120, 10, self.running_header, align="R")
        self.line(60, 48, self.w - 60, 48)

    def footer(self) -> None:
        if self.page_no() in self.bare or not self.running_footer:
            return
        self.set_font("Sans", "", 7.5)
        self.set_xy(60, self.h - 40)
        self.cell(self.w - 120, 10, self.running_footer.format(page=self.page_no(), pages="{nb}"), align="C")


@dataclass
class Setter:
    """Sets paragraphs word by word: no space characters, justified, hyphenated, ligatures,
    footnote markers raised; footnotes collected per page and set at its foot."""

    pdf: Doc
    x: float
    width: float
    top: float = 70
    bottom_limit: float = 0.0
    size: float = 10.0
    lead: float = 13.0
    ligatures: bool = True
    y: float = 70
    notes: list[tuple[str, str]] = field(default_factory=list)
    next_note: int = 1
    new_page: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        self.bottom_limit = self.bottom_limit or self.pdf.h - 62

    def _w(self, text: str, style: str = "", size: float | None = None) -> float:
        self.pdf.set_font("Body", style, size or self.size)
        return self.pdf.get_string_width(text)

    def _notes_height(self, notes: list[tuple[str, str]]) -> float:
        if not notes:
            return 0.0
        lines = sum(len(self._wrap(t, self.width - 10, 7.5)) for _, t in notes)
        return 10 + lines * 9.5

    def _wrap(self, text: str, width: float, size: float) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and self._w(trial, size=size) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        return [*lines, line] if line else lines

    def page_break(self) -> None:
        self.flush_notes()
        if self.new_page:
            self.new_page()
        else:
            self.pdf.add_page()
        self.y = self.top

    def flush_notes(self) -> None:
        if not self.notes:
            return
        y = self.bottom_limit - self._notes_height(self.notes) + 8
        self.pdf.line(self.x, y - 6, self.x + 80, y - 6)
        for mark, text in self.notes:
            self.pdf.set_font("Body", "", 5.5)
            self.pdf.text(self.x, y + 7.5 - 2.8, mark)
            self.pdf.set_font("Body", "", 7.5)
            for ln in self._wrap(text, self.width - 10, 7.5):
                y += 9.5
                self.pdf.text(self.x + 6, y - 2, ln)
        self.notes = []

    def heading(self, text: str, size: float = 11.5) -> None:
        if self.y + 3 * self.lead > self.bottom_limit - self._notes_height(self.notes):
            self.page_break()
        self.y += 6
        self.pdf.set_font("Body", "B", size)
        self.pdf.text(self.x, self.y + size, text)
        self.y += size + 7

    def _tokens(self, text: str) -> list[tuple[str, str]]:
        """Words with the footnote text each one carries ("practice[^Text of the note.]")."""
        out = []
        for m in re.finditer(
            r"(\S+?)(?:\[\^([^\]]+)\])?(?=\s|$)",
            re.sub(r"\[\^([^\]]+)\]", lambda n: "[^" + n[1].replace(" ", "\u2002") + "]", text),
        ):
            out.append((m[1], (m[2] or "").replace("\u2002", " ")))
        return out

    def paragraph(self, text: str, indent: float = 0.0, bullet: str = "", align: str = "J") -> None:
        words = self._tokens(text)
        width = self.width - indent
        first = True
        while words:
            line, words = self._fill(words, width)
            last = not words
            pending = [n for _, n in line if n]
            reserve = self._notes_height(self.notes + [("", n) for n in pending])
            if self.y + self.lead > self.bottom_limit - reserve:
                self.page_break()
            self.y += self.lead
            if first and bullet:
                self.pdf.set_font("Body", "", self.size)
                self.pdf.text(self.x + indent - 10, self.y, bullet)
            first = False
            justify = align == "J-open" or (align == "J" and not last)
            self._set_line(line, self.x + indent, width, justify=justify)
        self.y += 4

    def _fill(self, words: list[tuple[str, str]], width: float) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        line: list[tuple[str, str]] = []
        used = 0.0
        space = self._w(" ")
        for k, (word, note) in enumerate(words):
            w = self._w(word)
            if not line or used + space + w <= width:
                line.append((word, note))
                used += (space if len(line) > 1 else 0) + w
                continue
            # hyphenate the word that does not fit, at the last break point that does
            for i in reversed(hyphen_points(word)):
                head = word[:i] + "-"
                if used + space + self._w(head) <= width:
                    return line + [(head, "")], [(word[i:], note)] + words[k + 1 :]
            return line, words[k:]
        return line, []

    def _set_line(self, line: list[tuple[str, str]], x: float, width: float, justify: bool) -> None:
        widths = [self._w(w) for w, _ in line]
        gap = self._w(" ")
        if justify and len(line) > 1:
            gap = (width - sum(widths)) / (len(line) - 1)
        for (word, note), w in zip(line, widths, strict=True):
            self.pdf.set_font("Body", "", self.size)
            self.pdf.text(x, self.y, _ligate(word) if self.ligatures else word)
            if note:
                mark = str(self.next_note)
                self.next_note += 1
                self.notes.append((mark, note))
                self.pdf.set_font("Body", "", self.size * 0.6)
                self.pdf.text(x + w + 0.3, self.y - self.size * 0.4, mark)
                w += 0.3 + self.pdf.get_string_width(mark)  # the mark takes its own room
            x += w + gap


# --------------------------------------------------------------------------- bylaws (hospital)

BYLAWS_HEADER = "Harbourview Community Hospital \u2014 Credentials Committee Bylaws"
BYLAWS_FOOTER = "Adopted by the Medical Executive Committee, 12 January 2026  |  Page {page} of {pages}"

BYLAWS = [
    ("h", "ARTICLE I. PURPOSE AND AUTHORITY"),
    (
        "p",
        "These bylaws govern the Credentials Committee of the Medical Staff of Harbourview Community "
        "Hospital. The Committee evaluates the qualifications of every applicant for appointment, "
        "reappointment and clinical privileges, and makes a written recommendation to the Medical "
        "Executive Committee, which forwards its own recommendation to the Board of Directors.[^The "
        "Board of Directors retains final authority over every appointment and every grant of privileges.] "
        "No practitioner may exercise clinical privileges at the hospital until the Board has acted.",
    ),
    ("h", "ARTICLE II. COMPOSITION"),
    (
        "p",
        "Section 2.1 Membership. The Committee consists of seven voting members of the active "
        "medical staff, appointed by the Chief of Staff for staggered terms of three years, and no "
        "member may serve more than two consecutive terms. At least one member shall be drawn from "
        "each of the departments of Medicine, Surgery, Obstetrics and Emergency Medicine. The Director "
        "of Medical Staff Services and the Chief Nursing Officer attend as non-voting members.",
    ),
    (
        "p",
        "Section 2.2 Chair. The Chief of Staff designates the Chair from among the voting members. "
        "The Chair sets the agenda, signs the Committee's recommendations and reports to the Medical "
        "Executive Committee at each of its regular meetings.",
    ),
    (
        "p",
        "Section 2.3 Quorum. A quorum is four voting members, present in person or by secure video "
        "conference. Recommendations are adopted by a majority of the voting members present.",
    ),
    ("h", "ARTICLE III. MEETINGS AND CONFLICTS OF INTEREST"),
    (
        "p",
        "Section 3.1 Meetings. The Committee meets monthly, and at the call of the Chair whenever an "
        "application cannot wait for the next regular meeting. Minutes record the members present, "
        "each application considered and the reasons for every adverse recommendation.",
    ),
    (
        "p",
        "Section 3.2 Conflicts of interest. A member who is a partner, relative, direct competitor or "
        "financial associate of an applicant shall disclose the relationship before the application is "
        "discussed, shall leave the room during the discussion, and shall not vote on it.[^A conflict "
        "that is disclosed late does not void the recommendation, but the Chair refers it to the "
        "Medical Executive Committee for review.] The minutes record each disclosure and the member's "
        "withdrawal.",
    ),
    ("h", "ARTICLE IV. EVALUATION OF APPLICATIONS"),
    (
        "p",
        "Section 4.1 Complete application. An application is complete when the applicant has "
        "supplied every document on the checklist and Medical Staff Services has received primary "
        "source verification of licensure, board certification, professional liability coverage and "
        "the results of a query to the national practitioner data bank. The Committee does not "
        "consider an incomplete application, and an application that remains incomplete for ninety "
        "(90) days is deemed withdrawn.",
    ),
    (
        "p",
        "Section 4.2 Criteria. The Committee bases its recommendation on current licensure, relevant "
        "training and experience, demonstrated clinical competence, the ability to perform the "
        "privileges requested with or without reasonable accommodation, adherence to the ethics of the "
        "profession, and the peer references received. Peer references shall come from at least three "
        "practitioners in the same specialty who have observed the applicant's practice during the "
        "preceding twenty-four months.[^References from a partner or relative of the applicant are not "
        "counted toward the three required references.]",
    ),
    (
        "p",
        "Section 4.3 Timeliness. The Committee acts on a complete application within sixty (60) "
        "days of the date Medical Staff Services confirms it is complete. When the Committee needs "
        "further information it may defer its recommendation once, for no longer than thirty (30) "
        "days, and it notifies the applicant in writing of the information required.",
    ),
    (
        "p",
        "Section 4.4 Burden of proof. The applicant bears the burden of producing adequate "
        "information for a proper evaluation of competence, character, ethics and other qualifications, "
        "and of resolving any doubts about those qualifications. Failure to respond to a written "
        "request for information within fifteen (15) days stops the processing of the application.",
    ),
    ("h", "ARTICLE V. FOCUSED PROFESSIONAL PRACTICE EVALUATION"),
    (
        "p",
        "Section 5.1 Newly granted privileges. Every practitioner granted new privileges undergoes a "
        "focused professional practice evaluation. The department chair assigns a proctor, who reviews "
        "at least five cases, or every case if fewer than five are performed, within the first six "
        "months of practice. The proctor's findings are reported to the Committee, which may extend "
        "the evaluation once by a further three months.",
    ),
    (
        "p",
        "Section 5.2 Evaluation for cause. The Committee may require a focused evaluation of any "
        "practitioner when a pattern of outcomes, complaints or reviews raises a concern about "
        "clinical performance. Such an evaluation is a quality activity and is not a restriction of "
        "privileges, and it is not reportable to any external body.",
    ),
    ("scan", "APPENDIX A. BOARD RESOLUTION ON TEMPORARY PRIVILEGES"),
    ("h", "ARTICLE VI. AMENDMENT"),
    (
        "p",
        "These bylaws may be amended by a two-thirds vote of the Committee's voting members, "
        "subject to the approval of the Medical Executive Committee. A proposed amendment is circulated "
        "to the members at least fourteen (14) days before the meeting at which it is voted on.",
    ),
]

SCAN_TEXT = [
    ("h", "APPENDIX A. BOARD RESOLUTION ON TEMPORARY PRIVILEGES"),
    ("p", "Resolved by the Board of Directors of Harbourview Community Hospital on 9 December 2025:"),
    (
        "p",
        "1. The Chief Executive Officer, acting on the recommendation of the Chief of Staff, may grant "
        "temporary privileges to an applicant whose complete application awaits Committee review, to "
        "meet an important patient care need.",
    ),
    (
        "p",
        "2. Temporary privileges last no longer than one hundred twenty (120) days and are never "
        "renewed for the same applicant.",
    ),
    ("p", "3. The Credentials Committee reviews every grant of temporary privileges at its next regular meeting."),
    ("p", "Signed for the Board: Margaret Okonjo, Secretary"),
]


def _set(setter: Setter, items: list[tuple[str, str]]) -> None:
    for kind, text in items:
        if kind == "h":
            setter.heading(text)
        elif kind == "p":
            setter.paragraph(text)


def _scan_image(items: list[tuple[str, str]]) -> Image.Image:
    """A page set like the others, printed and scanned: grey, slightly skewed, soft, no text layer."""
    pdf = Doc("", "")
    pdf.add_page()
    setter = Setter(pdf, x=72, width=pdf.w - 144, top=90, y=90)
    _set(setter, items)
    page = pdfium.PdfDocument(bytes(pdf.output()))[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    return image.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: 40 + int(v * 0.82))


def build_bylaws(out: Path) -> Path:
    pdf = Doc(BYLAWS_HEADER, BYLAWS_FOOTER)
    pdf.set_title("Credentials Committee Bylaws")
    pdf.set_creator("Microsoft Word")  # what such a file says it came from; layout is ours
    pdf.add_page()
    pdf.set_font("Body", "B", 17)
    pdf.text(60, 110, "Harbourview Community Hospital")
    pdf.set_font("Body", "", 13)
    pdf.text(60, 132, "Bylaws of the Credentials Committee of the Medical Staff")
    setter = Setter(pdf, x=60, width=pdf.w - 120, top=70, y=150, size=10, lead=13.2)
    for kind, text in BYLAWS:
        if kind == "scan":
            pdf.bare.add(pdf.page_no() + 1)
            setter.page_break()
            buf = io.BytesIO()
            _scan_image(SCAN_TEXT).save(buf, format="PNG")
            pdf.image(buf, 0, 0, pdf.w, pdf.h)
            setter.page_break()
            continue
        _set(setter, [(kind, text)])
    setter.flush_notes()
    target = out / "Harbourview_Credentials_Committee_Bylaws.pdf"
    pdf.output(str(target))
    return target


# ------------------------------------------------------------------- framework (state government)

FRAMEWORK_HEADER = "Kestrel State Department of Health  \u00b7  AI Procurement and Oversight Framework 1.0"
FRAMEWORK_FOOTER = "KSDH-AIPOF 1.0   {page}"

CORE = [
    (
        "SOURCE",
        "SOURCE 1: The need for a system is defined by the program that will use it and is approved before any vendor is approached.",
        [
            (
                "SOURCE 1.1: The program states the public health problem, the population affected and the decision the system will inform.",
                "Problem statement signed by the program director",
            ),
            (
                "SOURCE 1.2: A non-AI alternative has been considered and the reasons for preferring an AI system are recorded.",
                "Options analysis",
            ),
            (
                "SOURCE 1.3: The program names an accountable owner who will answer for the system's use after purchase.",
                "Named owner in the approval memo",
            ),
        ],
    ),
    (
        "SOURCE",
        "SOURCE 2: Equity and privacy risks are identified before the solicitation is issued.",
        [
            (
                "SOURCE 2.1: Groups who could be harmed by errors are listed, with the expected size of each group in the population served.",
                "Equity screening worksheet",
            ),
            (
                "SOURCE 2.2: The data the vendor will receive is limited to what the stated decision requires.",
                "Data minimisation table",
            ),
        ],
    ),
    (
        "CONTRACT",
        "CONTRACT 1: Contracts give the Department the information and rights it needs to oversee the system for its whole life.",
        [
            (
                "CONTRACT 1.1: The vendor discloses the training data sources, known limitations and the populations on which performance was measured.",
                "Completed vendor disclosure form",
            ),
            (
                "CONTRACT 1.2: The Department may audit performance on its own data at any time, and the vendor supports the audit at no extra charge.",
                "Audit clause reference",
            ),
            (
                "CONTRACT 1.3: The vendor must notify the Department within ten business days of any model update, retraining or change of subcontractor.",
                "Notification clause reference",
            ),
            (
                "CONTRACT 1.4: Data is returned or destroyed within thirty days of contract end, with a certificate of destruction.",
                "Exit plan",
            ),
        ],
    ),
    (
        "CONTRACT",
        "CONTRACT 2: Prices and service levels do not discourage the Department from monitoring or switching off the system.",
        [
            (
                "CONTRACT 2.1: No fee or penalty applies when the Department suspends use of the system for safety reasons.",
                "Suspension clause",
            ),
            (
                "CONTRACT 2.2: Service levels include response times for reported safety issues, not only system availability.",
                "Service level schedule",
            ),
        ],
    ),
    (
        "DEPLOY",
        "DEPLOY 1: The system is validated locally before it informs any decision about a person.",
        [
            (
                "DEPLOY 1.1: Performance is measured on a retrospective sample of the Department's own records, reported separately for each group listed under SOURCE 2.1.",
                "Local validation report",
            ),
            (
                "DEPLOY 1.2: A silent trial of at least eight weeks compares the system's outputs with staff decisions before outputs are shown to staff.",
                "Silent trial summary",
            ),
            (
                "DEPLOY 1.3: Staff who act on outputs complete training on the system's limits and on how to override it.",
                "Training records",
            ),
        ],
    ),
    (
        "DEPLOY",
        "DEPLOY 2: People affected by the system are told that it is used and how to question a decision.",
        [
            (
                "DEPLOY 2.1: A plain-language notice is published on the program's web page and given to people at the point of service.",
                "Published notice",
            ),
            (
                "DEPLOY 2.2: Any person may ask for a decision informed by the system to be reviewed by a member of staff.",
                "Appeal procedure",
            ),
        ],
    ),
    (
        "SUSTAIN",
        "SUSTAIN 1: Performance, equity and incidents are monitored for as long as the system is in use.",
        [
            (
                "SUSTAIN 1.1: Performance and subgroup gaps are reported to the Algorithm Review Board every quarter.",
                "Quarterly monitoring report",
            ),
            (
                "SUSTAIN 1.2: Staff can report a suspected error in two clicks, and every report is triaged within five business days.",
                "Incident log",
            ),
            (
                "SUSTAIN 1.3: Thresholds that trigger suspension of the system are agreed before go-live.",
                "Suspension thresholds",
            ),
        ],
    ),
    (
        "SUSTAIN",
        "SUSTAIN 2: Systems are retired in a planned way when they no longer meet their purpose.",
        [
            (
                "SUSTAIN 2.1: A retirement plan states how the program will work without the system and how records of its outputs are kept.",
                "Retirement plan",
            ),
        ],
    ),
]

TIERS = [
    ("Tier", "Typical use", "Review before purchase", "Re-review"),
    (
        "Tier 1 (low)",
        "Scheduling, translation of public notices, internal search of policy documents",
        "Program director sign-off",
        "Every 24 months",
    ),
    (
        "Tier 2 (moderate)",
        "Prioritising inspections, forecasting case counts, drafting letters reviewed by staff",
        "Algorithm Review Board desk review",
        "Every 18 months",
    ),
    (
        "Tier 3 (high)",
        "Outputs that inform an eligibility, benefit or clinical decision about an individual",
        "Full Algorithm Review Board review and Chief Privacy Officer approval",
        "Every 12 months and after any model update",
    ),
]


class _Table:
    """The framework core: a narrow category column beside outcome rows, over pages."""

    COLS = (150.0, 205.0, 120.0)  # category, outcome, evidence (points)
    SIZE, LEAD, PAD = 8.5, 10.5, 4.0

    def __init__(self, pdf: Doc, x: float, y: float):
        self.pdf, self.x, self.y = pdf, x, y

    def lines(self, text: str, width: float, style: str = "") -> list[str]:
        self.pdf.set_font("Sans", style, self.SIZE)
        return self.pdf.multi_cell(width - 2 * self.PAD, self.LEAD, text, dry_run=True, output="LINES")

    def header(self) -> None:
        pdf, x = self.pdf, self.x
        pdf.set_fill_color(220, 228, 236)
        pdf.rect(x, self.y, sum(self.COLS), 16, style="F")
        pdf.set_font("Sans", "B", self.SIZE)
        for title, w in zip(("Categories", "Outcomes", "Evidence to request"), self.COLS, strict=True):
            pdf.text(x + self.PAD, self.y + 11, title)
            x += w
        self.y += 18

    def cell(self, x: float, y: float, width: float, text: str, style: str = "") -> None:
        self.pdf.set_font("Sans", style, self.SIZE)
        for k, ln in enumerate(self.lines(text, width, style)):
            self.pdf.text(x + self.PAD, y + self.PAD + (k + 1) * self.LEAD - 2.5, ln)

    def group(self, category: str, rows: list[tuple[str, str]], bottom: float, new_page: Callable[[], float]) -> None:
        c, o, e = self.COLS
        heights = [max(len(self.lines(r[0], o)), len(self.lines(r[1], e))) * self.LEAD + 2 * self.PAD for r in rows]
        cat_h = len(self.lines(category, c, "B")) * self.LEAD + 2 * self.PAD
        if self.y + max(cat_h, heights[0]) > bottom:
            self.y = new_page()
            self.header()
        top = self.y
        self.cell(self.x, top, c, category, "B")
        for (outcome, evidence), h in zip(rows, heights, strict=True):
            if self.y + h > bottom:
                self.pdf.line(self.x, self.y, self.x + sum(self.COLS), self.y)
                self.y = new_page()
                self.header()
                top = self.y
            self.cell(self.x + c, self.y, o, outcome)
            self.cell(self.x + c + o, self.y, e, evidence)
            self.y += h
            self.pdf.line(self.x + c, self.y, self.x + sum(self.COLS), self.y)
        self.y = max(self.y, top + cat_h)
        self.pdf.set_line_width(0.9)
        self.pdf.line(self.x, self.y, self.x + sum(self.COLS), self.y)
        self.pdf.set_line_width(0.2)


FRAMEWORK_INTRO = [
    (
        "1 Purpose",
        "This framework sets out what the Kestrel State Department of Health expects before it buys, "
        "renews or expands any system that uses artificial intelligence in a public health program. "
        "It applies to every division of the Department, to local health districts that spend "
        "state funds, and to contractors who operate systems on the Department's behalf. It does not "
        "apply to research studies approved by the Department's institutional review board.",
    ),
    (
        "2 How to use the framework",
        "The framework is organised in four functions that follow a purchase "
        "from start to finish: SOURCE, CONTRACT, DEPLOY and SUSTAIN. Each function has categories, and "
        "each category has outcomes a program must be able to show. The last column names the evidence "
        "a buyer should request or produce. Programs record their evidence in the procurement file, and "
        "the Algorithm Review Board checks it at each gate. A purchase may not move to the next function "
        "until every outcome of the current one has evidence or a written exception signed by the "
        "Deputy Commissioner.",
    ),
    (
        "3 Roles",
        "The Algorithm Review Board is chaired by the Department's Chief Data Officer and includes "
        "the Chief Privacy Officer, the Health Equity Officer, a clinician and a member of the public "
        "appointed for two years. The Board meets every month and publishes a summary of its decisions.",
    ),
]


def build_framework(out: Path) -> Path:
    pdf = Doc(FRAMEWORK_HEADER, FRAMEWORK_FOOTER, serif=False)
    pdf.set_title("AI Procurement and Oversight Framework")
    pdf.add_page()
    pdf.set_font("Sans", "B", 18)
    pdf.text(60, 105, "AI Procurement and Oversight Framework")
    pdf.set_font("Sans", "", 11)
    pdf.text(60, 124, "Kestrel State Department of Health  \u2014  Version 1.0, February 2026")
    pdf.set_y(150)
    for title, body in FRAMEWORK_INTRO:
        pdf.set_font("Sans", "B", 12)
        pdf.cell(0, 20, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Sans", "", 10)
        pdf.multi_cell(0, 13.5, body, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    pdf.set_font("Sans", "B", 12)
    pdf.cell(0, 20, "4 Framework core", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Sans", "", 10)
    pdf.multi_cell(
        0, 13.5, "Table 1 lists the categories and outcomes of each function.", new_x="LMARGIN", new_y="NEXT"
    )
    table = _Table(pdf, 60, pdf.get_y() + 6)
    table.header()

    def new_page() -> float:
        pdf.add_page()
        return 62.0

    for _function, category, rows in CORE:
        table.group(category, rows, pdf.h - 60, new_page)
    pdf.add_page()
    rotated = pdf.page_no()
    _tiers_rotated(pdf)
    target = out / "Kestrel_AI_Procurement_Framework.pdf"
    pdf.output(str(target))
    _rotate_page(target, rotated - 1)
    return target


def _tiers_rotated(pdf: Doc) -> None:
    """Appendix A drawn turned 90 degrees on a portrait page; /Rotate shows it upright."""
    h = pdf.h
    # turned 90 degrees counter-clockwise about (h/2, h/2), landscape point (u, v) lands on (v, h - u)
    with pdf.rotation(90, x=h / 2, y=h / 2):
        ox = oy = 0.0
        pdf.set_font("Sans", "B", 13)
        pdf.text(ox + 60, oy + 70, "Appendix A. Assurance tiers")
        pdf.set_font("Sans", "", 9.5)
        pdf.text(
            ox + 60,
            oy + 90,
            "Every system is placed in a tier before the solicitation is issued; the tier sets the review it needs.",
        )
        widths = (120.0, 280.0, 200.0, 120.0)
        y = oy + 105
        for r, row in enumerate(TIERS):
            x = ox + 60
            style = "B" if r == 0 else ""
            pdf.set_font("Sans", style, 9)
            heights = []
            for text, cw in zip(row, widths, strict=True):
                lines = pdf.multi_cell(cw - 8, 11, text, dry_run=True, output="LINES")
                heights.append(len(lines))
                for k, ln in enumerate(lines):
                    pdf.text(x + 4, y + 12 + 11 * k, ln)
                x += cw
            y += max(heights) * 11 + 8
            pdf.line(ox + 60, y, ox + 60 + sum(widths), y)


def _rotate_page(path: Path, index: int) -> None:
    doc = pdfium.PdfDocument(str(path))
    try:
        doc[index].set_rotation(90)
        buf = io.BytesIO()
        doc.save(buf)
    finally:
        doc.close()
    path.write_bytes(buf.getvalue())


# ------------------------------------------------------------- guideline (national ministry)

GUIDE_HEADER = "Norland Ministry of Health  |  National Guideline for Digital Health Interoperability and Clinical AI"
GUIDE_FOOTER = "Edition 2026  \u2013  {page}"

GUIDE_INTRO = (
    "This guideline tells public and private health service providers in Norland how patient information "
    "must be exchanged between systems, and what a provider must do before a clinical artificial "
    "intelligence tool reads from or writes to the national shared care record. It replaces the 2019 "
    "interoperability circular. Compliance is a condition of connection to the National Health "
    "Information Exchange (NHIE)."
)
GUIDE_PRINCIPLES = [
    "Patient first: information follows the patient across providers, and patients can see who has "
    "accessed their record.",
    "One identifier: every record exchanged carries the National Health Number.",
    "Open standards: messages use the HL7 FHIR R4 standard and the national profiles published by the "
    "Digital Health Agency.",
    "Least data: a provider requests only the data needed for the episode of care.",
]
GUIDE_LEFT = [
    "3.1 Connection. A provider applying to connect to the NHIE submits a conformance test report from "
    "the Digital Health Agency's test platform, a named information governance lead, and evidence of a "
    "security assessment completed within the previous twelve months. Connection is approved for three "
    "years and renewed on a new conformance report.",
    "3.2 Discharge summaries. Hospitals send a discharge summary to the NHIE within forty-eight hours of "
    "discharge, so that the patient's general practitioner and community pharmacist are able to",
]
GUIDE_RIGHT = [
    "review medication changes before the first follow-up visit. Summaries use the national discharge "
    "profile and code diagnoses in ICD-11.",
    "3.3 Access logging. Every read of the shared record is logged with the user, the role, the reason "
    "for access and the time. Logs are kept for ten years, and a patient may request a copy free of "
    "charge once a year.",
    "3.4 Outages. A provider reports any outage of its connection that lasts more than four hours to the "
    "Agency's service desk on the same day.",
]
GUIDE_AI = [
    "4.1 Registration. Before an AI tool reads from the shared care record, the provider registers it in "
    "the National AI Register, naming the tool's intended use, its developer and the clinical owner "
    "accountable for its use.",
    "4.2 Drafts only. An AI tool may write to the shared record only as a draft that a clinician "
    "confirms, and text generated by AI is labelled as such in the record.",
    "4.3 Review. Providers review each registered tool's performance at least once a year and report "
    "serious incidents to the Agency within seventy-two hours.",
]
GUIDE_TABLE = [
    ("Tool class", "Registration", "Clinician confirmation"),
    ("Administrative (scheduling, coding support)", "Register only", "Not required"),
    (
        "Clinical documentation (ambient scribes, visit summaries)",
        "Register and validate locally",
        "Required before the note is filed",
    ),
    ("Diagnostic or triage support", "Register, validate locally and pass Agency review", "Required for every output"),
]


def _columns_out_of_order(pdf: Doc, y: float) -> float:
    """Two columns, the right one written to the content stream first."""
    gutter = 18.0
    width = (pdf.w - 120 - gutter) / 2
    right = Setter(pdf, x=60 + width + gutter, width=width, y=y, size=9.5, lead=12.4)
    for text in GUIDE_RIGHT:
        right.paragraph(text)
    left = Setter(pdf, x=60, width=width, y=y, size=9.5, lead=12.4)
    for k, text in enumerate(GUIDE_LEFT):
        left.paragraph(text, align="J" if k < len(GUIDE_LEFT) - 1 else "J-open")
    return max(left.y, right.y)


def _table_by_columns(pdf: Doc, y: float) -> float:
    """A ruled table written column by column (every cell of the first column, then the next)."""
    widths = (190.0, 150.0, 135.0)
    pdf.set_font("Sans", "", 8.5)
    heights = []
    for row in GUIDE_TABLE:
        lines = [
            len(pdf.multi_cell(w - 8, 10.5, t, dry_run=True, output="LINES")) for t, w in zip(row, widths, strict=True)
        ]
        heights.append(max(lines) * 10.5 + 8)
    x = 60.0
    for col, w in enumerate(widths):
        top = y
        for r, row in enumerate(GUIDE_TABLE):
            pdf.set_font("Sans", "B" if r == 0 else "", 8.5)
            for k, ln in enumerate(pdf.multi_cell(w - 8, 10.5, row[col], dry_run=True, output="LINES")):
                pdf.text(x + 4, top + 12 + 10.5 * k, ln)
            top += heights[r]
        x += w
    top = y
    for h in heights:
        pdf.line(60, top, 60 + sum(widths), top)
        top += h
    pdf.line(60, top, 60 + sum(widths), top)
    return top


def build_guideline(out: Path) -> Path:
    pdf = Doc(GUIDE_HEADER, GUIDE_FOOTER)
    pdf.set_title("National Guideline for Digital Health Interoperability and Clinical AI")
    pdf.add_page()
    pdf.set_font("Body", "B", 16)
    pdf.text(60, 105, "National Guideline for Digital Health")
    pdf.text(60, 125, "Interoperability and Clinical AI")
    pdf.set_font("Body", "", 11)
    pdf.text(60, 145, "Norland Ministry of Health \u00b7 Digital Health Agency \u00b7 Edition 2026")
    setter = Setter(pdf, x=60, width=pdf.w - 120, y=160, size=10, lead=13.2)
    setter.heading("1 Introduction")
    setter.paragraph(GUIDE_INTRO)
    setter.heading("2 Principles")
    setter.paragraph("Providers apply four principles whenever they exchange patient information:")
    for text in GUIDE_PRINCIPLES:
        setter.paragraph(text, indent=14, bullet="\u2022")
    setter.heading("3 Data exchange requirements")
    setter.y = _columns_out_of_order(pdf, setter.y)
    setter.page_break()
    setter.heading("4 Clinical AI in the shared care record")
    for text in GUIDE_AI:
        setter.paragraph(text)
    setter.paragraph("Table 2 sets out what each class of AI tool needs.")
    _table_by_columns(pdf, setter.y + 8)
    target = out / "Norland_Digital_Health_Interoperability_Guideline.pdf"
    pdf.output(str(target))
    return target


BUILDERS = {
    "interoperability-guideline": build_guideline,
    "credentials-bylaws": build_bylaws,
    "procurement-framework": build_framework,
}


def build(out: Path, only: str | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [fn(out) for name, fn in BUILDERS.items() if not only or only == name]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    ap.add_argument("--only", choices=sorted(BUILDERS), help="build just this document")
    args = ap.parse_args(argv)
    for path in build(args.out, args.only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
