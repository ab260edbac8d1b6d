//! Turns a rule's [`Ast`] into an [`Expr`]: names resolved, types and options checked.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::rule::{Ast, CmpOp, Ident, Value};
use crate::text::number;
use crate::trial::{Expr, QuestionIdx, QuestionKind, Range};

/// Ids and the index of the first item of each, in order. Looked up by a linear scan: a trial has
/// tens of questions, and a hash map would add its hashing code to the web build.
pub struct Ids(pub Vec<(String, QuestionIdx)>);

impl Ids {
    pub fn get(&self, name: &str) -> Option<&QuestionIdx> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, i)| i)
    }
}

/// The questions a rule may name. A question whose own definition was broken has no kind; rules
/// naming it are not checked further, so one mistake is reported once.
pub struct Scope<'a> {
    pub kinds: &'a [Option<QuestionKind>],
    pub index: &'a Ids,
}

/// One rule being resolved: where its text sits in the file, and which questions it may name.
pub struct RuleSite<'a> {
    /// Maps a span inside the rule to a span in the file.
    pub to_file: &'a dyn Fn(Span) -> Span,
    /// For `applies_if`: only questions asked before this one may be named.
    pub asked_before: Option<QuestionIdx>,
}

/// A rule with every question it names and where (file spans). `expr` is `None` when the rule
/// has a problem; the mentions are kept even then, so a question is not also called unused.
pub struct Resolved {
    pub expr: Option<Expr>,
    pub mentions: Vec<(QuestionIdx, Span)>,
}

impl Scope<'_> {
    /// Resolves a rule, reporting each of its problems to `diags`.
    pub fn resolve(&self, ast: &Ast, site: &RuleSite, diags: &mut Vec<Diagnostic>) -> Resolved {
        let mut mentions = Vec::new();
        let before = diags.len();
        let expr = self.expr(ast, site, diags, &mut mentions);
        Resolved {
            expr: expr.filter(|_| diags.len() == before),
            mentions,
        }
    }

    fn expr(
        &self,
        ast: &Ast,
        site: &RuleSite,
        diags: &mut Vec<Diagnostic>,
        mentions: &mut Vec<(QuestionIdx, Span)>,
    ) -> Option<Expr> {
        let mut all = |items: &[Ast], diags: &mut Vec<Diagnostic>| -> Option<Vec<Expr>> {
            // Resolve every item, even after a failure, so each problem is reported.
            let resolved: Vec<Option<Expr>> = items
                .iter()
                .map(|item| self.expr(item, site, diags, mentions))
                .collect();
            resolved.into_iter().collect()
        };
        match ast {
            Ast::Bool(value, _) => Some(Expr::Const(*value)),
            Ast::Not(inner) => Some(Expr::Not(Box::new(
                self.expr(inner, site, diags, mentions)?,
            ))),
            Ast::And(items) => all(items, diags).map(Expr::And),
            Ast::Or(items) => all(items, diags).map(Expr::Or),
            Ast::Answered(question) => {
                let (q, _) = self.question(question, site, diags, mentions)?;
                Some(Expr::Answered(q))
            }
            Ast::In { question, options } => {
                let (q, kind) = self.question(question, site, diags, mentions)?;
                let kind = kind?;
                let QuestionKind::Choice(choices) = kind else {
                    diags.push(mismatch(
                        question,
                        site,
                        kind,
                        "`in [...]` needs a question with options",
                    ));
                    return None;
                };
                let mut set = 0u64;
                let mut ok = true;
                for option in options {
                    match choices.iter().position(|c| c.id == option.name) {
                        Some(i) => set |= 1 << i,
                        None => {
                            ok = false;
                            diags.push(unknown_option(&question.name, option, site));
                        }
                    }
                }
                ok.then_some(Expr::OneOf(q, set))
            }
            Ast::Compare {
                question,
                op,
                op_span,
                value,
            } => {
                let (q, kind) = self.question(question, site, diags, mentions)?;
                self.compare(q, kind?, question, *op, *op_span, value, site, diags)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn compare(
        &self,
        q: QuestionIdx,
        kind: &QuestionKind,
        question: &Ident,
        op: CmpOp,
        op_span: Span,
        value: &Value,
        site: &RuleSite,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Expr> {
        let negate = |expr: Expr| {
            if op == CmpOp::Ne {
                Expr::Not(Box::new(expr))
            } else {
                expr
            }
        };
        let equality = matches!(op, CmpOp::Eq | CmpOp::Ne);
        match (kind, value) {
            (QuestionKind::YesNo | QuestionKind::Choice(_), _) if !equality => {
                diags.push(Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    (site.to_file)(op_span),
                    format!(
                        "`{}` is {}, whose answers have no order: compare it with `==`, `!=` or `in`",
                        question.name,
                        kind_name(kind)
                    ),
                ));
                None
            }
            (QuestionKind::YesNo, Value::Ident(answer)) => match answer.name.as_str() {
                "yes" => Some(negate(Expr::YesNo(q, true))),
                "no" => Some(negate(Expr::YesNo(q, false))),
                _ => {
                    diags.push(Diagnostic::new(
                        DiagnosticKind::UnknownOption,
                        (site.to_file)(answer.span),
                        format!(
                            "`{}` is a yes/no question: compare it with `yes` or `no`",
                            question.name
                        ),
                    ));
                    None
                }
            },
            (QuestionKind::Choice(choices), Value::Ident(option)) => {
                match choices.iter().position(|c| c.id == option.name) {
                    Some(i) => Some(negate(Expr::OneOf(q, 1 << i))),
                    None => {
                        diags.push(unknown_option(&question.name, option, site));
                        None
                    }
                }
            }
            (
                QuestionKind::Number(range) | QuestionKind::Elapsed(_, range),
                Value::Number(n, span),
            ) => {
                if !satisfiable(range, op, *n) {
                    diags.push(Diagnostic::new(
                        DiagnosticKind::Unsatisfiable,
                        (site.to_file)(Span::new(op_span.start, span.end)),
                        format!(
                            "no allowed answer to `{}` ({} to {} {}) is {} {}: this can never be met",
                            question.name,
                            number(range.min),
                            number(range.max),
                            range.unit,
                            op.symbol(),
                            number(*n)
                        ),
                    ));
                    return None;
                }
                Some(Expr::Compare(q, op, *n))
            }
            (QuestionKind::Number(_) | QuestionKind::Elapsed(..), Value::Ident(_)) => {
                diags.push(mismatch(question, site, kind, "compare it with a number"));
                None
            }
            (_, Value::Number(..)) => {
                let hint = match kind {
                    QuestionKind::YesNo => "compare it with `yes` or `no`, not a number",
                    _ => "compare it with one of its options, not a number",
                };
                diags.push(mismatch(question, site, kind, hint));
                None
            }
        }
    }

    /// Resolves a question name, recording where it is mentioned.
    fn question<'k>(
        &'k self,
        ident: &Ident,
        site: &RuleSite,
        diags: &mut Vec<Diagnostic>,
        mentions: &mut Vec<(QuestionIdx, Span)>,
    ) -> Option<(QuestionIdx, Option<&'k QuestionKind>)> {
        let span = (site.to_file)(ident.span);
        let Some(&q) = self.index.get(&ident.name) else {
            diags.push(Diagnostic::new(
                DiagnosticKind::UnknownQuestion,
                span,
                format!("no question has the id `{}`", ident.name),
            ));
            return None;
        };
        if let Some(limit) = site.asked_before {
            if q >= limit {
                diags.push(Diagnostic::new(
                    DiagnosticKind::InvalidValue,
                    span,
                    format!(
                        "`applies_if` may only name questions asked before this one, and `{}` is not",
                        ident.name
                    ),
                ));
                return None;
            }
        }
        mentions.push((q, span));
        Some((q, self.kinds.get(q).and_then(Option::as_ref)))
    }
}

/// Whether some answer in the allowed range satisfies `answer op n`.
fn satisfiable(range: &Range, op: CmpOp, n: f64) -> bool {
    match op {
        CmpOp::Eq => range.min <= n && n <= range.max,
        CmpOp::Ne => !(range.min == n && range.max == n),
        CmpOp::Lt => range.min < n,
        CmpOp::Le => range.min <= n,
        CmpOp::Gt => range.max > n,
        CmpOp::Ge => range.max >= n,
    }
}

fn kind_name(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::YesNo => "a yes/no question",
        QuestionKind::Choice(_) => "a question with options",
        QuestionKind::Number(_) => "a number question",
        QuestionKind::Elapsed(..) => "a how-long-ago question",
    }
}

fn mismatch(question: &Ident, site: &RuleSite, kind: &QuestionKind, hint: &str) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::TypeMismatch,
        (site.to_file)(question.span),
        format!("`{}` is {}: {hint}", question.name, kind_name(kind)),
    )
}

fn unknown_option(question: &str, option: &Ident, site: &RuleSite) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::UnknownOption,
        (site.to_file)(option.span),
        format!("`{question}` has no option `{}`", option.name),
    )
}
