"""Seeded synthetic clinical notes with labelled Safe Harbor identifier spans (Faker).

    from evals.phi.generate import generate
    notes = generate(seed=DEV_SEED, n=300, split="dev")

`split="dev"` draws from the dev template variants with DEV_SEED (tune on these);
`split="heldout"` also uses variants kept out of tuning (marked `held=True`), with
HELDOUT_SEED: the final figure. Names come from Faker locales in the detector's bundled list
and from locales that are not (en_NG, it_IT), so unknown-name recall is measured too.
Run: PYTHONPATH=$PWD python evals/phi/generate.py --split dev --n 3 (prints notes).
"""

from __future__ import annotations

import argparse
import random
import string
from dataclasses import dataclass, field

from faker import Faker

DEV_SEED = 1
HELDOUT_SEED = 20261128
SPLITS = ("dev", "heldout")
NAME_LOCALES = {"en_US": 0.6, "es_MX": 0.1, "en_IN": 0.1, "en_NG": 0.1, "it_IT": 0.1}
UNLISTED_LOCALES = frozenset({"en_NG", "it_IT"})  # not in advisor/safety/data name lists


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int
    text: str
    unlisted: bool = False  # a name from a locale the detector's lists do not hold


@dataclass
class Note:
    text: str
    spans: list[Span] = field(default_factory=list)


class _Builder:
    """Appends literal text and labelled values, recording each value's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.pos = 0

    def lit(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def val(self, kind: str, s: str, unlisted: bool = False) -> None:
        self.spans.append(Span(kind, self.pos, self.pos + len(s), s, unlisted))
        self.lit(s)

    def fill(self, template: str, values: dict[str, tuple[str, str, bool]]) -> None:
        """`template` with {key} slots; values[key] = (kind, text, unlisted); kind '' is literal."""
        rest = template
        while "{" in rest:
            pre, _, tail = rest.partition("{")
            key, _, rest = tail.partition("}")
            self.lit(pre)
            kind, text, unlisted = values[key]
            if kind:
                self.val(kind, text, unlisted)
            else:
                self.lit(text)
        self.lit(rest)


class _Person:
    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        locale = rng.choices(list(NAME_LOCALES), weights=list(NAME_LOCALES.values()))[0]
        f = fakers[locale]
        self.first, self.last = f.first_name(), f.last_name().split()[-1]
        self.unlisted = locale in UNLISTED_LOCALES
        self.sex = rng.choice(["male", "female"])


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _npi(rng: random.Random) -> str:
    body = rng.choice("12") + _digits(rng, 8)
    return body + _luhn_digit("80840" + body)


def _dea(rng: random.Random) -> str:
    d = [int(c) for c in _digits(rng, 6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return rng.choice("ABFGM") + rng.choice(string.ascii_uppercase) + "".join(map(str, d)) + str(check)


def _mbi(rng: random.Random) -> str:
    letters = "ACDEFGHJKMNPQRTUVWXY"
    a = lambda: rng.choice(letters)  # noqa: E731
    an = lambda: rng.choice(letters + string.digits)  # noqa: E731
    return f"{rng.randint(1, 9)}{a()}{an()}{rng.randint(0, 9)}{a()}{an()}{rng.randint(0, 9)}{a()}{a()}{rng.randint(0, 9)}{rng.randint(0, 9)}"


def _date(rng: random.Random, f: Faker, start: str = "-3y", end: str = "today", dob: bool = False) -> str:
    d = f.date_of_birth(minimum_age=18, maximum_age=89) if dob else f.date_between(start_date=start, end_date=end)
    fmt = rng.choice(["%m/%d/%Y", "%Y-%m-%d", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%m/%d/%y", "%-m/%-d/%Y"])
    return d.strftime(fmt)


def _values(rng: random.Random, f: Faker, p: _Person, rel: _Person) -> dict[str, tuple[str, str, bool]]:
    ssn = f.ssn()
    ssn = rng.choice([ssn, ssn.replace("-", " "), ssn.replace("-", "")]) if rng.random() < 0.3 else ssn
    phone_fmt = rng.choice(["({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "+1 {a}-{b}-{c}", "{a}-{b}-{c} ext. {x}"])

    def phone() -> str:
        return phone_fmt.format(
            a=rng.randint(201, 989), b=rng.randint(200, 999), c=_digits(rng, 4), x=rng.randint(10, 9999)
        )

    return {
        "name": ("name", f"{p.first} {p.last}", p.unlisted),
        "first": ("name", p.first, p.unlisted),
        "last": ("name", p.last, p.unlisted),
        "mname": ("name", f"{p.first} {rng.choice(string.ascii_uppercase)}. {p.last}", p.unlisted),
        "lastfirst": ("name", f"{p.last}, {p.first}", p.unlisted),
        "LASTFIRST": ("name", f"{p.last.upper()}, {p.first.upper()}", p.unlisted),
        "relname": ("name", f"{rel.first} {rel.last}", rel.unlisted),
        "drname": ("name", f"{f.last_name()}", False),
        "title": ("", "Mr." if p.sex == "male" else rng.choice(["Mrs.", "Ms."]), False),
        "he": ("", "He" if p.sex == "male" else "She", False),
        "sex": ("", p.sex, False),
        "dob": ("date", _date(rng, f, dob=True), False),
        "date": ("date", _date(rng, f), False),
        "date2": ("date", _date(rng, f), False),
        "oldage": (
            "age",
            rng.choice(["{}-year-old", "{} year old", "{} y/o", "{}-yr-old"]).format(rng.randint(90, 104)),
            False,
        ),
        "age": ("", str(rng.randint(19, 88)), False),
        "phone": ("phone", phone(), False),
        "fax": (
            "fax",
            phone_fmt.format(a=rng.randint(201, 989), b=rng.randint(200, 999), c=_digits(rng, 4), x=12),
            False,
        ),
        "email": (
            "email",
            rng.choice([f.email(), f.free_email(), f"{p.first.lower()}.{p.last.lower()}@{f.free_email_domain()}"]),
            False,
        ),
        "ssn": ("ssn", ssn, False),
        "mrn": ("mrn", rng.choice(["", "", "E", "MR", "H"]) + _digits(rng, rng.randint(6, 10)), False),
        "plan": (
            "health_plan",
            rng.choice(
                [
                    rng.choice("WXYZABCHJ") + _digits(rng, 9),
                    f.bothify("???#########").upper(),
                    _mbi(rng),
                    _digits(rng, 11) + "A",
                ]
            ),
            False,
        ),
        "group": ("health_plan", _digits(rng, rng.randint(5, 8)), False),
        "account": (
            "account",
            rng.choice([_digits(rng, rng.randint(8, 12)), "A" + _digits(rng, 9), f.credit_card_number()]),
            False,
        ),
        "dl": ("license", rng.choice(string.ascii_uppercase) + _digits(rng, rng.randint(7, 8)), False),
        "npi": ("license", _npi(rng), False),
        "dea": ("license", _dea(rng), False),
        "passport": ("license", f.passport_number(), False),
        "vin": ("vehicle", f.vin(), False),
        "plate": ("vehicle", f.license_plate(), False),
        "serial": (
            "device",
            f.bothify("??-#####-?").upper() if rng.random() < 0.5 else f.bothify("########??").upper(),
            False,
        ),
        "udi": ("device", f"(01){_digits(rng, 14)}(17){_digits(rng, 6)}(10){f.bothify('??####').upper()}", False),
        "mac": ("device", f.mac_address(), False),
        "url": (
            "url",
            rng.choice([f.url(), f.uri(), f"https://www.facebook.com/{p.first.lower()}{p.last.lower()}"]),
            False,
        ),
        "ip": ("ip", rng.choice([f.ipv4(), f.ipv4_public(), f.ipv6()]), False),
        "street": ("address", f.street_address(), False),
        "citystate": ("address", f"{f.city()}, {f.state_abbr(include_territories=False)}", False),
        "city": ("address", f.city(), False),
        "zip": ("zip", f.zipcode(), False),
        "claim": ("other_id", "CLM" + _digits(rng, 9), False),
        "dose": (
            "",
            rng.choice(["metformin 500 mg twice daily", "lisinopril 10 mg daily", "atorvastatin 40 mg nightly"]),
            False,
        ),
        "lab": ("", rng.choice(["A1c 7.2%", "creatinine 1.1 mg/dL", "LDL 96 mg/dL", "TSH 2.4"]), False),
        "vitals": (
            "",
            f"BP {rng.randint(100, 160)}/{rng.randint(60, 95)}, HR {rng.randint(55, 110)}, SpO2 {rng.randint(91, 99)}%",
            False,
        ),
        "year": ("", str(rng.randint(1995, 2024)), False),
        "code": ("", rng.choice(["E11.9", "I10", "J45.909", "CPT 99213", "ICD-10 Z79.4"]), False),
    }


# (template, held): a held template appears only in the held-out split.
HEADERS: list[tuple[str, bool]] = [
    ("Patient: {name}\nDOB: {dob}\nMRN: {mrn}\n", False),
    ("Name: {lastfirst}    MRN {mrn}    DOB {dob}\n", False),
    ("PATIENT: {LASTFIRST}\nMedical Record Number: {mrn}\nDate of Birth: {dob}\n", False),
    ("Pt: {mname} | MR# {mrn} | D.O.B. {dob}\n", False),
    ("Patient Name: {name}\nMed Rec #: {mrn}\nBorn: {dob}\n", True),
    ("Re: {name} (DOB {dob}), chart number {mrn}\n", True),
]
SENTENCES: list[tuple[str, bool]] = [
    ("{title} {last} is a {oldage} {sex} admitted on {date} with shortness of breath.", False),
    ("{name} is a {age}-year-old {sex} seen in clinic on {date} for follow-up of diabetes; {lab}.", False),
    ("{he} was discharged on {date} on {dose}.", False),
    ("Vitals today: {vitals}. Assessment: {code}.", False),
    ("{he} lives at {street}, {citystate} {zip} with {relname}.", False),
    ("Home address: {street}\n{citystate} {zip}.", False),
    ("{he} recently moved to {city} to be near family.", False),
    ("Contact: {relname} (daughter), phone {phone}.", False),
    ("The patient can be reached at {phone} or by email at {email}.", False),
    ("Referring office fax: {fax}.", False),
    ("SSN: {ssn}.", False),
    ("Insurance: Member ID {plan}, Group # {group}.", False),
    ("Billing account number {account} was updated.", False),
    ("Driver's license {dl} was copied for identification; NPI {npi} for the ordering physician, Dr. {drname}.", False),
    ("Prescriber DEA # {dea}.", False),
    ("Pacemaker serial number {serial} interrogated; UDI {udi}.", False),
    ("Portal login from IP {ip} was flagged; patient's page is {url}.", False),
    ("Vehicle involved: VIN {vin}, plate {plate}.", False),
    ("Claim #{claim} was denied.", False),
    ("Wound healing since {year}; no changes to {dose}.", False),
    ("{first} reports improved sleep and denies chest pain.", False),
    ("Spouse {relname} called on {date2} asking about results.", False),
    ("Subscriber ID: {plan}; policy holder {relname}.", True),
    ("Acct: {account}. Statement mailed to {street}, {citystate} {zip}.", True),
    ("Cell {phone}; e-mail {email}.", True),
    ("Social Security Number {ssn} on file.", True),
    ("{title} {last} (age {age}) underwent surgery on {date}.", True),
    ("Device ID: {serial}, MAC {mac}.", True),
    ("Passport {passport} presented at registration.", True),
    ("Hospital account #: {account}; MBI {plan}.", True),
    ("Fax results to {fax} attn: {relname}.", True),
    ("{name} presented to the ED on {date} after a fall.", True),
]


def generate(seed: int | None = None, n: int = 300, split: str = "dev") -> list[Note]:
    """`n` notes; deterministic for a seed (default: the split's seed)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    seed = (DEV_SEED if split == "dev" else HELDOUT_SEED) if seed is None else seed
    rng = random.Random(seed)
    fakers = {loc: Faker(loc) for loc in NAME_LOCALES}
    for i, f in enumerate(fakers.values()):
        f.seed_instance(seed * 31 + i)
    f = fakers["en_US"]
    headers = [t for t, held in HEADERS if split == "heldout" or not held]
    sentences = [t for t, held in SENTENCES if split == "heldout" or not held]
    notes = []
    for i in range(n):
        p, rel = _Person(rng, fakers), _Person(rng, fakers)
        values = _values(rng, f, p, rel)
        b = _Builder()
        b.fill(rng.choice(headers), values)
        # every note cycles through the sentence pool so each kind is well represented
        picks = [sentences[(i * 5 + k) % len(sentences)] for k in range(5)] + rng.sample(sentences, 2)
        for template in picks:
            b.lit(rng.choice([" ", "\n", "  "]))
            b.fill(template, _values(rng, f, p, rel) if rng.random() < 0.3 else values)
        notes.append(Note("".join(b.parts), b.spans))
    return notes


def kinds_of(notes: list[Note]) -> set[str]:
    return {s.type for note in notes for s in note.spans}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--n", type=int, default=3)
    args = ap.parse_args()
    for note in generate(args.seed, args.n, args.split):
        print(note.text)
        print("  spans:", [(s.type, s.text) for s in note.spans])
        print("-" * 60)


if __name__ == "__main__":
    main()
