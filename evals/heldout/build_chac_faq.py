"""Write the FICTIONAL CHAC FAQ web page, "Frequently asked questions: AI-enabled clinical tools
standard", as a saved HTML document that is indexed as HTML and never printed.

    python evals/heldout/build_chac_faq.py --out DIR

`build.py` calls `build(out_dir)`. The page has a "saved from url" comment, meta and Open Graph tags,
an external stylesheet and an analytics script, a cookie banner, a utility bar, the site navigation,
breadcrumbs, `<details>` accordions (two open, the others closed), a survey-phase table inside one of
them, a related-links sidebar with a newsletter form, a "Last updated" line and a footer. Text a
reader never sees holds other figures: a retired notice styled `display:none` and an `aria-hidden`
line clipped off-screen beside the table. The standard it answers from is `build_chac.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling module imports by name
import builder_cli

STEM = "CHAC_AI_Clinical_Tools_FAQ"

FAQ_HTML = r"""<!DOCTYPE html>
<!-- saved from url=(0076)https://www.chac-accredit.org/standards/hospital/ai-clinical-tools/faq.html -->
<html lang="en" class="js no-touch"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frequently asked questions: AI-enabled clinical tools standard | CHAC</title>
<meta name="description" content="Answers to common questions from hospitals about CHAC Chapter AI, AI-Enabled Clinical Tools, effective July 1, 2026.">
<meta property="og:title" content="FAQ: AI-enabled clinical tools standard">
<meta property="og:site_name" content="Consolidated Hospital Accreditation Council">
<link rel="canonical" href="https://www.chac-accredit.org/standards/hospital/ai-clinical-tools/faq.html">
<link rel="stylesheet" href="./faq_files/chac-main.min.css">
<link rel="icon" href="./faq_files/favicon.ico">
<script async src="./faq_files/tagmanager.js"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-CHAC00X1', { 'anonymize_ip': true, 'content_group': 'standards-faq' });
</script>
<style>
  :root { --chac-navy:#113d5c; --chac-rust:#a2401a; --chac-grey:#f3f5f7; }
  body { font-family: "Source Sans Pro", Arial, sans-serif; margin:0; color:#1d1d1d; }
  .skip-link { position:absolute; left:-9999px; }
  .skip-link:focus { left:8px; top:8px; background:#fff; padding:6px; }
  .site-header { background:var(--chac-navy); color:#fff; }
  .site-header a { color:#fff; text-decoration:none; }
  .utility-bar { font-size:13px; text-align:right; padding:4px 24px; background:#0b2a40; }
  .main-nav ul { display:flex; gap:22px; list-style:none; margin:0; padding:12px 24px; }
  .breadcrumb { font-size:13px; padding:10px 24px; background:var(--chac-grey); }
  .breadcrumb ol { list-style:none; display:flex; gap:6px; margin:0; padding:0; }
  .breadcrumb li+li:before { content:"\203A"; margin-right:6px; color:#888; }
  .layout { display:grid; grid-template-columns: minmax(0,3fr) minmax(220px,1fr); gap:32px; padding:24px; max-width:1180px; margin:auto; }
  details.faq { border-bottom:1px solid #d5dbe0; padding:10px 0; }
  details.faq summary { cursor:pointer; font-weight:600; font-size:17px; list-style:none; }
  details.faq summary::-webkit-details-marker { display:none; }
  details.faq summary:after { content:"+"; float:right; color:var(--chac-rust); }
  details.faq[open] summary:after { content:"\2212"; }
  .faq-body { padding:8px 4px 4px 4px; line-height:1.5; }
  table.phases { border-collapse:collapse; width:100%; font-size:14px; margin:10px 0; }
  table.phases th { background:var(--chac-navy); color:#fff; text-align:left; padding:6px; }
  table.phases td { border-bottom:1px solid #ccd3d9; padding:6px; vertical-align:top; }
  .legacy-notice { display:none; }
  .sr-legacy { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
  .sidebar h2 { font-size:16px; border-bottom:2px solid var(--chac-rust); padding-bottom:4px; }
  .sidebar ul { padding-left:18px; }
  .cookie-banner { position:fixed; bottom:0; left:0; right:0; background:#222; color:#eee; padding:14px 24px; font-size:14px; z-index:1000; }
  .cookie-banner button { margin-left:12px; }
  .last-updated { font-size:13px; color:#555; margin-top:24px; }
  .site-footer { background:#0b2a40; color:#cfd8df; font-size:13px; padding:24px; }
  .site-footer a { color:#cfd8df; }
  @media print { .cookie-banner, .main-nav, .sidebar { display:none; } }
</style>
</head>
<body class="page-standards page-faq">
<a class="skip-link" href="#main-content">Skip to main content</a>

<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  We use cookies to understand how our website is used and to improve your experience. Essential cookies are always on.
  <a href="https://www.chac-accredit.org/privacy/cookies">Cookie policy</a>
  <button type="button" id="cookie-accept">Accept all</button>
  <button type="button" id="cookie-essential">Essential only</button>
</div>

<header class="site-header">
  <div class="utility-bar">
    <a href="https://connect.chac-accredit.org/login">CHAC Connect login</a> &nbsp;|&nbsp;
    <a href="https://www.chac-accredit.org/careers">Careers</a> &nbsp;|&nbsp;
    <a href="https://www.chac-accredit.org/newsroom">Newsroom</a>
  </div>
  <div class="brand" style="padding:14px 24px;font-size:22px;font-weight:700;">
    <a href="https://www.chac-accredit.org/"><img src="./faq_files/chac-logo-white.svg" alt="" width="36" height="36" style="vertical-align:middle"> Consolidated Hospital Accreditation Council</a>
  </div>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="https://www.chac-accredit.org/accreditation">Accreditation programs</a></li>
      <li><a href="https://www.chac-accredit.org/standards" aria-current="true">Standards</a></li>
      <li><a href="https://www.chac-accredit.org/survey-process">Survey process</a></li>
      <li><a href="https://www.chac-accredit.org/education">Education &amp; events</a></li>
      <li><a href="https://www.chac-accredit.org/about">About CHAC</a></li>
    </ul>
  </nav>
</header>

<nav class="breadcrumb" aria-label="Breadcrumb">
  <ol>
    <li><a href="https://www.chac-accredit.org/">Home</a></li>
    <li><a href="https://www.chac-accredit.org/standards">Standards</a></li>
    <li><a href="https://www.chac-accredit.org/standards/hospital">Hospital</a></li>
    <li><a href="https://www.chac-accredit.org/standards/hospital/ai-clinical-tools">AI-enabled clinical tools</a></li>
    <li aria-current="page">FAQ</li>
  </ol>
</nav>

<div class="layout">
<main id="main-content">
  <h1>Frequently asked questions: AI-enabled clinical tools standard</h1>
  <p class="lede">These answers explain how CHAC will apply <a href="https://www.chac-accredit.org/standards/hospital/ai-clinical-tools">Chapter AI, AI-Enabled Clinical Tools</a> (Standards Edition 2026, Release 1) in the Hospital Accreditation Program. FAQ answers explain the standard; where an answer and the published elements of performance differ, the elements of performance govern.</p>

  <div class="legacy-notice" id="notice-2025-draft">
    <p><strong>Update:</strong> The effective date of Chapter AI has been deferred to October 1, 2026, and scoring will begin April 1, 2027. A supplemental survey fee of $2,500 applies to every survey that includes the AI tracer. Clinicians must complete refresher training on each tool every 12 months.</p>
  </div>

  <h2 id="scope">Scope and timeline</h2>

  <details class="faq" id="faq-effective" open>
    <summary>When does the standard take effect, and when will it count toward our accreditation decision?</summary>
    <div class="faq-body">
      <p>Chapter AI takes effect on <strong>July 1, 2026</strong>. For surveys conducted between July 1, 2026 and December 31, 2026, surveyors will evaluate the chapter in advisory mode. Advisory findings are listed in the final report under &ldquo;Advisory observations&rdquo; for your information only. They are not scored, they do not require Evidence of Standards Compliance (ESC), and they do not affect the accreditation decision.</p>
      <p>Full scoring begins with surveys conducted on or after <strong>January 1, 2027</strong>.</p>
    </div>
  </details>

  <details class="faq" id="faq-applies">
    <summary>Which organizations must comply?</summary>
    <div class="faq-body">
      <p>Every hospital accredited under the CHAC Hospital Accreditation Program, including critical access hospitals, children's hospitals and freestanding psychiatric hospitals. Ambulatory surgery centers and home health agencies accredited under other CHAC programs are not subject to Chapter AI at this time.</p>
    </div>
  </details>

  <details class="faq" id="faq-fee">
    <summary>Will the new chapter make our survey longer or more expensive?</summary>
    <div class="faq-body">
      <p>No. There is no additional survey fee for Chapter AI during the 2026&ndash;2027 survey cycle, and the number of survey days does not change. The AI tracer is built into the existing survey agenda, usually in place of one of the individual patient tracers.</p>
    </div>
  </details>

  <details class="faq" id="faq-development">
    <summary>How was the standard developed?</summary>
    <div class="faq-body">
      <p>A technical advisory panel of clinicians, informaticists, patient safety specialists and patient advocates drafted the requirements in 2024. Draft standards were field-reviewed at volunteer hospitals of different sizes between April and June 2025 and posted for public comment from July 7 to August 29, 2025. CHAC received 1,140 comments, and a summary of changes made in response is available on the chapter page. The Board of Commissioners approved the final chapter on November 18, 2025.</p>
    </div>
  </details>

  <h2 id="inventory">Inventory and risk tiers</h2>

  <details class="faq" id="faq-embedded">
    <summary>Our EHR vendor has turned on several &ldquo;smart&rdquo; features. Do they belong in our inventory?</summary>
    <div class="faq-body">
      <p>Yes, if the feature produces a <strong>patient-specific output</strong> &mdash; a score, alert, flag, draft text or recommendation about an individual patient &mdash; that clinicians see or that changes a workflow. It makes no difference that the feature is bundled in a larger product or was switched on by the vendor by default. Features that only summarize population-level data for management reports are outside the scope of the chapter.</p>
    </div>
  </details>

  <details class="faq" id="faq-admin">
    <summary>Are scheduling, billing and revenue-cycle tools covered?</summary>
    <div class="faq-body">
      <p>Generally not. Purely administrative tools are outside Chapter AI. The exception is a tool whose output is used to change the <strong>clinical prioritization</strong> of patients &mdash; for example, a no-show model that decides which patients are offered a limited number of urgent clinic slots. Such a tool must be inventoried and classified at Tier 1 or higher.</p>
    </div>
  </details>

  <details class="faq" id="faq-tier-dispute">
    <summary>Our vendor says its product is Tier 1, but we think it is Tier 2. Whose classification counts?</summary>
    <div class="faq-body">
      <p>Yours. A vendor may suggest a tier, but the hospital's AI Oversight Committee (AIOC) assigns it, and AI.01.02.01, EP 3 requires the higher tier when a tool could reasonably fit more than one. Surveyors will ask to see the rationale recorded in your inventory.</p>
    </div>
  </details>

  <h2 id="validation">Validation and monitoring</h2>

  <details class="faq" id="faq-small">
    <summary>We are a small rural hospital without data scientists. How can we meet the validation requirements?</summary>
    <div class="faq-body">
      <p>You have three options, which can be combined:</p>
      <ol>
        <li>Rely on validation performed by your health system's AIOC (EPs marked (S)), provided your hospital's patients are included in the validation data or the system documents why your population is comparable.</li>
        <li>Engage an external validation partner, such as an academic medical center or a regional quality collaborative, under a written agreement. Your hospital remains accountable for the results.</li>
        <li>For Tier 1 tools only, use the developer's own validation.</li>
      </ol>
      <p>Whichever option you choose, a clinical owner who practices at your hospital must be named for every tool.</p>
    </div>
  </details>

  <details class="faq" id="faq-silent">
    <summary>Our vendor's product cannot hide its outputs. How do we run silent mode?</summary>
    <div class="faq-body">
      <p>Restrict display of the outputs to a named evaluation team that does not use them in patient care &mdash; for example, by running the tool in a separate test environment connected to live data, or by limiting the display to a security group of evaluators. Document the arrangement in the tool's validation file. Running the tool openly while asking clinicians to &ldquo;ignore&rdquo; it does not meet the requirement.</p>
    </div>
  </details>

  <details class="faq" id="faq-multisystem">
    <summary>Can one committee oversee AI for all hospitals in our health system?</summary>
    <div class="faq-body">
      <p>Yes. A single system-level AIOC may serve several hospitals if its membership includes at least one person who practices at each hospital it serves. Each hospital still names its own clinical owner for every tool it uses, and surveyors will ask how system decisions reach local staff.</p>
    </div>
  </details>

  <h2 id="survey">Survey process</h2>

  <details class="faq" id="faq-survey-phases" open>
    <summary>How will surveyors evaluate Chapter AI during an on-site survey?</summary>
    <div class="faq-body">
      <p>Chapter AI is evaluated in five phases of the regular survey. The table summarizes what to expect.</p>
      <span class="sr-legacy" aria-hidden="true">Pilot note: during the AI tracer surveyors sample five tools, all of which must be Tier 3, and the inventory is due 15 business days after the request.</span>
      <table class="phases">
        <caption style="text-align:left;font-weight:600;padding:4px 0">Survey phases for Chapter AI</caption>
        <thead><tr><th>Phase</th><th>When</th><th>What surveyors review</th><th>Who should take part</th></tr></thead>
        <tbody>
          <tr><td>Pre-survey document request</td><td>Sent through CHAC Connect when your survey window opens; upload within <strong>5 business days</strong></td><td>AI tool inventory; AI governance policy; AIOC charter; minutes of the four most recent AIOC meetings</td><td>Accreditation coordinator</td></tr>
          <tr><td>Opening conference</td><td>Day 1, morning</td><td>Short overview of your AI program; surveyors select the tools to trace</td><td>Accountable executive; AIOC chair</td></tr>
          <tr><td>AI tracer</td><td>Day 1 afternoon or Day 2; about 90&ndash;120 minutes</td><td><strong>Two tools</strong> sampled from your inventory, including at least one Tier 3 tool if you use any. Surveyors follow each tool from selection through validation, silent mode, training and monitoring, and interview clinicians at the point of use.</td><td>Clinical owners of the sampled tools; frontline users; informatics staff</td></tr>
          <tr><td>Leadership session</td><td>Day 2</td><td>AIOC reports to the governing body; AI-related safety event trends; developer contracts</td><td>Accountable executive; chief medical officer; chief nursing officer; a governing body member if available</td></tr>
          <tr><td>Exit conference</td><td>Final day</td><td>Preliminary findings, including advisory observations during the advisory period</td><td>Senior leaders</td></tr>
        </tbody>
      </table>
    </div>
  </details>

  <details class="faq" id="faq-sentinel">
    <summary>Do we have to report AI-related sentinel events to CHAC?</summary>
    <div class="faq-body">
      <p>Self-reporting of sentinel events to CHAC remains voluntary under the existing Sentinel Event Policy, and that does not change for events involving AI. However, if CHAC becomes aware of a sentinel event involving an AI-enabled clinical tool, the hospital must submit its comprehensive systematic analysis and action plan to CHAC within 45 business days of becoming aware of the event. Internally, Chapter AI requires that AI-related events be entered into your safety event reporting system within 72 hours of discovery.</p>
    </div>
  </details>

  <h2 id="patients">Patients and clinicians</h2>

  <details class="faq" id="faq-consent">
    <summary>Does the standard require patients to consent before AI is used in their care?</summary>
    <div class="faq-body">
      <p>No. Chapter AI does not create a general consent requirement. It does require two forms of notice: a plain-language statement on patient-facing messages drafted by generative AI and sent without substantive clinician editing (AI.04.01.03, EP 2), and telling patients before ambient recording begins, with the option to decline (AI.04.01.03, EP 4). State law may impose additional consent requirements, which hospitals must follow.</p>
    </div>
  </details>

  <details class="faq" id="faq-training">
    <summary>How often must clinicians repeat training on a tool?</summary>
    <div class="faq-body">
      <p>Refresher training is required at least every <strong>24 months</strong>, and also whenever the tool undergoes a material change (for example, a new model version). Training must be completed before a clinician first receives access to a Tier 2 or Tier 3 tool. CHAC does not prescribe the format or length of training.</p>
    </div>
  </details>

  <h2 id="help">Getting help</h2>

  <details class="faq" id="faq-contact">
    <summary>Where can we send questions that this page does not answer?</summary>
    <div class="faq-body">
      <p>Submit questions through the Standards Interpretation form in CHAC Connect, or email <a href="mailto:standards.interpretation@chac-accredit.org">standards.interpretation@chac-accredit.org</a>. The Standards Interpretation Group responds within 10 business days. Please include your CHAC organization ID and the standard and EP numbers your question concerns.</p>
    </div>
  </details>

  <details class="faq" id="faq-revisions">
    <summary>Will the chapter change?</summary>
    <div class="faq-body">
      <p>CHAC expects to propose revisions for the 2027 edition addressing patient-facing conversational agents (chatbots). A public comment period will be announced later in 2026. Comments on the current chapter can be submitted through CHAC Connect at any time.</p>
    </div>
  </details>

  <p class="last-updated">Last updated: <time datetime="2026-02-09">February 9, 2026</time></p>
</main>

<aside class="sidebar" aria-label="Related content">
  <h2>Related resources</h2>
  <ul>
    <li><a href="https://www.chac-accredit.org/standards/hospital/ai-clinical-tools">Chapter AI: AI-Enabled Clinical Tools (PDF)</a></li>
    <li><a href="https://www.chac-accredit.org/standards/hospital/ai-clinical-tools/summary-of-changes">Summary of changes after public comment</a></li>
    <li><a href="https://www.chac-accredit.org/survey-process/tracers">Tracer methodology overview</a></li>
    <li><a href="https://www.chac-accredit.org/policies/sentinel-event">Sentinel Event Policy</a></li>
    <li><a href="https://www.chac-accredit.org/education/webinars">Webinar recordings</a></li>
  </ul>
  <h2>Stay informed</h2>
  <p>Subscribe to <em>Standards Update</em>, CHAC's monthly e-newsletter.</p>
  <form action="https://www.chac-accredit.org/subscribe" method="post"><input type="email" name="email" placeholder="Email address" aria-label="Email address"> <button type="submit">Subscribe</button></form>
</aside>
</div>

<footer class="site-footer">
  <p>&copy; 2026 Consolidated Hospital Accreditation Council. 1400 Larchmont Avenue, Suite 900, Brennard, OH.</p>
  <p><a href="https://www.chac-accredit.org/privacy">Privacy</a> &middot; <a href="https://www.chac-accredit.org/terms">Terms of use</a> &middot; <a href="https://www.chac-accredit.org/accessibility">Accessibility</a> &middot; <a href="https://www.chac-accredit.org/sitemap">Site map</a></p>
</footer>

<script>
  (function () {
    var banner = document.getElementById('cookie-consent');
    function hide(choice) { try { localStorage.setItem('chacCookie', choice); } catch (e) {} banner.style.display = 'none'; }
    if (localStorage.getItem('chacCookie')) { banner.style.display = 'none'; }
    document.getElementById('cookie-accept').addEventListener('click', function () { hide('all'); });
    document.getElementById('cookie-essential').addEventListener('click', function () { hide('essential'); });
    // open the accordion named in the URL hash
    var id = location.hash.slice(1);
    var el = id && document.getElementById(id);
    if (el && el.tagName === 'DETAILS') { el.open = true; el.scrollIntoView(); }
  })();
</script>
</body></html>
"""


def build(out_dir: Path) -> Path:
    """Write the page into `out_dir`; the .html file's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.html"
    with path.open("w", encoding="utf-8") as f:
        f.write(FAQ_HTML)
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
