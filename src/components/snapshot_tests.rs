//! Snapshots of every kind of figure, rendered natively (the same server-side renderer the
//! prerender uses) from the small test story `tests/fixtures/minimal.toml`, so that an
//! editorial change to the shipped stories never touches them. Each is held to
//! `tests/snapshots/NAME.html`, one element per line. A mismatch writes `NAME-changed.html`
//! beside it and prints the first lines that differ; `UPDATE_SNAPSHOTS=1` rewrites the
//! snapshots and still fails, so an update is never a silent pass.

use std::path::PathBuf;
use std::rc::Rc;

use super::explainer::{Explainer, ExplainerProps};
use super::figure::{Figure, FigureMode, FigureProps};
use crate::nav::{Granted, Selection, View};
use crate::scene::fit::Fit;
use crate::story::{parse, Story};

fn fixture() -> Rc<Story> {
    let text = include_str!("../../tests/fixtures/minimal.toml");
    Rc::new(parse("minimal.toml", text).expect("the fixture is valid"))
}

/// The fixture's step with id `id`.
fn step(story: &Story, id: &str) -> usize {
    story
        .steps
        .iter()
        .position(|s| s.id == id)
        .expect("the fixture has the step")
}

fn render_figure(props: FigureProps) -> String {
    let renderer = yew::LocalServerRenderer::<Figure>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// A phone's explainer and figure (360 px, less the page's margins).
fn phone() -> Fit {
    Fit::default().measured(Some(328.0))
}

/// Checks `html` against snapshot `name`; see the module's comment.
fn check(name: &str, html: &str) {
    let readable = html.replace("><", ">\n<") + "\n";
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let file = dir.join(format!("{name}.html"));
    let changed = dir.join(format!("{name}-changed.html"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &readable).expect("tests/snapshots is writable");
        let _ = std::fs::remove_file(&changed);
        panic!("{name}: snapshot written; check the diff and run the tests again without UPDATE_SNAPSHOTS");
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    if expected == readable {
        let _ = std::fs::remove_file(&changed);
        return;
    }
    std::fs::write(&changed, &readable).expect("tests/snapshots is writable");
    panic!(
        "{name}: the rendering differs from {}; the new one is in {}\n{}",
        file.display(),
        changed.display(),
        first_difference(&expected, &readable)
    );
}

/// The first lines that differ, with two lines of context before them.
fn first_difference(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let at = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    let from = at.saturating_sub(2);
    let mut report = Vec::new();
    for line in &old[from..at] {
        report.push(format!("  {line}"));
    }
    for line in old.iter().skip(at).take(4) {
        report.push(format!("- {line}"));
    }
    for line in new.iter().skip(at).take(4) {
        report.push(format!("+ {line}"));
    }
    format!("at line {}:\n{}", at + 1, report.join("\n"))
}

#[test]
fn the_document_draws_both_accounts_as_a_pair() {
    check("figure-pair-document", &document_figure("both"));
}

#[test]
fn a_phone_side_by_side_draws_both_accounts_on_one_diagram() {
    let figure = phone_figure("both", View::SideBySide, Granted::default(), None);
    check("figure-pair-phone", &figure);
}

#[test]
fn a_single_diagram_with_a_selected_arrow_and_its_explanation() {
    let figure = phone_figure(
        "neutral",
        View::Claim,
        Granted::default(),
        Some(Selection::Flow(2)),
    );
    check("figure-single-selected", &figure);
}

/// The figure of step `id` as a reader on a phone sees it, in `view`, with `granted` and
/// `selection`.
fn phone_figure(id: &str, view: View, granted: Granted, selection: Option<Selection>) -> String {
    let story = fixture();
    let step = step(&story, id);
    let mode = FigureMode::Interactive {
        view,
        granted,
        selection,
    };
    render_figure(yew::props!(FigureProps {
        story,
        step,
        mode,
        measured: phone()
    }))
}

/// The figure of step `id` in the document.
fn document_figure(id: &str) -> String {
    let story = fixture();
    let step = step(&story, id);
    render_figure(yew::props!(FigureProps {
        story,
        step,
        mode: FigureMode::Document
    }))
}

#[test]
fn the_explorer_with_a_permission_granted() {
    let figure = phone_figure("explore", View::Claim, Granted::all(1), None);
    check("figure-explorer", &figure);
}

#[test]
fn the_explorer_in_the_document_lists_every_permission() {
    check("figure-explorer-document", &document_figure("explore"));
}

#[test]
fn the_timeline_with_an_event_open() {
    let figure = phone_figure(
        "when",
        View::Claim,
        Granted::default(),
        Some(Selection::Event(0)),
    );
    check("figure-timeline", &figure);
}

#[test]
fn the_timeline_in_the_document_lists_every_event_open() {
    check("figure-timeline-document", &document_figure("when"));
}

#[test]
fn the_comparison_marks_its_illustrations() {
    check("figure-comparison", &document_figure("compare"));
}

#[test]
fn the_source_list() {
    check("figure-sources", &document_figure("list"));
}

#[test]
fn the_whole_explainer_at_its_first_step() {
    let story = fixture();
    let renderer =
        yew::LocalServerRenderer::<Explainer>::with_props(yew::props!(ExplainerProps { story }))
            .hydratable(false);
    check("explainer", &futures::executor::block_on(renderer.render()));
}
