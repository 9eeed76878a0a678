"""Text for the screen: document and model text as safe Markdown, answers with citation
chips, quotes highlighted in their passage, a conversation as a Markdown document.

Safety rule: document and model text is only ever shown through `escape_md` (or widgets
that do not interpret Markdown); nothing here produces HTML.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from datetime import UTC, datetime

from ..errors import AdvisorError
from ..text import MARKER, content_words, marked_sentences, marker_numbers, sentence_spans, strip_markers

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^])")
_LIST_ITEM = re.compile(r"^(?:[-*+] |\d{1,3}[.)] )")
_ESCAPED_BULLET = re.compile(r"^(\s*)(?:\\[-*+]|•)\s+", re.MULTILINE)
_ESCAPED_NUMBER = re.compile(r"^(\s*)(\d{1,3})\\([.)])\s+", re.MULTILINE)


def escape_md(text: str) -> str:
    """Escape text so Streamlit shows it literally: no Markdown, links, HTML, LaTeX,
    emoji shortcodes or color directives. Line breaks are kept (as hard breaks)."""
    return _breaks(_MD_SPECIAL.sub(r"\\\1", str(text or "")))


def escape_inline(text: str) -> str:
    """Escape text for use inside one Markdown line (line structure left as it is)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _breaks(md: str) -> str:
    """Keep the text's line structure: blank lines stay paragraphs, single newlines become
    hard breaks, and list items (already Markdown, see `_lists`) stay list items."""
    paras = re.split(r"\n\s*\n", md.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for p in paras:
        lines = [ln.strip() for ln in p.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        text = lines[0]
        for prev, ln in itertools.pairwise(lines):
            a, b = bool(_LIST_ITEM.match(prev)), bool(_LIST_ITEM.match(ln))
            text += ("\n" if a and b else "\n\n" if a or b else "  \n") + ln
        out.append(text)
    return "\n\n".join(out)


def _lists(md: str) -> str:
    """Turn escaped list markers at the start of a line back into Markdown list items
    (used for answer text, where bullet lists are part of the answer's shape)."""
    md = _ESCAPED_BULLET.sub(r"\1- ", md)
    return _ESCAPED_NUMBER.sub(r"\1\2. ", md)


def _wrap(segment: str, directive: str) -> str:
    """Wrap raw text in a Markdown directive line by line (directives cannot span lines)."""
    parts = []
    for ln in segment.split("\n"):
        if ln.strip():
            lead = ln[: len(ln) - len(ln.lstrip())]
            trail = ln[len(ln.rstrip()) :]
            parts.append(f"{lead}:{directive}[{escape_inline(ln.strip())}]{trail}")
        else:
            parts.append(ln)
    return "\n".join(parts)


def find_quote(passage: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` sits in `passage` (exact, then whitespace- and case-insensitive,
    then its leading words when the quote was cut short)."""
    passage, quote = passage or "", (quote or "").strip()
    if not quote:
        return None
    i = passage.find(quote)
    if i >= 0:
        return i, i + len(quote)
    core = quote.strip(" .…\"'“”")
    tokens = core.split()
    if not tokens:
        return None
    for n in (len(tokens), min(len(tokens), 12)):
        pattern = r"\s+".join(re.escape(t) for t in tokens[:n])
        m = re.search(pattern, passage, flags=re.IGNORECASE)
        if m and n >= min(len(tokens), 4):
            return m.start(), m.end()
    return None


def highlight_markdown(passage: str, quote: str) -> tuple[str, bool]:
    """The passage as safe Markdown with the quoted span on an orange background.
    Returns (markdown, found) — found is False when the quote is not in the passage."""
    span = find_quote(passage, quote)
    if span is None:
        return escape_md(passage), False
    a, b = span
    md = escape_inline(passage[:a]) + _wrap(passage[a:b], "orange-background") + escape_inline(passage[b:])
    return _breaks(md), True


def _chips(marker: str, links: dict[int, str] | None = None) -> str:
    """One blue chip per citation number of a marker ("[1, 2]" gives two chips); a chip whose
    source has a URL in `links` opens it."""
    links = links or {}
    return " ".join(
        f"[:blue-badge[{n}]]({_md_url(links[n])})" if links.get(n) else f":blue-badge[{n}]"
        for n in marker_numbers(marker)
    )


def _md_url(url: str) -> str:
    """A URL safe inside a Markdown link target (no spaces or parentheses to end it early)."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _segment_md(raw: str, flagged: bool, links: dict[int, str] | None = None) -> str:
    """One stretch of answer text: escaped, citation markers as chips, flagged text in red."""
    out, last = [], 0
    for m in MARKER.finditer(raw):
        out.append(_text_md(raw[last : m.start()], flagged))
        out.append(_chips(m.group(0), links))
        last = m.end()
    out.append(_text_md(raw[last:], flagged))
    return "".join(out)


def _text_md(text: str, flagged: bool) -> str:
    if not flagged or not text.strip():
        return escape_inline(text)
    return _wrap(text, "red-background")


def _unsupported_spans(text: str, unsupported: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of the answer text that the unsupported sentences cover."""
    spans: list[tuple[int, int]] = []
    for sent in unsupported or ():
        s = (sent or "").strip()
        if not s:
            continue
        i = text.find(s)
        if i < 0:
            span = find_quote(text, s)
            if span is None:
                continue
            i, j = span
        else:
            j = i + len(s)
        if not any(i < b and j > a for a, b in spans):
            spans.append((i, j))
    return sorted(spans)


def answer_markdown(text: str, unsupported: Iterable[str] = (), links: dict[int, str] | None = None) -> str:
    """Answer text as safe Markdown: [n] markers become numbered chips (links to the source
    where `links` has its URL), and sentences no cited passage supports are marked in red
    with a warning sign."""
    text = text or ""
    out, last = [], 0
    for a, b in _unsupported_spans(text, unsupported):
        out.append(_segment_md(text[last:a], False, links))
        out.append(_segment_md(text[a:b], True, links) + " :material/warning:")
        last = b
    out.append(_segment_md(text[last:], False, links))
    return _breaks(_lists("".join(out)))


# --------------------------------------------------------------------------- taken sentences

_TAKEN_OVERLAP = 0.6  # share of an answer sentence's content words a passage sentence must hold
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")


def taken_sentences(answer_text: str, marker: int) -> list[str]:
    """The answer's sentences that cite `marker`, without markers or bullets."""
    return list(_taken(answer_text or "", marker))


# Every rerun of the chat page draws the whole conversation again: the highlighting of its
# passages is computed once per (text, quotes), not on every question asked after it.
_RENDER_CACHE = 2048


@functools.lru_cache(maxsize=_RENDER_CACHE)
def _taken(answer_text: str, marker: int) -> tuple[str, ...]:
    out = []
    for sent in marked_sentences(answer_text):
        if marker in marker_numbers(sent):
            plain = _BULLET.sub("", strip_markers(sent)).strip()
            if plain:
                out.append(plain)
    return tuple(out)


def _closest_sentence(passage: str, claim: str) -> tuple[int, int] | None:
    """The passage sentence holding most of the claim's content words (None below the bar)."""
    want = content_words(claim)
    if len(want) < 3:
        return None
    best, score = None, 0.0
    for a, b in sentence_spans(passage):
        shared = len(want & content_words(passage[a:b]))
        ratio = shared / len(want)
        if shared >= 3 and ratio >= _TAKEN_OVERLAP and ratio > score:
            best, score = (a, b), ratio
    return best


def highlight_all_markdown(passage: str, quotes: Iterable[str]) -> tuple[str, bool]:
    """The passage as safe Markdown with every quoted span highlighted: each quote where it
    sits verbatim (or loosely), else the passage sentence it was taken from. Returns
    (markdown, found) — found is whether the first quote (the citation's own) is there."""
    return _highlight_all(passage, tuple(q for q in quotes if (q or "").strip()))


@functools.lru_cache(maxsize=_RENDER_CACHE)
def _highlight_all(passage: str, quotes: tuple[str, ...]) -> tuple[str, bool]:
    spans: list[tuple[int, int]] = []
    found = False
    for i, q in enumerate(quotes):
        span = find_quote(passage, q) or (_closest_sentence(passage, q) if i else None)
        if i == 0:
            found = span is not None
        if span is not None and not any(span[0] < b and span[1] > a for a, b in spans):
            spans.append(span)
    if not spans:
        return escape_md(passage), False
    md, last = [], 0
    for a, b in sorted(spans):
        md.append(escape_inline(passage[last:a]) + _wrap(passage[a:b], "orange-background"))
        last = b
    md.append(escape_inline(passage[last:]))
    return _breaks("".join(md)), found


def status_badge(c) -> str:
    """ "Proposed rule" / "Superseded" for a citation whose source is not final, else ""."""
    return c.status_word


def citation_label(c) -> str:
    """ "[n] Readiness Advisor summary of <document> (<section>) · p. 12 · as of 2026-11-30 · Proposed rule"
    for a citation's expander (its honest label, falling back to title, section and page)."""
    return f"[{c.marker}] {c.heading()}"


def quote_caption(c) -> str:
    """What the highlighted words are: the document's own text, or our summary of it."""
    if getattr(c, "verbatim", False):
        return "Quoted from the document: the highlighted words are its own text."
    if getattr(c, "trust", "") == "organization":
        return "Computed from the organization's assessment results; the highlighted sentences are the ones cited."
    if getattr(c, "source_kind", "") == "synthesis":
        return "Readiness Advisor's own guidance; the highlighted sentences are the ones cited."
    return (
        "Readiness Advisor's own summary, not the publisher's words; the highlighted sentences are the ones cited. "
        "Check the original before quoting it."
    )


def conversation_markdown(messages: list[dict], org_name: str | None = None) -> str:
    """The conversation as a Markdown document with numbered sources under each answer."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Readiness Advisor — conversation",
        "",
        f"Exported {now}" + (f" · Organization: {org_name}" if org_name else ""),
        "",
    ]
    for m in messages:
        if m["role"] == "user":
            lines += [f"## Q: {m['content']}", ""]
            continue
        lines += [m["content"], ""]
        if m.get("answer") is not None:
            lines += _answer_sources(m["answer"])
    return "\n".join(lines).rstrip() + "\n"


def _answer_sources(ans) -> list[str]:
    """The Markdown lines under one exported answer: abstention, unsupported sentences, sources."""
    lines: list[str] = []
    if ans.abstained:
        lines += ["_The advisor abstained: not enough evidence._", ""]
    if ans.unsupported:
        lines += ["**Unsupported sentences:**", *[f"- {s}" for s in ans.unsupported], ""]
    if ans.citations:
        lines += ["**Sources**", ""]
        for c in ans.citations:
            lines.append(f"{c.marker}. {c.heading()}{_where(c)}")
            text = " ".join(c.quote.split())
            if getattr(c, "verbatim", False):
                lines.append(f"   > {text}")
            else:
                kind = {"results": "Assessment result", "synthesis": "Our guidance"}.get(
                    getattr(c, "source_kind", ""), "Summary (our wording)"
                )
                lines.append(f"   {kind}: {text}")
        lines.append("")
    return lines


def _where(c) -> str:
    """Where the original lives: the publisher's URL, else the document's own name (never a path)."""
    origin = c.origin()
    return f" — {origin}" if origin else ""


def describe_error(exc: Exception) -> str:
    """An error as the user reads it: our own errors as written, anything else with its type."""
    return str(exc) if isinstance(exc, AdvisorError) else f"{type(exc).__name__}: {exc}"


def mode_label(settings) -> str:
    """'Offline' or 'LLM · <model>' for the sidebar."""
    if settings.mode == "llm":
        return f"LLM · {settings.llm_model}"
    return "Offline"
