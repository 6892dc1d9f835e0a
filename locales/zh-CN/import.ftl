## import

## 地点和原因的列举
import-list-and = { $first }和{ $last }
import-list-comma = { $first }、{ $next }
import-list-semicolon = { $first }；{ $next }

## 各项是从哪里找到的
import-from-signature = 发文机关署名
import-from-title = 标题
import-from-red-header = 版头
import-organization-opening = 开头提到“{ $name }”，请核对全称
import-organization-guessed = 从正文推测（“{ $name }”），请填写全称
import-organization-missing = 原文中没有，请填写全称
import-date-metadata = 成文日期取自网页的信息栏“{ $row }”
import-date-incomplete = 署名处的日期“{ $written }”不完整
import-date-missing = 原文中没有成文日期
import-date-stands-in = { $why }：暂用报告期结束后的第一天，请填写成文日期
import-period-from = { $places }
import-period-from-both = 年份依据{ $year }；{ $shape }依据{ $places }
import-period-months-from-table = { $source }；月份依据指标表格（{ $phrase }）

## 写明报告期的地方
import-place-title = 标题
import-place-opening-sentence = 开头的“现将……如下”句{ $text }
import-place-opening = 总体情况{ $text }
import-place-heading = 部分标题{ $text }
import-place-compared = “{ $text }”（比较的是上一年）
import-place-plan-heading-before = 工作计划的部分标题{ $text }（计划年份的上一年）
import-place-plan-heading-same = 工作计划的部分标题{ $text }（与计划同年）
import-place-signature-date = 署名处的日期{ $date }
import-place-plan-text = 工作计划的正文{ $text }
import-place-text = 正文“{ $text }”
import-place-text-times = 正文“{ $text }”，共出现{ $times }次
import-candidate = { $value }（{ $places }）
import-year-most-named = 正文中出现最多的年份（{ $year }）
import-year-end-state = 正文所述年末情况“{ $text }”
import-year-before-page-date = 网页发布日期（{ $date }）的上一年
import-year-of-page-date = 网页发布日期（{ $date }）所在年份
import-year-not-written = 原文未写年份，暂用今年
import-year-not-written-but = 原文未写年份，暂用今年；原文写作{ $written }
import-shape-year = 全年
import-shape-first-half = 上半年
import-shape-second-half = 下半年
import-shape-quarter = 第{ $quarter }季度
import-shape-months = { $first }—{ $last }月
import-shape-none = 未找到（按全年处理）

## 报告的各部分
import-part-achievements = 主要工作
import-part-problems = 存在的问题
import-part-plan = 工作计划

## 待核对的事项
import-doubt-year-outweighs = 年份取{ $year }（{ $places }），未取{ $against }，请核对报告期
import-doubt-year-only-from = 年份{ $year }仅见于{ $places }，请核对报告期
import-doubt-year-is = 年份：{ $from }；请核对报告期
import-doubt-shape-outweighs = 取{ $shape }（{ $places }），未取{ $against }，请核对报告期
import-doubt-no-shape = 原文未写明是一年中的哪一段，按全年处理
import-doubt-no-parts = 未找到带序号的部分（一、…），全部内容放在总体情况中
import-doubt-organization = 发文机关“{ $name }”：{ $source }
import-doubt-date-stands-in = { $why }：暂以报告期结束后的第一天（date = { $date }）代替
import-doubt-table-in-part = 部分“{ $heading }”开头的表格不会印出，已作为注释保留
import-doubt-attachment-listed = 附件“{ $title }”在署名上方列出，但原文中没有：请补上附件内容或删去该附件
import-doubt-figure-ambiguous = “{ $name }”在正文中有不同的数值，未作为指标
import-doubt-not-a-part = “{ $heading }”不属于报告的部分（主要工作、存在的问题、工作计划），其内容已放入总体情况
import-doubt-no-part-heading = “{ $heading }”上方没有部分标题，已作为一个无标题的主要工作部分的条目
import-doubt-extra-part = “{ $heading }”已作为{ $part }部分的条目：一份报告的主要工作、存在的问题、工作计划各至多一个部分
import-doubt-plan-announced = “…以下…工作：”之后的标题没有部分标题，已作为工作计划
import-doubt-topics = 一级标题是工作专题而不是部分，已作为主要工作的条目
import-doubt-parts-reordered = 各部分将按主要工作、存在的问题、工作计划的顺序印出，与原文顺序不同
import-doubt-items-fifth-level = “{ $heading }”下的条目将成为第五层，已保留为正文
import-doubt-numbered-differently = “{ $heading }”下的条目在原文中编号为{ $written }，将按层级印为{ $printed }（序号随层级而定）
import-doubt-numbering-jumps = 序号在“{ $line }”处从{ $from }跳到{ $to }，请核对是否有遗漏
import-doubt-numbering-breaks = “{ $line }”与前面的序号（{ $last }）不连续，已保留为正文
import-doubt-fifth-level = “{ $line }”将成为第五层标题，已保留为正文
import-doubt-starts-late = 标题层级从“{ $line }”开始，而不是从序号一开始
import-doubt-ocr-slip = “{ $written }”像是文字识别把“{ $read }”认错了：已按原样保留，请在正文中改正
import-doubt-full-stop-in-number = “{ $written }”的数字中间有句号，可能是文字识别把“{ $read }”认错了：已按原样保留

## 写入报告文件的注释
import-toml-header =
    由 huibao import 从“{ $source }”导入。
    正文为原文；序号（一、（一）1.（1）一是）在生成时重新编排。
    标有“待核对”的内容是推测的：请逐项核对，然后运行 huibao check 和 huibao render。
import-check = 待核对：{ $note }
import-note-masked =
    原文中打码（* 或 x）的数字和名称已按原样保留。
    请在正文中填入实际内容；如要把某个数字作为指标，请添加
    { "[[indicators]]" } 并填写指标名称、本期数和计量单位：
import-note-masked-item = “{ $written }”，见“{ $clause }”
import-note-part-without-items = 原文的{ $part }部分没有带序号的条目。
import-note-attachment-listed = 原文在署名上方列出了这个附件，但没有附件内容：请补上正文或表格，或删去该附件。
import-note-leftovers = 未放入报告（位于署名下方）：
import-note-removed = 作为无关内容从原文中删去：
import-remark-table-in-opening = 总体情况中的表格（总体情况不能含表格）：{ $table }
import-remark-table-in-part = 原文中部分“{ $heading }”开头的表格（部分不能含表格）：{ $table }
import-remark-heading-dropped = 标题“{ $heading }”已删去，其内容并入总体情况。
import-remark-second-table = 本条目的第二个表格（每个条目只能有一个表格）：{ $table }
import-comment-from-text = 取自正文：“{ $text }”
import-comment-worked-back =
    { $before }
    待核对：{ $key } = { $value }是根据“{ $from }”倒推的，不是原文数字；如有{ $what }，请填入。
import-comment-set-key = { $before }（{ $from }；请把 { $key } 设为{ $what }）
import-comment-worked-back-table = 待核对：previous = { $value }是根据表格的“{ $column }”列（{ $written }）倒推的，不是原文数字；如有上年同期数，请填入。
import-what-previous = 上年同期数
import-what-target = 全年目标

## 删去无关内容的原因
import-why-page-number = 页码
import-why-previewer-page-number = 在线预览的页码
import-why-running-header = 页码或页眉页脚（按在页面上的位置判断）
import-why-page-header = 页眉（重复的标题）
import-why-field-code = 残留在正文中的 Word 域代码
import-why-listed-outline = 正文前列出的提纲
import-why-teaser = 网站摘要：下文的删节
import-why-inline-notice = 夹在正文中的网站提示
import-why-site-notice = 网站提示
import-why-related-pages = 相关页面列表
import-why-related-link = 相关页面链接
import-why-web-address = 网址
import-why-copyright = 版权声明
import-why-source-notice = 来源说明
import-why-download = 下载提示
import-why-navigation = 网页导航
import-why-timestamp = 网页时间戳
import-why-site-name = 网站名称
import-why-metadata = 网页信息栏（日期、来源、索引号）
import-why-sharing-site = 文档分享网站
import-why-customer-service = 客服联系方式
import-why-site-page-title = 网站的页面标题
import-why-tag-title-fragment = 标签行：标题的片段
import-why-tag-year = 标签行：单独的年份
import-why-tag-line = 标签行
import-why-tag-organization = 标签行：发文机关，与下方标题重复
import-why-title-repeated = 重复的标题
import-why-page-title = 页面标题
import-why-framed-title = 网页框起的标题
import-why-title-repeated-start = 正文开头重复的标题
import-why-unnamed = 与报告无关的内容

## 无法导入的原因
import-error-empty = “{ $path }”是空文件，没有可导入的内容
import-error-not-text = 无法导入“{ $path }”：{ $why }
import-error-docx = “{ $path }”不是可读取的 Word 文档：{ $reason }
import-error-no-paragraphs = “{ $path }”中没有含文字的段落
import-error-too-large = “{ $path }”太大，无法导入：{ $reason }
import-error-unsupported = 无法导入“{ $path }”：它是{ $what }
import-error-protected = 无法导入“{ $path }”：它是设有密码的{ $what }
import-error-damaged = 无法读取“{ $path }”（{ $format }）：{ $reason }
import-error-scanned = “{ $path }”是扫描件：它的 { $pages } 页都没有文字层，没有可导入的文字
import-help-empty = 请选择存有上期报告的文件
import-help-unsupported = huibao 可导入 .txt（UTF-8、UTF-16、GBK）、.docx、.doc、.wps、有文字层的 .pdf、.html、.htm、.mhtml、.odt 和 .ofd：请在 Word 或 WPS 中打开报告并另存为 .docx，或把正文复制到 .txt 文件中
import-help-protected = 请用密码打开（在 Word、WPS 或 PDF 阅读器中），另存一份不带密码的副本，再导入该副本
import-help-damaged = 请在 Word 或 WPS 中打开（PDF 用 PDF 阅读器，网页用浏览器），重新另存为 .docx 或 .txt，或把正文复制到 .txt 文件中
import-help-scanned = 请先在 WPS 或 PDF 阅读器中对扫描件做文字识别（OCR），把识别出的文字存为 .txt 或 .docx 后再导入
import-help-docx = 请在 Word 或 WPS 中打开，重新另存为 .docx（Word 2007 或更新版本），或把正文复制到 .txt 文件中
import-help-no-paragraphs = 报告可能在文本框、图片或扫描页中；请把正文复制到 .txt 文件中再导入
import-help-too-large = 工作报告远没有这么大；如果确是这个文件，请把正文复制到 .txt 文件中再导入
import-binary-nul = 其中含有 NUL 字节
import-binary-bad-bom = 它以 { $encoding } 字节顺序标记开头，但内容不是有效的 { $encoding }
import-binary-encoding = 它既不是 UTF-8 也不是 GB18030/GBK 编码的文字
import-binary-controls = 其中有 { $count } 个控制字符，像是二进制文件
import-binary-zip = 它是 ZIP 压缩包（如果是 .docx，请把扩展名改为 .docx）
import-binary-pdf = 它是 PDF 文件
import-binary-doc = 它是 Word 97–2003（.doc）或 WPS（.wps）文件
import-binary-rtf = 它是 RTF 文件；请另存为 .docx 或 .txt
import-binary-png = 它是 PNG 图片
import-binary-jpeg = 它是 JPEG 图片

## 文件的种类
import-kind-text = 文本文件（.txt）
import-kind-docx = Word 文档（.docx）
import-kind-doc = Word 97–2003 或 WPS 文档（.doc、.wps）
import-kind-pdf = PDF 文件
import-kind-html = 网页（.html、.mhtml）
import-kind-odt = OpenDocument 文本（.odt）
import-kind-ofd = OFD 文件
import-kind-word-document = Word 文档
import-kind-ods = OpenDocument 电子表格（.ods），不是报告
import-kind-odp = OpenDocument 演示文稿（.odp），不是报告
import-kind-xlsx = Excel 工作簿（.xlsx），不是报告（统计报表请用 indicators 命令读取，而不是 import）
import-kind-pptx = PowerPoint 演示文稿（.pptx），不是报告
import-kind-zip = 不含文档的 ZIP 压缩包（没有 word/document.xml、content.xml 或 OFD.xml）
import-kind-damaged-office = 已损坏的 Office 文件（{ $reason }）
import-kind-encrypted-office = 设有密码的 Office 文档（请用密码打开，另存一份不带密码的副本）
import-kind-xls = Excel 97–2003 工作簿（.xls），不是报告
import-kind-ppt = PowerPoint 97–2003 演示文稿（.ppt），不是报告
import-kind-compound = 不含 Word 文档的 Office 复合文件

## What a format's reader found wrong inside a file (the detail of a file that cannot be imported)
import-read-part = 其中的“{ $part }”无法读取：{ $reason }
import-read-part-missing = 其中没有“{ $part }”
import-read-no-word-document = 其中没有 word/document.xml，不是 Word 文档
import-read-not-compound = 它不是可读取的复合文档（原文：{ $detail }）
import-read-encrypted = 它设有密码
import-read-stream = 其中的 { $stream } 数据流无法读取（原文：{ $detail }）
import-read-stream-too-large = 其中的 { $stream } 数据流超过 { $limit } 字节
import-read-no-word-stream = 其中没有 WordDocument 数据流，不是 Word 文档
import-read-old-word = 它不是 Word 97–2003 文档（可能是 Word 6 或 Word 95 文档），请在 Word 或 WPS 中另存为 .docx
import-read-doc-header = 文件头无法读取
import-read-no-table-stream = 其中没有 { $stream } 数据流
import-read-doc-piece-table = 文本片段表无法读取
import-read-declares-chars = 它声明有 { $count } 个字符，超过上限 { $limit } 个
import-read-too-many-chars = 其中的文字超过 { $limit } 个字符
import-read-too-many-pages = 超过 { $limit } 页
import-read-no-doc-root = OFD.xml 中没有指明 DocRoot
import-read-pdf = 其结构无法解析（原文：{ $detail }）
import-read-no-pages = 其中没有页面
import-read-stream-unpacks = 其中有数据流解压后超过 { $limit } 字节
import-read-page-content-unpacks = 其中有页面的内容解压后超过 { $limit } 字节
import-read-too-many-operations = 其页面的绘制操作超过 { $limit } 个
import-read-page-too-large = 网页超过 { $limit } 字节
import-read-no-html-page = 它是网页存档（.mhtml），但其中没有 HTML 网页
import-read-file-size = 它有 { $size } 字节，超过 huibao 导入的上限 { $mib } MiB（{ $limit }）
