"""Amounts of money: a question asking for one ("how much does it cost", "is there funding, and
how much?") and a sentence stating one ("$2.9m", "EUR 40,000", "120,000 rupees")."""

from __future__ import annotations

import re

from ..text import tokenize

__all__ = ["MONEY", "MONEY_ASK", "SHARE_OF_MONEY", "in_money_units"]

_MONEY_NOUN = (
    r"(?:cost|costs|price|prices|pricing|fee|fees|dues|charge|charges|salary|salaries|budget|budgets|spend|spending|"
    r"fine|fines|penalty|penalties|premium|premiums|settlement|amount|margin|revenue|reimbursement)"
)
_MONEY_VERB = (
    r"(?:cost|costs|charged?|charges|pay|pays|paid|spend|spends|spent|levy|levied|fined?|reimbursed?|bill|billed|"
    r"invoiced?|set aside|allocated?|allocates|funded|invested|budgeted)"
)
#: The question asks for an amount of money: "how much ... cost", "what fine", "what is the
#: price of", "what did X spend", "what does Medicare pay" (not "which MAP subcategory covers costs").
MONEY_ASK = re.compile(
    rf"\bhow much\b.{{0,80}}\b{_MONEY_VERB}\b|\bhow much\b.{{0,40}}\b(?:{_MONEY_NOUN}|funding|funds|investment)\b"
    rf"|\bhow much\b.{{0,40}}\b(?:money|grants?|subsid(?:y|ies))\b"
    # "is there money for each hospital, and how much?": the amount of what the question named
    rf"|\b(?:{_MONEY_NOUN}|money|funding|funds|grants?|subsid(?:y|ies))\b[^?]{{0,120}}\bhow much\s*(?:\?|$)"
    # "how large a fine", "how high is the fee": the size of an amount of money
    rf"|\bhow (?:large|big|high|steep|heavy)\b(?: (?:a|an|is|was|are|were|the|can|could|would|will))*"
    rf"(?: [\w-]+){{0,2}} {_MONEY_NOUN}\b"
    # "what was Kestrelane's annual revenue" (not "the approach to fees", "the pricing model")
    rf"|\bwhat(?:'s| is| was| are| were| will be)?(?: the| an?| our| their| its)?"
    rf"(?: (?!(?:to|of|for|on|in|with|about)\b)[\w'’]+){{0,3}} {_MONEY_NOUN}\b"
    r"(?!\s+(?:models?|structures?|approach|polic(?:y|ies)|terms|basis|methods?|schedules?|tiers?)\b)"
    # "what is the annual medical staff membership fee": a named thing's amount, however long its name
    rf"|\bwhat(?:'s| is| was| are| were| will be) (?:the|an?|our|their|its)(?: [\w-]+){{0,5}} {_MONEY_NOUN}\b"
    rf"|\bwhat (?:does|did|do|will|would|should|can)\b.{{0,80}}\b{_MONEY_VERB}\b"
    # "the average hourly rate", "the rate per seat": a price for a unit of time or use, not a percentage
    r"|\b(?:hourly|daily|day|weekly|monthly|billing|consulting|consultancy|labou?r|wage|subscription|licen[cs]e) rates?\b"
    r"|\brates? per (?:hour|day|week|month|year|user|seat|licen[cs]e|bed)\b",
    re.I,
)
#: A currency's code or name beside a figure: "CHF 250", "120,000 rupees" (the symbol alone is not
#: the only way a document writes one).
_CODES = r"(?:usd|eur|gbp|jpy|chf|cad|aud|nzd|sek|nok|dkk|inr|zar|cny|rmb|brl|mxn|sgd|hkd|krw|aed|sar)"
_NAMES = (
    r"(?:dollars?|euros?|pounds?|rupees?|yen|yuan|renminbi|francs?|kron(?:a|or|e|er)|rand|pesos?|reais|"
    r"shillings?|naira|dirhams?|riyals?|ringgits?|zloty)"
)
#: The scale an amount is written in: "$2.9m", "TVK million", "(£000)".
_SCALE_WORD = r"(?:m|bn|k|000s?|'000s?|millions?|billions?|thousands?)"
MONEY = re.compile(
    rf"[$€£¥₹₩₽₺₪₦₱₫฿]\s?\d|\b\d[\d,.]*(?:\s?{_SCALE_WORD})?\s?(?:{_NAMES}|{_CODES})\b|\b{_CODES}\s?\d",
    re.I,
)
#: A table or caption naming the currency its figures are in: "($m)", "(TVK million)", "(EUR)".
_MONEY_UNIT = re.compile(
    rf"\((?:[$€£¥₹]\s?{_SCALE_WORD}?|(?i:{_CODES})(?:\s?{_SCALE_WORD})?|[A-Z]{{3}}\s?{_SCALE_WORD})\)"
)


#: Words of a section heading saying its table's figures are money ("19.1 Budget by building block and year").
_MONEY_HEADING = frozenset(tokenize("budget cost spend expenditure"))


def in_money_units(text: str, heads: str, heading: frozenset[str] = frozenset()) -> bool:
    """Does a row state amounts of money by its figures alone, its table's caption or header row
    (`heads`) naming the currency ("Table 27: Budget by building block and year (TVK million)"),
    or a table's section heading (`heading`, as tokens) saying its figures are a budget or costs
    (the currency named in the prose above the table)?"""
    if not re.search(r"\d", text):
        return False
    return bool(_MONEY_UNIT.search(heads)) or (" | " in heads and bool(heading & _MONEY_HEADING))


#: A share of an amount of money: "25% of the remaining Annual Subscription Fees".
SHARE_OF_MONEY = re.compile(
    r"\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+of\s+(?:the\s+|any\s+|all\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:fees?|prices?|costs?|charges?|amounts?|value|revenue|payments?|subscriptions?)\b",
    re.I,
)
