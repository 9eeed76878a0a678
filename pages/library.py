"""Library: what the advisor can cite, adding documents, and re-indexing."""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

from advisor import ui
from advisor.errors import AdvisorError, StoreError
from advisor.ui.catalog import library_table, phi_label, quarantine_label, release_rows

DOC_TYPES = ui.DOC_TYPES
UPLOAD_TYPES = ["pdf", "docx", "md", "markdown", "txt", "html", "htm", "yaml", "yml"]

ui.gate(ui.Capability.LIBRARY)
adv = ui.get_advisor()
org = ui.current_org()
UPLOAD_DIR = adv.settings.home / "uploads"

st.title("Library")
st.caption(
    "Everything the advisor can cite: the bundled governance guidance, documents you add, and assessment results."
)
ui.show_flash()


def _report_message(report, what: str) -> None:
    """Kept for the next run (the page reruns to show the new documents)."""
    st.session_state["library-report"] = {"summary": ui.index_message(report, what), "errors": list(report.errors)}


# ---------------------------------------------------------------------------- documents

files = adv.index.files()
counts = {t: sum(1 for f in files if f["doc_type"] == t) for t in DOC_TYPES}
m = st.columns(4)
m[0].metric("Documents", len(files), border=True)
m[1].metric("Passages", f"{sum(f['chunks'] for f in files):,}", border=True)
m[2].metric("Guidance / added", f"{counts['guidance']} / {counts['user']}", border=True)
m[3].metric("Assessment results", counts["assessment"], border=True)

last = st.session_state.pop("library-report", None)
if last:
    (st.warning if last["errors"] else st.success)(ui.escape_md(last["summary"]))
    for e in last["errors"]:
        st.error(f"**{ui.escape_md(Path(e['file']).name)}** — {ui.escape_md(e['error'])}", icon=":material/error:")

f1, f2 = st.columns([3, 2], vertical_alignment="bottom")
kinds = f1.segmented_control(
    "Show", list(DOC_TYPES), format_func=DOC_TYPES.get, selection_mode="multi", default=list(DOC_TYPES), key="lib-kinds"
)
needle = f2.text_input("Filter", placeholder="title, framework, organization or file", key="lib-filter")
shown = ui.filter_files(files, kinds or [], needle)

st.dataframe(
    library_table(shown),
    hide_index=True,
    key="lib-table",
    column_config={
        "Title": st.column_config.TextColumn(width="large"),
        "Indexed at": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
        "Source": st.column_config.TextColumn(width="medium"),
        "Held back": st.column_config.NumberColumn(
            help="Passages quarantined for review: never quoted or sent to a model"
        ),
        "PHI found": st.column_config.TextColumn(help="Identifiers found when the document was added"),
    },
    height=min(460, 38 + 35 * max(1, len(shown))),
)
st.caption(f"{len(shown)} of {len(files)} documents shown.")

with st.expander("Read a document", icon=":material/menu_book:"):
    if shown:
        by_source = {f["source"]: f for f in shown}
        src = st.selectbox("Document", list(by_source), format_func=lambda s: by_source[s]["title"], key="lib-doc")
        chunks = adv.index.chunks_for_source(src)
        path = ui.source_path(adv, src)
        if path is not None:
            st.download_button(
                "Download the file",
                data=functools.partial(path.read_bytes),
                file_name=path.name,
                mime=ui.mime_for(path),
                on_click="ignore",
                icon=":material/download:",
                key="lib-dl",
            )
        st.caption(f"{len(chunks)} passages · {ui.escape_md(src)}")
        row = by_source[src]
        if row.get("phi"):
            how = (
                "redacted in the stored passages"
                if adv.settings.redact_phi
                else "stored in clear (ADVISOR_REDACT_PHI=0)"
            )
            st.warning(f"PHI found: {ui.escape_md(phi_label(row['phi']))} — {how}.", icon=":material/shield_person:")
        if row.get("quarantined"):
            st.warning(
                f"{row['quarantined']} passage(s) of this document are held back for review (see below).",
                icon=":material/gpp_maybe:",
            )
        for c in chunks[:30]:
            where = " · ".join(x for x in (c.section, f"p. {c.page}" if c.page else "") if x)
            if where:
                st.markdown(f"**{ui.escape_md(where)}**")
            st.markdown(ui.escape_md(c.text))
        if len(chunks) > 30:
            st.caption(f"… and {len(chunks) - 30} more passages.")
    else:
        st.caption("No document matches the filter.")

with st.expander("Remove a document", icon=":material/delete:"):
    removable = {r["source"]: r for r in adv.removable_documents(ui.user_name())}
    if not removable:
        st.caption("Nothing to remove: only documents you added and saved assessment results can be removed.")
    else:
        st.caption(
            "Removes the document's passages from the index and deletes the uploaded copy; the removal is "
            "written to the audit log. Bundled guidance ships with the release and cannot be removed."
        )
        target = st.selectbox(
            "Document to remove",
            list(removable),
            format_func=lambda s: f"{removable[s]['title'] or Path(s).name} — {removable[s]['doc_type']}",
            key="lib-remove-doc",
        )
        sure = st.checkbox("Yes, remove it from the library and the index", key="lib-remove-sure")
        if st.button("Remove", icon=":material/delete:", disabled=not sure, key="lib-remove"):
            try:
                report = adv.remove_document(target, user=ui.user_name())
            except AdvisorError as exc:
                st.error(ui.escape_md(str(exc)))
            else:
                title = removable[target]["title"] or Path(target).name
                ui.flash(f"Removed {ui.escape_md(title)} ({report.chunks_removed} passages).")
                st.rerun()

# ---------------------------------------------------------------------------- quarantine

held = adv.index.quarantined()
flagged_phi = [f for f in files if f.get("phi")]
if flagged_phi:
    st.info(
        f"{len(flagged_phi)} document(s) contain PHI; "
        + (
            "identifiers are redacted in their stored passages."
            if adv.settings.redact_phi
            else "ADVISOR_REDACT_PHI=0: stored in clear."
        )
        + " The PHI found column lists what was found.",
        icon=":material/shield_person:",
    )
st.subheader("Held back for review")
if not held:
    st.caption("No passage is held back: nothing in the library looks like instructions to an assistant.")
else:
    st.caption(
        f"{len(held)} passage(s) look like instructions to an assistant or its reader, or were hidden in their "
        "document. They are listed here but never quoted in answers or sent to a model. Release one only after "
        "reading it."
    )
    with st.expander(f"Review {len(held)} held-back passage(s)", icon=":material/gpp_maybe:"):
        for c in held[:50]:
            st.markdown(f"**{ui.escape_md(c.title)}** · {ui.escape_md(c.section)} — _{ui.escape_md(c.quarantine)}_")
            st.text(c.text)  # shown as plain text: never Markdown, links or HTML
        if len(held) > 50:
            st.caption(f"… and {len(held) - 50} more.")
        by_id = {c.chunk_id: c for c in held}
        with st.form("lib-release", clear_on_submit=True):
            chosen = st.selectbox(
                "Passage", list(by_id), format_func=lambda i: quarantine_label(by_id[i]), key="lib-rel-id"
            )
            why = st.text_input("Why it is safe to use", key="lib-rel-note")
            release = st.form_submit_button("Release this passage", icon=":material/lock_open:")
        if release:
            if not why.strip():
                st.warning("Say why the passage is safe to use first; the note goes into the audit log.")
            else:
                reviewer = ui.actor()  # the signed-in admin (the page is gated to Capability.LIBRARY)
                try:
                    adv.index.release(chosen, by=reviewer.user, note=why, audit=ui.audit_store(), actor=reviewer)
                except StoreError as exc:
                    st.error(ui.escape_md(str(exc)))
                else:
                    ui.flash("Released: the passage can now be retrieved and quoted. The release is in the audit log.")
                    st.rerun()

released = adv.index.releases()
if released:
    with st.expander(f"Released after review ({len(released)})", icon=":material/lock_open:"):
        st.dataframe(release_rows(released, files), hide_index=True, key="lib-releases")
        st.caption("Each release is also in the audit log (event quarantine_release), with who released it.")

# ------------------------------------------------------------------------------ adding

st.subheader("Add documents")
st.caption(
    "PDF, Word (.docx), Markdown, text or HTML — policies, vendor contracts, committee charters; "
    "or a framework / crosswalk YAML (schema: corpus/frameworks/README.md), which loads without code. "
    f"Files are stored in {ui.escape_md(str(UPLOAD_DIR))} and become citable once indexed. "
    "Assessment results are added on the Assessment page."
)
with st.form("lib-upload", clear_on_submit=True):
    uploads = st.file_uploader("Documents", type=UPLOAD_TYPES, accept_multiple_files=True, key="lib-files")
    add = st.form_submit_button("Add to the library", type="primary", icon=":material/upload:")
if add:
    if not uploads:
        st.warning("Choose one or more files first.")
    else:
        UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
        targets, names, refused = [], [], []
        for up in uploads:
            data = up.getvalue()
            if up.name.lower().endswith(ui.FRAMEWORK_SUFFIXES):  # a framework or crosswalk, as data
                stored, problem = ui.store_framework(adv.settings.home, ui.safe_filename(up.name), data)
                if stored is None:
                    refused.append({"file": up.name, "error": problem})
                    continue
                targets.append(stored)
                names.append({"name": up.name, "stored": stored.name, "bytes": len(data), "kind": "framework"})
                continue
            path, same = ui.unique_path(UPLOAD_DIR, ui.safe_filename(up.name), data)
            if not same:
                path.write_bytes(data)
            targets.append(path)
            names.append({"name": up.name, "stored": path.name, "bytes": len(data), "already_there": same})
        for e in refused:
            st.error(f"**{ui.escape_md(e['file'])}** — {ui.escape_md(e['error'])}", icon=":material/error:")
        if targets:
            ui.audit_log("upload", {"files": names, "kind": "document"}, org=org)
            report = ui.index_with_progress(adv, targets, "Indexing")
            if report is not None:
                ui.audit_log(
                    "index",
                    {"trigger": "upload", "redact_phi": adv.settings.redact_phi, **ui.report_summary(report)},
                    org=org,
                )
                _report_message(report, f"Added {len(targets)} file(s)")
                st.session_state["library-report"]["errors"] += refused
                st.rerun()

st.subheader("Re-index")
st.caption(
    "Brings the index in step with the files: the bundled corpus, added documents and saved assessments. "
    "Unchanged files are skipped, so this is quick when little has changed."
)
if st.button("Re-index the library", icon=":material/refresh:", key="lib-reindex"):
    report = ui.index_with_progress(adv, ui.library_paths(adv), "Re-indexing")
    if report is not None:
        ui.audit_log("index", {"trigger": "re-index", **ui.report_summary(report)}, org=org)
        _report_message(report, "Re-index")
        st.rerun()
