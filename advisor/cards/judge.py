"""Judging a card: each HTI-1 source attribute and each CHAI card field as present, partial or
missing, with verbatim quotes and pages (rules: corpus/frameworks/card-checks.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from ..frameworks import Catalog, Strength
from ..text import sentence_spans
from .data import Check, Checks
from .records import CHAI, HTI1, Card, CardField, Evidence, Item, Span, Status

MAX_QUOTE = 400  # characters; a longer sentence is cut at a word boundary (still verbatim)
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class ItemSpec:
    """What one item is judged on: the card fields that answer it, and how closely."""

    id: str
    name: str
    framework: str
    fields: tuple[tuple[str, Strength], ...]
    unmatched: str = ""  # why no card field can answer it (HTI-1 attributes with no counterpart)


@dataclass(frozen=True)
class Sentence:
    field: str
    page: int | None
    text: str


def item_specs(catalog: Catalog) -> list[ItemSpec]:
    """Every HTI-1 source attribute (mapped to card fields by the crosswalk), then every card field."""
    hti, chai = catalog.framework(HTI1), catalog.framework(CHAI)
    rows = [m for m in catalog.mappings() if m.source_framework == HTI1 and m.target_framework == CHAI]
    unmatched = {
        u.control: u.rationale
        for cw in catalog.crosswalks
        if cw.source == HTI1 and cw.target == CHAI
        for u in cw.unmatched
    }
    out = []
    for c in hti.assessable:
        fields = tuple((m.target, m.strength) for m in rows if m.source == c.id)
        out.append(ItemSpec(c.id, c.title, HTI1, fields, unmatched.get(c.id, "")))
    out += [ItemSpec(c.id, c.title, CHAI, ((c.id, Strength.EQUIVALENT),)) for c in chai.assessable]
    return out


def known_items(catalog: Catalog) -> frozenset[str]:
    return frozenset(c.id for fw in (HTI1, CHAI) for c in catalog.framework(fw).assessable)


def cap(text: str, limit: int = MAX_QUOTE) -> str:
    """The text, or its start cut at the last word boundary within `limit` (a verbatim prefix)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:")


def sentences(field: CardField, part: str = "") -> list[Sentence]:
    """The field's (or one metric part's) sentences, each within one span, with its page."""
    spans: list[Span] = field.parts.get(part, []) if part else field.spans
    out = []
    for span in spans:
        for line in span.text.split("\n"):
            for a, b in sentence_spans(line):
                if line[a:b].strip():
                    out.append(Sentence(field.id, span.page, line[a:b].strip()))
    return out


def filled(card: Card, field_id: str, checks: Checks) -> bool:
    f = card.fields.get(field_id)
    if f is None or not f.text:
        return False
    if f.parts:
        return any(not checks.is_placeholder(" ".join(s.text for s in sp)) for sp in f.parts.values())
    return not checks.is_placeholder(f.text)


def _scope(card: Card, check: Check, filled_ids: list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    for ref in check.fields or tuple(filled_ids):
        fid, _, part = ref.partition(".")
        if fid not in filled_ids:
            continue
        f = card.fields[fid]
        if part and not f.parts:  # a card that does not split the group into parts: read it whole
            if not any(x.field == fid for x in out):
                out += sentences(f)
        else:
            out += sentences(f, part)
    return out


def evaluate(check: Check, scope: list[Sentence]) -> tuple[bool, Sentence | None]:
    """(passed, sentence): the first sentence meeting the check; when none does (or an `unless`
    pattern appears), the sentence that comes closest (most patterns matched), if any."""
    hits = [(sum(1 for p in check.all if p.search(s.text)), s) for s in scope]
    best = max(hits, key=lambda h: h[0], default=(0, None))
    full = next((s for n, s in hits if n == len(check.all)), None)
    if full is not None and not any(u.search(s.text) for s in scope for u in check.unless):
        return True, full
    return False, (best[1] if best[0] else None)


def _placeholder_evidence(card: Card, spec: ItemSpec) -> tuple[list[Evidence], str]:
    for fid, _ in spec.fields:
        f = card.fields.get(fid)
        if f is not None and f.text and f.labeled:
            span = f.labeled[0]
            return [Evidence(span.page, cap(span.text))], f.text
    return [], ""


def _first_sentence(card: Card, ids: list[str]) -> list[Evidence]:
    for fid in ids:
        found = sentences(card.fields[fid])
        if found:
            return [Evidence(found[0].page, cap(found[0].text))]
    return []


def _elsewhere(card: Card, spec: ItemSpec, checks: Checks, item: Item) -> Item:
    """An item its own fields leave empty: present if another field states it (a card printed
    without that label), else missing, quoting the card's placeholder if it wrote one."""
    for check in checks.elsewhere.get(spec.id, ()):
        ids = [f.split(".")[0] for f in check.fields if filled(card, f.split(".")[0], checks)]
        ok, s = evaluate(check, _scope(card, check, ids))
        if ok and s is not None:
            item.status, item.evidence, item.fields = Status.PRESENT, [Evidence(s.page, cap(s.text))], [s.field]
            return item
    item.evidence, item.placeholder = _placeholder_evidence(card, spec)
    return item


def judge_item(card: Card, spec: ItemSpec, checks: Checks) -> Item:
    item = Item(spec.id, spec.name, spec.framework, Status.MISSING, fields=[f for f, _ in spec.fields])
    filled_ids = [fid for fid, _ in spec.fields if filled(card, fid, checks)]
    if not filled_ids:
        return _elsewhere(card, spec, checks, item)
    item.fields = filled_ids
    rules = checks.for_item(spec.id)
    found = {c.id: evaluate(c, _scope(card, c, filled_ids)) for c in rules}
    failed = [c for c in rules if not found[c.id][0]]
    item.lacking, item.asks = [c.id for c in failed], [c.asks for c in failed]
    equivalent = [fid for fid, strength in spec.fields if strength is Strength.EQUIVALENT and fid in filled_ids]
    if any(c.required for c in failed):
        item.status = Status.MISSING
        return item
    if failed or (not rules and not equivalent):
        item.status = Status.PARTIAL
        if not rules:
            item.asks = [f"a direct statement of {spec.name[:1].lower() + spec.name[1:]}"]
    else:
        item.status = Status.PRESENT
    quotes: list[Evidence] = []
    # what meets a check first, then what comes closest to the checks it fails
    ranked = [x for ok, x in found.values() if ok and x] + [x for ok, x in found.values() if not ok and x]
    # a sentence that meets several checks at once (the result with its interval) leads
    ranked.sort(key=lambda x: -sum(1 for c in rules if all(p.search(x.text) for p in c.all)))
    for s in ranked:
        ev = Evidence(s.page, cap(s.text))
        if ev not in quotes:
            quotes.append(ev)
    item.evidence = quotes[:MAX_EVIDENCE] or _first_sentence(card, equivalent + filled_ids)
    return item


def judge(card: Card, specs: list[ItemSpec], checks: Checks) -> list[Item]:
    return [judge_item(card, spec, checks) for spec in specs]
