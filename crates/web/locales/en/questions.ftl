## Ask the experts

nav-questions = Ask the experts
questions-title = Ask the experts
questions-lead = Ask the experts of community development: mentors, community developers, the programmes' staff. Your question appears once a moderator has approved it; anyone can read the answers.
questions-ask = Ask the experts
questions-ask-lead = Say briefly what you would like to know. If you ask a programme's experts, choose the programme; if not, the national mentor network answers.
questions-ask-programme = Ask this programme's experts
questions-all-of-programme = All questions and answers of the programme
questions-field-title = Your question in short
questions-field-body = Your question in detail
questions-field-programme_id = Which programme's experts do you ask?
questions-field-settlement = Settlement
questions-field-tags = Tags
questions-field-answer = Answer
questions-programme-hint = Leave it empty and the experts of the national mentor network answer.
questions-moderated-hint = Your question appears once a moderator has approved it. When it is answered, we send you an e-mail.
questions-submit = Send the question
questions-national = National question
questions-all-programmes = All programmes
questions-filter-answered = Answer
questions-filter-all = All
questions-filter-yes = Answered
questions-unanswered = Not answered yet
questions-order = Order
questions-order-answered = Answered first
questions-order-newest = Newest first
questions-answers = { $n ->
    [0] Answers
    [one] 1 answer
   *[other] { $n } answers
}
questions-asked-by = Asked by
questions-no-answer-yet = No answer yet.
questions-give-answer = Answer the question
questions-answer-submit = Publish the answer
questions-edited = edited
questions-edit-answer = Edit the answer
questions-remove-answer = Remove the answer
questions-back = Back to the question
questions-mine-title = My questions
questions-mine-none = You have not asked anything yet.
questions-waiting-hint = A moderator will look at it soon; until it is published only you and the moderators see it.
questions-your-text = Your question's text
questions-refused-reason = The moderator's reason
questions-status-waiting = Waiting for moderation
questions-status-published = Published
questions-status-refused = Not published
questions-queue-title = Moderating questions
questions-queue-lead = Questions waiting to be published, the oldest first. Publish, correct or refuse them with a reason; the asker is told the reason.
questions-queue-empty = No question is waiting for moderation.
questions-publish = Publish
questions-correct = Correct the question
questions-refuse = Refuse
questions-refuse-reason = Why it is refused (the asker is told)
questions-mail-answered-subject = Your question has an answer
questions-mail-answered = An expert has answered your question “{ $title }”.
questions-mail-read = Read the answer
questions-mail-refused-subject = Your question was not published
questions-mail-refused = The moderator did not publish your question “{ $title }”.
questions-mail-ask-again = Ask a new question
flash-question-asked = Thank you for your question! It appears here once a moderator has approved it, and you get an e-mail when it is answered.
confirm-mail-question-ask = You sent a question to the experts. It goes to the moderator once you confirm it.

audit-ask_question = Question to the experts
audit-publish_question = Question published
audit-refuse_question = Question refused
audit-correct_question = Question corrected
audit-answer_question = Question answered
audit-update_answer = Answer edited
audit-remove_answer = Answer removed
