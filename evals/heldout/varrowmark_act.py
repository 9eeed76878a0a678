"""Bill text of the FICTIONAL Varrowmark SB 1184 (`build_varrowmark.py`), first part: Sections 1 and 2
(short title, findings) and Sections 3 to 7, which add sections 44-2901 (definitions) to 44-2905 (impact
assessments). Each entry is (first-line indent or `CENTER`, text with inline markup)."""

from varrowmark_layout import CENTER, I1, I2, I3

BILL: list[tuple[int | str, str]] = [
    (CENTER, "**The people of the State of Varrowmark do enact as follows:**"),
    (
        I1,
        "**SECTION 1.** **Short title.** This act shall be known and may be cited as the \u201cPatient "
        "Safeguards in Clinical Algorithms Act.\u201d",
    ),
    (
        I1,
        "**Sec. 2.** **Legislative findings and intent.** (a) The Legislature finds and declares all of the following:",
    ),
    (
        I2,
        "(1) Health care facilities in this state increasingly rely on artificial intelligence systems to "
        "support diagnosis, triage, treatment selection, discharge planning, and communication with "
        "patients.",
    ),
    (
        I2,
        "(2) When such systems are inaccurate, poorly validated for the populations served, or used without "
        "meaningful clinical oversight, they can cause patient harm and can produce outcomes that differ "
        "without justification among groups of patients.",
    ),
    (
        I2,
        "(3) Patients have a reasonable expectation to know when an artificial intelligence system has "
        "materially contributed to a decision about their care and to have that decision reviewed by a "
        "licensed professional.",
    ),
    (
        I1,
        "(b) It is the intent of the Legislature to establish minimum governance, transparency, and "
        "oversight standards for the deployment of high-risk artificial intelligence systems by health care "
        "facilities, without discouraging the responsible adoption of technologies that improve the quality, "
        "safety, and accessibility of care.",
    ),
    (
        I1,
        "**Sec. 3.** Article 29 (commencing with section 44-2901) is added to chapter 44, Varrowmark "
        "Revised Statutes, and section 44-2901 is added to that article, to read:",
    ),
    (CENTER, "**ARTICLE 29. ARTIFICIAL INTELLIGENCE IN HEALTH CARE FACILITIES**"),
    (I1, "**44-2901.** **Definitions.** As used in this article, unless the context otherwise requires:"),
    (
        I2,
        "(1) \u201cAlgorithmic discrimination\u201d means any condition in which the use of an artificial "
        "intelligence system results in unlawful differential treatment or impact that disfavors an "
        "individual or group on the basis of actual or perceived age, color, disability, ethnicity, genetic "
        "information, limited proficiency in the English language, national origin, race, religion, sex, "
        "sexual orientation, gender identity, or veteran status.",
    ),
    (
        I2,
        "(2) \u201cArtificial intelligence system\u201d means a machine-based system that, for explicit or "
        "implicit objectives, infers from the input it receives how to generate outputs, such as "
        "predictions, content, recommendations, or decisions, that can influence physical or virtual "
        "environments.",
    ),
    (
        I2,
        "(3) \u201cConsequential health care decision\u201d means a decision made by or on behalf of a health "
        "care facility that has a material legal or similarly significant effect on a patient\u2019s care or "
        "access to care, including a decision concerning any of the following:",
    ),
    (I3, "(A) The diagnosis of a disease, disorder, injury, or condition."),
    (I3, "(B) The selection, modification, or discontinuation of a treatment, medication, or course of therapy."),
    (I3, "(C) Triage priority, or the admission, transfer, or discharge of a patient."),
    (I3, "(D) Eligibility for financial assistance or charity care under section 44-2240."),
    (
        I3,
        "(E) The allocation of a scarce clinical resource, including an intensive care bed, a ventilator, "
        "or a place on a waiting list for a procedure.",
    ),
    (I2, "(4) \u201cDepartment\u201d means the Varrowmark Department of Health and Senior Services."),
    (
        I2,
        "(5) \u201cDeployer\u201d means a health care facility that uses a high-risk artificial intelligence "
        "system, whether the system was developed by the facility or acquired from a developer.",
    ),
    (
        I2,
        "(6) \u201cDeveloper\u201d means a person doing business in this state that designs, codes, produces, "
        "or substantially modifies an artificial intelligence system that is offered, sold, leased, licensed, "
        "or otherwise made available to a health care facility.",
    ),
    (
        I2,
        "(7) \u201cGenerative artificial intelligence\u201d means an artificial intelligence system that can "
        "generate derived synthetic content, including text, images, audio, and video, that emulates the "
        "structure and characteristics of the system\u2019s training data.",
    ),
    (
        I2,
        "(8) \u201cHealth care facility\u201d means any of the following when licensed or certified by the "
        "department: a hospital licensed under section 44-2107; an ambulatory surgical center; a skilled "
        "nursing facility; a home health agency; a federally qualified health center; or a group medical "
        "practice in which ten or more licensed health care practitioners provide patient care under common "
        "ownership. The term does not include a practice in which fewer than ten licensed health care "
        "practitioners provide patient care.",
    ),
    (
        I2,
        "(9) \u201cHigh-risk artificial intelligence system\u201d means an artificial intelligence system "
        "that, when deployed, makes, or is a substantial factor in making, a consequential health care "
        "decision. The term does not include any of the following:",
    ),
    (
        I3,
        "(A) A system that performs only administrative functions, such as appointment scheduling, claims "
        "coding, billing, or supply-chain management, and that does not affect the clinical care of an "
        "individual patient.",
    ),
    (
        I3,
        "(B) Anti-malware, firewall, spell-checking, calculator, spreadsheet, or database software, or "
        "similar technology that does not itself make or substantially influence a consequential health "
        "care decision.",
    ),
    (
        I3,
        "(C) A system that solely converts a clinician\u2019s spoken words, or a conversation between a "
        "clinician and a patient, into draft text, provided that the draft is reviewed and approved by the "
        "clinician before it is entered into the patient\u2019s medical record.",
    ),
    (
        I2,
        "(10) \u201cImpact assessment\u201d means a documented evaluation of a high-risk artificial "
        "intelligence system that meets the requirements of section 44-2905.",
    ),
    (
        I2,
        "(11) \u201cQualified human reviewer\u201d means a licensed health care practitioner who meets all of "
        "the following conditions:",
    ),
    (
        I3,
        "(A) The consequential health care decision under review falls within the practitioner\u2019s scope "
        "of practice.",
    ),
    (
        I3,
        "(B) The practitioner has the authority to accept, modify, or reject the output of the high-risk "
        "artificial intelligence system and to direct the patient\u2019s care accordingly.",
    ),
    (I3, "(C) The practitioner has completed the training required by subsection (d) of section 44-2902."),
    (
        I3,
        "(D) The practitioner is not compensated, evaluated, or disciplined on the basis of the rate at "
        "which the practitioner\u2019s decisions agree with the output of the system.",
    ),
    (
        I2,
        "(12) \u201cSerious patient harm\u201d means death, or a serious physical or psychological injury, "
        "including loss of a limb or of a bodily function, that is not solely the result of the natural "
        "course of the patient\u2019s illness or underlying condition.",
    ),
    (
        I2,
        "(13) \u201cSubstantial modification\u201d means a deliberate change to a high-risk artificial "
        "intelligence system, including retraining on new data or a change to its intended use, that "
        "results in a new reasonably foreseeable risk of algorithmic discrimination or serious patient harm, "
        "or that materially alters the system\u2019s performance. A routine update that the developer "
        "documents in advance as falling within a predetermined change control plan is not a substantial "
        "modification.",
    ),
    (I1, "**Sec. 4.** Section 44-2902, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2902.** **Governance duties of deployers.** (a) Not later than 90 days after the effective "
        "date of this act, or before first deploying a high-risk artificial intelligence system, whichever is "
        "later, each deployer shall designate an employee as its artificial intelligence accountability "
        "officer. The officer shall report to the deployer\u2019s governing body at least semiannually on the "
        "matters described in this section.",
    ),
    (
        I1,
        "(b) Each deployer shall adopt a written artificial intelligence governance policy approved by its "
        "governing body. The policy shall, at a minimum:",
    ),
    (
        I2,
        "(1) Identify the individuals and committees responsible for approving the acquisition, deployment, "
        "and retirement of high-risk artificial intelligence systems;",
    ),
    (I2, "(2) Describe the risk management program required by subsection (c);"),
    (
        I2,
        "(3) Establish procedures by which clinicians and other staff may report concerns regarding the "
        "performance of a high-risk artificial intelligence system, including a means of reporting "
        "anonymously; and",
    ),
    (
        I2,
        "(4) Prohibit retaliation against any person who in good faith reports a concern or overrides the "
        "output of a high-risk artificial intelligence system.",
    ),
    (
        I1,
        "(c) Each deployer shall implement a risk management program for its high-risk artificial "
        "intelligence systems. The program shall include:",
    ),
    (
        I2,
        "(1) An inventory of every high-risk artificial intelligence system in use, which the deployer shall "
        "update at least once every 90 days and which shall state, for each system:",
    ),
    (I3, "(A) The name and version of the system and the name of its developer;"),
    (I3, "(B) The intended use of the system and the clinical departments or service lines in which it is used;"),
    (I3, "(C) The date on which the system was first deployed and the date of its most recent impact assessment; and"),
    (I3, "(D) The name or title of the clinical leader responsible for the system\u2019s use;"),
    (
        I2,
        "(2) Ongoing monitoring of each system\u2019s performance against the metrics identified in its most "
        "recent impact assessment, with documented thresholds that trigger suspension of use pending "
        "review; and",
    ),
    (
        I2,
        "(3) A process for decommissioning a system, including notice to affected clinical staff not less "
        "than 30 days before the system is withdrawn from use, except where immediate withdrawal is "
        "necessary to protect patients.",
    ),
    (
        I1,
        "(d) Before an individual first acts as a qualified human reviewer, the deployer shall provide the "
        "individual not less than four hours of training regarding the capabilities, known limitations, and "
        "appropriate use of each high-risk artificial intelligence system the individual will review, "
        "including the risk of automation bias. Thereafter, each qualified human reviewer shall complete not "
        "less than two hours of refresher training each calendar year.",
    ),
    (
        I1,
        "(e) A deployer shall retain its governance policy, inventory, impact assessments, monitoring "
        "records, and training records for the later of:",
    ),
    (I2, "(1) Seven years after the date the record was created; or"),
    (
        I2,
        "(2) If the record relates to an identifiable patient who was a minor when the record was created, "
        "three years after the patient attains 18 years of age.",
    ),
    (I1, "**Sec. 5.** Section 44-2903, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2903.** **Human review of consequential decisions.** (a) Except as provided in subsection (d), "
        "a deployer shall not make a consequential health care decision based in whole or in part on the "
        "output of a high-risk artificial intelligence system unless a qualified human reviewer has reviewed "
        "the output and the relevant clinical information before the decision is made or implemented.",
    ),
    (I1, "(b) The deployer shall ensure that the qualified human reviewer:"),
    (
        I2,
        "(1) Has access to the information on which the system relied, to the extent that information is "
        "available to the deployer, and to any confidence score or similar indicator produced by the "
        "system; and",
    ),
    (I2, "(2) Documents in the patient\u2019s medical record:"),
    (I3, "(A) That the output of a high-risk artificial intelligence system was considered;"),
    (I3, "(B) Whether the reviewer accepted, modified, or rejected the output; and"),
    (I3, "(C) If the reviewer modified or rejected the output, a brief statement of the clinical reasons."),
    (I1, "(c) A deployer shall not:"),
    (
        I2,
        "(1) Require a qualified human reviewer to obtain the approval of a nonclinical supervisor before "
        "overriding the output of a high-risk artificial intelligence system; or",
    ),
    (
        I2,
        "(2) Configure a high-risk artificial intelligence system so that its output is implemented "
        "automatically unless a reviewer affirmatively rejects it within a set period.",
    ),
    (I1, "(d) Subsection (a) does not apply:"),
    (
        I2,
        "(1) When the treating clinician determines that the delay required for review would pose an "
        "imminent threat to the life or health of the patient, in which case a qualified human reviewer shall "
        "review the decision not later than 24 hours after it is made and shall document the review as "
        "required by subsection (b); or",
    ),
    (
        I2,
        "(2) To a device cleared, approved, or otherwise authorized by the United States Food and Drug "
        "Administration, when used in accordance with its labeling and intended use, except that the "
        "documentation requirements of paragraph (2) of subsection (b) continue to apply.",
    ),
    (
        I1,
        "(e) A patient, or the patient\u2019s authorized representative, may request that a consequential "
        "health care decision in which a high-risk artificial intelligence system was a substantial factor be "
        "reconsidered by a qualified human reviewer who did not participate in the original decision. The "
        "deployer shall complete the reconsideration and inform the patient of the result not later than ten "
        "business days after receiving the request, or not later than 72 hours after receiving the request if "
        "the patient\u2019s treating clinician certifies that the matter is urgent.",
    ),
    (I1, "**Sec. 6.** Section 44-2904, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2904.** **Disclosure to patients.** (a) A deployer that uses a high-risk artificial "
        "intelligence system to make, or as a substantial factor in making, a consequential health care "
        "decision concerning a patient shall, before the decision is made or, if that is not practicable, as "
        "soon as practicable thereafter, provide the patient with a notice that:",
    ),
    (I2, "(1) Is written in plain language at or below an eighth-grade reading level;"),
    (
        I2,
        "(2) Is provided in English and in each other language that is the primary language of at least 5 "
        "percent of the deployer\u2019s patient population or of 1,000 of its patients, whichever is fewer; and",
    ),
    (I2, "(3) States:"),
    (I3, "(A) That a high-risk artificial intelligence system is being or was used, and its purpose;"),
    (I3, "(B) The nature of the consequential health care decision;"),
    (
        I3,
        "(C) The patient\u2019s right to request reconsideration under subsection (e) of section 44-2903 and to "
        "receive an explanation under subsection (c) of this section; and",
    ),
    (I3, "(D) A telephone number and an electronic means of contacting the deployer regarding the notice."),
    (
        I1,
        "(b) A deployer may satisfy subsection (a) for a patient who receives care over an extended episode "
        "by providing the notice once per admission or episode of care, if the notice identifies each "
        "high-risk artificial intelligence system reasonably expected to be used.",
    ),
    (
        I1,
        "(c) Upon the written request of a patient, or the patient\u2019s authorized representative, concerning "
        "a consequential health care decision that was adverse to the patient, the deployer shall provide, "
        "not later than 30 days after receiving the request, a statement that describes:",
    ),
    (
        I2,
        "(1) The principal reasons for the decision, including the degree to which the high-risk artificial "
        "intelligence system contributed to it;",
    ),
    (I2, "(2) The types and sources of data concerning the patient that the system processed; and"),
    (I2, "(3) How the patient may correct any inaccurate personal data that the system used."),
    (
        I1,
        "(d) A deployer that uses generative artificial intelligence to generate a written or verbal "
        "communication to a patient that pertains to the patient\u2019s clinical information shall ensure that "
        "the communication includes both of the following:",
    ),
    (
        I2,
        "(1) A disclaimer stating that the communication was generated by generative artificial "
        "intelligence, which shall be presented:",
    ),
    (I3, "(A) For a written communication, prominently at the beginning of the communication;"),
    (I3, "(B) For an audio communication, verbally at both the start and the end of the interaction; and"),
    (
        I3,
        "(C) For a video communication or a continuous online interaction, such as a chat, prominently and "
        "continuously throughout the interaction; and",
    ),
    (
        I2,
        "(2) Clear instructions describing how the patient may contact a human health care provider or "
        "other appropriate employee of the deployer.",
    ),
    (
        I1,
        "(e) Subsection (d) does not apply to a communication that a licensed health care practitioner reads "
        "and reviews before it is sent to the patient.",
    ),
    (
        I1,
        "(f) Nothing in this section requires the disclosure of a trade secret, as defined in section "
        "59-1402, but a deployer may not rely on this subsection to withhold the information required by "
        "paragraphs (1) and (2) of subsection (c).",
    ),
    (I1, "**Sec. 7.** Section 44-2905, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2905.** **Impact assessments.** (a) A deployer shall complete an impact assessment of each "
        "high-risk artificial intelligence system that it uses, as follows:",
    ),
    (
        I2,
        "(1) For a system in use on the effective date of this act, not later than 180 days after the "
        "effective date of this act;",
    ),
    (
        I2,
        "(2) For a system first deployed after the effective date of this act, before the system is first "
        "used in a consequential health care decision;",
    ),
    (I2, "(3) At least annually after the initial assessment; and"),
    (I2, "(4) Not later than 90 days after any substantial modification to the system."),
    (I1, "(b) Each impact assessment shall include, at a minimum:"),
    (
        I2,
        "(1) A statement of the purpose, intended use cases, deployment context, and expected benefits of the system;",
    ),
    (
        I2,
        "(2) An analysis of whether the deployment poses known or reasonably foreseeable risks of "
        "algorithmic discrimination or serious patient harm, and the steps taken to mitigate those risks, "
        "including:",
    ),
    (I3, "(A) A description of the categories of data the system uses as inputs and the outputs it produces;"),
    (
        I3,
        "(B) Performance metrics, such as sensitivity, specificity, and positive predictive value, "
        "disaggregated by age group, sex, race, ethnicity, primary language, and payer type, to the extent "
        "that the deployer possesses or can reasonably obtain the data necessary to do so; and",
    ),
    (
        I3,
        "(C) Known limitations of the system, including clinical settings or patient populations for which "
        "the system has not been validated;",
    ),
    (
        I2,
        "(3) A description of any validation of the system performed on data from the deployer\u2019s own "
        "patient population, and the results of that validation;",
    ),
    (
        I2,
        "(4) A description of the post-deployment monitoring under paragraph (2) of subsection (c) of "
        "section 44-2902; and",
    ),
    (I2, "(5) A description of the human review process used under section 44-2903."),
    (
        I1,
        "(c) Each impact assessment shall be signed by the artificial intelligence accountability officer "
        "and presented to the governing body, or a committee of the governing body, not later than 60 days "
        "after its completion.",
    ),
    (
        I1,
        "(d) Upon the written request of a deployer, a developer shall provide, not later than 45 days after "
        "receiving the request, the documentation reasonably necessary for the deployer to complete an "
        "impact assessment, including a summary of the data used to train the system, its known limitations, "
        "and performance evaluations conducted by the developer. A developer is not required to disclose a "
        "trade secret, but shall describe the nature of any information withheld.",
    ),
    (
        I1,
        "(e) A deployer that has fewer than 25 licensed beds, or annual net patient revenue of less than "
        "$20,000,000, may satisfy subsection (b) by adopting an impact assessment prepared by the developer, "
        "if the deployer supplements it with a written statement describing how the system will be used and "
        "monitored at the deployer\u2019s facilities.",
    ),
    (
        I1,
        "(f) An impact assessment prepared to comply with another law, or in accordance with a nationally "
        "recognized risk management framework such as the Artificial Intelligence Risk Management Framework "
        "published by the National Institute of Standards and Technology, satisfies this section if it is "
        "reasonably similar in scope and effect to the assessment required by this section.",
    ),
]
