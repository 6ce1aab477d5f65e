search-title = Search
find-label = What are you looking for?
search-submit = Search
search-intro = Search programmes, events, memos, plans, initiatives, good practices, publications, videos and questions. Inflected and unaccented Hungarian words match too: “kozossegek” finds “közösség”.
search-too-common = The words you searched for are too common (such as “a” or “and”). Try a more telling word.
find-none = Nothing found. Try fewer or other words, or remove the filters.
search-count = { $n ->
    [0] No results
    [one] 1 result
   *[other] { $n } results
}
search-kind = Kind
search-kind-all = All
search-kind-programme = Programmes
search-kind-activity = Events
search-kind-series = Event series
search-kind-memo = Memos
search-kind-plan = Action plans
search-kind-initiative = Initiatives
search-kind-practice = Good practices
search-kind-publication = Publications
search-kind-video = Videos
search-kind-study = Local-history studies
search-kind-question = Questions and answers
search-filters = Filters
search-in-programme = Programme:
search-in-place = Settlement:
search-remove-filter = (remove filter)
search-internal = internal, staff only
search-more-from = More from:
search-more-in = More in:
search-pages = Pages
search-prev = ‹ Previous page
search-next = Next page ›
search-page-of = Page { $n } of { $total }
nav-search = Search
