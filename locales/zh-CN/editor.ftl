## editor
## 报告编辑器（huibao edit）：页面上显示的结果。

editor-sheet-merged = 已从“{ $sheet }”读取 { $count } 项指标：新增 { $added } 项，更新 { $changed } 项，{ $unchanged } 项与报告相同
editor-sheet-refused = “{ $file }”中有 { $count } 处单元格无法读取，主要指标未作改动。请按下列提示修改统计报表后重新导入
editor-sheet-guess = “{ $name }”：{ $text }
