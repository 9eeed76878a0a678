"""The PHI detector's presidio recognizers load without pulling in torch or transformers (they
are optional NLP engines we never use, and cost seconds of a cold `advisor ask`)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from advisor.safety.phi import redact
print(redact("Call Dana at 617-555-0143 or dana.lee@example.org about the audit."))
print("torch" in sys.modules, "transformers" in sys.modules)
import torch  # still importable afterwards
print(torch.__version__.split("+")[0])
"""


def test_presidio_loads_without_torch_and_leaves_it_importable():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=True)
    redacted, loaded, version = out.stdout.strip().splitlines()[-3:]
    assert "617-555-0143" not in redacted and "dana.lee@example.org" not in redacted
    assert loaded == "False False"
    assert version == "2.13.0"
