## editor-page
## The words of the editor's page (huibao edit), grouped by screen. The page receives them
## from GET /api/words in the run's language and fills { $name } in itself, so these
## messages take names and places only and never choose a form by a count (a count that
## chooses a form is worded by the server: editor-pdf-pages).

# The window and the bar at the top.
ui-title = huibao · report editor
ui-brand = huibao
ui-bar-undo = Undo
ui-bar-undo-tip = Undo (Ctrl+Z)
ui-bar-redo = Redo
ui-bar-redo-tip = Redo (Ctrl+Y)
ui-bar-save = Save
ui-bar-save-tip = Save (Ctrl+S)
ui-bar-export = Export:
ui-bar-unsaved = Not saved
ui-bar-saved = Saved
ui-banner-disk-changed = Another program has changed the report file.
ui-banner-reload = Load it again
ui-banner-keep = Keep my changes

# The start page.
ui-start-heading = Report editor
ui-start-recent = Opened recently
ui-start-recent-open = Open { $path }
ui-start-recent-missing = { $path } (the file is gone)
ui-start-new = New
ui-start-new-hint = Start from the example report and change it part by part.
ui-start-file-name = File name
ui-start-open = Open
ui-start-open-path = Report file path
ui-start-open-example = e.g. reports/park-2022h1.toml
ui-start-import = Import last period's report
ui-start-import-hint = Choose last period's report (.docx or .txt) to make a report file of it; what needs checking is listed as to-dos.
ui-start-import-choose = Choose last period's report…

# The editor's parts (the tabs and the headings).
ui-sections = Report contents
ui-sec-info = Report information
ui-sec-summary = Summary
ui-sec-indicators = Main indicators
ui-sec-achievements = Achievements
ui-sec-problems = Problems
ui-sec-plan = Work plan
ui-sec-sections = Plugin sections
ui-sec-attachments = Attachments
ui-sec-end = End matter
ui-todos = To check
ui-todo-checked = Checked
ui-checks = Check results

# 报告信息 and 版记.
ui-info-organization = Issuing organization
ui-info-date = Date of writing
ui-info-recipient = Recipient
ui-info-number = Document number
ui-info-signer = Signer
ui-info-title = Title (made from the report when empty)
ui-info-note = Note
ui-info-red-header-hint = With a document number, the report has a red header.
ui-period = Period
ui-period-year = Year
ui-period-kind = Span
ui-period-whole-year = Whole year
ui-period-first-half = First half
ui-period-second-half = Second half
ui-period-three-quarters = First three quarters
ui-period-one-quarter = One quarter
ui-period-months = Months
ui-period-quarter = Quarter
ui-period-from = From month
ui-period-to = To month
ui-summary-text = Opening paragraph
ui-end-copy-to = Copied to (separated by 、 or commas)

# 主要指标.
ui-indicators-paste-hint = Rows copied from Excel or WPS can be pasted into any cell (columns in this order: indicator name, this period, unit, same period last year, annual target, decimal places).
ui-column-name = Indicator name
ui-column-value = This period
ui-column-unit = Unit
ui-column-previous = Same period last year
ui-column-target = Annual target
ui-column-decimals = Decimal places
ui-column-growth = Year on year
ui-column-completion = Completion
ui-indicators-cell = Row { $row }, { $column }
ui-indicators-add = Add indicator
ui-indicators-delete = Delete
ui-indicators-delete-row = Delete indicator row { $row }
ui-indicators-import = Import from a statistics spreadsheet…
ui-indicators-import-hint = Choose the statistics bureau's spreadsheet (.xlsx, .xls, .ods or .csv); it fills the table above by indicator name: indicators already there take the spreadsheet's figures, new ones are added at the end, those the spreadsheet lacks stay as they are.
ui-sheet-change = { $name }, { $column }: { $before } → { $after }
ui-sheet-finding = { $place }: { $message }
ui-sheet-finding-help = { $place }: { $message } ({ $help })

# 主要工作, 存在的问题, 工作计划 (items) and 附件.
ui-item-add = Add item
ui-item-title = Item { $number } title
ui-item-title-placeholder = Title (optional)
ui-item-text = Item { $number } text
ui-item-text-placeholder = Body text
ui-item-up = Up
ui-item-up-label = Move { $item } up
ui-item-down = Down
ui-item-down-label = Move { $item } down
ui-item-indent = Indent
ui-item-indent-label = Indent { $item } (it becomes a sub-item of the one before)
ui-item-outdent = Outdent
ui-item-outdent-label = Outdent { $item } (the items after it at its level become its sub-items)
ui-item-add-sub = Add sub-item
ui-item-add-sub-label = Add a sub-item under { $item }
ui-item-delete = Delete
ui-item-delete-label = Delete { $item }
ui-item-delete-confirm = Delete “{ $item }”?
ui-attachment-add = Add attachment
ui-attachment-number = Attachment { $number }
ui-attachment-title = { $attachment } title
ui-attachment-title-placeholder = Attachment title
ui-attachment-text = { $attachment } text

# An item's table.
ui-table = Table
ui-table-add = Add table
ui-table-add-label = Add a table after { $item }
ui-table-delete = Delete table
ui-table-delete-label = Delete the table of { $item }
ui-table-delete-confirm = Delete this table?
ui-table-caption = Caption
ui-table-caption-label = Caption of the table of { $item }
ui-table-column-label = Name of column { $column } of the table of { $item }
ui-table-delete-column = Delete column
ui-table-delete-column-label = Delete column { $column } of the table of { $item }
ui-table-cell-label = Row { $row }, column { $column } of the table of { $item }
ui-table-delete-row = Delete row
ui-table-delete-row-label = Delete row { $row } of the table of { $item }
ui-table-add-row = Add row
ui-table-add-row-label = Add a row at the end of the table of { $item }
ui-table-add-column = Add column
ui-table-add-column-label = Add a column at the right of the table of { $item }
ui-table-note = Note
ui-table-note-label = Note of the table of { $item }

# An item's chart.
ui-chart = Chart
ui-chart-add = Add chart
ui-chart-add-label = Add a chart after { $item }
ui-chart-delete = Delete chart
ui-chart-delete-label = Delete the chart of { $item }
ui-chart-kind = Kind
ui-chart-kind-label = Kind of the chart of { $item }
ui-chart-kind-growth = This period against the same period last year
ui-chart-kind-completion = Progress toward the annual targets
ui-chart-kind-bars = Bar chart (data of your own)
ui-chart-title = Title (optional for the comparison and progress charts)
ui-chart-title-label = Title of the chart of { $item }
ui-chart-indicators = Indicators (separated by 、 or commas; when empty, every indicator that can be drawn)
ui-chart-indicators-label = Indicators of the chart of { $item }
ui-chart-unit = Unit
ui-chart-unit-label = Unit of the chart of { $item }
ui-chart-categories = Categories (separated by 、 or commas)
ui-chart-categories-label = Categories of the chart of { $item }
ui-chart-series-name = Series name
ui-chart-series-name-label = Name of series { $series } of the chart of { $item }
ui-chart-series-values = Values (separated by 、 or commas, one per category)
ui-chart-series-values-label = Values of series { $series } of the chart of { $item }
ui-chart-delete-series = Delete series
ui-chart-delete-series-label = Delete series { $series } of the chart of { $item }
ui-chart-add-series = Add series
ui-chart-add-series-label = Add a series to the chart of { $item }

# 专题段落 (sections made by plugins; each form is drawn from the plugin's 配置结构说明).
ui-sections-hint = A plugin section is written by a plugin from its configuration; its form follows the plugin's config schema. Fields marked * are required.
ui-sections-plugin = Plugin
ui-sections-plugin-option = { $name } ({ $about })
ui-sections-add = Add a plugin section
ui-sections-none = No plugin found.
ui-sections-plugin-error = Plugin “{ $name }” cannot be used: { $message }
ui-sections-plugin-error-help = Plugin “{ $name }” cannot be used: { $message } ({ $help })
ui-sections-section = Plugin section { $number }: { $plugin }
ui-sections-place = Place
ui-sections-place-label = Place of { $section }
ui-sections-place-achievements = The last item of the achievements
ui-sections-place-part = A part of its own (before the problems)
ui-sections-place-plan = The last item of the work plan
ui-sections-delete-confirm = Delete { $section } and its plugin configuration?
ui-sections-no-form-broken = Plugin “{ $plugin }” cannot be used, so its form cannot be shown; the reason is below.
ui-sections-no-form-missing = No plugin “{ $plugin }” was found, so its form cannot be shown; check the plugin's name or the plugin folders.
ui-schema-required = Required
ui-schema-unset = (not set)
ui-schema-list-hint = Separate items with “、”
ui-schema-cell-label = { $column } of row { $row } of { $field }
ui-schema-add-row = Add a row
ui-schema-add-row-label = Add a row to { $field }
ui-schema-delete-row = Delete
ui-schema-delete-row-label = Delete row { $row } of { $field }

# 引用指标 (citing an indicator in a paragraph).
ui-cite = Cite indicator
ui-cite-label = Cite an indicator at the cursor
ui-cite-none = No indicators yet: add them under “Main indicators” first.

# 检查结果.
ui-check-error = Error: { $message }
ui-check-error-at = Error: line { $line }: { $message }
ui-check-warning = Warning: { $message }
ui-check-warning-at = Warning: line { $line }: { $message }
ui-check-help = Suggestion: { $help }

# The preview.
ui-preview = Preview
ui-preview-frame = Report preview
ui-preview-time = { $ms } ms
ui-preview-stale = The report has errors; this is the last preview
ui-preview-page = PDF page { $page }
ui-preview-page-within = PDF page { $page } (from within this paragraph)

# Status lines and refusals.
ui-status-too-large = The file is larger than 32 MiB and was not read.
ui-status-refused = Request refused: open this page again at the address huibao gave when it started.
ui-status-failed = The request failed ({ $status })
ui-status-no-connection = Cannot reach huibao: the program may have stopped.
ui-status-exporting = Exporting { $format }…
ui-status-exported = Exported: { $files }
ui-status-download = Download { $name }
ui-status-reading = Reading { $name }…
ui-status-importing = Importing { $name }…
ui-status-imported = Imported { $name }
# Between the files of ui-status-exported.
ui-list-separator = {", "}
