## The frame of every diagnostic: "file:line:column: error: message (help)".

diagnostic-line = { $severity ->
    [warning] warning
   *[error] error
}: { $message }
diagnostic-line-at = { $location }: { $severity ->
    [warning] warning
   *[error] error
}: { $message }
diagnostic-with-help = { $line } ({ $help })
diagnostic-placed = { $place }: { $message }

## Why a file could not be read or written.

io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-folder = it is a folder
io-not-a-folder = a part of the path is not a folder
io-read-only = the disk is read-only
io-disk-full = the disk is full
io-invalid-data = the data is not valid
io-other = { $detail }
io-with-detail = { $reason } ({ $detail })
value-as-written = { $value }

## Reading the report file.

error-read-file = cannot read { $path }: { $reason }
error-read-not-utf8 = { $path } is not UTF-8 (invalid byte at offset { $offset })
error-read-not-utf8-help = save the file as UTF-8 (in WPS/Notepad: 另存为 → 编码 UTF-8)

## TOML syntax and the keys of the report.

load-syntax = { $detail }
load-syntax-label = here
load-syntax-help = check the TOML syntax near this place (strings need quotes, tables [[…]] brackets)
load-syntax-help-detail = TOML syntax: { $detail }
load-unknown-key = unknown key `{ $key }`
load-unknown-key-label = not a key of this table
load-unknown-key-suggest = did you mean `{ $suggestion }`? Keys here: { $keys }
load-unknown-key-keys = keys allowed here: { $keys }
load-missing-key = missing required key `{ $key }`
load-missing-key-label = this table needs `{ $key }`
load-missing-key-help = add `{ $key } = …` (see `huibao new` for a complete report)
load-wrong-type = { $detail }
load-wrong-type-label = wrong type
load-type-help-date = write the date without quotes: date = 2022-07-08
load-type-help-number = write a number without quotes or units: value = 123.5
load-type-help-bool = write true or false, without quotes
load-type-help-text = put the text in double quotes: "……"
load-type-help-list = write a list in square brackets, or [[…]] tables for a list of entries
load-type-help-table = this key is a table: write [its.name] with its keys on the lines below, or name = {"{"} key = … {"}"}
load-type-help-schema = see `huibao schema` for the type each key takes
load-bad-value = { $detail }
load-bad-value-label = not allowed here
load-value-help-whole = write a whole number from 0 to { $max }
load-value-help-expected = expected { $expected }
load-value-help-schema = see `huibao schema` for the values each key takes
load-unknown-value = `{ $value }` is not one of the values allowed here
load-unknown-value-label = unknown value
load-unknown-value-suggest = did you mean { $suggestion }? Values: { $values }
load-unknown-value-values = write one of { $values }

## [report]: period, date, organization, title, document number.

period-invalid = `{ $period }` is not a period: { $reason }
period-year-zero = there is no year 0 (1 BC is followed by AD 1): write the year the report covers
period-year-digits = the year must have four digits
period-month-digits = months are written 01 to 12
period-month-range-form = write months as 2022-01..2022-09
period-month-range-years = a month range must stay within one year
period-month-range-order = the first month comes after the last
period-forms = use 2022, 2022-H1, 2022-H2, 2022-Q3 or 2022-01..2022-09
load-period-label = bad period
load-period-help = write period = "2022", "2022-H1", "2022-H2", "2022-Q3" or "2022-01..2022-09"
load-date = `{ $value }` is not a date
load-date-label = expected a calendar date
load-date-help = write date = 2022-07-08 (a TOML date without quotes, no time)
load-empty-key = `{ $key }` is empty
load-organization-help = write the full name, e.g. organization = "某经济技术开发区管委会"
load-title-help = remove the key to derive the title from organization and period
load-document-number-form = document number "{ $number }" is not in the official form
load-document-number-form-help = write it as 某管发〔2022〕5号: the year in 〔〕 (U+3014/U+3015), the number without leading zeros, ending in 号
load-document-number-zero = document number "{ $number }" has a leading zero
load-document-number-zero-help = write 5号, not 05号

## Indicators.

load-indicator-no-name = an indicator has an empty name
load-indicator-no-name-help = name it as prose cites it: name = "营业收入"
load-indicator-twice = indicator "{ $name }" is defined twice
load-indicator-twice-label = second definition
load-indicator-twice-help = the first is on line { $line }; remove one or rename it
load-indicator-change-too-large = indicator "{ $name }": the change from { $previous } to { $value } is too large to print
load-indicator-previous-label = last year's value
load-indicator-change-too-large-help = check `previous` (the same period last year, in the unit of `value`); remove it if there is no comparable figure
load-indicator-rate-too-large = indicator "{ $name }": { $value } of a target of { $target } is a rate too large to print
load-indicator-target-label = the annual target
load-indicator-rate-too-large-help = check `target` (the annual target, in the unit of `value`)
load-indicator-target-not-positive = indicator "{ $name }" has a target of { $target }
load-indicator-target-not-positive-help = a target must be above zero; remove it if there is none
load-indicator-no-unit = indicator "{ $name }" has no unit
load-indicator-no-unit-help = set unit = "亿元" (or 万元, %, 个, 家, 项, 亩 …)
load-sheet-from-empty = `from` names no spreadsheet
load-sheet-from-empty-help = write the statistics spreadsheet's path, relative to this report: from = "stats.xlsx"
load-sheet-name-empty-help = write the sheet's name as its tab shows it (sheet = "Sheet1"), or remove the key to read the first sheet with an indicator table
load-sheet-range = `{ $range }` is not a range of cells
load-sheet-range-label = expected a range such as A3:G20
load-sheet-range-help = write the top-left and bottom-right cells with a colon: range = "A3:G20" (columns A to XFD, rows from 1)

## Items, tables and attachments.

load-attachment-empty = attachment "{ $title }" has no content
load-attachment-empty-help = give it `text`, a `table`, `indicator_table = true` or a `chart` (any of them together)
load-item-too-deep = items in [[{ $part }]] nest deeper than four levels
load-item-too-deep-label = the fifth level
load-item-too-deep-help = headings go 一、（一）1.（1） and no deeper; fold this item into its parent's text
load-item-empty = an item in [[{ $part }]] is empty
load-item-empty-label = nothing under this item
load-item-empty-help = give each item a `title`, a `text`, or both; or remove it
load-item-title-empty = an item's title is empty
load-item-title-empty-help = write the heading, or remove `title` to run the number into the text
load-item-title-lines = a title must stay on one line
load-item-title-lines-help = put the prose under `text` instead
load-table-no-columns = a table has no columns
load-table-no-columns-help = name the header cells: columns = ["序号", "项目名称"]
load-table-row-cells = this row has { $cells } cells but the table has { $columns } columns
load-table-row-cells-help = give every row one cell per column; use "" for an empty cell
load-table-zero-width = `widths` gives a column no width (0)
load-table-zero-width-label = this table's `widths`
load-table-zero-width-help = widths are relative weights, each 1 or more: widths = [1, 4, 2]; or leave `widths` out to fit the columns to their content
load-table-entries = `{ $key }` has { $entries } entries but the table has { $columns } columns
load-table-entries-help = give `{ $key }` one entry per column, or leave it out

## [style].

load-colour = `{ $value }` is not a colour
load-colour-help = write red = "#C8102E"
load-font-role = unknown font role `{ $role }`
load-font-role-suggest = did you mean `{ $suggestion }`? Roles: { $roles }
load-font-role-roles = roles: { $roles }
load-font-no-families = font role `{ $role }` lists no families
load-font-no-families-help = name at least one: families = ["仿宋_GB2312", "仿宋"]; or leave `families` out to keep the preset's
load-font-size = font size { $size } pt is out of range
load-font-size-help = sizes run from 5 to 72 pt; 3号 is 16, 2号 is 22

## Last period's report (previous).

previous-unusable = last period's report { $path } cannot be used
previous-unusable-help = fix the errors below in that file, or point `previous` at another one
previous-not-a-report = last period's report { $path } is not a huibao report: it has no [report] table
previous-not-a-report-help = point `previous` (or --previous) at last period's report TOML, e.g. previous = "park-2021h1.toml"
previous-this-file = this file
previous-wrong-period = last period's report covers { $covers } but 同比 needs { $wanted }: its figures were not used as `previous`
previous-wrong-period-help = pass the report of { $wanted } for 同比, or set `previous` on each indicator
previous-no-printable-growth = indicator "{ $name }": last year's { $value } { $unit } gives no printable 同比
previous-set-by-hand-help = set `previous` by hand
previous-unit-differs = indicator "{ $name }" is in { $unit } here but in { $previous_unit } last year: no 同比 from it
previous-unit-differs-help = use the same unit, or set `previous` by hand
previous-plan-period = last period's plan is for { $planned }, this report covers { $covers }: the plan follow-up may not apply
previous-plan-period-help = for the plan follow-up pass the report of the period just before this one
previous-plan-item = last period's plan item "{ $title }" is not reported on in this period's work
previous-plan-item-label = planned here
previous-plan-item-help = say in [[achievements]] what became of it (done, in progress or dropped)

## Writing the outputs, batches, backends.

write-cannot = cannot write { $path }: { $reason }
write-target-is-input = it is { $what } { $path }, read in this run: writing it would replace it, so nothing was written
write-folder-locked = another huibao has been writing into { $folder } for { $seconds } s
write-file-not-folder = { $path } is a file, not a folder
write-dangling-link = { $path } is a link to a folder that does not exist
write-folder-in-the-way = a folder is in the way of { $path }
write-not-replaceable = { $path } is not a file that can be replaced
write-open-elsewhere = { $path } is open in another program (Word or WPS?)
batch-folder-unreadable = cannot read folder { $path }: { $reason }
batch-missing = { $path }: no such report file or folder
batch-empty-folder = { $path }: no report (*.toml) in this folder
batch-same-stem = { $first } and { $second } would both write { $stem }.*: rename one, or render them in two runs with different --out folders
batch-threads = cannot start { $jobs } worker threads: { $reason }
batch-panic = internal error while rendering { $report }: { $detail } (please report this bug)
render-failed = { $format } output of { $report } failed: { $reason }
font-missing-glyph = no font has the character “{ $character }” ({ $code })
font-missing-glyph-label = this character
font-missing-glyph-help = write another character, or give a font that has it with --font-dir (fonts tried: { $fonts })

## Lint warnings: what GB/T 9704 and good Chinese text want.

lint-signature-alone = the signature may be left on a page without body text: the last paragraph before it takes about { $body_lines } lines and the attachment note and signature { $closing_lines } more, over the { $page_lines } lines of a page, and no sentence end leaves a few lines to cut off, so a word processor that keeps a paragraph whole cannot move it along
lint-signature-alone-help = split the last paragraph: GB/T 9704 wants body text on the signature's page
lint-this-paragraph = this paragraph
lint-heading-punctuation = heading "{ $heading }" ends with punctuation
lint-heading-punctuation-help = headings of levels 1–2 stand without closing punctuation
lint-not-printed = not printed
lint-part-title-unprinted = the part title "{ $title }" is not printed: the part has no items and no text
lint-part-title-unprinted-help = add [[{ $key }]] items or a `text` under [parts.{ $key }], or remove the title
lint-red-header-only = `{ $key }` is not printed: only the red header (版头) shows it, and it is off
lint-red-header-only-help = set red_header = true in [report] to print the red header, or remove the key
lint-indicator-unprinted = indicator "{ $name }" is not printed: no text cites it and no indicator table or chart shows it
lint-indicator-unprinted-help = cite it in the text with {"{{"}indicator "{ $name }"{"}}"}, set indicator_table = true under [summary], or remove it
lint-here = here
lint-number-comma = "{ $pattern }": no 、 after a number in parentheses
lint-number-comma-help = write （一） or （1） without a following 、
lint-half-width = half-width "{ $mark }" in Chinese text
lint-half-width-help = use full-width punctuation ，；：？！（） in Chinese text
lint-space = space between Chinese characters
lint-space-help = Chinese text has no spaces; remove it
lint-doubled = doubled punctuation "{ $marks }"
lint-doubled-help = keep one mark

## Expressions in prose ({{indicator "…"}}).

prose-expression-refused = prose expression cannot be used: { $detail }
prose-expression-invalid = prose expression is not valid: { $detail }
prose-expression-invalid-help = write expressions like {"{{"}indicator "营业收入"{"}}"}; for a literal `{"{{"}` write `\{"{{"}`
prose-known-names = known names: { $names }
prose-unknown-name = cannot fill in prose: `{ $name }` is not a known name
prose-unknown-helper = cannot fill in prose: `{ $name }` is not a known helper
prose-fill-failed = cannot fill in prose: { $detail }
prose-no-target = indicator “{ $name }” has no annual target (target), so no completion rate can be printed: give it a target, or do not cite its completion rate in the text
prose-no-growth = indicator “{ $name }” has no comparable figure of the same period last year (previous), so no year-on-year change can be printed: give it a previous, or do not cite its change in the text
template-each-budget = the each loops of the template ran more than { $limit } rounds in all (loops nested over one list multiply): loop over fewer items or nest the loops less deeply
prose-needs-name = `{ $helper }` needs an indicator name in quotes
prose-needs-name-help = write {"{{"}{ $helper } "营业收入"{"}}"}
prose-unknown-indicator = prose cites indicator "{ $name }", which the report does not define
prose-unknown-indicator-label = no [[indicators]] entry has this name
prose-unknown-indicator-suggest = did you mean "{ $suggestion }"? Or add an [[indicators]] entry named "{ $name }"
prose-unknown-indicator-add = add an [[indicators]] entry with name = "{ $name }"

## Limits of what huibao reads and sets.

build-table-too-large = a table of { $columns } columns and { $rows } rows is larger than huibao sets ({ $max_columns } columns, { $max_cells } cells)
build-this-table = this table
build-table-too-large-help = split it into several tables, or give it as an attachment of its own
build-paragraph-too-long = a paragraph of { $length } characters is longer than { $max }, the most huibao sets
build-in-this-text = in this text
build-paragraph-too-long-help = break it into paragraphs: a blank line starts a new one
scan-more = { $count } more place(s) like the ones above
scan-not-finite = `{ $value }` is not a number that can be printed
scan-not-finite-label = not a finite number
scan-not-finite-help = write a number such as 123.5 (inf, nan and numbers beyond ±1.8e308 have no printed form)
scan-too-large = this number is too large to print exactly
scan-too-large-label = too large
scan-too-large-help = numbers in a report stay below 9007199254740992 (2^53); give large amounts in a larger unit, e.g. 亿元 instead of 元
scan-control = { $what } cannot be printed{ $count ->
    [1] {""}
   *[other] {" "}({ $count } in { $place ->
        [key] a key
       *[text] this text
    })
}
scan-control-label = an invisible character here

## Characters that cannot be printed, and figures with no rate (core's chars and indicator).
chars-control = control character { $code }{ $name ->
        [none] {""}
       *[other] {" "}({ $name })
    }
chars-bidi-control = bidirectional control { $code }{ $name ->
        [none] {""}
       *[other] {" "}({ $name })
    }
chars-control-help = remove it (and any escape such as \b or \u0008 that writes it): text may hold tabs and line breaks but no other control characters; they often come from text copied out of another program
chars-bidi-control-help = remove it (and any escape such as \u202E that writes it): it reverses or reorders the text around it where a program honours it, so the HTML page and Word would show other figures than the PDF; it often comes from text copied out of a web page
rate-zero-base = previous = 0, so no growth rate can be given
rate-loss-to-zero = a loss last year and 0 this year: no rate of change is true (neither 扭亏为盈 nor 减亏)
rate-too-large = the change is too large to print
completion-target-not-positive = a target must be above zero
completion-negative-value = the value is below zero, so no share of the target is printed (a negative completion rate means nothing)
completion-too-large = the completion rate is too large to print

## One way in: a file that is not read (core's input).
read-kind-report = the report
read-kind-previous-report = last period's report
read-kind-spreadsheet = the spreadsheet
read-kind-import-text = the text to import
read-kind-import-docx = the Word document to import
read-kind-plugin-manifest = the plugin's plugin.toml
read-kind-plugin-template = the plugin's template
read-kind-plugin-library = the native plugin's library
read-kind-font = the font file
read-type-folder = a folder
read-type-character-device = a character device
read-type-block-device = a block device
read-type-fifo = a FIFO (named pipe)
read-type-socket = a socket
read-type-other = not a regular file
read-missing = { $path } does not exist
read-missing-help = check the path (a path in a report is relative to the report's folder)
read-folder = { $path } is a folder, not a file
read-folder-help = name { $kind } itself, not its folder
read-not-regular = { $path } is { $what }, not a regular file
read-not-regular-link = { $path } is a link to { $what }, not to a regular file
read-not-regular-help = huibao reads regular files only: save the content to a file and name that file
read-dangling-link = { $path } is a link to { $to }, which does not exist
read-too-large = { $path } is larger than { $limit }{ $size ->
        [none] {""}
       *[other] {" "}({ $size })
    }, the most huibao reads for { $kind } (limit { $limit_name })
read-changed = { $path } changed while it was opened: it is no longer the regular file it was
read-io = cannot read { $path }: { $reason }
read-io-help = check the path and that the file is readable
read-permission-help = check that the file is readable by you
read-too-large-help-report = check that this is the report; a report is text and stays far below this (put long material in attachments of their own)
read-too-large-help-spreadsheet = copy the indicator table into a workbook of its own and read that
read-too-large-help-import-text = import last period's report itself: a report's text is far below this (split off appendices and data)
read-too-large-help-import-docx = save a copy without pictures and embedded files (Word: 文件 → 另存为, compress pictures) and import that
read-too-large-help-plugin-file = a plugin's files are short text: check that this is the plugin's file
read-too-large-help-plugin-library = build the plugin in release mode and strip it; a plugin library is a few MiB
read-too-large-help-font = use the font's own file (.ttf, .otf, .ttc), not an archive or a disk image

## Dates, figures with no printed rate, plugin sections, variation selectors.
lint-the-period = the period
lint-the-date = the date (成文日期)
lint-year-implausible = { $what } is in { $year }: a park's report is about a year from { $first } to { $last }
lint-year-implausible-label = check the year
lint-year-implausible-help = check the year: a digit may be mistyped (2202 for 2022)
lint-date-before-period-end = the date (成文日期) { $date } is more than three months before the period { $period } ends on { $end }
lint-date-before-period-end-label = months before the period's end
lint-date-before-period-end-help = a summary is dated when it is signed, after the period it reports on: check `date` and `period`
lint-no-change = indicator "{ $name }" has { $reason }: no 同比 change is printed
lint-no-change-label = no change printed
lint-no-change-zero-base-help = remove `previous` or give last year's real figure
lint-no-change-help = say in the text how the figure changed, or remove `previous`
lint-no-completion = indicator "{ $name }": { $reason }
lint-no-completion-label = no completion rate printed
lint-no-completion-help = say in the text how far the target is met, or remove `target`
build-plugin-forbidden = the plugin's section holds { $what }, which cannot be printed
build-plugin-section-label = this section
build-plugin-forbidden-help = fix the plugin or its config: text may hold tabs and line breaks but no other control characters
render-variant-fallback = the variation selector { $selector } after “{ $base }” cannot be shown in the font { $font }; the base glyph is drawn ({ $place }: “{ $context }”)
render-variant-fallback-label = this variation selector
render-variant-fallback-help = the DOCX and HTML keep the variant; for the PDF and OFD install a font with this variant (an IVS font such as Noto Serif CJK) or give one with --font-dir; the text layer keeps { $selector }

## Templates ({{…}} in the report's text and in template plugins): what cannot be used.

guard-partial = partials ({"{{"}> …{"}}"}) cannot be used here
guard-partial-help = write the text out where it is needed; templates in huibao have no partials
guard-decorator = decorators and inline partials ({"{{"}* …{"}}"}, {"{{"}#*inline …{"}}"}) cannot be used here
guard-too-deep = expressions nest deeper than { $max } levels
guard-too-deep-help = split the expression: nest blocks ({"{{"}#if{"}}"}, {"{{"}#each{"}}"}, {"{{"}else if{"}}"}) and (…) subexpressions less deeply

## Fonts and page layout
layout-font-unusable = cannot use font { $path }: { $reason }
font-reason-with-help = { $reason } ({ $help })
font-not-mapped = the file cannot be mapped: { $detail }
font-not-a-font = it is not a font file huibao can read ({ $detail })
font-cut-short = it is cut short: its table `{ $table }` ends at byte { $end }, but the file has { $size } bytes
font-outlines-unreadable = its glyph outlines cannot be read
font-unreadable = the file cannot be read
layout-font-dir-missing = the font folder { $path } does not exist (check --font-dir and HUIBAO_FONT_DIR)
layout-no-font = no font for { $role } (wanted: { $families }); install one or give --font-dir
layout-missing-glyph = no font has the character “{ $character }” ({ $code }) in { $place }: “{ $context }” (fonts tried: { $tried })
