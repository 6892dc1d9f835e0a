# 输出文件（DOCX、PDF、HTML、OFD、图表图片）无法生成的原因，以及 XML 部件和 ZIP 压缩包的读写错误。

render-chart-picture = 无法绘制图表的图片：{ $reason }

docx-style = 样式无法用于 Word 文档：{ $reason }
docx-style-no-body-font = 样式中没有正文字体，请在 [style.fonts.body] 中设置
docx-style-page-out-of-range = { $key } 为 { $mm } 毫米，超出允许范围，请改为 0～2000 之间的值
docx-style-block-too-small = 页边距过大，版心不足 25.4 毫米，请减小 [style.page] 中的页边距
docx-style-grid-empty = 每页行数和每行字数都至少为 1，请修改 [style.page] 中的 lines_per_page 和 chars_per_line
docx-style-font-size = 字体用途“{ $role }”的字号 { $size } 磅超出允许范围，请改为 1～1638 之间的值
docx-style-page-number-gap = 页码距版心 { $gap } 毫米，超出下边距 { $margin } 毫米，请减小 page_number_gap_mm
docx-style-grid-too-dense = 版心排不下每页 { $lines } 行、每行 { $chars } 字，请减少行数或字数
docx-style-red = 红色“{ $red }”不是 #RRGGBB 形式的颜色，例如 #C8102E
docx-part-unreadable = 无法读回 docx-rs 写出的部件，这是程序的缺陷，请报告此问题：{ $reason }
docx-package-unwritable = 无法写出 Word 文档的压缩包：{ $reason }
docx-missing-pictures = 文档有 { $charts } 张图表，但只提供了 { $pictures } 张图片：请为每张图表绘制一张图片

html-template-failed = 网页模板无法生成 HTML 文件，这是程序的缺陷，请报告此问题（原文：{ $detail }）

pdf-font-subset = 无法为字体文件“{ $font }”生成子集，请换用其他字体（原文：{ $detail }）
pdf-font-subset-unreadable = 字体文件“{ $font }”的子集无法读回，请换用其他字体
pdf-incomplete = 生成的 PDF 缺少 { $part }，这是程序的缺陷，请报告此问题
pdf-save = 无法写出 PDF 文件（原文：{ $detail }）

ofd-font = 无法将字体文件“{ $font }”嵌入 OFD 文件，请换用其他字体（原文：{ $detail }）
ofd-package-unwritable = 无法写出 OFD 压缩包：{ $reason }

raster-size = 无法绘制 { $width } × { $height } 像素的图片：尺寸过大或为零
raster-font = 无法读取字体文件“{ $font }”的字形轮廓，请换用其他字体（原文：{ $detail }）
raster-encode = 无法将图片编码为 PNG（原文：{ $detail }）

xml-malformed = 第 { $position } 字节附近的 XML 格式有误（原文：{ $detail }）
xml-unclosed = XML 在第 { $position } 字节处结束，但元素 <{ $element }> 尚未闭合
xml-no-root = XML 中没有根元素
xml-too-deep = XML 元素嵌套超过 { $limit } 层
xml-too-large = XML 过大：共 { $size } 字节，超过上限 { $limit } 字节
xml-too-many-nodes = XML 过大：元素和文本超过 { $limit } 个
xml-not-zip = 不是 ZIP 压缩包（原文：{ $detail }）
xml-too-many-entries = 压缩包过大：共 { $count } 个文件，超过上限 { $limit } 个
xml-part-too-large = 压缩包中的“{ $part }”过大：解压后超过 { $limit } 字节
xml-part-damaged = 无法解压压缩包中的“{ $part }”（原文：{ $detail }）
xml-write = 无法写出 ZIP 压缩包（原文：{ $detail }）
