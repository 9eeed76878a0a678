"""Urgent risks in an assessment's evidence notes: the patterns of roadmap.yaml's `urgent`
section, checked when the roadmap loads, and the findings they give for one scorecard.

A finding is a step to take now ("Review the sepsis model's performance now"), found in the
words the assessment itself records, not in a score: a deployed model nobody has reviewed,
a tool that went live without validation, an open incident, a lapsed BAA, PHI in public
chatbots. Which words mean which risk is data (the YAML), never code fitted to one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import assessment as A
from .wording import lower_first

SUBJECT = "{subject}"
_CLAUSE = re.compile(r"[^.;]+(?:[.;]|$)")  # an evidence note is one or two sentences; a clause ends at . or ;
_FIELDS = ("key", "match", "unless", "step", "subject")


@dataclass(frozen=True)
class UrgentRisk:
    """One kind of urgent risk: the patterns that find it and the step it calls for."""

    key: str
    match: tuple[re.Pattern[str], ...]
    step: str  # template: {subject}, {subject_possessive}
    unless: tuple[re.Pattern[str], ...] = ()
    subject: str = ""  # when a pattern names no subject


@dataclass(frozen=True)
class Finding:
    """An urgent risk found in one question's evidence note."""

    risk: str  # the UrgentRisk key
    question_id: str
    step: str  # "Review the sepsis model's performance now"
    clause: str  # the evidence clause that shows it, as written
    rank: int  # the risk's position in roadmap.yaml (most urgent first)


def possessive(subject: str) -> str:
    """ "the sepsis model" -> "the sepsis model's"; "deployed AI tools" -> "deployed AI tools'"."""
    return subject + ("'" if subject.endswith("s") and not subject.endswith("ss") else "'s")


def _subject(m: re.Match[str], risk: UrgentRisk) -> str:
    found = m.groupdict().get("subject") or risk.subject
    return lower_first(" ".join(found.split()))


def find_urgent(card: A.Scorecard, risks: tuple[UrgentRisk, ...]) -> list[Finding]:
    """Every urgent finding in the scorecard's evidence notes, most urgent risk first, then in
    the scorecard's order; one step per evidence note (the first risk that matches a clause)."""
    notes = [(g.question_id, g.evidence) for g in card.gaps] + [(s.question_id, s.evidence) for s in card.strengths]
    out: list[Finding] = []
    for qid, note in notes:
        clauses = [c.group(0).strip() for c in _CLAUSE.finditer(note or "")]
        found = next((f for rank, risk in enumerate(risks) if (f := _match(qid, clauses, rank, risk))), None)
        if found is not None:
            out.append(found)
    seen: set[str] = set()
    unique = []
    for f in sorted(out, key=lambda f: (f.rank, card_order(card, f.question_id))):
        if f.step not in seen:  # the same step from two notes is one step
            seen.add(f.step)
            unique.append(f)
    return unique


def _match(qid: str, clauses: list[str], rank: int, risk: UrgentRisk) -> Finding | None:
    for clause in clauses:
        m = next((x for p in risk.match if (x := p.search(clause))), None)
        if m is None or any(u.search(clause) for u in risk.unless):
            continue
        subject = _subject(m, risk)
        step = risk.step.format(subject=subject, subject_possessive=possessive(subject))
        return Finding(risk.key, qid, step[0].upper() + step[1:], clause.rstrip(".;").strip(), rank)
    return None


def card_order(card: A.Scorecard, qid: str) -> int:
    ids = [g.question_id for g in card.gaps] + [s.question_id for s in card.strengths]
    return ids.index(qid) if qid in ids else len(ids)


# --------------------------------------------------------------------------- loading


def _compile(where: str, raw: Any, subjects: str, problems: list[str], *, subject_ok: bool) -> list[re.Pattern[str]]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        problems.append(f"{where}: list one or more regular expressions (quoted strings)")
        return []
    out = []
    for i, text in enumerate(raw):
        if SUBJECT in text and not subject_ok:
            problems.append(f"{where}[{i}]: {{subject}} is only allowed in 'match'")
            continue
        try:
            out.append(re.compile(text.replace(SUBJECT, f"(?P<subject>{subjects})"), re.IGNORECASE))
        except re.error as exc:
            problems.append(f"{where}[{i}]: not a valid regular expression ({exc}); fix the pattern")
    return out


def parse_urgent(raw: Any, problems: list[str]) -> tuple[UrgentRisk, ...]:
    """The `urgent` section as records; each problem names the field and the fix."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not isinstance(raw.get("risks"), list):
        problems.append("field 'urgent' must be a mapping with 'subjects' (a regular expression) and a list 'risks'")
        return ()
    subjects = raw.get("subjects") or r"[\w' -]+?"
    try:
        re.compile(subjects)
    except re.error as exc:
        problems.append(f"urgent.subjects: not a valid regular expression ({exc}); fix the pattern")
        return ()
    out: list[UrgentRisk] = []
    keys: set[str] = set()
    for i, r in enumerate(raw["risks"]):
        where = f"urgent.risks[{i}]"
        if not isinstance(r, dict):
            problems.append(f"{where}: each risk must be a mapping with key, match and step")
            continue
        bad = len(problems)
        problems += [f"{where}: unknown field {k!r}; use {', '.join(_FIELDS)}" for k in r if k not in _FIELDS]
        key = str(r.get("key") or "").strip()
        if not key or key in keys:
            problems.append(f"{where}: field 'key' is missing or used twice; give each risk a unique key")
        keys.add(key)
        match = _compile(f"{where}.match", r.get("match"), subjects, problems, subject_ok=True)
        unless = _compile(f"{where}.unless", r.get("unless") or [], subjects, problems, subject_ok=False)
        step = r.get("step")
        if not isinstance(step, str) or not step.strip():
            problems.append(f"{where}: field 'step' is missing; write the step, e.g. \"Review {{subject}} now\"")
        elif "{subject" in step and not (r.get("subject") or all("subject" in p.groupindex for p in match)):
            problems.append(f"{where}: the step names {{subject}} but a pattern has none; add a 'subject' default")
        else:
            try:
                step.format(subject="x", subject_possessive="x's")
            except (KeyError, IndexError, ValueError):
                problems.append(f"{where}: field 'step' may only use {{subject}} and {{subject_possessive}}")
        if len(problems) == bad:
            out.append(UrgentRisk(key, tuple(match), step.strip(), tuple(unless), str(r.get("subject") or "")))
    return tuple(out)
