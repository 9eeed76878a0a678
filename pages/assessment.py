"""Assessment: fill in or edit a readiness assessment, or upload a results file; validate,
save under ADVISOR_HOME/assessments/ and index it so the advisor can cite it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from advisor import ui
from advisor.assessment import load_instrument, score
from advisor.errors import AccessDenied, AdvisorError, AssessmentError

ui.gate(ui.Capability.ASSESSMENT)
adv = ui.get_advisor()
lib = ui.library(adv)
org = ui.current_org()
inst = load_instrument()
ASSESS_DIR = adv.settings.home / "assessments"
NOT_ASSESSED = 0  # select value for "not assessed" (scores are 1-5)

st.title("Assessment")
st.caption(
    f"{inst.title} · version {inst.version} · {len(inst.dimensions)} dimensions, {len(inst.questions)} questions. "
    "For each question choose the highest level whose description is fully true today; score what exists now, "
    "not what is planned, and never put patient information in evidence notes."
)
ui.show_flash()
# The last save's message is shown where its button is, not at the top: a message appearing
# above the form would shift everything below it, and the page would jump to the first tab.
SAVED_KEY = "as-saved"  # (how, message)
START_NEXT = "as-start-next"  # (how, date): after a save, the form edits the saved assessment


def _unscored() -> list[str]:
    """Questions the form leaves unscored (as last submitted or loaded)."""
    return [q.id for q in inst.questions if (st.session_state.get(f"as-score-{q.id}") or NOT_ASSESSED) == NOT_ASSESSED]


def _unscored_warning(unscored: list[str]) -> str:
    with_notes = [q for q in unscored if (st.session_state.get(f"as-ev-{q}") or "").strip()]
    shown = ", ".join(unscored[:12]) + (f" and {len(unscored) - 12} more" if len(unscored) > 12 else "")
    text = (
        f"{len(unscored)} of {len(inst.questions)} questions are not scored ({shown}). They are saved as not "
        "assessed and left out of the scores; a dimension with fewer than 60% of its questions scored makes "
        "the scorecard provisional."
    )
    if with_notes:
        text += f" These have evidence but no score: {', '.join(with_notes)}; choose a level or clear the note."
    return text


def _show_saved(how: str) -> None:
    """The outcome of the last save made from this tab, next to its button."""
    saved = st.session_state.get(SAVED_KEY)
    if saved and saved[0] == how:
        del st.session_state[SAVED_KEY]
        st.success(saved[1], icon=":material/check_circle:")


def _save(data: bytes, target: Path, *, how: str, org_id: str, date: str, replaced: list[str]) -> None:
    """Write the file atomically, index it, record it in the audit log, and go to the result."""
    try:  # only an organization granted to this user (an admin: any)
        adv.check_org(org_id, ui.user_name(), "assessment")
    except AccessDenied as exc:
        st.error(f"Nothing was saved: {ui.escape_md(str(exc))}", icon=":material/block:")
        return
    try:  # another organization's display name is refused before the file is written
        ui.check_results(data, target.suffix, inst, lib, target.name)
    except AssessmentError as exc:
        st.error(f"Nothing was saved: {ui.escape_md(str(exc))}", icon=":material/block:")
        return
    ui.write_atomic(data, target)
    with st.spinner("Indexing the assessment so the advisor can cite it…"):
        try:
            report = adv.index_paths([target])
        except AdvisorError as exc:
            st.error(f"Saved to {ui.escape_md(str(target))}, but indexing failed: {ui.escape_md(str(exc))}")
            return
    if report.errors:
        st.error(
            f"Saved to {ui.escape_md(str(target))}, but indexing failed: "
            + "; ".join(ui.escape_md(e["error"]) for e in report.errors)
        )
        return
    ui.audit_log(
        "assessment_saved",
        {"file": str(target), "how": how, "date": date, "replaced": replaced, "chunks": report.chunks_added},
        org=org_id,
    )
    ui.set_current_org(org_id)
    st.session_state[START_NEXT] = (how, date)
    unscored = _unscored() if how == "form" else []
    st.session_state[SAVED_KEY] = (
        how,
        (
            f"Saved and indexed {target.name} ({report.chunks_added} citable passages). The dashboard and chat now use it."
            + (f" {len(unscored)} question{'s' if len(unscored) != 1 else ''} not scored." if unscored else "")
        ),
    )
    st.rerun()


tab_form, tab_upload = st.tabs(
    [":material/edit_note: Fill in or edit", ":material/upload_file: Upload a results file"], key="as-mode"
)

# ----------------------------------------------------------------------------- form

with tab_form:
    existing = lib.history(org).assessments if org else []
    starts = ["blank"] + [a.card.date for a in existing]
    after_save = st.session_state.pop(START_NEXT, None)
    if after_save and after_save[1] in starts:
        # the form now edits what was just saved, with what the user typed still in place
        how, date_saved = after_save
        st.session_state["as-start"] = date_saved
        if how == "form":
            st.session_state["as-loaded"] = (org, date_saved)
    start = st.selectbox(
        "Start from",
        starts,
        index=len(starts) - 1,
        format_func=lambda s: (
            "A blank assessment" if s == "blank" else f"{ui.org_name(adv, org)} — assessed {s} (edit)"
        ),
        key="as-start",
        help="Editing keeps the date; change it to record a reassessment.",
    )
    if st.session_state.get("as-loaded") != (org, start):
        res = next((a.results for a in existing if a.card.date == start), None)
        st.session_state["as-org"] = org or ""
        st.session_state["as-name"] = (res.org_name if res else ui.org_name(adv, org)) or ""
        st.session_state["as-date"] = dt.date.fromisoformat(res.date) if res else dt.date.today()
        st.session_state["as-assessor"] = res.assessor if res else ""
        for q in inst.questions:
            a = res.answers.get(q.id) if res else None
            st.session_state[f"as-score-{q.id}"] = a.score if a else NOT_ASSESSED
            st.session_state[f"as-ev-{q.id}"] = a.evidence if a else ""
            st.session_state[f"as-own-{q.id}"] = a.owner if a else ""
        st.session_state["as-loaded"] = (org, start)

    with st.form("assessment-form", enter_to_submit=False):
        c1, c2, c3, c4 = st.columns([2, 3, 2, 3])
        c1.text_input(
            "Organization id", key="as-org", placeholder="riverside-health", help="Lowercase letters, digits, hyphens."
        )
        c2.text_input("Organization name", key="as-name", placeholder="Riverside Health")
        c3.date_input("Assessment date", key="as-date", format="YYYY-MM-DD")
        c4.text_input("Assessor", key="as-assessor", placeholder="Enterprise AI Program Office")
        # short labels, so the eight tabs fit in one row; the dimension's name heads each tab
        tabs = st.tabs([d.id for d in inst.dimensions], key="as-dimension")
        for d, tab in zip(inst.dimensions, tabs, strict=True):
            with tab:
                open_q = [q.id for q in d.questions if q.id in _unscored()]
                st.markdown(
                    f"**{ui.escape_md(d.name)}** · weight {d.weight:.2f} of the readiness index"
                    + (f" · :orange[{len(open_q)} of {len(d.questions)} not scored]" if open_q else "")
                )
                st.caption(ui.escape_md(d.description))
                for q in d.questions:
                    with st.container(border=True):
                        st.markdown(f"**{q.id} · {ui.escape_md(q.title)}** :gray-badge[target {q.target}]")
                        st.markdown(ui.escape_md(q.text))
                        st.markdown("\n".join(f"{n}. {ui.escape_md(desc)}" for n, desc in enumerate(q.levels, start=1)))
                        s1, s2, s3 = st.columns([2, 5, 3])
                        s1.selectbox(
                            "Score",
                            [NOT_ASSESSED, 1, 2, 3, 4, 5],
                            key=f"as-score-{q.id}",
                            format_func=lambda v: "Not assessed" if v == NOT_ASSESSED else f"Level {v}",
                        )
                        s2.text_area("Evidence", key=f"as-ev-{q.id}", placeholder=q.evidence_prompt, height=90)
                        s3.text_input("Owner", key=f"as-own-{q.id}", placeholder="e.g. VP Data and Analytics")
        replace = st.checkbox(
            "Replace an existing assessment of this organization on this date",
            key="as-replace",
            help="Without this, saving never overwrites results already on file.",
        )
        unscored = _unscored()
        if unscored:
            st.warning(_unscored_warning(unscored), icon=":material/rule:")
        submitted = st.form_submit_button("Validate and save", type="primary", icon=":material/save:")
    _show_saved("form")

    if submitted:
        org_id = (st.session_state.get("as-org") or "").strip()
        date_v = st.session_state.get("as-date")
        date = date_v.isoformat() if isinstance(date_v, dt.date) else str(date_v or "")
        answers = {}
        for q in inst.questions:
            sc = st.session_state.get(f"as-score-{q.id}") or NOT_ASSESSED
            answers[q.id] = (
                sc if sc != NOT_ASSESSED else None,
                (st.session_state.get(f"as-ev-{q.id}") or "").strip(),
                (st.session_state.get(f"as-own-{q.id}") or "").strip(),
            )
        data = ui.form_document(
            inst,
            org=org_id,
            org_name=(st.session_state.get("as-name") or "").strip(),
            date=date,
            assessor=(st.session_state.get("as-assessor") or "").strip(),
            answers=answers,
        )
        try:
            checked = ui.check_results(data, ".json", inst)
        except AssessmentError as exc:
            checked = None
            st.error(
                "The assessment was not saved. Fix these and save again:\n\n"
                + "\n".join(f"- {ui.escape_md(p)}" for p in exc.problems),
                icon=":material/error:",
            )
        if checked is not None:
            target = ASSESS_DIR / f"{checked.org}-{checked.date}.json"
            clash = ui.assessment_conflicts(lib, checked.org, checked.date, target)
            if clash and not replace:
                st.error(
                    f"An assessment of {ui.escape_md(checked.org)} dated {checked.date} is already on file "
                    f"({ui.escape_md(', '.join(clash))}). Nothing was saved: change the date to record a new "
                    "assessment, or tick “Replace an existing assessment” to save this one in its place.",
                    icon=":material/file_copy:",
                )
            else:
                _save(data, target, how="form", org_id=checked.org, date=checked.date, replaced=clash)

# --------------------------------------------------------------------------- upload

with tab_upload:
    st.markdown(
        "Upload a results file in the JSON or CSV format of the assessment README "
        "(`org, org_name, assessment_date, assessor, question_id, score, evidence, owner`). "
        "It is checked before anything is saved; problems are shown next to the row that has them."
    )
    template = ui.csv_template(inst, org or "", ui.org_name(adv, org) or "", dt.date.today().isoformat())
    st.download_button(
        "Download a CSV template",
        template,
        file_name="assessment-template.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    up = st.file_uploader(
        "Results file", type=["csv", "json"], key="as-upload", max_upload_size=ui.upload_limit_mb(adv.settings)
    )
    if up is not None:
        data = up.getvalue()
        suffix = ".json" if up.name.lower().endswith(".json") else ".csv"
        try:
            checked = ui.check_results(data, suffix, inst, lib, up.name)
            card = score(checked, inst)
            problems = []
        except AssessmentError as exc:
            checked, card, problems = None, None, exc.problems
        if problems:
            df, general = ui.problems_table(data, up.name, problems)
            located = len(problems) - len(general)
            st.error(
                f"**{ui.escape_md(up.name)}** has {len(problems)} problem{'s' if len(problems) != 1 else ''}; "
                "nothing was saved. Fix them and upload the file again.",
                icon=":material/error:",
            )
            for p in general:
                st.markdown(f"- {ui.escape_md(p)}")
            if located and len(df):
                key_col = "row" if "row" in df.columns else "entry"
                show_all = st.toggle("Show every row", value=False, key="as-show-all")
                view = df if show_all else df[df["problem"] != ""]
                styled = view.style.apply(
                    lambda r: ["background-color: rgba(255, 75, 75, 0.15)" if r["problem"] else "" for _ in r], axis=1
                )
                st.dataframe(
                    styled,
                    hide_index=True,
                    column_order=[key_col, "problem", *[c for c in df.columns if c not in (key_col, "problem")]],
                    column_config={
                        key_col: st.column_config.TextColumn("Row" if key_col == "row" else "Entry", width="small"),
                        "problem": st.column_config.TextColumn("Problem", width="large"),
                    },
                    key="as-problems",
                )
                st.caption("Row numbers are as a spreadsheet shows them (the header is row 1).")
                with st.expander(f"Every problem in full ({located})", expanded=located <= 8):
                    st.markdown("\n".join(f"- {ui.escape_md(p)}" for p in problems if str(p) not in general))
        elif checked is not None and card is not None:
            st.success(
                f"**{ui.escape_md(up.name)}** is valid: {ui.escape_md(checked.org_name)} assessed {checked.date}, "
                f"{len(checked.answers)} of {len(inst.questions)} questions scored.",
                icon=":material/check_circle:",
            )
            p1, p2, p3 = st.columns(3)
            p1.metric("Readiness index", "n/a" if card.index is None else f"{card.index:.1f}", border=True)
            p2.metric("Tier", card.tier_name, border=True)
            p3.metric("Blocking rules", len(card.blocking), border=True)
            for w_ in checked.warnings:
                st.warning(ui.escape_md(w_), icon=":material/info:")
            target = ASSESS_DIR / f"{checked.org}-{checked.date}{suffix}"
            clash = ui.assessment_conflicts(lib, checked.org, checked.date, target)
            replace_up = False
            if clash:
                st.warning(
                    f"An assessment of {ui.escape_md(checked.org)} dated {checked.date} is already on file "
                    f"({ui.escape_md(', '.join(clash))}).",
                    icon=":material/file_copy:",
                )
                replace_up = st.checkbox("Replace it with this file", key="as-up-replace")
            if st.button(
                "Save and index", type="primary", icon=":material/save:", disabled=bool(clash) and not replace_up
            ):
                ui.audit_log("upload", {"file": up.name, "kind": "assessment", "bytes": len(data)}, org=checked.org)
                _save(data, target, how="upload", org_id=checked.org, date=checked.date, replaced=clash)
    _show_saved("upload")
