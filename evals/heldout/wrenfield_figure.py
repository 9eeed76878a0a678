"""Wrenfield article Figure 1, drawn with Pillow: (A) AUROC of WEDS with 95% CIs beside the Ward
Trigger Criteria at each hospital, (B) high-risk alerts per day. Its labels are pixels only; the
caption in `wrenfield_tables.FIGURE1` carries the words."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


def make_figure(path: Path) -> Path:
    """Draw Figure 1 as a PNG at `path` and return `path`."""
    W, Hh = 1500, 1060
    im = Image.new("RGB", (W, Hh), "white")
    d = ImageDraw.Draw(im)
    try:
        f = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
        fb = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 34)
    except OSError:
        f = fb = ImageFont.load_default()
    sites = ["WG", "SA", "EB", "MV"]
    # Panel A: AUROC WEDS vs WTC (axis 0.60-0.90)
    au = [0.842, 0.817, 0.826, 0.771]
    lo = [0.830, 0.797, 0.808, 0.731]
    hi = [0.853, 0.836, 0.844, 0.810]
    wt = [0.738, 0.722, 0.729, 0.714]
    x0, y0, pw, ph = 130, 80, 560, 820
    d.text((20, 10), "A", font=fb, fill="black")
    d.line((x0, y0, x0, y0 + ph), fill="black", width=3)
    d.line((x0, y0 + ph, x0 + pw, y0 + ph), fill="black", width=3)

    def yv(v: float) -> float:
        """Panel A's y pixel for an AUROC of `v`."""
        return y0 + ph - (v - 0.60) / 0.30 * ph

    for t in (0.60, 0.70, 0.80, 0.90):
        d.line((x0 - 12, yv(t), x0, yv(t)), fill="black", width=3)
        d.text((x0 - 100, yv(t) - 18), f"{t:.2f}", font=f, fill="black")
    for i, s in enumerate(sites):
        cx = x0 + 70 + i * 125
        d.rectangle((cx, yv(au[i]), cx + 45, y0 + ph), fill=(40, 70, 120))
        d.rectangle((cx + 48, yv(wt[i]), cx + 93, y0 + ph), fill=(190, 190, 190))
        d.line((cx + 22, yv(lo[i]), cx + 22, yv(hi[i])), fill="black", width=3)
        d.line((cx + 10, yv(lo[i]), cx + 34, yv(lo[i])), fill="black", width=3)
        d.line((cx + 10, yv(hi[i]), cx + 34, yv(hi[i])), fill="black", width=3)
        d.text((cx + 20, y0 + ph + 15), s, font=f, fill="black")
    # Panel B: alerts per day
    apd = [8.5, 3.8, 4.2, 1.3]
    x1 = 860
    d.text((770, 10), "B", font=fb, fill="black")
    d.line((x1, y0, x1, y0 + ph), fill="black", width=3)
    d.line((x1, y0 + ph, x1 + pw, y0 + ph), fill="black", width=3)

    def yb(v: float) -> float:
        """Panel B's y pixel for `v` alerts per day."""
        return y0 + ph - v / 10.0 * ph

    for t in (0, 2, 4, 6, 8, 10):
        d.line((x1 - 12, yb(t), x1, yb(t)), fill="black", width=3)
        d.text((x1 - 50, yb(t) - 18), f"{t}", font=f, fill="black")
    for i, s in enumerate(sites):
        cx = x1 + 60 + i * 125
        d.rectangle((cx, yb(apd[i]), cx + 80, y0 + ph), fill=(120, 40, 40))
        d.text((cx + 20, y0 + ph + 15), s, font=f, fill="black")
    im.save(path)
    return path
