"""Error hierarchy: what the user or the environment did wrong versus our own bugs.

    KaskadError
    ├── UserInputError          bad input the user can fix
    │   ├── ImportFileError     a file to import: names file, row, column and why
    │   ├── TemplateError       a template: names line and column
    │   └── NotFoundError       a named thing (contact, list, template...) does not exist
    ├── EnvironmentProblem      the machine's fault: workspace unusable, database locked
    │   └── WorkspaceLocked     another Kaskad instance holds the workspace's engine lock
    ├── ProviderError           a messaging provider refused or failed
    │   ├── ProviderTemporary   retry later (429, 5xx, timeouts before acceptance)
    │   ├── ProviderPermanent   never retry this message
    │   └── ProviderAuth        account-level: bad credentials, no balance, blocked sender
    └── Cancelled               the user cancelled a long operation

Anything else raised from `app/` is a bug and is reported as such.
"""

from __future__ import annotations

__all__ = [
    "Cancelled",
    "EnvironmentProblem",
    "ImportFileError",
    "KaskadError",
    "NotFoundError",
    "ProviderAuth",
    "ProviderError",
    "ProviderPermanent",
    "ProviderTemporary",
    "TemplateError",
    "UserInputError",
    "WorkspaceLocked",
]


class KaskadError(Exception):
    """Base of every error Kaskad reports to the user in plain words."""


class UserInputError(KaskadError):
    """Input the user gave is wrong and can be fixed by them."""


class ImportFileError(UserInputError):
    """A file could not be imported; says which file, row and column, and why.

    Attributes:
        path: the file.
        row: 1-based row number in the file as the user sees it, or None.
        column: the column's header (or letter), or None.
        reason: plain-language reason.
    """

    def __init__(self, path: object, reason: str, *, row: int | None = None, column: str | None = None):
        self.path = str(path)
        self.row = row
        self.column = column
        self.reason = reason
        where = self.path
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {reason}")


class TemplateError(UserInputError):
    """A template failed to compile or render.

    Attributes:
        line: 1-based line, or None.
        column: 1-based column, or None.
        reason: plain-language reason.
    """

    def __init__(self, reason: str, *, line: int | None = None, column: int | None = None, name: str = ""):
        self.line = line
        self.column = column
        self.reason = reason
        self.name = name
        where = name or "template"
        if line is not None:
            where += f", line {line}"
            if column is not None:
                where += f", column {column}"
        super().__init__(f"{where}: {reason}")


class NotFoundError(UserInputError):
    """A thing named by the user does not exist."""


class EnvironmentProblem(KaskadError):
    """The environment (disk, database, lock) prevents the operation."""


class WorkspaceLocked(EnvironmentProblem):
    """Another Kaskad process already runs the send engine on this workspace."""


class ProviderError(KaskadError):
    """A messaging provider call failed."""


class ProviderTemporary(ProviderError):
    """The provider said 'not now'; retry after `retry_after` seconds if given."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class ProviderPermanent(ProviderError):
    """The provider refused this message for good."""


class ProviderAuth(ProviderError):
    """Account-level failure: credentials, balance, blocked sender; pauses sending."""


class Cancelled(KaskadError):
    """The user cancelled the operation; nothing was changed."""
