"""The importer's data contract: what a preview shows and what an import is asked and answers.

The wizard (ui/) and the CLI build these; `app.importer.preview.preview_file` and
`app.importer.job.run_import` consume them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "DUPLICATE_POLICIES",
    "FIELDS",
    "FieldSpec",
    "ImportOptions",
    "ImportResult",
    "Preview",
    "SourceOptions",
    "field_label",
]

DuplicatePolicy = Literal["fill", "overwrite", "skip"]
DUPLICATE_POLICIES: tuple[DuplicatePolicy, ...] = ("fill", "overwrite", "skip")


@dataclass(frozen=True)
class FieldSpec:
    """A field a column can be mapped to.

    Attributes:
        key: the mapping value ("phone", "full_name", ...).
        label_en: label shown in English.
        label_ru: label shown in Russian.
    """

    key: str
    label_en: str
    label_ru: str


#: Mapping targets besides these: "custom:<name>" (a custom field), "consent:<channel>"
#: (a yes/no column recording consent for email|sms|whatsapp|calls), and "skip".
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("phone", "Phone", "Телефон"),
    FieldSpec("email", "Email", "E-mail"),
    FieldSpec("full_name", "Full name (split into parts)", "ФИО (разделить на части)"),
    FieldSpec("last_name", "Last name", "Фамилия"),
    FieldSpec("first_name", "First name", "Имя"),
    FieldSpec("middle_name", "Middle name", "Отчество"),
    FieldSpec("gender", "Gender", "Пол"),
    FieldSpec("city", "City", "Город"),
    FieldSpec("birthday", "Birthday", "Дата рождения"),
    FieldSpec("timezone", "Time zone", "Часовой пояс"),
    FieldSpec("external_id", "External ID (CRM)", "Внешний ID (CRM)"),
    FieldSpec("tags", "Tags (comma-separated)", "Теги (через запятую)"),
    FieldSpec("source", "Source", "Источник"),
)


def field_label(key: str, lang: str = "ru") -> str:
    """Human label of a mapping target in `lang` ("ru" or "en")."""
    for spec in FIELDS:
        if spec.key == key:
            return spec.label_ru if lang == "ru" else spec.label_en
    if key.startswith("custom:"):
        return ("Доп. поле: " if lang == "ru" else "Custom field: ") + key[7:]
    if key.startswith("consent:"):
        return ("Согласие: " if lang == "ru" else "Consent: ") + key[8:]
    if key == "skip":
        return "Не загружать" if lang == "ru" else "Skip"
    return key


@dataclass
class SourceOptions:
    """How to read the file; None means "detect".

    Attributes:
        encoding: Python codec name ("cp1251", "utf-8-sig", "utf-16"...).
        delimiter: one character (";", ",", "\\t", "|").
        header_row: 0-based index of the header row among the file's raw rows.
        sheet: worksheet name for spreadsheets (default: the first sheet).
    """

    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    sheet: str | None = None


@dataclass
class Preview:
    """What the wizard shows before importing: detection results and the first rows.

    Attributes:
        path: the file.
        format: "csv", "xlsx", "xls" or "ods".
        encoding / delimiter: detected or given (None for spreadsheets).
        header_row: 0-based index of the header row in `raw_rows`.
        sheets: all sheet names (empty for CSV); sheet: the one read.
        raw_rows: the first rows of the file as text, before header detection.
        headers: column headers (blank ones named "Column N"; duplicates made unique).
        rows: the first data rows after the header, as text.
        mapping: header -> auto-guessed target (see FIELDS).
        warnings: plain-language notes ("column X contains formulas without saved values").
    """

    path: Path
    format: str
    encoding: str | None
    delimiter: str | None
    header_row: int
    sheets: list[str]
    sheet: str | None
    raw_rows: list[list[str]]
    headers: list[str]
    rows: list[list[str]]
    mapping: dict[str, str]
    warnings: list[str] = field(default_factory=list)

    def source_options(self) -> SourceOptions:
        """The options that reproduce exactly this reading of the file."""
        return SourceOptions(self.encoding, self.delimiter, self.header_row, self.sheet)


@dataclass
class ImportOptions:
    """What to do with the rows.

    Attributes:
        source: how to read the file.
        mapping: header -> target; None = auto-guess. Unmapped headers become custom fields.
        region: default region for phones without a country code.
        on_duplicate: "fill" empty fields (default), "overwrite", or "skip" existing contacts.
        list_name: add every imported contact to this static list (created if missing).
        tags: tags added to every imported contact.
        consent_channels: record consent for these channels for every row...
        consent_source: ...with this source text ("signed the loyalty form at the shop").
        errors_path: where to write the rejected-rows report (.xlsx; a .csv is written beside it).
        dry_run: validate and count everything, write nothing.
    """

    source: SourceOptions = field(default_factory=SourceOptions)
    mapping: dict[str, str] | None = None
    region: str = "RU"
    on_duplicate: DuplicatePolicy = "fill"
    list_name: str | None = None
    tags: list[str] = field(default_factory=list)
    consent_channels: list[str] = field(default_factory=list)
    consent_source: str | None = None
    errors_path: Path | None = None
    dry_run: bool = False


@dataclass
class ImportResult:
    """What an import did.

    Attributes:
        job_id: the import_jobs row (None for a dry run).
        total_rows: data rows read (blank rows not counted).
        created / updated: contacts inserted / changed in the base.
        merged: rows that were duplicates of an earlier row of the same file.
        rejected: rows not imported (reason per row in the error report).
        skipped: rows matching an existing contact under the "skip" policy, or unchanged.
        conflicts: rows whose phone and email belong to two different existing contacts.
        blank_rows: fully empty rows skipped.
        error_report / error_report_csv: the rejected-rows reports, if any row was rejected.
        conflict_samples: up to 20 plain-language conflict descriptions.
        seconds: wall time.
        warnings: plain-language notes about the file (formulas without values...).
        dry_run: nothing was written.
    """

    job_id: int | None
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    merged: int = 0
    rejected: int = 0
    skipped: int = 0
    conflicts: int = 0
    blank_rows: int = 0
    error_report: Path | None = None
    error_report_csv: Path | None = None
    conflict_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("error_report", "error_report_csv"):
            data[key] = str(data[key]) if data[key] else None
        return data
