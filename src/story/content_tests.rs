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
        let alleged = story.account_index(super::ALLEGED);
        let meta = story.account_index(super::META);
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
        Diagram::Flows(FlowSets::Both { alleged, meta }) => format!("both {alleged:?} {meta:?}"),
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
