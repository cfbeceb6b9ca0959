"""Kaskad core: everything that is not Qt (domain, storage, import, templates, engine, providers)."""

__version__ = "0.1.0"
__all__ = ["__version__"]
