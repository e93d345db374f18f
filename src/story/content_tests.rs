//! Editorial rules for the shipped stories, beyond what the format enforces.

use super::{parse, Diagram, Story};

fn shipped() -> Vec<(&'static str, Story)> {
    [("content/en.toml", include_str!("../../content/en.toml"))]
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
