<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BlockPalette</name>
    <message>
        <location filename="../../ui/templates/canvas.py" line="56"/>
        <source>Drag onto the letter or double-click to add</source>
        <translation>Перетащите в письмо или дважды щёлкните, чтобы добавить</translation>
    </message>
</context>
<context>
    <name>BlockProperties</name>
    <message>
        <location filename="../../ui/templates/properties.py" line="33"/>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="33"/>
        <source>Centre</source>
        <translation>По центру</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="33"/>
        <source>Right</source>
        <translation>Справа</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="39"/>
        <location filename="../../ui/templates/properties.py" line="50"/>
        <source>Picture address (URL)</source>
        <translation>Адрес картинки (URL)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="40"/>
        <location filename="../../ui/templates/properties.py" line="51"/>
        <location filename="../../ui/templates/properties.py" line="66"/>
        <source>Alt text</source>
        <translation>Описание (alt)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="41"/>
        <location filename="../../ui/templates/properties.py" line="52"/>
        <source>Link on click</source>
        <translation>Ссылка при нажатии</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="42"/>
        <location filename="../../ui/templates/properties.py" line="53"/>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="43"/>
        <location filename="../../ui/templates/properties.py" line="47"/>
        <location filename="../../ui/templates/properties.py" line="49"/>
        <location filename="../../ui/templates/properties.py" line="58"/>
        <source>Alignment</source>
        <translation>Выравнивание</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="44"/>
        <source>Heading text</source>
        <translation>Текст заголовка</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="45"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="45"/>
        <source>Large</source>
        <translation>Крупный</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="45"/>
        <source>Medium</source>
        <translation>Средний</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="46"/>
        <source>Small</source>
        <translation>Мелкий</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="48"/>
        <source>Text (bold &lt;b&gt;, italic &lt;i&gt;, links &lt;a href&gt;)</source>
        <translation>Текст (жирный &lt;b&gt;, курсив &lt;i&gt;, ссылки &lt;a href&gt;)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="54"/>
        <location filename="../../ui/templates/properties.py" line="68"/>
        <source>Button text</source>
        <translation>Текст кнопки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="55"/>
        <source>Link (URL)</source>
        <translation>Ссылка (URL)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="56"/>
        <source>Button colour</source>
        <translation>Цвет кнопки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="57"/>
        <source>Text colour</source>
        <translation>Цвет текста</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="59"/>
        <source>Line colour</source>
        <translation>Цвет линии</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="60"/>
        <source>Thickness</source>
        <translation>Толщина</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="61"/>
        <source>Height</source>
        <translation>Высота</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="62"/>
        <source>Product name</source>
        <translation>Название товара</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="63"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="64"/>
        <source>Old price (crossed out)</source>
        <translation>Старая цена (зачёркнутая)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="65"/>
        <source>Photo address (URL)</source>
        <translation>Адрес фото (URL)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="67"/>
        <source>Product page (URL)</source>
        <translation>Страница товара (URL)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="69"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="70"/>
        <source>Postal address</source>
        <translation>Почтовый адрес</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="71"/>
        <source>Why the customer gets this letter</source>
        <translation>Почему клиент получает это письмо</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="72"/>
        <source>Unsubscribe link text</source>
        <translation>Текст ссылки отписки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="73"/>
        <source>Unsubscribe address</source>
        <translation>Адрес отписки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="150"/>
        <location filename="../../ui/templates/properties.py" line="166"/>
        <source>Block properties</source>
        <translation>Свойства блока</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="153"/>
        <source>Select a block on the letter to change its text, colours and links.</source>
        <translation>Выберите блок в письме, чтобы изменить его текст, цвета и ссылки.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/properties.py" line="168"/>
        <source>Block: {0}</source>
        <translation>Блок: {0}</translation>
    </message>
</context>
<context>
    <name>Blocks</name>
    <message>
        <location filename="../../ui/templates/common.py" line="63"/>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="65"/>
        <source>no picture yet</source>
        <translation>картинка не выбрана</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="70"/>
        <source>line {0} px, {1}</source>
        <translation>линия {0} пикс., {1}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="72"/>
        <source>empty space {0} px</source>
        <translation>отступ {0} пикс.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="76"/>
        <source>{0} columns, blocks: {1}</source>
        <translation>колонок: {0}, блоков: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="81"/>
        <source>no links</source>
        <translation>нет ссылок</translation>
    </message>
</context>
<context>
    <name>ColorField</name>
    <message>
        <location filename="../../ui/templates/fields.py" line="42"/>
        <location filename="../../ui/templates/fields.py" line="66"/>
        <source>Pick a colour</source>
        <translation>Выбрать цвет</translation>
    </message>
    <message>
        <location filename="../../ui/templates/fields.py" line="46"/>
        <source>brand colour</source>
        <translation>цвет бренда</translation>
    </message>
</context>
<context>
    <name>ColumnsEditor</name>
    <message>
        <location filename="../../ui/templates/columns.py" line="62"/>
        <source>2 columns</source>
        <translation>2 колонки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/columns.py" line="62"/>
        <source>3 columns</source>
        <translation>3 колонки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/columns.py" line="65"/>
        <source>Columns</source>
        <translation>Колонки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/columns.py" line="78"/>
        <source>Column {0}</source>
        <translation>Колонка {0}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/columns.py" line="88"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../ui/templates/columns.py" line="90"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>EmailDesigner</name>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="66"/>
        <source>What the customer sees in the inbox</source>
        <translation>Что клиент видит в списке писем</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="67"/>
        <source>The grey line after the subject in the inbox</source>
        <translation>Серая строка после темы в списке писем</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="68"/>
        <source>Advertising letter (needs consent and an unsubscribe link)</source>
        <translation>Рекламное письмо (нужны согласие и ссылка отписки)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="70"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="71"/>
        <source>Preheader</source>
        <translation>Прехедер</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="77"/>
        <source>Designer</source>
        <translation>Конструктор</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="78"/>
        <source>HTML code</source>
        <translation>HTML-код</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="95"/>
        <source>Blocks</source>
        <translation>Блоки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="97"/>
        <source>Drag onto the letter or double-click</source>
        <translation>Перетащите в письмо или дважды щёлкните</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="106"/>
        <source>Move the block up</source>
        <translation>Поднять блок выше</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="108"/>
        <source>Move the block down</source>
        <translation>Опустить блок ниже</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="111"/>
        <source>Duplicate</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="112"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="120"/>
        <source>Letter, top to bottom (drag cards to reorder)</source>
        <translation>Письмо сверху вниз (перетаскивайте карточки)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="134"/>
        <source>Block</source>
        <translation>Блок</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="135"/>
        <source>Styles</source>
        <translation>Стили</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="159"/>
        <source>Import HTML file…</source>
        <translation>Загрузить HTML-файл…</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="160"/>
        <source>Take the HTML from the designer</source>
        <translation>Взять HTML из конструктора</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="161"/>
        <source>Scripts, forms and remote styles are removed on import. Variables like {{ first_name }} work here too.</source>
        <translation>При загрузке удаляются скрипты, формы и внешние стили. Переменные вроде {{ first_name }} работают и здесь.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="168"/>
        <source>Paste or import the HTML of a letter</source>
        <translation>Вставьте или загрузите HTML письма</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="237"/>
        <source>Import an HTML letter</source>
        <translation>Загрузить HTML-письмо</translation>
    </message>
    <message>
        <location filename="../../ui/templates/email_designer.py" line="237"/>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML-файлы (*.html *.htm)</translation>
    </message>
</context>
<context>
    <name>JsonEditor</name>
    <message>
        <location filename="../../ui/templates/fallback_editor.py" line="25"/>
        <source>This kind of template is edited as text here. Keep the structure; change the texts.</source>
        <translation>Этот вид шаблона здесь редактируется как текст. Сохраняйте структуру, меняйте только тексты.</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../ui/templates/library_page.py" line="52"/>
        <source>Search templates by name</source>
        <translation>Поиск шаблона по названию</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="55"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="59"/>
        <source>New template</source>
        <translation>Новый шаблон</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="67"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="68"/>
        <source>Duplicate</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="69"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="70"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="73"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="84"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="84"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="84"/>
        <source>Changed</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="84"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location filename="../../ui/templates/library_page.py" line="91"/>
        <source>There are no templates yet.

Press “New template” to make a letter, an SMS, a WhatsApp message or a notification for managers.</source>
        <translation>Шаблонов пока нет.

Нажмите «Новый шаблон», чтобы сделать письмо, SMS, сообщение WhatsApp или уведомление для менеджеров.</translation>
    </message>
</context>
<context>
    <name>LintPanel</name>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="95"/>
        <location filename="../../ui/templates/lint_panel.py" line="144"/>
        <source>Checks</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="100"/>
        <source>Check with every contact of the audience</source>
        <translation>Проверить на всех контактах аудитории</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="101"/>
        <source>Makes the letter for every contact without sending anything and lists the contacts whose data is missing</source>
        <translation>Собирает письмо для каждого контакта, ничего не отправляя, и показывает, у кого не хватает данных</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="103"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="137"/>
        <source>Click to select the block</source>
        <translation>Щёлкните, чтобы выбрать блок</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="140"/>
        <source>No problems found</source>
        <translation>Проблем не найдено</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="143"/>
        <source>Checks — errors: {0}, warnings: {1}</source>
        <translation>Проверки — ошибок: {0}, предупреждений: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="164"/>
        <source>Checking…</source>
        <translation>Проверяю…</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="194"/>
        <source>The check was stopped.</source>
        <translation>Проверка остановлена.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="206"/>
        <source>Checked {0} contacts: {1} fine, {2} get a default value, {3} fail.</source>
        <translation>Проверено контактов: {0}. Без замечаний: {1}, со значением по умолчанию: {2}, с ошибкой: {3}.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="211"/>
        <source>{0}: cannot be made — {1}</source>
        <translation>{0}: письмо не собрать — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/lint_panel.py" line="212"/>
        <source>{0}: default used for {1}</source>
        <translation>{0}: подставлено по умолчанию: {1}</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/templates/preview.py" line="129"/>
        <source>Computer</source>
        <extracomment>Seconds one render may take before its process is killed and the user told.</extracomment>
        <translation>Компьютер</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="131"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="145"/>
        <source>Previous contact</source>
        <translation>Предыдущий контакт</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="146"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="156"/>
        <source>Preview as:</source>
        <translation>Просмотр для:</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="174"/>
        <source>Pictures from the internet are not loaded in the preview, so opening it never tells anyone the letter was seen.</source>
        <translation>Картинки из интернета в просмотре не загружаются: так никто не узнает, что письмо открывали.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="195"/>
        <source>Letter</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="196"/>
        <source>Text version</source>
        <translation>Текстовая версия</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="219"/>
        <source>Whole base</source>
        <translation>Вся база</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="221"/>
        <source>List “{0}” ({1})</source>
        <translation>Список «{0}» ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="281"/>
        <source>The preview failed: {0}</source>
        <translation>Просмотр не удался: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="292"/>
        <source>{0} — contact {1} of {2}</source>
        <translation>{0} — контакт {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="295"/>
        <source>Example: {0} (there are no contacts in this audience yet)</source>
        <translation>Пример: {0} (в этой аудитории пока нет контактов)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="300"/>
        <source>This letter cannot be made for this contact: {0}</source>
        <translation>Для этого контакта письмо не собрать: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/preview.py" line="308"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
</context>
<context>
    <name>StylesPanel</name>
    <message>
        <location filename="../../ui/templates/styles.py" line="38"/>
        <source>Letter styles</source>
        <extracomment>Fonts every mail client has, with safe fallbacks.</extracomment>
        <translation>Стили письма</translation>
    </message>
    <message>
        <location filename="../../ui/templates/styles.py" line="41"/>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/styles.py" line="47"/>
        <source>Brand colour (buttons, links)</source>
        <translation>Цвет бренда (кнопки, ссылки)</translation>
    </message>
    <message>
        <location filename="../../ui/templates/styles.py" line="47"/>
        <source>Font</source>
        <translation>Шрифт</translation>
    </message>
    <message>
        <location filename="../../ui/templates/styles.py" line="48"/>
        <source>Letter width</source>
        <translation>Ширина письма</translation>
    </message>
    <message>
        <location filename="../../ui/templates/styles.py" line="48"/>
        <source>Page background</source>
        <translation>Фон страницы</translation>
    </message>
    <message>
        <location filename="../../ui/templates/styles.py" line="49"/>
        <source>Letter background</source>
        <translation>Фон письма</translation>
    </message>
    <message>
        <location filename="../../ui/templates/styles.py" line="50"/>
        <source>Text colour</source>
        <translation>Цвет текста</translation>
    </message>
</context>
<context>
    <name>TemplateEditorPage</name>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="70"/>
        <source>◀ All templates</source>
        <extracomment>Where each non-email kind&apos;s editor lives (module, class); loaded when first needed. Document key holding the optional note typed next to Save (&quot;summer sale, new prices&quot;).</extracomment>
        <translation>◀ Все шаблоны</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="77"/>
        <source>Open an earlier version; saving it makes it the newest</source>
        <translation>Открыть прежнюю версию; если её сохранить, она станет новейшей</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="80"/>
        <source>Note for this version</source>
        <translation>Заметка к версии</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="82"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="129"/>
        <source>Version {0} · {1}</source>
        <translation>Версия {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="160"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="163"/>
        <source>An earlier version is open</source>
        <translation>Открыта прежняя версия</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="166"/>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor_page.py" line="168"/>
        <source>Save as version {0}</source>
        <translation>Сохранить как версию {0}</translation>
    </message>
</context>
<context>
    <name>TemplateKinds</name>
    <message>
        <location filename="../../ui/templates/common.py" line="17"/>
        <source>Email</source>
        <translation>Email-письмо</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="18"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="19"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/templates/common.py" line="20"/>
        <source>Manager email</source>
        <translation>Письмо менеджеру</translation>
    </message>
</context>
<context>
    <name>TemplatesScreen</name>
    <message>
        <location filename="../../ui/templates/screen.py" line="122"/>
        <source>New template</source>
        <translation>Новый шаблон</translation>
    </message>
    <message>
        <location filename="../../ui/templates/screen.py" line="123"/>
        <source>Name of the new template ({0}):</source>
        <translation>Название нового шаблона ({0}):</translation>
    </message>
    <message>
        <location filename="../../ui/templates/screen.py" line="149"/>
        <source>Rename template</source>
        <translation>Переименовать шаблон</translation>
    </message>
    <message>
        <location filename="../../ui/templates/screen.py" line="149"/>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <location filename="../../ui/templates/screen.py" line="163"/>
        <source>Delete template</source>
        <translation>Удалить шаблон</translation>
    </message>
    <message>
        <location filename="../../ui/templates/screen.py" line="164"/>
        <source>Delete the template “{0}” with all its {1} versions?</source>
        <translation>Удалить шаблон «{0}» вместе со всеми версиями (их {1})?</translation>
    </message>
    <message>
        <location filename="../../ui/templates/screen.py" line="172"/>
        <source>Template archived</source>
        <translation>Шаблон перенесён в архив</translation>
    </message>
    <message>
        <location filename="../../ui/templates/screen.py" line="173"/>
        <source>“{0}” is used by a campaign or a scenario, so it cannot be deleted: a campaign must still know what it sent, and a scenario&apos;s steps send it. It was archived instead and no longer appears in the list.</source>
        <translation>«{0}» используется в рассылке или сценарии, поэтому его нельзя удалить: рассылка должна знать, что она отправляла, а шаги сценария его отправляют. Шаблон перенесён в архив и больше не показывается в списке.</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../ui/templates/dialogs.py" line="35"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/templates/dialogs.py" line="36"/>
        <source>The template “{0}” has changes that are not saved.</source>
        <translation>В шаблоне «{0}» есть несохранённые изменения.</translation>
    </message>
    <message>
        <location filename="../../ui/templates/dialogs.py" line="37"/>
        <source>Save them as a new version?</source>
        <translation>Сохранить их как новую версию?</translation>
    </message>
    <message>
        <location filename="../../ui/templates/dialogs.py" line="38"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/templates/dialogs.py" line="39"/>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../ui/templates/dialogs.py" line="40"/>
        <source>Keep editing</source>
        <translation>Продолжить редактирование</translation>
    </message>
</context>
</TS>
