"""Answering: the Advisor facade, the Answer contract, and the paths that write answers.

- `types`: the records (Answer, Citation, Part, Draft, AnswerKind, AnswerMode);
- `routing`: which path answers (scope rules, assessment intent, guidance);
- `guidance`: the offline guidance composer (retrieved sentences, cited);
- `assessment`: the offline assessment composer (the organization's scored results);
- `render`: the offline renderer (a draft numbered into a verified, cited answer);
- `llm`: the LLM path (a chat model writes; its citations are verified);
- `advisor`: the Advisor facade over all of them.
"""

from __future__ import annotations

from .advisor import Advisor
from .assessment import citable, compose_assessment
from .guidance import SentenceIndex, compose_guidance, fuzzy, search_guidance, split_question, wants_list
from .llm import REWRITE_PROMPT, SYSTEM_PROMPT
from .render import ABSTAIN_MESSAGE, quote_span
from .routing import AnswerPath, Route, is_assessment_question, route
from .types import Answer, AnswerKind, AnswerMode, Citation, Draft, Part, citation_for

__all__ = [
    "ABSTAIN_MESSAGE",
    "REWRITE_PROMPT",
    "SYSTEM_PROMPT",
    "Advisor",
    "Answer",
    "AnswerKind",
    "AnswerMode",
    "AnswerPath",
    "Citation",
    "Draft",
    "Part",
    "Route",
    "SentenceIndex",
    "citable",
    "citation_for",
    "compose_assessment",
    "compose_guidance",
    "fuzzy",
    "is_assessment_question",
    "quote_span",
    "route",
    "search_guidance",
    "split_question",
    "wants_list",
]
