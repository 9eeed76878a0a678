"""Model cards: upload a vendor's model card (PDF, Word or CHAI XML), see each HTI-1 source
attribute and CHAI card field judged with the card's own words highlighted, edit the questions
for the vendor and download the review. The card is added to the chosen organization's library
so chat can cite it. The review itself is `advisor.cards.review_card`; this page shows it.
"""

from __future__ import annotations

import copy
import hashlib
import tempfile
from pathlib import Path

import streamlit as st

from advisor import cards, ui
from advisor.errors import AdvisorError
from advisor.ingest import limits_for

REVIEWS = "card_reviews"  # {digest: {"review", "name", "stored", "indexed"}}
CURRENT = "card_current"
STATUS_ICON = {"present": ":material/check_circle:", "partial": ":material/adjust:", "missing": ":material/cancel:"}
FRAMEWORK_LABEL = {cards.HTI1: "HTI-1", cards.CHAI: "CHAI"}

ui.gate(ui.Capability.MODEL_CARDS)
adv = ui.get_advisor()
org = ui.current_org()
org_label = ui.org_name(adv, org) if org else None
# Cards are kept outside uploads/, which a library re-index walks without an organization.
CARD_DIR = adv.settings.home / "cards" / (ui.safe_filename(org, "shared") if org else "shared")

st.title("Model cards")
st.caption(
    "Check a vendor's model card against the 31 ONC HTI-1 source attributes and the CHAI Applied Model Card "
    "fields: what the card states (quoted, with its page), what it states only in part, and what it leaves out, "
    "with a question for the vendor for each gap."
)
ui.show_flash()
st.session_state.setdefault(REVIEWS, {})

# --------------------------------------------------------------------------- upload

where = f"{org_label}'s library" if org_label else "the shared library (no organization chosen)"
with st.form("card-upload", clear_on_submit=True):
    upload = st.file_uploader("Vendor model card", type=["pdf", "docx", "xml"], key="card-file")
    index_it = st.checkbox(f"Add the card to {where}, so chat can cite it", value=True, key="card-index")
    go = st.form_submit_button("Review the card", type="primary", icon=":material/fact_check:")


def _store(rv: cards.CardReview, data: bytes, suffix: str) -> tuple[Path, Path]:
    """Keep the card under a name carrying its developer and model: (the file, what is indexed).

    A PDF or Word card is indexed as its fields in CHAI XML, each a section named after the
    model, so chat cites the field and never confuses two vendors' near-identical cards."""
    name = ui.safe_filename(f"{rv.developer} {rv.model} model card{suffix}", "model-card")
    path, same = ui.unique_path(CARD_DIR, name, data)
    if not same:
        ui.write_atomic(data, path)
    if suffix == ".xml":
        return path, path
    rendering = cards.card_to_chai_xml(rv.card)
    fields = path.with_suffix(".xml")
    if not fields.exists() or fields.read_bytes() != rendering:
        ui.write_atomic(rendering, fields)
    return path, fields


if go and upload is None:
    st.warning("Choose a card file first.")
elif go and upload is not None:
    data = upload.getvalue()
    suffix = Path(upload.name).suffix.lower()
    digest = hashlib.sha256(data).hexdigest()[:16]
    with st.spinner("Reading the card and checking every item…"), tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / f"card{suffix}"
        draft.write_bytes(data)
        try:
            rv = cards.review_card(
                draft,
                source=upload.name,
                org=org,
                library=ui.library(adv) if org else None,
                model=adv.chat_model,
                limits=limits_for(adv.settings, trusted=False),  # parsed in the worker, ADVISOR_INGEST_* caps
            )
        except AdvisorError as exc:
            st.error(ui.escape_md(ui.describe_error(exc)), icon=":material/error:")
            st.stop()
    stored, searchable = _store(rv, data, suffix)
    indexed = ""
    if index_it:
        report = adv.index_paths([searchable], org=org or "")
        indexed = ui.index_message(report, "Card added") if report.ok else "; ".join(e["error"] for e in report.errors)
    st.session_state[REVIEWS][digest] = {"review": rv, "name": upload.name, "stored": str(stored), "indexed": indexed}
    st.session_state[CURRENT] = digest
    ui.audit_log(
        "review-card",
        {
            "file": upload.name,
            "stored": stored.name,
            "model": rv.model,
            "developer": rv.developer,
            "counts": rv.counts(),
            "questions": len(rv.questions),
            "indexed": bool(index_it),
            "mode": rv.mode,
        },
        org=org,
    )

entry = st.session_state[REVIEWS].get(st.session_state.get(CURRENT, ""))
if entry is None:
    st.info("Upload a vendor's model card to review it.", icon=":material/upload_file:")
    st.stop()
rv: cards.CardReview = entry["review"]
digest = st.session_state[CURRENT]

# --------------------------------------------------------------------------- summary

st.subheader(f"{rv.model or 'Unnamed model'} — {rv.developer or 'developer not stated'}")
st.caption(
    ui.escape_md(f"{entry['name']} · {rv.card.format.value.upper()} · ")
    + ("questions polished by the language model, facts checked against the card" if rv.mode == "llm" else "offline")
)
if entry["indexed"]:
    st.caption(ui.escape_md(entry["indexed"]))
for w in rv.warnings:
    st.warning(ui.escape_md(w))
counts = rv.counts()
cols = st.columns(len(counts) * 3)
for i, (fw, c) in enumerate(counts.items()):
    for j, status in enumerate(cards.Status):
        cols[i * 3 + j].metric(f"{FRAMEWORK_LABEL.get(fw, fw)} {status.value}", c[status.value], border=True)

# --------------------------------------------------------------------------- items

st.subheader("Items")
f1, f2 = st.columns(2)
shown_fw = f1.segmented_control(
    "Framework",
    list(FRAMEWORK_LABEL),
    format_func=FRAMEWORK_LABEL.get,
    selection_mode="multi",
    default=list(FRAMEWORK_LABEL),
    key="card-fw",
)
shown_st = f2.segmented_control(
    "Status",
    [s.value for s in cards.Status],
    selection_mode="multi",
    default=[s.value for s in cards.Status],
    key="card-status",
)
items = [i for i in rv.items if i.framework in (shown_fw or []) and i.status.value in (shown_st or [])]
rows = [
    {
        "Framework": FRAMEWORK_LABEL.get(i.framework, i.framework),
        "Id": i.id,
        "Item": i.name,
        "Status": i.status.value,
        "Page": i.evidence[0].page if i.evidence else None,
        "Quote": i.evidence[0].quote if i.evidence else "",
        "Not stated": "; ".join(i.asks),
    }
    for i in items
]
st.dataframe(
    rows, hide_index=True, key="card-items", column_config={"Quote": st.column_config.TextColumn(width="large")}
)
st.caption(f"{len(items)} of {len(rv.items)} items shown.")

with st.expander("Read a quote in the card", icon=":material/format_quote:", expanded=True):
    quoted_items = [i for i in items if i.evidence]
    if quoted_items:
        pick = st.selectbox(
            "Item",
            [i.id for i in quoted_items],
            key="card-quote-item",
            format_func=lambda x: f"{x} — {rv.item(x).name} ({rv.item(x).status.value})",
        )
        it = rv.item(pick)
        for ev in it.evidence:
            where_ = f"Page {ev.page}" if ev.page else "Card text"
            st.markdown(f"{STATUS_ICON[it.status.value]} **{ui.escape_md(where_)}**")
            md, found = ui.highlight_markdown(rv.card.page_text(ev.page), ev.quote)
            st.markdown(md if found else ui.escape_md(ev.quote))
        if it.asks:
            st.caption(ui.escape_md("Not stated: " + "; ".join(it.asks)))
    else:
        st.caption("No quoted item matches the filters.")

# --------------------------------------------------------------------------- questions

st.subheader("Questions for the vendor")
st.caption(
    "One question for each missing or partial item, citing it. Edit them before you send them; empty ones are left out."
)
texts = []
for n, q in enumerate(rv.questions, start=1):
    key = f"card-q:{digest}:{n}"
    st.session_state.setdefault(key, q.text)
    texts.append(st.text_area(f"Question {n}", key=key, height=90))

# --------------------------------------------------------------------------- readiness

if rv.readiness is not None:
    r = rv.readiness
    st.subheader("Readiness gates this use case touches")
    head = f"{r.org_name}" + (f", assessment of {r.date}" if r.date else "")
    uses = ", ".join(r.use_cases) or "no instrument use case matched"
    st.caption(ui.escape_md(f"{head} · {'generative' if r.kind == 'genai' else 'predictive'} AI · use cases: {uses}"))
    if r.note:
        st.info(ui.escape_md(r.note))
    for g in r.gates:
        icon = ":material/check:" if g.met else ":material/block:"
        st.markdown(f"{icon} {ui.escape_md(g.text)}")
elif not org:
    st.caption(
        "Choose an organization in the sidebar to see the readiness gates of its assessment that this card touches."
    )

# --------------------------------------------------------------------------- download

edited = cards.edit_questions(copy.deepcopy(rv), texts)
stem = ui.safe_filename(f"{rv.model or 'model'} card review", "card-review")
d1, d2 = st.columns(2)
d1.download_button(
    "Download the review (Word)",
    data=cards.to_docx(edited),
    file_name=f"{stem}.docx",
    mime=ui.mime_for(Path("x.docx")),
    icon=":material/download:",
    key="card-dl-docx",
    on_click="ignore",
)
d2.download_button(
    "Download the review (Markdown)",
    data=cards.to_markdown(edited),
    file_name=f"{stem}.md",
    mime="text/markdown",
    icon=":material/download:",
    key="card-dl-md",
    on_click="ignore",
)
