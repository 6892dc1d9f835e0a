## 图表（[[charts]]、条目或附件中的 chart）：绘制的内容，以及一页能否容纳。

chart-label = 此图表
chart-split-help = 请拆分为几个柱条较少的图表
chart-figures-of-bars = kind = "{ $kind }" 的图表绘制报告中的指标；categories、series 和 unit 只用于 kind = "bars" 的图表
chart-figures-of-bars-help = 请删除这几个键，或改为 kind = "bars" 以绘制自己给出的数字
chart-bars-indicators = kind = "bars" 的图表绘制自己给出的 categories 和 series，不使用 indicators
chart-bars-indicators-help = 请删除 indicators，或改为 kind = "growth" 或 "completion" 以绘制报告中的指标
chart-unknown-indicator = 图表中的“{ $name }”不是本报告的指标
chart-unknown-indicator-label = 在此列表中
chart-unknown-indicator-suggest = 是否应为“{ $suggestion }”？指标名称须与 [[indicators]] 中的写法一致
chart-unknown-indicator-help = 指标名称须与 [[indicators]] 中的写法一致
chart-indicators-empty = 图表的 indicators 列表为空
chart-indicators-empty-help = 请列出要绘制的指标，或删除这个键以绘制全部指标
chart-too-many-groups = 图表有 { $groups } 组柱条，超过一页能清晰显示的 { $max } 组
chart-too-many-groups-help = 请拆分为几个指标较少的图表（用 indicators 列出各图表的指标）
chart-growth-no-previous = 指标“{ $name }”没有上年同期数（previous）：同比图表须将本期与上年同期并列
chart-growth-no-previous-help = 请为其填写 previous = …（上年同期数），或将其从 indicators 中删去
chart-growth-units-differ = “{ $first }”的计量单位是“{ $first_unit }”，“{ $second }”的计量单位是“{ $second_unit }”：计量单位不同的柱条不能共用一根数轴
chart-growth-units-differ-help = 请每种计量单位各画一个图表：每个 [[charts]] 只列同一计量单位的指标
chart-growth-nothing = 没有指标填写了上年同期数（previous），同比图表无可绘制
chart-growth-nothing-help = 请为指标填写 previous = …（上年同期数），或删除此图表
chart-completion-no-target = 指标“{ $name }”没有全年目标（target）：完成率图表显示完成全年目标的比例
chart-completion-no-target-help = 请为其填写 target = …（全年目标），或将其从 indicators 中删去
chart-completion-no-rate = 指标“{ $name }”没有完成率：{ $reason }
chart-completion-no-rate-help = 请将其从 indicators 中删去
chart-completion-nothing = 没有指标填写了全年目标（target），完成率图表无可绘制
chart-completion-nothing-help = 请为指标填写 target = …（全年目标），或删除此图表
chart-bars-no-title = kind = "bars" 的图表须有标题（title）：图题说明柱条表示什么
chart-bars-no-title-help = 请添加 title = "…"（即“图N”之后的图题）
chart-bars-no-categories = kind = "bars" 的图表须有分类（categories）：即数轴旁的各项名称
chart-bars-no-categories-help = 请添加 categories = ["…", "…"]
chart-bars-empty-category = 图表的第 { $number } 个分类为空
chart-bars-empty-category-help = 请为每组柱条写上名称
chart-bars-series-count = kind = "bars" 的图表应有 1 至 { $max } 个数据系列，而不是 { $count } 个
chart-bars-series-count-help = 请用 [[….series]] 逐个给出数据系列，每个写明名称，并为每个分类给出一个数
chart-bars-series-length = 数据系列“{ $name }”有 { $values } 个数，而分类有 { $categories } 个
chart-bars-series-length-help = 请为每个分类给出一个数，顺序与 categories 一致
chart-bars-value-too-large = 数据系列“{ $name }”中的数 { $value } 太大，无法绘制
chart-bars-value-too-large-help = 请核对数字
chart-bars-series-no-name = 第 { $number } 个数据系列没有名称，图例需要它
chart-bars-series-no-name-help = 请添加 name = "…"
chart-no-room = 图表的名称和数字太宽，没有地方画柱条
chart-too-many-rows = 图表的 { $groups } 组柱条需要 { $rows } 行，超过一页的 { $max } 行
