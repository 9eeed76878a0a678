"""Deterministic Liang (TeX) hyphenation used to insert soft hyphens (U+00AD) into HTML text.

Chromium's `hyphens: auto` needs hyphenation dictionaries that are downloaded at run time and are
not available on this offline machine, so the build inserts soft hyphens itself using the plain TeX
US English patterns shipped with groff. Chromium then breaks lines at those soft hyphens and draws a
visible hyphen, exactly as automatic hyphenation would.
"""

import glob
import re

#: groff's copy of the TeX US English patterns (Debian's groff-base, which man-db depends on).
PATTERNS = sorted(glob.glob("/usr/share/groff/*/tmac/hyphen.us"))


def _load():
    if not PATTERNS:
        raise SystemExit("hyphenation patterns missing: install groff-base (/usr/share/groff/*/tmac/hyphen.us)")
    with open(PATTERNS[-1], encoding="latin-1") as f:
        txt = f.read()
    pat_block = txt.split("\\patterns{", 1)[1].split("}", 1)[0]
    exc_block = txt.split("\\hyphenation{", 1)[1].split("}", 1)[0]
    patterns = {}
    for line in pat_block.splitlines():
        line = line.split("%", 1)[0].strip()
        for p in line.split():
            letters = re.sub(r"\d", "", p)
            digits = [0] * (len(letters) + 1)
            i = 0
            for ch in p:
                if ch.isdigit():
                    digits[i] = int(ch)
                else:
                    i += 1
            patterns[letters] = digits
    exceptions = {}
    for line in exc_block.splitlines():
        line = line.split("%", 1)[0].strip()
        for w in line.split():
            exceptions[w.replace("-", "")] = w
    return patterns, exceptions


PATTERNS, EXCEPTIONS = _load()
MAXLEN = max(len(k) for k in PATTERNS)


def hyphen_points(word, leftmin=2, rightmin=3):
    lw = word.lower()
    if lw in EXCEPTIONS:
        pts, i = [], 0
        for ch in EXCEPTIONS[lw]:
            if ch == "-":
                pts.append(i)
            else:
                i += 1
        return [p for p in pts if leftmin <= p <= len(word) - rightmin]
    w = "." + lw + "."
    vals = [0] * (len(w) + 1)
    for i in range(len(w)):
        for j in range(i + 1, min(len(w), i + MAXLEN) + 1):
            d = PATTERNS.get(w[i:j])
            if d:
                for k, v in enumerate(d):
                    if v > vals[i + k]:
                        vals[i + k] = v
    # vals index k corresponds to position before w[k]; word position p = k - 1
    return [p for p in range(leftmin, len(word) - rightmin + 1) if vals[p + 1] % 2 == 1]


def hyphenate_word(word):
    pts = hyphen_points(word)
    out, last = [], 0
    for p in pts:
        out.append(word[last:p])
        last = p
    out.append(word[last:])
    return "\u00ad".join(out)


_WORD = re.compile(r"[A-Za-z]{7,}")


def hyphenate_text(text):
    def rep(m):
        w = m.group(0)
        if w.isupper():  # acronyms
            return w
        return hyphenate_word(w)

    return _WORD.sub(rep, text)


def hyphenate_html(html):
    """Insert soft hyphens into text nodes, skipping tags, entities, <svg>, <style>, <script>."""
    out = []
    skip_depth = 0
    for tok in re.split(r"(<[^>]+>)", html):
        if tok.startswith("<"):
            m = re.match(r"<(/?)(svg|style|script|title)\b", tok, re.I)
            if m:
                skip_depth += -1 if m.group(1) else 1
            out.append(tok)
        elif skip_depth > 0:
            out.append(tok)
        else:
            # do not touch entities like &amp; or &nbsp;
            parts = re.split(r"(&[#A-Za-z0-9]+;)", tok)
            out.append("".join(p if p.startswith("&") else hyphenate_text(p) for p in parts))
    return "".join(out)


if __name__ == "__main__":
    for w in [
        "governance",
        "generative",
        "accountability",
        "multidisciplinary",
        "hyphenation",
        "documentation",
        "consensus",
        "recommendations",
        "organizational",
        "quarterly",
        "association",
        "pharmacist",
        "administrative",
    ]:
        print(hyphenate_word(w).replace("\u00ad", "-"))
