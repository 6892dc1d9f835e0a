## huibao --help: what each command and option is for.

cli-about = Writes a park management committee's work report (工作总结及工作计划) as DOCX, PDF and HTML from one TOML file
cli-after-help = Exit codes: 0 success; 1 the report (or a plugin, font or input file) has errors; 2 wrong usage; 3 an output could not be written; 130 stopped by a signal (outputs left as they were).
cli-render-about = Render reports to DOCX, PDF and/or HTML (several at once: files or folders)
cli-watch-about = Preview a report in the browser, rendered again on every save
cli-check-about = Validate and lint a report; exits 1 when it has errors
cli-new-about = Write a commented starter report that renders as it is
cli-schema-about = Print the JSON schema of the report format (for editor completion and checking)
cli-fonts-about = Show which font serves each role in PDF output
cli-fonts-report = A report: show the fonts of its style (its [style] fonts) instead of the preset's
cli-plugins-about = List the plugins found
cli-plugins-list-about = List every plugin found, with kind, version, ABI and path
cli-plugin-about = Plugin tools (scaffold a new plugin)
cli-plugin-new-about = Scaffold a new plugin that builds and renders as it is
cli-import-about = Turn last period's report (.txt, .docx, .doc, .wps, .pdf, .html, .mhtml, .odt or .ofd) into a report TOML
cli-indicators-about = Print the key figures of a statistics spreadsheet (.xlsx, .xls, .ods, .csv) as [[indicators]] TOML
cli-man-about = Print the manual page (roff), as the packages install it as huibao(1)
cli-man-failed = error: cannot write the manual page: { $detail }

cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-lang = Language of messages: zh-CN or en (default: HUIBAO_LANG, then the locale)
cli-arg-plugin-dir = Extra directory to search for plugins (repeatable); also HUIBAO_PLUGIN_PATH
cli-arg-previous = Last period's report: fills missing 同比 figures and lists plan items nobody reported on (overrides `previous` in [report])
cli-arg-font-dir = Extra directory with fonts (repeatable); also HUIBAO_FONT_DIR
cli-arg-no-system-fonts = Use only bundled fonts and --font-dir, never the system's
cli-arg-pdf-a = The PDF's archival level: 2a (PDF/A-2a, tagged, also PDF/UA-1: read aloud and reflowed in order) or 2b (PDF/A-2b, untagged, a little smaller); wins over the report's [output] pdf_a [default: 2a]
cli-arg-report = The report file (TOML)
cli-render-reports = The report files (TOML); a folder stands for every *.toml in it. Several reports are rendered in parallel, fonts read once for all
cli-render-format = Formats to write, comma-separated: docx, pdf, html, txt (plain text), ofd (GB/T 33190) [default: docx,pdf,html]
cli-render-out = Directory for the outputs, named after the report: DIR/<report>.<ext> [default: .]
cli-render-jobs = Reports rendered at once (several reports); default: one per core
cli-watch-open = Open the page in the default browser
cli-watch-format = Formats also written to --out after every good save, comma-separated: docx, pdf, html, txt, ofd (the page is always served)
cli-watch-out = Directory for those formats: DIR/<report>.<ext> [default: .]
cli-watch-port = Port on 127.0.0.1 (0: any free port) [default: 8022]
cli-check-deny-warnings = Treat lint warnings as errors
cli-new-path = Where to write it (default: report.toml); an existing file is never overwritten
cli-plugins-list-report = Also search the `[plugins] paths` of this report
cli-plugin-new-name = The plugin's name: lowercase letters, digits, - and _ (e.g. talent)
cli-plugin-new-native = A native (Rust cdylib) plugin instead of a template plugin
cli-plugin-new-dir = Where to create the plugin's folder (default: the current directory)
cli-plugin-new-api-path = The huibao-plugin-api source folder for a native plugin's dependency (default: this huibao's source tree when it is there, else crates.io)
cli-import-source = The source: a .txt (UTF-8, UTF-16 or GB18030/GBK), .docx, .doc, .wps, .pdf, .html, .htm, .mhtml, .odt or .ofd file (the kind is decided by its content)
cli-import-output = Where to write the report TOML (default: the source's name with .toml, never overwriting an existing file)
cli-import-stdout = Print the TOML to standard output instead of writing a file
cli-indicators-sheet-file = The statistics spreadsheet: .xlsx, .xls, .ods or .csv (UTF-8 or GBK)
cli-indicators-sheet = The sheet to read (default: the first with an indicator table)
cli-indicators-range = The cells to read, such as A3:G20 (default: the whole sheet)

## Placeholders of values in --help.

cli-value-report = REPORT
cli-value-dir = DIR
cli-value-count = N
cli-value-port = PORT
cli-value-format = FORMAT
cli-value-last = LAST.toml
cli-value-file = FILE
cli-value-path = PATH
cli-value-name = NAME
cli-value-source = SOURCE
cli-value-report-toml = REPORT.toml
cli-value-sheet-file = SHEET_FILE
cli-value-range = A3:G20
cli-value-lang = LANG
cli-value-level = LEVEL

## The headings and usage line of --help.

cli-usage-line = Usage: { $usage }
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-heading-commands = Commands:
cli-usage-options = [OPTIONS]
cli-usage-command = <COMMAND>

## Wrong usage of the command line.

cli-error = error: { $message }
cli-error-more = For more information, try '--help'.
cli-error-unknown-argument = unexpected argument '{ $argument }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-invalid-value = invalid value '{ $value }' for '{ $argument }'
cli-error-invalid-value-detail = invalid value '{ $value }' for '{ $argument }': { $detail }
cli-error-invalid-value-why = invalid value '{ $value }' for '{ $argument }': { $why }
cli-error-invalid-value-allowed = invalid value '{ $value }' for '{ $argument }' (possible values: { $allowed })
cli-error-missing-argument = the following required arguments were not provided: { $argument }
cli-error-missing-command = a command is required
cli-error-conflict = the argument '{ $argument }' cannot be used with '{ $other }'
cli-error-extra-argument = unexpected argument '{ $argument }' found: the command takes no more files or values
cli-error-too-many-values = too many values for '{ $argument }': '{ $value }'
cli-error-number-of-values = '{ $argument }' takes { $expected } values but { $actual } were given
cli-error-no-equals = the value of '{ $argument }' must follow an equals sign, such as { $argument }=…
cli-error-not-utf8 = an argument on the command line is not valid UTF-8
cli-error-tip = tip: { $tip }
cli-tip-similar-command = a similar command exists: '{ $suggestion }'
cli-tip-similar-argument = a similar argument exists: '{ $suggestion }'
cli-tip-similar-value = a similar value exists: '{ $suggestion }'
cli-tip-after-double-dash = to pass '{ $argument }' as a value, use '-- { $argument }'
cli-tip-in-subcommand = a subcommand has this option: '{ $usage }'
cli-tip-remove-double-dash = a command '{ $argument }' exists; to use it, remove the '--' before it
cli-error-other = wrong usage
cli-warning-signals = warning: Ctrl-C cannot be handled ({ $detail }): an interrupted run may leave temporaries

## What the commands print.

cli-error-line = error: { $message }
cli-error-with-help = error: { $message } ({ $help })
cli-new-exists = error: { $path } already exists; choose another name or remove it first
cli-new-wrote = wrote { $path }; render it with: huibao render { $path } --out out
cli-font-skipped = warning: font { $path } was skipped: { $detail } (the next font that fits served instead; replace or remove the file)
cli-render-fonts = { $format } fonts: { $fonts }
cli-render-wrote = wrote { $path } ({ $size })
cli-write-help-not-a-folder = --out names the folder the outputs go to (it is created when missing): give a folder, e.g. --out out
cli-write-help-folder-in-way = a folder is in the way of the output: move { $path } away, or write elsewhere with --out DIR
cli-write-help-permission = huibao may not write there: check the permissions of { $path } and its folder, or write elsewhere with --out DIR
cli-write-help-replaces-input = an output may not replace an input: write the outputs elsewhere with --out DIR, or rename { $path }
cli-write-help-in-use = close { $path } in Word, WPS or the program that has it open, then run huibao again; no output was changed
cli-write-help-other = no output was changed; fix the cause, or write elsewhere with --out DIR
cli-check-denied = { $report }: { $warnings } warning(s), denied
cli-check-ok = { $report }: ok — { $title }，{ $blocks } blocks, { $indicators } indicators, { $warnings } warning(s)
cli-batch-previous = error: --previous names last period's report of one report; with several reports, give each its own `previous = "…"` in [report]
cli-batch-summary = { $rendered } rendered, { $failed } failed in { $seconds } s
cli-batch-progress = { $bar } { $done }/{ $total } reports, { $elapsed } (ETA { $eta })
cli-batch-wrote = { $report }: wrote { $files }
cli-batch-file = { $path } ({ $size })
cli-watch-no-report-help = help: create one with `huibao new { $path }`
cli-help-line = help: { $help }
cli-watch-serving = serving { $url } — watching { $path } (Ctrl-C stops)
cli-watch-no-browser = warning: cannot open a browser: { $detail }; open { $url } yourself
cli-watch-stopped = stopped
cli-edit-about = Edit a report in the browser: forms, checked and previewed as you type
cli-edit-report = The report file (TOML); a missing file is started empty and written on the first change. Without it, the start page (新建, 打开, 导入上期报告)
cli-edit-no-open = Do not open the default browser; print the address only
cli-edit-no-autosave = Save only when asked (the 保存 button or Ctrl+S), not after every change
cli-edit-port = Port on 127.0.0.1 (0: any free port)
cli-edit-serving = editing at { $url } (Ctrl-C stops)
cli-edit-cannot-serve = error: cannot start the editor's server: { $detail }
cli-watch-rendered = rendered in { $ms } ms
cli-watch-wrote = wrote { $files }
cli-indicators-read = read { $count } indicator(s) from { $sheet } (header at { $header })
cli-fonts-head-role = role
cli-fonts-head-size = size
cli-fonts-head-wanted = wanted
cli-fonts-head-used = used
cli-fonts-head-from = from
cli-fonts-head-file = file
cli-fonts-fake-bold = { $font } (fake bold)
cli-fonts-origin-bundled = bundled
cli-fonts-origin-bundled-stand-in = bundled stand-in
cli-fonts-origin-dir = font dir
cli-fonts-origin-dir-stand-in = font dir stand-in
cli-fonts-origin-system = installed
cli-fonts-origin-system-stand-in = installed stand-in
cli-plugins-none = no plugins found
cli-plugins-head-name = NAME
cli-plugins-head-kind = KIND
cli-plugins-head-version = VERSION
cli-plugins-head-abi = ABI
cli-plugins-head-path = PATH
cli-plugins-searched = searched, in this order:
cli-plugins-shadowed = { $path } (shadowed: the same name is found earlier)
cli-plugins-error = error
cli-plugins-kind-native = native
cli-plugins-kind-template = template
cli-plugin-new-invalid-name = error: `{ $name }` is not a valid plugin name: use lowercase ASCII letters, digits, - and _, starting with a letter (e.g. talent)
cli-plugin-new-native-created =
    created native plugin `{ $name }` in { $folder }
    build it:   cd { $folder } && cargo build
    render it:  huibao render { $example } --format html --out out
cli-plugin-new-template-created =
    created template plugin `{ $name }` in { $folder }
    render it:  huibao render { $example } --format html --out out

## huibao import: what was read from last period's report.

cli-import-exists = error: { $path } exists; not overwriting it (name another file with -o REPORT.toml)
cli-import-bug = error: the imported report does not load; this is a bug in `huibao import`, please report it with the source file
cli-import-done = imported { $source }
cli-import-done-to = imported { $source } → { $target }
cli-import-found = { $value } — { $source }
cli-import-found-guess = { $value } — { $source }  (guess)
cli-import-label-title = title
cli-import-label-organization = organization
cli-import-label-period = period
cli-import-label-date = date
cli-import-label-recipient = recipient
cli-import-label-opening = opening
cli-import-label-part = part { $number }、
cli-import-period-value = { $period } ({ $name })
cli-import-label-indicators = indicators
cli-import-label-attachments = attachments
cli-import-label-cleaned = cleaned
cli-import-paragraphs = { $count } paragraph(s)
cli-import-untitled = (untitled)
cli-import-part = { $title } → { $key }, { $lead ->
    [0] {""}
   *[other] { $lead } opening paragraph(s),{" "}
}{ $items } item(s){ $run_in ->
    [yes] , run-in 一是
   *[no] {""}
}{ $depth ->
    [0] {""}
    [1] {""}
   *[other] , { $depth } levels below the part
}
cli-import-indicators = { $count } from the text{ $masked ->
    [0] {""}
   *[other] ; { $masked } masked figure(s) or name(s) kept as written and listed
}
cli-import-decoded = decoded from { $encoding }
cli-import-word-numbers = { $count } Word list numbers read
cli-import-removed = { $count } clutter line(s) removed (listed at the end of the TOML)
cli-import-punctuation = { $count } punctuation mark(s) made full-width or normalised
cli-import-forbidden-removed = { $count } invisible control or bidirectional formatting character(s) removed
cli-import-page-numbers = { $count } page number(s) cut
cli-import-lines-joined = { $count } line(s) joined to the paragraph or page they were cut from
cli-import-headings-split = { $count } heading(s) split off the sentence before
cli-import-title-split = the title split off the first sentence
cli-import-cleaned = { $steps }
cli-import-doubts = doubts (each a CHECK line at the top of the TOML):
cli-import-next = next: huibao check { $path } && huibao render { $path }
cli-import-error =
    error: { $message }
    {"  "}help: { $help }
cli-import-output-is-input-help = help: name another file with -o REPORT.toml; the source stays as it is
cli-import-label-read-as = read as
cli-import-read-as = { $found } — its name says { $named }, its content decides
cli-import-running-removed = { $count } page number(s) and running header line(s) removed by their place on the page
cli-import-label-kept = text kept
cli-import-kept = { $share }% of the source's Chinese characters ({ $kept } of { $total })
cli-import-kept-low = warning: { $missing }% of the source's Chinese text is not in the report's text: check the removed lines at the end of the TOML
cli-stdout-is-input = error: standard output is { $what } { $path }, read in this run: printing would replace it
cli-stdout-is-input-help = help: send the output to another file (> other.toml)
cli-indicators-bad-range = `{ $text }` is not a range of cells: write the top-left and bottom-right cells with a colon, such as A3:G20
