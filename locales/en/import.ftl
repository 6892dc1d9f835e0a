## import

## Lists of places and reasons
import-list-and = { $first } and { $last }
import-list-comma = { $first }, { $next }
import-list-semicolon = { $first }; { $next }

## Where a field was found (the source of a decision)
import-from-signature = the signature
import-from-title = the title
import-from-red-header = the red header
import-organization-opening = the opening names "{ $name }"; check the full name
import-organization-guessed = guessed from the text ("{ $name }"); write the full name
import-organization-missing = not in the source; write the full name
import-date-metadata = the date is the page's metadata row “{ $row }”
import-date-incomplete = the signature's date “{ $written }” is incomplete
import-date-missing = the source has no date
import-date-stands-in = { $why }: the day after the period stands in; set the report's date
import-period-from = from { $places }
import-period-from-both = the year from { $year }; { $shape } from { $places }
import-period-months-from-table = { $source }; the months from the indicator table ({ $phrase })

## The places that name a period
import-place-title = the title
import-place-opening-sentence = the opening sentence { $text }
import-place-opening = the opening { $text }
import-place-heading = the heading { $text }
import-place-compared = “{ $text }” (a year before)
import-place-plan-heading-before = the plan's heading { $text } (the year before the plan's)
import-place-plan-heading-same = the plan's heading { $text } (the same year)
import-place-signature-date = the signature's date ({ $date })
import-place-plan-text = the plan's text { $text }
import-place-text = the text “{ $text }”
import-place-text-times = the text “{ $text }”, named { $times } times
import-candidate = { $value } ({ $places })
import-year-most-named = the year named most in the text ({ $year })
import-year-end-state = the state at the year's end “{ $text }”
import-year-before-page-date = the year before the web page's date ({ $date })
import-year-of-page-date = the year of the web page's date ({ $date })
import-year-not-written = not written in the source, this year stands in
import-year-not-written-but = not written in the source, this year stands in; it writes { $written }
import-shape-year = the whole year
import-shape-first-half = the first half
import-shape-second-half = the second half
import-shape-quarter = quarter { $quarter }
import-shape-months = months { $first }-{ $last }
import-shape-none = nothing (the whole year assumed)

## The parts, for messages
import-part-achievements = work done
import-part-problems = problems
import-part-plan = plan

## Doubts: what the reader should check
import-doubt-year-outweighs = the year { $year } ({ $places }) outweighs { $against }: check the period
import-doubt-year-only-from = the year { $year } is only from { $places }: check the period
import-doubt-year-is = the year is { $from }: check the period
import-doubt-shape-outweighs = { $shape } ({ $places }) outweighs { $against }: check the period
import-doubt-no-shape = no part of the year is named: the whole year is assumed
import-doubt-no-parts = no numbered parts (一、…) were found: everything is in the opening text
import-doubt-organization = organization "{ $name }": { $source }
import-doubt-date-stands-in = { $why }: date = { $date } (the day after the period) stands in
import-doubt-table-in-part = a table opening the part "{ $heading }" is not printed: it is kept as a comment
import-doubt-attachment-listed = the attachment "{ $title }" is listed above the signature but is not in the source: give its content or delete it
import-doubt-figure-ambiguous = "{ $name }" has different values in the text: not made an indicator
import-doubt-not-a-part = "{ $heading }" is not a part of the model (work done, problems, plan); its text went to the opening
import-doubt-no-part-heading = "{ $heading }" has no part heading above it: it became an item of an untitled work-done part
import-doubt-extra-part = "{ $heading }" became an item of the { $part } part: a report has at most one part each of work done, problems and plan
import-doubt-plan-announced = the headings after "…以下…工作：" have no part heading: they were taken as the plan
import-doubt-topics = the top-level headings are topics, not parts: they became items of the work done
import-doubt-parts-reordered = the parts are printed in the order work done, problems, plan, which differs from the source
import-doubt-items-fifth-level = the items under "{ $heading }" would be a fifth level; they were kept as text
import-doubt-numbered-differently = the items under "{ $heading }" are numbered { $written } in the source and will print as { $printed } (numbers follow the level)
import-doubt-numbering-jumps = numbering jumps from { $from } to { $to } at "{ $line }"; check that nothing is missing
import-doubt-numbering-breaks = "{ $line }" does not continue the numbering (after { $last }); kept as text
import-doubt-fifth-level = "{ $line }" would be a fifth outline level; kept as text
import-doubt-starts-late = the outline starts at "{ $line }" rather than at number one
import-doubt-ocr-slip = “{ $written }” reads like an OCR slip for “{ $read }”: kept as written; correct it in the text
import-doubt-full-stop-in-number = “{ $written }” has a full stop between digits, perhaps an OCR slip for “{ $read }”: kept as written

## Comments in the written TOML
import-toml-header =
    Imported by `huibao import` from { $source }.
    The text is the source's; numbers (一、（一）1.（1）一是) are regenerated when rendering.
    Lines marked CHECK were guessed: read them, then run `huibao check` and `huibao render`.
import-check = CHECK: { $note }
import-note-masked =
    figures and names masked in the source (* or x) are kept as written.
    Put the real ones in the text; to make a figure an indicator, add
    { "[[indicators]]" } with its name, value and unit:
import-note-masked-item = “{ $written }” in “{ $clause }”
import-note-part-without-items = The { $part } part has no numbered items in the source.
import-note-attachment-listed = the source lists this attachment above the signature but does not hold it; give its text or table, or delete it.
import-note-leftovers = Not placed (found below the signature):
import-note-removed = Removed from the source as clutter:
import-remark-table-in-opening = A table in the opening (the opening takes no table): { $table }
import-remark-table-in-part = A table opening the part "{ $heading }" in the source (a part takes no table): { $table }
import-remark-heading-dropped = The heading "{ $heading }" was dropped: its text is part of the opening.
import-remark-second-table = A second table of this item (the report allows one per item): { $table }
import-comment-from-text = From the text: “{ $text }”
import-comment-worked-back =
    { $before }
    CHECK: { $key } = { $value } is worked back from “{ $from }”, not read: put { $what } if you have it.
import-comment-set-key = { $before } ({ $from }; set `{ $key }` to { $what })
import-comment-worked-back-table = CHECK: previous = { $value } is worked back from the table's { $column } ({ $written }), not read: put last year's figure if you have it.
import-what-previous = last year's figure
import-what-target = the annual target

## Why a line was removed as clutter
import-why-page-number = page number
import-why-previewer-page-number = page number of an online previewer
import-why-running-header = page number or running header, by its place on the page
import-why-page-header = page header (the title repeated)
import-why-field-code = a Word field code left in the text
import-why-listed-outline = the outline (提纲) listed before the body
import-why-teaser = a site's teaser: the text below, cut short
import-why-inline-notice = a site's notice inside a line of report text
import-why-site-notice = site notice
import-why-related-pages = list of related pages
import-why-related-link = link to a related page
import-why-web-address = web address
import-why-copyright = copyright notice
import-why-source-notice = source notice
import-why-download = download notice
import-why-navigation = web-page navigation
import-why-timestamp = web-page timestamp
import-why-site-name = site name
import-why-metadata = web-page metadata (date, source, index number)
import-why-sharing-site = document-sharing site
import-why-customer-service = customer-service contact
import-why-site-page-title = site's page title
import-why-tag-title-fragment = tag line: a fragment of the title
import-why-tag-year = tag line: a year alone
import-why-tag-line = tag line
import-why-tag-organization = tag line: the organization, repeated in the title below
import-why-title-repeated = title repeated
import-why-page-title = page title
import-why-framed-title = the title as a web page framed it
import-why-title-repeated-start = title repeated at the start of the text
import-why-unnamed = not part of the report

## Why a file cannot be imported
import-error-empty = { $path } is empty: there is nothing to import
import-error-not-text = { $path } cannot be imported: { $why }
import-error-docx = { $path } is not a readable Word document: { $reason }
import-error-no-paragraphs = { $path } has no paragraphs with text
import-error-too-large = { $path } is too large to import: { $reason }
import-error-unsupported = { $path } cannot be imported: it is { $what }
import-error-protected = { $path } cannot be imported: it is { $what } protected by a password
import-error-damaged = { $path } cannot be read as { $format }: { $reason }
import-error-scanned = { $path } is a scan (扫描件): its { $pages } page(s) have no text layer, so there is no text to import
import-help-empty = choose the file that holds last period's report
import-help-unsupported = huibao imports .txt (UTF-8, UTF-16, GBK), .docx, .doc, .wps, .pdf with a text layer, .html, .htm, .mhtml, .odt and .ofd: open the report in Word or WPS and save it as .docx, or copy its text into a .txt file
import-help-protected = open it with its password (in Word, WPS or a PDF reader), save a copy without the password, and import that
import-help-damaged = open it in Word or WPS (a PDF in a PDF reader, a page in a browser) and save it again as .docx or .txt, or copy its text into a .txt file
import-help-scanned = run OCR (text recognition) on the scan first, in WPS or a PDF reader, and import the text it gives as .txt or .docx
import-help-docx = open it in Word or WPS and save it again as .docx (Word 2007 or later), or copy its text into a .txt file
import-help-no-paragraphs = the report may be in text boxes, images or a scanned page; copy its text into a .txt file and import that
import-help-too-large = a work report is far smaller; if this is the right file, copy its text into a .txt file and import that
import-binary-nul = it contains NUL bytes
import-binary-bad-bom = it starts with a { $encoding } byte-order mark but is not valid { $encoding }
import-binary-encoding = it is neither UTF-8 nor GB18030/GBK text
import-binary-controls = it has { $count } control characters, as binary files do
import-binary-zip = it is a zip archive (a .docx? name it .docx)
import-binary-pdf = it is a PDF
import-binary-doc = it is a Word 97–2003 (.doc) or WPS (.wps) file
import-binary-rtf = it is an RTF file; save it as .docx or .txt
import-binary-png = it is a PNG image
import-binary-jpeg = it is a JPEG image

## What a file is
import-kind-text = text (.txt)
import-kind-docx = a Word document (.docx)
import-kind-doc = a Word 97–2003 or WPS document (.doc, .wps)
import-kind-pdf = a PDF
import-kind-html = a web page (.html, .mhtml)
import-kind-odt = an OpenDocument text (.odt)
import-kind-ofd = an OFD document
import-kind-word-document = a Word document
import-kind-ods = an OpenDocument spreadsheet (.ods), not a report
import-kind-odp = an OpenDocument presentation (.odp), not a report
import-kind-xlsx = an Excel workbook (.xlsx), not a report (statistics are read from spreadsheets by `indicators`, not `import`)
import-kind-pptx = a PowerPoint presentation (.pptx), not a report
import-kind-zip = a ZIP archive that holds no document (no word/document.xml, content.xml or OFD.xml)
import-kind-damaged-office = a damaged Office file ({ $reason })
import-kind-encrypted-office = an Office document protected by a password (open it with its password and save a copy without one)
import-kind-xls = an Excel 97–2003 workbook (.xls), not a report
import-kind-ppt = a PowerPoint 97–2003 presentation (.ppt), not a report
import-kind-compound = an Office compound file without a Word document in it

## What a format's reader found wrong inside a file (the detail of a file that cannot be imported)
import-read-part = its { $part } cannot be read: { $reason }
import-read-part-missing = it has no { $part }
import-read-no-word-document = it has no word/document.xml, so it is not a Word document
import-read-not-compound = it is not a readable compound file: { $detail }
import-read-encrypted = it is protected by a password
import-read-stream = its { $stream } stream cannot be read: { $detail }
import-read-stream-too-large = its { $stream } stream is over { $limit } bytes
import-read-no-word-stream = it has no WordDocument stream, so it is not a Word document
import-read-old-word = it is not a Word 97–2003 document (Word 6 or 95?); save it again as .docx in Word or WPS
import-read-doc-header = its header cannot be read
import-read-no-table-stream = it has no { $stream } stream
import-read-doc-piece-table = its piece table cannot be read
import-read-declares-chars = it declares { $count } characters of text, over the limit of { $limit }
import-read-too-many-chars = it has more than { $limit } characters
import-read-too-many-pages = it has more than { $limit } pages
import-read-no-doc-root = OFD.xml names no DocRoot
import-read-pdf = its structure cannot be parsed: { $detail }
import-read-no-pages = it has no pages
import-read-stream-unpacks = a stream unpacks to more than { $limit } bytes
import-read-page-content-unpacks = a page's content unpacks to more than { $limit } bytes
import-read-too-many-operations = its pages draw more than { $limit } operations
import-read-page-too-large = the page is over { $limit } bytes
import-read-no-html-page = it is a web archive without an HTML page
import-read-file-size = it has { $size } bytes, more than the { $mib } MiB huibao imports ({ $limit })
