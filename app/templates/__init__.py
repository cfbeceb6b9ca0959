"""Templates: library, personalisation, email designer, SMS and WhatsApp, manager email.

Modules (import the one you need; this package imports nothing on purpose, because
`app.db.schema` imports `app.templates.tables` and must not pull the whole package in):

* `tables`       — the `templates` and `template_versions` tables.
* `library`      — create / save version / duplicate / rename / delete-or-archive / list / search.
* `document`     — document types, designer blocks (`BLOCK_KINDS`, `new_block`, `new_document`,
                   `validate_document`).
* `designer`     — designer document → email-safe HTML source (tables, CSS inlined once).
* `render`       — `compiled`, `render_message`, `render_manager`, `render_sms`, `dry_run`.
* `whatsapp`     — WhatsApp templates: rules, Meta JSON import/export, `render_whatsapp`.
* `sms`          — `count_sms`, `replace_unsafe`, `transliterate`, `audience_stats`, `validate_sender`.
* `lint`         — `lint_document` / `lint_version`: unsubscribe, alt, size, links, variables.
* `fields`       — variables for the picker (`available_variables`) and the lint (`known_names`).
* `personalize`  — the sandboxed Jinja environments, limits, error positions, `build_context`.
* `variables`    — `variables()` / `variable_uses()`: what a template reads, guarded by a default or not.
* `blocks`       — find / insert / remove / move blocks (top level and inside columns).
* `isolation`    — `RenderWorker`: renders in a child process with a time limit.
* `filters`      — default, date, date_long, money, plural.
* `sanitize`     — nh3 allowlists (text blocks, imported HTML letters).
* `plaintext`    — HTML → the plain-text part.
* `protect`      — keeps Jinja tags intact through HTML tools.
"""
