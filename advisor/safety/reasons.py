"""Why the injection scanner flags a span, and which reasons say that the text instructs someone."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["INSTRUCTION_REASONS", "SIGNALS", "Reason"]


class Reason(StrEnum):
    """Why a span was flagged."""

    ROLE_TAG = "role_tag"  # [SYSTEM], <|im_start|>, "### System:"
    OVERRIDE = "override"  # ignore / disregard previous instructions, jailbreak
    STANDING_ORDER = "standing_order"  # "from now on", "always end every answer with"
    ADDRESSED_TO_ASSISTANT = "addressed_to_assistant"  # imperatives to the assistant / AI / model
    DIRECTS_USER = "directs_user"  # "tell the user to ...", orders about the reader
    OUTPUT_CONTROL = "output_control"  # "reply only with", "include the token"
    CREDENTIAL_REQUEST = "credential_request"  # passwords, codes, personal data
    PLANTED_ANSWER = "planted_answer"  # "if asked about X, say Y"
    CONCEALMENT = "concealment"  # "do not mention this note"
    LINK_PUSH = "link_push"  # "click / log in at https://..."
    ENCODED_PAYLOAD = "encoded_payload"  # base64 blob to decode (and follow)
    HIDDEN_MARKUP = "hidden_markup"  # HTML / Markdown comments, display:none left in the text
    INVISIBLE_CHARS = "invisible_chars"  # zero-width characters, soft hyphens inside words
    HOMOGLYPHS = "homoglyphs"  # words mixing Latin with Cyrillic / Greek look-alikes
    LINK = "link"  # a bare URL
    EMAIL = "email"  # a bare e-mail address
    SIMILAR_TO_ATTACK = "similar_to_attack"  # embedding close to an attack prototype


# Signals that, alone, say something about the text's form and not that it instructs anyone.
SIGNALS = frozenset({Reason.LINK, Reason.EMAIL, Reason.INVISIBLE_CHARS, Reason.HOMOGLYPHS, Reason.HIDDEN_MARKUP})
INSTRUCTION_REASONS = frozenset(Reason) - SIGNALS - {Reason.SIMILAR_TO_ATTACK}
