"""The reports of a run: cases.jsonl, junit.xml, report.html (self-contained, every text escaped) and the text table."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .baseline import Regression
from .config import ThresholdKind, ThresholdStatus, case_metric_names, summary_metric_names
from .headline import Verdict, headline
from .metrics import UNDEFINED, is_defined
from .records import CaseResult, ThresholdResult


def jsonable(obj: Any) -> Any:
    """JSON form of a report value: UNDEFINED becomes null, floats are rounded to 6 places, keys are strings."""
    if obj is UNDEFINED:
        return None
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if isinstance(obj, float):
        return round(obj, 6)
    if isinstance(obj, Path):
        return str(obj)
    return obj


_jsonable = jsonable  # the name tests and older callers use


def write_cases(path: Path, records: list[CaseResult]) -> None:
    """cases.jsonl: one record per case."""
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(jsonable(r.to_dict()), ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- junit


def _junit_cases(root: ET.Element, records: list[CaseResult]) -> None:
    cases_el = ET.SubElement(root, "testsuite", name="eval-cases")
    for r in records:
        tc = ET.SubElement(cases_el, "testcase", classname=f"eval.{r.split or 'cases'}", name=r.id)
        tc.set("time", f"{(r.wall_ms or 0) / 1000:.3f}")
        if r.error:
            e = ET.SubElement(tc, "error", message=r.error[:500])
            e.text = r.error
        elif not r.score.passed:
            f = ET.SubElement(tc, "failure", message="; ".join(r.score.reasons)[:500])
            f.text = "\n".join(r.score.reasons)
        if r.score.warnings:
            out = ET.SubElement(tc, "system-out")
            out.text = "\n".join(r.score.warnings)


def _junit_thresholds(root: ET.Element, thresholds: list[ThresholdResult]) -> None:
    th_el = ET.SubElement(root, "testsuite", name="thresholds")
    tg_el = ET.SubElement(root, "testsuite", name="targets")
    for t in thresholds:
        parent = th_el if t.kind == ThresholdKind.GATE else tg_el
        tc = ET.SubElement(parent, "testcase", classname=f"{t.kind}.{t.scope}", name=t.name)
        if t.status == ThresholdStatus.FAIL:
            ET.SubElement(tc, "failure", message=t.message)
        elif t.status == ThresholdStatus.SKIPPED:
            ET.SubElement(tc, "skipped", message=t.message)
        elif t.status == ThresholdStatus.MISSED:
            ET.SubElement(tc, "skipped", message=f"release target missed: {t.message}")


def _junit_regression(root: ET.Element, regression: Regression) -> None:
    rg = ET.SubElement(root, "testsuite", name="regression")
    for row in regression.metrics:
        if not row.gated:
            continue
        tc = ET.SubElement(rg, "testcase", classname="regression", name=row.name)
        if not is_defined(row.delta):
            ET.SubElement(tc, "skipped", message="no paired defined values")
        elif row.regressed:
            ET.SubElement(
                tc,
                "failure",
                message=(
                    f"significant regression: delta {row.delta:+.4f}, 95% CI "
                    f"[{row.ci_low:+.4f}, {row.ci_high:+.4f}], tolerance {row.tolerance}"
                ),
            )


def write_junit(
    path: Path, records: list[CaseResult], thresholds: list[ThresholdResult], regression: Regression | None
) -> None:
    """junit.xml: a test case per eval case, per threshold and per gated regression metric."""
    root = ET.Element("testsuites", name="advisor-eval")
    _junit_cases(root, records)
    _junit_thresholds(root, thresholds)
    if regression:
        _junit_regression(root, regression)
    for s in root:
        cases_ = list(s)
        s.set("tests", str(len(cases_)))
        s.set("failures", str(sum(1 for c in cases_ if c.find("failure") is not None)))
        s.set("errors", str(sum(1 for c in cases_ if c.find("error") is not None)))
        s.set("skipped", str(sum(1 for c in cases_ if c.find("skipped") is not None)))
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


# --------------------------------------------------------------------------- HTML


def _fmt(v: Any, name: str = "") -> str:
    if not is_defined(v):
        return "undefined"
    if name.startswith("latency") or name.endswith("_ms"):
        return f"{float(v):.0f} ms"
    return f"{float(v):.3f}"


_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1b1f24;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
table{border-collapse:collapse;background:#fff;margin:6px 0 12px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f3f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#1a7f37;font-weight:600}.fail,.missed{color:#cf222e;font-weight:600}.skipped,.undef{color:#6e7781}
.verdict{border:2px solid #cf222e;background:#fff5f5;border-radius:6px;padding:8px 14px;margin:10px 0}
.verdict.ok{border-color:#1a7f37;background:#f3fbf5}.verdict ul{margin:4px 0 4px 18px}.verdict li{color:#cf222e}
.meta{color:#57606a}details.case{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:4px 0;padding:4px 10px}
details.case>summary{cursor:pointer}details.case[open]{box-shadow:0 1px 3px rgba(0,0,0,.08)}
.answer{white-space:pre-wrap;background:#f6f8fa;border-left:3px solid #8c959f;padding:6px 10px}
.quote{white-space:pre-wrap;color:#424a53}.tag{display:inline-block;background:#ddf4ff;border-radius:10px;padding:0 7px;margin:0 2px;font-size:12px}
ul{margin:4px 0 8px 18px;padding:0}.bar{margin:10px 0}.bar input,.bar select{font:inherit;padding:3px 6px}
"""

_JS = """
function filt(){var q=document.getElementById('q').value.toLowerCase(),s=document.getElementById('st').value;
document.querySelectorAll('details.case').forEach(function(d){var ok=(!q||d.dataset.search.indexOf(q)>=0)&&(!s||d.dataset.status===s);d.style.display=ok?'':'none';});}
function expand(o){document.querySelectorAll('details.case').forEach(function(d){if(d.style.display!=='none')d.open=o;});}
"""


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _bound(t: ThresholdResult) -> str:
    return " ".join(f"{key} {v:g}" for key, v in t.bounds().items())


def _overall(thresholds: list[ThresholdResult], kind: ThresholdKind) -> dict[str, ThresholdResult]:
    return {t.name: t for t in thresholds if t.scope == "all" and t.kind == kind}


_VERDICT_CLASS = {Verdict.PASS: "pass", Verdict.GATES_PASSED: "missed", Verdict.FAIL: "fail"}


def _html_head(summary: dict[str, Any], manifest: dict[str, Any]) -> list[str]:
    h = headline(summary)
    cls = _VERDICT_CLASS[h.verdict]
    p = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>advisor eval report</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Readiness Advisor — answer-quality report <span class='{cls}'>{_e(h.title)}</span></h1>",
        "<p class='meta'>"
        + _e(
            f"{manifest.get('timestamp')} · {summary['n_cases']} cases, {summary['n_passed']} passed · "
            f"mode {manifest.get('mode')} · checker {manifest.get('checker', {}).get('name')} · "
            f"corpus {manifest.get('corpus_version')} · dataset {manifest.get('dataset_version') or 'n/a'} · "
            f"commit {manifest.get('git_commit') or 'n/a'} · {manifest.get('duration_s')} s"
        )
        + "</p>",
        f"<div class='verdict{' ok' if h.verdict == Verdict.PASS else ''}' id='verdict'>",
        f"<p><b>Gates:</b> <span class='{'fail' if h.failed else 'pass'}'>{_e(h.gates)}</span></p>",
    ]
    if h.failed:
        p.append("<p class='fail'>Failed gates:</p><ul>" + "".join(f"<li>{_e(x)}</li>" for x in h.failed) + "</ul>")
    if h.missed:
        p.append("<p class='missed'>Not met:</p><ul>" + "".join(f"<li>{_e(x)}</li>" for x in h.missed) + "</ul>")
    if h.profiles:
        p.append("<p><b>Published bars:</b> " + _e(" · ".join(h.profiles)) + " (see below)</p>")
    p.append("</div>")
    return p


def _html_bars(summary: dict[str, Any]) -> list[str]:
    """The published-bar profiles (CHAI) and the stability measurement."""
    p: list[str] = []
    profiles = summary.get("profiles") or []
    if profiles:
        p.append("<h2>Published bars</h2><table><tr><th>profile</th><th>bar</th><th>value</th><th>status</th></tr>")
        for pr in profiles:
            cls = {"met": "pass", "not met": "fail"}.get(str(pr.get("status")), "skipped")
            src = f"<div class='meta'>{_e(pr.get('summary', ''))} Source: {_e(pr.get('source', ''))} {_e(pr.get('url', ''))}</div>"
            bars = pr.get("bars") or []
            for i, b in enumerate(bars):
                bcls = {"met": "pass", "not met": "fail"}.get(str(b.get("status")), "skipped")
                first = (
                    f"<td rowspan='{len(bars)}'><b>{_e(pr.get('title'))}</b> <span class='{cls}'>{_e(pr.get('status'))}</span>"
                    f"{' (gating)' if pr.get('gating') else ''}{src}</td>"
                    if i == 0
                    else ""
                )
                p.append(
                    f"<tr>{first}<td>{_e(b.get('metric'))} {_e(b.get('op'))} {_e(b.get('bound'))}</td>"
                    f"<td class='num'>{_e(_fmt(b.get('value')))}</td><td class='{bcls}'>{_e(b.get('status'))}: {_e(b.get('message'))}</td></tr>"
                )
        p.append("</table>")
    stab = summary.get("stability")
    p.append("<h2>Output stability</h2>")
    if not stab:
        p.append("<p class='meta'>Not measured in this run (stability.repeats is 0).</p>")
        return p
    rate = stab.get("exact_match_rate")
    p.append(
        f"<p>Exact-match rate <b>{_e(_fmt(rate))}</b>: {stab.get('matches')} of {stab.get('runs')} repeated answers "
        f"identical to the first ({stab.get('repeats')} repeats of {len(stab.get('cases') or [])} questions: "
        f"{_e(', '.join(stab.get('cases') or []))}; {stab.get('seconds')} s). Timings are ignored; the answer text, "
        "abstention, citations and unsupported sentences must match.</p>"
    )
    if stab.get("mismatches"):
        p.append(
            "<ul>"
            + "".join(
                f"<li class='fail'>{_e(m['id'])} repeat {m['repeat']}: {_e(m['field'])} differed</li>"
                for m in stab["mismatches"]
            )
            + "</ul>"
        )
    return p


def _html_summary(summary: dict[str, Any], thresholds: list[ThresholdResult], k: int) -> list[str]:
    gates, targets = _overall(thresholds, ThresholdKind.GATE), _overall(thresholds, ThresholdKind.TARGET)

    def bound_cells(t: ThresholdResult | None) -> str:
        if not t:
            return "<td></td><td></td>"
        return f"<td>{_e(_bound(t))}</td><td class='{t.status}'>{_e(t.status)}</td>"

    p = [
        "<h2>Summary</h2><table><tr><th>metric</th><th>value</th><th>defined</th><th>undefined</th>"
        "<th>gate</th><th>status</th><th>release target</th><th>status</th></tr>"
    ]
    for name in summary_metric_names(k):
        mb = summary["metrics"][name]
        cls = "num" if is_defined(mb["value"]) else "num undef"
        p.append(
            f"<tr><td>{_e(name)}</td><td class='{cls}'>{_e(_fmt(mb['value'], name))}</td><td class='num'>{mb['n_defined']}</td>"
            f"<td class='num'>{mb['n_undefined']}</td>{bound_cells(gates.get(name))}{bound_cells(targets.get(name))}</tr>"
        )
    p.append("</table>")
    other = [t for t in thresholds if t.scope != "all"]
    if other:
        p.append(
            "<h2>Per-tag and per-split thresholds</h2><table><tr><th>kind</th><th>scope</th><th>metric</th><th>value</th><th>bound</th><th>status</th></tr>"
        )
        for t in other:
            p.append(
                f"<tr><td>{_e(t.kind)}</td><td>{_e(t.scope)}</td><td>{_e(t.name)}</td>"
                f"<td class='num'>{_e(_fmt(t.value, t.name))}</td>"
                f"<td>{_e(_bound(t))}</td><td class='{t.status}'>{_e(t.status)} {_e('' if t.status == ThresholdStatus.PASS else t.message)}</td></tr>"
            )
        p.append("</table>")
    return p


def _html_groups(summary: dict[str, Any], k: int) -> list[str]:
    p: list[str] = []
    cols = ["pass_rate", f"recall@{k}", "faithfulness", "citation_recall", "keypoint_coverage", "abstention_accuracy"]
    for title, groups in (("By split", summary["by_split"]), ("By tag", summary["by_tag"])):
        p.append(f"<h2>{title}</h2><table><tr><th>group</th><th>cases</th><th>passed</th>")
        p.append("".join(f"<th>{_e(c)}</th>" for c in cols) + "</tr>")
        for g, b in groups.items():
            cells = "".join(f"<td class='num'>{_e(_fmt(b['metrics'][c]['value'], c))}</td>" for c in cols)
            p.append(
                f"<tr><td>{_e(g)}</td><td class='num'>{b['n_cases']}</td><td class='num'>{b['n_passed']}</td>{cells}</tr>"
            )
        p.append("</table>")
    return p


def _html_regression(regression: Regression) -> list[str]:
    p = [
        f"<h2>Comparison with baseline</h2><p class='meta'>{_e(regression.baseline)} · {regression.n_paired} paired cases</p>",
        "<table><tr><th>metric</th><th>delta</th><th>95% CI</th><th>pairs</th><th>tolerance</th><th>status</th></tr>",
    ]
    for row in regression.metrics:
        if not is_defined(row.delta):
            continue
        st = "fail" if row.regressed else ("pass" if row.gated else "skipped")
        label = "regression" if row.regressed else ("ok" if row.gated else "not gated")
        p.append(
            f"<tr><td>{_e(row.name)}</td><td class='num'>{row.delta:+.4f}</td>"
            f"<td class='num'>[{row.ci_low:+.4f}, {row.ci_high:+.4f}]</td><td class='num'>{row.n}</td>"
            f"<td class='num'>{row.tolerance:g} ({_e(row.direction)} is better)</td><td class='{st}'>{label}</td></tr>"
        )
    p.append("</table>")
    if regression.status_changes:
        p.append("<table><tr><th>case</th><th>baseline</th><th>now</th></tr>")
        for ch in regression.status_changes:
            p.append(
                f"<tr><td><a href='#case-{_e(ch.id)}'>{_e(ch.id)}</a></td><td class='{ch.before}'>{ch.before}</td>"
                f"<td class='{ch.after}'>{ch.after}</td></tr>"
            )
        p.append("</table>")
    else:
        p.append("<p>No case changed status.</p>")
    return p


def _html_case_summary(r: CaseResult) -> list[str]:
    c = r.case
    st = "pass" if r.score.passed else "fail"
    first = r.score.reasons[0] if r.score.reasons else ""
    search = " ".join([r.id, c.question, " ".join(c.tags), r.split]).lower()
    return [
        f"<details class='case' id='case-{_e(r.id)}' data-status='{st}' data-search='{_e(search)}'><summary>",
        f"<span class='{st}'>{st.upper()}</span> <b>{_e(r.id)}</b> <span class='meta'>[{_e(r.split)}]</span> ",
        "".join(f"<span class='tag'>{_e(t)}</span>" for t in c.tags),
        f" {_e(c.question)} <span class='fail'>{_e(first)}</span></summary>",
    ]


def _html_question_and_answer(r: CaseResult) -> list[str]:
    c, a = r.case, r.answer or {}
    p = [f"<p><b>Question:</b> {_e(c.question)}"]
    if c.org:
        p.append(f" <span class='meta'>(org {_e(c.org)})</span>")
    p.append(f" <span class='meta'>answerable={_e(c.answerable)}</span></p>")
    if c.history:
        p.append(
            "<p><b>History:</b></p><ul>"
            + "".join(f"<li><b>{_e(h.get('role'))}:</b> {_e(h.get('content'))}</li>" for h in c.history)
            + "</ul>"
        )
    if r.error:
        p.append(f"<p class='fail'>Error: {_e(r.error)}</p>")
    p.append(
        f"<p><b>Answer</b> <span class='meta'>(abstained={_e(a.get('abstained'))}, mode {_e(a.get('mode'))})</span></p>"
    )
    p.append(f"<div class='answer'>{_e(a.get('answer', ''))}</div>")
    if a.get("citations"):
        p.append("<p><b>Citations</b></p><ul>")
        for ct in a["citations"]:
            where = ct.get("source", "") + (f", p. {ct['page']}" if ct.get("page") else "")
            p.append(
                f"<li>[{_e(ct.get('marker'))}] {_e(ct.get('title', ''))} — {_e(ct.get('section', ''))} "
                f"<span class='meta'>({_e(where)})</span><div class='quote'>“{_e(ct.get('quote', ''))}”</div></li>"
            )
        p.append("</ul>")
    return p


def _html_case_findings(r: CaseResult) -> list[str]:
    c, p = r.case, []
    if r.score.reasons:
        p.append(
            "<p><b>Why it failed</b></p><ul>"
            + "".join(f"<li class='fail'>{_e(x)}</li>" for x in r.score.reasons)
            + "</ul>"
        )
    if r.score.warnings:
        p.append("<p><b>Warnings</b></p><ul>" + "".join(f"<li>{_e(x)}</li>" for x in r.score.warnings) + "</ul>")
    exp = ", ".join(c.expected_sources) or "—"
    kps = "; ".join(" / ".join(g) for g in c.keypoints) or "—"
    p.append(f"<p class='meta'>expected sources: {_e(exp)} · keypoints: {_e(kps)}</p>")
    if r.retrieved:
        ranked = " · ".join(f"{x.rank}. {x.source}" + (f" p.{x.page}" if x.page else "") for x in r.retrieved)
        p.append("<p class='meta'>retrieved (" + _e(r.retrieved_from) + "): " + _e(ranked) + "</p>")
    return p


def _html_case_metrics(r: CaseResult, k: int) -> list[str]:
    p = ["<table><tr><th>metric</th><th>value</th></tr>"]
    for name in case_metric_names(k):
        v = r.score.metrics.get(name, UNDEFINED)
        note = r.score.undefined.get(name, "")
        cell = _e(_fmt(v, name)) + (f" <span class='meta'>({_e(note)})</span>" if note else "")
        p.append(f"<tr><td>{_e(name)}</td><td class='num'>{cell}</td></tr>")
    p.append("</table>")
    cs = [s.to_dict() for s in r.score.evidence.citation_support or []]
    if cs:
        p.append("<table><tr><th>sentence</th><th>cites</th><th>support</th><th>citation precision</th></tr>")
        for s in cs:
            prec = "; ".join(
                f"[{m}] {'ok' if ok else 'imprecise'}: {s['why'].get(m, '')}" for m, ok in s["precise"].items()
            )
            cls = "pass" if s["supported"] else "fail"
            p.append(
                f"<tr><td>{_e(s['text'])}</td><td>{_e(s['markers'])}</td><td class='{cls}'>{s['score']:.2f}</td><td>{_e(prec)}</td></tr>"
            )
        p.append("</table>")
    return p


_CASES_BAR = (
    "<h2>Cases</h2><div class='bar'><input id='q' placeholder='filter: id, tag, text' oninput='filt()'> "
    "<select id='st' onchange='filt()'><option value=''>all</option><option value='fail'>failed</option><option value='pass'>passed</option></select> "
    "<button onclick='expand(true)'>expand all</button> <button onclick='expand(false)'>collapse all</button></div>"
)


def render_html(
    records: list[CaseResult],
    summary: dict[str, Any],
    thresholds: list[ThresholdResult],
    regression: Regression | None,
    manifest: dict[str, Any],
) -> str:
    """report.html: one self-contained page (no external resources); every value is escaped."""
    k = manifest.get("k", 5)
    p = (
        _html_head(summary, manifest)
        + _html_summary(summary, thresholds, k)
        + _html_bars(summary)
        + _html_groups(summary, k)
    )
    if regression:
        p += _html_regression(regression)
    p.append(_CASES_BAR)
    for r in records:
        p += _html_case_summary(r) + _html_question_and_answer(r) + _html_case_findings(r) + _html_case_metrics(r, k)
        p.append("</details>")
    p.append("<h2>Manifest</h2><pre>" + _e(json.dumps(jsonable(manifest), indent=2, ensure_ascii=False)) + "</pre>")
    p.append(f"<script>{_JS}</script></body></html>")
    return "".join(p)


# --------------------------------------------------------------------------- text


def text_summary(
    summary: dict[str, Any], thresholds: list[ThresholdResult], regression: Regression | None, k: int
) -> str:
    """The table `advisor eval` prints: every metric with its gate and target, then failures and regressions."""
    gates, targets = _overall(thresholds, ThresholdKind.GATE), _overall(thresholds, ThresholdKind.TARGET)

    def cell(t: ThresholdResult | None) -> str:
        if not t:
            return ""
        return _bound(t) + f" {t.status.upper()}"

    lines = [f"{'metric':<24}{'value':>12}{'n':>6}{'undef':>7}  {'gate':<22}target"]
    for name in summary_metric_names(k):
        mb = summary["metrics"][name]
        lines.append(
            f"{name:<24}{_fmt(mb['value'], name):>12}{mb['n_defined']:>6}{mb['n_undefined']:>7}  "
            f"{cell(gates.get(name)):<22}{cell(targets.get(name))}".rstrip()
        )
    lines.append(f"cases: {summary['n_cases']}, passed: {summary['n_passed']}, errors: {summary['n_errors']}")
    for s, b in summary["by_split"].items():
        lines.append(f"  split {s}: {b['n_passed']}/{b['n_cases']} passed")
    for t in thresholds:
        if t.status == ThresholdStatus.FAIL:
            lines.append(f"THRESHOLD FAILED [{t.scope}] {t.name}: {t.message}")
        elif t.status == ThresholdStatus.MISSED:
            lines.append(f"target missed (not gating) [{t.scope}] {t.name}: {t.message}")
    if regression:
        lines.append(f"baseline: {regression.n_paired} paired cases, {len(regression.status_changes)} status changes")
        for row in regression.metrics:
            if row.regressed:
                lines.append(
                    f"REGRESSION {row.name}: delta {row.delta:+.4f}, 95% CI [{row.ci_low:+.4f}, {row.ci_high:+.4f}]"
                )
    stab = summary.get("stability")
    if stab:
        lines.append(
            f"stability: exact-match rate {_fmt(stab.get('exact_match_rate'))} "
            f"({stab.get('matches')}/{stab.get('runs')} repeated answers, {stab.get('repeats')} repeats x {len(stab.get('cases') or [])} questions)"
        )
    for pr in summary.get("profiles") or []:
        lines.append(f"published bar {pr.get('title')}{' (gating)' if pr.get('gating') else ''}: {pr.get('status')}")
    h = headline(summary)
    lines.append(f"{h.title}: {h.gates}")
    return "\n".join(lines)
