//! Editorial rules for the shipped stories, beyond what the format enforces.

use super::{parse, Diagram, FlowSets, Story};

/// The shipped story files; English, the original, comes first.
const FILES: [(&str, &str); 2] = [
    ("content/en.toml", include_str!("../../content/en.toml")),
    ("content/es.toml", include_str!("../../content/es.toml")),
];

fn shipped() -> Vec<(&'static str, Story)> {
    FILES
        .into_iter()
        .map(|(file, text)| {
            let story = parse(file, text).unwrap_or_else(|errors| {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                panic!("{}", lines.join("\n"))
            });
            (file, story)
        })
        .collect()
}

#[test]
fn every_step_body_has_at_most_90_words() {
    for (file, story) in shipped() {
        for step in &story.steps {
            let words = step.body.split_whitespace().count();
            assert!(words <= 90, "{file}: step {:?} has {words} words", step.id);
        }
    }
}

#[test]
fn the_allegation_and_the_denial_open_the_story_with_equal_weight() {
    for (file, story) in shipped() {
        let first = &story.steps[0];
        let alleged = story.role_account(super::Role::Claim);
        let meta = story.role_account(super::Role::Answer);
        let count = |account| first.quotes.iter().filter(|q| q.account == account).count();
        assert!(
            count(alleged) >= 1 && count(alleged) == count(meta),
            "{file}: first step quotes"
        );
        assert!(
            matches!(first.diagram, Diagram::Flows(super::FlowSets::Both { .. })),
            "{file}: the first step compares both accounts"
        );
    }
}

#[test]
fn every_source_is_cited_somewhere() {
    for (file, story) in shipped() {
        let mut cited = vec![false; story.sources.len()];
        let steps = story.steps.iter().flat_map(|s| {
            s.sources
                .iter()
                .copied()
                .chain(s.quotes.iter().map(|q| q.source))
        });
        let flows = story.flows.iter().flat_map(|f| f.sources.iter().copied());
        let actors = story.actors.iter().flat_map(|a| a.sources.iter().copied());
        let events = story
            .timeline
            .iter()
            .flat_map(|e| e.sources.iter().copied());
        let permissions = story
            .permissions
            .iter()
            .flat_map(|p| p.sources.iter().copied());
        for source in steps
            .chain(flows)
            .chain(actors)
            .chain(events)
            .chain(permissions)
        {
            cited[source] = true;
        }
        for (source, used) in story.sources.iter().zip(cited) {
            assert!(
                used,
                "{file}: source {:?} is listed but never cited",
                source.id
            );
        }
    }
}

/// Claims from early coverage that the fact sheet shows to be wrong.
const KNOWN_ERRORS: &[&str] = &[
    "sold users",
    "sold private messages",
    "sold messages",
    "filed in april 2023",
    "for almost a decade",
];

#[test]
fn no_text_repeats_the_known_errors_of_early_coverage() {
    for (file, story) in shipped() {
        let texts = story
            .steps
            .iter()
            .flat_map(|s| [&s.title, &s.body].into_iter().chain(&s.points));
        for text in texts {
            let lower = text.to_lowercase();
            for error in KNOWN_ERRORS {
                assert!(!lower.contains(error), "{file}: {text:?} says {error:?}");
            }
        }
    }
}

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    list.iter().map(|item| id(item).to_string()).collect()
}

/// The flows a diagram draws, and its kind, without its words.
fn shape(diagram: &Diagram) -> String {
    match diagram {
        Diagram::Flows(FlowSets::Both {
            claim: alleged,
            answer: meta,
        }) => format!("both {alleged:?} {meta:?}"),
        Diagram::Flows(FlowSets::Single { account, flows }) => {
            format!("single {account} {flows:?}")
        }
        Diagram::Flows(FlowSets::Neutral(flows)) => format!("neutral {flows:?}"),
        Diagram::Explorer { always } => format!("explorer {always:?}"),
        Diagram::Comparison(specimens) => format!(
            "comparison {:?}",
            specimens.iter().map(|s| s.fields.len()).collect::<Vec<_>>()
        ),
        Diagram::Timeline => "timeline".into(),
        Diagram::Sources => "sources".into(),
        Diagram::None => "none".into(),
    }
}

#[test]
fn every_translation_tells_the_same_story_as_the_english() {
    let stories = shipped();
    let (_, english) = &stories[0];
    for (file, story) in &stories[1..] {
        assert_eq!(
            ids(&story.steps, |s| &s.id),
            ids(&english.steps, |s| &s.id),
            "{file}: steps"
        );
        assert_eq!(
            ids(&story.actors, |a| &a.id),
            ids(&english.actors, |a| &a.id),
            "{file}: actors"
        );
        assert_eq!(
            ids(&story.flows, |f| &f.id),
            ids(&english.flows, |f| &f.id),
            "{file}: flows"
        );
        assert_eq!(
            ids(&story.sources, |s| &s.id),
            ids(&english.sources, |s| &s.id),
            "{file}: sources"
        );
        assert_eq!(
            ids(&story.timeline, |e| &e.id),
            ids(&english.timeline, |e| &e.id),
            "{file}: timeline"
        );
        assert_eq!(
            ids(&story.permissions, |p| &p.id),
            ids(&english.permissions, |p| &p.id),
            "{file}: permissions"
        );
        for (ours, theirs) in story.flows.iter().zip(&english.flows) {
            let refs = |f: &super::Flow| {
                (
                    f.from,
                    f.to,
                    f.permission,
                    f.accounts.clone(),
                    f.sources.clone(),
                )
            };
            assert_eq!(refs(ours), refs(theirs), "{file}: flow {:?}", ours.id);
        }
        for (ours, theirs) in story.steps.iter().zip(&english.steps) {
            let at = format!("{file}: step {:?}", ours.id);
            assert_eq!(ours.sources, theirs.sources, "{at}: sources");
            assert_eq!(
                shape(&ours.diagram),
                shape(&theirs.diagram),
                "{at}: diagram"
            );
            assert_eq!(ours.points.len(), theirs.points.len(), "{at}: points");
            assert_eq!(ours.quotes.len(), theirs.quotes.len(), "{at}: quotes");
            for (q, (ours, theirs)) in ours.quotes.iter().zip(&theirs.quotes).enumerate() {
                assert_eq!(
                    (ours.source, ours.account, ours.date),
                    (theirs.source, theirs.account, theirs.date),
                    "{at}: quote {q}"
                );
                // A translated quote keeps the verbatim words it translates.
                let original = ours
                    .original
                    .as_ref()
                    .unwrap_or_else(|| panic!("{at}: quote {q} is translated but has no original"));
                assert_eq!(original.text, theirs.text, "{at}: quote {q} original");
                assert_eq!(original.language, english.language, "{at}: quote {q}");
            }
        }
    }
}

/// A string still in English where a translation belongs would reach readers as is, so every
/// interface label and every sentence of the explanation must differ from the English one.
/// (Names, such as actors' and sources' titles, may stay as they are.)
#[test]
fn no_string_is_left_untranslated() {
    let stories = shipped();
    let (_, english) = &stories[0];
    let english_ui = ui_table(FILES[0].1);
    for ((file, story), (_, text)) in stories.iter().zip(FILES).skip(1) {
        let ui = ui_table(text);
        for (key, value) in &english_ui {
            let translated = ui
                .get(key)
                .unwrap_or_else(|| panic!("{file}: ui.{key} is missing"));
            assert_ne!(translated, value, "{file}: ui.{key} is not translated");
        }
        let mut pairs: Vec<(&String, &String)> = Vec::new();
        pairs.push((&story.title, &english.title));
        pairs.push((&story.standfirst, &english.standfirst));
        for (ours, theirs) in story.steps.iter().zip(&english.steps) {
            pairs.push((&ours.title, &theirs.title));
            pairs.push((&ours.body, &theirs.body));
            pairs.extend(ours.points.iter().zip(&theirs.points));
            pairs.extend(
                ours.quotes
                    .iter()
                    .zip(&theirs.quotes)
                    .map(|(a, b)| (&a.text, &b.text)),
            );
        }
        for (ours, theirs) in story.flows.iter().zip(&english.flows) {
            pairs.push((&ours.label, &theirs.label));
            pairs.push((&ours.detail, &theirs.detail));
        }
        for (ours, theirs) in story.actors.iter().zip(&english.actors) {
            pairs.push((&ours.detail, &theirs.detail));
        }
        for (ours, theirs) in story.timeline.iter().zip(&english.timeline) {
            pairs.push((&ours.title, &theirs.title));
            pairs.push((&ours.detail, &theirs.detail));
        }
        for (ours, theirs) in story.permissions.iter().zip(&english.permissions) {
            pairs.push((&ours.label, &theirs.label));
            pairs.push((&ours.explanation, &theirs.explanation));
        }
        for (ours, theirs) in pairs {
            assert_ne!(ours, theirs, "{file}: not translated");
        }
    }
}

fn ui_table(text: &str) -> toml::Table {
    let story: toml::Table = text.parse().expect("shipped stories parse");
    match story.get("ui") {
        Some(toml::Value::Table(ui)) => ui.clone(),
        _ => panic!("no [ui] table"),
    }
}

/// The raw story table, for the desk-only fields the parser checks but does not keep.
fn raw_sources(text: &str) -> Vec<toml::Table> {
    let story: toml::Table = text.parse().expect("shipped stories parse");
    match story.get("sources") {
        Some(toml::Value::Array(sources)) => sources
            .iter()
            .filter_map(|s| s.as_table().cloned())
            .collect(),
        _ => panic!("no [[sources]]"),
    }
}

fn strings(table: &toml::Table, key: &str) -> Vec<String> {
    match table.get(key) {
        Some(toml::Value::String(s)) => vec![s.clone()],
        Some(toml::Value::Array(list)) => list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Every sentence a reader can see, with where it is, for the quotation rules.
fn reader_text(story: &Story) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = vec![
        ("title".into(), story.title.as_str()),
        ("standfirst".into(), story.standfirst.as_str()),
    ];
    if let Some(dek) = &story.dek {
        texts.push(("dek".into(), dek));
    }
    for step in &story.steps {
        texts.push((format!("step {} title", step.id), &step.title));
        texts.push((format!("step {} body", step.id), &step.body));
        texts.extend(
            step.points
                .iter()
                .map(|p| (format!("step {} point", step.id), p.as_str())),
        );
    }
    for flow in &story.flows {
        texts.push((format!("flow {} label", flow.id), &flow.label));
        texts.push((format!("flow {} detail", flow.id), &flow.detail));
        if let Some(reveals) = &flow.reveals {
            texts.push((format!("flow {} reveals", flow.id), reveals));
        }
    }
    for actor in &story.actors {
        texts.push((format!("actor {} detail", actor.id), &actor.detail));
    }
    for event in &story.timeline {
        texts.push((format!("event {} title", event.id), &event.title));
        texts.push((format!("event {} detail", event.id), &event.detail));
    }
    for permission in &story.permissions {
        texts.push((
            format!("permission {} explanation", permission.id),
            &permission.explanation,
        ));
    }
    for correction in &story.corrections {
        texts.push(("correction".into(), &correction.text));
    }
    texts
}

/// The words between each pair of `open` … `close` marks; `None` when a mark is unpaired.
fn quoted(text: &str, open: char, close: char) -> Option<Vec<String>> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len_utf8()..];
        let end = after.find(close)?;
        found.push(after[..end].to_string());
        rest = &after[end + close.len_utf8()..];
    }
    Some(found)
}

/// Words in straight quotation marks are someone's verbatim words: each run between ellipses
/// and square-bracketed insertions must appear in a `[[steps.quotes]]` text or in a source's
/// `excerpts`. Translated words are set in « » instead (see the next test).
#[test]
fn every_quotation_is_found_verbatim_in_a_source() {
    for ((file, story), (_, text)) in shipped().iter().zip(FILES) {
        let mut verbatim: Vec<String> = raw_sources(text)
            .iter()
            .flat_map(|s| strings(s, "excerpts"))
            .collect();
        for step in &story.steps {
            for quote in &step.quotes {
                verbatim.push(quote.text.clone());
                if let Some(original) = &quote.original {
                    verbatim.push(original.text.clone());
                }
            }
        }
        for (place, text) in reader_text(story) {
            let quotes = quoted(text, '"', '"')
                .unwrap_or_else(|| panic!("{file}: {place}: an unpaired quotation mark"));
            for quote in quotes {
                for run in quote.split(['…', '[', ']']).map(str::trim) {
                    let run = run.trim_end_matches(['.', ',']).trim();
                    if run.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                        continue;
                    }
                    assert!(
                        verbatim.iter().any(|v| v.contains(run)),
                        "{file}: {place}: \"{run}\" is in quotation marks but in no source's excerpts or quotes"
                    );
                }
            }
        }
    }
}

/// Spanish text quotes English sources in its own translation, set in « »; the sources step
/// tells readers so, in the same marks.
#[test]
fn translated_quotations_are_marked_as_translations() {
    for (file, story) in shipped().iter().skip(1) {
        let mut translations = 0;
        for (place, text) in reader_text(story) {
            let marked =
                quoted(text, '«', '»').unwrap_or_else(|| panic!("{file}: {place}: an unpaired «"));
            translations += marked.len();
        }
        let last = story.steps.last().expect("a story has steps");
        let explained = last
            .points
            .iter()
            .chain(std::iter::once(&last.body))
            .any(|t| t.contains("« »"));
        assert!(
            translations == 0 || explained,
            "{file}: {translations} translated quotations, but the sources step does not explain « »"
        );
    }
}

/// Readers see Meta's and Netflix's denials in the first step, not only the allegation.
#[test]
fn both_denials_are_in_the_first_step() {
    for (file, story) in shipped() {
        let first = &story.steps[0];
        let meta = story.role_account(super::Role::Answer);
        assert!(
            first.quotes.iter().any(|q| q.account == meta),
            "{file}: step 1 quotes Meta"
        );
        let netflix_2018 = story
            .sources
            .iter()
            .position(|s| {
                s.publisher.starts_with("Netflix") && s.date.map(|d| d.year) == Some(2018)
            })
            .unwrap_or_else(|| panic!("{file}: Netflix's 2018 statement is a source"));
        let cited = first.sources.contains(&netflix_2018)
            || first.quotes.iter().any(|q| q.source == netflix_2018);
        let named = std::iter::once(&first.body)
            .chain(&first.points)
            .any(|t| t.contains("Netflix") && t.contains("2018"));
        assert!(
            cited && named,
            "{file}: step 1 gives Netflix's 2018 denial with its date"
        );
    }
}

#[test]
fn at_least_twelve_sources_carry_a_link() {
    for (file, story) in shipped() {
        let mut links: Vec<&str> = story
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        links.sort_unstable();
        links.dedup();
        assert!(links.len() >= 12, "{file}: {} linked sources", links.len());
    }
}

/// The desk's working notes and excerpts stay in the story file: the compiled story, from which
/// every delivery renders (the app, print and the prerendered page), does not carry them.
#[test]
fn no_desk_note_reaches_the_compiled_story() {
    for ((file, story), (_, text)) in shipped().iter().zip(FILES) {
        let compiled = story.encode();
        for source in raw_sources(text) {
            for note in strings(&source, "editor_note") {
                let needle = note.as_bytes();
                assert!(
                    !compiled.windows(needle.len()).any(|w| w == needle),
                    "{file}: an editor_note is in the compiled story"
                );
            }
        }
        let shown = reader_text(story);
        for (place, text) in shown {
            for phrase in [
                "not consulted",
                "Read via",
                "read via",
                "Also read via",
                "no consultada",
                "consultado directamente",
            ] {
                assert!(
                    !text.contains(phrase),
                    "{file}: {place}: a desk note ({phrase:?}) in reader text"
                );
            }
        }
        for source in &story.sources {
            if let Some(note) = &source.note {
                for phrase in [
                    "not consulted",
                    "Read via",
                    "read via",
                    "copies at",
                    "copia en",
                    "copias en",
                ] {
                    assert!(
                        !note.contains(phrase),
                        "{file}: source {} note reads like a desk note",
                        source.id
                    );
                }
            }
        }
    }
}

/// The log is dated and says what changed, in every language.
#[test]
fn every_story_has_a_corrections_log() {
    let stories = shipped();
    let (_, english) = &stories[0];
    for (file, story) in &stories {
        assert!(!story.corrections.is_empty(), "{file}: no corrections log");
        assert_eq!(
            story.corrections.len(),
            english.corrections.len(),
            "{file}: the same entries as the English"
        );
        assert!(
            story.corrections[0].date <= story.last_updated,
            "{file}: the newest correction is dated"
        );
    }
}

/// The checks only a person at the desk can do are carried as data, open until someone does
/// them: no shipped story pretends a docket was pulled or a company asked.
#[test]
fn the_shipped_stories_carry_the_open_desk_checks() {
    const REQUIRED: [&str; 7] = [
        "klein-docket",
        "users-appeal",
        "bracamontes-docket",
        "comment-netflix",
        "comment-meta",
        "comment-plaintiffs",
        "medianama-url",
    ];
    let mut ids_by_file = Vec::new();
    for (file, text) in FILES {
        let (_, checks) = super::parse_with_desk_checks(file, text).expect("shipped stories parse");
        for id in REQUIRED {
            let check = checks.iter().find(|c| c.id == id);
            assert!(
                check.is_some_and(|c| c.is_open()),
                "{file}: desk check {id:?} is open"
            );
        }
        ids_by_file.push(checks.into_iter().map(|c| c.id).collect::<Vec<_>>());
    }
    assert!(
        ids_by_file.windows(2).all(|w| w[0] == w[1]),
        "every language carries the same checks"
    );
}

/// Desk checks stay in the story file: the compiled story, from which the app, print and the
/// prerendered page all render, carries neither their tasks nor their notes.
#[test]
fn no_desk_check_reaches_the_compiled_story() {
    for (file, text) in FILES {
        let (story, checks) =
            super::parse_with_desk_checks(file, text).expect("shipped stories parse");
        let compiled = story.encode();
        for check in &checks {
            for words in std::iter::once(&check.task).chain(&check.note) {
                let needle = words.as_bytes();
                assert!(
                    !compiled.windows(needle.len()).any(|w| w == needle),
                    "{file}: desk check {:?} is in the compiled story",
                    check.id
                );
            }
        }
    }
}

/// One consistent picture per account: a view draws only what that account describes, so
/// Meta's view never carries the allegation's arrow, and the 2018 reporting stays in its step.
#[test]
fn each_account_view_draws_only_the_flows_that_account_describes() {
    for (file, story) in shipped() {
        let describes = |account: usize, flows: &[usize], view: &str, step: &str| {
            for &f in flows {
                let flow = &story.flows[f];
                assert!(
                    flow.accounts.contains(&account),
                    "{file}: step {step:?} draws {:?} in the {view} view, which that account does not describe",
                    flow.id
                );
            }
        };
        for step in &story.steps {
            if let Diagram::Flows(sets) = &step.diagram {
                match sets {
                    FlowSets::Both {
                        claim: alleged,
                        answer: meta,
                    } => {
                        let index = |role| story.role_account(role).expect("both accounts");
                        describes(index(super::Role::Claim), alleged, "alleged", &step.id);
                        describes(index(super::Role::Answer), meta, "meta", &step.id);
                    }
                    FlowSets::Single { account, flows } => {
                        describes(*account, flows, &story.accounts[*account].id, &step.id)
                    }
                    FlowSets::Neutral(_) => {}
                }
            }
        }
    }
}

/// The letter's "in exchange for" is drawn: a link between the access and the reports, on a
/// step whose allegation shows both.
#[test]
fn the_exchange_in_the_letter_is_drawn_between_the_access_and_the_reports() {
    for (file, story) in shipped() {
        let flow = |id: &str| story.flows.iter().position(|f| f.id == id).unwrap();
        let (access, reports) = (flow("read-alleged"), flow("report"));
        let link = story
            .links
            .iter()
            .find(|l| l.flows == (access, reports) || l.flows == (reports, access));
        assert!(
            link.is_some(),
            "{file}: no link between the access and the reports"
        );
        let alleged_account = story.role_account(super::Role::Claim);
        let drawn = story.steps.iter().any(|step| {
            let alleged = match &step.diagram {
                Diagram::Flows(FlowSets::Both { claim: alleged, .. }) => alleged,
                Diagram::Flows(FlowSets::Single { account, flows })
                    if Some(*account) == alleged_account =>
                {
                    flows
                }
                _ => return false,
            };
            alleged.contains(&access) && alleged.contains(&reports)
        });
        assert!(drawn, "{file}: no step draws the exchange");
    }
}
