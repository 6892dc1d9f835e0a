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
plugin-failed = 插件“{ $name }”无法使用（原文：{ $detail }）
plugin-section-unusable = 插件“{ $name }”返回的专题段落无法使用（原文：{ $detail }）
plugin-reported-error = 插件“{ $name }”报告错误（原文：{ $detail }）
plugin-reported-error-help = 以上是插件自己的提示；请检查此专题段落的插件配置
plugin-panicked = 插件“{ $name }”崩溃（原文：{ $detail }）
plugin-unknown-status = 插件“{ $name }”返回了无法识别的状态 { $status }
plugin-template-outline = 模板插件“{ $name }”（原文：{ $detail }）
plugin-template-outline-help = 专题段落标题之下最多两级带序号的小标题
plugin-schema-unusable = 插件“{ $name }”的配置结构说明无法使用（原文：{ $detail }）
plugin-schema-unusable-help = huibao 支持的 JSON Schema 关键字见 plugins/README.md
plugin-invalid-name = “{ $name }”不是有效的插件名称
plugin-invalid-name-label = 不是插件名称
plugin-invalid-name-help = 插件名称由小写英文字母、数字、- 和 _ 组成，例如 fund、party、talent-work
plugin-config-not-table = 插件“{ $name }”：config 应为表，而不是 { $found }
plugin-config-not-table-help = 请写 config = {"{"} key = value, … {"}"}，或写成 [sections.config] 表
plugin-config-not-finite = 插件“{ $name }”：{ $key } 不是有限的数字
plugin-config-not-finite-help = 请写 12.5 这样的数字；nan 和 inf 不能传给插件
plugin-config-violation = 插件“{ $name }”的插件配置有误（原文：{ $detail }）
plugin-config-violation-label = 不符合插件的配置结构说明
plugin-this-section = 此专题段落所用的插件
plugin-not-found = 找不到插件“{ $name }”
plugin-not-found-label = 没有这个名称的插件
plugin-no-folders = 没有插件文件夹：请用选项 --plugin-dir 指定，或设置环境变量 HUIBAO_PLUGIN_PATH，或在报告中添加 [plugins] paths = ["…"]
plugin-looked = 已在以下文件夹中查找 { $file } 或 { $name }/plugin.toml：{ $folders }
plugin-looked-suggest = 是否应为“{ $suggestion }”？已在以下文件夹中查找 { $file } 或 { $name }/plugin.toml：{ $folders }
plugin-folder = “{ $path }”（{ $origin }）
