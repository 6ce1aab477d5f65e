# Registration, tickets, attendance

field-person-name = Name
field-phone = Phone number
field-birth-year = Year of birth

register-title = Registration
register-full = All places are taken.
register-waiting-count = { $n ->
    [one] One person is waiting for a place.
   *[other] { $n } people are waiting for a place.
}
register-places-left = { $n ->
    [0] No places left.
    [one] One place left.
   *[other] { $n } places left.
}
register-you-have-place = You have a place at this event.
register-you-wait = You are on the waiting list: we will e-mail you if a place frees up.
register-open-ticket = Open your ticket
register-as = Register with this account:
register-email-hint = We send the confirmation with your ticket code and the cancellation link here.
register-privacy = We keep only your name and e-mail address, to organise the event and to record attendance.
register-submit = Register
register-join-waiting = Join the waiting list
flash-registered = You are registered. Here is your ticket.
flash-cancelled = Your registration is cancelled.

err-registration-not-open = Registration has not opened yet.
err-registration-closed = Registration is closed.
err-registration-not-public = This event does not take public registrations.
err-cancel-after-end = The event has ended; the registration is part of its record and cannot be cancelled.
err-person-or-name = Give either the person's id, or a name and e-mail address, not both.
err-capacity-below-registrations = More people already have a place than this capacity. Cancel some registrations first, or give a larger capacity.
err-activity-has-participants = People registered for or attended this activity, so it cannot be deleted. Make it internal, or cancel the registrations first.
err-phone = Not a valid phone number. For example: +36 30 123 4567
err-birth-year = Not a valid year of birth (four digits, e.g. 1984).
err-age-band-mismatch = The age band does not match the year of birth. One of them is enough.
err-legal-basis = Sensitive data may only be kept with a recorded legal basis: choose one.
err-basis-note = Name the law or contract the processing rests on.
err-batch-too-large = At most 1000 scans can be sent at once.
err-client-id = The client id (client_id) must be 1–100 visible characters.
err-datetime-rfc3339 = Give the time in RFC 3339 form, e.g. 2026-11-28T17:05:00Z.

ticket-title = Ticket
ticket-status = Status
registration-status-confirmed = Place confirmed
registration-status-waiting = On the waiting list
registration-status-cancelled = Cancelled
ticket-qr-label = The ticket's QR code
ticket-code = Ticket code:
ticket-show-at-door = Show this code at the door on your phone or printed, or read out the ticket code.
ticket-waiting = You are on the waiting list. If a place frees up, we e-mail you the ticket code.
ticket-cancelled = This registration is cancelled.
ticket-cancel-link = I cannot come after all: cancel my registration
cancel-title = Cancel registration
cancel-question = Do you really want to cancel your registration for this event:
cancel-submit = Yes, cancel it
cancel-keep = No, keep it

roster-title = Attendance list
roster-tick = Present
roster-untick = take back attendance
roster-present = ✓ Present
roster-count-present = Present: { $n }
roster-count-registered = Registered: { $n }
roster-none-registered = Nobody has registered yet. Add people as they arrive below.
roster-walk-ins = Came without registering
roster-search-title = Search the registry
roster-search-label = Name or e-mail address
roster-search = Search
roster-search-none = No match. Add them below as a new participant.
roster-new-person = Add a new participant
roster-add-walk-in = Add and mark present

checkin-title = QR check-in
checkin-open = Open QR check-in
checkin-needs-script = Reading codes needs JavaScript. Without it, tick arrivals on the attendance list.
checkin-camera = Turn on the camera
checkin-code-label = Ticket code
checkin-code-hint = Scan the QR code, or type the 17-character code (hyphens and letter case do not matter).
checkin-submit = Check in
checkin-recent = Recent scans
checkin-ok = Checked in: { $name }
checkin-already = Already in: { $name }
checkin-queued = Recorded on this device while offline: { $name }. It is sent when the network is back.
checkin-offline = No network. Scans wait on this device and are sent when it reconnects.
checkin-online = Online.
checkin-pending = Waiting to be sent: { $n } scans.
checkin-synced = All scans sent.
checkin-sync-failed = Sending failed; it will be retried.
checkin-no-camera = The camera is not available. Type the code.
checkin-malformed = This is not a ticket code.
checkin-forged = Wrong code: a typo or a fake ticket. Ask them to show it again.
checkin-unknown = Unknown ticket: there is no such registration.
checkin-other-activity = This ticket is for another event.
checkin-cancelled = This registration was cancelled.
checkin-waiting = They are on the waiting list and have no place.
checkin-too-early = Too early: check-in opens two hours before the start.
checkin-expired = The ticket has expired: the event ended more than two hours ago.
checkin-future-scan = The scan's time is in the future: check the device's clock.

audit-register = Registration
audit-cancel_registration = Registration cancelled
audit-untick = Attendance taken back
audit-walk_in = Walk-in participant added
