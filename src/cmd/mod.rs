//! One module per subcommand.

pub mod fonts;
pub mod import;
pub mod new;
pub mod plugins;
pub mod render;
