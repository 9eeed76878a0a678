"""Checking the hash chain: every row's hash over its own values, each row linked to the one
before it, no row missing at the start, in the middle or at the end."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .records import GENESIS, Verification, row_hash


def verify_rows(rows: Sequence[Any], head: Any, seq: int) -> Verification:
    """Rows in id order; `head` the chain record (anchor and last row); `seq` SQLite's
    AUTOINCREMENT counter (the highest id ever written)."""
    anchor_id = head["anchor_id"] if head is not None else 0
    prev = head["anchor_hash"] if head is not None else GENESIS
    expected = anchor_id + 1
    count = 0
    for r in rows:
        if r["id"] != expected:
            gap = f"rows {expected}-{r['id'] - 1} are" if r["id"] - expected > 1 else f"row {expected} is"
            return Verification(
                False, count, first_bad=expected, problem=f"{gap} missing (row {r['id']} follows row {expected - 1})"
            )
        if row_hash(r) != r["hash"]:
            return Verification(
                False,
                count,
                first_bad=r["id"],
                problem=f"row {r['id']} was altered: its contents do not match its hash",
            )
        if r["prev_hash"] != prev:
            bad = r["id"] - 1 if r["id"] > anchor_id + 1 else r["id"]
            return Verification(
                False, count, first_bad=bad,
                problem=f"row {r['id']} does not chain to the row before it: row {bad} was altered or replaced",
            )  # fmt: skip
        prev, expected, count = r["hash"], expected + 1, count + 1
    last = max(seq, head["last_id"] if head is not None else 0)
    if last >= expected:
        what = f"rows {expected}-{last} are" if last > expected else f"row {expected} is"
        return Verification(
            False, count, first_bad=expected, problem=f"{what} missing (the trail recorded {last} rows)"
        )
    if head is not None and head["last_hash"] != prev:
        return Verification(
            False, count, first_bad=expected - 1, problem=f"row {expected - 1} is not the row the trail last recorded"
        )
    return Verification(True, count, head=prev)
