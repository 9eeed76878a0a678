"""The dashboard's Plotly figures: the dimension radar, the readiness index over time and
the change per dimension."""

from __future__ import annotations

import plotly.graph_objects as go

from ..assessment import Instrument, Scorecard, Trend

SCALE_LEVEL = 3  # the level every dimension needs to scale AI (drawn as a reference ring)
RADAR_TOP = 90  # the first dimension's spoke points up


def axis_label(name: str, width: int = 14) -> str:
    """Radar axis label on up to two lines, so long names are not clipped."""
    if len(name) <= width or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "<br>" + name[cut + 1 :]


def radar_figure(card: Scorecard, previous: Scorecard | None = None) -> go.Figure:
    """Dimension scores of an assessment, over the earlier one when there is one."""
    names = [axis_label(d.name) for d in card.dimensions]
    theta = [*names, names[0]]
    fig = go.Figure()
    fig.add_trace(
        go.Scatterpolar(
            r=[SCALE_LEVEL] * len(theta),
            theta=theta,
            mode="lines",
            name=f"Level {SCALE_LEVEL} (needed to scale)",
            line={"dash": "dot", "color": "#9aa0a6"},
            hoverinfo="skip",
        )
    )
    if previous is not None:
        prev_scores = {d.id: d.score for d in previous.dimensions}
        r_prev = [prev_scores.get(d.id) or 0 for d in card.dimensions]
        fig.add_trace(
            go.Scatterpolar(
                r=[*r_prev, r_prev[0]],
                theta=theta,
                mode="lines+markers",
                name=f"Assessed {previous.date}",
                line={"dash": "dash", "color": "#f4a261"},
            )
        )
    r_now = [d.score or 0 for d in card.dimensions]
    fig.add_trace(
        go.Scatterpolar(
            r=[*r_now, r_now[0]],
            theta=theta,
            mode="lines+markers",
            fill="toself",
            name=f"Assessed {card.date}",
            line={"color": "#1f77b4"},
            customdata=[d.name for d in card.dimensions] + [card.dimensions[0].name],
            hovertemplate="%{customdata}: %{r:.2f} / 5<extra></extra>",
        )
    )
    fig.update_layout(
        polar=radar_axes(len(card.dimensions)),
        legend={"orientation": "h", "y": -0.12},
        margin={"l": 70, "r": 70, "t": 40, "b": 30},
        height=470,
    )
    return fig


def radar_axes(n: int) -> dict:
    """Polar axes for `n` spokes, the first at the top, clockwise, with the score ticks drawn
    half-way between the first two spokes so they never sit on a spoke or under its label."""
    step = 360 / max(n, 1)
    between = RADAR_TOP - step / 2
    return {
        "angularaxis": {"rotation": RADAR_TOP, "direction": "clockwise"},
        "radialaxis": {
            "range": [0, 5],
            "tickvals": [1, 2, 3, 4, 5],
            "angle": between,
            "tickangle": between,
            "tickfont": {"size": 10, "color": "#6b7280"},
        },
    }


def spoke_angles(n: int) -> list[float]:
    """The angle (degrees, counter-clockwise from east) of each spoke of `radar_axes(n)`."""
    step = 360 / max(n, 1)
    return [(RADAR_TOP - i * step) % 360 for i in range(n)]


def index_history_figure(cards: list[Scorecard], inst: Instrument) -> go.Figure:
    """The readiness index of each assessment, with the tier thresholds."""
    fig = go.Figure(
        go.Scatter(
            x=[c.date for c in cards],
            y=[c.index for c in cards],
            mode="lines+markers+text",
            text=[f"{c.index:.1f}" if c.index is not None else "" for c in cards],
            textposition="top center",
            name="Readiness index",
        )
    )
    for t in inst.tiers[1:]:
        fig.add_hline(
            y=t.min_index,
            line_dash="dot",
            line_color="#9aa0a6",
            annotation_text=t.name,
            annotation_position="top left",
        )
    fig.update_layout(
        title="Readiness index over time", yaxis={"range": [0, 100]}, height=340, margin={"t": 50, "b": 30}
    )
    fig.update_xaxes(type="category")
    return fig


def dimension_change_figure(tr: Trend) -> go.Figure:
    """How much each dimension's score moved between two assessments."""
    dd = [d for d in tr.dimensions if d.delta is not None]
    fig = go.Figure(
        go.Bar(
            x=[d.delta for d in dd],
            y=[d.name for d in dd],
            orientation="h",
            marker_color=["#2a9d8f" if d.delta >= 0 else "#e76f51" for d in dd],
            text=[f"{d.delta:+.2f}" for d in dd],
            textposition="auto",
        )
    )
    fig.update_layout(title="Change per dimension", height=340, margin={"t": 50, "b": 30, "l": 10})
    fig.update_yaxes(autorange="reversed")
    return fig
