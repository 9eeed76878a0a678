"""Run access probes as their users and count leaks: an organization's name, id or any of its
chunk text appearing where the user may not see it, or one of its chunks cited or returned.

    from evals.access.probe import LeakCheck, run_api, run_cli
    check = LeakCheck(advisor.index, SAMPLE_ORGS)
    report = run_api(advisor, probes, check)      # report.leaks must be empty

A name or id the probe itself typed (in its question, `org` or history) is not a leak when it
comes back (e.g. AccessDenied names the organization asked for); chunk text and chunk ids
always are.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from advisor.chunk import DocType
from advisor.errors import AccessDenied, AdvisorError
from evals.access.generate import _LOOKALIKE, Org, Probe

_UNFOLD = {ord(v): k for k, v in _LOOKALIKE.items()}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\x00"))
MIN_SENTENCE = 40


def fold(text: str) -> str:
    """Case, width, look-alike letters and invisible characters folded away; spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_UNFOLD).casefold()
    return " ".join(text.split())


@dataclass
class Leak:
    probe: str
    via: str
    org: str
    what: str


@dataclass
class Report:
    total: int = 0
    denied: int = 0
    answered: int = 0
    errors: int = 0
    leaks: list[Leak] = field(default_factory=list)
    styles: Counter = field(default_factory=Counter)

    def add(self, other: Report) -> None:
        self.total += other.total
        self.denied += other.denied
        self.answered += other.answered
        self.errors += other.errors
        self.leaks += other.leaks
        self.styles.update(other.styles)

    def summary(self) -> dict[str, Any]:
        return {"probes": self.total, "denied": self.denied, "answered": self.answered, "errors": self.errors,
                "leaks": len(self.leaks)}  # fmt: skip


class LeakCheck:
    """What would give each organization away: its id and names, the sentences of its chunks that
    no other organization or shared document has, and its chunk ids."""

    def __init__(self, index: Any, orgs: Iterable[Org]):
        self.names: dict[str, list[str]] = {o.org: [fold(o.org), fold(o.name), fold(o.short)] for o in orgs}
        self.chunk_org: dict[str, str] = {}
        sentences: dict[str, set[str]] = {}
        texts: dict[str, list[str]] = {}  # owner -> its chunk texts, folded
        for row in index.files():
            for c in index.chunks_for_source(row["source"]):
                if c.org:
                    self.chunk_org[c.chunk_id] = c.org
                owner = c.org if c.doc_type == DocType.ASSESSMENT and c.org else ""
                texts.setdefault(owner, []).append(fold(c.text))
                for s in re.split(r"(?<=[.;:!?])\s+|\n+", c.text):
                    s = fold(s)
                    if len(s) >= MIN_SENTENCE:
                        sentences.setdefault(s, set()).add(owner)
        self.text: dict[str, list[str]] = {}
        for s, owners in sentences.items():
            if len(owners) != 1 or "" in owners:
                continue
            owner = next(iter(owners))
            # unique to one organization: not even inside anyone else's text (the tail of a
            # list of control ids another organization's chunk also ends with gives nothing away)
            if not any(s in t for o, ts in texts.items() if o != owner for t in ts):
                self.text.setdefault(owner, []).append(s)

    def leaks(
        self, probe: Probe, via: str, visible: set[str] | None, output: str, chunk_ids: Iterable[str]
    ) -> list[Leak]:
        """Leaks in one probe's output. `visible` None: the caller sees every organization."""
        if visible is None:
            return []
        said = fold(" ".join([probe.question, probe.org or ""] + [str(h.get("content", "")) for h in probe.history]))
        out = fold(output)
        found = []
        for org, markers in self.names.items():
            if org in visible:
                continue
            found += [Leak(probe.id, via, org, f"name {m!r}") for m in markers if m in out and m not in said]
            found += [Leak(probe.id, via, org, f"text {s[:60]!r}") for s in self.text.get(org, []) if s in out]
        for cid in chunk_ids:
            org = self.chunk_org.get(cid, "")
            if org and org not in visible:
                found.append(Leak(probe.id, via, org, f"chunk {cid}"))
        return found


def _visible(advisor: Any, user: str) -> set[str] | None:
    access = advisor.access(user)
    return None if access.all_orgs else set(access.orgs)


def _answer_text(ans: Any) -> tuple[str, list[str]]:
    parts = [ans.answer, ans.notice, *ans.unsupported]
    for c in ans.citations:
        parts += [c.source, c.title, c.section, c.quote]
    return "\n".join(parts), [c.chunk_id for c in ans.citations] + [h.chunk.chunk_id for h in ans.hits]


def _hits_text(hits: list[Any]) -> tuple[str, list[str]]:
    rows = [h.to_dict() for h in hits]
    text = "\n".join(f"{r['title']}\n{r['source']}\n{r['section']}\n{r['org']}\n{r['text']}" for r in rows)
    return text, [r["chunk_id"] for r in rows]


def run_api(advisor: Any, probes: Iterable[Probe], check: LeakCheck) -> Report:
    """Each probe through `Advisor.ask` / `Advisor.search` in this process, as its user."""
    report = Report()
    for p in probes:
        report.total += 1
        report.styles[p.style.split("/")[0]] += 1
        try:
            if p.via == "search":
                text, ids = _hits_text(advisor.search(p.question, org=p.org, user=p.user))
            else:
                text, ids = _answer_text(advisor.ask(p.question, org=p.org, history=p.history, user=p.user))
            report.answered += 1
        except AccessDenied as exc:
            text, ids = str(exc), []
            report.denied += 1
        except AdvisorError as exc:
            text, ids = str(exc), []
            report.errors += 1
        report.leaks += check.leaks(p, p.via, _visible(advisor, p.user), text, ids)
    return report


def cli_args(p: Probe) -> list[str]:
    """The `advisor ask|search` command line for a probe (history cannot be passed: CLI probes have none)."""
    args = ["search" if p.via == "search" else "ask", p.question, "--user", p.user, "--json"]
    return args + (["--org", p.org] if p.org is not None else [])


def _printed(stdout: str) -> tuple[str, list[str]]:
    """The text and chunk ids of what `advisor ask|search --json` printed."""
    data = json.loads(stdout)
    rows = data if isinstance(data, list) else [data, *data.get("citations", [])]
    keys = ("answer", "source", "title", "section", "quote", "text", "org")
    text = "\n".join(str(r.get(k) or "") for r in rows for k in keys) + "\n".join(
        data.get("unsupported", []) if isinstance(data, dict) else []
    )
    return text, [r["chunk_id"] for r in rows if r.get("chunk_id")]


def run_cli(
    invoke: Callable[[list[str]], tuple[int, str, str]], advisor: Any, probes: Iterable[Probe], check: LeakCheck
) -> Report:
    """Each probe through the `advisor` command line (`invoke` runs it and returns the exit code,
    standard output and standard error); history cannot be passed there, so those probes are skipped."""
    report = Report()
    for p in probes:
        if p.history:
            continue
        report.total += 1
        report.styles[p.style.split("/")[0]] += 1
        code, out, err = invoke(cli_args(p))
        text, ids = err, []
        if code == 0:
            report.answered += 1
            printed, ids = _printed(out)
            text += "\n" + printed
        elif "may not see" in err:
            report.denied += 1
        else:
            report.errors += 1
        report.leaks += check.leaks(p, "cli", _visible(advisor, p.user), text, ids)
    return report
