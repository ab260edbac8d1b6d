//! Parses a rule's tokens into an [`Ast`].
//!
//! Grammar, loosest first:
//! ```text
//! or      = and ("or" and)*
//! and     = unary ("and" unary)*
//! unary   = "not" unary | atom
//! atom    = "(" or ")" | "true" | "false" | "answered" "(" ident ")"
//!         | ident op value | ident "in" "[" ident ("," ident)* "]"
//! ```

use super::ast::{Ast, CmpOp, Ident, Value};
use super::lex::{lex, Token};
use crate::diagnostic::Span;

/// Nesting deeper than this is refused rather than risking the stack on hostile input.
const MAX_DEPTH: usize = 64;

/// Why a rule could not be parsed: where, and what was expected.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub span: Span,
    pub message: String,
}

pub fn parse(text: &str) -> Result<Ast, ParseError> {
    let tokens = lex(text).map_err(|(span, message)| ParseError { span, message })?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
        end: text.len(),
    };
    if parser.tokens.is_empty() {
        return Err(parser.error_here("the rule is empty: write a condition, or `true`"));
    }
    let ast = parser.or()?;
    match parser.peek() {
        None => Ok(ast),
        Some(token) => {
            let what = token.describe();
            Err(parser.error_here(format!(
                "expected `and`, `or` or the end of the rule, found {what}"
            )))
        }
    }
}

struct Parser {
    tokens: Vec<(Token, Span)>,
    pos: usize,
    depth: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos).map(|(token, _)| token)
    }

    fn span_here(&self) -> Span {
        self.tokens
            .get(self.pos)
            .map_or(Span::new(self.end, self.end), |(_, span)| *span)
    }

    fn error_here(&self, message: impl Into<String>) -> ParseError {
        ParseError {
            span: self.span_here(),
            message: message.into(),
        }
    }

    fn next(&mut self) -> Option<(Token, Span)> {
        let item = self.tokens.get(self.pos).cloned();
        if item.is_some() {
            self.pos += 1;
        }
        item
    }

    fn at_keyword(&self, keyword: &str) -> bool {
        matches!(self.peek(), Some(Token::Ident(name)) if name == keyword)
    }

    fn expect(&mut self, wanted: Token, what: &str) -> Result<Span, ParseError> {
        match self.peek() {
            Some(token) if *token == wanted => {
                Ok(self.next().map(|(_, span)| span).unwrap_or_default())
            }
            Some(token) => {
                let found = token.describe();
                Err(self.error_here(format!("expected {what}, found {found}")))
            }
            None => Err(self.error_here(format!("expected {what}, but the rule ends here"))),
        }
    }

    fn ident(&mut self, what: &str) -> Result<Ident, ParseError> {
        match self.peek() {
            Some(Token::Ident(name)) if !is_keyword(name) => {
                let name = name.clone();
                let span = self.next().map(|(_, span)| span).unwrap_or_default();
                Ok(Ident { name, span })
            }
            Some(token) => {
                let found = token.describe();
                Err(self.error_here(format!("expected {what}, found {found}")))
            }
            None => Err(self.error_here(format!("expected {what}, but the rule ends here"))),
        }
    }

    fn or(&mut self) -> Result<Ast, ParseError> {
        let mut items = vec![self.and()?];
        while self.at_keyword("or") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Ast::Or(items)
        })
    }

    fn and(&mut self) -> Result<Ast, ParseError> {
        let mut items = vec![self.unary()?];
        while self.at_keyword("and") {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Ast::And(items)
        })
    }

    fn unary(&mut self) -> Result<Ast, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("the rule is nested too deeply"));
        }
        let result = if self.at_keyword("not") {
            self.pos += 1;
            self.unary().map(|inner| Ast::Not(Box::new(inner)))
        } else {
            self.atom()
        };
        self.depth -= 1;
        result
    }

    fn atom(&mut self) -> Result<Ast, ParseError> {
        match self.peek() {
            Some(Token::LParen) => {
                self.pos += 1;
                let inner = self.or()?;
                self.expect(Token::RParen, "`)`")?;
                Ok(inner)
            }
            Some(Token::Ident(name)) if name == "true" || name == "false" => {
                let value = name == "true";
                let span = self.next().map(|(_, span)| span).unwrap_or_default();
                Ok(Ast::Bool(value, span))
            }
            Some(Token::Ident(name)) if name == "answered" => {
                self.pos += 1;
                self.expect(Token::LParen, "`(` after `answered`")?;
                let question = self.ident("a question id")?;
                self.expect(Token::RParen, "`)`")?;
                Ok(Ast::Answered(question))
            }
            Some(Token::Ident(_)) => self.condition(),
            Some(token) => {
                let found = token.describe();
                Err(self.error_here(format!("expected a condition, found {found}")))
            }
            None => Err(self.error_here("expected a condition, but the rule ends here")),
        }
    }

    /// `question op value` or `question in [options]`.
    fn condition(&mut self) -> Result<Ast, ParseError> {
        let question = self.ident("a question id")?;
        if self.at_keyword("in") {
            self.pos += 1;
            self.expect(Token::LBracket, "`[` after `in`")?;
            let mut options = vec![self.ident("an option id")?];
            while self.peek() == Some(&Token::Comma) {
                self.pos += 1;
                options.push(self.ident("an option id")?);
            }
            self.expect(Token::RBracket, "`,` or `]`")?;
            return Ok(Ast::In { question, options });
        }
        let (op, op_span) = match self.peek() {
            Some(Token::Op(symbol)) => {
                let op = match *symbol {
                    "==" => CmpOp::Eq,
                    "!=" => CmpOp::Ne,
                    "<" => CmpOp::Lt,
                    "<=" => CmpOp::Le,
                    ">" => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                let span = self.next().map(|(_, span)| span).unwrap_or_default();
                (op, span)
            }
            _ => {
                return Err(ParseError {
                    span: question.span,
                    message: format!(
                        "a question alone is not a condition: compare it, as in `{} == yes`",
                        question.name
                    ),
                })
            }
        };
        let value = match self.peek() {
            Some(Token::Number(n)) => {
                let n = *n;
                let span = self.next().map(|(_, span)| span).unwrap_or_default();
                Value::Number(n, span)
            }
            _ => Value::Ident(self.ident("a value (`yes`, `no`, an option id or a number)")?),
        };
        Ok(Ast::Compare {
            question,
            op,
            op_span,
            value,
        })
    }
}

fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "and" | "or" | "not" | "in" | "true" | "false" | "answered"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> String {
        match parse(text) {
            Ok(ast) => show(&ast),
            Err(e) => format!("error {}..{}: {}", e.span.start, e.span.end, e.message),
        }
    }

    fn show(ast: &Ast) -> String {
        let join = |items: &[Ast], sep: &str| items.iter().map(show).collect::<Vec<_>>().join(sep);
        match ast {
            Ast::Bool(b, _) => b.to_string(),
            Ast::Answered(q) => format!("answered({})", q.name),
            Ast::Compare {
                question,
                op,
                value,
                ..
            } => {
                let value = match value {
                    Value::Ident(i) => i.name.clone(),
                    Value::Number(n, _) => n.to_string(),
                };
                format!("{}{}{}", question.name, op.symbol(), value)
            }
            Ast::In { question, options } => format!(
                "{} in [{}]",
                question.name,
                options
                    .iter()
                    .map(|o| o.name.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Ast::Not(inner) => format!("not({})", show(inner)),
            Ast::And(items) => format!("({})", join(items, " & ")),
            Ast::Or(items) => format!("({})", join(items, " | ")),
        }
    }

    #[test]
    fn precedence_and_shapes() {
        let cases = [
            ("age >= 18", "age>=18"),
            (
                "a == yes or b == no and c != x",
                "(a==yes | (b==no & c!=x))",
            ),
            (
                "(a == yes or b == no) and c < 2.5",
                "((a==yes | b==no) & c<2.5)",
            ),
            ("not not a == yes", "not(not(a==yes))"),
            ("her2 in [zero, low]", "her2 in [zero,low]"),
            ("answered(age) and true", "(answered(age) & true)"),
            ("x > -1", "x>-1"),
        ];
        for (text, expected) in cases {
            assert_eq!(shape(text), expected, "{text}");
        }
    }

    #[test]
    fn errors_point_at_the_spot() {
        let cases = [
            ("", "error 0..0: the rule is empty: write a condition, or `true`"),
            ("age = 18", "error 4..5: write `==` to compare"),
            ("age", "error 0..3: a question alone is not a condition: compare it, as in `age == yes`"),
            ("age >= ", "error 7..7: expected a value (`yes`, `no`, an option id or a number), but the rule ends here"),
            ("(a == yes", "error 9..9: expected `)`, but the rule ends here"),
            ("a == yes b == no", "error 9..10: expected `and`, `or` or the end of the rule, found `b`"),
            ("x in [a b]", "error 8..9: expected `,` or `]`, found `b`"),
            ("a == yes & b == no", "error 9..10: `&` cannot appear in a rule"),
            ("x > 1.2.3", "error 4..9: `1.2.3` is not a number"),
            ("and == yes", "error 0..3: expected a question id, found `and`"),
        ];
        for (text, expected) in cases {
            assert_eq!(shape(text), expected, "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = format!("{}a == yes", "not ".repeat(10_000));
        assert!(parse(&text)
            .unwrap_err()
            .message
            .contains("nested too deeply"));
        let text = format!("{}a == yes{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&text).is_err());
    }
}
