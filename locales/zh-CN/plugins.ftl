## plugins
