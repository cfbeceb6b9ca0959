<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Channels</name>
    <message>
        <location filename="../../ui/contacts/detail.py" line="25"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="26"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="27"/>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="28"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../../ui/contacts/detail.py" line="31"/>
        <source>granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="32"/>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="33"/>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="36"/>
        <source>unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="37"/>
        <source>address bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="38"/>
        <source>complained of spam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="39"/>
        <source>blocked by hand</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <location filename="../../ui/contacts/screen.py" line="53"/>
        <source>Search by phone, email or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="63"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="64"/>
        <source>Import contacts from a CSV or Excel file (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="67"/>
        <source>List:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="69"/>
        <source>Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="133"/>
        <source>All lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="134"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="164"/>
        <source>searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/screen.py" line="166"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/screen.py" line="207"/>
        <source>Delete %n contact(s)? Their consents and list memberships are deleted too; unsubscribes are kept.</source>
        <translation>
            <numerusform>Delete %n contact? Its consents and list memberships are deleted too; unsubscribes are kept.</numerusform>
            <numerusform>Delete %n contacts? Their consents and list memberships are deleted too; unsubscribes are kept.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="209"/>
        <source>Delete contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="222"/>
        <source>contacts.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="223"/>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="224"/>
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="229"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/screen.py" line="230"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/screen.py" line="235"/>
        <source>Exported %n contact(s) to %1</source>
        <translation>
            <numerusform>Exported %n contact to %1</numerusform>
            <numerusform>Exported %n contacts to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>Name</source>
        <extracomment>Column ids in display order; the sort key for each (None = not sortable).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="75"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="76"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="76"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/model.py" line="76"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/contacts/detail.py" line="84"/>
        <source>Select a contact to see everything about it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/detail.py" line="96"/>
        <source>%n contact(s) selected</source>
        <translation>
            <numerusform>%n contact selected</numerusform>
            <numerusform>%n contacts selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="108"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="116"/>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="116"/>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="118"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="118"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="119"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="119"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="120"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="120"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="121"/>
        <source>External ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="121"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="122"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="122"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="127"/>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="132"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="136"/>
        <source>Lists and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="138"/>
        <source>Lists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="138"/>
        <source>not in any list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="139"/>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="139"/>
        <source>no tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="144"/>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="152"/>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="157"/>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="159"/>
        <source>Blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="167"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="170"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/detail.py" line="172"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="35"/>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="50"/>
        <source>dd.mm.yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="53"/>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="54"/>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="61"/>
        <source>comma-separated, e.g. VIP, shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="65"/>
        <source>Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="65"/>
        <source>First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="66"/>
        <source>Middle name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="66"/>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="67"/>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="67"/>
        <source>City:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="67"/>
        <source>Birthday:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="68"/>
        <source>Gender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="68"/>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="68"/>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="97"/>
        <source>The birthday must be a date like 31.12.1990.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="117"/>
        <source>“%1” is not a phone number. Type it like +7 912 345-67-89.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="118"/>
        <source>“%1” is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="119"/>
        <source>Another contact already has the phone %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="120"/>
        <source>Another contact already has the email %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/edit_dialog.py" line="122"/>
        <source>A contact needs a phone or an email.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="24"/>
        <source>Welcome to Kaskad!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="26"/>
        <source>Your contact base is empty. Bring in your customers from an Excel or CSV file — an export from your CRM, 1C or a list you keep by hand. Kaskad cleans up phones and emails and skips duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="30"/>
        <source>Import contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/empty_state.py" line="34"/>
        <source>You can also drop a file onto this window, or press Ctrl+I.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../ui/contacts/format.py" line="43"/>
        <source>import: column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="44"/>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="45"/>
        <source>one-click unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="46"/>
        <source>unsubscribe link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="47"/>
        <source>unsubscribe e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="48"/>
        <source>bounced message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="49"/>
        <source>sending service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="50"/>
        <source>added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/contacts/format.py" line="61"/>
        <source>import: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
