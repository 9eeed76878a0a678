"""The access probe set (evals/access): over 1,000 attempts to reach another organization, as
users with different grants, through the library and through the CLI. Leaks: 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.accounts import Accounts
from advisor.answer import Advisor
from advisor.cli import main
from advisor.errors import AccessDenied
from advisor.index import Index
from advisor.settings import Settings
from evals.access.generate import SAMPLE_ORGS, SAMPLE_USERS, Probe, generate
from evals.access.probe import LeakCheck, run_api, run_cli

ROOT = Path(__file__).resolve().parents[2]
GUIDANCE = ["nist-ai-rmf-govern.md", "kahn-data-quality-framework.md", "operating-model-ai-inventory.md"]


@pytest.fixture(scope="module")
def probe_home(tmp_path_factory, hash_model_dir) -> Path:
    """Three guidance documents and every sample organization's results, with the probe users."""
    home = tmp_path_factory.mktemp("probe-home")
    s = Settings.from_env({"ADVISOR_HOME": str(home), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(s)
    files = [ROOT / "corpus" / "guidance" / n for n in GUIDANCE]
    report = ix.index_paths(files + sorted((ROOT / "corpus" / "assessment" / "results").iterdir()))
    assert report.ok, report.errors
    ix.close()
    accounts = Accounts(s)
    for u in SAMPLE_USERS:
        accounts.add_user(u.name, u.role, orgs=list(u.orgs))
    accounts.add_user("root", "admin")
    return home


@pytest.fixture
def probe_env(probe_home, hash_model_dir, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(probe_home))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    monkeypatch.setenv("ADVISOR_AUDIT_RETENTION_DAYS", "0")
    return Settings.from_env()


@pytest.fixture
def adv(probe_env):
    return Advisor(probe_env)


def test_the_probe_set_is_large_and_varied():
    probes = generate(SAMPLE_ORGS, SAMPLE_USERS)
    assert len(probes) >= 1000
    styles = {p.style.split("/")[0] for p in probes}
    assert styles >= {"gaps", "scores", "comparison", "history", "hostile-org", "all-organizations"}
    variants = {p.style.split("/")[1] for p in probes if "/" in p.style}
    assert {"name", "id", "odd-case", "look-alike", "zero-width", "sql", "path"} <= variants
    assert {p.via for p in probes} == {"ask", "search"}
    assert generate(SAMPLE_ORGS, SAMPLE_USERS) == probes  # deterministic


def test_the_leak_check_finds_leaks(adv):
    """The counter can fail: the same questions asked by an admin, judged as a consultant's, leak."""
    check = LeakCheck(adv.index, SAMPLE_ORGS)
    p = Probe("ctl", "root", "What are our biggest data gaps?", "northbridge-academic")
    ans = adv.ask(p.question, org=p.org, user="root")
    text = ans.answer + "".join(c.quote for c in ans.citations)
    leaks = check.leaks(p, "ask", {"meridian-health"}, text, [c.chunk_id for c in ans.citations])
    assert {x.org for x in leaks} == {"northbridge-academic"}
    assert any(x.what.startswith("chunk ") for x in leaks) and any(x.what.startswith("text ") for x in leaks)
    said = Probe("ctl2", "root", "Tell me about Northbridge", None)
    assert check.leaks(said, "ask", {"meridian-health"}, "Northbridge is not yours", []) == []  # an echo
    assert check.leaks(p, "ask", {"meridian-health"}, "Prairie Bend Community Hospital", [])  # not an echo


def test_no_probe_leaks_through_the_library(adv):
    probes = generate(SAMPLE_ORGS, SAMPLE_USERS)
    report = run_api(adv, probes, LeakCheck(adv.index, SAMPLE_ORGS))
    print("access probes (library):", report.summary(), dict(report.styles))
    assert report.total >= 1000
    assert report.leaks == [], report.leaks[:10]
    grants = {u.name: set(u.orgs) for u in SAMPLE_USERS}
    refused = sum(1 for p in probes if p.org and p.org not in grants[p.user])  # every one is denied
    assert report.denied == refused >= 260 and report.answered == report.total - refused and report.errors == 0


def test_no_probe_leaks_through_the_cli(probe_env, adv):
    probes = [p for p in generate(SAMPLE_ORGS, SAMPLE_USERS) if not p.history][::25]
    runner = CliRunner()

    def invoke(args: list[str]) -> tuple[int, str, str]:
        res = runner.invoke(main, args)
        return res.exit_code, res.stdout, res.stderr

    report = run_cli(invoke, adv, probes, LeakCheck(adv.index, SAMPLE_ORGS))
    print("access probes (CLI):", report.summary())
    assert report.total >= 40 and report.leaks == [], report.leaks[:10]
    assert report.denied and report.answered


def test_granted_organizations_still_answer(adv):
    ans = adv.ask("What are our biggest data gaps?", org="meridian-health", user="cons-meridian")
    assert ans.citations and all(
        c.source.startswith("corpus/assessment/results/meridian") or "guidance" in c.source for c in ans.citations
    )
    with pytest.raises(AccessDenied, match="'northbridge-academic'"):
        adv.ask("What are our biggest data gaps?", org="northbridge-academic", user="cons-meridian")
    clarify = adv.ask("What are our biggest data gaps?", user="cons-two")
    assert "Meridian Health Partners" in clarify.answer and "Prairie Bend" in clarify.answer
    assert "Northbridge" not in clarify.answer
    # the local operator is told an unknown organization is unknown, not the list of every organization
    unknown = adv.ask("What are our biggest data gaps?", org="riverside")
    assert "advisor orgs" in unknown.answer and "Meridian" not in unknown.answer
    assert [o["org"] for o in adv.organizations("exec-prairie")] == ["prairie-bend-cah"]
    with pytest.raises(AccessDenied):
        adv.history("meridian-health", user="exec-prairie")
    assert adv.history("prairie-bend-cah", user="exec-prairie").assessments


def test_cli_acts_as_the_user(probe_env, tmp_path):
    import json

    runner = CliRunner()
    res = runner.invoke(main, ["orgs", "--user", "cons-meridian", "--json"])
    assert res.exit_code == 0 and [o["org"] for o in json.loads(res.stdout)] == ["meridian-health"]
    res = runner.invoke(main, ["recommend", "--org", "northbridge-academic", "--user", "cons-meridian",
                               "--out", str(tmp_path / "plan.md")])  # fmt: skip
    assert res.exit_code == 1 and "may not see the organization 'northbridge-academic'" in res.stderr
    assert not (tmp_path / "plan.md").exists()
    res = runner.invoke(main, ["recommend", "--org", "riverside", "--out", str(tmp_path / "plan.md")])
    assert res.exit_code == 2 and "advisor orgs" in res.stderr
    assert not any(o.org in res.stderr or o.name in res.stderr for o in SAMPLE_ORGS)
    res = runner.invoke(main, ["ask", "What are our biggest data gaps?", "--user", "ghost"])
    assert res.exit_code == 1 and "no active user named 'ghost'" in res.stderr
