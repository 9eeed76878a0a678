"""Build the FICTIONAL ODHA guidance web page (a saved government HTML page), deterministically.

    python evals/heldout/build_odha.py --out DIR

`build.py` calls `build(out_dir)`, which writes
`ODHA_Guidance_AI_Scribes_and_Clinical_AI_in_Public_Hospitals.html` into the folder. The page is a
document in its own right: it is indexed as HTML, never printed.

Everything is invented: the country (Ostravel), the agency (Ostravel Digital Health Authority),
people, laws, standards, figures and dates.

The page deliberately contains non-content text that a reader must ignore:
  * <script> blocks (analytics dataLayer with a promo string, JSON-LD with an author name);
  * a retired CMS block with style="display:none" (outdated audio-retention figure: 90 days);
  * a <section hidden> draft update (different incident-reporting deadline: 5 working days);
  * an aria-hidden decorative illustration (different pilot-site count: 12);
  * navigation bars, cookie banner and footer.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling module imports by name
import builder_cli

STEM = "ODHA_Guidance_AI_Scribes_and_Clinical_AI_in_Public_Hospitals"

HEAD = r"""<!DOCTYPE html>
<html lang="en-OV" dir="ltr" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deploying AI scribes and clinical AI tools in public hospitals | Ostravel Digital Health Authority</title>
<meta name="description" content="Guidance for regional health boards on assessing, approving, deploying and monitoring clinical AI tools, including ambient AI scribes, in Ostravel's public hospitals.">
<meta name="keywords" content="AI scribe, ambient documentation, clinical AI, health boards, risk tier, ODHA guidance">
<meta name="dcterms.identifier" content="ODHA-G-0417">
<meta name="dcterms.created" content="2025-10-14">
<meta name="dcterms.modified" content="2025-11-03">
<meta name="robots" content="index, follow">
<meta property="og:type" content="article">
<meta property="og:title" content="Deploying AI scribes and clinical AI tools in public hospitals">
<meta property="og:site_name" content="Ostravel Digital Health Authority">
<meta property="og:url" content="https://www.odha.gov.ov/guidance/clinical-ai/ai-scribes-public-hospitals">
<link rel="canonical" href="https://www.odha.gov.ov/guidance/clinical-ai/ai-scribes-public-hospitals">
<link rel="icon" href="data:,">
<style>
  :root { --brand:#0f4c5c; --brand-dark:#0a3440; --accent:#e36414; --muted:#5b6770; --line:#d6dde2; }
  * { box-sizing: border-box; }
  body { margin:0; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size:17px;
         line-height:1.55; color:#1b1f23; background:#fff; }
  a { color:#0b5cad; } a:visited { color:#5a3d8a; }
  .skip-link { position:absolute; left:-9999px; top:0; background:#ffdd00; color:#000; padding:8px 12px; z-index:1000; }
  .skip-link:focus { left:8px; }
  .cookie-banner { background:#f3f5f6; border-bottom:1px solid var(--line); padding:14px 24px; font-size:15px; }
  .cookie-banner .btn { margin-right:8px; }
  .btn { display:inline-block; border:0; background:var(--brand); color:#fff; padding:8px 14px; border-radius:3px; cursor:pointer; font-size:15px; }
  .btn--secondary { background:#fff; color:var(--brand); border:1px solid var(--brand); }
  .gov-bar { background:#111; color:#fff; font-size:13px; padding:4px 24px; }
  .site-header { background:var(--brand); color:#fff; padding:14px 24px; display:flex; align-items:center; justify-content:space-between; }
  .site-header .logo { color:#fff; text-decoration:none; font-weight:700; font-size:20px; }
  .site-header form input { padding:6px; border:0; border-radius:2px; }
  .top-nav { background:var(--brand-dark); }
  .top-nav ul { list-style:none; margin:0; padding:0 24px; display:flex; flex-wrap:wrap; }
  .top-nav a { color:#fff; display:block; padding:10px 14px; text-decoration:none; font-size:15px; }
  .top-nav a[aria-current] { background:var(--accent); }
  .breadcrumb { padding:10px 24px; font-size:14px; }
  .breadcrumb ol { list-style:none; margin:0; padding:0; display:flex; flex-wrap:wrap; }
  .breadcrumb li + li::before { content:"\203A"; padding:0 8px; color:var(--muted); }
  .layout { display:grid; grid-template-columns: 240px minmax(0,1fr) 240px; gap:32px; padding:8px 24px 40px; }
  .section-nav h2, .page-toc h2 { font-size:15px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
  .section-nav ul, .page-toc ol { padding-left:18px; font-size:15px; }
  .section-nav a[aria-current] { font-weight:700; color:#1b1f23; }
  .page-toc { position:sticky; top:12px; align-self:start; }
  .hero { position:relative; border-bottom:4px solid var(--accent); margin-bottom:18px; }
  .hero-art { position:absolute; right:0; top:0; opacity:.18; width:180px; }
  .lede { font-size:20px; color:#333; }
  .doc-meta { font-size:14px; color:var(--muted); border-left:4px solid var(--line); padding-left:10px; }
  table { border-collapse:collapse; width:100%; margin:14px 0 22px; font-size:15px; }
  caption { text-align:left; font-weight:700; padding-bottom:6px; }
  th, td { border:1px solid var(--line); padding:8px 10px; vertical-align:top; text-align:left; }
  thead th { background:#e8eef1; }
  dl.terms dt { font-weight:700; margin-top:10px; }
  dl.terms dd { margin-left:0; padding-left:14px; border-left:3px solid var(--line); }
  .callout { border-left:6px solid var(--accent); background:#fff4ec; padding:12px 16px; margin:22px 0; }
  .callout h3 { margin-top:0; }
  details { border:1px solid var(--line); border-radius:3px; margin:8px 0; padding:8px 12px; }
  summary { font-weight:700; cursor:pointer; }
  sup a { text-decoration:none; }
  .references { font-size:14px; }
  .related { border-top:4px solid var(--brand); background:#f3f5f6; padding:12px 16px; margin-top:30px; }
  .feedback { margin-top:24px; font-size:15px; }
  .site-footer { background:#1f2a30; color:#d9e1e5; padding:24px; font-size:14px; }
  .site-footer a { color:#fff; }
  .site-footer ul { list-style:none; padding:0; display:flex; flex-wrap:wrap; gap:16px; }
  .visually-hidden { position:absolute !important; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  @media print { .cookie-banner, .top-nav, .section-nav, .page-toc, .site-footer { display:none; } }
  @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .page-toc { position:static; } }
</style>
<script>
  document.documentElement.className = document.documentElement.className.replace("no-js", "js");
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({
    "event": "page_view",
    "pageTitle": "Deploying AI scribes and clinical AI tools in public hospitals",
    "contentGroup": "Guidance > Clinical AI",
    "contentOwner": "Clinical AI Assurance Team",
    "audience": ["health boards", "hospital executives", "clinicians"],
    "pageSummary": "Health boards must approve every AI scribe before use and keep the clinician accountable for every note."
  });
  // Site-wide promotional strip. Only rendered on the live domain, never on saved or preview copies.
  window.ODHA_PROMO = {
    "id": "promo-readiness-2026",
    "text": "Applications for the Clinical AI Readiness Grant are open: up to 250,000 ostrals per public hospital to prepare for AI scribes. Applications close 27 February 2026.",
    "href": "/funding/clinical-ai-readiness-grant",
    "showOn": ["www.odha.gov.ov"]
  };
  (function () {
    if (window.ODHA_PROMO.showOn.indexOf(window.location.hostname) === -1) { return; }
    document.addEventListener("DOMContentLoaded", function () {
      var strip = document.createElement("div");
      strip.className = "promo-strip";
      strip.textContent = window.ODHA_PROMO.text;
      document.body.insertBefore(strip, document.body.firstChild);
    });
  })();
</script>
<script async src="/assets/js/odha-analytics.min.js?v=4.12.0"></script>
<script type="application/ld+json">
{
  "@context": "https://schema.org",
  "@type": "WebPage",
  "name": "Deploying AI scribes and clinical AI tools in public hospitals",
  "headline": "Guidance for regional health boards on clinical AI and AI scribes",
  "description": "How regional health boards in Ostravel assess, approve, deploy and monitor clinical AI tools, including ambient AI scribes.",
  "identifier": "ODHA-G-0417",
  "version": "2.1",
  "datePublished": "2025-10-14",
  "dateModified": "2025-11-03",
  "inLanguage": "en-OV",
  "author": {
    "@type": "Person",
    "name": "Dr Ilse Varnhagen",
    "jobTitle": "Chief Clinical Information Officer, Ostravel Digital Health Authority"
  },
  "publisher": {
    "@type": "GovernmentOrganization",
    "name": "Ostravel Digital Health Authority",
    "url": "https://www.odha.gov.ov"
  },
  "breadcrumb": {
    "@type": "BreadcrumbList",
    "itemListElement": [
      {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://www.odha.gov.ov/"},
      {"@type": "ListItem", "position": 2, "name": "Guidance", "item": "https://www.odha.gov.ov/guidance"},
      {"@type": "ListItem", "position": 3, "name": "Clinical AI", "item": "https://www.odha.gov.ov/guidance/clinical-ai"}
    ]
  }
}
</script>
</head>
"""

BODY_TOP = r"""<body>
<a class="skip-link" href="#main-content">Skip to main content</a>

<div class="cookie-banner" id="cookie-banner" role="region" aria-label="Cookies on the ODHA website">
  <p><strong>Cookies on this website.</strong> We use essential cookies to make this site work. We would also like to
  set analytics cookies to understand how you use the site so we can improve it.</p>
  <button type="button" class="btn" data-cookie="accept">Accept analytics cookies</button>
  <button type="button" class="btn btn--secondary" data-cookie="reject">Reject analytics cookies</button>
  <a href="/cookies">View cookie settings</a>
</div>

<div class="gov-bar">An official website of the Government of Ostravel</div>

<header class="site-header" role="banner">
  <a class="logo" href="/">Ostravel Digital Health Authority</a>
  <form role="search" action="/search" method="get">
    <label class="visually-hidden" for="site-search">Search this site</label>
    <input id="site-search" name="q" type="search" placeholder="Search odha.gov.ov">
    <button class="btn" type="submit">Search</button>
  </form>
</header>

<nav class="top-nav" aria-label="Main">
  <ul>
    <li><a href="/">Home</a></li>
    <li><a href="/about">About us</a></li>
    <li><a href="/guidance" aria-current="true">Guidance</a></li>
    <li><a href="/standards">Standards</a></li>
    <li><a href="/services">National services</a></li>
    <li><a href="/news">News</a></li>
    <li><a href="/contact">Contact</a></li>
  </ul>
</nav>

<nav class="breadcrumb" aria-label="Breadcrumb">
  <ol>
    <li><a href="/">Home</a></li>
    <li><a href="/guidance">Guidance</a></li>
    <li><a href="/guidance/clinical-ai">Clinical AI</a></li>
    <li aria-current="page">AI scribes in public hospitals</li>
  </ol>
</nav>

<div class="layout">

<nav class="section-nav" aria-label="In this section">
  <h2>In this section</h2>
  <ul>
    <li><a href="/guidance/clinical-ai">Clinical AI overview</a></li>
    <li><a href="/guidance/clinical-ai/ai-scribes-public-hospitals" aria-current="page">AI scribes in public hospitals</a></li>
    <li><a href="/guidance/clinical-ai/assurance-panel">Clinical AI Assurance Panel</a></li>
    <li><a href="/guidance/clinical-ai/register">National Clinical AI Register</a></li>
    <li><a href="/guidance/clinical-ai/supplier-panel">Digital Health Supplier Panel</a></li>
    <li><a href="/guidance/clinical-ai/patient-notices">Patient notices and signage</a></li>
    <li><a href="/guidance/clinical-ai/incident-reporting">Reporting AI incidents</a></li>
    <li><a href="/guidance/clinical-ai/archive">Archived guidance</a></li>
  </ul>
</nav>
"""

MAIN = r"""
<main id="main-content" tabindex="-1">
<article class="guidance">

<div class="hero">
  <div class="hero-art" aria-hidden="true">
    <svg viewBox="0 0 180 120" width="180" height="120" role="presentation">
      <circle cx="40" cy="60" r="30" fill="#0f4c5c"></circle>
      <rect x="80" y="30" width="80" height="60" rx="6" fill="#e36414"></rect>
      <text x="92" y="66" font-size="12" fill="#fff">AI</text>
    </svg>
    <span class="hero-stat">12 hospitals piloting AI scribes</span>
  </div>
  <p class="eyebrow">Guidance &middot; Clinical AI</p>
  <h1>Deploying AI scribes and clinical AI tools in public hospitals</h1>
  <p class="lede">Guidance for regional health boards on assessing, approving, deploying and monitoring clinical AI
  tools, with specific requirements for ambient AI scribes.</p>
  <p class="doc-meta">Guidance reference ODHA-G-0417 &middot; Version 2.1 &middot; Published 14 October 2025 &middot;
  Applies from 1 February 2026</p>
</div>

<!-- Retired CMS component from the previous version; kept for the content audit trail. -->
<div class="cms-block cms-block--retired" style="display:none">
  <h3>Audio recordings</h3>
  <p>Health boards must ensure that audio captured by an AI scribe is deleted within 90 days of the consultation.
  Audio may be kept for longer only with the written approval of the Privacy Officer.</p>
</div>

<section id="about">
<h2>About this guidance</h2>
<p>This guidance applies to the seven regional health boards and the 41 public hospitals they run. It covers any
artificial intelligence tool that produces, changes or interprets clinical information about an individual
patient, whether the tool is bought from a supplier, built in-house or switched on as a feature of software the
hospital already uses. It gives particular attention to AI scribes, because they are being adopted faster than
any other kind of clinical AI in Ostravel.</p>
<p>At the time of publication, AI scribes are in use or being piloted in 17 of the 41 public hospitals, mostly in
outpatient clinics and emergency departments.<sup><a href="#ref-1" id="cite-1">[1]</a></sup> Health boards have
asked for one consistent set of rules so that clinicians moving between hospitals meet the same safeguards and
patients receive the same information wherever they are treated.</p>
<p>Private hospitals and general practices are outside the scope of this guidance unless they deliver services
under contract to a health board. In that case the contracting health board must apply this guidance to the
contracted service as if it were its own.</p>
<p>This page replaces Version 1.3 of the guidance, which was published in March 2024. It is issued under
section 22 of the Health Information Systems Act 2021<sup><a href="#ref-2" id="cite-2">[2]</a></sup> and applies
from 1 February 2026. Where this guidance uses &ldquo;must&rdquo;, the requirement is mandatory for health boards.
Where it uses &ldquo;should&rdquo;, health boards are expected to follow the advice unless they record a good
reason for doing something different.</p>
</section>

<section id="terms">
<h2>Key terms</h2>
<p>The following terms have a specific meaning in this guidance.</p>
<dl class="terms">
  <dt>AI scribe</dt>
  <dd>A tool that listens to a clinical conversation, with the knowledge of the people taking part, and produces a
  draft clinical note, letter or summary for a clinician to check. Sometimes called ambient clinical
  documentation.</dd>
  <dt>Clinical AI tool</dt>
  <dd>Any software that uses machine learning or a large language model to produce output that is used in the care
  of an individual patient.</dd>
  <dt>Deploying health board</dt>
  <dd>The regional health board that approves a tool for use in its hospitals. The deploying health board stays
  accountable for the tool for as long as it is in use, even where a supplier hosts and runs it.</dd>
  <dt>Responsible Clinical Lead</dt>
  <dd>A senior registered clinician, nominated by the health board chief executive, who signs the clinical safety
  case for a tool and is accountable for its safe use. One person may be the Responsible Clinical Lead for more
  than one tool.</dd>
  <dt>Clinically significant error</dt>
  <dd>An error in AI-generated content that, if nobody corrected it, could reasonably lead to patient harm. Examples
  include a wrong medicine or dose, the wrong side of the body, a missing allergy, or a symptom or finding the
  patient never reported.</dd>
  <dt>Material change</dt>
  <dd>Any change to the underlying model, to the tool&rsquo;s intended use or to the clinical settings where it is
  used that could affect its safety or performance.</dd>
  <dt>Draft note</dt>
  <dd>AI-generated text that the responsible clinician has not yet reviewed and signed. A draft note is not part of
  the health record.</dd>
</dl>
</section>

<section id="risk-tiers">
<h2>Risk tiers and approval</h2>
<p>Every clinical AI tool must be placed in one of four risk tiers before it is used. The tier decides who approves
the tool and how often its performance must be reviewed. Tiering is based on what the tool does in practice, not on
how the supplier describes it.</p>
<table class="risk-tiers">
  <caption>Table 1. Clinical AI risk tiers</caption>
  <thead>
    <tr>
      <th scope="col">Tier</th>
      <th scope="col">What the tool does</th>
      <th scope="col">Examples</th>
      <th scope="col">Who approves</th>
      <th scope="col">Review cycle</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th scope="row">Tier 1 &ndash; Low</th>
      <td>Supports administrative work with no direct effect on clinical content</td>
      <td>Theatre scheduling forecasts; sorting complaints correspondence</td>
      <td>Health board Digital Governance Group</td>
      <td>Every 12 months</td>
    </tr>
    <tr>
      <th scope="row">Tier 2 &ndash; Moderate</th>
      <td>Generates clinical content that a clinician reviews before it is used</td>
      <td>AI scribes producing draft notes; drafting discharge summaries or referral letters</td>
      <td>Health board Clinical AI Committee, which must notify ODHA within 10 working days of approval</td>
      <td>Every 6 months</td>
    </tr>
    <tr>
      <th scope="row">Tier 3 &ndash; High</th>
      <td>Influences diagnosis, triage or treatment decisions</td>
      <td>Sepsis early-warning scores; chest X-ray triage; AI scribes that write coded diagnoses or orders</td>
      <td>ODHA Clinical AI Assurance Panel, with an entry on the National Clinical AI Register</td>
      <td>Every 3 months</td>
    </tr>
    <tr>
      <th scope="row">Tier 4 &ndash; Critical</th>
      <td>Acts on a patient without a clinician reviewing the output first</td>
      <td>Automated insulin dose adjustment; autonomous discharge decisions</td>
      <td>Not permitted in public hospitals</td>
      <td>Not applicable</td>
    </tr>
  </tbody>
</table>
<p>Most AI scribes sit in Tier 2. An AI scribe moves up to Tier 3 if it does any of the following:</p>
<ul>
  <li>writes coded diagnoses directly into the patient record;</li>
  <li>creates or suggests orders for medicines, tests or imaging;</li>
  <li>produces a summary that the patient can see before a clinician has reviewed it, for example through the
  patient portal.</li>
</ul>
<p>If the right tier is unclear, treat the tool as belonging to the higher tier until the ODHA Clinical AI Assurance
Panel advises otherwise. The Panel aims to answer tiering queries within 20 working days. Tier 3 tools cannot be
used with patients until their entry on the National Clinical AI Register has been published.</p>
</section>

<section id="before-you-deploy">
<h2>Before you deploy</h2>
<p>Before a Tier 2 or Tier 3 tool is used with any patient, the deploying health board must complete these steps in
order:</p>
<ol>
  <li>Confirm that the supplier is listed on the ODHA Digital Health Supplier Panel, or holds a provisional
  listing.</li>
  <li>Complete a privacy impact assessment and have it signed by the health board&rsquo;s Privacy Officer.</li>
  <li>Nominate a Responsible Clinical Lead for the tool.</li>
  <li>Prepare a clinical safety case that follows ODHA Clinical Safety Standard
  DHS-0129,<sup><a href="#ref-3" id="cite-3">[3]</a></sup> signed by the Responsible Clinical Lead.</li>
  <li>Carry out local validation as described below.</li>
  <li>Train every clinician who will use the tool.</li>
  <li>Obtain approval at the level shown for the tool&rsquo;s tier in Table 1.</li>
</ol>

<h3 id="local-validation">Local validation</h3>
<p>Suppliers&rsquo; published accuracy results are not enough on their own. Local validation tests the tool with
the health board&rsquo;s own patients, workflows, equipment and clinical vocabulary. For an AI scribe, local
validation must:</p>
<ul>
  <li>cover at least 200 consultations across at least three specialties;</li>
  <li>include at least 30 consultations with patients who have hearing, speech or language difficulties;</li>
  <li>have each draft note compared with the consultation by two clinicians working independently of each
  other;</li>
  <li>show a clinically significant error rate below 2% of notes before go-live.</li>
</ul>
<p>A tool that does not meet the 2% threshold must not go live. The supplier may fix the problem and try again, but
the whole validation must then be repeated rather than only the failed cases. Health boards may share validation
results with each other, but each board must still validate the tool in at least one of its own hospitals.</p>

<h3 id="training">Training</h3>
<p>Every clinician must complete the ODHA e-learning module <em>Safe use of AI scribes</em>, which takes about 90
minutes, before they first use an AI scribe. A refresher is required every two years, and sooner if the tool
goes through a material change. Health boards should add a short local session on their own workflow, covering
how to start and stop recording, how to correct a draft note and how to report a problem.</p>
</section>

<aside class="callout callout--important" role="note" aria-labelledby="important-heading">
  <h3 id="important-heading">Important: existing AI scribe pilots</h3>
  <p>AI scribe pilots that started before 1 February 2026 may continue until 30 June 2026 while they are
  re-assessed against this guidance. Until the re-assessment is complete, a pilot must not be extended to new wards,
  clinics or staff groups. The patient information and agreement requirements on this page apply to existing pilots
  from 1 February 2026, with no transition period.</p>
</aside>

<section id="patients">
<h2>Telling patients and getting their agreement</h2>
<p>Patients have the right to know when an AI scribe is being used in their care and to say no. Agreement to the use
of an AI scribe is separate from consent to treatment and must be sought every time, not assumed from an earlier
visit.</p>
<p>Before the AI scribe starts recording, the clinician must:</p>
<ul>
  <li>tell the patient that an AI tool will listen to the conversation and write a draft note;</li>
  <li>explain that the clinician will check and correct the note before it goes into the record;</li>
  <li>ask whether the patient agrees, and make clear that saying no will not affect their care;</li>
  <li>record the patient&rsquo;s answer in the &ldquo;AI scribe agreement&rdquo; field of the patient administration
  system.</li>
</ul>
<p>If the patient declines, the consultation continues without the tool. A patient can also change their mind
part-way through, in which case the clinician stops the recording and the audio captured so far is deleted.</p>
<p>For patients under 16, a parent or guardian must agree, and the child&rsquo;s own views should be taken into
account. Young people aged 16 and over give their own agreement.</p>

<h3 id="not-permitted">When AI scribes must not be used</h3>
<p>AI scribes must not be used:</p>
<ul>
  <li>in consultations conducted through an interpreter, until ODHA&rsquo;s evaluation of interpreter-mediated
  consultations has reported;</li>
  <li>during compulsory assessments under the Mental Health (Assessment and Treatment) Act 2016;</li>
  <li>when the patient lacks capacity and no authorised representative is present to agree on their behalf;</li>
  <li>in forensic medical examinations.</li>
</ul>

<h3 id="signage">Signage</h3>
<p>Every clinic that uses an AI scribe must display ODHA&rsquo;s standard patient notice in its waiting areas. The
notice is available in the 12 most commonly spoken languages in Ostravel and in an easy-read version.</p>
</section>

<section id="data">
<h2>Data handling and retention</h2>
<p>AI scribes capture some of the most sensitive information a hospital holds: the patient&rsquo;s own words about
their health. Health boards must make sure that both the supplier contract and the local configuration of the tool
meet these requirements:</p>
<ul>
  <li>all audio, transcripts and draft notes are processed and stored in data centres located in Ostravel;</li>
  <li>audio recordings are deleted within 30 days of the consultation;</li>
  <li>transcripts are kept with the draft note until it is signed, and deleted within 7 days of signing;</li>
  <li>the signed note becomes part of the health record and follows the normal rules for keeping health
  records;</li>
  <li>access to audio, transcripts and draft notes is logged, and the logs are kept for at least seven
  years.</li>
</ul>
<p>The only exception to the deletion rules is an open incident investigation. Audio kept for an investigation must
be deleted within 30 days after the investigation closes.</p>
<p>Suppliers must not use patient data to train or improve their models unless the data has been de-identified and
the health board&rsquo;s Data Access Committee has approved that use in writing. Processing must comply with the
Health Information Privacy Code 2020.<sup><a href="#ref-4" id="cite-4">[4]</a></sup></p>
</section>

<section id="review">
<h2>Clinical review and accountability</h2>
<p>An AI scribe does not change who is responsible for the clinical record. The clinician who signs a note is
accountable for everything in it, exactly as if they had written it themselves. Health boards must configure AI
scribes so that:</p>
<ul>
  <li>draft notes are clearly labelled as AI-generated until they are signed;</li>
  <li>a draft note cannot be filed to the record without an active sign-off by the clinician;</li>
  <li>the final note shows that an AI scribe was used, with the name and version of the tool;</li>
  <li>every edit the clinician makes to the draft is logged, so that error rates can be audited.</li>
</ul>
<p>Clinicians should review and sign draft notes before the end of their shift, and in any case within 24 hours of
the consultation. Draft notes that are still unsigned after 24 hours must be escalated to the clinical director of
the service.</p>
</section>

<section id="monitoring">
<h2>Monitoring, audit and incidents</h2>

<h3 id="audit">Monthly audit</h3>
<p>Each service that uses an AI scribe must audit a random sample of 5% of signed AI-assisted notes every month,
with a minimum of 20 notes per service. Auditors compare the signed note with the audio, so the sample must be drawn
and reviewed before the audio is deleted. The audit records every clinically significant error that the clinician
did not correct before signing.</p>

<h3 id="quarterly-reporting">Quarterly reporting to ODHA</h3>
<p>Health boards must send ODHA the following information every quarter through the Clinical AI Assurance
Portal:</p>
<ul>
  <li>the number of clinical AI tools in use, by tier;</li>
  <li>the number of consultations in which an AI scribe was used;</li>
  <li>the proportion of patients who declined the AI scribe;</li>
  <li>the clinically significant error rate found by the monthly audits;</li>
  <li>incidents reported during the quarter and what happened as a result;</li>
  <li>any material changes made by suppliers.</li>
</ul>

<h3 id="incidents">Reporting incidents</h3>
<p>Report any incident in which a clinical AI tool caused or contributed to harm, or could have done so, through the
National Patient Safety Reporting System within 72 hours of becoming aware of it. If the incident involved serious
harm or a death, also telephone the ODHA Clinical AI Safety Desk within 24 hours. Near misses, such as a
clinically significant error that a clinician caught before signing, should be reported in the same way so that
patterns can be spotted across health boards.</p>

<h3 id="pausing">When a tool must be paused</h3>
<p>The Responsible Clinical Lead must pause use of a tool immediately if:</p>
<ul>
  <li>the clinically significant error rate exceeds 3% in two consecutive monthly audits;</li>
  <li>an incident involving serious harm is linked to the tool;</li>
  <li>the supplier makes a material change without the notice required by the contract;</li>
  <li>ODHA issues a safety notice that requires the tool to be suspended.</li>
</ul>
<p>A paused tool may restart only when the health board&rsquo;s Clinical AI Committee, or for Tier 3 tools the ODHA
Clinical AI Assurance Panel, is satisfied that the cause has been fixed.</p>
</section>

<!-- Draft update prepared for the next revision; not yet approved for publication. -->
<section id="draft-incident-update" hidden>
  <h3>Reporting AI incidents (updated)</h3>
  <p>Report all clinical AI incidents to ODHA through the Clinical AI Assurance Portal within 5 working days of
  becoming aware of them. A separate telephone notification is no longer required.</p>
</section>

<section id="contracts">
<h2>Procurement and contracts</h2>
<p>Health boards should use ODHA&rsquo;s model contract schedule for clinical AI (Schedule C7) rather than a
supplier&rsquo;s standard terms. Whatever form the contract takes, it must include clauses that:</p>
<ul>
  <li>require the supplier to give at least 60 days&rsquo; written notice of any material change;</li>
  <li>give the health board and ODHA the right to audit the supplier&rsquo;s safety and security controls;</li>
  <li>prohibit processing or storing patient data outside Ostravel, including for support and backup;</li>
  <li>require the supplier to tell the health board about any security breach within 48 hours;</li>
  <li>require the supplier to return or destroy all patient data within 45 days of the contract ending;</li>
  <li>require the supplier to hold professional indemnity insurance of at least 10 million ostrals.</li>
</ul>
<p>Consumer AI products and general-purpose chatbots must not be used with identifiable patient information, even
where a clinician pays for them personally or the supplier offers them free of charge.</p>
</section>

<section id="timeline">
<h2>Timeline and responsibilities</h2>
<p>The table below sets out what health boards need to do, by when, and who is responsible.</p>
<table class="timeline">
  <caption>Table 2. Implementation timeline</caption>
  <thead>
    <tr>
      <th scope="col">Milestone</th>
      <th scope="col">Deadline</th>
      <th scope="col">Responsible</th>
    </tr>
  </thead>
  <tbody>
    <tr><td>Guidance comes into effect</td><td>1 February 2026</td><td>ODHA</td></tr>
    <tr><td>Nominate a Responsible Clinical Lead for every clinical AI tool already in use</td><td>31 March 2026</td>
        <td>Health board chief executive</td></tr>
    <tr><td>Submit an inventory of all clinical AI tools, with the proposed tier for each</td><td>30 April 2026</td>
        <td>Health board Chief Information Officer</td></tr>
    <tr><td>Re-assess existing AI scribe deployments against this guidance</td><td>30 June 2026</td>
        <td>Health board Clinical AI Committee</td></tr>
    <tr><td>Submit the first quarterly monitoring report</td><td>31 July 2026</td>
        <td>Health board Chief Information Officer</td></tr>
    <tr><td>Publish the findings of the evaluation of interpreter-mediated consultations</td><td>September 2026</td>
        <td>ODHA Evaluation and Insights Unit</td></tr>
    <tr><td>Full compliance for all Tier 2 and Tier 3 tools</td><td>31 December 2026</td>
        <td>Health board chief executive</td></tr>
  </tbody>
</table>
</section>

<section id="faq">
<h2>Frequently asked questions</h2>
<details>
  <summary>Can our clinicians use a general-purpose AI chatbot to summarise patient notes?</summary>
  <p>No. Consumer AI products and general-purpose chatbots must not be used with identifiable patient information.
  Only tools that have been approved through the process on this page may be used.</p>
</details>
<details>
  <summary>Does every software update from the supplier need a new approval?</summary>
  <p>No, only updates that amount to a material change. The Responsible Clinical Lead must assess every update. If
  an update is a material change, the tool must pass a reduced local validation of at least 50 consultations before
  the updated version is used with patients, and the approving body must be told.</p>
</details>
<details>
  <summary>Can AI-drafted notes be used for clinical coding?</summary>
  <p>Only once the note has been signed by the clinician. Coders must not work from draft notes, because a draft note
  is not part of the health record.</p>
</details>
<details>
  <summary>Does this guidance apply to AI tools used in research studies?</summary>
  <p>Research studies need approval from the Health Research Ethics Council in the usual way. If a tool in a study is
  also used for the direct care of participants, it needs approval under this guidance as well.</p>
</details>
<details>
  <summary>Who decides which tier a tool belongs to?</summary>
  <p>The deploying health board proposes a tier as part of its inventory. The ODHA Clinical AI Assurance Panel can
  change the tier at any time, and its decision is final.</p>
</details>
</section>

<section id="references">
<h2>References</h2>
<ol class="references">
  <li id="ref-1">Ostravel Digital Health Authority. <em>Clinical AI inventory snapshot</em>. August 2025.
  <a href="#cite-1" aria-label="Back to reference 1">&uarr;</a></li>
  <li id="ref-2">Health Information Systems Act 2021, section 22 (guidance on health information systems).
  <a href="#cite-2" aria-label="Back to reference 2">&uarr;</a></li>
  <li id="ref-3">Ostravel Digital Health Authority. <em>Clinical Safety Standard DHS-0129: clinical risk management
  for digital health software</em>, version 3. 2024. <a href="#cite-3" aria-label="Back to reference 3">&uarr;</a></li>
  <li id="ref-4">Office of the Health Privacy Commissioner. <em>Health Information Privacy Code 2020</em>.
  <a href="#cite-4" aria-label="Back to reference 4">&uarr;</a></li>
</ol>
</section>

<aside class="related" aria-labelledby="related-heading">
  <h2 id="related-heading">Related pages</h2>
  <ul>
    <li><a href="/guidance/clinical-ai/assurance-panel">How the Clinical AI Assurance Panel works</a></li>
    <li><a href="/guidance/clinical-ai/register">Search the National Clinical AI Register</a></li>
    <li><a href="/guidance/clinical-ai/supplier-panel">Joining the Digital Health Supplier Panel</a></li>
    <li><a href="/guidance/clinical-ai/patient-notices">Download patient notices about AI scribes</a></li>
    <li><a href="/standards/dhs-0129">Clinical Safety Standard DHS-0129</a></li>
  </ul>
</aside>

<div class="feedback">
  <p>Was this page helpful?
  <button type="button" class="btn btn--secondary">Yes</button>
  <button type="button" class="btn btn--secondary">No</button></p>
</div>

</article>
</main>
"""

BODY_END = r"""
<nav class="page-toc" aria-label="On this page">
  <h2>On this page</h2>
  <ol>
    <li><a href="#about">About this guidance</a></li>
    <li><a href="#terms">Key terms</a></li>
    <li><a href="#risk-tiers">Risk tiers and approval</a></li>
    <li><a href="#before-you-deploy">Before you deploy</a></li>
    <li><a href="#patients">Telling patients and getting their agreement</a></li>
    <li><a href="#data">Data handling and retention</a></li>
    <li><a href="#review">Clinical review and accountability</a></li>
    <li><a href="#monitoring">Monitoring, audit and incidents</a></li>
    <li><a href="#contracts">Procurement and contracts</a></li>
    <li><a href="#timeline">Timeline and responsibilities</a></li>
    <li><a href="#faq">Frequently asked questions</a></li>
    <li><a href="#references">References</a></li>
  </ol>
</nav>

</div><!-- /.layout -->

<footer class="site-footer" role="contentinfo">
  <p>Page last reviewed: 3 November 2025 &middot; Next review due: May 2026</p>
  <ul>
    <li><a href="/privacy">Privacy</a></li>
    <li><a href="/accessibility">Accessibility statement</a></li>
    <li><a href="/copyright">Copyright</a></li>
    <li><a href="/disclaimer">Disclaimer</a></li>
    <li><a href="/cookies">Cookies</a></li>
    <li><a href="/sitemap">Sitemap</a></li>
  </ul>
  <p>&copy; Ostravel Digital Health Authority. Content on this site is licensed for re-use under the Ostravel Open
  Government Licence unless otherwise stated.</p>
</footer>

<noscript><p>Some features of this page, such as the cookie settings, need JavaScript.</p></noscript>
<script>
  (function () {
    var banner = document.getElementById("cookie-banner");
    if (!banner) { return; }
    if (document.cookie.indexOf("odha_consent=") !== -1) { banner.hidden = true; }
    banner.addEventListener("click", function (e) {
      var choice = e.target.getAttribute("data-cookie");
      if (!choice) { return; }
      document.cookie = "odha_consent=" + choice + "; path=/; max-age=31536000; SameSite=Lax";
      banner.hidden = true;
      window.dataLayer.push({ "event": "cookie_choice", "choice": choice,
        "message": "Thank you. Your cookie preference has been saved for 12 months." });
    });
  })();
</script>
</body>
</html>
"""


def build(out_dir: Path) -> Path:
    """Write the page into `out_dir`; the .html file's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.html"
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEAD + BODY_TOP + MAIN + BODY_END)
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
