## editor
## 报告编辑器（huibao edit）：页面上显示的结果。

editor-sheet-merged = 已从“{ $sheet }”读取 { $count } 项指标：新增 { $added } 项，更新 { $changed } 项，{ $unchanged } 项与报告相同
editor-sheet-refused = “{ $file }”中有 { $count } 处单元格无法读取，主要指标未作改动。请按下列提示修改统计报表后重新导入
editor-sheet-report-reads = 报告已在“主要指标”中直接读取统计报表“{ $from }”（[indicators] from），每次生成时自动取数，未导入“{ $file }”。如要改用这份报表，请将 from 改为它的文件名
editor-sheet-guess = “{ $name }”：{ $text }

# 编辑操作无法完成（页面上的按钮通常不会引起这些错误）。$path 是报告中的位置，如 .achievements[0].items[1]。
editor-edit-cannot-move = { $path } 已无法再向这个方向移动
editor-edit-first-item = { $path } 是第一条，前面没有可以作为上级的条目，不能降级
editor-edit-top-level = { $path } 已是最上一级，不能升级
editor-edit-not-sub-item = { $path } 不是子条目，不能升级
editor-edit-not-items = { $path } 不是条目列表
editor-edit-not-value = “{ $raw }”不是有效的值：数字、日期、true/false 或带引号的文字
editor-edit-no-key = { $path } 中没有键名
editor-edit-not-values = { $path } 不是数值或文字的列表
editor-edit-no-item = { $path } 中没有第 { $number } 项
editor-edit-not-list = { $path } 不是列表
editor-edit-not-table = { $path } 中的 { $key } 不是表
editor-edit-needs-index = { $path } 中的 { $key } 是列表，需要指明第几项
editor-edit-no-list = { $path } 处没有这个列表
editor-no-report = 没有打开的报告文件
editor-cannot-read = 无法读取 { $path }：{ $reason }
editor-not-toml = { $path } 不是有效的 TOML 文件：{ $detail }
editor-exists = { $path } 已存在，请换一个文件名

# The preview's count of the PDF's pages.
editor-pdf-pages = PDF 共{ $count }页
