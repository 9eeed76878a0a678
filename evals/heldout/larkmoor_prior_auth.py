"""The Larkmoor medical policy's Part D, the rules for algorithm-based prior authorization
(`build_larkmoor.py`): scope, permitted and prohibited uses, routing thresholds, decision timeframes,
Medicare Advantage, governance and monitoring, the Clear Path exemption program, notices and appeals.
Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from larkmoor_layout import (
    P,
    fn,
    h2,
    h3,
    items,
    tbl,
)
from reportlab.lib.units import inch
from reportlab.platypus import Spacer


def part_d_use(story):
    """Part D: scope, permitted and prohibited uses, routing thresholds."""
    # ---- Part D
    story.append(P("Part D. Algorithm-Based Prior Authorization", h2))
    story.append(P("D.1 Scope", h3))
    story.append(
        P(
            "Part D applies to any rule engine, statistical model or machine-learning model (a \u201cUM "
            "algorithm\u201d) used by Larkmoor, or by a delegated utilization management (UM) vendor acting on "
            "Larkmoor\u2019s behalf, to triage, score, approve or route prior authorization requests for any "
            "service, including but not limited to the services in Parts A through C. Delegated vendors are "
            "also subject to UM-0044."
        )
    )

    story.append(P("D.2 Permitted and prohibited uses", h3))
    story.append(P("A UM algorithm <b>may</b> be used only to:"))
    story += items(
        [
            ("1.", "approve a request that satisfies every applicable criterion (auto-approval, see D.3);"),
            ("2.", "route or prioritize a request for review by a nurse reviewer or physician reviewer; and"),
            (
                "3.",
                "identify missing documentation and issue an automated request for additional information to the "
                "requesting provider.",
            ),
        ]
    )
    story.append(P("A UM algorithm <b>may not</b>:"))
    story += items(
        [
            (
                "1.",
                "deny, partially deny, or reduce the scope, quantity or duration of a requested service. Every adverse "
                "determination must be made by a physician or other appropriate health care professional with expertise "
                "in the field of medicine appropriate to the service (a \u201cclinical peer reviewer\u201d) after review of "
                "the individual member\u2019s clinical information;",
            ),
            (
                "2.",
                "serve as the sole basis for a decision to end or limit a covered post-acute stay (skilled nursing, "
                "inpatient rehabilitation or home health) for Medicare Advantage members; the reviewer must consider the "
                "member\u2019s individual circumstances, including the treating clinician\u2019s recommendation; or",
            ),
            (
                "3.",
                "use race, ethnicity, preferred language, or ZIP code (at any level of aggregation) as an input "
                "variable. Demographic data may be used only to test the algorithm for disparate impact under D.6.",
            ),
        ]
    )

    story.append(P("D.3 Auto-approval and routing thresholds", h3))
    story.append(
        P(
            "Each request scored by a UM algorithm is handled according to the table below. A request is "
            "auto-approved only when every condition in the first row is met."
        )
    )
    route = [
        ["Algorithm result", "Handling", "Who decides"],
        [
            "Confidence score of <b>0.93 or higher</b>, <b>and</b> all hard criteria in the applicable clinical guideline "
            "are satisfied by structured data, <b>and</b> the requesting provider is participating with no open payment "
            "integrity flag",
            "Auto-approved; approval returned through the provider portal or X12 278 response",
            "System (no denial possible)",
        ],
        [
            "Confidence score of 0.70 to 0.929, or any hard criterion that cannot be verified from structured data",
            "Routed to clinical review queue",
            "Registered nurse (RN) reviewer, who may approve or escalate",
        ],
        ["Confidence score below 0.70", "Routed to physician queue", "Physician reviewer (clinical peer reviewer)"],
        [
            "Any request for a service on the High-Complexity List (organ and bone marrow transplant, proton beam "
            "therapy, inpatient rehabilitation admission, and any service in Part B.2 or B.3), regardless of score",
            "Bypasses auto-approval",
            "Physician reviewer",
        ],
    ]
    story.append(tbl(route, [3.2 * inch, 2.0 * inch, 1.8 * inch]))
    story.append(Spacer(1, 4))
    story.append(
        P(
            "A nurse reviewer may approve a routed request but may not issue an adverse determination; any "
            "request the nurse reviewer cannot approve is escalated to a physician reviewer."
        )
    )


def part_d_governance(story):
    """Part D: timeframes, Medicare Advantage, governance and monitoring."""
    story.append(P("D.4 Decision timeframes", h3))
    story.append(
        P(
            "Larkmoor issues prior authorization decisions within the timeframes below. Where state law or a "
            "group contract requires a shorter timeframe, the shorter timeframe applies."
        )
    )
    tf = [
        ["Request type", "Commercial and Individual", "Medicare Advantage"],
        ["Auto-approved electronic request*", "Target: 2 hours", "Target: 2 hours"],
        [
            "Standard (non-urgent) pre-service",
            "No later than 15 calendar days; internal target 5 calendar days",
            "No later than 7 calendar days",
        ],
        [
            "Urgent / expedited pre-service",
            "No later than 72 hours; internal target 24 hours",
            "No later than 72 hours",
        ],
        [
            "Request for additional information (RFI) response window for provider",
            "10 calendar days",
            "10 calendar days",
        ],
    ]
    story.append(tbl(tf, [2.6 * inch, 2.3 * inch, 2.1 * inch]))
    story.append(
        P(
            "* Measured from receipt of a complete electronic request through the Larkmoor provider portal or an "
            "X12 278 transaction. Requests received by fax are not eligible for auto-approval.",
            fn,
        )
    )

    story.append(P("D.5 Medicare Advantage requirements", h3))
    story.append(
        P(
            "For Medicare Advantage members, Larkmoor applies Medicare coverage criteria (statute, NCDs and LCDs) "
            "before any internal criterion, and uses internal criteria only where Medicare coverage criteria are not "
            "fully established, consistent with CMS rule CMS-4201-F. Internal criteria used for Medicare Advantage "
            "are publicly posted with a summary of the evidence considered. Decision timeframes in D.4 reflect "
            "CMS-0057-F. Members may request a reconsideration within 65 calendar days of the date of the "
            "organization determination notice."
        )
    )


def part_d_monitoring(story):
    """Part D, continued: D.6 governance, validation and the monitoring table."""
    story.append(P("D.6 Governance, validation and monitoring", h3))
    story.append(
        P(
            "<b>Algorithm Oversight Committee.</b> The Algorithm Oversight Committee (AOC) approves every UM "
            "algorithm before use and oversees its performance. The AOC is chaired by the Chief Medical Officer. "
            "Voting members are the Vice President of Utilization Management, the Chief Health Equity Officer, the "
            "Chief Data Scientist, the Compliance Officer, and two practicing network physicians appointed for "
            "two-year terms. The AOC meets quarterly and may convene ad hoc within 5 business days when a "
            "monitoring trigger below is met. A quorum is four voting members, one of whom must be a physician."
        )
    )
    story.append(
        P(
            "<b>Pre-deployment validation.</b> Before initial deployment, and before any material change, a UM "
            "algorithm must show at least 95% agreement with clinical reviewer decisions on a held-out sample of at "
            "least 1,000 requests for the service category."
        )
    )
    story.append(P("<b>Ongoing monitoring.</b> The following controls apply to every UM algorithm in production:"))
    mon = [
        ["Control", "Frequency", "Threshold / trigger", "Required action"],
        [
            "Re-review of auto-approved requests",
            "Quarterly",
            "Random sample of 2% of auto-approvals (minimum 250 requests) re-reviewed by RN auditors; inappropriate-approval "
            "rate above 3%",
            "Root-cause review; AOC may raise the confidence threshold",
        ],
        [
            "Appeal overturn monitoring",
            "Quarterly",
            "Overturn rate on appeal for adverse determinations on algorithm-routed requests above 20%, or more than 5 "
            "percentage points above the overturn rate for requests not routed by an algorithm",
            "AOC suspends the algorithm for the affected service category within 10 business days pending retraining",
        ],
        [
            "Data drift",
            "Monthly",
            "Population stability index (PSI) greater than 0.25 for any key input",
            "Revalidation against the pre-deployment standard",
        ],
        [
            "Disparate impact (bias) audit",
            "Annually",
            "Auto-approval rate for any group (sex, age band, race/ethnicity as imputed for audit only, primary language, "
            "disability status, rural/urban residence) below 0.80 of the rate for the most favored group (adverse impact "
            "ratio)",
            "Written remediation plan to the AOC within 60 days",
        ],
        [
            "Independent audit",
            "Every 24 months",
            "External reviewer independent of the algorithm developer assesses design, validation and monitoring",
            "Findings reported to the Board Quality Committee",
        ],
    ]
    story.append(tbl(mon, [1.35 * inch, 0.85 * inch, 2.7 * inch, 2.1 * inch]))
    story.append(Spacer(1, 6))
    story.append(
        P(
            "<b>Delegated vendors.</b> A delegated UM vendor must supply a model fact sheet describing intended "
            "use, inputs, training data period, validation results and known limitations, and must notify Larkmoor in "
            "writing at least 45 days before deploying a material model change. A vendor may not deploy a change "
            "until the AOC approves it."
        )
    )


def part_d_exemption(story):
    """Part D: the Clear Path exemption program, notices and appeals."""
    story.append(P("D.7 Provider exemption program (\u201cClear Path\u201d)", h3))
    story.append(
        P(
            "Participating providers with a consistent record of approved requests may be exempted from prior "
            "authorization for eligible service categories. A provider (billing TIN and rendering NPI combination) "
            "qualifies for a service category when <b>all</b> of the following are met during the 12-month lookback "
            "period of January 1 through December 31:"
        )
    )
    story += items(
        [
            ("1.", "at least 30 prior authorization requests submitted for the category;"),
            ("2.", "an approval rate of 93% or higher\u00b9; and"),
            ("3.", "no substantiated fraud, waste or abuse finding and no open corrective action plan with Larkmoor."),
        ]
    )
    story.append(
        P(
            "Exemptions run for 12 months beginning April 1. Larkmoor reviews a retrospective sample of 5% of the "
            "exempt provider\u2019s claims for the category (minimum 10 claims) each year; if fewer than 90% of "
            "sampled claims meet the applicable criteria, the exemption is withdrawn with 30 days\u2019 written "
            "notice. Eligible categories are listed in the table below. Services in Part B.2 and B.3 and services "
            "on the High-Complexity List are not eligible."
        )
    )
    cp = [
        ["Clear Path service category", "Examples", "Eligible lines of business"],
        [
            "Advanced outpatient imaging (excluding cardiac CT)",
            "MRI of spine and joints; CT of abdomen and pelvis",
            "Commercial, Individual, Medicare Advantage",
        ],
        [
            "Outpatient physical and occupational therapy",
            "Visits beyond the initial evaluation and 12 visits",
            "Commercial, Individual",
        ],
        [
            "Sleep testing",
            "Home sleep apnea testing; attended polysomnography",
            "Commercial, Individual, Medicare Advantage",
        ],
        [
            "Durable medical equipment (selected)",
            "CPAP devices and supplies; standard power wheelchairs",
            "Commercial, Individual",
        ],
    ]
    story.append(tbl(cp, [2.3 * inch, 2.6 * inch, 2.1 * inch]))
    story.append(
        P(
            "\u00b9 Approval rate = approved requests \u00f7 (approved + denied requests). Requests withdrawn by "
            "the provider and administratively closed requests are excluded from both numerator and denominator.",
            fn,
        )
    )

    story.append(P("D.8 Transparency, notices and appeals", h3))
    story += items(
        [
            ("1.", "The provider portal shows whether each request was auto-approved or decided by a reviewer."),
            (
                "2.",
                "Every adverse determination notice states the name and credentials of the clinical peer reviewer, the "
                "specific criteria applied, and whether a UM algorithm was used to route the request.",
            ),
            (
                "3.",
                "A member or authorized representative may ask for a plain-language explanation of how a UM algorithm was "
                "used in their request. Larkmoor responds in writing within 30 calendar days.",
            ),
            (
                "4.",
                "The requesting provider may ask for a peer-to-peer discussion with the clinical peer reviewer within 14 "
                "calendar days of the adverse determination notice. A peer-to-peer discussion is optional and does not "
                "extend any appeal deadline.",
            ),
            (
                "5.",
                "Commercial and Individual members may file an internal appeal within 180 days of the adverse "
                "determination notice. Appeals are decided by a clinical peer reviewer who did not make the original "
                "determination and is not the subordinate of that reviewer.",
            ),
        ]
    )
