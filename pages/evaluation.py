"""Evaluation: run the answer-quality suite in the background, follow quality over runs,
open a case, compare two runs, and turn users' feedback into reviewed cases."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from advisor import ui
from advisor.errors import AdvisorError
from advisor.evaluate import DEFAULT_THRESHOLDS, EVALS_DIR, load_config
from advisor.evaluate.datasets import default_datasets, has_cases, reviewed_dataset
from advisor.evaluate.history import StoredRun
from advisor.evaluate.review import (
    SPLITS,
    CaseDraft,
    ReviewItem,
    ReviewStore,
    Triage,
    dismiss,
    draft_case,
    mark_known_issue,
    promote,
    review_queue,
    split_counts,
)
from advisor.evaluate.runs import TREND_METRICS, compare_runs, run_row, trend_rows
from advisor.ui import eval_views as V
from advisor.ui.eval_jobs import EvalRequest, eval_jobs, review_store, run_history

JOB_KEY = "eval_job_id"
SEEN_KEY = "eval_job_seen"
NEWEST_KEY = "eval_newest_run"
PICKER_KEYS = ("eval-report-run", "eval-case-run", "eval-case", "eval-cmp-a", "eval-cmp-b")
CHECKERS = {"lexical": "Tier 0 — lexical (offline)", "nli": "Tier 1 — NLI model", "llm": "Tier 2 — LLM judge"}
DEFAULT_TRENDS = ["Key points", "Citation precision", "Citation recall", "Faithfulness", "Abstention accuracy"]

ui.gate(ui.Capability.EVALUATION)
adv = ui.get_advisor()
settings = adv.settings

st.title("Evaluation")
st.caption(
    "Run the answer-quality suite, follow the metrics over runs, open a failing case, compare two runs, "
    "and turn users' thumbs-down into reviewed test cases. `advisor eval --list` shows the same runs."
)
ui.show_flash()

jobs = eval_jobs(settings)
# read before the run list: a run that finishes while this script runs is then shown as still
# running, and its progress fragment reloads the page once it has been recorded
active = jobs.current()
try:
    history = run_history(settings)
    runs = history.runs(limit=200)
except AdvisorError as exc:
    st.error(ui.escape_md(str(exc)), icon=":material/error:")
    st.stop()
# a new run (from the app or the CLI) resets the run pickers, so they show the newest run
if runs and st.session_state.get(NEWEST_KEY) != runs[0].id:
    for key in PICKER_KEYS:
        st.session_state.pop(key, None)
    st.session_state[NEWEST_KEY] = runs[0].id


def _dataset_choices() -> list[str]:
    found = sorted(str(p) for p in EVALS_DIR.glob("*.jsonl") if has_cases(p))
    reviewed = reviewed_dataset(settings)
    return list(dict.fromkeys([*found, *([str(reviewed)] if has_cases(reviewed) else [])]))


def _start_form() -> None:
    try:
        stability_default = load_config(DEFAULT_THRESHOLDS).stability.repeats
    except AdvisorError:
        stability_default = 0
    choices = _dataset_choices()
    defaults = [str(p) for p in default_datasets(settings) if str(p) in choices]
    with st.form("eval-start", border=True):
        st.markdown("**Start a run**")
        c1, c2, c3 = st.columns([1, 2, 1])
        split = c1.selectbox("Split", ["all", "dev", "test"], key="eval-split")
        datasets = c2.multiselect(
            "Datasets", choices, default=defaults, format_func=lambda p: p.rsplit("/", 1)[-1], key="eval-datasets"
        )
        checker = c3.selectbox("Checker tier", list(CHECKERS), format_func=CHECKERS.get, key="eval-checker")
        c4, c5 = st.columns(2)
        limit = c4.number_input("Only the first N cases (0: all)", min_value=0, value=0, step=10, key="eval-limit")
        repeats = c5.number_input(
            "Stability repeats (0: off)", min_value=0, max_value=1000, value=stability_default, key="eval-repeats"
        )
        if st.form_submit_button("Start run", icon=":material/play_arrow:", type="primary"):
            if not datasets:
                st.error("Choose at least one dataset.")
                return
            req = EvalRequest(tuple(Path(d) for d in datasets), split, checker, int(limit) or None, int(repeats))
            job, started = jobs.start(settings, req)
            st.session_state[JOB_KEY] = job.id
            ui.flash(
                "Run started; it continues while you use the app." if started else "A run is already in progress.",
                "info",
            )
            st.rerun()


@st.fragment(run_every=1.5)
def _live_progress() -> None:
    job = jobs.current()
    if job is None:  # finished since the last refresh: show the new run everywhere on the page
        st.rerun(scope="app")
        return
    st.progress(job.fraction, text=f"Run {job.id} started {job.started[11:19]} UTC: {job.label}")


def _progress_panel() -> None:
    if active is not None:
        _live_progress()
        return
    mine = jobs.get(st.session_state.get(JOB_KEY))
    if mine is None:
        return
    if mine.error:
        st.error(f"Run {mine.id} failed: {ui.escape_md(mine.error)}", icon=":material/error:")
    elif st.session_state.get(SEEN_KEY) != mine.id:
        verdict = "passed its gates" if mine.exit_code == 0 else "failed a gate"
        st.success(
            f"Run {mine.run_id} finished and {verdict}; it is at the top of the list.", icon=":material/task_alt:"
        )
        st.session_state[SEEN_KEY] = mine.id
    for w in mine.warnings[-5:]:
        st.caption(ui.escape_md(w))


def _run_list() -> None:
    st.subheader("Runs")
    if not runs:
        st.info("No run recorded yet. Start one above, or run `advisor eval` in a terminal.", icon=":material/science:")
        return
    st.dataframe(
        [run_row(r).to_dict() for r in runs],
        hide_index=True,
        key="eval-run-list",
        column_config={"Pass rate": st.column_config.NumberColumn(format="percent")},
    )


def _trends() -> None:
    rows = trend_rows(runs)
    if not rows:
        return
    st.subheader("Trends")
    present = [label for label, _ in TREND_METRICS if any(r["metric"] == label for r in rows)]
    extra = [m for m in ("Red-team success", "PHI recall", "Fragment rate", "Heading/TOC-line rate") if m in present]
    chosen = st.multiselect(
        "Metrics", present, default=[m for m in DEFAULT_TRENDS + extra if m in present], key="eval-trend-metrics"
    )
    st.plotly_chart(V.trend_figure(rows, chosen), key="eval-trend-chart")
    missing = [label for label, _ in TREND_METRICS if label not in present]
    if missing:
        st.caption("Not measured in these runs yet: " + ", ".join(missing) + ".")


def _run_picker(label: str, key: str, index: int = 0) -> StoredRun | None:
    if not runs:
        return None
    ids = [r.id for r in runs]
    labels = {r.id: V.run_label(r) for r in runs}
    chosen = st.selectbox(label, ids, index=min(index, len(ids) - 1), format_func=labels.get, key=key)
    return next(r for r in runs if r.id == chosen)


def _downloads() -> None:
    st.subheader("Reports")
    run = _run_picker("Run", "eval-report-run")
    if run is None:
        return
    cols = st.columns(4)
    for col, name, mime in zip(
        cols,
        ("report.html", "summary.json", "junit.xml"),
        ("text/html", "application/json", "application/xml"),
        strict=False,
    ):
        data = history.report(run.id, name)
        if data is not None:
            col.download_button(
                name, data, file_name=f"{run.id}-{name}", mime=mime, icon=":material/download:", on_click="ignore"
            )
    cases_jsonl = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in history.cases(run.id))
    cols[3].download_button(
        "cases.jsonl",
        cases_jsonl,
        file_name=f"{run.id}-cases.jsonl",
        mime="application/json",
        icon=":material/download:",
        on_click="ignore",
    )


def _answer_block(view: V.CaseView) -> None:
    a = view.answer
    st.markdown("**Answer**" + (" (abstained)" if a.get("abstained") else ""))
    with st.container(border=True):
        st.markdown(ui.answer_markdown(str(a.get("answer") or ""), a.get("unsupported") or []))
    for c in a.get("citations") or []:
        where = str(c.get("source") or "") + (f", p. {c['page']}" if c.get("page") else "")
        with st.expander(f"[{c.get('marker')}] {c.get('title') or c.get('source')}"):
            st.caption(ui.escape_md(f"{c.get('section') or ''} — {where}"))
            st.markdown(ui.escape_md(str(c.get("quote") or "")))


def _expectations(view: V.CaseView) -> None:
    st.markdown("**Expected sources**")
    if not view.sources:
        st.caption("None (retrieval metrics do not apply).")
    for src, cited, rank in view.sources:
        mark = ":green[:material/check_circle:]" if cited else ":red[:material/cancel:]"
        where = f"retrieved at rank {rank}" if rank else "not retrieved"
        st.markdown(f"{mark} {ui.escape_inline(src)} — {'cited' if cited else 'not cited'}, {where}")
    st.markdown("**Key points**")
    if not view.keypoints:
        st.caption("None.")
    for alts, met in view.keypoints:
        mark = ":green[:material/check_circle:]" if met else ":red[:material/cancel:]"
        st.markdown(f"{mark} " + " / ".join(ui.escape_inline(x) for x in alts))
    for f, found in view.forbidden:
        mark = ":red[:material/cancel: found]" if found else ":green[:material/check_circle: absent]"
        st.markdown(f"Forbidden {ui.escape_inline(f)}: {mark}")


def _why(view: V.CaseView) -> None:
    if view.passed:
        st.success("This case passed every rule.", icon=":material/task_alt:")
        return
    st.markdown("**Why it failed**")
    if view.error:
        st.error(ui.escape_md(view.error))
    for metric, why in view.failing_metrics:
        st.markdown(f":red[**{ui.escape_inline(metric)}**] — {ui.escape_inline(why)}")
    for r in view.reasons:
        st.markdown(f"- {ui.escape_inline(r)}")
    for u in view.unsupported:
        st.caption(
            ui.escape_md(
                f"Unsupported: “{u.get('sentence')}” (best support {u.get('best_support')} < {u.get('threshold')})"
                + (f" — {u['checker_reason']}" if u.get("checker_reason") else "")
            )
        )


def _drilldown() -> None:
    run = _run_picker("Run", "eval-case-run")
    if run is None:
        st.info("No run recorded yet.", icon=":material/science:")
        return
    cases = history.cases(run.id)
    options = V.case_options(cases)
    n_fail = sum(1 for c in cases if not c.get("passed"))
    st.caption(f"{len(cases)} cases, {n_fail} failing (listed first).")
    case_id = st.selectbox("Case", list(options), format_func=options.get, key="eval-case")
    record = next((c for c in cases if str(c.get("id")) == case_id), None)
    if record is None:
        return
    view = V.case_view(record, run.manifest.get("case_rules") or {})
    st.markdown(f"#### {ui.escape_inline(str(case_id))} " + (":green[PASS]" if view.passed else ":red[FAIL]"))
    st.markdown(
        f"**Question:** {ui.escape_inline(view.question)}"
        + (f"  \n**Organization:** {ui.escape_inline(view.org)}" if view.org else "")
    )
    for h in view.history:
        st.caption(ui.escape_md(f"{h.get('role')}: {h.get('content')}"))
    left, right = st.columns([3, 2])
    with left:
        _answer_block(view)
    with right:
        _why(view)
        _expectations(view)
    with st.expander("Every metric of this case"):
        st.dataframe(
            [{"Metric": k, "Value": v, "Why undefined": view.undefined.get(k, "")} for k, v in view.metrics.items()],
            hide_index=True,
        )


def _compare() -> None:
    if len(runs) < 2:
        st.info("Two recorded runs are needed to compare.", icon=":material/compare_arrows:")
        return
    c1, c2 = st.columns(2)
    with c1:
        a = _run_picker("Baseline (A)", "eval-cmp-a", index=1)
    with c2:
        b = _run_picker("Compared run (B)", "eval-cmp-b", index=0)
    if a is None or b is None:
        return
    if a.id == b.id:
        st.warning("Pick two different runs.")
        return
    cmp = compare_runs(history.get(a.id), history.get(b.id), history.cases(a.id), history.cases(b.id))
    (st.error if cmp.regression.regressed else st.success)(f"Run {b.id} against baseline {a.id}: {cmp.verdict}.")
    st.markdown(f"**Cases that flipped** ({len(cmp.flips)}; new failures first)")
    if cmp.flips:
        st.dataframe(V.flip_rows(cmp), hide_index=True, key="eval-flips")
    else:
        st.caption("No case changed between pass and fail.")
    st.markdown("**Change per metric**")
    st.dataframe(V.delta_rows(cmp), hide_index=True, key="eval-deltas")
    only = cmp.regression
    if only.only_in_current or only.only_in_baseline:
        st.caption(
            f"Only in B: {len(only.only_in_current)} cases · only in A: {len(only.only_in_baseline)} cases (not paired)."
        )


# --------------------------------------------------------------------------- review queue


def _split_counts() -> None:
    try:
        counts = split_counts(settings)
    except AdvisorError as exc:
        st.error(ui.escape_md(str(exc)))
        return
    suite, rev = counts["suite"], counts["reviewed"]
    m = st.columns(4)
    m[0].metric("Dev cases (suite)", suite.get("dev", 0), border=True)
    m[1].metric("Test cases (suite)", suite.get("test", 0), border=True)
    m[2].metric("Reviewed → dev", rev.get("dev", 0), border=True)
    m[3].metric("Reviewed → test", rev.get("test", 0), border=True)
    path = reviewed_dataset(settings)
    version = (
        (path.parent / "VERSION").read_text(encoding="utf-8").strip() if (path.parent / "VERSION").exists() else "none"
    )
    st.caption(ui.escape_md(f"Promoted cases are appended to {path} (dataset version {version})."))


def _item_detail(item: ReviewItem) -> None:
    st.markdown(
        f"**Question:** {ui.escape_inline(item.question)}  \n"
        f"**Organization:** {ui.escape_inline(item.org or 'none')} · **Rating:** {'👍' if item.rating == 'up' else '👎'}"
        f" · **Status:** {ui.escape_inline(str(item.status))}"
    )
    if item.follow_up_query:
        st.caption(ui.escape_md(f"Asked as a follow-up; the query searched was: {item.follow_up_query}"))
    if item.comment:
        st.markdown(f"**Comment:** {ui.escape_inline(item.comment)}")
    with st.container(border=True):
        st.markdown(ui.answer_markdown(item.answer_text, item.answer.get("unsupported") or []))
    for c in item.citations:
        st.caption(ui.escape_md(f"[{c.get('marker')}] {c.get('title') or ''} — {c.get('source') or ''}"))


def _promote_form(item: ReviewItem, store: ReviewStore) -> None:
    key = f"eval-draft-{item.feedback_id}"
    if key not in st.session_state:
        st.session_state[key] = draft_case(item)
    draft: CaseDraft = st.session_state[key]
    with st.form(f"promote-{item.feedback_id}"):
        c1, c2, c3 = st.columns([2, 2, 1])
        case_id = c1.text_input("Case id", draft.id)
        org = c2.text_input("Organization", draft.org or "")
        split = c3.radio("Split", SPLITS, index=0, horizontal=True, key=f"split-{item.feedback_id}")
        question = st.text_area("Question", draft.question, height=80)
        answerable = st.checkbox("Answerable (clear it when the advisor should have declined)", value=draft.answerable)
        hist = st.text_area("History (one turn per line: 'user: ...' / 'assistant: ...')", "", height=70)
        sources = st.text_area(
            "Expected sources (one per line; matched as substrings)", "\n".join(draft.expected_sources)
        )
        keypoints = st.text_area(
            "Key points (one per line; alternatives separated by |)", V.format_keypoints(draft.keypoints)
        )
        forbidden = st.text_area("Forbidden strings (one per line)", "\n".join(draft.forbidden), height=70)
        tags = st.text_input("Tags (comma-separated)", ", ".join(draft.tags))
        if not st.form_submit_button("Promote to reviewed case", icon=":material/add_task:", type="primary"):
            return
    try:
        final = CaseDraft(
            id=case_id.strip(),
            question=question.strip(),
            org=org.strip() or None,
            answerable=answerable,
            history=V.parse_history(hist),
            expected_sources=V.parse_lines(sources),
            keypoints=V.parse_keypoints(keypoints),
            forbidden=V.parse_lines(forbidden),
            tags=[t.strip() for t in tags.split(",") if t.strip()],
            split=str(split),
        )
        done = promote(item, final, store, settings)
    except AdvisorError as exc:
        st.error(ui.escape_md(str(exc)), icon=":material/error:")
        return
    ui.audit_log("eval_case_promoted", {"feedback_id": item.feedback_id, "case_id": done.case_id, "split": done.split})
    ui.flash(
        f"Promoted feedback {item.feedback_id} as case {done.case_id} ({done.split} split); dataset version {done.dataset_version}."
    )
    st.rerun()


def _triage(item: ReviewItem, store: ReviewStore) -> None:
    if item.status == Triage.PROMOTED:
        st.success(f"Promoted as case {item.decision.case_id} ({item.decision.split}).", icon=":material/task_alt:")
        return
    action = st.radio(
        "Triage", ["Promote to a case", "Known issue", "Dismiss"], horizontal=True, key=f"act-{item.feedback_id}"
    )
    if action == "Promote to a case":
        _promote_form(item, store)
        return
    with st.form(f"triage-{item.feedback_id}"):
        case_id = st.text_input("Case that covers it") if action == "Known issue" else ""
        note = st.text_input("Note (optional)")
        if not st.form_submit_button("Link to case" if action == "Known issue" else "Dismiss"):
            return
    try:
        if action == "Known issue":
            mark_known_issue(item, case_id, store, settings, note=note)
        else:
            dismiss(item, store, note=note)
    except AdvisorError as exc:
        st.error(ui.escape_md(str(exc)), icon=":material/error:")
        return
    ui.flash(
        f"Feedback {item.feedback_id}: {'linked to ' + case_id.strip() if action == 'Known issue' else 'dismissed'}."
    )
    st.rerun()


def _review() -> None:
    _split_counts()
    try:
        store = review_store(settings)
        items = review_queue(ui.audit_store(), store)
        may_see = ui.access().may_see  # feedback on another organization's answers stays unseen
        items = [i for i in items if may_see(i.org)]
    except AdvisorError as exc:
        st.error(ui.escape_md(str(exc)), icon=":material/error:")
        return
    show_all = st.toggle("Show triaged items too", key="eval-review-all")
    shown = [i for i in items if show_all or i.status == Triage.NEW]
    st.caption(f"{sum(1 for i in items if i.status == Triage.NEW)} waiting · {len(items)} in the queue in total.")
    if not shown:
        st.info(
            "Nothing to triage. Thumbs-down answers (and thumbs-up with a comment) land here.", icon=":material/inbox:"
        )
        return
    st.dataframe(V.queue_rows(shown), hide_index=True, key="eval-queue")
    labels = {i.feedback_id: f"#{i.feedback_id} · {i.status} · {i.question[:80]}" for i in shown}
    fid = st.selectbox("Feedback item", list(labels), format_func=labels.get, key="eval-review-item")
    item = next(i for i in shown if i.feedback_id == fid)
    _item_detail(item)
    _triage(item, store)


tab_runs, tab_case, tab_cmp, tab_review = st.tabs(
    [
        ":material/monitoring: Runs",
        ":material/search: Case",
        ":material/compare_arrows: Compare",
        ":material/inbox: Review queue",
    ]
)
with tab_runs:
    _start_form()
    _progress_panel()
    _run_list()
    _trends()
    _downloads()
with tab_case:
    _drilldown()
with tab_cmp:
    _compare()
with tab_review:
    _review()
