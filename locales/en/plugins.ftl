## Plugins: loading, configuration, what they return.

plugin-origin-user = the user's plugin folder
plugin-origin-program = next to huibao
plugin-name-differs = plugin `{ $name }`: the library { $path } calls itself `{ $own }`
plugin-name-differs-help = rename the file to { $file }, or give the name `{ $name }` in export_plugin!
plugin-schema-not-json = plugin `{ $name }` has a config schema that is not JSON: { $detail }
plugin-bug-at = this is a bug in the plugin ({ $path })
plugin-template-in = template plugin in { $path }
plugin-request-unwritable = plugin `{ $name }`: the request could not be written: { $detail }
plugin-bug = this is a bug in the plugin at { $path }, version { $version }; report it to its authors
plugin-bug-isolated = this is a bug in the plugin at { $path }, version { $version }; report it to its authors; huibao ran it in a process of its own and wrote nothing
plugin-bug-section-json = this is a bug in the plugin at { $path }, version { $version }; report it to its authors; a section must be JSON as huibao_plugin_api::Section writes it
plugin-bug-panic = this is a bug in the plugin at { $path }, version { $version }; report it to its authors; huibao caught the panic and wrote nothing
plugin-bug-abi = this is a bug in the plugin at { $path }, version { $version }; report it to its authors; or it was built for another ABI
plugin-malformed-response = plugin `{ $name }` returned a malformed response: { $detail }
plugin-failed = plugin `{ $name }` { $detail }
plugin-section-unusable = plugin `{ $name }` returned a section huibao cannot use: { $detail }
plugin-reported-error = plugin `{ $name }` reported an error: { $detail }
plugin-reported-error-help = the message is the plugin's own; check this section's config
plugin-panicked = plugin `{ $name }` panicked: { $detail }
plugin-unknown-status = plugin `{ $name }` returned the unknown status { $status }
plugin-template-outline = template plugin `{ $name }`: { $detail }
plugin-template-outline-help = a section takes at most two levels of numbered lines below its title
plugin-schema-unusable = plugin `{ $name }` has a config schema huibao cannot use: { $detail }
plugin-schema-unusable-help = see plugins/README.md for the JSON Schema keywords huibao checks
plugin-invalid-name = `{ $name }` is not a valid plugin name
plugin-invalid-name-label = not a plugin name
plugin-invalid-name-help = plugin names are lowercase ASCII letters, digits, - and _: fund, party, talent-work
plugin-config-not-table = plugin `{ $name }`: config must be a table, not { $found }
plugin-config-not-table-help = write config = {"{"} key = value, … {"}"} or a [sections.config] table
plugin-config-not-finite = plugin `{ $name }`: { $key } is not a finite number
plugin-config-not-finite-help = write a number such as 12.5; nan and inf cannot be passed to a plugin
plugin-config-violation = plugin `{ $name }`: { $detail }
plugin-config-violation-label = does not fit the plugin's schema
plugin-this-section = this section's plugin
plugin-not-found = plugin `{ $name }` not found
plugin-not-found-label = no plugin of this name
plugin-no-folders = no plugin directories: pass --plugin-dir DIR, set HUIBAO_PLUGIN_PATH, or add [plugins] paths = ["…"] to the report
plugin-looked = looked for { $file } or { $name }/plugin.toml in: { $folders }
plugin-looked-suggest = did you mean `{ $suggestion }`? looked for { $file } or { $name }/plugin.toml in: { $folders }
plugin-folder = { $path } ({ $origin })

## Native plugins: why a library cannot be loaded or called. Each follows "plugin `name` ".

native-unreadable = cannot be loaded: { $reason }
native-no-path = cannot be read at { $path }: { $reason }
native-not-loadable = cannot be loaded from { $path }: { $detail }
native-not-loadable-help = is it a shared library built for this platform ({ $platform })? Rebuild the plugin with `cargo build`
native-other-abi = was built for plugin ABI v{ $abi }, but this huibao supports ABI v{ $supported }: { $path }
native-other-abi-help = rebuild the plugin against huibao-plugin-api { $api }, which is ABI v{ $supported }, or use a huibao that supports ABI v{ $abi }
native-not-plugin = is not a huibao plugin: { $path } exports no `{ $symbol }` symbol
native-not-plugin-help = a native plugin defines it with `huibao_plugin_api::export_plugin! {"{"} … {"}"}` and is built as a cdylib; see plugins/README.md
native-broken-table = has a broken plugin table: { $what }: { $path }
native-broken-table-help = this is a bug in the plugin; rebuild it with `export_plugin!`
native-table-null = its entry returned a null pointer
native-table-misaligned = its entry returned a misaligned pointer
native-declares-other-abi = declares plugin ABI v{ $abi } in its `{ $symbol }` table, but this huibao supports ABI v{ $supported }: { $path }
native-declares-other-abi-help = rebuild the plugin against this huibao's huibao-plugin-api
native-newer-abi = was built for plugin ABI { $abi }, newer than this huibao's { $supported }: { $path }
native-newer-abi-help = upgrade huibao, or build the plugin against the huibao-plugin-api this huibao ships
native-table-field = its { $field ->
    [config_schema] config schema
   *[other] { $field }
} { $problem }
native-table-null-function = `generate` or `free` is null
native-table-version-empty = its version is empty
native-str-null = is a null pointer
native-str-long = is { $len } bytes long (at most { $max })
native-str-not-utf8 = is not UTF-8
native-host-failed = cannot be loaded from { $path }: { $reason }
native-host-failed-help = the library crashed or hung while loading; rebuild it, or remove it from the plugin folder
native-host-description = cannot be described by the plugin host: { $detail }
native-host-unreadable = cannot be loaded: { $detail }
native-host-not-started = could not be started in a plugin host ({ $exe }): { $reason }
native-timeout = did not answer within { $seconds } s and was stopped (an endless loop or a wait that never ends?){ $said }
native-answer-too-long = answered with more than { $max } bytes, more than allowed
native-crashed = crashed: { $how }{ $said }
native-exit-signal = its process was stopped by signal { $signal }
native-exit-code = its process exited with code { $code } without answering
native-exit-ended = its process ended without answering
native-exit-status = its process ended with status { $status } ({ $why })
native-windows-access-violation = an access violation: a bad memory access
native-windows-out-of-memory = out of memory: perhaps more than a plugin may use
native-windows-illegal-instruction = an illegal instruction
native-windows-division-by-zero = an integer division by zero
native-windows-stack-overflow = a stack overflow
native-windows-fail-fast = a fail-fast exit: the plugin called abort() or panicked with panic = "abort"
native-it-said = ; it said: { $said }
native-signal = { $signal ->
    [SIGSEGV] SIGSEGV (segmentation fault: a bad memory access)
    [SIGABRT] SIGABRT (aborted: the plugin called abort() or panicked with panic = "abort")
    [SIGBUS] SIGBUS (bus error: a bad memory access)
    [SIGFPE] SIGFPE (arithmetic error, such as a division by zero)
    [SIGILL] SIGILL (illegal instruction)
    [SIGKILL] SIGKILL (killed, perhaps for using too much memory)
    [SIGTERM] SIGTERM (terminated)
    [SIGINT] SIGINT (interrupted)
    [SIGHUP] SIGHUP (hang-up)
    [SIGPIPE] SIGPIPE (wrote to a closed pipe)
    [SIGTRAP] SIGTRAP (trap: a breakpoint or a failed check)
    [SIGSYS] SIGSYS (bad system call)
    [SIGXCPU] SIGXCPU (over its processor time limit)
    [SIGXFSZ] SIGXFSZ (over its file size limit)
    [SIGALRM] SIGALRM (alarm clock)
    [SIGUSR1] SIGUSR1 (user signal 1)
   *[SIGUSR2] SIGUSR2 (user signal 2)
}

## Template plugins: plugin.toml, the template, what it wrote.

tpl-folder-unreadable = cannot be read: { $path }: { $reason }
tpl-unreadable = cannot be read: { $reason }
tpl-manifest = template plugin `{ $name }`: { $detail }
tpl-manifest-toml = template plugin `{ $name }`: plugin.toml: { $detail }
tpl-manifest-keys = plugin.toml takes name, version, description, abi, title, template and [schema]
tpl-name-differs = plugin.toml names it `{ $own }`
tpl-name-differs-help = the name must be the folder's name, which reports use in `plugin = …`
tpl-version-empty = its version is empty
tpl-version-empty-help = write version = "0.1.0"
tpl-other-format = is written for template plugin format { $format }, but this huibao reads format { $supported }
tpl-other-format-help = upgrade huibao, or rewrite the plugin for this format (see plugins/README.md)
tpl-schema-not-finite = its schema holds a number JSON cannot write (nan or inf)
tpl-schema-not-finite-help = remove it
tpl-schema-unusable = its [schema] cannot be used: { $detail }
tpl-template-outside = template `{ $template }` is outside the plugin's folder
tpl-template-outside-help = name a file inside the folder, e.g. template = "section.hbs"
tpl-template-unreadable = its template cannot be read: { $reason }
tpl-template-unreadable-help = create the file, or name it with template = "…"
tpl-template-refused = template plugin `{ $name }`: its template cannot be used: { $detail }
tpl-title-refused = its title cannot be used: { $detail }
tpl-title-invalid = its title is not a valid template: { $detail }
tpl-title-invalid-help = write title = "强化人才支撑" or use {"{{"}config.title{"}}"}
tpl-file-outside = `{ $name }` is outside the plugin's folder: { $path } leads to { $target }
tpl-file-outside-help = a template plugin reads only files inside its folder { $folder }; copy the file there instead of linking to it
tpl-wrote-nothing = template plugin `{ $name }` wrote nothing for this section
tpl-wrote-nothing-help = the template's output must hold at least one line of text
tpl-title-fill-failed = template plugin `{ $name }`: its title cannot be filled in: { $reason }
tpl-title-came-out = template plugin `{ $name }`: its title came out { $how ->
    [empty] empty
   *[lines] on several lines
}
tpl-many-titles = template plugin `{ $name }` wrote { $count } top-level heading lines, but a section has one title
tpl-many-titles-help = give title = "…" in plugin.toml (the heading lines become its items), or write one 一、 line and put the rest one level down, （一）（二）
tpl-no-title = template plugin `{ $name }` wrote text but no heading line to be its title
tpl-no-title-help = give title = "…" in plugin.toml, or begin the template with one heading line such as 一、强化人才支撑
tpl-text-before-title = template plugin `{ $name }` wrote text before its heading line
tpl-text-before-title-help = begin the template with the heading line (一、强化人才支撑) and put the text after it, or give title = "…" in plugin.toml
tpl-empty-title = template plugin `{ $name }` wrote a section whose heading line has no title
tpl-empty-title-help = write the title on the heading line, 一、强化人才支撑, or give title = "…" in plugin.toml
tpl-output-too-long = its text grew past { $max } MiB, the most a plugin may write
tpl-param-number = parameter { $number } must be a number
tpl-param-whole = parameter { $number } must be a whole number from 0
tpl-param-list = parameter 1 must be a list
tpl-param-key = parameter 2 must be a key in quotes
tpl-sum-too-large = the sum of "{ $key }" is too large: it cannot be printed
tpl-share-unprintable = { $part } of { $whole } is a share that cannot be printed
tpl-inc-overflow = { $number } + 1 is past the largest whole number: it cannot be printed
tpl-template-invalid = template plugin `{ $name }`: its template is not valid: { $detail }
tpl-template-invalid-help = check the {"{{"}…{"}}"} expressions: every {"{{"}#each{"}}"}/{"{{"}#if{"}}"} needs its {"{{"}/each{"}}"}/{"{{"}/if{"}}"}
tpl-fill-failed = template plugin `{ $name }` failed to fill in its template: { $reason }
tpl-fill-failed-help = names available: config.…, context.organization, context.period.name, context.indicators …, plugin.name; helpers: sum, count, num, percent, cn, inc, runin, join, pluck
tpl-missing-name = `{ $name }` is not there (is it in the section's config?)
tpl-unknown-helper = `{ $name }` is not a known helper
tpl-library-said = { $detail }
tpl-helper-refused = `{ $helper }`: { $reason }

## A plugin's config schema, checked when the plugin is loaded
schema-not-object = the schema at `{ $at }` is not an object
schema-keyword-shape = `{ $keyword }` at `{ $at }` must be { $what }
schema-want-types = one of { $types } or a list of them
schema-want-properties = an object of schemas
schema-want-key-names = a list of key names
schema-want-one-schema = one schema (tuple forms are not supported)
schema-want-non-empty-list = a non-empty list
schema-want-number = a number
schema-want-count = a whole number ≥ 0
schema-keyword-unsupported = keyword `{ $keyword }` at `{ $at }` is not supported; huibao checks { $checked }

## A section's config against its plugin's schema
config-not-allowed = { $path } is not allowed
config-wrong-type = { $path } must be { $wanted }, not { $found }
config-type-or = { $first } or { $next }
config-type-string = text in quotes
config-type-number = a number
config-type-integer = a whole number
config-type-boolean = true or false
config-type-array = a list [ … ]
config-type-object = a table
config-type-nothing = nothing
config-found-text = the text "{ $text }"
config-found-number = the number { $number }
config-found-list = a list
config-found-table = a table
config-not-in-enum = { $path } is { $value }, not one of { $values }
config-enum-did-you-mean = did you mean "{ $best }"?
config-enum-write-one-of = write one of { $values }
config-not-const = { $path } must be { $value }
config-empty = { $path } is empty
config-too-short = { $path } is shorter than { $min } characters
config-too-long = { $path } is longer than { $max } characters
config-too-few = { $path } needs at least { $min } entries, not { $count }
config-too-many = { $path } takes at most { $max } entries, not { $count }
config-below-minimum = { $path } is { $value }, below the minimum { $bound }
config-above-maximum = { $path } is { $value }, above the maximum { $bound }
config-not-above = { $path } is { $value }; it must be above { $bound }
config-not-below = { $path } is { $value }; it must be below { $bound }
config-missing-key-top = the config is missing the required key `{ $key }`
config-missing-key = { $path } is missing the required key `{ $key }`
config-missing-key-help = add { $key } = { $example }
config-example-one-of = { $example } (one of { $values })
config-example-described = { $example } ({ $description })
config-key-described = { $key }: { $description }
config-key-did-you-mean = did you mean `{ $best }`? Keys here: { $keys }
config-no-keys = this table takes no keys
config-keys-here = keys here: { $keys }
config-unknown-key = unknown key `{ $key }` in { $path }
config-help-unquote-number = write the number without quotes: { $key } = { $number }
config-help-write-number = write a number without quotes or units: { $key } = 12.5
config-help-quote-text = put the text in double quotes: { $key } = "……"
config-help-and-description = { $help }; { $description }

## A plugin's section, checked as a hand-written item is
section-at-section = the section
section-at-item = item { $number }
section-at-subitem = { $at }, item { $number }
section-too-deep = { $at } nests deeper than { $depth } levels of items below the section
section-empty-title = { $at } has an empty title
section-title-several-lines = { $at } has a title of several lines
section-empty = the section is empty: no title, paragraphs, table, chart or items
section-table-no-columns = the table of { $at } has no columns
section-table-row-width = row { $row } of the table of { $at } has { $cells } cells but the table has { $columns } columns
section-table-list-width = the table of { $at } gives { $count } `{ $key }` entries for { $columns } columns
section-outline-too-deep = the section nests deeper than { $depth } levels of numbered lines
