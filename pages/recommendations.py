"""Recommendations: draft a prioritized, cited readiness roadmap for an organization, edit it,
accept or reject each recommendation, and download it as DOCX or Markdown.

The draft comes from `advisor.recommend.build_report`; the consultant's edits live in
`st.session_state` (per organization, per recommendation) and survive page switches.
Rejected recommendations are left out of the roadmap and the recommendation sections of the
export and listed in an appendix, so the client can see what was considered and set aside.
"""

from __future__ import annotations

import json

import streamlit as st

from advisor import recommend as rec
from advisor import ui
from advisor.errors import AdvisorError

DRAFTS = "rec_drafts"  # {org: Report} the generated drafts
EDITS = "rec_edits"  # {org: {rec_id: {action, owner, horizon, note, status}}}
EXPORTS = "rec_exports"  # {org: {"key", "md", "docx"}} the last rendered downloads
ORG_PICK = "rec_org"
CAPACITY = "rec_capacity"
SEEN_ORG = "rec_seen_current_org"
STATUS_LABELS = {"draft": "Draft", "accepted": "Accepted", "rejected": "Rejected"}

ui.gate(ui.Capability.RECOMMENDATIONS)
adv = ui.get_advisor()
can_edit = ui.can(ui.Capability.EDIT_RECOMMENDATIONS)  # an executive reads; a consultant edits
st.title("Recommendations")
st.caption(
    "A prioritized roadmap drafted from the organization's assessment gaps, every recommendation grounded "
    "in the governance guidance and the assessment results. Edit, accept or reject each one, then download "
    "the roadmap. Rejected recommendations are left out of the roadmap and listed in an appendix."
)
ui.show_flash()

for key in (DRAFTS, EDITS, EXPORTS):
    st.session_state.setdefault(key, {})

orgs = ui.org_options(adv)
if not orgs:
    st.info(
        "No organization has assessment results in the index yet. Add one on the Assessment page.",
        icon=":material/assignment_late:",
    )
    st.stop()

names = {o["org"]: o["name"] for o in orgs}
ids = list(names)
current = ui.current_org()
# follow the organization chosen in the sidebar, but let the consultant pick another one here
if st.session_state.get(SEEN_ORG) != current or st.session_state.get(ORG_PICK) not in ids:
    st.session_state[SEEN_ORG] = current
    st.session_state[ORG_PICK] = current if current in ids else ids[0]
org = st.selectbox("Organization", ids, format_func=lambda o: names.get(o, o), key=ORG_PICK)

draft = st.session_state[DRAFTS].get(org)
cols = st.columns([1, 1, 2], vertical_alignment="bottom")
label = "Generate draft" if draft is None else "Regenerate draft"
capacity = cols[1].number_input(
    "Initiatives in the first 90 days",
    min_value=0,
    max_value=30,
    value=None,
    step=1,
    key=CAPACITY,
    placeholder="default for the tier",
    help="How many initiatives may start in the first 90 days. Blank: 3 for a Foundational or Developing "
    "organization, no limit above. 0: no limit. Applies when the draft is (re)generated.",
)
if cols[0].button(label, type="primary", icon=":material/auto_awesome:", key="rec-generate"):
    with st.spinner("Drafting the roadmap from the assessment and the guidance…"):
        try:
            draft = rec.build_report(
                adv, org, first_horizon=None if capacity is None else int(capacity), user=ui.user_name()
            )
        except AdvisorError as exc:
            st.error(ui.escape_md(ui.describe_error(exc)), icon=":material/error:")
            st.stop()
    st.session_state[DRAFTS][org] = draft
    st.session_state[EDITS][org] = {}
    st.session_state[EXPORTS].pop(org, None)
    for k in [k for k in st.session_state if str(k).startswith(f"rec:{org}:")]:
        del st.session_state[k]  # fresh widgets for the new draft
    ui.audit_log(
        "recommend",
        {"org": org, "recommendations": len(draft.recommendations), "mode": draft.mode, "source": draft.source},
        org=org,
    )
if draft is None:
    cols[2].caption(f"No draft yet for {ui.escape_md(names.get(org, org))}.")
    st.stop()
cols[2].caption(
    f"Draft from the assessment of {draft.date} · "
    + (
        "wording polished by the language model and verified against the cited passages"
        if draft.mode == "llm"
        else "drafted offline"
    )
    + f" · {len(draft.citations)} citations"
    + (f" · at most {draft.capacity} initiatives in the first 90 days" if draft.capacity else "")
)
for w in draft.warnings:  # for the consultant only: they name internal files and are not exported
    st.caption(f":material/info: {ui.escape_md(w)}")

edits: dict[str, dict] = st.session_state[EDITS].setdefault(org, {})


def _key(rid: str, field: str) -> str:
    return f"rec:{org}:{rid}:{field}"


def _current(rid: str, field: str, default):
    """A field's value as the consultant last set it: the widget's state, which Streamlit has
    already updated when this run starts (so a status change shows at once), else the edits."""
    return st.session_state.get(_key(rid, field), edits.get(rid, {}).get(field, default))


def _widget(kind: str, rid: str, field: str, label: str, default, **kw):
    """A widget whose value is kept in the edits dict, so edits survive page switches."""
    key = _key(rid, field)
    if key not in st.session_state:
        st.session_state[key] = edits.get(rid, {}).get(field, default)
    value = getattr(st, kind)(label, key=key, disabled=not can_edit, **kw)
    if value != default or field in edits.get(rid, {}):
        edits.setdefault(rid, {})[field] = value
    return value


def _milestones(r) -> str:
    """The milestones as a Markdown numbered list, each with when it lands."""
    items = r.milestones or [rec.Milestone(x, r.horizon) for x in r.steps]
    return "\n".join(f"{i}. **{ui.escape_inline(m.when)}:** {ui.escape_inline(m.text)}" for i, m in enumerate(items, 1))


def _band(x) -> str:
    return "—" if not x else str(x)


# ------------------------------------------------------------------------- summary

s = draft.summary
m1, m2, m3, m4 = st.columns(4)
m1.metric("Readiness index", "n/a" if s.index is None else f"{s.index:.1f} / 100", border=True)
m2.metric("Tier", s.tier_name, border=True)
m3.metric("Blocking rules", len(s.blocking), border=True)
m4.metric("Recommendations", len(draft.recommendations), border=True)

st.subheader("Executive summary")
st.markdown(ui.answer_markdown(s.text))
if s.trend:
    st.markdown(ui.answer_markdown(s.trend))
with st.expander("Top risks and blocking issues", icon=":material/warning:"):
    st.markdown("**Top risks**")
    for i, r in enumerate(s.top_risks, 1):
        st.markdown(f"{i}\\. " + ui.answer_markdown(r))
    st.markdown("**Blocking issues**")
    for b in s.blocking:
        st.markdown(ui.answer_markdown(b.text))
    if not s.blocking:
        st.caption("No blocking rule is triggered.")
with st.expander("Use cases: what must come first", icon=":material/route:"):
    for u in draft.use_cases:
        st.markdown(f"**{ui.escape_md(u.name)}** — " + ui.answer_markdown(u.text))

# ------------------------------------------------------------------------- recommendations

st.subheader("Roadmap")
st.caption(
    "Immediate steps first, then blocking-rule fixes and their prerequisites, as many as the first 90 days hold; "
    "the rest follow by priority. Change a horizon, the owner, the action text, the effort or cost band, add a "
    "note, and accept or reject each recommendation."
)
if draft.immediate:
    st.error(
        "**Start now**\n\n"
        + "\n".join(
            f"{i}. **{ui.escape_inline(x.step)}** — {ui.answer_markdown(x.detail)} "
            f"Owner: {ui.escape_inline(x.owner)}" + (f" · part of {x.recommendation}" if x.recommendation else "")
            for i, x in enumerate(draft.immediate, 1)
        ),
        icon=":material/emergency:",
    )
for horizon in rec.HORIZONS:
    in_h = [r for r in draft.recommendations if r.horizon == horizon]
    if not in_h:
        continue
    st.markdown(f"#### {ui.escape_md(horizon)}")
    for r in in_h:
        status = _current(r.id, "status", r.status)
        icon = {"accepted": ":material/check_circle:", "rejected": ":material/cancel:"}.get(
            status, ":material/edit_note:"
        )
        title = f"{r.id} — {r.title} · {STATUS_LABELS[status]}"
        with st.expander(ui.escape_md(title), icon=icon):
            st.caption(
                ui.escape_md(
                    " · ".join(
                        [
                            "; ".join(f"{g.question_id} {g.score}/5 → {g.target}" for g in r.gaps),
                            f"impact {r.impact}",
                            "depends on " + (", ".join(r.dependencies) or "nothing"),
                            f"horizon: {r.horizon_reason}",
                        ]
                    )
                )
            )
            st.markdown("**Why**")
            st.markdown("\n".join(f"- {ui.answer_markdown(x)}" for x in r.rationale))
            _widget("text_area", r.id, "action", "Action", r.action, height=140)
            c1, c2, c3 = st.columns([2, 1, 1])
            with c1:
                _widget("text_input", r.id, "owner", "Owner", r.owner)
            with c2:
                _widget("selectbox", r.id, "horizon", "Horizon", r.horizon, options=list(rec.HORIZONS))
            with c3:
                _widget(
                    "radio",
                    r.id,
                    "status",
                    "Status",
                    r.status,
                    options=list(rec.STATUSES),
                    format_func=lambda x: STATUS_LABELS[x],
                    horizontal=True,
                )
            b1, b2, _ = st.columns([1, 1, 2])
            with b1:
                _widget("selectbox", r.id, "effort", "Effort", r.effort, options=list(rec.BANDS))
            with b2:
                _widget("selectbox", r.id, "cost", "Cost band", r.cost, options=[None, *rec.BANDS], format_func=_band)
            _widget("text_area", r.id, "note", "Consultant note (exported with the recommendation)", r.note, height=70)
            st.markdown("**Milestones**")
            st.markdown(_milestones(r))
            st.markdown("**Success measure** — " + ui.escape_md(r.success_measure))

edited = rec.apply_edits(draft, edits)
for w in rec.sequence_warnings(edited):
    st.warning(ui.escape_md(w), icon=":material/warning:")

with st.expander(f"References ({len(draft.citations)})", icon=":material/format_quote:"):
    st.caption("Numbered as in this draft; the export renumbers them in order of use.")
    for c in draft.citations:  # labelled as exported: our summary is never shown as the publisher's quote
        st.markdown(f"**\\[{c.marker}\\]** {ui.escape_md(rec.reference_line(c))}")

# ------------------------------------------------------------------------- downloads

st.subheader("Download")
export_key = json.dumps(edits, sort_keys=True, ensure_ascii=False)
cached = st.session_state[EXPORTS].get(org)
if cached is None or cached["key"] != export_key:
    with st.spinner("Preparing the documents…"):
        cached = {"key": export_key, "md": rec.to_markdown(edited), "docx": rec.docx_bytes(edited)}
    st.session_state[EXPORTS][org] = cached
live = rec.active(edited)
rejected = len(edited.recommendations) - len(live)
st.caption(
    f"{len(live)} recommendation{'s' if len(live) != 1 else ''} in the roadmap"
    + (f", {rejected} rejected (listed in the appendix)" if rejected else "")
    + "."
)
base = f"{org}-ai-readiness-roadmap-{draft.date}"
d1, d2 = st.columns(2)
d1.download_button(
    "Download DOCX",
    data=cached["docx"],
    file_name=f"{base}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/description:",
    on_click=ui.audit_log,
    args=("export", {"what": "roadmap", "format": "docx"}, org),
    key="rec-download-docx",
    width="stretch",
)
d2.download_button(
    "Download Markdown",
    data=cached["md"],
    file_name=f"{base}.md",
    mime="text/markdown",
    icon=":material/article:",
    on_click=ui.audit_log,
    args=("export", {"what": "roadmap", "format": "markdown"}, org),
    key="rec-download-md",
    width="stretch",
)
