## sheets
## Statistics spreadsheets: what a cell holds and what was read.

sheet-row-no-name = row { $row } has figures but no indicator name
sheet-row-no-name-help = write the indicator's name in { $cell } (the { $column } column), or clear the row
sheet-name-control = the name “{ $name }” holds the { $what }
sheet-name-control-help = retype the name in the cell (it was pasted with an invisible character)
sheet-not-number = “{ $value }” is not a number: expected the { $column } figure of “{ $name }”
sheet-not-number-help = write a number (48.65, 1,234.5 or 12.4%), or leave the cell empty or write - when there is none
sheet-no-figure = “{ $name }” has no { $column } figure: the row is left out
sheet-no-figure-help = write its figure in { $cell }, or delete the row if the indicator is not reported
sheet-twice = “{ $name }” is in the table twice, at { $first } and { $second }
sheet-twice-help = keep one of the two rows, or tell them apart by name
sheet-no-unit = “{ $name }” has no unit
sheet-no-unit-help = write its unit in { $cell } (the { $column } column): 亿元, 万元, %, 个 …
sheet-no-unit-column-help = add a 单位 column, or write the unit after the name: { $name }（亿元）
sheet-unit-control = the unit of “{ $name }” holds the { $what }
sheet-unit-control-help = retype the unit in the cell
sheet-target-not-positive = the target of “{ $name }” is { $target }
sheet-target-not-positive-help = a target must be above zero; leave the cell empty (or write -) when there is none
sheet-growth-disagrees = the sheet says “{ $name }” changed { $stated }, but from { $previous } to { $value } the report prints { $printed }
sheet-growth-disagrees-help = correct { $cell } or the figures beside it: the report words 同比 from 上年同期 (扭亏为盈, 由盈转亏, 减亏 and 增亏 across and below zero)
sheet-previous-underivable = last year's figure of “{ $name }” cannot be derived from a change of { $change }
sheet-previous-underivable-help = add a 上年同期 column with last year's figures
sheet-completion-disagrees = the sheet says “{ $name }” reached { $stated } of its target, but { $value } of { $target } is { $printed }; the report prints { $printed }
sheet-completion-disagrees-help = correct { $cell } or the figures beside it: the report computes 完成率 from the target
sheet-first-table = read sheet “{ $sheet }”, the first with an indicator table
sheet-first-table-help = name the sheet with `sheet = "…"` to read another
sheet-column-ignored = column “{ $column }” is not read: the figures are taken from “{ $used }” ({ $cell })
sheet-guess-unit-line = the unit is from “单位：{ $unit }” above the table ({ $cell })
sheet-guess-disagrees = the sheet's { $column } in { $cell } disagrees: { $stated }
sheet-guess-derived = derived from { $column } in { $cell } ({ $stated }), so the report prints the sheet's rate
sheet-guess-no-target = the sheet gives a completion of { $stated } ({ $cell }) but no target: none is set
sheet-check = CHECK: { $text }
sheet-toml-head =
    Read by `huibao indicators` from { $sheet } (header at { $header }).
    Paste these entries into the report, or read the sheet itself with
    {"["}indicators] from = "…". Lines marked CHECK were derived or disagree with the sheet.
sheet-unprintable = “{ $value }” cannot be printed as written: the { $column } figure of “{ $name }” is past 9007199254740992 (2^53) or not a finite number
sheet-unprintable-help = check the cell; give large amounts in a larger unit (亿元 instead of 元), as the report's own figures must be
sheet-change-too-large = the change of “{ $name }” from { $previous } to { $value } is too large to print
sheet-change-too-large-help = check the cell (the same period last year, in the unit of the figure); clear it if there is no comparable figure
sheet-no-change = “{ $name }” has { $reason }: no 同比 change is printed
sheet-no-change-help = say in the text how the figure changed, or clear the cell
sheet-no-change-printed = no change
sheet-completion-too-large = { $value } of a target of { $target } is a rate too large to print
sheet-completion-too-large-help = check the cell (the annual target, in the unit of the figure)
sheet-no-completion = “{ $name }”: { $reason }
sheet-no-completion-help = say in the text how far the target is met, or clear the cell
sheet-indicator-twice = indicator “{ $name }” is given twice: here and in { $place }
sheet-indicator-twice-label = also in the spreadsheet
sheet-indicator-twice-help = keep one: remove this entry to use the sheet's figure, or delete the row from the sheet
sheet-months-differ = the sheet's figures are for { $months } but the report covers { $covers } ({ $period })
sheet-months-differ-help = read the sheet of this period, or check `period` in [report]

## Reading the spreadsheet file.

sheet-label-file = this spreadsheet
sheet-label-sheet = this sheet
sheet-label-range = this range
sheet-csv-binary = the file is not text: it holds NUL bytes
sheet-csv-binary-help = name the statistics spreadsheet itself (.xlsx, .xls, .ods), or save it as CSV (UTF-8)
sheet-csv-unreadable = the CSV cannot be read: { $detail }
sheet-csv-unreadable-help = open it in Excel, WPS or LibreOffice and save it again as CSV (UTF-8)
sheet-table-empty = the indicator table has no rows with figures under its header
sheet-table-empty-help = put one indicator a row under the header: its name, unit and figures
sheet-no-table = no indicator table found: expected a header row with 指标名称 (or 指标, 项目) and a column of figures headed 本期, 本年累计, 1-6月 …
sheet-no-table-any-sheet = no indicator table found on any sheet: expected a header row with 指标名称 (or 指标, 项目) and a column of figures headed 本期, 本年累计, 1-6月 …
sheet-no-table-help = give the table a header row such as 指标名称 | 单位 | 1-6月 | 上年同期 | 同比增长（%） | 全年目标, or name the sheet and range that hold it
sheet-csv-no-sheets = a CSV file has no sheets, so none is named “{ $sheet }”
sheet-csv-no-sheets-help = remove `sheet` (`--sheet`) for a CSV file
sheet-no-such-sheet = the workbook has no sheet named “{ $sheet }”
sheet-no-such-sheet-help = its sheets are: { $sheets }
sheet-not-spreadsheet = `{ $name }` is not a spreadsheet huibao reads
sheet-not-spreadsheet-help = name an .xlsx, .xls, .ods or .csv file (in Excel or WPS: 另存为 → Excel 工作簿 .xlsx)
sheet-not-its-format = `{ $name }` is not { $format ->
    [xlsx] an .xlsx workbook
    [xls] an .xls workbook
    [ods] an .ods workbook
   *[csv] a CSV file
}: its first bytes are not those of a spreadsheet
sheet-not-its-format-help = open it in Excel, WPS or LibreOffice and save it again as .xlsx
sheet-file-too-large = the file is { $size } MiB; huibao reads spreadsheets of at most { $max } MiB
sheet-too-large-help = copy the indicator table into a workbook of its own and read that
sheet-grid-too-large = the { $what ->
    [range] range
   *[sheet] sheet
} is too large: it has cells as far as { $last } ({ $rows } rows × { $columns } columns); an indicator table is read from at most { $max_rows } rows × { $max_columns } columns
sheet-grid-too-large-help = give the table's cells with `range = "A3:G20"` (`--range` on the command line), or copy the indicator table onto a sheet of its own
sheet-workbook-too-large = the workbook is too large: its sheets span { $cells } cells together; huibao reads workbooks of this format with at most { $max }
sheet-workbook-too-large-help = copy the indicator table into a workbook of its own (or save this one as .xlsx, which is read one sheet at a time)
sheet-unreadable = cannot read the file as { $format ->
    [xlsx] an .xlsx workbook
    [xls] an .xls workbook
   *[ods] an .ods workbook
}: { $detail }
sheet-damaged = cannot read the file as { $format ->
    [xlsx] an .xlsx workbook
    [xls] an .xls workbook
   *[ods] an .ods workbook
}: it is damaged, or not a workbook of this format
sheet-unreadable-help = open it in Excel, WPS or LibreOffice and save it again (as .xlsx), then read that
sheet-package-too-large = the workbook is too large to read: { $detail }
sheet-unpacked-too-large = the workbook is too large to read: it unpacks to more than { $max } MiB
