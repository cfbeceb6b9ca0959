<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CanvasWords</name>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="22" />
        <source>%n minute(s)</source>
        <translation><numerusform>%n минуту</numerusform><numerusform>%n минуты</numerusform><numerusform>%n минут</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="26" />
        <source>%n hour(s)</source>
        <translation><numerusform>%n час</numerusform><numerusform>%n часа</numerusform><numerusform>%n часов</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="30" />
        <source>%n day(s)</source>
        <translation><numerusform>%n день</numerusform><numerusform>%n дня</numerusform><numerusform>%n дней</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="34" />
        <source>+ %n condition(s)</source>
        <translation><numerusform>+ %n условие</numerusform><numerusform>+ %n условия</numerusform><numerusform>+ %n условий</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="38" />
        <source>%n day(s) before</source>
        <translation><numerusform>за %n день</numerusform><numerusform>за %n дня</numerusform><numerusform>за %n дней</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="42" />
        <source>%n day(s) after</source>
        <translation><numerusform>через %n день</numerusform><numerusform>через %n дня</numerusform><numerusform>через %n дней</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="46" />
        <source>no purchase for %n day(s)</source>
        <translation><numerusform>нет покупок %n день</numerusform><numerusform>нет покупок %n дня</numerusform><numerusform>нет покупок %n дней</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="50" />
        <source>no activity for %n day(s)</source>
        <translation><numerusform>нет активности %n день</numerusform><numerusform>нет активности %n дня</numerusform><numerusform>нет активности %n дней</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="54" />
        <source>at most %n message(s)</source>
        <translation><numerusform>не больше %n сообщения</numerusform><numerusform>не больше %n сообщений</numerusform><numerusform>не больше %n сообщений</numerusform></translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="81" />
        <source>Find a step…</source>
        <extracomment>Drags carry the node type id as UTF-8 text under this MIME type.</extracomment>
        <translation>Найти шаг…</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="83" />
        <source>Find a step</source>
        <translation>Найти шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="91" />
        <source>Scenario steps</source>
        <translation>Шаги сценария</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="92" />
        <source>Drag a step onto the canvas, or double-click it</source>
        <translation>Перетащите шаг на схему или дважды щёлкните по нему</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="123" />
        <source>Drag onto the canvas, or double-click to add</source>
        <translation>Перетащите на схему или дважды щёлкните, чтобы добавить</translation>
    </message>
</context>
<context>
    <name>ScenarioCanvas</name>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="53" />
        <source>Add step</source>
        <extracomment>QUndoCommand ids for merging: consecutive nudges of the same selection become one step.</extracomment>
        <translation>Добавить шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="70" />
        <source>Delete step</source>
        <translation>Удалить шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="92" />
        <source>Connect steps</source>
        <translation>Соединить шаги</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="109" />
        <source>Delete connection</source>
        <translation>Удалить связь</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="127" />
        <source>Move steps</source>
        <translation>Переместить шаги</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="162" />
        <location filename="../../ui/scenarios/canvas/view.py" line="151" />
        <source>Change step settings</source>
        <translation>Изменить настройки шага</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="73" />
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="87" />
        <source>Unknown step</source>
        <translation>Неизвестный шаг</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="99" />
        <source>entered</source>
        <translation>вошли</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="100" />
        <source>waiting</source>
        <translation>ждут</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="101" />
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="102" />
        <source>converted</source>
        <translation>цель</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="122" />
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="122" />
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="123" />
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="123" />
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="124" />
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="124" />
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="125" />
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="172" />
        <source>all contacts</source>
        <translation>все контакты</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="200" />
        <source>segment rule</source>
        <translation>правило сегмента</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="204" />
        <source>end of the scenario</source>
        <translation>конец сценария</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="235" />
        <source>not set up yet</source>
        <translation>ещё не настроено</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="245" />
        <source>A step cannot be connected to itself.</source>
        <translation>Шаг нельзя соединить с самим собой.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="247" />
        <source>“%1” starts on its own: nothing can lead into it.</source>
        <translation>«%1» запускается сам: к нему нельзя провести стрелку.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="250" />
        <source>This would make a loop without a pause: put a “Wait” step inside the loop.</source>
        <translation>Получится петля без паузы: добавьте в неё шаг «Пауза».</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="253" />
        <source>These steps are already connected.</source>
        <translation>Эти шаги уже соединены.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="255" />
        <source>This exit already leads to another step: delete that arrow first.</source>
        <translation>Этот выход уже ведёт к другому шагу: сначала удалите ту стрелку.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="71" />
        <source>Scenario canvas</source>
        <translation>Схема сценария</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="121" />
        <source>This version is published: it can be viewed but not changed.</source>
        <translation>Эта версия опубликована: её можно смотреть, но не менять.</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="130" />
        <source>Unknown step type: %1</source>
        <translation>Неизвестный тип шага: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="168" />
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="196" />
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="223" />
        <source>Arrange automatically</source>
        <translation>Расставить автоматически</translation>
    </message>
</context>
</TS>