"""A small library of look-alike guides for the dense channel's tests: one passage each, five
topics in turn, so several passages tie closely on any question."""

from __future__ import annotations

from pathlib import Path

from advisor.settings import Settings

TOPICS = ["drift alerts", "model inventory", "bias audits", "incident response", "vendor contracts"]


def guide_settings(tmp_path: Path, hash_model_dir: Path, passages: int = 40) -> tuple[Settings, Path]:
    """Settings of a fresh home on the hash model, and a folder of `passages` guides to index."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(passages):
        topic = TOPICS[i % len(TOPICS)]
        (docs / f"g{i:02d}.md").write_text(
            f"# Guide {i}\n\n## {topic.title()}\n\nThe {topic} of deployed models are reviewed by team {i} "
            f"every {['quarter', 'month', 'year'][i % 3]}; owner {i} signs off.\n",
            encoding="utf-8",
        )
    s = Settings.from_env(
        {"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir), "ADVISOR_CANDIDATES": "8"}
    )
    return s, docs
