"""Injection rules: each a reason, a score and a pattern run on normalised sentences.

A new rule is one `_rule(...)` line. Patterns match text after `normalize()` (NFKC, invisible
characters removed, homoglyphs folded), so they are written for plain ASCII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reasons import INSTRUCTION_REASONS, Reason
from .rules_i18n import I18N_RULES

__all__ = ["ADDRESSEE", "INSTRUCTION_REASONS", "NEGATED", "RULES", "Reason", "Rule"]


@dataclass(frozen=True)
class Rule:
    reason: Reason
    score: float
    pattern: re.Pattern
    negatable: bool = False  # a match right after "do not" / "never" states a prohibition, not a request
    unless: re.Pattern | None = None  # the rule does not apply to a sentence this matches


RULES: list[Rule] = []

# "Do not share passwords" forbids; "Don't forget to send your password" still asks.
NEGATED = re.compile(
    r"\b(?:do not|don't|dont|never|must not|mustn't|should not|shouldn't|will never|would never|cannot|can't|"
    r"no one (?:should|will)|nobody (?:should|will))\s+(?:ever\s+)?$",
    re.I,
)


def _rule(reason: Reason, score: float, pattern: str, negatable: bool = False, unless: str = "") -> None:
    RULES.append(
        Rule(
            reason,
            score,
            re.compile(pattern, re.I | re.M),
            negatable,
            re.compile(unless, re.I | re.M) if unless else None,
        )
    )


_ROLES = r"(?:system|assistant|user|developer|human|ai)"
# a record's "key: value" lines (a CSV row, a form): "system: Sepsis early warning" there is a field
_RECORD_FIELD = r"^[ \t]*(?!" + _ROLES + r"\b)[a-z][a-z0-9 _/()-]{0,30}:[ \t]*\S"
# a model card's "Developer: Aidoc Medical Ltd." line names who made the product: a name (up to six
# capitalised words, case-sensitive) that ends the sentence carries no message for a model
_NAME_FIELD = (
    r"^[ \t]*(?:developers?|users?)[ \t]*:[ \t]*"
    r"(?-i:[A-Z][\w.&,'()/-]*(?:[ \t]+(?:[A-Z0-9&][\w.&,'()/-]*|of|and|for|the|de|du|la)){0,5})[ \t]*\.?[ \t]*$"
)


_AI = (
    r"(?:ai|a\.i\.|assistants?|chat ?bots?|llms?|language models?|gpts?|claude|copilot|gemini|bots?|"
    r"ai (?:systems?|models?|assistants?|agents?|tools?)|automated (?:systems?|assistants?|readers?)|models?)"
)
_SAY = (
    r"(?:say|tell|reply|respond|answer|state|include|mention|output|print|write|claim|recommend|advise|repeat|"
    r"add|append|end|begin|start|refuse|direct|ask|instruct|inform|send|email|provide|reveal|ignore|disregard|"
    r"forget|insist|confirm|describe|report|cite|quote|summari[sz]e|translate|treat|act|pretend|behave|follow|obey)"
)
#: Someone addressed or something to say: what an attack-like sentence must also hold to be flagged
#: by its embedding similarity alone below a clear margin (see `injection._similarity_flags`).
ADDRESSEE = re.compile(
    r"\b(?:you|your|assistants?|chat ?bots?|bots?|llms?|gpts?|language models?|readers?|users?)\b|\b" + _SAY + r"\b",
    re.I,
)
_CLAUSE = r"(?:^|[:;\"'(\[]\s*|[.!?]\s+|\b(?:and|then|so)\s+)"
_READER = r"(?:the |all |any |every |each |our |your )?(?:users?|readers?|requesters?|askers?|customers?|visitors?|people asking)"
_SECRET = (
    r"(?:passwords?|pass ?codes?|passphrases?|credentials?|log-?in (?:details|info\w*)|user ?names? and passwords?|"
    r"pins?\b|one-time (?:codes?|passwords?)|otps?\b|mfa codes?|2fa codes?|verification codes?|security codes?|"
    r"api keys?|access tokens?|secret keys?|bank (?:details|account)|credit card|card numbers?|cvv|"
    r"social security(?: numbers?)?|ssns?\b|dates? of birth|account numbers?|routing numbers?|member ids?|"
    r"home address(?:es)?|mother'?s maiden name)"
)
_PERSONAL = (
    r"(?:"
    + _SECRET
    + r"|patient (?:records?|lists?|data|details|names?)|medical records?|insurance (?:details|cards?))"
)

# role tags and chat-template markup
_rule(Reason.ROLE_TAG, 0.95, r"\[\s*/?\s*(?:system|assistant|developer|admin|sys|inst|instructions?)\s*\]")
_rule(
    Reason.ROLE_TAG,
    0.95,
    r"<\|\s*(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\s*\|>",
)
_rule(Reason.ROLE_TAG, 0.95, r"<<\s*/?\s*sys\s*>>|</?\s*(?:system|instructions?|system[_-]prompt)\s*>")
_rule(Reason.ROLE_TAG, 0.9, r"^\s*#{1,6}\s*(?:system|assistant|developer|instructions?)\s*(?:prompt|message|note)?\s*:")
_rule(
    Reason.ROLE_TAG,
    0.9,
    r"^\s*(?:system|assistant|user|developer)\s*(?:prompt|message)?\s*[:>]",
    unless=_RECORD_FIELD + "|" + _NAME_FIELD,
)
_rule(
    Reason.ROLE_TAG,
    0.85,
    r"\b(?:begin|start|end) (?:of )?(?:the )?(?:system|developer) (?:prompt|message|instructions?)\b",
)

# overriding earlier instructions (the guard's rules, kept, and wider)
_rule(
    Reason.OVERRIDE,
    0.95,
    _CLAUSE + r"(?:please\s+|now\s+|kindly\s+)?(?:ignore|disregard|forget|override|bypass|drop|discard)(?=\s)"
    # "Override log; override-rate report; reviewer training records": a record of clinicians' overrides
    r"(?!\s+(?:logs?|rates?|reports?|events?|counts?|frequency|tracking|records?|reasons?|codes?|buttons?|audits?)\b)"
    r".{0,60}\b(?:instructions?|prompts?|rules?|guidelines?|directions?|context|above|previous|prior|system|"
    r"policies|polic(?:y|ies)|constraints?|guardrails?|training)\b",
)
_rule(
    Reason.OVERRIDE,
    0.95,
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|everything\s+)?(?:previous|prior|above|earlier|preceding|(?:you|you've) (?:were|have been) told)\b",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\b(?:developer mode|jailbreak|DAN mode|do anything now|new instructions|updated instructions|real instructions)\b",
)
_rule(
    Reason.OVERRIDE,
    0.85,
    r"\b(?:your|the assistant'?s?) (?:instructions|rules|guidelines|orders) (?:have|has) (?:changed|been (?:updated|replaced))\b",
)
_rule(
    Reason.OVERRIDE,
    0.85,
    r"\b(?:these|the following) instructions (?:take|have) (?:precedence|priority)\b|\bsupersedes? (?:all|any) (?:previous|prior|other)\b",
)

# standing orders about every answer
_rule(Reason.STANDING_ORDER, 0.9, r"\bfrom now on\b|\bhenceforth\b|\bgoing forward,? (?:you|always|never|only)\b")
_rule(
    Reason.STANDING_ORDER,
    0.9,
    r"\b(?:end|start|begin|finish|conclude|append|prefix|sign|close)\b.{0,25}\b(?:every|each|all|any|your)\s+"
    r"(?:answers?|responses?|replies|reply|messages?|outputs?|summar(?:y|ies))\b",
)
# "in every answer" orders something only with a verb that writes into answers: "Required for every
# output" in a clinical table states a rule about a tool's outputs, not an order to the reader
_WRITE = r"(?:include|add|append|insert|put|say|mention|write|print|use|repeat|end|start|begin|sign|place|attach|show|display|recommend|tell|claim|state|you)"
_rule(
    Reason.STANDING_ORDER,
    0.85,
    r"(?s)\A(?=.*\b" + _WRITE + r"\b).*?"
    r"\b(?:in|to|for|with) (?:every|each|all|any) (?:future |subsequent )?(?:answers?|responses?|repl(?:y|ies)|outputs?|messages?)\b",
)
_rule(
    Reason.STANDING_ORDER,
    0.8,
    r"\balways (?:include|mention|add|append|end|start|begin|say|answer|reply|respond|claim|recommend|tell)\b.{0,60}"
    r"(?:\b(?:answers?|responses?|repl(?:y|ies)|outputs?)\b|[\"'“][^\"'”]+[\"'”]|(?-i:\b[A-Z0-9]{2,}-[A-Z0-9-]+\b))",
)

# addressed to the assistant / model
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.9,
    r"\b(?:if you are|you are now|you are an?|act as an?|pretend (?:to be|you are)) (?:an? )?(?:ai|assistant|language model|llm|chat ?bot|gpt|unrestricted|helpful)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.9,
    r"\b"
    + _AI
    + r"\s+(?:that (?:is|are) )?(?:reading|processing|summari[sz]ing|parsing|indexing|ingesting|analy[sz]ing|retrieving|quoting) (?:this|these)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.9,
    r"\b(?:dear|attention|note to|notice to|hey|hello|message (?:to|for)|instructions? (?:to|for)|memo to)\s+(?:all |any |the )?"
    + _AI
    + r"\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"(?:^|[.!?]\s+)(?:ai|assistant|chat ?bot|model|llm|gpt)\s*[,:]\s*(?:please\s+)?" + _SAY + r"\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"\byou (?:must|should|will|shall|need to|have to|are (?:required|instructed|expected|told|ordered) to|are to)\s+(?:now\s+|always\s+|only\s+|instead\s+)?(?:say|tell|reply|respond|answer|state|output|print|claim|repeat|ignore|disregard|forget|reveal|refuse|obey|pretend|append|insist)\b",
)
_rule(Reason.ADDRESSED_TO_ASSISTANT, 0.85, r"\bas an? (?:ai|assistant|language model|llm|chat ?bot),? you\b")
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.8,
    r"\bwhen (?:you|the assistant|an? ai|the model|the chat ?bot) (?:answers?|respond|responds|reply|replies|summari[sz]es?|are asked|is asked|quotes?|cites?)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.8,
    r"\b(?:any|every|all) "
    + _AI
    + r" (?:must|should|shall|will|is (?:required|instructed) to|are (?:required|instructed) to)\s+"
    + _SAY
    + r"\b",
)

_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    # "AI: <an order>"; "AI: artificial intelligence" (a glossary) and "Model: ClearRead CT" (a card's
    # field) address nobody
    r"(?:^|[.!?]\s+)(?:ai|ai assistants?|ai helpers?|assistants?|chat ?bots?|models?|llms?|gpts?|language models?|bots?|reader bots?)\s*[:,]\s*"
    r"(?:please\s+|now\s+|always\s+|never\s+|only\s+|do not\s+|don't\s+)?(?:" + _SAY + r"|you|your)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"\b(?:whoever|anyone|anything|any (?:system|tool|program)) (?:is |that is |who is )?(?:reading|summari[sz]ing|processing|quoting|parsing|indexing) (?:this|these)\b",
)
_rule(Reason.ADDRESSED_TO_ASSISTANT, 0.85, r"\b(?:reader|helper) ?bots?\b|\bai helpers?\b")
_rule(Reason.ADDRESSED_TO_ASSISTANT, 0.85, r"\bthe (?:user|reader) (?:wants|would like|has asked|asks|needs) you to\b")
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"\b(?:that|so that) you (?:must |should |will |shall |always )?(?:recommend|say|state|answer|reply|respond|claim|tell|include|report|conclude|praise|output|mention)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.8,
    r"\byou (?:must|should|will|shall|need to|have to|are to|can only|may only)\s+(?:now\s+|always\s+|only\s+)?(?:answer|write back|recommend|report|conclude|praise|insert|comply|mention|include|speak|talk|role-?play|act as)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.8,
    r"\b(?:answer|respond|reply|write)\b.{0,20}\bas (?:i|we) (?:say|tell you|instruct|direct)\b|\b(?:what|whatever) you write back\b",
)

# orders about the user or reader
_DIRECT_USER = (
    _CLAUSE
    + r"(?:please\s+|always\s+|now\s+)?(?:tell|inform|advise|instruct|remind|warn|direct|ask|urge|encourage|convince|persuade|get) "
    + _READER
)
# alone, an order about the reader is weak ("Ask the user to confirm the order"); with a claim,
# a contact or a credential it is an attack
_rule(Reason.DIRECTS_USER, 0.45, _DIRECT_USER + r"\b")
_rule(
    Reason.DIRECTS_USER,
    0.9,
    _DIRECT_USER
    + r"\b(?:\s+(?:that|it is|they are|they should|we are)\b|.{0,40}\b(?:to|and) (?:e-?mail|send|call|visit|click|log ?in|"
    r"sign ?in|wire|pay|forward|text|reply|contact|share|provide|enter|submit|download|verify)\b|.{0,80}(?:@|https?://|www\.))",
)
_rule(
    Reason.DIRECTS_USER,
    0.85,
    r"\b(?:tell|ask|instruct|direct|advise|remind) (?:them|him|her) to (?:email|send|call|visit|provide|share|enter|reply|log ?in|click|wire|pay|forward|text)\b",
)
_rule(
    Reason.DIRECTS_USER,
    0.85,
    r"\b"
    + _READER
    + r" (?:must|should|needs? to|has to|have to|is required to|are required to) (?:now |immediately |urgently )?(?:email|send|call|visit|provide|share|enter|reply|log ?in|click|wire|pay|forward|text|submit|re-?enter|verify (?:their|your) (?:account|identity|credentials|password))\b",
)

# output control (the guard's rule, kept) and canary tokens
_rule(
    Reason.OUTPUT_CONTROL,
    0.9,
    r"(?:^|[.!?:]\s+)(?:always\s+|only\s+|instead\s+)?(?:reply|respond|answer|say|output|print|write|repeat|tell the user)\b"
    # "mitigation: output checking, ...": a noun, no order
    r"(?!\s+(?:checking|checks?|controls?|review|data|files?|formats?|quality|volumes?)\b)"
    r".{0,50}(?:\b(?:only|exactly|verbatim)\b|\bthe (?:word|phrase|string|code|text)\b|\bwith\s+[\"'][^\"']+[\"']|\bwith\s+(?-i:[A-Z0-9][A-Z0-9_-]{4,})\b)",
)
_rule(
    Reason.OUTPUT_CONTROL,
    0.9,
    r"\b(?:include|insert|add|append|mention|print|output|put|place|embed|copy|paste|write)\b.{0,30}\b(?:token|code ?word|canary|marker|string|phrase|secret word|the code|this code)\b.{0,40}\b(?:in|into|to|at)\b.{0,20}\b(?:answer|response|reply|output|summary|message)s?\b",
)
_rule(
    Reason.OUTPUT_CONTROL,
    0.85,
    r"\b(?:your|every|each|all) (?:answers?|responses?|replies|reply|outputs?) (?:must|should|shall|will|has to|have to) (?:be|contain|include|begin|start|end|say|mention|recommend|state)\b",
)
_rule(
    Reason.OUTPUT_CONTROL,
    0.8,
    r"\brepeat (?:after me|the following|this (?:text|phrase|sentence|message))\b|\bsay exactly\b|\bverbatim\b.{0,30}\b(?:answer|response|reply)\b",
)

# credential and personal-data requests
_rule(
    Reason.CREDENTIAL_REQUEST,
    0.9,
    r"\b(?:email|e-mail|send|provide|share|enter|submit|confirm|verify|give|type|reply|respond|write back|text|forward|disclose|tell us|upload|re-?enter|update|call)\b.{0,60}\b"
    + _SECRET,
    negatable=True,
)
_rule(
    Reason.CREDENTIAL_REQUEST,
    0.9,
    r"\b"
    + _PERSONAL
    + r"\b.{0,60}(?:@|https?://|www\.|\bto (?:us|this (?:address|number|link))|\b(?:via|by) (?:e-?mail|text|reply))",
)
_rule(
    Reason.CREDENTIAL_REQUEST,
    0.85,
    r"\b(?:what is|what's|ask (?:\w+ ){0,3}?for|request|collect|obtain) (?:the |their |your |his |her )?" + _SECRET,
    negatable=True,
)

# planted answers
_rule(
    Reason.PLANTED_ANSWER,
    0.85,
    r"\b(?:if|when|whenever|should)\b.{0,40}\b(?:comes? up|is raised|is mentioned|is discussed|gets asked)\b.{0,60}\b(?:say|explain|answer|respond|reply|state|tell|claim|confirm|insist)\b",
)
_rule(
    Reason.PLANTED_ANSWER,
    0.9,
    r"\b(?:if|when|whenever|should) (?:you are |you're |anyone |someone |somebody |the user |a user |users? |people |a reader |readers? )?(?:is |are |gets? |ever )?(?:asked|questioned|queried|prompted|asks?)\b.{0,100}\b(?:say|answer|respond|reply|state|tell|claim|explain|confirm|insist|assert|report)\b",
)
_rule(
    Reason.PLANTED_ANSWER,
    0.85,
    r"\b(?:the )?(?:correct|right|official|only|true) answer (?:is|to any|to every|to this)\b",
)
_rule(
    Reason.PLANTED_ANSWER,
    0.85,
    r"\b(?:always|must) (?:say|answer|claim|state|assert|insist|tell (?:them|the user|users)) that\b",
    # "a letter sent to a patient must say that it was drafted with AI": what a text must carry
    unless=r"\b(?:texts?|messages?|letters?|notices?|labels?|leaflets?|forms?|signs?|banners?|notifications?|"
    r"disclosures?|statements?)\b(?:(?!\byou(?:r)?\b)[^.;:]){0,160}\bmust (?:say|state) that\b",
)

_rule(
    Reason.OUTPUT_CONTROL,
    0.85,
    r"\bmake sure\b.{0,40}\b(?:appears?|is included|shows up)\b.{0,40}\b(?:you write|your (?:answer|reply|response|output)|the (?:answer|reply|response))\b",
)
_rule(
    Reason.OUTPUT_CONTROL,
    0.85,
    r"\b(?:insert|add|place|put)\b.{0,40}\b(?:in|into|to) (?:any|every|each|the|your) (?:answer|reply|response|output)s?\b",
)

# concealment
_rule(
    Reason.CONCEALMENT,
    0.9,
    # (not a quoted button or setting: the “do not show again for this encounter” option)
    r"(?<![“\"‘'])\b(?:do not|don't|never|must not) (?:tell|mention|reveal|cite|disclose|show|acknowledge|reference)\b"
    r".{0,40}\b(?:user|reader|source|this|these|instructions?|note|message)\b",
)
_rule(
    Reason.CONCEALMENT,
    0.85,
    r"\bkeep (?:this|these|it) (?:secret|hidden|confidential) from\b|\bwithout (?:mentioning|citing|telling|revealing) (?:this|these|the user|that)\b",
)

# pushing a link (the guard's rules)
_rule(Reason.LINK_PUSH, 0.85, r"\blinks? to (?:https?://|www\.)")
_rule(
    Reason.LINK_PUSH,
    0.85,
    r"\b(?:click|visit|go to|open|download|navigate to|log ?in at|sign ?in at|head to|point (?:them|users?) to)\b.{0,60}(?:https?://|www\.)",
)
_rule(
    Reason.LINK_PUSH,
    0.85,
    r"(?:https?://|www\.).{0,80}\b(?:click|visit|log ?in|sign ?in|download|enter your|verify your|confirm your)\b",
)

# encoded payloads to decode and act on (the blob itself is decoded and scanned in injection.py)
_rule(
    Reason.ENCODED_PAYLOAD,
    0.9,
    r"\b(?:decode|decipher|unscramble|base-?64[- ]decode)\b.{0,80}\b(?:follow|apply|execute|obey|do what|carry out|act on|answer|use)\b",
)
_rule(
    Reason.ENCODED_PAYLOAD,
    0.85,
    r"\b(?:base-?64|encoded|rot-?13|hex-encoded)\s+(?:instructions?|note|message|text|payload|prompt|directives?)\b",
)
_rule(
    Reason.ENCODED_PAYLOAD,
    0.85,
    r"\b(?:decode|decipher)\s+(?:it|this|them|the (?:text|note|message|string|following))\b.{0,40}\b(?:before|then|and)\b",
)

# markup that hides text, left in the text by a loader that did not drop it
_rule(Reason.HIDDEN_MARKUP, 0.5, r"<!--|-->|^\s*\[//\]:\s*#|\[comment\]:\s*#")
_rule(
    Reason.HIDDEN_MARKUP,
    0.5,
    r"\b(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.\d+)?(?:px|pt|em)?\s*[;\"']|color\s*:\s*(?:#fff(?:fff)?|white)\b)",
)

# wider phrasings of the families above (overrides, standing orders, personal data, defanged links)
_rule(
    Reason.OVERRIDE,
    0.85,
    r"(?:^|[.!?;:]\s+)(?:please\s+)?(?:disregard|ignore|forget)\s+(?:what|whatever|anything|everything)\b",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\btreat\b.{0,50}\bas (?:an? )?(?:commands?|instructions?|directives?|orders?|rules? (?:you|to) (?:follow|obey))\b",
)
_rule(
    Reason.OVERRIDE,
    0.85,
    r"\binstructions?\b.{0,40}\b(?:come|comes|are|is) from (?:the )?(?:system|administrator|admin|developer|operator|openai)\b"
    r"|\b(?:these|the following|this|my|our) (?:instructions|directives|commands)\b.{0,30}\b(?:must|are to|shall) be "
    r"(?:followed|obeyed|executed|carried out)\b",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\byou (?:no longer|don't|do not|needn't|need not|won't|will not)\s+(?:need to |have to |longer )?(?:follow|obey|observe|"
    r"apply|adhere to|respect) (?:your|the|any) (?:guidelines|rules|instructions|policies|system prompt|restrictions|safety)\b",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\b(?:reveal|print|show|output|repeat|share|disclose|display|tell me|send me|dump|leak|recite)\b.{0,40}\b(?:system prompt|"
    r"(?:the |your )?(?:prompt|instructions|configuration|rules)\s+(?:you were|you've been|you have been|you are) "
    r"(?:given|configured|provided|told|set up)|your (?:initial|original|hidden|secret|system) (?:prompt|instructions|rules))",
)
_rule(
    Reason.STANDING_ORDER,
    0.85,
    r"\b(?:respond|reply|answer)\s+(?:to\s+)?(?:the next|any|every|all|each|this|the following) (?:questions?|query|queries|"
    r"requests?|prompts?|messages?)\b.{0,60}\b(?:by saying|saying|by claiming|by stating|with (?:a|the) (?:links?|words?|"
    r"phrase|sentence|url)|that)\b",
)
_rule(
    Reason.OUTPUT_CONTROL,
    0.85,
    r"\b(?:your|the|every|each|any) (?:answers?|responses?|replies|reply|outputs?|summar(?:y|ies)) "
    r"(?:must|should|shall|will|has to|have to|needs? to) (?:open|close|finish|conclude|read|feature|carry|cite|use|"
    r"lead|praise|omit|exclude|leave out)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"\b(?:when|while|before|after)\s+(?:summari[sz]ing|answering|responding|replying|quoting|citing)\b[^.!?]{0,40},\s*"
    r"(?:please\s+)?(?:leave out|omit|skip|ignore|say|state|claim|include|mention|add|drop|exclude|hide|do not|don't|never|"
    r"always|only|remove|downplay)\b",
)
_rule(  # also "verify your account at <link>": a sign-in page pushed at the reader (redacted: "[URL]")
    Reason.CREDENTIAL_REQUEST,
    0.9,
    r"\b(?:enter|type|provide|submit|re-?enter|share|send|give|confirm|verify|input)\b.{0,20}\b(?:their|your|his|her)\s+"
    r"(?:\w+\s+){0,2}(?:log-?ins?|sign-?ins?|passwords?|credentials|pins?|pass ?codes?|employee ids?|badge numbers?)\b"
    r"|\b(?:verify|confirm|validate|re-?activate|unlock)\s+your\s+(?:\w+\s+){0,2}(?:accounts?|identity|log-?ins?|mailbox)\b"
    r".{0,40}(?:https?://|www\.|\[url\]|\blink\b|\bportal\b)",
    negatable=True,
)
_rule(
    Reason.PLANTED_ANSWER,
    0.9,
    r"\b(?:if|when|whenever|should) (?:someone|anyone|somebody|a user|the user|users|people|a reader|you)\b.{0,30}"
    r"\b(?:wants? to know|asks?|inquires?|enquires?|is curious|wonders?)\b.{0,80}\b(?:say|claim|answer|respond|reply|state|"
    r"tell|explain|insist|assert)\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"(?:^|[.!?;]\s+)(?:please\s+)?(?:act|pose|role-?play|behave) as\b.{0,60}\b(?:and|then|to)\s+(?:approve|say|tell|claim|"
    r"certify|sign off|recommend|endorse|confirm|declare|state)\b",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\bpay no (?:heed|attention|mind) to\b.{0,60}\b(?:system|instructions?|rules?|told|earlier|previous|prior|above)\b"
    r"|^\s*override\s*:",
)
_rule(
    Reason.OVERRIDE,
    0.85,
    r"\b(?:new|updated|revised|different) (?:operating )?(?:instructions|rules|directives|orders) "
    r"(?:supersede|replace|override|take precedence)\b|\bsupersedes?\b.{0,40}\b(?:you|your)\b",
)
_rule(
    Reason.STANDING_ORDER,
    0.85,
    r"\b(?:whatever|regardless of|no matter) (?:the |what the )?(?:question|query|topic|prompt|request)\b"
    r"|\bfor the rest of (?:this|the) (?:conversation|chat|session)\b",
)
_rule(
    Reason.CREDENTIAL_REQUEST,
    0.85,
    r"\b(?:submit|send|forward|post|upload|e-?mail|share)\b.{0,30}\b(?:the )?(?:user|patient|reader|customer)'s "
    r"(?:details|data|information|info|records?|credentials|account)\b",
)
_rule(
    Reason.LINK_PUSH,
    0.85,
    r"\b(?:click|visit|go to|open|download|navigate to|log ?in at|sign ?in at)\b.{0,60}hxxps?://",
)

# generic cues of text written for a machine reader (widened with probe v3 after its first figure;
# probe v4 was written before this and is never used to tune)
_OUTPUT = r"(?:repl(?:y|ies)|responses?|answers?|outputs?|messages?|summar(?:y|ies)(?!\s+(?:report|table|slide|memo|document)))"
_rule(
    Reason.OUTPUT_CONTROL,
    0.8,
    r"\b(?:in|into|at the (?:end|bottom|top|start|beginning) of|to|from) (?:your|every|each|any|all) "
    + _OUTPUT
    + r"\b",
)
_rule(
    Reason.DIRECTS_USER,
    0.9,
    r"\btell (?:whoever|anyone|anybody|everyone|people|those) (?:who )?(?:is |are )?(?:asking|asks|reads|reading|wants)\b"
    r"|\b(?:anyone|anybody|whoever|people|users?|readers?) (?:who (?:is |are )?)?(?:asking|asks|enquiring|inquiring)\b"
    r".{0,60}\b(?:should|must|is to|are to) be (?:told|informed|advised)\b",
)
_rule(
    Reason.DIRECTS_USER,
    0.85,
    r"\b(?:recommend|suggest|say|state|explain|claim|report) to (?:the |any |every )?(?:reader|user|asker|requester)s?\b",
)
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"\b(?:whichever|any|the|every) (?:program|software|system|tool|model|bot|agent|application|app|summari[sz]er)s? "
    r"(?:that )?(?:reads?|reading|processes|processing|parses|parsing|summari[sz]es|summari[sz]ing) (?:this|these)\b",
)
_rule(Reason.ADDRESSED_TO_ASSISTANT, 0.8, r"(?:^|[.!?;:]\s+)(?:please\s+)?pretend\b")
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"(?:^|[.!?;]\s+)(?:model|assistant|ai|llm|bot|system) (?:instructions|directives|rules|note|notice)\s*:",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\b(?:send|share|show|print|reveal|give|tell|list|output|dump)\b.{0,30}\b(?:your|the assistant'?s) (?:configuration|config|"
    r"system (?:prompt|message)|instructions|hidden (?:prompt|rules|key)|settings|context)\b"
    r"|\b(?:documents?|files?|context|passages?) you (?:were|have been|are) given\b",
)
_rule(
    Reason.OVERRIDE,
    0.85,
    # "Regardless of the evidence, rate ...", "regardless of its assessment"; not a table's "regardless of score"
    r"\bregardless of (?:the|any|its|their|your|what the) (?:evidence|data|facts|assessment|results|findings|scores?|"
    r"documents?|sources?)\b",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\bthe (?:real|actual|true) (?:task|instructions?|job|goal|question)\b"
    r"|\b(?:everything|all|the text) (?:above|before|so far) (?:was|is) (?:a test|fake|irrelevant|a distraction)\b",
)
_rule(Reason.OUTPUT_CONTROL, 0.85, r"\b(?:rather than|instead of) (?:answering|responding|replying|helping|citing)\b")

# the same families in Spanish, German, French, Portuguese and Italian
RULES += [Rule(Reason(r), sc, re.compile(p, re.I | re.M)) for r, sc, p in I18N_RULES]
# a note "for" the AI ("Note for AI assistants: ...", "Hidden note for the AI model: ..."), a note
# calling itself hidden, and an "admin mode" the text claims to switch on
_rule(
    Reason.ADDRESSED_TO_ASSISTANT,
    0.85,
    r"\b(?:notes?|notices?|messages?|instructions?|reminders?|memos?|directives?) for (?:all |any |the |every )?"
    r"(?:ai|a\.i\.|(?:ai |virtual )?assistants?|chat ?bots?|llms?|(?:large )?language models?|gpts?|bots?|"
    r"ai (?:systems?|models?|agents?|tools?)|automated (?:systems?|assistants?|readers?))\s*(?::|\s[\u2013\u2014-])\s*\w"
    r"|\b(?:hidden|secret|private|invisible) (?:note|message|instructions?|directive)s? (?:for|to)\b",
)
_rule(
    Reason.OVERRIDE,
    0.9,
    r"\byou (?:are|'re) (?:now )?(?:in|operating in|running in|switched to) (?:an? )?(?:admin|administrator|developer|god|"
    r"root|sudo|unrestricted|jailbreak|maintenance|debug|super-?user|unfiltered) mode\b",
)
