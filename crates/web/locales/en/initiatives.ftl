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
err-resident-blocked = A moderator has blocked you from proposing or commenting here.
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
