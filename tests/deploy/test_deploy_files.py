"""deploy/ runs what the replica test runs: the same commands and the same variables in the
compose file, the Procfile and the systemd units (Docker cannot run here, so this is how the
compose file is kept honest), and the proxy keeps each browser on one replica."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from .servers import APP_COMMAND, CHROMA_COMMAND, INDEX_COMMAND, MIGRATE_COMMAND, SHARED_ENV, matches

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_services_run_the_tested_commands_with_the_tested_variables():
    services = _compose()["services"]
    assert {"postgres", "chroma", "migrate", "indexer", "app1", "app2", "proxy"} <= set(services)
    for name in ("app1", "app2"):
        assert matches(APP_COMMAND, services[name]["command"]), services[name]["command"]
        assert sorted(services[name]["environment"]) == sorted(SHARED_ENV)
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["app1"]["volumes"] != services["app2"]["volumes"]  # each replica its own home
    assert matches(CHROMA_COMMAND, services["chroma"]["command"])
    assert services["migrate"]["command"] == MIGRATE_COMMAND
    assert services["indexer"]["command"] == INDEX_COMMAND
    for job in ("migrate", "indexer"):
        assert sorted(services[job]["environment"]) == sorted(SHARED_ENV)


def test_compose_urls_point_at_its_own_database_and_chroma():
    services = _compose()["services"]
    env = services["app1"]["environment"]
    pg = services["postgres"]["environment"]
    m = re.fullmatch(
        r"postgresql://(\w+):\$\{ADVISOR_DB_PASSWORD[^}]*\}@postgres:5432/(\w+)", env["ADVISOR_DATABASE_URL"]
    )
    assert m and m.groups() == (pg["POSTGRES_USER"], pg["POSTGRES_DB"])
    chroma_cmd = services["chroma"]["command"]
    assert env["ADVISOR_CHROMA_URL"] == f"http://chroma:{chroma_cmd[chroma_cmd.index('--port') + 1]}"
    assert chroma_cmd[chroma_cmd.index("--path") + 1] in {v.split(":")[1] for v in services["chroma"]["volumes"]}


def test_proxy_is_sticky_and_passes_websockets_to_both_replicas():
    conf = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    upstream = re.search(r"upstream advisor_apps \{(.*?)\}", conf, re.S)
    assert upstream and "ip_hash;" in upstream.group(1)
    services = _compose()["services"]
    for name in ("app1", "app2"):
        cmd = services[name]["command"]
        assert f"server {name}:{cmd[cmd.index('--server.port') + 1]}" in upstream.group(1)
    assert "proxy_set_header Upgrade $http_upgrade;" in conf and "proxy_http_version 1.1;" in conf
    assert "./nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["proxy"]["volumes"]


def test_procfile_and_systemd_units_run_the_same_commands():
    procs = {}
    for line in (DEPLOY / "Procfile").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, cmd = line.split(":", 1)
            procs[name] = shlex.split(cmd)
    assert procs["release"] == MIGRATE_COMMAND and procs["indexer"] == INDEX_COMMAND
    assert matches(CHROMA_COMMAND, procs["chroma"])
    assert matches(APP_COMMAND, procs["app1"]) and matches(APP_COMMAND, procs["app2"])

    units = {}
    for unit in (DEPLOY / "systemd").glob("*.service"):
        text = unit.read_text(encoding="utf-8")
        exec_start = re.search(r"^ExecStart=(.*)$", text, re.M)
        assert exec_start and "EnvironmentFile=/etc/advisor/advisor.env" in text, unit.name
        cmd = shlex.split(exec_start.group(1))
        units[unit.name] = [Path(cmd[0]).name, *cmd[1:]]
    assert units["advisor-migrate.service"] == MIGRATE_COMMAND
    assert units["advisor-indexer.service"] == INDEX_COMMAND
    assert matches(CHROMA_COMMAND, units["advisor-chroma.service"])
    assert matches(APP_COMMAND, [p.replace("%i", "{port}") for p in units["advisor-app@.service"]])
    env_keys = [
        line.split("=", 1)[0]
        for line in (DEPLOY / "systemd" / "advisor.env").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert sorted(env_keys) == sorted(SHARED_ENV)
