#!/usr/bin/env bash
# Refresh every Qt translation catalogue from its UI area's sources, then compile them all.
# Usage: resources/i18n/update.sh VENV   (called by `make translations`)
set -euo pipefail
venv=${1:-.venv}
cd "$(dirname "$0")/../.."
i18n=resources/i18n
editors="ui/templates/sms_editor.py ui/templates/whatsapp_editor.py ui/templates/manager_editor.py
         ui/templates/variable_picker.py $(ls ui/templates/_sms_*.py ui/templates/_wa_*.py)"
templates=$(ls ui/templates/*.py | grep -v -F -x -f <(printf '%s\n' $editors))

declare -A sources=(
  [shell]="ui/app.py ui/main_window.py ui/sections.py $(ls ui/widgets/*.py)"
  [contacts]="$(ls ui/contacts/*.py)"
  [settings]="ui/settings/screen.py ui/settings/language.py $(ls ui/settings/suppression_*.py ui/settings/mailbox_*.py)"
  [import]="$(ls ui/imports/*.py)"
  [templates]="$templates"
  [editors]="$editors"
  [campaigns]="ui/engine_host.py $(ls ui/campaigns/*.py ui/settings/providers_*.py ui/settings/sending_*.py)"
  [audiences]="$(ls ui/audiences/*.py)"
  [scenarios]="$(ls ui/scenarios/*.py ui/scenarios/fields/*.py)"
  [scenarios_canvas]="$(ls ui/scenarios/canvas/*.py)"
)
for area in "${!sources[@]}"; do
  # <area>_<two-letter language>.ts only: "scenarios" must not pick up "scenarios_canvas_ru.ts".
  for ts in "$i18n/${area}"_??.ts; do
    # shellcheck disable=SC2086
    "$venv/bin/pyside6-lupdate" -silent -no-obsolete ${sources[$area]} -ts "$ts"
  done
done
for ts in "$i18n"/*.ts; do
  "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
if grep -l 'type="unfinished"' "$i18n"/*_ru.ts; then
  echo "^ these catalogues have strings still to translate"
fi
