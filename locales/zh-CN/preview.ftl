## 实时预览（huibao watch）。

preview-title = huibao 预览
preview-bind = 无法在 127.0.0.1:{ $port } 上提供预览（原文：{ $detail }），请用 --port 换一个端口
preview-watch = 无法监视“{ $path }”的变化（原文：{ $detail }）

## 预览和编辑器共用的本机服务器（huibao watch、huibao edit）对请求的拒绝和它自己的提示。
server-refusal = { $status }：{ $why }
server-refused-host = 此服务器只回应发往 127.0.0.1 或 localhost 的 { $port } 端口的请求
server-refused-origin = 拒绝来自其他网站的请求
server-refused-token = 请打开 huibao 启动时显示的地址（其中带有本次运行的令牌）
server-no-route = 此服务器上没有这个地址
server-method-not-allowed = 此地址只接受 { $allow } 请求
server-body-chunked = 请用 Content-Length 发送请求正文（不读取 Transfer-Encoding）
server-body-no-length = 请求正文须带有 Content-Length
server-body-length-invalid = Content-Length 不是一个数
server-body-too-large = 请求正文最多读取 { $max } 字节
server-body-timeout = 请求正文未能按时到达
server-descriptors-exhausted = 无法接受新的连接（原文：{ $detail }），正在等待已有连接关闭后重试：请关闭不用的预览标签页，或用 ulimit -n 提高上限
server-descriptors-recovered = 在 { $ms } 毫秒没有空闲的文件描述符之后，已恢复服务
