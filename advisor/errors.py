"""User-facing errors: things a user can fix, reported as one clear line, never a traceback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


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


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One validation problem in an input file: located for programs, worded for people.

    `message` is the sentence a user reads (it names the row or field and says how to fix
    it); ``str(problem)`` is that sentence. The location travels as fields, so nothing has
    to parse it back out of the text:

    - `file`: the file the problem is in;
    - `rows`: CSV rows concerned, numbered as a spreadsheet shows them (header = row 1);
      every row, even when the message lists only the first few;
    - `result_index`: the JSON `results[i]` entry concerned;
    - `field`: the CSV column, JSON field or instrument YAML path concerned
      (e.g. ``score``, ``org``, ``dimensions[1].keywords``); "" when the problem is about
      the whole file.
    """

    file: str
    rows: tuple[int, ...] = ()
    result_index: int | None = None
    field: str = ""
    message: str

    def __str__(self) -> str:
        return self.message


class AssessmentError(AdvisorError):
    """An assessment instrument or results file is invalid.

    `problems` lists every problem found as :class:`Problem` records, each naming the file,
    the row or field, and the fix. Plain strings given to the constructor become problems
    about the whole file.
    """

    def __init__(self, file: str, problems: Iterable[Problem | str]):
        self.file = file
        self.problems: list[Problem] = [
            p if isinstance(p, Problem) else Problem(file=file, message=str(p)) for p in problems
        ]
        detail = "; ".join(p.message for p in self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        super().__init__(f"{file}: {detail}{more}")

    @property
    def messages(self) -> list[str]:
        """The problems as the sentences a user reads."""
        return [p.message for p in self.problems]


class StoreError(AdvisorError):
    """The index is missing, locked or unusable."""


class StoreConflict(StoreError):
    """A store refused a row that breaks a key or constraint (e.g. a name already taken)."""


class ConversationNotFound(AdvisorError):
    """No saved conversation with that id belongs to this user (or it was deleted)."""


class LLMError(AdvisorError):
    """The configured chat model could not produce an answer."""


class ConfigError(AdvisorError):
    """The thresholds file is malformed."""


class DatasetError(AdvisorError):
    """An evaluation dataset is malformed; `problems` names each line and field."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        detail = "\n  ".join(self.problems[:25])
        more = f"\n  (and {len(self.problems) - 25} more)" if len(self.problems) > 25 else ""
        super().__init__(f"invalid evaluation dataset:\n  {detail}{more}")


class JudgeUnavailable(AdvisorError):
    """The requested checker tier is not configured on this machine."""


class JudgeError(AdvisorError):
    """The judge answered with something that is not a verdict."""


class RecommendError(AdvisorError):
    """A roadmap cannot be drafted (unknown organization, empty index, bad export path)."""


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


class ModelCardError(AdvisorError):
    """A vendor model card cannot be reviewed or its report written (bad format, bad output path)."""


class AccessDenied(AdvisorError):
    """The user may not see this organization, or their role does not allow this action.

    The message names the organization (or the action) as the user gave it, and is the same
    whether or not that organization exists, so it reveals nothing about other organizations.
    """

    def __init__(self, message: str, *, user: str | None = None, org: str | None = None, action: str = ""):
        self.user = user
        self.org = org
        self.action = action
        super().__init__(message)


class SignInFailed(AdvisorError):
    """A sign-in was refused; the message never says whether the user name exists."""


class AccountError(AdvisorError):
    """A user-management request is invalid: a bad name, role or password, or an unknown user."""


class ReviewError(AdvisorError):
    """A feedback item cannot be triaged as asked (already promoted, unknown case, PHI in a case)."""


class LibraryError(AdvisorError):
    """A library change cannot be made as asked (an unknown document, or bundled guidance to remove)."""
