"""The Kestrelmoor report's findings 6 to 9 (section 4) and its appendices (`build_kestrelmoor.py`).
Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from kestrelmoor_layout import (
    BODY,
    GREY,
    LIGHT,
    ORG,
    RATING_COL,
    FootnoteAnchor,
    H,
    P,
    bullets,
    finding,
    fn,
    grid_table,
    heading,
    para,
)
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer


def finding_6(story):
    """Finding 6: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 6
    n_val, m_val = fn(
        "Aggregate annual value is based on FY2025-26 purchase orders and excludes implementation "
        "and professional-services fees."
    )
    story += finding(
        6,
        "Vendor contracts lack algorithm-specific protections",
        "Medium",
        "Vice President, Supply Chain and Contracting",
        "30 November 2026",
        [
            (
                "Condition",
                [
                    para(
                        "We reviewed the 12 contracts covering vendor-supplied Tier 1 and Tier 2 algorithms in use, "
                        f"with an aggregate annual value of $4.3 million.{m_val} We found that:"
                    ),
                    FootnoteAnchor([n_val]),
                    *bullets(
                        [
                            f"8 did not require the vendor to notify {ORG} before updating or retraining a model;",
                            f"5 did not give {ORG} a right to obtain the vendor's validation and performance documentation; and",
                            f"3 did not restrict the vendor's use of {ORG} patient data to train other products.",
                        ]
                    ),
                    para("Of the 5 contracts renewed since 1 October 2024, only 1 included the Algorithm Addendum."),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "CLN-POL-114 section 7.2 requires the Algorithm Addendum issued by the Office of General Counsel "
                        "to be included in all new and renewed contracts for clinical algorithms from 1 October 2024."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "The contract approval workflow does not identify contracts that include clinical algorithms, "
                        "and contracting staff were not trained on the addendum when it was issued."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para(
                        "Vendors can change model behaviour without notice, as occurred with a Tier 2 deterioration "
                        f"index that was retrained in 2025 without notification, and {ORG} may be unable to obtain the "
                        "evidence needed to meet its own validation requirements (see also section 2.6)."
                    ),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Add a clinical-algorithm flag to the contract approval workflow that makes the addendum "
                        "mandatory; train contracting staff; and renegotiate deficient contracts at renewal."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Vice President, Supply Chain and Contracting, with the General Counsel).</i> The "
                        "workflow flag will be live by 30 June 2026 and training completed by 31 August 2026. The "
                        "8 contracts lacking update notification will be prioritised as they come up for renewal; "
                        "the last of them renews in November 2026."
                    ),
                ],
            ),
        ],
    )


def finding_7(story):
    """Finding 7: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 7
    story += finding(
        7,
        "Change and access control for in-house models is weak",
        "Medium",
        "Chief Information Officer",
        "31 August 2026",
        [
            (
                "Condition",
                [
                    para(
                        "The Data and Analytics team maintains 21 in-house algorithms. During 2025, 14 production "
                        "changes were made to these models (retraining, feature changes and threshold changes); 5 of "
                        "the 14 were deployed without a Change Advisory Board ticket. Four data scientists hold standing "
                        "write access to the production scoring environment, and no access review of that environment "
                        "has been performed since it was commissioned in 2023."
                    ),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "ITS-STD-04 requires all production changes to clinical systems to be approved by the Change "
                        "Advisory Board. ITS-STD-07 requires segregation between development and production access and "
                        "a quarterly review of privileged access."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "The scoring environment was set up as a project resource and was never transferred to IT "
                        "operations, so the standard change and access processes were not applied to it."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para(
                        "Unapproved or erroneous changes to models that influence care could be made without detection, "
                        "and without a record that would support investigation of an incident."
                    ),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Transfer the environment to IT operations; remove standing write access; route all model "
                        "changes through the Change Advisory Board; and perform quarterly access reviews."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Chief Information Officer).</i> Standing access will be replaced with time-limited "
                        "elevated access by 31 May 2026. The environment will be transferred to IT operations and "
                        "brought under ITS-STD-04 and ITS-STD-07 by 31 August 2026."
                    ),
                ],
            ),
        ],
    )


def finding_8(story):
    """Finding 8: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 8
    story += finding(
        8,
        "Model fact sheets are missing or out of date",
        "Low",
        "Chief Medical Information Officer",
        "31 March 2027",
        [
            (
                "Condition",
                [
                    para(
                        "Of the 19 sampled Tier 1 and Tier 2 algorithms, 11 lacked a current model fact sheet: 8 had "
                        "none and 3 had a fact sheet that had not been reviewed for more than 12 months."
                    ),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "CLN-POL-114 section 8.1 requires a model fact sheet for every Tier 1 and Tier 2 algorithm, "
                        "published on the intranet and reviewed at least annually, describing the intended use, input "
                        "data, known limitations and the contact for reporting concerns."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "Responsibility for producing fact sheets for vendor-supplied algorithms has not been assigned."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para("Clinicians may not understand an algorithm's limitations or know how to report concerns."),
                ],
            ),
            (
                "Recommendation",
                [
                    para("Assign ownership of fact sheets for each algorithm on the register and publish them."),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Chief Medical Information Officer).</i> Fact sheets for all Tier 1 algorithms will be "
                        "published by 30 September 2026 and for all Tier 2 algorithms by 31 March 2027."
                    ),
                ],
            ),
        ],
    )


def finding_9(story):
    """Finding 9: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 9
    n_lms, m_lms = fn("Target population as recorded in the Learning Management System on 31 December 2025.")
    story += finding(
        9,
        "Algorithm safety training completion is below target",
        "Low",
        "Chief Nursing Officer",
        "31 January 2027",
        [
            (
                "Condition",
                [
                    para(
                        "The 20-minute <i>Algorithm Safety Awareness</i> e-learning module is mandatory for prescribers "
                        "and nurses who receive interruptive algorithm alerts. At 31 December 2025, 2,477 of the 3,870 "
                        f"staff in the target population (64%) had completed it, against a target of 90% by that date.{m_lms} "
                        "Completion was lowest among locum and agency staff."
                    ),
                    FootnoteAnchor([n_lms]),
                ],
            ),
            (
                "Criteria",
                [
                    para("CLN-POL-114 section 8.3 and the 2025 mandatory training schedule."),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "The module is not assigned automatically at onboarding, and department heads do not receive "
                        "completion reports."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para("Staff may not recognise algorithm malfunction or know how to escalate it."),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Assign the module automatically at onboarding, including for locum and agency staff, and "
                        "report completion monthly to department heads."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Chief Nursing Officer, with the Director of Learning and Development).</i> Automatic "
                        "assignment will start on 1 July 2026, and the 90% target is expected to be reached by "
                        "31 January 2027."
                    ),
                ],
            ),
        ],
    )


def appendix_a(story):
    """Appendix A: finding and overall rating definitions."""
    # ======================================================================================
    # APPENDICES
    # ======================================================================================
    story.append(PageBreak())
    story.append(heading("Appendix A. Rating Definitions", 0))
    story.append(heading("A.1 Finding ratings", 1))
    fr = [
        [H("Rating"), H("Definition"), H("Expected implementation timeframe")],
        [
            P("<b>High</b>"),
            P(
                "A control weakness that exposes the organisation to a significant risk of patient "
                "harm, regulatory breach, material financial loss or reputational damage, and "
                "requires prompt action by senior management."
            ),
            P(
                "Within 6 months of the final report, unless the Audit and Risk Committee approves a longer "
                "timeframe. Progress is reported to every Audit and Risk Committee meeting."
            ),
        ],
        [
            P("<b>Medium</b>"),
            P(
                "A control weakness that could result in a moderate risk to patient care, "
                "compliance or operations if not addressed."
            ),
            P("Within 9 months of the final report."),
        ],
        [
            P("<b>Low</b>"),
            P("A minor weakness or an opportunity to improve efficiency or align with good practice."),
            P("Within 12 months of the final report."),
        ],
    ]
    story.append(
        grid_table(
            fr,
            [0.9 * inch, 3.4 * inch, 2.4 * inch],
            extra=[
                ("BACKGROUND", (0, 1), (0, 1), RATING_COL["High"]),
                ("BACKGROUND", (0, 2), (0, 2), RATING_COL["Medium"]),
                ("BACKGROUND", (0, 3), (0, 3), RATING_COL["Low"]),
            ],
        )
    )
    story.append(heading("A.2 Overall audit ratings", 1))
    orr = [
        [H("Overall rating"), H("Definition")],
        [P("<b>Effective</b>"), P("Controls are well designed and operating effectively. Any findings are rated Low.")],
        [
            P("<b>Some Improvement Required</b>"),
            P(
                "Controls are generally well designed and operating, with "
                "some Medium findings that do not individually threaten the "
                "achievement of objectives. No High findings."
            ),
        ],
        [
            P("<b>Significant Improvement Required</b>"),
            P(
                "One or more High findings, or several Medium findings "
                "that together indicate the control framework is not "
                "operating effectively for a material part of the area "
                "audited."
            ),
        ],
        [
            P("<b>Unsatisfactory</b>"),
            P(
                "Fundamental weaknesses in design or operation that leave the area "
                "exposed to significant risk; immediate executive attention required."
            ),
        ],
    ]
    story.append(grid_table(orr, [2.1 * inch, 4.6 * inch]))
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            "Where an action is not implemented by its target date, the owner may request one revised date from the "
            "Chief Audit Executive. Any further extension for a High-rated action requires the approval of the Audit "
            "and Risk Committee.",
            BODY,
        )
    )


def appendix_b_c(story):
    """Appendix B (sample composition) and Appendix C (abbreviations)."""
    story.append(heading("Appendix B. Sample Composition", 0))
    story.append(Paragraph("The reconciled population and the audit sample, by source and risk tier:", BODY))
    sc = [
        [
            H("Source"),
            H("Population"),
            H("Of which unregistered"),
            H("Tier 1 sampled"),
            H("Tier 2 sampled"),
            H("Tier 3 sampled"),
            H("Total sampled"),
        ],
        [P("Vendor-supplied (including EHR-embedded)"), P("44"), P("10"), P("5"), P("6"), P("2"), P("13")],
        [P("Developed in-house (Data and Analytics)"), P("21"), P("0"), P("3"), P("2"), P("1"), P("6")],
        [P("Built within clinical departments"), P("13"), P("7"), P("2"), P("1"), P("3"), P("6")],
        [
            P("<b>Total</b>"),
            P("<b>78</b>"),
            P("<b>17</b>"),
            P("<b>10</b>"),
            P("<b>9</b>"),
            P("<b>6</b>"),
            P("<b>25</b>"),
        ],
    ]
    story.append(
        grid_table(
            sc,
            [2.05 * inch, 0.75 * inch, 0.95 * inch, 0.75 * inch, 0.75 * inch, 0.75 * inch, 0.7 * inch],
            extra=[("BACKGROUND", (0, -1), (-1, -1), LIGHT)],
        )
    )
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            "Across the whole population of 78, 14 algorithms were Tier 1, 31 were Tier 2 and 33 were Tier 3 after "
            "Internal Audit's provisional tiering of the unregistered items. Management will confirm the tiers when "
            "the items are registered (Finding 1).",
            BODY,
        )
    )

    ab_head = heading("Appendix C. Abbreviations", 0)
    ab = [
        [H("Term"), H("Meaning")],
        [P("CAOC"), P("Clinical Algorithm Oversight Committee")],
        [P("CAB"), P("Change Advisory Board")],
        [P("CLN-POL-114"), P("Clinical Algorithm Governance Policy, version 2.0, effective 1 July 2024")],
        [P("EHR"), P("Electronic health record")],
        [P("GRC"), P("Governance, risk and compliance (tool)")],
        [P("ITS-STD-04 / ITS-STD-07"), P("IT Change Management Standard / IT Access Control Standard")],
        [P("NIST AI RMF"), P("National Institute of Standards and Technology AI Risk Management Framework")],
        [
            P("Override rate"),
            P("Share of alert firings dismissed without a related order or documented assessment within 60 minutes"),
        ],
    ]
    story.append(KeepTogether([ab_head, grid_table(ab, [1.9 * inch, 4.8 * inch], zebra=True)]))
    story.append(Spacer(1, 18))
    story.append(
        Paragraph(
            "\u2014 End of report \u2014", ParagraphStyle("end", parent=BODY, alignment=TA_CENTER, textColor=GREY)
        )
    )
