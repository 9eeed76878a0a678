"""Finding and reading results files: bytes to text, then JSON or CSV by extension or content."""

from __future__ import annotations

from pathlib import Path

from ..errors import AssessmentError
from .csvfile import parse_csv
from .instrument import DEFAULT_RESULTS_DIR, Instrument
from .jsonfile import parse_json
from .results import Results, ResultsFormat
from .schema import load_instrument

RESULTS_SUFFIXES = (".json", ".csv")


def discover_results(folder: str | Path | None = None) -> list[Path]:
    """Assessment results files (*.json, *.csv) under folder (default: the bundled samples)."""
    root = Path(folder) if folder is not None else DEFAULT_RESULTS_DIR
    if not root.is_dir():
        return []
    found = [
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in RESULTS_SUFFIXES
        and not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)
    ]
    return sorted(found)


def load_results(path: str | Path, instrument: Instrument | None = None) -> Results:
    """Read and validate a results file (JSON or CSV, by extension, else by content).

    Raises AssessmentError(file, problems) listing every problem, each naming the row or
    JSON index and field and saying how to fix it.
    """
    inst = instrument or load_instrument()
    p = Path(path)
    name = str(path)
    if not p.is_file():
        raise AssessmentError(name, ["file not found; give the path of a .json or .csv results file"])
    text = _decode(p.read_bytes(), name)
    if _format(text, p.suffix.lower(), name) == ResultsFormat.JSON:
        return parse_json(text, name, inst)
    return parse_csv(text, name, inst)


def _decode(data: bytes, name: str) -> str:
    """The file's text; AssessmentError when it is empty, binary or not UTF-8."""
    if not data.strip():
        raise AssessmentError(
            name, ["file is empty; expected a JSON object or a CSV with a header row (see corpus/assessment/README.md)"]
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AssessmentError(
            name, ["binary file, not a JSON or CSV results file; export the results as .json or .csv"]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AssessmentError(
            name,
            [
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}); save the file as UTF-8 "
                "(in Excel: Save As > 'CSV UTF-8')"
            ],
        ) from None
    if not text.strip():
        raise AssessmentError(name, ["file is empty; expected a JSON object or a CSV with a header row"])
    return text


def _format(text: str, ext: str, name: str) -> ResultsFormat:
    """JSON or CSV: by extension, else sniffed from the first character and the header line."""
    if ext == ".json":
        return ResultsFormat.JSON
    if ext == ".csv":
        return ResultsFormat.CSV
    head = text.lstrip()[:1]
    first = text.lstrip().splitlines()[0].lower() if text.strip() else ""
    if head in "{[":
        return ResultsFormat.JSON
    if "question_id" in first and ("," in first or ";" in first or "\t" in first):
        return ResultsFormat.CSV
    raise AssessmentError(
        name,
        [
            f"not a JSON or CSV assessment results file (extension {ext or 'none'!r}); "
            "export the results as .json or .csv (see corpus/assessment/README.md)"
        ],
    )
