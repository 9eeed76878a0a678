"""Bill text of the FICTIONAL Varrowmark SB 1184 (`build_varrowmark.py`), last part: Sections 12 and 13,
which amend 44-2107 and 44-2231 with `[-struck-]` and `{+underlined+}` markup, and Sections 14 to 17
(appropriation, severability, sunset, effective date). Each entry is (first-line indent, text)."""

from varrowmark_layout import I1, I2

BILL: list[tuple[int | str, str]] = [
    (I1, "**Sec. 12.** Section 44-2107, Varrowmark Revised Statutes, is amended to read:"),
    (
        I1,
        "**44-2107.** **Hospital licensure; quality assurance program; clinical technology oversight "
        "committee.** (a) Each hospital licensed under this chapter shall maintain a quality assurance "
        "program that is approved by its governing body and that includes ongoing review of patient care, "
        "patient safety, and infection control.",
    ),
    (
        I1,
        "(b) The quality assurance program shall be under the direction of a quality assurance committee "
        "that includes at least one physician, one registered nurse, and one pharmacist, and that reports to "
        "the governing body at least semiannually.",
    ),
    (
        I1,
        "(c) Each hospital licensed for [-100-] {+50+} or more beds shall establish a clinical technology "
        "oversight committee as a subcommittee of the quality assurance committee. The clinical technology "
        "oversight committee shall meet at least [-annually-] {+quarterly+} and shall review:",
    ),
    (I2, "(1) The acquisition and implementation of new clinical technologies that affect patient safety;"),
    (I2, "(2) Reports of malfunctions of medical devices and clinical information systems; [-and-]"),
    (
        I2,
        "(3) Alerts and recalls issued by the United States Food and Drug Administration and by "
        "manufacturers[-.-]{+; and+}",
    ),
    (
        I2,
        "{+(4) The inventory, impact assessments, and monitoring results of each high-risk artificial "
        "intelligence system used by the hospital, as those terms are defined in section 44-2901.+}",
    ),
    (
        I1,
        "(d) A hospital licensed for fewer than [-100-] {+50+} beds shall assign the functions described in "
        "subsection (c) to its quality assurance committee.",
    ),
    (
        I1,
        "(e) The department may assess a civil penalty of not more than [-$1,000-] {+$10,000+} for each day "
        "that a hospital fails to comply with this section. [-The department shall not assess a penalty "
        "under this subsection until the hospital has failed to correct the deficiency within 90 days after "
        "notice.-]",
    ),
    (I1, "**Sec. 13.** Section 44-2231, Varrowmark Revised Statutes, is amended to read:"),
    (
        I1,
        "**44-2231.** **Serious adverse events; reporting; root cause analysis.** (a) A health care "
        "facility shall report to the department each serious adverse event that occurs in the facility not "
        "later than [-fourteen-] {+seven+} days after the event is discovered.",
    ),
    (I1, "(b) For purposes of this section, \u201cserious adverse event\u201d means any of the following:"),
    (I2, "(1) Surgery or an invasive procedure performed on the wrong body part or the wrong patient;"),
    (I2, "(2) Unintended retention of a foreign object in a patient after surgery;"),
    (I2, "(3) A medication error resulting in death or serious disability;"),
    (I2, "(4) Death or serious disability associated with a fall while being cared for in the facility;"),
    (I2, "(5) A stage 3 or stage 4 pressure injury acquired after admission;"),
    (I2, "(6) Discharge or release of a patient who lacks decision-making capacity to an unauthorized person;"),
    (
        I2,
        "(7) Patient death or serious disability associated with the use of contaminated drugs, devices, or "
        "biologics; [-or-]",
    ),
    (
        I2,
        "(8) Patient suicide or attempted suicide resulting in serious disability while being cared for in "
        "the facility[-.-]{+; or+}",
    ),
    (
        I2,
        "{+(9) Death or serious physical injury of a patient associated with the use of a high-risk "
        "artificial intelligence system, as defined in section 44-2901, including an event in which the "
        "system\u2019s output was implemented without the review required by section 44-2903.+}",
    ),
    (
        I1,
        "(c) The facility shall submit to the department a root cause analysis of each serious adverse event "
        "not later than [-60-] {+45+} days after the event is discovered. The root cause analysis shall "
        "identify corrective actions and the date by which each will be completed.",
    ),
    (
        I1,
        "(d) Reports and root cause analyses submitted under this section are confidential and may not be "
        "used as evidence in a civil action, except in an action brought by the department.",
    ),
    (
        I1,
        "**Sec. 14.** **Appropriation.** There is appropriated from the General Fund to the Department of "
        "Health and Senior Services the sum of $2,140,000 for the fiscal year beginning July 1, 2026, for the "
        "purpose of implementing this act, including the development of an electronic reporting system and "
        "the establishment of six full-time equivalent positions. Of this amount, $160,000 shall be "
        "transferred to the Clinical Algorithm Oversight Fund for grants under paragraph (3) of subsection "
        "(b) of section 44-2908.",
    ),
    (
        I1,
        "**Sec. 15.** **Severability.** If any provision of this act or its application to any person or "
        "circumstance is held invalid, the invalidity does not affect other provisions or applications of "
        "the act that can be given effect without the invalid provision or application, and to this end the "
        "provisions of this act are severable.",
    ),
    (
        I1,
        "**Sec. 16.** **Sunset; repeal.** Sections 44-2901 through 44-2909, Varrowmark Revised Statutes, "
        "as added by Sections 3 through 11 of this act, are repealed effective July 1, 2032, unless extended "
        "by the Legislature before that date. This section does not affect the amendments made by Sections "
        "12 and 13 of this act to sections 44-2107 and 44-2231. Any money remaining in the Clinical Algorithm "
        "Oversight Fund on July 1, 2032, shall be transferred to the Health Facility Licensure Fund.",
    ),
    (
        I1,
        "**Sec. 17.** **Effective date.** (a) Except as provided in subsection (b), this act takes effect "
        "January 1, 2027.",
    ),
    (I1, "(b) Sections 10, 11, and 14 of this act take effect July 1, 2026."),
]
