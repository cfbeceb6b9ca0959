<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AddDialog</name>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="59"/>
        <source>Add to the suppression list</source>
        <translation>Добавить в стоп-лист</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="71"/>
        <source>e.g. asked by phone on 24.11</source>
        <translation>например: попросил по телефону 24.11</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="76"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="77"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="81"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="82"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="83"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="84"/>
        <source>Note (kept as evidence):</source>
        <translation>Примечание (хранится как подтверждение):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="100"/>
        <source>This is not an e-mail address. Example: name@example.ru</source>
        <translation>Это не адрес e-mail. Пример: name@example.ru</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="102"/>
        <source>This is not a phone number. Example: +7 912 345-67-89</source>
        <translation>Это не номер телефона. Пример: +7 912 345-67-89</translation>
    </message>
</context>
<context>
    <name>ImportChoice</name>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="163"/>
        <source>Import the suppression list</source>
        <translation>Загрузка стоп-листа</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="170"/>
        <source>E-mail addresses go to the e-mail list. A column “Channel” or “Reason” in the file (as in Kaskad&apos;s export) is used where it is filled in.</source>
        <translation>Адреса e-mail попадут в список для e-mail. Если в файле есть столбцы «Канал» или «Причина» (как в выгрузке из Каскада), заполненные значения из них будут учтены.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="174"/>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="175"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="179"/>
        <source>Phone numbers are for:</source>
        <translation>Номера телефонов — для канала:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="180"/>
        <source>Reason, where the file has none:</source>
        <translation>Причина, если в файле не указана:</translation>
    </message>
</context>
<context>
    <name>LanguageGroup</name>
    <message>
        <location filename="../../ui/settings/language.py" line="18"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/settings/language.py" line="23"/>
        <source>As in the system (%1)</source>
        <translation>Как в системе (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/language.py" line="28"/>
        <source>The new language is applied the next time Kaskad starts.</source>
        <translation>Новый язык применяется при следующем запуске Kaskad.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/language.py" line="31"/>
        <source>Interface language:</source>
        <translation>Язык интерфейса:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/language.py" line="36"/>
        <source>Saved. Restart Kaskad to see the interface in the chosen language.</source>
        <translation>Сохранено. Перезапустите Kaskad, чтобы увидеть интерфейс на выбранном языке.</translation>
    </message>
</context>
<context>
    <name>MailboxGroup</name>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="56"/>
        <source>Mailbox for unsubscribes and bounces</source>
        <translation>Почтовый ящик для отписок и возвратов</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="59"/>
        <source>Every letter offers “Unsubscribe” with the address below. A person&apos;s mail program then sends a letter there; Kaskad reads this mailbox and takes the person off the list. Reports about undelivered letters that arrive there are read too. Letters from people are left unread for you.</source>
        <translation>В каждом письме есть кнопка «Отписаться» с адресом ниже. Почтовая программа получателя отправляет туда письмо, Каскад читает этот ящик и исключает человека из рассылок. Уведомления о недоставленных письмах, пришедшие туда же, тоже учитываются. Обычные письма от людей остаются непрочитанными — для вас.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="64"/>
        <source>Good to know: Gmail&apos;s rule for bulk senders needs one-click unsubscribe over https; this mailbox alone does not meet it. For large mailings also use your e-mail service&apos;s own unsubscribe (SendGrid, Mailgun, Unisender Go) or a public receiver address.</source>
        <translation>Важно: для массовых рассылок Gmail требует отписку в один клик по https — одного этого ящика для этого недостаточно. Для больших рассылок подключите и отписку самого почтового сервиса (SendGrid, Mailgun, Unisender Go) или публичный адрес приёмника статусов.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="77"/>
        <source>Encrypted connection (SSL)</source>
        <translation>Защищённое соединение (SSL)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="86"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="87"/>
        <source>Check connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="88"/>
        <source>Check the mailbox now</source>
        <translation>Проверить ящик сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="98"/>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="102"/>
        <source>Address for unsubscribe letters:</source>
        <translation>Адрес для писем об отписке:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="103"/>
        <source>IMAP server:</source>
        <translation>Сервер IMAP:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="104"/>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="105"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="106"/>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="138"/>
        <source>saved — type a new one to replace it</source>
        <translation>сохранён — введите новый, чтобы заменить</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="154"/>
        <source>The mailbox has not been checked yet.</source>
        <translation>Ящик ещё не проверялся.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="161"/>
        <source>Last check, %1: failed — %2</source>
        <translation>Последняя проверка, %1: не удалась — %2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="164"/>
        <source>Last check, %1: letters read: %2, unsubscribes: %3, undelivered: %4, temporary failures: %5.</source>
        <translation>Последняя проверка, %1: прочитано писем: %2, отписок: %3, недоставленных: %4, временных сбоев доставки: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="222"/>
        <source>Connection works: folder “%1”, unread letters: %2.</source>
        <translation>Подключение работает: папка «%1», непрочитанных писем: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="245"/>
        <source>Done. Letters read: %1.</source>
        <translation>Готово. Прочитано писем: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="173"/>
        <source>The address for unsubscribe letters is not an e-mail address.</source>
        <translation>Адрес для писем об отписке — не адрес e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="176"/>
        <source>Fill in the IMAP server and the login.</source>
        <translation>Укажите сервер IMAP и логин.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="180"/>
        <source>Enter the mailbox password.</source>
        <translation>Введите пароль от ящика.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="202"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="216"/>
        <source>Connecting to %1…</source>
        <translation>Подключаемся к %1…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="227"/>
        <source>Did not work: %1</source>
        <translation>Не получилось: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="239"/>
        <source>Reading the mailbox…</source>
        <translation>Читаем ящик…</translation>
    </message>
</context>
<context>
    <name>RemovalReason</name>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="120"/>
        <source>Allow messages again</source>
        <translation>Снова разрешить сообщения</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="122"/>
        <source>e.g. Subscribed again at the checkout on 24.11, form No. 15</source>
        <translation>например: снова подписался на кассе 24.11, анкета № 15</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="126"/>
        <source>%1 (%2): %3.

By law you may send advertising to this person again only with their new consent. Write down when and how they gave it: the note is kept as evidence.</source>
        <translation>%1 (%2): %3.

По закону снова отправлять рекламу этому человеку можно только с его нового согласия. Запишите, когда и как он его дал: запись сохранится как подтверждение.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="132"/>
        <source>Remove from the list</source>
        <translation>Убрать из списка</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="133"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="138"/>
        <source>How was the new consent given?</source>
        <translation>Как получено новое согласие?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/suppression_dialogs.py" line="146"/>
        <source>Describe the new consent in a few words (at least %n characters).</source>
        <translation>
            <numerusform>Опишите новое согласие хотя бы парой слов (не меньше %n символа).</numerusform>
            <numerusform>Опишите новое согласие хотя бы парой слов (не меньше %n символов).</numerusform>
            <numerusform>Опишите новое согласие хотя бы парой слов (не меньше %n символов).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/settings/screen.py" line="41"/>
        <source>Settings</source>
        <extracomment>Each entry builds one group: `factory(workspace, parent) -&gt; QWidget`, shown top to bottom.</extracomment>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>SuppressionGroup</name>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="56"/>
        <source>Suppression list</source>
        <translation>Стоп-лист</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="60"/>
        <source>Nobody on this list receives messages on that channel: people who unsubscribed or complained about spam, addresses that do not accept mail, and those you added. Mailings skip them automatically.</source>
        <translation>Адреса из этого списка не получают сообщений по указанному каналу: те, кто отписался или пожаловался на спам, адреса, которые не принимают почту, и добавленные вами вручную. Рассылки пропускают их автоматически.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="67"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="68"/>
        <source>Remove…</source>
        <translation>Убрать…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="69"/>
        <source>Import…</source>
        <translation>Загрузить из файла…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="70"/>
        <source>Export…</source>
        <translation>Выгрузить…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="71"/>
        <source>Sync with e-mail services</source>
        <translation>Сверить с почтовыми сервисами</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="72"/>
        <source>Copy the unsubscribes, bounces and complaints that SendGrid, Mailgun and Unisender Go recorded themselves</source>
        <translation>Забрать отписки, возвраты и жалобы, которые записали у себя SendGrid, Mailgun и Unisender Go</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="74"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="101"/>
        <source>Add an address after</source>
        <translation>Добавлять адрес после</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="103"/>
        <source>temporary delivery failures within</source>
        <translation>временных сбоев доставки за</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="105"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="107"/>
        <source>A temporary failure is a full mailbox or a server that is down for a while. An address that does not exist is added at once.</source>
        <translation>Временный сбой — это переполненный ящик или ненадолго недоступный сервер. Несуществующий адрес добавляется сразу.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="159"/>
        <source>by hand</source>
        <translation>вручную</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="161"/>
        <source>%1 added: no more messages on the channel “%2”.</source>
        <translation>%1 добавлен: сообщений по каналу «%2» больше не будет.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="164"/>
        <source>%1 is already on the list; the earlier entry is kept.</source>
        <translation>%1 уже в списке; прежняя запись сохранена.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="177"/>
        <source>Remove from the list</source>
        <translation>Убрать из списка</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="178"/>
        <source>Allow messages to %1 on the channel “%2” again? (%3)</source>
        <translation>Снова разрешить сообщения на %1 по каналу «%2»? (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="184"/>
        <source>%1 removed: messages on the channel “%2” are allowed again.</source>
        <translation>%1 убран из списка: сообщения по каналу «%2» снова разрешены.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="214"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Отменено: ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="216"/>
        <source>Did not work: %1</source>
        <translation>Не получилось: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="218"/>
        <source>Something went wrong inside Kaskad; nothing was changed.</source>
        <translation>Внутри Каскада что-то пошло не так; ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="222"/>
        <source>Import the suppression list</source>
        <translation>Загрузка стоп-листа</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="223"/>
        <source>Tables (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Таблицы (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="229"/>
        <source>Reading %1…</source>
        <translation>Читаем %1…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="236"/>
        <source>Imported. New: %1, already on the list: %2.</source>
        <translation>Загружено. Новых: %1, уже были в списке: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="242"/>
        <source>Rows not accepted (not an address, or a phone number without a channel): %1.</source>
        <translation>Не принято строк (не адрес или номер телефона без канала): %1.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="269"/>
        <source>Saved to %2. Addresses: %1.</source>
        <translation>Сохранено в %2. Адресов: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="291"/>
        <source>New addresses added to the list: %1.</source>
        <translation>Добавлено новых адресов: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="292"/>
        <source>“%1”: addresses checked: %2.</source>
        <translation>«%1»: проверено адресов: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="294"/>
        <source>the service did not accept the API key; check the account in “Sending: provider accounts”</source>
        <translation>сервис не принял ключ API; проверьте учётную запись в разделе «Отправка: учётные записи сервисов»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="296"/>
        <source>the service did not answer; try again later</source>
        <translation>сервис не ответил; попробуйте позже</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="297"/>
        <source>the service answered something unexpected</source>
        <translation>сервис ответил что-то непонятное</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="298"/>
        <source>“%1”: could not read the list — %2.</source>
        <translation>«%1»: не удалось прочитать список — %2.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="300"/>
        <source>Details: %1</source>
        <translation>Подробности: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="240"/>
        <source>row %1: “%2”</source>
        <translation>строка %1: «%2»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="248"/>
        <source>Export the suppression list</source>
        <translation>Выгрузка стоп-листа</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="249"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="254"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="254"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="254"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="254"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="254"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="261"/>
        <source>Writing %1…</source>
        <translation>Записываем %1…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="276"/>
        <source>Asking the e-mail services for their lists…</source>
        <translation>Запрашиваем списки у почтовых сервисов…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="283"/>
        <source>Reading the list of “%1”…</source>
        <translation>Читаем список «%1»…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_group.py" line="288"/>
        <source>No e-mail service account keeps its own list (SendGrid, Mailgun or Unisender Go): nothing to sync.</source>
        <translation>Нет учётных записей почтовых сервисов со своим списком (SendGrid, Mailgun или Unisender Go): сверять нечего.</translation>
    </message>
</context>
<context>
    <name>SuppressionLabels</name>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="29"/>
        <source>Unsubscribed</source>
        <translation>Отписался</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="30"/>
        <source>Address does not accept mail</source>
        <translation>Адрес не принимает почту</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="31"/>
        <source>Complained about spam</source>
        <translation>Пожаловался на спам</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_dialogs.py" line="32"/>
        <source>Added by hand</source>
        <translation>Добавлен вручную</translation>
    </message>
</context>
<context>
    <name>SuppressionTable</name>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="51"/>
        <source>Search by address or phone</source>
        <translation>Поиск по адресу или телефону</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="54"/>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="58"/>
        <source>All reasons</source>
        <translation>Все причины</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="64"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="64"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="64"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="65"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="65"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="77"/>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="78"/>
        <source>Next ▶</source>
        <translation>Вперёд ▶</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="128"/>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 из %3</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="131"/>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <location filename="../../ui/settings/suppression_table.py" line="132"/>
        <source>The list is empty: nobody has unsubscribed yet</source>
        <translation>Список пуст: пока никто не отписался</translation>
    </message>
</context>
</TS>
