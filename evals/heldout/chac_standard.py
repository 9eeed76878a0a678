"""The FICTIONAL CHAC accreditation standard's HTML, first part (`build_chac.py`): the badge icons,
the standard block (code, title, rationale, numbered elements of performance, note), the contents
table, the cover, the about page and Sections 1 to 3. Everything here is invented."""

ICON = {
    "D": '<span class="ico ico-d" title="Documentation required">(D)</span>',
    "H": '<span class="ico ico-h" title="High-impact">(H)</span>',
    "S": '<span class="ico ico-s" title="System-level option">(S)</span>',
}


def icons(s):
    return " ".join(ICON[c] for c in s) if s else ""


def standard(code, title, rationale, eps, note=None):
    out = [
        f'<section class="std" id="{code}">',
        f'<h3><span class="code">{code}</span> {title}</h3>',
        '<p class="rat-h">Rationale</p>',
        f'<p class="rat">{rationale}</p>',
        '<p class="ep-h">Elements of performance for ' + code + "</p>",
        '<ol class="eps">',
    ]
    for i, ep in enumerate(eps, 1):
        text, ic = ep if isinstance(ep, tuple) else (ep, "")
        out.append(f'<li><span class="epn">EP {i}</span> {text} {icons(ic)}</li>')
    out.append("</ol>")
    if note:
        out.append(f'<p class="note">{note}</p>')
    out.append("</section>")
    return "\n".join(out)


TOC = [
    ("About this chapter; how to read the standards; icon legend", "About this chapter"),
    ("Implementation timeline", "Implementation timeline"),
    ("Section 1 \u2014 Governance and Accountability (AI.01)", "Section 1 \u2014"),
    ("Section 2 \u2014 Selection, Validation and Deployment (AI.02)", "Section 2 \u2014"),
    ("Section 3 \u2014 Performance Monitoring and Retirement (AI.03)", "Section 3 \u2014"),
    ("Section 4 \u2014 Clinician Use, Transparency and Patient Rights (AI.04)", "Section 4 \u2014"),
    ("Section 5 \u2014 Safety, Security and Vendor Management (AI.05)", "Section 5 \u2014"),
    ("Scoring, follow-up and accreditation decisions", "Scoring, follow-up and accreditation decisions"),
    ("Appendix A \u2014 Crosswalk to other CHAC chapters and external frameworks", "Appendix A \u2014"),
    ("Appendix B \u2014 Documents surveyors commonly request", "Appendix B \u2014"),
    ("Glossary", "\nGlossary"),
]


def toc_rows(pages):
    """The contents table's rows; `pages` maps an entry to its page ("?" before the first print)."""
    return "\n".join(f'<tr><td>{a}</td><td class="pg">AI\u2013{pages.get(a, "?")}</td></tr>' for a, _ in TOC)


def cover(parts):
    """The cover page: band with the title, the publication table and a notice."""
    # ---- cover
    parts.append("""
<div class="cover">
  <div class="org">Consolidated Hospital Accreditation Council</div>
  <div class="band">
    <h1>Hospital Accreditation Standards<br>Chapter AI: AI-Enabled Clinical Tools</h1>
    <div class="sub">Standards Edition 2026, Release 1 (R1) &middot; Hospital Accreditation Program</div>
  </div>
  <table class="meta">
    <tr><td>Publication number</td><td>CHAC-HAS-AI-2026-R1</td></tr>
    <tr><td>Approved</td><td>CHAC Board of Commissioners, November 18, 2025</td></tr>
    <tr><td>Effective date</td><td>July 1, 2026 (scored surveys from January 1, 2027)</td></tr>
    <tr><td>Applies to</td><td>All hospitals accredited under the CHAC Hospital Accreditation Program, including critical access hospitals</td></tr>
    <tr><td>Supersedes</td><td>Interim Guidance Memo IG-2024-07, &ldquo;Clinical decision support using machine learning&rdquo;</td></tr>
    <tr><td>Issued by</td><td>Division of Standards and Survey Methods, Consolidated Hospital Accreditation Council, 1400 Larchmont Avenue, Suite 900, Brennard, OH</td></tr>
  </table>
  <div class="notice">This publication is provided to accredited and applicant organizations for their internal use. Requirements are stated in the elements of performance (EPs); rationales and notes explain intent and are not scored. Where this chapter and federal or state law differ, the organization follows the more stringent requirement.</div>
</div>
""")


def about(parts, pages):
    """The contents table and the about page: how to read the standards, icon legend, timeline."""
    # ---- page 2: about / contents
    parts.append(f"""
<h2>Contents</h2>
<table class="toc">{toc_rows(pages)}</table>

<h2>About this chapter</h2>
<div class="cols">
<p>Hospitals increasingly rely on software that uses statistical learning, pattern recognition or generative models to produce patient-specific outputs: risk scores, alerts, image triage flags, draft clinical notes and draft messages to patients. Such tools can improve timeliness and consistency of care, but they can also fail silently, perform unevenly across patient groups, and change when a vendor updates them. Chapter AI sets out what the Consolidated Hospital Accreditation Council (CHAC) expects a hospital to do across the life of each tool: governance, inventory, risk classification, pre-deployment validation, silent-mode evaluation, monitoring, clinician training, patient transparency, safety event management, vendor oversight and retirement.</p>
<p>The chapter is technology-neutral. It does not approve, certify or endorse any product, and it does not set numeric performance thresholds for any tool; each hospital sets acceptance criteria suited to the tool's intended use. The chapter complements, and does not replace, the Leadership (LD), Information Management (IM) and Patient Safety (PS) chapters. Hospitals may find the NIST AI Risk Management Framework (AI RMF 1.0) useful in designing their programs; use of any particular framework is not required.</p>
<h4>How to read the standards</h4>
<p>Each standard has a five-part identifier (for example, AI.02.01.03), a statement, a rationale and numbered elements of performance. Surveyors score elements of performance, not standards. Some EPs carry one or more of the icons below.</p>
<div class="legend">
<p>{ICON["D"]} <b>Documentation required.</b> The hospital must be able to show written evidence (policy, record, minutes, log or report) that the EP is met.</p>
<p>{ICON["H"]} <b>High-impact EP.</b> Non-compliance is closely linked to risk of patient harm. A partial or insufficient score on a high-impact EP carries a shorter follow-up period and a Measure of Success (see Table AI-3).</p>
<p>{ICON["S"]} <b>System-level option.</b> The EP may be met by a program operated at the level of a multi-hospital health system, provided each hospital can show how the system program applies to it.</p>
</div>
<h4>Implementation timeline</h4>
<p>Chapter AI is effective July 1, 2026. Surveys conducted from July 1, 2026 through December 31, 2026 evaluate the chapter in advisory mode: findings are reported for information but are not scored and do not require Evidence of Standards Compliance. All elements of performance are scored on surveys beginning January 1, 2027. Contract requirements in AI.05.01.03 apply to agreements signed or renewed on or after July 1, 2026.</p>
</div>
""")


def section_1(parts):
    """Section 1, governance and accountability (AI.01): committee, inventory and risk tiers."""
    # ---- Section 1
    s1 = []
    s1.append(
        standard(
            "AI.01.01.01",
            "The hospital's leaders establish and maintain oversight of AI-enabled clinical tools.",
            "Tools that influence care decisions need a clear owner and a forum with the clinical, technical and ethical expertise to approve, question and, when needed, stop them. Diffuse accountability is the most common root cause reported in AI-related events reviewed by CHAC during field testing.",
            [
                (
                    "The governing body approves a written AI governance policy that defines the tools in scope, decision rights for approval and suspension, and escalation paths to senior leadership.",
                    "D",
                ),
                (
                    "Leaders establish an AI Oversight Committee (AIOC), or assign its functions to an existing committee, under a written charter.",
                    "DS",
                ),
                (
                    "The AIOC includes, at a minimum, the following members:<ul><li>a physician who uses clinical decision support in practice;</li><li>a registered nurse;</li><li>a pharmacist;</li><li>an information security representative;</li><li>a patient safety or quality representative; and</li><li>a health equity representative.</li></ul>Additional members (for example, a data scientist, an ethicist or a patient and family advisor) are encouraged but not required.",
                    "",
                ),
                (
                    "The AIOC meets at least quarterly and keeps minutes that record its decisions to approve, restrict, suspend or retire tools.",
                    "D",
                ),
                (
                    "The AIOC reports to the governing body at least annually on the tool inventory, monitoring results, AI-related safety events and equity findings.",
                    "D",
                ),
                (
                    "Leaders designate one accountable executive for AI-enabled clinical tools (for example, the chief medical information officer). The accountable executive may delegate tasks but not accountability.",
                    "",
                ),
            ],
            note="Note: In a health system, one system-level AIOC may serve several hospitals. The system AIOC includes at least one member practicing at each hospital it serves, and each hospital keeps its own clinical owner for every tool it uses.",
        )
    )
    s1.append(
        standard(
            "AI.01.01.03",
            "The hospital maintains a current inventory of AI-enabled clinical tools.",
            "A hospital cannot govern what it cannot see. AI features are increasingly embedded in electronic health record (EHR) modules, imaging systems and devices, and are sometimes switched on by a vendor update rather than a procurement decision.",
            [
                (
                    "The inventory lists every AI-enabled clinical tool in use or in silent-mode evaluation, including AI features embedded in EHR, imaging and medical device products.",
                    "DS",
                ),
                (
                    "For each tool the inventory records: intended use; developer and version; risk tier and the rationale for it; clinical owner; deployment date; date of the most recent performance review; and regulatory status (for example, whether the tool is an FDA-authorized medical device).",
                    "D",
                ),
                (
                    "The inventory is updated within 30 days after any new deployment, material change or retirement.",
                    "D",
                ),
                ("The AIOC reviews the complete inventory at least every six months.", "D"),
            ],
        )
    )
    s1.append(
        standard(
            "AI.01.02.01",
            "The hospital assigns a risk tier to each AI-enabled clinical tool.",
            "Requirements for silent-mode evaluation, monitoring frequency and documentation scale with risk. The tier reflects the tool's role in care and how directly its output reaches the patient, not the complexity of the underlying model.",
            [
                (
                    "The hospital classifies each tool using the three tiers in Table AI-1, or a documented scheme with at least three tiers that maps to Table AI-1.",
                    "",
                ),
                (
                    "The tier is assigned before deployment and re-evaluated whenever a material change occurs or the intended use changes.",
                    "D",
                ),
                ("When a tool could reasonably fit more than one tier, the higher tier is assigned.", "H"),
            ],
        )
    )
    parts.append(
        '<h2 class="sec">Section 1 \u2014 Governance and Accountability (AI.01)</h2>\n<div class="cols">'
        + "\n".join(s1)
        + "</div>"
    )


def risk_tiers(parts):
    """Table AI-1 of risk tiers, full width, and the equity standard AI.01.03.01 after it."""
    parts.append("""
<table class="grid"><caption class="caption">Table AI-1. Risk tiers for AI-enabled clinical tools</caption>
<thead><tr><th style="width:13%">Tier</th><th style="width:31%">Description</th><th style="width:30%">Typical examples</th><th style="width:13%">Minimum silent mode before go-live</th><th style="width:13%">Minimum monitoring frequency</th></tr></thead>
<tbody>
<tr><td><b>Tier 1 \u2014 Low</b></td><td>Output does not directly inform individual patient care decisions, or every output is fully reviewed and edited by staff before any use.</td><td>Appointment no-show prediction used for outreach calls; coding and documentation-gap suggestions; bed-demand forecasting.</td><td>Not required</td><td>Annually</td></tr>
<tr><td><b>Tier 2 \u2014 Moderate</b></td><td>Output informs clinical decisions about individual patients, and a clinician reviews each output before acting on it.</td><td>Sepsis early-warning alerts; deterioration scores; ambient documentation drafts; imaging worklist prioritization.</td><td>30 days</td><td>Quarterly</td></tr>
<tr><td><b>Tier 3 \u2014 High</b></td><td>Output acts without clinician review of each individual output, or informs high-acuity, time-critical decisions.</td><td>Autonomous diabetic retinopathy screening; large-vessel-occlusion notification that activates the stroke team; closed-loop insulin dosing recommendations.</td><td>90 days</td><td>Monthly</td></tr>
</tbody></table>
""")

    eq = standard(
        "AI.01.03.01",
        "The hospital evaluates the effect of AI-enabled clinical tools on health equity.",
        "A tool that performs well on average can still perform poorly for patients who were under-represented in its development data, or can shift resources away from groups already underserved. Equity review must therefore be built into the tool's life cycle rather than performed once.",
        [
            (
                "Before deploying a Tier 2 or Tier 3 tool, the hospital completes an equity impact assessment that considers who may be missed, misclassified or disadvantaged by the tool and how the hospital will detect it.",
                "D",
            ),
            (
                "The AIOC sets, for each Tier 2 and Tier 3 tool, the largest acceptable difference in performance between any monitored subgroup and the overall population, and reviews any tool that exceeds it.",
                "D",
            ),
            (
                "The hospital seeks input on its use of AI-enabled clinical tools from its patient and family advisory council, or an equivalent group of patients and community members, at least annually.",
                "D",
            ),
            (
                "Tools that use race or ethnicity as an input are identified in the inventory, and the clinical owner documents the justification for that input.",
                "DH",
            ),
        ],
        note="Note: Where subgroup data are unavailable or too small for stable estimates, the hospital documents this and describes the alternative it uses (for example, pooling data with other hospitals in its system or extending the monitoring period).",
    )
    parts.append('<div class="cols">' + eq + "</div>")


def section_2(parts):
    """Section 2, selection, validation and deployment (AI.02)."""
    # ---- Section 2
    s2 = []
    s2.append(
        standard(
            "AI.02.01.01",
            "Before deployment, the hospital evaluates each AI-enabled clinical tool against its intended use and the hospital's own patient population.",
            "Performance reported by a developer often comes from populations, workflows and data pipelines that differ from the hospital's. Local evaluation before go-live is the most reliable way to detect a tool that will not work as expected for the hospital's patients.",
            [
                (
                    "Before a procurement or build decision, the clinical owner documents the tool's intended use, intended users, target population and known limitations.",
                    "D",
                ),
                (
                    "Acceptance criteria \u2014 the performance metrics to be measured and the minimum value for each \u2014 are set and documented before local validation begins.",
                    "DH",
                ),
                (
                    'For Tier 2 and Tier 3 tools, local validation uses retrospective hospital data from at least 500 eligible encounters.<sup class="fn">1</sup> If fewer than 500 eligible encounters occurred in the preceding 24 months, all eligible encounters from that period are used and the limitation is documented.',
                    "D",
                ),
                (
                    "Validation results are reported for subgroups by age band, sex, race and ethnicity, preferred language and payer type, where these data are available.",
                    "D",
                ),
                (
                    "Developer-supplied validation may take the place of local validation only for Tier 1 tools, or for Tier 2 tools when the AIOC documents that the developer's test population is comparable to the hospital's. Tier 3 tools are always validated locally.",
                    "H",
                ),
                (
                    "The AIOC approves deployment in writing after reviewing the validation results against the acceptance criteria.",
                    "D",
                ),
            ],
        )
    )
    s2.append(
        standard(
            "AI.02.01.03",
            "The hospital evaluates Tier 2 and Tier 3 tools in silent mode before clinicians act on their outputs.",
            "Silent mode (also called shadow mode) runs the tool on live data in the production environment while its outputs are withheld from the care team. It exposes interface errors, data-timing problems and alert burden that retrospective validation cannot reveal.",
            [
                (
                    "Tier 2 and Tier 3 tools run in silent mode for at least the minimum period shown in Table AI-1 before their outputs are displayed to clinicians for use in care.",
                    "H",
                ),
                (
                    "During silent mode, outputs are compared with observed outcomes or with contemporaneous clinician judgment, and the results are measured against the acceptance criteria.",
                    "D",
                ),
                (
                    "The AIOC may shorten silent mode for a Tier 2 tool to no fewer than 14 days when the same version of the tool completed silent mode at another hospital in the same health system within the previous 12 months. The decision and its basis are recorded.",
                    "DS",
                ),
                (
                    "A tool that does not meet its acceptance criteria in silent mode is not placed into clinical use until the cause has been corrected and silent mode repeated.",
                    "H",
                ),
            ],
            note="Note: When a product cannot suppress its outputs, silent mode may be met by limiting display to a named evaluation team that does not use the outputs in patient care.",
        )
    )
    s2.append(
        standard(
            "AI.02.02.01",
            "The hospital controls go-live and changes to AI-enabled clinical tools.",
            "Most tool failures observed after deployment followed a change: a new model version, a new data feed, a change in the population served. Treating material changes with the same rigor as new deployments prevents unreviewed drift in what clinicians are relying on.",
            [
                (
                    "A written go-live plan names the clinical owner and describes user training, communication to affected staff, downtime procedures and the criteria for rolling the tool back.",
                    "D",
                ),
                (
                    "A material change is handled as a new deployment and requires repeat validation. Exception: changes carried out under a developer's FDA-authorized predetermined change control plan (PCCP) require verification that the change performed as described, rather than full re-validation.",
                    "H",
                ),
                (
                    "Downtime procedures allow care to continue safely when a tool is unavailable and are tested at least annually.",
                    "D",
                ),
            ],
        )
    )
    parts.append(
        '<h2 class="sec">Section 2 \u2014 Selection, Validation and Deployment (AI.02)</h2>\n<div class="cols">'
        + "\n".join(s2)
        + """
<div class="footnotes">
<p><sup>1</sup> An eligible encounter is one that meets the tool's intended-use population criteria. Repeat encounters by the same patient within 24 hours are counted once. Encounters used to train the tool may not be counted toward the 500.</p>
</div></div>"""
    )


def section_3(parts):
    """Section 3, performance monitoring and retirement (AI.03)."""
    # ---- Section 3
    s3 = []
    s3.append(
        standard(
            "AI.03.01.01",
            "The hospital monitors the performance of each AI-enabled clinical tool in use.",
            "Model performance changes as clinical practice, documentation habits, patient mix and upstream data systems change (model drift). Monitoring at a frequency matched to risk lets the hospital act before degraded performance causes harm.",
            [
                (
                    "Each tool is monitored at least as often as Table AI-1 requires for its tier: annually (Tier 1), quarterly (Tier 2) or monthly (Tier 3).",
                    "D",
                ),
                (
                    "Monitoring covers, at a minimum: performance against the acceptance criteria; performance for the subgroups listed in AI.02.01.01, EP 4; alert or output volume; clinician override rates; and shifts in the input data.",
                    "",
                ),
                (
                    "A decline of more than 10% relative to the validated baseline on any primary performance metric, or any subgroup falling below an acceptance criterion, triggers a documented review by the clinical owner within 14 days of detection.",
                    "DH",
                ),
                (
                    "Within 30 days after that review, the AIOC decides whether to continue, restrict, retrain or suspend the tool, and records the decision.",
                    "D",
                ),
                (
                    "For Tier 2 and Tier 3 tools that generate alerts, an override rate above 40% in a monitoring period triggers a review of the tool's usability and clinical relevance.",
                    "",
                ),
            ],
        )
    )
    s3.append(
        standard(
            "AI.03.01.03",
            "The hospital suspends and retires AI-enabled clinical tools in a planned manner.",
            "Clinicians adapt their workflows to the tools they use. Abrupt removal, or retirement without retaining the evidence of how the tool performed, creates its own safety and legal risks.",
            [
                (
                    'The clinical owner or the accountable executive may suspend a tool immediately when there is a patient safety concern. The AIOC is notified within 2 business days of the suspension.<sup class="fn">2</sup>',
                    "H",
                ),
                (
                    "A retirement plan addresses notification of clinicians, replacement workflows, retention of data and removal of interfaces and order-set links.",
                    "D",
                ),
                (
                    "Validation, monitoring and retirement records are kept for at least 6 years after the tool is retired, or longer if state law requires.",
                    "D",
                ),
            ],
        )
    )
    parts.append(
        '<h2>Section 3 \u2014 Performance Monitoring and Retirement (AI.03)</h2>\n<div class="cols">'
        + "\n".join(s3)
        + """
<div class="footnotes">
<p><sup>2</sup> Throughout this chapter, &ldquo;business days&rdquo; excludes Saturdays, Sundays and federal holidays. &ldquo;Days&rdquo; without qualification means calendar days.</p>
</div></div>"""
    )
