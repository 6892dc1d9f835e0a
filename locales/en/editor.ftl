## editor
## The report editor (huibao edit): results shown on its page.

editor-sheet-merged = read { $count } indicator(s) from { $sheet }: { $added } added, { $changed } updated, { $unchanged } as in the report
editor-sheet-refused = { $count } cell(s) of { $file } cannot be read; the indicators were not changed. Fix the spreadsheet as listed below and import it again
editor-sheet-guess = { $name }: { $text }
