"""Realistic multi-page PDFs made with fpdf2: a hospital policy, a government framework with
tables and footnotes, a vendor model card. Each carries the furniture and table habits of real
documents (running footers with page numbers, notes and sources under tables, footnote marks
after years in cells). The texts are our own words about fictional organisations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

FONTS = Path("/usr/share/fonts/truetype/dejavu")


class _Doc(FPDF):
    """A Letter document in DejaVu Sans, with running lines drawn by `furniture` on every page."""

    def __init__(self, header: list[str], footer: list[str], size: float = 10.0):
        super().__init__(format="Letter", unit="pt")
        self.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.add_font("Sans", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
        self.set_auto_page_break(False)
        self.running_header, self.running_footer = header, footer
        self.size = size
        self.y_pos = 0.0
        self.total = 0

    def header(self) -> None:
        self.set_font("Sans", "", 8)
        for i, line in enumerate(self.running_header):
            self.text(54, 36 + 10 * i, line.format(page=self.page_no(), pages=self.total))

    def footer(self) -> None:
        self.set_font("Sans", "", 8)
        n = len(self.running_footer)
        for i, line in enumerate(self.running_footer):
            text = line.format(page=self.page_no(), pages=self.total)
            w = self.get_string_width(text)
            self.text((self.w - w) / 2, self.h - 30 - 10 * (n - 1 - i), text)


@dataclass
class _Setter:
    """Sets headings, paragraphs, bullets and tables top to bottom, starting new pages."""

    pdf: _Doc
    left: float = 54.0
    width: float = 504.0
    top: float = 72.0
    bottom: float = 720.0
    y: float = 72.0
    notes: list[tuple[str, str]] = field(default_factory=list)

    def page(self) -> None:
        self.flush_notes()
        self.pdf.add_page()
        self.y = self.top

    def room(self, height: float) -> None:
        if self.y + height > self.bottom - 12 * len(self.notes):
            self.page()

    def heading(self, text: str, size: float = 13.0) -> None:
        self.room(4 * size)
        self.y += 8
        self.pdf.set_font("Sans", "B", size)
        self.pdf.text(self.left, self.y + size, text)
        self.y += size + 8

    def _wrap(self, text: str, width: float, size: float, style: str = "") -> list[str]:
        self.pdf.set_font("Sans", style, size)
        lines, line = [], ""
        for word in text.split(" "):
            trial = f"{line} {word}".strip()
            if line and self.pdf.get_string_width(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        return [*lines, line] if line else lines

    def lines(self, lines: list[str], size: float = 10.0, indent: float = 0.0, style: str = "") -> None:
        """Lines set as given (a test chooses where a word breaks with a hyphen)."""
        lead = size * 1.35
        for ln in lines:
            self.room(lead)
            self.pdf.set_font("Sans", style, size)
            self.pdf.text(self.left + indent, self.y + size, ln)
            self.y += lead
        self.y += 0.6 * size

    def para(self, text: str, size: float = 10.0, indent: float = 0.0, bullet: str = "", style: str = "") -> None:
        wrapped = self._wrap(text, self.width - indent - (12 if bullet else 0), size, style)
        lead = size * 1.35
        for i, ln in enumerate(wrapped):
            self.room(lead)
            self.pdf.set_font("Sans", style, size)
            if bullet and i == 0:
                self.pdf.text(self.left + indent, self.y + size, bullet)
            self.pdf.text(self.left + indent + (12 if bullet else 0), self.y + size, ln)
            self.y += lead
        self.y += 0.6 * size if not bullet else 0.25 * size

    def sup(self, x: float, base: float, mark: str, size: float) -> None:
        """A note mark set small and raised after the text ending at x."""
        self.pdf.set_font("Sans", "", size * 0.6)
        self.pdf.text(x + 0.5, base - size * 0.35, mark)

    def table(
        self,
        rows: list[list[str]],
        widths: list[float],
        size: float = 9.0,
        ruled: bool = True,
        marks: dict[tuple[int, int], str] | None = None,
    ) -> None:
        """A table, the first row its header (bold); cells wrap; `marks` sets a raised note mark
        after the text of a cell ((row, column) -> "1")."""
        marks = marks or {}
        lead = size * 1.3
        pdf = self.pdf
        for r, row in enumerate(rows):
            style = "B" if r == 0 else ""
            cells = [self._wrap(c, w - 8, size, style) for c, w in zip(row, widths, strict=True)]
            height = max(len(c) for c in cells) * lead + 6
            self.room(height + 4)
            if ruled:
                pdf.set_line_width(0.5)
                pdf.line(self.left, self.y, self.left + sum(widths), self.y)
            x = self.left
            for c, (lines, w) in enumerate(zip(cells, widths, strict=True)):
                pdf.set_font("Sans", style, size)
                for i, ln in enumerate(lines):
                    base = self.y + 3 + size + i * lead
                    pdf.set_font("Sans", style, size)
                    pdf.text(x + 4, base, ln)
                    if (r, c) in marks and i == len(lines) - 1:
                        self.sup(x + 4 + pdf.get_string_width(ln), base, marks[(r, c)], size)
                x += w
            self.y += height
        if ruled:
            pdf.line(self.left, self.y, self.left + sum(widths), self.y)
        self.y += 3

    def note(self, mark: str, text: str) -> None:
        self.notes.append((mark, text))

    def flush_notes(self) -> None:
        if not self.notes:
            return
        pdf = self.pdf
        y = self.bottom - 12 * len(self.notes) + 6
        pdf.line(self.left, y - 4, self.left + 120, y - 4)
        for mark, text in self.notes:
            self.sup(self.left - 1, y + 8, mark, 8)
            pdf.set_font("Sans", "", 7.5)
            pdf.text(self.left + 5, y + 8, text)
            y += 12
        self.notes = []

    def finish(self, path: Path) -> Path:
        self.flush_notes()
        self.pdf.output(str(path))
        return path


def _doc(header: list[str], footer: list[str], pages: int) -> _Setter:
    pdf = _Doc(header, footer)
    pdf.total = pages
    s = _Setter(pdf)
    pdf.add_page()
    return s


POLICY_FOOTER = [
    "Confidential \u2013 Internal Use Only | Page {page} of {pages}",
    "\u00a9 2025 Example Health. All rights reserved.",
]
POLICY_HEADER = ["Example Health \u2014 Administrative Policy Manual", "Policy HR-204 Rev. 3 Effective 01/2025"]


def hospital_policy_pdf(path: Path) -> Path:
    """A five-page hospital policy: a running header with its policy code, a two-line footer
    ("Confidential – Internal Use Only | Page N of 5" over a copyright line), numbered sections,
    a responsibilities table with a note under it, hyphens at line ends."""
    s = _doc(POLICY_HEADER, POLICY_FOOTER, 5)
    s.heading("Use of Generative AI Tools in Clinical Documentation", 16)
    s.para("Policy owner: Chief Medical Information Officer. Approved by the Clinical AI Governance Committee.")
    s.heading("1. Purpose")
    s.lines(
        [
            "This policy sets the conditions under which clinicians may use generative AI tools to draft",
            "clinical documentation, and the safeguards that protect patients, clinicians and the integ-",
            "rity of the medical record. It applies to every ambient scribe, summariser and drafting assis-",
            "tant used within Example Health facilities.",
        ]
    )
    s.heading("2. Scope")
    s.para(
        "This policy applies to all employed and contracted clinicians, residents and students who document "
        "care in the electronic health record. It does not cover research use approved by the Institutional "
        "Review Board, which follows the research data policy."
    )
    s.heading("3. Definitions")
    s.para(
        "Ambient scribe: software that listens to a clinical encounter and drafts a note for the clinician "
        "to review and sign."
    )
    s.para("Attestation: the clinician's signed statement that a drafted note is accurate and complete.")
    for _ in range(3):
        s.para(
            "Governance committees review each definition annually so that the policy keeps pace with the "
            "tools clinicians actually use and with changes in federal and state law."
        )
    s.heading("4. Policy")
    s.para("4.1 Only tools approved by the Clinical AI Governance Committee may be used with patient data.")
    s.para("4.2 Before a tool is used in an encounter, the clinician must:")
    for item in (
        "tell the patient that an AI tool will draft the note and offer to turn it off;",
        "confirm that the patient agrees, and record the agreement in the chart;",
        "stop the recording at once if the patient declines or withdraws agreement.",
    ):
        s.para(item, indent=14, bullet="\u2022")
    s.lines(
        [
            "4.3 The clinician remains responsible for every note signed. Drafts must be reviewed line by",
            "line before signature; unreviewed drafts are deleted automatically after seventy-two hours, and",
            "no draft may be copied into another patient's record or used for billing before it is at-",
            "tested.",
        ]
    )
    for _ in range(4):
        s.para(
            "Departments keep a record of the tools they use and of the training each clinician completed, "
            "and make it available to the committee on request during the annual review of this policy."
        )
    s.heading("5. Responsibilities")
    s.para("Table 1. Responsibilities and review frequency", style="B")
    s.table(
        [
            ["Role", "Responsibility", "Review frequency"],
            ["Clinical AI Governance Committee", "Approves tools and monitors incident reports", "Quarterly"],
            ["Department chair", "Confirms that clinicians completed training", "Annually"],
            ["Chief Medical Information Officer", "Owns this policy and reports to the board", "Annually"],
        ],
        [170, 234, 100],
    )
    s.lines(["Note: Review frequency is the minimum; the committee may review a tool at any time."], size=8)
    s.para(
        "Incidents involving an AI tool are reported through the safety event system within twenty-four "
        "hours of discovery. The committee reviews every reported incident at its next meeting."
    )
    for _ in range(5):
        s.para(
            "Training covers the limits of the tools, how to recognise fabricated content in a draft, and how "
            "to correct the record when an error is found after signature."
        )
    s.heading("6. Review")
    s.para("This policy is reviewed every two years, or sooner when law or approved tools change.")
    while s.pdf.page_no() < 5:
        s.page()
        s.para("Appendix material intentionally kept short for this page.")
    return s.finish(path)


FRAMEWORK_HEADER = ["National Framework for Trustworthy AI in Health Services \u2014 Version 1.2, March 2025"]
FRAMEWORK_FOOTER = ["Department of Health and Social Care                                            {page}"]


def framework_pdf(path: Path) -> Path:
    """A six-page government framework: a running header and a footer with the department's
    name and the page number on one line, footnotes at the page foot, a milestones table whose
    years carry note marks ("2024" with a raised 1, "2025*", "2026²"), with a source line and
    a note under it."""
    s = _doc(FRAMEWORK_HEADER, FRAMEWORK_FOOTER, 6)
    s.heading("National Framework for Trustworthy AI in Health Services", 18)
    s.para(
        "This framework sets out what the Department expects of health services that procure, deploy or "
        "monitor artificial intelligence. It is issued under the Health Services Act and applies from "
        "1 July 2025."
    )
    s.heading("1. Principles")
    for name, text in (
        ("Safety", "AI systems must be validated on the population they will serve before clinical use."),
        ("Transparency", "Patients are told when AI contributes to decisions about their care."),
        ("Accountability", "Each deployed system has a named executive owner and a clinical safety officer."),
    ):
        s.para(f"{name}. {text}")
    for _ in range(4):
        s.para(
            "Health services apply these principles in proportion to risk: a system that drafts letters needs "
            "lighter assurance than one that triages patients in an emergency department."
        )
    s.heading("2. Implementation milestones")
    s.para(
        "The milestones below apply to every public health service. Services that cannot meet a milestone "
        "must tell the Department in writing and agree a recovery plan."
    )
    s.para("Table 2. Implementation milestones", style="B")
    s.table(
        [
            ["Milestone", "Target year", "Lead agency"],
            ["National AI register published", "2024", "Digital Health Agency"],
            ["Local validation mandatory for high-risk systems", "2025*", "Health services"],
            ["Post-market monitoring reports to regulator", "2026\u00b2", "Therapeutic Goods Regulator"],
            ["Independent audit of all registered systems", "2028", "Audit Office"],
        ],
        [250, 100, 154],
        ruled=False,
        marks={(1, 1): "1"},
    )
    s.lines(
        [
            "Source: Department of Health and Social Care analysis, 2024.",
            "* Figures are estimates and depend on the passage of the amending regulations.",
        ],
        size=8,
    )
    s.para(
        "Services report progress against each milestone in their annual statement of assurance, which is "
        "published on the service's website."
    )
    s.note("1", "Achieved in November 2024 for Commonwealth-funded services only.")
    s.note("2", "Subject to consultation on the reporting template.")
    for _ in range(6):
        s.para(
            "The Department will publish guidance for each milestone at least six months before it takes "
            "effect, and will consult the professional colleges on the clinical content of that guidance."
        )
    s.heading("3. Assurance levels")
    s.table(
        [
            ["Risk class", "Example", "Assurance required"],
            ["Low", "Drafting administrative letters", "Local sign-off by the service's AI lead"],
            ["Medium", "Summarising clinical notes for handover", "Local validation and annual review"],
            ["High", "Triage or diagnostic support", "Independent validation before use"],
        ],
        [100, 200, 204],
    )
    s.lines(["Note: A system's risk class is set by its intended use, not by its technology."], size=8)
    for _ in range(8):
        s.para(
            "A service that changes how a system is used must reassess its risk class before the change takes "
            "effect, and record the reassessment in the national register."
        )
    while s.pdf.page_no() < 6:
        s.page()
        s.para("Further guidance will be published as each milestone approaches.")
    return s.finish(path)


CARD_FOOTER = ["\u00a9 2025 Acme Clinical AI, Inc. Proprietary and confidential. Page {page}"]


def model_card_pdf(path: Path) -> Path:
    """A three-page vendor model card: fields, a performance table whose last row is followed by
    an asterisked note, a subgroup table with a source line, a copyright footer with the page
    number on the same line."""
    s = _doc(["SepsisSignal 2.1 Model Card"], CARD_FOOTER, 3)
    s.heading("SepsisSignal 2.1 \u2014 Model Card", 18)
    for label, value in (
        ("Developer", "Acme Clinical AI, Inc."),
        ("Release date", "14 February 2025"),
        ("Intended use", "Early warning of sepsis in adult inpatients outside intensive care."),
    ):
        s.para(f"{label}: {value}")
    s.heading("Performance")
    s.para("Performance was measured on a retrospective external validation cohort from three hospitals.")
    s.table(
        [
            ["Metric", "Value", "95% CI"],
            ["AUROC", "0.87", "0.85\u20130.89"],
            ["Sensitivity at alert threshold", "0.78*", "0.74\u20130.82"],
            ["Alerts per 100 patient-days", "3.1", "2.8\u20133.4"],
        ],
        [220, 120, 164],
        marks={(3, 1): "\u2020"},
    )
    s.lines(
        [
            "* Figures are estimates from the 2023 validation cohort (n = 12,408 encounters).",
            "\u2020 Counted over the first 90 days after go-live.",
        ],
        size=8,
    )
    s.para(
        "Sensitivity fell in patients older than 80, where documentation of vital signs was less frequent. "
        "Sites should review alert volumes monthly during the first year."
    )
    s.heading("Subgroup results")
    s.table(
        [
            ["Subgroup", "Year", "AUROC"],
            ["Age 18\u201364", "2023", "0.88"],
            ["Age 65 and over", "2024\u00b9", "0.84"],
        ],
        [220, 120, 164],
        ruled=False,
    )
    s.lines(["Source: Acme Clinical AI internal validation report VR-0212."], size=8)
    s.heading("Limitations")
    for _ in range(10):
        s.para(
            "The model was not validated in paediatric or obstetric populations and must not be used to "
            "withhold treatment. Clinicians remain responsible for every decision made after an alert."
        )
    while s.pdf.page_no() < 3:
        s.page()
        s.para("Contact the vendor for the full validation report.")
    return s.finish(path)


class _FooterDoc(_Doc):
    """A document whose footer block is drawn line by line at the page's foot, perhaps with its
    page number set right on the first line ("Confidential – Internal Use Only ... Page 3 of 12")."""

    def __init__(self, lines: list[str], size: float, split: bool, cover: bool):
        super().__init__([], lines)
        self.fsize, self.split, self.cover = size, split, cover

    def footer(self) -> None:
        if self.cover and self.page_no() == 1:
            return  # a title page without the footer
        self.set_font("Sans", "", self.fsize)
        n = len(self.running_footer)
        for i, line in enumerate(self.running_footer):
            text = line.format(page=self.page_no(), pages=self.total)
            y = self.h - 30 - (self.fsize + 2) * (n - 1 - i)
            if self.split and " | " in text:
                left, right = text.split(" | ")
                self.text(54, y, left)
                self.text(558 - self.get_string_width(right), y, right)
            else:
                self.text(54, y, text)


def footer_block_pdf(
    path: Path, lines: list[str], pages: int = 12, size: float = 8, split: bool = False, cover: bool = True
) -> Path:
    """A pharmacy policy of `pages` pages whose every page but the title page ends with the
    footer `lines` ("{page}" and "{pages}" filled in)."""
    pdf = _FooterDoc(lines, size, split, cover)
    pdf.total = pages
    s = _Setter(pdf)
    pdf.add_page()
    s.heading("Medication Reconciliation at Transitions of Care", 16)
    s.para("Policy owner: Director of Pharmacy.")
    k = 0
    while pdf.page_no() < pages:
        k += 1
        s.heading(f"{k}. Reconciliation step {k}")
        for j in range(3):
            s.para(
                f"Rule {k}.{j + 1}: pharmacists reconcile the medication list of every patient admitted from "
                "another facility within twenty-four hours, and record each discrepancy in the chart with the "
                "action taken and the prescriber informed."
            )
    return s.finish(path)


MEDSTAFF_PARA = (
    "Each credentialed practitioner must complete the institution's training on clinical decision support "
    "before using any AI-enabled tool in patient care, and must repeat it whenever the tool changes materially."
)


def medstaff_html() -> str:
    """Medical staff rules as a policy portal prints them: articles of numbered rules, a table of
    deployments whose years and statuses carry <sup> note marks, its source and notes under it
    in small type, and a ruled table with a note."""
    rows = [
        ("Ambient documentation pilot", "2024<sup>1</sup>", "12", "Completed"),
        ("Sepsis early warning", "2025<sup>*</sup>", "4", "In progress"),
        ("Radiology triage", "2025", "3", "Planned<sup>2</sup>"),
        ("Discharge summary drafting", "2026", "\u2014", "Planned"),
    ]
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in rows)
    parts = []
    for k in range(1, 9):
        parts.append(f"<h2>Article {k}. Provision {k}</h2>")
        parts += [f"<p>{k}.{j} {MEDSTAFF_PARA}</p>" for j in range(1, 5)]
        if k == 3:
            parts.append(
                "<p><b>Table 3.</b> AI deployments reviewed by the Medical Executive Committee</p>"
                "<table><thead><tr><th>Deployment</th><th>Year approved</th><th>Sites</th><th>Status</th></tr>"
                f"</thead><tbody>{body}</tbody></table>"
                "<p class=note>Source: Medical Staff Office records, December 2025.</p>"
                "<p class=note><sup>1</sup> Approved for the emergency department only.<br>"
                "<sup>2</sup> Pending contract review.<br>* Provisional approval.</p>"
                "<p>The Committee reviews this table at each quarterly meeting.</p>"
            )
    style = (
        "body{font-family:'DejaVu Serif',serif;font-size:10.5pt} h2{font-size:13pt}"
        "table{border-collapse:collapse;width:100%;font-size:9.5pt} th{text-align:left;border-bottom:1px solid #000}"
        "td,th{padding:3pt 6pt} p.note{font-size:8pt;margin:2pt 0}"
    )
    return (
        f"<html><head><style>{style}</style></head><body>"
        "<h1>Rules and Regulations of the Medical Staff: Artificial Intelligence in Clinical Practice</h1>"
        "<p>Adopted by the Medical Executive Committee on 14 March 2025.</p>" + "".join(parts) + "</body></html>"
    )


def medstaff_pdf(path: Path, chromium: Path) -> Path:
    """The rules printed by Chromium with the portal's running header ("Printed copies are
    uncontrolled ...") and footer (the rules' code and revision left, "Page N of M" right)."""
    from playwright.sync_api import sync_playwright

    box = "font-size:8px;width:100%;margin:0 25mm;"
    footer = (
        f"<div style='{box}display:flex;justify-content:space-between'>"
        "<span>Northgate Regional Medical Center \u2014 Medical Staff Rules MS-AI-03 Rev. 2</span>"
        "<span>Page <span class=pageNumber></span> of <span class=totalPages></span></span></div>"
    )
    header = (
        f"<div style='{box}'>Printed copies are uncontrolled. Verify the current version on the policy portal.</div>"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(medstaff_html(), wait_until="load")
            margin = {"left": "25mm", "right": "25mm", "top": "22mm", "bottom": "22mm"}
            page.pdf(
                path=str(path),
                format="Letter",
                margin=margin,
                display_header_footer=True,
                header_template=header,
                footer_template=footer,
            )
        finally:
            browser.close()
    return path
