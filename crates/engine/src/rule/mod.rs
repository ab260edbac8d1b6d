//! Rules as written: a small boolean expression language over answers (docs/FORMAT.md).
//!
//! `lex` turns a rule's text into tokens, `parse` into an [`Ast`] that keeps every span, so that the
//! checker can point at the exact word that is wrong. Spans are relative to the rule's own text.

mod ast;
mod lex;
mod parse;

pub use ast::{Ast, CmpOp, Ident, Value};
pub use parse::{parse, ParseError};
