"""User-facing errors: things a user can fix, reported as one clear line, never a traceback."""

from __future__ import annotations


class AdvisorError(Exception):
    """Base for errors caused by input, configuration or environment, not by a bug."""


class SettingsError(AdvisorError):
    """An environment variable has an invalid value."""


class IngestError(AdvisorError):
    """A file could not be read or parsed into chunks."""

    def __init__(self, file: str, problem: str):
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")


class AssessmentError(AdvisorError):
    """An assessment instrument or results file is invalid.

    `problems` lists every problem found, each naming the file, the row or field, and the fix.
    """

    def __init__(self, file: str, problems: list[str]):
        self.file = file
        self.problems = list(problems)
        detail = "; ".join(self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        super().__init__(f"{file}: {detail}{more}")


class StoreError(AdvisorError):
    """The index is missing, locked or unusable."""


class LLMError(AdvisorError):
    """The configured chat model could not produce an answer."""


class CorpusMetadataError(AdvisorError):
    """A document's front matter lacks a currency field (as_of, status, review_by) or has a bad value."""

    def __init__(self, file: str, field: str, problem: str, line: int | None = None):
        self.file = file
        self.field = field
        self.problem = problem
        self.line = line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: front matter field '{field}' {problem}")


class FrameworkError(AdvisorError):
    """A framework or crosswalk YAML file is invalid: names the file, the line and the field."""

    def __init__(self, file: str, line: int | None, field: str, problem: str):
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {field}: {problem}")


class FrameworkLookupError(AdvisorError):
    """A framework or control named in a query does not exist in the loaded frameworks."""
