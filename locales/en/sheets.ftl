## sheets
## Statistics spreadsheets: what a cell holds and what was read.

sheet-row-no-name = row { $row } has figures but no indicator name
sheet-row-no-name-help = write the indicator's name in { $cell } (the { $column } column), or clear the row
sheet-name-control = the name “{ $name }” holds the control character { $code }
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
sheet-unit-control = the unit of “{ $name }” holds the control character { $code }
sheet-unit-control-help = retype the unit in the cell
sheet-target-not-positive = the target of “{ $name }” is { $target }
sheet-target-not-positive-help = a target must be above zero; leave the cell empty (or write -) when there is none
sheet-growth-disagrees = the sheet says “{ $name }” changed { $stated }, but { $value } against { $previous } is { $printed }; the report prints { $printed }
sheet-growth-disagrees-help = correct { $cell } or the figures beside it: the report computes 同比 from 上年同期
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
