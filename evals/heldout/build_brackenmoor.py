"""Build the FICTIONAL Brackenmoor Health Partners board briefing slide deck as a PDF by Chromium
print-to-PDF, deterministically: one landscape 16:9 page per slide (13.333in x 7.5in).

    python evals/heldout/build_brackenmoor.py --out DIR

`build.py` calls `build(out, chromium)`. The organisation, people and figures are invented.
"""

from __future__ import annotations

import html
import sys
import tempfile
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling module imports by name
import builder_cli
import pypdfium2 as pdfium
from playwright.sync_api import sync_playwright

STEM = "Brackenmoor_AI_Readiness_Board_Briefing_Q3_2026"
CHROMIUM = Path("/usr/bin/chromium")
ORG = "Brackenmoor Health Partners"
TITLE = "Brackenmoor Health Partners \u2014 AI Readiness and Scale-Up: Board Briefing, Q3 2026"
E = html.escape

CSS = """
@page { size: 13.333in 7.5in; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; color: #1d2733; }
.slide { width: 13.333in; height: 7.5in; position: relative; overflow: hidden;
         page-break-after: always; break-after: page; background: #ffffff; }
.slide:last-child { page-break-after: auto; break-after: auto; }
.logo { position: absolute; top: 0.32in; right: 0.45in; text-align: right; line-height: 1; }
.logo .mark { display: inline-block; width: 0.28in; height: 0.28in; background: #1f6f5c;
              transform: rotate(45deg); margin-right: 0.14in; vertical-align: middle; }
.logo .w1 { display: inline-block; vertical-align: middle; font-weight: bold; letter-spacing: 2px;
            font-size: 14pt; color: #1f6f5c; }
.logo .w2 { display: block; font-size: 8pt; letter-spacing: 3px; color: #5b6b78; margin-top: 3px; }
.head { position: absolute; top: 0.35in; left: 0.6in; right: 3.4in; }
.kicker { font-size: 10pt; color: #1f6f5c; font-weight: bold; letter-spacing: 1.5px;
          text-transform: uppercase; margin-bottom: 6px; }
h1 { font-size: 23pt; line-height: 1.15; margin: 0; color: #12324a; }
.body { position: absolute; top: 1.65in; left: 0.6in; right: 0.6in; bottom: 0.75in; font-size: 15pt; }
.rule { position: absolute; top: 1.45in; left: 0.6in; right: 0.6in; height: 3px; background: #1f6f5c; }
.foot { position: absolute; bottom: 0; left: 0; right: 0; height: 0.5in; border-top: 1px solid #c9d3db;
        font-size: 8.5pt; color: #5b6b78; display: flex; align-items: center;
        padding: 0 0.6in; }
.foot .conf { font-weight: bold; color: #9a2b2b; width: 3.0in; }
.foot .ttl { flex: 1; text-align: center; }
.foot .num { width: 1.0in; text-align: right; font-weight: bold; color: #12324a; font-size: 10pt; }
ul.b { margin: 0; padding-left: 0.32in; }
ul.b > li { margin: 0 0 0.11in 0; line-height: 1.25; }
ul.b ul { margin: 0.05in 0 0 0; padding-left: 0.32in; font-size: 12.5pt; color: #37475a; list-style: '\\2013  '; }
ul.b ul li { margin-bottom: 0.03in; }
ul.b.small { font-size: 15pt; }
ul.b.small ul { font-size: 13pt; }
.cols { display: flex; gap: 0.4in; }
.cols > div { flex: 1; }
.note { font-size: 10pt; color: #5b6b78; margin-top: 0.12in; }
/* title slide */
.tband { position: absolute; left: 0; right: 0; top: 1.7in; height: 3.1in; background: #12324a; color: #fff;
         padding: 0.45in 0.9in; }
.tband .org { font-size: 14pt; letter-spacing: 3px; text-transform: uppercase; color: #9fd3c4; }
.tband .t1 { font-size: 38pt; font-weight: bold; margin-top: 0.15in; }
.tband .t2 { font-size: 22pt; margin-top: 0.1in; }
.tmeta { position: absolute; left: 0.9in; top: 5.05in; font-size: 13pt; line-height: 1.5; }
.fict { position: absolute; right: 0.6in; top: 5.1in; width: 3.3in; font-size: 8.5pt; color: #9a2b2b;
        border: 1px dashed #9a2b2b; padding: 5px 8px; }
/* agenda */
ol.ag { margin: 0; padding-left: 0.45in; font-size: 17pt; columns: 1; }
ol.ag li { margin-bottom: 0.12in; }
ol.ag li span { color: #5b6b78; font-size: 12pt; margin-left: 0.15in; }
/* KPI tiles */
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.22in; }
.tile { border: 1px solid #c9d3db; border-top: 6px solid #1f6f5c; background: #f3f7f6; padding: 0.16in 0.18in;
        height: 1.85in; }
.tile .n { font-size: 36pt; font-weight: bold; color: #12324a; line-height: 1.1; }
.tile .l { font-size: 11.5pt; color: #37475a; margin-top: 0.08in; line-height: 1.25; }
.tile.warn { border-top-color: #c07a12; }
/* tables */
table.t { border-collapse: collapse; width: 100%; font-size: 12pt; }
table.t th { background: #12324a; color: #fff; text-align: left; padding: 6px 9px; font-weight: bold; }
table.t td { border-bottom: 1px solid #c9d3db; padding: 5px 9px; }
table.t td.c, table.t th.c { text-align: center; }
table.t tr.tot td { font-weight: bold; background: #e6eef3; border-top: 2px solid #12324a; }
.st-ok { color: #1f6f5c; font-weight: bold; }
.st-watch { color: #b06d05; font-weight: bold; }
.st-risk { color: #a32020; font-weight: bold; }
table.raci td.c { font-weight: bold; font-size: 12.5pt; }
table.raci td.A { background: #12324a; color: #fff; }
table.raci td.R { background: #9fd3c4; }
/* roadmap */
.road { display: flex; gap: 0.12in; align-items: stretch; }
.phase { flex: 1; border: 2px solid #12324a; background: #f6f9fb; position: relative; }
.phase .ph { background: #12324a; color: #fff; padding: 0.1in 0.14in; font-size: 13pt; font-weight: bold; }
.phase .dt { background: #1f6f5c; color: #fff; padding: 0.05in 0.14in; font-size: 12pt; }
.phase ul { margin: 0.1in 0 0 0; padding: 0 0.14in 0 0.32in; font-size: 11.5pt; line-height: 1.3; }
.phase ul li { margin-bottom: 0.06in; }
.phase .gate { margin: 0.08in 0.12in 0.12in 0.12in; border-top: 1px dashed #12324a; padding-top: 0.07in;
               font-size: 10.5pt; color: #12324a; }
.arrow { align-self: center; font-size: 20pt; color: #1f6f5c; }
/* risks vs mitigations */
.rm { display: flex; gap: 0.35in; }
.rm > div { flex: 1; border-radius: 4px; padding: 0.12in 0.2in; }
.rm .risk { background: #fbeeee; border: 1px solid #d9a3a3; }
.rm .mit { background: #edf6f3; border: 1px solid #9fd3c4; }
.rm h2 { margin: 0 0 0.08in 0; font-size: 15pt; }
.rm ol { margin: 0; padding-left: 0.35in; font-size: 11.5pt; line-height: 1.28; }
.rm ol li { margin-bottom: 0.075in; }
/* decisions */
.asks { counter-reset: ask; }
.ask { display: flex; align-items: flex-start; margin-bottom: 0.16in; }
.ask .k { flex: 0 0 0.55in; height: 0.55in; border-radius: 50%; background: #12324a; color: #fff;
          font-size: 20pt; font-weight: bold; text-align: center; line-height: 0.55in; margin-right: 0.22in; }
.ask .x { font-size: 15pt; line-height: 1.3; padding-top: 0.04in; }
.ask .x .sub { display: block; font-size: 11.5pt; color: #5b6b78; }
.noting { border: 1px solid #c9d3db; background: #f3f7f6; padding: 0.1in 0.2in; font-size: 12pt; }
/* divider */
.divider { position: absolute; left: 0; right: 0; top: 0; bottom: 0.5in; background: #1f6f5c; color: #fff;
           padding: 2.2in 0.9in 0 0.9in; }
.divider .t1 { font-size: 40pt; font-weight: bold; }
.divider ul { font-size: 17pt; margin-top: 0.3in; }
table.def td { font-size: 11pt; vertical-align: top; padding: 4px 9px; }
table.def td:first-child { font-weight: bold; width: 2.9in; color: #12324a; }
"""


# ----------------------------------------------------------------------------------------------
def bullets(items, cls="b"):
    out = [f'<ul class="{cls}">']
    for it in items:
        if isinstance(it, tuple):
            txt, kids = it
            out.append("<li>" + txt + "<ul>" + "".join(f"<li>{k}</li>" for k in kids) + "</ul></li>")
        else:
            out.append(f"<li>{it}</li>")
    out.append("</ul>")
    return "".join(out)


def frame(n, inner, kicker=None, title=None, logo=True):
    parts = ['<section class="slide">']
    if logo:
        parts.append(
            '<div class="logo"><span class="mark"></span><span class="w1">BRACKENMOOR</span>'
            '<span class="w2">HEALTH PARTNERS</span></div>'
        )
    if title:
        parts.append(
            '<div class="head">' + (f'<div class="kicker">{kicker}</div>' if kicker else "") + f"<h1>{title}</h1></div>"
        )
        parts.append('<div class="rule"></div>')
    parts.append(inner)
    parts.append(
        '<div class="foot"><span class="conf">Confidential \u2014 for board use only</span>'
        f'<span class="ttl">{E(TITLE)}</span><span class="num">{n}</span></div>'
    )
    parts.append("</section>")
    return "".join(parts)


def body(x):
    return f'<div class="body">{x}</div>'


# ----------------------------------------------------------------------------------------------
SLIDES = []


def slide(fn):
    SLIDES.append(fn)
    return fn


@slide
def s_title(n):
    inner = (
        '<div class="tband"><div class="org">Brackenmoor Health Partners</div>'
        '<div class="t1">AI Readiness and Scale-Up</div>'
        '<div class="t2">Board Briefing, Q3 2026</div></div>'
        '<div class="tmeta">Board of Directors \u2014 public and private session, 24 September 2026'
        " \u2014 agenda item 7<br>"
        "Presented by: Imogen Achterberg, Chief Digital and Information Officer (CDIO)<br>"
        "with Dr Tomasz Renwick, Chief Medical Information Officer (CMIO)<br>"
        "Purpose: for decision</div>"
        '<div class="fict">Fictional organisation, people and figures. Test document only.</div>'
    )
    return frame(n, inner)


@slide
def s_agenda(n):
    items = [
        ("Executive summary", "3"),
        ("AI portfolio at a glance", "4"),
        ("Pilot results", "5\u20136"),
        ("Readiness assessment", "7\u20138"),
        ("Scale-up scope, roadmap and investment", "9\u201311"),
        ("Workforce, governance and ownership", "12\u201314"),
        ("Risks, equity and vendors", "15\u201317"),
        ("Decisions requested and next steps", "18\u201319"),
        ("Appendix: definitions and scoring method", "20\u201322"),
    ]
    ol = '<ol class="ag">' + "".join(f"<li>{E(a)}<span>slides {b}</span></li>" for a, b in items) + "</ol>"
    return frame(n, body(ol), "Agenda", "What we will cover today")


@slide
def s_exec(n):
    b = bullets(
        [
            (
                "Readiness up: overall score 2.6 to 3.1 (of 5) since Q1 2026",
                ["7 of 9 domains improved by 0.4 or more", "Peer median for 11 comparable systems: 2.9"],
            ),
            (
                "Ambient scribe pilot met 3 of 4 success criteria",
                ["Missed: patient opt-out rate (4.7% vs target of 3% or less)"],
            ),
            (
                "Two gaps block system-wide scale",
                ["Equity and bias monitoring (1.8)", "Data quality and interoperability (2.4)"],
            ),
            (
                "Proposed: 4-phase scale-up, Oct 2026 to Dec 2028",
                ["Investment envelope $18.2m over FY2027\u2013FY2028, released phase by phase"],
            ),
            "Board asked for 4 decisions today (slide 18)",
        ]
    )
    return frame(
        n,
        body(b),
        "Executive summary",
        "Ready to scale two proven tools \u2014 with equity and data quality fixed first",
    )


@slide
def s_kpi(n):
    tiles = [
        ("23", "AI tools in live use (AI register)", ""),
        ("4", "tools in pilot or evaluation", ""),
        ("61%", "clinical staff completed AI literacy module", ""),
        ("88%", "live AI tools with a named clinical owner", ""),
        ("11,200", "clinician hours returned per year (projected, ambient scribe at full scale)", ""),
        ("$2.9m", "AI spend, FY2026 year to date", ""),
        ("0", "serious incidents linked to AI (12 months to June 2026)", ""),
        ("5", "AI-related near misses reported in Q2 2026", "warn"),
    ]
    t = (
        '<div class="tiles">'
        + "".join(
            f'<div class="tile {c}"><div class="n">{E(a)}</div><div class="l">{E(b)}</div></div>' for a, b, c in tiles
        )
        + "</div>"
    )
    t += '<div class="note">Position at 30 June 2026. Source: Brackenmoor AI register; Learning and Development records; Finance ledger.</div>'
    return frame(
        n, body(t), "Portfolio at a glance", "AI is already in daily use \u2014 ownership and training lag behind"
    )


@slide
def s_pilot_scribe(n):
    b = bullets(
        [
            (
                "Ambient scribe pilot: 42 clinicians, 6 sites (March\u2013June 2026)",
                ["Primary care 24, emergency department 10, outpatient cardiology 8"],
            ),
            ("Documentation time", ["5.8 min less per encounter vs baseline", "After-hours charting: down 31%"]),
            (
                "Note quality: audit of 600 notes",
                ["2.3% with a clinically significant error", "All errors caught at clinician sign-off"],
            ),
            (
                "Patient opt-outs",
                ["4.7% of eligible encounters (target: 3% or less)", "Top reason: discomfort with recording"],
            ),
            "Verdict: 3 of 4 success criteria met \u2014 recommend Phase 1 expansion",
        ],
        "b small",
    )
    return frame(n, body(b), "Pilot results (1 of 2)", "Ambient scribe saves time; opt-outs above target")


@slide
def s_pilot_other(n):
    b = bullets(
        [
            (
                "Sepsis early-warning model: Brackenmoor General, ED and 3 wards",
                [
                    "Sensitivity 0.81 at current threshold",
                    "Alerts per 100 admissions: 9.4 (target: 8 or fewer)",
                    "Nursing reports alert fatigue; threshold review due November 2026",
                ],
            ),
            (
                "Patient portal inbox drafting: 110 clinicians",
                [
                    "Used as starting point: 58% of drafts",
                    "Sending a draft unedited: blocked by design",
                    "Median reply time: 2.1 days to 1.4 days",
                ],
            ),
            (
                "Pathology slide triage: pilot paused 12 May 2026",
                [
                    "Vendor pushed a model update that had not been revalidated locally",
                    "Restart decision: AI Oversight Committee, October 2026",
                ],
            ),
        ],
        "b small",
    )
    return frame(
        n, body(b), "Pilot results (2 of 2)", "Sepsis alerts need tuning; inbox drafting well adopted; pathology paused"
    )


READINESS = [
    ("Strategy and leadership", "3.3", "3.7", "4.0", "On track", "ok", "CDIO"),
    ("Governance and accountability", "2.8", "3.6", "4.5", "On track", "ok", "CMIO"),
    ("Data quality and interoperability", "2.1", "2.4", "4.0", "At risk", "risk", "Chief Data Officer"),
    ("Infrastructure and security", "3.4", "3.8", "4.0", "On track", "ok", "CISO"),
    ("Clinical safety and validation", "2.5", "3.2", "4.5", "On track", "ok", "Clinical AI Safety Lead"),
    ("Workforce and skills", "2.4", "3.0", "4.0", "Watch", "watch", "Director of People"),
    ("Equity and bias monitoring", "1.5", "1.8", "3.5", "At risk", "risk", "Director of Health Equity"),
    ("Patient engagement and transparency", "2.3", "2.9", "4.0", "Watch", "watch", "Director of Patient Experience"),
    ("Vendor and contract management", "3.1", "3.5", "4.0", "On track", "ok", "Chief Procurement Officer"),
]


@slide
def s_readiness(n):
    rows = "".join(
        f'<tr><td>{E(d)}</td><td class="c">{a}</td><td class="c">{b}</td><td class="c">{c}</td>'
        f'<td class="st-{k}">{E(s)}</td><td>{E(lead)}</td></tr>'
        for d, a, b, c, s, k, lead in READINESS
    )
    # sanity: the overall row is the unweighted mean
    means = [sum(float(r[i]) for r in READINESS) / len(READINESS) for i in (1, 2, 3)]
    assert [f"{m:.1f}" for m in means] == ["2.6", "3.1", "4.1"], means
    rows += (
        '<tr class="tot"><td>Overall (unweighted mean)</td><td class="c">2.6</td><td class="c">3.1</td>'
        '<td class="c">4.1</td><td></td><td></td></tr>'
    )
    t = (
        '<table class="t"><tr><th>Domain</th><th class="c">Q1 2026</th><th class="c">Current (Q3 2026)</th>'
        '<th class="c">Target (Dec 2027)</th><th>Status</th><th>Domain lead</th></tr>' + rows + "</table>"
        '<div class="note">Scale 1\u20135; scoring method in Appendix B (slide 22).</div>'
    )
    return frame(
        n,
        body(t).replace('class="body"', 'class="body" style="top:1.6in"'),
        "Readiness assessment",
        "Readiness up from 2.6 to 3.1 \u2014 equity and data quality still at risk",
    )


@slide
def s_moved(n):
    b = bullets(
        [
            (
                "Improved",
                [
                    "Governance: AI Oversight Committee chartered, April 2026",
                    "Clinical safety: pre-deployment validation protocol v1.2 adopted",
                    "Infrastructure: private inference environment live in secondary data centre",
                ],
            ),
            (
                "Stalled",
                [
                    "Data quality: problem-list completeness 63% (target 85%)",
                    "Equity: no routine subgroup performance reporting for any live tool",
                ],
            ),
            (
                "Root causes",
                [
                    "No funded owner for problem-list clean-up until Q2 2026",
                    "Demographic fields (ethnicity, preferred language) incomplete in 1 in 5 records",
                ],
            ),
        ],
        "b small",
    )
    return frame(n, body(b), "Readiness assessment", "What moved since Q1 \u2014 and what did not")


@slide
def s_scope(n):
    b = bullets(
        [
            (
                "Wave A (Phase 1): ambient scribe",
                ["From 42 to 400 clinicians", "Primary care and emergency first; outpatient specialties in Phase 2"],
            ),
            ("Wave B (Phases 1\u20132): inbox drafting", ["All portal-enabled clinics, approx. 1,150 clinicians"]),
            ("Wave C (Phase 2): sepsis early warning", ["All 4 acute sites, only after threshold recalibration"]),
            (
                "Not proposed for scale",
                [
                    "Pathology slide triage \u2014 pending local revalidation",
                    "Autonomous coding \u2014 deferred to 2028 portfolio review",
                ],
            ),
        ],
        "b small",
    )
    return frame(n, body(b), "Scale-up scope", "Three tools to scale in waves; two held back")


ROADMAP = [
    (
        "Phase 0 \u2014 Foundations",
        "Oct \u2013 Dec 2026",
        ["Equity monitoring dashboard build", "Data quality sprint: problem lists", "Vendor contract addenda signed"],
        "Gate: Oversight Committee sign-off, 15 Dec 2026",
    ),
    (
        "Phase 1 \u2014 Controlled expansion",
        "Jan \u2013 Jun 2027",
        ["Ambient scribe to 400 clinicians", "Inbox drafting in 50% of clinics", "AI literacy completion 85%"],
        "Gate: board checkpoint, 24 Jun 2027",
    ),
    (
        "Phase 2 \u2014 System-wide scale",
        "Jul 2027 \u2013 Mar 2028",
        [
            "Ambient scribe to approx. 1,600 eligible clinicians",
            "Sepsis model on all 4 acute sites",
            "Quarterly subgroup performance reports",
        ],
        "Gate: full readiness re-assessment, Mar 2028",
    ),
    (
        "Phase 3 \u2014 Optimise and sustain",
        "Apr \u2013 Dec 2028",
        ["Handover to business-as-usual support", "Benefits realisation audit", "Retire low-value tools"],
        "Gate: final benefits report to board, Dec 2028",
    ),
]


@slide
def s_roadmap(n):
    boxes = []
    for i, (ph, dt, its, gate) in enumerate(ROADMAP):
        boxes.append(
            f'<div class="phase"><div class="ph">{E(ph)}</div><div class="dt">{E(dt)}</div>'
            + "<ul>"
            + "".join(f"<li>{E(x)}</li>" for x in its)
            + "</ul>"
            + f'<div class="gate">{E(gate)}</div></div>'
        )
        if i < len(ROADMAP) - 1:
            boxes.append('<div class="arrow">\u25b6</div>')
    r = '<div class="road">' + "".join(boxes) + "</div>"
    r += '<div class="note">Each phase ends in a go/no-go gate; funding for the next phase is released only after the gate is passed.</div>'
    return frame(n, body(r), "Roadmap", "Four phases, October 2026 to December 2028, each ending in a gate")


INVEST = [
    ("Ambient scribe licences", "3.1", "4.6", "7.7"),
    ("Inbox drafting (EHR platform module)", "0.9", "1.2", "2.1"),
    ("Sepsis model deployment and recalibration", "0.6", "0.4", "1.0"),
    ("Data quality and equity monitoring", "1.4", "0.8", "2.2"),
    ("Training and backfill", "1.3", "0.9", "2.2"),
    ("Governance, assurance and audit", "0.7", "0.6", "1.3"),
    ("Contingency (approx. 10%)", "0.8", "0.9", "1.7"),
]


@slide
def s_invest(n):
    for r in INVEST:
        assert abs(float(r[1]) + float(r[2]) - float(r[3])) < 1e-9, r
    s = [sum(float(r[i]) for r in INVEST) for i in (1, 2, 3)]
    assert [f"{x:.1f}" for x in s] == ["8.8", "9.4", "18.2"], s
    rows = "".join(
        f'<tr><td>{E(a)}</td><td class="c">{b}</td><td class="c">{c}</td><td class="c">{d}</td></tr>'
        for a, b, c, d in INVEST
    )
    rows += '<tr class="tot"><td>Total</td><td class="c">8.8</td><td class="c">9.4</td><td class="c">18.2</td></tr>'
    t = (
        '<div class="cols"><div style="flex:1.6"><table class="t"><tr><th>Line item ($m)</th><th class="c">FY2027</th>'
        '<th class="c">FY2028</th><th class="c">Total</th></tr>'
        + rows
        + "</table></div><div>"
        + bullets(
            [
                ("Funding sources", ["Capital programme: $7.5m", "Operating budget: $10.7m"]),
                ("Benefits", ["$6.3m a year recurring from FY2029", "Payback: 3.4 years"]),
                ("Release", ["Phase by phase, after each gate"]),
            ],
            "b small",
        )
        + "</div></div>"
    )
    return frame(n, body(t), "Investment", "$18.2m over two years, released only as gates are passed")


@slide
def s_workforce(n):
    b = bullets(
        [
            (
                "AI literacy module: 45 min, mandatory for clinical staff",
                ["Completion: 61% now; 85% by June 2027; 95% by December 2027"],
            ),
            ("Super-user network", ["1 per 15 scribe users", "4 hours protected time a month"]),
            ("Backfill so clinicians can train in paid time", ["Funded from the training and backfill line ($2.2m)"]),
            (
                "Staff-side engagement",
                ["Joint AI working group with medical and nursing staff councils, meets monthly"],
            ),
        ],
        "b small",
    )
    return frame(n, body(b), "Workforce", "Training and super-users before every wave goes live")


@slide
def s_governance(n):
    b = bullets(
        [
            (
                "Board, via Quality and Safety Committee",
                ["Quarterly AI assurance report", "Approves go-live of high-risk tools"],
            ),
            (
                "AI Oversight Committee (chair: CMIO)",
                ["Meets every 4 weeks", "Approves go-live of medium-risk tools (if decision 4 agreed)"],
            ),
            (
                "Clinical AI Safety Lead: Dr Hana Lindqvist-Moore",
                [
                    "Runs pre-deployment validation and post-go-live monitoring",
                    "Stop-the-line authority: may suspend any tool at once, pending committee review",
                ],
            ),
            ("Service-line AI owners", ["One named clinical owner per tool (88% coverage today; 100% by Dec 2026)"]),
            "Risk tiers (low / medium / high): defined in Appendix A",
        ],
        "b small",
    )
    return frame(n, body(b), "Governance", "Clear lines from the board to every tool")


DASH = "\u2013"
RACI_COLS = ["CDIO", "CMIO", "CNIO", "CAISL", "CDO", "DPO", "CFO"]
RACI = [
    ("AI strategy and portfolio prioritisation", "A R C C C I C"),
    ("Pre-deployment clinical validation", "I A C R C I -"),
    ("Data protection impact assessment", "C I I C R A -"),
    ("Post-go-live performance monitoring", "I A C R R I -"),
    ("Equity and bias reporting", "I A R C R I -"),
    ("Vendor contracts and model change control", "A C I C C C R"),
    ("Staff training and adoption", "C R A I - I I"),
    ("Benefits tracking", "R C C - C - A"),
    ("Incident response and tool suspension", "R A C R I C I"),
]


@slide
def s_raci(n):
    head = "<tr><th>Activity</th>" + "".join(f'<th class="c">{c}</th>' for c in RACI_COLS) + "</tr>"
    rows = ""
    for act, cells in RACI:
        cs = cells.split()
        assert len(cs) == len(RACI_COLS) and cs.count("A") == 1, act
        rows += (
            f"<tr><td>{E(act)}</td>"
            + "".join(f'<td class="c {c if c in "AR" else ""}">{DASH if c == "-" else c}</td>' for c in cs)
            + "</tr>"
        )
    t = (
        '<table class="t raci">' + head + rows + "</table>"
        '<div class="note">R = Responsible, A = Accountable, C = Consulted, I = Informed. '
        "CDIO = Chief Digital and Information Officer; CMIO = Chief Medical Information Officer; "
        "CNIO = Chief Nursing Information Officer; CAISL = Clinical AI Safety Lead; CDO = Chief Data Officer; "
        "DPO = Data Protection Officer; CFO = Chief Financial Officer.</div>"
    )
    return frame(
        n,
        body(t).replace('class="body"', 'class="body" style="top:1.6in"'),
        "Ownership (RACI)",
        "One accountable owner for every AI activity",
    )


RISKS = [
    "Scribe note errors reach the patient record",
    "Model behaviour drifts after vendor updates (as in the pathology pause)",
    "Tools perform worse for some patient groups",
    "Patient trust falls; opt-outs rise",
    "Clinician over-reliance and loss of skills",
    "Licence costs overrun as seats grow",
    "Data leakage through cloud inference",
]
MITS = [
    "Mandatory clinician sign-off; monthly 200-note audit; pause if error rate exceeds 3%",
    "60 days' notice of model changes in contract; local revalidation before any release",
    "Subgroup reports by age, sex, ethnicity, language and deprivation quintile",
    "Plain-language notice at check-in; one-click opt-out at any visit",
    "Training on failure modes; quarterly spot checks of unassisted documentation",
    "Volume price bands agreed up to 1,600 seats; contingency held by CFO",
    "Private inference environment; vendor deletes audio within 72 hours; annual penetration test",
]


@slide
def s_risks(n):
    r = (
        '<div class="rm"><div class="risk"><h2>Risks</h2><ol>'
        + "".join(f"<li>{E(x)}</li>" for x in RISKS)
        + '</ol></div><div class="mit"><h2>Mitigations</h2><ol>'
        + "".join(f"<li>{E(x)}</li>" for x in MITS)
        + "</ol></div></div>"
        '<div class="note">Numbers match: mitigation 1 addresses risk 1, and so on. Full register held by the Chief Risk Officer.</div>'
    )
    return frame(
        n,
        body(r).replace('class="body"', 'class="body" style="top:1.6in"'),
        "Risks and mitigations",
        "Top seven risks of scaling, and how we contain them",
    )


@slide
def s_equity(n):
    b = bullets(
        [
            (
                "Equity monitoring gap (score 1.8)",
                [
                    "No subgroup performance reporting for any live tool",
                    "Interpreter-mediated visits excluded from the scribe pilot",
                ],
            ),
            (
                "Phase 0 actions",
                [
                    "Equity dashboard: 5 patient attributes, reported quarterly to AI Oversight Committee",
                    "Scribe validated in the 3 most-used non-English languages by March 2027",
                ],
            ),
            (
                "Patient voice",
                [
                    "Patient Advisory Panel (14 members) co-wrote the check-in notice",
                    "Opt-out reasons logged at every declined encounter",
                ],
            ),
        ],
        "b small",
    )
    return frame(n, body(b), "Equity and patient trust", "Equity reporting is the biggest gap \u2014 fixed in Phase 0")


@slide
def s_vendors(n):
    b = bullets(
        [
            (
                "Standard AI contract addendum (v2, August 2026)",
                [
                    "60 days' notice of model changes",
                    "Monthly sharing of performance data",
                    "Right to audit summaries of training-data provenance",
                ],
            ),
            (
                "Exit and data terms",
                [
                    "Data returned within 30 days of termination",
                    "No use of Brackenmoor data to train vendor models without written consent",
                ],
            ),
            (
                "Status",
                ["Signed by 3 of 5 strategic vendors", "Remaining 2 due by November 2026 (Phase 0 gate condition)"],
            ),
        ],
        "b small",
    )
    return frame(n, body(b), "Vendors and contracts", "Contract terms now protect us from silent model changes")


@slide
def s_decisions(n):
    asks = [
        (
            "Approve Phase 1 scale-up from January 2027",
            "Ambient scribe to 400 clinicians; inbox drafting in 50% of clinics",
        ),
        (
            "Approve an investment envelope of $18.2m for FY2027\u2013FY2028",
            "Released phase by phase; Phase 1 release of $5.6m",
        ),
        (
            "Endorse equity and data-quality targets as Phase 1 gate conditions",
            "Equity dashboard live; problem-list completeness at least 75% by June 2027",
        ),
        (
            "Delegate go-live approval for medium-risk tools to the AI Oversight Committee",
            "High-risk tools stay with the Quality and Safety Committee",
        ),
    ]
    a = (
        '<div class="asks">'
        + "".join(
            f'<div class="ask"><div class="k">{i}</div><div class="x">{E(t)}<span class="sub">{E(s)}</span></div></div>'
            for i, (t, s) in enumerate(asks, 1)
        )
        + "</div>"
    )
    a += (
        '<div class="noting"><b>For noting (no decision needed):</b> quarterly AI assurance report will go to the '
        "Quality and Safety Committee from December 2026.</div>"
    )
    return frame(n, body(a), "Decisions requested from the board", "The board is asked to:")


@slide
def s_next(n):
    b = bullets(
        [
            (
                "If approved today",
                [
                    "Contract addenda with remaining vendors: November 2026",
                    "Phase 0 gate: 15 Dec 2026",
                    "First scribe cohort of Phase 1 live: February 2027",
                ],
            ),
            (
                "Reporting back to the board",
                [
                    "Quarterly assurance report via Quality and Safety Committee",
                    "Phase 1 checkpoint at the June 2027 board",
                ],
            ),
            ("Programme lead", ["Rhiannon Tessaro, AI Scale-Up Programme Director (reports to CDIO)"]),
        ],
        "b small",
    )
    return frame(n, body(b), "Next steps", "What happens after today's decision")


@slide
def s_appx(n):
    inner = (
        '<div class="divider"><div class="t1">Appendix</div><ul>'
        "<li>A. Definitions (slide 21)</li><li>B. Readiness scoring method (slide 22)</li></ul></div>"
    )
    return frame(n, inner, logo=True)


DEFS = [
    (
        "AI tool",
        "Software using a trained statistical or machine-learning model that shapes a clinical or "
        "operational decision, and is listed on the AI register",
    ),
    (
        "Ambient scribe",
        "Tool that listens to a consented clinical conversation and drafts a note for the clinician to review and sign",
    ),
    ("Risk tier \u2014 low", "Administrative or back-office use; no direct influence on care"),
    ("Risk tier \u2014 medium", "Drafts clinical content that a clinician must review before it is used"),
    ("Risk tier \u2014 high", "Produces alerts, scores or recommendations that can directly change a care decision"),
    (
        "Clinically significant error",
        "Error in a note that, if left uncorrected, could plausibly change diagnosis, treatment or follow-up",
    ),
    ("Opt-out rate", "Encounters where the patient declined AI use, divided by eligible encounters"),
    ("Stop-the-line authority", "Power of the Clinical AI Safety Lead to suspend a tool immediately, pending review"),
    ("Gate", "Formal go/no-go review at the end of a phase; next-phase funding depends on it"),
    ("Near miss", "AI-related event that could have caused harm but was caught before reaching the patient"),
]


@slide
def s_defs(n):
    t = '<table class="t def">' + "".join(f"<tr><td>{E(a)}</td><td>{E(b)}</td></tr>" for a, b in DEFS) + "</table>"
    return frame(n, body(t).replace('class="body"', 'class="body" style="top:1.6in"'), "Appendix A", "Definitions")


@slide
def s_scoring(n):
    b = bullets(
        [
            ("Scale of 1\u20135 for each domain", ["1 Ad hoc; 2 Emerging; 3 Defined; 4 Managed; 5 Optimising"]),
            (
                "Method",
                [
                    "Self-assessment by domain leads, moderated by Internal Audit",
                    "9 domains, 46 criteria; domain score = mean of its criteria",
                ],
            ),
            ("Overall score", ["Unweighted mean of the 9 domain scores"]),
            ("Timing", ["Interim refresh: June 2027", "Next full re-assessment: March 2028 (Phase 2 gate)"]),
        ],
        "b small",
    )
    return frame(n, body(b), "Appendix B", "Readiness scoring method")


# ----------------------------------------------------------------------------------------------
def build_html():
    n = len(SLIDES)
    assert 18 <= n <= 24, n
    pages = [fn(i) for i, fn in enumerate(SLIDES, 1)]
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>"
        + E(TITLE)
        + "</title><style>"
        + CSS
        + "</style></head><body>"
        + "".join(pages)
        + "</body></html>"
    )


def build(out: Path, chromium: Path = CHROMIUM) -> Path:
    """The deck's PDF, printed by the Chromium at `chromium` into the folder `out`; one page per slide."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{STEM}.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{STEM}.html"
        source.write_text(build_html(), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
            try:
                page = browser.new_page()
                page.goto(source.as_uri())
                page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
            finally:
                browser.close()
    doc = pdfium.PdfDocument(str(path))
    try:
        assert len(doc) == len(SLIDES), (len(doc), len(SLIDES))
    finally:
        doc.close()
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
