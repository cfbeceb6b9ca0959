"""`import FILE ...`: import a contact base from CSV/TSV/XLSX/XLS/ODS."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import emit
from app.errors import UserInputError
from app.importer.job import run_import
from app.importer.mapping import load_mappings, mapping_targets, save_mapping, validate_mapping
from app.importer.model import DUPLICATE_POLICIES, ImportOptions, ImportResult, SourceOptions
from app.importer.preview import preview_file
from app.workspace import Workspace

__all__ = ["register"]

_DELIMITERS = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("import", parents=[parent], help="import contacts from a CSV or Excel file",
                              description="Import contacts; duplicates are merged by phone or email.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--sheet", help="worksheet name (default: the first)")
    p.add_argument("--list", dest="list_name", metavar="NAME", help="add every imported contact to this list")
    p.add_argument("--tag", dest="tags", action="append", default=[], metavar="T", help="tag every imported contact")
    p.add_argument("--map", dest="maps", action="append", default=[], metavar="COLUMN=FIELD",
                   help=f"map a column to a field ({', '.join(mapping_targets())}, custom:NAME, consent:CHANNEL)")
    p.add_argument("--region", default="RU", help="region for phones without a country code (default RU)")
    p.add_argument("--on-duplicate", choices=DUPLICATE_POLICIES, default="fill",
                   help="existing contacts: fill empty fields (default), overwrite, or skip")
    p.add_argument("--consent", dest="consent", action="append", default=[], metavar="CHANNEL",
                   help="record consent for this channel (email, sms, whatsapp, calls) for every row")
    p.add_argument("--consent-source", metavar="TEXT", help="where the consent was given")
    p.add_argument("--errors", metavar="PATH", help="where to write the rejected rows (.xlsx; a .csv beside it)")
    p.add_argument("--encoding", help="text encoding (default: detected)")
    p.add_argument("--delimiter", help="; , tab or | (default: detected)")
    p.add_argument("--header-row", type=int, metavar="N", help="row number of the header (default: detected)")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.add_argument("--save-mapping", metavar="NAME", help="save the column mapping under this name")
    p.add_argument("--mapping", dest="mapping_name", metavar="NAME", help="use a saved mapping")
    p.add_argument("--json", action="store_true", help="print one JSON summary")
    p.set_defaults(handler=_import)


def _source(args: argparse.Namespace) -> SourceOptions:
    delimiter = args.delimiter
    if delimiter is not None:
        delimiter = _DELIMITERS.get(delimiter.lower(), delimiter)
        if len(delimiter) != 1:
            raise UserInputError(f"--delimiter must be one character, or tab: got {args.delimiter!r}")
    if args.header_row is not None and args.header_row < 1:
        raise UserInputError("--header-row counts from 1")
    header_row = args.header_row - 1 if args.header_row is not None else None
    return SourceOptions(args.encoding, delimiter, header_row, args.sheet)


def _mapping(args: argparse.Namespace, workspace: Workspace, headers: list[str], guessed: dict[str, str]) -> dict[str, str]:
    mapping = dict(guessed)
    if args.mapping_name:
        saved = load_mappings(workspace.engine)
        if args.mapping_name not in saved:
            names = ", ".join(saved) or "none saved yet"
            raise UserInputError(f"there is no saved mapping {args.mapping_name!r} ({names})")
        mapping = {h: saved[args.mapping_name].get(h, f"custom:{h}") for h in headers}
    for item in args.maps:
        column, sep, target = item.partition("=")
        column, target = column.strip(), target.strip()
        if not sep or not column or not target:
            raise UserInputError(f"--map takes COLUMN=FIELD, got {item!r}")
        if column not in mapping:
            raise UserInputError(f"--map: the file has no column {column!r}; columns: {', '.join(headers)}")
        if target != "skip" and not target.startswith(("custom:", "consent:")) and target not in mapping_targets():
            raise UserInputError(f"--map: unknown field {target!r}; fields: {', '.join(mapping_targets())}")
        for other, value in mapping.items():
            if value == target and other != column and target != "skip":
                mapping[other] = f"custom:{other}"  # the explicit choice wins over the guess
        mapping[column] = target
    validate_mapping(mapping)
    return mapping


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    path = Path(args.file)
    source = _source(args)
    preview = preview_file(path, source, rows=5)
    source = preview.source_options()
    mapping = _mapping(args, workspace, preview.headers, preview.mapping)
    if args.save_mapping:
        save_mapping(workspace.engine, args.save_mapping, mapping)
    options = ImportOptions(
        source=source, mapping=mapping, region=args.region.upper(), on_duplicate=args.on_duplicate,
        list_name=args.list_name, tags=args.tags, consent_channels=args.consent, consent_source=args.consent_source,
        errors_path=Path(args.errors) if args.errors else None, dry_run=args.dry_run,
    )
    progress = _stderr_progress if sys.stderr.isatty() and not args.json else None
    result = run_import(workspace, path, options, progress) if progress else run_import(workspace, path, options)
    if progress:
        print(file=sys.stderr)
    data = {"ok": True, "file": str(path), "format": preview.format, "encoding": preview.encoding,
            "delimiter": preview.delimiter, "header_row": preview.header_row + 1, "sheet": preview.sheet,
            "mapping": mapping, **result.to_dict()}
    emit(args, data, _summary(path, result, preview.header_row))
    return 0


def _stderr_progress(done: int, total: int | None, stage: str) -> None:
    counted = f"{done:,}/{total:,}".replace(",", " ") if total else ""
    print(f"\r{stage:12} {counted:24}", end="", file=sys.stderr, flush=True)


def _summary(path: Path, result: ImportResult, header_row: int) -> str:
    lines = [
        f"{'Checked (dry run)' if result.dry_run else 'Imported'} {path.name}: {result.total_rows} rows "
        f"(header in row {header_row + 1}) in {result.seconds:.1f} s",
        f"  created        {result.created}",
        f"  updated        {result.updated}",
        f"  unchanged/skip {result.skipped}",
        f"  merged dups    {result.merged}",
        f"  rejected       {result.rejected}",
        f"  conflicts      {result.conflicts}",
    ]
    if result.blank_rows:
        lines.append(f"  blank rows     {result.blank_rows}")
    lines += [f"  note: {w}" for w in result.warnings]
    lines += [f"  conflict: {c}" for c in result.conflict_samples[:5]]
    if result.error_report:
        lines.append(f"Rejected rows: {result.error_report} (and {result.error_report_csv.name})")
    return "\n".join(lines)
