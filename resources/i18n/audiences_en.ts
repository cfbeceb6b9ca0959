<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AudienceActions</name>
    <message>
        <location filename="../../ui/audiences/actions.py" line="45"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="45"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="46"/>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="46"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="47"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="47"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="48"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="48"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="49"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="79"/>
        <source>A list called “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="86"/>
        <source>A segment called “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="93"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="100"/>
        <source>New list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="101"/>
        <source>List name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="113"/>
        <source>Duplicate list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="114"/>
        <location filename="../../ui/audiences/actions.py" line="173"/>
        <source>Name of the copy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="115"/>
        <location filename="../../ui/audiences/actions.py" line="174"/>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="124"/>
        <source>Rename list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="125"/>
        <location filename="../../ui/audiences/actions.py" line="189"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="134"/>
        <source>Delete list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="133"/>
        <source>Delete list “%1”? The contacts stay in the base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="153"/>
        <source>Export list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="160"/>
        <source>Exported %1 contacts to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="172"/>
        <source>Duplicate segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="188"/>
        <source>Rename segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="201"/>
        <source>Delete segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="200"/>
        <source>Delete segment “%1”? Its contacts stay in the base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="222"/>
        <source>Export segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="232"/>
        <source>Freeze into a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="233"/>
        <source>Name of the static list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="236"/>
        <source>List “%1” already exists. Add the segment&apos;s contacts to it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/actions.py" line="246"/>
        <source>List “%1” now holds %2 contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudienceDialogs</name>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="28"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="29"/>
        <source>Segment “%1” has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="31"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="32"/>
        <source>Don&apos;t save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/dialogs.py" line="34"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudienceErrors</name>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="13"/>
        <source>Type some text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="14"/>
        <source>Pick or type a tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="15"/>
        <source>Pick a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="16"/>
        <source>Pick a saved segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="17"/>
        <source>List the values separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="18"/>
        <source>Fill in at least one end of the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="19"/>
        <source>Both ends of the range must be numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="20"/>
        <source>Type a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="21"/>
        <source>Type a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="22"/>
        <source>Pick a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="23"/>
        <source>The number of days is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="24"/>
        <source>The count must be 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="25"/>
        <source>Event type: Latin letters, digits and _ . : - only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="26"/>
        <source>Type the property name (without quotes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="27"/>
        <source>Type the property to add up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="28"/>
        <source>This list no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="29"/>
        <source>This segment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="30"/>
        <source>A segment cannot include itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="31"/>
        <source>The saved segment used here has a broken condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/rule_errors.py" line="41"/>
        <source>This condition is not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudienceLabels</name>
    <message>
        <location filename="../../ui/audiences/labels.py" line="19"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <extracomment>Condition kinds besides contact fields, in the order the picker lists them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="30"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="31"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="32"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="33"/>
        <source>Stop list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="34"/>
        <source>Campaign activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="35"/>
        <source>Event (site, CRM, calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="36"/>
        <source>Saved segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="43"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="46"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="53"/>
        <source>has tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="53"/>
        <source>has no tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="54"/>
        <source>is in list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="54"/>
        <source>is not in list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="55"/>
        <source>consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="56"/>
        <source>no consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="57"/>
        <source>is in the stop list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="58"/>
        <source>is not in the stop list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="59"/>
        <source>did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="59"/>
        <source>did not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="60"/>
        <source>had event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="60"/>
        <source>had no event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="61"/>
        <source>is in segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="62"/>
        <source>is not in segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="71"/>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/labels.py" line="72"/>
        <source>starts with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudienceSidebar</name>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="48"/>
        <location filename="../../ui/audiences/sidebar.py" line="54"/>
        <source>Duplicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="49"/>
        <location filename="../../ui/audiences/sidebar.py" line="55"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="50"/>
        <location filename="../../ui/audiences/sidebar.py" line="57"/>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="51"/>
        <location filename="../../ui/audiences/sidebar.py" line="58"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="56"/>
        <source>Freeze into a list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="60"/>
        <source>Save today&apos;s matching contacts as a static list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="63"/>
        <source>+ New segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="64"/>
        <source>+ New list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="65"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="67"/>
        <source>Static lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="83"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/sidebar.py" line="133"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <location filename="../../ui/audiences/condition_row.py" line="52"/>
        <source>Remove this condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/condition_row.py" line="109"/>
        <source>Custom: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DaysValue</name>
    <message>
        <location filename="../../ui/audiences/values.py" line="172"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventPart</name>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="84"/>
        <source>Pick a type or type the name of your own event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="87"/>
        <source>at least </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="88"/>
        <source> time(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="90"/>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="91"/>
        <source>in the last </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="92"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="94"/>
        <source>sum of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="104"/>
        <source>+ Property filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupWidget</name>
    <message>
        <location filename="../../ui/audiences/group.py" line="51"/>
        <source>AND: all conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="52"/>
        <source>OR: any condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="53"/>
        <source>NOT (exclude these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="54"/>
        <source>+ Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="55"/>
        <source>+ Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="58"/>
        <source>Remove this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="64"/>
        <source>Match:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="64"/>
        <source>Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="144"/>
        <source>AND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/group.py" line="144"/>
        <source>OR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="32"/>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="33"/>
        <source>A static list keeps the contacts put into it: by import, by hand in Contacts, or by freezing a segment. It does not change by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/list_page.py" line="37"/>
        <source>First %n member(s)</source>
        <translation>
            <numerusform>First %n member</numerusform>
            <numerusform>First %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/list_page.py" line="58"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListValue</name>
    <message>
        <location filename="../../ui/audiences/values.py" line="98"/>
        <source>values separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberRange</name>
    <message>
        <location filename="../../ui/audiences/values.py" line="191"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/values.py" line="191"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/preview.py" line="24"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropertyFilterRow</name>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="41"/>
        <source>property, e.g. url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="45"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="49"/>
        <source>Remove this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/event_part.py" line="52"/>
        <source>where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <location filename="../../ui/audiences/editor.py" line="72"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="73"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/editor.py" line="93"/>
        <source>First %n matching contact(s)</source>
        <translation>
            <numerusform>First %n matching contact</numerusform>
            <numerusform>First %n matching contacts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="149"/>
        <location filename="../../ui/audiences/editor.py" line="248"/>
        <source>New segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="163"/>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="167"/>
        <source>Matches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/audiences/editor.py" line="167"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="174"/>
        <source>fix the condition marked in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="185"/>
        <source>could not count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="223"/>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="224"/>
        <source>Save segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="224"/>
        <source>Segment name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/editor.py" line="228"/>
        <source>A segment called “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimplePart</name>
    <message>
        <location filename="../../ui/audiences/parts.py" line="155"/>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="159"/>
        <source>any campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="160"/>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="161"/>
        <source>in the last </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="162"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="212"/>
        <source>campaign #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="222"/>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/parts.py" line="147"/>
        <source>tag name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="68"/>
        <source>&lt;h3&gt;Audiences&lt;/h3&gt;&lt;p&gt;A &lt;b&gt;segment&lt;/b&gt; is a rule: “women from Kazan with a birthday this week who bought more than 5,000 ₽”. It is counted live and always up to date.&lt;/p&gt;&lt;p&gt;A &lt;b&gt;static list&lt;/b&gt; keeps exactly the contacts put into it.&lt;/p&gt;&lt;p&gt;Pick one on the left, or create a new segment.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/audiences/list_page.py" line="73"/>
        <source>+ New segment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
