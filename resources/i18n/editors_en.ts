<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AudiencePanel</name>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="80"/>
        <source>Audience and cost</source>
        <extracomment>Settings key of the price of one SMS segment (a number or a decimal string, in roubles).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="87"/>
        <source>Calculate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="88"/>
        <source>Render the text for every recipient and count the SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="89"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="93"/>
        <source>Press “Calculate” to count the SMS for every recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="99"/>
        <source>Recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="120"/>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="129"/>
        <source>The price of one SMS is not set (Settings → SMS); the cost is not estimated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="132"/>
        <source>Price of one SMS: %1 ₽</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="148"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="184"/>
        <source>Nobody to count: the audience is empty or every text failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="187"/>
        <source>%1 messages · SMS per message: min %2, avg %3, max %4 · total %5 SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="193"/>
        <source>≈ %1 ₽</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="197"/>
        <source>Contacts that cannot get this text: %1. For example, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="206"/>
        <source>The count failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_audience.py" line="212"/>
        <source>The count was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ButtonsEditor</name>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="69"/>
        <source>+ Quick reply</source>
        <extracomment>At most this many buttons of a type (Meta&apos;s rules; quick replies are bounded by MAX_BUTTONS only).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="70"/>
        <source>+ Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="71"/>
        <source>+ Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="90"/>
        <source>Quick reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="90"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="91"/>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="94"/>
        <source>Reply code for your records, e.g. STOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="95"/>
        <source>https://shop.ru/promo or https://shop.ru/p/{{1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="96"/>
        <source>+74951234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="101"/>
        <source>A template has at most %1 buttons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="103"/>
        <source>A template has at most 2 link buttons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="104"/>
        <source>A template has at most 1 phone button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="117"/>
        <source>Button text (up to 25 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="121"/>
        <source>The contact field that replaces {{1}} at the end of the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_buttons.py" line="126"/>
        <source>Remove this button</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactChooser</name>
    <message>
        <location filename="../../ui/templates/_sms_contacts.py" line="49"/>
        <source>Whose data the preview uses</source>
        <extracomment>Shown when the base has no contacts yet, so the preview is never empty.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_contacts.py" line="74"/>
        <source>Sample contact: Ivan Petrov</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldCombo</name>
    <message>
        <location filename="../../ui/templates/_wa_params.py" line="22"/>
        <source>— choose a field —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerEditor</name>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="57"/>
        <source>e.g. New lead: {{ lead.name }}</source>
        <extracomment>Made-up data the preview fills the template with (the names `app.templates.fields` lists).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="59"/>
        <source>e.g. Name: {{ lead.name }}, phone: {{ lead.phone }}, page: {{ event.page }}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="63"/>
        <source>This template also has an HTML version; it is kept as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="77"/>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="79"/>
        <source>Message to the manager:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="86"/>
        <source>Preview with sample lead data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="127"/>
        <source>Write the message to see it with sample data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="134"/>
        <source>Cannot fill the template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/manager_editor.py" line="137"/>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParamTable</name>
    <message>
        <location filename="../../ui/templates/_wa_params.py" line="54"/>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_params.py" line="54"/>
        <source>Contact field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_params.py" line="55"/>
        <source>If empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_params.py" line="55"/>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_params.py" line="56"/>
        <source>Sent when the contact&apos;s field is blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_params.py" line="57"/>
        <source>A sample value Meta sees when it reviews the template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsEditor</name>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="57"/>
        <source>e.g. Romashka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="62"/>
        <source>Text of the SMS, e.g. Hello, {{ first_name }}! …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="67"/>
        <source>Replace typographic characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="68"/>
        <source>« » “ ” → &quot;, — – → -, … → ..., № → N: keeps the cheap GSM-7 encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="69"/>
        <source>Transliterate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="70"/>
        <source>Write Russian in Latin letters: 160 characters per SMS instead of 70</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="95"/>
        <source>Sender name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="104"/>
        <source>Message text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="110"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="112"/>
        <source>Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/templates/sms_editor.py" line="173"/>
        <location filename="../../ui/templates/sms_editor.py" line="253"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/templates/sms_editor.py" line="174"/>
        <location filename="../../ui/templates/sms_editor.py" line="254"/>
        <source>%n SMS</source>
        <translation>
            <numerusform>%n SMS</numerusform>
            <numerusform>%n SMS</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="176"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="189"/>
        <source>Typographic characters force UCS-2 (70 characters per SMS): %1 — press “Replace typographic characters”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="192"/>
        <source>Russian letters use UCS-2 (70 characters per SMS); “Transliterate” fits 160.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="195"/>
        <source>Also force UCS-2: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="198"/>
        <source>Count as two characters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="200"/>
        <source>Personal data changes the length: see the preview and the audience count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="207"/>
        <source>Leave empty to use the provider&apos;s default sender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="208"/>
        <source>✓ The sender name looks right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="223"/>
        <source>A numeric sender has at most 15 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="226"/>
        <source>Only Latin letters, digits, spaces and . _ - ! &amp; are allowed; not: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="229"/>
        <source>At most 11 characters; this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="231"/>
        <source>The sender name needs at least one letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="243"/>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="245"/>
        <source>Type the text to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/sms_editor.py" line="250"/>
        <source>Cannot personalise the text: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateErrors</name>
    <message>
        <location filename="../../ui/templates/_sms_errors.py" line="28"/>
        <source>unknown variable “%1”: check the name or add | default(&quot;…&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_errors.py" line="30"/>
        <source>a tag is not closed: check the {{ … }} and {% … %} pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_errors.py" line="32"/>
        <source>a tag is written wrongly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_errors.py" line="35"/>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_sms_errors.py" line="37"/>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariablePicker</name>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="59"/>
        <source>Insert variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="60"/>
        <source>Insert a contact field at the cursor, e.g. the first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="92"/>
        <source>Contact fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="93"/>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="94"/>
        <source>Special</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="95"/>
        <source>Lead (the request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="96"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/variable_picker.py" line="97"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppEditor</name>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="63"/>
        <source>Lowercase Latin letters, digits and _ — as Meta requires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="68"/>
        <source>Marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="68"/>
        <source>Utility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="68"/>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="72"/>
        <source>No header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="72"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="72"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="73"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="77"/>
        <source>Header text, up to 60 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="79"/>
        <source>https://… link to the image or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="81"/>
        <source>The contact field that replaces {{1}} in the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="85"/>
        <source>+ Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="86"/>
        <source>Insert the next positional parameter {{n}} at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="90"/>
        <source>Small grey text under the message, e.g. the shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="95"/>
        <source>Import JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="96"/>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="116"/>
        <source>Template name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="119"/>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="121"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="127"/>
        <source>Header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="133"/>
        <source>Use {{1}}, {{2}}… for personal data; *bold*, _italic_.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="131"/>
        <source>Message text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="137"/>
        <source>What fills each parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="139"/>
        <source>Footer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="140"/>
        <source>Buttons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="155"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="158"/>
        <source>Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="253"/>
        <source>Fill in an example for every parameter: Meta needs them to approve the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="256"/>
        <source>✓ The template follows WhatsApp&apos;s rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="262"/>
        <source>🖼 Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="262"/>
        <source>📄 Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="289"/>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="293"/>
        <source>Import a WhatsApp template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="294"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="300"/>
        <source>Export the WhatsApp template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/whatsapp_editor.py" line="301"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppJson</name>
    <message>
        <location filename="../../ui/templates/_wa_json.py" line="28"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_json.py" line="32"/>
        <source>%1 is not JSON: line %2, column %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_json.py" line="39"/>
        <source>Cannot import %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_json.py" line="48"/>
        <source>Fix the template before exporting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_json.py" line="56"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppRules</name>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="17"/>
        <source>the name may only use lowercase Latin letters, digits and _ (e.g. winter_sale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="18"/>
        <source>the language is a code like ru, en or en_US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="19"/>
        <source>the category is one of MARKETING, UTILITY, AUTHENTICATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="20"/>
        <source>the header format is one of TEXT, IMAGE, DOCUMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="21"/>
        <source>a text header has 1–60 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="22"/>
        <source>a text header has at most one parameter, {{1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="23"/>
        <source>a media header needs an https:// link to the image or document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="24"/>
        <source>the body is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="25"/>
        <source>body parameters must be numbered {{1}}, {{2}}, ... without gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="26"/>
        <source>the body must not start or end with a parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="27"/>
        <source>two parameters must not stand side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="28"/>
        <source>the footer has at most 60 characters and no parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="29"/>
        <source>at most 10 buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="30"/>
        <source>at most 2 link buttons and 1 phone button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="31"/>
        <source>a button type is one of QUICK_REPLY, URL, PHONE_NUMBER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="32"/>
        <source>button text has 1–25 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="33"/>
        <source>a link button needs an https:// URL (≤ 2000 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="34"/>
        <source>a link may have one parameter, {{1}}, at its very end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="35"/>
        <source>a phone button needs a number like +74951234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="36"/>
        <source>a parameter is {field, fallback, example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="37"/>
        <source>not a WhatsApp template: no &apos;components&apos; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="40"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="41"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="42"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="43"/>
        <location filename="../../ui/templates/_wa_rules.py" line="80"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="44"/>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="45"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="46"/>
        <source>Footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="47"/>
        <source>Buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="62"/>
        <location filename="../../ui/templates/_wa_rules.py" line="82"/>
        <source>Button %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="64"/>
        <location filename="../../ui/templates/_wa_rules.py" line="78"/>
        <source>Parameter {{%1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="70"/>
        <source>the text has %1 characters; at most 1024 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="72"/>
        <source>the text uses %1 parameters but %2 are mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="83"/>
        <source>%1: the contact has no “%2” and no value for an empty field is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/templates/_wa_rules.py" line="84"/>
        <source>(no field chosen)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
