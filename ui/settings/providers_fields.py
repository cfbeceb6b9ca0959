"""The fields each provider type asks for, as read from its adapter (options vs secrets).

The adapters in `app/providers/` document their options and secrets in docstrings but do not
declare them as data, so this table mirrors them for the account form. Secrets go to the
keyring / encrypted file; options to the `providers` table.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["COMMON", "FIELDS", "Field", "TYPE_NAMES", "field_label", "type_name"]

_CTX = "ProviderFields"


@dataclass(frozen=True)
class Field:
    """One input of the account form.

    Attributes:
        key: the option / secret name the adapter reads.
        label: English label (translated in context "ProviderFields").
        secret: stored in the secret store, never shown back.
        hint: placeholder text (an example value, not translated when it is a literal).
    """

    key: str
    label: str
    secret: bool = False
    hint: str = ""


_FROM = Field("from", QT_TRANSLATE_NOOP("ProviderFields", "From address"), hint="Магазин <shop@example.ru>")
_REPLY = Field("reply_to", QT_TRANSLATE_NOOP("ProviderFields", "Reply-to address"), hint="info@example.ru")
_API_KEY = Field("api_key", QT_TRANSLATE_NOOP("ProviderFields", "API key"), secret=True)

FIELDS: dict[str, tuple[Field, ...]] = {
    "smtp": (Field("host", QT_TRANSLATE_NOOP("ProviderFields", "SMTP server"), hint="smtp.yandex.ru"),
             Field("port", QT_TRANSLATE_NOOP("ProviderFields", "Port"), hint="587"),
             Field("security", QT_TRANSLATE_NOOP("ProviderFields", "Encryption (starttls, ssl or none)"),
                   hint="starttls"),
             Field("username", QT_TRANSLATE_NOOP("ProviderFields", "Login")),
             Field("password", QT_TRANSLATE_NOOP("ProviderFields", "Password"), secret=True),
             _FROM),
    "sendgrid": (_API_KEY, _FROM, _REPLY),
    "mailgun": (Field("domain", QT_TRANSLATE_NOOP("ProviderFields", "Sending domain"), hint="mg.example.ru"),
                _API_KEY, _FROM, _REPLY),
    "unisender-go": (_API_KEY, _FROM, _REPLY),
    "smsru": (Field("api_id", QT_TRANSLATE_NOOP("ProviderFields", "api_id key"), secret=True),
              Field("from", QT_TRANSLATE_NOOP("ProviderFields", "Sender name"), hint="SHOP")),
    "smsc": (Field("login", QT_TRANSLATE_NOOP("ProviderFields", "Login")),
             Field("psw", QT_TRANSLATE_NOOP("ProviderFields", "Password or API key"), secret=True),
             Field("sender", QT_TRANSLATE_NOOP("ProviderFields", "Sender name"), hint="SHOP")),
    "smsaero": (Field("email", QT_TRANSLATE_NOOP("ProviderFields", "Account e-mail")), _API_KEY,
                Field("sign", QT_TRANSLATE_NOOP("ProviderFields", "Sender name"), hint="SMS Aero")),
    "twilio": (Field("account_sid", QT_TRANSLATE_NOOP("ProviderFields", "Account SID"), hint="AC…"),
               Field("auth_token", QT_TRANSLATE_NOOP("ProviderFields", "Auth token"), secret=True),
               Field("from", QT_TRANSLATE_NOOP("ProviderFields", "From number"), hint="+15005550006"),
               Field("messaging_service_sid", QT_TRANSLATE_NOOP("ProviderFields", "Messaging service SID"))),
    "whatsapp-cloud": (Field("phone_number_id", QT_TRANSLATE_NOOP("ProviderFields", "Phone number ID")),
                       Field("access_token", QT_TRANSLATE_NOOP("ProviderFields", "Access token"), secret=True),
                       Field("app_secret", QT_TRANSLATE_NOOP("ProviderFields", "App secret (for statuses)"),
                             secret=True),
                       Field("verify_token", QT_TRANSLATE_NOOP("ProviderFields", "Webhook verify token"),
                             secret=True),
                       Field("language", QT_TRANSLATE_NOOP("ProviderFields", "Template language"), hint="ru")),
    "wazzup": (Field("channel_id", QT_TRANSLATE_NOOP("ProviderFields", "Channel ID")), _API_KEY,
               Field("webhook_token", QT_TRANSLATE_NOOP("ProviderFields", "Webhook token"), secret=True)),
    "webhook": (Field("url", QT_TRANSLATE_NOOP("ProviderFields", "Address (URL)"), hint="https://example.ru/hook"),
                Field("signing_secret", QT_TRANSLATE_NOOP("ProviderFields", "Signing secret"), secret=True)),
}

#: Options every account has (the engine reads them).
COMMON: tuple[Field, ...] = (
    Field("rate_per_second", QT_TRANSLATE_NOOP("ProviderFields", "Limit: messages per second"),
          hint=QT_TRANSLATE_NOOP("ProviderFields", "no limit")),
    Field("rate_per_minute", QT_TRANSLATE_NOOP("ProviderFields", "Limit: messages per minute"),
          hint=QT_TRANSLATE_NOOP("ProviderFields", "no limit")),
)

TYPE_NAMES = {
    "smtp": QT_TRANSLATE_NOOP("ProviderFields", "SMTP server (any mail service)"),
    "sendgrid": "SendGrid", "mailgun": "Mailgun", "unisender-go": "Unisender Go",
    "smsru": "SMS.ru", "smsc": "SMSC.ru", "smsaero": "SMS Aero", "twilio": "Twilio",
    "whatsapp-cloud": QT_TRANSLATE_NOOP("ProviderFields", "WhatsApp Cloud API (Meta)"), "wazzup": "Wazzup24",
    "webhook": QT_TRANSLATE_NOOP("ProviderFields", "Webhook (HTTP POST to your server)"),
    "sandbox-email": QT_TRANSLATE_NOOP("ProviderFields", "Test mode: e-mail saved as files"),
    "sandbox-sms": QT_TRANSLATE_NOOP("ProviderFields", "Test mode: SMS saved to a file"),
    "sandbox-whatsapp": QT_TRANSLATE_NOOP("ProviderFields", "Test mode: WhatsApp saved to a file"),
}


def field_label(field: Field) -> str:
    return QCoreApplication.translate(_CTX, field.label)


def type_name(type_key: str) -> str:
    """The provider type as shown to the user."""
    return QCoreApplication.translate(_CTX, TYPE_NAMES.get(type_key, type_key))
