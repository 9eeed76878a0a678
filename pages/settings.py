"""Settings: how this advisor is configured (secrets masked) and where its data lives."""

from __future__ import annotations

import streamlit as st

from advisor import ui

adv = ui.get_advisor()
s = adv.settings

st.title("Settings")
st.caption("Read from the environment at start-up; change a variable and restart the app to apply it (see README.md).")

if s.mode == "llm":
    st.info(
        f"**Mode: LLM** — `{s.llm_model}` writes answers"
        + (f" via {ui.escape_md(s.llm_base_url)}" if s.llm_base_url else "")
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

LABELS = {
    "home": ("ADVISOR_HOME", "index, catalog, uploads, saved assessments, audit log"),
    "chroma_url": ("ADVISOR_CHROMA_URL", "Chroma server (empty: local store under ADVISOR_HOME)"),
    "embed_model": ("ADVISOR_EMBED_MODEL", "local sentence-transformers model"),
    "collection": ("ADVISOR_COLLECTION", "vector collection name"),
    "chunk_size": ("ADVISOR_CHUNK_SIZE", "characters per passage"),
    "chunk_overlap": ("ADVISOR_CHUNK_OVERLAP", "characters shared between passages"),
    "top_k": ("ADVISOR_TOP_K", "passages retrieved per question"),
    "candidates": ("ADVISOR_CANDIDATES", "candidates per retrieval channel before fusion"),
    "rrf_k": ("ADVISOR_RRF_K", "reciprocal-rank fusion constant"),
    "max_file_mb": ("ADVISOR_MAX_FILE_MB", "largest file accepted (MB)"),
    "abstain_threshold": ("ADVISOR_ABSTAIN_THRESHOLD", "below this evidence strength the advisor abstains"),
    "llm_base_url": ("OPENAI_BASE_URL", "OpenAI-compatible endpoint"),
    "llm_api_key": ("OPENAI_API_KEY", "API key (masked)"),
    "llm_model": ("ADVISOR_LLM_MODEL", "chat model"),
    "llm_timeout": ("ADVISOR_LLM_TIMEOUT", "seconds per model call"),
    "llm_retries": ("ADVISOR_LLM_RETRIES", "retries on transient model errors"),
    "embed_cache": ("—", "embedding cache file"),
}
rows = []
for key, value in s.masked().items():
    var, meaning = LABELS.get(key, ("—", ""))
    rows.append({"Setting": key, "Value": "" if value is None else str(value), "Variable": var, "Meaning": meaning})
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
