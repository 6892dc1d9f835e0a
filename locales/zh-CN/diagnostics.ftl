## 每条提示的格式：“文件:行:列: 错误：内容（建议：……）”。

diagnostic-line = { $severity ->
    [warning] 警告
   *[error] 错误
}：{ $message }
diagnostic-line-at = { $location }: { $severity ->
    [warning] 警告
   *[error] 错误
}：{ $message }
diagnostic-with-help = { $line }（建议：{ $help }）
diagnostic-placed = { $place }：{ $message }

## 文件无法读写的原因。

io-not-found = 文件或文件夹不存在
io-permission-denied = 没有访问权限
io-already-exists = 已经存在
io-is-a-folder = 这是一个文件夹
io-not-a-folder = 路径中有一部分不是文件夹
io-read-only = 磁盘为只读
io-disk-full = 磁盘空间已满
io-invalid-data = 数据无效
io-other = 系统提示（原文：{ $detail }）
io-with-detail = { $reason }（原文：{ $detail }）
value-as-written = { $value }

## 读取报告文件。

error-read-file = 无法读取“{ $path }”：{ $reason }
error-read-not-utf8 = “{ $path }”不是 UTF-8 编码（第 { $offset } 字节无效）
error-read-not-utf8-help = 请将文件另存为 UTF-8 编码（在 WPS 或记事本中：另存为 → 编码 UTF-8）

## TOML 语法和报告的键。

load-syntax = TOML 语法错误（原文：{ $detail }）
load-syntax-label = 此处
load-syntax-help = 请检查此处附近的写法：文字要用英文双引号括起，表名要用方括号 [ ] 或 [[ ]]
load-syntax-help-detail = TOML 语法（原文：{ $detail }）
load-unknown-key = 无法识别的键“{ $key }”
load-unknown-key-label = 此表中没有这个键
load-unknown-key-suggest = 是否应为“{ $suggestion }”？此处可用的键：{ $keys }
load-unknown-key-keys = 此处可用的键：{ $keys }
load-missing-key = 缺少必填项“{ $key }”
load-missing-key-label = 此表须有“{ $key }”
load-missing-key-help = 请添加 { $key } = …（完整的报告写法可参考 huibao new 生成的示例）
load-wrong-type = 值的类型不对（原文：{ $detail }）
load-wrong-type-label = 类型不对
load-type-help-date = 日期不加引号：date = 2022-07-08
load-type-help-number = 数字不加引号、不带单位：value = 123.5
load-type-help-bool = 请写 true 或 false，不加引号
load-type-help-text = 文字要用英文双引号括起："……"
load-type-help-list = 列表用方括号括起；多个条目用 [[…]] 表
load-type-help-table = 这个键是一个表：另起一行写 [表名]，在其下逐行写键，或写成 名称 = {"{"} 键 = … {"}"}
load-type-help-schema = 各键应取的类型见 huibao schema 的输出
load-bad-value = 值不在允许范围内（原文：{ $detail }）
load-bad-value-label = 此处不允许这个值
load-value-help-whole = 请写 0 到 { $max } 之间的整数
load-value-help-expected = 应为 { $expected }
load-value-help-schema = 各键允许的值见 huibao schema 的输出
load-unknown-value = “{ $value }”不是此处允许的值
load-unknown-value-label = 无法识别的值
load-unknown-value-suggest = 是否应为 { $suggestion }？可用的值：{ $values }
load-unknown-value-values = 请从以下值中选择：{ $values }

## [report]：报告期、成文日期、发文机关、标题、发文字号。

period-invalid = “{ $period }”不是有效的报告期：{ $reason }
period-year-zero = 没有公元0年（公元前1年之后即公元1年），请写报告所属的年份
period-year-digits = 年份应为四位数字
period-month-digits = 月份应写为 01 至 12
period-month-range-form = 月份区间应写为 2022-01..2022-09
period-month-range-years = 月份区间不能跨年
period-month-range-order = 起始月份晚于截止月份
period-forms = 请写 2022、2022-H1、2022-H2、2022-Q3 或 2022-01..2022-09
load-period-label = 报告期有误
load-period-help = 请写 period = "2022"、"2022-H1"、"2022-H2"、"2022-Q3" 或 "2022-01..2022-09"
load-date = “{ $value }”不是有效的日期
load-date-label = 应为成文日期
load-date-help = 请写 date = 2022-07-08（日期不加引号，不带时间）
load-empty-key = “{ $key }”为空
load-organization-help = 请填写发文机关全称，例如 organization = "某经济技术开发区管委会"
load-title-help = 删除此键，标题将由发文机关和报告期自动生成
load-document-number-form = 发文字号“{ $number }”不符合规范格式
load-document-number-form-help = 应写为“某管发〔2022〕5号”：年份用六角括号〔〕（U+3014/U+3015），序号不编虚位，以“号”结尾
load-document-number-zero = 发文字号“{ $number }”的序号编了虚位
load-document-number-zero-help = 应写“5号”，不写“05号”

## 指标。

load-indicator-no-name = 有一项指标没有名称
load-indicator-no-name-help = 请按正文中引用的写法填写名称：name = "营业收入"
load-indicator-twice = 指标“{ $name }”重复定义
load-indicator-twice-label = 第二次定义
load-indicator-twice-help = 第一次定义在第 { $line } 行；请删除其中一处或改名
load-indicator-change-too-large = 指标“{ $name }”：从 { $previous } 到 { $value } 的变化过大，无法写出
load-indicator-previous-label = 上年同期数
load-indicator-change-too-large-help = 请核对 previous（上年同期数，计量单位与 value 相同）；如无可比数据，请删除此项
load-indicator-rate-too-large = 指标“{ $name }”：本期数 { $value } 相对全年目标 { $target } 的完成率过大，无法写出
load-indicator-target-label = 全年目标
load-indicator-rate-too-large-help = 请核对 target（全年目标，计量单位与 value 相同）
load-indicator-target-not-positive = 指标“{ $name }”的全年目标为 { $target }
load-indicator-target-not-positive-help = 全年目标应大于零；如无目标，请删除此项
load-indicator-no-unit = 指标“{ $name }”没有计量单位
load-indicator-no-unit-help = 请填写 unit = "亿元"（或 万元、%、个、家、项、亩 等）
load-sheet-from-empty = “from”未指定统计报表
load-sheet-from-empty-help = 请填写统计报表的路径（相对于本报告文件）：from = "stats.xlsx"
load-sheet-name-empty-help = 请按工作表标签上的名称填写（sheet = "Sheet1"），或删除此键，读取第一个含指标表的工作表
load-sheet-range = “{ $range }”不是有效的单元格区域
load-sheet-range-label = 应为 A3:G20 这样的区域
load-sheet-range-help = 请用冒号连接左上角和右下角单元格：range = "A3:G20"（列从 A 到 XFD，行从 1 起）

## 条目、表格和附件。

load-attachment-empty = 附件“{ $title }”没有内容
load-attachment-empty-help = 请为其填写 text、table、chart 或设置 indicator_table = true（可同时使用）
load-item-too-deep = [[{ $part }]] 中的条目超过四级
load-item-too-deep-label = 第五级
load-item-too-deep-help = 标题层级依次为 一、（一）1.（1），不再往下分；请将此条目并入上一级的正文
load-item-empty = [[{ $part }]] 中有一个空条目
load-item-empty-label = 此条目下没有内容
load-item-empty-help = 每个条目应有 title、text 或两者兼有；否则请删除
load-item-title-empty = 条目的标题为空
load-item-title-empty-help = 请填写标题，或删除 title，使序号直接接正文
load-item-title-lines = 标题不能换行
load-item-title-lines-help = 请把正文写在 text 中
load-table-no-columns = 表格没有列
load-table-no-columns-help = 请填写表头：columns = ["序号", "项目名称"]
load-table-row-cells = 此行有 { $cells } 个单元格，但表格有 { $columns } 列
load-table-row-cells-help = 每行的单元格数应与列数相同；空单元格写 ""
load-table-zero-width = “widths”中有一列宽度为 0
load-table-zero-width-label = 此表格的 widths
load-table-zero-width-help = 列宽是相对比例，每项不小于 1：widths = [1, 4, 2]；也可以删除 widths，按内容自动调整列宽
load-table-entries = “{ $key }”有 { $entries } 项，但表格有 { $columns } 列
load-table-entries-help = 请为“{ $key }”的每一列写一项，或删除此键

## [style] 版式。

load-colour = “{ $value }”不是有效的颜色
load-colour-help = 请写 red = "#C8102E"
load-font-role = 无法识别的字体用途“{ $role }”
load-font-role-suggest = 是否应为“{ $suggestion }”？可用的字体用途：{ $roles }
load-font-role-roles = 可用的字体用途：{ $roles }
load-font-no-families = 字体用途“{ $role }”没有列出任何字体
load-font-no-families-help = 请至少列出一种：families = ["仿宋_GB2312", "仿宋"]；或删除 families，沿用国标版式的字体
load-font-size = 字号 { $size } 磅超出范围
load-font-size-help = 字号应在 5 至 72 磅之间；三号为 16 磅，二号为 22 磅

## 上期报告（previous）。

previous-unusable = 无法使用上期报告“{ $path }”
previous-unusable-help = 请修改该文件中的以下错误，或让 previous 指向其他文件
previous-not-a-report = 上期报告“{ $path }”不是 huibao 报告文件：其中没有 [report] 表
previous-not-a-report-help = 请让 previous（或选项 --previous）指向上期报告的 .toml 文件，例如 previous = "park-2021h1.toml"
previous-this-file = 此文件
previous-wrong-period = 上期报告的报告期为{ $covers }，计算同比需要{ $wanted }的数据：未将其数据用作上年同期数
previous-wrong-period-help = 请提供{ $wanted }的报告用于计算同比，或为每项指标填写 previous
previous-no-printable-growth = 指标“{ $name }”：上年同期数 { $value } { $unit } 无法算出可写出的同比
previous-set-by-hand-help = 请手工填写 previous
previous-unit-differs = 指标“{ $name }”本期计量单位为“{ $unit }”，上年为“{ $previous_unit }”：无法据此计算同比
previous-unit-differs-help = 请统一计量单位，或手工填写 previous
previous-plan-period = 上期工作计划针对{ $planned }，本报告的报告期为{ $covers }：计划落实情况的核对可能不适用
previous-plan-period-help = 核对计划落实情况，请提供紧接本报告期之前的那一期报告
previous-plan-item = 上期工作计划中的“{ $title }”在本期主要工作中未见落实情况
previous-plan-item-label = 计划于此
previous-plan-item-help = 请在 [[achievements]] 中说明其进展（已完成、推进中或已取消）

## 写入输出文件、批量生成、各格式的生成。

write-cannot = 无法写入“{ $path }”：{ $reason }
write-target-is-input = 它是本次读取的{ $what }“{ $path }”，写入会把它覆盖，因此没有写入任何文件
write-folder-locked = 另一个 huibao 已向“{ $folder }”写入了 { $seconds } 秒
write-file-not-folder = “{ $path }”是文件，不是文件夹
write-dangling-link = “{ $path }”是指向不存在的文件夹的链接
write-folder-in-the-way = “{ $path }”处有一个同名文件夹
write-not-replaceable = “{ $path }”不是可以替换的文件
write-open-elsewhere = “{ $path }”已在其他程序（Word 或 WPS？）中打开
batch-folder-unreadable = 无法读取文件夹“{ $path }”：{ $reason }
batch-missing = 找不到报告文件或文件夹“{ $path }”
batch-empty-folder = 文件夹“{ $path }”中没有报告文件（*.toml）
batch-same-stem = “{ $first }”和“{ $second }”都会写入 { $stem }.*：请将其中一份改名，或分两次生成并用 --out 指定不同的输出文件夹
batch-threads = 无法启动 { $jobs } 个工作线程（原文：{ $reason }）
batch-panic = 生成“{ $report }”时发生内部错误（原文：{ $detail }），请报告此问题
render-failed = 生成“{ $report }”的 { $format } 文件失败：{ $reason }
font-missing-glyph = 所有字体中都没有“{ $character }”字（{ $code }）
font-missing-glyph-label = 此字
font-missing-glyph-help = 请改用其他字，或用 --font-dir 指定含有此字的字体（已尝试的字体：{ $fonts }）

## 检查提示：GB/T 9704 和中文书写规范的要求。

lint-signature-alone = 发文机关署名可能单独成页、没有正文：其前最后一段约占 { $body_lines } 行，附件说明和署名另占 { $closing_lines } 行，超过每页 { $page_lines } 行，且没有可在句末断开、留下几行的地方，文字处理软件保持段落完整时无法调整
lint-signature-alone-help = 请拆分最后一段：GB/T 9704 要求署名页须有正文
lint-this-paragraph = 此段
lint-heading-punctuation = 标题“{ $heading }”以标点结尾
lint-heading-punctuation-help = 一、二级标题末尾不加标点
lint-not-printed = 不会印出
lint-part-title-unprinted = 部分标题“{ $title }”不会印出：该部分没有条目，也没有正文
lint-part-title-unprinted-help = 请添加 [[{ $key }]] 条目，或在 [parts.{ $key }] 下填写 text，或删除此标题
lint-red-header-only = “{ $key }”不会印出：只有版头显示此项，而版头未启用
lint-red-header-only-help = 在 [report] 中设置 red_header = true 以印出版头，或删除此键
lint-indicator-unprinted = 指标“{ $name }”不会印出：正文未引用，指标表和图表也未列出
lint-indicator-unprinted-help = 请在正文中用 {"{{"}indicator "{ $name }"{"}}"} 引用，或在 [summary] 下设置 indicator_table = true，或删除此指标
lint-here = 此处
lint-number-comma = “{ $pattern }”：括号序号后不加顿号
lint-number-comma-help = 应写（一）或（1），其后不加“、”
lint-half-width = 中文中使用了半角标点“{ $mark }”
lint-half-width-help = 中文中请使用全角标点 ，；：？！（）
lint-space = 汉字之间有空格
lint-space-help = 中文中不留空格，请删除
lint-doubled = 标点重复“{ $marks }”
lint-doubled-help = 只保留一个

## 正文中的表达式（{{indicator "…"}}）。

prose-expression-refused = 正文中的表达式不能使用：{ $detail }
prose-expression-invalid = 正文中的表达式写法有误（原文：{ $detail }）
prose-expression-invalid-help = 表达式应写为 {"{{"}indicator "营业收入"{"}}"}；如需照原样写出 {"{{"}，请写 \{"{{"}
prose-known-names = 可用的名称：{ $names }
prose-unknown-name = 无法填写正文：“{ $name }”不是可用的名称
prose-unknown-helper = 无法填写正文：“{ $name }”不是可用的表达式
prose-fill-failed = 无法填写正文（原文：{ $detail }）
prose-no-target = 指标“{ $name }”没有全年目标（target），无法写出完成率：请为其填写 target，或在正文中不再引用它的完成率
prose-no-growth = 指标“{ $name }”没有可比的上年同期数（previous），无法写出同比变化：请为其填写 previous，或在正文中不再引用它的同比变化
template-each-budget = 模板中的 each 循环合计超过 { $limit } 轮（嵌套的循环轮数相乘）：请减少循环的条目或嵌套层数
prose-needs-name = “{ $helper }”后须写出带引号的指标名称
prose-needs-name-help = 请写 {"{{"}{ $helper } "营业收入"{"}}"}
prose-unknown-indicator = 正文引用了指标“{ $name }”，但报告中没有定义该指标
prose-unknown-indicator-label = [[indicators]] 中没有这个名称
prose-unknown-indicator-suggest = 是否应为“{ $suggestion }”？或添加名为“{ $name }”的 [[indicators]] 条目
prose-unknown-indicator-add = 请添加 name = "{ $name }" 的 [[indicators]] 条目

## huibao 读取和排版的上限。

build-table-too-large = 表格有 { $columns } 列、{ $rows } 行，超出 huibao 可排版的上限（{ $max_columns } 列，{ $max_cells } 个单元格）
build-this-table = 此表格
build-table-too-large-help = 请拆分为几个表格，或作为单独的附件
build-paragraph-too-long = 一段有 { $length } 字，超过 huibao 可排版的上限 { $max } 字
build-in-this-text = 在此段文字中
build-paragraph-too-long-help = 请分段：空一行即开始新的一段
scan-more = 另有 { $count } 处同类问题
scan-not-finite = “{ $value }”不是可以写出的数字
scan-not-finite-label = 不是有限的数字
scan-not-finite-help = 请写 123.5 这样的数字（inf、nan 以及超出 ±1.8e308 的数字无法写出）
scan-too-large = 此数字过大，无法准确写出
scan-too-large-label = 过大
scan-too-large-help = 报告中的数字应小于 9007199254740992（2^53）；金额较大时请换用更大的单位，例如用亿元而不用元
scan-control = { $what }无法印出{ $count ->
    [1] {""}
   *[other] （{ $place ->
        [key] 此键
       *[text] 此段文字
    }中共 { $count } 个）
}
scan-control-label = 此处有一个不可见字符

## Characters that cannot be printed, and figures with no rate (core's chars and indicator).
chars-control = 控制字符 { $code }{ $name ->
        [none] {""}
       *[other] （{ $name }）
    }
chars-bidi-control = 双向文字控制符 { $code }{ $name ->
        [none] {""}
       *[other] （{ $name }）
    }
chars-control-help = 请删除它（以及写出它的转义，如 \b 或 \u0008）：文字中可以有制表符和换行，但不能有其他控制字符；它们常来自从其他程序复制的文字
chars-bidi-control-help = 请删除它（以及写出它的转义，如 \u202E）：支持它的程序会把它周围的文字倒排或重排，网页和 Word 显示的数字就会与 PDF 不同；它常来自从网页复制的文字
rate-zero-base = 上年同期为 0（previous = 0），无法计算增长率
rate-loss-to-zero = 上年亏损、本期为 0：任何变化率都不成立（既非扭亏为盈，也非减亏）
rate-too-large = 变化幅度过大，无法印出
completion-target-not-positive = 全年目标应大于 0
completion-negative-value = 本期数值小于 0，不印完成率（负的完成率没有意义）
completion-too-large = 完成率过大，无法印出

## One way in: a file that is not read (core's input).
read-kind-report = 报告文件
read-kind-previous-report = 上期报告
read-kind-spreadsheet = 统计表
read-kind-import-text = 要导入的文本
read-kind-import-docx = 要导入的 Word 文档
read-kind-plugin-manifest = 插件的 plugin.toml
read-kind-plugin-template = 插件的模板
read-kind-plugin-library = 原生插件的库文件
read-kind-font = 字体文件
read-type-folder = 文件夹
read-type-character-device = 字符设备
read-type-block-device = 块设备
read-type-fifo = 命名管道（FIFO）
read-type-socket = 套接字
read-type-other = 非普通文件
read-missing = “{ $path }”不存在
read-missing-help = 请检查路径（报告中的路径相对于报告所在的文件夹）
read-folder = “{ $path }”是文件夹，不是文件
read-folder-help = 请写出{ $kind }本身的文件名，而不是它所在的文件夹
read-not-regular = “{ $path }”是{ $what }，不是普通文件
read-not-regular-link = “{ $path }”是指向{ $what }的链接，不是指向普通文件
read-not-regular-help = huibao 只读取普通文件：请把内容保存为文件，再写出该文件名
read-dangling-link = “{ $path }”是指向“{ $to }”的链接，但该目标不存在
read-too-large = “{ $path }”大于 { $limit }{ $size ->
        [none] {""}
       *[other] （{ $size }）
    }，这是 huibao 读取{ $kind }的上限（{ $limit_name }）
read-changed = “{ $path }”在打开时被改动：它已不是原来的普通文件
read-io = 无法读取“{ $path }”：{ $reason }
read-io-help = 请检查路径，并确认文件可读
read-permission-help = 请确认您有读取该文件的权限
read-too-large-help-report = 请确认这是报告文件；报告是文字，远小于此上限（篇幅长的材料请放入单独的附件）
read-too-large-help-spreadsheet = 请把指标表复制到单独的工作簿中再读取
read-too-large-help-import-text = 请导入上期报告本身：报告文字远小于此上限（请拆出附录和数据）
read-too-large-help-import-docx = 请另存一份不含图片和嵌入文件的副本（Word：文件 → 另存为，压缩图片）再导入
read-too-large-help-plugin-file = 插件的文件是短小的文本：请确认这是插件的文件
read-too-large-help-plugin-library = 请以 release 模式编译插件并去除符号；插件库通常只有几 MiB
read-too-large-help-font = 请使用字体文件本身（.ttf、.otf、.ttc），而不是压缩包或磁盘映像

## Dates, figures with no printed rate, plugin sections, variation selectors.
lint-the-period = 报告期（period）
lint-the-date = 成文日期（date）
lint-year-implausible = { $what }在 { $year } 年：园区报告所涉年份应在 { $first } 年至 { $last } 年之间
lint-year-implausible-label = 请核对年份
lint-year-implausible-help = 请核对年份：可能输错了数字（如把 2022 写成 2202）
lint-date-before-period-end = 成文日期 { $date } 比报告期 { $period } 的结束日 { $end } 早三个多月
lint-date-before-period-end-label = 早于报告期结束三个多月
lint-date-before-period-end-help = 工作总结的成文日期是签发之日，应在所总结的期间之后：请核对 date 和 period
lint-no-change = 指标“{ $name }”{ $reason }：不印同比变化
lint-no-change-label = 不印同比
lint-no-change-zero-base-help = 请删除 previous，或填写上年同期的实际数字
lint-no-change-help = 请在正文中说明该数字的变化，或删除 previous
lint-no-completion = 指标“{ $name }”：{ $reason }
lint-no-completion-label = 不印完成率
lint-no-completion-help = 请在正文中说明目标完成情况，或删除 target
build-plugin-forbidden = 插件生成的章节中含有{ $what }，无法印出
build-plugin-section-label = 此章节
build-plugin-forbidden-help = 请修改插件或其配置：文字中可以有制表符和换行，但不能有其他控制字符
render-variant-fallback = “{ $base }”的异体字选择符 { $selector } 无法在字体 { $font } 中显示，已用基本字形（{ $place }：“{ $context }”）
render-variant-fallback-label = 此异体字选择符
render-variant-fallback-help = DOCX 和 HTML 保留异体字；PDF 和 OFD 需要安装含此异体字的字体（如 Noto Serif CJK 等 IVS 字体），或用 --font-dir 指定；文字层保留 { $selector }

## 模板（报告正文和模板插件中的 {{…}}）：不能使用的写法。

guard-partial = 此处不能使用子模板（{"{{"}> …{"}}"}）
guard-partial-help = 请在需要的地方直接写出文字；huibao 的模板不支持子模板
guard-decorator = 此处不能使用装饰器和内联子模板（{"{{"}* …{"}}"}、{"{{"}#*inline …{"}}"}）
guard-too-deep = 表达式嵌套超过 { $max } 层
guard-too-deep-help = 请拆分表达式，减少块（{"{{"}#if{"}}"}、{"{{"}#each{"}}"}、{"{{"}else if{"}}"}）和（…）子表达式的嵌套层数

## 字体和排版
layout-font-unusable = 无法使用字体文件“{ $path }”：{ $reason }
font-reason-with-help = { $reason }（{ $help }）
font-not-mapped = 无法映射此文件（原文：{ $detail }）
font-not-a-font = 不是 huibao 能读取的字体文件（原文：{ $detail }）
font-cut-short = 文件不完整：其中的表 { $table } 到第 { $end } 字节才结束，但文件只有 { $size } 字节
font-outlines-unreadable = 无法读取其中的字形轮廓
font-unreadable = 无法读取此文件
layout-font-dir-missing = 字体文件夹“{ $path }”不存在（请检查选项 --font-dir 和环境变量 HUIBAO_FONT_DIR）
layout-no-font = 没有可用于{ $role }的字体（需要：{ $families }）；请安装其中一种字体，或用选项 --font-dir 指定字体文件夹
layout-missing-glyph = 所有字体中都没有{ $place }中的字“{ $character }”（{ $code }）：“{ $context }”（已尝试的字体：{ $tried }）
