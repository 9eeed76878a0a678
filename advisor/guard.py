"""Guards: what the advisor covers (scope), and text that tries to instruct it (injection)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

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
            r"\b(dose|doses|dosing|dosage|mg/kg|milligrams?|\d+\s?mg)\b|\bhow (much|many)\b.{0,40}\b(take|give|administer|prescribe)\b"
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


# ---------------------------------------------------------------------------- injection

_INJECTION = [
    # imperatives aimed at a model, at the start of a clause
    re.compile(
        r"(?:^|[:;\"“'(\[]\s*|[.!?]\s+)(?:please\s+|now\s+)?(?:ignore|disregard|forget|override|bypass)\b"
        r".{0,60}\b(?:instructions?|prompts?|rules?|guidelines?|directions?|context|above|previous|prior|system)\b",
        re.I,
    ),
    re.compile(r"\b(?:ignore|disregard)\s+(?:all\s+|any\s+)?(?:previous|prior|above|earlier|preceding)\b", re.I),
    re.compile(
        r"\b(?:if you are|you are now|you are an?) (?:an? )?(?:ai|assistant|language model|llm|chatbot|gpt)\b", re.I
    ),
    re.compile(
        r"\b(?:ai|llm|assistant|chatbot|language model|model)s?\s+(?:reading|processing|summari[sz]ing) this\b", re.I
    ),
    re.compile(r"^\s*(?:system|assistant|user|developer)\s*(?:prompt)?\s*[:>]", re.I),
    re.compile(r"\b(?:dear|attention|note to|hey)\s+(?:ai|assistant|chatbot|llm|model|gpt|claude|copilot)\b", re.I),
    re.compile(
        r"(?:^|[.!?:]\s+)(?:always\s+|only\s+|instead\s+)?(?:reply|respond|answer|say|output|print|write|repeat|tell the user)\b"
        r".{0,50}(?:\b(?:only|exactly|verbatim)\b|\bthe (?:word|phrase|string|code|text)\b|\bwith\s+[\"“'][^\"”']+[\"”']|\bwith\s+[A-Z0-9][A-Z0-9_-]{4,}\b)",
        re.I,
    ),
    re.compile(r"\b(?:system prompt|developer mode|jailbreak|DAN mode|new instructions)\b", re.I),
    # standing orders about the reader's own output ("End every answer with ...")
    re.compile(
        r"\b(?:end|start|begin|finish|conclude|append|prefix)\b.{0,25}\b(?:every|each|all|any|your)\s+"
        r"(?:answers?|responses?|replies|reply|messages?|outputs?|summar(?:y|ies))\b",
        re.I,
    ),
    re.compile(r"\blinks? to (?:https?://|www\.)", re.I),
    re.compile(r"\b(?:click|visit|go to|open|download|navigate to|log ?in at)\b.{0,60}(?:https?://|www\.)", re.I),
    re.compile(r"(?:https?://|www\.).{0,80}\b(?:click|visit|log ?in|download|enter your|verify your)\b", re.I),
    re.compile(
        r"\b(?:do not|don't|never) (?:tell|mention|reveal|cite|disclose)\b.{0,40}\b(?:user|reader|source|this)\b", re.I
    ),
]


def looks_like_injection(sentence: str) -> bool:
    """A sentence that addresses an assistant, carries instructions, or pushes a link."""
    return any(p.search(sentence) for p in _INJECTION)


def prompt_attr(text: str) -> str:
    """Text safe inside a prompt tag's attribute (no quotes or angle brackets)."""
    return " ".join(str(text).split()).replace('"', "'").replace("<", "(").replace(">", ")")


def sanitize_passage(text: str) -> str:
    """The one passage sanitiser: passage text for any model prompt (chat, recommendation
    polishing, judges), with instruction-like sentences removed and delimiters neutralised."""
    out = []
    last = 0
    for s, e in sentence_spans(text):
        out.append(text[last:s])
        sent = text[s:e]
        out.append("[instruction-like text removed]" if looks_like_injection(sent) else sent)
        last = e
    out.append(text[last:])
    return re.sub(r"</?passage\b[^>]*>", "", "".join(out))
