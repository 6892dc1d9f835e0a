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
