# Why an output (DOCX, PDF, HTML, OFD, a chart's picture) could not be made, and the errors of reading and writing XML parts and ZIP packages.

render-chart-picture = cannot draw a chart's picture: { $reason }

docx-style = the style cannot be used for the Word document: { $reason }
docx-style-no-body-font = the style has no body font: set one in [style.fonts.body]
docx-style-page-out-of-range = { $key } of { $mm } mm is out of range: give a value from 0 to 2000
docx-style-block-too-small = the margins leave a text block under one inch: make the margins in [style.page] smaller
docx-style-grid-empty = lines per page and characters per line must be at least 1: change lines_per_page and chars_per_line in [style.page]
docx-style-font-size = the { $role } font size of { $size } pt is out of range: give a size from 1 to 1638
docx-style-page-number-gap = the page-number gap of { $gap } mm does not fit the bottom margin of { $margin } mm: make page_number_gap_mm smaller
docx-style-grid-too-dense = { $lines } lines of { $chars } characters do not fit the text block: ask for fewer lines or characters
docx-style-red = the red “{ $red }” is not a #RRGGBB colour, such as #C8102E
docx-part-unreadable = a part docx-rs wrote cannot be read back, a bug in huibao; please report it: { $reason }
docx-package-unwritable = cannot write the Word document's package: { $reason }
docx-missing-pictures = the document has { $charts } charts but { $pictures } pictures were given: draw one for each chart

html-template-failed = the page template cannot make the HTML file, a bug in huibao; please report it: { $detail }

pdf-font-subset = cannot subset the font file “{ $font }”; use another font: { $detail }
pdf-font-subset-unreadable = the subset of the font file “{ $font }” cannot be read back; use another font
pdf-incomplete = the PDF as written lacks its { $part }, a bug in huibao; please report it
pdf-save = cannot write the PDF file: { $detail }

ofd-font = cannot embed the font file “{ $font }” in the OFD; use another font: { $detail }
ofd-package-unwritable = cannot write the OFD package: { $reason }

raster-size = a picture of { $width } × { $height } pixels cannot be drawn: too large or empty
raster-font = cannot read the outlines of the font file “{ $font }”; use another font: { $detail }
raster-encode = cannot encode the picture as PNG: { $detail }

xml-malformed = malformed XML near byte { $position }: { $detail }
xml-unclosed = the XML ends at byte { $position } with <{ $element }> still open
xml-no-root = the XML has no root element
xml-too-deep = the XML nests elements more than { $limit } deep
xml-too-large = the XML is too large: { $size } bytes, over the limit of { $limit }
xml-too-many-nodes = the XML is too large: more than { $limit } elements and texts
xml-not-zip = not a ZIP archive: { $detail }
xml-too-many-entries = the archive is too large: { $count } entries, over the limit of { $limit }
xml-part-too-large = { $part } is too large: it unpacks to more than { $limit } bytes
xml-part-damaged = { $part } cannot be unpacked: { $detail }
xml-write = cannot write the ZIP package: { $detail }
