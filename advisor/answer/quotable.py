"""What of a passage may be quoted, read into `Unit`s (verbatim sentences, list items and table rows
pointing at their lead-in): never a heading, a table-of-contents line, page furniture, a fragment,
a planted instruction or text the extractor marked unsafe to quote."""

from __future__ import annotations

import itertools
import re

from ..chunk import Chunk, unsafe_spans
from ..guard import contact_details, looks_like_injection, without_addresses
from ..ingest.chunking import table_head
from ..text import (
    AGENT_CLAUSE,
    DEFINED_TERM,
    ITEM_SEPARATOR,
    broken_word,
    content_words,
    reference_entry,
    sentence_spans,
)
from .fields import CUT, FIELD, dangling, field_line, field_spans
from .leads import AUXILIARY, label_lead, section_lead, title_words
from .letterhead import letterhead
from .signoff import signature_block
from .status import coded_line, graded_line, status_line
from .sublists import hang_sub_lists, left_open, next_in_list, outer_item, sub_list_lead
from .tiles import figure_tile
from .unit import Unit, UnitKind

__all__ = [
    "Unit",
    "UnitKind",
    "broken_word",
    "continue_lists",
    "field_beside",
    "field_line",
    "framed",
    "heading_like",
    "introduces",
    "item_body",
    "read_units",
    "stages_asked",
    "unsafe_spans",
    "whole_sentence",
]


_BULLET = re.compile(r"(?:[-*•▪–◦●]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{2,5}[.)]|\([A-Z]\))\s+")  # "(A)", "(ii)"
_CLAUSE_NUMBER = re.compile(r"(?:§\s?)?\d{1,3}(?:\.\d{1,3})+\.?\s+(?=[A-Z][a-z])")
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")
_LEADERS = re.compile(r"(?:\.\s?){5,}|(?:…\s?){2,}")
_TOC = re.compile(r"(?:\.\s?){4,}|…|\.{3}\s*\d|\s\d{1,3}\s*$")
_IDENT_HEAD = re.compile(r"^(?:[A-Z]{2,}(?:[ -]\d+(?:\.\d+)*)|\d+(?:\.\d+)+|[IVX]+\.)\s")


def heading_like(line: str) -> bool:
    """A heading, caption or table-of-contents line: dot leaders or a trailing page number, or
    a short line without a verb whose words are mostly capitalised ("Suggested Actions",
    "GOVERN 1.6", "Architectural Model of the National Digital Health System 1.1")."""
    s = line.strip().rstrip(":").strip()
    if not s:
        return True
    words = title_words(s)
    if not words:
        return True  # numbers and symbols only: a page number, a rule
    caps = sum(1 for w in words if w[0].isupper()) / len(words)
    if _TOC.search(s) and caps >= 0.5:
        return True
    if len(words) > 14 or AUXILIARY.search(s) or _TERMINAL.search(s):
        return False
    return caps >= 0.7 or bool(_IDENT_HEAD.match(s) and len(words) <= 8)


def field_beside(a: Unit, b: Unit) -> bool:
    """Is `b` a field right after the sentence `a` in its paragraph ("Phase 2 runs from July 2026
    to December 2027." "Main deliverables: digital credentials ...")? The field says what the
    sentence's subject does, the sentence when: quoted together, they are read together."""
    if a.chunk is not b.chunk or b.position != a.position + 1 or a.kind is not UnitKind.SENTENCE or b.listed:
        return False
    return "\n\n" not in a.chunk.text[a.end : b.start] and field_line(" ".join(b.text.split()))


def whole_sentence(text: str) -> bool:
    """A sentence that stands alone: starts a sentence, ends one, long enough, not dangling,
    balanced brackets, no table-of-contents leaders, not a reference entry or an instruction."""
    s = text.strip()
    if len(s) < 25 or len(s.split()) < 5:
        return False
    term = DEFINED_TERM.match(s) is not None  # '"operator" means the licensee ...;' in a definitions list
    s = ITEM_SEPARATOR.sub(".", s) if term else s
    first = s.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit() or term):
        return False  # starts mid-sentence ("and the model ...")
    if not _TERMINAL.search(s) or dangling(s.rstrip(".!?\"'”’)] ")):
        return False
    if s.count("(") != s.count(")") or s.count("[") != s.count("]"):
        return False
    if not re.search(r"[a-z]{3,}", s) or (_TOC.search(s.rstrip(".")) and heading_like(s.rstrip("."))):
        return False
    coded = _CODED_TITLE.match(s)
    if coded and heading_like(coded.group(1).rstrip(". ")):
        return False  # a document's code and title: "GAO-21-519SP: AI Accountability Framework for ... Entities."
    return not (reference_entry(s) or looks_like_injection(s))


#: A reference entry: a document's code, a colon and its title ("NISTIR 8312: Four Principles ...").
_CODED_TITLE = re.compile(r"^[A-Z][A-Za-z]*[-. ]?\d[\w.-]*:\s+(.+)$", re.S)
_FIGURE_END = re.compile(r"\d%?\)?$")


#: A figure with its label, a line of its own ("2.1 h median earlier recognition"): a slide's statement.
_FIGURE_FIRST = re.compile(r"^(?:[$€£]?\d[\d,.]*\s?(?:%|[a-z]{1,3}\b)|\d+ in \d+)\s+[a-z][\w-]*(?:\s+[\w().%-]+){2,}$")


def _stated_result(sentence: str) -> bool:
    """A result a table cell or field ends on without a full stop ("... specificity was 89.5%
    (95% CI: 84.0%, 93.7%)"): whole but for the stop, when it ends its paragraph on a figure."""
    if not _FIGURE_END.search(sentence) or CUT.search(sentence) or heading_like(sentence):
        return False
    return whole_sentence(sentence + ".")


def _group_label(line: str, blocks: list[tuple[int, int]], i: int, text: str) -> bool:
    """A table's group label ("Sex", "Age band"): a short line without a stop, between two rows."""
    line = line.strip()
    if " | " in line or "\n" in line or not line or len(line.split()) > 5 or _TERMINAL.search(line):
        return False
    return i + 1 < len(blocks) and " | " in text[blocks[i + 1][0] : blocks[i + 1][1]]


def _continues(prev: Unit, sentence: str, gap: str) -> bool:
    """Does `sentence` finish `prev`, which a paragraph break cut (no full stop, an open
    bracket, or a next part starting in lower case)?"""
    if gap.strip() or _TERMINAL.search(prev.text) or prev.text.rstrip().endswith(":") or not sentence:
        return False
    if heading_like(prev.text) or field_line(" ".join(prev.text.split())):
        return False
    flat = " ".join(prev.text.split())
    if dangling(flat) or CUT.search(flat):
        return True  # "... in place to address" + "AI risks and benefits ..."
    return prev.text.count("(") > prev.text.count(")") or sentence[:1].islower() or sentence[:1] in ")]"


def _strip_heading_lines(text: str, start: int) -> tuple[str, int]:
    """A sentence span without the heading or furniture lines that extraction ran into it
    ("Suggested Actions\\nEstablish ..." -> "Establish ...")."""
    while "\n" in text:
        first, rest = text.split("\n", 1)
        nxt = rest.lstrip()
        if not (heading_like(first) and nxt[:1].isupper()):
            break
        start += len(text) - len(nxt)
        text = nxt
    # "4.1.1 Every new privilege ..." -> "Every new privilege ...": the clause number is the
    # section's, not part of what the sentence says ("1.5 FTE analysts" keeps its figure)
    number = _CLAUSE_NUMBER.match(text)
    if number:
        start += number.end()
        text = text[number.end() :]
    cut = _run_in_title(text)
    return text[cut:], start + cut


#: A clause's title run in before its first sentence ("Measurement. “Platform Availability” means
#: ...", "Dispute escalation. Any dispute ..."): a word or few, no verb, a full stop.
_RUN_IN = re.compile(r"^[A-Z][a-z]{3,}(?: [A-Za-z][a-z]+){0,3}\.\s+(?=[“\"A-Z(])")
#: Short answers and statuses that open a sentence as words of their own ("Yes. The vendor ...").
_SAID = frozenset(["yes", "none", "open", "closed", "done", "true", "false", "pending", "agreed", "approved"])


def _run_in_title(text: str) -> int:
    """The length of a clause's run-in title opening `text` (0 when there is none)."""
    m = _RUN_IN.match(text)
    if m is None:
        return 0
    words = m.group(0).rstrip(". \n").split()
    if words[0].lower() in _SAID or AUXILIARY.search(m.group(0)) or words[-1].endswith(("ed", "ing")):
        return 0
    return m.end()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of text, without its line break."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def read_units(chunk: Chunk) -> list[Unit]:
    """The chunk's quotable units in reading order: prose sentences, list items and table
    rows, each item and row tied to its lead-in (the prose sentence or header row before its
    list). Units that may not be quoted on their own have `ok` False."""
    text = chunk.text
    unsafe = unsafe_spans(chunk)
    units: list[Unit] = []
    group = -1
    last_prose: Unit | None = None
    orphans: set[int] = set()
    fields: set[int] = set()
    header: Unit | None = None
    label: Unit | None = None  # the framing lead-in of a list under a label line
    in_list = False
    numbers: dict[int, int] = {}  # an item's number in its list (0 for a bullet)
    blocks = _blocks(text)
    for i, (s, e) in enumerate(blocks):
        block = text[s:e]
        stripped = block.lstrip()
        if header is not None and units[-1].kind is UnitKind.ROW and _group_label(stripped, blocks, i, text):
            continue  # "Age band" between rows of one table labels the rows below it; the header still heads them
        offset = s + len(block) - len(stripped)
        bullet = _BULLET.match(stripped)
        if not units and s == 0 and bullet is None and _cut_item(stripped, text[e + 1 : e + 8]):
            bullet = re.match(r"", stripped)  # the chunk starts inside a list: packing cut this item's marker
        if " | " in stripped and "\n" not in stripped.strip():
            starts = not in_list or header is None or units[-1].kind is not UnitKind.ROW
            if starts and _field_row(stripped.strip()):
                # labelled fields side by side (a card's metric columns): each cell a field of its own
                units += _field_cells(chunk, offset, stripped.strip(), len(units))
                in_list, header, label = False, None, None
                continue
            run = itertools.takewhile(lambda r: " | " in r, (text[a:b].strip() for a, b in blocks[i : i + 12]))
            if starts and (head := table_head(list(run))) and head != stripped.strip():
                units.append(Unit(stripped.strip(), chunk, offset, UnitKind.ROW, len(units), None, group, ok=False))
                continue  # a title line printed above a table's column headings heads none of its rows
            if starts:
                group += 1
                header = Unit(stripped.strip(), chunk, offset, UnitKind.ROW, len(units), last_prose, group, ok=False)
                units.append(header)
                in_list = True
                continue
            units.append(Unit(stripped.strip(), chunk, offset, UnitKind.ROW, len(units), header, group))
            continue
        if bullet:
            if not in_list or units[-1].kind is not UnitKind.ITEM:
                group += 1
            cut = bullet.end() + _run_in_title(stripped[bullet.end() :])
            item = stripped[cut:].strip()
            start = offset + cut
            lead, lost = _list_lead(chunk, last_prose)
            units.append(
                Unit(item, chunk, start, UnitKind.ITEM, len(units), lead, group, ok=bool(item) and not left_open(item))
            )
            if lost:
                orphans.add(id(units[-1]))
            before = units[-2] if len(units) > 1 else None
            numbers[id(units[-1])] = _number(bullet.group(0))
            if before is not None and before.kind is UnitKind.SENTENCE and last_prose is None:
                # "Suggested actions:" heads its list, and so does a clause's title ("4.3 Patient notice.")
                label = label_lead(chunk, text[text.rfind("\n", 0, before.start) + 1 : before.start + len(before.text)])
            units[-1].lead = units[-1].lead or label
            if (
                units[-1].lead is None
                and before is not None
                and (before.kind is UnitKind.SENTENCE or id(before) in orphans)
                and last_prose is None
                and id(before) not in fields
            ):
                orphans.add(id(units[-1]))  # its lead-in is there but unquotable: the heading cannot stand in
            in_list = True
            continue
        in_list = False
        header = label = None
        for ss, se in (span for sp in sentence_spans(block) for span in field_spans(block, *sp)):
            sent, start = _strip_heading_lines(block[ss:se], s + ss)
            prev = units[-1] if units else None
            if prev is not None and prev.kind is UnitKind.SENTENCE and _continues(prev, sent, text[prev.end : start]):
                units.pop()  # extraction broke this sentence at a paragraph break: quote it whole
                sent, start = text[prev.start : start + len(sent)], prev.start
            unit = Unit(sent, chunk, start, UnitKind.SENTENCE, len(units))
            flat = " ".join(sent.split())
            whole, fieldish = whole_sentence(flat), field_line(flat)
            # a tile states its figure; it introduces no list (the bullets after it are the slide's own)
            tile = not (whole or fieldish) and se >= len(block.rstrip()) and figure_tile(flat)
            unit.ok = whole or fieldish or tile or _says_alone(flat, se >= len(block.rstrip()), chunk)
            if unit.ok and letterhead(flat):
                unit.ok, unit.contact = False, True  # where to write to, not a fact: for "whom do we contact"
            elif not unit.ok and contact_details(flat):
                masked = without_addresses(flat)
                unit.contact = whole_sentence(masked) or field_line(masked)
            units.append(unit)
            # a field ("Executive owner: ...") says its own fact: the list after it does not hang from it
            field = fieldish and not whole
            if field:
                fields.add(id(unit))
            last_prose = unit if unit.ok and not field and not tile else None
    _frame(chunk, units, numbers, orphans)
    _vet(units, unsafe, orphans)
    return units


def _says_alone(flat: str, ends_block: bool, chunk: Chunk) -> bool:
    """Does a line that is no whole sentence, field or tile still stand alone: a lead-in, a result
    ending its paragraph on a figure, a status or graded line, a letter's signature block, or a Word
    header's line stating the document's own codes ("Doc. Control No. MSR-7")?"""
    if _lead_in(flat) or status_line(flat) or graded_line(flat) or signature_block(flat):
        return True
    if ends_block and (_stated_result(flat) or _FIGURE_FIRST.match(flat) is not None):
        return True
    return bool(chunk.meta.get("running")) and coded_line(flat)


def _cut_item(block: str, after: str) -> bool:
    """Does the chunk open on a list item whose marker packing cut (one line, a list right after)?
    Not a lead-in ("The 14 recommendations below ...", "... as follows:") nor a field ("Executive
    owner: ..." over a slide's bullets)."""
    flat = " ".join(block.split())
    one_line = "\n" not in block.strip() and not block.rstrip().endswith(":")
    return one_line and not introduces(flat) and not field_line(flat) and bool(_BULLET.match(after.lstrip(" ")))


def _frame(chunk: Chunk, units: list[Unit], numbers: dict[int, int], orphans: set[int]) -> None:
    """Lead-ins for the items that have none: the heading's, a parent item's own words for its
    sub-list, a numbered stage's title for its steps."""
    framing = section_lead(chunk)
    for u in units:
        if u.kind is UnitKind.ITEM and u.lead is None and framing is not None and id(u) not in orphans:
            u.lead = framing
    hang_sub_lists(units)
    _stages(units, numbers, orphans)


_STAGES_ASKED = re.compile(r"\b(?:stages?|phases?|steps?|life[- ]?cycle|what order)\b", re.I)


def stages_asked(question: str) -> bool:
    """Does the question ask for a procedure's stages ("What stages does a request go through?")?"""
    return bool(_STAGES_ASKED.search(question))


def _number(marker: str) -> int:
    """An item's number from its marker ("4." is 4, "(2)" is 2; a bullet or letter is 0)."""
    digits = re.sub(r"\D", "", marker)
    return int(digits) if digits else 0


def _stages(units: list[Unit], numbers: dict[int, int], orphans: set[int]) -> None:
    """A list numbered again from 1 under a short title ("4. Go-live approval." then "1. The committee
    decides ..."): a stage over its steps, each step hanging from it ("Under 4. Go-live approval:")."""
    stage: Unit | None = None
    own = {id(u): u.lead for u in units}
    for before, u in itertools.pairwise(units):
        if u.kind is not UnitKind.ITEM or before.kind is not UnitKind.ITEM or u.group != before.group:
            stage = None
            continue
        if _restarts(u, before, numbers):
            before.ok, before.stage = False, True
            stage = Unit(f"Under {numbers[id(before)]}. {before.text.rstrip('. ')}:", u.chunk, -1, framing=True)
        if stage is not None and not u.stage:
            u.lead = stage
            orphans.discard(id(u))
    for u in units:
        if u.stage:
            u.lead = own[id(u)]


def _restarts(u: Unit, before: Unit, numbers: dict[int, int]) -> bool:
    """Does a list numbered again from 1 start under a short verbless title ("4. Go-live approval.")?"""
    return (
        numbers.get(id(u), 0) == 1
        and before.kind is UnitKind.ITEM
        and numbers.get(id(before), 0) >= 1
        and 0 < len(before.text.split()) <= 6
        and not AUXILIARY.search(before.text)
        and not before.text.rstrip().endswith(":")
        and before.text[:1].isupper()
    )


def _titles(u: Unit) -> bool:
    """Is the unit the document's title or its section's heading, repeated in the text?"""
    flat = " ".join(u.text.split()).rstrip(".").casefold()
    heads = [u.chunk.title, *u.chunk.section.split(" > ")[-1:]]
    return any(flat == " ".join(h.split()).rstrip(".").casefold() for h in heads if h)


def _vet(units: list[Unit], unsafe: list[tuple[int, int]], orphans: set[int]) -> None:
    """Mark the units that may not be quoted on their own (`ok` False)."""
    lost = _sub_items(units)
    for u in units:
        if any(a < u.start + len(u.text) and u.start < b for a, b in unsafe):
            u.ok = False
        elif u.ok and _titles(u) and not _COUNTED_FIELD.match(" ".join(u.text.split())):
            # "Model Card: Quillon Deterioration Watch" atop its page is its title, not a field; a
            # slide's heading that counts ("Ambient scribe pilot: 42 clinicians, 6 sites") states a fact
            u.ok = False
        elif u.ok and u.listed and (u.lead is None or (not u.lead.ok and u.kind is UnitKind.ITEM)):
            u.ok = False  # an item whose lead-in is lost: it would read as a fact of its own
        elif u.ok and id(u) in lost:
            u.ok = False  # a sub-item of an item ending ":": under the outer lead-in it reads as a fact
        elif u.ok and (broken_word(u.text) or looks_like_injection(u.text) or _LEADERS.search(u.text)):
            u.ok = False  # dot leaders are a contents page's, whatever the line round them
        elif u.ok and u.kind is UnitKind.ITEM and u.text.rstrip().endswith(":"):
            u.ok = False  # an item introducing a sub-list extraction flattened: it reads as a cut-off line
        elif (
            u.ok
            and u.kind is UnitKind.ITEM
            and (u.lead is None or u.lead.framing)
            and heading_like(u.text.rstrip(". "))
            and not _SENTENCE_CASE_FIELD.match(u.text)
        ):
            # a list of titles under a heading ("Datasheets for Datasets.") is a reading list
            u.ok, u.title = False, True


#: A field whose value counts something ("Ambient scribe pilot: 42 clinicians, 6 sites").
_COUNTED_FIELD = re.compile(r"^[A-Z][^:]{2,60}: (?:.*\s)?\d[\d,.]*%?\s+(?:of\s+\d+\s+)?[a-z]{3,}")
#: A field with its label in sentence case ("Restart decision: AI Oversight Committee"), no title.
_SENTENCE_CASE_FIELD = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)+: \S")


def _field_row(row: str) -> bool:
    """Is every cell of a table row a labelled field ("Label: value")?"""
    cells = row.split(" | ")
    return len(cells) > 1 and all(FIELD.match(c.strip()) for c in cells)


def _field_cells(chunk: Chunk, offset: int, row: str, position: int) -> list[Unit]:
    """The cells of a row of fields, each a unit quotable as a field line."""
    out: list[Unit] = []
    at = offset
    for cell in row.split(" | "):
        start = chunk.text.index(cell, at)
        at = start + len(cell)
        unit = Unit(cell, chunk, start, UnitKind.SENTENCE, position + len(out))
        unit.ok = field_line(" ".join(cell.split()))
        out.append(unit)
    return out


def framed(unit: Unit) -> str:
    """A unit as a reader takes it: a table row with each cell under its column heading and the table
    under its caption ("Table 2 ...: Class: Class B; Evidence required: 500 records"), a list item under
    its lead-in ("Out-of-scope uses: Patients younger than 22"), and its heading when the lead-in
    says no more than "The LASC should:"; a sentence as it is."""
    lead = unit.lead
    if lead is None or unit.kind is UnitKind.SENTENCE:
        return unit.text
    if unit.kind is UnitKind.ITEM:
        head = re.sub(r"^[\d.]+\s+", "", unit.chunk.section.split(" > ")[-1])
        terse = len(content_words(lead.text)) <= 2 and head.lower() not in lead.text.lower()
        return f"{head}: {lead.text} {unit.text}" if terse else f"{lead.text} {unit.text}"
    if unit.header_row is None:
        return unit.text
    heads, cells = lead.text.split(" | "), unit.text.split(" | ")
    body = "; ".join(f"{h}: {c}" for h, c in zip(heads, cells, strict=True)) if len(heads) == len(cells) else None
    caption = unit.chunk.section.split(" > ")[-1]
    return f"{caption}: {body or lead.text + '. ' + unit.text}"


def _sub_items(units: list[Unit]) -> set[int]:
    """Items of a sub-list extraction flattened into its parent list, under a lead-in written
    from the heading ("The suggested actions for X are:"): after an item ending ":" ("Some
    processes may include:"), the items of the same list that open lower-case continue that
    item; the heading's lead-in would present each as a suggested action (ids of the units).
    Under the document's own lead-in ("the Practitioner shall:") they stay part of its list."""
    out: set[int] = set()
    parent: Unit | None = None
    for u in units:
        if u.kind is not UnitKind.ITEM:
            parent = None
        elif u.text.rstrip().endswith(":"):
            parent = u
        elif parent is not None and u.group == parent.group and u.text[:1].islower() and not next_in_list(parent, u):
            if u.lead is not None and u.lead.framing:
                out.add(id(u))
        else:
            parent = None
    return out


def continue_lists(before: list[Unit], after: list[Unit]) -> None:
    """Items opening a chunk continue the list closing the chunk before it (the same section, split
    where a list runs long): they take its lead-in, and its list when its items are there too. The
    chunk's overlap with the one before (an item's last sentence) is no lead-in, nor quoted."""
    while before and after and after[0].kind is UnitKind.SENTENCE and before[-1].kind is UnitKind.ITEM:
        if after[0].text not in before[-1].text:
            break
        after[0].ok, after = False, after[1:]
    if not before or not after or after[0].kind is not UnitKind.ITEM:
        return
    if after[0].lead is not None and not after[0].lead.framing and after[0].lead.ok:
        return  # the chunk has its own lead-in
    last = before[-1]
    sub = sub_list_lead(last, after[0])
    if last.kind is UnitKind.SENTENCE and last.ok and _lead_in(" ".join(last.text.split())):
        lead, key = last, None
    elif sub is not None:
        lead, key = sub, None  # "(c) ... the following elements:" over "(1)" on the next page
    elif (outer := outer_item(before, after[0]) or last).kind is UnitKind.ITEM and outer.lead is not None:
        lead, key = outer.lead, outer.list_key  # "3." after "2."'s sub-items "a."–"c." goes on from "2."
    else:
        return
    for u in after:
        if u.kind is not UnitKind.ITEM or u.group != after[0].group:
            break
        if sub is not None and sub_list_lead(last, u) is None:
            break  # "(d)" after the sub-list: the outer list's next item
        if u.lead is not None and u.lead.chunk is u.chunk and not u.lead.framing and u.lead.ok and u.lead.start >= 0:
            continue  # "(A)" under this chunk's "(11) ... the following conditions:": its own sub-list
        u.lead, u.joined = lead, key


def _lead_in(sentence: str) -> bool:
    """A sentence that introduces a list ("Organizations can document the following:")."""
    s = sentence.strip()
    if re.search(r"[.!?][,;]", s):
        return False  # a sentence run into another ("... activities., Examples include:"): not one lead-in
    # "Resolved by the Board of Directors of X on 9 December 2025:" is capitalised like a heading,
    # but a participle with its agent makes it a clause
    clause = bool(AGENT_CLAUSE.search(s)) or bool(
        re.search(r"(?-i:\bthe following\b)", s)
    )  # "EP 3 The AIOC includes the following"
    return s.endswith(":") and len(s.split()) >= 3 and s[:1].isupper() and (clause or not heading_like(s))


#: A sentence announcing what follows it ("The following checks apply.", "Each request passes
#: three reviews.", "... as set out below."): a count of a plural noun that is no measure.
_ANNOUNCES = re.compile(
    r"\b(?:the following|as follows|(?:listed|set out|shown|given|described|outlined|summari[sz]ed) below|[a-z]+s below\b"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|[2-9]|1[0-2])"
    r"\s+(?:[\w-]+\s+){0,2}?(?!(?:seconds|minutes|hours|days|weeks|months|years|times|percent|points)\b)[a-z][\w-]*[a-z]s\b)",
    re.I,
)
#: "... as follows.", "..., including:", "... such as these.": a sentence ending on its list's cue.
_CUE_END = re.compile(r"\b(?:include|includes|including|such as|these|below|following)[.:]?$", re.I)


def introduces(sentence: str, alone: bool = False) -> bool:
    """Does a prose sentence before a list introduce it: a lead-in ending ":", a sentence
    announcing what follows or how many, or a paragraph of that one sentence (`alone`)? A
    paragraph's closing remark ("Policies that only address data security leave most
    characteristics ungoverned.") does not: the list belongs to the section's heading."""
    flat = " ".join(sentence.split())
    if flat.endswith("?"):
        return False  # a question before a list of questions is one of them
    if flat.endswith(":") or alone:
        return True
    return bool(_ANNOUNCES.search(flat) or _CUE_END.search(flat.rstrip(".")))


def _list_lead(chunk: Chunk, prose: Unit | None) -> tuple[Unit | None, bool]:
    """The lead-in of a list after the prose sentence `prose`, and whether its items are lost:
    the sentence frames the list only when it introduces it (or is its paragraph's only one);
    otherwise the heading does, and with no heading nothing gives the items their meaning."""
    if prose is None:
        return None, False
    paragraph = chunk.text[chunk.text.rfind("\n\n", 0, prose.start) + 1 : prose.end]
    if introduces(prose.text, alone=len(list(sentence_spans(paragraph.strip()))) == 1):
        return prose, False
    return None, section_lead(chunk) is None


_FINISHED = re.compile(r"[.!?][\"'”’)\]]*$")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of prose paragraphs, list items and table rows: a bullet or a table row starts a
    block of its own; a list item continues onto following lines until a blank line or the
    next item; prose paragraphs end at a blank line."""
    out: list[tuple[int, int]] = []
    cur: list[int] | None = None
    kind = ""
    for s, e in _lines(text):
        line = text[s:e]
        bare = line.strip()
        if not bare:
            if cur:
                out.append((cur[0], cur[1]))
            cur, kind = None, ""
            continue
        starts_item = bool(_BULLET.match(bare)) or " | " in bare
        # a paragraph at the margin after an item's finished sentence is no more of the item
        finished = cur is not None and _FINISHED.search(text[cur[0] : s].rstrip()) is not None
        after_item = kind == "item" and (" | " in bare or (finished and bare[:1].isupper() and not line[:1].isspace()))
        # a definitions list's next term ('"operator" means ...') after one closed by ";" is a sentence of its own
        term = cur is not None and DEFINED_TERM.match(bare) is not None and text[cur[0] : s].rstrip()[-1:] in ";:."
        if starts_item or cur is None or kind == "row" or after_item or term:
            if cur:
                out.append((cur[0], cur[1]))
            cur = [s, e]
            kind = "row" if " | " in bare else "item" if starts_item else "prose"
        else:
            cur[1] = e
    if cur:
        out.append((cur[0], cur[1]))
    return out


#: "...; and" closing a list item ties it to the next item: the item itself is whole
_ITEM_JOIN = re.compile(r"[;,]\s*(?:and|or)\s*$", re.I)


def item_body(unit: Unit) -> str:
    """A unit's text, a list item's without the "; and" tying it to the next item."""
    text = unit.text.strip()
    return _ITEM_JOIN.sub("", text) if unit.kind is UnitKind.ITEM else text
