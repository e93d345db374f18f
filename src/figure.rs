//! What a step's figure shows: which diagrams, each with its flows, style and caption, how they
//! are set out, and what else the figure holds. A pure function of the story, the step and the
//! reader's state, so the interactive step and the whole-story document draw from the same
//! plan (see `components::figure`), and it is tested natively.

use crate::nav::{Granted, View};
use crate::scene::fit::{Fit, Slot};
use crate::scene::Style;
use crate::story::{Diagram, FlowSets, Role, Specimen, Story};
use crate::text::fill;

/// How the figure is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    /// The interactive step: the reader's view and permissions, and only the forms that fit.
    Interactive {
        view: View,
        granted: Granted,
        fit: Fit,
    },
    /// The whole-story document (print, no JavaScript, "All steps"): both accounts, every
    /// permission granted, every form left to the stylesheet.
    Document,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan<'a> {
    /// Whether the reader is told the figure answers clicks.
    pub hint: bool,
    /// Whether the claim / answer / side-by-side switch is shown.
    pub view_switch: bool,
    pub arrangement: Arrangement,
    pub diagrams: Vec<DiagramPlan>,
    pub panel: Panel<'a>,
}

/// How a figure's diagrams are set out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// One diagram.
    One,
    /// Two side by side, measured to fit.
    Two,
    /// Two side by side and one with both accounts, not yet measured: the stylesheet shows
    /// the pair or the one that fits.
    Pair,
    /// Both accounts, two side by side where there is room, one above the other where there
    /// is not (the document, which never overlays one account on the other).
    Both,
}

impl Arrangement {
    /// The class of the element that holds the diagrams.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Arrangement::One => None,
            Arrangement::Two => Some("ia-diagrams--two"),
            Arrangement::Pair => Some("ia-diagrams--pair"),
            Arrangement::Both => Some("ia-diagrams--both"),
        }
    }
}

/// One actor diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramPlan {
    /// Flows on show, in legend order.
    pub shown: Vec<usize>,
    pub style: Style,
    /// Whose account this is, shown above the diagram.
    pub caption: String,
    /// A second account's flows drawn on the same boxes, each in its own style: how a phone
    /// shows two accounts "side by side", at a size that can still be read.
    pub overlay: Option<Overlay>,
    /// Where the diagram sits, which decides its width.
    pub slot: Slot,
    /// Every flow the step draws in any view, so its boxes keep their places across views.
    pub in_play: Vec<usize>,
    /// One line under the diagram for each account drawn, naming what it shows.
    pub notes: Vec<(Style, String)>,
}

impl DiagramPlan {
    /// Every flow on show, in legend order, each with the style it is drawn in.
    /// A flow both accounts describe is drawn once, in the first account's style.
    /// Each account's flows come in story order, which is their numbers' (the checker keeps
    /// every list so).
    pub fn drawn(&self) -> Vec<(usize, Style)> {
        let first = self.shown.iter().map(|&f| (f, self.style));
        let second = self.overlay.iter().flat_map(|o| {
            o.shown
                .iter()
                .filter(|f| !self.shown.contains(f))
                .map(move |&f| (f, o.style))
        });
        first.chain(second).collect()
    }

    /// Each account's caption with its style.
    pub fn captions(&self) -> Vec<(Style, &str)> {
        let mut captions = vec![(self.style, self.caption.as_str())];
        captions.extend(self.overlay.iter().map(|o| (o.style, o.caption.as_str())));
        captions
    }
}

/// Flows of a second account over a diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    pub shown: Vec<usize>,
    pub style: Style,
    pub caption: String,
}

/// The panel a figure holds besides (or instead of) actor diagrams.
#[derive(Clone, Debug, PartialEq)]
pub enum Panel<'a> {
    None,
    /// The permission explorer, whose diagram is `diagram`.
    Explorer {
        diagram: DiagramPlan,
    },
    /// Illustrations side by side.
    Comparison(&'a [Specimen]),
    Timeline,
    Sources,
}

/// The figure of step `step`, drawn in `mode`.
pub fn plan(story: &Story, step: usize, mode: Mode) -> Plan<'_> {
    let step_data = &story.steps[step];
    let in_play = in_play(story, &step_data.diagram);
    let note = |style: Style, account: Option<usize>| {
        step_data
            .caption(account)
            .map(|text| (style, text.to_string()))
    };
    let diagram = |shown: &[usize], style: Style, caption: String, slot: Slot| DiagramPlan {
        shown: shown.to_vec(),
        style,
        caption,
        overlay: None,
        slot,
        in_play: in_play.clone(),
        notes: Vec::new(),
    };
    let interactive = matches!(mode, Mode::Interactive { .. });
    let mut plan = Plan {
        hint: interactive
            && matches!(
                step_data.diagram,
                Diagram::Flows(_) | Diagram::Explorer { .. }
            ),
        view_switch: false,
        arrangement: Arrangement::One,
        diagrams: Vec::new(),
        panel: Panel::None,
    };
    match &step_data.diagram {
        Diagram::Flows(FlowSets::Both { claim, answer }) => {
            let claim_note = note(Style::Claim, story.role_account(Role::Claim));
            let answer_note = note(Style::Answer, story.role_account(Role::Answer));
            let claim_diagram = |slot| DiagramPlan {
                notes: claim_note.iter().cloned().collect(),
                ..diagram(claim, Style::Claim, story.role_label(Role::Claim), slot)
            };
            let answer_diagram = |slot| DiagramPlan {
                notes: answer_note.iter().cloned().collect(),
                ..diagram(answer, Style::Answer, story.role_label(Role::Answer), slot)
            };
            // A key in the views' short names; the full names head the quotes and the
            // description.
            let together = || DiagramPlan {
                overlay: Some(Overlay {
                    shown: answer.clone(),
                    style: Style::Answer,
                    caption: story.view_label(Role::Answer),
                }),
                notes: claim_note.iter().chain(&answer_note).cloned().collect(),
                ..diagram(
                    claim,
                    Style::Claim,
                    story.view_label(Role::Claim),
                    Slot::Full,
                )
            };
            let pair = || vec![claim_diagram(Slot::Half), answer_diagram(Slot::Half)];
            plan.view_switch = interactive;
            (plan.arrangement, plan.diagrams) = match mode {
                Mode::Document => (Arrangement::Both, pair()),
                Mode::Interactive { view, fit, .. } => match (view, fit.pair()) {
                    (View::Claim, _) => (Arrangement::One, vec![claim_diagram(Slot::Full)]),
                    (View::Answer, _) => (Arrangement::One, vec![answer_diagram(Slot::Full)]),
                    (View::SideBySide, Some(true)) => (Arrangement::Two, pair()),
                    // Side by side, a phone has no room for two diagrams that can be read: it
                    // draws both accounts on one, each in its own style.
                    (View::SideBySide, Some(false)) => (Arrangement::One, vec![together()]),
                    (View::SideBySide, None) => {
                        let mut both = pair();
                        both.push(together());
                        (Arrangement::Pair, both)
                    }
                },
            };
        }
        Diagram::Flows(FlowSets::Single { account, flows }) => {
            let style = Style::for_account(story, *account);
            let caption = story.accounts[*account].label.clone();
            plan.diagrams = vec![DiagramPlan {
                notes: note(style, Some(*account)).into_iter().collect(),
                ..diagram(flows, style, caption, Slot::Full)
            }];
        }
        Diagram::Flows(FlowSets::Neutral(flows)) => {
            let caption = fill(&story.ui.diagram_label, &[("title", &step_data.title)]);
            plan.diagrams = vec![DiagramPlan {
                notes: note(Style::Neutral, None).into_iter().collect(),
                ..diagram(flows, Style::Neutral, caption, Slot::Full)
            }];
        }
        Diagram::Explorer { always } => {
            let granted = match mode {
                Mode::Interactive { granted, .. } => granted,
                Mode::Document => Granted::all(story.permissions.len()),
            };
            let shown = explorer_flows(story, always, granted);
            let caption = story.ui.possible_flows.clone();
            plan.panel = Panel::Explorer {
                diagram: diagram(&shown, Style::Neutral, caption, Slot::Full),
            };
        }
        Diagram::Comparison(specimens) => plan.panel = Panel::Comparison(specimens),
        Diagram::Timeline => plan.panel = Panel::Timeline,
        Diagram::Sources => plan.panel = Panel::Sources,
        Diagram::None => {}
    }
    plan
}

/// A stretch of the timeline under one heading: the events the story hinges on, shown, and
/// the rest, folded (all shown when the story marks none as key).
#[derive(Clone, Debug, PartialEq)]
pub struct Phase<'a> {
    pub title: Option<&'a str>,
    pub key: Vec<usize>,
    pub rest: Vec<usize>,
}

/// The timeline's events (indices, in date order) in their phases.
pub fn timeline_phases(story: &Story) -> Vec<Phase<'_>> {
    let any_key = story.timeline.iter().any(|e| e.key);
    let mut phases: Vec<Phase> = Vec::new();
    for (i, event) in story.timeline.iter().enumerate() {
        if event.phase.is_some() || phases.is_empty() {
            phases.push(Phase {
                title: event.phase.as_deref(),
                key: Vec::new(),
                rest: Vec::new(),
            });
        }
        let phase = phases.last_mut().expect("a phase was just opened");
        if event.key || !any_key {
            phase.key.push(i);
        } else {
            phase.rest.push(i);
        }
    }
    phases
}

/// Every flow a step's diagram draws in any of its views, or with any permission granted.
pub fn in_play(story: &Story, diagram: &Diagram) -> Vec<usize> {
    match diagram {
        Diagram::Flows(FlowSets::Both { claim, answer }) => {
            claim.iter().chain(answer).copied().collect()
        }
        Diagram::Flows(FlowSets::Single { flows, .. } | FlowSets::Neutral(flows)) => flows.clone(),
        Diagram::Explorer { always } => {
            explorer_flows(story, always, Granted::all(story.permissions.len()))
        }
        _ => Vec::new(),
    }
}

/// The permission explorer's flows, in story order: the fixed ones and each flow whose
/// permission the reader has granted.
pub fn explorer_flows(story: &Story, always: &[usize], granted: Granted) -> Vec<usize> {
    (0..story.flows.len())
        .filter(|f| {
            always.contains(f)
                || story.flows[*f]
                    .permission
                    .is_some_and(|p| granted.contains(p))
        })
        .collect()
}

/// Every way the story's diagrams can be on show: a name for the message, the flows on show,
/// and the step's flows in play.
#[cfg(not(target_arch = "wasm32"))]
/// The permission explorer contributes one set per combination of granted permissions.
pub fn every_figure(story: &Story) -> Vec<(String, Vec<usize>, Vec<usize>)> {
    let mut figures = Vec::new();
    for step in &story.steps {
        let in_play = in_play(story, &step.diagram);
        match &step.diagram {
            Diagram::Flows(FlowSets::Both { claim, answer }) => {
                let together = claim
                    .iter()
                    .chain(answer.iter().filter(|f| !claim.contains(f)));
                figures.push((
                    format!("{} (claim)", step.id),
                    claim.clone(),
                    in_play.clone(),
                ));
                figures.push((
                    format!("{} (answer)", step.id),
                    answer.clone(),
                    in_play.clone(),
                ));
                figures.push((
                    format!("{} (both)", step.id),
                    together.copied().collect(),
                    in_play.clone(),
                ));
            }
            Diagram::Flows(FlowSets::Single { flows, .. } | FlowSets::Neutral(flows)) => {
                figures.push((step.id.clone(), flows.clone(), in_play.clone()));
            }
            Diagram::Explorer { always } => {
                let count = story.permissions.len().min(16);
                for combination in 0..(1u64 << count) {
                    let granted = Granted::from_bits(combination);
                    let shown = explorer_flows(story, always, granted);
                    figures.push((
                        format!("{} (permissions {combination:b})", step.id),
                        shown,
                        in_play.clone(),
                    ));
                }
            }
            _ => {}
        }
    }
    figures
}

/// The canvas widths the clash checks lay every figure out at: each orientation's narrowest
/// and widest, and the widths a phone, a half and a whole figure column get between them.
#[cfg(not(target_arch = "wasm32"))]
pub const CHECKED_CANVASES: [(crate::scene::Orientation, f32); 11] = {
    use crate::scene::Orientation::{Tall, Wide};
    [
        (Tall, crate::scene::TALL_MIN_WIDTH),
        (Tall, 288.0),
        (Tall, 300.0),
        (Tall, 320.0),
        (Tall, 328.0),
        (Tall, 448.0),
        (Tall, 560.0),
        (Tall, 660.0),
        (Tall, 759.0),
        (Wide, 760.0),
        (Wide, 1000.0),
    ]
};

/// Every clash (see `scene::check`) in every figure of `story`, on every checked canvas.
#[cfg(not(target_arch = "wasm32"))]
pub fn story_clashes(story: &Story) -> Vec<String> {
    use crate::scene::check::clashes;
    use crate::scene::{layout, Canvas};
    let mut found = Vec::new();
    for (figure, shown, in_play) in every_figure(story) {
        for (orientation, width) in CHECKED_CANVASES {
            let scene = layout(story, &shown, &in_play, Canvas::at(orientation, width));
            for clash in clashes(story, &scene) {
                found.push(format!("{figure}, {orientation:?} {width}: {clash}"));
            }
        }
    }
    found
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn fixture() -> Story {
        crate::story::parse(
            "minimal.toml",
            include_str!("../tests/fixtures/minimal.toml"),
        )
        .unwrap()
    }

    #[test]
    fn the_timeline_falls_into_phases_with_key_events_shown_and_the_rest_folded() {
        let mut story = fixture();
        let phases = timeline_phases(&story);
        let titles: Vec<_> = phases.iter().map(|p| p.title).collect();
        assert_eq!(titles, [Some("Earlier phase"), Some("Later phase")]);
        assert_eq!(
            (phases[0].key.clone(), phases[0].rest.clone()),
            (vec![], vec![0])
        );
        assert_eq!(
            (phases[1].key.clone(), phases[1].rest.clone()),
            (vec![1], vec![])
        );
        for event in &mut story.timeline {
            event.key = false;
            event.phase = None;
        }
        let plain = timeline_phases(&story);
        assert_eq!(plain.len(), 1);
        assert_eq!((plain[0].title, plain[0].key.clone()), (None, vec![0, 1]));
    }

    fn step_of(story: &Story, pick: impl Fn(&Diagram) -> bool) -> usize {
        story.steps.iter().position(|s| pick(&s.diagram)).unwrap()
    }

    fn both_accounts(story: &Story) -> usize {
        step_of(story, |d| {
            matches!(d, Diagram::Flows(FlowSets::Both { .. }))
        })
    }

    fn interactive(view: View, fit: Fit) -> Mode {
        Mode::Interactive {
            view,
            granted: Granted::default(),
            fit,
        }
    }

    fn styles(plan: &Plan) -> Vec<(Style, Option<Style>)> {
        plan.diagrams
            .iter()
            .map(|d| (d.style, d.overlay.as_ref().map(|o| o.style)))
            .collect()
    }

    #[test]
    fn one_account_at_a_time_draws_that_account_alone() {
        let story = fixture();
        let step = both_accounts(&story);
        let plan = plan(&story, step, interactive(View::Answer, Fit::default()));
        assert_eq!(styles(&plan), [(Style::Answer, None)]);
        assert_eq!(plan.arrangement, Arrangement::One);
        assert!(plan.view_switch && plan.hint);
    }

    #[test]
    fn side_by_side_draws_the_form_that_fits_and_both_before_a_measurement() {
        let story = fixture();
        let step = both_accounts(&story);
        let measured = |width: f64| Fit::default().measured(Some(width * 0.6));
        let wide = plan(
            &story,
            step,
            interactive(View::SideBySide, measured(1000.0)),
        );
        assert_eq!(wide.arrangement, Arrangement::Two);
        assert_eq!(styles(&wide), [(Style::Claim, None), (Style::Answer, None)]);
        assert!(wide.diagrams.iter().all(|d| d.slot == Slot::Half));
        let narrow = plan(&story, step, interactive(View::SideBySide, measured(360.0)));
        assert_eq!(narrow.arrangement, Arrangement::One);
        assert_eq!(styles(&narrow), [(Style::Claim, Some(Style::Answer))]);
        let unmeasured = plan(&story, step, interactive(View::SideBySide, Fit::default()));
        assert_eq!(unmeasured.arrangement, Arrangement::Pair);
        assert_eq!(unmeasured.diagrams.len(), 3);
    }

    #[test]
    fn the_document_draws_both_accounts_and_nothing_to_click() {
        let story = fixture();
        let plan = plan(&story, both_accounts(&story), Mode::Document);
        assert_eq!(plan.arrangement, Arrangement::Both);
        assert_eq!(styles(&plan), [(Style::Claim, None), (Style::Answer, None)]);
        assert!(!plan.view_switch && !plan.hint);
    }

    #[test]
    fn the_explorer_draws_what_is_granted_and_the_document_everything() {
        let story = fixture();
        let step = step_of(&story, |d| matches!(d, Diagram::Explorer { .. }));
        let Diagram::Explorer { always } = &story.steps[step].diagram else {
            unreachable!()
        };
        let drawn = |reader| match plan(&story, step, reader).panel {
            Panel::Explorer { diagram } => diagram.shown,
            panel => panic!("{panel:?}"),
        };
        assert_eq!(drawn(interactive(View::Claim, Fit::default())), *always);
        let all = drawn(Mode::Document);
        assert!(all.len() > always.len(), "{all:?}");
        assert_eq!(
            all,
            explorer_flows(&story, always, Granted::all(story.permissions.len()))
        );
    }

    #[test]
    fn a_flow_in_both_accounts_is_drawn_once() {
        let plan = DiagramPlan {
            shown: vec![0, 1],
            style: Style::Claim,
            caption: "As alleged".into(),
            overlay: Some(Overlay {
                shown: vec![1, 2],
                style: Style::Answer,
                caption: "As Meta describes it".into(),
            }),
            slot: Slot::Full,
            in_play: vec![0, 1, 2],
            notes: Vec::new(),
        };
        assert_eq!(
            plan.drawn(),
            [(0, Style::Claim), (1, Style::Claim), (2, Style::Answer)]
        );
    }

    #[test]
    fn the_explorer_adds_a_flow_only_when_its_permission_is_granted() {
        let story = fixture();
        assert_eq!(explorer_flows(&story, &[0], Granted::default()), [0]);
        // Flow 1 needs permission 0 ("read").
        assert_eq!(explorer_flows(&story, &[0], Granted::from_bits(1)), [0, 1]);
        assert_eq!(explorer_flows(&story, &[1], Granted::from_bits(1)), [1]);
    }

    #[test]
    fn no_figure_of_any_story_has_crossing_arrows_or_marks_on_anything() {
        let stories = [
            ("content/en.toml", include_str!("../content/en.toml")),
            ("content/es.toml", include_str!("../content/es.toml")),
            (
                "minimal.toml",
                include_str!("../tests/fixtures/minimal.toml"),
            ),
            ("rtl.toml", include_str!("../tests/fixtures/rtl.toml")),
        ];
        for (name, text) in stories {
            let story = crate::story::parse(name, text).expect("the story is valid");
            let clashes = story_clashes(&story);
            assert!(clashes.is_empty(), "{name}:\n{}", clashes.join("\n"));
        }
    }

    #[test]
    fn figures_without_actor_diagrams_draw_none() {
        let story = fixture();
        for (i, step) in story.steps.iter().enumerate() {
            let plan = plan(&story, i, Mode::Document);
            let expected = match step.diagram {
                Diagram::Timeline => Some(Panel::Timeline),
                Diagram::Sources => Some(Panel::Sources),
                Diagram::Comparison(ref specimens) => Some(Panel::Comparison(specimens)),
                _ => None,
            };
            if let Some(panel) = expected {
                assert_eq!(plan.panel, panel);
                assert!(plan.diagrams.is_empty());
            }
        }
    }
}
