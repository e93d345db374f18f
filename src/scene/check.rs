//! Clearance checks for a laid-out diagram: no two arrows on show cross, no arrow runs through
//! a box it does not join, and no badge or label sits on a box, an arrow or another mark. The
//! native tests run them on every figure of every story; the browser suite checks the same
//! rules on the drawn page. Which diagrams a story can show is the figure's to say
//! (`figure::story_clashes` runs these on each).

use super::shapes::{distance, distance_to_line, line_meets_rect, lines_cross, Rect};
use super::{Scene, BADGE_RADIUS};
use crate::story::Story;

/// What clashes in `scene`, one sentence each; empty when the diagram is clear.
pub fn clashes(story: &Story, scene: &Scene) -> Vec<String> {
    let shown: Vec<&super::FlowPath> = scene.flows.iter().filter(|f| f.number.is_some()).collect();
    let name = |f: usize| story.flows[f].id.as_str();
    let lines: Vec<_> = shown.iter().map(|f| f.line()).collect();
    let mut found = Vec::new();
    let view = Rect {
        x: 0.0,
        y: scene.view_top,
        width: scene.width,
        height: scene.view_height,
    };
    for (i, a) in shown.iter().enumerate() {
        if lines[i].iter().any(|&p| !view.grown(0.5).contains(p)) {
            found.push(format!("arrow {} leaves the drawing", name(a.flow)));
        }
        let mark = a.tag.as_ref().map_or(
            Rect::around(a.badge, 2.0 * BADGE_RADIUS, 2.0 * BADGE_RADIUS),
            |t| t.bounds,
        );
        if !mark.within(&view) {
            found.push(format!("mark of {} leaves the drawing", name(a.flow)));
        }
        let from_to = |f: usize| [story.flows[f].from, story.flows[f].to];
        for (j, b) in shown.iter().enumerate().skip(i + 1) {
            if lines_cross(&lines[i], &lines[j]) {
                found.push(format!(
                    "arrows {} and {} cross",
                    name(a.flow),
                    name(b.flow)
                ));
            }
        }
        for actor in &scene.actors {
            let rect = actor.rect();
            let label = &story.actors[actor.actor].id;
            if !from_to(a.flow).contains(&actor.actor) && line_meets_rect(&lines[i], &rect) {
                found.push(format!("arrow {} runs through box {label}", name(a.flow)));
            }
            if rect.distance_to(a.badge) < BADGE_RADIUS {
                found.push(format!("badge of {} sits on box {label}", name(a.flow)));
            }
            if let Some(tag) = &a.tag {
                if tag.bounds.overlaps(&rect) {
                    found.push(format!("label of {} sits on box {label}", name(a.flow)));
                }
            }
        }
        for (j, b) in shown.iter().enumerate() {
            if i == j {
                if let Some(tag) = &a.tag {
                    if line_meets_rect(&lines[j], &words_only(a, tag.bounds)) {
                        found.push(format!("label of {} sits on its own arrow", name(a.flow)));
                    }
                }
                continue;
            }
            if distance_to_line(a.badge, &lines[j]) < BADGE_RADIUS {
                let (x, y) = (name(a.flow), name(b.flow));
                found.push(format!("badge of {x} sits on arrow {y}"));
            }
            if let Some(tag) = &a.tag {
                if line_meets_rect(&lines[j], &tag.bounds) {
                    let (x, y) = (name(a.flow), name(b.flow));
                    found.push(format!("label of {x} sits on arrow {y}"));
                }
            }
            if j > i {
                let apart = match (&a.tag, &b.tag) {
                    (Some(s), Some(t)) => !s.bounds.overlaps(&t.bounds),
                    (Some(s), None) => s.bounds.distance_to(b.badge) >= BADGE_RADIUS,
                    (None, Some(t)) => t.bounds.distance_to(a.badge) >= BADGE_RADIUS,
                    (None, None) => distance(a.badge, b.badge) >= 2.0 * BADGE_RADIUS,
                };
                if !apart {
                    let (x, y) = (name(a.flow), name(b.flow));
                    found.push(format!("marks of {x} and {y} overlap"));
                }
            }
        }
    }
    found
}

/// A tag's rectangle without its badge: the badge sits on its own arrow when there is no
/// room beside it, which is what a badge is for.
fn words_only(flow: &super::FlowPath, bounds: Rect) -> Rect {
    let badge = 2.0 * BADGE_RADIUS;
    let x = if (flow.badge.0 - bounds.x).abs() <= BADGE_RADIUS + 0.5 {
        bounds.x + badge
    } else {
        bounds.x
    };
    Rect {
        x,
        width: bounds.width - badge,
        ..bounds
    }
}
