"""One small editor widget per scenario field type; `make_field` picks the right one."""
