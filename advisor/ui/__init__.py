"""The Streamlit app's plumbing: heavy objects built once, what a session owns, and the
render helpers every page uses (answers with citation chips, highlighted passages, safe
Markdown for document and model text). Pages are widgets over these and library calls.

- `resources`: the advisor, the audit store and first-start indexing, built once per
  process (`st.cache_resource`) and holding no per-request state;
- `session`: the signed-in user, organization, chat and flash message of one browser session;
  audit events recorded as that user;
- `signin`: the first-admin and sign-in forms (local or OpenID Connect) and `gate()`, the role
  check at the top of every page;
- `catalog`: what the index holds (organizations, source files, a per-run `Library`);
- `markdown`: safe Markdown (`escape_md`), answers with chips, highlighted quotes;
- `widgets`: answers with citation cards, indexing with progress;
- `uploads`: assessment results checked and saved, documents stored safely;
- `tables`, `charts`: the rows and figures the pages show.

Safety rule: document and model text is only ever shown through `escape_md` (or widgets
that do not interpret Markdown); nothing here uses `unsafe_allow_html`.
"""

from __future__ import annotations

from ..accounts import Capability
from .catalog import (
    index_counts,
    index_message,
    library,
    library_paths,
    mime_for,
    org_name,
    org_options,
    report_summary,
    safe_url,
    source_path,
    source_paths,
)
from .charts import axis_label, dimension_change_figure, index_history_figure, radar_figure
from .frameworks import FRAMEWORK_SUFFIXES, coverage_control_rows, coverage_rows, framework_coverages, store_framework
from .markdown import (
    answer_markdown,
    citation_label,
    conversation_markdown,
    describe_error,
    escape_inline,
    escape_md,
    find_quote,
    highlight_all_markdown,
    highlight_markdown,
    mode_label,
    taken_sentences,
)
from .resources import FirstStart, audit_store, first_start, get_advisor, needs_first_start, pending_marker
from .session import (
    FLASH_KEY,
    MESSAGES_KEY,
    ORG_KEY,
    PENDING_KEY,
    SESSION_KEY,
    access,
    actor,
    audit_log,
    can,
    current_org,
    current_user,
    flash,
    set_current_org,
    show_flash,
    user_name,
)
from .signin import gate, oidc_configured, sign_in_page, sign_out, signed_in
from .tables import (
    DOC_TYPES,
    GAP_COLUMNS,
    GAP_EVIDENCE_WIDTH,
    SETTING_LABELS,
    dimension_rows,
    event_rows,
    feedback_rows,
    filter_files,
    gap_rows,
    gate_text,
    library_rows,
    question_change_rows,
    rule_names,
    settings_rows,
    strength_rows,
)
from .uploads import (
    RESULTS_COLUMNS,
    assessment_conflicts,
    check_results,
    csv_rows,
    csv_template,
    form_document,
    problems_table,
    safe_filename,
    unique_path,
    upload_limit_mb,
    write_atomic,
)
from .widgets import ensure_index_ui, index_with_progress, render_answer

__all__ = [
    "DOC_TYPES",
    "FLASH_KEY",
    "FRAMEWORK_SUFFIXES",
    "GAP_COLUMNS",
    "GAP_EVIDENCE_WIDTH",
    "MESSAGES_KEY",
    "ORG_KEY",
    "PENDING_KEY",
    "RESULTS_COLUMNS",
    "SESSION_KEY",
    "SETTING_LABELS",
    "Capability",
    "FirstStart",
    "access",
    "actor",
    "answer_markdown",
    "assessment_conflicts",
    "audit_log",
    "audit_store",
    "axis_label",
    "can",
    "check_results",
    "citation_label",
    "conversation_markdown",
    "coverage_control_rows",
    "coverage_rows",
    "csv_rows",
    "csv_template",
    "current_org",
    "current_user",
    "describe_error",
    "dimension_change_figure",
    "dimension_rows",
    "ensure_index_ui",
    "escape_inline",
    "escape_md",
    "event_rows",
    "feedback_rows",
    "filter_files",
    "find_quote",
    "first_start",
    "flash",
    "form_document",
    "framework_coverages",
    "gap_rows",
    "gate",
    "gate_text",
    "get_advisor",
    "highlight_all_markdown",
    "highlight_markdown",
    "index_counts",
    "index_history_figure",
    "index_message",
    "index_with_progress",
    "library",
    "library_paths",
    "library_rows",
    "mime_for",
    "mode_label",
    "needs_first_start",
    "oidc_configured",
    "org_name",
    "org_options",
    "pending_marker",
    "problems_table",
    "question_change_rows",
    "radar_figure",
    "render_answer",
    "report_summary",
    "rule_names",
    "safe_filename",
    "safe_url",
    "set_current_org",
    "settings_rows",
    "show_flash",
    "sign_in_page",
    "sign_out",
    "signed_in",
    "source_path",
    "source_paths",
    "store_framework",
    "strength_rows",
    "taken_sentences",
    "unique_path",
    "upload_limit_mb",
    "user_name",
    "write_atomic",
]
