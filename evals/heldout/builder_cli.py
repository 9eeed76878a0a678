"""The command line the held-out builders share: ``python build_X.py --out DIR`` builds one document
into DIR and prints its path (`build.py` builds them all); and reportlab set to write the same bytes
for the same document, which the reportlab builders build in."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def run(build: Callable[[Path], Path], doc: str | None, argv: list[str] | None = None) -> int:
    """Parse ``--out DIR``, build the document there with `build`, print its path."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the document")
    print(build(ap.parse_args(argv).out))
    return 0


@contextmanager
def invariant_pdf() -> Iterator[None]:
    """Inside, reportlab writes no timestamps or random ids: the same document, the same bytes."""
    from reportlab import rl_config

    before = rl_config.invariant
    rl_config.invariant = 1
    try:
        yield
    finally:
        rl_config.invariant = before
