"""Build a FICTIONAL two-column journal article (a Delphi consensus statement) as a PDF by Chromium
print-to-PDF, its words hyphenated at line ends (`corvell_hyphens`).

Deterministic: same HTML in, same layout out. `build.py` calls `build(out, chromium)`.
"""

import os
from pathlib import Path

from corvell_hyphens import hyphenate_html
from playwright.sync_api import sync_playwright

STEM = "Corvell_CSHI_Generative_AI_Consensus_Statement"
JOURNAL = "Journal of Hospital Informatics and Governance"
JABBR = "J Hosp Inform Gov"
VOLISS = "Vol. 14, No. 3"
YEAR = "2025"
DOI = "10.5555/jhig.2025.0314"

CSS = r"""
@page { size: A4; }
html { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 9.5pt; color: #111; }
body { margin: 0; }
.notice { border: 1px solid #b00; color: #b00; font-family: "DejaVu Sans", sans-serif; font-size: 7.4pt;
          padding: 3px 6px; margin-bottom: 6px; }
.masthead { display: flex; justify-content: space-between; align-items: flex-end;
            border-bottom: 2.2px solid #1d3f6e; padding-bottom: 3px; margin-bottom: 8px;
            font-family: "DejaVu Sans", sans-serif; }
.masthead .jn { font-size: 12.5pt; font-weight: bold; color: #1d3f6e; }
.masthead .meta { font-size: 7.2pt; text-align: right; color: #333; }
.arttype { font-family: "DejaVu Sans", sans-serif; font-size: 7.8pt; letter-spacing: 0.08em;
           text-transform: uppercase; color: #1d3f6e; font-weight: bold; margin-top: 2px; }
h1.title { font-family: "DejaVu Sans", sans-serif; font-size: 15.5pt; line-height: 1.2; margin: 4px 0 6px 0;
           color: #0d2547; }
.authors { font-size: 9.6pt; margin-bottom: 3px; }
.affils { font-size: 7.2pt; line-height: 1.3; color: #333; margin-bottom: 3px; }
.corr, .dates { font-size: 7.2pt; color: #333; }
.dates { margin: 2px 0 6px 0; }
.abstract { background: #eef3f9; border-top: 1.5px solid #1d3f6e; border-bottom: 1.5px solid #1d3f6e;
            padding: 5px 8px; font-size: 8.4pt; text-align: justify; hyphens: auto; -webkit-hyphens: auto;
            margin-bottom: 8px; }
.abstract p { margin: 2px 0; }
.abstract b.lab { font-family: "DejaVu Sans", sans-serif; color: #1d3f6e; }
.kw { font-size: 7.6pt; margin-top: 3px; }
.cols { column-count: 2; column-gap: 6.5mm; column-fill: auto; text-align: justify;
        hyphens: auto; -webkit-hyphens: auto; line-height: 1.36; orphans: 2; widows: 2; }
.cols p { margin: 0 0 0 0; text-indent: 1.1em; }
.cols h2 + p, .cols h3 + p, .cols .noind { text-indent: 0; }
h2 { font-family: "DejaVu Sans", sans-serif; font-size: 9.6pt; color: #0d2547; margin: 8px 0 3px 0;
     break-after: avoid; }
h3 { font-family: "DejaVu Sans", sans-serif; font-size: 8.7pt; font-style: italic; font-weight: bold;
     margin: 6px 0 2px 0; break-after: avoid; }
sup { font-size: 6.2pt; line-height: 0; }
.keypoints { border: 1.2px solid #1d3f6e; background: #f6f8fb; padding: 4px 7px; margin: 0 0 7px 0;
             break-inside: avoid; font-size: 8.2pt; }
.keypoints .bt, .box .bt { font-family: "DejaVu Sans", sans-serif; font-weight: bold; color: #1d3f6e;
             font-size: 8.4pt; margin-bottom: 2px; }
.keypoints ul, .box ul { margin: 2px 0 2px 0; padding-left: 1.2em; }
.keypoints li, .box li { margin-bottom: 1.5px; }
.box { background: #fbf3e6; border-left: 3px solid #c07a12; padding: 4px 7px; margin: 6px 0;
       break-inside: avoid; font-size: 8.2pt; }
.fn { font-size: 7pt; border-top: 0.6px solid #555; margin: 5px 0 5px 0; padding-top: 2px; width: 100%;
      line-height: 1.25; }
.fn p { text-indent: 0 !important; margin: 0 0 1px 0 !important; }
table { border-collapse: collapse; width: 100%; }
.tcap { font-family: "DejaVu Sans", sans-serif; font-size: 7.8pt; margin: 4px 0 2px 0; text-align: left; }
.tcap b { color: #1d3f6e; }
table.small { font-size: 7.3pt; margin: 2px 0 2px 0; break-inside: avoid; }
table.small th, table.small td { border-bottom: 0.5px solid #888; padding: 1.5px 3px; text-align: left;
             vertical-align: top; hyphens: manual; }
table.small thead th { border-top: 1.2px solid #111; border-bottom: 0.9px solid #111; }
.tnote { font-size: 6.8pt; color: #333; margin: 1px 0 6px 0; text-align: left; line-height: 1.25; }
.spanning { column-span: all; -webkit-column-span: all; margin: 6px 0 8px 0; break-inside: avoid; }
table.wide { font-size: 7.4pt; line-height: 1.25; }
table.wide th, table.wide td { border-bottom: 0.5px solid #999; padding: 2.5px 4px; vertical-align: top;
             text-align: left; }
table.wide thead th { background: #1d3f6e; color: #fff; font-family: "DejaVu Sans", sans-serif;
             font-weight: bold; }
table.wide tbody tr:nth-child(even) td { background: #f1f4f8; }
.figure { margin: 6px 0 6px 0; break-inside: avoid; text-indent: 0; }
.figure .cap { font-size: 7.3pt; line-height: 1.25; margin-top: 2px; }
.figure .cap b { font-family: "DejaVu Sans", sans-serif; color: #1d3f6e; }
ol.recs { padding-left: 1.5em; margin: 3px 0; }
ol.recs li { margin-bottom: 3px; }
ol.recs .agree { font-family: "DejaVu Sans", sans-serif; font-size: 7.2pt; color: #1d3f6e; font-weight: bold;
                 white-space: nowrap; }
.abbr { font-size: 7.6pt; line-height: 1.3; }
.abbr p { text-indent: 0 !important; }
.backmatter { font-size: 7.8pt; }
.backmatter p { text-indent: 0 !important; margin-bottom: 2px !important; }
ol.refs { font-size: 7.1pt; line-height: 1.27; padding-left: 1.9em; margin: 2px 0; text-align: left;
          hyphens: manual; }
ol.refs li { margin-bottom: 1.2px; }
"""

FRONT = f"""
<div class="notice">FICTIONAL DOCUMENT &mdash; created as a test fixture. The Corvell Society of Hospital
Informatics, all authors, institutions, the journal, its DOI and every reference below are invented. Nothing in
this article is real guidance.</div>
<div class="masthead"><div class="jn">{JOURNAL}</div>
<div class="meta">{JABBR} {YEAR};14(3):211&ndash;221<br>https://doi.org/{DOI}</div></div>
<div class="arttype">Consensus Statement</div>
<h1 class="title">Governing generative artificial intelligence in hospitals: a Corvell Society of Hospital
Informatics Delphi consensus statement on ambient scribes, drafted patient messages and discharge summaries</h1>
<div class="authors">Miriam O&#8217;Halloran<sup>1,2</sup>, Tobias Lindqvist-Aro<sup>3</sup>, Priya
Venkataraman<sup>1,4</sup>, Daniel Okafor-Reyes<sup>5</sup>, Hélène Brissac<sup>6</sup>, Samuel J.
Whitcombe<sup>2,7</sup>, Aiko Matsudaira<sup>8</sup>, on behalf of the CSHI Generative AI Working Group</div>
<div class="affils"><sup>1</sup>Department of Clinical Informatics, Eastmere University Hospital, Eastmere;
<sup>2</sup>School of Health Data Science, University of Halvard; <sup>3</sup>Office of the Chief Medical
Information Officer, Nordvik Regional Hospital Trust; <sup>4</sup>Department of Internal Medicine, Eastmere
University Hospital; <sup>5</sup>Nursing Informatics Unit, St Columba&#8217;s General Hospital, Porthallow;
<sup>6</sup>Pharmacy and Medicines Safety Directorate, Centre Hospitalier de Valmoreau; <sup>7</sup>Patient and
Public Partnership Board, Corvell Society of Hospital Informatics; <sup>8</sup>Digital Health Governance
Programme, Kisaragi Medical Centre.</div>
<div class="corr"><b>Correspondence:</b> Dr Miriam O&#8217;Halloran, Department of Clinical Informatics, Eastmere
University Hospital, 14 Quayside Road, Eastmere EM2 7QT. Email: m.ohalloran@eastmere-uh.example</div>
<div class="dates"><b>Received</b> 9 September 2024 &middot; <b>Revised</b> 2 December 2024 &middot;
<b>Accepted</b> 17 January 2025 &middot; <b>Published online</b> 4 March 2025</div>
<div class="abstract">
<p><b class="lab">Background:</b> Hospitals are adopting generative artificial intelligence (AI) faster than
their governance arrangements can adapt. Ambient scribes, large language model (LLM) drafting of replies to
patient portal messages and LLM-drafted discharge summaries are now in routine use, yet there is little
agreement about what oversight, validation and monitoring they need.</p>
<p><b class="lab">Methods:</b> The Corvell Society of Hospital Informatics (CSHI) convened a panel of 38
clinicians, informaticians, nurses, pharmacists, privacy officers and patient partners from seven countries.
Candidate statements derived from a structured evidence review were rated in a three-round modified Delphi
process between February and June 2024. Consensus was defined in advance as at least 75% of respondents rating a
statement 7&ndash;9 on a nine-point scale.</p>
<p><b class="lab">Results:</b> The panel reached consensus on 14 recommendations covering governance structures,
risk tiering, pre-deployment validation, contracting, clinician training, use-case specific safeguards and
post-deployment monitoring. Agreement ranged from 76% to 100%. The panel judged fully autonomous patient-facing
clinical advice to be outside acceptable use at present.</p>
<p><b class="lab">Conclusions:</b> Generative AI in hospitals should be governed as a clinical safety matter
rather than as an IT procurement. The recommendations are intended as a minimum standard that hospitals can adopt
and extend locally.</p>
<div class="kw"><b>Keywords:</b> generative artificial intelligence; large language models; ambient scribe;
clinical documentation; patient portal; discharge summary; clinical governance; Delphi consensus</div>
</div>
"""

BODY = r"""
<div class="keypoints"><div class="bt">Key points</div>
<ul>
<li>Every generative AI tool used in patient care should sit under a single hospital oversight committee and
appear on a public-facing internal register.</li>
<li>Tools are assigned to one of four risk tiers; the tier, not the vendor&#8217;s marketing category, decides
how much human review and monitoring is required.</li>
<li>No AI-drafted text should reach a patient or enter the legal health record without a named clinician having
read it.</li>
<li>Monitoring is continuous: sampled audits every month, explicit pause thresholds and revalidation whenever the
underlying model changes.</li>
</ul></div>

<h2>1. Introduction</h2>
<p>Generative artificial intelligence has moved from pilot projects to everyday clinical work in under three
years.<sup>1&ndash;3</sup> The most common hospital applications are ambient scribes, which listen to a
consultation and produce a draft note; drafting of replies to messages that patients send through portals; and
drafting of discharge summaries from the inpatient record.<sup>4,5</sup> Each promises to relieve clinicians of
documentation burden, a recognised contributor to professional exhaustion and attrition.<sup>6</sup></p>
<p>These tools differ from earlier clinical decision support in three important ways. First, their output is
fluent free text, which makes errors harder to spot than an implausible number in a risk score.<sup>7</sup>
Second, the underlying models are frequently updated by vendors, sometimes without notice, so that a tool
validated in one quarter may behave differently in the next.<sup>8</sup> Third, they sit inside the workflow of
almost every clinician, so that small error rates translate into large absolute numbers of affected
records.<sup>9</sup></p>
<p>Existing frameworks for AI in health care were largely written for predictive models that output a score or a
classification.<sup>10,11</sup> Hospital leaders, including chief information officers (CIOs) and chief medical
information officers (CMIOs), have told the Society that they lack practical, specific guidance on generative AI:
how many notes to audit, how long to keep recordings, who must sign what, and when to switch a tool
off.<sup>12</sup> This consensus statement responds to that request. It is addressed to hospital boards, CMIOs,
chief nursing information officers, clinical safety officers, privacy officers and the clinicians who use the
tools.</p>
<div class="fn"><p><sup>a</sup> Throughout this statement, &#8220;hospital&#8221; includes any acute or specialist
inpatient provider and its associated outpatient clinics; community-only services were outside the scope of the
panel.</p></div>

<h2>2. Methods</h2>
<h3>2.1 Panel composition</h3>
<p>The CSHI Board appointed two co-chairs (M.O&#8217;H., T.L.-A.), who recruited a panel of 38 members from
seven countries by purposive sampling. The panel comprised 11 physicians from hospital medicine, emergency
medicine, surgery and general practice; 7 nurses or nurse informaticians; 4 pharmacists; 6 clinical informaticians
or CMIOs; 3 health information management professionals; 3 privacy or information governance officers; and 4
patient partners recruited through the Society&#8217;s Patient and Public Partnership Board. No panel member was
employed by a vendor of generative AI products.</p>
<h3>2.2 Evidence review and Delphi process</h3>
<p>A structured review of published studies, regulatory guidance and hospital policies (January 2021 to
November 2023) generated 61 candidate statements.<sup>13</sup> Panellists rated each statement on a nine-point
scale (1&ndash;3 disagree, 4&ndash;6 uncertain, 7&ndash;9 agree) in an anonymous online survey and could propose
rewording. Consensus was defined a priori as at least 75% of respondents rating a statement 7&ndash;9.
Statements that reached consensus were carried forward; statements that did not were revised or merged for the
next round and were dropped if they failed to reach consensus after the third round.</p>
<p>The three rounds are summarised in Table 1. Between rounds 2 and 3, a two-hour online consensus meeting was
held to discuss statements with 60&ndash;74% agreement. The final 14 recommendations (Section 7) consolidate the
statements that reached consensus in the last round.</p>
<div class="tcap"><b>Table 1.</b> Modified Delphi rounds</div>
<table class="small">
<thead><tr><th>Round</th><th>Dates (2024)</th><th>Statements rated</th><th>Responses</th></tr></thead>
<tbody>
<tr><td>1</td><td>5&ndash;26 Feb</td><td>61</td><td>38 (100%)</td></tr>
<tr><td>2</td><td>8&ndash;29 Apr</td><td>47</td><td>36 (95%)</td></tr>
<tr><td>3</td><td>3&ndash;24 Jun</td><td>19</td><td>34 (89%)</td></tr>
</tbody></table>
<div class="tnote">Consensus threshold: &ge;75% of respondents rating 7&ndash;9. Response percentages are of the
38 panellists invited to every round.</div>

<h3>2.3 Scope and definitions</h3>
<p>The statement covers generative AI systems that produce clinical or patient-facing text in hospitals. Image
generation, research uses and systems used only by hospital administrators without patient data were excluded.
The panel agreed the following working definitions.</p>
<p>We define an <i>ambient scribe</i> as a system that captures the audio of a clinical conversation, with the
agreement of those present, and uses speech recognition and a large language model to produce a draft note for
the clinician to review. We define <i>AI-drafted content</i> as any text generated wholly or partly by a
generative model that a clinician has not yet reviewed and accepted.</p>
<p>We define a <i>clinically significant error</i> as any omission, addition or misstatement in AI-drafted
content that, if left uncorrected, could plausibly change a diagnostic or treatment decision or mislead the
patient about their care. Content invented by the model and not supported by the conversation or the record
(sometimes called a hallucination) counts as a clinically significant error when it meets this test.</p>
<p>We define the <i>unedited-send rate</i> as the proportion of AI-drafted patient messages that are sent by a
clinician without any change to the draft. The panel regarded a persistently high unedited-send rate as the most
practical available signal of automation bias.<sup>14</sup></p>
<p>Finally, the <i>accountable clinical owner</i> of a tool is a named senior clinician who is responsible for its
safe use in the hospital, for approving its intended use and for acting on monitoring results. The accountable
clinical owner may not be the same person as the hospital&#8217;s clinical safety officer for that tool.</p>

<h2>3. Governance structures</h2>
<h3>3.1 A single oversight committee</h3>
<p>The panel strongly favoured one hospital-wide committee over separate arrangements for each department or each
product. We refer to this body as the Generative AI Oversight Committee (GAIOC), although hospitals may fold its
functions into an existing digital clinical safety committee provided that the membership and meeting requirements
below are met. The GAIOC should be chaired by the CMIO or, where there is none, by a senior clinician nominated by
the medical director, and should report to the board quality committee at least twice a year.</p>
<p>Membership should include at minimum the CMIO, a senior nurse, a pharmacist, the clinical safety officer, the
data protection or privacy officer, a representative of health information management and at least one patient
partner. The committee is quorate when five members are present, of whom at least one must be a nurse and at
least one must be a pharmacist. During the first six months after a hospital&#8217;s first generative AI
deployment the GAIOC should meet monthly; thereafter it should meet at least quarterly, and within 10 working days
of any serious incident involving a generative AI tool.</p>
<h3>3.2 Risk tiers</h3>
<p>Every use case should be assigned to one of four tiers before approval (Table 2). <i>Tier 1</i> covers
administrative text that contains no individual clinical judgement, such as replies about appointment times or
parking. <i>Tier 2</i> covers clinical documentation that a clinician reviews in full before it is filed and that
does not reach the patient directly. <i>Tier 3</i> covers content that reaches patients or other care teams and
could influence care, including replies to clinical questions and discharge summaries. <i>Tier 4</i> covers uses
the panel considered unacceptable at present, chiefly autonomous symptom advice given to patients with no
clinician in the loop.</p>
<p>The tier is a property of the use case, not of the product: the same vendor tool may be Tier 2 in an
outpatient clinic and Tier 3 in the emergency department. When a use case is ambiguous, the GAIOC should assign
the higher tier.<sup>15</sup></p>
<h3>3.3 The generative AI register</h3>
<p>Each hospital should keep a register of every generative AI tool in clinical use, visible to all staff on the
intranet. Tools that are not on the register should not be used with patient data, including free consumer
chatbots accessed from personal devices. The minimum content of a register entry is listed in Box 1. Register
entries should be reviewed by the accountable clinical owner every six months and whenever the vendor changes the
model.</p>
<div class="box"><div class="bt">Box 1. Minimum content of a register entry</div>
<ul>
<li>Tool name, vendor and the version of the underlying model</li>
<li>Intended use, and uses that are explicitly excluded</li>
<li>Risk tier and the date it was assigned</li>
<li>Accountable clinical owner and clinical safety officer (different people)</li>
<li>Departments and staff groups approved to use the tool</li>
<li>Date and headline result of the most recent local validation</li>
<li>Retention periods for audio recordings and transcripts</li>
<li>Monitoring metrics, pause thresholds and the audit schedule</li>
<li>Date of the next scheduled review</li>
</ul></div>

<h3>3.4 Roles and responsibilities</h3>
<p>The board remains responsible for ensuring that the GAIOC has the time, staff and analytical support it needs,
and should receive its reports as described above. The CMIO chairs the committee and, for Tier 3 use cases, must
sign the approval personally in addition to the committee decision. The clinical safety officer maintains a hazard
log for each tool, reviews it before every go-live and after every model change, and advises the committee on
residual risk. The privacy officer approves the data protection impact assessment and the retention settings. The
health information management team draws the audit samples described in Section 6 and protects the integrity of
the legal health record. Individual users remain responsible for every document they sign: reading the whole
draft, correcting it and reporting errors are part of using the tool, not optional extras.</p>
<p>Departments that adopt a tool should nominate at least one super-user, normally a clinician who took part in
the pilot, who supports colleagues, co-reviews the early notes of new users and collects informal feedback for the
accountable clinical owner.</p>
<h2>4. Requirements before deployment</h2>
<h3>4.1 Local validation</h3>
<p>Vendor performance claims are not a substitute for local evidence, because accents, specialty vocabulary,
documentation templates and patient populations differ between hospitals.<sup>16</sup> Before any Tier 2 or Tier
3 tool is approved for general use, the hospital should complete a local validation on at least 200 encounters or
documents drawn from at least three specialties. At least 20% of the validation sample should be reviewed
independently by two clinicians, with disagreements settled by a third.</p>
<p>A tool should proceed beyond validation only if the clinically significant error rate in drafts, before
clinician correction, is below 1 per 100 notes, and no error in the sample would have caused severe harm had it
remained uncorrected. Errors should be graded with the severity scale in Section 6.2.</p>
<h3>4.2 Pilot phase</h3>
<p>After validation, each tool should enter a time-limited pilot lasting 90 days and involving no more than 25
clinicians, before it is offered more widely. The pilot should include a documented downtime procedure, so that
clinicians can return to conventional documentation immediately if the tool fails, and a named super-user in every
participating department.</p>
<div class="spanning">
<div class="tcap"><b>Table 2.</b> Risk tier, minimum human review and monitoring by use case</div>
<table class="wide">
<thead><tr><th style="width:20%">Use case</th><th style="width:11%">Risk tier</th>
<th style="width:28%">Required human review</th><th style="width:22%">Monitoring metric</th>
<th style="width:19%">Review frequency</th></tr></thead>
<tbody>
<tr><td>Ambient scribe &ndash; outpatient consultation note</td><td>Tier 2</td>
<td>Treating clinician reads the whole draft, corrects it and signs before it is filed</td>
<td>Clinically significant error rate in audited notes</td>
<td>Monthly audit of at least 2% of notes</td></tr>
<tr><td>Ambient scribe &ndash; emergency department</td><td>Tier 3</td>
<td>Treating clinician signs; a senior clinician reviews notes of patients who are admitted</td>
<td>Clinically significant error rate; time from discharge to signature</td>
<td>Fortnightly for the first 90 days, then monthly</td></tr>
<tr><td>Patient portal replies &ndash; administrative questions</td><td>Tier 1</td>
<td>Any trained staff member reviews before sending</td>
<td>Patient complaints; unedited-send rate</td>
<td>Quarterly</td></tr>
<tr><td>Patient portal replies &ndash; clinical questions</td><td>Tier 3</td>
<td>Registered clinician reads, edits where needed and sends personally; never sent automatically</td>
<td>Unedited-send rate (review trigger above 80%); error rate in audited replies</td>
<td>Monthly</td></tr>
<tr><td>Discharge summary &ndash; hospital course narrative</td><td>Tier 3</td>
<td>Responsible clinician checks against the record and signs; medicines section taken from the reconciled list</td>
<td>Omission of key inpatient events; feedback from primary care</td>
<td>Monthly</td></tr>
<tr><td>Referral and clinic letters</td><td>Tier 2</td>
<td>Author reads and signs before dispatch</td>
<td>Clinically significant error rate</td>
<td>Quarterly</td></tr>
<tr><td>Clinical coding suggestions</td><td>Tier 2</td>
<td>Certified clinical coder confirms every suggested code</td>
<td>Coder override rate</td>
<td>Quarterly</td></tr>
<tr><td>Autonomous symptom advice to patients</td><td>Tier 4</td>
<td>Not recommended for use</td><td>&ndash;</td><td>&ndash;</td></tr>
</tbody></table>
<div class="tnote">Review frequency refers to review of monitoring results by the accountable clinical owner; all
results are reported to the Generative AI Oversight Committee at each of its meetings. Tier 4 uses should not be
approved.</div>
</div>

<h3>4.3 Contracts and data protection</h3>
<p>A data protection impact assessment should be completed and approved by the privacy officer before any
patient data are processed. Contracts with vendors should, as a minimum:</p>
<ul>
<li>prohibit the vendor from using hospital patient data, audio or transcripts to train or fine-tune models
without the hospital&#8217;s explicit written agreement;</li>
<li>require at least 60 days&#8217; written notice before any material change to the underlying model;</li>
<li>require notification of any data breach affecting hospital data within 48 hours of its discovery;</li>
<li>give the hospital rights to audit, to obtain its data in a usable format and to have it deleted when the
contract ends.</li>
</ul>
<h3>4.4 Clinician training</h3>
<p>Before receiving access, every user should complete a training module of around 45 minutes that covers the
tool&#8217;s intended use, typical failure modes, how to obtain and record patient agreement, and how to report an
incident. Training should be refreshed every 12 months. For each new user, the first 10 AI-drafted notes should be
co-reviewed with a departmental super-user before the user works unsupervised.</p>
<div class="fn"><p><sup>b</sup> The 45-minute figure reflects the median length of the training modules shared
with the panel by participating hospitals; it is intended as guidance rather than a fixed requirement.</p></div>

<h2>5. Use-case specific safeguards</h2>
<h3>5.1 Ambient scribes</h3>
<p><i>Patient agreement.</i> Patients should be told at the start of each encounter that an ambient scribe is in
use and asked for verbal agreement, which should be recorded in the note. Patients may decline without giving a
reason and without any effect on their care, and the clinician should then switch the device off for the whole
encounter. Notices explaining the use of ambient scribes should be displayed in waiting areas and included in
appointment letters.<sup>17</sup></p>
<p><i>Encounters to exclude.</i> The panel agreed that ambient scribes should not be used during safeguarding
disclosures, forensic examinations or psychotherapy sessions, nor when the clinician judges that recording would
inhibit the patient from speaking freely.</p>
<p><i>Retention.</i> Raw audio should be retained for no longer than 30 days after the note has been signed, and
then deleted by the vendor and the hospital. The panel recognised that some hospitals use audio to investigate
complaints; 30 days was judged a reasonable balance between that need and the privacy risk of holding recordings
of intimate conversations. Transcripts may be retained for up to 12 months for audit and quality improvement but
do not form part of the legal health record; the signed note does.<sup>18</sup></p>
<h3>5.2 Drafted replies to patient messages</h3>
<p>Drafting of replies to patient portal messages is the use case in which AI-generated text most directly reaches
patients. Drafts of replies to clinical questions must never be sent automatically: a registered clinician must
read the draft, edit it where needed and send it personally. Every reply that began as an AI draft should carry a
short statement telling the patient that it was prepared with the help of AI and reviewed by a named member of
their care team.<sup>19</sup></p>
<p>Hospitals should monitor the unedited-send rate for each clinician group. An unedited-send rate above 80% over
any four-week period should trigger a review by the accountable clinical owner, because it suggests that drafts
are being accepted without scrutiny. Drafts should not be generated for messages flagged by the portal as urgent;
such messages should be routed to the responsible team in the usual way.</p>
<h3>5.3 Discharge summaries</h3>
<p>LLM-drafted discharge summaries should be limited to the narrative of the hospital course. The medicines
section must not be generated or rewritten by the language model; it should be populated directly from the
reconciled medication list in the electronic health record (EHR), because omissions and dose errors in this
section were the most frequently reported harm in the evidence review.<sup>20,21</sup> The responsible clinician
must check the draft against the record and sign it, and the signed summary should be released to the
patient&#8217;s primary care team within 24 hours of discharge. A visible provenance statement should tell
recipients that the narrative was drafted with AI assistance.</p>

<h3>5.4 Other documentation uses</h3>
<p>Referral and clinic letters drafted from structured data and dictation carry lower risk than discharge
summaries because the author usually knows the patient well and signs the letter shortly after the encounter. The
panel nevertheless placed them in Tier 2, with the author reading and signing every letter before dispatch.
Clinical coding suggestions generated from the discharge record may speed up coding, but every suggested code must
be confirmed by a certified clinical coder, and the coder override rate should be reported to the GAIOC each
quarter.</p>
<div class="figure">
<svg viewBox="0 0 330 300" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, sans-serif" font-size="8.2">
<defs><marker id="ar" markerWidth="7" markerHeight="7" refX="6" refY="3.5" orient="auto">
<path d="M0,0 L7,3.5 L0,7 z" fill="#1d3f6e"/></marker></defs>
<g stroke="#1d3f6e" stroke-width="1" fill="#eef3f9">
<rect x="8" y="6" width="150" height="30" rx="4"/>
<rect x="8" y="52" width="150" height="30" rx="4"/>
<rect x="8" y="98" width="150" height="30" rx="4"/>
<rect x="8" y="144" width="150" height="30" rx="4"/>
<rect x="8" y="190" width="150" height="30" rx="4"/>
<rect x="8" y="236" width="150" height="30" rx="4"/>
<rect x="188" y="236" width="134" height="30" rx="4" fill="#fbf3e6" stroke="#c07a12"/>
<rect x="188" y="144" width="134" height="30" rx="4" fill="#fdecea" stroke="#b00"/>
<rect x="188" y="52" width="134" height="30" rx="4" fill="#fdecea" stroke="#b00"/>
</g>
<g fill="#0d2547" text-anchor="middle">
<text x="83" y="19">1. Proposal and</text><text x="83" y="30">intended use</text>
<text x="83" y="65">2. Risk tier assigned</text><text x="83" y="76">by GAIOC (Tier 1&#8211;4)</text>
<text x="83" y="111">3. Local validation</text><text x="83" y="122">(200+ encounters)</text>
<text x="83" y="157">4. Pilot: 90 days,</text><text x="83" y="168">up to 25 clinicians</text>
<text x="83" y="203">5. Approval for</text><text x="83" y="214">general use</text>
<text x="83" y="249">6. Monitoring and</text><text x="83" y="260">monthly audit</text>
<text x="255" y="249">Revalidation after model</text><text x="255" y="260">change or 12 months</text>
<text x="255" y="157">Pause: error rate</text><text x="255" y="168">above 3% or grade 3 error</text>
<text x="255" y="65">Tier 4: not</text><text x="255" y="76">approved</text>
</g>
<g stroke="#1d3f6e" stroke-width="1.1" fill="none" marker-end="url(#ar)">
<line x1="83" y1="36" x2="83" y2="50"/><line x1="83" y1="82" x2="83" y2="96"/>
<line x1="83" y1="128" x2="83" y2="142"/><line x1="83" y1="174" x2="83" y2="188"/>
<line x1="83" y1="220" x2="83" y2="234"/>
<line x1="158" y1="251" x2="186" y2="251"/>
<line x1="158" y1="67" x2="186" y2="67"/>
<path d="M158,245 L172,245 L172,159 L186,159"/>
<path d="M322,251 L327,251 L327,113 L160,113" stroke-dasharray="3,2"/>
</g>
</svg>
<div class="cap"><b>Figure 1.</b> Life cycle of a generative AI tool under the recommended governance model.
GAIOC, Generative AI Oversight Committee. Solid arrows show the normal pathway; the right-hand boxes show exits
to pause, rejection and periodic revalidation, after which the tool re-enters local validation.</div>
</div>

<h2>6. Monitoring and audit after deployment</h2>
<h3>6.1 Sampled audit</h3>
<p>Because clinicians correct drafts before signing, post-deployment audit should compare the AI draft with the
signed version as well as with the source conversation or record. The panel recommends that each department using
a Tier 2 or Tier 3 documentation tool should audit at least 2% of AI-drafted notes each month, with a minimum of
30 notes per department per month where the 2% sample would be smaller. Samples should be drawn at random by the
health information management team rather than chosen by the clinicians whose notes are audited.<sup>22</sup></p>
<h3>6.2 Grading errors</h3>
<p>Audited errors should be graded on a three-point scale. A grade 1 error is a clinically significant error that
was corrected before the note was signed. A grade 2 error is one that reached the signed record or the patient but
caused no harm. A grade 3 error is one that reached the signed record or the patient and caused, or was likely to
cause, moderate or severe harm.</p>
<h3>6.3 Pause thresholds</h3>
<p>The accountable clinical owner should pause a tool in the affected department within 24 hours if the
clinically significant error rate in the monthly audit exceeds 3%, or immediately after any grade 3 error. A paused
tool may only be restarted with the approval of the GAIOC after a root cause review. An error rate between 1% and
3% should prompt a targeted review and additional training but need not interrupt use.</p>
<h3>6.4 Model changes and revalidation</h3>
<p>Whenever the vendor notifies a material change to the underlying model, the hospital should re-run a fixed
regression set of at least 50 de-identified cases and compare the results with the previous version before the
updated model is used for patient care. Independently of vendor changes, every tool should undergo a full local
revalidation at least every 12 months.<sup>23</sup></p>
<h3>6.5 Incident reporting</h3>
<p>Suspected errors in AI-drafted content that reach the patient or the signed record should be reported through
the hospital&#8217;s usual incident reporting system, tagged as AI-related, within 72 hours of discovery. The
clinical safety officer should share a monthly summary of AI-related incidents with the GAIOC and, for grade 3
errors, with the vendor.<sup>24</sup></p>

<h3>6.6 Patient reports of errors</h3>
<p>Patients are often the first to notice that a document about them is wrong. Hospitals should give patients a
simple way to report an error in an AI-drafted letter, reply or summary, for example through the portal, and
should correct the record within 5 working days of a verified report. Such reports should also be counted in the
monitoring data for the tool concerned.</p>
<h3>6.7 Withdrawing a tool</h3>
<p>When a tool is withdrawn, the hospital should obtain written confirmation from the vendor, within 90 days of
the end of the contract, that all hospital audio, transcripts and derived data have been deleted. The register
entry for a withdrawn tool should not be deleted; it should be marked as withdrawn and kept for at least 8 years,
so that questions about documents produced during its use can still be answered.</p>
<h2>7. Recommendations</h2>
<p class="noind">The 14 recommendations below reached consensus in the final Delphi round. The figure after each
recommendation is the percentage of round 3 respondents who rated it 7&ndash;9.<sup>c</sup></p>
<ol class="recs">
<li>Govern all generative AI tools used in patient care through a single hospital-wide oversight committee chaired
by the CMIO or a nominated senior clinician. <span class="agree">Agreement 97%</span></li>
<li>Keep an intranet register of every approved tool containing at least the items in Box 1, and prohibit the use
of unregistered tools with patient data. <span class="agree">Agreement 94%</span></li>
<li>Assign every use case to a risk tier before approval, choosing the higher tier when in doubt.
<span class="agree">Agreement 91%</span></li>
<li>Name an accountable clinical owner for each tool, who must be a different person from its clinical safety
officer. <span class="agree">Agreement 88%</span></li>
<li>Complete local validation on at least 200 encounters from at least three specialties before general use.
<span class="agree">Agreement 85%</span></li>
<li>Run a pilot of 90 days with no more than 25 clinicians before scaling.
<span class="agree">Agreement 82%</span></li>
<li>Prohibit vendors by contract from using hospital patient data to train models without explicit written
agreement, and require 60 days&#8217; notice of material model changes.
<span class="agree">Agreement 100%</span></li>
<li>Require training before access, with annual refreshers and co-review of each new user&#8217;s first 10 notes.
<span class="agree">Agreement 86%</span></li>
<li>Obtain and record verbal agreement from the patient at every ambient scribe encounter, and stop recording if
the patient declines. <span class="agree">Agreement 95%</span></li>
<li>Delete raw ambient audio no later than 30 days after the note is signed.
<span class="agree">Agreement 79%</span></li>
<li>Never send AI-drafted replies to clinical questions automatically, and tell patients when a reply began as an
AI draft. <span class="agree">Agreement 92%</span></li>
<li>Populate the medicines section of discharge summaries from the reconciled medication list, never from the
language model. <span class="agree">Agreement 98%</span></li>
<li>Audit at least 2% of AI-drafted notes each month and pause a tool within 24 hours when the error rate exceeds
3% or after any grade 3 error. <span class="agree">Agreement 83%</span></li>
<li>Re-test on a fixed regression set after every model change and revalidate every tool at least annually.
<span class="agree">Agreement 76%</span></li>
</ol>
<div class="fn"><p><sup>c</sup> Recommendation 14 was the only recommendation that needed all three rounds to
reach consensus; several panellists considered annual revalidation too burdensome for Tier 1 and Tier 2 tools.
Recommendation 10 was the subject of the most free-text comments, mostly proposing shorter audio retention.</p></div>

<h2>8. Discussion</h2>
<p>These recommendations set a floor rather than a ceiling. Several panellists argued that hospitals with mature
safety cultures should audit more than 2% of notes in the first year, and the panel supports larger samples where
resources permit. Conversely, the panel deliberately avoided recommending a single acceptable error rate for every
use case, preferring pause thresholds linked to the risk tier and to actual harm.</p>
<p>The panel debated at length whether Tier 1 administrative uses need committee oversight at all. The majority
view was that they do, because the boundary between an administrative and a clinical question is often unclear
to the model, and because patients may not distinguish between them.<sup>25</sup> Hospitals may, however,
delegate approval of Tier 1 use cases to the chair of the GAIOC between meetings.</p>
<p>Several areas did not reach consensus and are not recommended here, including whether patients should be able
to obtain a copy of the ambient transcript on request and whether AI-drafted content should be labelled inside the
health record itself as well as in documents sent to patients and other teams. The Society intends to revisit these
questions in an update planned for 2027. The statements that came closest to consensus without reaching it are shown in Table 3.</p>
<div class="tcap"><b>Table 3.</b> Statements that did not reach consensus in round 3</div>
<table class="small">
<thead><tr><th>Statement</th><th>Agree (7&ndash;9)</th></tr></thead>
<tbody>
<tr><td>Patients may obtain a copy of the ambient transcript on request</td><td>64%</td></tr>
<tr><td>AI-drafted content is labelled inside the health record itself</td><td>71%</td></tr>
<tr><td>Raw ambient audio is deleted within 7 days of signature</td><td>58%</td></tr>
<tr><td>Tier 1 tools are exempt from committee approval</td><td>41%</td></tr>
<tr><td>Departments audit at least 5% of notes in the first year</td><td>67%</td></tr>
</tbody></table>
<div class="tnote">Percentages are of the 34 round 3 respondents. These statements are not recommendations of
the Society.</div>
<h3>8.1 Implementation</h3>
<p>The panel recognised that many hospitals already use generative AI tools that were introduced without the
arrangements described here. For these tools, the panel suggests a pragmatic transition: tools already in use
should be entered on the register within three months of a hospital adopting this statement, and should be brought
into line with all 14 recommendations within nine months, during which existing use may continue provided that
monthly audit begins immediately. Smaller hospitals without a CMIO may share a GAIOC with neighbouring
organisations, as long as each hospital names its own accountable clinical owner for every tool.</p>
<h3>8.2 Relationship to other guidance</h3>
<p>The recommendations are compatible with general frameworks for the assurance of clinical software and
predictive models, which remain applicable.<sup>10,11,15</sup> They add detail that those frameworks do not
provide for generative systems: specific audit sampling, retention limits for recordings, rules about
disclosure to patients and explicit pause thresholds. Where national law or regulation sets stricter
requirements, for example on the retention of recordings, the stricter requirement applies.</p>
<h3>8.3 Limitations</h3>
<p>The panel was drawn from hospitals that had already deployed at least one generative AI tool, which may bias it
towards enthusiasm for the technology. The evidence base was small and largely observational, and the Delphi
method captures expert agreement rather than proof of effectiveness. Patient partners made up only 4 of the 38
panellists. Finally, the field is moving quickly, and some recommendations, particularly the numerical thresholds,
may need revision as evidence accumulates.</p>
<h2>9. Conclusion</h2>
<p>Generative AI can reduce the documentation burden on hospital clinicians, but only if hospitals govern it as
carefully as any other intervention that affects patient care. A single oversight committee, a register, risk
tiers, local validation and continuous sampled audit give hospitals a proportionate and practical starting point.</p>

<h2>Abbreviations</h2>
<div class="abbr">
<p>AI, artificial intelligence; CIO, chief information officer; CMIO, chief medical information officer; CSHI,
Corvell Society of Hospital Informatics; DPIA, data protection impact assessment; EHR, electronic health record;
GAIOC, Generative AI Oversight Committee; LLM, large language model.</p></div>

<h2>Declarations</h2>
<div class="backmatter">
<p><b>Acknowledgements.</b> We thank the members of the CSHI Patient and Public Partnership Board and the
hospitals that shared their local policies with the panel.</p>
<p><b>Funding.</b> This work was funded entirely by the Corvell Society of Hospital Informatics from member
subscriptions. No funding was received from any commercial organisation, and no funder had a role in drafting the
recommendations.</p>
<p><b>Conflicts of interest.</b> T.L.-A. has received advisory fees from Quillmere Health Ltd, a developer of
clinical documentation software, unrelated to this work. D.O.-R. is an unpaid member of a nursing advisory group
convened by Halcyon Records Inc. All other authors declare no conflicts of interest. Panellists with a declared
interest in a product did not rate statements about that product category.</p>
<p><b>Author contributions.</b> M.O&#8217;H. and T.L.-A. conceived the study and chaired the panel. P.V. led the
evidence review. D.O.-R., H.B., S.J.W. and A.M. contributed to statement development and analysis. All authors
drafted and approved the final manuscript.</p>
<p><b>Data availability.</b> Anonymised round-by-round ratings are available from the corresponding author on
reasonable request.</p>
</div>

<h2>References</h2>
<ol class="refs">
<li>Ashdown R, Kerr P. Generative language models in the hospital: a two-year adoption survey. J Hosp Inform Gov. 2024;13(2):88&ndash;97.</li>
<li>Bellamy T, Fiorentino S, Hale M. From pilot to practice: enterprise roll-out of ambient documentation. Clin Inform Rev. 2024;9:301&ndash;12.</li>
<li>Chandrasekar V, Olufemi A. Large language models in acute care: a scoping review. Int J Med Syst. 2023;41(6):455&ndash;70.</li>
<li>Dunmore L, Price E, Yusuf K. Ambient scribes in outpatient clinics: a multisite observational study. Ann Digit Med. 2024;5(1):e112.</li>
<li>Eriksen J, Moravec P. Drafting replies to patient portal messages with large language models: a cross-sectional evaluation. Patient Commun Q. 2023;18(4):201&ndash;9.</li>
<li>Fairweather C, Ng H. Documentation burden and professional exhaustion among hospital physicians. Med Workforce J. 2022;30(3):144&ndash;52.</li>
<li>Gallardo M, Sørensen I. Why fluent text hides errors: a human factors analysis of AI-drafted notes. Saf Health Syst. 2024;12(2):77&ndash;86.</li>
<li>Hartigan B, Lowe D. Silent model updates and the stability of clinical language tools. J Clin Softw Assur. 2024;3:19&ndash;28.</li>
<li>Ibrahim S, Castell R, Weng L. Small error rates, large numbers: estimating the scale of documentation errors. Qual Saf Rep. 2023;22(5):310&ndash;18.</li>
<li>Jovanovic D. Governance frameworks for predictive clinical models: a comparative review. Health Policy Inform. 2022;17(1):33&ndash;48.</li>
<li>Kaur A, Lindgren E. Assuring machine learning in hospitals: lessons from risk scores. J Hosp Inform Gov. 2021;10(4):250&ndash;61.</li>
<li>Corvell Society of Hospital Informatics. Member survey on generative AI governance needs. Eastmere: CSHI; 2023.</li>
<li>Venkataraman P, O&#8217;Halloran M. Evidence review to support the CSHI generative AI consensus. CSHI Technical Report 23-07. Eastmere: CSHI; 2023.</li>
<li>Lomax G, Tanaka R. Automation bias in clinician review of machine-drafted text. Cogn Eng Med. 2024;6(2):90&ndash;101.</li>
<li>Marchetti F, Osei B. Proportionate assurance for clinical software: the case for risk tiers. Saf Health Syst. 2023;11(3):160&ndash;9.</li>
<li>Nakagawa Y, Brennan C. Local validation of ambient documentation across specialties. Ann Digit Med. 2024;5(2):e140.</li>
<li>O&#8217;Sullivan K, Adeyemi T. Patient attitudes to ambient recording in consultations. Patient Exp J. 2024;11(1):22&ndash;31.</li>
<li>Petrakis A. Audio, transcripts and the legal health record. Med Law Inform. 2023;8:57&ndash;66.</li>
<li>Quintero L, Haddad N. Disclosure of AI assistance in patient messages: effects on trust. Patient Commun Q. 2024;19(2):70&ndash;8.</li>
<li>Rasmussen H, Duarte P. Medication errors in automatically drafted discharge summaries. Pharm Saf Rev. 2024;7(3):118&ndash;27.</li>
<li>Sato M, Whitcombe SJ. Transitions of care and machine-generated summaries: a patient safety perspective. Qual Saf Rep. 2024;23(1):12&ndash;20.</li>
<li>Thorvaldsen E, Obi C. Designing random audit samples for clinical documentation. Health Inf Manag Pract. 2022;14(2):64&ndash;73.</li>
<li>Underwood J, Mei X. Regression testing for clinical language models. J Clin Softw Assur. 2024;3:41&ndash;50.</li>
<li>Vasquez R, Holm A. Incident reporting for AI-related events in hospitals. Saf Health Syst. 2024;12(4):201&ndash;10.</li>
<li>Wilmot F, Brissac H. Where administration ends and care begins: classifying patient portal messages. J Hosp Inform Gov. 2024;13(4):233&ndash;41.</li>
</ol>
"""

HEADER = f"""<div style="font-family:'DejaVu Sans',sans-serif;font-size:7px;color:#444;width:100%;
margin:0 14mm;display:flex;justify-content:space-between;border-bottom:0.5px solid #999;padding-bottom:2px;">
<span>{JOURNAL} &middot; {VOLISS} &middot; {YEAR}</span><span>O&#8217;Halloran et al. &middot; Generative AI
governance consensus</span></div>"""

FOOTER = f"""<div style="font-family:'DejaVu Sans',sans-serif;font-size:7px;color:#444;width:100%;margin:0 14mm;
display:flex;justify-content:space-between;"><span>https://doi.org/{DOI}</span>
<span>{JABBR} {YEAR};14(3) &middot; Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>"""


def build_html():
    body = hyphenate_html(BODY)
    front = hyphenate_html(FRONT)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Governing generative AI in hospitals: CSHI consensus statement (fictional)</title>
<style>{CSS}</style></head><body>{front}<div class="cols">{body}</div></body></html>"""


def build(out, chromium):
    """The article's PDF, printed by the Chromium at `chromium` into the folder `out`."""
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, STEM + ".pdf")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(build_html(), wait_until="load")
            page.pdf(
                path=path,
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=HEADER,
                footer_template=FOOTER,
                margin={"top": "17mm", "bottom": "15mm", "left": "14mm", "right": "14mm"},
            )
        finally:
            browser.close()
    return Path(path)
