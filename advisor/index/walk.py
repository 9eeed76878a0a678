"""Which files an indexing run reads: folders walked without leaving them.

A symbolic link inside a folder is followed only when it stays inside that folder; one leading
out (to /etc/passwd, say) is refused, and a link loop or a dangling link is one line in the
report, the rest of the batch being indexed. File names are cleaned before they reach a
message (`clean_name`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..ingest import LOADERS
from .sources import clean_name

Report = Callable[[Path, str], None]


def _resolve(p: Path) -> Path | None:
    """The real path, or None for a link loop or a dangling link."""
    try:
        return p.resolve(strict=True)
    except (RuntimeError, OSError):  # RuntimeError: a symlink loop (Python < 3.13)
        return None


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _link_problem(p: Path, root: Path) -> str:
    """Why a symbolic link under `root` is not followed ("" when it may be)."""
    target = _resolve(p)
    if target is None:
        return "symbolic link loop or dangling link; skipped"
    if not _inside(target, root):
        return f"symbolic link to {clean_name(target)}, outside the indexed folder {clean_name(root)}; refused"
    return ""


def _walk(folder: Path, files: list[Path], skipped: list[str], report: Report) -> None:
    root = folder.resolve()
    for here, dirs, names in os.walk(folder):
        base = Path(here)
        kept = []
        for d in sorted(dirs):
            if d.startswith(".") or d == "__pycache__":
                continue
            p = base / d
            if p.is_symlink():
                problem = _link_problem(p, root)
                if problem:
                    report(p, problem)
                continue  # a link inside the folder: its files are walked at their real place
            kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            if name.startswith("."):
                continue
            p = base / name
            if p.is_symlink():
                problem = _link_problem(p, root)
                if problem:
                    report(p, problem)
                    continue
            if p.suffix.lower() in LOADERS:
                files.append(p)
            else:
                skipped.append(clean_name(p))


def expand(targets: list[Path], report: Report, skipped: list[str]) -> tuple[list[Path], list[Path]]:
    """The files to index (each once) and the folders named; problems go to `report` as one line each."""
    files: list[Path] = []
    folders: list[Path] = []
    for t in targets:
        if t.is_symlink() and _resolve(t) is None:
            report(t, "symbolic link loop or dangling link; skipped")
        elif t.is_dir():
            folders.append(t.resolve())
            _walk(t, files, skipped, report)
        elif t.exists():
            files.append(t)  # a file named explicitly is read wherever it lives
        else:
            report(t, "no such file or folder")
    unique: dict[str, Path] = {}
    for f in files:
        real = _resolve(f)
        if real is None:
            report(f, "symbolic link loop or dangling link; skipped")
            continue
        unique.setdefault(str(real), f)
    return list(unique.values()), folders
