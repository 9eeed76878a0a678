"""The Kestrelmoor report's findings 1 to 5 (section 4) (`build_kestrelmoor.py`). Everything here is
invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from kestrelmoor_layout import (
    ORG,
    FootnoteAnchor,
    bullets,
    finding,
    fn,
    para,
)


def finding_1(story):
    """Finding 1: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 1
    story += finding(
        1,
        "Clinical algorithm inventory is incomplete",
        "High",
        "Chief Medical Information Officer",
        "31 August 2026",
        [
            (
                "Condition",
                [
                    para(
                        "The Clinical Algorithm Register listed 61 algorithms at 31 December 2025. Our reconciliation "
                        "identified a further 17 algorithms in clinical use that had never been registered, so 22% of the "
                        "reconciled population of 78 was unknown to the CAOC. The unregistered algorithms comprised:"
                    ),
                    *bullets(
                        [
                            "6 predictive models supplied within the EHR that were activated by the EHR team during the "
                            "October 2024 and May 2025 upgrades;",
                            "7 spreadsheet or web-form calculators built within clinical departments, including a heparin "
                            "dosing calculator used by the Pharmacy department on all four hospital sites; and",
                            "4 third-party cloud tools purchased on departmental budgets, including a dermatology image "
                            "triage application licensed at $186,000 per year.",
                        ]
                    ),
                    para(
                        "Three of the 17 met the Tier 1 definition. In addition, 2 of the 9 imaging and laboratory "
                        "devices with embedded algorithms that we checked were not on the register."
                    ),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "CLN-POL-114 section 4.2 requires every clinical algorithm to be registered and risk-tiered "
                        "before it is used in patient care. Section 4.5 requires the register to be reviewed for "
                        "completeness at least annually."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "Registration relies on the person introducing an algorithm to submit a request. There is no "
                        "checkpoint in the Change Advisory Board, EHR build request or procurement intake processes, "
                        "and purchases below the $250,000 capital threshold do not receive IT or clinical governance "
                        "review. The annual completeness review required by section 4.5 has not been performed since the "
                        "policy took effect."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para(
                        "Unregistered algorithms are not validated, monitored or reviewed for bias, so errors can reach "
                        "patients without any of the policy's controls applying. The heparin dosing calculator, for "
                        "example, had not been independently checked since it was built in 2021."
                    ),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Embed a mandatory registration question in the Change Advisory Board, EHR build request and "
                        "procurement intake forms; register and tier the 17 algorithms identified; perform the annual "
                        "completeness review; and require department chairs to attest annually that all algorithms in "
                        "use in their departments are registered."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Chief Medical Information Officer).</i> The 17 algorithms will be registered and "
                        "tiered by 31 May 2026, with the three Tier 1 tools prioritised; the heparin dosing calculator was "
                        "independently verified by a clinical pharmacist on 18 March 2026. Intake checkpoints will be live "
                        "by 31 July 2026 and the first departmental attestation will be completed by 31 August 2026."
                    ),
                ],
            ),
        ],
    )


def finding_2(story):
    """Finding 2: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 2
    n_leg, m_leg = fn(
        "CLN-POL-114 section 9 (transitional provisions) required algorithms already live on 1 July "
        "2024 to be validated retrospectively: Tier 1 by 30 June 2025 and Tier 2 by 31 December 2025."
    )
    story += finding(
        2,
        "Local validation before go-live is missing or insufficient",
        "High",
        "Director of Clinical Informatics",
        "30 September 2026",
        [
            (
                "Condition",
                [
                    para(
                        "Of the 19 sampled Tier 1 and Tier 2 algorithms, 7 (37%) had no documented local validation "
                        "and a further 3 were validated on fewer than the minimum number of local encounters. In total "
                        "10 of 19 (53%) did not meet the policy. Four of the 7 without any local validation were Tier 1, "
                        "including the adult sepsis early-warning model that went live in March 2023 on the strength of "
                        "the vendor's published performance only. None of the legacy models in our sample had received "
                        f"the retrospective validation required by the policy's transitional provisions.{m_leg}"
                    ),
                    FootnoteAnchor([n_leg]),
                    para(
                        "Where validation was performed, the reports were approved by the model developer in 5 of 12 "
                        "cases rather than by the independent clinical reviewer the policy requires."
                    ),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "CLN-POL-114 section 5.1 requires local validation of all Tier 1 and Tier 2 algorithms before "
                        "go-live, using at least 500 local encounters (or, for rare outcomes, at least 50 positive "
                        "cases), with the report signed by an independent clinical reviewer and approved by the CAOC."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "Clinical Informatics has one analyst position allocated to validation work, which was vacant "
                        "from April to October 2025. The go-live checklist used by the EHR team does not include "
                        "evidence of validation, and vendors' marketing materials were accepted as a substitute."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para(
                        "Model performance can differ substantially between the development population and local "
                        f"patients. Without local validation, {ORG} cannot know whether alert thresholds are appropriate, "
                        "which contributes directly to the alert burden described in Finding 3."
                    ),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Validate the 10 non-compliant models, starting with the four Tier 1 models; extend the exercise "
                        "to every Tier 1 and Tier 2 model on the register; add signed validation evidence to the go-live "
                        "checklist; and ensure independent sign-off."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Director of Clinical Informatics).</i> A second validation analyst post has been "
                        "approved from 1 May 2026. The four Tier 1 models will be validated by 31 July 2026 and the "
                        "remaining six by 30 September 2026. The go-live checklist was updated on 30 March 2026."
                    ),
                ],
            ),
        ],
    )


def finding_3(story):
    """Finding 3: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 3
    n_ovr, m_ovr = fn(
        "An alert is counted as overridden when it is dismissed without an associated order or "
        "documented assessment within 60 minutes of firing."
    )
    story += finding(
        3,
        "Performance and drift monitoring is not operating",
        "High",
        "Vice President, Data and Analytics",
        "Interim 31 May 2026; full 31 December 2026",
        [
            (
                "Condition",
                [
                    para(
                        "Only 6 of the 19 sampled Tier 1 and Tier 2 algorithms (32%) had monitoring reports for every "
                        "period required in 2025. No algorithm had defined numerical thresholds that would trigger "
                        "investigation."
                    ),
                    para(
                        "Our analysis of the 1.84 million alert firings showed that, after a laboratory interface "
                        "change on 18 August 2025 altered the coding of lactate results, the adult sepsis early-warning "
                        "model's alert rate rose from 4.1% to 9.7% of adult inpatient encounters. Over the same period "
                        f"the override rate rose from 78% to 91%.{m_ovr} The change was not identified by any monitoring "
                        "control; it came to light on 24 November 2025, 14 weeks later, after complaints from nursing "
                        "staff on two medical units. The vendor corrected the mapping on 9 December 2025."
                    ),
                    FootnoteAnchor([n_ovr]),
                    para(
                        "The Chief Medical Information Officer has requested a patient safety review of the affected "
                        "period. Its results were not available at the time of this report."
                    ),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "CLN-POL-114 section 6.3 requires performance monitoring reports to be produced quarterly for "
                        "Tier 1 algorithms and every six months for Tier 2 algorithms, and to be reviewed by the CAOC. "
                        "Section 6.4 requires an algorithm to be suspended or its threshold reviewed if performance falls "
                        "outside tolerances agreed at go-live."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "No system or team has been given responsibility for monitoring vendor-supplied models; the "
                        "Data and Analytics team monitors only its own models. Tolerances are not set at go-live, and "
                        "interface changes are not assessed for their effect on algorithm inputs."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para(
                        "Degraded or malfunctioning algorithms may continue to influence care for long periods. Excess "
                        "alerts increase alert fatigue, which in turn increases the risk that genuine alerts are "
                        "ignored."
                    ),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Assign accountability for monitoring all Tier 1 and Tier 2 algorithms regardless of source; "
                        "define tolerances at go-live; implement automated monitoring with escalation; and add an "
                        "algorithm-input impact check to the interface change process."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Vice President, Data and Analytics).</i> From 31 May 2026 the Data and Analytics "
                        "team will manually review monthly alert and override rates for all Tier 1 algorithms and report "
                        "exceptions to the CAOC. A monitoring platform is estimated to cost $240,000 to implement and "
                        "$65,000 a year to operate; a funding request will go to the Capital Committee in June 2026. "
                        "Because of the procurement lead time, the Audit and Risk Committee approved a target date of "
                        "31 December 2026 for full implementation."
                    ),
                ],
            ),
        ],
    )


def finding_4(story):
    """Finding 4: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 4
    n_q, m_q = fn(
        "The CAOC Terms of Reference (approved September 2023) define a quorum as six of the eleven "
        "voting members, one of whom must be the Patient Safety Officer or a named delegate."
    )
    story += finding(
        4,
        "Clinical Algorithm Oversight Committee is not operating as designed",
        "Medium",
        "Chief Medical Officer",
        "30 June 2026",
        [
            (
                "Condition",
                [
                    para(
                        "The CAOC is required to meet monthly. In calendar year 2025 it met 7 times against 12 scheduled "
                        f"meetings and was quorate at only 4 of those 7 meetings.{m_q} Five of the 9 algorithms approved for "
                        "deployment during 2025 were approved by e-mail circulation, with no recorded vote or "
                        "discussion of the validation evidence. The committee's annual report to the Quality and Safety "
                        "Committee of the Board has not been submitted since October 2024, and the Terms of Reference "
                        "have not been reviewed since they were approved."
                    ),
                    FootnoteAnchor([n_q]),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "The CAOC Terms of Reference require monthly meetings, a quorum for all decisions, minuted "
                        "approval of Tier 1 and Tier 2 deployments, an annual report to the Quality and Safety Committee "
                        "and an annual review of the Terms of Reference."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "Clinical members have no protected time for committee work, deputies are not named, and "
                        "administrative support was reassigned in March 2025."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para(
                        "Decisions about high-risk algorithms are being made without the multidisciplinary scrutiny "
                        "the Board relies on, and the Board has not received assurance on algorithm risk for more than "
                        "a year."
                    ),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Refresh the Terms of Reference; name deputies; prohibit e-mail approval of Tier 1 and Tier 2 "
                        "algorithms; restore administrative support; and reinstate the annual report."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Chief Medical Officer).</i> Revised Terms of Reference will be approved by the Medical "
                        "Executive Committee in May 2026. A governance coordinator (0.5 full-time equivalent) has been "
                        "assigned, and the first annual report will be presented to the Quality and Safety Committee in "
                        "June 2026."
                    ),
                ],
            ),
        ],
    )


def finding_5(story):
    """Finding 5: condition, criteria, cause, effect, recommendation, response."""
    # ---------- Finding 5
    story += finding(
        5,
        "Subgroup (equity) performance analysis is rarely performed",
        "Medium",
        "Chief Health Equity Officer",
        "31 December 2026",
        [
            (
                "Condition",
                [
                    para(
                        "Only 2 of the 10 sampled Tier 1 algorithms had any analysis of performance across patient "
                        "subgroups. One of those, the 30-day readmission risk model that automatically enrols patients "
                        "in the Transitional Care Program, over-predicted risk by 6.2 percentage points for patients "
                        "covered by Medicaid compared with commercially insured patients. The analysis was completed in "
                        "June 2025, but no remediation plan had been documented and the finding was not reported to the "
                        "CAOC."
                    ),
                ],
            ),
            (
                "Criteria",
                [
                    para(
                        "CLN-POL-114 section 5.4 requires Tier 1 algorithms to be assessed before go-live, and annually "
                        "thereafter, for performance differences by:"
                    ),
                    *bullets(
                        [
                            "age band;",
                            "sex;",
                            "race and ethnicity;",
                            "preferred language; and",
                            "payer category.",
                        ]
                    ),
                    para(
                        "Material differences must be reported to the CAOC with a remediation or acceptance decision."
                    ),
                ],
            ),
            (
                "Cause",
                [
                    para(
                        "There is no procedure or template for subgroup analysis, and race, ethnicity and language data "
                        "in the EHR are incomplete for about 14% of adult patients, which analysts cited as a reason not "
                        "to attempt the analysis."
                    ),
                ],
            ),
            (
                "Effect",
                [
                    para(
                        "Algorithms may allocate resources or attention unevenly between patient groups without the "
                        "organisation being aware, creating equity, regulatory and reputational risk."
                    ),
                ],
            ),
            (
                "Recommendation",
                [
                    para(
                        "Issue a procedure and template that address incomplete demographic data; complete subgroup "
                        "analysis for all Tier 1 algorithms; and document a remediation plan for the readmission model."
                    ),
                ],
            ),
            (
                "Management response",
                [
                    para(
                        "<i>Agreed (Chief Health Equity Officer, jointly with the Director of Clinical Informatics).</i> "
                        "The procedure will be issued by 31 July 2026. A recalibration of the readmission model will be "
                        "presented to the CAOC by 30 September 2026, and analysis of the remaining Tier 1 algorithms will "
                        "be completed by 31 December 2026."
                    ),
                ],
            ),
        ],
    )
