<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CanvasWords</name>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="22" />
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="26" />
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="30" />
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="34" />
        <source>+ %n condition(s)</source>
        <translation><numerusform>+ %n condition</numerusform><numerusform>+ %n conditions</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="38" />
        <source>%n day(s) before</source>
        <translation><numerusform>%n day before</numerusform><numerusform>%n days before</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="42" />
        <source>%n day(s) after</source>
        <translation><numerusform>%n day after</numerusform><numerusform>%n days after</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="46" />
        <source>no purchase for %n day(s)</source>
        <translation><numerusform>no purchase for %n day</numerusform><numerusform>no purchase for %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="50" />
        <source>no activity for %n day(s)</source>
        <translation><numerusform>no activity for %n day</numerusform><numerusform>no activity for %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/scenarios/canvas/texts.py" line="54" />
        <source>at most %n message(s)</source>
        <translation><numerusform>at most %n message</numerusform><numerusform>at most %n messages</numerusform></translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="81" />
        <source>Find a step…</source>
        <extracomment>Drags carry the node type id as UTF-8 text under this MIME type.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="83" />
        <source>Find a step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="91" />
        <source>Scenario steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="92" />
        <source>Drag a step onto the canvas, or double-click it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/palette.py" line="123" />
        <source>Drag onto the canvas, or double-click to add</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScenarioCanvas</name>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="53" />
        <source>Add step</source>
        <extracomment>QUndoCommand ids for merging: consecutive nudges of the same selection become one step.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="70" />
        <source>Delete step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="92" />
        <source>Connect steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="109" />
        <source>Delete connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="127" />
        <source>Move steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/commands.py" line="162" />
        <location filename="../../ui/scenarios/canvas/view.py" line="151" />
        <source>Change step settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="73" />
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="87" />
        <source>Unknown step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="99" />
        <source>entered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="100" />
        <source>waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="101" />
        <source>sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="102" />
        <source>converted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="122" />
        <source>Mon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="122" />
        <source>Tue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="123" />
        <source>Wed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="123" />
        <source>Thu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="124" />
        <source>Fri</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="124" />
        <source>Sat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="125" />
        <source>Sun</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="172" />
        <source>all contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="200" />
        <source>segment rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="204" />
        <source>end of the scenario</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="235" />
        <source>not set up yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="245" />
        <source>A step cannot be connected to itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="247" />
        <source>“%1” starts on its own: nothing can lead into it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="250" />
        <source>This would make a loop without a pause: put a “Wait” step inside the loop.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="253" />
        <source>These steps are already connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/texts.py" line="255" />
        <source>This exit already leads to another step: delete that arrow first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="71" />
        <source>Scenario canvas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="121" />
        <source>This version is published: it can be viewed but not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="130" />
        <source>Unknown step type: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="168" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="196" />
        <source>Paste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/scenarios/canvas/view.py" line="223" />
        <source>Arrange automatically</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>