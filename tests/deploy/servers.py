"""Throwaway servers for the shared-deployment tests, the browser tests and benchmarks, on free
loopback ports: a PostgreSQL cluster made with `initdb` in a temp folder, `chroma run`, and the
app itself (`python -m advisor.ui.serve`: `streamlit run` that warms the advisor as it starts, as deployed).

PostgreSQL refuses to run as root; as root the cluster is made and run as the `postgres`
system user that Debian's package creates (`apt-get install -y postgresql`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

# The processes of a shared deployment, as deploy/docker-compose.yml, deploy/Procfile and
# deploy/systemd run them ({...} are the values each deployment chooses). The replica test runs
# exactly these; test_deploy_files checks the deployment files still say the same.
APP_COMMAND = [
    "python",
    "-m",
    "advisor.ui.serve",
    "--server.address",
    "{host}",
    "--server.port",
    "{port}",
    "--server.headless",
    "true",
    "--server.fileWatcherType",
    "none",
    "--browser.gatherUsageStats",
    "false",
]
CHROMA_COMMAND = ["chroma", "run", "--path", "{path}", "--host", "{host}", "--port", "{port}"]
MIGRATE_COMMAND = ["advisor", "db", "upgrade"]
INDEX_COMMAND = ["advisor", "index"]
SHARED_ENV = ("ADVISOR_DATABASE_URL", "ADVISOR_CHROMA_URL", "ADVISOR_HOME", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE",
              "ANONYMIZED_TELEMETRY")  # fmt: skip


def fill(template: list[str], **values: str) -> list[str]:
    """A command template with its {placeholders} filled."""
    return [part.format(**values) for part in template]


def matches(template: list[str], command: list[str]) -> bool:
    """Whether a deployment file's command is the template (any value where it has a placeholder)."""
    return len(template) == len(command) and all(
        t.startswith("{") or t == c for t, c in zip(template, command, strict=True)
    )


ROOT = Path(__file__).resolve().parents[2]
PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)  # Debian: newest first


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin(name: str) -> str | None:
    """A PostgreSQL server program (Debian keeps them off PATH, under /usr/lib/postgresql/N/bin)."""
    for d in PG_BIN_DIRS:
        if (d / name).exists():
            return str(d / name)
    return shutil.which(name)


def postgres_missing() -> str:
    """Why a PostgreSQL cluster cannot be started here ("" when it can)."""
    if not pg_bin("initdb") or not pg_bin("pg_ctl"):
        return "PostgreSQL server programs not installed (apt-get install -y postgresql)"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser: cannot start PostgreSQL as another user"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg not installed (pip install 'psycopg[binary]==3.3.9')"
    return ""


def _as_owner(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextlib.contextmanager
def postgres_cluster(*, durable: bool = False, keep: Path | None = None) -> Iterator[str]:
    """A fresh cluster on a free loopback port; yields postgresql://advisor@127.0.0.1:PORT/advisor.

    `durable=False` (tests) turns fsync off: the data is thrown away anyway. `keep` (benchmarks)
    puts the cluster in that folder and leaves it there; a cluster already in it is started again."""
    base = keep or Path(tempfile.mkdtemp(prefix="advisor-pg-"))
    data, sock = base / "data", base / "sock"
    fresh = not (data / "PG_VERSION").exists()
    sock.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    port = free_port()
    log = base / "server.log"
    try:
        if fresh:
            subprocess.run(
                _as_owner([pg_bin("initdb") or "initdb", "-D", str(data), "-U", "advisor", "--auth=trust", "-E",
                           "UTF8", "--no-instructions"]),
                check=True, capture_output=True, text=True,
            )  # fmt: skip
        opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c max_connections=200"
        if not durable:
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(
            _as_owner([pg_bin("pg_ctl") or "pg_ctl", "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "60",
                       "start"]),
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        import psycopg

        if fresh:
            with psycopg.connect(f"postgresql://advisor@127.0.0.1:{port}/postgres", autocommit=True) as conn:
                conn.execute("CREATE DATABASE advisor")
        yield f"postgresql://advisor@127.0.0.1:{port}/advisor"
    except subprocess.CalledProcessError as exc:
        tail = log.read_text()[-2000:] if log.exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr or exc.stdout}\n{tail}") from None
    finally:
        subprocess.run(
            _as_owner([pg_bin("pg_ctl") or "pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)


def venv_exe(name: str) -> str:
    """A console script of this interpreter's environment (streamlit, chroma, advisor)."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def wait_until_up(proc: subprocess.Popen, url: str, log_path: Path, timeout: float) -> None:
    """Return once `url` answers; raise with the log's tail if the process ends or time runs out."""
    deadline = time.time() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                tail = log_path.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{Path(proc.args[0]).name} did not start ({url}):\n{tail}") from None
            time.sleep(0.25)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextlib.contextmanager
def serving(
    template: list[str],
    health: str,
    log_path: Path,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 90,
    **values: str,
) -> Iterator[str]:
    """`template` filled with a free loopback port (and `values`), run from the repository root
    until its `health` path answers; yields the server's URL and stops it afterwards."""
    port = free_port()
    cmd = fill(template, host="127.0.0.1", port=str(port), **values)
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([venv_exe(cmd[0]), *cmd[1:]], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_up(proc, url + health, log_path, timeout)
            yield url
        finally:
            stop(proc)


@contextlib.contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """`chroma run` (CHROMA_COMMAND) on a free loopback port with its data under `path`; yields its URL."""
    path.mkdir(parents=True, exist_ok=True)
    with serving(CHROMA_COMMAND, "/api/v2/heartbeat", path.parent / f"{path.name}.chroma.log", path=str(path)) as url:
        yield url


@contextlib.contextmanager
def app_server(env: dict[str, str], log_path: Path, timeout: float = 90) -> Iterator[str]:
    """The app as deployed (APP_COMMAND) on a free loopback port with `env`; yields its URL once healthy."""
    with serving(APP_COMMAND, "/_stcore/health", log_path, env=env, timeout=timeout) as url:
        yield url
