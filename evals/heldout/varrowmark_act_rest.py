"""Bill text of the FICTIONAL Varrowmark SB 1184 (`build_varrowmark.py`), second part: Sections 8 to 11,
which add sections 44-2906 (reports) to 44-2909 (rules, advisory council). Each entry is (first-line
indent, text with inline markup)."""

from varrowmark_layout import I1, I2, I3

BILL: list[tuple[int | str, str]] = [
    (I1, "**Sec. 8.** Section 44-2906, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2906.** **Reports to department; notification of algorithmic discrimination.** (a) Not later "
        "than March 1 of each year, beginning March 1, 2028, each deployer shall submit to the department, in "
        "the form and manner prescribed by the department, a report for the preceding calendar year that "
        "includes:",
    ),
    (
        I2,
        "(1) The number of high-risk artificial intelligence systems in use and a list of those systems "
        "drawn from the inventory required by section 44-2902;",
    ),
    (I2, "(2) A summary of the findings of each impact assessment completed during the year;"),
    (
        I2,
        "(3) The number of requests for reconsideration received under subsection (e) of section 44-2903, "
        "and the number of those requests in which the original decision was changed; and",
    ),
    (I2, "(4) The number of notifications made under subsection (b) of this section."),
    (
        I1,
        "(b) A deployer that discovers that a high-risk artificial intelligence system it uses has caused, "
        "or is reasonably likely to have caused, algorithmic discrimination shall notify the department not "
        "later than ten business days after the discovery and shall describe the steps taken to prevent "
        "recurrence. An event involving serious patient harm shall be reported as a serious adverse event "
        "under section 44-2231.",
    ),
    (
        I1,
        "(c) Not later than December 1 of each year, beginning December 1, 2028, the department shall "
        "submit to the Senate Committee on Health and Human Services and the House Committee on Public Health "
        "a report that summarizes, in aggregate form, the information received under this section and any "
        "enforcement actions taken under section 44-2907. The report shall not identify any patient, and "
        "shall not identify a deployer except in connection with a final enforcement action.",
    ),
    (
        I1,
        "(d) Reports and notifications submitted under subsections (a) and (b), and impact assessments "
        "obtained by the department, are confidential and are not public records for purposes of the "
        "Varrowmark Public Records Act.",
    ),
    (I1, "**Sec. 9.** Section 44-2907, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2907.** **Enforcement; civil penalties.** (a) The department shall enforce this article. In "
        "the course of an inspection or investigation, the department may require a deployer to produce its "
        "governance policy, inventory, impact assessments, and related records, and the deployer shall "
        "produce them not later than 30 days after the department\u2019s request.",
    ),
    (I1, "(b) The department may assess a civil penalty against a deployer that violates this article, as follows:"),
    (I2, "(1) For a violation of section 44-2902, 44-2905, or 44-2906, not more than $5,000 per violation;"),
    (I2, "(2) For a violation of section 44-2903:"),
    (I3, "(A) Not more than $15,000 per violation; or"),
    (I3, "(B) Not more than $40,000 per violation, if the violation resulted in serious patient harm; and"),
    (I2, "(3) For a violation of section 44-2904, not more than $1,000 for each patient affected."),
    (
        I1,
        "(c) Each day on which a violation of section 44-2902, 44-2905, or 44-2906 continues constitutes a "
        "separate violation. However, the total civil penalties assessed against a deployer for violations "
        "arising from the same high-risk artificial intelligence system shall not exceed $500,000 in any "
        "calendar year.",
    ),
    (I1, "(d) In determining the amount of a penalty, the department shall consider:"),
    (I2, "(1) The seriousness of the violation and the extent of any resulting harm;"),
    (I2, "(2) The deployer\u2019s history of previous violations;"),
    (
        I2,
        "(3) The deployer\u2019s size and resources, including whether it is a critical access hospital or is "
        "located in a rural county; and",
    ),
    (
        I2,
        "(4) Any good-faith efforts by the deployer to comply, including voluntary disclosure of the "
        "violation to the department.",
    ),
    (
        I1,
        "(e)(1) Before assessing a penalty for a violation that occurs before January 1, 2029, the "
        "department shall issue a written notice of violation and allow the deployer 45 days to cure the "
        "violation. If the deployer cures the violation within that period and provides the department a "
        "written statement that it has done so, the department shall not assess a penalty for that "
        "violation.",
    ),
    (
        I2,
        "(2) Paragraph (1) does not apply to a violation described in subparagraph (B) of paragraph (2) of "
        "subsection (b), or to a violation that is substantially the same as a violation for which the "
        "deployer received a notice of violation within the preceding 24 months.",
    ),
    (
        I1,
        "(f) A deployer may contest a penalty by requesting a hearing in writing not later than 30 days "
        "after receiving notice of the assessment. The hearing shall be conducted in accordance with the "
        "Varrowmark Administrative Procedure Act.",
    ),
    (
        I1,
        "(g) Upon referral by the department, the Attorney General may bring a civil action in the district "
        "court of the county in which the deployer is located to enjoin a violation of this article or to "
        "recover a civil penalty assessed under this section.",
    ),
    (
        I1,
        "(h) Civil penalties collected under this section shall be deposited in the Clinical Algorithm "
        "Oversight Fund established by section 44-2908.",
    ),
    (
        I1,
        "(i) This article does not create a private right of action. Nothing in this article limits any "
        "remedy available under other law, including an action for medical negligence.",
    ),
    (I1, "**Sec. 10.** Section 44-2908, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2908.** **Clinical Algorithm Oversight Fund.** (a) The Clinical Algorithm Oversight Fund is "
        "established in the state treasury. The fund consists of civil penalties deposited under section "
        "44-2907, money appropriated by the Legislature, and gifts, grants, and donations.",
    ),
    (I1, "(b) Money in the fund is continuously appropriated to the department to:"),
    (I2, "(1) Administer and enforce this article;"),
    (I2, "(2) Provide technical assistance to deployers; and"),
    (
        I2,
        "(3) Award grants to critical access hospitals and to health care facilities located in rural "
        "counties to assist with the cost of the impact assessments, local validation, and training required "
        "by this article.",
    ),
    (
        I1,
        "(c) In each fiscal year, the department shall use not less than 20 percent of the money deposited "
        "in the fund for grants under paragraph (3) of subsection (b).",
    ),
    (
        I1,
        "(d) Interest earned on the fund shall be credited to the fund. Money in the fund at the end of a "
        "fiscal year does not revert to the General Fund.",
    ),
    (I1, "**Sec. 11.** Section 44-2909, Varrowmark Revised Statutes, is added to read:"),
    (
        I1,
        "**44-2909.** **Rules; advisory council.** (a) The department shall adopt rules to implement this "
        "article, including rules prescribing the form and content of the reports required by section "
        "44-2906 and a model patient notice for purposes of section 44-2904. The department shall adopt the "
        "initial rules not later than December 1, 2026.",
    ),
    (
        I1,
        "(b) The Health Care Artificial Intelligence Advisory Council is created within the department to "
        "advise the department on the implementation of this article and on emerging practices. The council "
        "consists of the following 11 members:",
    ),
    (I2, "(1) The director of the department, or the director\u2019s designee;"),
    (
        I2,
        "(2) Two members appointed by the Governor who represent hospitals, at least one of whom represents "
        "a hospital located in a rural county;",
    ),
    (
        I2,
        "(3) One physician appointed by the Governor from a list of nominees submitted by the Varrowmark "
        "Medical Society;",
    ),
    (
        I2,
        "(4) One registered nurse appointed by the Governor from a list of nominees submitted by the "
        "Varrowmark Nurses Association;",
    ),
    (I2, "(5) One pharmacist appointed by the Governor;"),
    (
        I2,
        "(6) Two members appointed by the Governor who represent patients or patient advocacy "
        "organizations, at least one of whom has expertise in health equity;",
    ),
    (
        I2,
        "(7) One member appointed by the Governor who is a faculty member at a public university in this "
        "state with expertise in data science or artificial intelligence;",
    ),
    (
        I2,
        "(8) One member of the Senate appointed by the President Pro Tempore of the Senate, who serves as a "
        "nonvoting member; and",
    ),
    (
        I2,
        "(9) One member of the House of Representatives appointed by the Speaker of the House, who serves "
        "as a nonvoting member.",
    ),
    (
        I1,
        "(c) Appointed members serve staggered three-year terms. The council shall elect a chair from among "
        "its voting members and shall meet at least quarterly.",
    ),
    (
        I1,
        "(d) Not later than October 1, 2031, the department, in consultation with the council, shall submit "
        "to the Legislature a report evaluating the effectiveness of this article and recommending whether "
        "it should be continued, modified, or allowed to expire under Section 16 of this act.",
    ),
]
