## sheets
## 统计报表：单元格中的内容和读取结果。

sheet-row-no-name = 第 { $row } 行有数字但没有指标名称
sheet-row-no-name-help = 请在单元格 { $cell }（“{ $column }”列）中填写指标名称，或清空该行
sheet-name-control = 名称“{ $name }”中含有控制字符 { $code }
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
sheet-unit-control = “{ $name }”的计量单位中含有控制字符 { $code }
sheet-unit-control-help = 请在单元格中重新输入计量单位
sheet-target-not-positive = “{ $name }”的全年目标为 { $target }
sheet-target-not-positive-help = 全年目标应大于零；没有目标时请留空或填写 -
sheet-growth-disagrees = 报表中“{ $name }”的增幅为 { $stated }，但 { $value } 与 { $previous } 相比为 { $printed }；报告中写 { $printed }
sheet-growth-disagrees-help = 请核对单元格 { $cell } 及相邻数字：报告中的同比按上年同期数计算
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
