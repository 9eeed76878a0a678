"""Build three FICTIONAL vendor model-facts PDFs (inpatient sepsis early-warning models) with fpdf2:
two editions of one vendor's Tidemark model and a competitor's Sentrix, near-identical in layout.

Deterministic: fixed creation dates, fixed content, no randomness. `build.py` calls `build_all`.

All vendor names, product names, hospitals, people, clearance numbers, e-mail addresses and
phone numbers in these documents are invented for test purposes.
"""

import os
from datetime import UTC, datetime
from pathlib import Path

import fpdf
from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode, XPos, YPos

FONT_DIR = "/usr/share/fonts/truetype/dejavu"

BULLET = "\u2022"
NDASH = "\u2013"
GE = "\u2265"
LE = "\u2264"
PM = "\u00b1"

FICTIONAL_NOTE = (
    "Note: all company, product, hospital and person names, regulatory clearance "
    "numbers, addresses and contact details in this document are fictional and were "
    "created for software testing. Any resemblance to real products is coincidental."
)

KEYFACTS_NOTE = (
    "1 Median time from the first alert to sepsis onset among correctly alerted "
    "encounters in the external validation cohort; see section 8."
)

# --------------------------------------------------------------------------------------------
# Card content
# --------------------------------------------------------------------------------------------

TIDEMARK_ADULT = {
    "stem": "Tidemark_Sepsis_Adult",
    "format": "Letter",
    "accent": (0, 84, 147),
    "doc_kind": "Model Facts",
    "vendor": "Bellwake Health Analytics, Inc.",
    "vendor_short": "Bellwake",
    "product": "Tidemark Sepsis Adult",
    "version": "4.1",
    "doc_code": "BHA-MF-TSA-041 Rev B",
    "doc_date": "14 March 2025",
    "created": datetime(2025, 3, 14, 9, 0, 0, tzinfo=UTC),
    "subtitle": "Inpatient sepsis early-warning model for adult medical and surgical wards",
    "summary": [
        ("Vendor", "Bellwake Health Analytics, Inc."),
        ("Product", "Tidemark Sepsis Adult"),
        ("Version", "4.1 (model build 4.1.0-2025.01)"),
        ("Release date", "3 February 2025"),
        (
            "Regulatory status",
            "FDA 510(k) cleared as clinical decision support software, clearance number K241877 (Class II)",
        ),
        ("Model type", "Gradient-boosted decision trees (412 trees) with hourly feature windows"),
        ("Predicted outcome", "Onset of sepsis (Sepsis-3 definition) within the next 12 hours"),
        ("Deployment", "Vendor-hosted cloud service; score written back to the EHR flowsheet"),
    ],
    "keyfacts_left": [
        ("Population", f"Adults {GE} 18 years on general medical and surgical wards"),
        ("Score range", "0 to 100 (higher = greater risk)"),
        ("Default alert threshold", f"Score {GE} 62 (Tier 1)"),
        ("Update frequency", "Every 15 minutes"),
    ],
    "keyfacts_right": [
        ("Discrimination", f"AUROC 0.84 {PM} 0.01 (external validation)"),
        ("Warning ahead of onset", "Median 5.8 h^1"),
        ("Alert volume", "3.1 alerts per 100 patient-days"),
        ("Validation size", "148,362 encounters, 4 hospitals"),
    ],
    "keyfacts_note": KEYFACTS_NOTE,
    "intended_use": (
        "Tidemark Sepsis Adult is a clinical decision support tool that estimates, for each adult "
        "inpatient on a general medical or surgical ward, the risk that the patient will meet "
        "Sepsis-3 criteria within the following 12 hours. The score is intended to prompt a "
        "timely bedside assessment by the care team. It does not diagnose sepsis, does not "
        "recommend a specific treatment, and is intended to be used alongside, not instead of, "
        "local escalation protocols such as NEWS2 or a modified early warning score."
    ),
    "intended_users": (
        "Ward registered nurses and charge nurses, rapid response (medical emergency) team nurses, "
        "hospitalists and covering physicians, and hospital sepsis coordinators who review "
        "alerts retrospectively. Users should complete the 20-minute Tidemark orientation module "
        "before receiving alerts."
    ),
    "out_of_scope": [
        "Patients younger than 18 years (use Tidemark Sepsis Paediatric where available).",
        "Patients in intensive care units, where continuous monitoring and different case-mix apply.",
        "Emergency department patients before an inpatient admission decision has been made.",
        "Obstetric patients: pregnant patients and patients up to 6 weeks postpartum.",
        "Patients on a comfort-care or end-of-life pathway.",
        "Use as the sole basis for starting, withholding or stopping antibiotics or IV fluids.",
    ],
    "out_of_scope_note": (
        "The score is suppressed (not displayed) for the first 6 hours after "
        "ward admission, when fewer than 6 hours of inpatient data exist."
    ),
    "inputs_caption": "Table 2. Input variables",
    "inputs": [
        ("Heart rate", "EHR vital-sign flowsheet", "Every 15 min (on new charting)"),
        ("Respiratory rate", "EHR vital-sign flowsheet", "Every 15 min (on new charting)"),
        ("Temperature", "EHR vital-sign flowsheet", "Every 15 min (on new charting)"),
        ("Systolic and mean arterial blood pressure", "EHR vital-sign flowsheet", "Every 15 min (on new charting)"),
        (
            "SpO\u2082 and supplemental oxygen (L/min or FiO\u2082)",
            "EHR respiratory flowsheet",
            "Every 15 min (on new charting)",
        ),
        ("Level of consciousness (AVPU / GCS)", "Nursing neurological assessment", "Each nursing assessment"),
        ("White blood cell count, platelets", "Laboratory information system", "On result"),
        ("Lactate", "Laboratory information system", "On result"),
        ("Creatinine, bilirubin", "Laboratory information system", "On result"),
        ("Blood culture order placed", "EHR order entry", "On order"),
        ("IV antibiotic order placed", "EHR order entry", "On order"),
        ("Age, sex", "Registration (ADT)", "Once, at admission"),
    ],
    "output": [
        "The model outputs a risk score from 0 to 100, displayed in a patient-list column and "
        "on the patient banner, with the three largest contributing factors.",
        f"Tier 1 alert: a score {GE} 62 sends a non-interruptive notification to the rapid "
        "response nurse and the patient's assigned nurse.",
        f"Tier 2 alert: a score {GE} 80 additionally pages the covering physician.",
        "After any alert, repeat alerts for the same patient are suppressed for 8 hours unless "
        "the score rises by 10 points or more.",
    ],
    "perf_caption": "Table 3. Performance in the external validation cohort (n = 148,362 encounters)",
    "perf_header": ["Metric", "Overall", f"18{NDASH}44 y", f"45{NDASH}64 y", f"{GE} 65 y", "Female", "Male"],
    "perf_rows": [
        (
            "AUROC (95% CI)",
            "0.84\n(0.83\u20130.85)",
            "0.86\n(0.84\u20130.88)",
            "0.85\n(0.84\u20130.86)",
            "0.81\n(0.80\u20130.82)",
            "0.84\n(0.83\u20130.85)",
            "0.83\n(0.82\u20130.85)",
        ),
        ("Sensitivity*", "71.2%", "66.0%", "70.4%", "74.9%", "70.1%", "72.3%"),
        ("Specificity*", "88.5%", "93.1%", "89.6%", "83.7%", "89.0%", "88.0%"),
        ("PPV* \u2020", "18.4%", "12.7%", "17.2%", "22.3%", "17.6%", "19.3%"),
        ("Alerts per 100 patient-days", "3.1", "1.8", "2.9", "4.6", "3.0", "3.3"),
        (
            "Median lead time, h (IQR) \u2021",
            "5.8\n(2.6\u201311.0)",
            "6.4\n(3.0\u201311.9)",
            "6.0\n(2.7\u201311.2)",
            "5.1\n(2.2\u20139.9)",
            "5.9\n(2.6\u201311.1)",
            "5.7\n(2.5\u201310.8)",
        ),
    ],
    "perf_col_widths": (46, 22, 22, 22, 22, 22, 22),
    "perf_footnotes": [
        f"* At the Tier 1 threshold (score {GE} 62), evaluated per encounter.",
        "\u2020 PPV = positive predictive value: proportion of alerted encounters that met "
        "Sepsis-3 criteria within 12 hours of the first alert.",
        "\u2021 Lead time = hours from the first Tier 1 alert to sepsis onset (time zero), among "
        "correctly alerted encounters.",
    ],
    "validation": [
        "Design: retrospective external validation at four hospitals in two US health systems "
        "that did not contribute development data: Kingsbridge Regional Medical Center, "
        "Larkmoor University Hospital, Larkmoor North Hospital and Denholt Community Hospital.",
        "Period: adult ward admissions from 1 January 2022 to 30 June 2023.",
        "Cohort: 148,362 encounters (97,510 unique patients); sepsis prevalence 6.4%. "
        "Sepsis-3 onset labels were derived electronically and checked by chart review on a 5% "
        "random sample (agreement \u03ba = 0.78).",
        "Prospective silent-mode run: 12 weeks at Kingsbridge Regional Medical Center "
        "(9,870 encounters), scores hidden from clinicians; AUROC 0.83.",
        "Development data: 2017\u20132021 admissions from three other hospitals (not listed).",
    ],
    "warning": (
        "Do not use the Tidemark score as the sole basis for starting or withholding "
        "antibiotics or IV fluids. A low score or the absence of an alert does not rule "
        "out sepsis; clinical judgement and local escalation protocols always take "
        "precedence."
    ),
    "risks": [
        (
            "Alert burden",
            "at the default threshold the model generates about 3.1 alerts per 100 "
            "patient-days; lowering the Tier 1 threshold to 55 roughly doubles alert "
            "volume and is not recommended without local review.",
        ),
        (
            "Clinician-suspicion signal",
            "blood culture and antibiotic orders are inputs, so the "
            "score can rise after clinicians already suspect sepsis; "
            "this may overstate the apparent lead time.",
        ),
        (
            "Chronic kidney disease",
            "specificity falls to 71% in patients with eGFR below "
            "30 mL/min/1.73 m\u00b2 because baseline creatinine is "
            "persistently abnormal.",
        ),
        (
            "Charting delays",
            "vital signs entered more than 60 minutes after measurement reduce lead time and may delay alerts.",
        ),
        (
            None,
            "Lactate is used only when ordered; the model does not impute lactate for "
            "patients who have never had it measured.",
        ),
        (
            None,
            "Performance has not been re-established after major EHR upgrades or changes to "
            "flowsheet build; sites must re-run the local silent-mode check afterwards.",
        ),
    ],
    "fairness": [
        "Performance was compared by age band, sex, self-reported race and ethnicity (Asian, "
        "Black, Hispanic or Latino, White, other or unknown) and primary payer (Medicaid vs. "
        "other).",
        "The largest gap in sensitivity between race and ethnicity groups was 4.1 percentage "
        "points (White 72.5% vs. Black 68.4%), inside the pre-specified tolerance of 5 "
        "percentage points. PPV ranged from 15.9% to 20.1% across these groups.",
        "Medicaid-insured encounters: AUROC 0.83 vs. 0.84 for all other payers.",
        "Patients aged 65 and over receive more alerts (4.6 per 100 patient-days) reflecting higher "
        "sepsis prevalence in this group (9.8%); no recalibration by age is applied.",
    ],
    "monitoring": [
        (
            "Input drift checks",
            "Monthly, automated; a population stability index above 0.20 on any input triggers a review by Bellwake.",
        ),
        ("Performance review", "Quarterly, using locally adjudicated sepsis cases supplied by the customer site."),
        ("Retraining", "Annually, or sooner if AUROC falls by more than 0.03 from the validation baseline."),
        ("Who to notify", "The site's designated Clinical AI Lead and the Bellwake Clinical Safety Office."),
        (
            "Incident reporting",
            "Suspected patient-safety incidents involving the model must be "
            "reported to Bellwake within 72 hours of discovery.",
        ),
        ("Change notice", "Customers receive written notice at least 30 days before a new model version is deployed."),
    ],
    "contact": [
        "Bellwake Health Analytics, Inc., Clinical Safety Office",
        "1180 Harbor Loop, Suite 300, Milwaukee, WI 53202, USA",
        "E-mail: clinicalsafety@bellwake-health.example   Phone: +1 (414) 555-0176",
        "Product owner: Dr. Imogen Vale, Chief Medical Informatics Officer",
    ],
}

TIDEMARK_PAED = {
    "stem": "Tidemark_Sepsis_Paediatric",
    "format": "Letter",
    "accent": (0, 84, 147),
    "doc_kind": "Model Facts",
    "vendor": "Bellwake Health Analytics, Inc.",
    "vendor_short": "Bellwake",
    "product": "Tidemark Sepsis Paediatric",
    "version": "1.3",
    "doc_code": "BHA-MF-TSP-013 Rev A",
    "doc_date": "2 June 2025",
    "created": datetime(2025, 6, 2, 9, 0, 0, tzinfo=UTC),
    "subtitle": "Inpatient sepsis early-warning model for general paediatric wards",
    "summary": [
        ("Vendor", "Bellwake Health Analytics, Inc."),
        ("Product", "Tidemark Sepsis Paediatric"),
        ("Version", "1.3 (model build 1.3.2-2025.04)"),
        ("Release date", "12 May 2025"),
        (
            "Regulatory status",
            "FDA 510(k) cleared as clinical decision support software, clearance number K250392 (Class II)",
        ),
        ("Model type", "Gradient-boosted decision trees (268 trees) with age-specific vital-sign features"),
        ("Predicted outcome", f"Onset of sepsis (Phoenix Sepsis Score {GE} 2) within the next 8 hours"),
        ("Deployment", "Vendor-hosted cloud service; score written back to the EHR flowsheet"),
    ],
    "keyfacts_left": [
        ("Population", "Children aged 30 days to 17 years on general paediatric wards"),
        ("Score range", "0 to 100 (higher = greater risk)"),
        ("Default alert threshold", f"Score {GE} 55"),
        ("Update frequency", "Every 30 minutes"),
    ],
    "keyfacts_right": [
        ("Discrimination", f"AUROC 0.81 {PM} 0.02 (external validation)"),
        ("Warning ahead of onset", "Median 4.3 h^1"),
        ("Alert volume", "2.4 alerts per 100 patient-days"),
        ("Validation size", "41,207 encounters, 3 hospitals"),
    ],
    "keyfacts_note": KEYFACTS_NOTE,
    "intended_use": (
        "Tidemark Sepsis Paediatric is a clinical decision support tool that estimates, for each "
        "child admitted to a general paediatric ward, the risk that the child will develop sepsis, "
        f"defined as a Phoenix Sepsis Score of {GE} 2, within the following 8 hours. Vital signs "
        "are interpreted against age-specific reference ranges. The score is intended to prompt a "
        "bedside review by the paediatric team and does not diagnose sepsis or recommend a "
        "treatment. It supplements, and does not replace, the hospital's paediatric early warning "
        "score (PEWS)."
    ),
    "intended_users": (
        "Paediatric ward nurses and nurse-in-charge, paediatric rapid response team members, "
        "paediatric hospitalists and residents, and the paediatric sepsis quality lead. Users "
        "should complete the 25-minute Tidemark Paediatric orientation module before receiving "
        "alerts."
    ),
    "out_of_scope": [
        "Neonates younger than 30 days and any infant in a neonatal unit.",
        "Patients in the paediatric intensive care unit (PICU) or receiving ECMO.",
        "Children who received chemotherapy in the previous 14 days (use the local febrile neutropenia pathway).",
        "Adults aged 18 years or older, including young adults on paediatric wards.",
        "Children on a palliative or end-of-life care plan.",
        "Use as the sole basis for starting, withholding or stopping antibiotics or fluid boluses.",
    ],
    "out_of_scope_note": (
        "The score is suppressed (not displayed) until a weight and at least "
        "two complete sets of vital signs have been recorded."
    ),
    "inputs_caption": "Table 2. Input variables",
    "inputs": [
        ("Heart rate (age-adjusted z-score)", "EHR vital-sign flowsheet", "Every 30 min (on new charting)"),
        ("Respiratory rate (age-adjusted z-score)", "EHR vital-sign flowsheet", "Every 30 min (on new charting)"),
        ("Temperature", "EHR vital-sign flowsheet", "Every 30 min (on new charting)"),
        ("Systolic blood pressure (age-adjusted)", "EHR vital-sign flowsheet", "Every 30 min (on new charting)"),
        ("SpO\u2082 and oxygen therapy", "EHR respiratory flowsheet", "Every 30 min (on new charting)"),
        ("Capillary refill time", "Nursing assessment (PEWS)", "Each PEWS assessment"),
        ("AVPU level of consciousness", "Nursing assessment (PEWS)", "Each PEWS assessment"),
        ("White blood cell count, platelets, CRP", "Laboratory information system", "On result"),
        ("Lactate", "Laboratory information system", "On result"),
        ("Weight", "EHR anthropometrics", "On entry; last value within 30 days"),
        ("Age in months, sex", "Registration (ADT)", "Once, at admission"),
    ],
    "output": [
        "The model outputs a risk score from 0 to 100, displayed in a patient-list column and "
        "on the patient banner, with the three largest contributing factors.",
        f"Alert: a score {GE} 55 sends a notification to the patient's nurse and the paediatric "
        "rapid response team; there is no separate physician-paging tier in this edition.",
        "After any alert, repeat alerts for the same patient are suppressed for 6 hours unless "
        "the score rises by 10 points or more.",
    ],
    "perf_caption": "Table 3. Performance in the external validation cohort (n = 41,207 encounters)",
    "perf_header": ["Metric", "Overall", f"1{NDASH}11 months", f"1{NDASH}4 y", f"5{NDASH}11 y", f"12{NDASH}17 y"],
    "perf_rows": [
        (
            "AUROC (95% CI)",
            "0.81\n(0.79\u20130.83)",
            "0.76\n(0.71\u20130.81)",
            "0.80\n(0.77\u20130.83)",
            "0.83\n(0.80\u20130.86)",
            "0.84\n(0.81\u20130.87)",
        ),
        ("Sensitivity*", "68.5%", "61.2%", "67.8%", "70.9%", "72.6%"),
        ("Specificity*", "90.2%", "86.4%", "89.5%", "91.7%", "92.3%"),
        ("PPV* \u2020", "9.6%", "7.1%", "9.0%", "10.4%", "12.8%"),
        ("Alerts per 100 patient-days", "2.4", "3.5", "2.7", "1.9", "1.6"),
        (
            "Median lead time, h (IQR) \u2021",
            "4.3\n(1.9\u20138.2)",
            "3.1\n(1.2\u20136.0)",
            "4.0\n(1.8\u20137.9)",
            "4.6\n(2.2\u20138.8)",
            "4.9\n(2.4\u20139.1)",
        ),
    ],
    "perf_col_widths": (50, 25, 25, 25, 25, 25),
    "perf_footnotes": [
        f"* At the default threshold (score {GE} 55), evaluated per encounter.",
        "\u2020 PPV = positive predictive value: proportion of alerted encounters that reached a "
        f"Phoenix Sepsis Score {GE} 2 within 8 hours of the first alert.",
        "\u2021 Lead time = hours from the first alert to sepsis onset, among correctly alerted encounters.",
    ],
    "validation": [
        "Design: retrospective external validation at three freestanding children's hospitals "
        "that did not contribute development data: Carrow Children's Hospital, Merrin Children's "
        "Medical Center and Redfern Children's Hospital.",
        "Period: general-ward admissions from 1 January 2021 to 31 December 2023.",
        "Cohort: 41,207 encounters (29,884 unique patients); sepsis prevalence 2.9%. Phoenix "
        "criteria were computed electronically and confirmed by chart review on a 10% random "
        "sample (agreement \u03ba = 0.81).",
        "Prospective silent-mode run: 16 weeks at Merrin Children's Medical Center "
        "(3,412 encounters), scores hidden from clinicians; AUROC 0.80.",
        "Development data: 2016\u20132020 admissions from two other children's hospitals (not listed).",
    ],
    "warning": (
        "Do not use the Tidemark Paediatric score as the sole basis for starting or "
        "withholding antibiotics or fluid boluses. A low score does not rule out sepsis, "
        "especially in infants under 1 year, in whom the model is least accurate."
    ),
    "risks": [
        (
            "Infants",
            "discrimination is lowest in infants aged 1 to 11 months (AUROC 0.76) and "
            "these infants also generate the most alerts per patient-day.",
        ),
        (
            "Congenital heart disease",
            "children with cyanotic congenital heart disease have "
            "chronically low SpO\u2082 and may generate false alerts; "
            "consider a documented individual target range.",
        ),
        (
            "Missing weight",
            "the score is not produced until a weight is recorded, which can delay the first score after admission.",
        ),
        (
            None,
            "Capillary refill time is recorded inconsistently between units; units that do "
            "not chart it with each PEWS assessment may see reduced sensitivity.",
        ),
        (
            None,
            "Performance has not been re-established after major EHR upgrades or changes to "
            "flowsheet build; sites must re-run the local silent-mode check afterwards.",
        ),
    ],
    "fairness": [
        "Performance was compared by age band, sex, self-reported race and ethnicity, and the "
        "family's preferred language (English vs. a language other than English).",
        "AUROC was 0.81 for girls and 0.80 for boys.",
        "Sensitivity was 63.0% for children whose family's preferred language was not English, "
        "compared with 69.4% for English-speaking families: a gap of 6.4 percentage points, which "
        "exceeds the pre-specified tolerance of 5 percentage points. Bellwake is investigating "
        "delayed charting of interpreter-mediated assessments as a cause; until resolved, sites "
        "are asked to review alerts for these children at each nursing handover.",
        "No race or ethnicity group differed from the overall sensitivity by more than 3.0 percentage points.",
    ],
    "monitoring": [
        (
            "Input drift checks",
            "Monthly, automated; a population stability index above 0.20 on any input triggers a review by Bellwake.",
        ),
        ("Performance review", "Every 6 months, using locally adjudicated sepsis cases supplied by the customer site."),
        ("Retraining", "Every 18 months, or sooner if AUROC falls by more than 0.03 from the validation baseline."),
        (
            "Who to notify",
            "The site's designated Clinical AI Lead, the paediatric sepsis quality "
            "lead and the Bellwake Clinical Safety Office.",
        ),
        (
            "Incident reporting",
            "Suspected patient-safety incidents involving the model must be "
            "reported to Bellwake within 72 hours of discovery.",
        ),
        ("Change notice", "Customers receive written notice at least 30 days before a new model version is deployed."),
    ],
    "contact": [
        "Bellwake Health Analytics, Inc., Clinical Safety Office",
        "1180 Harbor Loop, Suite 300, Milwaukee, WI 53202, USA",
        "E-mail: peds-safety@bellwake-health.example   Phone: +1 (414) 555-0189",
        "Product owner: Dr. Tomas Brennick, Paediatric Informatics Director",
    ],
}

SENTRIX = {
    "stem": "Sentrix_Sepsis_Early_Warning",
    "format": "A4",
    "accent": (120, 36, 64),
    "doc_kind": "Model Facts",
    "vendor": "Norrow Clinical Intelligence, Inc.",
    "vendor_short": "Norrow",
    "product": "Sentrix Sepsis Early Warning",
    "version": "2.6",
    "doc_code": "NCI-DS-0261",
    "doc_date": "20 November 2024",
    "created": datetime(2024, 11, 20, 9, 0, 0, tzinfo=UTC),
    "subtitle": "Deep-learning sepsis early-warning model for adult inpatients",
    "summary": [
        ("Vendor", "Norrow Clinical Intelligence, Inc."),
        ("Product", "Sentrix Sepsis Early Warning (\u201cSentrix\u201d)"),
        ("Version", "2.6"),
        ("Release date", "9 October 2024"),
        (
            "Regulatory status",
            "FDA 510(k) cleared, clearance number K233954 (Class II); "
            "version 2.6 covered under the cleared predetermined change "
            "control plan",
        ),
        ("Model type", "Recurrent neural network (long short-term memory) over time-stamped EHR events"),
        ("Predicted outcome", "Onset of sepsis (Sepsis-3 definition) within the next 6 hours"),
        ("Deployment", "On-premises inference server inside the hospital network"),
    ],
    "keyfacts_left": [
        ("Population", f"Adults {GE} 18 years on medical, surgical and step-down units"),
        ("Output", "Probability 0.00 to 1.00, shown as Low / Watchlist / High"),
        ("Default alert threshold", f"Probability {GE} 0.35 (High)"),
        ("Update frequency", "Every 5 minutes"),
    ],
    "keyfacts_right": [
        ("Discrimination", f"AUROC 0.87 {PM} 0.01 (external validation)"),
        ("Warning ahead of onset", "Median 3.9 h^1"),
        ("Alert volume", "5.2 alerts per 100 patient-days"),
        ("Validation size", "212,540 encounters, 6 hospitals"),
    ],
    "keyfacts_note": KEYFACTS_NOTE,
    "intended_use": (
        "Sentrix Sepsis Early Warning analyses the sequence of vital signs, laboratory results, "
        "nursing assessments and orders recorded for each adult inpatient and estimates the "
        "probability that the patient will meet Sepsis-3 criteria within the next 6 hours. It is "
        "intended to draw the attention of the care team to patients who may need an urgent "
        "sepsis evaluation. Sentrix is an adjunct to clinical assessment; it does not diagnose "
        "sepsis and does not direct treatment."
    ),
    "intended_users": (
        "Bedside nurses and nurse managers on adult medical, surgical and step-down units, "
        "rapid response teams, and attending physicians and advanced practice providers. A "
        "hospital-appointed Sentrix super-user on each unit is required during the first 90 days "
        "after go-live."
    ),
    "out_of_scope": [
        "Patients younger than 18 years.",
        "Patients in adult intensive care units or operating theatres.",
        "Emergency department boarding patients who have not yet been assigned an inpatient bed.",
        "Patients with a do-not-escalate or comfort-measures-only order.",
        "Pregnant patients (not represented in the development data).",
        "Autonomous ordering of sepsis bundles, antibiotics or fluids.",
    ],
    "out_of_scope_note": (
        "Patients transferred from another hospital have no prior history in "
        "the local record; Sentrix does not display a probability until 4 hours "
        "after arrival."
    ),
    "inputs_caption": "Table 2. Input variables (27 variables)",
    "inputs": [
        ("Heart rate", "Vital-sign flowsheet / device integration", "Every 5 min"),
        ("Respiratory rate", "Vital-sign flowsheet", "Every 5 min"),
        ("Temperature", "Vital-sign flowsheet", "Every 5 min"),
        ("Systolic blood pressure", "Vital-sign flowsheet / device integration", "Every 5 min"),
        ("Diastolic blood pressure", "Vital-sign flowsheet / device integration", "Every 5 min"),
        ("Mean arterial pressure", "Derived from systolic and diastolic pressure", "Every 5 min"),
        ("SpO\u2082", "Vital-sign flowsheet / device integration", "Every 5 min"),
        ("Oxygen delivery device and flow", "Respiratory flowsheet", "Every 5 min"),
        ("Shock index (heart rate / systolic pressure)", "Derived", "Every 5 min"),
        ("Glasgow Coma Scale", "Nursing neurological assessment", "Each assessment"),
        ("Urine output (mL/kg/h)", "Intake and output flowsheet", "Hourly aggregation"),
        ("White blood cell count", "Laboratory information system", "On result"),
        ("Platelet count", "Laboratory information system", "On result"),
        ("Lactate", "Laboratory information system", "On result"),
        ("Creatinine", "Laboratory information system", "On result"),
        ("Total bilirubin", "Laboratory information system", "On result"),
        ("Serum sodium", "Laboratory information system", "On result"),
        (
            "Blood glucose (laboratory or point-of-care)",
            "Laboratory information system /\npoint-of-care meters",
            "On result",
        ),
        ("Procalcitonin", "Laboratory information system\n(if available at the site)", "On result"),
        ("Blood culture order", "Order entry", "On order"),
        ("Antibiotic administration", "Medication administration record (MAR)", "On administration"),
        ("Vasopressor administration", "Medication administration record (MAR)", "On administration"),
        ("Beta-blocker on active medication list", "Medication list", "Every 24 h"),
        ("Central venous catheter in place", "Lines and drains documentation", "Each nursing assessment"),
        ("Urinary catheter in place", "Lines and drains documentation", "Each nursing assessment"),
        ("Age", "Registration (ADT)", "Once, at admission"),
        ("Admitting service (medical / surgical)", "Registration (ADT)", "On admission and transfer"),
    ],
    "output": [
        "Sentrix outputs a probability between 0.00 and 1.00 that is grouped into three bands "
        "for display: Low, Watchlist and High.",
        "Watchlist: a passive, non-interruptive list on the unit dashboard showing patients "
        "whose probability is between 0.20 and 0.35; no page or pop-up is generated.",
        f"High: a probability {GE} 0.35 fires an interruptive alert to the assigned nurse and "
        "the rapid response team, with a suggested sepsis screening checklist.",
        "After a High alert, further High alerts for the same patient are suppressed for 12 hours.",
    ],
    "perf_caption": "Table 3. Performance in the external validation cohort (n = 212,540 encounters)",
    "perf_header": ["Metric", "Overall", "Academic sites (3)", "Community sites (3)", f"Age {GE} 65", "Female", "Male"],
    "perf_rows": [
        (
            f"AUROC ({PM} SD)\u00a7",
            f"0.87 {PM} 0.01",
            f"0.88 {PM} 0.01",
            f"0.85 {PM} 0.02",
            f"0.84 {PM} 0.01",
            f"0.87 {PM} 0.01",
            f"0.86 {PM} 0.01",
        ),
        ("Sensitivity*", "76.3%", "78.0%", "73.1%", "79.4%", "75.2%", "77.5%"),
        ("Specificity*", "85.9%", "86.8%", "84.2%", "80.6%", "86.4%", "85.3%"),
        ("PPV* \u2020", "14.1%", "15.0%", "12.2%", "17.8%", "13.6%", "14.7%"),
        ("Alerts per 100 patient-days", "5.2", "4.9", "5.8", "7.0", "5.0", "5.4"),
        ("Median lead time, h \u2021", "3.9", "4.2", "3.4", "3.6", "3.9", "3.8"),
    ],
    "perf_col_widths": (40, 20, 24, 24, 20, 18, 18),
    "perf_footnotes": [
        f"* At the High threshold (probability {GE} 0.35), evaluated per encounter.",
        "\u2020 PPV = positive predictive value: proportion of High alerts followed by sepsis onset within 6 hours.",
        "\u2021 Lead time = hours from the first High alert to sepsis onset, among correctly alerted encounters.",
        "\u00a7 Standard deviation over 200 bootstrap resamples.",
    ],
    "validation": [
        "Design: retrospective external validation in two US health systems that did not "
        "contribute development data: Calloway Health (three academic hospitals) and Ostby "
        "Valley Health (three community hospitals).",
        "Period: adult inpatient admissions from 1 March 2021 to 28 February 2023.",
        "Cohort: 212,540 encounters (151,077 unique patients); sepsis prevalence 5.1%. "
        "Sepsis-3 onset labels were derived electronically; no manual chart review was "
        "performed for this validation.",
        "Temporal hold-out: model trained on 2016\u20132020 data was also tested on 2021 data from "
        "the development hospitals (AUROC 0.88).",
        "No prospective silent-mode evaluation has been performed for version 2.6.",
    ],
    "warning": (
        "Sentrix must not be used to order or withhold sepsis treatment automatically. "
        "A Low or Watchlist probability does not exclude sepsis. Patients taking "
        "beta-blockers may not show the heart-rate rise the model relies on."
    ),
    "risks": [
        (
            "Beta-blockers",
            "in patients with an active beta-blocker prescription, sensitivity is "
            "8 percentage points lower (68.1%) because the heart-rate response is "
            "blunted.",
        ),
        (
            "Community sites",
            "lower sensitivity at community hospitals (73.1%) is attributed to less frequent lactate testing.",
        ),
        (
            "Explanations",
            "the per-patient contributing-factor display is an approximation "
            "derived from SHAP values and may not reflect the network's actual "
            "reasoning.",
        ),
        ("Transfers", "no probability is displayed for the first 4 hours after an inter-hospital transfer."),
        (None, "Alert volume is highest in patients aged 65 and over (7.0 per 100 patient-days)."),
        (
            None,
            "Device-integrated vital signs are captured every 5 minutes; units that rely on "
            "manual charting will see longer effective update intervals.",
        ),
    ],
    "fairness": [
        "Subgroup analyses covered sex, age, self-reported race and ethnicity, and site type (academic vs. community).",
        "The maximum equalized-odds difference across race and ethnicity groups was 0.04; the "
        "pre-specified tolerance was 0.05.",
        "The largest subgroup difference observed was by site type (sensitivity 78.0% academic "
        "vs. 73.1% community) rather than by patient demographics.",
        "Female and male patients had AUROC of 0.87 and 0.86 respectively.",
    ],
    "monitoring": [
        ("Input drift checks", "Weekly, automated, reported on the customer monitoring dashboard."),
        ("Performance review", "Monthly dashboard of alert rates and PPV; full performance review annually."),
        ("Retraining", "Every 6 months on pooled customer data, released under the predetermined change control plan."),
        ("Who to notify", "The Norrow Customer Safety Desk and the hospital's AI governance committee chair."),
        (
            "Incident reporting",
            "Suspected patient-safety incidents involving Sentrix must be "
            "reported to Norrow within 48 hours of discovery.",
        ),
        ("Change notice", "Customers receive notice at least 14 days before a retrained model is deployed."),
    ],
    "contact": [
        "Norrow Clinical Intelligence, Inc., Customer Safety Desk",
        "77 Kettle Street, Floor 9, Providence, RI 02903, USA",
        "E-mail: safetydesk@norrow-ci.example   Phone: +1 (401) 555-0112",
        "Clinical lead: Dr. Amara Okonjo, Vice President, Clinical Science",
    ],
}

CARDS = [TIDEMARK_ADULT, TIDEMARK_PAED, SENTRIX]

# --------------------------------------------------------------------------------------------
# Renderer
# --------------------------------------------------------------------------------------------


class CardPDF(FPDF):
    def __init__(self, card):
        super().__init__(orientation="P", unit="mm", format=card["format"])
        self.card = card
        self.set_margins(18, 22, 18)
        self.set_auto_page_break(True, margin=20)
        for style, fn in (
            ("", "DejaVuSans.ttf"),
            ("B", "DejaVuSans-Bold.ttf"),
            ("I", "DejaVuSans-Oblique.ttf"),
            ("BI", "DejaVuSans-BoldOblique.ttf"),
        ):
            self.add_font("DejaVu", style, os.path.join(FONT_DIR, fn))
        self.set_creation_date(card["created"])
        self.set_title(f"{card['product']} {card['version']} \u2013 {card['doc_kind']}")
        self.set_author(card["vendor"])
        self.set_creator("build_cards.py")
        self.set_producer(f"PyFPDF/fpdf{fpdf.__version__}")
        self.set_lang("en-US")
        self.sec_no = 0

    # page furniture -------------------------------------------------------------------------
    def header(self):
        c = self.card
        self.set_y(9)
        self.set_font("DejaVu", "B", 8)
        self.set_text_color(*c["accent"])
        self.cell(0, 5, c["vendor"], new_x=XPos.LMARGIN)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(
            0,
            5,
            f"{c['product']} \u00b7 Version {c['version']} \u00b7 {c['doc_kind']}",
            align="R",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_draw_color(*c["accent"])
        self.set_line_width(0.4)
        self.line(self.l_margin, 15, self.w - self.r_margin, 15)
        self.set_text_color(0, 0, 0)
        self.set_y(20)

    def footer(self):
        c = self.card
        self.set_y(-14)
        self.set_draw_color(180, 180, 180)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"{c['doc_code']} \u00b7 Issued {c['doc_date']}", new_x=XPos.LMARGIN)
        self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)

    # building blocks ------------------------------------------------------------------------
    @property
    def epw_(self):
        return self.w - self.l_margin - self.r_margin

    def section(self, title, keep=18):
        self.sec_no += 1
        if self.will_page_break(keep):
            self.add_page()
        self.ln(3)
        self.set_font("DejaVu", "B", 11.5)
        self.set_text_color(*self.card["accent"])
        self.cell(0, 7, f"{self.sec_no}  {title}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(0.5)

    def para(self, text, size=9.5, align="J"):
        self.set_font("DejaVu", "", size)
        self.multi_cell(0, 4.8, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.2)

    def bullets(self, items, size=9.5, indent=4):
        """items: list of str, or (lead_in or None, text) tuples."""
        self.set_font("DejaVu", "", size)
        for it in items:
            lead, text = it if isinstance(it, tuple) else (None, it)
            body = f"**{lead}:** {text}" if lead else text
            h = self.multi_cell(self.epw_ - indent - 4, 4.8, body, markdown=True, dry_run=True, output="HEIGHT")
            if self.will_page_break(h):
                self.add_page()
            x0 = self.l_margin + indent
            self.set_x(x0)
            self.set_font("DejaVu", "", size)
            self.cell(4, 4.8, BULLET)
            self.multi_cell(
                self.epw_ - indent - 4, 4.8, body, markdown=True, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            self.ln(0.8)

    def summary_table(self):
        c = self.card
        self.set_font("DejaVu", "", 9)
        with self.table(
            col_widths=(42, self.epw_ - 42),
            first_row_as_headings=False,
            line_height=5,
            text_align=("LEFT", "LEFT"),
            borders_layout="HORIZONTAL_LINES",
            cell_fill_color=(238, 242, 247),
            cell_fill_mode=TableCellFillMode.EVEN_ROWS,
            padding=(1.2, 2),
        ) as t:
            for k, v in c["summary"]:
                r = t.row()
                r.cell(k, style=FontFace(emphasis="BOLD"))
                r.cell(v)
        self.ln(1.5)
        self.set_font("DejaVu", "I", 7.8)
        self.set_text_color(110, 30, 30)
        self.multi_cell(0, 3.8, FICTIONAL_NOTE, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)

    def keyfacts(self):
        """Two columns of label/value facts inside a light box."""
        c = self.card
        gap = 6
        colw = (self.epw_ - gap) / 2
        y0 = self.get_y() + 1
        self.set_draw_color(*c["accent"])
        ys = []
        for i, facts in enumerate((c["keyfacts_left"], c["keyfacts_right"])):
            x = self.l_margin + i * (colw + gap)
            self.set_xy(x + 2, y0 + 2)
            for label, value in facts:
                self.set_x(x + 2)
                self.set_font("DejaVu", "B", 8)
                self.set_text_color(90, 90, 90)
                self.cell(colw - 4, 4, label.upper(), new_x=XPos.LEFT, new_y=YPos.NEXT)
                self.set_font("DejaVu", "", 9.5)
                self.set_text_color(0, 0, 0)
                if "^" in value:  # short value with a superscript footnote marker
                    value, mark = value.split("^")
                    xs = self.get_x()
                    self.cell(self.get_string_width(value) + 0.6, 4.6, value)
                    self.char_vpos = "SUP"
                    self.cell(3, 4.6, mark)
                    self.char_vpos = "LINE"
                    self.set_x(xs)
                    self.ln(4.6)
                    self.set_x(xs)
                else:
                    self.multi_cell(colw - 4, 4.6, value, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
                self.ln(1.2)
            ys.append(self.get_y())
        y1 = max(ys) + 1
        self.set_line_width(0.3)
        self.rect(self.l_margin, y0, colw, y1 - y0)
        self.rect(self.l_margin + colw + gap, y0, colw, y1 - y0)
        self.set_xy(self.l_margin, y1 + 1)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(80, 80, 80)
        note = c["keyfacts_note"]
        self.char_vpos = "SUP"
        self.cell(2.2, 3.6, note[0])
        self.char_vpos = "LINE"
        self.set_font("DejaVu", "", 7.5)
        self.multi_cell(0, 3.6, note[1:].strip(), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def data_table(self, caption, header, rows, col_widths, align, size=8.5):
        if self.will_page_break(30):  # keep caption with header and first rows
            self.add_page()
        self.set_font("DejaVu", "B", 9)
        self.cell(0, 6, caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", "", size)
        with self.table(
            col_widths=col_widths,
            width=sum(col_widths),
            align="LEFT",
            text_align=align,
            line_height=4.3,
            repeat_headings=1,
            headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=self.card["accent"]),
            cell_fill_color=(242, 242, 242),
            cell_fill_mode=TableCellFillMode.ROWS,
            padding=(1.2, 1.5),
            v_align="MIDDLE",
        ) as t:
            for row in [header] + list(rows):
                r = t.row()
                for cell in row:
                    r.cell(cell)

    def warning_box(self, text):
        self.set_font("DejaVu", "", 9.2)
        w = self.epw_ - 8
        h = self.multi_cell(w - 12, 4.7, text, dry_run=True, output="HEIGHT") + 12
        if self.will_page_break(h + 4):
            self.add_page()
        x, y = self.l_margin, self.get_y() + 1
        self.set_fill_color(255, 240, 204)
        self.set_draw_color(214, 120, 0)
        self.set_line_width(0.6)
        self.rect(x, y, self.epw_, h, style="DF")
        self.set_fill_color(214, 120, 0)
        self.rect(x, y, 2.5, h, style="F")
        self.set_xy(x + 7, y + 3)
        self.set_font("DejaVu", "B", 9.5)
        self.set_text_color(150, 70, 0)
        self.cell(0, 5, "\u26a0  WARNING", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font("DejaVu", "", 9.2)
        self.multi_cell(w - 6, 4.7, text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_y(y + h + 3)

    def monitoring_table(self, rows):
        self.set_font("DejaVu", "", 9)
        self.set_fill_color(255, 255, 255)
        self.set_draw_color(150, 150, 150)
        self.set_line_width(0.2)
        with self.table(
            col_widths=(40, self.epw_ - 40),
            first_row_as_headings=False,
            line_height=4.6,
            text_align=("LEFT", "JUSTIFY"),
            borders_layout="HORIZONTAL_LINES",
            padding=(1.2, 2),
        ) as t:
            for k, v in rows:
                r = t.row()
                r.cell(k, style=FontFace(emphasis="BOLD"))
                r.cell(v)


def build(card, out):
    pdf = CardPDF(card)
    pdf.add_page()
    # title block
    pdf.set_font("DejaVu", "B", 18)
    pdf.set_text_color(*card["accent"])
    pdf.cell(0, 9, f"{card['doc_kind']}: {card['product']}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 10.5)
    pdf.set_text_color(60, 60, 60)
    pdf.cell(0, 6, f"{card['subtitle']} \u2013 version {card['version']}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)

    pdf.section("Summary")
    pdf.summary_table()
    pdf.section("Key facts at a glance")
    pdf.keyfacts()
    pdf.section("Intended use")
    pdf.para(card["intended_use"])
    pdf.section("Intended users")
    pdf.para(card["intended_users"])
    pdf.section("Out-of-scope uses and contraindications")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.multi_cell(0, 4.8, f"{card['product']} must not be used for:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(0.8)
    pdf.bullets(card["out_of_scope"])
    pdf.set_font("DejaVu", "I", 9)
    pdf.multi_cell(0, 4.6, card["out_of_scope_note"], align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.section("Inputs", keep=45)
    pdf.data_table(
        card["inputs_caption"],
        ["Input variable", "Source", "Refresh frequency"],
        card["inputs"],
        (66, 62, pdf.epw_ - 128),
        ("LEFT", "LEFT", "LEFT"),
    )
    pdf.section("Output and alert threshold")
    pdf.bullets(card["output"])
    pdf.section("Performance", keep=50)
    n = len(card["perf_header"])
    pdf.data_table(
        card["perf_caption"],
        card["perf_header"],
        card["perf_rows"],
        card["perf_col_widths"],
        ("LEFT",) + ("CENTER",) * (n - 1),
        size=8.3,
    )
    pdf.ln(1)
    pdf.set_font("DejaVu", "", 7.5)
    for fn in card["perf_footnotes"]:
        pdf.multi_cell(0, 3.6, fn, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.section("Validation")
    pdf.bullets(card["validation"])
    pdf.section("Known risks and limitations", keep=45)
    pdf.warning_box(card["warning"])
    pdf.bullets(card["risks"])
    pdf.section("Fairness and bias assessment")
    for p in card["fairness"]:
        pdf.para(p)
    pdf.section("Monitoring and maintenance")
    pdf.monitoring_table(card["monitoring"])
    pdf.section("Contact")
    pdf.set_font("DejaVu", "", 9.5)
    for line in card["contact"]:
        pdf.cell(0, 5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, card["stem"] + ".pdf")
    pdf.output(path)
    return path, pdf.pages_count


def build_all(out):
    """The three cards' PDFs, built into the folder `out`."""
    return [Path(build(c, str(out))[0]) for c in CARDS]
