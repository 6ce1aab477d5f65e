# Trainings, sessions, completion, certificates

training-title = Training
training-open-roster = Attendance list
training-open = Training: sessions, completion, certificates
training-settings = Completion rule
training-distance-hours = Distance (self-study) part, hours
training-distance-hint = Leave empty or type 0 if there is none. For example: 10 or 7.5
training-completion-percent = Share of the contact hours a participant must attend, in percent
training-completion-hint = A whole number from 1 to 100; 80 when empty.
training-sessions = Sessions
training-no-sessions = No separate sessions yet: the whole training counts as one ({ $h } contact hours). Add sessions for a training over several days or with breaks.
training-contact-total = { $h } contact hours in all
training-session-when = When
training-session-title = Topic
training-contact = Contact time
training-hours = { $h } h
training-add-session = Add a session
training-session-date = Day
training-session-starts = Starts
training-session-ends = Ends
training-contact-hours = Contact hours
training-contact-hours-hint = Empty: every minute from start to end counts. Less with a lunch break, e.g. 6.
training-completion = Completion
training-completion-summary = { $done } of { $n } participants completed (at least { $percent }% attendance)
training-nobody = Nobody has registered or attended yet.
training-attended = Attended (hours)
training-distance = Distance part
training-distance-done = Done
training-distance-not-done = Not done
training-completed = Completed
training-yes = Yes
training-no = No
training-certificate = Certificate
training-certificates = Certificates
training-issue = { $n ->
    [one] Issue a certificate to 1 person
   *[other] Issue certificates to { $n } people
}
training-issuing = Issuing the certificates
training-issued-of = { $done } / { $total } issued
training-refresh = Refresh
training-batch-done = The last issue made { $total } certificates.
training-all-certified = Everyone who completed has their certificate.
certificate-revoked = Revoked
certificate-revoke = Revoke
certificate-revoke-reason = Reason for revoking
certificate-revoke-explained = The verify page of a revoked certificate then says it is not valid, and since when. Revoking cannot be undone.
roster-sessions = Sessions

verify-title = Verify a certificate
verify-number = Certificate number
verify-number-hint = Printed at the bottom left of the certificate, e.g. 2026-7QH3M-X9RBA-5K.
verify-submit = Verify
verify-mistyped = This is not a valid number. Check what you typed: one wrong character is enough.
verify-unknown = No certificate with this number was issued.
verify-valid = Valid certificate.
verify-revoked = This certificate was revoked on { $date } and is not valid.
verify-field-number = Number
verify-field-name = Name
verify-field-training = Training
verify-field-hours = Hours
verify-field-completed = Training ended

err-hours-too-many = That is too many hours; check what you typed.
err-completion-percent = Type a whole number from 1 to 100.
err-session-outside = The session must fall between the training's start and end.
err-contact-zero = Contact time cannot be 0. Leave it empty to count the whole session.
err-contact-longer = Contact time cannot be longer than the session.
err-session-after-attendance = Attendance for the training as a whole is already recorded. Sessions can only be added before that, or that attendance would no longer count.
err-session-has-attendance = Attendance was recorded at this session, so it cannot be deleted.
err-session-required = Choose the session you are recording attendance for.
err-nobody-to-certify = Nobody to issue a certificate to: nobody met the rule, or everyone has one already.
err-already-revoked = This certificate was revoked already.

audit-training_settings = Training completion rule changed
audit-session_add = Training session added
audit-session_delete = Training session deleted
audit-distance_done = Distance part done
audit-distance_undone = Distance part taken back
audit-certificates_issue = Certificates issued
audit-certificate_revoke = Certificate revoked
err-session-overlap = This session overlaps another session of the training; it would count the same hours twice. Choose another time.
err-untick-certified = This participant already holds a certificate of this training, so their attendance cannot be taken back. Revoke the certificate first.
certificate-revoke-private = Only staff see the reason; the verify page shows only that the certificate was revoked, and when.
