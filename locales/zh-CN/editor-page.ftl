## editor-page
## The words of the editor's page (huibao edit), grouped by screen. The page receives them
## from GET /api/words in the run's language and fills { $name } in itself, so these
## messages take names and places only and never choose a form by a count (a count that
## chooses a form is worded by the server: editor-pdf-pages).

# The window and the bar at the top.
ui-title = 汇报工具 · 报告编辑
ui-brand = 汇报工具
ui-bar-undo = 撤销
ui-bar-undo-tip = 撤销（Ctrl+Z）
ui-bar-redo = 重做
ui-bar-redo-tip = 重做（Ctrl+Y）
ui-bar-save = 保存
ui-bar-save-tip = 保存（Ctrl+S）
ui-bar-export = 导出：
ui-bar-unsaved = 未保存
ui-bar-saved = 已保存
ui-banner-disk-changed = 报告文件已被其他程序修改。
ui-banner-reload = 重新载入
ui-banner-keep = 保留我的修改

# The start page.
ui-start-heading = 报告编辑
ui-start-recent = 最近打开
ui-start-recent-open = 打开 { $path }
ui-start-recent-missing = { $path }（文件已不存在）
ui-start-new = 新建
ui-start-new-hint = 从示例报告开始，逐项修改。
ui-start-file-name = 文件名
ui-start-open = 打开
ui-start-open-path = 报告文件路径
ui-start-open-example = 例如 reports/park-2022h1.toml
ui-start-import = 导入上期报告
ui-start-import-hint = 选择上期报告（.docx 或 .txt），生成报告文件；需要核对的内容列为待办。
ui-start-import-choose = 选择上期报告…

# The editor's parts (the tabs and the headings).
ui-sections = 报告内容
ui-sec-info = 报告信息
ui-sec-summary = 总体情况
ui-sec-indicators = 主要指标
ui-sec-achievements = 主要工作
ui-sec-problems = 存在的问题
ui-sec-plan = 工作计划
ui-sec-sections = 专题段落
ui-sec-attachments = 附件
ui-sec-end = 版记
ui-todos = 待核对
ui-todo-checked = 已核对
ui-checks = 检查结果

# 报告信息 and 版记.
ui-info-organization = 发文机关
ui-info-date = 成文日期
ui-info-recipient = 主送机关
ui-info-number = 发文字号
ui-info-signer = 签发人
ui-info-title = 标题（不填则自动生成）
ui-info-note = 附注
ui-info-red-header-hint = 填写发文字号后，报告带红色版头。
ui-period = 报告期
ui-period-year = 年份
ui-period-kind = 范围
ui-period-whole-year = 全年
ui-period-first-half = 上半年
ui-period-second-half = 下半年
ui-period-three-quarters = 前三季度
ui-period-one-quarter = 第N季度
ui-period-months = 月份区间
ui-period-quarter = 季度
ui-period-from = 从（月）
ui-period-to = 到（月）
ui-summary-text = 开头段落
ui-end-copy-to = 抄送机关（用顿号或逗号分隔）

# 主要指标.
ui-indicators-paste-hint = 可从 Excel 或 WPS 表格复制多行，在任一单元格中粘贴（列的顺序：指标名称、本期数、计量单位、上年同期数、全年目标、小数位数）。
ui-column-name = 指标名称
ui-column-value = 本期数
ui-column-unit = 计量单位
ui-column-previous = 上年同期数
ui-column-target = 全年目标
ui-column-decimals = 小数位数
ui-column-growth = 同比
ui-column-completion = 完成率
ui-indicators-cell = 第{ $row }行 { $column }
ui-indicators-add = 添加指标
ui-indicators-delete = 删除
ui-indicators-delete-row = 删除第{ $row }行指标
ui-indicators-import = 从统计报表导入…
ui-indicators-import-hint = 选择统计局报表（.xlsx、.xls、.ods 或 .csv），按指标名称填入上表：已有的指标更新为报表中的数字，没有的指标添加在后面，报表中没有的指标保持不变。
ui-sheet-change = “{ $name }”的{ $column }：{ $before } → { $after }
ui-sheet-finding = { $place }：{ $message }
ui-sheet-finding-help = { $place }：{ $message }（{ $help }）

# 主要工作, 存在的问题, 工作计划 (items) and 附件.
ui-item-add = 添加条目
ui-item-title = 条目{ $number } 标题
ui-item-title-placeholder = 标题（可不填）
ui-item-text = 条目{ $number } 正文
ui-item-text-placeholder = 正文
ui-item-up = 上移
ui-item-up-label = 上移 { $item }
ui-item-down = 下移
ui-item-down-label = 下移 { $item }
ui-item-indent = 降级
ui-item-indent-label = 降级 { $item }（成为上一条的子条目）
ui-item-outdent = 升级
ui-item-outdent-label = 升级 { $item }（其后的同级条目成为它的子条目）
ui-item-add-sub = 添加子条目
ui-item-add-sub-label = 在 { $item } 下添加子条目
ui-item-delete = 删除
ui-item-delete-label = 删除 { $item }
ui-item-delete-confirm = 删除“{ $item }”？
ui-attachment-add = 添加附件
ui-attachment-number = 附件{ $number }
ui-attachment-title = { $attachment } 标题
ui-attachment-title-placeholder = 附件标题
ui-attachment-text = { $attachment } 正文

# An item's table.
ui-table = 表格
ui-table-add = 添加表格
ui-table-add-label = 在 { $item } 后添加表格
ui-table-delete = 删除表格
ui-table-delete-label = 删除 { $item } 的表格
ui-table-delete-confirm = 删除这张表格？
ui-table-caption = 表题
ui-table-caption-label = { $item } 表格的表题
ui-table-column-label = { $item } 表格第{ $column }列的列名
ui-table-delete-column = 删除此列
ui-table-delete-column-label = 删除 { $item } 表格的第{ $column }列
ui-table-cell-label = { $item } 表格第{ $row }行第{ $column }列
ui-table-delete-row = 删除此行
ui-table-delete-row-label = 删除 { $item } 表格的第{ $row }行
ui-table-add-row = 添加行
ui-table-add-row-label = 在 { $item } 表格末尾添加一行
ui-table-add-column = 添加列
ui-table-add-column-label = 在 { $item } 表格右侧添加一列
ui-table-note = 表注
ui-table-note-label = { $item } 表格的表注

# An item's chart.
ui-chart = 图表
ui-chart-add = 添加图表
ui-chart-add-label = 在 { $item } 后添加图表
ui-chart-delete = 删除图表
ui-chart-delete-label = 删除 { $item } 的图表
ui-chart-kind = 类型
ui-chart-kind-label = { $item } 图表的类型
ui-chart-kind-growth = 本期与上年同期对比
ui-chart-kind-completion = 全年目标完成情况
ui-chart-kind-bars = 柱状图（自填数据）
ui-chart-title = 图题（对比图和完成情况图可不填）
ui-chart-title-label = { $item } 图表的图题
ui-chart-indicators = 指标（用顿号分隔；不填则画出全部可画的指标）
ui-chart-indicators-label = { $item } 图表的指标
ui-chart-unit = 计量单位
ui-chart-unit-label = { $item } 图表的计量单位
ui-chart-categories = 分类（用顿号分隔）
ui-chart-categories-label = { $item } 图表的分类
ui-chart-series-name = 数据系列名称
ui-chart-series-name-label = { $item } 图表第{ $series }个数据系列的名称
ui-chart-series-values = 数值（用顿号分隔，与分类一一对应）
ui-chart-series-values-label = { $item } 图表第{ $series }个数据系列的数值
ui-chart-delete-series = 删除数据系列
ui-chart-delete-series-label = 删除 { $item } 图表的第{ $series }个数据系列
ui-chart-add-series = 添加数据系列
ui-chart-add-series-label = 在 { $item } 图表中添加一个数据系列

# 专题段落 (sections made by plugins; each form is drawn from the plugin's 配置结构说明).
ui-sections-hint = 专题段落由插件按其插件配置生成，表单按插件的配置结构说明绘制；带 * 的为必填项。
ui-sections-plugin = 插件
ui-sections-plugin-option = { $name }（{ $about }）
ui-sections-add = 添加专题段落
ui-sections-none = 未找到插件。
ui-sections-plugin-error = 插件“{ $name }”无法使用：{ $message }
ui-sections-plugin-error-help = 插件“{ $name }”无法使用：{ $message }（{ $help }）
ui-sections-section = 专题段落{ $number }：{ $plugin }
ui-sections-place = 位置
ui-sections-place-label = { $section }的位置
ui-sections-place-achievements = 主要工作的最后一项
ui-sections-place-part = 单独成为一部分（存在的问题之前）
ui-sections-place-plan = 工作计划的最后一项
ui-sections-delete-confirm = 删除{ $section }及其插件配置？
ui-sections-no-form-broken = 插件“{ $plugin }”无法使用，无法显示其配置表单；原因见下方。
ui-sections-no-form-missing = 找不到插件“{ $plugin }”，无法显示其配置表单；请检查插件名称或插件文件夹。
ui-schema-required = 必填
ui-schema-unset = （未填写）
ui-schema-list-hint = 多项用“、”分隔
ui-schema-cell-label = { $field }第{ $row }行的{ $column }
ui-schema-add-row = 添加一行
ui-schema-add-row-label = 在{ $field }中添加一行
ui-schema-delete-row = 删除
ui-schema-delete-row-label = 删除{ $field }的第{ $row }行

# 引用指标 (citing an indicator in a paragraph).
ui-cite = 引用指标
ui-cite-label = 在光标处引用一个指标
ui-cite-none = 还没有指标：先在“主要指标”中添加。

# 检查结果.
ui-check-error = 错误：{ $message }
ui-check-error-at = 错误：第{ $line }行：{ $message }
ui-check-warning = 警告：{ $message }
ui-check-warning-at = 警告：第{ $line }行：{ $message }
ui-check-help = 建议：{ $help }

# The preview.
ui-preview = 预览
ui-preview-frame = 报告预览
ui-preview-time = { $ms } 毫秒
ui-preview-stale = 报告有错误，显示的是上一次的预览
ui-preview-page = PDF 第{ $page }页
ui-preview-page-within = PDF 第{ $page }页（自本段中间起）

# Status lines and refusals.
ui-status-too-large = 文件太大，超过 32 MiB，未读取。
ui-status-refused = 请求被拒绝：请用 huibao 启动时给出的地址重新打开本页。
ui-status-failed = 请求失败（{ $status }）
ui-status-no-connection = 无法连接 huibao：程序可能已经退出。
ui-status-exporting = 正在导出 { $format }……
ui-status-exported = 已导出：{ $files }
ui-status-download = 下载 { $name }
ui-status-reading = 正在读取 { $name }……
ui-status-importing = 正在导入 { $name }……
ui-status-imported = 已导入 { $name }
# Between the files of ui-status-exported.
ui-list-separator = ，
