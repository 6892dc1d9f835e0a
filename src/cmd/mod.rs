//! One module per subcommand.

pub(crate) mod batch;
pub(crate) mod edit;
pub(crate) mod fonts;
pub(crate) mod import;
pub(crate) mod indicators;
pub(crate) mod new;
pub(crate) mod plugins;
pub(crate) mod render;
pub(crate) mod watch;
