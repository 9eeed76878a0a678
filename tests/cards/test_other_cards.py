"""Cards that are not the three shared ones: a Word card filled in from CHAI's own template, and
a PDF card of a made-up vendor laid out differently (two columns, metrics in three columns
that run onto the next page, a blank field, a label left out)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from advisor.cards import CardFormat, Status, review_card
from advisor.ingest.chai import parse_chai_xml

from .conftest import card_path, xml

# template label -> card field (the labels as CHAI's v0.1 Word template prints them)
TEMPLATE_FIELDS = {
    "Name:": "ModelName",
    "Developer:": "ModelDeveloper",
    "Release Stage:": "ReleaseStage",
    "Release Date:": "ReleaseDate",
    "Version:": "ReleaseVersion",
    "Global Availability:": "GlobalAvailability",
    "Regulatory Approval, If applicable:": "RegulatoryApproval",
    "Summary:": "Summary",
    "Keywords:": "Keywords",
    "Intended use and workflow:": "IntendedUseAndWorkflow",
    "Primary intended users:": "PrimaryIntendedUsers",
    "How to use:": "HowToUse",
    "Targeted patient population:": "TargetedPatientPopulation",
    "Cautioned out-of-scope settings and use cases:": "CautionedOutOfScopeSettings",
    "Known risks and limitations:": "KnownRisksAndLimitations",
    "Known biases or ethical considerations:": "KnownBiasesOrEthicalConsiderations",
    "Clinical risk level:": "ClinicalRiskLevel",
    "Outcome(s) and output(s):": "OutcomesAndOutputs",
    "Model type:": "ModelType",
    "Foundation models used in application, if applicable:": "FoundationModels",
    "Input data source:": "InputDataSource",
    "Output/Input data type:": "OutputAndInputDataTypes",
    "Development data characterization:": "DevelopmentDataCharacterization",
    "Bias mitigation approaches:": "BiasMitigationApproaches",
    "Ongoing Maintenance:": "OngoingMaintenance",
    "Security and compliance environment practices or accreditations, if applicable:": "Security",
    "Transparency, Intelligibility, and Accountability mechanisms, if applicable:": "Transparency",
    "Funding source of the technical implementation:": "FundingSource",
    "3rd Party Information, If Applicable:": "ThirdPartyInformation",
    "Stakeholders consulted during design of intervention (e.g. patients, providers):": "StakeholdersConsulted",
    "Evaluation References, If Available:": "EvaluationReferences",
    "Clinical Trial, If Available:": "ClinicalTrial",
    "Peer Reviewed Publication(s):": "PeerReviewedPublications",
    "Reimbursement status, if applicable:": "ReimbursementStatus",
    "Patient consent or disclosure required or suggested:": "PatientConsentOrDisclosure",
}
PARTS = {
    "Goal of metric(s):": "MetricGoal",
    "Result:": "Results",
    "Interpretation:": "Interpretation",
    "Test Type:": "TestType",
    "Testing Data Description:": "TestingDataDescription",
    "Validation Process and Justification:": "ValidationProcessAndJustification",
}
GROUPS = ("UsefulnessUsabilityEfficacy", "FairnessEquity", "SafetyReliability")


def _fill(paragraph, values: dict[str, str]) -> None:
    text = paragraph.text
    labels = sorted((lb for lb in values if lb in text), key=len, reverse=True)
    if not labels:
        return
    for lb in labels:
        text = re.sub(re.escape(lb) + r"[ \t]*", lambda m, lb=lb: f"{lb} {values[lb]}    ", text, count=1)
    paragraph.text = text.rstrip()


def fill_template(template: Path, stem: str, out: Path) -> Path:
    """CHAI's Word template filled with one card's XML values, as a vendor would fill it."""
    card = parse_chai_xml(xml(stem))
    values = {lb: card.value(fid).replace("\n\n", "\n") for lb, fid in TEMPLATE_FIELDS.items()}
    d = docx.Document(str(template))
    outer = d.tables[0]
    for row in outer.rows:
        for cell in {id(c._tc): c for c in row.cells}.values():
            for p in cell.paragraphs:
                if p.text.startswith("abc@abc.com"):
                    p.text = card.value("DeveloperContact")
                else:
                    _fill(p, values)
            for nested in cell.tables:
                for nrow in nested.rows[1:]:
                    cells = list({id(c._tc): c for c in nrow.cells}.values())
                    per_group = len(cells) // 3
                    for j, c in enumerate(cells):
                        group = card.field(GROUPS[j // per_group])
                        parts = {p.id: p.text for p in group.parts}
                        _fill(c.paragraphs[0], {lb: parts.get(pid, "") for lb, pid in PARTS.items()})
    d.save(str(out))
    return out


@pytest.mark.parametrize("stem", ["Aidoc_BA-01", "OrbDoc_Voice-to-SOAP"])
def test_a_word_card_filled_from_chais_template_reads_like_its_xml(stem, tmp_path):
    card_docx = fill_template(card_path("v0.1-template.docx"), stem, tmp_path / f"{stem}.docx")
    from_docx, from_xml = review_card(card_docx), review_card(xml(stem))
    assert from_docx.card.format is CardFormat.DOCX and from_docx.model == from_xml.model
    differ = [
        (i.id, i.status.value, from_xml.item(i.id).status.value)
        for i in from_docx.items
        if i.status is not from_xml.item(i.id).status
    ]
    assert differ == []
    for item in from_docx.items:
        for e in item.evidence:
            assert e.page is None and e.quote in from_docx.card.text
    # the key-metrics table's columns are kept apart
    fair = from_docx.card.fields["FairnessEquity"]
    assert (
        " ".join(s.text for s in fair.parts["TestType"])
        == from_xml.card.fields["FairnessEquity"].parts["TestType"][0].text
    )


def test_the_blank_template_is_all_missing(tmp_path):
    rv = review_card(card_path("v0.1-template.docx"))
    assert {i.status for i in rv.items} == {Status.MISSING}
    assert rv.model == "" and len(rv.questions) >= 40 and any("for the model" in q.text for q in rv.questions)


LEFT = [
    (
        "Summary:",
        "SepsisGuard is a predictive model that scores adult inpatients every hour for risk of sepsis "
        "and alerts the rapid response nurse when the score crosses a threshold. It reads vital signs, "
        "laboratory results and nursing flowsheets from the EHR. The score supports, and does not "
        "replace, the clinical judgment of the care team.",
    ),
    ("Keywords:", "sepsis; early warning; deterioration; inpatient"),
]
RIGHT = [
    ("Uses and Directions:", ""),
    (
        "Intended use and workflow:",
        "Early identification of adult inpatients at risk of sepsis so that the rapid "
        "response nurse can assess them within one hour of an alert.",
    ),
    ("Primary intended users:", "Rapid response nurses and hospitalists."),
    (
        "How to use:",
        "The alert appears in the Epic storyboard; the nurse reviews the top contributing factors and "
        "documents an assessment.",
    ),
    ("Targeted patient population:", "Adults aged 18 and older admitted to medical and surgical wards."),
    (
        "Cautioned out-of-scope settings and use cases:",
        "Not validated in pediatrics, obstetrics or the emergency department; not for use in intensive care units.",
    ),
]
FULL = [
    ("Warnings", ""),
    (
        "Known risks and limitations:",
        "The model may miss sepsis in patients with few recorded vital signs, and false "
        "positive alerts rise in patients on vasopressors.",
    ),
    ("Known biases or ethical considerations:", "TBD"),
    ("Clinical risk level:", "Moderate"),
    ("Trust Ingredients", ""),
    ("Outcome(s) and output(s):", "An hourly risk score from 0 to 100 and an alert above 60."),
    ("Model type:", "Gradient-boosted decision trees."),
    ("Input data source:", "Vital signs, laboratory results and flowsheets from the EHR."),
    (
        "Output/Input data type:",
        "Structured EHR data in; a numeric score out. Age and sex are inputs; race and ethnicity are not.",
    ),
    (
        "Development data characterization:",
        "Trained on 212,000 admissions at 3 academic and 5 community hospitals "
        "from 2019 to 2023; 52% female, 18% Black, 11% Hispanic.",
    ),
    (
        "Bias mitigation approaches:",
        "Performance is checked by age group, sex, race and ethnicity before each release.",
    ),
    (
        "Ongoing Maintenance:",
        "Performance and calibration are monitored monthly at each site; the model is "
        "retrained annually, and problems found are corrected within 30 days.",
    ),
    ("Funding source of the technical implementation:", ""),
    (
        "Stakeholders consulted during design of intervention (e.g. patients, providers):",
        "Nurses, hospitalists and a patient advisory council.",
    ),
]
METRICS = {
    "Usefulness, Usability, and Efficacy": [
        ("Goal of metric:", "Discrimination and early warning on external data."),
        ("Result:", "AUROC 0.84 (95% CI 0.82-0.86); sensitivity 78% at the alert threshold."),
        ("Interpretation:", "Alerts came a median of 4.1 hours before antibiotics were given."),
        ("Test Type:", "Retrospective external validation at 4 community hospitals."),
        ("Testing Data Description:", "41,300 admissions from 2024; 51% female, 21% Black."),
        ("Validation Process and Justification:", "Sepsis-3 criteria applied by chart review as ground truth."),
    ],
    "Fairness and Equity": [
        ("Goal of metric:", "Compare performance across patient groups."),
        ("Result:", "AUROC was 0.83 for Black patients and 0.84 for White patients, 0.85 for women and 0.83 for men."),
        ("Interpretation:", "No group differed by more than 0.02."),
        ("Test Type:", "Retrospective external validation at 4 community hospitals."),
        ("Testing Data Description:", "Same data as the efficacy study."),
        ("Validation Process and Justification:", "Bootstrap intervals for each group."),
    ],
    "Safety and Reliability": [
        ("Goal of metric:", "Alert burden."),
        ("Result:", "2.1 alerts per 100 patient-days."),
        ("Interpretation:", "Acceptable to the nursing staff in the pilot."),
        ("Test Type:", "Prospective silent pilot at one hospital."),
        ("Testing Data Description:", "3 months of admissions."),
        ("Validation Process and Justification:", "Reviewed by the sepsis committee."),
    ],
}


class _Card(FPDF):
    def block(self, x: float, w: float, items: list[tuple[str, str]]) -> None:
        for label, value in items:
            self.set_x(x)
            self.multi_cell(w, 11, f"{label} {value}".strip(), new_x="LEFT", new_y="NEXT")
            self.ln(3)


def make_sepsis_card(path: Path) -> Path:
    pdf = _Card(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.set_xy(40, 40)
    pdf.cell(0, 16, "Acme Health AI - Applied Model Card")
    pdf.set_font("Helvetica", size=9)
    pdf.set_xy(40, 70)
    pdf.block(
        40,
        530,
        [
            ("Name:", "SepsisGuard 3"),
            ("Developer:", "Acme Health AI"),
            ("Inquiries or to report an issue:", "safety@acme-health.example"),
            ("Release Stage:", "Pilot"),
            ("Release Date:", "March 2026"),
            ("Version:", "3.1"),
            ("Global Availability:", "United States"),
            ("Regulatory Approval:", "Not a medical device: non-device clinical decision support."),
        ],
    )
    top = pdf.get_y() + 6
    pdf.set_xy(40, top)
    pdf.block(40, 250, LEFT)
    pdf.set_xy(320, top)
    pdf.block(320, 250, RIGHT)
    pdf.set_xy(40, max(pdf.get_y(), 470))
    pdf.block(40, 530, FULL[:7])
    pdf.add_page()  # the AI system facts continue, then the metrics in three columns
    pdf.set_xy(40, 40)
    pdf.block(40, 530, FULL[7:])
    pdf.block(40, 530, [("Key Metrics", "")])
    top = pdf.get_y()
    for i, (head, rows) in enumerate(METRICS.items()):
        x = 40 + i * 180
        pdf.set_xy(x, top)
        pdf.block(x, 165, [(head, "")] + rows[:4])
    pdf.add_page()  # the columns' last parts run onto page 3
    for i, rows in enumerate(METRICS.values()):
        x = 40 + i * 180
        pdf.set_xy(x, 40)
        pdf.block(x, 165, rows[4:])
    pdf.set_xy(40, 220)
    pdf.block(40, 530, [("Resources", ""), ("Peer Reviewed Publication(s):", "Smith et al. 2025, JAMA Netw Open.")])
    pdf.output(str(path))
    return path


def test_a_pdf_card_laid_out_differently(tmp_path):
    rv = review_card(make_sepsis_card(tmp_path / "sepsisguard.pdf"))
    assert (rv.model, rv.developer) == ("SepsisGuard 3", "Acme Health AI")
    status = {i.id: i.status for i in rv.items}
    # filled fields are found, on their pages, in their columns
    for fid, page in (
        ("Summary", 1),
        ("HowToUse", 1),
        ("ModelType", 1),
        ("DevelopmentDataCharacterization", 2),
        ("UsefulnessUsabilityEfficacy", 2),
        ("PeerReviewedPublications", 3),
    ):
        assert status[fid] is Status.PRESENT, fid
        assert rv.item(fid).evidence[0].page == page, fid
    summary = rv.card.value("Summary")
    assert summary.endswith("the clinical judgment of the care team.") and "Uses and Directions" not in summary
    # a blank field, a placeholder and a label left out are missing
    assert status["FundingSource"] is Status.MISSING and status["SA-2"] is Status.MISSING
    assert status["KnownBiasesOrEthicalConsiderations"] is Status.MISSING
    assert rv.item("KnownBiasesOrEthicalConsiderations").placeholder == "TBD"
    assert status["ClinicalTrial"] is Status.MISSING and rv.item("ClinicalTrial").evidence == []
    # results with intervals, subgroup results and external testing make those attributes present
    for item in (
        "SA-21",
        "SA-22",
        "SA-23",
        "SA-24",
        "SA-13",
        "SA-26",
        "SA-30",
        "SA-31",
        "FairnessEquity",
        "RegulatoryApproval",
        "KnownRisksAndLimitations",
    ):
        assert status[item] is Status.PRESENT, (item, rv.item(item).lacking)
    # the metric columns continued on page 3 stay in their columns
    fair = rv.card.fields["FairnessEquity"]
    assert [s.text for s in fair.parts["TestingDataDescription"]] == ["Same data as the efficacy study."]
    assert [s.page for s in fair.parts["TestingDataDescription"]] == [3]
    safety = " ".join(s.text for s in rv.card.fields["SafetyReliability"].parts["Results"])
    assert safety == "2.1 alerts per 100 patient-days."
    for item in rv.items:
        for e in item.evidence:
            assert e.quote in rv.card.page_text(e.page)
    assert any("[HTI-1 SA-2:" in q.text and "[CHAI FundingSource:" in q.text for q in rv.questions)
