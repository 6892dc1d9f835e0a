## editor
## The report editor (huibao edit): results shown on its page.

editor-sheet-merged = read { $count } indicator(s) from { $sheet }: { $added } added, { $changed } updated, { $unchanged } as in the report
editor-sheet-refused = { $count } cell(s) of { $file } cannot be read; the indicators were not changed. Fix the spreadsheet as listed below and import it again
editor-sheet-report-reads = the report reads its indicators from the spreadsheet { $from } itself ([indicators] from) at every render; { $file } was not imported. To use this one, set from to its file name
editor-sheet-guess = { $name }: { $text }

# An edit that cannot be made (the page's buttons do not normally cause these). $path is the place in the report, such as .achievements[0].items[1].
editor-edit-cannot-move = { $path } cannot move further this way
editor-edit-first-item = { $path } is the first item: there is no item before it to go under
editor-edit-top-level = { $path } is already at the top level
editor-edit-not-sub-item = { $path } is not a sub-item
editor-edit-not-items = { $path } is not a list of items
editor-edit-not-value = “{ $raw }” is not a value: a number, a date, true/false or quoted text
editor-edit-no-key = { $path } names no key
editor-edit-not-values = { $path } is not a list of numbers or texts
editor-edit-no-item = { $path } has no item { $number }
editor-edit-not-list = { $path } is not a list
editor-edit-not-table = { $key } in { $path } is not a table
editor-edit-needs-index = { $key } in { $path } is a list: say which item
editor-edit-no-list = there is no such list at { $path }
editor-no-report = no report file is open
editor-cannot-read = cannot read { $path }: { $reason }
editor-not-toml = { $path } is not a valid TOML file: { $detail }
editor-exists = { $path } exists already: choose another file name

# The preview's count of the PDF's pages.
editor-pdf-pages = { $count ->
    [one] PDF: 1 page
   *[other] PDF: { $count } pages
}
