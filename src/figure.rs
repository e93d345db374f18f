//! What a step's figure shows: which diagrams, each with its flows, style and caption, how they
//! are set out, and what else the figure holds. A pure function of the story, the step and the
//! reader's state, so the interactive step and the whole-story document draw from the same
//! plan (see `components::figure`), and it is tested natively.

use crate::nav::{Granted, View};
use crate::scene::fit::{Fit, Slot};
use crate::scene::Style;
use crate::story::{Diagram, FlowSets, Specimen, Story, ALLEGED, META};
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
    /// Whether the alleged / Meta / side-by-side switch is shown.
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
}

impl DiagramPlan {
    /// Every flow on show, in legend order, each with the style it is drawn in.
    /// A flow both accounts describe is drawn once, in the first account's style.
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
    let diagram = |shown: &[usize], style: Style, caption: String, slot: Slot| DiagramPlan {
        shown: shown.to_vec(),
        style,
        caption,
        overlay: None,
        slot,
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
        Diagram::Flows(FlowSets::Both { alleged, meta }) => {
            let alleged_diagram =
                |slot| diagram(alleged, Style::Alleged, story.account_label(ALLEGED), slot);
            let meta_diagram = |slot| diagram(meta, Style::Meta, story.account_label(META), slot);
            // A key in the views' short names; the full names head the quotes and the
            // description.
            let together = || DiagramPlan {
                overlay: Some(Overlay {
                    shown: meta.clone(),
                    style: Style::Meta,
                    caption: story.ui.view_meta.clone(),
                }),
                ..diagram(
                    alleged,
                    Style::Alleged,
                    story.ui.view_alleged.clone(),
                    Slot::Full,
                )
            };
            let pair = || vec![alleged_diagram(Slot::Half), meta_diagram(Slot::Half)];
            plan.view_switch = interactive;
            (plan.arrangement, plan.diagrams) = match mode {
                Mode::Document => (Arrangement::Both, pair()),
                Mode::Interactive { view, fit, .. } => match (view, fit.pair()) {
                    (View::Alleged, _) => (Arrangement::One, vec![alleged_diagram(Slot::Full)]),
                    (View::Meta, _) => (Arrangement::One, vec![meta_diagram(Slot::Full)]),
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
            plan.diagrams = vec![diagram(flows, style, caption, Slot::Full)];
        }
        Diagram::Flows(FlowSets::Neutral(flows)) => {
            let caption = fill(&story.ui.diagram_label, &[("title", &step_data.title)]);
            plan.diagrams = vec![diagram(flows, Style::Neutral, caption, Slot::Full)];
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

/// The permission explorer's flows: the fixed ones, then, in story order, each flow whose
/// permission the reader has granted.
pub fn explorer_flows(story: &Story, always: &[usize], granted: Granted) -> Vec<usize> {
    let permitted = (0..story.flows.len())
        .filter(|f| !always.contains(f))
        .filter(|&f| {
            story.flows[f]
                .permission
                .is_some_and(|p| granted.contains(p))
        });
    always.iter().copied().chain(permitted).collect()
}

/// Every way the story's diagrams can be on show: a name for the message, and the flows.
#[cfg(not(target_arch = "wasm32"))]
/// The permission explorer contributes one set per combination of granted permissions.
pub fn every_figure(story: &Story) -> Vec<(String, Vec<usize>)> {
    let mut figures = Vec::new();
    for step in &story.steps {
        match &step.diagram {
            Diagram::Flows(FlowSets::Both { alleged, meta }) => {
                figures.push((format!("{} (alleged)", step.id), alleged.clone()));
                figures.push((format!("{} (meta)", step.id), meta.clone()));
            }
            Diagram::Flows(FlowSets::Single { flows, .. } | FlowSets::Neutral(flows)) => {
                figures.push((step.id.clone(), flows.clone()));
            }
            Diagram::Explorer { always } => {
                let count = story.permissions.len().min(16);
                for combination in 0..(1u64 << count) {
                    let granted = Granted::from_bits(combination);
                    let shown = explorer_flows(story, always, granted);
                    figures.push((format!("{} (permissions {combination:b})", step.id), shown));
                }
            }
            _ => {}
        }
    }
    figures
}

/// Every clash (see `scene::check`) in every figure of `story`, in both orientations.
#[cfg(not(target_arch = "wasm32"))]
pub fn story_clashes(story: &Story) -> Vec<String> {
    use crate::scene::check::clashes;
    use crate::scene::{layout, Orientation};
    let mut found = Vec::new();
    for (figure, shown) in every_figure(story) {
        for orientation in [Orientation::Tall, Orientation::Wide] {
            let scene = layout(story, &shown, orientation);
            for clash in clashes(story, &scene) {
                found.push(format!("{figure}, {orientation:?}: {clash}"));
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
        let plan = plan(&story, step, interactive(View::Meta, Fit::default()));
        assert_eq!(styles(&plan), [(Style::Meta, None)]);
        assert_eq!(plan.arrangement, Arrangement::One);
        assert!(plan.view_switch && plan.hint);
    }

    #[test]
    fn side_by_side_draws_the_form_that_fits_and_both_before_a_measurement() {
        let story = fixture();
        let step = both_accounts(&story);
        let measured = |width: f64| Fit::default().measured(Some(width), Some(width * 0.6));
        let wide = plan(
            &story,
            step,
            interactive(View::SideBySide, measured(1000.0)),
        );
        assert_eq!(wide.arrangement, Arrangement::Two);
        assert_eq!(styles(&wide), [(Style::Alleged, None), (Style::Meta, None)]);
        assert!(wide.diagrams.iter().all(|d| d.slot == Slot::Half));
        let narrow = plan(&story, step, interactive(View::SideBySide, measured(360.0)));
        assert_eq!(narrow.arrangement, Arrangement::One);
        assert_eq!(styles(&narrow), [(Style::Alleged, Some(Style::Meta))]);
        let unmeasured = plan(&story, step, interactive(View::SideBySide, Fit::default()));
        assert_eq!(unmeasured.arrangement, Arrangement::Pair);
        assert_eq!(unmeasured.diagrams.len(), 3);
    }

    #[test]
    fn the_document_draws_both_accounts_and_nothing_to_click() {
        let story = fixture();
        let plan = plan(&story, both_accounts(&story), Mode::Document);
        assert_eq!(plan.arrangement, Arrangement::Both);
        assert_eq!(styles(&plan), [(Style::Alleged, None), (Style::Meta, None)]);
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
        assert_eq!(drawn(interactive(View::Alleged, Fit::default())), *always);
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
            style: Style::Alleged,
            caption: "As alleged".into(),
            overlay: Some(Overlay {
                shown: vec![1, 2],
                style: Style::Meta,
                caption: "As Meta describes it".into(),
            }),
            slot: Slot::Full,
        };
        assert_eq!(
            plan.drawn(),
            [(0, Style::Alleged), (1, Style::Alleged), (2, Style::Meta)]
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
