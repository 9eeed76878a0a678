"""Wrenfield article references and appendix: the 31 numbered references (fictional, except [19]
TRIPOD and [20] NIST AI RMF 1.0), and the full-width appendix on the last page with Table A1 (the
41 predictors) and Table A2 (monthly AUROC by hospital, built from the monthly series below)."""

from __future__ import annotations

REFS = [
    "Halloran JP, Mbeki ST, Ferreira-Lund A. Antecedents of unplanned intensive care transfer among general ward inpatients: a multicentre chart review. <i>Int J Ward Safety</i>. 2016;9(2):101–112.",
    "Castellane D, Ishikawa R. Vital sign abnormalities preceding in-hospital cardiac arrest: a systematic review. <i>Resusc Sci Rev</i>. 2018;14:44–58.",
    "Northcott BL, Osei-Mensah K, Varga P, et al. Timing of physiological decline before ward deaths not preceded by limitation-of-treatment orders. <i>Ann Acute Care Inform</i>. 2019;6(4):233–241.",
    "Pemberton AC, Ruiz-Alonso M. Aggregate weighted track-and-trigger systems: a critical appraisal of discrimination and calibration. <i>Clin Predict Sci</i>. 2017;3(1):15–29.",
    "Tollefsen H, Graham-Pike E, Achebe U. Single-parameter versus aggregate early warning criteria in medical wards. <i>J Hosp Safety Res</i>. 2020;11(3):190–199.",
    "Vasquez-Reid L, Hamid O, Strand K. Gradient-boosted prediction of clinical deterioration using routinely collected electronic record data. <i>Clin Predict Sci</i>. 2019;5(2):77–90.",
    "Okonkwo RA, Lindahl M, Farrow J. A deep sequence model for ward deterioration: development and retrospective validation in three hospitals. <i>Digit Med Res</i>. 2021;4:e1187.",
    "Beaumont S, Kaur P, Nyström E. Comparing machine-learning and rule-based early warning scores: a retrospective cohort of 410 000 admissions. <i>J Hosp Safety Res</i>. 2021;12(1):12–24.",
    "Whitcombe T, Anand R. Systematic review of machine-learning early warning models for adult inpatients. <i>Ann Acute Care Inform</i>. 2022;9(1):1–18.",
    "Marlowe FJ, De Smet L, Oyelaran T. Why retrospective accuracy does not transfer: dataset shift in deployed clinical prediction models. <i>Health Data Sci Q</i>. 2021;7(3):201–214.",
    "Sørlie K, Abara N, Quint M. The feedback loop problem: evaluating prediction models that change the outcomes they predict. <i>Clin Predict Sci</i>. 2022;8(4):301–312.",
    "Ferrante G, Lowe-Bishop C. Silent deployment as a prerequisite for clinical prediction model go-live. <i>J Clin Inform Pract</i>. 2022;11(2):88–97.",
    "Hargreaves PD, Tanaka Y, Mwangi J, et al. Hospital-level heterogeneity in the performance of a commercial deterioration index. <i>Digit Med Res</i>. 2022;5:e2043.",
    "Lindgren-Oakes M, Petrov A. Pooled versus site-specific evaluation of predictive models in hospital networks. <i>Health Data Sci Q</i>. 2023;9(1):33–45.",
    "Ridley AM, Boateng E, Cortez S. Deterioration, transfer and outcome in rural hospitals without on-site intensive care. <i>Rural Acute Care J</i>. 2020;15(2):61–70.",
    "Achterberg W, Nakamura S, Holloway R. Alert burden as an outcome: recommendations for evaluating predictive alerts in practice. <i>J Clin Inform Pract</i>. 2023;12(1):14–25.",
    "Dunleavy C, Fairbanks O. Measuring the nursing response to predictive deterioration alerts. <i>Nurs Inform Q</i>. 2021;18(3):140–149.",
    "Everard JL, Quist H, Mahlangu T. Governance of clinical artificial intelligence in integrated delivery networks: lessons from five systems. <i>Health Policy Inform</i>. 2023;6(2):97–110.",
    "Collins GS, Reitsma JB, Altman DG, Moons KGM. Transparent reporting of a multivariable prediction model for individual prognosis or diagnosis (TRIPOD): the TRIPOD statement. <i>BMJ</i>. 2015;350:g7594.",
    "National Institute of Standards and Technology. <i>Artificial Intelligence Risk Management Framework (AI RMF 1.0)</i>. NIST AI 100-1. Gaithersburg, MD: NIST; 2023.",
    "Ashworth MT, Okafor DK, Lindqvist T, Feld JB. Development and temporal validation of the Wrenfield Early Deterioration Score. <i>Clin Predict Sci</i>. 2023;9(2):118–131.",
    "Brennan-Moss K, Ilori F. Handling informative missingness of laboratory data in inpatient prediction models. <i>Health Data Sci Q</i>. 2020;6(4):277–289.",
    "Pilkington R, Haddad S, Eriksen V. Bootstrap confidence intervals for clustered diagnostic accuracy data. <i>Stat Methods Clin Res</i>. 2018;27(5):1402–1417.",
    "Moreau JC, Adeyemi SO. Recalibration of clinical prediction models across sites: a practical tutorial. <i>Stat Methods Clin Res</i>. 2022;31(8):1560–1577.",
    "Kettering A, Zhou L, Baptiste M, et al. Prospective evaluation of an early warning model in two community hospitals. <i>J Hosp Safety Res</i>. 2023;14(2):140–151.",
    "Solberg N, Aramide T. Positive predictive value and clinician trust in deterioration alerts. <i>Ann Acute Care Inform</i>. 2021;8(3):160–169.",
    "Harcourt E, Villanueva P, Stein R. Alert fatigue among ward nurses after deployment of predictive alerts: a mixed-methods study. <i>Nurs Inform Q</i>. 2022;19(1):22–33.",
    "Quennell D, Mbatha L. Night-shift response capacity and failure to rescue in small hospitals. <i>Rural Acute Care J</i>. 2022;17(1):5–14.",
    "Yardley H, Kwon S, Ortega-Baines L. Performance drift of deployed deterioration models over 24 months. <i>Digit Med Res</i>. 2024;7:e3310.",
    "Fairweather G, Oduya C. Treatment paradox and the evaluation of deployed early warning systems. <i>Clin Predict Sci</i>. 2024;10(1):3–12.",
    "Lund-Hansen P, Cheng W. Threshold selection for early warning alerts under constrained response capacity. <i>J Clin Inform Pract</i>. 2024;13(1):40–52.",
]


def refs_html() -> str:
    """The references as a numbered list."""
    items = "".join(f"<li>{r}</li>\n" for r in REFS)
    return f'<ol class="refs">\n{items}</ol>\n'


MONTHS = [
    "Mar 2023",
    "Apr 2023",
    "May 2023",
    "Jun 2023",
    "Jul 2023",
    "Aug 2023",
    "Sep 2023",
    "Oct 2023",
    "Nov 2023",
    "Dec 2023",
    "Jan 2024",
    "Feb 2024",
]
M_WG = [0.851, 0.839, 0.848, 0.860, 0.844, 0.836, 0.845, 0.815, 0.836, 0.829, 0.838, 0.842]
M_SA = [0.823, 0.812, 0.829, 0.838, 0.810, 0.808, 0.821, 0.792, 0.809, 0.801, 0.815, 0.818]
M_EB = [0.829, 0.826, 0.834, 0.847, 0.824, 0.822, 0.830, 0.801, 0.817, 0.815, 0.822, 0.825]
M_MV = [0.802, 0.764, 0.791, 0.718, 0.785, 0.772, 0.796, 0.759, 0.788, 0.812, 0.781, 0.747]
M_SYS = [0.838, 0.829, 0.841, 0.852, 0.833, 0.827, 0.836, 0.806, 0.824, 0.819, 0.828, 0.831]
M_MVEV = [13, 11, 9, 6, 10, 12, 14, 13, 15, 19, 14, 9]
M_ALERTS = [552, 531, 548, 517, 539, 544, 528, 491, 556, 571, 566, 534]
assert sum(M_MVEV) == 145 and min(M_MVEV) == 6 and max(M_MVEV) == 19
assert sum(1 for v in M_MV if v < 0.78) == 5
assert min(M_SYS) == 0.806 and max(M_SYS) == 0.852
assert sum(M_ALERTS) == 6477


def table_a2() -> str:
    """Table A2: monthly AUROC per hospital, MV events and alert counts; MV months below 0.78 marked a."""
    rows = []
    for i, m in enumerate(MONTHS):
        mv = f"{M_MV[i]:.3f}" + ("<sup>a</sup>" if M_MV[i] < 0.78 else "")
        rows.append(
            f'<tr><td class="l">{m}</td><td>{M_WG[i]:.3f}</td><td>{M_SA[i]:.3f}</td><td>{M_EB[i]:.3f}</td>'
            f"<td>{mv}</td><td>{M_SYS[i]:.3f}</td><td>{M_MVEV[i]}</td><td>{M_ALERTS[i]}</td></tr>"
        )
    return (
        """<div class="tbl">
<div class="cap"><b>Table A2.</b> Monthly WEDS AUROC by hospital, monthly outcome events at MV and system-wide high-risk alert counts, March 2023 – February 2024.</div>
<table class="ta2"><thead><tr><th class="l">Month</th><th>WG</th><th>SA</th><th>EB</th><th>MV</th><th>System-wide</th><th>MV outcome events, n</th><th>System-wide alerts, n</th></tr></thead><tbody>
"""
        + "\n".join(rows)
        + """
</tbody></table>
<div class="tnote"><sup>a</sup> Below the AUROC level of 0.78 used for the system-wide review trigger (the trigger was not applied to individual hospitals during the study). The scoring service was unavailable for 19 hours on 14 October 2023 during an interface engine upgrade.</div>
</div>
"""
    )


APPENDIX = (
    """<div class="appendix">
<h2>Appendix</h2>
<div class="tbl">
<div class="cap"><b>Table A1.</b> The 41 WEDS predictors, by domain.</div>
<table class="ta"><thead><tr><th class="l">Domain (n)</th><th class="l">Predictors</th></tr></thead><tbody>
<tr><td class="l">Vital signs (12)</td><td class="l">Respiratory rate; heart rate; systolic blood pressure; diastolic blood pressure; mean arterial pressure; temperature; oxygen saturation; supplemental oxygen flow rate; oxygen delivery device; 6-hour change in respiratory rate; 6-hour change in heart rate; 6-hour change in systolic blood pressure</td></tr>
<tr><td class="l">Laboratory results (17)</td><td class="l">Lactate; creatinine; urea; leucocyte count; haemoglobin; platelet count; sodium; potassium; chloride; bicarbonate; glucose; total bilirubin; albumin; troponin; C-reactive protein; anion gap; 24-hour change in creatinine</td></tr>
<tr><td class="l">Nursing assessments (7)</td><td class="l">Level of consciousness (ACVPU); nursing concern flag; Braden pressure-injury score; pain score; urine output in previous 8 hours; fall-risk score; mobility status</td></tr>
<tr><td class="l">Demographic and encounter (3)</td><td class="l">Age; hours since ward arrival; admitting service (medical or surgical)</td></tr>
<tr><td class="l">Treatment indicators (2)</td><td class="l">New vasoactive medication order; new high-flow nasal oxygen or non-invasive ventilation order</td></tr>
</tbody></table>
<div class="tnote">ACVPU, alert, new confusion, voice, pain, unresponsive. Laboratory values are carried forward for up to 48 hours; missing values are imputed as normal with a missingness indicator (see Section 2.4).</div>
</div>
"""
    + table_a2()
    + """
</div>
"""
)
