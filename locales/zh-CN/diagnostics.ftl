## diagnostics
error-read-file = 无法读取文件“{ $path }”：{ $reason }
