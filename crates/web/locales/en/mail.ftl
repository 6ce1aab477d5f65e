# Mail: the mails about registrations and the outbox page (/admin/outbox).
# The same keys are in hu/mail.ftl.

nav-outbox = Outbox

## The mails about registrations

mail-subject-confirmation = You have a place: { $title }
mail-subject-waiting = You are on the waiting list: { $title }
mail-subject-promotion = A place freed up, you are in: { $title }
mail-subject-reminder = See you tomorrow: { $title }
mail-subject-cancellation = Your registration is cancelled: { $title }
mail-greeting = Dear { $name },
mail-lead-confirmation = Thank you for registering! You have a place at this event:
mail-lead-waiting = Thank you for registering! The event is full for now, so you are on the waiting list for:
mail-lead-promotion = Good news: a place freed up and you have moved up from the waiting list. You have a place at this event:
mail-lead-reminder = A reminder that we meet tomorrow:
mail-lead-cancellation = Your registration for this event has been cancelled:
mail-waiting-note = You are on the waiting list. If a place frees up, you move up automatically and we will let you know by e-mail.
mail-ticket-hint = At the event, show the QR code of your ticket (on your ticket's page) or tell us your ticket code.
mail-when = When
mail-where = Where
mail-programme = Programme
mail-ticket-code = Ticket code
mail-ticket-link = Your ticket
mail-cancel-hint = If you cannot come after all, cancel your registration here so that someone else can have the place:
mail-cancel-link = Cancel registration
mail-cancelled-note = If you would like to come after all, register again on the event's page.
mail-cancelled-note-internal = If you would like to come after all, let the organisers know.
mail-signature = Best wishes,
mail-footer = You received this mail because of your registration. Your ticket's page shows your registration.

## Outbox (/admin/outbox)

outbox-title = Outbox
outbox-intro = Every mail kozos sends comes here first and is delivered by a background job. When no mail server (SMTP) is configured, mails wait here and go out at the next start after it is configured.
outbox-no-smtp = No mail server is configured: mails are not sent; you can read them here.
outbox-filter = Filter by state
outbox-all = All
outbox-filter-queued = Queued
outbox-filter-sent = Sent
outbox-filter-failed = Failed
outbox-none = No such mail.
outbox-from = From
outbox-no-sender = not configured
outbox-to = To
outbox-subject = Subject
outbox-kind = Kind
outbox-state = State
outbox-created = Created
outbox-sent = Sent
outbox-last-error = Last error
outbox-text = Text of the mail
outbox-html = HTML version of the mail
outbox-html-source = Source of the HTML version
outbox-state-queued = queued
outbox-state-sent = sent
outbox-state-failed = failed
