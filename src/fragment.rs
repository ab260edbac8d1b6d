//! "Save a link to continue later": the answers go in the URL fragment (after `#`), which browsers
//! never send to a server. `#t=interact&l=it&m=patient&p=check&s=2026-11-25&a.age=54&a.sex=female`.
//! `s` is the day the link was saved: a how-long-ago answer ("surgery 20 days ago") is moved on by
//! the time that has passed when the link is opened again. `l`, the language, is read by
//! index.html's script, which chooses the language before the app starts (and fetches the trial
//! in it).

use prescreen_engine::answers::{answer_text, elapsed, parse_answer, Answer, Answers};
use prescreen_engine::date::Date;
use prescreen_engine::trial::{QuestionKind, Trial};

use super::state::{Mode, Page, State};

/// What a saved link restores.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub answers: Answers,
    pub page: Page,
    pub mode: Option<Mode>,
    /// False when some part of the link could not be read (and was left out).
    pub complete: bool,
}

pub fn encode(state: &State) -> String {
    let page = match state.page {
        Page::Start => "start".to_string(),
        Page::Question(q) => format!("q.{}", state.trial().questions[q].id),
        Page::Check => "check".into(),
        Page::Result => "result".into(),
    };
    let mut out = format!(
        "#t={}&l={}&m={}&p={}&s={}",
        escape(&state.trial().facts.id),
        state.lang.code(),
        state.mode.id(),
        escape(&page),
        state.today
    );
    // Answers to questions that no longer apply stay out of the link: they count for nothing.
    let applies = &state.evaluation().applies;
    for (q, answer) in state
        .answers()
        .iter()
        .filter(|(q, _)| applies[*q] != prescreen_engine::evaluation::Truth::False)
    {
        let question = &state.trial().questions[q];
        if let Some(text) = answer_text(question, answer) {
            out.push_str(&format!("&a.{}={}", escape(&question.id), escape(&text)));
        }
    }
    out
}

/// Reads a fragment written by [`encode`] for this trial; `None` when it holds nothing of ours
/// or names another trial.
pub fn decode(trial: &Trial, fragment: &str, today: Date) -> Option<Restored> {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    if body.is_empty() {
        return None;
    }
    let mut restored = Restored {
        answers: Answers::new(trial),
        page: Page::Start,
        mode: None,
        complete: true,
    };
    let mut ours = false;
    let mut saved_on = None;
    for (key, value) in pairs(body) {
        match key.as_str() {
            "t" if value != trial.facts.id => return None,
            "t" => ours = true,
            // The page was opened in it already (index.html).
            "l" => {}
            "m" => restored.mode = Mode::from_id(&value),
            "s" => saved_on = Date::parse(&value).filter(|day| *day <= today),
            "p" => match page(trial, &value) {
                Some(p) => restored.page = p,
                None => restored.complete = false,
            },
            _ => match key
                .strip_prefix("a.")
                .and_then(|id| trial.question_index(id))
            {
                Some(q) => match parse_answer(&trial.questions[q], &value, Some(today)) {
                    Ok(answer) => restored.answers.set(q, answer),
                    Err(_) => restored.complete = false,
                },
                None => restored.complete = false,
            },
        }
    }
    if let Some(saved_on) = saved_on {
        age_elapsed_answers(trial, &mut restored.answers, saved_on, today);
    }
    ours.then_some(restored)
}

/// The fragment's `key=value` pairs, unescaped.
fn pairs(body: &str) -> impl Iterator<Item = (String, String)> + '_ {
    body.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (unescape(key), unescape(value))
    })
}

/// Moves how-long-ago answers on by the time since the link was saved, within their range.
fn age_elapsed_answers(trial: &Trial, answers: &mut Answers, saved_on: Date, today: Date) {
    for (q, question) in trial.questions.iter().enumerate() {
        if let (QuestionKind::Elapsed(unit, range), Some(Answer::Number(n))) =
            (&question.kind, answers.get(q))
        {
            let later = n + elapsed(*unit, saved_on, today);
            answers.set(q, Answer::Number(later.min(range.max)));
        }
    }
}

fn page(trial: &Trial, value: &str) -> Option<Page> {
    match value {
        "start" => Some(Page::Start),
        "check" => Some(Page::Check),
        "result" => Some(Page::Result),
        _ => value
            .strip_prefix("q.")
            .and_then(|id| trial.question_index(id))
            .map(Page::Question),
    }
}

/// Percent-encodes everything but letters, digits and `-._`.
fn escape(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// The text [`escape`] wrote; a link mangled into bytes that are not UTF-8 reads as nothing (its
/// answer is then left out, and the person told the link was read only in part).
fn unescape(text: &str) -> String {
    let hex = |b: u8| char::from(b).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = match bytes.get(i + 1..i + 3) {
            Some(&[high, low]) if b == b'%' => hex(high).zip(hex(low)),
            _ => None,
        };
        match escaped {
            Some((high, low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            None => {
                out.push(if b == b'+' { b' ' } else { b });
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use prescreen_engine::text::Lang;
    use std::rc::Rc;
    use yew::Reducible;

    fn state() -> State {
        let trial = prescreen_engine::load(include_str!("../static/trials/interact.toml")).unwrap();
        State::new(trial.into(), Lang::IT, Date::parse("2026-11-25").unwrap())
    }

    /// The state with these answers, set as the clinician's form sets them.
    fn answered(s: State, pairs: &[(&str, Answer)]) -> State {
        let mut s = Rc::new(s);
        for (id, answer) in pairs {
            let q = s.trial().question_index(id).unwrap();
            s = s.reduce(Action::Set(q, Some(*answer)));
        }
        (*s).clone()
    }

    #[test]
    fn a_saved_link_round_trips() {
        let mut s = state();
        let text = |id: &str, text: &str| {
            let q = s.trial().question_index(id).unwrap();
            parse_answer(&s.trial().questions[q], text, Some(s.today)).unwrap()
        };
        let pairs = [
            ("sex", text("sex", "female")),
            ("age", text("age", "54.5")),
            ("her2_status", text("her2_status", "low")),
            ("ecog", text("ecog", "unsure")),
        ];
        s = answered(s, &pairs);
        s.page = Page::Question(s.trial().question_index("ecog").unwrap());
        s.mode = Mode::Clinician;
        let link = encode(&s);
        assert!(
            link.starts_with(
                "#t=interact&l=it&m=clinician&p=q.ecog&s=2026-11-25&a.sex=female&a.age=54.5"
            ),
            "{link}"
        );
        let back = decode(s.trial(), &link, s.today).expect("ours");
        assert_eq!(&back.answers, s.answers());
        assert_eq!(
            (back.page, back.mode, back.complete),
            (s.page, Some(Mode::Clinician), true)
        );
    }

    #[test]
    fn damaged_links_restore_what_they_can() {
        let s = state();
        let back = decode(
            s.trial(),
            "#t=interact&p=nowhere&a.age=999&a.sex=female&a.shoe=42&%zz",
            s.today,
        )
        .unwrap();
        assert!(!back.complete);
        assert_eq!(back.page, Page::Start);
        assert_eq!(back.answers.iter().count(), 1, "only sex survives");
        assert_eq!(decode(s.trial(), "#t=other&a.sex=female", s.today), None);
        assert_eq!(decode(s.trial(), "#main-content", s.today), None);
        assert_eq!(decode(s.trial(), "", s.today), None);
    }

    #[test]
    fn how_long_ago_answers_move_on_with_time() {
        let s = answered(state(), &[("surgery_days_ago", Answer::Number(20.0))]);
        let surgery = s.trial().question_index("surgery_days_ago").unwrap();
        let link = encode(&s);
        let ten_days_later = s.today.add_days(10);
        let back = decode(s.trial(), &link, ten_days_later).unwrap();
        assert_eq!(back.answers.get(surgery), Some(Answer::Number(30.0)));
        let much_later = s.today.add_days(1000);
        let back = decode(s.trial(), &link, much_later).unwrap();
        assert_eq!(
            back.answers.get(surgery),
            Some(Answer::Number(365.0)),
            "capped at the range"
        );
    }

    #[test]
    fn escaping_round_trips_anything() {
        for text in [
            "plain",
            "a b&c=d#e%f",
            "Città",
            "%",
            "%4",
            "+",
            "{}\u{1F600}–\n",
        ] {
            assert_eq!(unescape(&escape(text)), text);
        }
        // Written by other hands: `+` for a space, lower-case hex, a stray `%`; bytes that are
        // not UTF-8 read as nothing rather than as replacement characters.
        assert_eq!(unescape("a+b%2c%zz%4"), "a b,%zz%4");
        assert_eq!(unescape("%FF%FE"), "");
    }
}
