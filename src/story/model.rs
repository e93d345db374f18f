//! The validated story. Cross-references are resolved to indices by the parser, so code that
//! renders a story never looks anything up by name and never meets a dangling reference.

use serde::{Deserialize, Serialize};

/// The permission explorer keeps the reader's choices in one 64-bit mask.
pub const MAX_PERMISSIONS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub language: String,
    pub direction: Direction,
    pub title: String,
    pub standfirst: String,
    /// One or two lines under the title in the interactive view; the standfirst when absent.
    pub dek: Option<String>,
    pub last_updated: Date,
    pub ui: Ui,
    pub accounts: Vec<Account>,
    pub sources: Vec<Source>,
    pub permissions: Vec<Permission>,
    pub actors: Vec<Actor>,
    pub flows: Vec<Flow>,
    /// Sorted by date.
    pub timeline: Vec<Event>,
    pub steps: Vec<Step>,
    /// Dated corrections and updates, newest first.
    pub corrections: Vec<Correction>,
}

/// One dated entry of the story's corrections log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub date: Date,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Every interface label that is one line of text, listed once. The model's `Ui` below, the
/// checker's mirror that knows where each key is in the file (`parse/raw.rs`) and the
/// browser's decoder (`decode.rs`) are all written from this list, so a label added here is
/// stored, checked and read. See `content/FORMAT.md` for what each says.
macro_rules! with_ui_labels {
    ($write:ident) => {
        $write! {
            back,
            next,
            start_over,
            progress,
            progress_label,
            go_to_step,
            view_label,
            view_alleged,
            view_meta,
            view_side_by_side,
            diagram_label,
            details_close,
            described_by,
            permission_label,
            reveals_label,
            sources_label,
            /// The one line a step's sources collapse into, with `{count}`.
            sources_count,
            /// The disclosure that holds a step's further paragraphs and points.
            more_label,
            /// Opens a step's side-by-side quotes in full, both at once.
            full_quotes,
            /// Opens a permission's longer explanation.
            permission_more,
            /// Heading of the dated corrections log at the end.
            corrections_heading,
            source_list_heading,
            quote_label,
            illustration,
            permissions_heading,
            permissions_none,
            possible_flows,
            timeline_hint,
            explore_hint,
            tools_label,
            all_steps,
            reduce_motion,
            shortcuts_label,
            describe_diagram,
            flow_description,
            describe_none,
            translated,
            show_original,
            last_updated,
            /// Heads a dated status, with `{date}`: where things stood on the step's `as_of`.
            status_as_of,
            date_day,
            date_month,
            error_title,
            error_body,
        }
    };
}
pub(crate) use with_ui_labels;

macro_rules! write_ui {
    ($($(#[doc = $doc:literal])* $label:ident,)*) => {
        /// Every interface label; see `content/FORMAT.md`.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Ui {
            $($(#[doc = $doc])* pub $label: String,)*
            /// One line per shortcut, in the reading direction's terms.
            pub shortcuts: Vec<String>,
            pub months: Vec<String>,
            /// The ten digits numbers are written with, zero first; absent for 0-9.
            #[serde(default)]
            pub digits: Option<String>,
        }
    };
}
with_ui_labels!(write_ui);

/// A date with the precision its source gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// Absent for undated pages, such as living documentation.
    pub date: Option<Date>,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Permission {
    pub id: String,
    pub label: String,
    pub explanation: String,
    pub sources: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub label: String,
    pub detail: String,
    pub sources: Vec<usize>,
    /// Column and row on the phone-shaped grid.
    pub place: (u8, u8),
    /// The small picture drawn in the actor's box, so the diagram reads before its labels do.
    pub glyph: Option<Glyph>,
}

/// What an actor is, as a picture: a person, an app on a phone, a server, an inbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Glyph {
    Person,
    App,
    Server,
    Inbox,
}

impl Glyph {
    /// The names a story file uses.
    pub const NAMES: [(Glyph, &'static str); 4] = [
        (Glyph::Person, "person"),
        (Glyph::App, "app"),
        (Glyph::Server, "server"),
        (Glyph::Inbox, "inbox"),
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub id: String,
    pub from: usize,
    pub to: usize,
    pub label: String,
    pub permission: Option<usize>,
    pub accounts: Vec<usize>,
    pub detail: String,
    pub reveals: Option<String>,
    pub sources: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: String,
    pub detail: String,
    pub sources: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// For a step that gives a status: the date it describes, never later than the newest
    /// dated source the step cites (the checker holds it there). Shown above the body.
    pub as_of: Option<Date>,
    pub body: String,
    pub points: Vec<String>,
    pub sources: Vec<usize>,
    pub quotes: Vec<Quote>,
    pub diagram: Diagram,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub who: String,
    pub role: String,
    pub place: String,
    pub date: Date,
    pub source: usize,
    pub account: Option<usize>,
    /// The verbatim words, when `text` is the newsroom's translation of them.
    pub original: Option<Original>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    pub text: String,
    /// BCP 47 tag, for `lang` on the original.
    pub language: String,
}

/// What a step draws. One variant per kind of diagram; each has one component.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Diagram {
    /// The actor diagram in one or two accounts.
    Flows(FlowSets),
    /// The permission explorer: `always` flows plus every flow whose permission is granted.
    Explorer {
        always: Vec<usize>,
    },
    /// Illustrations side by side.
    Comparison(Vec<Specimen>),
    Timeline,
    Sources,
    None,
}

/// Which flows a `flows` diagram draws, in each account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlowSets {
    /// Nobody's account: plain explanation.
    Neutral(Vec<usize>),
    /// One account only (an index into `Story::accounts`).
    Single { account: usize, flows: Vec<usize> },
    /// Both views: the reader can switch or compare.
    Both {
        alleged: Vec<usize>,
        meta: Vec<usize>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Specimen {
    pub title: String,
    pub caption: String,
    pub fields: Vec<(String, String)>,
}

/// The ids of the two accounts the view switch compares.
pub const ALLEGED: &str = "alleged";
pub const META: &str = "meta";

impl Story {
    pub fn account_index(&self, id: &str) -> Option<usize> {
        self.accounts.iter().position(|a| a.id == id)
    }

    /// The label of the account with `id`, or an empty string if the story has none.
    pub fn account_label(&self, id: &str) -> String {
        self.account_index(id)
            .map(|a| self.accounts[a].label.clone())
            .unwrap_or_default()
    }

    /// Where flow `flow` goes, as "From → To".
    pub fn flow_route(&self, flow: usize) -> String {
        let f = &self.flows[flow];
        format!(
            "{} → {}",
            self.actors[f.from].label, self.actors[f.to].label
        )
    }

    /// The labels of the accounts that describe flow `flow`, joined, if any do.
    pub fn flow_accounts(&self, flow: usize) -> Option<String> {
        let labels: Vec<&str> = self.flows[flow]
            .accounts
            .iter()
            .map(|&a| self.accounts[a].label.as_str())
            .collect();
        (!labels.is_empty()).then(|| labels.join("; "))
    }

    /// Decodes a compiled story (see [`Story::encode`]) and checks that it is whole: every
    /// reference in range and every link http(s). A story compiled by the checker always
    /// passes; anything else (a truncated, foreign or tampered file) gets an error saying what
    /// is wrong, never a panic later.
    pub fn decode(bytes: &[u8]) -> Result<Story, String> {
        let body = bytes.strip_prefix(MAGIC).ok_or(
            "not a compiled story file (compile one with: cargo run --bin check-story -- --compile FILE.toml OUT.story)",
        )?;
        let story = super::decode::story(body).map_err(|damage| {
            format!(
                "the compiled story is damaged or from another version: {}",
                damage.reason()
            )
        })?;
        story.check_integrity()?;
        Ok(story)
    }

    /// The compiled form: a format marker, then the story in postcard's compact encoding.
    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(postcard::to_allocvec(self).expect("a story always serializes"));
        bytes
    }

    fn check_integrity(&self) -> Result<(), String> {
        let within = |what: &str, index: usize, len: usize, list: &str| {
            if index < len {
                Ok(())
            } else {
                Err(format!(
                    "{what} refers to {list}[{index}], but there are {len}"
                ))
            }
        };
        let sources = self.sources.len();
        let all_sources = |what: &str, list: &[usize]| -> Result<(), String> {
            list.iter()
                .try_for_each(|&s| within(what, s, sources, "sources"))
        };
        if self.steps.is_empty() {
            return Err("the story has no steps".into());
        }
        if self.ui.months.len() != 12 {
            return Err(format!(
                "ui.months has {} names, not 12",
                self.ui.months.len()
            ));
        }
        for (i, source) in self.sources.iter().enumerate() {
            if let Some(url) = &source.url {
                url_problem(url).map_err(|problem| format!("sources[{i}].url: {problem}"))?;
            }
        }
        for (i, p) in self.permissions.iter().enumerate() {
            all_sources(&format!("permissions[{i}]"), &p.sources)?;
        }
        for (i, a) in self.actors.iter().enumerate() {
            all_sources(&format!("actors[{i}]"), &a.sources)?;
        }
        for (i, f) in self.flows.iter().enumerate() {
            let at = format!("flows[{i}]");
            within(&at, f.from, self.actors.len(), "actors")?;
            within(&at, f.to, self.actors.len(), "actors")?;
            if let Some(p) = f.permission {
                within(&at, p, self.permissions.len(), "permissions")?;
            }
            for &a in &f.accounts {
                within(&at, a, self.accounts.len(), "accounts")?;
            }
            all_sources(&at, &f.sources)?;
        }
        for (i, e) in self.timeline.iter().enumerate() {
            all_sources(&format!("timeline[{i}]"), &e.sources)?;
        }
        let flows = self.flows.len();
        for (i, step) in self.steps.iter().enumerate() {
            let at = format!("steps[{i}]");
            all_sources(&at, &step.sources)?;
            for q in &step.quotes {
                within(&at, q.source, sources, "sources")?;
                if let Some(a) = q.account {
                    within(&at, a, self.accounts.len(), "accounts")?;
                }
            }
            let shown: Vec<usize> = match &step.diagram {
                Diagram::Flows(FlowSets::Neutral(list)) => list.clone(),
                Diagram::Flows(FlowSets::Single { account, flows }) => {
                    within(&at, *account, self.accounts.len(), "accounts")?;
                    flows.clone()
                }
                Diagram::Flows(FlowSets::Both { alleged, meta }) => {
                    alleged.iter().chain(meta).copied().collect()
                }
                Diagram::Explorer { always } => always.clone(),
                Diagram::Comparison(_) | Diagram::Timeline | Diagram::Sources | Diagram::None => {
                    Vec::new()
                }
            };
            for f in shown {
                within(&at, f, flows, "flows")?;
            }
        }
        Ok(())
    }
}

/// Marks a compiled story file, and its format version.
const MAGIC: &[u8] = b"inbox-explainer story 1\n";

/// Why `url` may not be rendered as a link, if it may not: only absolute http and https links
/// are ever rendered as links.
pub fn url_problem(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("\"{url}\" must start with https:// or http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        // user@host links hide where they really go.
        return Err(format!("\"{url}\" has a user name before its host"));
    }
    let host = authority.split(':').next().unwrap_or("");
    let labels_valid = host.split('.').all(|label| {
        !label.is_empty()
            && label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || !c.is_ascii() || c == '-')
    });
    if !host.contains('.') || !labels_valid {
        return Err(format!("\"{url}\" has no valid host name"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '`' | '<' | '>'))
    {
        return Err(format!(
            "\"{url}\" contains spaces or characters not allowed in a link"
        ));
    }
    Ok(())
}
