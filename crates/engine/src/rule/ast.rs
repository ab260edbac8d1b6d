//! The rule as written, before any name is resolved.

use crate::diagnostic::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            CmpOp::Eq => left == right,
            CmpOp::Ne => left != right,
            CmpOp::Lt => left < right,
            CmpOp::Le => left <= right,
            CmpOp::Gt => left > right,
            CmpOp::Ge => left >= right,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Ident(Ident),
    Number(f64, Span),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Ident(ident) => ident.span,
            Value::Number(_, span) => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Ast {
    Bool(bool, Span),
    Answered(Ident),
    Compare {
        question: Ident,
        op: CmpOp,
        op_span: Span,
        value: Value,
    },
    In {
        question: Ident,
        options: Vec<Ident>,
    },
    Not(Box<Ast>),
    And(Vec<Ast>),
    Or(Vec<Ast>),
}
