"""Build the fictional Tarvenia National Digital Health Blueprint PDF (55 pages, deterministic):
twelve building blocks under identical headings, facts differing between them. `build.py` calls
`build(out, chromium)`; the text is in `tarvenia_data.py`.

Two (or more) Chromium passes: the first prints with placeholder page numbers in the table of
contents, the page of every heading is then read back from the PDFium text, and the document is
printed again until the numbers are stable.
"""

import html
import os
import re
from pathlib import Path

import pypdfium2 as pdfium
from playwright.sync_api import sync_playwright
from tarvenia_data import ABBREVIATIONS, AGENCY, BLOCKS, BUDGET, GLOSSARY, MINISTRY, SHORT, TITLE, VERSION

STEM = "Tarvenia_National_Digital_Health_Blueprint_2025_2030"
E = html.escape
YEARS = [2025, 2026, 2027, 2028, 2029, 2030]

CSS = """
@page { size: A4; margin: 24mm 18mm 20mm 18mm; }
body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 10.3pt; line-height: 1.42;
       color: #111; }
h1, h2, h3, .toc, table { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; }
h1 { font-size: 17pt; color: #0b3d62; margin: 0 0 10pt 0; border-bottom: 2px solid #0b3d62;
     padding-bottom: 4pt; }
h1.chap { break-before: page; }
h2 { font-size: 12.5pt; color: #0b3d62; margin: 13pt 0 5pt 0; break-after: avoid; }
h3 { font-size: 10.8pt; color: #333; margin: 9pt 0 3pt 0; break-after: avoid; }
p { margin: 0 0 6pt 0; text-align: justify; }
ul { margin: 2pt 0 7pt 0; padding-left: 16pt; }
li { margin-bottom: 2.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.8pt; margin: 4pt 0 9pt 0; }
th, td { border: 0.6pt solid #7a8a99; padding: 2.5pt 4pt; vertical-align: top; text-align: left; }
th { background: #dbe6f0; }
td.n, th.n { text-align: right; }
tr { break-inside: avoid; }
.caption { font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; font-weight: bold; color: #0b3d62;
           margin: 8pt 0 2pt 0; break-after: avoid; }
.box { border: 1pt solid #0b3d62; background: #eef4f9; padding: 6pt 9pt; margin: 6pt 0 9pt 0; }
/* cover */
.cover { height: 240mm; position: relative; }
.cover .band { background: #0b3d62; color: white; padding: 18mm 14mm; margin-top: 28mm; }
.cover .band .t1 { font-family: 'DejaVu Sans', sans-serif; font-size: 28pt; font-weight: bold; line-height: 1.15; }
.cover .band .t2 { font-family: 'DejaVu Sans', sans-serif; font-size: 14pt; margin-top: 8pt; }
.cover .meta { margin-top: 16mm; font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; }
.cover .fict { position: absolute; bottom: 0; left: 0; right: 0; border: 1pt dashed #a33;
               color: #a33; padding: 6pt 9pt; font-size: 9pt; font-family: 'DejaVu Sans', sans-serif; }
.front { break-before: page; }
.sig { margin-top: 16pt; font-family: 'DejaVu Sans', sans-serif; }
/* toc */
.toc { font-size: 9.6pt; }
.toc .row { display: flex; align-items: baseline; margin: 1.2pt 0; }
.toc .row.l1 { font-weight: bold; margin-top: 5pt; }
.toc .row.l2 { padding-left: 18pt; }
.toc .t { white-space: nowrap; }
.toc .dots { flex: 1; overflow: hidden; white-space: nowrap; margin: 0 3pt; color: #555; }
.toc .pg { min-width: 16pt; text-align: right; }
table.abbr td:first-child { width: 22%; font-weight: bold; }
table.abbr { font-size: 9.2pt; }
table.abbr td { padding: 1.6pt 5pt; }
table.wide { font-size: 7.4pt; }
table.wide th, table.wide td { padding: 1.8pt 3pt; }
table.gloss td:first-child { width: 26%; font-weight: bold; }
"""


def p(t):
    return f"<p>{t}</p>"


def ul(items):
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def table(head, rows, cls="", num_cols=(), caption=None):
    h = ""
    if caption:
        h += f'<div class="caption">{E(caption)}</div>'
    h += f'<table class="{cls}"><thead><tr>'
    for i, c in enumerate(head):
        h += f'<th class="{"n" if i in num_cols else ""}">{E(c)}</th>'
    h += "</tr></thead><tbody>"
    for r in rows:
        h += (
            "<tr>"
            + "".join(f'<td class="{"n" if i in num_cols else ""}">{E(str(c))}</td>' for i, c in enumerate(r))
            + "</tr>"
        )
    return h + "</tbody></table>"


class Doc:
    def __init__(self):
        self.parts = []
        self.toc = []  # (level, number, title)
        self.tabno = 0

    def h1(self, num, title, toc=True, cls="chap"):
        label = f"{num} {title}" if num else title
        if toc:
            self.toc.append((1, num, title))
        self.parts.append(f'<h1 class="{cls}">{E(label)}</h1>')

    def h2(self, num, title, toc=False):
        if toc:
            self.toc.append((2, num, title))
        self.parts.append(f"<h2>{E(num)} {E(title)}</h2>")

    def h3(self, num, title):
        self.parts.append(f"<h3>{E(num)} {E(title)}</h3>")

    def add(self, s):
        self.parts.append(s)

    def caption(self, text):
        self.tabno += 1
        return f"Table {self.tabno}: {text}"


# ---------------------------------------------------------------------------------------------
def cover():
    return f"""
<div class="cover">
  <div style="font-family:'DejaVu Sans',sans-serif;font-size:12pt;letter-spacing:1pt;color:#0b3d62">
    REPUBLIC OF TARVENIA<br>{E(MINISTRY.upper())}</div>
  <div class="band"><div class="t1">{E(TITLE)}</div>
    <div class="t2">Building blocks, standards and roadmap for a connected health system</div></div>
  <div class="meta">{E(VERSION)}<br>Prepared by the {E(AGENCY)} (NDHA)<br>
    Approved by the Council of Ministers, Decision No. 17/2025<br>Valdris, March 2025</div>
  <div class="fict"><b>FICTIONAL DOCUMENT.</b> The Republic of Tarvenia, its ministries, agencies,
    laws, officials and every name, figure and date in this document are invented for software-testing
    purposes. Any resemblance to real countries, organisations or persons is coincidental. Named
    international standards are cited for realism only.</div>
</div>"""


def foreword():
    return """
<div class="front"><h1>Foreword by the Minister</h1>
<p>Tarvenia has built a health system that its citizens can be proud of, but our information systems
have not kept pace with the care we deliver. A patient who moves from a district clinic in Sulemba to a
referral hospital in Valdris still carries paper folders; a pharmacist still deciphers handwriting; a
laboratory result still waits on a fax machine. Each facility has invested in its own software, often
well, but those systems rarely speak to each other.</p>
<p>This National Digital Health Blueprint sets out how we will change that between 2025 and 2030. It
does not propose one large national system. Instead it defines twelve building blocks \u2013 shared
national services with clear owners, open standards and measurable targets \u2013 on which hospitals,
clinics, pharmacies, laboratories and innovators can build. The blueprint is deliberately repetitive in
its structure: every building block states its objective, its scope, its components, the standards it
uses, who governs it, how its performance will be measured, when it will be delivered and what could go
wrong. I want every reader to be able to find the same information in the same place for every block.</p>
<p>Trust is the foundation of everything in this document. Residents will decide who may see their
records through the Consent Manager. Artificial intelligence will be used in care only when it has been
registered, evaluated and monitored. The National Digital Health Authority will report publicly on every
indicator in this blueprint once a year.</p>
<p>I thank the more than 1,200 clinicians, patients, technologists and officials who contributed to the
public consultation in 2024, and the development partners who have committed funding. I commend this
blueprint to every organisation that delivers or supports health care in Tarvenia.</p>
<div class="sig"><b>Dr Ilse Marovec</b><br>Minister of Health and Social Welfare<br>Republic of Tarvenia<br>
Valdris, 14 March 2025</div>
<div class="box" style="margin-top:18pt"><b>How to read this blueprint.</b> Chapters 1 to 3 explain the
context, vision and overall architecture. Chapters 4 to 15 describe the twelve building blocks using an
identical structure. Chapters 16 to 21 cover cross-cutting matters: data protection and consent, the
governance of artificial intelligence, institutional arrangements, funding, the implementation roadmap
and monitoring. Annex A is a glossary and Annex B a compliance checklist for facilities and vendors.</div>
</div>"""


def toc_html(entries, pages):
    out = ['<div class="front"><h1>Contents</h1><div class="toc">']
    for lvl, num, title in entries:
        key = (num, title)
        pg = pages.get(key, "00")
        label = f"{num} {title}" if num else title
        out.append(
            f'<div class="row l{lvl}"><span class="t">{E(label)}</span>'
            f'<span class="dots">{"." * 160}</span><span class="pg">{pg}</span></div>'
        )
    out.append("</div></div>")
    return "".join(out)


def abbreviations():
    rows = sorted(ABBREVIATIONS, key=lambda r: r[0].lower())
    return '<div class="front"><h1>Abbreviations</h1>' + table(["Abbreviation", "Meaning"], rows, cls="abbr") + "</div>"


# ---------------------------------------------------------------------------------------------
def intro_chapters(d):
    d.h1("1", "Introduction")
    d.h2("1.1", "Purpose of the blueprint", toc=True)
    d.add(
        p(
            "This blueprint is the Government of Tarvenia's plan for the digital transformation of health "
            "services from 2025 to 2030. It translates the National Health Policy 2023 and the Digital "
            "Health Act 2024 into a set of national building blocks, the standards they use, the "
            "institutions that govern them, the money required and a timetable for delivery. It is "
            "binding on public health facilities and on any supplier that connects to a national "
            "building block; private facilities are bound where stated in a building-block chapter."
        )
    )
    d.add(
        p(
            "The blueprint replaces the eHealth Strategy 2016\u20132020, whose evaluation in 2022 found "
            "that isolated projects had produced more than 140 incompatible systems, that no national "
            "patient identifier existed and that fewer than one in ten laboratory results reached the "
            "requesting clinician electronically."
        )
    )
    d.h2("1.2", "Country context", toc=True)
    d.add(
        p(
            "Tarvenia has a population of 9.2 million living in 14 regions and 118 districts. Public "
            "health services are delivered through 9 national referral hospitals, 31 regional hospitals, "
            "96 district hospitals and about 1,450 primary care clinics and health posts. A growing private "
            "sector operates 64 hospitals, around 2,300 clinics and most of the 3,100 community "
            "pharmacies. Mobile broadband covers 93% of the population, but fixed connectivity in rural "
            "districts remains limited."
        )
    )
    d.add(
        p(
            "Health expenditure is 7.1% of gross domestic product, of which about two thirds is public. "
            "The National Health Insurance Fund purchases services from public and private providers and "
            "is a major user of the data that the building blocks will produce."
        )
    )
    d.h2("1.3", "Legal basis", toc=True)
    d.add(
        p(
            "The Digital Health Act 2024 establishes the National Digital Health Authority, gives the "
            "Minister power to make the standards in this blueprint mandatory by regulation, and creates "
            "the legal basis for the Tarvenia Health ID. The Personal Data Protection Act 2019 applies in "
            "full to all processing described here; health data are a special category under that Act. "
            "The Health Establishments Act 2011 governs facility licensing, and the Medicines Act 2015 "
            "governs prescribing and dispensing."
        )
    )
    d.h2("1.4", "Development of the blueprint", toc=True)
    d.add(
        p(
            "A draft was published for public consultation from May to August 2024. Responses were "
            "received from 1,214 individuals and 87 organisations. The main changes made after "
            "consultation were: making enrolment in the Health ID voluntary; adding a chapter on the "
            "governance of artificial intelligence; strengthening the role of patients in oversight; and "
            "extending the timetable for private laboratories by one year."
        )
    )

    d.h1("2", "Vision and guiding principles")
    d.h2("2.1", "Vision", toc=True)
    d.add(
        '<div class="box"><b>Vision.</b> By 2030 every resident of Tarvenia can receive safe, '
        "coordinated care wherever they are treated, because the right information reaches the right "
        "person at the right time, under the resident's control.</div>"
    )
    d.h2("2.2", "Guiding principles", toc=True)
    principles = [
        "<b>Person-centred.</b> Services are designed around residents and the clinicians who care for them.",
        "<b>Build once, use many times.</b> National building blocks are shared; facilities do not rebuild them.",
        "<b>Open standards.</b> Every interface uses published international or national standards.",
        "<b>Federated by default.</b> Records stay where they are created unless there is a clear reason to centralise.",
        "<b>Privacy and security by design.</b> Protection of data is built into each block from the start.",
        "<b>Inclusion.</b> No resident is excluded from care for lack of a smartphone, connectivity or a Health ID.",
        "<b>Accountability.</b> Each building block has a single named owner and a public set of indicators.",
        "<b>Safe innovation.</b> New technologies, including artificial intelligence, are adopted with proportionate assurance.",
    ]
    d.add(ul(principles))
    d.h2("2.3", "Strategic goals for 2030", toc=True)
    d.add(
        p(
            "The blueprint pursues five strategic goals: (1) every resident can be identified reliably "
            "across the health system; (2) clinical information follows the patient; (3) residents can "
            "see and control their own information; (4) the health system uses its data for planning, "
            "quality improvement and research without compromising privacy; and (5) new digital services, "
            "including artificial intelligence, are introduced safely."
        )
    )
    d.add(
        p(
            "Progress towards these goals is measured through the key performance indicators listed in "
            "each building-block chapter and summarised in Chapter 21."
        )
    )

    d.h1("3", "Architecture overview")
    d.h2("3.1", "Layered architecture", toc=True)
    d.add(
        p(
            "The national architecture has four layers. The <i>registries layer</i> holds the golden "
            "records of people, facilities and practitioners. The <i>exchange and trust layer</i> moves "
            "data and enforces consent. The <i>services layer</i> offers shared clinical services such as "
            "e-prescriptions, laboratory results and telemedicine. The <i>engagement and insight layer</i> "
            "serves residents, managers and researchers. The terminology service and the AI model registry "
            "support all layers."
        )
    )
    rows = [
        (
            "Registries",
            "Tarvenia Health ID Registry; Health Facility Registry; Health Practitioner Registry",
            "4, 5, 6",
        ),
        ("Exchange and trust", "Consent Manager; Health Information Exchange", "7, 8"),
        ("Shared services", "e-Prescription Service; Laboratory Results Service; Telemedicine Platform", "9, 10, 11"),
        ("Cross-layer support", "National AI Model Registry; Terminology Service", "12, 13"),
        ("Engagement and insight", "Health Analytics Platform; Citizen Health App", "14, 15"),
    ]
    d.add(
        table(["Layer", "Building blocks", "Chapter"], rows, caption=d.caption("Building blocks by architecture layer"))
    )
    d.h2("3.2", "Common structure of building-block chapters", toc=True)
    d.add(
        p(
            "Each of Chapters 4 to 15 follows the same structure: objective; scope; components; standards; "
            "governance (ownership and accountability, oversight and review); key performance indicators "
            "with a 2025 baseline and targets for 2028 and 2030; an implementation timeline in three "
            "phases; and risks with their mitigations. Where a building block departs from a general rule "
            "in Chapters 16 to 18, the building-block chapter prevails."
        )
    )
    d.h2("3.3", "Hosting and security baseline", toc=True)
    d.add(
        p(
            "All building blocks are hosted in the Government Secure Cloud operated by the Ministry of "
            "Digital Affairs, in two geographically separate sites within Tarvenia. Every block must meet "
            "the National Information Security Baseline, encrypt data in transit and at rest, keep audit "
            "logs for at least ten years and be covered by a business continuity plan tested once a year. "
            "Recovery objectives are set per block in its service-level agreement."
        )
    )


def block_chapter(d, n, b):
    ch = str(n)
    d.h1(ch, b["name"])
    d.add(p(f"<i>Building block {n - 3} of 12 \u00b7 short name: {b['abbr']}</i>"))
    d.h2(f"{ch}.1", "Objective")
    d.add(p(b["objective"]))
    d.h2(f"{ch}.2", "Scope")
    d.add(p(b["scope"]))
    d.add(
        p(
            f"The {b['name']} interfaces with other building blocks only through published application "
            f"programming interfaces that are registered with the Technical Standards Committee. Any "
            f"change to those interfaces is announced at least six months in advance."
        )
    )
    d.h2(f"{ch}.3", "Components")
    d.add(p(f"The {b['name']} consists of the following components:"))
    d.add(ul([E(c) for c in b["components"]]))
    d.h2(f"{ch}.4", "Standards")
    d.add(
        p(
            f"The following standards are mandatory for the {b['name']}. Versions may only be changed "
            f"with the approval of the Technical Standards Committee."
        )
    )
    d.add(
        table(
            ["Standard", "Version", "Use in this building block"],
            b["standards"],
            caption=d.caption(f"Standards for the {b['name']}"),
        )
    )
    d.h2(f"{ch}.5", "Governance")
    d.h3(f"{ch}.5.1", "Ownership and accountability")
    d.add(
        p(
            f"The system owner of the {b['name']} is the {b['owner']}. The system owner is accountable "
            f"for the service, its budget, its data quality and its compliance with this blueprint, and "
            f"appoints a data steward for each dataset held by the {b['abbr']}."
        )
    )
    d.h3(f"{ch}.5.2", "Oversight and review")
    d.add(
        p(
            f"Oversight of the {b['name']} is provided by the {b['oversight']}, which reports to the "
            f"Board of the NDHA. The {b['oversight']} reviews the performance, risk register and "
            f"change requests of the {b['abbr']} {b['cadence']}. {b['audit']}"
        )
    )
    d.h2(f"{ch}.6", "Key performance indicators")
    d.add(
        p(
            f"Progress of the {b['name']} is measured with the indicators below. Baselines refer to "
            f"calendar year 2025 unless stated otherwise."
        )
    )
    d.add(
        table(
            ["KPI", "Baseline 2025", "Target 2028", "Target 2030"],
            b["kpis"],
            num_cols=(1, 2, 3),
            caption=d.caption(f"Key performance indicators for the {b['name']}"),
        )
    )
    d.h2(f"{ch}.7", "Implementation timeline")
    d.add(p(f"The {b['name']} is delivered in three phases."))
    for i, (ph, start, end, deliv) in enumerate(b["phases"], 1):
        d.h3(f"{ch}.7.{i}", f"Phase {i} \u2013 {ph}")
        d.add(p(f"Phase {i} runs from {start} to {end}. Main deliverables: {deliv}."))
    d.h2(f"{ch}.8", "Risks and mitigations")
    d.add(p(f"The main risks to the {b['name']} and their mitigations are:"))
    d.add(ul([f"<b>{E(r)}</b> \u2013 mitigation: {E(m)}." for r, m in b["risks"]]))


def data_protection(d):
    d.h1("16", "Data protection and consent principles")
    d.h2("16.1", "General principles", toc=True)
    d.add(
        p(
            "All building blocks process personal data in accordance with the Personal Data Protection "
            "Act 2019. The following principles apply in addition:"
        )
    )
    d.add(
        ul(
            [
                "<b>Purpose limitation.</b> Data collected for care are used for other purposes only as set out in this chapter.",
                "<b>Data minimisation.</b> Registries hold the minimum dataset needed to fulfil their function.",
                "<b>Transparency.</b> Residents can see through the Citizen Health App who accessed their records.",
                "<b>Resident control.</b> Sharing between facilities requires a valid consent artefact, except for break-glass access.",
                "<b>Security.</b> Every access is authenticated, authorised and logged.",
            ]
        )
    )
    d.h2("16.2", "Consent model", toc=True)
    d.add(
        p(
            "Residents give consent by category of information (for example laboratory results, mental "
            "health, sexual and reproductive health) and by category of recipient. Default settings allow "
            "treating clinicians in connected public facilities to view the summary record; sensitive "
            "categories are shared only with explicit consent. A consent artefact is valid until the date "
            "chosen by the resident or, if none is chosen, for three years. Residents may withdraw "
            "consent at any time."
        )
    )
    d.add(
        p(
            "A parent or legal guardian gives consent for a resident under 16 years of age. From the age "
            "of 16 a resident decides alone, and guardian access ends automatically unless the resident "
            "renews it."
        )
    )
    d.h2("16.3", "Emergency access", toc=True)
    d.add(
        p(
            "Break-glass access is permitted only to a clinician registered in the Health Practitioner "
            "Registry who records a justification. The resident is notified within 24 hours and every "
            "event is reviewed by the facility's data protection officer within 72 hours."
        )
    )
    d.h2("16.4", "Retention and breach notification", toc=True)
    d.add(
        p(
            "Consent artefacts and their history are retained for eight years after they expire or are "
            "withdrawn. Access logs are retained for ten years. A personal data breach involving a "
            "building block must be notified to the Data Protection Commissioner within 72 hours of "
            "discovery and to affected residents without undue delay when the breach is likely to result "
            "in a high risk to them."
        )
    )
    d.h2("16.5", "Secondary use", toc=True)
    d.add(
        p(
            "Use of data for planning and official statistics is permitted on pseudonymised data through "
            "the Health Analytics Platform. Use for research requires approval by a research ethics "
            "committee and the Analytics Ethics Panel, and, from April 2028, respects the research "
            "preferences that residents record in the Consent Manager. Commercial sale of health data is "
            "prohibited."
        )
    )


def ai_governance(d):
    d.h1("17", "Governance of artificial intelligence")
    d.h2("17.1", "Scope and approach", toc=True)
    d.add(
        p(
            "This chapter applies to every AI model used by a public facility, by a private facility "
            "connected to a national building block, or inside a national building block itself. It "
            "complements the medical device regulations of the National Medicines Agency: a model that "
            "is a medical device must meet both. The approach is proportionate: the obligations grow with "
            "the risk class of the model."
        )
    )
    d.h2("17.2", "Registration", toc=True)
    d.add(
        p(
            "Every model in risk class B, C or D must be entered in the National AI Model Registry "
            "(Chapter 12) before it is used on patients or their data, and the registry number must be "
            "quoted in any procurement contract. Changes to a model's intended use, or retraining that "
            "changes its performance, require an updated registry entry before the changed model is used."
        )
    )
    d.h2("17.3", "Risk classes", toc=True)
    rows = [
        (
            "A \u2013 Minimal",
            "Scheduling, rostering, document search",
            "Self-assessment by deployer",
            "Annual notification",
        ),
        (
            "B \u2013 Moderate",
            "Triage of administrative queues, coding suggestions, dictation",
            "Local validation on at least 500 cases",
            "Six-monthly monitoring return",
        ),
        (
            "C \u2013 High",
            "Decision support influencing diagnosis or treatment, deterioration alerts",
            "Independent evaluation on at least 2,000 Tarvenian cases from at least 3 sites",
            "Quarterly monitoring return",
        ),
        (
            "D \u2013 Critical",
            "Autonomous outputs acted on without clinician review",
            "Independent evaluation on at least 5,000 Tarvenian cases and a prospective pilot",
            "Monthly monitoring return",
        ),
    ]
    d.add(
        table(
            ["Risk class", "Typical examples", "Pre-deployment evaluation", "Post-deployment monitoring"],
            rows,
            caption=d.caption("AI risk classes and minimum assurance"),
        )
    )
    d.h2("17.4", "Mandatory evaluation before deployment", toc=True)
    d.add(
        p(
            "No model in class C or D may be deployed until an evaluation report has been accepted by "
            "the National AI Assurance Committee. Independent evaluation means evaluation by an "
            "organisation with no financial interest in the model, such as one of the accredited "
            "evaluation centres. The report must present performance separately by sex, age band and "
            "region, describe the intended clinical workflow, and state the conditions under which the "
            "model must be switched off. The Committee decides within 40 working days of receiving a "
            "complete report."
        )
    )
    d.add(
        p(
            "Generative AI models used to draft clinical documentation are classed at least as class B. "
            "They may not be used to communicate diagnoses or treatment decisions directly to patients "
            "without review by a clinician."
        )
    )
    d.h2("17.5", "Incident reporting", toc=True)
    d.add(
        p(
            "Deployers must report a serious AI incident to the Clinical AI Safety Unit of the NDHA "
            "within 48 hours of becoming aware of it, and other AI incidents within 15 working days. The "
            "Unit may order a model to be suspended while an incident is investigated. Reports are "
            "summarised, without identifying patients, in the public register."
        )
    )
    d.h2("17.6", "Transparency to residents", toc=True)
    d.add(
        p(
            "Facilities must tell residents, in their patient information, which class C and D models "
            "are used in their care. The public register lists each model's intended use, risk class, "
            "deployers and the date of the last evaluation."
        )
    )


def institutions(d):
    d.h1("18", "Institutional arrangements")
    d.h2("18.1", "National Digital Health Authority", toc=True)
    d.add(
        p(
            "The National Digital Health Authority (NDHA) was established by the Digital Health Act 2024 "
            "as a public body under the Ministry of Health and Social Welfare. It owns six of the twelve "
            "building blocks directly, sets standards through its Technical Standards Committee, "
            "certifies vendors and monitors implementation of this blueprint. It is led by a Chief "
            "Executive appointed by the Minister for a five-year term, renewable once."
        )
    )
    d.h2("18.2", "Board of the NDHA", toc=True)
    d.add(
        p(
            "The Board of the NDHA sets the Authority's strategy, approves its budget and holds the "
            "system owners of all building blocks to account. The Board has eleven members:"
        )
    )
    d.add(
        ul(
            [
                "an independent Chair appointed by the Minister of Health and Social Welfare for a four-year term;",
                "the Chief Executive of the NDHA (ex officio);",
                "two representatives of the Ministry of Health and Social Welfare;",
                "one representative of the Ministry of Finance;",
                "one representative of the Ministry of Digital Affairs;",
                "two chief executives of regional health authorities, nominated in rotation;",
                "one representative of the Tarvenian Council of Health Professions;",
                "one patient and public representative nominated by the Patient and Public Advisory Forum;",
                "one independent expert in information security.",
            ]
        )
    )
    d.add(
        p(
            "The Board meets every two months. Decisions require a quorum of seven members, including "
            "the Chair or the Chair's designated deputy. The Chief Data Protection Officer attends all "
            "meetings as a permanent observer without a vote."
        )
    )
    d.h2("18.3", "Technical Standards Committee", toc=True)
    d.add(
        p(
            "The Technical Standards Committee (TSC) decides which standards and versions are mandatory "
            "for each building block and maintains the conformance test specifications. It is chaired by "
            "the Chief Technology Officer of the NDHA and has fifteen members: eight experts from "
            "health facilities, three from the vendor community, two from universities and two from the "
            "National Terminology Centre. The TSC meets monthly and publishes its decisions within ten "
            "working days."
        )
    )
    d.h2("18.4", "Programme Management Office", toc=True)
    d.add(
        p(
            "A Programme Management Office (PMO) within the NDHA coordinates delivery across the building "
            "blocks, maintains the integrated roadmap in Chapter 20 and reports progress to the Board at "
            "every meeting. Each system owner appoints a delivery lead who reports to the PMO monthly."
        )
    )
    d.h2("18.5", "Regional health authorities", toc=True)
    d.add(
        p(
            "Each of the 14 regional health authorities appoints a regional digital health lead, ensures "
            "that facilities in its region connect to the building blocks on time and maintains the "
            "regional records in the Health Facility Registry."
        )
    )


def funding(d):
    d.h1("19", "Funding")
    d.h2("19.1", "Budget by building block and year", toc=True)
    d.add(
        p(
            "The total capital and operating budget for the twelve building blocks over 2025\u20132030 is "
            "shown below in millions of Tarvenian krona (TVK). Figures for 2027 onwards are indicative and "
            "are confirmed each year in the national budget."
        )
    )
    rows = []
    totals = [0.0] * 6
    for b in BLOCKS:
        vals = BUDGET[b["abbr"]]
        totals = [a + v for a, v in zip(totals, vals, strict=True)]
        rows.append([b["name"]] + [f"{v:.1f}" for v in vals] + [f"{sum(vals):.1f}"])
    rows.append(["Total"] + [f"{v:.1f}" for v in totals] + [f"{sum(totals):.1f}"])
    d.add(
        table(
            ["Building block"] + [str(y) for y in YEARS] + ["2025\u20132030"],
            rows,
            num_cols=range(1, 8),
            caption=d.caption("Budget by building block and year (TVK million)"),
        )
    )
    d.h2("19.2", "Sources of funding", toc=True)
    d.add(
        p(
            "About 72% of the budget comes from the national budget of the Ministry of Health and Social "
            "Welfare, 18% from development partners under the Health Systems Strengthening Compact, and "
            "10% from the National Health Insurance Fund, which finances the e-Prescription Service and "
            "the connectivity grant for pharmacies. Operating costs after 2030 are to be met entirely "
            "from the national budget."
        )
    )
    d.h2("19.3", "Connectivity and vendor grants", toc=True)
    d.add(
        p(
            "A connectivity grant of up to TVK 120,000 per facility is available to district hospitals, "
            "primary care clinics and laboratories to connect to the Health Information Exchange. "
            "Facilities apply through their regional health authority. Grants to vendors are not "
            "available; vendors recover their costs from their customers."
        )
    )


ROADMAP = [
    ("Q1 2025", "Health ID pilot starts in three regions", "THID", "Directorate of Health Identity"),
    ("Q1 2025", "Technical Standards Committee constituted", "All", "NDHA"),
    ("Q2 2025", "Merger of legacy facility lists begins", "HFR", "Facility Licensing Department"),
    ("Q2 2025", "Terminology server procurement completed", "NTS", "National Terminology Centre"),
    ("Q2 2025", "Document registry and FHIR gateway build starts", "HIE", "Directorate of Interoperability"),
    ("Q3 2025", "First 12 district telemedicine hubs opened", "TMP", "Directorate of Primary and Remote Care"),
    ("Q3 2025", "Practitioner register migration starts", "HPR", "TCHP"),
    ("Q4 2025", "Pharmacy dispensing interface specification published", "EPS", "National Medicines Agency"),
    ("Q4 2025", "Consent artefact profile drafted", "CM", "Office of the CDPO"),
    ("Q4 2025", "Citizen Health App beta released", "CHA", "Directorate of Citizen Services"),
    ("Q1 2026", "Health ID enrolment opens in all regions", "THID", "Directorate of Health Identity"),
    ("Q1 2026", "AI model registration portal live", "NAMR", "Clinical AI Safety Unit"),
    ("Q1 2026", "Public laboratories begin electronic reporting", "LRS", "NPHL"),
    ("Q2 2026", "Health Information Exchange core live", "HIE", "Directorate of Interoperability"),
    ("Q2 2026", "First national value sets published", "NTS", "National Terminology Centre"),
    ("Q3 2026", "Digital practitioner credential issued to doctors", "HPR", "TCHP"),
    (
        "Q3 2026",
        "Consent regulations issued under the Digital Health Act",
        "CM",
        "Ministry of Health and Social Welfare",
    ),
    ("Q4 2026", "AI model registration becomes mandatory", "NAMR", "Clinical AI Safety Unit"),
    ("Q4 2026", "Electronic prescribing starts in public hospitals", "EPS", "National Medicines Agency"),
    ("Q4 2026", "Citizen Health App version 1.0 launched", "CHA", "Directorate of Citizen Services"),
    ("Q1 2027", "Pseudonymisation service and OMOP warehouse build starts", "HAP", "HSIB"),
    ("Q1 2027", "Private laboratories begin connecting", "LRS", "NPHL"),
    ("Q2 2027", "Mid-term review of the blueprint launched", "All", "PMO"),
    ("Q2 2027", "Health ID national roll-out completed", "THID", "Directorate of Health Identity"),
    ("Q3 2027", "Private facility registration deadline", "HFR", "Facility Licensing Department"),
    ("Q4 2027", "All public hospitals connected to the exchange", "HIE", "Directorate of Interoperability"),
    ("Q4 2027", "Patient video consultations available nationally", "TMP", "Directorate of Primary and Remote Care"),
    ("Q1 2028", "Consent enforced on all exchange queries", "CM", "Office of the CDPO"),
    ("Q1 2028", "Dual ICD-10/ICD-11 coding completed", "NTS", "National Terminology Centre"),
    ("Q2 2028", "Regional dashboards live in first regions", "HAP", "HSIB"),
    ("Q2 2028", "Research consent options released in the app", "CM", "Office of the CDPO"),
    ("Q3 2028", "Structured pathology reporting starts", "LRS", "NPHL"),
    ("Q3 2028", "Controlled-drug tracking live", "EPS", "National Medicines Agency"),
    ("Q4 2028", "Remote monitoring available in all districts", "TMP", "Directorate of Primary and Remote Care"),
    ("Q1 2029", "Real-time licence verification mandatory for prescribing", "HPR", "TCHP"),
    ("Q2 2029", "Proxy access for carers released", "CHA", "Directorate of Citizen Services"),
    ("Q3 2029", "Secure research environment opens to approved researchers", "HAP", "HSIB"),
    ("Q4 2029", "CDA documents retired from the exchange", "HIE", "Directorate of Interoperability"),
    ("Q4 2029", "Continuous facility verification cycle in place", "HFR", "Facility Licensing Department"),
    ("Q1 2030", "ICD-10 retired for morbidity coding", "NTS", "National Terminology Centre"),
    ("Q2 2030", "Point-of-care testing devices connected", "LRS", "NPHL"),
    ("Q3 2030", "Final evaluation of the blueprint commissioned", "All", "PMO"),
    ("Q4 2030", "On-site audit programme covers all class D models", "NAMR", "Clinical AI Safety Unit"),
]


def roadmap(d):
    d.h1("20", "Implementation roadmap")
    d.h2("20.1", "Integrated milestones", toc=True)
    d.add(
        p(
            "The table below integrates the milestones of all building blocks and the cross-cutting "
            "chapters into a single quarterly roadmap. The Programme Management Office maintains the "
            "roadmap and reports slippage of more than one quarter to the Board. Dates are the quarter "
            "in which the milestone is due to be completed."
        )
    )
    rows = [(q, m, blk, lead) for q, m, blk, lead in ROADMAP]
    d.add(
        table(
            ["Quarter", "Milestone", "Block", "Lead organisation"],
            rows,
            caption=d.caption("Integrated implementation roadmap 2025\u20132030"),
        )
    )
    d.h2("20.2", "Dependencies", toc=True)
    d.add(
        p(
            "The critical dependencies are: the Health ID must be available in a region before the "
            "Consent Manager can be enforced there; the Terminology Service must publish value sets "
            "before laboratories and hospitals can pass exchange conformance tests; and the Health "
            "Practitioner Registry must provide real-time verification before controlled-drug "
            "prescriptions can be tracked."
        )
    )


def monitoring(d):
    d.h1("21", "Monitoring, evaluation and revision")
    d.h2("21.1", "Annual progress report", toc=True)
    d.add(
        p(
            "The NDHA publishes an annual progress report by 30 June each year covering every key "
            "performance indicator in Chapters 4 to 15, the budget execution in Chapter 19 and the status "
            "of each roadmap milestone. Indicators whose value is more than 20% behind the straight-line "
            "path to the 2028 target are flagged in red and require a recovery plan from the system "
            "owner within three months."
        )
    )
    d.h2("21.2", "Mid-term review and final evaluation", toc=True)
    d.add(
        p(
            "An independent mid-term review will be launched in the second quarter of 2027 and will "
            "recommend changes for version 2.0 of the blueprint, which is planned for publication in "
            "March 2028. A final independent evaluation will be commissioned in the third quarter of "
            "2030."
        )
    )
    d.h2("21.3", "Summary of indicator owners", toc=True)
    rows = [
        (b["name"], b["owner"].replace(" of the NDHA", " (NDHA)"), b["oversight"], str(len(b["kpis"]))) for b in BLOCKS
    ]
    d.add(
        table(
            ["Building block", "System owner", "Oversight body", "KPIs"],
            rows,
            num_cols=(3,),
            caption=d.caption("Owners and oversight bodies of the building blocks"),
        )
    )


CHECKLIST = [
    ("Facility holds a valid facility code in the Health Facility Registry", "Facilities", "Registry extract", "5.2"),
    (
        "All clinical users are verified against the Health Practitioner Registry",
        "Facilities",
        "Integration test report",
        "6.3",
    ),
    (
        "Patient registration captures the Health ID where the patient holds one",
        "Facilities",
        "Screenshot and procedure",
        "4.2",
    ),
    ("No patient is refused care for lack of a Health ID", "Facilities", "Written policy", "4.2"),
    ("Exchange node has passed security conformance testing", "Facilities, vendors", "Conformance certificate", "8.5"),
    ("Consent is checked before sharing identifiable data", "Facilities, vendors", "Audit log sample", "16.2"),
    ("Break-glass events are reviewed within 72 hours", "Facilities", "Review register", "16.3"),
    (
        "Personal data breaches notified to the Data Protection Commissioner within 72 hours",
        "All",
        "Incident log",
        "16.4",
    ),
    ("Laboratory results are coded in LOINC and units in UCUM", "Laboratories", "Mapping report", "10.4"),
    ("Laboratory holds ISO 15189 accreditation", "Laboratories", "Accreditation certificate", "10.5"),
    (
        "Prescriptions are coded with the Tarvenia Medicinal Product Dictionary",
        "Prescribers, pharmacies",
        "Vendor certificate",
        "9.4",
    ),
    ("Diagnoses are coded in ICD-11 (dual coding until March 2028)", "Hospitals", "Coding audit", "13.7"),
    ("Every AI model in class B, C or D is registered before use", "Deployers", "Registry number", "17.2"),
    ("Class C and D models have an accepted evaluation report", "Deployers", "Committee decision", "17.4"),
    ("Serious AI incidents are reported within 48 hours", "Deployers", "Incident log", "17.5"),
    ("Patient information lists class C and D models in use", "Facilities", "Patient leaflet", "17.6"),
    ("Audit logs retained for at least ten years", "All", "Retention configuration", "3.3"),
    ("Business continuity plan tested in the last 12 months", "Building-block owners", "Test report", "3.3"),
    ("Teleconsultations documented with a clinical note", "Facilities", "Record sample", "11.8"),
    ("Citizen-facing screens meet WCAG 2.2 level AA", "Vendors", "Accessibility report", "15.4"),
]


def annexes(d):
    d.h1("Annex A", "Glossary")
    d.add(p("Terms are defined as they are used in this blueprint."))
    d.add(table(["Term", "Definition"], GLOSSARY, cls="gloss"))
    d.h1("Annex B", "Compliance checklist")
    d.add(
        p(
            "Facilities, laboratories, pharmacies, vendors and AI deployers can use this checklist to "
            "prepare for the conformance assessment carried out by the NDHA before connection to a "
            "building block. The reference column gives the section of this blueprint that sets the "
            "requirement."
        )
    )
    rows = [(str(i), r, a, e, s) for i, (r, a, e, s) in enumerate(CHECKLIST, 1)]
    d.add(
        table(
            ["No.", "Requirement", "Applies to", "Evidence", "Section"],
            rows,
            cls="wide",
            caption=d.caption("Compliance checklist"),
        )
    )
    d.add(p("<i>End of document.</i>"))


# ---------------------------------------------------------------------------------------------
def build_body():
    d = Doc()
    intro_chapters(d)
    for i, b in enumerate(BLOCKS):
        block_chapter(d, i + 4, b)
    data_protection(d)
    ai_governance(d)
    institutions(d)
    funding(d)
    roadmap(d)
    monitoring(d)
    annexes(d)
    return d


def full_html(d, pages):
    body = "".join(d.parts)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        + E(TITLE)
        + "</title><style>"
        + CSS
        + "</style></head><body>"
        + cover()
        + foreword()
        + toc_html(d.toc, pages)
        + abbreviations()
        + body
        + "</body></html>"
    )


HEADER = (
    "<div style=\"font-size:7.5pt;font-family:'DejaVu Sans',sans-serif;color:#555;width:100%;"
    "margin:0 18mm;display:flex;justify-content:space-between;border-bottom:0.5pt solid #999;"
    'padding-bottom:2pt"><span>' + E(SHORT) + " \u2013 Republic of Tarvenia</span><span>" + E(VERSION) + "</span></div>"
)
FOOTER = (
    "<div style=\"font-size:7.5pt;font-family:'DejaVu Sans',sans-serif;color:#555;width:100%;"
    'text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span>'
    "</div>"
)


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00ad", "")).strip().lower()


def find_pages(pdf_path, toc):
    doc = pdfium.PdfDocument(pdf_path)
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    doc.close()
    # the body starts after the abbreviations list
    start = next(
        i for i, t in enumerate(texts) if "1 Introduction" in t and "Contents" not in t and "Abbreviation" not in t
    )
    lines = [[norm(ln) for ln in t.splitlines()] for t in texts]
    pages = {}
    cur = start
    for _lvl, num, title in toc:
        label = norm(f"{num} {title}")
        found = None
        for i in range(cur, len(texts)):
            if label in lines[i]:
                found = i
                break
        if found is None:
            raise SystemExit(f"heading not found: {label}")
        pages[(num, title)] = found + 1
        cur = found
    return pages, len(texts)


def build(out_dir, chromium):
    """The blueprint's PDF in the folder `out_dir`, printed by the Chromium at `chromium` until its
    contents page numbers are stable."""
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, STEM + ".pdf")
    d = build_body()
    pages = {}
    with sync_playwright() as pw:
        br = pw.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
        try:
            pg = br.new_page()
            for _ in range(4):
                pg.set_content(full_html(d, pages), wait_until="load")
                pg.pdf(
                    path=out,
                    format="A4",
                    print_background=True,
                    display_header_footer=True,
                    header_template=HEADER,
                    footer_template=FOOTER,
                    margin={"top": "24mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
                )
                new, _n = find_pages(out, d.toc)
                if new == pages:
                    break
                pages = new
        finally:
            br.close()
    return Path(out)
