# Attendance sheet and evidence (files on an activity)

evidence-sheet-download = Download the attendance sheet (PDF)
evidence-sheet-hint = The registered names to sign, then { $n } blank rows for people who turn up.

evidence-title = Evidence
evidence-open = Evidence (files)
evidence-intro = Files that evidence the activity: the signed attendance sheet scanned back, photos, the invitation, the memo. Only the staff of the activity's programme and those entitled to audit it can download them.
evidence-none = No file has been uploaded for this activity yet.
evidence-col-kind = Kind
evidence-col-name = File name
evidence-col-size = Size
evidence-col-checksum = Checksum (SHA-256)
evidence-col-uploaded = Uploaded by
evidence-col-actions = Actions
evidence-download = Download
evidence-download-label = Download: { $name }
evidence-delete = Delete
evidence-delete-label = Delete: { $name }
evidence-unknown-uploader = unknown

evidence-kind-attendance_sheet = Signed attendance sheet
evidence-kind-photo = Photo
evidence-kind-invitation = Invitation
evidence-kind-memo = Memo
evidence-kind-other = Other

evidence-upload-title = Upload a file
evidence-field-kind = Kind of file
evidence-field-file = File
evidence-file-hint = PDF, JPEG, PNG or WebP, at most { $limit } MB.
evidence-upload-submit = Upload
evidence-uploaded = The file was uploaded.

evidence-err-file-required = Choose a file.
evidence-err-empty = The file is empty.
evidence-err-too-large = The file is too large: it is over the largest size that can be uploaded.
evidence-err-type = This file is not a PDF, JPEG, PNG or WebP (judging by its content), so it cannot be uploaded.
evidence-err-kind = Choose a kind from the list.

evidence-delete-title = Delete a file

err-activity-has-evidence = This activity has evidence files, so it cannot be deleted. If they are really not needed, delete them one by one on its Evidence page first.
