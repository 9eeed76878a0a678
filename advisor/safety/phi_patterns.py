"""Our own PHI recognizers: labelled identifiers (MRN, plan, account, licence, device, vehicle),
phone and fax formats, ZIP codes, addresses, ages over 89 and dates tied to a person."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from .meetings import meeting_date
from .offices import CREDENTIAL, business_date
from .periods import cohort_period
from .phi_types import Finding, PhiType, finding

Recognizer = Callable[[str], list[Finding]]

# "MRN: 123", "member ID # W123", "account number is 123", "DL 123"
_SUFFIX = r"(?:number|num|no\.?|nbr|#|id|identifier|code)"
_OPTIONAL_SEP = r"\s*(?:" + _SUFFIX + r"\s*)?(?:is\s+|was\s+|of\s+)?[:#=.-]?\s*#?\s*"
_REQUIRED_SEP = r"\s*(?:" + _SUFFIX + r"\s*(?:is\s+|was\s+)?[:#=-]?|[:#=])\s*#?\s*"
_ID = r"(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,19}[A-Za-z0-9]\b"
_NUMERIC_ID = r"(?=(?:[A-Za-z-]*\d){4})[A-Za-z]{0,4}-?\d[\d-]{3,14}\d\b"


#: A weak label inside a compound that names no one's record: "a common data model: DATA-7", "for each
#: use case: VALUE-2", "the operating model: OM-3" (an assessment's question IDs, a framework's codes).
_NOT_A_RECORD = "".join(
    rf"(?<!\b{w} )" for w in ("data", "use", "business", "test", "language", "operating", "risk", "maturity")
)


def _labelled(strong: str, weak: str, value: str) -> list[re.Pattern]:
    """Patterns for a value after a label: strong labels stand alone, weak ones need 'number', 'ID', '#' or ':'."""
    out = []
    if strong:
        out.append(re.compile(r"\b(?:" + strong + r")" + _OPTIONAL_SEP + r"(?P<v>" + value + ")", re.I))
    if weak:
        out.append(re.compile(_NOT_A_RECORD + r"\b(?:" + weak + r")" + _REQUIRED_SEP + r"(?P<v>" + value + ")", re.I))
    return out


LABELLED: list[tuple[PhiType, list[re.Pattern]]] = [
    (
        PhiType.MRN,
        _labelled(
            r"mrn|mr\s?#|mr\s?no\.?|med(?:ical)?\.?\s*rec(?:ord)?s?\.?(?:\s*(?:number|no\.?|#))?|e?mpi|empi",
            r"(?:patient|pt\.?|chart|record|hospital|unit|ehr|emr|medical)",
            _NUMERIC_ID,
        ),
    ),
    (
        PhiType.HEALTH_PLAN,
        _labelled(
            r"mbi|hicn|medicare beneficiary identifier|health plan beneficiary(?:\s+number)?",
            r"(?:member|subscriber|policy(?:holder)?|insurance|insured|plan|group|beneficiary|medicaid|medicare|payer|"
            r"coverage|insurance policy|health plan)",
            _ID,
        ),
    ),
    (
        PhiType.ACCOUNT,
        _labelled(
            r"acct\.?|a/c|account\s+(?:number|no\.?|#)",
            r"(?:account|billing|billing account|guarantor|guarantor account|bank account|checking|savings|"
            r"hospital account|har|patient account)",
            _ID,
        ),
    ),
    (
        PhiType.LICENSE,
        _labelled(
            r"dea|npi|driver'?s?\s+licen[cs]e|dl|passport|(?:state|medical|nursing|rn|professional)\s+licen[cs]e",
            r"(?:licen[cs]e|lic\.?|certificate|certification|permit|credential)",
            _ID,
        ),
    ),
    (
        PhiType.DEVICE,
        _labelled(
            r"s/n|udi|imei|meid|serial|serial\s+(?:number|no\.?|#)",
            r"(?:device|implant|pacemaker|pump|defibrillator|icd|monitor|cgm|hearing aid|model|sn)",
            r"(?=[A-Za-z0-9()-]*\d)[A-Za-z0-9(][A-Za-z0-9()-]{3,47}[A-Za-z0-9]\b",
        ),
    ),
    (
        PhiType.VEHICLE,
        _labelled(
            r"vin|vehicle identification(?:\s+number)?|licen[cs]e plate|plate",
            r"(?:tag|registration|vehicle)",
            r"(?=[A-Za-z0-9 -]*\d)[A-Za-z0-9]{1,8}(?:[ -][A-Za-z0-9]{1,8})?\b",
        ),
    ),
    (
        PhiType.OTHER_ID,
        _labelled(
            r"",
            r"(?:case|claim|employee|badge|student|encounter|visit|csn|fin|episode|specimen|accession|lab)",
            _ID,
        ),
    ),
    (
        PhiType.SSN,
        _labelled(
            r"ssn|ss#|social security(?:\s+(?:number|no\.?|#))?",
            r"",
            r"\d{3}[- .]?\d{2}[- .]?\d{4}\b",
        ),
    ),
]

_VIN = re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b")
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(
        zip(
            "ABCDEFGHJKLMNPRSTUVWXYZ",
            [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9],
            strict=True,
        )
    ),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_ok(vin: str) -> bool:
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True)) % 11
    return (
        vin[8] == ("X" if total == 10 else str(total))
        and any(c.isalpha() for c in vin)
        and any(c.isdigit() for c in vin)
    )


def labelled_ids(text: str) -> list[Finding]:
    """Identifiers after a label naming their kind, and check-digit-valid VINs."""
    out = []
    for kind, patterns in LABELLED:
        for pattern in patterns:
            out += [finding(text, kind, m.start("v"), m.end("v")) for m in pattern.finditer(text)]
    out += [finding(text, PhiType.VEHICLE, m.start(), m.end(), 0.8) for m in _VIN.finditer(text) if _vin_ok(m.group(0))]
    return out


# ---------------------------------------------------------------------------- phone and fax

_PHONE = re.compile(
    r"(?<![\w-])(?:(?:\+?1|001)[-.\s]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}"
    r"(?:\s?(?:x|ext\.?|extension)\s?\d{1,5})?(?![\w-])",
    re.I,
)
_PHONE_LABEL = re.compile(
    r"\b(?:phone|tel|telephone|cell|mobile|call|contact|ph|pager|fax|facsimile|home|work|reach(?:ed)? at)\b"
    r"\s*(?:#|no\.?|number)?\s*[:#]?\s*(?:at\s+)?(?P<v>(?:\+?1)?\d{10}(?:\s?(?:x|ext\.?)\s?\d{1,5})?)\b",
    re.I,
)
_FAX_CUE = re.compile(r"\b(?:fax|facsimile|telefax)\b|\bf\s*:\s*$", re.I)


def phones(text: str) -> list[Finding]:
    """NANP numbers in a phone format, bare ten-digit numbers after a phone label; faxes by their label."""
    spans = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    spans += [(m.start("v"), m.end("v")) for m in _PHONE_LABEL.finditer(text)]
    out = []
    for s, e in spans:
        before = text[max(0, s - 30) : s]
        kind = PhiType.FAX if _FAX_CUE.search(before.split("\n")[-1]) else PhiType.PHONE
        out.append(finding(text, kind, s, e))
    return out


def fax_or_phone(text: str, f: Finding) -> Finding:
    """A phone finding from another recognizer, retyped as fax when a fax label precedes it."""
    before = text[max(0, f.start - 30) : f.start].split("\n")[-1]
    return Finding(PhiType.FAX, f.start, f.end, f.text, f.score) if _FAX_CUE.search(before) else f


# ---------------------------------------------------------------------------- geography

_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI "
    "SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP FM MH PW AA AE AP"
)
STATES = _STATE_CODES.split()
STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|"
    "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|"
    "Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Puerto Rico"
)
_STATE = r"(?:" + "|".join(STATES) + r"|" + STATE_NAMES + r")"
# USPS Publication 28, appendix C1: street suffixes (public domain), names and common abbreviations.
_SUFFIXES = (
    "Alley|Aly|Annex|Anx|Arcade|Arc|Avenue|Ave|Av|Bayou|Byu|Beach|Bch|Bend|Bnd|Bluffs?|Blfs?|Bottom|Btm|Boulevard|Blvd|"
    "Branch|Br|Bridge|Brg|Brooks?|Brks?|Burgs?|Bgs?|Bypass|Byp|Camp|Cp|Canyon|Cyn|Cape|Cpe|Causeway|Cswy|Centers?|Ctrs?|"
    "Circles?|Cirs?|Cliffs?|Clfs?|Club|Clb|Commons?|Cmns?|Corners?|Cors?|Course|Crse|Courts?|Cts?|Coves?|Cvs?|Creek|Crk|"
    "Crescent|Cres|Crest|Crst|Crossing|Xing|Crossroads?|Xrds?|Curve|Curv|Dale|Dl|Dam|Dm|Divide|Dv|Drives?|Drs?|"
    "Estates?|Ests?|Expressway|Expy|Extensions?|Exts?|Falls?|Fls?|Ferry|Fry|Fields?|Flds?|Flats?|Flts?|Fords?|Frds?|"
    "Forest|Frst|Forges?|Frgs?|Forks?|Frks?|Fort|Ft|Freeway|Fwy|Gardens?|Gdns?|Gateway|Gtwy|Glens?|Glns?|Greens?|Grns?|"
    "Groves?|Grvs?|Harbors?|Hbrs?|Haven|Hvn|Heights|Hts|Highway|Hwy|Hills?|Hls?|Hollow|Holw|Inlet|Inlt|Islands?|Iss?|"
    "Isle|Junctions?|Jcts?|Keys?|Kys?|Knolls?|Knls?|Lakes?|Lks?|Land|Landing|Lndg|Lane|Ln|Lights?|Lgts?|Loaf|Lf|Locks?|"
    "Lcks?|Lodge|Ldg|Loop|Mall|Manors?|Mnrs?|Meadows?|Mdws?|Mews|Mills?|Mls?|Mission|Msn|Motorway|Mtwy|Mount|Mt|"
    "Mountains?|Mtns?|Neck|Nck|Orchard|Orch|Oval|Overpass|Opas|Parks?|Parkways?|Pkwys?|Pkwy|Pass|Passage|Psge|Path|Pike|"
    "Pines?|Pnes?|Place|Pl|Plains?|Plns?|Plaza|Plz|Points?|Pts?|Ports?|Prts?|Prairie|Pr|Radial|Radl|Ramp|Ranch|Rnch|"
    "Rapids?|Rpds?|Rest|Rst|Ridges?|Rdgs?|River|Riv|Roads?|Rds?|Route|Rte|Row|Rue|Run|Shoals?|Shls?|Shores?|Shrs?|"
    "Skyway|Skwy|Springs?|Spgs?|Spurs?|Squares?|Sqs?|Station|Sta|Stravenue|Stra|Stream|Strm|Streets?|Sts?|Summit|Smt|"
    "Terrace|Ter|Throughway|Trwy|Trace|Trce|Track|Trak|Trafficway|Trfy|Trail|Trl|Trailer|Trlr|Tunnel|Tunl|Turnpike|"
    "Tpke|Underpass|Upas|Unions?|Uns?|Valleys?|Vlys?|Viaduct|Via|Views?|Vws?|Villages?|Vlgs?|Ville|Vl|Vista|Vis|"
    "Walks?|Wall|Way|Ways|Wells?|Wls?"
)
_STRONG_SUFFIX = re.compile(
    r"^(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Ter|Parkway|Pkwy|"
    r"Circle|Cir|Highway|Hwy|Way|Trail|Trl)\.?$"
)
_UNIT = r"(?:,?\s+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|#|Fl\.?|Floor|Bldg\.?|Building|Room|Rm\.?|Lot|Trlr\.?)\s*#?\s*[A-Za-z0-9-]+)"
_CITY_STATE = r"(?:,?\s*\n?\s*(?P<city>[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,3}),?\s+" + _STATE + r"\b)"
_STREET = re.compile(
    r"\b\d{1,6}[A-Z]?(?:-\d{1,5})?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?"
    r"(?:(?:[A-Z][A-Za-z'.-]*|\d+(?:st|nd|rd|th))\s+){1,4}(?P<suffix>(?:" + _SUFFIXES + r")\b\.?)"
    r"(?:\s+(?:[NSEW]|NE|NW|SE|SW)\b\.?)?" + _UNIT + r"?" + _CITY_STATE + r"?"
)
_ADDRESS_CUE = re.compile(
    r"\b(?:address|addr|lives?|living|resides?|residing|home|located|mail\w*|at|to|from)\W*$", re.I
)
_CITY_ONLY = re.compile(
    r"\b(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),\s+(?:" + "|".join(STATES) + r")\b(?=\s+\d{5}|\s*[\n.,;)]|\s*$)"
)
# State codes that are also degrees (MD, PA, DC, ND, MS, MA): "Jane Roe, MD, MPH" or "Jane Roe, MD; John Poe, PhD"
# is an author or signatory with credentials, not a place.
_DEGREE_STATES = frozenset({"MD", "PA", "DC", "ND", "MS", "MA"})
# ... or the last of such a list ("Jane Roe, MD; John Poe, MS"): a degree ends the item before it.
_CREDENTIALS_BEFORE = re.compile(CREDENTIAL + r"\.?\s*[;·•]\s*$")
_CREDENTIALS_AFTER = re.compile(
    r"^\s*(?:,\s*" + CREDENTIAL + r"|;\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*,\s*" + CREDENTIAL + r")"
)
# ... or a titled person ("Dr. Jane Roe, MD"), or one whose office follows ("Jane Roe, MD, Chief Medical Officer")
_TITLED_BEFORE = re.compile(r"\b(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+$")
_OFFICE_AFTER = re.compile(
    r"^\s*,\s*(?:the\s+)?(?:Chief|Director|Head|Lead|President|Vice|Chair|Professor|Associate|Assistant|Senior|"
    r"Consultant|Medical|Clinical|Executive|Deputy|Interim|Principal|Attending)\b"
)
_RESIDENCE = re.compile(
    r"\b(?:lives|living|resides|residing|resident|moved|relocated|relocating|home|born|transferred from)\s+(?:in|at|of|to|from)\s+"
    # a month is no place: "go-live moved from Dec 2026 to Mar 2027"
    r"(?:the\s+)?(?!(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b)(?P<v>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b"
    r"(?!['’]s\b)"  # an owner is no place: "the signed note lives in the Customer's EHR"
)
_COUNTY = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:County|Parish|Borough)\b")
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s*Box\s+\d+\b", re.I)
_ZIP = re.compile(
    r"(?:\b" + _STATE + r",?\s+|\b(?:zip(?:\s*code)?|postal\s+code|postcode)\s*[:#]?\s*)(?P<v>\d{5}(?:-\d{4})?)\b",
    re.I,
)


def addresses(text: str) -> list[Finding]:
    """Street addresses with city and state, PO boxes, 'City, ST', counties, places of residence."""
    out = []
    for m in _STREET.finditer(text):
        cue = _ADDRESS_CUE.search(text[max(0, m.start() - 25) : m.start()])
        if m.group("city") or cue or _STRONG_SUFFIX.match(m.group("suffix")) or re.search(_UNIT, m.group(0)):
            out.append(finding(text, PhiType.ADDRESS, m.start(), m.end()))
    for m in _CITY_ONLY.finditer(text):
        if text[m.end() - 2 : m.end()] in _DEGREE_STATES and (
            _CREDENTIALS_AFTER.match(text[m.end() : m.end() + 60])
            or _OFFICE_AFTER.match(text[m.end() : m.end() + 60])
            or _CREDENTIALS_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            or _TITLED_BEFORE.search(text[max(0, m.start() - 6) : m.start()])
        ):
            continue  # a person's degrees ("Jane Roe, MD, MPH"), not "City, MD"
        out.append(finding(text, PhiType.ADDRESS, m.start(), m.end()))
    out += [finding(text, PhiType.ADDRESS, m.start("v"), m.end("v"), 0.7) for m in _RESIDENCE.finditer(text)]
    out += [finding(text, PhiType.ADDRESS, m.start(), m.end(), 0.7) for m in _COUNTY.finditer(text)]
    out += [finding(text, PhiType.ADDRESS, m.start(), m.end()) for m in _PO_BOX.finditer(text)]
    return out


def zips(text: str) -> list[Finding]:
    """ZIP codes after a state or a ZIP label."""
    return [finding(text, PhiType.ZIP, m.start("v"), m.end("v")) for m in _ZIP.finditer(text)]


# ---------------------------------------------------------------------------- ages and dates

_AGE = re.compile(
    r"\b(?P<v>9\d|1[0-2]\d)(?:\s?|-)(?:years?|yrs?|y)(?:\s?|-)old\b|\b(?:aged?|age:)\s*(?P<w>9\d|1[0-2]\d)\b"
    r"|\b(?P<x>9\d|1[0-2]\d)\s?(?:y/?o|yo|y\.o\.)(?!\w)",
    re.I,
)


def ages(text: str) -> list[Finding]:
    """Ages over 89 (Safe Harbor aggregates them into '90 or older')."""
    out = []
    for m in _AGE.finditer(text):
        g = "v" if m.group("v") else "w" if m.group("w") else "x"
        out.append(finding(text, PhiType.AGE, m.start(g) if g != "v" else m.start(), m.end()))
    return out


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_DATES = [
    re.compile(r"\b(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])[/-](?:19|20)?\d{2}\b"),
    re.compile(r"\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}\b"),
    re.compile(
        r"\b(?:19|20)\d{2}[-/](?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01])\b(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"
    ),
    re.compile(r"\b" + _MONTH + r"\.?\s+" + _DAY + r"(?:,?\s+(?:19|20)\d{2})?\b"),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\.?,?(?:\s+(?:19|20)\d{2})?\b"),
    re.compile(r"\b" + _MONTH + r"\.?,?\s+(?:19|20)\d{2}\b"),
    re.compile(
        r"\b(?:0?[1-9]|[12]\d|3[01])-(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-(?:19|20)?\d{2}\b", re.I
    ),
]
_DATE_CUE = re.compile(
    r"\b(?:dob|d\.o\.b|birth|born|birthday|b\.|admit\w*|admission|discharg\w*|visit\w*|seen|evaluated|encounter|"
    r"date of service|service date|dos|died|death|deceased|expired|surgery|operation|procedure|appointment|appt|follow[- ]?up|f/u|"
    # "presented to the ED on", not "presented the quarterly report, with data to 28 February"
    r"scheduled|presented(?!\s+(?:the|a|an|its|their|this|these|our|his|her|findings|results|data)\b)|injury|injured|onset|hospitali[sz](?!ts?\b)\w*|diagnosed|started|stopped|collected|performed|"
    r"vaccinated|immunized|transferred|arrived|returned|delivered|treated|consult(?:s|ed|ation|ations|ant|ants)?|"
    r"referred|signed|dictated)\b",  # not a firm's name: "Calloway Statistical Consulting"
    re.I,
)


def dates(text: str, anchored: bool, meeting: bool = False, names: Collection[str] = ()) -> list[Finding]:
    """Dates (other than a bare year) after a personal-event cue, or anywhere in a text about a person;
    never a document's, product's or organization's date (`offices.business_date`), nor a data set's or study's
    period naming none of `names` (`periods.cohort_period`), nor, in a meeting's record (`meeting`), the date of the meeting's own business
    (`meetings.meeting_date`)."""
    out: list[Finding] = []
    matches = [m for pattern in _DATES for m in pattern.finditer(text)]
    # a data set's period ("encounters admitted between 1 May 2019 and ..."), with the parts of its dates
    # ("May 2019") that other patterns match
    periods = [(m.start(), m.end()) for m in matches if cohort_period(text, m.start(), m.end(), anchored, names)]
    for m in matches:
        if any(s <= m.start() and m.end() <= e for s, e in periods):
            continue
        # the cue must be in the date's own line, table cell and sentence ("issued at birth |
        # Mandatory | January 2027" is a rule's effective date, not a birth date; nor is "...
        # day-procedure centres. From 1 July 2027 it applies")
        line = re.split(r"[\n|]|(?<=[a-z]{2}[.!?])\s+(?=[A-Z])", text[max(0, m.start() - 60) : m.start()])[-1]
        if business_date(text, m.start(), m.end()) or (meeting and meeting_date(text, m.start(), m.end())):
            continue  # a document's, product's or organization's date ("cleared on", a revision row)
        if anchored or _DATE_CUE.search(line):
            out.append(finding(text, PhiType.DATE, m.start(), m.end(), 0.9 if not anchored else 0.7))
    return out


# The text is about a person: a birth date, an age with sex, or an identifier only a patient has.
PERSON_CUE = re.compile(
    r"\b(?:dob|d\.o\.b|date of birth|born on|y/o|yo\s?[mf]\b|year-old (?:male|female|man|woman|patient|boy|girl|"
    r"gentleman|lady)|(?:his|her) (?:wife|husband|daughter|son|mother|father)|mrn|ssn)\b",
    re.I,
)

_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'\]\[)(]+", re.I)


def urls(text: str) -> list[Finding]:
    """Any URL with a scheme, whatever its top-level domain."""
    return [finding(text, PhiType.URL, m.start(), m.end()) for m in _URL.finditer(text)]


PATTERN_RECOGNIZERS: list[Recognizer] = [labelled_ids, phones, addresses, zips, ages, urls]
