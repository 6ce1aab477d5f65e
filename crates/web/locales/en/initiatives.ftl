## Initiatives

initiative-stage-proposed = Proposed
initiative-stage-explored = Explored
initiative-stage-analysed = Analysed
initiative-stage-selected = Selected
initiative-stage-elaborated = Elaborated
initiative-stage-implemented = Implemented
initiative-stage-set-aside = Set aside

initiative-assistance-mentoring = Mentoring
initiative-assistance-in-kind = In-kind support
initiative-assistance-money = Financial support

initiative-outcome-none = None (yet)
initiative-outcome-ngo = NGO founded
initiative-outcome-club = New club founded

err-text-markup = Contains HTML markup or a script (such as <script> or <img>). Write plain text; do not follow “<” with a letter.
err-initiative-same-stage = The initiative is already at this stage.
err-initiative-skip-reason = Skipping a stage needs a reason: say why it moves on by more than one stage.
err-initiative-back-reason = Moving back needs a reason.
err-initiative-set-aside-reason = Setting aside needs a reason.
err-initiative-reopen-reason = Taking up a set-aside initiative again needs a reason.
err-initiative-amount-money-only = An amount can be given for financial support only.
err-initiative-given-by = Say who gave the support: choose an organisation or type a name.
err-initiative-already-supported = You already support this initiative; each person supports an initiative once.
err-comment-already-reported = You have already reported this comment to the moderator.
err-resident-blocked = A moderator has blocked you from proposing, commenting or asking here.
err-confirm-expired = This confirmation link has expired (links work for 48 hours). Send the form again to get a new mail.

audit-propose_initiative = Initiative proposed
audit-update_initiative = Initiative edited
audit-delete_initiative = Initiative deleted
audit-support_initiative = Initiative supported
audit-withdraw_support = Support withdrawn
audit-comment_initiative = Comment on an initiative
audit-update_comment = Comment edited
audit-delete_comment = Comment deleted
audit-report_comment = Comment reported
audit-move_initiative = Initiative moved to another stage
audit-add_assistance = Support given recorded
audit-delete_assistance = Support given deleted
audit-set_initiative_outcome = Initiative outcome
audit-found_organisation = Founded organisation added
audit-hide_comment = Comment hidden
audit-restore_comment = Comment restored
audit-block_resident = Resident blocked
audit-unblock_resident = Resident unblocked

confirm-mail-subject = Please confirm your request
confirm-mail-initiative-propose = You proposed an initiative. Your proposal appears once you confirm it.
confirm-mail-initiative-support = You asked to support an initiative. Your support counts once you confirm it.
confirm-mail-initiative-comment = You wrote a comment on an initiative. It appears once you confirm it.
confirm-mail-initiative-report = You reported a comment to the moderator. The report reaches them once you confirm it.
confirm-mail-link = Confirm
confirm-mail-expiry = The link works for { $h } hours, once.
confirm-mail-ignore = If this was not you, ignore this mail: nothing will happen.
confirm-mail-footer = You received this mail because someone sent a form on kozos with this e-mail address.

flash-confirm-sent = We have sent you a confirmation mail. Open its link within 48 hours and your request is done.
flash-confirmed = Thank you for confirming: your request is done.
flash-confirmed-again = You have opened this link before; your request was done then.
flash-supported = Thank you for your support!
flash-reported = Thank you, your report has reached the moderator.

initiatives-title = Initiatives
initiatives-lead = Proposals by residents, communities and organisations. Workshops explore, analyse and select them; the selected ones are elaborated and implemented together.
initiatives-propose = Propose an initiative
initiatives-propose-lead = Describe what you would like to do with your community, and why. Your proposal is published in the programme under your name; your e-mail address is not.
initiatives-stage = Stage
initiatives-all-stages = All stages
initiatives-filter = Filter
initiatives-none = No initiatives yet.
initiatives-supports = { $n ->
    [0] No supporters yet.
    [one] 1 supporter
   *[other] { $n } supporters
}
initiatives-proposed-by = Proposed by
initiatives-field-title = Title
initiatives-field-summary = Description
initiatives-field-name = Name (shown publicly)
initiatives-field-comment = Comment
initiatives-plain-text = Plain text; an empty line starts a new paragraph.
initiatives-visitor = Who are you?
initiatives-visitor-hint = Without an account, give your name and e-mail address: we send you a confirmation link, and your request is done when you open it.
initiatives-or-sign-in = Or sign in.
initiatives-email-private = Not published; we only send the confirmation mail to it.
initiatives-submit = Send proposal
initiatives-manage = Manage in the back office
initiatives-support-title = Support
initiatives-support = I support this
initiatives-you-support = You support this initiative.
initiatives-withdraw = Withdraw my support
initiatives-history = The initiative's path
initiatives-at-workshop = at the workshop
initiatives-reason = Reason
initiatives-assistance = Support given
initiatives-comments = { $n ->
    [0] Comments
   *[other] Comments ({ $n })
}
initiatives-hidden-by-moderator = Hidden by the moderator
initiatives-report = Report to the moderator
initiatives-report-submit = Send report
initiatives-add-comment = Write a comment
initiatives-comment-submit = Send comment
initiatives-edit = Edit proposal
initiatives-edit-comment = Edit comment
initiatives-delete-title = Delete for good?
initiatives-delete-text = This will be deleted for good:
initiatives-confirm-title = Confirmation
initiatives-admin-title = Manage initiatives
initiatives-back-to-programme = Back to the programme
initiatives-moderation = Moderation: reported comments
initiatives-moderation-empty = No reported comments.
initiatives-public-page = Public page
initiatives-outcome = Outcome
initiatives-outcome-name = Name of the founded organisation or club
initiatives-outcome-name-hint = A founded NGO is also added to the organisations.
initiatives-move = Move to another stage
initiatives-move-hint = One step forward needs no reason; skipping, moving back and setting aside do.
initiatives-move-to = New stage
initiatives-move-workshop = Workshop where it was decided
initiatives-reason-hint = Required when skipping stages, moving back or setting aside.
initiatives-move-submit = Move
initiatives-moved-meanwhile = Someone changed this initiative meanwhile. Look at where it is now, and send again if you still decide so.
initiatives-no-assistance = No support recorded yet.
initiatives-add-assistance = Record support given
initiatives-assistance-kind = Kind of support
initiatives-given-on = Date
initiatives-amount = Amount (HUF)
initiatives-amount-hint = For financial support only, in whole forints, e.g. 150,000.
initiatives-given-by-org = Supporting organisation
initiatives-given-by = Given by (if not an organisation in the list)
initiatives-note = Note
initiatives-reports = { $n ->
    [one] 1 report
   *[other] { $n } reports
}
initiatives-hide-reason = Reason for hiding (shown on the public page)
initiatives-hide = Hide
initiatives-keep = Show (close the reports)
initiatives-block-reason = Reason for blocking
initiatives-block = Block the author
initiatives-author-blocked = The author is blocked.

ind-source-initiatives_at_stage = Initiatives at or past a stage
ind-source-initiatives_supported = Initiatives given support
ind-source-organisations_founded = Organisations founded from initiatives
ind-initiative-stage = Stage of the initiatives (at least)
ind-ngo-only = NGOs only (not clubs)
err-confirm-too-many = Several confirmation mails to this address are still unopened. Open those first, or try again in two days.
