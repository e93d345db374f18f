//! Serde's mirrors of the story format: every field as written, with its byte span, so that
//! the checker can point at it. Syntax errors, missing and unknown keys and wrong types stop
//! here; everything else is the checker's.

use serde::Deserialize;
use toml::Spanned;

use super::super::model::{with_ui_labels, Ui};

pub(super) type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStory {
    pub(super) language: Text,
    pub(super) direction: Text,
    pub(super) title: Text,
    pub(super) standfirst: Text,
    pub(super) dek: Option<Text>,
    pub(super) last_updated: Text,
    pub(super) ui: RawUi,
    pub(super) accounts: Vec<RawAccount>,
    pub(super) sources: Vec<RawSource>,
    pub(super) permissions: Vec<RawPermission>,
    pub(super) actors: Vec<RawActor>,
    pub(super) flows: Vec<RawFlow>,
    #[serde(default)]
    pub(super) links: Vec<RawLink>,
    #[serde(default)]
    pub(super) timeline: Vec<RawEvent>,
    pub(super) steps: Vec<RawStep>,
    #[serde(default)]
    pub(super) corrections: Vec<RawCorrection>,
    /// For the desk only: what a person must still do before the story is published.
    #[serde(default)]
    pub(super) desk_checks: Vec<RawDeskCheck>,
}

macro_rules! write_raw_ui {
    ($($(#[doc = $doc:literal])* $label:ident,)*) => {
        /// `[ui]`, each label with its place in the file.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct RawUi {
            $(pub(super) $label: Text,)*
            pub(super) shortcuts: Spanned<Vec<Text>>,
            pub(super) months: Spanned<Vec<Text>>,
            #[serde(default)]
            pub(super) digits: Option<Text>,
        }

        impl RawUi {
            /// Every one-line label, by its key.
            pub(super) fn labels(&self) -> Vec<(&'static str, &Text)> {
                vec![$((stringify!($label), &self.$label)),*]
            }

            /// The labels as written, once checked.
            pub(super) fn into_ui(self) -> Ui {
                let list = |texts: Spanned<Vec<Text>>| {
                    texts.into_inner().into_iter().map(Spanned::into_inner).collect()
                };
                Ui {
                    $($label: self.$label.into_inner(),)*
                    shortcuts: list(self.shortcuts),
                    months: list(self.months),
                    digits: self.digits.map(Spanned::into_inner),
                }
            }
        }
    };
}
with_ui_labels!(write_raw_ui);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCorrection {
    pub(super) date: Text,
    pub(super) text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDeskCheck {
    pub(super) id: Text,
    pub(super) task: Text,
    pub(super) status: Text,
    pub(super) done_on: Option<Text>,
    pub(super) done_by: Option<Text>,
    pub(super) note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAccount {
    pub(super) id: Text,
    pub(super) label: Text,
    pub(super) role: Option<Text>,
    pub(super) view: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub(super) id: Text,
    pub(super) title: Text,
    pub(super) publisher: Text,
    pub(super) date: Option<Text>,
    pub(super) url: Option<Text>,
    pub(super) note: Option<Text>,
    /// For the desk only: how the source was read and checked. Validated, never shown.
    pub(super) editor_note: Option<Text>,
    /// For the desk only: the verbatim passages the story quotes from this source, so that a
    /// content test can hold every inline quotation to them. Validated, never shown.
    #[serde(default)]
    pub(super) excerpts: Vec<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPermission {
    pub(super) id: Text,
    pub(super) label: Text,
    pub(super) explanation: Text,
    pub(super) sources: Spanned<Vec<Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActor {
    pub(super) id: Text,
    pub(super) label: Text,
    pub(super) detail: Text,
    pub(super) sources: Spanned<Vec<Text>>,
    pub(super) place: Spanned<Vec<u8>>,
    pub(super) glyph: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFlow {
    pub(super) id: Text,
    pub(super) from: Text,
    pub(super) to: Text,
    pub(super) label: Text,
    pub(super) permission: Option<Text>,
    pub(super) accounts: Vec<Text>,
    pub(super) detail: Text,
    pub(super) reveals: Option<Text>,
    pub(super) sources: Spanned<Vec<Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLink {
    pub(super) id: Text,
    pub(super) between: Spanned<Vec<Text>>,
    pub(super) label: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    pub(super) id: Text,
    pub(super) date: Text,
    pub(super) title: Text,
    pub(super) detail: Text,
    pub(super) sources: Spanned<Vec<Text>>,
    #[serde(default)]
    pub(super) key: bool,
    pub(super) account: Option<Text>,
    pub(super) phase: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStep {
    pub(super) id: Text,
    pub(super) title: Text,
    pub(super) as_of: Option<Text>,
    pub(super) body: Text,
    #[serde(default)]
    pub(super) points: Vec<Text>,
    pub(super) sources: Spanned<Vec<Text>>,
    #[serde(default)]
    pub(super) quotes: Vec<RawQuote>,
    pub(super) diagram: Spanned<RawDiagram>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuote {
    pub(super) text: Text,
    pub(super) who: Text,
    pub(super) role: Text,
    #[serde(rename = "where")]
    pub(super) place: Text,
    pub(super) date: Text,
    pub(super) source: Text,
    pub(super) account: Option<Text>,
    pub(super) original: Option<Text>,
    pub(super) original_language: Option<Text>,
    pub(super) lead: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDiagram {
    pub(super) kind: Text,
    pub(super) claim: Option<Vec<Text>>,
    pub(super) answer: Option<Vec<Text>>,
    pub(super) flows: Option<Vec<Text>>,
    pub(super) caption: Option<Text>,
    pub(super) claim_caption: Option<Text>,
    pub(super) answer_caption: Option<Text>,
    pub(super) specimens: Option<Vec<RawSpecimen>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSpecimen {
    pub(super) title: Text,
    pub(super) caption: Text,
    pub(super) fields: Vec<RawField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawField {
    pub(super) name: Text,
    pub(super) value: Text,
}
