## The live preview (huibao watch).

preview-title = huibao preview
preview-bind = cannot serve on 127.0.0.1:{ $port }: { $detail } (choose another with --port)
preview-watch = cannot watch { $path }: { $detail }

## The local server that the preview and the editor share (huibao watch, huibao edit): its refusals of requests and its own notices.
server-refusal = { $status }: { $why }
server-refused-host = this server answers only requests addressed to 127.0.0.1 or localhost at port { $port }
server-refused-origin = requests from other sites are refused
server-refused-token = open the address huibao printed when it started (it carries this run's token)
server-no-route = no such route on this server
server-method-not-allowed = { $allow } only
server-body-chunked = send the body with Content-Length (Transfer-Encoding is not read)
server-body-no-length = a body needs a Content-Length
server-body-length-invalid = Content-Length is not one number
server-body-too-large = a body of at most { $max } bytes is read
server-body-timeout = the body did not arrive in time
server-descriptors-exhausted = cannot take new connections: { $detail }; waiting for connections to close and trying again (close unused preview tabs, or raise the limit with `ulimit -n`)
server-descriptors-recovered = serving again after { $ms } ms without free file descriptors
