//! The compiled format's text back into a [`Trial`] (the format: the module's documentation).
//! Each value is read in the order [`super::write`] writes it: struct fields and call arguments
//! are evaluated in the order they are written.

use super::{CRITERION_KINDS, HEADER, LANGS, MAX_DEPTH, MAX_WHOLE, OPS, SITE_GROUPS, TIME_UNITS};
use crate::text::{Lang, Text};
use crate::trial::{
    Choice, Criterion, Drug, Expr, Facts, Group, LiftsAfter, OtherTrial, Question, QuestionKind,
    Range, Site, Status, Trial,
};

/// The trial `text` holds; `None` when it is not a whole compiled trial of this version, or a
/// rule names a question that is not there (a gate, one before its own).
pub fn read(text: &str) -> Option<Trial> {
    let mut input = In(text.strip_prefix(HEADER)?);
    let facts = input.facts()?;
    let questions = input.list(In::question)?;
    let count = questions.len();
    let criteria = input.list(|input, _| input.criterion(count))?;
    input
        .0
        .is_empty()
        .then(|| Trial::new(facts, questions, criteria))
}

struct In<'a>(&'a str);

impl In<'_> {
    /// Digits, then the byte that ends them.
    fn digits(&mut self) -> Option<(u64, u8)> {
        let bytes = self.0.as_bytes();
        let mut n: u64 = 0;
        let mut len = 0;
        while let Some(digit) = bytes.get(len).filter(|b| b.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))?;
            len += 1;
        }
        let end = *bytes.get(len).filter(|_| len > 0)?;
        self.0 = self.0.get(len + 1..)?;
        Some((n, end))
    }

    fn num(&mut self) -> Option<u64> {
        self.digits()
            .filter(|&(_, end)| end == b',')
            .map(|(n, _)| n)
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.num()?).ok()
    }

    fn index<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.usize()?).copied()
    }

    fn bool(&mut self) -> Option<bool> {
        self.index(&[false, true])
    }

    fn float(&mut self) -> Option<f64> {
        match self.digits()? {
            (n, b'.') if n as f64 <= MAX_WHOLE => Some(n as f64),
            (bits, b',') => Some(f64::from_bits(bits)),
            _ => None,
        }
    }

    fn question_ref(&mut self, count: usize) -> Option<usize> {
        self.usize().filter(|&q| q < count)
    }

    fn str(&mut self) -> Option<String> {
        let (line, rest) = self.0.strip_prefix('"')?.split_once('\n')?;
        self.0 = rest;
        let mut value = String::with_capacity(line.len());
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            value.push(match c {
                '\\' => match chars.next()? {
                    'n' => '\n',
                    '\\' => '\\',
                    _ => return None,
                },
                c => c,
            });
        }
        Some(value)
    }

    fn text(&mut self) -> Option<Text> {
        let mut text = Text::default();
        for lang in Lang::ALL {
            text[lang] = self.str()?;
        }
        Some(text)
    }

    /// A list; `each` gets the input and the item's index.
    fn list<T>(&mut self, mut each: impl FnMut(&mut Self, usize) -> Option<T>) -> Option<Vec<T>> {
        let len = self.usize()?;
        // Each item takes a byte at least, so a corrupt length ends at the end of the text; and
        // only items read take memory.
        let mut items = Vec::new();
        for i in 0..len {
            items.push(each(self, i)?);
        }
        Some(items)
    }

    fn option<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.bool()? {
            value(self).map(Some)
        } else {
            Some(None)
        }
    }

    fn facts(&mut self) -> Option<Facts> {
        Some(Facts {
            id: self.str()?,
            languages: self.list(|input, _| input.index(&LANGS))?,
            eu_ct_number: self.str()?,
            protocol_code: self.str()?,
            title: self.text()?,
            scientific_title: self.text()?,
            summary: self.text()?,
            phase: self.text()?,
            demo: self.bool()?,
            learn_more: self.text()?,
            status: Status {
                country: self.text()?,
                status: self.text()?,
                recruitment_start: self.str()?,
                read_on: self.str()?,
            },
            drugs: self.list(|input, _| {
                Some(Drug {
                    name: input.text()?,
                    route: input.text()?,
                    description: input.text()?,
                })
            })?,
            sites: self.list(|input, _| {
                Some(Site {
                    name: input.str()?,
                    city: input.text()?,
                    country: input.text()?,
                    group: input.index(&SITE_GROUPS)?,
                    status: input.option(In::text)?,
                })
            })?,
            other_trials: self.list(|input, _| {
                Some(OtherTrial {
                    title: input.text()?,
                    status: input.text()?,
                })
            })?,
        })
    }

    /// The question at `index`: its gate may name only questions before it.
    fn question(&mut self, index: usize) -> Option<Question> {
        Some(Question {
            id: self.str()?,
            kind: match self.num()? {
                0 => QuestionKind::YesNo,
                1 => QuestionKind::Choice(self.list(|input, _| {
                    Some(Choice {
                        id: input.str()?,
                        patient: input.text()?,
                        clinician: input.text()?,
                    })
                })?),
                2 => QuestionKind::Number(self.range()?),
                3 => QuestionKind::Elapsed(self.index(&TIME_UNITS)?, self.range()?),
                _ => return None,
            },
            patient: self.text()?,
            clinician: self.text()?,
            help: self.option(In::text)?,
            applies_if: self.option(|input| input.expr(index, 0))?,
            group: self.index(&Group::ALL)?,
        })
    }

    fn range(&mut self) -> Option<Range> {
        Some(Range {
            min: self.float()?,
            max: self.float()?,
            unit: self.str()?,
            unit_label: self.text()?,
            unit_label_one: self.option(In::text)?,
        })
    }

    fn criterion(&mut self, questions: usize) -> Option<Criterion> {
        Some(Criterion {
            id: self.str()?,
            kind: self.index(&CRITERION_KINDS)?,
            title: self.text()?,
            rule: self.expr(questions, 0)?,
            source: self.str()?,
            reading: self.option(In::text)?,
            met: self.text()?,
            not_met: self.text()?,
            unknown: self.text()?,
            lifts_after: self.option(|input| {
                Some(LiftsAfter {
                    question: input.question_ref(questions)?,
                    at: input.float()?,
                })
            })?,
        })
    }

    /// A rule that names only questions before `questions`.
    fn expr(&mut self, questions: usize, depth: usize) -> Option<Expr> {
        if depth > MAX_DEPTH {
            return None;
        }
        let inner = |input: &mut Self| input.expr(questions, depth + 1);
        Some(match self.num()? {
            0 => Expr::Const(self.bool()?),
            1 => Expr::Answered(self.question_ref(questions)?),
            2 => Expr::YesNo(self.question_ref(questions)?, self.bool()?),
            3 => Expr::OneOf(self.question_ref(questions)?, self.num()?),
            4 => Expr::Compare(
                self.question_ref(questions)?,
                self.index(&OPS)?,
                self.float()?,
            ),
            5 => Expr::Not(Box::new(inner(self)?)),
            6 => Expr::And(self.list(|input, _| inner(input))?),
            7 => Expr::Or(self.list(|input, _| inner(input))?),
            _ => return None,
        })
    }
}
