//! Kleene's strong three-valued logic.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    pub const ALL: [Truth; 3] = [Truth::False, Truth::Unknown, Truth::True];

    /// `false` wins, then `unknown`: the minimum in the order false < unknown < true.
    pub fn and(self, other: Truth) -> Truth {
        self.min(other)
    }

    /// `true` wins, then `unknown`: the maximum.
    pub fn or(self, other: Truth) -> Truth {
        self.max(other)
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Truth {
        match self {
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
            Truth::True => Truth::False,
        }
    }

    pub fn from_bool(value: bool) -> Truth {
        if value {
            Truth::True
        } else {
            Truth::False
        }
    }
}

impl PartialOrd for Truth {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Truth {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}
