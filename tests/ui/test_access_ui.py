"""Sign-in and roles in the app (AppTest): the first visitor creates the admin, everyone else
signs in, and pages, organizations and actions follow the role."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from advisor import ui
from advisor.accounts import Accounts
from advisor.audit import AuditStore
from advisor.settings import Settings

from .signin import PASSWORD, signed_in

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, ui_settings, hash_model_dir

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
TIMEOUT = 60


def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def page(name: str) -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / name), default_timeout=TIMEOUT)


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def labels(at: AppTest) -> set[str]:
    return {w.label for w in [*at.text_input, *at.button, *at.selectbox]}


def test_first_visitor_creates_the_admin_then_everyone_signs_in(ui_home):
    at = app().run()
    no_exceptions(at)
    assert at.title[0].value == "Welcome to the Readiness Advisor"
    assert not at.chat_input and not at.sidebar.selectbox  # nothing but the form
    at.text_input(key="first-admin-name").set_value("ada")
    at.text_input(key="first-admin-pw").set_value(PASSWORD)
    at.text_input(key="first-admin-pw2").set_value(PASSWORD)
    at.button[0].click().run()
    no_exceptions(at)
    assert at.chat_input, "signed in: the chat opens"
    assert any("ada" in m.value for m in at.sidebar.markdown)
    # the next visitor (a new browser session) must sign in
    other = app().run()
    no_exceptions(other)
    assert other.title[0].value == "Sign in"
    assert {"Username", "Password", "Sign in"} <= labels(other) and not other.chat_input
    other.text_input(key="sign-in-name").set_value("ada")
    other.text_input(key="sign-in-pw").set_value("not the password")
    other.button[0].click().run()
    assert "Sign-in failed" in other.error[0].value and not other.chat_input
    other.text_input(key="sign-in-pw").set_value(PASSWORD)
    other.button[0].click().run()
    no_exceptions(other)
    assert other.chat_input
    kinds = [e["event"] for e in AuditStore(Settings.from_env()).events(limit=0)]
    assert {"user_added", "sign_in", "sign_in_failed"} <= set(kinds)


def test_a_page_opened_without_a_session_shows_only_the_sign_in_form(ui_home):
    Accounts(Settings.from_env()).add_user("ada", "admin", password=PASSWORD)
    for name in ("chat.py", "dashboard.py", "library.py", "audit.py", "recommendations.py"):
        at = page(name)
        at.session_state[ui.ORG_KEY] = "meridian-health"
        at.run()
        no_exceptions(at)
        assert [t.value for t in at.title] == ["Sign in"], name
        assert not at.dataframe and not at.chat_input and not at.metric


def test_a_consultant_sees_only_granted_organizations(ui_home):
    at = signed_in(app(), "dana", "consultant", ("meridian-health",)).run()
    no_exceptions(at)
    assert at.sidebar.selectbox[0].options == ["No organization (guidance only)", "Meridian Health Partners"]
    # a session that still names another organization gets none
    dash = signed_in(page("dashboard.py"), "dana", "consultant", ("meridian-health",))
    dash.session_state[ui.ORG_KEY] = "northbridge-academic"
    dash.run()
    no_exceptions(dash)
    assert [b.label for b in dash.button] == ["Meridian Health Partners"]
    assert not dash.metric
    for name in ("library.py", "audit.py", "settings.py", "users.py"):
        denied = signed_in(page(name), "dana", "consultant", ("meridian-health",)).run()
        assert "does not open this page" in denied.error[0].value, name


def test_an_executive_reads_recommendations_and_cannot_reach_the_library(ui_home):
    lib = signed_in(page("library.py"), "cio", "executive", ("meridian-health",)).run()
    no_exceptions(lib)
    assert "does not open this page" in lib.error[0].value
    assert not lib.dataframe and not lib.file_uploader and not [b for b in lib.button if "index" in b.label.lower()]
    rec = signed_in(page("recommendations.py"), "cio", "executive", ("meridian-health",)).run()
    no_exceptions(rec)
    assert rec.selectbox(key="rec_org").options == ["Meridian Health Partners"]
    rec.button(key="rec-generate").click().run()
    no_exceptions(rec)
    edits = [w for w in [*rec.text_area, *rec.text_input] if str(w.key).startswith("rec:")]
    assert edits and all(w.disabled for w in edits)  # reads, does not edit


def test_an_evaluator_sees_the_audit_log_but_no_organization(ui_home):
    at = signed_in(app(), "eve", "evaluator").run()
    no_exceptions(at)
    assert at.sidebar.selectbox[0].options == ["No organization (guidance only)"]
    audit = signed_in(page("audit.py"), "eve", "evaluator").run()
    no_exceptions(audit)
    assert audit.title[0].value == "Audit log"
    chat = signed_in(page("chat.py"), "eve", "evaluator")
    chat.session_state[ui.ORG_KEY] = "meridian-health"
    chat.run()
    chat.chat_input[0].set_value("What are our biggest data gaps?").run()
    no_exceptions(chat)
    answer = chat.session_state[ui.MESSAGES_KEY][-1]["answer"]
    assert answer.kind == "clarify" and "Meridian" not in answer.answer


def test_an_evaluator_reads_no_organizations_questions_in_the_audit_log(ui_home):
    """The audit log holds each question and the feedback on its answer: an evaluator granted no
    organization sees the events about none, not Meridian's."""
    chat = signed_in(page("chat.py"), "dana", "consultant", ("meridian-health",))
    chat.session_state[ui.ORG_KEY] = "meridian-health"
    chat.run()
    chat.chat_input[0].set_value("Which of our data gaps block the Kestrel rollout?").run()
    no_exceptions(chat)
    audit = signed_in(page("audit.py"), "eve", "evaluator").run()
    no_exceptions(audit)
    assert "meridian-health" not in audit.selectbox(key="audit-org").options
    shown = "".join(str(d.value.to_dict()) for d in audit.dataframe)
    assert "Kestrel" not in shown and "meridian-health" not in shown
    admin = signed_in(page("audit.py")).run()  # the administrator still reads it
    assert "meridian-health" in admin.selectbox(key="audit-org").options


def test_audit_page_filters_by_user_and_shows_provenance(ui_home):
    chat = signed_in(page("chat.py"), "dana", "consultant", ("meridian-health",))
    chat.session_state[ui.ORG_KEY] = "meridian-health"
    chat.run()
    chat.chat_input[0].set_value("What are our biggest data gaps?").run()
    no_exceptions(chat)
    audit = signed_in(page("audit.py")).run()
    audit.selectbox(key="audit-user").set_value("dana").run()
    no_exceptions(audit)
    rows = audit.dataframe[0].value
    assert set(rows["User"]) == {"dana"} and {"question", "answer"} <= set(rows["Event"])
    answer = rows[rows["Event"] == "answer"].iloc[0]
    assert answer["Organization"] == "meridian-health" and answer["Passages retrieved"] > 0 and answer["Answer hash"]
    audit.button(key="audit-verify").click().run()
    assert "intact" in audit.success[0].value


def test_an_admin_adds_a_consultant_with_one_organization(ui_home):
    at = signed_in(page("users.py")).run()
    no_exceptions(at)
    at.text_input(key="users-new-name").set_value("dana")
    at.selectbox(key="users-new-role").set_value("consultant")
    at.multiselect(key="users-new-orgs").set_value(["meridian-health"])
    at.text_input(key="users-new-pw").set_value(PASSWORD)
    next(b for b in at.button if b.label == "Add user").click().run()
    no_exceptions(at)
    dana = Accounts(Settings.from_env()).access("dana")
    assert dana.orgs == frozenset({"meridian-health"})
    grant = AuditStore(Settings.from_env()).events(event="user_added")[0]
    assert grant["user"] == "admin" and grant["detail"]["orgs"] == ["meridian-health"]
