"""Where an organization is ("The Authority's offices are at ...", a page footer's "Acme Health,
Inc. · 1 Main Street · ...") is the organization's published address, not a patient's: the PHI
screen leaves it, and still redacts an address in a sentence about a patient."""

from __future__ import annotations

import pytest

from advisor.safety.phi import redact


@pytest.mark.parametrize(
    "text",
    [
        "The Authority's offices are at 40 Harbour Street, Orrin Falls, OV 00410.",
        "Quellon Imaging is headquartered at 12 Mill Road, Dunmore, PA 18512.",
        "Halvern Diagnostics, Inc. · 1180 Quarry Ridge Parkway, Suite 400 · Lindenfall, OR 97599 · +1 (555) 013-7700",
        "Brisk Valley Health, LLC | 77 Elm Street, Springfield, IL 62701 | (555) 014-2200",
    ],
)
def test_an_organizations_address_is_left_in_clear(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The patient lives at 12 Mill Road, Dunmore, PA 18512.",
        "John Smith was admitted; his home is located at 12 Mill Road, Dunmore, PA 18512.",
        "The clinic is located at 5 Oak Avenue, Salem, OR 97301, where Mr. Roe was seen.",
        "Acme Health, LLC · Patient Jane Roe · 77 Elm Street, Springfield, IL 62701",
        "Roe Holdings, LLC · John Roe lives at 77 Elm Street, Springfield, IL 62701",
    ],
)
def test_an_address_about_a_patient_is_still_redacted(text):
    assert "[ADDRESS]" in redact(text), redact(text)
