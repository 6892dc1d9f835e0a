//! huibao-xml: a small XML tree with bounded parsing and safe escaping, and ZIP packages of
//! XML parts (DOCX, OFD) read with limits and written deterministically.
//!
//! Parse a part with [`parse`], rearrange or query the [`Element`] tree, write it back with
//! [`Element::to_part`]; read a package with [`PackageReader`], write one with
//! [`PackageWriter`]. Text and attribute values are kept in their escaped form
//! ([`Escaped`]), so a part that is only rearranged comes back byte for byte.

mod error;
mod escape;
mod package;
mod parse;
mod tree;

pub use error::Error;
pub use escape::{escape, is_forbidden, Escaped};
pub use package::{PackageLimits, PackageReader, PackageWriter};
pub use parse::{parse, parse_with, Limits};
pub use tree::{local_name, Element, Node, DECLARATION};
