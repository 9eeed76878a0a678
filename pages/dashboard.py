"""Readiness dashboard of the current organization, computed with advisor.assessment."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from advisor import ui
from advisor.assessment import load_instrument, trend

ui.gate(ui.Capability.DASHBOARD)
adv = ui.get_advisor()
lib = ui.library(adv)
org = ui.current_org()

st.title("Readiness dashboard")

if not org:
    orgs = ui.org_options(adv)
    st.info("Choose an organization to see its readiness.", icon=":material/domain:")
    if orgs:
        cols = st.columns(min(3, len(orgs)))
        for i, o in enumerate(orgs):
            cols[i % len(cols)].button(
                o["name"],
                key=f"pick-{o['org']}",
                on_click=ui.set_current_org,
                args=(o["org"],),
                width="stretch",
                icon=":material/domain:",
            )
    else:
        st.caption("No assessment results are indexed yet. Fill one in or upload one on the Assessment page.")
    st.stop()

hist = adv.history(org, user=ui.user_name())  # the access check, in the library
for source, err in hist.errors:
    st.error(f"{ui.escape_md(source)}: {ui.escape_md(err)}", icon=":material/error:")
if not hist.assessments:
    st.warning(
        f"No readable assessment results for {ui.escape_md(ui.org_name(adv, org) or org)}. "
        "Add them on the Assessment page.",
        icon=":material/assignment_late:",
    )
    st.stop()

inst = load_instrument()
cards = hist.cards
dates = [c.date for c in cards]
pick = len(dates) - 1
if len(dates) > 1:
    pick = dates.index(
        st.selectbox("Assessment", dates, index=len(dates) - 1, format_func=lambda d: f"Assessed {d}", key="dash-date")
    )
card = cards[pick]
previous = cards[pick - 1] if pick > 0 else None
tr = trend(previous, card, inst) if previous is not None else None

st.caption(
    f"**{ui.escape_md(card.org_name)}** · assessed {card.date}"
    + (f" by {ui.escape_md(card.assessor)}" if card.assessor else "")
    + f" · instrument {ui.escape_md(card.instrument_version)} · file {ui.escape_md(Path(card.source).name)}"
)

# ---------------------------------------------------------------------------- headline

answered = len(card.question_scores)
total_q = len(inst.questions)
ready = [u for u in card.use_cases if u.ready]
m1, m2, m3, m4 = st.columns(4)
m1.metric(
    "Readiness index",
    "n/a" if card.index is None else f"{card.index:.1f} / 100",
    delta=None if tr is None or tr.index_delta is None else f"{tr.index_delta:+.1f} since {tr.earlier_date}",
    border=True,
)
m2.metric(
    "Tier",
    card.tier_name,
    delta=None if not card.capped else f"capped (index alone: {inst.tier(card.index_tier).name})",
    delta_color="inverse" if card.capped else "normal",
    delta_arrow="off" if card.capped else "auto",
    border=True,
)
m3.metric("Blocking rules triggered", len(card.blocking), border=True)
m4.metric("Use cases ready", f"{len(ready)} of {len(card.use_cases)}", border=True)
if card.provisional:
    incomplete = [d.name for d in card.dimensions if not d.complete]
    st.warning(
        "Provisional scorecard: fewer than 60% of the questions are answered in "
        + ", ".join(ui.escape_md(n) for n in incomplete)
        + ".",
        icon=":material/rule:",
    )
if card.missing:
    st.caption(f"{answered} of {total_q} questions answered · unanswered: {', '.join(card.missing)}")
for w in card.warnings:
    st.caption(f":material/info: {ui.escape_md(w)}")
if hist.replaced:
    st.caption(
        "Several results files cover the same date; the most recently indexed one is shown "
        f"(older: {', '.join(ui.escape_md(s) for s in hist.replaced)})."
    )

# ------------------------------------------------------------------- radar + blocking

left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader("Eight dimensions")
    st.plotly_chart(ui.radar_figure(card, previous), key="radar", config={"displayModeBar": False})
    with st.expander("Dimension scores"):
        st.dataframe(
            ui.dimension_rows(card),
            hide_index=True,
            column_config={
                "Score": st.column_config.ProgressColumn("Score (1-5)", min_value=0, max_value=5, format="%.2f"),
                "Weight": st.column_config.NumberColumn(format="%.2f"),
            },
        )

with right:
    st.subheader("Blocking issues")
    if not card.blocking:
        st.success("No blocking rule is triggered.", icon=":material/verified:")
    for b in card.blocking:
        body = (
            f"**{b.id} · {ui.escape_md(b.name)}**"
            + (f" — caps the tier at *{ui.escape_md(inst.tier(b.cap_tier).name)}*" if b.cap_tier else "")
            + f"\n\n{ui.escape_md(b.message)}\n\n"
            + f"Failed: {ui.escape_md('; '.join(b.failed))}"
            + (f"  \nImprove: {', '.join(b.questions)}" if b.questions else "")
        )
        if b.cap_tier:
            st.error(body, icon=":material/block:")
        else:
            st.warning(body, icon=":material/warning:")

# ----------------------------------------------------------------------------- gaps

st.subheader("Gaps to close, by priority")
st.caption(
    "Priority 1 is the gap to close first: question weight × dimension weight × points to close, × 1.5 when a "
    "blocking rule depends on it. Choose a gap below the table to see its levels, evidence and linked guidance."
)


gap_rows = ui.gap_rows(card)
if gap_rows:
    widths = {name: st.column_config.Column(width=w) for name, w in ui.GAP_COLUMNS.items()}
    st.dataframe(
        gap_rows,
        hide_index=True,
        key="gaps",
        column_config={
            **widths,
            "Priority": st.column_config.NumberColumn(format="%d", width=ui.GAP_COLUMNS["Priority"]),
            "Score": st.column_config.NumberColumn(format="%d / 5", width=ui.GAP_COLUMNS["Score"]),
            "Evidence": st.column_config.TextColumn(width=ui.GAP_EVIDENCE_WIDTH),
        },
        height=min(420, 38 + 35 * len(gap_rows)),
    )
    gaps_by_id = {g.question_id: g for g in card.gaps}
    chosen = st.selectbox(
        "Explain a gap",
        list(gaps_by_id),
        format_func=lambda q: f"{q} — {gaps_by_id[q].title}",
        key="dash-gap",
    )
    g = gaps_by_id[chosen]
    q = inst.question(chosen)
    with st.container(border=True):
        st.markdown(f"**{chosen} — {ui.escape_md(q.title)}**  \n{ui.escape_md(q.text)}")
        lv = []
        for n, desc in enumerate(q.levels, start=1):
            if n == g.score:
                lv.append(f"{n}. :red-background[{ui.escape_md(desc)}] — **today**")
            elif n == g.target:
                lv.append(f"{n}. :green-background[{ui.escape_md(desc)}] — **target**")
            else:
                lv.append(f"{n}. {ui.escape_md(desc)}")
        st.markdown("\n".join(lv))
        if g.evidence:
            st.markdown(
                f"**Evidence:** {ui.escape_md(g.evidence)}"
                + (f"  \n**Owner:** {ui.escape_md(g.owner)}" if g.owner else "")
            )
        for ref in g.references:
            chunk = lib.locate(ref.document, ref.section, topic=q.title)
            if chunk is not None:
                with st.expander(ui.escape_md(f"{ref.section} — {chunk.title}"), icon=":material/menu_book:"):
                    st.markdown(ui.escape_md(chunk.text))
                    st.caption(ui.escape_md(f"{chunk.source} · {chunk.section}"))
        if st.button("Ask the advisor how to close this gap", icon=":material/forum:", key="ask-gap"):
            st.session_state[ui.PENDING_KEY] = f"How do we close our {chosen} gap ({q.title})?"
            st.switch_page("pages/chat.py")
else:
    st.success("Every answered question meets its target.", icon=":material/verified:")

# ------------------------------------------------------------------------ use cases

st.subheader("Use-case readiness")
st.caption(
    "Each use case has its own gates: the questions and dimension scores it needs, and the blocking rules that "
    "apply to its kind (generative or predictive AI). So a use case can be blocked while the overall tier looks "
    "healthy, or ready while gaps it does not depend on remain."
)
uc_cols = st.columns(2)
for i, u in enumerate(card.use_cases):
    with uc_cols[i % 2], st.container(border=True):
        kind = "generative AI" if u.kind == "genai" else "predictive"
        gates_line = ui.gate_text(inst.use_case(u.id))
        if u.ready:
            st.markdown(f":green-badge[:material/check_circle: Ready] **{ui.escape_md(u.name)}** · {kind}")
            st.caption(ui.escape_md(u.why) if u.why else "Every gate is met and no blocking rule applies.")
        else:
            st.markdown(f":red-badge[:material/block: Blocked] **{ui.escape_md(u.name)}** · {kind}")
            st.caption(ui.escape_md(u.why))
            if u.first:
                st.markdown(
                    "First: \n"
                    + "\n".join(f"- {ui.escape_md(s)}" for s in u.first[:4])
                    + (f"\n- … and {len(u.first) - 4} more" if len(u.first) > 4 else "")
                )
        if gates_line:
            st.caption(f"Its gates: {ui.escape_md(gates_line)}")

# ---------------------------------------------------------------------------- trend

if tr is not None:
    st.subheader(f"Progress since {tr.earlier_date}")
    t1, t2, t3 = st.columns(3)
    t1.metric(
        "Index",
        f"{tr.index_after:.1f}" if tr.index_after is not None else "n/a",
        delta=None if tr.index_delta is None else f"{tr.index_delta:+.1f}",
        border=True,
    )
    t2.metric(
        "Tier",
        inst.tier(tr.tier_after).name,
        delta={"up": "moved up", "down": "moved down", "same": "unchanged"}[tr.tier_change],
        delta_color="normal" if tr.tier_change == "up" else ("inverse" if tr.tier_change == "down" else "off"),
        delta_arrow="off" if tr.tier_change == "same" else "auto",
        border=True,
    )
    t3.metric("Questions improved / declined", f"{len(tr.improved)} / {len(tr.declined)}", border=True)

    c1, c2 = st.columns(2, gap="large")
    with c1:
        st.plotly_chart(
            ui.index_history_figure(cards[: pick + 1], inst), key="trend-index", config={"displayModeBar": False}
        )
    with c2:
        st.plotly_chart(ui.dimension_change_figure(tr), key="trend-dims", config={"displayModeBar": False})

    if tr.blocking_resolved:
        st.success(
            f"Blocking rules resolved: {ui.escape_md(ui.rule_names(inst, tr.blocking_resolved))}",
            icon=":material/task_alt:",
        )
    if tr.blocking_new:
        st.error(
            f"New blocking rules: {ui.escape_md(ui.rule_names(inst, tr.blocking_new))}", icon=":material/new_releases:"
        )
    if tr.blocking_persisting:
        st.warning(
            f"Still blocking: {ui.escape_md(ui.rule_names(inst, tr.blocking_persisting))}", icon=":material/pending:"
        )
    uc_names = {u.id: u.name for u in inst.use_cases}
    if tr.use_cases_now_ready:
        st.success(
            "Now ready: " + ui.escape_md(", ".join(uc_names.get(u, u) for u in tr.use_cases_now_ready)),
            icon=":material/rocket_launch:",
        )
    if tr.use_cases_now_blocked:
        st.error(
            "Now blocked: " + ui.escape_md(", ".join(uc_names.get(u, u) for u in tr.use_cases_now_blocked)),
            icon=":material/block:",
        )
    movers = ui.question_change_rows(tr, inst)
    if movers:
        with st.expander(f"Question changes ({len(movers)})"):
            st.dataframe(movers, hide_index=True)
elif len(cards) == 1:
    st.caption("Trend appears once the organization has a second assessment.")

with st.expander("Strengths"):
    if card.strengths:
        st.dataframe(
            ui.strength_rows(card),
            hide_index=True,
        )
    else:
        st.caption("No question is at or above its target yet.")

# ------------------------------------------------------------------- framework coverage

st.subheader("Framework coverage")
st.caption(
    "How this assessment evidences each framework's controls (the question-to-control map is the "
    "Readiness Advisor's own reading): covered when every deciding question meets its target, a gap "
    "when one does not, not assessed when no scored question evidences the control."
)
coverages = ui.framework_coverages(adv.frameworks, card, inst)
st.dataframe(
    ui.coverage_rows(coverages),
    hide_index=True,
    key="coverage",
    column_config={"Covered share": st.column_config.ProgressColumn(min_value=0, max_value=1, format="percent")},
)
by_name = {c.framework.name: c for c in coverages}
if by_name:
    fw_name = st.selectbox("Controls of a framework", list(by_name), key="dash-framework")
    st.dataframe(ui.coverage_control_rows(by_name[fw_name]), hide_index=True, key="coverage-controls")
