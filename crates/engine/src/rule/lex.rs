//! Splits a rule's text into tokens.

use crate::diagnostic::Span;

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Ident(String),
    Number(f64),
    Op(&'static str),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

impl Token {
    pub fn describe(&self) -> String {
        match self {
            Token::Ident(name) => format!("`{name}`"),
            Token::Number(n) => format!("the number {}", crate::text::number(*n)),
            Token::Op(op) => format!("`{op}`"),
            Token::LParen => "`(`".into(),
            Token::RParen => "`)`".into(),
            Token::LBracket => "`[`".into(),
            Token::RBracket => "`]`".into(),
            Token::Comma => "`,`".into(),
        }
    }
}

/// Tokens with their spans, or the span and message of the first character that fits no token.
pub fn lex(text: &str) -> Result<Vec<(Token, Span)>, (Span, String)> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let token = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => Token::LParen,
            b')' => Token::RParen,
            b'[' => Token::LBracket,
            b']' => Token::RBracket,
            b',' => Token::Comma,
            b'=' | b'!' | b'<' | b'>' => {
                let two = bytes.get(i + 1) == Some(&b'=');
                let op = match (c, two) {
                    (b'=', true) => "==",
                    (b'!', true) => "!=",
                    (b'<', true) => "<=",
                    (b'>', true) => ">=",
                    (b'<', false) => "<",
                    (b'>', false) => ">",
                    (b'=', false) => {
                        return Err((Span::new(i, i + 1), "write `==` to compare".to_string()))
                    }
                    _ => return Err((Span::new(i, i + 1), "write `not` for negation".to_string())),
                };
                i += op.len();
                tokens.push((Token::Op(op), Span::new(start, i)));
                continue;
            }
            b'0'..=b'9' | b'-' | b'.' => {
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                let literal = &text[start..i];
                match crate::text::parse_decimal(literal) {
                    Some(n) => {
                        tokens.push((Token::Number(n), Span::new(start, i)));
                        continue;
                    }
                    None => {
                        return Err((Span::new(start, i), format!("`{literal}` is not a number")))
                    }
                }
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                tokens.push((
                    Token::Ident(text[start..i].to_string()),
                    Span::new(start, i),
                ));
                continue;
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or('?');
                return Err((
                    Span::new(i, i + ch.len_utf8()),
                    format!("`{ch}` cannot appear in a rule"),
                ));
            }
        };
        i += 1;
        tokens.push((token, Span::new(start, i)));
    }
    Ok(tokens)
}
