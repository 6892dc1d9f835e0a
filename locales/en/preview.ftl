## The live preview (huibao watch).

preview-title = huibao preview
preview-bind = cannot serve on 127.0.0.1:{ $port }: { $detail } (choose another with --port)
preview-watch = cannot watch { $path }: { $detail }
