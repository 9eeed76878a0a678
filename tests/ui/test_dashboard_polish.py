"""Dashboard polish (AppTest and the figure itself): priority as a rank, a gap table narrow
enough for a 1,400 px window, use cases' own gates explained, radar ticks off the spokes.
The rendered widths and label positions are measured in tests/ui/test_browser_polish.py."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from advisor import ui
from advisor.assessment import load_all, load_instrument
from advisor.ui.charts import radar_figure, spoke_angles

from .signin import signed_in

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, hash_model_dir

ROOT = Path(__file__).resolve().parents[2]


def _dashboard(org: str) -> AppTest:
    at = signed_in(AppTest.from_file(str(ROOT / "pages" / "dashboard.py"), default_timeout=60))
    at.session_state[ui.ORG_KEY] = org
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_priority_is_a_rank(ui_home):
    at = _dashboard("northbridge-academic")
    gaps = next(d.value for d in at.dataframe if "Priority" in d.value.columns)
    assert list(gaps["Priority"]) == list(range(1, len(gaps) + 1))
    assert str(gaps["Priority"].dtype).startswith("int")  # 1, 2, 3 … — not 0.1200
    assert list(gaps.columns) == ["Priority", "Question", "Title", "Score", "Target", "Blocking", "Owner", "Evidence"]
    assert gaps.iloc[0]["Question"] == "GOV-2"  # the highest priority gap first
    assert any("Priority 1 is the gap to close first" in c.value for c in at.caption)


def test_use_case_readiness_explains_its_own_gates(ui_home):
    at = _dashboard("northbridge-academic")
    captions = [c.value for c in at.caption]
    assert any("Each use case has its own gates" in c for c in captions)
    gates = [c for c in captions if c.startswith("Its gates:")]
    inst = load_instrument()
    assert len(gates) == len(inst.use_cases)
    ambient = inst.use_case("ambient-documentation")
    assert any(all(ui.escape_md(f"{q} ≥ {lvl}") in g for q, lvl in ambient.questions.items()) for g in gates)


def test_radar_ticks_sit_between_spokes():
    card = [c for _, c in load_all() if c.org == "northbridge-academic"][-1]
    fig = radar_figure(card)
    n = len(card.dimensions)
    angle = fig.layout.polar.radialaxis.angle % 360
    half = 360 / n / 2
    nearest = min(min(abs(angle - a), 360 - abs(angle - a)) for a in spoke_angles(n))
    assert abs(nearest - half) < 1e-6  # half-way between two spokes, as far from both labels as it can be
    assert fig.layout.polar.angularaxis.rotation == 90 and fig.layout.polar.angularaxis.direction == "clockwise"


def test_gap_columns_fit_beside_the_sidebar():
    # main column at 1,400 px: the window less the sidebar (~336 px) and the page padding (~2 x 48 px)
    assert sum(ui.GAP_COLUMNS.values()) + ui.GAP_EVIDENCE_WIDTH <= 1400 - 336 - 96
