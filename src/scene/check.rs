//! Clearance checks for a laid-out diagram: no two arrows on show cross, no arrow runs through
//! a box it does not join, and no badge or label sits on a box, an arrow or another mark. The
//! native tests run them on every figure of every story; the browser suite checks the same
//! rules on the drawn page. Which diagrams a story can show is the figure's to say
//! (`figure::story_clashes` runs these on each).

use super::shapes::{distance, distance_to_line, line_meets_rect, lines_cross, Rect};
use super::{Scene, BADGE_RADIUS};
use crate::story::Story;

/// How much of an arrow must show beyond a badge on it: its head and a little of its line.
const MIN_ARROW_IN_SIGHT: f32 = 16.0;

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
        let badge = Rect::around(a.badge, 2.0 * BADGE_RADIUS, 2.0 * BADGE_RADIUS);
        let outside = |rect: &Rect| !rect.within(&view);
        if outside(&badge) || a.tag.as_ref().is_some_and(|t| outside(&t.bounds)) {
            found.push(format!("mark of {} leaves the drawing", name(a.flow)));
        }
        // A badge on its own arrow leaves the arrow in sight only if the arrow is long enough
        // to show past it: its line and its head.
        let length = distance(a.curve[0], a.tip);
        let on_own = distance_to_line(a.badge, &lines[i]) < BADGE_RADIUS;
        if on_own && length < 2.0 * BADGE_RADIUS + MIN_ARROW_IN_SIGHT {
            found.push(format!("badge of {} hides its arrow", name(a.flow)));
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
                    if line_meets_rect(&lines[j], &tag.bounds) {
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
                let words_apart = |x: &super::FlowPath, y: &super::FlowPath| {
                    x.tag.as_ref().is_none_or(|t| {
                        t.bounds.distance_to(y.badge) >= BADGE_RADIUS
                            && y.tag.as_ref().is_none_or(|u| !t.bounds.overlaps(&u.bounds))
                    })
                };
                let apart = distance(a.badge, b.badge) >= 2.0 * BADGE_RADIUS
                    && words_apart(a, b)
                    && words_apart(b, a);
                if !apart {
                    let (x, y) = (name(a.flow), name(b.flow));
                    found.push(format!("marks of {x} and {y} overlap"));
                }
            }
        }
    }
    for actor in &scene.actors {
        let label = actor.label_rect();
        let id = &story.actors[actor.actor].id;
        let on_glyph = actor.glyph_rect().is_some_and(|g| g.overlaps(&label));
        if on_glyph || !label.within(&actor.rect()) {
            found.push(format!("label of box {id} does not fit it"));
        }
    }
    for link in &scene.links {
        let words = &story.links[link.link].id;
        if !link.label.within(&view) {
            found.push(format!("words of link {words} leave the drawing"));
        }
        for actor in &scene.actors {
            if link.label.overlaps(&actor.rect()) {
                let label = &story.actors[actor.actor].id;
                found.push(format!("words of link {words} sit on box {label}"));
            }
        }
        for (a, line) in shown.iter().zip(&lines) {
            if line_meets_rect(line, &link.label) {
                found.push(format!(
                    "words of link {words} sit on arrow {}",
                    name(a.flow)
                ));
            }
        }
    }
    found
}
