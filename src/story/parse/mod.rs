//! TOML story file -> validated [`Story`], or errors that tell an editor what to fix and where.
//!
//! Parsing happens in two passes. Serde reads the file into `Raw*` mirrors of the format, which
//! keep the byte span of every value, and rejects syntax errors, missing or unknown keys and
//! wrong types. The checker then resolves ids to indices and enforces the editorial rules
//! (sources on every step, valid dates and links, no control characters), recording every
//! problem it finds rather than stopping at the first.

//!
//! `raw` holds the serde mirrors, `rules` the rules for text, dates and limits, `error` the
//! located report; this file is the checker.

mod error;
mod raw;
mod rules;

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::desk::{DeskCheck, Done};
use super::model::url_problem;
use super::model::*;
pub use error::StoryError;
use error::{clean_path, first_line, line_column};
use raw::*;
use rules::{first_day, last_day, text_problem};
pub use rules::{
    parse_date, DEK_MAX_CHARS, GRID_COLUMNS, GRID_ROWS, MAX_STEPS, MAX_STORY_BYTES,
    SOURCE_NOTE_MAX_CHARS,
};

/// Parses and validates `source`, read from `file` (the name is only used in messages).
pub fn parse(file: &str, source: &str) -> Result<Story, Vec<StoryError>> {
    parse_with_desk_checks(file, source).map(|(story, _)| story)
}

/// Parses and validates `source` like [`parse`], and also returns the story's desk checks,
/// which the story itself never carries.
pub fn parse_with_desk_checks(
    file: &str,
    source: &str,
) -> Result<(Story, Vec<DeskCheck>), Vec<StoryError>> {
    let locate = |span: Option<Range<usize>>, field: String, message: String| {
        let (line, column) = line_column(source, span.map_or(0, |s| s.start));
        StoryError {
            file: file.to_string(),
            line,
            column,
            field,
            message,
        }
    };
    if source.len() > MAX_STORY_BYTES {
        let message = format!(
            "the file is {} bytes; a story file is at most {MAX_STORY_BYTES} bytes",
            source.len()
        );
        return Err(vec![locate(None, String::new(), message)]);
    }
    // TOML allows no control characters but tabs and line ends; a file with one is most
    // likely not text at all (a binary file, a paste from the wrong place). Said plainly,
    // where it is, before the parser says something about keys and values.
    if let Some((at, c)) = source
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let message = format!(
            "contains the control character U+{:04X}; a story file is plain text (is this a binary file?)",
            c as u32
        );
        return Err(vec![locate(Some(at..at + 1), String::new(), message)]);
    }
    let deserializer = toml::Deserializer::parse(source)
        .map_err(|e| vec![locate(e.span(), String::new(), first_line(e.message()))])?;
    let raw: RawStory = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let mut field = clean_path(&e.path().to_string());
        let inner = e.into_inner();
        let message = first_line(inner.message());
        // Name the missing key itself, not only the table that lacks it.
        if let Some(missing) = message
            .strip_prefix("missing field `")
            .and_then(|m| m.strip_suffix('`'))
        {
            field = if field.is_empty() || field == "." {
                missing.to_string()
            } else {
                format!("{field}.{missing}")
            };
        }
        vec![locate(inner.span(), field, message)]
    })?;
    if raw.steps.len() > MAX_STEPS {
        // Said alone and at once: checking thousands of steps would only repeat it.
        let at = raw.steps[MAX_STEPS].id.span();
        let message = format!("{} steps; a story has at most {MAX_STEPS}", raw.steps.len());
        return Err(vec![locate(Some(at), "steps".into(), message)]);
    }
    let mut checker = Checker {
        errors: Vec::new(),
        locate: &locate,
    };
    let desk_checks = checker.desk_checks(&raw.desk_checks);
    let story = checker.story(raw);
    if checker.errors.is_empty() {
        Ok((story, desk_checks))
    } else {
        Err(checker.errors)
    }
}

/// Ids of one list, for resolving references to it.
struct Ids<'a> {
    kind: &'static str,
    index: HashMap<&'a str, usize>,
}

struct Checker<'l, L> {
    errors: Vec<StoryError>,
    locate: &'l L,
}

impl<L> Checker<'_, L>
where
    L: Fn(Option<Range<usize>>, String, String) -> StoryError,
{
    fn error(&mut self, span: Range<usize>, field: impl Into<String>, message: impl Into<String>) {
        let error = (self.locate)(Some(span), field.into(), message.into());
        self.errors.push(error);
    }

    fn story(&mut self, raw: RawStory) -> Story {
        let direction = match raw.direction.get_ref().as_str() {
            "ltr" => Direction::Ltr,
            "rtl" => Direction::Rtl,
            other => {
                let message = format!("must be \"ltr\" or \"rtl\", not {other:?}");
                self.error(raw.direction.span(), "direction", message);
                Direction::Ltr
            }
        };
        self.ui(&raw.ui);

        let account_ids = self.ids("account", "accounts", raw.accounts.iter().map(|a| &a.id));
        let source_ids = self.ids("source", "sources", raw.sources.iter().map(|s| &s.id));
        let permission_ids = self.ids(
            "permission",
            "permissions",
            raw.permissions.iter().map(|p| &p.id),
        );
        let actor_ids = self.ids("actor", "actors", raw.actors.iter().map(|a| &a.id));
        let flow_ids = self.ids("flow", "flows", raw.flows.iter().map(|f| &f.id));
        self.ids("link", "links", raw.links.iter().map(|l| &l.id));
        self.ids("event", "timeline", raw.timeline.iter().map(|e| &e.id));
        self.ids("step", "steps", raw.steps.iter().map(|s| &s.id));

        let accounts: Vec<Account> = self.accounts(&raw.accounts);
        let sources: Vec<Source> = raw
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| self.source(i, s))
            .collect();
        let permissions = raw
            .permissions
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let at = format!("permissions[{i}]");
                Permission {
                    id: p.id.get_ref().clone(),
                    label: self.text(&format!("{at}.label"), &p.label),
                    explanation: self.text(&format!("{at}.explanation"), &p.explanation),
                    sources: self.sources(&format!("{at}.sources"), &p.sources, &source_ids),
                }
            })
            .collect();
        if raw.permissions.len() > MAX_PERMISSIONS {
            let message = format!(
                "{} permissions; the explorer offers at most {MAX_PERMISSIONS}",
                raw.permissions.len()
            );
            self.error(0..0, "permissions", message);
        }
        let actors = self.actors(&raw.actors, &source_ids);
        let flows = raw
            .flows
            .iter()
            .enumerate()
            .map(|(i, f)| self.flow(i, f, &actor_ids, &permission_ids, &account_ids, &source_ids))
            .collect();
        let links = self.links(&raw.links, &flow_ids);
        let mut timeline: Vec<Event> = raw
            .timeline
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let at = format!("timeline[{i}]");
                Event {
                    id: e.id.get_ref().clone(),
                    date: self.date(&format!("{at}.date"), &e.date),
                    title: self.text(&format!("{at}.title"), &e.title),
                    detail: self.text(&format!("{at}.detail"), &e.detail),
                    sources: self.sources(&format!("{at}.sources"), &e.sources, &source_ids),
                    key: e.key,
                    account: e
                        .account
                        .as_ref()
                        .map(|a| self.reference(&format!("{at}.account"), a, &account_ids)),
                    phase: e
                        .phase
                        .as_ref()
                        .map(|p| self.text(&format!("{at}.phase"), p)),
                }
            })
            .collect();
        timeline.sort_by_key(|e| e.date);
        self.phases(&raw.timeline, &timeline);

        if raw.steps.is_empty() {
            self.error(0..0, "steps", "a story needs at least one step");
        }
        let role_account = |role| accounts.iter().position(|a: &Account| a.role == Some(role));
        let refs = Refs {
            accounts: &account_ids,
            roles: Role::ALL.map(role_account),
            sources: &source_ids,
            flows: &flow_ids,
        };
        let steps: Vec<Step> = raw
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| self.step(i, s, &refs, &raw))
            .collect();

        let last_updated = self.date("last_updated", &raw.last_updated);
        self.statuses(&raw, &steps, &sources, last_updated);
        let corrections = self.corrections(&raw.corrections, last_updated);
        Story {
            language: self.language_tag("language", &raw.language),
            direction,
            title: self.text("title", &raw.title),
            standfirst: self.text("standfirst", &raw.standfirst),
            dek: raw.dek.as_ref().map(|d| {
                let why = format!("a dek must fit two lines on a phone ({DEK_MAX_CHARS} at most)");
                self.short_text("dek", d, DEK_MAX_CHARS, &why)
            }),
            last_updated,
            ui: raw.ui.into_ui(),
            accounts,
            sources,
            permissions,
            actors,
            flows,
            links,
            timeline,
            steps,
            corrections,
        }
    }

    /// Each link joins two different flows.
    fn links(&mut self, raw: &[RawLink], flows: &Ids) -> Vec<Link> {
        raw.iter()
            .enumerate()
            .map(|(i, l)| {
                let at = format!("links[{i}]");
                let ends = self.references(&format!("{at}.between"), l.between.get_ref(), flows);
                let pair = match ends[..] {
                    [a, b] if a != b => (a, b),
                    _ => {
                        let message = "needs two different flows";
                        self.error(l.between.span(), format!("{at}.between"), message);
                        (0, 0)
                    }
                };
                Link {
                    id: l.id.get_ref().clone(),
                    flows: pair,
                    label: self.text(&format!("{at}.label"), &l.label),
                }
            })
            .collect()
    }

    /// Phases run in date order: once one event opens a phase, the earliest event must too,
    /// or the events before the first heading would sit under none.
    fn phases(&mut self, raw: &[RawEvent], sorted: &[Event]) {
        let Some(first) = sorted.first() else {
            return;
        };
        if first.phase.is_none() && sorted.iter().any(|e| e.phase.is_some()) {
            let (i, event) = raw
                .iter()
                .enumerate()
                .find(|(_, e)| e.id.get_ref() == &first.id)
                .expect("every sorted event came from the file");
            let message = "the earliest event must open a phase, since others do";
            self.error(event.id.span(), format!("timeline[{i}].phase"), message);
        }
    }

    /// Every label is checked as text, at its own key; templates must keep their
    /// placeholders.
    fn ui(&mut self, ui: &RawUi) {
        for (key, label) in ui.labels() {
            if let Err(problem) = text_problem(label.get_ref()) {
                self.error(label.span(), format!("ui.{key}"), problem);
            }
        }
        let placeholders: [(&str, &Text, &[&str]); 10] = [
            ("sources_count", &ui.sources_count, &["{count}"]),
            ("timeline_more", &ui.timeline_more, &["{count}"]),
            ("status_as_of", &ui.status_as_of, &["{date}"]),
            ("progress", &ui.progress, &["{current}", "{total}"]),
            ("go_to_step", &ui.go_to_step, &["{number}", "{title}"]),
            ("diagram_label", &ui.diagram_label, &["{title}"]),
            ("last_updated", &ui.last_updated, &["{date}"]),
            ("date_day", &ui.date_day, &["{day}", "{month}", "{year}"]),
            ("date_month", &ui.date_month, &["{month}", "{year}"]),
            (
                "flow_description",
                &ui.flow_description,
                &["{label}", "{from}", "{to}"],
            ),
        ];
        for (key, value, needed) in placeholders {
            for placeholder in needed {
                if !value.get_ref().contains(placeholder) {
                    let message = format!("must contain the placeholder {placeholder}");
                    self.error(value.span(), format!("ui.{key}"), message);
                }
            }
        }
        if ui.months.get_ref().len() != 12 {
            let message = format!("needs 12 month names, found {}", ui.months.get_ref().len());
            self.error(ui.months.span(), "ui.months", message);
        }
        if ui.shortcuts.get_ref().is_empty() {
            self.error(
                ui.shortcuts.span(),
                "ui.shortcuts",
                "needs at least one shortcut",
            );
        }
        for (key, list) in [("months", &ui.months), ("shortcuts", &ui.shortcuts)] {
            for (i, label) in list.get_ref().iter().enumerate() {
                if let Err(problem) = text_problem(label.get_ref()) {
                    self.error(label.span(), format!("ui.{key}[{i}]"), problem);
                }
            }
        }
        if let Some(digits) = &ui.digits {
            if digits.get_ref().chars().count() != 10 {
                let message = format!(
                    "needs the 10 digits, zero first; found {:?}",
                    digits.get_ref()
                );
                self.error(digits.span(), "ui.digits", message);
            }
        }
    }

    fn ids<'a>(
        &mut self,
        kind: &'static str,
        list: &str,
        ids: impl Iterator<Item = &'a Text>,
    ) -> Ids<'a> {
        let mut index = HashMap::new();
        for (i, id) in ids.enumerate() {
            let field = format!("{list}[{i}].id");
            let value = id.get_ref().as_str();
            let valid = !value.is_empty()
                && value
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid {
                let message =
                    format!("{kind} id {value:?} must use only lowercase letters, digits and '-'");
                self.error(id.span(), field, message);
            } else if index.insert(value, i).is_some() {
                self.error(id.span(), field, format!("duplicate {kind} id {value:?}"));
            }
        }
        Ids { kind, index }
    }

    fn reference(&mut self, field: &str, value: &Text, ids: &Ids) -> usize {
        match ids.index.get(value.get_ref().as_str()) {
            Some(&i) => i,
            None => {
                let mut known: Vec<&str> = ids.index.keys().copied().collect();
                known.sort_unstable();
                let message = format!(
                    "unknown {} {:?}; known: {}",
                    ids.kind,
                    value.get_ref(),
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                );
                self.error(value.span(), field, message);
                0
            }
        }
    }

    /// A list of references, each to a different item.
    fn references(&mut self, field: &str, values: &[Text], ids: &Ids) -> Vec<usize> {
        let mut seen = HashMap::new();
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let at = format!("{field}[{i}]");
                if let Some(first) = seen.insert(v.get_ref().as_str(), i) {
                    let message = format!("{:?} is already listed at [{first}]", v.get_ref());
                    self.error(v.span(), &at, message);
                }
                self.reference(&at, v, ids)
            })
            .collect()
    }

    /// A source list: resolved, and never empty, since every claim needs one.
    fn sources(&mut self, field: &str, values: &Spanned<Vec<Text>>, ids: &Ids) -> Vec<usize> {
        if values.get_ref().is_empty() {
            self.error(values.span(), field, "needs at least one source");
        }
        self.references(field, values.get_ref(), ids)
    }

    fn text(&mut self, field: &str, value: &Text) -> String {
        if let Err(problem) = text_problem(value.get_ref()) {
            self.error(value.span(), field, problem);
        }
        value.get_ref().trim().to_string()
    }

    /// A BCP 47 language tag such as `en` or `pt-BR`: letters, digits and hyphens.
    fn language_tag(&mut self, field: &str, value: &Text) -> String {
        let tag = value.get_ref();
        let valid = (1..=35).contains(&tag.len())
            && tag.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if !valid {
            let message = format!("{tag:?} is not a language tag such as \"en\" or \"pt-BR\"");
            self.error(value.span(), field, message);
        }
        tag.clone()
    }

    /// A translated quote's verbatim original: text and language come together or not at all.
    fn original(&mut self, at: &str, quote: &RawQuote) -> Option<Original> {
        match (&quote.original, &quote.original_language) {
            (Some(text), Some(language)) => Some(Original {
                text: self.text(&format!("{at}.original"), text),
                language: self.language_tag(&format!("{at}.original_language"), language),
            }),
            (Some(text), None) => {
                let message = "a translated quote needs original_language too";
                self.error(text.span(), format!("{at}.original_language"), message);
                None
            }
            (None, Some(language)) => {
                let message = "original_language is given but original is missing";
                self.error(language.span(), format!("{at}.original"), message);
                None
            }
            (None, None) => None,
        }
    }

    /// A quote's lead is its own words: each run between the … that mark what is left out is
    /// found in the quote's text, in order.
    fn lead(&mut self, field: &str, lead: &Text, text: &Text) -> String {
        let shown = self.text(field, lead);
        let quote = text.get_ref();
        let mut from = 0;
        for run in shown
            .split('…')
            .map(str::trim)
            .filter(|run| !run.is_empty())
        {
            match quote[from..].find(run) {
                Some(at) => from += at + run.len(),
                None => {
                    let message = format!("{run:?} is not the quote's own words, in order; a lead keeps the quote's words, with … where words are left out");
                    self.error(lead.span(), field, message);
                    break;
                }
            }
        }
        shown
    }

    fn date(&mut self, field: &str, value: &Text) -> Date {
        parse_date(value.get_ref()).unwrap_or_else(|problem| {
            self.error(value.span(), field, problem);
            Date {
                year: 1970,
                month: None,
                day: None,
            }
        })
    }

    fn source(&mut self, i: usize, s: &RawSource) -> Source {
        let at = format!("sources[{i}]");
        let url = s.url.as_ref().map(|url| {
            if let Err(problem) = url_problem(url.get_ref()) {
                self.error(url.span(), format!("{at}.url"), problem);
            }
            url.get_ref().clone()
        });
        let source = Source {
            id: s.id.get_ref().clone(),
            title: self.text(&format!("{at}.title"), &s.title),
            publisher: self.text(&format!("{at}.publisher"), &s.publisher),
            date: s.date.as_ref().map(|d| self.date(&format!("{at}.date"), d)),
            url,
            note: s
                .note
                .as_ref()
                .map(|n| {
                    let why = format!("a reader's note is one line ({SOURCE_NOTE_MAX_CHARS} at most): put the desk's working notes in editor_note");
                    self.short_text(&format!("{at}.note"), n, SOURCE_NOTE_MAX_CHARS, &why)
                }),
        };
        if let Some(editor_note) = &s.editor_note {
            self.text(&format!("{at}.editor_note"), editor_note);
        }
        for (j, excerpt) in s.excerpts.iter().enumerate() {
            self.text(&format!("{at}.excerpts[{j}]"), excerpt);
        }
        source
    }

    /// Text that must stay short where it is shown: over `max` characters, the editor is told
    /// how long it is and why the limit is there (`why`, which names the limit).
    fn short_text(&mut self, field: &str, value: &Text, max: usize, why: &str) -> String {
        let text = self.text(field, value);
        let length = text.chars().count();
        if length > max {
            self.error(
                value.span(),
                field,
                format!("is {length} characters; {why}"),
            );
        }
        text
    }

    /// Newest first; a correction cannot postdate the story's own last update.
    fn corrections(&mut self, raw: &[RawCorrection], last_updated: Date) -> Vec<Correction> {
        let mut corrections: Vec<Correction> = raw
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let at = format!("corrections[{i}]");
                let date = self.date(&format!("{at}.date"), &c.date);
                if date.day.is_none() {
                    self.error(
                        c.date.span(),
                        format!("{at}.date"),
                        "a correction needs a full date, YYYY-MM-DD",
                    );
                } else if date > last_updated {
                    self.error(
                        c.date.span(),
                        format!("{at}.date"),
                        "is later than last_updated",
                    );
                }
                Correction {
                    date,
                    text: self.text(&format!("{at}.text"), &c.text),
                }
            })
            .collect();
        corrections.sort_by_key(|c| std::cmp::Reverse(c.date));
        corrections
    }

    /// A dated status is never newer than its evidence: a step's `as_of` may not be later than
    /// the newest dated source the step cites, nor than the story's last update.
    fn statuses(&mut self, raw: &RawStory, steps: &[Step], sources: &[Source], updated: Date) {
        for (i, (raw_step, step)) in raw.steps.iter().zip(steps).enumerate() {
            let (Some(text), Some(as_of)) = (&raw_step.as_of, step.as_of) else {
                continue;
            };
            let field = format!("steps[{i}].as_of");
            let newest = step
                .sources
                .iter()
                .filter_map(|&s| Some((s, sources.get(s)?.date?)))
                .max_by_key(|&(_, date)| last_day(date));
            match newest {
                None => {
                    let message = "none of the sources this step cites is dated; a status needs dated evidence";
                    self.error(text.span(), field, message);
                }
                Some((source, date)) if first_day(as_of) > last_day(date) => {
                    let (id, written) = raw
                        .sources
                        .get(source)
                        .map(|s| {
                            (
                                s.id.get_ref().as_str(),
                                s.date.as_ref().map_or("", |d| d.get_ref().as_str()),
                            )
                        })
                        .unwrap_or_default();
                    let message = format!(
                        "{:?} is later than the newest dated source this step cites, {id:?} ({written}): a status cannot be newer than its evidence; date it by that source, or cite the newer one",
                        text.get_ref()
                    );
                    self.error(text.span(), field, message);
                }
                Some(_) if first_day(as_of) > last_day(updated) => {
                    self.error(text.span(), field, "is later than last_updated");
                }
                Some(_) => {}
            }
        }
    }

    /// Each check is open, or done with the date and the initials of whoever did it.
    fn desk_checks(&mut self, raw: &[RawDeskCheck]) -> Vec<DeskCheck> {
        self.ids("desk check", "desk_checks", raw.iter().map(|c| &c.id));
        raw.iter()
            .enumerate()
            .map(|(i, c)| {
                let at = format!("desk_checks[{i}]");
                let task = self.text(&format!("{at}.task"), &c.task);
                let note = c.note.as_ref().map(|n| self.text(&format!("{at}.note"), n));
                let done = match c.status.get_ref().as_str() {
                    "open" => {
                        for (key, value) in [("done_on", &c.done_on), ("done_by", &c.done_by)] {
                            if let Some(value) = value {
                                let message = format!("an open check has no {key}; set status = \"done\" once it is done");
                                self.error(value.span(), format!("{at}.{key}"), message);
                            }
                        }
                        None
                    }
                    "done" => self.done(&at, c),
                    other => {
                        let message = format!("must be \"open\" or \"done\", not {other:?}");
                        self.error(c.status.span(), format!("{at}.status"), message);
                        None
                    }
                };
                DeskCheck {
                    id: c.id.get_ref().clone(),
                    task,
                    done,
                    note,
                }
            })
            .collect()
    }

    /// A done check says when (a full date) and who (initials); a check missing either is
    /// reported, and stays open.
    fn done(&mut self, at: &str, c: &RawDeskCheck) -> Option<Done> {
        let on = match &c.done_on {
            Some(text) => {
                let date = self.date(&format!("{at}.done_on"), text);
                if date.day.is_none() {
                    let message = "needs the full date the check was done, YYYY-MM-DD";
                    self.error(text.span(), format!("{at}.done_on"), message);
                }
                Some(date)
            }
            None => {
                let message = "a done check needs done_on, the date it was done (YYYY-MM-DD)";
                self.error(c.status.span(), format!("{at}.done_on"), message);
                None
            }
        };
        let by = match &c.done_by {
            Some(text) => {
                let initials = text.get_ref();
                let count = initials.chars().count();
                let valid = (2..=4).contains(&count)
                    && initials
                        .chars()
                        .all(|ch| ch.is_alphabetic() && !ch.is_lowercase());
                if !valid {
                    let message = format!("takes the initials of whoever did the check, 2 to 4 capital letters such as \"JS\", not {initials:?}");
                    self.error(text.span(), format!("{at}.done_by"), message);
                }
                Some(initials.clone())
            }
            None => {
                let message = "a done check needs done_by, the initials of whoever did it";
                self.error(c.status.span(), format!("{at}.done_by"), message);
                None
            }
        };
        Some(Done { on: on?, by: by? })
    }

    fn actors(&mut self, raw: &[RawActor], sources: &Ids) -> Vec<Actor> {
        let mut taken: HashMap<(u8, u8), usize> = HashMap::new();
        let mut actors = Vec::new();
        for (i, a) in raw.iter().enumerate() {
            let at = format!("actors[{i}]");
            let place = match a.place.get_ref()[..] {
                [column, row] => (column, row),
                _ => {
                    let message = "must be two numbers: [column, row]";
                    self.error(a.place.span(), format!("{at}.place"), message);
                    (0, 0)
                }
            };
            if place.0 >= GRID_COLUMNS || place.1 >= GRID_ROWS {
                let message = format!(
                    "place {place:?} is off the grid: columns 0 to {}, rows 0 to {}",
                    GRID_COLUMNS - 1,
                    GRID_ROWS - 1
                );
                self.error(a.place.span(), format!("{at}.place"), message);
            } else if let Some(other) = taken.insert(place, i) {
                let message = format!("place {place:?} is already taken by actors[{other}]");
                self.error(a.place.span(), format!("{at}.place"), message);
            }
            actors.push(Actor {
                id: a.id.get_ref().clone(),
                label: self.text(&format!("{at}.label"), &a.label),
                detail: self.text(&format!("{at}.detail"), &a.detail),
                sources: self.sources(&format!("{at}.sources"), &a.sources, sources),
                place,
                glyph: a
                    .glyph
                    .as_ref()
                    .and_then(|g| self.glyph(&format!("{at}.glyph"), g)),
            });
        }
        actors
    }

    /// The dek is read on a phone above the first step: it must stay within two lines.
    fn glyph(&mut self, at: &str, name: &Text) -> Option<Glyph> {
        let found = Glyph::NAMES.iter().find(|(_, n)| n == name.get_ref());
        if found.is_none() {
            let names: Vec<&str> = Glyph::NAMES.iter().map(|(_, n)| *n).collect();
            let message = format!(
                "glyph {:?} is not one of {}",
                name.get_ref(),
                names.join(", ")
            );
            self.error(name.span(), at, message);
        }
        found.map(|(glyph, _)| *glyph)
    }

    fn flow(
        &mut self,
        i: usize,
        f: &RawFlow,
        actors: &Ids,
        permissions: &Ids,
        accounts: &Ids,
        sources: &Ids,
    ) -> Flow {
        let at = format!("flows[{i}]");
        let from = self.reference(&format!("{at}.from"), &f.from, actors);
        let to = self.reference(&format!("{at}.to"), &f.to, actors);
        if f.from.get_ref() == f.to.get_ref() {
            self.error(
                f.to.span(),
                format!("{at}.to"),
                "a flow must join two different actors",
            );
        }
        Flow {
            id: f.id.get_ref().clone(),
            from,
            to,
            label: self.text(&format!("{at}.label"), &f.label),
            permission: f
                .permission
                .as_ref()
                .map(|p| self.reference(&format!("{at}.permission"), p, permissions)),
            accounts: self.references(&format!("{at}.accounts"), &f.accounts, accounts),
            detail: self.text(&format!("{at}.detail"), &f.detail),
            reveals: f
                .reveals
                .as_ref()
                .map(|r| self.text(&format!("{at}.reveals"), r)),
            sources: self.sources(&format!("{at}.sources"), &f.sources, sources),
        }
    }

    fn step(&mut self, i: usize, s: &RawStep, refs: &Refs, raw: &RawStory) -> Step {
        let at = format!("steps[{i}]");
        let quotes = s
            .quotes
            .iter()
            .enumerate()
            .map(|(q, quote)| {
                let at = format!("{at}.quotes[{q}]");
                Quote {
                    text: self.text(&format!("{at}.text"), &quote.text),
                    who: self.text(&format!("{at}.who"), &quote.who),
                    role: self.text(&format!("{at}.role"), &quote.role),
                    place: self.text(&format!("{at}.where"), &quote.place),
                    date: self.date(&format!("{at}.date"), &quote.date),
                    source: self.reference(&format!("{at}.source"), &quote.source, refs.sources),
                    account: quote
                        .account
                        .as_ref()
                        .map(|a| self.reference(&format!("{at}.account"), a, refs.accounts)),
                    original: self.original(&at, quote),
                    lead: quote
                        .lead
                        .as_ref()
                        .map(|lead| self.lead(&format!("{at}.lead"), lead, &quote.text)),
                }
            })
            .collect();
        Step {
            id: s.id.get_ref().clone(),
            title: self.text(&format!("{at}.title"), &s.title),
            as_of: s
                .as_of
                .as_ref()
                .map(|d| self.date(&format!("{at}.as_of"), d)),
            body: self.text(&format!("{at}.body"), &s.body),
            points: s
                .points
                .iter()
                .enumerate()
                .map(|(p, point)| self.text(&format!("{at}.points[{p}]"), point))
                .collect(),
            sources: self.sources(&format!("{at}.sources"), &s.sources, refs.sources),
            quotes,
            diagram: self.diagram(&format!("{at}.diagram"), &s.diagram, refs, raw),
            captions: self.captions(&format!("{at}.diagram"), s.diagram.get_ref(), refs),
        }
    }

    /// The story's accounts, each with the role it plays in the view switch, if any: at most
    /// one account per role, and a role's account names its view.
    fn accounts(&mut self, raw: &[RawAccount]) -> Vec<Account> {
        let mut accounts: Vec<Account> = Vec::with_capacity(raw.len());
        for (i, a) in raw.iter().enumerate() {
            let at = format!("accounts[{i}]");
            let role = a.role.as_ref().and_then(|role| {
                let found = Role::ALL.into_iter().find(|r| r.key() == role.get_ref());
                match found {
                    None => {
                        let message = format!("unknown role {:?}; use \"claim\" or \"answer\"", role.get_ref());
                        self.error(role.span(), format!("{at}.role"), message);
                    }
                    Some(r) => {
                        if let Some(other) = accounts.iter().find(|o| o.role == Some(r)) {
                            let message = format!(
                                "the {:?} role is already played by account {:?}; each role has one account",
                                r.key(),
                                other.id
                            );
                            self.error(role.span(), format!("{at}.role"), message);
                            return None;
                        }
                    }
                }
                found
            });
            let view_label = match (&a.view, role) {
                (Some(view), Some(_)) => Some(self.text(&format!("{at}.view"), view)),
                // A role given but refused has had its error; the view is not the problem.
                (Some(_), None) if a.role.is_some() => None,
                (Some(view), None) => {
                    let message = "names a view, but the account has no `role`; only the claim and the answer are views";
                    self.error(view.span(), format!("{at}.view"), message);
                    None
                }
                (None, Some(r)) => {
                    let message = format!(
                        "plays the {:?} role, so it needs `view`: its name in the view switch",
                        r.key()
                    );
                    self.error(a.id.span(), format!("{at}.view"), message);
                    None
                }
                (None, None) => None,
            };
            accounts.push(Account {
                id: a.id.get_ref().clone(),
                label: self.text(&format!("{at}.label"), &a.label),
                role,
                view_label,
            });
        }
        accounts
    }

    /// A flows diagram's caption for each of its views: `caption` under a neutral list,
    /// `<account>_caption` under that account's list.
    fn captions(&mut self, at: &str, d: &RawDiagram, refs: &Refs) -> Vec<(Option<usize>, String)> {
        let views = [
            ("caption", &d.caption, &d.flows, None),
            (
                "claim_caption",
                &d.claim_caption,
                &d.claim,
                Some(Role::Claim),
            ),
            (
                "answer_caption",
                &d.answer_caption,
                &d.answer,
                Some(Role::Answer),
            ),
        ];
        let mut captions = Vec::new();
        for (key, caption, list, account) in views {
            let Some(caption) = caption else { continue };
            let field = format!("{at}.{key}");
            if d.kind.get_ref() != "flows" || list.is_none() {
                let list = account.map_or("flows", Role::key);
                let message = format!("captions a view this diagram does not have: give `{list}` too, in a flows diagram");
                self.error(caption.span(), field, message);
                continue;
            }
            let account = account.and_then(|role| refs.roles[role as usize]);
            captions.push((account, self.text(&field, caption)));
        }
        captions
    }

    fn diagram(
        &mut self,
        at: &str,
        d: &Spanned<RawDiagram>,
        refs: &Refs,
        raw: &RawStory,
    ) -> Diagram {
        let span = d.span();
        let d = d.get_ref();
        let kind = d.kind.get_ref().as_str();
        // Each kind takes some keys; any other key is a mistake worth naming.
        let allowed: &[&str] = match kind {
            "flows" => &["claim", "answer", "flows"],
            "explorer" => &["flows"],
            "comparison" => &["specimens"],
            "timeline" | "sources" | "none" => &[],
            other => {
                let message = format!(
                    "unknown diagram kind {other:?}; use flows, explorer, comparison, timeline, sources or none"
                );
                self.error(d.kind.span(), format!("{at}.kind"), message);
                return Diagram::None;
            }
        };
        let present = [
            ("claim", d.claim.is_some()),
            ("answer", d.answer.is_some()),
            ("flows", d.flows.is_some()),
            ("specimens", d.specimens.is_some()),
        ];
        for (key, is_present) in present {
            if is_present && !allowed.contains(&key) {
                let message = format!("a {kind} diagram does not take `{key}`");
                self.error(span.clone(), format!("{at}.{key}"), message);
            }
        }
        // Kept in story order, the order of the flows' numbers, so a legend never sorts.
        let flow_list = |checker: &mut Self, key: &str, list: &Option<Vec<Text>>| {
            list.as_ref().map(|l| {
                let mut flows = checker.references(&format!("{at}.{key}"), l, refs.flows);
                flows.sort_unstable();
                flows
            })
        };
        match kind {
            "flows" => {
                let claim = flow_list(self, "claim", &d.claim);
                let answer = flow_list(self, "answer", &d.answer);
                let neutral = flow_list(self, "flows", &d.flows);
                let account = |checker: &mut Self, role: Role| {
                    refs.roles[role as usize].unwrap_or_else(|| {
                        let key = role.key();
                        let message =
                            format!("draws the {key:?} view, but no account has `role = {key:?}`");
                        checker.error(span.clone(), format!("{at}.{key}"), message);
                        0
                    })
                };
                match (claim, answer, neutral) {
                    (None, None, Some(flows)) => Diagram::Flows(FlowSets::Neutral(flows)),
                    (Some(claim), Some(answer), None) => {
                        account(self, Role::Claim);
                        account(self, Role::Answer);
                        Diagram::Flows(FlowSets::Both { claim, answer })
                    }
                    (Some(flows), None, None) => Diagram::Flows(FlowSets::Single {
                        account: account(self, Role::Claim),
                        flows,
                    }),
                    (None, Some(flows), None) => Diagram::Flows(FlowSets::Single {
                        account: account(self, Role::Answer),
                        flows,
                    }),
                    _ => {
                        let message =
                            "a flows diagram takes `claim` and/or `answer`, or `flows` alone";
                        self.error(span.clone(), at, message);
                        Diagram::None
                    }
                }
            }
            "explorer" => {
                if raw.permissions.is_empty() {
                    self.error(
                        span.clone(),
                        at,
                        "an explorer needs [[permissions]] to toggle",
                    );
                }
                Diagram::Explorer {
                    always: flow_list(self, "flows", &d.flows).unwrap_or_default(),
                }
            }
            "comparison" => {
                let specimens = d.specimens.as_deref().unwrap_or_default();
                if specimens.is_empty() {
                    self.error(
                        span.clone(),
                        format!("{at}.specimens"),
                        "needs at least one specimen",
                    );
                }
                Diagram::Comparison(
                    specimens
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let at = format!("{at}.specimens[{i}]");
                            Specimen {
                                title: self.text(&format!("{at}.title"), &s.title),
                                caption: self.text(&format!("{at}.caption"), &s.caption),
                                fields: s
                                    .fields
                                    .iter()
                                    .enumerate()
                                    .map(|(f, field)| {
                                        let at = format!("{at}.fields[{f}]");
                                        (
                                            self.text(&format!("{at}.name"), &field.name),
                                            self.text(&format!("{at}.value"), &field.value),
                                        )
                                    })
                                    .collect(),
                            }
                        })
                        .collect(),
                )
            }
            "timeline" => {
                if raw.timeline.is_empty() {
                    self.error(span, at, "a timeline diagram needs [[timeline]] events");
                }
                Diagram::Timeline
            }
            "sources" => Diagram::Sources,
            _ => Diagram::None,
        }
    }
}

struct Refs<'r, 'a> {
    accounts: &'r Ids<'a>,
    /// The account that plays each role, in `Role` order.
    roles: [Option<usize>; 2],
    sources: &'r Ids<'a>,
    flows: &'r Ids<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.toml");

    /// Parses the minimal story with `from` replaced by `to`, expecting exactly this failure.
    fn error_after(from: &str, to: &str) -> StoryError {
        assert!(MINIMAL.contains(from), "fixture lacks {from:?}");
        let text = MINIMAL.replacen(from, to, 1);
        let errors = parse("story.toml", &text).expect_err("the change makes the story invalid");
        errors.into_iter().next().unwrap()
    }

    fn line_of(needle: &str) -> usize {
        MINIMAL
            .lines()
            .position(|l| l.contains(needle))
            .expect("needle in fixture")
            + 1
    }

    #[test]
    fn a_second_story_gives_the_roles_to_accounts_of_its_own_naming() {
        let text = include_str!("../../../tests/fixtures/second-explainer.toml");
        let story = parse("second-explainer.toml", text).unwrap();
        let named = |role| {
            story
                .role_account(role)
                .map(|a| story.accounts[a].id.as_str())
        };
        assert_eq!(named(Role::Claim), Some("complaint"));
        assert_eq!(named(Role::Answer), Some("company"));
        assert_eq!(story.view_label(Role::Claim), "As the complaint says");
        assert_eq!(story.view_label(Role::Answer), "As the company says");
        let both = Diagram::Flows(FlowSets::Both {
            claim: vec![0],
            answer: vec![1, 2],
        });
        assert_eq!(story.steps[0].diagram, both);
        let single = Diagram::Flows(FlowSets::Single {
            account: 1,
            flows: vec![1, 2],
        });
        assert_eq!(story.steps[1].diagram, single);
        // Its quotes pair up by role, and its captions belong to its own accounts.
        assert_eq!(
            story.steps[0].caption(Some(0)),
            Some("The complaint: readings go to the ad company.")
        );
        assert_eq!(story.steps[0].quotes[1].account, Some(1));
    }

    #[test]
    fn the_minimal_story_parses_with_references_resolved() {
        let story = parse("minimal.toml", MINIMAL).unwrap();
        assert_eq!(story.steps.len(), 6);
        assert_eq!(story.flows[1].permission, Some(0));
        assert_eq!((story.flows[1].from, story.flows[1].to), (1, 2));
        assert_eq!(
            story.steps[0].quotes[0].account,
            story.account_index("meta")
        );
        let both = Diagram::Flows(FlowSets::Both {
            claim: vec![1],
            answer: vec![0],
        });
        assert_eq!(story.steps[0].diagram, both);
        assert_eq!(
            story.steps[1].diagram,
            Diagram::Explorer { always: vec![0] }
        );
    }

    #[test]
    fn the_explorer_takes_at_most_64_permissions() {
        let one = "[[permissions]]\nid = \"read\"\nlabel = \"Read messages\"\nexplanation = \"Lets software read messages.\"\nsources = [\"doc\"]\n";
        assert!(MINIMAL.contains(one), "fixture's permission");
        let many: String = (0..65)
            .map(|i| one.replace("id = \"read\"", &format!("id = \"p{i}\"")))
            .collect();
        let text = MINIMAL.replacen(one, &format!("{one}{many}"), 1);
        let errors = parse("story.toml", &text).expect_err("too many permissions");
        assert!(errors
            .iter()
            .any(|e| e.field == "permissions" && e.message.contains("at most 64")));
    }

    #[test]
    fn corrections_are_listed_newest_first() {
        let story = parse("minimal.toml", MINIMAL).unwrap();
        let texts: Vec<&str> = story.corrections.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["The latest update.", "An earlier update."]);
    }

    #[test]
    fn a_correction_needs_a_full_date_no_later_than_the_last_update() {
        let error = error_after("date = \"2026-10-01\"", "date = \"2026-10\"");
        assert_eq!(error.field, "corrections[0].date");
        assert!(error.message.contains("full date"), "{error}");
        let error = error_after("date = \"2026-10-01\"", "date = \"2026-12-01\"");
        assert_eq!(error.field, "corrections[0].date");
        assert!(error.message.contains("later than last_updated"), "{error}");
        let error = error_after("text = \"An earlier update.\"", "text = \"\"");
        assert_eq!(error.field, "corrections[0].text");
        let error = error_after("An earlier update.", "An earlier\\u0007 update.");
        assert_eq!(error.field, "corrections[0].text");
    }

    #[test]
    fn desk_fields_are_checked_but_never_reach_the_story() {
        let story = parse("minimal.toml", MINIMAL).unwrap();
        let encoded = story.encode();
        let contains = |needle: &str| {
            encoded
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
        };
        assert!(contains("Quoted from a reprint."));
        assert!(!contains("Read via a copy"));
        assert!(!contains("The memo's own words."));
        let error = error_after("Read via a copy;", "Read via\\u0007 a copy;");
        assert_eq!(error.field, "sources[1].editor_note");
        let error = error_after("The memo's own words.", "");
        assert_eq!(error.field, "sources[1].excerpts[0]");
        let long = format!("note = \"{}\"", "word ".repeat(30).trim_end());
        let error = error_after("note = \"Quoted from a reprint.\"", &long);
        assert_eq!(error.field, "sources[1].note");
        assert!(error.message.contains("editor_note"), "{error}");
    }

    #[test]
    fn the_timeline_is_sorted_by_date() {
        let story = parse("minimal.toml", MINIMAL).unwrap();
        let ids: Vec<&str> = story.timeline.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["earlier", "later"]);
    }

    #[test]
    fn an_encoded_story_decodes_to_the_same_story() {
        let story = parse("minimal.toml", MINIMAL).unwrap();
        assert_eq!(Story::decode(&story.encode()).unwrap(), story);
    }

    #[test]
    fn a_compiled_story_that_is_not_whole_is_refused_with_the_reason() {
        let story = parse("minimal.toml", MINIMAL).unwrap();
        assert!(Story::decode(b"<html>not a story</html>")
            .unwrap_err()
            .contains("not a compiled story file"));
        let mut truncated = story.encode();
        truncated.truncate(truncated.len() / 2);
        assert!(Story::decode(&truncated).unwrap_err().contains("damaged"));
        let mut dangling = story.clone();
        dangling.flows[0].to = 99;
        assert_eq!(
            Story::decode(&dangling.encode()).unwrap_err(),
            "flows[0] refers to actors[99], but there are 3"
        );
        let mut hostile = story;
        hostile.sources[0].url = Some("javascript:alert(1)".into());
        assert!(Story::decode(&hostile.encode())
            .unwrap_err()
            .starts_with("sources[0].url"));
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let error = error_after("title = \"Test story\"", "title = \"Test story");
        assert_eq!(error.file, "story.toml");
        assert_eq!(error.line, line_of("title = \"Test story\""));
        assert!(error.column > 1, "{error}");
    }

    #[test]
    fn a_missing_field_names_the_table_and_the_field() {
        let error = error_after("body = \"Turn things on.\"\n", "");
        assert_eq!(error.field, "steps[1].body", "{error}");
        assert_eq!(error.message, "missing field `body`");
        assert_eq!(
            error.line,
            line_of("id = \"explore\"") - 1,
            "points at the step's table"
        );
    }

    #[test]
    fn a_missing_translation_is_an_error_naming_the_key_never_a_key_on_screen() {
        let error = error_after("describe_none = \"No arrows are shown.\"\n", "");
        assert_eq!(error.field, "ui.describe_none", "{error}");
        let error = error_after("translated = \"Our translation\"", "translated = \"\"");
        assert_eq!(error.field, "ui.translated", "{error}");
        assert_eq!(
            error.line,
            line_of("translated = \"Our translation\""),
            "at the key"
        );
    }

    #[test]
    fn every_label_is_checked_as_text_at_its_own_key() {
        // A template as much as a plain label, and each month and shortcut.
        let error = error_after("{current}", "\u{202e}{current}");
        assert_eq!(error.field, "ui.progress", "{error}");
        assert_eq!(error.line, line_of("{current}"), "at the key");
        let error = error_after("\"February\"", "\"Feb\\u0007ruary\"");
        assert_eq!(error.field, "ui.months[1]", "{error}");
    }

    #[test]
    fn a_translated_quote_keeps_its_original_with_a_language() {
        let error = error_after(
            "account = \"meta\"",
            "account = \"meta\"\noriginal = \"Quoted words.\"",
        );
        assert_eq!(
            error.field, "steps[0].quotes[0].original_language",
            "{error}"
        );
        let error = error_after(
            "account = \"meta\"",
            "account = \"meta\"\noriginal = \"Words.\"\noriginal_language = \"en glish\"",
        );
        assert_eq!(
            error.field, "steps[0].quotes[0].original_language",
            "{error}"
        );
    }

    #[test]
    fn an_unknown_field_is_rejected_by_name() {
        let error = error_after("place = [0, 0]", "place = [0, 0]\ncolour = \"red\"");
        assert_eq!(error.field, "actors[0].colour", "{error}");
        assert!(
            error.message.starts_with("unknown field `colour`"),
            "{error}"
        );
        assert_eq!(error.line, line_of("place = [0, 0]") + 1);
    }

    #[test]
    fn a_wrong_type_names_the_field_and_its_line() {
        let error = error_after("place = [1, 1]", "place = \"middle\"");
        assert_eq!(error.field, "actors[1].place", "{error}");
        assert_eq!(error.line, line_of("place = [1, 1]"));
    }

    #[test]
    fn an_unknown_source_is_named_with_the_known_ones() {
        let error = error_after(
            "sources = [\"doc\", \"memo\"]",
            "sources = [\"doc\", \"nyt\"]",
        );
        assert_eq!(error.field, "steps[4].sources[1]");
        assert_eq!(error.line, line_of("sources = [\"doc\", \"memo\"]"));
        assert_eq!(error.column, 19, "points at the opening quote");
        assert!(error.message.contains("\"nyt\"") && error.message.contains("doc, memo"));
    }

    #[test]
    fn a_step_without_sources_is_rejected() {
        let text = MINIMAL.replacen(
            "sources = [\"memo\"]\n\n[steps.diagram]",
            "sources = []\n\n[steps.diagram]",
            1,
        );
        let errors = parse("story.toml", &text).unwrap_err();
        assert_eq!(errors[0].field, "steps[2].sources");
        assert_eq!(errors[0].message, "needs at least one source");
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let error = error_after("id = \"c\"", "id = \"a\"");
        assert_eq!(error.field, "actors[2].id");
        assert!(
            error.message.contains("duplicate actor id \"a\""),
            "{error}"
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        let error = error_after("date = \"2020-12-03\"", "date = \"2021-02-29\"");
        assert_eq!(error.field, "timeline[0].date");
        assert!(
            error.message.contains("not a day of the calendar"),
            "{error}"
        );
        let error = error_after("date = \"2009\"", "date = \"yesterday\"");
        assert_eq!(error.field, "timeline[1].date");
    }

    #[test]
    fn only_http_and_https_links_are_accepted() {
        let error = error_after("https://example.org/doc", "javascript:alert(1)");
        assert_eq!(error.field, "sources[0].url");
        assert!(
            error
                .message
                .contains("must start with https:// or http://"),
            "{error}"
        );
    }

    #[test]
    fn control_characters_in_text_are_rejected() {
        let error = error_after("The first actor.", "The first\\u0007 actor.");
        assert_eq!(error.field, "actors[0].detail");
        assert!(error.message.contains("U+0007"), "{error}");
    }

    #[test]
    fn an_unknown_diagram_kind_lists_the_kinds() {
        let error = error_after("kind = \"sources\"", "kind = \"pie\"");
        assert_eq!(error.field, "steps[5].diagram.kind");
        assert!(
            error.message.contains("flows, explorer, comparison"),
            "{error}"
        );
    }

    #[test]
    fn a_diagram_key_that_its_kind_does_not_take_is_named() {
        let error = error_after(
            "kind = \"timeline\"",
            "kind = \"timeline\"\nflows = [\"ab\"]",
        );
        assert_eq!(error.field, "steps[4].diagram.flows");
    }

    #[test]
    fn an_actor_off_the_grid_is_rejected() {
        let error = error_after("place = [0, 2]", "place = [0, 3]");
        assert_eq!(error.field, "actors[2].place");
        assert!(error.message.contains("off the grid"), "{error}");
    }

    #[test]
    fn ui_templates_must_keep_their_placeholders() {
        let error = error_after("Step {current} of {total}", "Step {current}");
        assert_eq!(error.field, "ui.progress");
        assert!(error.message.contains("{total}"), "{error}");
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let text = MINIMAL.replacen("to = \"b\"", "to = \"x\"", 1).replacen(
            "permission = \"read\"",
            "permission = \"write\"",
            1,
        );
        let errors = parse("story.toml", &text).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["flows[0].to", "flows[1].permission"]);
    }

    #[test]
    fn errors_print_as_file_line_column_field_message() {
        let error = error_after("to = \"b\"", "to = \"x\"");
        let line = line_of("to = \"b\"");
        assert_eq!(
            error.to_string(),
            format!("story.toml:{line}:6: flows[0].to: unknown actor \"x\"; known: a, b, c")
        );
    }
}
