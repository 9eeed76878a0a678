"""Wrenfield article text helpers: soft-hyphen insertion, paragraph and heading markup, and the
first-page front matter (masthead, citation line, title, authors, affiliations, dates, abstract)."""

from __future__ import annotations

import re

# Hyphenation: soft hyphens go into long lower-case words so that Chromium breaks them at line ends.
VOW = set("aeiouy")
DIGRAPHS = {"th", "ch", "sh", "ph", "wh", "ck", "gh", "qu", "ng"}
BLENDS = {"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "ff", "fi"}
NO_HYPH = {
    "through",
    "strength",
    "although",
    "however",
    "patients",
    "hospital",
    "hospitals",
    "whereas",
    "thresholds",
    "threshold",
}


def _vowel_split(w: str, i: int) -> bool:
    """A break before w[i] in vowel-consonant-vowel, the consonant not starting a digraph."""
    return w[i - 1] in VOW and w[i] not in VOW and w[i + 1] in VOW and w[i : i + 2] not in DIGRAPHS


def _cluster_split(w: str, i: int) -> bool:
    """A break inside a two-consonant cluster after a vowel, splitting no digraph or blend."""
    return (
        w[i - 1] not in VOW
        and w[i] not in VOW
        and w[i - 2] in VOW
        and w[i - 1 : i + 1] not in DIGRAPHS
        and w[i : i + 2] not in DIGRAPHS
        and w[i - 1 : i + 1] not in BLENDS
    )


def _break_points(w: str) -> list[int]:
    """Candidate break offsets in the all-letter word `w`."""
    return [i for i in range(3, len(w) - 3) if _vowel_split(w, i) or _cluster_split(w, i)]


def hyph_word(w: str) -> str:
    """`w` with soft hyphens at its break points when it is a long lower-case word, else unchanged."""
    if len(w) < 9 or not w.isalpha() or not w.islower() or w in NO_HYPH:
        return w
    # keep break points at least 2 letters apart
    keep, last = [], -5
    for p in _break_points(w):
        if p - last >= 2:
            keep.append(p)
            last = p
    out, prev = [], 0
    for p in keep:
        out.append(w[prev:p])
        prev = p
    out.append(w[prev:])
    return "\u00ad".join(out)


def hy(html: str) -> str:
    """`html` with soft hyphens in the words of its text, leaving tags and entities alone."""
    parts = re.split(r"(<[^>]+>|&[a-z]+;)", html)
    res = []
    for part in parts:
        if part.startswith("<") or part.startswith("&"):
            res.append(part)
        else:
            res.append(re.sub(r"[A-Za-z]+", lambda m: hyph_word(m.group(0)), part))
    return "".join(res)


def para(text: str, cls: str | None = None) -> str:
    """One hyphenated paragraph, with an optional class."""
    c = f' class="{cls}"' if cls else ""
    return f"<p{c}>{hy(text)}</p>\n"


def heading(level: int, text: str) -> str:
    """One heading of the given level (never hyphenated)."""
    return f"<h{level}>{text}</h{level}>\n"


def render(items: list[str], cls: str | None = None) -> str:
    """HTML for a list of items: "## text" is a heading (as many #s as its level), an item starting
    with "<" is HTML as it is, anything else a hyphenated paragraph of class `cls`."""
    out = []
    for item in items:
        if item.startswith("#"):
            marks, _, text = item.partition(" ")
            out.append(heading(len(marks), text))
        elif item.startswith("<"):
            out.append(item)
        else:
            out.append(para(item, cls))
    return "".join(out)


# The first page above the two columns; {pages} is the journal page range.
FRONT_MATTER = """
<div class="mast">
  <div class="mast-l">JOURNAL OF CLINICAL INFORMATICS PRACTICE</div>
  <div class="mast-r">ORIGINAL RESEARCH</div>
</div>
<div class="cite-line">J Clin Inform Pract. 2025;14(3):{pages} &nbsp;·&nbsp; https://doi.org/10.5555/jcip.2025.0317 &nbsp;·&nbsp; Article ID JCIP-2024-0452.R1</div>
<h1 class="title">Prospective evaluation of a machine-learning deterioration early-warning model across four hospitals of the Wrenfield Health Partners system</h1>
<div class="authors">Maren T. Ashworth, MD, MS<sup>1,2,*</sup>; Daniel K. Okafor, PhD<sup>2</sup>; Priya Venkataraman, RN, MSN<sup>3</sup>; Tobias Lindqvist, MSc<sup>2</sup>; Helena R. Marchetti, MD<sup>4</sup>; Samuel O. Adeyemi, MPH<sup>5</sup>; Grace L. Penhallow, RN, BSN<sup>6</sup>; Jonah B. Feld, MD, PhD<sup>1,2</sup></div>
<div class="affils">
<sup>1</sup>Division of Hospital Medicine, Wrenfield General Hospital, Wrenfield; <sup>2</sup>Center for Clinical Analytics, Wrenfield Health Partners, Wrenfield; <sup>3</sup>Department of Nursing Quality and Patient Safety, St. Alcuin Community Hospital, Harlan Ford; <sup>4</sup>Department of Critical Care Medicine, Eastbrook Medical Center, Eastbrook; <sup>5</sup>Department of Biostatistics, Tessaly University School of Public Health, Wrenfield; <sup>6</sup>Nursing Administration, Marrowby Valley Hospital, Marrowby
</div>
<div class="corr"><sup>*</sup>Corresponding author: Maren T. Ashworth, MD, MS, Center for Clinical Analytics, Wrenfield Health Partners, 1400 Linden Crescent, Wrenfield. Email: <span class="mono">m.ashworth@wrenfieldhp.org</span></div>
<div class="dates">Received 14 August 2024 &nbsp;|&nbsp; Revised 2 December 2024 &nbsp;|&nbsp; Accepted 9 January 2025 &nbsp;|&nbsp; Published online 3 February 2025<br>© 2025 The Authors. Published under a CC BY-NC 4.0 licence.</div>
<div class="abstract">
<div class="abs-head">Abstract</div>
<p><b>Background:</b> Machine-learning early-warning models for inpatient deterioration are widely deployed, yet few prospective evaluations report performance, alert burden and response separately for each hospital of a network. We evaluated the Wrenfield Early Deterioration Score (WEDS) during its first year of live use.</p>
<p><b>Methods:</b> Prospective cohort study of adult medical–surgical ward encounters from 1 March 2023 through 29 February 2024 at four hospitals (one academic, two community, one rural). WEDS (41 predictors, recalculated every 60 minutes) paged a rapid response nurse when the score reached 62 or higher. The primary outcome was a composite of unplanned intensive care unit (ICU) transfer, cardiac arrest or ward death within 24 hours. We estimated the area under the receiver operating characteristic curve (AUROC), sensitivity, positive predictive value (PPV) and alert volume by site, and compared WEDS with the legacy Ward Trigger Criteria (WTC).</p>
<p><b>Results:</b> Among 48,736 encounters (31,902 patients), 2,187 (4.5%) met the primary outcome. Overall AUROC was 0.831 (95% CI 0.823–0.839) versus 0.731 (0.720–0.742) for the WTC. At the alert threshold, sensitivity was 59.0% and PPV 25.2%, with 17.7 alerts per day across the system. AUROC ranged from 0.771 at Marrowby Valley Hospital to 0.842 at Wrenfield General Hospital; the median lead time from first alert to outcome was 9.3 hours.</p>
<p><b>Conclusions:</b> WEDS outperformed the legacy criteria at every site, but pooled results concealed clinically relevant weaker performance and response gaps at the smallest, rural hospital. Site-level evaluation, threshold review and round-the-clock response capacity should accompany deployment of such models.</p>
<div class="kw"><b>Keywords:</b> clinical deterioration; early warning score; machine learning; rapid response; implementation science; model monitoring</div>
</div>
"""
