<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AudiencePage</name>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="53"/>
        <source>Who gets the mailing</source>
        <translation>Кому отправить рассылку</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="54"/>
        <source>Name the mailing and choose its audience. Next you will see how many of them can really be reached.</source>
        <translation>Назовите рассылку и выберите получателей. Дальше вы увидите, скольким из них её действительно можно отправить.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="56"/>
        <source>Mailing of %1</source>
        <translation>Рассылка от %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="59"/>
        <source>Contacts of a list:</source>
        <translation>Контакты из списка:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="61"/>
        <source>Contacts of a segment:</source>
        <translation>Контакты сегмента:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="72"/>
        <source>Mailing name:</source>
        <translation>Название рассылки:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="76"/>
        <source>Lists and segments are made in the Audiences section. A segment&apos;s contacts are taken when the mailing starts; later changes to the segment do not affect it.</source>
        <translation>Списки и сегменты создаются в разделе «Аудитории». Контакты сегмента берутся в момент запуска рассылки; последующие изменения сегмента на неё не влияют.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="85"/>
        <source>All contacts (%1)</source>
        <translation>Все контакты (%1)</translation>
    </message>
</context>
<context>
    <name>CampaignLabels</name>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="15"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="16"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="17"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="18"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="22"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="23"/>
        <source>Sending</source>
        <translation>Идёт отправка</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="24"/>
        <source>Paused</source>
        <translation>На паузе</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="25"/>
        <location filename="../../ui/campaigns/labels.py" line="40"/>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="26"/>
        <source>Finished</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="31"/>
        <source>Queued</source>
        <extracomment>Message states in the order the progress view shows them.</extracomment>
        <translation>В очереди</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="32"/>
        <source>Being sent</source>
        <translation>Отправляются</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="33"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="34"/>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="35"/>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="36"/>
        <source>Failed</source>
        <translation>Не доставлено</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="37"/>
        <source>Held (waiting for the window)</source>
        <translation>Ждут окна отправки</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="38"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="39"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="44"/>
        <source>No phone / e-mail</source>
        <translation>нет телефона / e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="45"/>
        <source>No consent to receive</source>
        <translation>нет согласия на рассылку</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="46"/>
        <source>Unsubscribed or blocked</source>
        <translation>в стоп-листе (отписались или заблокированы)</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="47"/>
        <source>Frequency limit reached</source>
        <translation>превышен лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="48"/>
        <source>Other reason</source>
        <translation>другая причина</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="79"/>
        <source>paused by the user</source>
        <translation>приостановлена вручную</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/labels.py" line="82"/>
        <source>the service «%1» refused: %2. Check its settings, balance or sender name, then resume the mailing.</source>
        <translation>сервис «%1» отказал: %2. Проверьте его настройки, баланс или имя отправителя и продолжите рассылку.</translation>
    </message>
</context>
<context>
    <name>CampaignsScreen</name>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="50"/>
        <source>Mailings</source>
        <translation>Рассылки</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="52"/>
        <source>New mailing…</source>
        <translation>Новая рассылка…</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="56"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="56"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="56"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="57"/>
        <source>Progress</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="57"/>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="69"/>
        <source>No mailings yet. Press “New mailing…” to send a message to a list or to all your contacts: you will see who gets it and what it costs before anything is sent.</source>
        <translation>Рассылок пока нет. Нажмите «Новая рассылка…», чтобы отправить сообщение списку или всем контактам: до отправки вы увидите, кто его получит и сколько это стоит.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/screen.py" line="77"/>
        <source>Select a mailing to see its progress and report.</source>
        <translation>Выберите рассылку слева, чтобы увидеть ход отправки и отчёт.</translation>
    </message>
</context>
<context>
    <name>ChannelPage</name>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="118"/>
        <source>How to send it</source>
        <translation>Как отправить</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="119"/>
        <source>Each channel reaches the contacts that have its address and agreed to it.</source>
        <translation>Канал доходит до контактов, у которых есть нужный адрес и согласие на этот канал.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="123"/>
        <source>Letters with pictures and links; almost free, read later.</source>
        <translation>Письма с картинками и ссылками; почти бесплатно, читают не сразу.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="124"/>
        <source>Short text to the phone; read within minutes, paid per part (segment).</source>
        <translation>Короткий текст на телефон; читают за минуты, оплата за каждую часть (сегмент).</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="125"/>
        <source>A pre-approved WhatsApp template; needs a WhatsApp Business account.</source>
        <translation>Заранее одобренный шаблон WhatsApp; нужен аккаунт WhatsApp Business.</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="100"/>
        <source>Ready to start</source>
        <translation>Всё готово к запуску</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="101"/>
        <source>Check the summary. After the start you can pause or cancel the mailing at any time.</source>
        <translation>Проверьте итог. После запуска рассылку можно в любой момент приостановить или отменить.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="118"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="118"/>
        <source>now, within each recipient&apos;s sending window</source>
        <translation>сейчас, в окно отправки каждого получателя</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="122"/>
        <source>Mailing: %1</source>
        <translation>Рассылка: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="123"/>
        <source>Channel: %1</source>
        <translation>Канал: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="124"/>
        <source>Template: %1 (version %2)</source>
        <translation>Шаблон: %1 (версия %2)</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="126"/>
        <source>Provider: %1</source>
        <translation>Через: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="127"/>
        <source>Sender: %1</source>
        <translation>Отправитель: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="127"/>
        <source>as set in the provider account</source>
        <translation>как указано в учётной записи сервиса</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="128"/>
        <source>Recipients: %1 of %2</source>
        <translation>Получателей: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="130"/>
        <source>Start: %1</source>
        <translation>Начало: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="133"/>
        <source>Marked as a service message (no marketing consent needed).</source>
        <translation>Отмечено как служебное сообщение (согласие на рекламу не требуется).</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="135"/>
        <source>Estimated cost: %1 ₽</source>
        <translation>Примерная стоимость: %1 ₽</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="145"/>
        <source>Preparing the messages…</source>
        <translation>Готовим сообщения…</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="149"/>
        <source>What to send and through whom</source>
        <translation>Что отправить и через кого</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="157"/>
        <source>Service (transactional) message</source>
        <translation>Служебное (транзакционное) сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="158"/>
        <source>Tick only for order, booking or payment notices: they go without marketing consent and outside quiet hours. Advertising must never be marked as service.</source>
        <translation>Отмечайте только уведомления о заказе, записи или оплате: они уходят без согласия на рекламу и в тихие часы. Рекламу нельзя отмечать как служебное сообщение.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="161"/>
        <source>Template:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="163"/>
        <source>Preview:</source>
        <translation>Пример:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="164"/>
        <source>Send through:</source>
        <translation>Отправить через:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="171"/>
        <source>Channel: %1. The preview uses the first contact of the audience.</source>
        <translation>Канал: %1. В примере — данные первого контакта из получателей.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="179"/>
        <source>There are no %1 templates yet: create one in the Templates section first.</source>
        <translation>Шаблонов для канала %1 пока нет: сначала создайте шаблон в разделе «Шаблоны».</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="187"/>
        <source>Test mode: nothing leaves the computer</source>
        <translation>Тестовый режим: ничего не уходит с компьютера</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="189"/>
        <source>%1 (default)</source>
        <translation>%1 (по умолчанию)</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="246"/>
        <source>Subject: %1</source>
        <translation>Тема: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="249"/>
        <source>%1 characters, %2 SMS part(s)</source>
        <translation>символов: %1, частей SMS: %2</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_setup.py" line="254"/>
        <source>This template cannot be filled for the first contact: %1</source>
        <translation>Шаблон не заполняется для первого контакта: %1</translation>
    </message>
</context>
<context>
    <name>EngineHost</name>
    <message>
        <location filename="../../ui/engine_host.py" line="207"/>
        <source>Sending goes on, but the status receiver could not use port %1 (another program holds it). Delivery statuses and unsubscribe clicks are not received until the port is free or another one is set in Settings → Sending.</source>
        <translation>Отправка продолжается, но приёмник статусов не смог занять порт %1 (его держит другая программа). Статусы доставки и отписки не принимаются, пока порт не освободится или в «Настройки → Отправка» не будет указан другой.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_host.py" line="220"/>
        <source>Another Kaskad window or the background sender (main.py engine) is already sending from this workspace. Messages are sent by it; close it to send from here.</source>
        <translation>Из этой рабочей папки уже отправляет другое окно Kaskad или фоновый отправитель (main.py engine). Сообщения отправит он; чтобы отправлять отсюда, закройте его.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_host.py" line="224"/>
        <source>Sending stopped: %1</source>
        <translation>Отправка остановлена: %1</translation>
    </message>
    <message>
        <location filename="../../ui/engine_host.py" line="226"/>
        <source>Sending stopped because of an internal error: %1</source>
        <translation>Отправка остановлена из-за внутренней ошибки: %1</translation>
    </message>
    <message>
        <location filename="../../ui/engine_host.py" line="285"/>
        <source>A mailing is being sent</source>
        <translation>Идёт рассылка</translation>
    </message>
    <message>
        <location filename="../../ui/engine_host.py" line="286"/>
        <source>Kaskad is sending a mailing right now. Quit anyway?

Messages already handed to the provider are kept; the rest are sent the next time you open Kaskad (or by the background sender).</source>
        <translation>Kaskad сейчас отправляет рассылку. Всё равно выйти?

Уже переданные сервису сообщения сохранятся; остальные будут отправлены при следующем запуске Kaskad (или фоновым отправителем).</translation>
    </message>
</context>
<context>
    <name>MailingWizard</name>
    <message>
        <location filename="../../ui/campaigns/wizard.py" line="84"/>
        <source>New mailing</source>
        <extracomment>Settings key of the sender identity (Settings → Sending): from_name, from_email, reply_to, sms_sender.</extracomment>
        <translation>Новая рассылка</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard.py" line="87"/>
        <source>Next &gt;</source>
        <translation>Далее &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard.py" line="88"/>
        <source>&lt; Back</source>
        <translation>&lt; Назад</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard.py" line="89"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard.py" line="90"/>
        <source>Start sending</source>
        <translation>Начать отправку</translation>
    </message>
</context>
<context>
    <name>MasterPassword</name>
    <message>
        <location filename="../../ui/settings/providers_store.py" line="31"/>
        <source>Master password</source>
        <translation>Мастер-пароль</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_store.py" line="32"/>
        <source>This computer has no system password storage, so provider passwords are kept in an encrypted file.
Enter its master password (a new one is set the first time):</source>
        <translation>На этом компьютере нет системного хранилища паролей, поэтому пароли сервисов хранятся в зашифрованном файле.
Введите его мастер-пароль (при первом вводе он задаётся):</translation>
    </message>
</context>
<context>
    <name>PreflightPage</name>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="44"/>
        <source>Check before sending</source>
        <extracomment>Where the owner&apos;s own test address / phone is remembered.</extracomment>
        <translation>Проверка перед отправкой</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="45"/>
        <source>Who will get the message, and who will not and why. Nobody is contacted yet.</source>
        <translation>Кто получит сообщение, а кто нет и почему. Пока никому ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="46"/>
        <source>Checking the audience…</source>
        <translation>Проверяем получателей…</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="50"/>
        <source>Contacts in the audience</source>
        <translation>Контактов в выборке</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="50"/>
        <source>Will get the message</source>
        <translation>Получат сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="51"/>
        <source>Excluded — %1</source>
        <translation>Исключены — %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="64"/>
        <source>Nobody in this audience can receive the message: go back and choose another audience or channel.</source>
        <translation>Никто из выбранных контактов не может получить сообщение: вернитесь и выберите других получателей или другой канал.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="101"/>
        <source>The check failed.</source>
        <translation>Проверка не удалась.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="113"/>
        <source>estimated cost %1 ₽</source>
        <translation>примерная стоимость %1 ₽</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="115"/>
        <source>set the price of one SMS part in Settings → Sending to see the cost</source>
        <translation>чтобы увидеть стоимость, укажите цену одной части SMS в «Настройки → Отправка»</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="116"/>
        <source>SMS parts (segments) in total: about %1; %2.</source>
        <translation>Всего частей SMS (сегментов): около %1; %2.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="121"/>
        <source>Some messages cannot be filled in:</source>
        <translation>Некоторые сообщения не заполняются:</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="82"/>
        <source>“Unknown” means the connection broke while these messages were being handed to the provider: they may have arrived. Kaskad never resends them by itself, so nobody gets the same message twice; check the provider&apos;s report if it matters.</source>
        <extracomment>The live counters, in this order.</extracomment>
        <translation>«Неизвестно» — связь оборвалась, пока эти сообщения передавались сервису: они могли дойти. Kaskad сам их не переотправляет, чтобы никто не получил одно сообщение дважды; если это важно, проверьте отчёт сервиса.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="90"/>
        <source>Pause</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="91"/>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="92"/>
        <location filename="../../ui/campaigns/progress.py" line="206"/>
        <source>Cancel the mailing</source>
        <translation>Отменить рассылку</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="145"/>
        <source>%1 · %2 · %3 of %4 messages done</source>
        <translation>%1 · %2 · обработано %3 из %4 сообщений</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="149"/>
        <source>Paused: %1</source>
        <translation>На паузе: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="177"/>
        <source>Scheduled: sending starts %1.</source>
        <translation>Запланировано: отправка начнётся %1.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="183"/>
        <source>Waiting for the sending window in the recipients&apos; time zones.</source>
        <translation>Ждём окна отправки в часовых поясах получателей.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="184"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="186"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="187"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="188"/>
        <source>Speed: %1 messages/s · about %2 left</source>
        <translation>Скорость: %1 сообщ./с · осталось около %2</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="197"/>
        <source>paused by you; press Resume to continue</source>
        <translation>приостановлена вами; нажмите «Продолжить», чтобы возобновить</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/progress.py" line="207"/>
        <source>Messages not sent yet will not be sent. Messages already sent stay sent. Cancel the mailing?</source>
        <translation>Ещё не отправленные сообщения не будут отправлены. Уже отправленные останутся отправленными. Отменить рассылку?</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="47"/>
        <source>Provider account</source>
        <translation>Учётная запись сервиса</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="48"/>
        <source>Account “%1”</source>
        <translation>Учётная запись «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="50"/>
        <source>e.g. SMS.ru main</source>
        <translation>например, SMS.ru основной</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="61"/>
        <source>Use by default for its channel</source>
        <translation>Использовать по умолчанию для этого канала</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="70"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="71"/>
        <source>Type:</source>
        <translation>Сервис:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="75"/>
        <source>Passwords and keys are kept in the system&apos;s password storage (or an encrypted file), never in the database, and are not shown again.</source>
        <translation>Пароли и ключи хранятся в системном хранилище паролей (или в зашифрованном файле), никогда — в базе данных, и повторно не показываются.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="79"/>
        <source>API address (only to override):</source>
        <translation>Адрес API (только если нужен другой):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="106"/>
        <source>saved — leave empty to keep</source>
        <translation>сохранён — оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="115"/>
        <source>not needed</source>
        <translation>не нужен</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="140"/>
        <source>“%1” must be a number.</source>
        <translation>«%1» должно быть числом.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_dialog.py" line="143"/>
        <source>An account with this name already exists: choose another name.</source>
        <translation>Учётная запись с таким названием уже есть: выберите другое название.</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="36"/>
        <source>From address</source>
        <translation>Адрес отправителя</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="37"/>
        <source>Reply-to address</source>
        <translation>Адрес для ответов</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="38"/>
        <source>API key</source>
        <translation>API-ключ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="41"/>
        <source>SMTP server</source>
        <translation>SMTP-сервер</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="42"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="43"/>
        <source>Encryption (starttls, ssl or none)</source>
        <translation>Шифрование (starttls, ssl или none)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="45"/>
        <location filename="../../ui/settings/providers_fields.py" line="54"/>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="46"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="49"/>
        <source>Sending domain</source>
        <translation>Домен отправки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="52"/>
        <source>api_id key</source>
        <translation>Ключ api_id</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="53"/>
        <location filename="../../ui/settings/providers_fields.py" line="56"/>
        <location filename="../../ui/settings/providers_fields.py" line="58"/>
        <source>Sender name</source>
        <translation>Имя отправителя</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="55"/>
        <source>Password or API key</source>
        <translation>Пароль или API-ключ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="57"/>
        <source>Account e-mail</source>
        <translation>E-mail учётной записи</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="59"/>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="60"/>
        <source>Auth token</source>
        <translation>Auth token</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="61"/>
        <source>From number</source>
        <translation>Номер отправителя</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="62"/>
        <source>Messaging service SID</source>
        <translation>Messaging service SID</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="63"/>
        <source>Phone number ID</source>
        <translation>ID номера телефона</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="64"/>
        <source>Access token</source>
        <translation>Токен доступа</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="65"/>
        <source>App secret (for statuses)</source>
        <translation>Секрет приложения (для статусов)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="67"/>
        <source>Webhook verify token</source>
        <translation>Токен проверки вебхука</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="69"/>
        <source>Template language</source>
        <translation>Язык шаблона</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="70"/>
        <source>Channel ID</source>
        <translation>ID канала</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="71"/>
        <source>Webhook token</source>
        <translation>Токен вебхука</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="72"/>
        <source>Address (URL)</source>
        <translation>Адрес (URL)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="73"/>
        <source>Signing secret</source>
        <translation>Секрет подписи</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="78"/>
        <source>Limit: messages per second</source>
        <extracomment>Options every account has (the engine reads them).</extracomment>
        <translation>Лимит: сообщений в секунду</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="79"/>
        <location filename="../../ui/settings/providers_fields.py" line="81"/>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="80"/>
        <source>Limit: messages per minute</source>
        <translation>Лимит: сообщений в минуту</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="85"/>
        <source>SMTP server (any mail service)</source>
        <translation>SMTP-сервер (любая почтовая служба)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="88"/>
        <source>WhatsApp Cloud API (Meta)</source>
        <translation>WhatsApp Cloud API (Meta)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="89"/>
        <source>Webhook (HTTP POST to your server)</source>
        <translation>Вебхук (HTTP POST на ваш сервер)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="90"/>
        <source>Test mode: e-mail saved as files</source>
        <translation>Тестовый режим: письма сохраняются в файлы</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="91"/>
        <source>Test mode: SMS saved to a file</source>
        <translation>Тестовый режим: SMS сохраняются в файл</translation>
    </message>
    <message>
        <location filename="../../ui/settings/providers_fields.py" line="92"/>
        <source>Test mode: WhatsApp saved to a file</source>
        <translation>Тестовый режим: WhatsApp сохраняются в файл</translation>
    </message>
</context>
<context>
    <name>ProvidersGroup</name>
    <message>
        <location filename="../../ui/settings/providers_store.py" line="63"/>
        <source>The mailing “%1” still uses this account: finish or cancel it first.</source>
        <translation>Эту учётную запись ещё использует рассылка «%1»: сначала завершите или отмените её.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="42"/>
        <source>Sending: provider accounts</source>
        <translation>Отправка: учётные записи сервисов</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="47"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="47"/>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="47"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="48"/>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="58"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="59"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="60"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="61"/>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="62"/>
        <source>Make default</source>
        <translation>Сделать основной</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="70"/>
        <source>Without an account, mailings run in test mode: messages are saved on this computer (Kaskad&apos;s sandbox folder) and nobody receives them.</source>
        <translation>Без учётной записи рассылки работают в тестовом режиме: сообщения сохраняются на этом компьютере (в папке песочницы Kaskad) и никому не уходят.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="91"/>
        <source>Test mode</source>
        <translation>Тестовый режим</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="133"/>
        <source>Saved “%1”.</source>
        <translation>Сохранено: «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="137"/>
        <source>Delete the account</source>
        <translation>Удаление учётной записи</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="138"/>
        <source>Delete “%1” and its saved password?</source>
        <translation>Удалить «%1» и сохранённый пароль?</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="146"/>
        <source>Deleted “%1”.</source>
        <translation>Удалено: «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="168"/>
        <source>Connecting to “%1”…</source>
        <translation>Подключаемся к «%1»…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="176"/>
        <source>Connection works: %1</source>
        <translation>Подключение работает: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_providers.py" line="176"/>
        <source>Connection failed: %1</source>
        <translation>Подключиться не удалось: %1</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/campaigns/report.py" line="39"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="46"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="46"/>
        <location filename="../../ui/campaigns/report.py" line="48"/>
        <source>Messages</source>
        <translation>Сообщений</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="48"/>
        <source>Why it was not delivered</source>
        <translation>Почему не доставлено</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="55"/>
        <source>No failures.</source>
        <translation>Ошибок нет.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="56"/>
        <source>Export to Excel (.xlsx)…</source>
        <translation>Выгрузить в Excel (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="62"/>
        <source>By status</source>
        <translation>По статусам</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="66"/>
        <source>Failure reasons</source>
        <translation>Причины ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="92"/>
        <source>Skipped: %1</source>
        <translation>Пропущено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="97"/>
        <source>No reason given</source>
        <translation>Причина не указана</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="102"/>
        <source>Cost reported by the provider: %1 ₽</source>
        <translation>Стоимость по данным сервиса: %1 ₽</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="103"/>
        <source>The provider reported no cost.</source>
        <translation>Сервис не сообщил стоимость.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="104"/>
        <source>%1 messages in this mailing. %2</source>
        <translation>Сообщений в рассылке: %1. %2</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="112"/>
        <source>Export the report</source>
        <translation>Выгрузка отчёта</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="112"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="118"/>
        <source>Exporting…</source>
        <translation>Выгружаем…</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/report.py" line="125"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="42"/>
        <source>When to send</source>
        <translation>Когда отправить</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="43"/>
        <source>Start now or choose a moment; you can pause the mailing later at any time.</source>
        <translation>Запустите сейчас или выберите время; приостановить рассылку можно в любой момент.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="44"/>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="45"/>
        <source>At a date and time:</source>
        <translation>В заданные дату и время:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="74"/>
        <source>In each recipient&apos;s local sending window (%1 their time)</source>
        <translation>В окно отправки каждого получателя (%1 по его времени)</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="79"/>
        <source>Quiet hours apply to this mailing: whatever you choose, a message is only sent between %1 in the recipient&apos;s time zone; the others wait and go out when their window opens. Change the hours in Settings → Sending.</source>
        <translation>К этой рассылке применяются тихие часы: что бы вы ни выбрали, сообщение уходит только в %1 по часовому поясу получателя; остальные ждут и уходят, когда откроется их окно. Часы меняются в «Настройки → Отправка».</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_launch.py" line="84"/>
        <source>Quiet hours do not apply here (e-mail or a service message): messages go out as soon as sending starts.</source>
        <translation>Тихие часы здесь не действуют (e-mail или служебное сообщение): сообщения уходят сразу после запуска.</translation>
    </message>
</context>
<context>
    <name>SendingGroup</name>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="48"/>
        <source>Sending: rules and sender</source>
        <translation>Отправка: правила и отправитель</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="51"/>
        <source>e.g. Flower shop “Romashka”</source>
        <translation>например, Цветочный магазин «Ромашка»</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="67"/>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="72"/>
        <source>not set</source>
        <translation>не задана</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="83"/>
        <source>Save sending settings</source>
        <translation>Сохранить настройки отправки</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="88"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="90"/>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="95"/>
        <source>a day,</source>
        <translation>в день,</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="97"/>
        <source>a week</source>
        <translation>в неделю</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="100"/>
        <source>Gmail and Yandex want bulk mail to offer one-click unsubscribe (RFC 8058). What satisfies it:
• the e-mail service&apos;s own unsubscribe (SendGrid, Mailgun, Unisender Go), synced back — yes;
• a public https address above, where the background sender runs on a server — yes;
• only an unsubscribe mailbox read over IMAP — no: fine for small lists, not for bulk senders.</source>
        <translation>Gmail и Яндекс требуют от массовых рассылок отписку в один клик (RFC 8058). Что этому соответствует:
• отписка самого почтового сервиса (SendGrid, Mailgun, Unisender Go) с синхронизацией обратно — да;
• публичный https-адрес выше, если фоновый отправитель работает на сервере — да;
• только ящик для отписок, читаемый по IMAP, — нет: годится для небольших списков, но не для массовых рассылок.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="107"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="108"/>
        <source>Sender name:</source>
        <translation>Имя отправителя:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="109"/>
        <source>From e-mail:</source>
        <translation>E-mail отправителя:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="110"/>
        <source>Reply-to e-mail:</source>
        <translation>E-mail для ответов:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="111"/>
        <source>SMS sender name:</source>
        <translation>Имя отправителя SMS:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="112"/>
        <source>Limits</source>
        <translation>Ограничения</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="113"/>
        <source>Sending window (recipient&apos;s local time):</source>
        <translation>Окно отправки (местное время получателя):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="114"/>
        <source>Advertising SMS and WhatsApp outside this window wait until it opens. Service messages are not held.</source>
        <translation>Рекламные SMS и WhatsApp вне этого окна ждут его открытия. Служебные сообщения не задерживаются.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="116"/>
        <source>At most, per contact and channel:</source>
        <translation>Не больше, на контакт и канал:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="117"/>
        <source>Price of one SMS part:</source>
        <translation>Цена одной части SMS:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="118"/>
        <source>Delivery statuses and unsubscribe</source>
        <translation>Статусы доставки и отписка</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="119"/>
        <source>Status receiver port:</source>
        <translation>Порт приёма статусов:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="120"/>
        <source>Public base URL:</source>
        <translation>Публичный адрес (URL):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="121"/>
        <source>Unsubscribe mailbox:</source>
        <translation>Ящик для отписок:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="156"/>
        <source>From e-mail</source>
        <translation>E-mail отправителя</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="156"/>
        <source>Reply-to e-mail</source>
        <translation>E-mail для ответов</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="157"/>
        <source>Unsubscribe mailbox</source>
        <translation>Ящик для отписок</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="160"/>
        <source>%1 does not look like an e-mail address.</source>
        <translation>%1: это не похоже на адрес e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="163"/>
        <source>The public base URL must start with https://.</source>
        <translation>Публичный адрес должен начинаться с https://.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="165"/>
        <source>The sending window must not start and end at the same time.</source>
        <translation>Окно отправки не может начинаться и заканчиваться в одно и то же время.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="167"/>
        <source>The weekly limit cannot be lower than the daily one.</source>
        <translation>Лимит в неделю не может быть меньше лимита в день.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sending_policy.py" line="193"/>
        <source>Saved. New messages follow these settings.</source>
        <translation>Сохранено. Новые сообщения отправляются по этим настройкам.</translation>
    </message>
</context>
<context>
    <name>TestSendPage</name>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="136"/>
        <source>Send yourself a test</source>
        <translation>Тестовое сообщение себе</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="138"/>
        <source>Send a test message</source>
        <translation>Отправить тест</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="143"/>
        <source>The test goes through the same provider as the mailing, filled in with the first contact&apos;s data, to your address only. It is optional: press Next to skip it.</source>
        <translation>Тест идёт через тот же сервис, что и рассылка, с данными первого контакта — но только на ваш адрес. Это необязательно: нажмите «Далее», чтобы пропустить.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="159"/>
        <source>See the message exactly as your customers will, before they do.</source>
        <translation>Посмотрите сообщение так, как его увидят клиенты, — раньше них.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="160"/>
        <source>Your e-mail:</source>
        <translation>Ваш e-mail:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="160"/>
        <source>Your phone:</source>
        <translation>Ваш телефон:</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="176"/>
        <source>Enter your own e-mail address or phone number first.</source>
        <translation>Сначала введите свой e-mail или номер телефона.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="186"/>
        <source>Sending the test…</source>
        <translation>Отправляем тест…</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="195"/>
        <source>The provider accepted the test message. Check your inbox or phone.</source>
        <translation>Сервис принял тестовое сообщение. Проверьте почту или телефон.</translation>
    </message>
    <message>
        <location filename="../../ui/campaigns/wizard_check.py" line="198"/>
        <source>The test was not sent: %1</source>
        <translation>Тест не отправлен: %1</translation>
    </message>
</context>
</TS>
