<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AudienceActions</name>
    <message>
        <location filename="../../ui/audiences/actions.py" line="45"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="45"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="46"/>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="46"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="47"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="47"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="48"/>
        <source>Birthday</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="48"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="49"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="79"/>
        <source>A list called “%1” already exists.</source>
        <translation>Список «%1» уже есть.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="86"/>
        <source>A segment called “%1” already exists.</source>
        <translation>Сегмент «%1» уже есть.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="93"/>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="100"/>
        <source>New list</source>
        <translation>Новый список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="101"/>
        <source>List name:</source>
        <translation>Название списка:</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="113"/>
        <source>Duplicate list</source>
        <translation>Копия списка</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="114"/>
        <location filename="../../ui/audiences/actions.py" line="173"/>
        <source>Name of the copy:</source>
        <translation>Название копии:</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="115"/>
        <location filename="../../ui/audiences/actions.py" line="174"/>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="124"/>
        <source>Rename list</source>
        <translation>Переименовать список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="125"/>
        <location filename="../../ui/audiences/actions.py" line="189"/>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="134"/>
        <source>Delete list</source>
        <translation>Удалить список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="133"/>
        <source>Delete list “%1”? The contacts stay in the base.</source>
        <translation>Удалить список «%1»? Контакты останутся в базе.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="153"/>
        <source>Export list</source>
        <translation>Выгрузить список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="160"/>
        <source>Exported %1 contacts to %2</source>
        <translation>Выгружено контактов: %1, файл %2</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="172"/>
        <source>Duplicate segment</source>
        <translation>Копия сегмента</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="188"/>
        <source>Rename segment</source>
        <translation>Переименовать сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="201"/>
        <source>Delete segment</source>
        <translation>Удалить сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="200"/>
        <source>Delete segment “%1”? Its contacts stay in the base.</source>
        <translation>Удалить сегмент «%1»? Контакты останутся в базе.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="222"/>
        <source>Export segment</source>
        <translation>Выгрузить сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="232"/>
        <source>Freeze into a list</source>
        <translation>Сохранить как список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="233"/>
        <source>Name of the static list:</source>
        <translation>Название статического списка:</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="236"/>
        <source>List “%1” already exists. Add the segment&apos;s contacts to it?</source>
        <translation>Список «%1» уже есть. Добавить в него контакты сегмента?</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="246"/>
        <source>List “%1” now holds %2 contacts</source>
        <translation>В списке «%1» теперь контактов: %2</translation>
    </message>
</context>
<context>
    <name>AudienceDialogs</name>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="28"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="29"/>
        <source>Segment “%1” has unsaved changes. Save them?</source>
        <translation>В сегменте «%1» есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="31"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="32"/>
        <source>Don&apos;t save</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="34"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>AudienceErrors</name>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="13"/>
        <source>Type some text.</source>
        <translation>Введите текст.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="14"/>
        <source>Pick or type a tag.</source>
        <translation>Выберите или введите тег.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="15"/>
        <source>Pick a list.</source>
        <translation>Выберите список.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="16"/>
        <source>Pick a saved segment.</source>
        <translation>Выберите сохранённый сегмент.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="17"/>
        <source>List the values separated by commas.</source>
        <translation>Перечислите значения через запятую.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="18"/>
        <source>Fill in at least one end of the range.</source>
        <translation>Укажите хотя бы одну границу диапазона.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="19"/>
        <source>Both ends of the range must be numbers.</source>
        <translation>Границы диапазона должны быть числами.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="20"/>
        <source>Type a number.</source>
        <translation>Введите число.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="21"/>
        <source>Type a value.</source>
        <translation>Введите значение.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="22"/>
        <source>Pick a date.</source>
        <translation>Выберите дату.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="23"/>
        <source>The number of days is out of range.</source>
        <translation>Слишком большое число дней.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="24"/>
        <source>The count must be 1 or more.</source>
        <translation>Количество должно быть не меньше 1.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="25"/>
        <source>Event type: Latin letters, digits and _ . : - only.</source>
        <translation>Тип события: только латинские буквы, цифры и _ . : -</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="26"/>
        <source>Type the property name (without quotes).</source>
        <translation>Введите название свойства (без кавычек).</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="27"/>
        <source>Type the property to add up.</source>
        <translation>Укажите свойство, которое суммировать.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="28"/>
        <source>This list no longer exists.</source>
        <translation>Этого списка больше нет.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="29"/>
        <source>This segment no longer exists.</source>
        <translation>Этого сегмента больше нет.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="30"/>
        <source>A segment cannot include itself.</source>
        <translation>Сегмент не может включать сам себя.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="31"/>
        <source>The saved segment used here has a broken condition.</source>
        <translation>В сохранённом сегменте, который здесь используется, ошибка в условии.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="41"/>
        <source>This condition is not complete: %1</source>
        <translation>Условие заполнено не до конца: %1</translation>
    </message>
</context>
<context>
    <name>AudienceLabels</name>
    <message>
        <location filename="../../ui/audiences/labels.py" line="19"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <extracomment>Condition kinds besides contact fields, in the order the picker lists them.</extracomment>
        <translation>ru</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="30"/>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="31"/>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="32"/>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="33"/>
        <source>Stop list</source>
        <translation>Стоп-лист</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="34"/>
        <source>Campaign activity</source>
        <translation>Реакция на рассылки</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="35"/>
        <source>Event (site, CRM, calls)</source>
        <translation>Событие (сайт, CRM, звонки)</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="36"/>
        <source>Saved segment</source>
        <translation>Сохранённый сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="43"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="46"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="53"/>
        <source>has tag</source>
        <translation>есть тег</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="53"/>
        <source>has no tag</source>
        <translation>нет тега</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="54"/>
        <source>is in list</source>
        <translation>входит в список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="54"/>
        <source>is not in list</source>
        <translation>не входит в список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="55"/>
        <source>consent given</source>
        <translation>согласие дано</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="56"/>
        <source>no consent</source>
        <translation>согласия нет</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="57"/>
        <source>is in the stop list</source>
        <translation>в стоп-листе</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="58"/>
        <source>is not in the stop list</source>
        <translation>не в стоп-листе</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="59"/>
        <source>did</source>
        <translation>сделал</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="59"/>
        <source>did not</source>
        <translation>не сделал</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="60"/>
        <source>had event</source>
        <translation>было событие</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="60"/>
        <source>had no event</source>
        <translation>не было события</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="61"/>
        <source>is in segment</source>
        <translation>входит в сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="62"/>
        <source>is not in segment</source>
        <translation>не входит в сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="71"/>
        <source>contains</source>
        <translation>содержит</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="72"/>
        <source>starts with</source>
        <translation>начинается с</translation>
    </message>
</context>
<context>
    <name>AudienceSidebar</name>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="48"/>
        <location filename="../../ui/audiences/sidebar.py" line="54"/>
        <source>Duplicate…</source>
        <translation>Сделать копию…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="49"/>
        <location filename="../../ui/audiences/sidebar.py" line="55"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="50"/>
        <location filename="../../ui/audiences/sidebar.py" line="57"/>
        <source>Export to Excel…</source>
        <translation>Выгрузить в Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="51"/>
        <location filename="../../ui/audiences/sidebar.py" line="58"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="56"/>
        <source>Freeze into a list…</source>
        <translation>Сохранить как список…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="60"/>
        <source>Save today&apos;s matching contacts as a static list</source>
        <translation>Сохранить подходящие сегодня контакты как статический список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="63"/>
        <source>+ New segment</source>
        <translation>+ Новый сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="64"/>
        <source>+ New list</source>
        <translation>+ Новый список</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="65"/>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="67"/>
        <source>Static lists</source>
        <translation>Статические списки</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="83"/>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="133"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <location filename="../../ui/audiences/condition_row.py" line="52"/>
        <source>Remove this condition</source>
        <translation>Удалить условие</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/condition_row.py" line="109"/>
        <source>Custom: %1</source>
        <translation>Доп. поле: %1</translation>
    </message>
</context>
<context>
    <name>DaysValue</name>
    <message>
        <location filename="../../ui/audiences/values.py" line="172"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
</context>
<context>
    <name>EventPart</name>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="84"/>
        <source>Pick a type or type the name of your own event</source>
        <translation>Выберите тип или введите название своего события</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="87"/>
        <source>at least </source>
        <translation>не менее </translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="88"/>
        <source> time(s)</source>
        <translation> раз</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="90"/>
        <source>any time</source>
        <translation>за всё время</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="91"/>
        <source>in the last </source>
        <translation>за последние </translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="92"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="94"/>
        <source>sum of</source>
        <translation>сумма</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="104"/>
        <source>+ Property filter</source>
        <translation>+ Фильтр по свойству</translation>
    </message>
</context>
<context>
    <name>GroupWidget</name>
    <message>
        <location filename="../../ui/audiences/group.py" line="51"/>
        <source>AND: all conditions</source>
        <translation>И — все условия</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="52"/>
        <source>OR: any condition</source>
        <translation>ИЛИ — любое условие</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="53"/>
        <source>NOT (exclude these)</source>
        <translation>НЕ (исключить)</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="54"/>
        <source>+ Condition</source>
        <translation>+ Условие</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="55"/>
        <source>+ Group</source>
        <translation>+ Группа</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="58"/>
        <source>Remove this group</source>
        <translation>Удалить группу</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="64"/>
        <source>Match:</source>
        <translation>Подходят:</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="64"/>
        <source>Group:</source>
        <translation>Группа:</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="144"/>
        <source>AND</source>
        <translation>И</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="144"/>
        <source>OR</source>
        <translation>ИЛИ</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="32"/>
        <source>Export to Excel…</source>
        <translation>Выгрузить в Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="33"/>
        <source>A static list keeps the contacts put into it: by import, by hand in Contacts, or by freezing a segment. It does not change by itself.</source>
        <translation>Статический список хранит контакты, добавленные в него: при импорте, вручную в «Контактах» или сохранением сегмента. Сам по себе он не меняется.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/list_page.py" line="37"/>
        <source>First %n member(s)</source>
        <translation>
            <numerusform>Первый %n участник</numerusform>
            <numerusform>Первые %n участника</numerusform>
            <numerusform>Первые %n участников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/list_page.py" line="58"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln контакт</numerusform>
            <numerusform>%Ln контакта</numerusform>
            <numerusform>%Ln контактов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListValue</name>
    <message>
        <location filename="../../ui/audiences/values.py" line="98"/>
        <source>values separated by commas</source>
        <translation>значения через запятую</translation>
    </message>
</context>
<context>
    <name>NumberRange</name>
    <message>
        <location filename="../../ui/audiences/values.py" line="191"/>
        <source>from</source>
        <translation>от</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/values.py" line="191"/>
        <source>to</source>
        <translation>до</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Birthday</source>
        <translation>Дата рождения</translation>
    </message>
</context>
<context>
    <name>PropertyFilterRow</name>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="41"/>
        <source>property, e.g. url</source>
        <translation>свойство, напр. url</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="45"/>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="49"/>
        <source>Remove this filter</source>
        <translation>Удалить фильтр</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="52"/>
        <source>where</source>
        <translation>где</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <location filename="../../ui/audiences/editor.py" line="72"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="73"/>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/editor.py" line="93"/>
        <source>First %n matching contact(s)</source>
        <translation>
            <numerusform>Первый %n подходящий контакт</numerusform>
            <numerusform>Первые %n подходящих контакта</numerusform>
            <numerusform>Первые %n подходящих контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="149"/>
        <location filename="../../ui/audiences/editor.py" line="248"/>
        <source>New segment</source>
        <translation>Новый сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="163"/>
        <source>counting…</source>
        <translation>считаю…</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="167"/>
        <source>Matches: %1</source>
        <translation>Подходят: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/editor.py" line="167"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln контакт</numerusform>
            <numerusform>%Ln контакта</numerusform>
            <numerusform>%Ln контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="174"/>
        <source>fix the condition marked in red</source>
        <translation>исправьте условие, отмеченное красным</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="185"/>
        <source>could not count</source>
        <translation>не удалось посчитать</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="223"/>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="224"/>
        <source>Save segment</source>
        <translation>Сохранить сегмент</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="224"/>
        <source>Segment name:</source>
        <translation>Название сегмента:</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="228"/>
        <source>A segment called “%1” already exists.</source>
        <translation>Сегмент «%1» уже есть.</translation>
    </message>
</context>
<context>
    <name>SimplePart</name>
    <message>
        <location filename="../../ui/audiences/parts.py" line="155"/>
        <source>channel</source>
        <translation>канал</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="159"/>
        <source>any campaign</source>
        <translation>любая рассылка</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="160"/>
        <source>any time</source>
        <translation>за всё время</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="161"/>
        <source>in the last </source>
        <translation>за последние </translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="162"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="212"/>
        <source>campaign #%1</source>
        <translation>рассылка №%1</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="222"/>
        <source>%1 (not found)</source>
        <translation>%1 (не найден)</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="147"/>
        <source>tag name</source>
        <translation>название тега</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="68"/>
        <source>&lt;h3&gt;Audiences&lt;/h3&gt;&lt;p&gt;A &lt;b&gt;segment&lt;/b&gt; is a rule: “women from Kazan with a birthday this week who bought more than 5,000 ₽”. It is counted live and always up to date.&lt;/p&gt;&lt;p&gt;A &lt;b&gt;static list&lt;/b&gt; keeps exactly the contacts put into it.&lt;/p&gt;&lt;p&gt;Pick one on the left, or create a new segment.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Аудитории&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Сегмент&lt;/b&gt; — это правило: «женщины из Казани с днём рождения на этой неделе, купившие больше чем на 5 000 ₽». Он считается на лету и всегда актуален.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Статический список&lt;/b&gt; хранит ровно те контакты, которые в него добавили.&lt;/p&gt;&lt;p&gt;Выберите сегмент или список слева либо создайте новый сегмент.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="73"/>
        <source>+ New segment</source>
        <translation>+ Новый сегмент</translation>
    </message>
</context>
</TS>
