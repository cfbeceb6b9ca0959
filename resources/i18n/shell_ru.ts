<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ComingSoon</name>
    <message>
        <location filename="../../ui/widgets/coming_soon.py" line="17"/>
        <source>Audiences for your campaigns: create lists, add contacts by filter or by hand, and see how many people each list reaches on every channel.</source>
        <extracomment>What each future section will hold, translated in context &quot;ComingSoon&quot;.</extracomment>
        <translation>Аудитории для рассылок: создавайте списки, добавляйте контакты по фильтру или вручную и смотрите, скольких людей список охватывает в каждом канале.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/coming_soon.py" line="19"/>
        <source>Email, SMS and WhatsApp messages with personal fields (name, city, birthday) and a live preview for a real contact.</source>
        <translation>Письма, SMS и сообщения WhatsApp с персональными полями (имя, город, день рождения) и предпросмотром для настоящего контакта.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/coming_soon.py" line="21"/>
        <source>One-off sends to a list: pick a template and a time, check the cost, then follow delivery, opens and replies as they arrive.</source>
        <translation>Разовые рассылки по списку: выберите шаблон и время, проверьте стоимость, затем следите за доставкой, открытиями и ответами.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/coming_soon.py" line="23"/>
        <source>Automatic chains of messages: a welcome series, birthday greetings, reminders after a purchase, drawn as a diagram.</source>
        <translation>Автоматические цепочки сообщений: приветственная серия, поздравления с днём рождения, напоминания после покупки — в виде схемы.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/coming_soon.py" line="25"/>
        <source>Results of your campaigns and scenarios: delivered, opened, clicked, unsubscribed, exportable to Excel.</source>
        <translation>Итоги рассылок и сценариев: доставлено, открыто, переходы, отписки — с выгрузкой в Excel.</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <location filename="../../ui/widgets/coming_soon.py" line="36"/>
        <source>Coming soon</source>
        <translation>Скоро здесь</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/coming_soon.py" line="40"/>
        <source>This section will appear in one of the next versions of Kaskad.</source>
        <translation>Этот раздел появится в одной из следующих версий Kaskad.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="42"/>
        <source>Cannot do that</source>
        <translation>Не получилось</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="46"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="47"/>
        <source>Something went wrong inside Kaskad. Nothing was lost; please send the details below to support.</source>
        <translation>Внутри Kaskad что-то пошло не так. Данные не потеряны; пожалуйста, отправьте подробности ниже в поддержку.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>Import</source>
        <extracomment>Files the import wizard reads; others dropped on the window are refused.</extracomment>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>The import wizard is not available in this build.</source>
        <translation>Мастер импорта недоступен в этой сборке.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Kaskad — %1</source>
        <translation>Kaskad — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Workspace: %1</source>
        <translation>Рабочая папка: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Импорт контактов…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Work in progress</source>
        <translation>Идёт работа</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>An operation is still running. Stop it and quit?</source>
        <translation>Операция ещё выполняется. Прервать её и выйти?</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../ui/sections.py" line="74"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="75"/>
        <source>Audiences</source>
        <translation>Аудитории</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="76"/>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="77"/>
        <source>Campaigns</source>
        <translation>Рассылки</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="78"/>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="79"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../ui/sections.py" line="80"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="50"/>
        <source>Kaskad cannot start</source>
        <translation>Kaskad не может запуститься</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="51"/>
        <source>The workspace cannot be opened:</source>
        <translation>Не удаётся открыть рабочую папку:</translation>
    </message>
</context>
</TS>
