## 实时预览（huibao watch）。

preview-title = huibao 预览
preview-bind = 无法在 127.0.0.1:{ $port } 上提供预览（原文：{ $detail }），请用 --port 换一个端口
preview-watch = 无法监视“{ $path }”的变化（原文：{ $detail }）
