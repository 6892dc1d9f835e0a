//! The plugin host: finds, checks and runs section plugins (native and template).
