"""The contact import wizard: file → preview → mapping → options → run → summary."""

from ui.imports.wizard import ImportWizard, open_import_wizard

__all__ = ["ImportWizard", "open_import_wizard"]
