"""Wrenfield article tables, boxes and the Figure 1 block: Table 1 (both columns, split so that
it continues on the next page with its header repeated), Table 2 (both columns), Tables 3 and 4
(one column), the Key points box, Box 1 and the figure with its caption. The figure's image,
`figure1.png`, is drawn by `wrenfield_figure.py` next to the HTML. The asserts check that the
counts agree with one another."""

from __future__ import annotations

# Site-level numbers (kept consistent; checked by the asserts below)
SITES = {
    # n encounters, events, true-positive encounters, alerted encounters, total alerts
    "WG": {"n": 21418, "e": 1104, "tp": 676, "al": 2467, "alerts": 3102},
    "SA": {"n": 11205, "e": 441, "tp": 252, "al": 1091, "alerts": 1380},
    "EB": {"n": 12377, "e": 497, "tp": 292, "al": 1187, "alerts": 1529},
    "MV": {"n": 3736, "e": 145, "tp": 70, "al": 370, "alerts": 466},
}
assert sum(s["n"] for s in SITES.values()) == 48736
assert sum(s["e"] for s in SITES.values()) == 2187
assert sum(s["tp"] for s in SITES.values()) == 1290
assert sum(s["al"] for s in SITES.values()) == 5115
assert sum(s["alerts"] for s in SITES.values()) == 6477
assert 57904 - 3112 - 1046 - 2687 - 2323 == 48736
assert 13842 + 7390 + 8116 + 2554 == 31902
assert 893 + 97 + 114 == 1104 and 352 + 41 + 48 == 441
assert 401 + 44 + 52 == 497 and 109 + 15 + 21 == 145

TABLE1_HEAD = """<thead><tr><th class="l">Characteristic</th><th>WG<br>(n = 21,418)</th><th>SA<br>(n = 11,205)</th><th>EB<br>(n = 12,377)</th><th>MV<br>(n = 3,736)</th><th>All hospitals<br>(n = 48,736)</th></tr></thead>"""

TABLE1_ROWS_A = [
    ("sec", "Demographics"),
    ("Unique patients, n", "13,842", "7,390", "8,116", "2,554", "31,902"),
    ("Age, years, median (IQR)", "64 (49–75)", "68 (55–79)", "66 (52–77)", "71 (59–81)", "66 (51–77)"),
    ("Age ≥ 80 years, %", "17.9", "22.4", "19.6", "27.1", "19.8"),
    ("Female sex, %", "50.8", "53.6", "52.1", "54.9", "51.9"),
    ("Preferred language other than English, %", "9.4", "6.1", "12.7", "2.3", "9.1"),
    ("sec", "Insurance, %"),
    ("Medicare", "44.1", "52.3", "47.8", "61.0", "47.6"),
    ("Medicaid", "21.7", "16.2", "19.4", "17.5", "19.6"),
    ("Commercial", "29.5", "27.4", "28.9", "18.6", "28.3"),
    ("Uninsured or self-pay", "4.7", "4.1", "3.9", "2.9", "4.3"),
    ("sec", "Admission"),
    ("Medical service, %", "63.2", "71.5", "68.0", "82.6", "67.2"),
    ("Surgical service, %", "36.8", "28.5", "32.0", "17.4", "32.8"),
    ("Elixhauser comorbidities, median (IQR)", "4 (2–6)", "4 (2–6)", "4 (2–6)", "5 (3–7)", "4 (2–6)"),
    ("sec", "Hospital course"),
    (
        "Length of stay, days, median (IQR)",
        "4.1 (2.4–7.0)",
        "3.6 (2.2–6.1)",
        "3.8 (2.3–6.4)",
        "3.3 (2.0–5.4)",
        "3.9 (2.3–6.6)",
    ),
    ("Laboratory draws per patient-day, median", "1.8", "1.4", "1.5", "0.9", "1.6"),
    ("Vital sign sets per patient-day, median", "6.2", "5.4", "5.7", "4.8", "5.8"),
    ("In-hospital mortality (all causes), %", "2.6", "2.3", "2.4", "2.7", "2.5"),
]
TABLE1_ROWS_B = [
    ("sec", "Primary outcome<sup>a</sup>"),
    ("Composite outcome, n (%)", "1,104 (5.2)", "441 (3.9)", "497 (4.0)", "145 (3.9)", "2,187 (4.5)"),
    ("&nbsp;&nbsp;Unplanned ICU transfer<sup>b</sup>, n", "893", "352", "401", "109", "1,755"),
    ("&nbsp;&nbsp;Cardiac arrest, n", "97", "41", "44", "15", "197"),
    ("&nbsp;&nbsp;Ward death without comfort-care order, n", "114", "48", "52", "21", "235"),
]


def _t1rows(rows: list[tuple[str, ...]]) -> str:
    """Table 1 body rows; a ("sec", title) row is a section heading across all six columns."""
    out = []
    for r in rows:
        if r[0] == "sec":
            out.append(f'<tr class="sec"><td colspan="6">{r[1]}</td></tr>')
        else:
            out.append("<tr>" + f'<td class="l">{r[0]}</td>' + "".join(f"<td>{c}</td>" for c in r[1:]) + "</tr>")
    return "\n".join(out)


TABLE1 = f"""<div class="tbl span" id="t1a">
<div class="cap"><b>Table 1.</b> Characteristics of the analysis cohort by hospital (encounter level unless stated).</div>
<table class="t1">{TABLE1_HEAD}<tbody>
{_t1rows(TABLE1_ROWS_A)}
</tbody></table>
<div class="contd">(continued)</div>
</div>
<div class="tbl span" id="t1b">
<div class="cap"><b>Table 1 (continued).</b></div>
<table class="t1">{TABLE1_HEAD}<tbody>
{_t1rows(TABLE1_ROWS_B)}
</tbody></table>
<div class="tnote">WG, Wrenfield General Hospital; SA, St. Alcuin Community Hospital; EB, Eastbrook Medical Center; MV, Marrowby Valley Hospital; IQR, interquartile range; ICU, intensive care unit.<br>
<sup>a</sup> Encounters with more than one component are counted once, by the first qualifying event.<br>
<sup>b</sup> At MV, which has no ICU, emergent inter-facility transfers with ICU admission at the receiving hospital within 6 hours.</div>
</div>
"""

TABLE2 = """<div class="tbl span">
<div class="cap"><b>Table 2.</b> Prospective performance of WEDS at the high-risk threshold (score ≥ 62) and comparison with the Ward Trigger Criteria, by hospital, 1 March 2023 – 29 February 2024.</div>
<table class="t2"><thead><tr><th class="l">Measure</th><th>WG</th><th>SA</th><th>EB</th><th>MV</th><th>All hospitals</th></tr></thead><tbody>
<tr><td class="l">Encounters, n</td><td>21,418</td><td>11,205</td><td>12,377</td><td>3,736</td><td>48,736</td></tr>
<tr><td class="l">Outcome events, n (%)</td><td>1,104 (5.2)</td><td>441 (3.9)</td><td>497 (4.0)</td><td>145 (3.9)</td><td>2,187 (4.5)</td></tr>
<tr><td class="l">AUROC, WEDS (95% CI)</td><td>0.842 (0.830–0.853)</td><td>0.817 (0.797–0.836)</td><td>0.826 (0.808–0.844)</td><td>0.771 (0.731–0.810)</td><td>0.831 (0.823–0.839)</td></tr>
<tr><td class="l">AUROC, WTC (95% CI)</td><td>0.738 (0.724–0.752)</td><td>0.722 (0.700–0.744)</td><td>0.729 (0.708–0.750)</td><td>0.714 (0.672–0.756)</td><td>0.731 (0.720–0.742)</td></tr>
<tr><td class="l">AUPRC, WEDS</td><td>0.281</td><td>0.224</td><td>0.238</td><td>0.176</td><td>0.257</td></tr>
<tr><td class="l">Sensitivity, %</td><td>61.2</td><td>57.1</td><td>58.8</td><td>48.3</td><td>59.0</td></tr>
<tr><td class="l">Specificity, %</td><td>91.2</td><td>92.2</td><td>92.5</td><td>91.6</td><td>91.8</td></tr>
<tr><td class="l">PPV, %</td><td>27.4</td><td>23.1</td><td>24.6</td><td>18.9</td><td>25.2</td></tr>
<tr><td class="l">Number needed to evaluate</td><td>3.6</td><td>4.3</td><td>4.1</td><td>5.3</td><td>4.0</td></tr>
<tr><td class="l">High-risk alerts, n</td><td>3,102</td><td>1,380</td><td>1,529</td><td>466</td><td>6,477</td></tr>
<tr><td class="l">Alerts per day</td><td>8.5</td><td>3.8</td><td>4.2</td><td>1.3</td><td>17.7</td></tr>
<tr><td class="l">Alerted encounters per 100 encounters</td><td>11.5</td><td>9.7</td><td>9.6</td><td>9.9</td><td>10.5</td></tr>
<tr><td class="l">Median lead time, h (IQR)</td><td>9.8 (4.1–17.6)</td><td>8.7 (3.6–16.5)</td><td>9.2 (3.8–17.0)</td><td>6.4 (2.7–13.1)</td><td>9.3 (3.9–17.2)</td></tr>
<tr><td class="l">RRN assessment ≤ 60 min, % of alerts</td><td>81.2</td><td>76.9</td><td>79.5</td><td>64.8</td><td>78.7</td></tr>
</tbody></table>
<div class="tnote">AUROC, area under the receiver operating characteristic curve; AUPRC, area under the precision–recall curve; PPV, positive predictive value; RRN, rapid response nurse; WTC, Ward Trigger Criteria. Alerts per day are calculated over 366 days. Lead time is reported for true-positive encounters only. Hospital abbreviations as in Table 1.</div>
</div>
"""

TABLE3 = """<div class="tbl col">
<div class="cap"><b>Table 3.</b> WEDS discrimination in prespecified subgroups, all hospitals combined.</div>
<table class="t3"><thead><tr><th class="l">Subgroup</th><th>Encounters, n</th><th>AUROC (95% CI)</th></tr></thead><tbody>
<tr class="sec"><td colspan="3">Age</td></tr>
<tr><td class="l">18–64 years</td><td>22,918</td><td>0.846 (0.833–0.859)</td></tr>
<tr><td class="l">65–79 years</td><td>16,168</td><td>0.826 (0.812–0.840)</td></tr>
<tr><td class="l">≥ 80 years</td><td>9,650</td><td>0.794 (0.775–0.813)</td></tr>
<tr class="sec"><td colspan="3">Sex</td></tr>
<tr><td class="l">Female</td><td>25,294</td><td>0.834 (0.823–0.845)</td></tr>
<tr><td class="l">Male</td><td>23,442</td><td>0.828 (0.817–0.839)</td></tr>
<tr class="sec"><td colspan="3">Admission type</td></tr>
<tr><td class="l">Medical</td><td>32,751</td><td>0.822 (0.812–0.832)</td></tr>
<tr><td class="l">Surgical</td><td>15,985</td><td>0.852 (0.837–0.867)</td></tr>
<tr class="sec"><td colspan="3">Preferred language</td></tr>
<tr><td class="l">English</td><td>44,301</td><td>0.832 (0.824–0.840)</td></tr>
<tr><td class="l">Other than English</td><td>4,435</td><td>0.819 (0.791–0.847)</td></tr>
<tr class="sec"><td colspan="3">Insurance</td></tr>
<tr><td class="l">Medicare</td><td>23,198</td><td>0.818 (0.807–0.829)</td></tr>
<tr><td class="l">Medicaid</td><td>9,552</td><td>0.836 (0.819–0.853)</td></tr>
<tr><td class="l">Commercial</td><td>13,792</td><td>0.849 (0.834–0.864)</td></tr>
<tr><td class="l">Uninsured or self-pay</td><td>2,194</td><td>0.827 (0.788–0.866)</td></tr>
</tbody></table>
<div class="tnote">AUROC, area under the receiver operating characteristic curve; CI, confidence interval.</div>
</div>
"""
assert 22918 + 16168 + 9650 == 48736 and 25294 + 23442 == 48736
assert 32751 + 15985 == 48736 and 44301 + 4435 == 48736
assert 23198 + 9552 + 13792 + 2194 == 48736

FIGURE1 = """<div class="fig col">
<img src="figure1.png" alt="">
<div class="figcap"><b>Figure 1.</b> (A) Prospective AUROC of WEDS (dark bars, with 95% CIs) and of the Ward Trigger Criteria (grey bars) at each hospital. (B) Mean number of high-risk WEDS alerts per day at each hospital over the 366-day study period. WG, Wrenfield General Hospital; SA, St. Alcuin Community Hospital; EB, Eastbrook Medical Center; MV, Marrowby Valley Hospital.</div>
</div>
"""

KEYPOINTS = """<div class="box keyp">
<div class="boxhead">Key points</div>
<p><b>Question</b> How did a machine-learning deterioration model perform after go-live at each hospital of a four-hospital network?</p>
<p><b>Findings</b> In 48,736 ward encounters the model’s AUROC was 0.831 overall and exceeded the legacy criteria at every hospital, but it was 0.771 at the rural hospital, where fewer than half of overnight alerts received a timely bedside assessment.</p>
<p><b>Meaning</b> Deterioration models need site-level evaluation, local threshold review and matching response capacity, not only pooled validation.</p>
</div>
"""

BOX1 = """<div class="box">
<div class="boxhead">Box 1. Ward Trigger Criteria (legacy calling criteria in use at all four hospitals)</div>
<p class="lead">A rapid response call is expected when any one of the following is present:</p>
<ul>
<li>respiratory rate ≥ 30 or ≤ 8 breaths/min;</li>
<li>oxygen saturation &lt; 90% despite supplemental oxygen;</li>
<li>heart rate ≥ 130 or ≤ 40 beats/min;</li>
<li>systolic blood pressure ≤ 90 mmHg;</li>
<li>acute change in level of consciousness;</li>
<li>urine output &lt; 50 mL over 4 hours;</li>
<li>a staff member or family member is seriously worried about the patient.</li>
</ul>
</div>
"""

TABLE4 = """<div class="tbl col">
<div class="cap"><b>Table 4.</b> Response to high-risk WEDS alerts by hospital and time of day.</div>
<table class="t4"><thead><tr><th class="l">Measure</th><th>WG</th><th>SA</th><th>EB</th><th>MV</th><th>All</th></tr></thead><tbody>
<tr><td class="l">Alerts 07:00–18:59, n</td><td>1,712</td><td>751</td><td>826</td><td>224</td><td>3,513</td></tr>
<tr><td class="l">Alerts 19:00–06:59, n</td><td>1,390</td><td>629</td><td>703</td><td>242</td><td>2,964</td></tr>
<tr><td class="l">Assessed ≤ 60 min, day, %</td><td>82.0</td><td>78.2</td><td>80.4</td><td>83.1</td><td>80.9</td></tr>
<tr><td class="l">Assessed ≤ 60 min, night, %</td><td>80.2</td><td>75.4</td><td>78.4</td><td>47.9</td><td>76.1</td></tr>
<tr><td class="l">Minutes to assessment, median (IQR)</td><td>24 (12–41)</td><td>29 (15–50)</td><td>26 (13–46)</td><td>38 (17–96)</td><td>26 (13–46)</td></tr>
<tr><td class="l">Assessments with new orders, %</td><td>39.0</td><td>37.1</td><td>38.4</td><td>33.6</td><td>38.2</td></tr>
<tr><td class="l">Higher level of care ≤ 6 h, %<sup>a</sup></td><td>12.3</td><td>10.2</td><td>11.1</td><td>9.2</td><td>11.4</td></tr>
</tbody></table>
<div class="tnote">Day, alerts issued 07:00–18:59; night, alerts issued 19:00–06:59; IQR, interquartile range.<br><sup>a</sup> Percentage of alerted patients transferred to an intermediate care unit or ICU, or out of the hospital to a higher level of care, within 6 hours of the alert.</div>
</div>
"""
assert 1712 + 1390 == 3102 and 751 + 629 == 1380 and 826 + 703 == 1529 and 224 + 242 == 466
assert 1712 + 751 + 826 + 224 == 3513 and 1390 + 629 + 703 + 242 == 2964
