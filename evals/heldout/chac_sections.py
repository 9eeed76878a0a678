"""The FICTIONAL CHAC accreditation standard's HTML, second part (`build_chac.py`): Sections 4 and 5,
scoring and follow-up, the crosswalk appendix and the glossary with the approval block. Everything
here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from chac_standard import standard


def section_4(parts):
    """Section 4, clinician use, transparency and patient rights (AI.04)."""
    # ---- Section 4
    s4 = []
    s4.append(
        standard(
            "AI.04.01.01",
            "Clinicians who use AI-enabled clinical tools understand the tools and remain responsible for care decisions.",
            "Clinicians are more likely to use an output appropriately when they know what it was designed to do, how well it performs and where it is weakest. Automation bias \u2014 uncritical acceptance of an output \u2014 is reduced by training and by clear information at the point of use.",
            [
                (
                    "For each Tier 2 and Tier 3 tool, a tool information sheet is available at the point of use. It states the intended use, inputs, outputs, summary performance, known limitations, the date of the last validation or monitoring review and how to contact the clinical owner.",
                    "D",
                ),
                (
                    "Clinicians can override or dismiss any output. For Tier 3 tools, the reason for each override is captured.",
                    "",
                ),
                (
                    "Clinicians complete training on a Tier 2 or Tier 3 tool before they are given access to it, and complete refresher training at least every 24 months and after any material change.",
                    "D",
                ),
                (
                    "At least 95% of active users of each Tier 2 and Tier 3 tool are current on required training at any time.",
                    "D",
                ),
            ],
        )
    )
    s4.append(
        standard(
            "AI.04.01.03",
            "The hospital oversees generative AI used for clinical documentation and patient communication.",
            "Generative tools can produce fluent text that omits findings, attributes statements to the wrong speaker or contains content with no basis in the encounter. Because the output looks finished, review by the signing clinician and periodic audit are essential.",
            [
                (
                    "The clinician who signs an AI-drafted note, letter or message reviews it before signing and is responsible for its content.",
                    "",
                ),
                (
                    "A patient-facing message drafted by generative AI and sent without substantive clinician editing includes a plain-language statement that AI helped write it.",
                    "D",
                ),
                (
                    "The hospital audits at least 20 AI-drafted notes per tool each quarter for accuracy, omissions and fabricated content, and reports results to the AIOC.",
                    "DH",
                ),
                (
                    "Before ambient recording of an encounter begins, the patient is told that the encounter will be recorded to draft documentation and may decline. A patient's decision to decline is documented.",
                    "H",
                ),
            ],
        )
    )
    s4.append(
        standard(
            "AI.04.02.01",
            "The hospital informs patients about its use of AI-enabled clinical tools.",
            "Patients increasingly ask whether a computer was involved in decisions about their care. Transparent, plain-language information supports trust and informed participation.",
            [
                (
                    "The hospital publishes a plain-language notice on its public website describing the kinds of AI-enabled clinical tools it uses and how they are overseen, and reviews the notice at least annually.",
                    "D",
                ),
                (
                    "When a patient or patient representative asks in writing whether an AI-enabled clinical tool contributed to the patient's care, the hospital responds in writing within 30 days.",
                    "D",
                ),
            ],
        )
    )
    parts.append(
        '<h2 class="sec">Section 4 \u2014 Clinician Use, Transparency and Patient Rights (AI.04)</h2>\n<div class="cols">'
        + "\n".join(s4)
        + "</div>"
    )


def section_5(parts):
    """Section 5, safety, security and vendor management (AI.05)."""
    # ---- Section 5
    s5 = []
    s5.append(
        standard(
            "AI.05.01.01",
            "The hospital identifies, reports and learns from safety events involving AI-enabled clinical tools.",
            "AI-related events are under-reported because staff may not recognize the tool's role. Explicit reporting pathways and a field that flags AI involvement make trends visible to the AIOC.",
            [
                (
                    "AI-related safety events and near misses are entered into the hospital's patient safety event reporting system within 72 hours of discovery.",
                    "H",
                ),
                (
                    "The event report form includes a field to flag AI involvement and to record the tool name and version.",
                    "",
                ),
                (
                    "For a sentinel event in which an AI-enabled clinical tool was involved, the hospital completes a comprehensive systematic analysis and action plan within 45 business days of becoming aware of the event.",
                    "DH",
                ),
                ("A summary of AI-related safety events is presented at each AIOC meeting.", "D"),
            ],
        )
    )
    s5.append(
        standard(
            "AI.05.01.03",
            "The hospital's agreements with developers of AI-enabled clinical tools support safe use.",
            "Hospitals depend on developers for information they cannot generate themselves: planned model changes, known defects and performance data. Contract terms make that information flow reliable.",
            [
                (
                    "Agreements signed or renewed on or after July 1, 2026 require the developer to:<ul><li>notify the hospital of a material change to the model at least 30 days before release;</li><li>notify the hospital of a known safety issue affecting the hospital's version within 5 business days after the developer becomes aware of it;</li><li>provide performance documentation, including subgroup results; and</li><li>give the hospital access to output logs needed for monitoring.</li></ul>",
                    "D",
                ),
                (
                    "For agreements in effect before July 1, 2026, the hospital documents a plan to obtain these terms at the next renewal.",
                    "D",
                ),
            ],
        )
    )
    s5.append(
        standard(
            "AI.05.02.01",
            "The hospital protects the security and privacy of information used by AI-enabled clinical tools.",
            "AI tools frequently require broad access to clinical data and may transmit it to external services. They also introduce new attack surfaces, such as manipulation of model inputs and prompts.",
            [
                ("A security risk assessment is completed before deployment and after any material change.", "D"),
                (
                    "When a tool creates, receives, maintains or transmits protected health information on the hospital's behalf, a business associate agreement consistent with the HIPAA Privacy and Security Rules is in place.",
                    "D",
                ),
                ("Access to tool configuration is limited to named roles, and configuration changes are logged.", ""),
                (
                    "The hospital prohibits workforce members from entering protected health information into generative AI tools that the AIOC has not approved, and communicates this prohibition at least annually.",
                    "H",
                ),
            ],
        )
    )
    parts.append(
        '<h2 class="sec">Section 5 \u2014 Safety, Security and Vendor Management (AI.05)</h2>\n<div class="cols">'
        + "\n".join(s5)
        + "</div>"
    )


def scoring(parts):
    """Scoring, follow-up and accreditation decisions (Tables AI-2 and AI-3)."""
    # ---- Scoring
    parts.append("""
<h2 class="sec">Scoring, follow-up and accreditation decisions</h2>
<div class="cols">
<p>Surveyors score each applicable element of performance on a three-point scale. Where an EP is evaluated by sampling (for example, training records, audit records or override documentation), the score depends on the proportion of compliant samples. Where an EP is evaluated as present or absent (for example, a policy or charter), it is scored 2 or 0. EPs that do not apply \u2014 for example, Tier 3 requirements in a hospital with no Tier 3 tools \u2014 are scored not applicable.</p>
<p>A score of 0 or 1 on any EP is a Requirement for Improvement (RFI). The hospital submits Evidence of Standards Compliance (ESC) through the CHAC Connect portal within the period shown in Table AI-3. For high-impact EPs, the ESC must also include a Measure of Success (MOS): a measurable indicator that the correction is sustained.</p>
</div>
<table class="grid"><caption class="caption">Table AI-2. Scoring of elements of performance</caption>
<thead><tr><th style="width:10%">Score</th><th style="width:20%">Label</th><th style="width:35%">Sampled EPs</th><th style="width:35%">Present/absent EPs</th></tr></thead>
<tbody>
<tr><td>2</td><td>Satisfactory compliance</td><td>90% or more of samples compliant</td><td>Requirement fully met</td></tr>
<tr><td>1</td><td>Partial compliance</td><td>80% to 89% of samples compliant</td><td>Not used</td></tr>
<tr><td>0</td><td>Insufficient compliance</td><td>Fewer than 80% of samples compliant, or no process in place</td><td>Requirement not met</td></tr>
<tr><td>NA</td><td>Not applicable</td><td colspan="2">The EP does not apply to the hospital's tools or services; the surveyor records the reason.</td></tr>
</tbody></table>
<table class="grid"><caption class="caption">Table AI-3. Follow-up after a Requirement for Improvement</caption>
<thead><tr><th style="width:32%">Finding</th><th style="width:22%">ESC due</th><th style="width:46%">Measure of Success</th></tr></thead>
<tbody>
<tr><td>EP without the (H) icon scored 1 or 0</td><td>60 days after the final report is posted</td><td>Not required</td></tr>
<tr><td>High-impact (H) EP scored 1</td><td>45 days after the final report is posted</td><td>Required; measured over 4 months; target compliance 90% or higher</td></tr>
<tr><td>High-impact (H) EP scored 0</td><td>45 days after the final report is posted</td><td>Required; measured over 4 months; target compliance 90% or higher. CHAC may conduct a focused follow-up survey.</td></tr>
<tr><td>Immediate threat to health or safety involving an AI-enabled clinical tool</td><td>Corrective action plan within 72 hours of the surveyor's notification</td><td>Required; CHAC validates correction on site</td></tr>
</tbody></table>
<div class="cols">
<h4>Effect on the accreditation decision</h4>
<p>Findings under Chapter AI are combined with findings from all other chapters when CHAC determines the accreditation decision. In addition, when three or more high-impact EPs in Chapter AI are scored 0 on the same survey, the hospital receives the decision Accreditation with Follow-up Survey, and CHAC conducts an unannounced follow-up survey within 6 months focused on Chapter AI.</p>
<p>During the advisory period (July 1 through December 31, 2026), Chapter AI findings are listed in a separate section of the final report titled &ldquo;Advisory observations.&rdquo; They do not generate RFIs, require no ESC and have no effect on the accreditation decision.</p>
<h4>Requests for clarification</h4>
<p>A hospital that disagrees with a Chapter AI finding may submit a clarification through CHAC Connect within 10 business days after the final report is posted. Clarifications must include evidence that existed at the time of the survey.</p>
</div>
""")


def appendix_a(parts):
    """Appendix A, the crosswalk table (continued over pages), and Appendix B."""
    # ---- Appendix A: crosswalk (long table continuing across pages)
    xw = [
        ("AI.01.01.01", "Governance and oversight", "LD.01.03.01; LD.04.01.05", "AI RMF: GOVERN"),
        ("AI.01.01.03", "Inventory", "IM.02.01.03", "AI RMF: GOVERN, MAP"),
        ("AI.01.02.01", "Risk tiering", "LD.03.09.01", "AI RMF: MAP"),
        (
            "AI.01.03.01",
            "Health equity",
            "LD.04.03.07; RI.01.01.01",
            "AI RMF: MAP, MEASURE; Section 1557 (nondiscrimination in patient care decision support tools)",
        ),
        (
            "AI.02.01.01",
            "Pre-deployment validation",
            "PI.02.01.01",
            "AI RMF: MEASURE; FDA good machine learning practice principles",
        ),
        ("AI.02.01.03", "Silent mode", "PI.02.01.01", "AI RMF: MEASURE"),
        (
            "AI.02.02.01",
            "Go-live and change control",
            "IM.01.01.03 (downtime); EC.02.04.01",
            "FDA predetermined change control plans",
        ),
        ("AI.03.01.01", "Performance monitoring", "PI.01.01.01; PI.02.01.01", "AI RMF: MEASURE, MANAGE"),
        ("AI.03.01.03", "Suspension and retirement", "IM.02.02.01 (record retention)", "AI RMF: MANAGE"),
        (
            "AI.04.01.01",
            "Clinician information and training",
            "HR.01.05.03; MS.03.01.01",
            "AI RMF: GOVERN (roles and training)",
        ),
        (
            "AI.04.01.03",
            "Generative AI and ambient documentation",
            "RC.01.02.01 (authentication of entries)",
            "AI RMF Generative AI Profile (NIST AI 600-1)",
        ),
        (
            "AI.04.02.01",
            "Patient information",
            "RI.01.01.01; RI.01.02.01",
            "ONC HTI-1 decision support transparency (for certified health IT)",
        ),
        ("AI.05.01.01", "Safety events", "PS.01.01.01; Sentinel Event Policy", "AI RMF: MANAGE"),
        (
            "AI.05.01.03",
            "Developer agreements",
            "LD.04.03.09 (contracted services)",
            "AI RMF: GOVERN (third-party risk)",
        ),
        ("AI.05.02.01", "Security and privacy", "IM.02.01.01; IM.02.01.03", "HIPAA Privacy and Security Rules"),
    ]
    rows = "\n".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in xw)
    parts.append(f"""
<h2 class="sec">Appendix A \u2014 Crosswalk to other CHAC chapters and external frameworks</h2>
<p>This crosswalk is provided for convenience. It is not exhaustive, and compliance with an external framework does not by itself demonstrate compliance with a Chapter AI element of performance. References to external frameworks are informational; CHAC does not survey hospitals against them.</p>
<table class="grid xw"><caption class="caption">Table AI-4. Crosswalk</caption>
<thead><tr><th style="width:15%">Chapter AI standard</th><th style="width:22%">Topic</th><th style="width:25%">Related CHAC standards</th><th style="width:38%">Related external frameworks</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>Appendix B \u2014 Documents surveyors commonly request</h2>
<div class="cols">
<p>The following list helps hospitals prepare. Surveyors may request other evidence, and not every item applies to every hospital.</p>
<ul class="docs">
<li>AI governance policy approved by the governing body (AI.01.01.01, EP 1)</li>
<li>AIOC charter, membership roster and minutes of the four most recent meetings (AI.01.01.01, EPs 2\u20134)</li>
<li>Most recent annual AIOC report to the governing body (AI.01.01.01, EP 5)</li>
<li>Current AI tool inventory with risk tiers and clinical owners (AI.01.01.03)</li>
<li>Equity impact assessments for Tier 2 and Tier 3 tools (AI.01.03.01, EP 1)</li>
<li>For each sampled tool: intended-use statement, acceptance criteria, local validation report with subgroup results, silent-mode results and the AIOC deployment approval (AI.02.01.01; AI.02.01.03)</li>
<li>Go-live plan and most recent downtime test (AI.02.02.01)</li>
<li>Monitoring reports for the last 12 months and any drift reviews with AIOC decisions (AI.03.01.01)</li>
<li>Tool information sheets and training completion reports (AI.04.01.01)</li>
<li>Quarterly audit results for AI-drafted notes (AI.04.01.03, EP 3)</li>
<li>Public website notice on AI use (AI.04.02.01, EP 1)</li>
<li>AI-flagged safety event reports and any comprehensive systematic analyses (AI.05.01.01)</li>
<li>Developer agreements or renewal plans (AI.05.01.03)</li>
<li>Security risk assessments and business associate agreements (AI.05.02.01)</li>
</ul>
<p>Hospitals in a health system that use the (S) option should also have available the system-level documents and a short description of how system decisions are communicated to each hospital.</p>
</div>
""")


def glossary(parts):
    """The glossary and the approval block."""
    # ---- Glossary
    gloss = [
        (
            "Acceptance criteria",
            "The performance metrics a hospital selects for a tool, with a minimum value for each, set before local validation begins and used in validation, silent mode and monitoring.",
        ),
        (
            "Accountable executive",
            "The senior leader designated under AI.01.01.01, EP 6, who is answerable to the governing body for the hospital's AI-enabled clinical tools.",
        ),
        (
            "AI-enabled clinical tool",
            "Software, or a feature within a larger product, that uses machine learning, statistical pattern recognition or generative modeling to produce a patient-specific output \u2014 such as a score, alert, classification, recommendation or draft text \u2014 that is used in, or may influence, the care of an individual patient. Rules-based alerts whose logic is fully specified by the hospital are not AI-enabled clinical tools.",
        ),
        (
            "Ambient documentation",
            "Use of audio captured during a clinical encounter to generate a draft clinical note.",
        ),
        (
            "Clinical owner",
            "A licensed clinician, named for each tool, who is responsible for its intended use, validation, monitoring reviews and communication with users.",
        ),
        (
            "Generative AI",
            "Models that create new content, such as text, images or audio, in response to an input or prompt.",
        ),
        (
            "Material change",
            "Any of the following: a new model version; retraining or recalibration; a change to input data sources or their format; a change in intended use, intended users or target population; or deployment to a new care setting.",
        ),
        (
            "Model drift",
            "A change in a tool's performance over time, caused by changes in the patient population, clinical practice, documentation or the data systems feeding the tool.",
        ),
        ("Override", "A clinician's decision not to act on, or to act contrary to, a tool's output."),
        (
            "Predetermined change control plan (PCCP)",
            "A plan, authorized by the U.S. Food and Drug Administration as part of a device marketing submission, that describes specific future modifications to a device and how they will be developed, validated and implemented.",
        ),
        (
            "Sentinel event",
            "A patient safety event, not primarily related to the natural course of the patient's illness, that results in death, permanent harm or severe temporary harm, as defined in the CHAC Sentinel Event Policy.",
        ),
        (
            "Silent mode",
            "Operation of a tool on live data in the production environment with its outputs withheld from clinicians who are caring for the patient. Also called shadow mode.",
        ),
        ("Tier", "The risk category assigned to a tool under AI.01.02.01 and Table AI-1."),
    ]
    g = "\n".join(f"<dt>{t}</dt><dd>{d}</dd>" for t, d in gloss)
    parts.append(f"""
<h2 class="sec">Glossary</h2>
<div class="cols"><dl class="gloss">{g}</dl>
<div class="sig">
<p><b>Approved for publication</b><br>Division of Standards and Survey Methods<br>Consolidated Hospital Accreditation Council<br>November 18, 2025</p>
<p style="font-size:7.6pt;color:#555">Revision history: R1 (this release) \u2014 initial publication. Comments on this chapter may be submitted through CHAC Connect at any time and are considered at the next scheduled revision.</p>
</div></div>
""")
