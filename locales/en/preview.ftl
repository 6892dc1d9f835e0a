## preview
