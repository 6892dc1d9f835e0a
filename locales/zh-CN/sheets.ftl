## sheets
## 统计报表：单元格中的内容和读取结果。

sheet-row-no-name = 第 { $row } 行有数字但没有指标名称
sheet-row-no-name-help = 请在单元格 { $cell }（“{ $column }”列）中填写指标名称，或清空该行
sheet-name-control = 名称“{ $name }”中含有{ $what }
sheet-name-control-help = 请在单元格中重新输入名称（粘贴时带入了不可见字符）
sheet-not-number = “{ $value }”不是数字：此处应为“{ $name }”的“{ $column }”
sheet-not-number-help = 请填写数字（如 48.65、1,234.5 或 12.4%）；没有数字时请留空或填写 -
sheet-no-figure = “{ $name }”没有“{ $column }”数字：该行不予读取
sheet-no-figure-help = 请在单元格 { $cell } 中填写数字；如该指标不需上报，请删除该行
sheet-twice = “{ $name }”在表中出现两次：单元格 { $first } 和 { $second }
sheet-twice-help = 请保留其中一行，或用名称加以区分
sheet-no-unit = “{ $name }”没有计量单位
sheet-no-unit-help = 请在单元格 { $cell }（“{ $column }”列）中填写计量单位：亿元、万元、%、个 等
sheet-no-unit-column-help = 请添加“单位”列，或在名称后注明计量单位：{ $name }（亿元）
sheet-unit-control = “{ $name }”的计量单位中含有{ $what }
sheet-unit-control-help = 请在单元格中重新输入计量单位
sheet-target-not-positive = “{ $name }”的全年目标为 { $target }
sheet-target-not-positive-help = 全年目标应大于零；没有目标时请留空或填写 -
sheet-growth-disagrees = 报表中“{ $name }”的增幅为 { $stated }，但从 { $previous } 到 { $value }，报告中写“{ $printed }”
sheet-growth-disagrees-help = 请核对单元格 { $cell } 及相邻数字：报告按上年同期数写同比（跨越零和低于零时写扭亏为盈、由盈转亏、减亏和增亏）
sheet-previous-underivable = 无法根据 { $change } 的增幅推算“{ $name }”的上年同期数
sheet-previous-underivable-help = 请添加“上年同期”列，填写上年同期数
sheet-completion-disagrees = 报表中“{ $name }”完成全年目标的 { $stated }，但 { $value } 相对 { $target } 为 { $printed }；报告中写 { $printed }
sheet-completion-disagrees-help = 请核对单元格 { $cell } 及相邻数字：报告中的完成率按全年目标计算
sheet-first-table = 已读取工作表“{ $sheet }”（第一个含指标表的工作表）
sheet-first-table-help = 如需读取其他工作表，请用 sheet = "…" 指定
sheet-column-ignored = 未读取“{ $column }”列：数字取自“{ $used }”（{ $cell }）
sheet-guess-unit-line = 计量单位取自表格上方的“单位：{ $unit }”（{ $cell }）
sheet-guess-disagrees = 报表单元格 { $cell } 中的“{ $column }”与计算结果不一致：{ $stated }
sheet-guess-derived = 根据单元格 { $cell } 中的“{ $column }”（{ $stated }）推算，报告中将写出报表中的增幅
sheet-guess-no-target = 报表给出完成率 { $stated }（{ $cell }），但没有全年目标：未设置目标
sheet-check = 待核对：{ $text }
sheet-toml-head =
    由 huibao indicators 从“{ $sheet }”读取（表头位于 { $header }）。
    请将以下条目粘贴到报告中，或在报告中用 [indicators] from = "…" 直接读取报表。
    标有“待核对”的行为推算所得或与报表不一致，请核对。
sheet-unprintable = “{ $value }”无法按原样印出：“{ $name }”的{ $column }数值超过 9007199254740992（2^53）或不是有限数
sheet-unprintable-help = 请检查该单元格；大的金额请换用更大的单位（用亿元而不用元），报告本身的数字也应如此
sheet-change-too-large = “{ $name }”从 { $previous } 到 { $value } 的变化幅度过大，无法印出
sheet-change-too-large-help = 请检查该单元格（上年同期数，与本期同一单位）；没有可比数字时请清空
sheet-no-change = “{ $name }”{ $reason }：不印同比变化
sheet-no-change-help = 请在正文中说明该数字的变化，或清空该单元格
sheet-no-change-printed = 不印同比
sheet-completion-too-large = { $value } 对全年目标 { $target } 的完成率过大，无法印出
sheet-completion-too-large-help = 请检查该单元格（全年目标，与本期同一单位）
sheet-no-completion = “{ $name }”：{ $reason }
sheet-no-completion-help = 请在正文中说明目标完成情况，或清空该单元格
sheet-indicator-twice = 指标“{ $name }”重复给出：此处一次，{ $place } 又一次
sheet-indicator-twice-label = 统计表中也有
sheet-indicator-twice-help = 请保留其一：删除此条目以使用统计表中的数字，或从统计表中删除该行
sheet-months-differ = 统计表中的数字是 { $months } 的，而报告涵盖 { $covers }（{ $period }）
sheet-months-differ-help = 请读取本期的工作表，或核对 [report] 中的 period

## 读取统计报表文件。

sheet-label-file = 此统计报表
sheet-label-sheet = 此工作表
sheet-label-range = 此单元格区域
sheet-csv-binary = 文件不是文本：其中含有 NUL 字节
sheet-csv-binary-help = 请指定统计报表本身（.xlsx、.xls、.ods），或将其另存为 CSV（UTF-8）
sheet-csv-unreadable = 无法读取 CSV 文件（原文：{ $detail }）
sheet-csv-unreadable-help = 请用 Excel、WPS 或 LibreOffice 打开，重新另存为 CSV（UTF-8）
sheet-table-empty = 指标表的表头下没有带数字的行
sheet-table-empty-help = 请在表头下每行写一个指标：指标名称、计量单位和数字
sheet-no-table = 找不到指标表：应有一行含“指标名称”（或“指标”“项目”）的表头，以及一列以“本期”“本年累计”“1-6月”等为题的数字
sheet-no-table-any-sheet = 所有工作表中都找不到指标表：应有一行含“指标名称”（或“指标”“项目”）的表头，以及一列以“本期”“本年累计”“1-6月”等为题的数字
sheet-no-table-help = 请为指标表加上表头，例如：指标名称 | 单位 | 1-6月 | 上年同期 | 同比增长（%） | 全年目标；或指明指标表所在的工作表和单元格区域
sheet-csv-no-sheets = CSV 文件没有工作表，因此没有名为“{ $sheet }”的工作表
sheet-csv-no-sheets-help = 读取 CSV 文件时请删去 sheet（选项 --sheet）
sheet-no-such-sheet = 工作簿中没有名为“{ $sheet }”的工作表
sheet-no-such-sheet-help = 现有的工作表：{ $sheets }
sheet-not-spreadsheet = “{ $name }”不是 huibao 能读取的统计报表
sheet-not-spreadsheet-help = 请指定 .xlsx、.xls、.ods 或 .csv 文件（在 Excel 或 WPS 中：另存为 → Excel 工作簿 .xlsx）
sheet-not-its-format = “{ $name }”不是 { $format ->
    [xlsx] .xlsx 工作簿
    [xls] .xls 工作簿
    [ods] .ods 工作簿
   *[csv] CSV 文件
}：文件开头不是统计报表的格式
sheet-not-its-format-help = 请用 Excel、WPS 或 LibreOffice 打开，重新另存为 .xlsx
sheet-file-too-large = 文件大小为 { $size } MiB，huibao 最多读取 { $max } MiB 的统计报表
sheet-too-large-help = 请将指标表复制到单独的工作簿中，再读取该工作簿
sheet-grid-too-large = { $what ->
    [range] 单元格区域
   *[sheet] 工作表
}过大：单元格一直到 { $last }（{ $rows } 行 × { $columns } 列）；指标表最多读取 { $max_rows } 行 × { $max_columns } 列
sheet-grid-too-large-help = 请用 range = "A3:G20"（命令行中用选项 --range）指明指标表的单元格区域，或将指标表复制到单独的工作表中
sheet-workbook-too-large = 工作簿过大：各工作表合计 { $cells } 个单元格，这种格式的工作簿最多读取 { $max } 个
sheet-workbook-too-large-help = 请将指标表复制到单独的工作簿中（或将此工作簿另存为 .xlsx，它按工作表逐个读取）
sheet-unreadable = 无法按 { $format ->
    [xlsx] .xlsx 工作簿
    [xls] .xls 工作簿
   *[ods] .ods 工作簿
}读取此文件（原文：{ $detail }）
sheet-damaged = 无法按 { $format ->
    [xlsx] .xlsx 工作簿
    [xls] .xls 工作簿
   *[ods] .ods 工作簿
}读取此文件：文件已损坏，或不是这种格式的工作簿
sheet-unreadable-help = 请用 Excel、WPS 或 LibreOffice 打开，重新另存为 .xlsx，再读取另存的文件
sheet-package-too-large = 工作簿过大，无法读取（原文：{ $detail }）
sheet-unpacked-too-large = 工作簿过大，无法读取：解压后超过 { $max } MiB
