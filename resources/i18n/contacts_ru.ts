<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Channels</name>
    <message>
        <location filename="../../ui/contacts/detail.py" line="25"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="26"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="27"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="28"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../../ui/contacts/detail.py" line="31"/>
        <source>granted</source>
        <translation>дано</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="32"/>
        <source>withdrawn</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="33"/>
        <source>denied</source>
        <translation>отказ</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="36"/>
        <source>unsubscribed</source>
        <translation>отписался</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="37"/>
        <source>address bounced</source>
        <translation>адрес недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="38"/>
        <source>complained of spam</source>
        <translation>пожаловался на спам</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="39"/>
        <source>blocked by hand</source>
        <translation>заблокирован вручную</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <location filename="../../ui/contacts/screen.py" line="53"/>
        <source>Search by phone, email or name</source>
        <translation>Поиск по телефону, e-mail или имени</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="63"/>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="64"/>
        <source>Import contacts from a CSV or Excel file (Ctrl+I)</source>
        <translation>Импорт контактов из файла CSV или Excel (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="67"/>
        <source>List:</source>
        <translation>Список:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="69"/>
        <source>Tag:</source>
        <translation>Тег:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="133"/>
        <source>All lists</source>
        <translation>Все списки</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="134"/>
        <source>All tags</source>
        <translation>Все теги</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="164"/>
        <source>searching…</source>
        <translation>поиск…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/screen.py" line="166"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln контакт</numerusform>
            <numerusform>%Ln контакта</numerusform>
            <numerusform>%Ln контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/screen.py" line="207"/>
        <source>Delete %n contact(s)? Their consents and list memberships are deleted too; unsubscribes are kept.</source>
        <translation>
            <numerusform>Удалить %n контакт? Его согласия и участие в списках тоже удалятся; отписки сохранятся.</numerusform>
            <numerusform>Удалить %n контакта? Их согласия и участие в списках тоже удалятся; отписки сохранятся.</numerusform>
            <numerusform>Удалить %n контактов? Их согласия и участие в списках тоже удалятся; отписки сохранятся.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="209"/>
        <source>Delete contacts</source>
        <translation>Удаление контактов</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="222"/>
        <source>contacts.xlsx</source>
        <translation>контакты.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="223"/>
        <source>Export contacts</source>
        <translation>Выгрузка контактов</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="224"/>
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV для Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Birthday</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/screen.py" line="235"/>
        <source>Exported %n contact(s) to %1</source>
        <translation>
            <numerusform>Выгружен %n контакт в %1</numerusform>
            <numerusform>Выгружено %n контакта в %1</numerusform>
            <numerusform>Выгружено %n контактов в %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>Name</source>
        <extracomment>Column ids in display order; the sort key for each (None = not sortable).</extracomment>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="76"/>
        <source>Birthday</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="76"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="76"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/contacts/detail.py" line="84"/>
        <source>Select a contact to see everything about it here.</source>
        <translation>Выберите контакт, чтобы увидеть здесь всё о нём.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/detail.py" line="96"/>
        <source>%n contact(s) selected</source>
        <translation>
            <numerusform>Выбран %n контакт</numerusform>
            <numerusform>Выбрано %n контакта</numerusform>
            <numerusform>Выбрано %n контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="108"/>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="116"/>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="116"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="118"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="118"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="119"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="119"/>
        <source>Birthday</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="120"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="120"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="121"/>
        <source>External ID</source>
        <translation>Внешний ID</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="121"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="122"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="122"/>
        <source>Changed</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="127"/>
        <source>Custom fields</source>
        <translation>Дополнительные поля</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="132"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="136"/>
        <source>Lists and tags</source>
        <translation>Списки и теги</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="138"/>
        <source>Lists:</source>
        <translation>Списки:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="138"/>
        <source>not in any list</source>
        <translation>ни в одном списке</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="139"/>
        <source>Tags:</source>
        <translation>Теги:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="139"/>
        <source>no tags</source>
        <translation>нет тегов</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="144"/>
        <source>Consents</source>
        <translation>Согласия</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="152"/>
        <source>not recorded</source>
        <translation>не записано</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="157"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="159"/>
        <source>Blocked: %1</source>
        <translation>Заблокирован: %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="167"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="170"/>
        <source>Export…</source>
        <translation>Выгрузить…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="172"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="35"/>
        <source>Edit contact</source>
        <translation>Изменение контакта</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="50"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="53"/>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="54"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="61"/>
        <source>comma-separated, e.g. VIP, shop</source>
        <translation>через запятую, например VIP, магазин</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="65"/>
        <source>Last name:</source>
        <translation>Фамилия:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="65"/>
        <source>First name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="66"/>
        <source>Middle name:</source>
        <translation>Отчество:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="66"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="67"/>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="67"/>
        <source>City:</source>
        <translation>Город:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="67"/>
        <source>Birthday:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="68"/>
        <source>Gender:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="68"/>
        <source>Time zone:</source>
        <translation>Часовой пояс:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="68"/>
        <source>Tags:</source>
        <translation>Теги:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="97"/>
        <source>The birthday must be a date like 31.12.1990.</source>
        <translation>Дата рождения должна быть датой вида 31.12.1990.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="117"/>
        <source>“%1” is not a phone number. Type it like +7 912 345-67-89.</source>
        <translation>«%1» — не номер телефона. Введите его в виде +7 912 345-67-89.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="118"/>
        <source>“%1” is not a valid email address.</source>
        <translation>«%1» — неправильный адрес e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="119"/>
        <source>Another contact already has the phone %1.</source>
        <translation>Телефон %1 уже есть у другого контакта.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="120"/>
        <source>Another contact already has the email %1.</source>
        <translation>E-mail %1 уже есть у другого контакта.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="122"/>
        <source>A contact needs a phone or an email.</source>
        <translation>У контакта должен быть телефон или e-mail.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="24"/>
        <source>Welcome to Kaskad!</source>
        <translation>Добро пожаловать в Kaskad!</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="26"/>
        <source>Your contact base is empty. Bring in your customers from an Excel or CSV file — an export from your CRM, 1C or a list you keep by hand. Kaskad cleans up phones and emails and skips duplicates.</source>
        <translation>Ваша база контактов пуста. Загрузите клиентов из файла Excel или CSV — выгрузки из CRM, 1С или списка, который вы ведёте вручную. Kaskad приведёт в порядок телефоны и e-mail и пропустит дубликаты.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="30"/>
        <source>Import contacts…</source>
        <translation>Импортировать контакты…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="34"/>
        <source>You can also drop a file onto this window, or press Ctrl+I.</source>
        <translation>Можно также перетащить файл в это окно или нажать Ctrl+I.</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../ui/contacts/format.py" line="43"/>
        <source>import: column in the file</source>
        <translation>импорт: столбец в файле</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="44"/>
        <source>import</source>
        <translation>импорт</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="45"/>
        <source>one-click unsubscribe</source>
        <translation>отписка в один клик</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="46"/>
        <source>unsubscribe link</source>
        <translation>ссылка отписки</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="47"/>
        <source>unsubscribe e-mail</source>
        <translation>письмо об отписке</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="48"/>
        <source>bounced message</source>
        <translation>недоставленное письмо</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="49"/>
        <source>sending service</source>
        <translation>сервис отправки</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="50"/>
        <source>added by hand</source>
        <translation>добавлено вручную</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="61"/>
        <source>import: %1</source>
        <translation>импорт: %1</translation>
    </message>
</context>
</TS>
