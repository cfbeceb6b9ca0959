<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BranchesField</name>
    <message>
        <location filename="../../ui/scenarios/fields/branches.py" line="32"/>
        <source>Branch</source>
        <translation>Ветка</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/branches.py" line="32"/>
        <source>Share, %</source>
        <translation>Доля, %</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/branches.py" line="39"/>
        <source>+ Branch</source>
        <translation>+ Ветка</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/branches.py" line="40"/>
        <source>Remove last</source>
        <translation>Убрать последнюю</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/branches.py" line="91"/>
        <source>Total: %1 %</source>
        <translation>Итого: %1 %</translation>
    </message>
</context>
<context>
    <name>DurationField</name>
    <message>
        <location filename="../../ui/scenarios/fields/duration.py" line="26"/>
        <source>no limit</source>
        <translation>без ограничения</translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="36"/>
        <source>No changes to save.</source>
        <translation>Изменений для сохранения нет.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="52"/>
        <source>Saved as a new draft, version %1.</source>
        <translation>Сохранено как новый черновик, версия %1.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="53"/>
        <source>Draft version %1 saved.</source>
        <translation>Черновик (версия %1) сохранён.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="66"/>
        <location filename="../../ui/scenarios/editor_actions.py" line="105"/>
        <source>Cannot publish: fix the problems listed under the canvas (%1).</source>
        <translation>Опубликовать нельзя: исправьте проблемы под холстом (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="70"/>
        <source>Publish the scenario?</source>
        <translation>Опубликовать сценарий?</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="73"/>
        <source>Publishing…</source>
        <translation>Публикуем…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="76"/>
        <source>Published: the scenario is running.</source>
        <translation>Опубликовано: сценарий работает.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="84"/>
        <source>Paused: nobody new enters, contacts inside wait.</source>
        <translation>Приостановлено: новые не входят, те, кто внутри, ждут.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor_actions.py" line="92"/>
        <source>Resumed: the scenario is running again.</source>
        <translation>Возобновлено: сценарий снова работает.</translation>
    </message>
</context>
<context>
    <name>EditorToolbar</name>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="39"/>
        <source>← All scenarios</source>
        <translation>← Все сценарии</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="39"/>
        <source>Back to the list of scenarios</source>
        <translation>Вернуться к списку сценариев</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="41"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="41"/>
        <source>Save the draft (Ctrl+S)</source>
        <translation>Сохранить черновик (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="43"/>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="43"/>
        <source>Check the scenario and start it for contacts</source>
        <translation>Проверить сценарий и запустить его для контактов</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="45"/>
        <source>Pause</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="45"/>
        <source>Stop new entries; contacts inside wait where they are</source>
        <translation>Новые контакты не входят; те, кто внутри, ждут на своём шаге</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="47"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="47"/>
        <source>Run the paused scenario again</source>
        <translation>Снова запустить приостановленный сценарий</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="49"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="49"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Отменить последнее изменение (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="50"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="50"/>
        <source>Redo (Ctrl+Y)</source>
        <translation>Повторить (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="52"/>
        <source>Zoom in</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="52"/>
        <source>Zoom in (+)</source>
        <translation>Увеличить (+)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="53"/>
        <source>Zoom out</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="53"/>
        <source>Zoom out (−)</source>
        <translation>Уменьшить (−)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="58"/>
        <source>Fit</source>
        <translation>Весь сценарий</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="58"/>
        <source>Show the whole scenario</source>
        <translation>Показать сценарий целиком</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="59"/>
        <source>Arrange</source>
        <translation>Упорядочить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="59"/>
        <source>Arrange the steps left to right automatically</source>
        <translation>Автоматически расставить шаги слева направо</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="61"/>
        <source>Test on a contact</source>
        <translation>Проверить на контакте</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="61"/>
        <source>Run the scenario for one contact with a simulated clock; nothing is sent</source>
        <translation>Прогнать сценарий для одного контакта с условным временем; ничего не отправляется</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="65"/>
        <source>Version:</source>
        <translation>Версия:</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/toolbar.py" line="68"/>
        <source>Published versions open read-only</source>
        <translation>Опубликованные версии открываются только для просмотра</translation>
    </message>
</context>
<context>
    <name>EmailsField</name>
    <message>
        <location filename="../../ui/scenarios/fields/emails.py" line="24"/>
        <source>one address per line, e.g. sales@shop.ru</source>
        <translation>по одному адресу в строке, например sales@shop.ru</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/emails.py" line="43"/>
        <location filename="../../ui/scenarios/fields/emails.py" line="58"/>
        <source>Not an e-mail address: %1</source>
        <translation>Не адрес электронной почты: %1</translation>
    </message>
</context>
<context>
    <name>EventFiltersField</name>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="64"/>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="67"/>
        <source>Remove this condition</source>
        <translation>Удалить это условие</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="112"/>
        <source>Any event of this type counts.</source>
        <translation>Подходит любое событие этого типа.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="114"/>
        <source>+ Condition on a property</source>
        <translation>+ Условие на свойство</translation>
    </message>
</context>
<context>
    <name>NamePicker</name>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="49"/>
        <source>choose or type a name</source>
        <translation>выберите или введите название</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="57"/>
        <source>— choose a segment —</source>
        <translation>— выберите сегмент —</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="65"/>
        <source>Default account of the channel</source>
        <translation>Учётная запись канала по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="66"/>
        <source>— choose an account —</source>
        <translation>— выберите учётную запись —</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="68"/>
        <source>Test mode: nothing leaves the computer</source>
        <translation>Тестовый режим: ничего не уходит с компьютера</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="94"/>
        <source>%1 (not found)</source>
        <translation>%1 (не найдено)</translation>
    </message>
</context>
<context>
    <name>NewScenarioDialog</name>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="43"/>
        <source>New scenario</source>
        <translation>Новый сценарий</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="48"/>
        <source>Blank canvas</source>
        <translation>Пустой холст</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="48"/>
        <source>Start from scratch: add a trigger, then steps and actions.</source>
        <translation>С нуля: добавьте триггер, затем шаги и действия.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="53"/>
        <source>e.g. Welcome series for new leads</source>
        <translation>например, Приветственная серия для новых заявок</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="55"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="61"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="63"/>
        <source>Start from a ready scenario for a common case, or from a blank canvas:</source>
        <translation>Начните с готового сценария для типичной задачи или с пустого холста:</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <location filename="../../ui/scenarios/properties.py" line="62"/>
        <source>optional: how this step is labelled on the canvas</source>
        <extracomment>Fields shown only when another field of the node has a given value: (type, field) → (other field, value).</extracomment>
        <translation>необязательно: подпись шага на холсте</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/properties.py" line="66"/>
        <source>Step name:</source>
        <translation>Название шага:</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/properties.py" line="67"/>
        <source>This step has nothing to set up.</source>
        <translation>У этого шага нет настроек.</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../../ui/scenarios/properties.py" line="159"/>
        <source>Unknown step type: it is kept, but cannot run.</source>
        <translation>Неизвестный тип шага: он сохранён, но работать не будет.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="49"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="50"/>
        <source>Export to Excel…</source>
        <translation>Выгрузить в Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="53"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="53"/>
        <location filename="../../ui/scenarios/report_view.py" line="56"/>
        <location filename="../../ui/scenarios/report_view.py" line="156"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="53"/>
        <location filename="../../ui/scenarios/report_view.py" line="156"/>
        <source>Waiting now</source>
        <translation>Ждут сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="53"/>
        <location filename="../../ui/scenarios/report_view.py" line="56"/>
        <location filename="../../ui/scenarios/report_view.py" line="156"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="54"/>
        <location filename="../../ui/scenarios/report_view.py" line="56"/>
        <location filename="../../ui/scenarios/report_view.py" line="157"/>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="54"/>
        <location filename="../../ui/scenarios/report_view.py" line="57"/>
        <location filename="../../ui/scenarios/report_view.py" line="157"/>
        <source>Failed or skipped</source>
        <translation>Ошибка или пропуск</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="54"/>
        <location filename="../../ui/scenarios/report_view.py" line="57"/>
        <location filename="../../ui/scenarios/report_view.py" line="157"/>
        <source>Converted</source>
        <translation>Конверсии</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="55"/>
        <location filename="../../ui/scenarios/report_view.py" line="57"/>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="56"/>
        <source>A/B branch</source>
        <translation>Ветка A/B</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="58"/>
        <source>A/B branches</source>
        <translation>Ветки A/B-теста</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="64"/>
        <source>By step</source>
        <translation>По шагам</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="95"/>
        <source>Counting…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="101"/>
        <source>%1 (removed step)</source>
        <translation>%1 (удалённый шаг)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="120"/>
        <source>Entered: %1 · inside now: %2 · messages sent: %3 · converted: %4 (%5)</source>
        <translation>Вошли: %1 · внутри сейчас: %2 · отправлено сообщений: %3 · конверсий: %4 (%5)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="151"/>
        <source>Export the report</source>
        <translation>Выгрузить отчёт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="151"/>
        <source>scenario report.xlsx</source>
        <translation>отчёт по сценарию.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="152"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="156"/>
        <source>Step or branch</source>
        <translation>Шаг или ветка</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="157"/>
        <source>Conversion, %</source>
        <translation>Конверсия, %</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="159"/>
        <source>Branch %1</source>
        <translation>Ветка %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="162"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/report_view.py" line="166"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
</context>
<context>
    <name>ScenarioDialogs</name>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="122"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="123"/>
        <source>Scenario “%1” has unsaved changes. Save them?</source>
        <translation>В сценарии «%1» есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="124"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="125"/>
        <source>Don&apos;t save</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/dialogs.py" line="126"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="100"/>
        <source>Scenario</source>
        <extracomment>How often the canvas counters are re-read while the editor is visible.</extracomment>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="101"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="201"/>
        <source>Version %1 · draft</source>
        <translation>Версия %1 · черновик</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="203"/>
        <source>Version %1 · live</source>
        <translation>Версия %1 · работает</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="205"/>
        <source>Version %1 · published earlier</source>
        <translation>Версия %1 · опубликована ранее</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="224"/>
        <source>This scenario is archived: it is shown read-only.</source>
        <translation>Сценарий в архиве: он открыт только для просмотра.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="226"/>
        <source>You are looking at version %1, which was published: it cannot be changed. Pick the newest version to edit.</source>
        <translation>Это опубликованная версия %1: её нельзя изменить. Чтобы редактировать, выберите последнюю версию.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="229"/>
        <source>Version %1 is running. Your changes are saved as a new draft (version %2); contacts already inside finish on version %1, and new ones enter the draft only after you publish it.</source>
        <translation>Работает версия %1. Ваши изменения сохранятся как новый черновик (версия %2): контакты, которые уже внутри, дойдут до конца по версии %1, а новые начнут входить в черновик только после публикации.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/editor.py" line="234"/>
        <source>Draft version %1. Version %2 keeps running until you publish this draft.</source>
        <translation>Черновик, версия %1. Версия %2 продолжает работать, пока вы не опубликуете черновик.</translation>
    </message>
</context>
<context>
    <name>ScenarioFields</name>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="33"/>
        <source>Page URL</source>
        <translation>Адрес страницы</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="33"/>
        <source>Time on site, s</source>
        <translation>Время на сайте, с</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="34"/>
        <source>UTM source</source>
        <translation>UTM-источник</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="35"/>
        <source>Device (mobile / desktop)</source>
        <translation>Устройство (mobile / desktop)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="40"/>
        <source>contains</source>
        <translation>содержит</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="41"/>
        <source>does not contain</source>
        <translation>не содержит</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="42"/>
        <source>is</source>
        <translation>равно</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="42"/>
        <source>is not</source>
        <translation>не равно</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="43"/>
        <source>starts with</source>
        <translation>начинается с</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/event_filters.py" line="44"/>
        <source>matches the pattern</source>
        <translation>подходит под шаблон</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="22"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="22"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="23"/>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="23"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="24"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="24"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="25"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="25"/>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="26"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="26"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="27"/>
        <source>Added on</source>
        <translation>Дата добавления</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="28"/>
        <source>ID in your CRM</source>
        <translation>ID в вашей CRM</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/pickers.py" line="31"/>
        <source>%1 (own field)</source>
        <translation>%1 (своё поле)</translation>
    </message>
</context>
<context>
    <name>ScenarioListPage</name>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="40"/>
        <source>Trigger scenarios</source>
        <translation>Триггерные сценарии</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="42"/>
        <source>New scenario…</source>
        <translation>Новый сценарий…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="44"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="45"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="46"/>
        <source>Duplicate</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="47"/>
        <source>Import JSON…</source>
        <translation>Импорт JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="48"/>
        <source>Export JSON…</source>
        <translation>Экспорт JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="49"/>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="50"/>
        <source>Show archived</source>
        <translation>Показать архивные</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="58"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="58"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="58"/>
        <source>Running version</source>
        <translation>Работающая версия</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="59"/>
        <source>Unpublished draft</source>
        <translation>Неопубликованный черновик</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="59"/>
        <source>Contacts inside</source>
        <translation>Контактов внутри</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="60"/>
        <source>Changed</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="86"/>
        <source>&lt;h3&gt;No scenarios yet&lt;/h3&gt;&lt;p&gt;A scenario works for you automatically: &lt;b&gt;who&lt;/b&gt; (an audience) → &lt;b&gt;what they do&lt;/b&gt; (an awaited event) → &lt;b&gt;what Kaskad does&lt;/b&gt; (an action).&lt;/p&gt;&lt;p&gt;For example: a visitor spent 3 minutes on the prices page and left — an SMS with an offer half an hour later. A lead came from a form — a letter to the manager at once, a welcome letter to the client, a WhatsApp reminder two days later unless a deal appeared.&lt;/p&gt;&lt;p&gt;Each contact goes through a scenario once (or as often as you allow), even after restarts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Сценариев пока нет&lt;/h3&gt;&lt;p&gt;Сценарий работает за вас автоматически: &lt;b&gt;кто&lt;/b&gt; (аудитория) → &lt;b&gt;что он делает&lt;/b&gt; (ожидаемое событие) → &lt;b&gt;что делает Каскад&lt;/b&gt; (действие).&lt;/p&gt;&lt;p&gt;Например: посетитель 3 минуты смотрел страницу цен и ушёл — через полчаса SMS с предложением. Пришла заявка с формы — сразу письмо менеджеру, приветственное письмо клиенту, а через два дня напоминание в WhatsApp, если сделки так и нет.&lt;/p&gt;&lt;p&gt;Каждый контакт проходит сценарий один раз (или так часто, как вы разрешите) — даже после перезапусков.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="96"/>
        <source>Create the first scenario…</source>
        <translation>Создать первый сценарий…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/list_page.py" line="117"/>
        <source>version %1</source>
        <translation>версия %1</translation>
    </message>
</context>
<context>
    <name>ScenarioProblems</name>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="51"/>
        <source>There is no trigger: add one from “Triggers” so contacts can enter.</source>
        <translation>Нет триггера: добавьте его из раздела «Триггеры», чтобы контакты могли войти в сценарий.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="53"/>
        <source>There are several triggers: keep one (only “Event received” triggers may be combined).</source>
        <translation>Триггеров несколько: оставьте один (объединять можно только триггеры «Событие на сайте»).</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="56"/>
        <source>%1: this kind of step is unknown to this version of Kaskad; it is kept but cannot run.</source>
        <translation>%1: этот вид шага неизвестен этой версии Каскада; шаг сохранён, но работать не будет.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="59"/>
        <source>%1: nothing leads to this step from the trigger. Connect it or delete it.</source>
        <translation>%1: к этому шагу не ведёт ни одна стрелка от триггера. Подключите или удалите его.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="62"/>
        <source>%1: the exit “%2” leads nowhere. Connect it to the next step.</source>
        <translation>%1: выход «%2» никуда не ведёт. Соедините его со следующим шагом.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="65"/>
        <source>%1: a connection uses an exit this step does not have, or one exit leads to two steps. Delete the extra arrow.</source>
        <translation>%1: стрелка идёт из выхода, которого у шага нет, или из одного выхода идут две стрелки. Удалите лишнюю.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="69"/>
        <source>These steps form a loop without a pause, a contact would go round it endlessly: %1. Add a “Wait” step to the loop.</source>
        <translation>Эти шаги образуют петлю без паузы — контакт ходил бы по ней бесконечно: %1. Добавьте в петлю шаг «Пауза».</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="74"/>
        <source>%1: the template “%2” is of another kind; choose a template for this channel.</source>
        <translation>%1: шаблон «%2» другого вида; выберите шаблон для этого канала.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="76"/>
        <source>%1: there is no template “%2” in the library. Create it in Templates or choose another.</source>
        <translation>%1: шаблона «%2» нет в библиотеке. Создайте его в разделе «Шаблоны» или выберите другой.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="79"/>
        <source>%1: choose a template.</source>
        <translation>%1: выберите шаблон.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="82"/>
        <source>%1: there is no provider account “%2” for this channel.</source>
        <translation>%1: нет учётной записи сервиса «%2» для этого канала.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="84"/>
        <source>%1: choose a provider account.</source>
        <translation>%1: выберите учётную запись сервиса.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="87"/>
        <source>Entry rule: “once per N days” needs N of at least 1.</source>
        <translation>Правило входа: для «не чаще раза в N дней» N должно быть не меньше 1.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="90"/>
        <source>%1: fill in “%2”.</source>
        <translation>%1: заполните поле «%2».</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="92"/>
        <source>%1: the branch shares must add up to 100 %.</source>
        <translation>%1: доли веток должны в сумме давать 100 %.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="94"/>
        <source>%1: there is no saved segment “%2”.</source>
        <translation>%1: нет сохранённого сегмента «%2».</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="97"/>
        <source>%1: the time window starts and ends at the same time.</source>
        <translation>%1: окно времени начинается и заканчивается в одно время.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="100"/>
        <source>%1: “%2” is not right (%3).</source>
        <translation>%1: поле «%2» заполнено неверно (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="149"/>
        <source>Problems to fix before publishing: %1</source>
        <translation>Что исправить перед публикацией: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/problems.py" line="153"/>
        <source>No problems found: the scenario is ready to run.</source>
        <translation>Проблем нет: сценарий готов к работе.</translation>
    </message>
</context>
<context>
    <name>ScenarioPublish</name>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="24"/>
        <source>all contacts of the base (%1) at once</source>
        <translation>сразу все контакты базы (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="26"/>
        <source>everyone in the segment “%1” at once</source>
        <translation>сразу все, кто в сегменте «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="28"/>
        <source>everyone on the list “%1” at once</source>
        <translation>сразу все из списка «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="30"/>
        <source>every contact with the event “%1” from now on</source>
        <translation>каждый контакт с событием «%1» начиная с этого момента</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="32"/>
        <source>contacts added to the list “%1” from now on</source>
        <translation>контакты, добавленные в список «%1» начиная с этого момента</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="34"/>
        <source>contacts who newly match the segment “%1” (those already in it do not enter)</source>
        <translation>контакты, которые впервые попадут в сегмент «%1» (те, кто уже в нём, не входят)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="37"/>
        <source>contacts on the anniversary of “%1”</source>
        <translation>контакты в годовщину даты «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="40"/>
        <source>contacts inactive for %1 days</source>
        <translation>контакты, неактивные %1 дн.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="46"/>
        <source>nobody yet</source>
        <translation>пока никто</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="50"/>
        <source>Who will enter: %1.</source>
        <translation>Кто войдёт: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="51"/>
        <source>How often one contact may enter: %1.</source>
        <translation>Как часто один контакт может входить: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/publish.py" line="52"/>
        <source>Messages go out through your real provider accounts as soon as contacts reach them. Publish now?</source>
        <translation>Сообщения будут уходить через ваши настоящие учётные записи сервисов, как только контакты дойдут до них. Опубликовать?</translation>
    </message>
</context>
<context>
    <name>ScenarioSimulation</name>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="24"/>
        <source>entered</source>
        <translation>вошёл</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="25"/>
        <source>passed</source>
        <translation>прошёл</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="26"/>
        <source>waits</source>
        <translation>ждёт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="27"/>
        <source>message sent</source>
        <translation>сообщение отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="28"/>
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="29"/>
        <source>held</source>
        <translation>задержано</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="30"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="31"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="32"/>
        <source>branch</source>
        <translation>ветка</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="33"/>
        <source>the event happened</source>
        <translation>событие произошло</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="34"/>
        <source>did not happen in time</source>
        <translation>не дождались</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="35"/>
        <location filename="../../ui/scenarios/sim_texts.py" line="74"/>
        <source>goal reached</source>
        <translation>цель достигнута</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="36"/>
        <source>left the scenario</source>
        <translation>вышел из сценария</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="37"/>
        <source>finished</source>
        <translation>завершил</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="38"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="39"/>
        <source>still inside at the end of the test period</source>
        <translation>всё ещё внутри в конце проверяемого периода</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="69"/>
        <source>the pause is over</source>
        <translation>пауза закончилась</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="70"/>
        <source>the time window is open</source>
        <translation>окно времени открыто</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="71"/>
        <source>no event before the time ran out</source>
        <translation>события не было до конца ожидания</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="72"/>
        <source>an exit step</source>
        <translation>шаг «Выход»</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="73"/>
        <source>a goal step</source>
        <translation>шаг «Цель»</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="75"/>
        <source>nobody to send to</source>
        <translation>некому отправлять</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="76"/>
        <source>would be sent</source>
        <translation>ушло бы</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="77"/>
        <source>no consent: skipped</source>
        <translation>нет согласия: пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="78"/>
        <source>no address: skipped</source>
        <translation>нет адреса: пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="79"/>
        <source>frequency cap reached: skipped</source>
        <translation>достигнут лимит частоты: пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="80"/>
        <source>the address is on the stop list: skipped</source>
        <translation>адрес в стоп-листе: пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="82"/>
        <source>would be sent (a service message: no consent or quiet hours check)</source>
        <translation>ушло бы (сервисное сообщение: без проверки согласия и тихих часов)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="93"/>
        <source>until %1</source>
        <translation>до %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="95"/>
        <source>waits for “%1” until %2</source>
        <translation>ждёт «%1» до %2</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="98"/>
        <source>“%1” at %2</source>
        <translation>«%1» в %2</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="101"/>
        <source>would wait for the end of quiet hours: %1 (%2)</source>
        <translation>ушло бы после тихих часов: в %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="104"/>
        <source>branch %1</source>
        <translation>ветка %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="106"/>
        <source>messages in the period: %1</source>
        <translation>сообщений за период: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/sim_texts.py" line="108"/>
        <source>the message cannot be prepared: %1</source>
        <translation>сообщение не подготовить: %1</translation>
    </message>
</context>
<context>
    <name>ScenarioTexts</name>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="19"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="30"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="31"/>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="32"/>
        <source>Paused</source>
        <translation>На паузе</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="33"/>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="56"/>
        <source>Sending account</source>
        <translation>Учётная запись сервиса</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="69"/>
        <source>No events at all</source>
        <translation>Нет никаких событий</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="70"/>
        <source>No purchases</source>
        <translation>Нет покупок</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="71"/>
        <source>A saved segment</source>
        <translation>Сохранённый сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="72"/>
        <source>A list</source>
        <translation>Список</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="73"/>
        <source>All contacts</source>
        <translation>Все контакты</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="74"/>
        <source>Every manager on the list</source>
        <translation>Всем менеджерам из списка</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="75"/>
        <source>One manager in turn (round robin)</source>
        <translation>Одному менеджеру по очереди</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="76"/>
        <source>Trigger SMS (marketing, needs consent)</source>
        <translation>Триггерное SMS (маркетинг, нужно согласие)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="77"/>
        <source>Service SMS (booking, reminder)</source>
        <translation>Сервисное SMS (запись, напоминание)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="78"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="79"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="86"/>
        <source>minutes</source>
        <translation>мин.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="86"/>
        <source>hours</source>
        <translation>ч</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="87"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="92"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="92"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="92"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="93"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="93"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="93"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/texts.py" line="94"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
</context>
<context>
    <name>ScenariosScreen</name>
    <message>
        <location filename="../../ui/scenarios/screen.py" line="103"/>
        <source>Rename the scenario</source>
        <translation>Переименовать сценарий</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/screen.py" line="103"/>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/screen.py" line="118"/>
        <source>Import a scenario</source>
        <translation>Импорт сценария</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/screen.py" line="118"/>
        <location filename="../../ui/scenarios/screen.py" line="130"/>
        <source>Scenario (*.json)</source>
        <translation>Сценарий (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/screen.py" line="130"/>
        <source>Export the scenario</source>
        <translation>Экспорт сценария</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/screen.py" line="139"/>
        <source>Archive “%1”? It stops, and the %2 contact(s) inside leave it. You can restore it later.</source>
        <translation>Отправить «%1» в архив? Сценарий остановится, а контакты внутри (%2) выйдут из него. Позже его можно восстановить.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/screen.py" line="141"/>
        <source>Archive the scenario?</source>
        <translation>Отправить сценарий в архив?</translation>
    </message>
</context>
<context>
    <name>SegmentRuleField</name>
    <message>
        <location filename="../../ui/scenarios/fields/segment_rule.py" line="25"/>
        <source>Contacts who match go out by “Yes”, the others by “No”.</source>
        <translation>Кто подходит под условие, идёт по выходу «Да», остальные — по «Нет».</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/scenarios/settings_form.py" line="35"/>
        <source>Scenario settings</source>
        <translation>Настройки сценария</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/settings_form.py" line="37"/>
        <source>Click a step on the canvas to set it up. Drag steps from the left; connect an exit (right dot) to the next step&apos;s entry (left dot).</source>
        <translation>Щёлкните шаг на холсте, чтобы настроить его. Перетаскивайте шаги слева; соединяйте выход (точка справа) со входом следующего шага (точка слева).</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/settings_form.py" line="49"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/settings_form.py" line="52"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/settings_form.py" line="53"/>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/settings_form.py" line="54"/>
        <source>A contact enters:</source>
        <translation>Контакт входит:</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/settings_form.py" line="55"/>
        <source>No more often than every:</source>
        <translation>Не чаще, чем раз в:</translation>
    </message>
</context>
<context>
    <name>SimulateDialog</name>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="70"/>
        <source>Test on a contact: %1</source>
        <translation>Проверка на контакте: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="72"/>
        <source>The scenario runs with a simulated clock for the chosen contact. Nothing is sent and nothing is saved; gates (consent, stop list, quiet hours) are checked and reported.</source>
        <translation>Сценарий прогоняется для выбранного контакта с условным временем. Ничего не отправляется и не сохраняется; проверки (согласие, стоп-лист, тихие часы) выполняются и показываются.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="77"/>
        <source>Find a contact by phone, e-mail or name</source>
        <translation>Найти контакт по телефону, email или имени</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="82"/>
        <source>1. Contact</source>
        <translation>1. Контакт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="87"/>
        <source>After</source>
        <translation>Через</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="87"/>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="87"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="88"/>
        <source>Properties (name=value; …)</source>
        <translation>Свойства (имя=значение; …)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="92"/>
        <source>+ Event</source>
        <translation>+ Событие</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="93"/>
        <source>Remove event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="96"/>
        <source>2. What the contact does (optional)</source>
        <translation>2. Что делает контакт (необязательно)</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="104"/>
        <source>Run the test</source>
        <translation>Запустить проверку</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="112"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="112"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="112"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="113"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="127"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="160"/>
        <source>Nobody found</source>
        <translation>Никого не нашли</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="235"/>
        <source>Running…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="242"/>
        <source>The test could not run: %1</source>
        <translation>Проверку не удалось выполнить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="266"/>
        <source>Result: %1 · steps: %2 · messages: %3</source>
        <translation>Итог: %1 · шагов: %2 · сообщений: %3</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="284"/>
        <source>No messages would be sent on this path.</source>
        <translation>На этом пути сообщения не отправились бы.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="292"/>
        <source>Step: %1</source>
        <translation>Шаг: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="293"/>
        <source>To: %1</source>
        <translation>Кому: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="295"/>
        <source>Subject: %1</source>
        <translation>Тема: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/simulate_dialog.py" line="302"/>
        <source>%1 characters, %2 SMS part(s)</source>
        <translation>%1 символов, частей SMS: %2</translation>
    </message>
</context>
<context>
    <name>TemplateField</name>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="30"/>
        <source>— choose a template —</source>
        <translation>— выберите шаблон —</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="33"/>
        <source>There are no templates of this kind yet: create one in the Templates section.</source>
        <translation>Шаблонов такого вида пока нет: создайте шаблон в разделе «Шаблоны».</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="40"/>
        <source>The preview appears when a template is chosen.</source>
        <translation>Здесь появится пример, когда вы выберете шаблон.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="60"/>
        <source>Filling the template…</source>
        <translation>Заполняем шаблон…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="70"/>
        <source>The library has no template with this name: create it in the Templates section or choose another one.</source>
        <translation>В библиотеке нет шаблона с таким названием: создайте его в разделе «Шаблоны» или выберите другой.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="74"/>
        <source>This template cannot be filled: %1</source>
        <translation>Шаблон не заполняется: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="78"/>
        <source>Subject: %1</source>
        <translation>Тема: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="81"/>
        <source>%1 characters, %2 SMS part(s)</source>
        <translation>%1 символов, частей SMS: %2</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/fields/template.py" line="94"/>
        <source>%1 (not in the library)</source>
        <translation>%1 (нет в библиотеке)</translation>
    </message>
</context>
</TS>
