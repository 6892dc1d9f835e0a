## diagnostics
error-read-file = cannot read { $path }: { $reason }
