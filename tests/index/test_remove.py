"""Removing a document from the library: gone from search and the index, its uploaded copy
deleted, audited; bundled guidance, unknown documents and roles without the Library refused."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from advisor.answer import Advisor
from advisor.cli import main
from advisor.errors import AccessDenied, LibraryError
from advisor.settings import CORPUS_DIR

POLICY = (
    "# Sepsis model policy\n\n## Review\n\nThe quillfeather sepsis model is reviewed by the committee every quarter.\n"
)
OTHER = "# Vendor terms\n\n## Notice\n\nVendors give thirty days notice of model updates.\n"


@pytest.fixture
def adv(settings):
    uploads = settings.home / "uploads"
    uploads.mkdir(parents=True)
    (uploads / "policy.md").write_text(POLICY, encoding="utf-8")
    (uploads / "terms.md").write_text(OTHER, encoding="utf-8")
    a = Advisor(settings, audit=True)
    assert a.index_paths([uploads]).ok
    return a


def _source(adv: Advisor, name: str) -> str:
    return next(r["source"] for r in adv.index.files() if r["source"].endswith(name))


def test_removed_document_is_no_longer_found_and_its_upload_is_deleted(adv, settings):
    src = _source(adv, "policy.md")
    assert any("quillfeather" in h.chunk.text for h in adv.search("quillfeather sepsis review"))
    report = adv.remove_document(src)
    assert report.files_removed == 1 and report.chunks_removed >= 1
    assert not any("quillfeather" in h.chunk.text for h in adv.search("quillfeather sepsis review"))
    assert src not in {r["source"] for r in adv.index.files()}
    assert not (settings.home / "uploads" / "policy.md").exists()
    # the other upload is untouched, and re-indexing the folder does not bring the removed one back
    assert adv.index_paths([settings.home / "uploads"]).files_indexed == 0
    assert any("thirty days" in h.chunk.text for h in adv.search("vendor notice of model updates"))
    event = adv.audit_store.events(event="delete")[0]
    assert event["detail"]["source"] == src and event["detail"]["file_deleted"] is True


def test_keep_file_leaves_the_upload_in_place(adv, settings):
    adv.remove_document(_source(adv, "terms.md"), delete_file=False)
    assert (settings.home / "uploads" / "terms.md").exists()


def test_bundled_guidance_and_unknown_documents_are_refused_with_the_reason(adv):
    bundled = (CORPUS_DIR / "guidance" / "nist-ai-rmf-govern.md").relative_to(CORPUS_DIR.parent).as_posix()
    with pytest.raises(LibraryError, match="not in the library"):
        adv.remove_document(bundled)
    adv.index_paths([CORPUS_DIR / "guidance" / "nist-ai-rmf-govern.md"])
    with pytest.raises(LibraryError, match="bundled guidance"):
        adv.remove_document(bundled)
    assert bundled in {r["source"] for r in adv.index.files()}
    assert bundled not in {r["source"] for r in adv.removable_documents()}


def test_a_role_without_the_library_cannot_remove_and_the_refusal_is_audited(adv):
    adv.accounts.add_user("casey", "consultant", orgs="riverside", password="a long passphrase 42")
    src = _source(adv, "policy.md")
    with pytest.raises(AccessDenied):
        adv.remove_document(src, user="casey")
    assert src in {r["source"] for r in adv.index.files()}
    denied = adv.audit_store.events(event="access_denied")[0]
    assert denied["user"] == "casey" and denied["detail"]["what"] == "remove"


def test_cli_lists_and_removes(adv, settings):
    src = _source(adv, "policy.md")
    runner = CliRunner()
    listed = runner.invoke(main, ["remove", "--list"])
    assert listed.exit_code == 0 and src in listed.output
    out = runner.invoke(main, ["remove", src, "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["files_removed"] == 1
    again = runner.invoke(main, ["remove", src])
    assert again.exit_code == 1 and "not in the library" in again.output
    assert runner.invoke(main, ["remove"]).exit_code == 2
