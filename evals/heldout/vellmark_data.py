"""Content of the fictional Vellmark regulation (V.R. 87/26, consolidated).

Everything here is invented.  Block types:
  ('part', number, title)
  ('sec', number, title, margin_note_or_None)
  ('sub', label, text, margin_note_or_None)      subsection "(1)"
  ('para', label, text)                          paragraph "(a)"
  ('subpara', label, text)                       subparagraph "(i)"
  ('def', text)                                  definition (indented under (1))
  ('defpara', label, text)                       paragraph inside a definition
  ('cont1', text) / ('cont2', text)              continuation text after a list
  ('text', text)                                 unnumbered section body
Footnote markers: {fn:key}; footnote texts in FOOTNOTES.
"""

CITATION = "V.R. 87/26"
SHORT_TITLE = "Licensed Health Facilities (Clinical Decision Support and Artificial Intelligence) Regulation, 2026"
CURRENCY = "Consolidated to 1 October 2026"

FOOTNOTES = {
    "s111": "Section 11.1 added by V.R. 153/26, s. 5, in force 1 October 2026.",
    "s121": "Section 12.1 added by V.R. 153/26, s. 6, in force 1 October 2026. Ambient documentation systems "
    "in use on that date were permitted to continue in use without the notation required by paragraph "
    "12.1(2)(b) until 1 January 2027.",
    "commence": "Paragraph 1(2)(a) amended by V.R. 153/26, s. 1. As originally made, sections 13 and 15 "
    "were to come into force on 1 October 2026.",
    "privacy": "Paragraph (d) of the definition of \u201cserious incident\u201d added by V.R. 153/26, s. 2. "
    "Before 1 October 2026, privacy breaches involving AI systems were reportable only under the "
    "Health Records Privacy Act, 2008.",
    "vacancy": "Subsection 6(4) amended by V.R. 153/26, s. 3, by striking out \u201c90 days\u201d and "
    "substituting \u201c60 days\u201d.",
    "shared": "Approvals under subsection 7(4) are granted for a term of two years and may be renewed. As of "
    "the date of this consolidation, the Registrar has approved four shared committees, each hosted "
    "by a regional health network.",
    "cases": "Paragraph 9(1)(a) amended by V.R. 153/26, s. 4, by striking out \u201c250 cases\u201d and "
    "substituting \u201c400 cases\u201d. The amendment applies to deployments for which notice under "
    "section 10 is given on or after 1 October 2026.",
    "multisite": "The Registrar publishes the list of recognised multi-site validation studies in the "
    "Registrar\u2019s Bulletin. A recognition remains valid for three years from the date of the "
    "study\u2019s final report.",
    "portal": "Notices and reports under this Regulation are filed through the Facility Regulatory Portal "
    "maintained by the Office of the Registrar. A notice may be filed on paper only if the portal "
    "has been unavailable for more than two business days.",
    "phone": "The Registrar\u2019s incident line is staffed 24 hours a day. A preliminary notice may be given "
    "by telephone but must be confirmed through the Facility Regulatory Portal within one business day.",
    "transition": "Subsection 22(2) amended by V.R. 153/26, s. 8, by striking out \u201c31 March 2027\u201d "
    "and substituting \u201c30 June 2027\u201d.",
    "class2p": "Item 4 added by V.R. 153/26, s. 9, in force 1 October 2026. Patient-facing systems deployed "
    "before that date must be reassigned to Class 2P by 31 December 2026.",
}

BODY = [
    ("part", "PART 1", "INTERPRETATION AND APPLICATION"),
    ("sec", "1", "Citation and commencement", None),
    (
        "sub",
        "(1)",
        "This Regulation may be cited as the <i>Licensed Health Facilities (Clinical Decision Support "
        "and Artificial Intelligence) Regulation, 2026</i>.",
        None,
    ),
    ("sub", "(2)", "This Regulation comes into force on 1 July 2026, except that", None),
    ("para", "(a)", "sections 13 and 15 come into force on 1 January 2027;{fn:commence} and"),
    (
        "para",
        "(b)",
        "subsection 8(3) applies for the first time in respect of the inventory as it stands on 31 March 2027.",
    ),
    ("sec", "2", "Definitions", None),
    ("sub", "(1)", "In this Regulation,", None),
    ("def", "\u201c<b>Act</b>\u201d means the <i>Health Facilities Licensing Act, 2019</i>;"),
    ("def", "\u201c<b>AI oversight committee</b>\u201d means the committee established under section 7;"),
    (
        "def",
        "\u201c<b>AI system</b>\u201d means a machine-based system that, for a given objective, derives from "
        "the input it receives how to produce outputs such as predictions, classifications, scores, "
        "recommendations or generated text or images, and that does so with a degree of autonomy beyond "
        "fixed rules written by a person;",
    ),
    (
        "def",
        "\u201c<b>clinical decision support system</b>\u201d means an AI system whose output is presented to a "
        "health professional for use in a decision about the assessment, diagnosis, treatment or monitoring "
        "of an individual patient;",
    ),
    (
        "def",
        "\u201c<b>deploy</b>\u201d means to make an AI system available for use in connection with the care of "
        "patients at a facility, including by way of a pilot or limited trial that uses live patient data, "
        "and \u201cdeployment\u201d has a corresponding meaning;",
    ),
    ("def", "\u201c<b>designated AI officer</b>\u201d means the individual appointed under section 6;"),
    ("def", "\u201c<b>facility</b>\u201d means a health facility that holds a licence under Part II of the Act;"),
    ("def", "\u201c<b>high-impact system</b>\u201d means an AI system that"),
    (
        "defpara",
        "(a)",
        "produces an output that is intended to be used in diagnosing, triaging, or selecting or "
        "dosing the treatment of, an individual patient,",
    ),
    (
        "defpara",
        "(b)",
        "initiates or executes an action affecting a patient without a human reviewer first reviewing the output, or",
    ),
    ("defpara", "(c)", "falls, by reason of its characteristics, within Class 1A or Class 1B in Schedule 1;"),
    (
        "def",
        "\u201c<b>human reviewer</b>\u201d means a regulated health professional who, by training and scope of "
        "practice, is competent to assess the output of the AI system concerned and who has completed the "
        "training required by paragraph 12(2)(a);",
    ),
    (
        "def",
        "\u201c<b>local validation</b>\u201d means an evaluation of the performance of an AI system carried out "
        "on data drawn from the patient population of the facility at which it is to be deployed, or from "
        "a population that the AI oversight committee has determined to be comparable;",
    ),
    ("def", "\u201c<b>material change</b>\u201d means a change to an AI system that"),
    ("defpara", "(a)", "alters its intended use or the population in which it is used,"),
    ("defpara", "(b)", "retrains, re-weights or replaces the model on which it relies, or"),
    ("defpara", "(c)", "changes the sources or format of the data it takes as input,"),
    ("cont1", "but does not include a change to its user interface that does not alter any output;"),
    ("def", "\u201c<b>monitoring plan</b>\u201d means the plan documented under paragraph 9(1)(c);"),
    (
        "def",
        "\u201c<b>near miss</b>\u201d means an event in which an erroneous output of an AI system was detected "
        "and corrected before it reached or affected a patient;",
    ),
    ("def", "\u201c<b>operator</b>\u201d means the licensee of a facility at which an AI system is deployed;"),
    (
        "def",
        "\u201c<b>patient-facing system</b>\u201d means an AI system that communicates directly with a patient "
        "or a patient\u2019s substitute decision-maker, whether by text, voice or other means, without a health "
        "professional composing or approving each communication;",
    ),
    (
        "def",
        "\u201c<b>performance drift</b>\u201d means a decline in the performance of an AI system, relative to "
        "the baseline established at local validation, that is greater than the tolerance set out in the "
        "system\u2019s monitoring plan;",
    ),
    (
        "def",
        "\u201c<b>Registrar</b>\u201d means the Registrar of Health Facilities appointed under section 8 of the Act;",
    ),
    (
        "def",
        "\u201c<b>serious incident</b>\u201d means an event in which the use or malfunction of an AI system "
        "caused or contributed to",
    ),
    ("defpara", "(a)", "the death of a patient,"),
    (
        "defpara",
        "(b)",
        "a serious deterioration in the health of a patient that required medical or surgical "
        "intervention to prevent permanent harm,",
    ),
    ("defpara", "(c)", "a disruption of clinical services at a facility lasting more than 4 hours, or"),
    (
        "defpara",
        "(d)",
        "the unauthorized collection, use or disclosure of the personal health information of "
        "500 or more individuals;{fn:privacy}",
    ),
    (
        "def",
        "\u201c<b>supplier</b>\u201d means a person who develops, manufactures, sells, licenses or otherwise "
        "makes available an AI system to an operator, and includes a person who maintains or updates the "
        "AI system on behalf of the operator under contract.",
    ),
    (
        "sub",
        "(2)",
        "In this Regulation, a reference to a column or item is a reference to a column or item of "
        "the table in Schedule 1.",
        None,
    ),
    ("sec", "3", "Application", None),
    (
        "sub",
        "(1)",
        "This Regulation applies to every operator and to every supplier of an AI system that is, or "
        "is proposed to be, deployed at a facility.",
        None,
    ),
    ("sub", "(2)", "Subject to subsection (3), this Regulation does not apply in respect of", None),
    (
        "para",
        "(a)",
        "an AI system used solely for research approved by a research ethics board, if its outputs "
        "are not used in the care of research participants;",
    ),
    (
        "para",
        "(b)",
        "an AI system used solely for billing, payroll, procurement or the management of facility supplies; or",
    ),
    (
        "para",
        "(c)",
        "a spelling, grammar, transcription or translation function that reproduces content supplied "
        "by a person without generating new clinical content.",
    ),
    (
        "sub",
        "(3)",
        "Despite paragraph (2)(c), an ambient documentation system that listens to a clinical encounter "
        "and generates a draft clinical note, summary or referral letter is not exempt and shall be "
        "assigned to a class not lower than Class 2 in Schedule 1.",
        None,
    ),
    ("sec", "4", "Classification of AI systems", None),
    (
        "sub",
        "(1)",
        "Before deploying an AI system, the operator shall assign it to a class set out in column 1 of "
        "Schedule 1, having regard to the descriptions in column 2.",
        None,
    ),
    (
        "sub",
        "(2)",
        "Where an AI system could be assigned to more than one class, the operator shall assign it to "
        "the class with the shortest review interval in column 4.",
        None,
    ),
    (
        "sub",
        "(3)",
        "The Registrar may, by written notice, direct an operator to reassign an AI system to a "
        "different class, and the operator shall comply with the direction within 30 days after "
        "receiving it.",
        None,
    ),
    (
        "sub",
        "(4)",
        "An operator that reassigns an AI system to a higher class shall, before continuing to use it, "
        "comply with every requirement of Part 3 that applies to the higher class and has not already "
        "been met, unless the Registrar permits continued use in the interim.",
        None,
    ),
    ("part", "PART 2", "GOVERNANCE AND ACCOUNTABILITY"),
    ("sec", "5", "Responsibility of operator", None),
    (
        "sub",
        "(1)",
        "The operator is responsible for compliance with this Regulation in respect of every AI system "
        "deployed at its facility, whether or not a supplier has agreed by contract to perform an "
        "obligation on the operator\u2019s behalf.",
        None,
    ),
    (
        "sub",
        "(2)",
        "Nothing in subsection (1) relieves a supplier of an obligation imposed on it by section 11 or "
        "subsection 14(2).",
        None,
    ),
    ("sec", "6", "Designated AI officer", None),
    (
        "sub",
        "(1)",
        "Every operator shall appoint a designated AI officer for each facility of the operator at "
        "which an AI system is deployed.",
        None,
    ),
    ("sub", "(2)", "The designated AI officer shall be an individual who", None),
    ("para", "(a)", "reports directly to the chief executive officer or administrator of the facility; and"),
    ("para", "(b)", "is not responsible for the procurement of AI systems on behalf of the operator."),
    (
        "sub",
        "(3)",
        "The operator shall notify the Registrar of the name and business contact information of the "
        "designated AI officer within 15 days after the appointment.",
        None,
    ),
    (
        "sub",
        "(4)",
        "If the office of designated AI officer becomes vacant, the operator shall appoint a "
        "replacement within 60 days{fn:vacancy} and may, in the meantime, assign the functions of the "
        "office to a senior employee who meets the requirement of paragraph (2)(b).",
        None,
    ),
    (
        "sub",
        "(5)",
        "One individual may be appointed as designated AI officer for two or more facilities of the same operator.",
        None,
    ),
    ("sub", "(6)", "The designated AI officer shall", None),
    ("para", "(a)", "maintain the inventory required by section 8;"),
    ("para", "(b)", "chair the AI oversight committee; and"),
    (
        "para",
        "(c)",
        "act as the point of contact for the Registrar in respect of notices and reports under this Regulation.",
    ),
    ("sec", "7", "AI oversight committee", None),
    (
        "sub",
        "(1)",
        "Subject to subsection (4), every operator of a facility at which a high-impact system or a "
        "patient-facing system is deployed shall establish an AI oversight committee.",
        None,
    ),
    ("sub", "(2)", "The AI oversight committee shall consist of at least the following members:", None),
    ("para", "(a)", "the designated AI officer, who shall chair the committee;"),
    ("para", "(b)", "a physician or nurse practitioner with active clinical privileges at the facility;"),
    ("para", "(c)", "a registered nurse who provides direct patient care;"),
    ("para", "(d)", "the person responsible for privacy at the facility;"),
    ("para", "(e)", "the person responsible for information security at the facility;"),
    ("para", "(f)", "at least one patient or family advisor who is not an employee of the operator; and"),
    ("para", "(g)", "where any AI system under the committee\u2019s oversight relates to medication, a pharmacist."),
    (
        "sub",
        "(3)",
        "The AI oversight committee shall meet at least once every three months and shall keep minutes "
        "of each meeting.",
        None,
    ),
    (
        "sub",
        "(4)",
        "An operator of a facility with fewer than 50 beds may, with the approval of the Registrar, "
        "participate in a committee shared with one or more other operators instead of establishing "
        "its own AI oversight committee.{fn:shared}",
        None,
    ),
    (
        "sub",
        "(5)",
        "The AI oversight committee shall report to the governing board of the operator at least twice "
        "in each fiscal year.",
        None,
    ),
    ("sec", "8", "Inventory of AI systems", None),
    (
        "sub",
        "(1)",
        "Every operator shall maintain an inventory of all AI systems deployed at each of its facilities.",
        None,
    ),
    ("sub", "(2)", "The inventory shall set out, for each AI system,", None),
    ("para", "(a)", "its name, version number and supplier;"),
    ("para", "(b)", "its intended use and the clinical areas in which it is deployed;"),
    ("para", "(c)", "its class under Schedule 1;"),
    ("para", "(d)", "the date on which it was first deployed;"),
    ("para", "(e)", "the position or role of its human reviewers, if any;"),
    ("para", "(f)", "the date of its most recent periodic review under section 13;"),
    ("para", "(g)", "a reference to its monitoring plan; and"),
    (
        "para",
        "(h)",
        "the number of serious incidents and near misses recorded in respect of it in the preceding 12 months.",
    ),
    (
        "sub",
        "(3)",
        "The operator shall submit a copy of the inventory, as it stands on 31 March of each year, to "
        "the Registrar not later than 31 May of that year.",
        None,
    ),
    (
        "sub",
        "(4)",
        "The operator shall update the inventory within 10 business days after deploying an AI "
        "system, making a material change to it or decommissioning it.",
        None,
    ),
    ("part", "PART 3", "REQUIREMENTS BEFORE DEPLOYMENT"),
    ("sec", "9", "Pre-deployment assessment", None),
    ("sub", "(1)", "Before deploying a high-impact system, the operator shall", None),
    (
        "para",
        "(a)",
        "complete a local validation using not fewer than 400 cases{fn:cases} or, where the facility "
        "has fewer than 50 beds, not fewer than 200 cases;",
    ),
    (
        "para",
        "(b)",
        "assess whether the system performs materially differently for any of the following groups "
        "of patients represented in the validation data:",
    ),
    ("subpara", "(i)", "age bands, including children and adults aged 80 or over,"),
    ("subpara", "(ii)", "sex,"),
    ("subpara", "(iii)", "Indigenous identity, where that information is collected, and"),
    ("subpara", "(iv)", "patients whose primary language is not an official language of the Province;"),
    (
        "para",
        "(c)",
        "document a monitoring plan that sets out the performance measures to be tracked, the "
        "baseline values established at local validation, the tolerance beyond which a decline "
        "constitutes performance drift, and the frequency of monitoring;",
    ),
    ("para", "(d)", "obtain the written approval of the AI oversight committee; and"),
    ("para", "(e)", "complete a privacy impact assessment."),
    (
        "sub",
        "(2)",
        "Before deploying an AI system in Class 2 or Class 2P, the operator shall comply with "
        "paragraphs (1)(c), (d) and (e).",
        None,
    ),
    (
        "sub",
        "(3)",
        "An operator may rely on a multi-site validation study instead of complying with paragraph "
        "(1)(a) if the Registrar has recognised the study and the patient population of the facility "
        "is represented in it.{fn:multisite}",
        None,
    ),
    ("sec", "10", "Notice of deployment to Registrar", None),
    (
        "sub",
        "(1)",
        "An operator shall give the Registrar written notice at least 45 days before deploying a "
        "high-impact system.{fn:portal}",
        None,
    ),
    ("sub", "(2)", "The notice shall contain the information set out in Schedule 2.", None),
    (
        "sub",
        "(3)",
        "The Registrar may, within 20 days after receiving a notice, request further information, in "
        "which case the operator shall not deploy the system until 15 days after the Registrar "
        "receives the further information.",
        None,
    ),
    (
        "sub",
        "(4)",
        "Subsection (1) does not apply to a deployment that is required because of a public health "
        "emergency declared under the <i>Public Health Act</i>, but the operator shall give the notice "
        "within 10 days after the deployment.",
        None,
    ),
    ("sec", "11", "Obligations of suppliers", None),
    ("sub", "(1)", "A supplier shall, within 20 days after a request by an operator, provide the operator with", None),
    (
        "para",
        "(a)",
        "a description of the data used to develop and test the AI system, including the populations "
        "represented in it;",
    ),
    (
        "para",
        "(b)",
        "the intended use and known limitations of the AI system and the circumstances in which it should not be used;",
    ),
    ("para", "(c)", "the results of any performance testing conducted by or for the supplier; and"),
    ("para", "(d)", "the information the operator reasonably requires to prepare a monitoring plan."),
    (
        "sub",
        "(2)",
        "A supplier that becomes aware of a defect in an AI system that could cause or contribute to a "
        "serious incident shall notify every operator to which it has supplied the system within "
        "5 days after becoming aware of the defect, and shall at the same time notify the Registrar.",
        None,
    ),
    (
        "sub",
        "(3)",
        "A term of a contract between a supplier and an operator that prohibits the operator from "
        "disclosing to the Registrar information required under this Regulation is void.",
        None,
    ),
    ("sec", "11.1", "Required contract terms", None),
    (
        "sub",
        "(1)",
        "An operator shall not enter into or renew a contract for the supply of a high-impact system "
        "or a patient-facing system after 1 October 2026 unless the contract{fn:s111}",
        None,
    ),
    ("para", "(a)", "requires the supplier to provide the information described in subsection 11(1);"),
    (
        "para",
        "(b)",
        "requires the supplier to keep a log of the inputs and outputs of the system for at least "
        "24 months and to make the log available to the operator on request;",
    ),
    (
        "para",
        "(c)",
        "permits the operator to suspend the use of the system, without being in breach of the "
        "contract, where suspension is required by subsection 13(4) or by an order under section 18; and",
    ),
    (
        "para",
        "(d)",
        "requires the supplier, when the contract ends, to return to the operator in a usable format "
        "any personal health information it holds within 60 days.",
    ),
    (
        "sub",
        "(2)",
        "A contract entered into before 1 October 2026 shall be brought into conformity with subsection "
        "(1) at its next renewal or by 1 October 2028, whichever is earlier.",
        None,
    ),
    ("part", "PART 4", "USE, MONITORING AND REVIEW"),
    ("sec", "12", "Human oversight", None),
    (
        "sub",
        "(1)",
        "Subject to subsection (3), an operator shall ensure that no output of a high-impact system is "
        "acted on in the care of a patient unless a human reviewer has first reviewed the output.",
        None,
    ),
    ("sub", "(2)", "The operator shall ensure that every human reviewer", None),
    (
        "para",
        "(a)",
        "completes at least 2 hours of training on the AI system before first reviewing its outputs, "
        "and refresher training at least once every 12 months;",
    ),
    ("para", "(b)", "is able to override, disregard or correct any output; and"),
    ("para", "(c)", "has access to the information referred to in paragraph 11(1)(b)."),
    ("sub", "(3)", "Subsection (1) does not apply", None),
    (
        "para",
        "(a)",
        "to a Class 1A system, if the Registrar has authorized in writing its use without prior "
        "review and the operator complies with the conditions of the authorization; or",
    ),
    (
        "para",
        "(b)",
        "in an emergency in which the delay needed for review would pose a risk of serious harm to "
        "the patient, if the use of the output without review is documented in the patient\u2019s "
        "record within 24 hours.",
    ),
    (
        "sub",
        "(4)",
        "The operator shall record the rate at which human reviewers override the outputs of each "
        "high-impact system and shall report that rate to the AI oversight committee at each of its "
        "meetings.",
        None,
    ),
    ("sec", "12.1", "Generated clinical documentation", None),
    (
        "sub",
        "(1)",
        "This section applies to an AI system in Class 2 that generates a draft clinical note, summary "
        "or letter from a clinical encounter.{fn:s121}",
        None,
    ),
    ("sub", "(2)", "The operator shall ensure that", None),
    (
        "para",
        "(a)",
        "no draft generated by the system is entered in a patient\u2019s health record until the health "
        "professional responsible for the encounter has reviewed it, corrected it as necessary and "
        "authenticated it;",
    ),
    (
        "para",
        "(b)",
        "the health record identifies the content as having been drafted with the assistance of an AI system; and",
    ),
    (
        "para",
        "(c)",
        "any audio recording of the encounter made by the system is deleted within 30 days after the "
        "note is authenticated, unless the patient has agreed in writing to a longer retention period.",
    ),
    (
        "sub",
        "(3)",
        "The system shall not be used to record an encounter unless the patient or the patient\u2019s "
        "substitute decision-maker has first been told that it will be used and has not objected, and "
        "the health professional shall note in the record that the patient was so told.",
        None,
    ),
    ("sec", "13", "Monitoring and periodic review", None),
    ("sub", "(1)", "The operator shall monitor each AI system in accordance with its monitoring plan.", None),
    (
        "sub",
        "(2)",
        "The operator shall conduct a periodic review of each AI system at intervals no longer than the "
        "interval set out in column 4 of Schedule 1 for the class of the system.",
        "Review intervals: see Schedule 1, column 4",
    ),
    ("sub", "(3)", "A periodic review shall include", None),
    ("para", "(a)", "a comparison of current performance with the baseline established at local validation;"),
    ("para", "(b)", "a repeat of the subgroup assessment described in paragraph 9(1)(b);"),
    ("para", "(c)", "an analysis of the override rates recorded under subsection 12(4); and"),
    ("para", "(d)", "a review of serious incidents, near misses and patient complaints relating to the system."),
    ("sub", "(4)", "If performance drift is detected, the operator shall, within 10 days after its detection,", None),
    ("para", "(a)", "notify the AI oversight committee and the supplier; and"),
    (
        "para",
        "(b)",
        "decide, on the recommendation of the designated AI officer, whether to continue, restrict or "
        "suspend the use of the system,",
    ),
    (
        "cont1",
        "and, in the case of a Class 1A or Class 1B system, shall suspend or restrict its use until the "
        "cause of the drift has been identified and corrected.",
    ),
    (
        "sub",
        "(5)",
        "The operator shall submit a summary of each periodic review of a system in Class 1A, 1B, 2 or "
        "2P to the Registrar within the period set out in column 6 of Schedule 1 after the review is "
        "completed.",
        None,
    ),
    ("sec", "14", "Material changes", None),
    (
        "sub",
        "(1)",
        "Before putting back into use a high-impact system that has undergone a material change, the "
        "operator shall repeat the local validation described in paragraph 9(1)(a) and update the "
        "monitoring plan.",
        None,
    ),
    (
        "sub",
        "(2)",
        "A supplier shall give every affected operator at least 30 days\u2019 notice of a planned "
        "material change, together with a description of the change and its expected effect on "
        "performance.",
        None,
    ),
    (
        "sub",
        "(3)",
        "An AI system that is designed to change its model automatically while deployed shall not be "
        "deployed as a high-impact system unless the Registrar has approved a predetermined "
        "change-control plan for it, and a change made within the limits of an approved plan is not a "
        "material change.",
        None,
    ),
    ("sec", "15", "Transparency", None),
    (
        "sub",
        "(1)",
        "Every operator shall publish on its website, and update at least every six months, a list of "
        "the AI systems in Class 1A, 1B, 2 and 2P deployed at its facilities, with a plain-language "
        "description of each.",
        None,
    ),
    (
        "sub",
        "(2)",
        "An operator shall ensure that a patient-facing system informs the patient, at the start of "
        "every interaction, that the patient is communicating with an AI system and how to reach a "
        "member of staff.",
        None,
    ),
    (
        "sub",
        "(3)",
        "On request by a patient or the patient\u2019s substitute decision-maker, an operator shall, "
        "within 30 days, state in writing whether a high-impact system was used in a decision about "
        "the patient\u2019s care and, if so, identify the system and the role it played.",
        None,
    ),
    ("sec", "16", "Retention of records", None),
    (
        "sub",
        "(1)",
        "The operator shall retain the records of every local validation, monitoring plan, periodic "
        "review, override report, serious incident and near miss for at least 10 years after the AI "
        "system concerned is decommissioned.",
        None,
    ),
    (
        "sub",
        "(2)",
        "Where a record relates to an identifiable patient who was under 18 years of age when the "
        "record was made, the operator shall retain it until the later of the end of the period in "
        "subsection (1) and 10 years after the patient\u2019s 18th birthday.",
        None,
    ),
    ("part", "PART 5", "INCIDENTS AND ENFORCEMENT"),
    ("sec", "17", "Reporting of serious incidents", None),
    (
        "sub",
        "(1)",
        "The operator shall give the Registrar a preliminary notice of a serious incident within the "
        "period set out in column 5 of Schedule 1 after the operator becomes aware of it.{fn:phone}",
        "Reporting deadlines: see Schedule 1, column 5",
    ),
    (
        "sub",
        "(2)",
        "The operator shall give the Registrar a full written report of the serious incident within "
        "30 days after the preliminary notice, setting out",
        None,
    ),
    ("para", "(a)", "a description of the incident and of the patients affected;"),
    ("para", "(b)", "the AI system involved, including its version;"),
    ("para", "(c)", "the results of the operator\u2019s investigation into the cause;"),
    ("para", "(d)", "the actions taken to prevent a recurrence; and"),
    ("para", "(e)", "whether the patient or the patient\u2019s substitute decision-maker has been informed."),
    (
        "sub",
        "(3)",
        "The operator shall notify the supplier of the serious incident within the period that applies "
        "under subsection (1).",
        None,
    ),
    (
        "sub",
        "(4)",
        "The operator shall record every near miss and shall include the number of near misses in the "
        "inventory submitted under subsection 8(3), but is not otherwise required to report near "
        "misses to the Registrar.",
        None,
    ),
    ("sec", "18", "Orders of the Registrar", None),
    (
        "sub",
        "(1)",
        "Where the Registrar believes on reasonable grounds that the continued use of an AI system poses "
        "a risk to patient safety, the Registrar may order the operator to suspend or restrict its use.",
        None,
    ),
    (
        "sub",
        "(2)",
        "The operator shall comply with an order under subsection (1) within 48 hours after receiving "
        "it, or within any shorter period specified in the order.",
        None,
    ),
    (
        "sub",
        "(3)",
        "An operator may appeal an order under subsection (1) to the Health Facilities Appeal Board "
        "within 15 days after receiving it, but the appeal does not stay the order.",
        None,
    ),
    ("sec", "19", "Decommissioning", None),
    (
        "sub",
        "(1)",
        "An operator that decommissions a system in Class 1A, 1B, 2 or 2P shall notify the Registrar "
        "within 30 days after doing so.",
        None,
    ),
    (
        "sub",
        "(2)",
        "The operator shall ensure that the records referred to in section 16 remain accessible after "
        "decommissioning, including where its contract with the supplier has ended.",
        None,
    ),
    ("sec", "20", "Production of records to inspectors", None),
    (
        "text",
        "An operator shall produce any record required to be kept under this Regulation to an inspector "
        "appointed under the Act within 5 business days after the inspector\u2019s request or, where the "
        "inspector is investigating a serious incident, immediately.",
    ),
    ("sec", "21", "Designated provisions", None),
    (
        "text",
        "For the purposes of section 71 of the Act, a contravention of any of the following provisions is "
        "designated as a contravention in respect of which an administrative penalty may be imposed:",
    ),
    ("para", "(a)", "subsection 10(1);"),
    ("para", "(b)", "subsection 12(1);"),
    ("para", "(c)", "subsection 13(2);"),
    ("para", "(d)", "subsection 17(1);"),
    ("para", "(e)", "subsection 18(2)."),
    ("part", "PART 6", "TRANSITIONAL PROVISIONS AND REVIEW"),
    ("sec", "22", "AI systems deployed before commencement", "Transitional"),
    (
        "sub",
        "(1)",
        "An operator shall assign every AI system deployed at its facility before 1 July 2026 to a "
        "class under section 4 and enter it in the inventory by 31 December 2026.",
        None,
    ),
    (
        "sub",
        "(2)",
        "The operator shall comply with paragraphs 9(1)(a) to (e) in respect of a high-impact system "
        "deployed before 1 July 2026 by 30 June 2027,{fn:transition} and may continue to use the system "
        "in the meantime.",
        None,
    ),
    (
        "sub",
        "(3)",
        "Section 10 does not apply to an AI system deployed before 1 July 2026 unless it undergoes a "
        "material change after that date.",
        None,
    ),
    ("sec", "23", "Review of Regulation", None),
    (
        "text",
        "The Minister shall review the operation of this Regulation and publish a report on the review not "
        "later than 1 July 2029.",
    ),
]

# Schedule 1 table
SCHEDULE1_HEAD = [
    "Item",
    "Column 1<br/>Class",
    "Column 2<br/>Description",
    "Column 3<br/>Examples",
    "Column 4<br/>Maximum interval between periodic reviews",
    "Column 5<br/>Preliminary notice of serious incident",
    "Column 6<br/>Summary of periodic review to Registrar",
]
SCHEDULE1_ROWS = [
    [
        "1.",
        "Class 1A \u2014 autonomous high-impact",
        "Initiates or executes an action affecting a patient without prior review by a human reviewer",
        "Closed-loop insulin dosing; autonomous diabetic retinopathy screening reports",
        "3 months",
        "24 hours",
        "30 days",
    ],
    [
        "2.",
        "Class 1B \u2014 reviewed high-impact",
        "Output used by a human reviewer in diagnosing, triaging, or selecting or dosing treatment",
        "Sepsis and deterioration alerts; imaging triage; emergency department acuity scoring",
        "6 months",
        "72 hours",
        "45 days",
    ],
    [
        "3.",
        "Class 2 \u2014 moderate impact",
        "Generates or summarizes clinical content, or influences patient flow, where a health professional "
        "approves the output before use",
        "Ambient documentation; discharge summary drafting; bed allocation prediction",
        "12 months",
        "7 days",
        "60 days",
    ],
    [
        "4.{fn:class2p}",
        "Class 2P \u2014 patient-facing",
        "Patient-facing system that does not give individual diagnosis or treatment advice",
        "Appointment and navigation chatbots; pre-visit symptom questionnaires",
        "6 months",
        "72 hours",
        "60 days",
    ],
    [
        "5.",
        "Class 3 \u2014 low impact",
        "Operational use with no direct influence on the care of an individual patient",
        "Staff rostering; operating room block scheduling; interpreter demand forecasting",
        "24 months",
        "15 days",
        "Not required",
    ],
]
SCHEDULE1_NOTE = (
    "Note: Periods in columns 5 and 6 run from the day the operator becomes aware of the serious "
    "incident or completes the periodic review, as the case may be."
)

SCHEDULE2_ITEMS = [
    "The name of the operator and of the facility, and the facility\u2019s licence number.",
    "The name and business contact information of the designated AI officer.",
    "The name, version and supplier of the AI system, and the number of any medical device licence issued for it.",
    "The class to which the system has been assigned under Schedule 1 and the reasons for the assignment.",
    "The intended use of the system, the clinical areas in which it will be deployed and the expected number "
    "of patients per year whose care it will affect.",
    "A summary of the results of the local validation, including the subgroup results under paragraph 9(1)(b), "
    "or the identification of the recognised multi-site validation study relied on under subsection 9(3).",
    "A summary of the monitoring plan, including the tolerance that defines performance drift.",
    "The date on which the AI oversight committee approved the deployment.",
    "The date on which the privacy impact assessment was completed.",
    "A description of the roles of the human reviewers and of the training they have received.",
    "The proposed date of deployment.",
]

HISTORY = [
    [
        "V.R. 87/26",
        "Made 4 March 2026; filed 12 March 2026",
        "Gazette Part II, 27 March 2026",
        "1 July 2026 (ss. 13, 15: 1 January 2027)",
    ],
    ["V.R. 153/26", "Made 6 August 2026; filed 14 August 2026", "Gazette Part II, 28 August 2026", "1 October 2026"],
]
