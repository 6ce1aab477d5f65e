# Registry: people, sensitive data, consents, merging, volunteers

nav-people = People
flash-merged = The two records were merged.

people-title = People
people-new = Add a person
people-edit = Edit a person's details
people-search-label = Name or e-mail address
people-count = { $n ->
    [0] Nothing found.
    [one] { $n } person
   *[other] { $n } people
}
people-pages = Pages
people-page = Page
people-prev = Previous page
people-next = Next page
people-birth-year-hint = Without a birth year, the age band is enough.
people-settlement-hint = The settlement or settlement part, e.g. Kisbér or Ászár.
people-duplicates-title = This person may already be in the registry
people-duplicates-text = Someone with the same name, birth year and settlement, or the same e-mail address, is already recorded. Check whether it is the same person. If not, save anyway; if so, you can merge the two later.
people-save-anyway = Save anyway, this is someone else

field-person-programme = Programme they are added under
field-person-organisation = Organisation they come for
field-age-band = Age band
field-birth-year-or-band = Birth year or age band
age-band-0_13 = 0–13 years
age-band-14_17 = 14–17 years
age-band-18_29 = 18–29 years
age-band-30_49 = 30–49 years
age-band-50_64 = 50–64 years
age-band-65_plus = over 65

person-action-area = Lives in an action area
person-action-area-none = No (or their settlement is unknown)
person-records = Participation
person-no-records = Has not registered for or attended any activity yet.
person-activity = Activity
person-when = When
person-record = Record
person-took-registered = Registration
person-took-attended = Attended
person-took-certified = Certificate
person-certificate-revoked = revoked

consent-title = Consents
consent-none = No consent recorded yet.
consent-withdrawn = Withdrawn
consent-withdraw = Withdraw
consent-add = Record a consent
consent-add-submit = Record consent
consent-given-by-hint = Who gave it: the person, or for a minor the parent's or guardian's name.
field-consent-purpose = Purpose
field-given-on = Date given
field-given-by = Given by
consent-purpose-participation = Taking part in the programme
consent-purpose-sensitive_data = Handling sensitive data
consent-purpose-photos = Photos and video
consent-purpose-newsletter = Newsletter

sensitive-title = Sensitive data
sensitive-none = No sensitive data recorded.
sensitive-edit = Record or change sensitive data
sensitive-explain = These attributes are kept apart from the person's other data, only with a legal basis, and shown only to those entitled to them. Everyone else sees counts. Ticking none removes what is held.
sensitive-basis-hint = For consent, first record the person's consent to handling sensitive data.
sensitive-note-hint = Required for a legal obligation or public task: the law or grant contract it rests on.
field-disadvantaged = Disadvantaged
field-roma = Roma origin
field-disability = Living with a disability
field-legal-basis = Legal basis
field-basis-note = Description of the legal basis
legal-basis-consent = Consent
legal-basis-legal_obligation = Legal obligation
legal-basis-public_task = Public task
err-sensitive-consent = Consent can be the legal basis only once the person's consent to handling sensitive data is recorded and not withdrawn.

merge-link = Merge with another record
merge-with = Merge
merge-title = Merge two records
merge-pick-explain = Pick the record about the same person. You will see both side by side before merging.
merge-search-title = Search the registry
merge-search-none = Nothing found.
merge-explain = Every registration, attendance, consent, certificate and volunteer shift of “{ $name }” moves to “{ $title }”, and missing details are filled in from it. The merged record then disappears from lists. Where both registered for or attended the same activity, one record is kept.
merge-kept = Kept
merge-dropped = Merged into it
merge-submit = Merge
merge-swap = Keep the other record instead
merge-records-count = { $n ->
    [one] { $n } record
   *[other] { $n } records
}
merge-consents-count = { $n ->
    [one] { $n } consent
   *[other] { $n } consents
}
merge-shifts-count = { $n ->
    [one] { $n } volunteer shift
   *[other] { $n } volunteer shifts
}
err-merge-same = A record cannot be merged with itself.
err-merge-out-of-scope = To merge, you need rights in every programme of both people.

roster-of-whom = Of whom:
roster-count-disadvantaged = { $n } disadvantaged
roster-count-roma = { $n } Roma
roster-count-disability = { $n } living with a disability

volunteer-title = Volunteering
volunteer-open = Volunteers and their hours
volunteer-none = No volunteering recorded yet.
volunteer-total = Total
volunteer-hours-value = { $n } h
volunteer-search-title = Find a volunteer in the registry
volunteer-log = Log volunteering
volunteer-log-submit = Log
volunteer-delete = Delete
volunteer-no-choices = Nobody has registered for this activity yet: find the volunteer in the registry.
volunteer-role-hint = For example: registration, buffet, photos.
volunteer-hours-hint = In hours, decimals allowed: e.g. 1.5 or 2.
field-volunteer = Volunteer
field-volunteer-role = Role
field-hours = Hours
err-hours = Not a valid number of hours. For example: 6, 1.5 or 90 min
err-hours-range = Hours must be more than 0 and at most 24.
err-volunteer-person = Pick the volunteer from the list (the programme's registry).

audit-create_person = Person added
audit-update_person = Person's details changed
audit-save_sensitive = Sensitive data recorded
audit-delete_sensitive = Sensitive data removed
audit-add_consent = Consent recorded
audit-withdraw_consent = Consent withdrawn
audit-merge_person = Records merged
audit-add_volunteer_shift = Volunteering logged
audit-delete_volunteer_shift = Volunteering deleted
