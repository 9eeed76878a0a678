"""Guards: what the advisor covers (scope), text that tries to instruct it (injection, backed by
`advisor.safety.injection`), and links no trusted source vouches for (the allow-list)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .chunk import BUNDLED_PREFIX, Chunk, Trust
from .safety.injection import is_instruction
from .settings import CORPUS_DIR
from .text import sentence_spans

SCOPE_MESSAGE = (
    "I can only help with AI readiness and AI governance for health systems: governance "
    "frameworks and regulations (NIST AI RMF, CHAI, ONC HTI-1, FDA, HIPAA, Section 1557, EU AI Act, "
    "ISO/IEC 42001 and others), data, infrastructure, security, workforce and value readiness, and "
    "your organization's readiness-assessment results. {why}"
)

# Requests that are out of scope whatever words they share with the corpus.
_OUT_RULES: list[tuple[str, re.Pattern]] = [
    (
        "I don't write or debug code.",
        re.compile(
            r"\b(write|generate|give me|create|debug|fix|implement|code up)\b.{0,40}\b(code|script|function|program|"
            r"class|query|regex|snippet|python|javascript|java|sql|bash|c\+\+|typescript|rust|golang)\b"
            r"|\bin (python|javascript|java|sql|bash|typescript|rust|go)\b\s*\??$",
            re.I,
        ),
    ),
    (
        "I don't give clinical or medication advice; ask a clinician or pharmacist.",
        re.compile(
            r"\b(dose|doses|dosing|dosage|mg/kg|milligrams?|\d+\s?mg)\b"
            # "how much notice must staff give" asks for a time, not a dose
            r"|\bhow (much|many)\b(?!\s+(notice|time|warning|advance|days?|weeks?|months?|hours?|minutes?|years?|"
            r"training|feedback|information|detail|budget|money|funding|resources?|staff|people|weight|priority)\b)"
            r".{0,40}\b(take|give|administer|prescribe)\b"
            r"|\b(should i|can i|how do i|how to)\b.{0,30}\b(treat|take|prescribe|diagnose|medicate|cure)\b"
            r"|\b(symptoms? of|treatment for|side effects? of|interactions? (of|between))\b",
            re.I,
        ),
    ),
    (
        "I don't write poems, stories or other creative pieces.",
        re.compile(
            r"\b(write|compose|create|make up)\b.{0,25}\b(poem|haiku|song|story|limerick|sonnet|rap|lyrics)\b", re.I
        ),
    ),
    (
        "I don't give investment or market advice.",
        re.compile(
            r"\b(stock|share) price\b|\bshould i (buy|sell|invest)\b|\b(ticker|stock market|crypto|bitcoin|nasdaq|dow jones)\b",
            re.I,
        ),
    ),
    (
        "I don't cover sports, weather, entertainment or general trivia.",
        re.compile(
            r"\b(super bowl|world cup|nba|nfl|mlb|nhl|premier league|olympics|who won|score of the game|playoffs?"
            r"|world series|stanley cup|grand slam|wimbledon|touchdowns?|home runs?|box office"
            r"|weather|forecast|temperature (in|tomorrow|today)|recipes?|movies?|songs?|lyrics|celebrity|horoscope|jokes?)\b",
            re.I,
        ),
    ),
]

# Prototype questions: nearest-neighbour scope classification with the embedding model.
_IN_PROTOTYPES = [
    "How ready is our health system to scale AI?",
    "What does the NIST AI Risk Management Framework require for governance?",
    "What are our biggest data readiness gaps?",
    "What does ONC HTI-1 require for decision support interventions?",
    "How should a hospital govern and monitor clinical AI models?",
    "What should we ask an AI vendor before buying?",
    "What are the HIPAA security safeguards for AI systems that use patient data?",
    "Are we ready to roll out ambient clinical documentation?",
    "What is FHIR and why does interoperability matter for AI?",
    "How do we measure the ROI of an AI program?",
    "What does the EU AI Act require for high-risk AI systems?",
    "How should we train our workforce to use AI safely?",
    "Which blocking issues remain in our readiness assessment?",
    "What is a model card and what should it contain?",
    "How do we manage bias and fairness in clinical algorithms?",
]
_OUT_PROTOTYPES = [
    "What dose of a medication should a patient take?",
    "How do I treat a patient with pneumonia?",
    "What are the symptoms of diabetes?",
    "Is this drug safe to take during pregnancy?",
    "Who won the football game last night?",
    "Which team won the championship this year?",
    "What is the stock price of a company today?",
    "Should I invest in this company?",
    "Write me a Python script.",
    "Fix the bug in my JavaScript code.",
    "What will the weather be tomorrow?",
    "Give me a recipe for dinner.",
    "Where is the best restaurant in town?",
    "Tell me a joke.",
    "Write a poem about the ocean.",
    "Plan my vacation itinerary.",
    "Translate this sentence into French.",
    "Who is the best actor of all time?",
    "What is the capital of a country?",
    "Tell me about the history of the Roman Empire.",
    "Solve this math homework problem.",
    "Help me with my divorce or tenant dispute.",
    "Which laptop or phone should I buy?",
]


@dataclass
class ScopeDecision:
    in_scope: bool
    reason: str = ""
    margin: float = 0.0


class ScopeGuard:
    """Decides whether a question is about health-system AI readiness at all."""

    def __init__(self, embedder=None, margin: float = 0.02):
        self.embedder = embedder
        self.margin = margin
        self._protos: tuple[np.ndarray, np.ndarray] | None = None

    def _prototypes(self) -> tuple[np.ndarray, np.ndarray]:
        if self._protos is None:
            vin = np.asarray(self.embedder.embed(_IN_PROTOTYPES))
            vout = np.asarray(self.embedder.embed(_OUT_PROTOTYPES))
            self._protos = (vin, vout)
        return self._protos

    def check(
        self, question: str, evidence: float | None = None, coverage: float = 0.0, id_match: bool = False
    ) -> ScopeDecision:
        """`evidence`: the best dense similarity of the question to the indexed corpus;
        `coverage`: the rarity-weighted share of the question's words found in the best passages."""
        q = question.strip()
        for why, pattern in _OUT_RULES:
            if pattern.search(q) and not _mentions_ai_governance(q):
                return ScopeDecision(False, why)
        if self.embedder is None or id_match:
            return ScopeDecision(True)  # an identifier the index holds ("GOVERN 1.6") is in scope
        vin, vout = self._prototypes()
        v = np.asarray(self.embedder.embed_query(q))
        s_in, s_out = float(np.max(vin @ v)), float(np.max(vout @ v))
        margin = s_in - s_out
        corpus = evidence if evidence is not None else 0.0
        # out of scope when nothing indexed is even close, or when the question resembles
        # off-topic requests more than our topics and the corpus has little on it either
        if (corpus < 0.25 and coverage < 0.5 and margin < 0.05) or (
            margin < -self.margin and corpus < 0.45 and coverage < 0.8
        ):
            return ScopeDecision(False, "That question is outside what I cover.", margin)
        return ScopeDecision(True, "", margin)


_DOMAIN = re.compile(
    r"\b(ai|a\.i\.|artificial intelligence|machine learning|ml|algorithm|model|governance|readiness|nist|chai|hti-1|"
    r"onc|fda|hipaa|1557|gmlp|pccp|fhir|uscdi|tefca|omop|inventory|vendor|ehr|assessment|framework|guidance|"
    r"regulation|compliance|decision support|dsi|llm|generative|ambient|chatbot)\b",
    re.I,
)


def _mentions_ai_governance(q: str) -> bool:
    """'What does HTI-1 say about dosing-calculator DSIs?' is in scope despite the word 'dosing'."""
    return len(_DOMAIN.findall(q)) >= 1 and not re.search(r"\b(write|generate|code|script)\b", q, re.I)


# ---------------------------------------------------------------------------- injection and links

# Live links of any form: scheme URLs, www., defanged (hxxp, [.]) and bare domains on common TLDs.
_TLDS = (
    "com|org|net|gov|edu|mil|int|io|co|us|uk|ca|au|de|fr|eu|info|biz|ru|cn|xyz|top|site|online|app|dev|ai|"
    "health|link|click|me|ly|to|gl|cc|tk|ml|ga|cf|gq|zip|mov|page|cloud|shop|live|email|support|help|security"
)
_URL = re.compile(
    r"\b(?:(?:https?|hxxps?|ftp)(?::|\[:\])//|www\.)[^\s<>()\"'\]]+"
    rf"|\b(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?(?:\.|\[\.\]|\(\.\)))+(?:{_TLDS})\b(?!\.?[\w-])(?:/[^\s<>()\"']*)?",
    re.I,
)
_EMAIL = re.compile(r"\b[\w.+-]+(?:@|\[at\]|\(at\))[\w-]+(?:(?:\.|\[\.\]|\(\.\))[\w-]+)+\b", re.I)


def _link_key(link: str) -> str:
    """A link as the allow-list compares it: no scheme, no www., lower-case, no trailing punctuation or slash."""
    key = link.strip().lower().rstrip(".,;:!?)]}'\"")
    key = re.sub(r"^(?:https?|hxxps?|ftp)(?::|\[:\])//", "", key)
    key = key.replace("[.]", ".").replace("(.)", ".").replace("[at]", "@").replace("(at)", "@")
    key = re.sub(r"^www\.", "", key)
    return key.rstrip("/")


def links_in(text: str) -> list[str]:
    """Every link and e-mail address in the text, as written (defanged forms included)."""
    found = [m.group(0) for m in _EMAIL.finditer(text)]
    emails = [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for m in _URL.finditer(text):
        if not any(s <= m.start() < e for s, e in emails):  # the domain of an address is not a link
            found.append(m.group(0))
    return found


def allow_keys(links: list[str]) -> set[str]:
    """Allow-list entries for these links: each link and, for a URL, its bare host."""
    keys = set()
    for link in links:
        key = _link_key(link)
        keys.add(key)
        if "@" not in key:
            keys.add(key.split("/", 1)[0])
    return keys


@functools.cache
def bundled_allow_list() -> frozenset[str]:
    """Links a passage may show: every URL and e-mail address in the bundled guidance, front matter included."""
    links: list[str] = []
    for p in sorted((CORPUS_DIR / "guidance").glob("*.md")):
        try:
            links += links_in(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return frozenset(allow_keys(links))


@functools.lru_cache(maxsize=256)
def _shipped_links(source: str) -> frozenset[str]:
    """Allow-list keys of the links a file shipped in the bundled corpus declares (empty for any
    other source: a document a user added, or a source that only claims a corpus path)."""
    corpus = CORPUS_DIR.resolve()
    path = (CORPUS_DIR.parent / source).resolve()
    if not source.startswith(BUNDLED_PREFIX) or not path.is_relative_to(corpus) or not path.is_file():
        return frozenset()
    try:
        return frozenset(allow_keys(links_in(path.read_text(encoding="utf-8"))))
    except (OSError, UnicodeDecodeError):
        return frozenset()


def own_link_trusted(chunk: Chunk) -> bool:
    """Whether a passage's own front-matter `source_url` may be shown. Only a document shipped in
    the bundled corpus vouches for its own URL, and only for the URL that shipped file declares:
    a document a user added (or one whose metadata merely claims a corpus path) could otherwise
    put a phishing link on the allow-list just by naming it in its own front matter."""
    own = str(chunk.meta.get("source_url") or "")
    if not own or chunk.trust is not Trust.CURATED:
        return False
    return _link_key(own) in _shipped_links(chunk.source)


def allowed_links(chunk: Chunk | None = None) -> frozenset[str]:
    """The links a passage may show: the bundled allow-list, plus its own document's front-matter
    URL when the document ships in the bundled corpus (never for a document a user added)."""
    if chunk is None or not own_link_trusted(chunk):
        return bundled_allow_list()
    return bundled_allow_list() | frozenset(allow_keys([str(chunk.meta["source_url"])]))


def unsafe_links(sentence: str, allowed: Iterable[str] | None = None) -> list[str]:
    """The links and e-mail addresses in the sentence that are not on the allow-list."""
    keys = bundled_allow_list() if allowed is None else frozenset(allowed)
    return [link for link in links_in(sentence) if _link_key(link) not in keys]


def unsafe_link(sentence: str, allowed: Iterable[str] | None = None) -> bool:
    """True when the sentence holds a link or e-mail address that is neither in the bundled corpus
    nor in `allowed` (default: the bundled allow-list; pass `allowed_links(chunk)` to add the
    passage's own front-matter URL)."""
    return bool(unsafe_links(sentence, allowed))


def contact_details(sentence: str, allowed: Iterable[str] | None = None) -> bool:
    """A sentence that only says where to reach someone ("... Dr. Lee, at desk@agency.gov or
    555-0100"): every address off the allow-list is an e-mail address, none a link, and it asks
    the reader to do nothing. Quoted only for a question asking whom to contact."""
    bad = unsafe_links(sentence, allowed)
    return bool(bad) and all(_EMAIL.fullmatch(b) for b in bad) and not is_instruction(sentence)


def without_addresses(sentence: str) -> str:
    """The sentence with each e-mail address written as the word "address" (to judge its form)."""
    return _EMAIL.sub("address", sentence)


def looks_like_injection(sentence: str, allowed: Iterable[str] | None = None) -> bool:
    """A sentence the composer never quotes: one that instructs the assistant or the reader, asks
    for credentials or personal data (the injection scanner, after normalisation), or holds a
    link or e-mail address not on the allow-list."""
    return is_instruction(sentence) or unsafe_link(sentence, allowed)


def prompt_attr(text: str) -> str:
    """Text safe inside a prompt tag's attribute (no quotes or angle brackets)."""
    return " ".join(str(text).split()).replace('"', "'").replace("<", "(").replace(">", ")")


def sanitize_passage(text: str, allowed: Iterable[str] | None = None) -> str:
    """The one passage sanitiser: passage text for any model prompt (chat, recommendation
    polishing, judges), with instruction-like sentences removed, links and e-mail addresses off
    the allow-list removed, and delimiters neutralised."""
    return _sanitized(text, bundled_allow_list() if allowed is None else frozenset(allowed))


@functools.lru_cache(maxsize=4096)
def _sanitized(text: str, keys: frozenset[str]) -> str:
    out = []
    last = 0
    for s, e in sentence_spans(text):
        out.append(text[last:s])
        sent = text[s:e]
        if is_instruction(sent):
            sent = "[instruction-like text removed]"
        else:
            for link in unsafe_links(sent, keys):
                sent = sent.replace(link, "[link removed]")
        out.append(sent)
        last = e
    out.append(text[last:])
    return re.sub(r"</?passage\b[^>]*>", "", "".join(out))
