//! Diagram geometry: where each actor box and flow arrow goes, as plain numbers and SVG path
//! strings. A pure function of the story, the flows on show and the orientation; no DOM.
//!
//! Every actor and every flow of the story is always laid out, and flows not on show are
//! marked hidden rather than left out. Positions therefore never move between steps, and the
//! view can animate a flow appearing with a CSS transition on the same element.

use std::collections::BTreeSet;

use crate::story::{Direction, Story, ALLEGED, META};

/// Phones get the grid as the story gives it (2 columns by 3 rows); wide screens get it turned
/// on its side (3 columns by 2 rows), so the diagram fits the space it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Tall,
    Wide,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub actors: Vec<ActorBox>,
    pub flows: Vec<FlowPath>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorBox {
    pub actor: usize,
    /// Top-left corner.
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The label broken into lines that fit the box.
    pub lines: Vec<String>,
    /// Whether any flow on show starts or ends here.
    pub involved: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FlowPath {
    pub flow: usize,
    /// SVG path data for the arrow's shaft.
    pub path: String,
    /// SVG polygon points for the arrowhead.
    pub head: String,
    /// Centre of the numbered badge.
    pub badge: (f32, f32),
    /// 1-based position in the diagram's legend; `None` when the flow is not on show.
    pub number: Option<usize>,
}

/// How a diagram draws its flows: in whose account, which decides line pattern and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Alleged,
    Meta,
    Neutral,
}

impl Style {
    /// The style for flows shown as one account's description.
    pub fn for_account(story: &Story, account: usize) -> Style {
        match story.accounts.get(account).map(|a| a.id.as_str()) {
            Some(ALLEGED) => Style::Alleged,
            Some(META) => Style::Meta,
            _ => Style::Neutral,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Style::Alleged => "alleged",
            Style::Meta => "meta",
            Style::Neutral => "neutral",
        }
    }
}

struct Grid {
    cell_width: f32,
    cell_height: f32,
    box_width: f32,
    box_height: f32,
    chars_per_line: usize,
}

const TALL: Grid = Grid {
    cell_width: 170.0,
    cell_height: 150.0,
    box_width: 144.0,
    box_height: 64.0,
    // Bold 14 px text is up to about 9 px a character: 15 of them fit 144 px with a margin.
    chars_per_line: 15,
};
const WIDE: Grid = Grid {
    cell_width: 240.0,
    cell_height: 170.0,
    box_width: 184.0,
    box_height: 64.0,
    chars_per_line: 19,
};

/// Distance between the middles of flows that join the same two actors.
const PARALLEL_SPREAD: f32 = 30.0;
const ARROWHEAD_LENGTH: f32 = 11.0;
const ARROWHEAD_HALF_WIDTH: f32 = 6.0;
/// Where along its flow (0 = start, 1 = end) a badge sits.
const BADGE_POSITION: f32 = 0.3;
/// Badge radius, for spacing checks.
pub const BADGE_RADIUS: f32 = 12.0;
/// Gap left between an arrow's ends and the boxes.
const BOX_MARGIN: f32 = 4.0;

/// Lays out the whole cast of `story`, with `shown` (flow indices, in legend order) on show.
pub fn layout(story: &Story, shown: &[usize], orientation: Orientation) -> Scene {
    let grid = match orientation {
        Orientation::Tall => &TALL,
        Orientation::Wide => &WIDE,
    };
    let cell = |actor: usize| {
        let (column, row) = story.actors[actor].place;
        match orientation {
            Orientation::Tall => (column, row),
            Orientation::Wide => (row, column),
        }
    };
    let (columns, rows) = story
        .actors
        .iter()
        .enumerate()
        .fold((1, 1), |(c, r), (i, _)| {
            let (column, row) = cell(i);
            (c.max(column as usize + 1), r.max(row as usize + 1))
        });
    // Right-to-left stories read the grid from the right: the first column goes on the right.
    let rtl = story.direction == Direction::Rtl;
    let centre = |actor: usize| {
        let (column, row) = cell(actor);
        let column = if rtl {
            columns - 1 - column as usize
        } else {
            column as usize
        };
        (
            (column as f32 + 0.5) * grid.cell_width,
            (row as f32 + 0.5) * grid.cell_height,
        )
    };
    let involved = |actor: usize| {
        shown
            .iter()
            .any(|&f| story.flows[f].from == actor || story.flows[f].to == actor)
    };

    let actors = (0..story.actors.len())
        .map(|actor| {
            let (cx, cy) = centre(actor);
            ActorBox {
                actor,
                x: cx - grid.box_width / 2.0,
                y: cy - grid.box_height / 2.0,
                width: grid.box_width,
                height: grid.box_height,
                lines: wrap(&story.actors[actor].label, grid.chars_per_line),
                involved: involved(actor),
            }
        })
        .collect();

    let half_box = (
        grid.box_width / 2.0 + BOX_MARGIN,
        grid.box_height / 2.0 + BOX_MARGIN,
    );
    let flows = story
        .flows
        .iter()
        .enumerate()
        .map(|(index, flow)| {
            let start = centre(flow.from);
            let end = centre(flow.to);
            let bend = parallel_offset(story, index);
            // The normal is taken from the pair in a fixed order, so flows in opposite
            // directions between the same actors bend to opposite sides instead of overlapping.
            let (low, high) = if flow.from < flow.to {
                (start, end)
            } else {
                (end, start)
            };
            let (nx, ny) = normal(low, high);
            let middle = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
            // A quadratic curve passes halfway to its control point at its middle.
            let control = (middle.0 + nx * bend * 2.0, middle.1 + ny * bend * 2.0);
            let from = exit_point(start, control, half_box);
            let tip = exit_point(end, control, half_box);
            let (ux, uy) = unit((tip.0 - control.0, tip.1 - control.1));
            let shaft_end = (tip.0 - ux * ARROWHEAD_LENGTH, tip.1 - uy * ARROWHEAD_LENGTH);
            let head = [
                tip,
                (
                    shaft_end.0 - uy * ARROWHEAD_HALF_WIDTH,
                    shaft_end.1 + ux * ARROWHEAD_HALF_WIDTH,
                ),
                (
                    shaft_end.0 + uy * ARROWHEAD_HALF_WIDTH,
                    shaft_end.1 - ux * ARROWHEAD_HALF_WIDTH,
                ),
            ];
            // The badge sits before the middle, so flows that cross at their middles (diagonals
            // of the same block) keep their badges apart.
            let t = BADGE_POSITION;
            let (a, b, c) = ((1.0 - t) * (1.0 - t), 2.0 * (1.0 - t) * t, t * t);
            let badge = (
                a * from.0 + b * control.0 + c * tip.0,
                a * from.1 + b * control.1 + c * tip.1,
            );
            FlowPath {
                flow: index,
                path: format!(
                    "M{} {} Q{} {} {} {}",
                    num(from.0),
                    num(from.1),
                    num(control.0),
                    num(control.1),
                    num(shaft_end.0),
                    num(shaft_end.1)
                ),
                head: head
                    .iter()
                    .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
                    .collect::<Vec<_>>()
                    .join(" "),
                badge,
                number: shown.iter().position(|&f| f == index).map(|p| p + 1),
            }
        })
        .collect();

    Scene {
        width: columns as f32 * grid.cell_width,
        height: rows as f32 * grid.cell_height,
        actors,
        flows,
    }
}

/// The permission explorer's flows: the fixed ones, then, in story order, each flow whose
/// permission the reader has granted.
pub fn explorer_flows(story: &Story, always: &[usize], granted: &BTreeSet<usize>) -> Vec<usize> {
    let permitted = (0..story.flows.len())
        .filter(|f| !always.contains(f))
        .filter(|&f| {
            story.flows[f]
                .permission
                .is_some_and(|p| granted.contains(&p))
        });
    always.iter().copied().chain(permitted).collect()
}

/// How far flow `index` bends away from the straight line, given the other flows that join the
/// same two actors: spread evenly around zero, in story order.
fn parallel_offset(story: &Story, index: usize) -> f32 {
    let pair = |f: usize| {
        let flow = &story.flows[f];
        (flow.from.min(flow.to), flow.from.max(flow.to))
    };
    let siblings: Vec<usize> = (0..story.flows.len())
        .filter(|&f| pair(f) == pair(index))
        .collect();
    let position = siblings.iter().position(|&f| f == index).unwrap_or(0) as f32;
    (position - (siblings.len() as f32 - 1.0) / 2.0) * PARALLEL_SPREAD
}

fn unit((x, y): (f32, f32)) -> (f32, f32) {
    let length = (x * x + y * y).sqrt().max(f32::EPSILON);
    (x / length, y / length)
}

fn normal(from: (f32, f32), to: (f32, f32)) -> (f32, f32) {
    let (ux, uy) = unit((to.0 - from.0, to.1 - from.1));
    (-uy, ux)
}

/// Where a ray from a box's centre towards `toward` leaves the box (plus margin).
fn exit_point(centre: (f32, f32), toward: (f32, f32), half: (f32, f32)) -> (f32, f32) {
    let (dx, dy) = unit((toward.0 - centre.0, toward.1 - centre.1));
    let scale_x = if dx.abs() > f32::EPSILON {
        half.0 / dx.abs()
    } else {
        f32::INFINITY
    };
    let scale_y = if dy.abs() > f32::EPSILON {
        half.1 / dy.abs()
    } else {
        f32::INFINITY
    };
    let scale = scale_x.min(scale_y);
    (centre.0 + dx * scale, centre.1 + dy * scale)
}

/// A coordinate for SVG, to a tenth of a unit. Formatted through integers: float formatting
/// would add its whole machinery to the bundle for no visible gain.
pub fn num(value: f32) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.abs();
    match tenths % 10 {
        0 => format!("{sign}{}", tenths / 10),
        fraction => format!("{sign}{}.{fraction}", tenths / 10),
    }
}

/// Greedy word wrap; a single word longer than a line keeps its own line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

// Native only: the story parser they use is not built for wasm.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::story::parse;

    fn fixture() -> Story {
        let text = include_str!("../tests/fixtures/minimal.toml");
        parse("minimal.toml", text).expect("the fixture is valid")
    }

    fn point(pair: &str) -> (f32, f32) {
        let (x, y) = pair.split_once(',').unwrap();
        (x.parse().unwrap(), y.parse().unwrap())
    }

    #[test]
    fn every_actor_box_fits_inside_the_diagram_in_both_orientations() {
        let story = fixture();
        for orientation in [Orientation::Tall, Orientation::Wide] {
            let scene = layout(&story, &[], orientation);
            for b in &scene.actors {
                assert!(b.x >= 0.0 && b.y >= 0.0, "{b:?}");
                assert!(
                    b.x + b.width <= scene.width && b.y + b.height <= scene.height,
                    "{b:?}"
                );
            }
        }
    }

    #[test]
    fn no_two_actor_boxes_overlap() {
        let scene = layout(&fixture(), &[], Orientation::Tall);
        for (i, a) in scene.actors.iter().enumerate() {
            for b in &scene.actors[i + 1..] {
                let apart = a.x + a.width <= b.x
                    || b.x + b.width <= a.x
                    || a.y + a.height <= b.y
                    || b.y + b.height <= a.y;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn the_wide_layout_is_the_tall_grid_turned_on_its_side() {
        let story = fixture();
        let tall = layout(&story, &[], Orientation::Tall);
        let wide = layout(&story, &[], Orientation::Wide);
        assert!(tall.height > tall.width, "tall is taller than wide");
        assert!(wide.width > wide.height, "wide is wider than tall");
        for (t, w) in tall.actors.iter().zip(&wide.actors) {
            let tall_cell = (
                (t.x / TALL.cell_width) as u32,
                (t.y / TALL.cell_height) as u32,
            );
            let wide_cell = (
                (w.x / WIDE.cell_width) as u32,
                (w.y / WIDE.cell_height) as u32,
            );
            assert_eq!(tall_cell, (wide_cell.1, wide_cell.0));
        }
    }

    #[test]
    fn a_right_to_left_story_mirrors_the_grid() {
        let ltr = fixture();
        let mut rtl = fixture();
        rtl.direction = Direction::Rtl;
        for orientation in [Orientation::Tall, Orientation::Wide] {
            let (a, b) = (
                layout(&ltr, &[], orientation),
                layout(&rtl, &[], orientation),
            );
            assert_eq!((a.width, a.height), (b.width, b.height));
            for (left, right) in a.actors.iter().zip(&b.actors) {
                assert_eq!(right.x, a.width - left.x - left.width, "{orientation:?}");
                assert_eq!(right.y, left.y);
            }
        }
    }

    #[test]
    fn only_flows_on_show_get_numbers_in_legend_order() {
        let story = fixture();
        let scene = layout(&story, &[2, 0], Orientation::Tall);
        assert_eq!(scene.flows[2].number, Some(1));
        assert_eq!(scene.flows[0].number, Some(2));
        assert_eq!(scene.flows[1].number, None);
    }

    #[test]
    fn flows_between_the_same_actors_do_not_overlap() {
        // In the fixture, flows 1 and 2 join the same two actors in opposite directions.
        let scene = layout(&fixture(), &[], Orientation::Tall);
        let (a, b) = (scene.flows[1].badge, scene.flows[2].badge);
        let distance = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        assert!(
            distance >= PARALLEL_SPREAD * 0.9,
            "badges {a:?} and {b:?} too close"
        );
    }

    #[test]
    fn arrowheads_point_at_the_edge_of_the_target_box() {
        let story = fixture();
        let scene = layout(&story, &[], Orientation::Wide);
        for flow in &scene.flows {
            let target = &scene.actors[story.flows[flow.flow].to];
            let tip = point(flow.head.split(' ').next().unwrap());
            let inside_margin = tip.0 >= target.x - BOX_MARGIN - 0.2
                && tip.0 <= target.x + target.width + BOX_MARGIN + 0.2
                && tip.1 >= target.y - BOX_MARGIN - 0.2
                && tip.1 <= target.y + target.height + BOX_MARGIN + 0.2;
            let outside_box = tip.0 <= target.x
                || tip.0 >= target.x + target.width
                || tip.1 <= target.y
                || tip.1 >= target.y + target.height;
            assert!(
                inside_margin && outside_box,
                "tip {tip:?} vs box {target:?}"
            );
        }
    }

    #[test]
    fn involved_marks_only_actors_at_either_end_of_a_flow_on_show() {
        let story = fixture();
        let scene = layout(&story, &[0], Orientation::Tall);
        let flow = &story.flows[0];
        for b in &scene.actors {
            assert_eq!(b.involved, b.actor == flow.from || b.actor == flow.to);
        }
    }

    #[test]
    fn the_explorer_adds_a_flow_only_when_its_permission_is_granted() {
        let story = fixture();
        assert_eq!(explorer_flows(&story, &[0], &BTreeSet::new()), [0]);
        // Flow 1 needs permission 0 ("read").
        assert_eq!(explorer_flows(&story, &[0], &BTreeSet::from([0])), [0, 1]);
        assert_eq!(explorer_flows(&story, &[1], &BTreeSet::from([0])), [1]);
    }

    #[test]
    fn badges_of_the_shipped_story_never_overlap_even_with_every_flow_shown() {
        let text = include_str!("../content/en.toml");
        let story = parse("content/en.toml", text).unwrap();
        let all: Vec<usize> = (0..story.flows.len()).collect();
        for orientation in [Orientation::Tall, Orientation::Wide] {
            let scene = layout(&story, &all, orientation);
            for (i, a) in scene.flows.iter().enumerate() {
                for b in &scene.flows[i + 1..] {
                    let d =
                        ((a.badge.0 - b.badge.0).powi(2) + (a.badge.1 - b.badge.1).powi(2)).sqrt();
                    let (fa, fb) = (&story.flows[a.flow].id, &story.flows[b.flow].id);
                    assert!(
                        d >= 2.0 * BADGE_RADIUS,
                        "{orientation:?}: badges of {fa} and {fb} are {d} apart"
                    );
                }
            }
        }
    }

    #[test]
    fn coordinates_print_to_a_tenth_without_float_formatting() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.06), "-0.1");
        assert_eq!(num(-3.5), "-3.5");
        assert_eq!(num(0.04), "0");
    }

    #[test]
    fn wrap_keeps_lines_within_the_width() {
        assert_eq!(
            wrap("The Netflix app on your device", 17),
            ["The Netflix app", "on your device"]
        );
        assert_eq!(wrap("Supercalifragilistic", 5), ["Supercalifragilistic"]);
        assert!(wrap("   ", 10).is_empty());
    }
}
