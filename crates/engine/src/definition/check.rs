//! Checks a parsed definition and builds the [`Trial`] the engine uses. Every problem is reported;
//! a trial is returned only when there are none.

use super::raw;
use super::resolve::{Ids, Resolved, RuleSite, Scope};
use super::strings::{content_start, rule_span};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::rule;
use crate::text::{number, Lang, Text};
use crate::trial::{
    Choice, Criterion, CriterionKind, Drug, Facts, Group, LiftsAfter, OtherTrial, Question,
    QuestionKind, Range, Site, SiteGroup, Status, TimeUnit, Trial,
};

/// The most options a choice question may have: option sets are bit sets in a `u64`.
const MAX_OPTIONS: usize = 64;

pub fn check(source: &str, doc: raw::Document) -> Result<Trial, Vec<Diagnostic>> {
    let mut checker = Checker {
        source,
        diags: Vec::new(),
        languages: Vec::new(),
    };
    checker.languages = checker.languages(&doc.languages);
    let facts = checker.facts(&doc.trial);

    let index = checker.unique_ids(doc.question.iter().map(|q| &q.id), "question");
    let kinds: Vec<Option<QuestionKind>> = doc.question.iter().map(|q| checker.kind(q)).collect();
    let scope = Scope {
        kinds: &kinds,
        index: &index,
    };

    let gates: Vec<Option<Resolved>> = doc
        .question
        .iter()
        .enumerate()
        .map(|(i, q)| {
            q.applies_if
                .as_ref()
                .map(|rule| checker.rule(&scope, rule, Some(i)))
        })
        .collect();
    let questions: Vec<Option<Question>> = doc
        .question
        .iter()
        .zip(&kinds)
        .zip(&gates)
        .map(|((q, kind), gate)| checker.question(q, kind.clone(), gate))
        .collect();

    checker.unique_ids(doc.criterion.iter().map(|c| &c.id), "criterion");
    let rules: Vec<Resolved> = doc
        .criterion
        .iter()
        .map(|c| checker.rule(&scope, &c.rule, None))
        .collect();
    // Gates are rules too: a question asked only after an answer to a question that is itself
    // asked only of some people must name that question's gate as well.
    for resolved in rules.iter().chain(gates.iter().flatten()) {
        checker.guards(resolved, &gates, &doc.question);
    }
    checker.unused(&doc.question, &index, &gates, &rules);
    let criteria: Vec<Option<Criterion>> = doc
        .criterion
        .iter()
        .zip(&rules)
        .map(|(c, rule)| checker.criterion(c, rule, &index, &kinds))
        .collect();

    let mut diags = checker.diags;
    if diags.is_empty() {
        // No diagnostics means every part was built.
        let questions: Option<Vec<Question>> = questions.into_iter().collect();
        let criteria: Option<Vec<Criterion>> = criteria.into_iter().collect();
        if let (Some(questions), Some(criteria)) = (questions, criteria) {
            return Ok(Trial::new(facts, questions, criteria));
        }
    }
    crate::diagnostic::sort_by_position(&mut diags);
    Err(diags)
}

struct Checker<'s> {
    source: &'s str,
    diags: Vec<Diagnostic>,
    /// The languages every text must have: the file's `languages`.
    languages: Vec<Lang>,
}

impl Checker<'_> {
    fn error(&mut self, kind: DiagnosticKind, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(kind, span, message));
    }

    /// The file's `languages`, in the order written; every language when it has none.
    fn languages(&mut self, declared: &Option<raw::Spanned<Vec<raw::SString>>>) -> Vec<Lang> {
        let Some(declared) = declared else {
            return Lang::ALL.to_vec();
        };
        if declared.get_ref().is_empty() {
            self.error(
                DiagnosticKind::InvalidValue,
                declared.span(),
                "`languages` needs at least one language: \"en\", \"it\" or both",
            );
        }
        let mut languages = Vec::new();
        for code in declared.get_ref() {
            // Exact codes only: `Lang::from_code` also reads `en-GB`, which a file has no need of.
            match Lang::ALL.into_iter().find(|l| l.code() == code.get_ref()) {
                Some(lang) if languages.contains(&lang) => self.error(
                    DiagnosticKind::InvalidValue,
                    code.span(),
                    format!("`{}` is already listed", lang.code()),
                ),
                Some(lang) => languages.push(lang),
                None => self.error(
                    DiagnosticKind::InvalidValue,
                    code.span(),
                    format!(
                        "`{}` is not a language: use \"en\" or \"it\"",
                        code.get_ref()
                    ),
                ),
            }
        }
        languages
    }

    /// A text in each of the file's languages; one in another language is kept when given.
    fn text(&mut self, text: &raw::SText) -> Text {
        let span = text.span();
        let mut read = Text::default();
        for (lang, value) in Lang::ALL.into_iter().zip(&text.get_ref().0) {
            match value {
                Some(v) if !v.trim().is_empty() => read[lang] = v.clone(),
                _ if self.languages.contains(&lang) => self.error(
                    DiagnosticKind::MissingTranslation,
                    span,
                    format!(
                        "this text has no {} (`{}`) version",
                        lang.english_name(),
                        lang.code()
                    ),
                ),
                _ => {}
            }
        }
        read
    }

    fn optional_text(&mut self, text: &Option<raw::SText>) -> Option<Text> {
        text.as_ref().map(|t| self.text(t))
    }

    fn id(&mut self, id: &raw::SString) -> String {
        let name = id.get_ref();
        let valid = name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            self.error(
                DiagnosticKind::InvalidValue,
                id.span(),
                format!("`{name}` is not a valid id: use lowercase letters, digits and `_`, starting with a letter"),
            );
        } else if matches!(
            name.as_str(),
            "and" | "or" | "not" | "in" | "true" | "false" | "answered"
        ) {
            self.error(
                DiagnosticKind::InvalidValue,
                id.span(),
                format!("`{name}` is a word of the rule language and cannot be an id"),
            );
        }
        name.clone()
    }

    /// Checks that ids are valid and unique; returns each first id's index.
    fn unique_ids<'a>(&mut self, ids: impl Iterator<Item = &'a raw::SString>, what: &str) -> Ids {
        let mut seen: Vec<(String, usize, Span)> = Vec::new();
        for (i, id) in ids.enumerate() {
            let name = self.id(id);
            let span = id.span();
            if let Some((_, _, first)) = seen.iter().find(|(n, _, _)| *n == name) {
                let diag = Diagnostic::new(
                    DiagnosticKind::DuplicateId,
                    span,
                    format!("another {what} already has the id `{name}`"),
                )
                .with_related(*first, "first defined here");
                self.diags.push(diag);
            } else {
                seen.push((name, i, span));
            }
        }
        Ids(seen.into_iter().map(|(name, i, _)| (name, i)).collect())
    }

    fn date(&mut self, value: &raw::SString) -> String {
        if Date::parse(value.get_ref()).is_none() {
            self.error(
                DiagnosticKind::InvalidValue,
                value.span(),
                format!("`{}` is not a date: write YYYY-MM-DD", value.get_ref()),
            );
        }
        value.get_ref().clone()
    }

    fn facts(&mut self, t: &raw::Trial) -> Facts {
        Facts {
            id: self.id(&t.id),
            languages: self.languages.clone(),
            eu_ct_number: t.eu_ct_number.get_ref().clone(),
            protocol_code: t.protocol_code.get_ref().clone(),
            title: self.text(&t.title),
            scientific_title: self.text(&t.scientific_title),
            summary: self.text(&t.summary),
            phase: self.text(&t.phase),
            demo: t.demo,
            learn_more: self.text(&t.learn_more),
            status: Status {
                country: self.text(&t.status.country),
                status: self.text(&t.status.status),
                recruitment_start: self.date(&t.status.recruitment_start),
                read_on: self.date(&t.status.read_on),
            },
            drugs: t
                .drug
                .iter()
                .map(|d| Drug {
                    name: self.text(&d.name),
                    route: self.text(&d.route),
                    description: self.text(&d.description),
                })
                .collect(),
            sites: t.site.iter().map(|s| self.site(s)).collect(),
            other_trials: t
                .other_trial
                .iter()
                .map(|o| OtherTrial {
                    title: self.text(&o.title),
                    status: self.text(&o.status),
                })
                .collect(),
        }
    }

    fn site(&mut self, s: &raw::Site) -> Site {
        let group = match s.group.get_ref().as_str() {
            "verified" => SiteGroup::Verified,
            "other" => SiteGroup::Other,
            other => {
                self.error(
                    DiagnosticKind::InvalidValue,
                    s.group.span(),
                    format!("`{other}` is not a site group: use \"verified\" or \"other\""),
                );
                SiteGroup::Other
            }
        };
        Site {
            name: s.name.clone(),
            city: self.text(&s.city),
            country: self.text(&s.country),
            group,
            status: self.optional_text(&s.status),
        }
    }

    /// The question's answer type, or `None` (with diagnostics) when it is not well defined.
    fn kind(&mut self, q: &raw::Question) -> Option<QuestionKind> {
        let span = q.kind.span();
        let kind = match q.kind.get_ref().as_str() {
            "yes_no" => Some(QuestionKind::YesNo),
            "choice" => self.choices(q).map(QuestionKind::Choice),
            "number" => {
                let unit = q.unit.as_ref().map(|u| u.get_ref().clone());
                self.range(q, span, unit).map(QuestionKind::Number)
            }
            "elapsed" => {
                let unit = q
                    .unit
                    .as_ref()
                    .and_then(|u| match TimeUnit::from_id(u.get_ref()) {
                        Some(unit) => Some(unit),
                        None => {
                            self.error(
                                DiagnosticKind::InvalidValue,
                                u.span(),
                                format!(
                                    "`{}` is not a unit of time: use days, weeks, months or years",
                                    u.get_ref()
                                ),
                            );
                            None
                        }
                    });
                let range = self.range(q, span, unit.map(|u| u.id().to_string()));
                unit.zip(range)
                    .map(|(unit, range)| QuestionKind::Elapsed(unit, range))
            }
            other => {
                self.error(
                    DiagnosticKind::InvalidValue,
                    span,
                    format!(
                        "`{other}` is not a question type: use yes_no, choice, number or elapsed"
                    ),
                );
                None
            }
        };
        if !matches!(kind, Some(QuestionKind::Choice(_))) && !q.option.is_empty() && kind.is_some()
        {
            self.error(
                DiagnosticKind::InvalidValue,
                span,
                "only `choice` questions have options",
            );
        }
        kind
    }

    fn choices(&mut self, q: &raw::Question) -> Option<Vec<Choice>> {
        let span = q.kind.span();
        if q.option.len() < 2 {
            self.error(
                DiagnosticKind::InvalidValue,
                span,
                "a `choice` question needs at least two options",
            );
            return None;
        }
        if q.option.len() > MAX_OPTIONS {
            self.error(
                DiagnosticKind::InvalidValue,
                span,
                format!("a `choice` question may have at most {MAX_OPTIONS} options"),
            );
            return None;
        }
        let before = self.diags.len();
        self.unique_ids(q.option.iter().map(|o| &o.id), "option of this question");
        let choices = q
            .option
            .iter()
            .map(|o| Choice {
                id: o.id.get_ref().clone(),
                patient: self.text(&o.patient),
                clinician: self.text(&o.clinician),
            })
            .collect();
        (self.diags.len() == before).then_some(choices)
    }

    fn range(&mut self, q: &raw::Question, span: Span, unit: Option<String>) -> Option<Range> {
        let needs = |this: &mut Self, what: &str| {
            this.error(
                DiagnosticKind::InvalidValue,
                span,
                format!("a `{}` question needs `{what}`", q.kind.get_ref()),
            );
        };
        if q.unit.is_none() {
            needs(self, "unit");
        }
        let unit_label = match &q.unit_label {
            Some(label) => Some(self.text(label)),
            None => {
                needs(self, "unit_label");
                None
            }
        };
        let (min, max) = match (&q.min, &q.max) {
            (Some(min), Some(max)) => (min, max),
            _ => {
                needs(self, "min` and `max");
                return None;
            }
        };
        let (lo, hi) = (*min.get_ref(), *max.get_ref());
        if !(lo.is_finite() && hi.is_finite()) || lo > hi {
            self.error(
                DiagnosticKind::Unsatisfiable,
                Span::from(min.span().start..max.span().end),
                format!(
                    "the range {} to {} allows no answer: `min` must not exceed `max`",
                    number(lo),
                    number(hi)
                ),
            );
            return None;
        }
        Some(Range {
            min: lo,
            max: hi,
            unit: unit?,
            unit_label: unit_label?,
            unit_label_one: self.optional_text(&q.unit_label_one),
        })
    }

    fn rule(
        &mut self,
        scope: &Scope,
        rule: &raw::SString,
        asked_before: Option<usize>,
    ) -> Resolved {
        let value_span = rule.span();
        let content = content_start(self.source, value_span);
        let to_file = move |inner: Span| rule_span(value_span, content, inner);
        let ast = match rule::parse(rule.get_ref()) {
            Ok(ast) => ast,
            Err(e) => {
                self.error(DiagnosticKind::RuleSyntax, to_file(e.span), e.message);
                // The rule cannot be read, but the questions it spells out are still its own.
                let mentions = rule
                    .get_ref()
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .filter_map(|word| scope.index.get(word).map(|&q| (q, value_span)))
                    .collect();
                return Resolved {
                    expr: None,
                    mentions,
                };
            }
        };
        let site = RuleSite {
            to_file: &to_file,
            asked_before,
        };
        scope.resolve(&ast, &site, &mut self.diags)
    }

    fn question(
        &mut self,
        q: &raw::Question,
        kind: Option<QuestionKind>,
        gate: &Option<Resolved>,
    ) -> Option<Question> {
        let group = Group::from_id(q.group.get_ref());
        if group.is_none() {
            let names: Vec<&str> = Group::ALL.iter().map(|g| g.id()).collect();
            self.error(
                DiagnosticKind::InvalidValue,
                q.group.span(),
                format!(
                    "`{}` is not a group: use one of {}",
                    q.group.get_ref(),
                    names.join(", ")
                ),
            );
        }
        // Every text is checked even when the question cannot be built, so that an author sees
        // every problem at once.
        let patient = self.text(&q.patient);
        let clinician = self.text(&q.clinician);
        let help = self.optional_text(&q.help);
        let applies_if = gate.as_ref().and_then(|g| g.expr.clone());
        let (Some(kind), Some(group)) = (kind, group) else {
            return None;
        };
        (q.applies_if.is_none() || applies_if.is_some()).then(|| Question {
            id: q.id.get_ref().clone(),
            kind,
            patient,
            clinician,
            help,
            applies_if,
            group,
        })
    }

    /// A rule that names a question asked only of some people must also name who: otherwise, for
    /// everyone else, the rule would wait for an answer that is never asked.
    fn guards(&mut self, rule: &Resolved, gates: &[Option<Resolved>], questions: &[raw::Question]) {
        let named = |g: usize| rule.mentions.iter().any(|&(q, _)| q == g);
        let mut reported = Vec::new();
        for &(q, span) in &rule.mentions {
            let Some(gate) = gates.get(q).and_then(Option::as_ref) else {
                continue;
            };
            for &(g, _) in &gate.mentions {
                if !named(g) && !reported.contains(&(q, g)) {
                    reported.push((q, g));
                    self.error(
                        DiagnosticKind::UnguardedQuestion,
                        span,
                        format!(
                            "`{}` is asked only when its `applies_if` holds, so this rule must also name `{}` to decide for everyone else",
                            questions[q].id.get_ref(),
                            questions[g].id.get_ref()
                        ),
                    );
                }
            }
        }
    }

    fn unused(
        &mut self,
        questions: &[raw::Question],
        index: &Ids,
        gates: &[Option<Resolved>],
        rules: &[Resolved],
    ) {
        let mut used = vec![false; questions.len()];
        for resolved in gates.iter().flatten().chain(rules) {
            for &(q, _) in &resolved.mentions {
                used[q] = true;
            }
        }
        for (i, q) in questions.iter().enumerate() {
            // A duplicate is reported as such; rules naming it resolve to the first of the name.
            let first_of_its_name = index.get(q.id.get_ref()) == Some(&i);
            if first_of_its_name && !used[i] {
                self.error(
                    DiagnosticKind::UnusedQuestion,
                    q.id.span(),
                    format!(
                        "no rule uses the question `{}`, so asking it would change nothing",
                        q.id.get_ref()
                    ),
                );
            }
        }
    }

    fn criterion(
        &mut self,
        c: &raw::Criterion,
        rule: &Resolved,
        index: &Ids,
        kinds: &[Option<QuestionKind>],
    ) -> Option<Criterion> {
        let kind = match c.kind.get_ref().as_str() {
            "inclusion" => Some(CriterionKind::Inclusion),
            "exclusion" => Some(CriterionKind::Exclusion),
            "at_site" => Some(CriterionKind::AtSite),
            other => {
                self.error(
                    DiagnosticKind::InvalidValue,
                    c.kind.span(),
                    format!(
                        "`{other}` is not a criterion kind: use inclusion, exclusion or at_site"
                    ),
                );
                None
            }
        };
        if c.source.get_ref().trim().is_empty() {
            self.error(
                DiagnosticKind::InvalidValue,
                c.source.span(),
                "quote the registry listing's own words in `source`",
            );
        }
        let lifts_after = c
            .lifts_after
            .as_ref()
            .and_then(|l| self.lifts_after(l, kind, rule, index, kinds));
        // As for questions: every text is checked even when the criterion cannot be built.
        let title = self.text(&c.title);
        let reading = self.optional_text(&c.reading);
        let met = self.text(&c.met);
        let not_met = self.text(&c.not_met);
        let unknown = self.text(&c.unknown);
        let (Some(kind), Some(rule)) = (kind, &rule.expr) else {
            return None;
        };
        (c.lifts_after.is_none() || lifts_after.is_some()).then(|| Criterion {
            id: c.id.get_ref().clone(),
            kind,
            title,
            rule: rule.clone(),
            source: c.source.get_ref().clone(),
            reading,
            met,
            not_met,
            unknown,
            lifts_after,
        })
    }

    fn lifts_after(
        &mut self,
        lifts: &raw::Spanned<raw::LiftsAfter>,
        kind: Option<CriterionKind>,
        rule: &Resolved,
        index: &Ids,
        kinds: &[Option<QuestionKind>],
    ) -> Option<LiftsAfter> {
        let span = lifts.span();
        if kind.is_some_and(|k| k != CriterionKind::Exclusion) {
            self.error(
                DiagnosticKind::InvalidValue,
                span,
                "only an exclusion can be temporary",
            );
            return None;
        }
        let name = lifts.get_ref().question.get_ref();
        let qspan = lifts.get_ref().question.span();
        let Some(&q) = index.get(name) else {
            self.error(
                DiagnosticKind::UnknownQuestion,
                qspan,
                format!("no question has the id `{name}`"),
            );
            return None;
        };
        let Some(Some(QuestionKind::Elapsed(_, range))) = kinds.get(q) else {
            self.error(
                DiagnosticKind::TypeMismatch,
                qspan,
                format!("`{name}` must be a how-long-ago (`elapsed`) question for the exclusion to lift with time"),
            );
            return None;
        };
        let at = lifts.get_ref().at.get_ref();
        if !(range.min < *at && *at <= range.max) {
            self.error(
                DiagnosticKind::Unsatisfiable,
                lifts.get_ref().at.span(),
                format!(
                    "the exclusion would never lift: `at` must be above {} and at most {}, the range of `{name}`",
                    number(range.min),
                    number(range.max)
                ),
            );
            return None;
        }
        if !rule.mentions.iter().any(|(m, _)| *m == q) {
            self.error(
                DiagnosticKind::InvalidValue,
                qspan,
                format!("the rule does not name `{name}`"),
            );
            return None;
        }
        Some(LiftsAfter {
            question: q,
            at: *at,
        })
    }
}
