"""The Templates section: template library, email designer, safe preview and lint panel."""
