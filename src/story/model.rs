//! The validated story. Cross-references are resolved to indices by the parser, so code that
//! renders a story never looks anything up by name and never meets a dangling reference.

/// Declares model structs once: each struct, and how the browser reads it back from a compiled
/// story (`decode`), field by field in the order they are declared here, which is the order the
/// checker's encoder writes them. A field added here is stored, written and read.
///
/// A struct marked `shared` is compared by identity in the app: it is decoded once, shared
/// behind an `Rc` and never changed, so two of them are the same when they are the same value
/// in memory. Comparing a whole story field by field, as props and memos would, costs 2 KB of
/// the bundle (gzip) and finds nothing new. Native code (the checker, the tests) compares by
/// value.
macro_rules! model {
    (shared $(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $type:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(PartialEq, Eq))]
        #[cfg_attr(any(not(target_arch = "wasm32"), feature = "desk"), derive(serde::Serialize))]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $type,)*
        }

        #[cfg(target_arch = "wasm32")]
        impl PartialEq for $name {
            fn eq(&self, other: &$name) -> bool {
                std::ptr::eq(self, other)
            }
        }
        #[cfg(target_arch = "wasm32")]
        impl Eq for $name {}

        model!(@decode $name { $($field)* });
    };
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $type:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[cfg_attr(any(not(target_arch = "wasm32"), feature = "desk"), derive(serde::Serialize))]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $type,)*
        }

        model!(@decode $name { $($field)* });
    };
    (@decode $name:ident { $($field:ident)* }) => {
        impl super::decode::Decode for $name {
            fn decode(r: &mut super::decode::Reader) -> super::decode::Read<Self> {
                Ok($name {
                    $($field: super::decode::Decode::decode(r)?,)*
                })
            }
        }
    };
}

/// The permission explorer keeps the reader's choices in one 64-bit mask.
pub const MAX_PERMISSIONS: usize = 64;

model! {
    shared
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
        /// Pairs of flows drawn joined, with words, whenever both are on show.
        pub links: Vec<Link>,
        /// Sorted by date.
        pub timeline: Vec<Event>,
        pub steps: Vec<Step>,
        /// Dated corrections and updates, newest first.
        pub corrections: Vec<Correction>,
    }
}

model! {
    /// One dated entry of the story's corrections log.
    pub struct Correction {
        pub date: Date,
        pub text: String,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "desk"),
    derive(serde::Serialize)
)]
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
            /// Names the phone's one diagram that carries both accounts.
            combined_view,
            /// A timeline phase's folded events, with `{count}`.
            timeline_more,
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
// The checker's mirror (native, and the desk's bundle) is written from the same list.
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub(crate) use with_ui_labels;

macro_rules! write_ui {
    ($($(#[doc = $doc:literal])* $label:ident,)*) => {
        model! {
            /// Every interface label; see `content/FORMAT.md`.
            pub struct Ui {
                $($(#[doc = $doc])* pub $label: String,)*
                /// One line per shortcut, in the reading direction's terms.
                pub shortcuts: Vec<String>,
                pub months: Vec<String>,
                /// The ten digits numbers are written with, zero first; absent for 0-9.
                pub digits: Option<String>,
            }
        }
    };
}
with_ui_labels!(write_ui);

/// A date with the precision its source gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "desk"),
    derive(serde::Serialize)
)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

model! {
    pub struct Account {
        pub id: String,
        pub label: String,
        /// The part this account plays in the view switch, if any.
        pub role: Option<Role>,
        /// Its name in the view switch ("As alleged"); given with a role.
        pub view_label: Option<String>,
    }
}

/// The two accounts a story compares, whatever it calls them: the one that makes a claim and
/// the one that answers it. The view switch offers them in this order, and each is drawn in
/// its role's style (the claim dashed, the answer solid), so a second explainer about another
/// company and another claim names its own accounts and keeps the same drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "desk"),
    derive(serde::Serialize)
)]
pub enum Role {
    Claim,
    Answer,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Claim, Role::Answer];

    /// The role's name in a story file, and its diagram keys (`claim = […]`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Claim => "claim",
            Role::Answer => "answer",
        }
    }
}

model! {
    pub struct Source {
        pub id: String,
        pub title: String,
        pub publisher: String,
        /// Absent for undated pages, such as living documentation.
        pub date: Option<Date>,
        pub url: Option<String>,
        pub note: Option<String>,
    }
}

model! {
    pub struct Permission {
        pub id: String,
        pub label: String,
        pub explanation: String,
        pub sources: Vec<usize>,
    }
}

model! {
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
}

/// What an actor is, as a picture: a person, an app on a phone, a server, an inbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "desk"),
    derive(serde::Serialize)
)]
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

model! {
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
}

model! {
    /// Two flows that one account ties together ("in exchange for"), drawn as a line between
    /// the two arrows with `label` on it.
    pub struct Link {
        pub id: String,
        pub flows: (usize, usize),
        pub label: String,
    }
}

model! {
    pub struct Event {
        pub id: String,
        pub date: Date,
        pub title: String,
        pub detail: String,
        pub sources: Vec<usize>,
        /// One of the few events the story hinges on: shown when the rest are folded.
        pub key: bool,
        /// The account the event rests on alone, which decides how it is drawn.
        pub account: Option<usize>,
        /// The heading of the phase this event opens.
        pub phase: Option<String>,
    }
}

model! {
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
        /// One line under each view of a flows diagram naming what it shows: for an account
        /// (`Some`), or for the neutral view (`None`).
        pub captions: Vec<(Option<usize>, String)>,
    }
}

model! {
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
        /// The quote's key words, with … where words are left out: what a card shows before
        /// the reader opens the quote in full.
        pub lead: Option<String>,
    }
}

model! {
    pub struct Original {
        pub text: String,
        /// BCP 47 tag, for `lang` on the original.
        pub language: String,
    }
}

/// What a step draws. One variant per kind of diagram; each has one component.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "desk"),
    derive(serde::Serialize)
)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "desk"),
    derive(serde::Serialize)
)]
pub enum FlowSets {
    /// Nobody's account: plain explanation.
    Neutral(Vec<usize>),
    /// One account only (an index into `Story::accounts`).
    Single { account: usize, flows: Vec<usize> },
    /// Both roles' accounts: the reader can switch or compare.
    Both {
        claim: Vec<usize>,
        answer: Vec<usize>,
    },
}

model! {
    pub struct Specimen {
        pub title: String,
        pub caption: String,
        pub fields: Vec<(String, String)>,
    }
}

impl Step {
    /// A step with no figure, whose words have the room to themselves.
    pub fn text_only(&self) -> bool {
        self.diagram == Diagram::None
    }

    /// The caption under this step's view of `account` (`None`: the neutral view).
    pub fn caption(&self, account: Option<usize>) -> Option<&str> {
        self.captions
            .iter()
            .find(|(a, _)| *a == account)
            .map(|(_, text)| text.as_str())
    }
}

impl Story {
    pub fn account_index(&self, id: &str) -> Option<usize> {
        self.accounts.iter().position(|a| a.id == id)
    }

    /// The account that plays `role`, if the story names one.
    pub fn role_account(&self, role: Role) -> Option<usize> {
        self.accounts.iter().position(|a| a.role == Some(role))
    }

    /// The name of `role`'s view in the switch ("As alleged"), or an empty string.
    pub fn view_label(&self, role: Role) -> String {
        self.role_account(role)
            .and_then(|a| self.accounts[a].view_label.clone())
            .unwrap_or_default()
    }

    /// The label of the account that plays `role`, or an empty string if none does.
    pub fn role_label(&self, role: Role) -> String {
        self.role_account(role)
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
}

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
