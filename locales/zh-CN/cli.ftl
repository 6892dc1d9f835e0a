## huibao --help：各命令和选项的说明。

cli-about = 根据一个 TOML 报告文件，生成园区管委会工作报告（工作总结及工作计划）的 DOCX、PDF 和 HTML 文件
cli-after-help = 退出码：0 成功；1 报告（或插件、字体、输入文件）有错误；2 命令用法有误；3 输出文件无法写入；130 被信号中断（输出文件保持原样）。
cli-render-about = 生成报告的 DOCX、PDF 和 HTML 文件（可同时生成多份：指定多个文件或文件夹）
cli-watch-about = 在浏览器中预览报告，每次保存后自动更新
cli-check-about = 检查报告的错误并给出提示；有错误时退出码为 1
cli-new-about = 生成一份带说明的报告模板，可直接生成报告
cli-schema-about = 输出报告格式的结构说明（JSON Schema，供编辑器自动补全和检查）
cli-fonts-about = 显示 PDF 输出中各字体用途所用的字体
cli-fonts-report = 一份报告：显示它的样式（其 [style] 字体）所用的字体，而不是预设样式的字体
cli-plugins-about = 列出找到的插件
cli-plugins-list-about = 列出找到的全部插件及其类型、版本、接口版本和路径
cli-plugin-about = 插件工具（生成新插件的框架）
cli-plugin-new-about = 生成一个可直接编译、可直接使用的新插件框架
cli-import-about = 将上期报告（.txt、.docx、.doc、.wps、.pdf、.html、.mhtml、.odt 或 .ofd）转换为报告文件（TOML）
cli-indicators-about = 从统计报表（.xlsx、.xls、.ods、.csv）中读取主要指标，输出为 [[indicators]] TOML
cli-man-about = 输出手册页（roff 格式），安装包将其安装为 huibao(1)
cli-man-failed = 错误：无法写出手册页：{ $detail }

cli-arg-help = 显示帮助
cli-arg-version = 显示版本
cli-arg-lang = 提示信息的语言：zh-CN 或 en（默认依次取 HUIBAO_LANG 和系统区域设置）
cli-arg-plugin-dir = 另外查找插件的文件夹（可多次指定）；也可用环境变量 HUIBAO_PLUGIN_PATH
cli-arg-previous = 上期报告：补齐缺少的上年同期数，并列出上期工作计划中本期未提及的事项（优先于 [report] 中的 previous）
cli-arg-font-dir = 另外查找字体的文件夹（可多次指定）；也可用环境变量 HUIBAO_FONT_DIR
cli-arg-no-system-fonts = 只使用随附字体和 --font-dir 中的字体，不使用系统字体
cli-arg-pdf-a = PDF 的归档级别：2a（PDF/A-2a，带结构标记，同时符合 PDF/UA-1，可朗读、可按阅读顺序重排）或 2b（PDF/A-2b，不带结构标记，文件略小）；优先于报告中 [output] 的 pdf_a［默认：2a］
cli-arg-report = 报告文件（TOML）
cli-render-reports = 报告文件（TOML）；指定文件夹即生成其中全部 *.toml。多份报告并行生成，字体只读取一次
cli-render-format = 要生成的格式，用英文逗号分隔：docx、pdf、html、txt（纯文本）、ofd（GB/T 33190）［默认：docx,pdf,html］
cli-render-out = 输出文件夹，文件按报告命名：文件夹/报告名.扩展名［默认：.（当前文件夹）］
cli-render-jobs = 同时生成的报告份数（多份报告时）；默认每个处理器核心一份
cli-watch-open = 用默认浏览器打开预览页面
cli-watch-format = 每次成功保存后另行写入 --out 的格式，用英文逗号分隔：docx、pdf、html、txt、ofd（预览页面始终提供）
cli-watch-out = 上述格式的输出文件夹：文件夹/报告名.扩展名［默认：.（当前文件夹）］
cli-watch-port = 127.0.0.1 上的端口（0 表示任选一个空闲端口）［默认：8022］
cli-check-deny-warnings = 将警告视为错误
cli-new-path = 写入位置（默认：report.toml）；已有的文件不会被覆盖
cli-plugins-list-report = 同时查找此报告 [plugins] paths 中的文件夹
cli-plugin-new-name = 插件名称：小写字母、数字、- 和 _（例如 talent）
cli-plugin-new-native = 生成原生插件（Rust cdylib），而不是模板插件
cli-plugin-new-dir = 在哪个文件夹中创建插件文件夹（默认：当前文件夹）
cli-plugin-new-api-path = 原生插件所依赖的 huibao-plugin-api 源代码文件夹（默认：本程序的源代码目录树，没有时使用 crates.io）
cli-import-source = 源文件：.txt（UTF-8、UTF-16 或 GB18030/GBK 编码）、.docx、.doc、.wps、.pdf、.html、.htm、.mhtml、.odt 或 .ofd 文件（按内容判断类型）
cli-import-output = 报告文件的写入位置（默认：与源文件同名、扩展名为 .toml；不会覆盖已有文件）
cli-import-stdout = 将 TOML 输出到标准输出，不写入文件
cli-indicators-sheet-file = 统计报表：.xlsx、.xls、.ods 或 .csv（UTF-8 或 GBK 编码）
cli-indicators-sheet = 要读取的工作表（默认：第一个含指标表的工作表）
cli-indicators-range = 要读取的单元格区域，例如 A3:G20（默认：整个工作表）

## --help 中值的占位名称。

cli-value-report = 报告文件
cli-value-dir = 文件夹
cli-value-count = 份数
cli-value-port = 端口
cli-value-format = 格式
cli-value-last = 上期报告.toml
cli-value-file = 文件
cli-value-path = 路径
cli-value-name = 名称
cli-value-source = 源文件
cli-value-report-toml = 报告文件.toml
cli-value-sheet-file = 统计报表
cli-value-range = 单元格区域
cli-value-lang = 语言
cli-value-level = 级别

## --help 的标题和用法行。

cli-usage-line = 用法：{ $usage }
cli-heading-arguments = 参数：
cli-heading-options = 选项：
cli-heading-commands = 命令：
cli-usage-options = [选项]
cli-usage-command = <命令>

## 命令行用法有误。

cli-error = 错误：{ $message }
cli-error-more = 详细用法请运行 huibao --help 查看。
cli-error-unknown-argument = 无法识别的参数“{ $argument }”
cli-error-unknown-command = 无法识别的命令“{ $command }”
cli-error-invalid-value = 选项“{ $argument }”的值“{ $value }”无效
cli-error-invalid-value-detail = 选项“{ $argument }”的值“{ $value }”无效（原文：{ $detail }）
cli-error-invalid-value-why = 选项“{ $argument }”的值“{ $value }”无效：{ $why }
cli-error-invalid-value-allowed = 选项“{ $argument }”的值“{ $value }”无效（可用的值：{ $allowed }）
cli-error-missing-argument = 缺少必需的参数：{ $argument }
cli-error-missing-command = 请指定一个命令
cli-error-conflict = 参数“{ $argument }”不能与“{ $other }”同时使用
cli-error-extra-argument = 多余的参数“{ $argument }”：此命令不再接受更多的文件或值
cli-error-too-many-values = 选项“{ $argument }”的值过多：“{ $value }”
cli-error-number-of-values = 选项“{ $argument }”需要 { $expected } 个值，实际给出 { $actual } 个
cli-error-no-equals = 选项“{ $argument }”的值须用等号紧接着写出，例如 { $argument }=…
cli-error-not-utf8 = 命令行中有不是有效 UTF-8 文本的参数
cli-error-tip = 提示：{ $tip }
cli-tip-similar-command = 是否应为命令“{ $suggestion }”？
cli-tip-similar-argument = 是否应为选项“{ $suggestion }”？
cli-tip-similar-value = 是否应为“{ $suggestion }”？
cli-tip-after-double-dash = 如要把“{ $argument }”作为值传入，请写成 -- { $argument }
cli-tip-in-subcommand = 子命令中有此选项：{ $usage }
cli-tip-remove-double-dash = 有名为“{ $argument }”的命令；如要使用，请删去它前面的 --
cli-error-other = 命令用法有误
cli-warning-signals = 警告：无法处理 Ctrl-C（原文：{ $detail }）：中断运行可能会留下临时文件

## 各命令输出的信息。

cli-error-line = 错误：{ $message }
cli-error-with-help = 错误：{ $message }（建议：{ $help }）
cli-new-exists = 错误：“{ $path }”已存在；请换一个文件名，或先删除该文件
cli-new-wrote = 已写入“{ $path }”；生成报告请运行：huibao render { $path } --out out
cli-font-skipped = 警告：已跳过字体文件“{ $path }”（{ $detail }），改用下一个合适的字体；请替换或删除该文件
cli-render-fonts = { $format } 所用字体：{ $fonts }
cli-render-wrote = 已写入“{ $path }”（{ $size }）
cli-write-help-not-a-folder = --out 指定输出文件夹（不存在时自动创建）：请指定一个文件夹，例如 --out out
cli-write-help-folder-in-way = 输出位置已有同名文件夹：请移走“{ $path }”，或用 --out 写到其他文件夹
cli-write-help-permission = 没有写入权限：请检查“{ $path }”及其所在文件夹的权限，或用 --out 写到其他文件夹
cli-write-help-replaces-input = 输出文件不能替换输入文件：请用 --out 目录 写到别处，或将“{ $path }”改名
cli-write-help-in-use = 请在 Word、WPS 或打开它的程序中关闭“{ $path }”，再运行 huibao；所有输出文件均未改动
cli-write-help-other = 输出文件均未改动；请排除原因后重试，或用 --out 写到其他文件夹
cli-check-denied = “{ $report }”：有 { $warnings } 条警告，按要求视为不通过
cli-check-ok = “{ $report }”检查通过：{ $title }，共 { $blocks } 段，{ $indicators } 项指标，{ $warnings } 条警告
cli-batch-previous = 错误：--previous 只能为一份报告指定上期报告；同时生成多份报告时，请在各报告的 [report] 中分别写 previous = "…"
cli-batch-summary = 已生成 { $rendered } 份，失败 { $failed } 份，用时 { $seconds } 秒
cli-batch-progress = { $bar } { $done }/{ $total } 份，已用 { $elapsed }（预计还需 { $eta }）
cli-batch-wrote = “{ $report }”：已写入 { $files }
cli-batch-file = “{ $path }”（{ $size }）
cli-watch-no-report-help = 建议：可用 huibao new { $path } 新建
cli-help-line = 建议：{ $help }
cli-watch-serving = 预览地址 { $url }，正在监视“{ $path }”的变化（按 Ctrl-C 停止）
cli-watch-no-browser = 警告：无法打开浏览器（原文：{ $detail }）；请手动打开 { $url }
cli-watch-stopped = 已停止
cli-edit-about = 在浏览器中编辑报告：填写表单，边写边检查、边预览
cli-edit-report = 报告文件（TOML）；文件不存在时从空白开始，第一次修改时写入。不写则打开起始页（新建、打开、导入上期报告）
cli-edit-no-open = 不打开默认浏览器，只显示地址
cli-edit-no-autosave = 只在要求时保存（“保存”按钮或 Ctrl+S），而不是每次修改后自动保存
cli-edit-port = 127.0.0.1 上的端口（0 表示任选一个空闲端口）
cli-edit-serving = 编辑地址 { $url }（按 Ctrl-C 停止）
cli-edit-cannot-serve = 错误：无法启动编辑器的服务：{ $detail }
cli-watch-rendered = 已更新，用时 { $ms } 毫秒
cli-watch-wrote = 已写入 { $files }
cli-indicators-read = 已从“{ $sheet }”读取 { $count } 项指标（表头位于 { $header }）
cli-fonts-head-role = 字体用途
cli-fonts-head-size = 字号
cli-fonts-head-wanted = 指定字体
cli-fonts-head-used = 实际使用
cli-fonts-head-from = 来源
cli-fonts-head-file = 文件
cli-fonts-fake-bold = { $font }（仿粗）
cli-fonts-origin-bundled = 随附字体
cli-fonts-origin-bundled-stand-in = 随附替代字体
cli-fonts-origin-dir = 字体文件夹
cli-fonts-origin-dir-stand-in = 字体文件夹中的替代字体
cli-fonts-origin-system = 系统字体
cli-fonts-origin-system-stand-in = 系统替代字体
cli-plugins-none = 没有找到插件
cli-plugins-head-name = 名称
cli-plugins-head-kind = 类型
cli-plugins-head-version = 版本
cli-plugins-head-abi = 接口版本
cli-plugins-head-path = 路径
cli-plugins-searched = 已按以下顺序查找：
cli-plugins-shadowed = { $path }（被前面的同名插件覆盖）
cli-plugins-error = 出错
cli-plugins-kind-native = 原生插件
cli-plugins-kind-template = 模板插件
cli-plugin-new-invalid-name = 错误：“{ $name }”不是有效的插件名称：请使用小写英文字母、数字、- 和 _，以字母开头（例如 talent）
cli-plugin-new-native-created =
    已在“{ $folder }”中创建原生插件“{ $name }”
    编译：cd { $folder } && cargo build
    试用：huibao render { $example } --format html --out out
cli-plugin-new-template-created =
    已在“{ $folder }”中创建模板插件“{ $name }”
    试用：huibao render { $example } --format html --out out

## huibao import：从上期报告中读取的内容。

cli-import-exists = 错误：“{ $path }”已存在，不予覆盖（请用 -o 指定另一个文件名）
cli-import-bug = 错误：导入生成的报告文件无法读取；这是 huibao import 的问题，请连同源文件一并报告
cli-import-done = 已导入“{ $source }”
cli-import-done-to = 已导入“{ $source }”→“{ $target }”
cli-import-found = { $value }（依据：{ $source }）
cli-import-found-guess = { $value }（依据：{ $source }；推测，待核对）
cli-import-label-title = 标题
cli-import-label-organization = 发文机关
cli-import-label-period = 报告期
cli-import-label-date = 成文日期
cli-import-label-recipient = 主送机关
cli-import-label-opening = 开头
cli-import-label-part = 第{ $number }部分
cli-import-period-value = { $period }（{ $name }）
cli-import-label-indicators = 指标
cli-import-label-attachments = 附件
cli-import-label-cleaned = 整理
cli-import-paragraphs = { $count } 段
cli-import-untitled = （无标题）
cli-import-part = { $title } → { $key }，{ $lead ->
    [0] {""}
   *[other] 开头 { $lead } 段，
}{ $items } 个条目{ $run_in ->
    [yes] ，段内序号（一是）
   *[no] {""}
}{ $depth ->
    [0] {""}
    [1] {""}
   *[other] ，共 { $depth } 级
}
cli-import-indicators = 从正文中读取 { $count } 项{ $masked ->
    [0] {""}
   *[other] ；{ $masked } 处打码的数字或名称照原样保留并列出
}
cli-import-decoded = 已从 { $encoding } 编码转换
cli-import-word-numbers = 读取了 { $count } 个 Word 自动编号
cli-import-removed = 删除了 { $count } 行无关内容（列在 TOML 末尾）
cli-import-punctuation = { $count } 个标点改为全角或统一写法
cli-import-forbidden-removed = 删除了 { $count } 个不可见的控制字符或双向格式字符
cli-import-page-numbers = 删除了 { $count } 个页码
cli-import-lines-joined = { $count } 行接回原段落或原页
cli-import-headings-split = { $count } 个标题与前一句分开
cli-import-title-split = 标题与第一句分开
cli-import-cleaned = { $steps }
cli-import-doubts = 待核对事项（均在报告文件开头以“待核对”注释列出）：
cli-import-next = 下一步：huibao check { $path } && huibao render { $path }
cli-import-error =
    错误：{ $message }
    建议：{ $help }
cli-import-output-is-input-help = 建议：用 -o 报告.toml 另起一个文件名；源文件保持原样
cli-import-label-read-as = 读作
cli-import-read-as = { $found } — 文件名表明是 { $named }，按内容判断
cli-import-running-removed = 按版面位置删去页码和页眉行 { $count } 处
cli-import-label-kept = 保留文字
cli-import-kept = 源文件汉字的 { $share }%（{ $total } 个中的 { $kept } 个）
cli-import-kept-low = 警告：源文件中 { $missing }% 的汉字不在报告正文中，请查看 TOML 末尾删去的行
cli-stdout-is-input = 错误：标准输出是本次读取的{ $what }“{ $path }”，输出会把它覆盖
cli-stdout-is-input-help = 建议：把输出重定向到另一个文件（> other.toml）
cli-indicators-bad-range = “{ $text }”不是单元格区域：请用冒号连接左上角和右下角的单元格，例如 A3:G20
