"""Importing contact bases from CSV/TSV/XLSX files: detection, mapping, normalisation, dedup."""
