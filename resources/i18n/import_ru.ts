<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/imports/file_page.py" line="38"/>
        <source>Choose a file</source>
        <extracomment>file name endings the importer reads.</extracomment>
        <translation>Выберите файл</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="40"/>
        <source>A contact base saved from Excel, 1C or a CRM: CSV, TSV, TXT, XLSX, XLS or ODS.</source>
        <translation>База контактов, сохранённая из Excel, 1С или CRM: CSV, TSV, TXT, XLSX, XLS или ODS.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="43"/>
        <source>Drag a file here
or press “Browse…”</source>
        <translation>Перетащите файл сюда
или нажмите «Обзор…»</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="51"/>
        <source>Path to the file</source>
        <translation>Путь к файлу</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="54"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="56"/>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="84"/>
        <source>Choose a contact file</source>
        <translation>Выберите файл с контактами</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="85"/>
        <source>Tables (*.csv *.tsv *.txt *.xlsx *.xls *.ods);;All files (*)</source>
        <translation>Таблицы (*.csv *.tsv *.txt *.xlsx *.xls *.ods);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="95"/>
        <source>There is no file at this path.</source>
        <translation>По этому пути нет файла.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_page.py" line="97"/>
        <source>Kaskad reads CSV, TSV, TXT, XLSX, XLS and ODS files; this one is “{suffix}”.</source>
        <translation>Каскад читает файлы CSV, TSV, TXT, XLSX, XLS и ODS, а у этого файла тип «{suffix}».</translation>
    </message>
</context>
<context>
    <name>ImportLabels</name>
    <message>
        <location filename="../../ui/imports/labels.py" line="20"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="26"/>
        <source>; (semicolon)</source>
        <translation>; (точка с запятой)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="27"/>
        <source>, (comma)</source>
        <translation>, (запятая)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="28"/>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="29"/>
        <source>| (vertical bar)</source>
        <translation>| (вертикальная черта)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="35"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="35"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="35"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="35"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="42"/>
        <source>Consent: {channel}</source>
        <translation>Согласие: {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="44"/>
        <source>Custom field</source>
        <translation>Доп. поле</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="46"/>
        <source>Skip (do not import)</source>
        <translation>Не загружать</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="58"/>
        <source>Fill empty fields (recommended)</source>
        <translation>Дополнить пустые поля (рекомендуется)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="59"/>
        <source>An existing contact keeps its data; only its empty fields are filled from the file.</source>
        <translation>Данные контакта в базе сохраняются, из файла заполняются только пустые поля.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="60"/>
        <source>Overwrite</source>
        <translation>Перезаписать</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="61"/>
        <source>Values from the file replace the data of contacts already in the base.</source>
        <translation>Значения из файла заменяют данные контактов, которые уже есть в базе.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="62"/>
        <source>Skip existing</source>
        <translation>Пропустить существующие</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="63"/>
        <source>Contacts already in the base are left untouched; only new ones are added.</source>
        <translation>Контакты, которые уже есть в базе, не меняются; добавляются только новые.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="70"/>
        <source>Russia (+7)</source>
        <translation>Россия (+7)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="71"/>
        <source>Kazakhstan (+7)</source>
        <translation>Казахстан (+7)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="72"/>
        <source>Belarus (+375)</source>
        <translation>Беларусь (+375)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="73"/>
        <source>Uzbekistan (+998)</source>
        <translation>Узбекистан (+998)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="74"/>
        <source>Kyrgyzstan (+996)</source>
        <translation>Киргизия (+996)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="75"/>
        <source>Armenia (+374)</source>
        <translation>Армения (+374)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="76"/>
        <source>Georgia (+995)</source>
        <translation>Грузия (+995)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="77"/>
        <source>Azerbaijan (+994)</source>
        <translation>Азербайджан (+994)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="78"/>
        <source>Ukraine (+380)</source>
        <translation>Украина (+380)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="79"/>
        <source>Germany (+49)</source>
        <translation>Германия (+49)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="80"/>
        <source>USA (+1)</source>
        <translation>США (+1)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="87"/>
        <location filename="../../ui/imports/labels.py" line="88"/>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="89"/>
        <location filename="../../ui/imports/labels.py" line="90"/>
        <location filename="../../ui/imports/labels.py" line="91"/>
        <source>Checking phones and e-mails…</source>
        <translation>Проверка телефонов и адресов…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="92"/>
        <source>Finding duplicates…</source>
        <translation>Поиск дубликатов…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="93"/>
        <source>Matching with the base…</source>
        <translation>Сверка с базой…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="94"/>
        <location filename="../../ui/imports/labels.py" line="95"/>
        <source>Saving contacts…</source>
        <translation>Сохранение контактов…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="96"/>
        <source>Writing the error report…</source>
        <translation>Запись отчёта об ошибках…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="97"/>
        <source>Finishing…</source>
        <translation>Завершение…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="104"/>
        <source>File “{name}”</source>
        <translation>Файл «{name}»</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="106"/>
        <source>row {row}</source>
        <translation>строка {row}</translation>
    </message>
    <message>
        <location filename="../../ui/imports/labels.py" line="108"/>
        <source>column “{column}”</source>
        <translation>столбец «{column}»</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/imports/wizard.py" line="45"/>
        <source>Import contacts</source>
        <translation>Импорт контактов</translation>
    </message>
    <message>
        <location filename="../../ui/imports/wizard.py" line="50"/>
        <source>Next &gt;</source>
        <translation>Далее &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/imports/wizard.py" line="51"/>
        <source>&lt; Back</source>
        <translation>&lt; Назад</translation>
    </message>
    <message>
        <location filename="../../ui/imports/wizard.py" line="52"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/imports/wizard.py" line="53"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="46"/>
        <source>Match the columns</source>
        <translation>Сопоставьте столбцы</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="47"/>
        <source>Choose what each column of the file becomes. Columns left as “Custom field” are kept with the contact under their own name.</source>
        <translation>Укажите, чем станет каждый столбец файла. Столбцы с выбором «Доп. поле» сохранятся у контакта под своим названием.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="56"/>
        <source>Sa&amp;ved mapping:</source>
        <translation>Со&amp;хранённое сопоставление:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="58"/>
        <source>Save mapping as…</source>
        <translation>Сохранить сопоставление как…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="68"/>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="68"/>
        <source>Sample values</source>
        <translation>Примеры значений</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="68"/>
        <source>Import as</source>
        <translation>Загрузить как</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="109"/>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="148"/>
        <source>Custom field “{name}”</source>
        <translation>Доп. поле «{name}»</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="157"/>
        <source>Choose the column with phones or e-mails: a contact needs at least one.</source>
        <translation>Укажите столбец с телефонами или e-mail: у контакта должен быть хотя бы один из них.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="159"/>
        <source>“{target}” is chosen for several columns: {columns}. Keep it for one.</source>
        <translation>«{target}» выбрано для нескольких столбцов: {columns}. Оставьте только один.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="187"/>
        <source>— not chosen —</source>
        <translation>— не выбрано —</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="210"/>
        <location filename="../../ui/imports/mapping_page.py" line="216"/>
        <source>Save mapping</source>
        <translation>Сохранить сопоставление</translation>
    </message>
    <message>
        <location filename="../../ui/imports/mapping_page.py" line="210"/>
        <source>Name of the mapping:</source>
        <translation>Название сопоставления:</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../ui/imports/options_page.py" line="41"/>
        <source>Import options</source>
        <translation>Параметры импорта</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="42"/>
        <source>Where to put the contacts and what to do with those already in the base.</source>
        <translation>Куда добавить контакты и что делать с теми, кто уже есть в базе.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="43"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="48"/>
        <source>Do not add to a list</source>
        <translation>Не добавлять в список</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="53"/>
        <source>for example: VIP, shop on Lenina</source>
        <translation>например: VIP, магазин на Ленина</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="57"/>
        <source>Where to put the contacts</source>
        <translation>Куда добавить контакты</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="59"/>
        <source>Add to &amp;list:</source>
        <translation>Добавить в &amp;список:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="61"/>
        <source>Add &amp;tags:</source>
        <translation>Добавить &amp;теги:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="62"/>
        <source>Phones without a country code are from:</source>
        <translation>Телефоны без кода страны — из страны:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="66"/>
        <source>Contacts already in the base (same phone or e-mail)</source>
        <translation>Контакты, которые уже есть в базе (тот же телефон или e-mail)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="79"/>
        <source>Consent to receive advertising</source>
        <translation>Согласие на получение рекламы</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="82"/>
        <source>Tick the channels these people agreed to receive advertising through. The law on advertising (38-FZ, art. 18) allows such mailings only with prior consent, and the sender must prove it, so say where the consent was given.</source>
        <translation>Отметьте каналы, по которым эти люди согласились получать рекламу. Закон «О рекламе» (38-ФЗ, ст. 18) разрешает такие рассылки только с предварительного согласия, и доказать его должен отправитель, поэтому укажите, где согласие было получено.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="95"/>
        <source>for example: signed the loyalty form at the shop</source>
        <translation>например: подписал анкету программы лояльности в магазине</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="98"/>
        <source>&amp;Where consent was given:</source>
        <translation>&amp;Где получено согласие:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="126"/>
        <source>Pick a list or type a new name; leave empty to skip.</source>
        <translation>Выберите список или введите новое название; оставьте пустым, чтобы не добавлять.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="128"/>
        <source>The contacts are added to the existing list.</source>
        <translation>Контакты будут добавлены в существующий список.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="130"/>
        <source>A new list “{name}” will be created.</source>
        <translation>Будет создан новый список «{name}».</translation>
    </message>
    <message>
        <location filename="../../ui/imports/options_page.py" line="141"/>
        <source>Say where the consent was given.</source>
        <translation>Укажите, где получено согласие.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="37"/>
        <source>Check how the file is read</source>
        <translation>Проверьте, как читается файл</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="38"/>
        <source>If the text looks garbled or columns are stuck together, change the encoding, delimiter or header row.</source>
        <translation>Если текст выглядит как набор странных символов или столбцы слиплись, смените кодировку, разделитель или строку заголовков.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="56"/>
        <source>Number of the row that holds the column names</source>
        <translation>Номер строки, в которой записаны названия столбцов</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="60"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="62"/>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Разделитель:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="64"/>
        <source>&amp;Header row:</source>
        <translation>Строка &amp;заголовков:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="66"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Лист:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="92"/>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="158"/>
        <source>Cannot read the file. {problem}</source>
        <translation>Не удаётся прочитать файл. {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="159"/>
        <source>Press “&lt; Back” to choose another file.</source>
        <translation>Нажмите «&lt; Назад», чтобы выбрать другой файл.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="267"/>
        <source>Columns: {columns}. The first {rows} data rows are shown.</source>
        <translation>Столбцов: {columns}. Показаны первые строки с данными: {rows}.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="272"/>
        <source>Rows above the header are skipped: {rows}.</source>
        <translation>Строки над заголовком пропускаются: {rows}.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="273"/>
        <source>empty rows</source>
        <translation>пустые строки</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="284"/>
        <source>The text looks garbled: the file is probably in another encoding. With “{encoding}” it reads correctly.</source>
        <translation>Текст выглядит искажённым: похоже, файл в другой кодировке. В кодировке «{encoding}» он читается правильно.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="286"/>
        <source>Switch to {encoding}</source>
        <translation>Переключить на {encoding}</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_page.py" line="290"/>
        <source>The text looks garbled: try another encoding in the list above.</source>
        <translation>Текст выглядит искажённым: попробуйте другую кодировку в списке выше.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../ui/imports/run_page.py" line="32"/>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="33"/>
        <source>You can keep working in Kaskad meanwhile. Cancelling leaves the base exactly as it was.</source>
        <translation>Тем временем можно продолжать работать в Каскаде. При отмене база останется точно такой, как была.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="40"/>
        <location filename="../../ui/imports/run_page.py" line="81"/>
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="46"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="48"/>
        <source>Start again</source>
        <translation>Запустить снова</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="100"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="113"/>
        <source>{done} rows</source>
        <translation>Строк: {done}</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="115"/>
        <source>{done} of {total} rows</source>
        <translation>{done} из {total} строк</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="117"/>
        <source>{rate} rows/s</source>
        <translation>{rate} строк/с</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="125"/>
        <source>Import finished.</source>
        <translation>Импорт завершён.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="134"/>
        <source>Import cancelled. Nothing was imported: the base is exactly as it was.</source>
        <translation>Импорт отменён. Ничего не загружено: база осталась точно такой, как была.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="140"/>
        <source>The file cannot be imported. {problem}</source>
        <translation>Файл нельзя импортировать. {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="142"/>
        <source>The import failed: {reason}</source>
        <translation>Импорт не удался: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="144"/>
        <source>The import failed because of an internal error ({kind}: {reason}).</source>
        <translation>Импорт не удался из-за внутренней ошибки ({kind}: {reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="146"/>
        <source>Nothing was imported.</source>
        <translation>Ничего не загружено.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/run_page.py" line="149"/>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="28"/>
        <source>Import complete</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="31"/>
        <source>Rows in the file:</source>
        <translation>Строк в файле:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="32"/>
        <source>New contacts:</source>
        <translation>Новых контактов:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="33"/>
        <source>Existing contacts updated:</source>
        <translation>Обновлено контактов из базы:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="34"/>
        <source>Duplicate rows merged:</source>
        <translation>Объединено повторов в файле:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="35"/>
        <source>Rows rejected:</source>
        <translation>Отклонено строк:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="36"/>
        <source>Rows skipped (already in the base):</source>
        <translation>Пропущено (уже есть в базе):</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="37"/>
        <source>Conflicts (phone and e-mail of different contacts):</source>
        <translation>Конфликтов (телефон и e-mail от разных контактов):</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="40"/>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="52"/>
        <source>Open error report</source>
        <translation>Открыть отчёт об ошибках</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="61"/>
        <source>Conflicts to check by hand</source>
        <translation>Конфликты, которые стоит проверить вручную</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="66"/>
        <source>These rows were not merged into a contact automatically, so no one gets someone else&apos;s data:</source>
        <translation>Эти строки не были автоматически объединены с контактом, чтобы никому не достались чужие данные:</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="82"/>
        <source>Done in {seconds} s. The contacts are already in the base.</source>
        <translation>Готово за {seconds} с. Контакты уже в базе.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="88"/>
        <source>Rejected rows were not imported. The error report lists each of them with the reason; fix them in the file and import it again.</source>
        <translation>Отклонённые строки не загружены. В отчёте об ошибках для каждой указана причина: исправьте их в файле и импортируйте его ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ui/imports/summary_page.py" line="90"/>
        <source>Rejected rows were not imported.</source>
        <translation>Отклонённые строки не загружены.</translation>
    </message>
</context>
</TS>
