<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
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
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/settings/screen.py" line="37"/>
        <source>Settings</source>
        <extracomment>Each entry builds one group: `factory(workspace, parent) -&gt; QWidget`, shown top to bottom.</extracomment>
        <translation>Настройки</translation>
    </message>
</context>
</TS>
