//! A trial in one of its languages alone: what `prescreen compile` writes as `<id>.<lang>.trial`,
//! so that the app fetches the texts it shows and no others.

use super::{QuestionKind, Trial};
use crate::text::{Lang, Text};

impl Trial {
    /// The trial with `lang` its only language: the texts in every other language blank.
    pub fn in_language(&self, lang: Lang) -> Trial {
        let mut trial = self.clone();
        trial.facts.languages = vec![lang];
        for text in trial.texts_mut() {
            text.keep_only(lang);
        }
        trial
    }

    /// Every text of the trial.
    fn texts_mut(&mut self) -> Vec<&mut Text> {
        let facts = &mut self.facts;
        let mut texts = vec![
            &mut facts.title,
            &mut facts.scientific_title,
            &mut facts.summary,
            &mut facts.phase,
            &mut facts.learn_more,
            &mut facts.status.country,
            &mut facts.status.status,
        ];
        for drug in &mut facts.drugs {
            texts.extend([&mut drug.name, &mut drug.route, &mut drug.description]);
        }
        for site in &mut facts.sites {
            texts.extend([&mut site.city, &mut site.country]);
            texts.extend(site.status.as_mut());
        }
        for other in &mut facts.other_trials {
            texts.extend([&mut other.title, &mut other.status]);
        }
        for question in &mut self.questions {
            texts.extend([&mut question.patient, &mut question.clinician]);
            texts.extend(question.help.as_mut());
            match &mut question.kind {
                QuestionKind::YesNo => {}
                QuestionKind::Choice(choices) => {
                    for choice in choices {
                        texts.extend([&mut choice.patient, &mut choice.clinician]);
                    }
                }
                QuestionKind::Number(range) | QuestionKind::Elapsed(_, range) => {
                    texts.push(&mut range.unit_label);
                    texts.extend(range.unit_label_one.as_mut());
                }
            }
        }
        for criterion in &mut self.criteria {
            texts.extend([
                &mut criterion.title,
                &mut criterion.met,
                &mut criterion.not_met,
                &mut criterion.unknown,
            ]);
            texts.extend(criterion.reading.as_mut());
        }
        texts
    }
}
