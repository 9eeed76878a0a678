"""Governance frameworks, crosswalks and question evidence as data (corpus/frameworks/*.yaml).

Load with `load_catalog()`; ask with `summarize`, `map_control` and `coverage`. Pure: no index,
embeddings or model. A user adds a framework by dropping YAML into ADVISOR_HOME/frameworks/.
"""

from .command import catalog_for_cli, frameworks_command
from .loader import (
    BUNDLED_DIR,
    broken_links,
    bundled_catalog,
    headings,
    load_catalog,
    load_file,
    user_dir,
    validation_error,
)
from .queries import (
    ControlCoverage,
    FrameworkCoverage,
    FrameworkSummary,
    MappedControl,
    QuestionEvidence,
    coverage,
    map_control,
    mappings_between,
    summarize,
)
from .records import (
    Catalog,
    Control,
    ControlMapping,
    CoverageState,
    Crosswalk,
    Evidence,
    EvidenceMap,
    Framework,
    Level,
    Link,
    Strength,
    Unmatched,
)

__all__ = [
    "BUNDLED_DIR",
    "Catalog",
    "Control",
    "ControlCoverage",
    "ControlMapping",
    "CoverageState",
    "Crosswalk",
    "Evidence",
    "EvidenceMap",
    "Framework",
    "FrameworkCoverage",
    "FrameworkSummary",
    "Level",
    "Link",
    "MappedControl",
    "QuestionEvidence",
    "Strength",
    "Unmatched",
    "broken_links",
    "bundled_catalog",
    "catalog_for_cli",
    "coverage",
    "frameworks_command",
    "headings",
    "load_catalog",
    "load_file",
    "map_control",
    "mappings_between",
    "summarize",
    "user_dir",
    "validation_error",
]
