## 插件：加载、插件配置、插件返回的内容。

plugin-origin-user = 用户的插件文件夹
plugin-origin-program = huibao 程序所在文件夹
plugin-name-differs = 插件“{ $name }”：库文件“{ $path }”自称“{ $own }”
plugin-name-differs-help = 请将文件改名为 { $file }，或在 export_plugin! 中使用名称“{ $name }”
plugin-schema-not-json = 插件“{ $name }”的配置结构说明不是有效的 JSON（原文：{ $detail }）
plugin-bug-at = 这是插件本身的问题（“{ $path }”）
plugin-template-in = 模板插件位于“{ $path }”
plugin-request-unwritable = 插件“{ $name }”：无法生成调用请求（原文：{ $detail }）
plugin-bug = 这是插件本身的问题（“{ $path }”，版本 { $version }），请告知插件作者
plugin-bug-isolated = 这是插件本身的问题（“{ $path }”，版本 { $version }），请告知插件作者；huibao 在单独的进程中运行插件，未写入任何文件
plugin-bug-section-json = 这是插件本身的问题（“{ $path }”，版本 { $version }），请告知插件作者；专题段落须是 huibao_plugin_api::Section 格式的 JSON
plugin-bug-panic = 这是插件本身的问题（“{ $path }”，版本 { $version }），请告知插件作者；huibao 已拦截插件的崩溃，未写入任何文件
plugin-bug-abi = 这是插件本身的问题（“{ $path }”，版本 { $version }），请告知插件作者；也可能是插件的接口版本不符
plugin-malformed-response = 插件“{ $name }”返回的内容格式有误（原文：{ $detail }）
plugin-failed = 插件“{ $name }”{ $detail }
plugin-section-unusable = 插件“{ $name }”返回的专题段落无法使用：{ $detail }
plugin-reported-error = 插件“{ $name }”报告错误（原文：{ $detail }）
plugin-reported-error-help = 以上是插件自己的提示；请检查此专题段落的插件配置
plugin-panicked = 插件“{ $name }”崩溃（原文：{ $detail }）
plugin-unknown-status = 插件“{ $name }”返回了无法识别的状态 { $status }
plugin-template-outline = 模板插件“{ $name }”：{ $detail }
plugin-template-outline-help = 专题段落标题之下最多两级带序号的小标题
plugin-schema-unusable = 插件“{ $name }”的配置结构说明无法使用：{ $detail }
plugin-schema-unusable-help = huibao 支持的 JSON Schema 关键字见 plugins/README.md
plugin-invalid-name = “{ $name }”不是有效的插件名称
plugin-invalid-name-label = 不是插件名称
plugin-invalid-name-help = 插件名称由小写英文字母、数字、- 和 _ 组成，例如 fund、party、talent-work
plugin-config-not-table = 插件“{ $name }”：config 应为表，而不是 { $found }
plugin-config-not-table-help = 请写 config = {"{"} key = value, … {"}"}，或写成 [sections.config] 表
plugin-config-not-finite = 插件“{ $name }”：{ $key } 不是有限的数字
plugin-config-not-finite-help = 请写 12.5 这样的数字；nan 和 inf 不能传给插件
plugin-config-violation = 插件“{ $name }”的插件配置有误：{ $detail }
plugin-config-violation-label = 不符合插件的配置结构说明
plugin-this-section = 此专题段落所用的插件
plugin-not-found = 找不到插件“{ $name }”
plugin-not-found-label = 没有这个名称的插件
plugin-no-folders = 没有插件文件夹：请用选项 --plugin-dir 指定，或设置环境变量 HUIBAO_PLUGIN_PATH，或在报告中添加 [plugins] paths = ["…"]
plugin-looked = 已在以下文件夹中查找 { $file } 或 { $name }/plugin.toml：{ $folders }
plugin-looked-suggest = 是否应为“{ $suggestion }”？已在以下文件夹中查找 { $file } 或 { $name }/plugin.toml：{ $folders }
plugin-folder = “{ $path }”（{ $origin }）

## 原生插件：库文件无法加载或调用的原因。每条接在“插件“名称””之后。

native-unreadable = 无法加载：{ $reason }
native-no-path = 无法读取“{ $path }”：{ $reason }
native-not-loadable = 无法从“{ $path }”加载（原文：{ $detail }）
native-not-loadable-help = 请确认它是为本平台（{ $platform }）编译的动态库，并用 cargo build 重新编译插件
native-other-abi = 按接口版本 v{ $abi } 编译，而本 huibao 支持接口版本 v{ $supported }（“{ $path }”）
native-other-abi-help = 请用 huibao-plugin-api { $api }（接口版本 v{ $supported }）重新编译插件，或使用支持接口版本 v{ $abi } 的 huibao
native-not-plugin = 不是 huibao 插件：“{ $path }”没有导出 { $symbol } 符号
native-not-plugin-help = 原生插件须用 huibao_plugin_api::export_plugin! {"{"} … {"}"} 定义该符号，并编译为 cdylib，详见 plugins/README.md
native-broken-table = 的插件信息表有误：{ $what }（“{ $path }”）
native-broken-table-help = 这是插件本身的问题，请用 export_plugin! 重新编译插件
native-table-null = 入口函数返回了空指针
native-table-misaligned = 入口函数返回的指针未对齐
native-declares-other-abi = 在 { $symbol } 信息表中声明接口版本为 v{ $abi }，而本 huibao 支持接口版本 v{ $supported }（“{ $path }”）
native-declares-other-abi-help = 请用本 huibao 的 huibao-plugin-api 重新编译插件
native-newer-abi = 按接口版本 { $abi } 编译，比本 huibao 的接口版本 { $supported } 新（“{ $path }”）
native-newer-abi-help = 请升级 huibao，或用本 huibao 附带的 huibao-plugin-api 编译插件
native-table-field = 其中的 { $field }{ $problem }
native-table-null-function = generate 或 free 为空指针
native-table-version-empty = 版本号为空
native-str-null = 是空指针
native-str-long = 长 { $len } 字节（最多 { $max } 字节）
native-str-not-utf8 = 不是 UTF-8 编码
native-host-failed = 无法从“{ $path }”加载：{ $reason }
native-host-failed-help = 该库在加载时崩溃或停止响应；请重新编译，或将其移出插件文件夹
native-host-description = 插件宿主进程无法说明该插件（原文：{ $detail }）
native-host-unreadable = 无法加载（原文：{ $detail }）
native-host-not-started = 无法在插件宿主进程中启动（“{ $exe }”）：{ $reason }
native-timeout = 在 { $seconds } 秒内没有响应，已被停止（是否陷入死循环或无休止的等待？）{ $said }
native-answer-too-long = 返回的内容超过 { $max } 字节，超出允许范围
native-crashed = 崩溃：{ $how }{ $said }
native-exit-signal = 其进程被信号 { $signal } 终止
native-exit-code = 其进程以退出码 { $code } 结束，没有返回结果
native-exit-ended = 其进程已结束，没有返回结果
native-exit-status = 其进程以状态 { $status } 结束（{ $why }）
native-windows-access-violation = 访问冲突：错误的内存访问
native-windows-out-of-memory = 内存不足：可能超过了插件可用的内存
native-windows-illegal-instruction = 非法指令
native-windows-division-by-zero = 整数除以零
native-windows-stack-overflow = 栈溢出
native-windows-fail-fast = 快速失败退出：插件调用了 abort()，或在 panic = "abort" 下发生 panic
native-it-said = ；插件最后输出（原文：{ $said }）
native-signal = { $signal ->
    [SIGSEGV] SIGSEGV（段错误：非法访问内存）
    [SIGABRT] SIGABRT（中止：插件调用了 abort()，或以 panic = "abort" 方式崩溃）
    [SIGBUS] SIGBUS（总线错误：非法访问内存）
    [SIGFPE] SIGFPE（算术错误，例如除以零）
    [SIGILL] SIGILL（非法指令）
    [SIGKILL] SIGKILL（被强制结束，可能占用内存过多）
    [SIGTERM] SIGTERM（被终止）
    [SIGINT] SIGINT（被中断）
    [SIGHUP] SIGHUP（挂断）
    [SIGPIPE] SIGPIPE（向已关闭的管道写入）
    [SIGTRAP] SIGTRAP（陷阱：断点或检查失败）
    [SIGSYS] SIGSYS（错误的系统调用）
    [SIGXCPU] SIGXCPU（超出处理器时间限制）
    [SIGXFSZ] SIGXFSZ（超出文件大小限制）
    [SIGALRM] SIGALRM（定时器）
    [SIGUSR1] SIGUSR1（用户信号 1）
   *[SIGUSR2] SIGUSR2（用户信号 2）
}

## 模板插件：plugin.toml、模板、模板写出的内容。

tpl-folder-unreadable = 无法读取“{ $path }”：{ $reason }
tpl-unreadable = 无法读取：{ $reason }
tpl-manifest = 模板插件“{ $name }”：{ $detail }
tpl-manifest-toml = 模板插件“{ $name }”的 plugin.toml：{ $detail }
tpl-manifest-keys = plugin.toml 可用的键：name、version、description、abi、title、template 和 [schema]
tpl-name-differs = plugin.toml 中的名称为“{ $own }”
tpl-name-differs-help = 名称须与插件文件夹同名，报告中用 plugin = … 引用的就是这个名称
tpl-version-empty = 版本号为空
tpl-version-empty-help = 请写 version = "0.1.0"
tpl-other-format = 按模板插件格式 { $format } 编写，而本 huibao 读取格式 { $supported }
tpl-other-format-help = 请升级 huibao，或按此格式改写插件（见 plugins/README.md）
tpl-schema-not-finite = 插件配置的结构说明中含有 JSON 无法表示的数字（nan 或 inf）
tpl-schema-not-finite-help = 请删除该数字
tpl-schema-unusable = [schema] 无法使用：{ $detail }
tpl-template-outside = 模板“{ $template }”不在插件文件夹内
tpl-template-outside-help = 请指定插件文件夹内的文件，例如 template = "section.hbs"
tpl-template-unreadable = 无法读取模板：{ $reason }
tpl-template-unreadable-help = 请创建该文件，或用 template = "…" 指定模板文件
tpl-template-refused = 模板插件“{ $name }”的模板无法使用：{ $detail }
tpl-title-refused = 标题无法使用：{ $detail }
tpl-title-invalid = 标题不是有效的模板（原文：{ $detail }）
tpl-title-invalid-help = 请写 title = "强化人才支撑"，或使用 {"{{"}config.title{"}}"}
tpl-file-outside = “{ $name }”不在插件文件夹内：“{ $path }”指向“{ $target }”
tpl-file-outside-help = 模板插件只能读取其文件夹“{ $folder }”内的文件；请将文件复制到该文件夹，而不要使用链接
tpl-wrote-nothing = 模板插件“{ $name }”没有为此专题段落写出任何内容
tpl-wrote-nothing-help = 模板的输出至少要有一行文字
tpl-title-fill-failed = 模板插件“{ $name }”：无法填写标题：{ $reason }
tpl-title-came-out = 模板插件“{ $name }”：填写后的标题{ $how ->
    [empty] 为空
   *[lines] 占了多行
}
tpl-many-titles = 模板插件“{ $name }”写出了 { $count } 个一级标题，而一个专题段落只能有一个标题
tpl-many-titles-help = 请在 plugin.toml 中写 title = "…"（各一级标题行即成为其下的条目），或只写一行“一、”标题，其余内容降一级写作（一）（二）
tpl-no-title = 模板插件“{ $name }”写出了文字，但没有可作标题的标题行
tpl-no-title-help = 请在 plugin.toml 中写 title = "…"，或以一行标题开始模板，例如“一、强化人才支撑”
tpl-text-before-title = 模板插件“{ $name }”在标题行之前写出了文字
tpl-text-before-title-help = 请以标题行（一、强化人才支撑）开始模板，文字写在其后；或在 plugin.toml 中写 title = "…"
tpl-empty-title = 模板插件“{ $name }”写出的专题段落的标题行没有标题文字
tpl-empty-title-help = 请在标题行写出标题，例如“一、强化人才支撑”，或在 plugin.toml 中写 title = "…"
tpl-output-too-long = 输出的文字超过 { $max } MiB，这是插件最多能写出的量
tpl-param-number = 第 { $number } 个参数应为数字
tpl-param-whole = 第 { $number } 个参数应为 0 或更大的整数
tpl-param-list = 第 1 个参数应为列表
tpl-param-key = 第 2 个参数应为带引号的键名
tpl-sum-too-large = “{ $key }”的合计太大，无法写出
tpl-share-unprintable = { $whole } 中的 { $part } 所占比例无法写出
tpl-inc-overflow = { $number } + 1 超出了最大的整数，无法写出
tpl-template-invalid = 模板插件“{ $name }”的模板写法有误（原文：{ $detail }）
tpl-template-invalid-help = 请检查 {"{{"}…{"}}"} 表达式：每个 {"{{"}#each{"}}"}、{"{{"}#if{"}}"} 都要有对应的 {"{{"}/each{"}}"}、{"{{"}/if{"}}"}
tpl-fill-failed = 模板插件“{ $name }”无法填写模板：{ $reason }
tpl-fill-failed-help = 可用的名称：config.…、context.organization、context.period.name、context.indicators …、plugin.name；可用的函数：sum、count、num、percent、cn、inc、runin、join、pluck
tpl-missing-name = “{ $name }”不存在（是否已写在此专题段落的插件配置中？）
tpl-unknown-helper = “{ $name }”不是可用的函数
tpl-library-said = 模板引擎报错（原文：{ $detail }）
tpl-helper-refused = 表达式“{ $helper }”无法计算：{ $reason }

## 插件的配置结构说明（加载插件时检查）
schema-not-object = “{ $at }”处的结构说明不是对象
schema-keyword-shape = “{ $at }”处的“{ $keyword }”应为{ $what }
schema-want-types = { $types }之一或由它们组成的列表
schema-want-properties = 由结构说明组成的对象
schema-want-key-names = 由键名组成的列表
schema-want-one-schema = 一个结构说明（不支持元组形式）
schema-want-non-empty-list = 非空列表
schema-want-number = 数字
schema-want-count = 不小于 0 的整数
schema-keyword-unsupported = 不支持“{ $at }”处的关键字“{ $keyword }”；huibao 检查的关键字有 { $checked }

## 专题段落的插件配置（按插件的配置结构说明检查）
config-not-allowed = 不允许写 { $path }
config-wrong-type = { $path } 应为{ $wanted }，而不是{ $found }
config-type-or = { $first }或{ $next }
config-type-string = 加引号的文字
config-type-number = 数字
config-type-integer = 整数
config-type-boolean = true 或 false
config-type-array = 列表 [ … ]
config-type-object = 表
config-type-nothing = 空值
config-found-text = 文字“{ $text }”
config-found-number = 数字 { $number }
config-found-list = 列表
config-found-table = 表
config-not-in-enum = { $path } 为 { $value }，不在 { $values } 之中
config-enum-did-you-mean = 是否应为“{ $best }”？
config-enum-write-one-of = 请写 { $values } 之一
config-not-const = { $path } 应为 { $value }
config-empty = { $path } 为空
config-too-short = { $path } 少于 { $min } 个字
config-too-long = { $path } 超过 { $max } 个字
config-too-few = { $path } 至少应有 { $min } 项，现有 { $count } 项
config-too-many = { $path } 至多 { $max } 项，现有 { $count } 项
config-below-minimum = { $path } 为 { $value }，低于最小值 { $bound }
config-above-maximum = { $path } 为 { $value }，高于最大值 { $bound }
config-not-above = { $path } 为 { $value }，应大于 { $bound }
config-not-below = { $path } 为 { $value }，应小于 { $bound }
config-missing-key-top = 插件配置缺少必填项 `{ $key }`
config-missing-key = { $path } 缺少必填项 `{ $key }`
config-missing-key-help = 请添加 { $key } = { $example }
config-example-one-of = { $example }（{ $values } 之一）
config-example-described = { $example }（{ $description }）
config-key-described = { $key }：{ $description }
config-key-did-you-mean = 是否应为 `{ $best }`？此处可用的键：{ $keys }
config-no-keys = 此表不接受任何键
config-keys-here = 此处可用的键：{ $keys }
config-unknown-key = { $path } 中有无法识别的键 `{ $key }`
config-help-unquote-number = 数字不要加引号：{ $key } = { $number }
config-help-write-number = 请写不带引号和单位的数字：{ $key } = 12.5
config-help-quote-text = 文字请放在双引号中：{ $key } = "……"
config-help-and-description = { $help }；{ $description }

## 插件生成的专题段落（按手写条目的要求检查）
section-at-section = 专题段落
section-at-item = 第{ $number }个条目
section-at-subitem = { $at }下的第{ $number }个条目
section-too-deep = { $at }在专题段落下嵌套超过{ $depth }层条目
section-empty-title = { $at }的标题为空
section-title-several-lines = { $at }的标题占了多行
section-empty = 专题段落是空的：没有标题、段落、表格、图表或条目
section-table-no-columns = { $at }的表格没有列
section-table-row-width = { $at }的表格第{ $row }行有{ $cells }个单元格，而表格有{ $columns }列
section-table-list-width = { $at }的表格给出了{ $count }个 `{ $key }` 值，而表格有{ $columns }列
section-outline-too-deep = 专题段落的序号超过{ $depth }层
