//! Random but valid trial definitions, for the soundness property test and the benchmarks.
//!
//! Deterministic from a seed, with no dependencies, so the same seed gives the same file on every
//! machine. Each definition has interACT's shape: yes/no, choice and number questions, some asked
//! only when an earlier answer is yes (and guarded in every rule that names them), and nested
//! `and`/`or`/`not` rules over them.

use std::fmt::Write;

/// SplitMix64: small, fast, and good enough to vary test inputs.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

#[derive(Clone, Copy)]
enum Kind {
    YesNo,
    Choice,
    Number,
}

struct Shape {
    kind: Kind,
    /// An earlier yes/no question whose `yes` makes this one asked.
    gate: Option<usize>,
}

/// The size of a generated trial.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub questions: usize,
    pub criteria: usize,
    /// How deeply rules nest: 1 is a single comparison; each level adds `and`/`or`/`not`.
    pub max_depth: usize,
}

/// interACT's size and shape: 32 questions, 27 criteria, rules of one to four comparisons
/// (interACT's 27 rules hold 42 comparisons in all).
pub const INTERACT_SIZE: Size = Size {
    questions: 32,
    criteria: 27,
    max_depth: 2,
};

/// interACT's size with deeper rules, for tests that want more logic to go wrong.
pub const DEEP: Size = Size {
    questions: 32,
    criteria: 27,
    max_depth: 4,
};

/// A valid definition (it passes [`crate::load`]) for the given seed.
pub fn definition(seed: u64, size: Size) -> String {
    let mut rng = Rng::new(seed);
    let questions = size.questions.max(1);
    let mut shapes: Vec<Shape> = Vec::with_capacity(questions);
    for i in 0..questions {
        let kind = match rng.below(3) {
            0 => Kind::YesNo,
            1 => Kind::Choice,
            _ => Kind::Number,
        };
        // About one question in five is asked only after a `yes` to an earlier, ungated yes/no one.
        let mut gate = None;
        if i > 0 && rng.chance(20) {
            let earlier: Vec<usize> = (0..i)
                .filter(|&j| matches!(shapes[j].kind, Kind::YesNo) && shapes[j].gate.is_none())
                .collect();
            if !earlier.is_empty() {
                gate = Some(earlier[rng.below(earlier.len())]);
            }
        }
        shapes.push(Shape { kind, gate });
    }

    let mut out = String::new();
    let _ = writeln!(out, "# generated, seed {seed}\n[trial]\nid = \"gen{seed}\"\neu_ct_number = \"0000-000000-00-00\"\nprotocol_code = \"GEN\"");
    for key in [
        "title",
        "scientific_title",
        "summary",
        "phase",
        "learn_more",
    ] {
        let _ = writeln!(
            out,
            "{key} = {{ en = \"Generated {key}\", it = \"Generato {key}\" }}"
        );
    }
    let _ = writeln!(out, "demo = true\n[trial.status]\ncountry = {{ en = \"Italy\", it = \"Italia\" }}\nstatus = {{ en = \"Demo\", it = \"Demo\" }}\nrecruitment_start = \"2026-01-01\"\nread_on = \"2026-11-25\"\n");
    for (i, shape) in shapes.iter().enumerate() {
        let _ = writeln!(out, "[[question]]\nid = \"q{i}\"");
        let _ = writeln!(
            out,
            "patient = {{ en = \"Question {i}?\", it = \"Domanda {i}?\" }}"
        );
        let _ = writeln!(
            out,
            "clinician = {{ en = \"Q{i}\", it = \"D{i}\" }}\ngroup = \"conditions\""
        );
        if let Some(g) = shape.gate {
            let _ = writeln!(out, "applies_if = \"q{g} == yes\"");
        }
        match shape.kind {
            Kind::YesNo => out.push_str("type = \"yes_no\"\n"),
            Kind::Choice => {
                out.push_str("type = \"choice\"\n");
                for o in 0..3 {
                    let _ = writeln!(
                        out,
                        "[[question.option]]\nid = \"o{o}\"\npatient = {{ en = \"Option {o}\", it = \"Opzione {o}\" }}\nclinician = {{ en = \"O{o}\", it = \"O{o}\" }}"
                    );
                }
            }
            Kind::Number => out.push_str(
                "type = \"number\"\nunit = \"units\"\nunit_label = { en = \"units\", it = \"unità\" }\nmin = 0\nmax = 100\n",
            ),
        }
        out.push('\n');
    }

    // Every question is named by some rule: leaves take unused questions first.
    let mut unused: Vec<usize> = (0..questions).rev().collect();
    let criteria = size.criteria.max(1);
    for c in 0..criteria {
        let mut rule = String::new();
        let depth = 1 + rng.below(size.max_depth.max(1));
        rule_text(&mut rng, &shapes, &mut unused, depth, &mut rule);
        if c + 1 == criteria && !unused.is_empty() {
            // A flat `or` chain: nesting grows no deeper however many questions are left.
            rule = format!("({rule})");
            while let Some(q) = unused.pop() {
                rule = format!("{rule} or ({})", leaf(&mut rng, &shapes, q));
            }
        }
        let kind = if rng.chance(55) {
            "inclusion"
        } else {
            "exclusion"
        };
        let _ = writeln!(
            out,
            "[[criterion]]\nid = \"c{c}\"\nkind = \"{kind}\"\ntitle = {{ en = \"Criterion {c}\", it = \"Criterio {c}\" }}\nrule = \"{rule}\"\nsource = \"Generated criterion {c}.\"\nmet = {{ en = \"met\", it = \"soddisfatto\" }}\nnot_met = {{ en = \"not met\", it = \"non soddisfatto\" }}\nunknown = {{ en = \"unknown\", it = \"non noto\" }}\n"
        );
    }
    out
}

fn rule_text(
    rng: &mut Rng,
    shapes: &[Shape],
    unused: &mut Vec<usize>,
    depth: usize,
    out: &mut String,
) {
    if depth <= 1 || rng.chance(30) {
        let q = unused.pop().unwrap_or_else(|| rng.below(shapes.len()));
        out.push_str(&leaf(rng, shapes, q));
        return;
    }
    if rng.chance(15) {
        out.push_str("not (");
        rule_text(rng, shapes, unused, depth - 1, out);
        out.push(')');
        return;
    }
    let op = if rng.chance(50) { " and " } else { " or " };
    let n = 2 + rng.below(2);
    for i in 0..n {
        if i > 0 {
            out.push_str(op);
        }
        out.push('(');
        rule_text(rng, shapes, unused, depth - 1, out);
        out.push(')');
    }
}

/// A comparison on question `q`, guarded by its gate when it has one.
fn leaf(rng: &mut Rng, shapes: &[Shape], q: usize) -> String {
    let bare = match shapes[q].kind {
        Kind::YesNo => format!("q{q} == {}", if rng.chance(50) { "yes" } else { "no" }),
        Kind::Choice => match rng.below(3) {
            0 => format!("q{q} == o{}", rng.below(3)),
            1 => format!("q{q} != o{}", rng.below(3)),
            _ => format!("q{q} in [o0, o{}]", 1 + rng.below(2)),
        },
        Kind::Number => {
            let ops = ["<", "<=", ">", ">=", "==", "!="];
            format!("q{q} {} {}", ops[rng.below(ops.len())], 1 + rng.below(99))
        }
    };
    match shapes[q].gate {
        Some(g) if rng.chance(50) => format!("(q{g} == yes and {bare})"),
        Some(g) => format!("(q{g} == no or {bare})"),
        None => bare,
    }
}
