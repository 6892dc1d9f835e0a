## Charts ([[charts]], an item's or an attachment's chart): what they draw and whether it fits a page.

chart-label = this chart
chart-split-help = split it into charts of fewer bars
chart-figures-of-bars = a { $kind } chart draws the report's indicators: `categories`, `series` and `unit` belong to a bars chart
chart-figures-of-bars-help = remove them, or set kind = "bars" to draw figures of your own
chart-bars-indicators = a bars chart draws its own `categories` and `series`, not `indicators`
chart-bars-indicators-help = remove `indicators`, or set kind = "growth" or "completion" to draw the report's figures
chart-unknown-indicator = the chart names “{ $name }”, which is no indicator of the report
chart-unknown-indicator-label = in this list
chart-unknown-indicator-suggest = did you mean “{ $suggestion }”? Name indicators as [[indicators]] does
chart-unknown-indicator-help = name indicators as [[indicators]] does
chart-indicators-empty = the chart's `indicators` list is empty
chart-indicators-empty-help = list the indicators to draw, or remove the key to draw every one
chart-too-many-groups = the chart has { $groups } groups of bars, more than the { $max } a page can show legibly
chart-too-many-groups-help = split it into charts of fewer indicators (list them with `indicators`)
chart-growth-no-previous = indicator “{ $name }” has no `previous`: a growth chart sets this period beside the same period last year
chart-growth-no-previous-help = give it previous = … (the same period last year), or leave it out of `indicators`
chart-growth-units-differ = “{ $first }” is in { $first_unit } but “{ $second }” in { $second_unit }: bars of different units share no axis
chart-growth-units-differ-help = draw one chart per unit: list indicators of one unit in each [[charts]] entry
chart-growth-nothing = no indicator has `previous`, so a growth chart has nothing to show
chart-growth-nothing-help = give indicators previous = … (the same period last year), or remove the chart
chart-completion-no-target = indicator “{ $name }” has no `target`: a completion chart shows the share of the annual target reached
chart-completion-no-target-help = give it target = … (the annual target), or leave it out of `indicators`
chart-completion-no-rate = indicator “{ $name }” has no completion rate: { $reason }
chart-completion-no-rate-help = leave it out of `indicators`
chart-completion-nothing = no indicator has a `target`, so a completion chart has nothing to show
chart-completion-nothing-help = give indicators target = … (the annual target), or remove the chart
chart-bars-no-title = a bars chart needs a `title`: its caption says what the bars are
chart-bars-no-title-help = add title = "…" (the caption after 图N)
chart-bars-no-categories = a bars chart needs `categories`: the names along its axis
chart-bars-no-categories-help = add categories = ["…", "…"]
chart-bars-empty-category = category { $number } of the chart is empty
chart-bars-empty-category-help = name every group of bars
chart-bars-series-count = a bars chart has 1 to { $max } series, not { $count }
chart-bars-series-count-help = give [[….series]] entries with a name and one value per category
chart-bars-series-length = series “{ $name }” has { $values } values for { $categories } categories
chart-bars-series-length-help = give one value per category, in the order of `categories`
chart-bars-value-too-large = series “{ $name }” has the value { $value }, too large to draw
chart-bars-value-too-large-help = check the figures
chart-bars-series-no-name = series { $number } has no name, which its legend entry needs
chart-bars-series-no-name-help = add name = "…"
chart-no-room = the chart's names and numbers leave no room for its bars
chart-too-many-rows = the chart needs { $rows } grid rows for its { $groups } groups of bars, more than a page's { $max }
