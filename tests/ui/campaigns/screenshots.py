"""Screenshots of the mailing wizard, live progress, the report and Settings → Sending.

Run: `python tests/ui/campaigns/screenshots.py ru|en [DIR]` (default DIR: /tmp/kaskad-campaign-shots).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KASKAD_MASTER_PASSWORD", "screenshots")
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def main(language: str, out: Path) -> int:
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="kaskad-campaign-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    QCoreApplication.setOrganizationName("KaskadShots")
    from app.campaigns.audience import materialise
    from app.campaigns.model import create_campaign, pause_campaign, start_campaign
    from app.providers.store import add_provider
    from app.secrets import SecretStore
    from app.settings import set_setting
    from app.templates.document import new_document
    from app.templates.library import create_template
    from app.workspace import Workspace
    from tests.ui.demo import add_contacts
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    install_translators(app, language)
    out.mkdir(parents=True, exist_ok=True)

    def wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(widget: QWidget, name: str) -> None:
        wait(0.3)
        widget.grab().save(str(out / f"{name}_{language}.png"))

    workspace = Workspace.open(tmp / "ws")
    add_contacts(workspace.engine, 120)
    create_template(workspace.engine, "Весенняя скидка", "sms",
                    new_document("sms") | {"text": "{{ first_name }}, в субботу скидка 15% на всё! Ваш магазин «Ромашка»"})
    set_setting(workspace.engine, "sms.price_per_segment", 4.95)
    set_setting(workspace.engine, "sending.quiet_hours", {"start": "09:00", "end": "21:00", "channels": []})
    add_provider(workspace.engine, SecretStore(workspace.root), "SMS.ru основной", "smsru",
                 options={"from": "ROMASHKA"}, secrets={"api_id": "x"})
    paused = create_campaign(workspace.engine, name="Напоминание о записи", channel="sms", template="Весенняя скидка",
                             all_contacts=True)
    start_campaign(workspace.engine, paused.id)
    materialise(workspace.engine, paused.id)
    pause_campaign(workspace.engine, paused.id, "SMS.ru: неверный api_id (ошибка 200) — проверьте ключ в Настройках")

    window = MainWindow(workspace)
    window.resize(1280, 820)
    window.show()
    screen = window.show_section("campaigns")
    screen.refresh()
    wait(1.0)
    shot(window, "campaigns_list")

    screen.new_mailing()
    wizard = screen.wizard
    page = wizard.currentPage()
    page.list_radio.setChecked(True)
    shot(wizard, "wizard_1_audience")
    wizard.next()
    shot(wizard, "wizard_2_channel")
    wizard.next()
    shot(wizard, "wizard_3_content")
    wizard.next()
    while not wizard.currentPage().isComplete():
        wait(0.1)
    shot(wizard, "wizard_4_preflight")
    wizard.next()
    wizard.currentPage().address.setText("+7 999 000-11-22")
    wizard.currentPage().send()
    while wizard.currentPage().last is None:
        wait(0.1)
    shot(wizard, "wizard_5_test")
    wizard.next()
    shot(wizard, "wizard_6_schedule")
    wizard.next()
    shot(wizard, "wizard_7_confirm")
    wizard.currentPage().validatePage()
    while wizard.launched_id is None:
        wait(0.1)
    wait(0.2)
    shot(window, "progress_running")
    while screen.progress.data is None or screen.progress.data["status"] != "finished":
        wait(0.2)
    wait(1.2)
    shot(window, "progress_finished")
    screen.select_campaign(paused.id)
    wait(1.5)
    shot(window, "progress_paused")

    settings = window.show_section("settings")
    shot(window, "settings_top")
    settings.verticalScrollBar().setValue(settings.verticalScrollBar().maximum())
    shot(window, "settings_bottom")
    providers = next(g for g in settings.groups if type(g).__name__ == "ProvidersGroup")
    providers.add()
    providers.dialog.type.setCurrentIndex(providers.dialog.type.findData("smtp"))
    shot(providers.dialog, "provider_dialog")
    providers.dialog.reject()
    screen.host.wait_stopped()
    window.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    lang = sys.argv[1] if len(sys.argv) > 1 else "ru"
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/kaskad-campaign-shots")
    raise SystemExit(main(lang, folder))
