# Input validation messages (kozos-domain). The same keys are in hu/validation.ftl.
err-amount-fraction = The forint has no fractions: enter whole forints, for example 22,407,407 or 22,407,407.00.
err-amount-grouping = The digit grouping is ambiguous. Use groups of three with one kind of separator (for example 22,407,407 or 22 407 407), or digits only.
err-amount-too-large = The number is too large (at most 15 digits).
err-count-fraction = Enter a whole number of people.
err-count-too-large = The number of people is too large (at most 9 digits).
err-text-control = Contains an invisible control character. Type the text again, or paste it as plain text.
err-text-bidi = Contains a hidden character that changes the writing direction, so the text would display differently from what it says. Delete it and type the text again.
err-text-combining = Too many accents or marks are stacked on one letter.
err-date-range = Implausible date: enter a date between 1 Jan 1900 and 31 Dec 2100.
err-project-code-lookalike = The project ID contains letters from another alphabet (for example Cyrillic) that look like Latin ones. Type the letters on a Latin keyboard.
err-password-long = The password can be at most 200 characters long.
err-password-common = This password is too common or too easy to guess (for example a common word, a keyboard row, a repetition or part of your e-mail address). Choose a longer, unique one; several words work well.
err-text-invisible = Contains an invisible character (such as a zero-width space, soft hyphen or direction mark) that would make two names that look the same different. Type the text again.
err-text-mixed-script = A word mixes Latin with Cyrillic (or Greek) letters that look alike (such as a Cyrillic "К" for the Latin "K"). Type the word with a Latin keyboard.
err-once-reused = This form was already sent once with other content. Reload the page and send it from there.
