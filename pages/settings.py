"""Settings: how this advisor is configured (secrets masked) and where its data lives."""

from __future__ import annotations

import streamlit as st

from advisor import ui
from advisor.settings import mask_url

ui.gate(ui.Capability.SETTINGS)
adv = ui.get_advisor()
s = adv.settings

st.title("Settings")
st.caption("Read from the environment at start-up; change a variable and restart the app to apply it (see README.md).")

if s.mode == "llm":
    st.info(
        f"**Mode: LLM** — `{s.llm_model}` writes answers"
        + (f" via {ui.escape_md(mask_url(s.llm_base_url))}" if s.llm_base_url else "")
        + ". Its citations are verified against the retrieved passages; if it fails, the advisor answers offline.",
        icon=":material/smart_toy:",
    )
else:
    st.success(
        "**Mode: offline** — answers are composed from retrieved passages and assessment data on this machine. "
        "Set `OPENAI_API_KEY` or `OPENAI_BASE_URL` and `ADVISOR_LLM_MODEL` to let a model write them.",
        icon=":material/cloud_off:",
    )

m = st.columns(3)
m[0].metric("Documents indexed", len(adv.index.files()), border=True)
m[1].metric("Passages", f"{adv.index.chunk_count():,}", border=True)
m[2].metric("Vector store", "Chroma server" if s.chroma_url else "Local Chroma", border=True)
st.caption(
    "PHI in documents users add and in assessment evidence notes is "
    + (
        "redacted in stored passages (ADVISOR_REDACT_PHI=1)."
        if s.redact_phi
        else "**stored in clear** (ADVISOR_REDACT_PHI=0)."
    )
    + " Secrets below are masked; credentials inside URLs too."
)

rows = ui.settings_rows(s.masked())
st.subheader("Configuration")
st.dataframe(
    rows,
    hide_index=True,
    key="settings-table",
    height=38 + 35 * len(rows),
    column_config={
        "Value": st.column_config.TextColumn(width="large"),
        "Meaning": st.column_config.TextColumn(width="large"),
    },
)
st.subheader("Files")
st.markdown(
    "\n".join(
        f"- **{label}:** `{path}`"
        for label, path in (
            ("Catalog", s.catalog_path),
            ("Vectors", s.chroma_path),
            ("Audit log", s.audit_path),
            ("Added documents", s.home / "uploads"),
            ("Saved assessments", s.home / "assessments"),
        )
    )
)
