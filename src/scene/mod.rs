//! Diagram geometry: where each actor box and flow arrow goes, as plain numbers and SVG path
//! strings. A pure function of the story, the flows on show and the orientation; no DOM.
//!
//! Every actor and every flow of the story is always laid out, and flows not on show are
//! marked hidden rather than left out. Positions therefore never move between steps, and the
//! view can animate a flow appearing with a CSS transition on the same element.

use crate::story::{Direction, Story, ALLEGED, META};

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod fit;
pub mod shapes;

use shapes::{
    distance, distance_to_line, line_meets_rect, normal_at, on_curve, sample, unit, Point, Rect,
};

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
    /// The part on show: rows that no flow on show touches are left out at the top and the
    /// bottom, so a step about two rows does not give a phone's screen to a third.
    pub view_top: f32,
    pub view_height: f32,
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
    /// The label broken into lines that fit the box beside its glyph.
    pub lines: Vec<String>,
    /// The middle of the label's lines.
    pub text_x: f32,
    pub text_y: f32,
    /// Top-left corner of the glyph's square, when the actor has one.
    pub glyph_at: Option<Point>,
    /// Whether any flow on show starts or ends here.
    pub involved: bool,
    /// Whether the box is inside the part on show (rows no flow touches are cut away).
    pub in_view: bool,
}

impl ActorBox {
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FlowPath {
    pub flow: usize,
    /// SVG path data for the arrow's shaft.
    pub path: String,
    /// SVG polygon points for the arrowhead.
    pub head: String,
    /// The shaft as a quadratic curve (start, control, end), and the arrowhead's tip.
    pub curve: [Point; 3],
    pub tip: Point,
    /// Centre of the numbered badge.
    pub badge: Point,
    /// The arrow's short label beside its badge, on wide diagrams where it fits clear of
    /// every box, arrow and other label.
    pub tag: Option<Tag>,
    /// 1-based position in the diagram's legend; `None` when the flow is not on show.
    pub number: Option<usize>,
}

impl FlowPath {
    /// The arrow as a polyline, arrowhead included, for clearance checks.
    pub fn line(&self) -> Vec<Point> {
        let mut line = sample(self.curve, 24);
        line.push(self.tip);
        line
    }
}

/// Words set beside a badge.
#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    pub lines: Vec<String>,
    /// Where the text starts: its edge nearest the badge, and the first line's middle.
    pub x: f32,
    pub y: f32,
    /// Whether the text runs leftwards from `x` (right-to-left stories put the badge on the
    /// right of its words).
    pub leftwards: bool,
    /// Badge and words together.
    pub bounds: Rect,
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

    /// This style's modifier of each element it colours, whole, so no class name is
    /// formatted while rendering.
    pub fn flow_class(self) -> &'static str {
        self.pick(["ia-flow--alleged", "ia-flow--meta", "ia-flow--neutral"])
    }

    pub fn swatch_class(self) -> &'static str {
        self.pick([
            "ia-swatch--alleged",
            "ia-swatch--meta",
            "ia-swatch--neutral",
        ])
    }

    pub fn badge_class(self) -> &'static str {
        self.pick(["ia-badge--alleged", "ia-badge--meta", "ia-badge--neutral"])
    }

    pub fn quote_class(self) -> &'static str {
        self.pick(["ia-quote--alleged", "ia-quote--meta", "ia-quote--neutral"])
    }

    /// One of three things, in the order alleged, Meta, neutral.
    fn pick(self, [alleged, meta, neutral]: [&'static str; 3]) -> &'static str {
        match self {
            Style::Alleged => alleged,
            Style::Meta => meta,
            Style::Neutral => neutral,
        }
    }
}

struct Grid {
    cell_width: f32,
    cell_height: f32,
    box_width: f32,
    box_height: f32,
    chars_per_line: usize,
    /// Whether arrows get their words beside them, or only a number for the legend.
    tags: bool,
}

// Boxes leave a gap wide enough for an arrow with its badge between neighbours.
const TALL: Grid = Grid {
    cell_width: 170.0,
    cell_height: 130.0,
    box_width: 122.0,
    box_height: 70.0,
    // Bold 14 px text is up to about 8.5 px a character: 13 of them fit the box.
    chars_per_line: 13,
    tags: false,
};
const WIDE: Grid = Grid {
    cell_width: 280.0,
    cell_height: 180.0,
    box_width: 150.0,
    box_height: 70.0,
    chars_per_line: 16,
    tags: true,
};

/// The glyph's square, and its distance from the top of its box.
pub const GLYPH_SIZE: f32 = 22.0;
const GLYPH_INSET: f32 = 7.0;
/// Distance between the middles of flows that join the same two actors.
const PARALLEL_SPREAD: f32 = 30.0;
const ARROWHEAD_LENGTH: f32 = 11.0;
const ARROWHEAD_HALF_WIDTH: f32 = 6.0;
/// Badge radius.
pub const BADGE_RADIUS: f32 = 12.0;
/// Room left above the top row of boxes on show and below the bottom one.
const VIEW_MARGIN: f32 = 8.0;
/// Gap left between an arrow's ends and the boxes.
const BOX_MARGIN: f32 = 4.0;
/// The least room kept between a badge or tag and anything it must not touch.
pub const CLEARANCE: f32 = 3.0;
/// Tag text: 12 px bold type, set in lines of at most this many characters, each up to this
/// wide (a wide bold sans, so a fallback font does not overrun its room).
const TAG_CHARS_PER_LINE: usize = 14;
pub const TAG_CHAR_WIDTH: f32 = 7.6;
pub const TAG_LINE_HEIGHT: f32 = 14.0;
const TAG_GAP: f32 = 4.0;

thread_local! {
    static LAYOUTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many layouts this thread has run: a view that owns its geometry runs one only when what
/// it draws changes, and the component tests hold it to that.
pub fn layouts_run() -> u64 {
    LAYOUTS.with(std::cell::Cell::get)
}

/// Lays out the whole cast of `story`, with `shown` (flow indices, in legend order) on show.
pub fn layout(story: &Story, shown: &[usize], orientation: Orientation) -> Scene {
    LAYOUTS.with(|count| count.set(count.get() + 1));
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
    let (width, height) = (
        columns as f32 * grid.cell_width,
        rows as f32 * grid.cell_height,
    );
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

    let actors: Vec<ActorBox> = (0..story.actors.len())
        .map(|actor| {
            let (cx, cy) = centre(actor);
            let (x, y) = (cx - grid.box_width / 2.0, cy - grid.box_height / 2.0);
            let has_glyph = story.actors[actor].glyph.is_some();
            // The glyph sits at the top of the box, the words are centred in the rest.
            let room = if has_glyph {
                GLYPH_INSET + GLYPH_SIZE
            } else {
                0.0
            };
            ActorBox {
                actor,
                x,
                y,
                width: grid.box_width,
                height: grid.box_height,
                lines: wrap(&story.actors[actor].label, grid.chars_per_line),
                text_x: cx,
                text_y: cy + room / 2.0 - GLYPH_INSET / 4.0,
                glyph_at: has_glyph.then_some((cx - GLYPH_SIZE / 2.0, y + GLYPH_INSET)),
                involved: involved(actor),
                in_view: true,
            }
        })
        .collect();

    let half_box = (
        grid.box_width / 2.0 + BOX_MARGIN,
        grid.box_height / 2.0 + BOX_MARGIN,
    );
    let mut flows: Vec<FlowPath> = story
        .flows
        .iter()
        .enumerate()
        .map(|(index, flow)| {
            let start = centre(flow.from);
            let end = centre(flow.to);
            let (bend, _) = parallel_offset(story, index, shown);
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
            let curve = [from, control, shaft_end];
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
                curve,
                tip,
                badge: on_curve(curve, badge_position(story, index, shown)),
                tag: None,
                number: shown.iter().position(|&f| f == index).map(|p| p + 1),
            }
        })
        .collect();

    let involved_rows = actors
        .iter()
        .filter(|b| b.involved)
        .map(|b| cell(b.actor).1 as usize);
    let (first_row, last_row) = involved_rows
        .fold(None, |range: Option<(usize, usize)>, row| {
            Some(range.map_or((row, row), |(a, b)| (a.min(row), b.max(row))))
        })
        .unwrap_or((0, rows - 1));
    let cells_top = first_row as f32 * grid.cell_height;
    let cells_bottom = (last_row + 1) as f32 * grid.cell_height;
    let cells = Rect {
        x: 0.0,
        y: cells_top,
        width,
        height: cells_bottom - cells_top,
    };
    place_marks(story, shown, grid, rtl, cells, &actors, &mut flows);
    // The drawing then ends a little outside what it shows, not at the edge of the cells.
    let mut extent = (f32::INFINITY, f32::NEG_INFINITY);
    let mut reach = |top: f32, bottom: f32| extent = (extent.0.min(top), extent.1.max(bottom));
    for b in actors.iter().filter(|b| b.involved) {
        reach(b.y, b.y + b.height);
    }
    for &f in shown {
        for (_, y) in flows[f].line() {
            reach(y, y);
        }
        match &flows[f].tag {
            Some(tag) => reach(tag.bounds.y, tag.bounds.y + tag.bounds.height),
            None => reach(
                flows[f].badge.1 - BADGE_RADIUS,
                flows[f].badge.1 + BADGE_RADIUS,
            ),
        }
    }
    let view_top = (extent.0 - VIEW_MARGIN).max(cells_top);
    let view_bottom = (extent.1 + VIEW_MARGIN).min(cells_bottom);
    let (view_top, view_height) = if view_bottom > view_top {
        (view_top, view_bottom - view_top)
    } else {
        (cells_top, cells_bottom - cells_top)
    };
    let mut actors = actors;
    for b in &mut actors {
        b.in_view = b.y >= view_top - 0.5 && b.y + b.height <= view_top + view_height + 0.5;
    }
    Scene {
        width,
        height,
        view_top,
        view_height,
        actors,
        flows,
    }
}

/// Where along its flow (0 = start, 1 = end) a badge sits first: flows that join the same two
/// actors stagger theirs, so the badges of parallel arrows do not sit side by side.
fn badge_position(story: &Story, index: usize, shown: &[usize]) -> f32 {
    let (_, (position, count)) = parallel_offset(story, index, shown);
    if count <= 1 {
        0.4
    } else {
        0.3 + 0.4 * position as f32 / (count - 1) as f32
    }
}

/// A mark already placed: a badge (circle) or a tag (rectangle).
enum Mark {
    Badge(Point),
    Tag(Rect),
}

/// Places each shown flow's badge, and on wide diagrams its words, where nothing else is: off
/// every box, every other arrow and every mark placed before it. Candidates are tried in a
/// fixed order, so the same story always gets the same picture.
fn place_marks(
    story: &Story,
    shown: &[usize],
    grid: &Grid,
    rtl: bool,
    view: Rect,
    actors: &[ActorBox],
    flows: &mut [FlowPath],
) {
    let lines: Vec<(usize, Vec<Point>)> = shown.iter().map(|&f| (f, flows[f].line())).collect();
    let boxes: Vec<Rect> = actors.iter().map(|b| b.rect().grown(CLEARANCE)).collect();
    let mut marks: Vec<Mark> = Vec::new();
    let badge_clear = |centre: Point, own: usize, marks: &[Mark]| {
        let r = BADGE_RADIUS + CLEARANCE;
        Rect::around(centre, 2.0 * r, 2.0 * r).within(&view)
            && boxes.iter().all(|b| b.distance_to(centre) >= BADGE_RADIUS)
            && lines
                .iter()
                .filter(|(f, _)| *f != own)
                .all(|(_, line)| distance_to_line(centre, line) >= r)
            && marks.iter().all(|m| match m {
                Mark::Badge(other) => distance(centre, *other) >= 2.0 * r,
                Mark::Tag(rect) => rect.distance_to(centre) >= r,
            })
    };
    let tag_clear = |rect: Rect, marks: &[Mark]| {
        let grown = rect.grown(CLEARANCE);
        rect.within(&view)
            && boxes.iter().all(|b| !b.overlaps(&grown))
            && lines.iter().all(|(_, line)| !line_meets_rect(line, &grown))
            && marks.iter().all(|m| match m {
                Mark::Badge(centre) => grown.distance_to(*centre) >= BADGE_RADIUS,
                Mark::Tag(other) => !other.overlaps(&grown),
            })
    };
    for &f in shown {
        let curve = flows[f].curve;
        if grid.tags {
            let words = wrap(&story.flows[f].label, TAG_CHARS_PER_LINE);
            let longest = words.iter().map(|l| l.chars().count()).max().unwrap_or(0);
            let text_width = longest as f32 * TAG_CHAR_WIDTH;
            let w = 2.0 * BADGE_RADIUS + TAG_GAP + text_width;
            let h = (2.0 * BADGE_RADIUS).max(words.len() as f32 * TAG_LINE_HEIGHT);
            let spot = [0.5, 0.35, 0.65].iter().find_map(|&t| {
                let anchor = on_curve(curve, t);
                let n = normal_at(curve, t);
                let reach = n.0.abs() * w / 2.0 + n.1.abs() * h / 2.0 + TAG_GAP + 1.0;
                [1.0, -1.0].iter().find_map(|side| {
                    let c = (anchor.0 + n.0 * side * reach, anchor.1 + n.1 * side * reach);
                    let rect = Rect::around(c, w, h);
                    tag_clear(rect, &marks).then_some(rect)
                })
            });
            if let Some(rect) = spot {
                let badge_x = if rtl {
                    rect.x + rect.width - BADGE_RADIUS
                } else {
                    rect.x + BADGE_RADIUS
                };
                let text_x = if rtl {
                    badge_x - BADGE_RADIUS - TAG_GAP
                } else {
                    badge_x + BADGE_RADIUS + TAG_GAP
                };
                let first =
                    rect.y + rect.height / 2.0 - (words.len() as f32 - 1.0) * TAG_LINE_HEIGHT / 2.0;
                flows[f].badge = (badge_x, rect.y + rect.height / 2.0);
                flows[f].tag = Some(Tag {
                    lines: words,
                    x: text_x,
                    y: first,
                    leftwards: rtl,
                    bounds: rect,
                });
                marks.push(Mark::Tag(rect));
                continue;
            }
        }
        let first = badge_position(story, f, shown);
        let candidates = [first, 0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];
        let centre = candidates
            .iter()
            .map(|&t| on_curve(curve, t))
            .find(|&c| badge_clear(c, f, &marks))
            .unwrap_or(flows[f].badge);
        flows[f].badge = centre;
        marks.push(Mark::Badge(centre));
    }
}

/// How far flow `index` bends away from the straight line, given the other flows that join the
/// same two actors (spread evenly around zero, in story order), with its position among them
/// and their number. A flow on show makes room only for the others on show, so a story may
/// give two actors many flows as long as few show at once.
fn parallel_offset(story: &Story, index: usize, shown: &[usize]) -> (f32, (usize, usize)) {
    let pair = |f: usize| {
        let flow = &story.flows[f];
        (flow.from.min(flow.to), flow.from.max(flow.to))
    };
    let on_show = shown.contains(&index);
    let siblings: Vec<usize> = (0..story.flows.len())
        .filter(|&f| pair(f) == pair(index) && (!on_show || shown.contains(&f)))
        .collect();
    let position = siblings.iter().position(|&f| f == index).unwrap_or(0);
    let offset = (position as f32 - (siblings.len() as f32 - 1.0) / 2.0) * PARALLEL_SPREAD;
    (offset, (position, siblings.len()))
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
    use crate::story::{parse, Diagram, FlowSets};

    fn fixture() -> Story {
        let text = include_str!("../../tests/fixtures/minimal.toml");
        parse("minimal.toml", text).expect("the fixture is valid")
    }

    fn every_story() -> Vec<Story> {
        [
            ("content/en.toml", include_str!("../../content/en.toml")),
            ("content/es.toml", include_str!("../../content/es.toml")),
            (
                "minimal.toml",
                include_str!("../../tests/fixtures/minimal.toml"),
            ),
            ("rtl.toml", include_str!("../../tests/fixtures/rtl.toml")),
        ]
        .into_iter()
        .map(|(name, text)| parse(name, text).expect("the story is valid"))
        .collect()
    }

    #[test]
    fn rows_no_flow_touches_are_cut_away_and_their_boxes_marked_outside() {
        let story = every_story().remove(0);
        let flow = |id: &str| story.flows.iter().position(|f| f.id == id).unwrap();
        let scene = layout(&story, &[flow("report")], Orientation::Tall);
        assert!(scene.view_top > 0.0 && scene.view_height < scene.height);
        for b in &scene.actors {
            let in_bottom_rows = story.actors[b.actor].place.1 >= 1;
            assert_eq!(b.in_view, in_bottom_rows, "{}", story.actors[b.actor].id);
        }
    }

    #[test]
    fn the_check_reports_arrows_that_cross() {
        // Placed like this, "pick" and "report" run straight along the two diagonals of the
        // upper block.
        let mut story = every_story().remove(0);
        for actor in &mut story.actors {
            actor.place = match actor.id.as_str() {
                "netflix-app" => (1, 1),
                "facebook" => (0, 1),
                "netflix-servers" => (1, 0),
                "friend" => (1, 2),
                _ => actor.place,
            };
        }
        let flow = |id: &str| story.flows.iter().position(|f| f.id == id).unwrap();
        let scene = layout(&story, &[flow("pick"), flow("report")], Orientation::Tall);
        let clashes = check::clashes(&story, &scene);
        assert!(
            clashes.iter().any(|c| c == "arrows pick and report cross"),
            "{clashes:?}"
        );
    }

    #[test]
    fn wide_diagrams_set_short_labels_beside_their_arrows() {
        let story = every_story().remove(0);
        let claims = &story.steps[0];
        let Diagram::Flows(FlowSets::Both { meta, .. }) = &claims.diagram else {
            panic!("step 1 compares both accounts");
        };
        let wide = layout(&story, meta, Orientation::Wide);
        let tagged = wide.flows.iter().filter(|f| f.tag.is_some()).count();
        assert!(
            tagged * 2 > meta.len(),
            "only {tagged} of {} labelled",
            meta.len()
        );
        let tall = layout(&story, meta, Orientation::Tall);
        assert!(
            tall.flows.iter().all(|f| f.tag.is_none()),
            "phones get numbers"
        );
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
    fn badges_of_the_shipped_story_never_overlap_even_with_every_flow_shown() {
        let text = include_str!("../../content/en.toml");
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
