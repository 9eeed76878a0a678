"""Files a user hands the app: assessment results checked before anything is saved (each
problem placed next to the row or entry that has it), then written without overwriting
silently; documents stored under safe, unique names."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..assessment import Instrument, Results, check_names, csv_records, load_results
from ..errors import Problem
from ..library import Library
from ..safety.cells import neutralize_formula
from ..settings import Settings

RESULTS_COLUMNS = ["org", "org_name", "assessment_date", "assessor", "question_id", "score", "evidence", "owner"]

# Locations in today's problem text; used only for problems that are plain strings.


# ------------------------------------------------------------------ validation problems


def csv_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and numbered data rows of a results CSV, numbered as a spreadsheet shows them."""
    try:
        numbered = csv_records(text)
    except csv.Error:
        return [], []
    if not numbered:
        return [], []
    header = [c.strip().lstrip("\ufeff") for c in numbered[0][1]]
    return header, numbered[1:]


def _by_location(problems: Iterable[Problem]) -> tuple[dict[int, list[str]], list[str]]:
    """Problem texts by the CSV data row or JSON entry they name, and the ones naming neither
    (whole-file and header problems: the header is spreadsheet row 1)."""
    by_row: dict[int, list[str]] = {}
    general: list[str] = []
    for p in problems:
        if p.rows and 1 not in p.rows:
            for r in p.rows:
                by_row.setdefault(r, []).append(str(p))
        elif p.result_index is not None:
            by_row.setdefault(p.result_index, []).append(str(p))
        else:
            general.append(str(p))
    return by_row, general


def _json_records(text: str, by_row: dict[int, list[str]]) -> list[dict]:
    try:
        items = json.loads(text).get("results") or []
    except (ValueError, AttributeError):
        items = []
    records = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        item = item if isinstance(item, dict) else {"value": item}
        records.append(
            {
                "entry": f"results[{i}]",
                "problem": " | ".join(by_row.get(i, [])),
                **{k: "" if v is None else str(v) for k, v in item.items()},
            }
        )
    return records


def problems_table(data: bytes, filename: str, problems: list[Problem]) -> tuple[pd.DataFrame, list[str]]:
    """(rows DataFrame with a `problem` column next to each offending row, general problems).

    CSV rows keep their spreadsheet row numbers; JSON entries keep their `results[i]` index."""
    by_row, general = _by_location(problems)
    text = data.decode("utf-8-sig", errors="replace")
    if filename.lower().endswith(".json") or text.lstrip().startswith("{"):
        records, key = _json_records(text, by_row), "entry"
    else:
        header, rows = csv_rows(text)
        records, key = [], "row"
        for n, rec in rows:
            cells = {h or f"column {j + 1}": (rec[j] if j < len(rec) else "") for j, h in enumerate(header)}
            records.append({"row": n, "problem": " | ".join(by_row.get(n, [])), **cells})
        # header-row problems (row 1) are shown with the general problems
        general += by_row.get(1, []) if header else []
    df = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=[key, "problem"])
    return df, general


# ------------------------------------------------------------------ assessment results


def check_results(
    data: bytes, suffix: str, instrument: Instrument, library: Library | None = None, name: str = ""
) -> Results:
    """Validate results file contents before anything is saved (raises AssessmentError). With the
    library, an organization taking another organization's display name is refused too."""
    with tempfile.TemporaryDirectory() as tmpd:
        draft = Path(tmpd) / f"upload{suffix}"
        draft.write_bytes(data)
        results = load_results(draft, instrument)
    if library is not None:
        check_names(results, library.stored_names(), name or f"upload{suffix}")
    return results


def form_document(
    instrument: Instrument,
    *,
    org: str,
    org_name: str,
    date: str,
    assessor: str,
    answers: dict[str, tuple[int | None, str, str]],
) -> bytes:
    """The JSON results file of a filled-in form; answers are {question id: (score, evidence,
    owner)}, and questions with none of the three are left out."""
    results = [
        {"question_id": qid, "score": sc, "evidence": ev, "owner": ow}
        for qid, (sc, ev, ow) in answers.items()
        if sc is not None or ev or ow
    ]
    doc = {
        "org": org,
        "org_name": org_name,
        "assessment_date": date,
        "assessor": assessor,
        "instrument_version": instrument.version,
        "results": results,
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def csv_template(instrument: Instrument, org: str, org_name: str, date: str) -> str:
    """A results CSV with one row per question, ready to fill in."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(RESULTS_COLUMNS)
    for q in instrument.questions:
        w.writerow([neutralize_formula(v) for v in (org, org_name, date, "", q.id, "", "", "")])
    return out.getvalue()


def assessment_conflicts(lib: Library, org: str, date: str, target: Path) -> list[str]:
    """Results already on file for this organization and date (never overwritten silently)."""
    found = [str(target)] if target.exists() else []
    found += [f.source for f in lib.results_files(org) if f.date == date and str(f.path) != str(target)]
    return found


def write_atomic(data: bytes, target: Path) -> None:
    """Write the file whole or not at all (a crash never leaves half a results file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


# ------------------------------------------------------------------ documents


def upload_limit_mb(settings: Settings) -> int:
    """The per-file upload limit every file uploader shows and enforces: ADVISOR_MAX_FILE_MB,
    rounded up to whole megabytes (Streamlit's `max_upload_size`)."""
    return max(1, math.ceil(settings.max_file_mb))


def safe_filename(name: str, default: str = "document") -> str:
    """A file name safe to store: no folders, no leading dots, only ordinary characters."""
    base = Path(name or "").name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-_") or default
    suffix = re.sub(r"[^a-z0-9.]", "", suffix)
    return f"{stem[:80]}{suffix}"


def unique_path(folder: Path, name: str, data: bytes) -> tuple[Path, bool]:
    """Where to store `data` as `name` in folder without overwriting a different file:
    (path, already_there) — already_there when an identical file exists under that name."""
    p = folder / name
    n = 2
    while p.exists():
        try:
            if p.read_bytes() == data:
                return p, True
        except OSError:
            pass
        p = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return p, False
