//! Diagram geometry: where each actor box and flow arrow goes, as plain numbers and SVG path
//! strings. A pure function of the story, the flows on show and the orientation; no DOM.
//!
//! Every actor and every flow of the story is always laid out, and flows not on show are
//! marked hidden rather than left out. Positions therefore never move between steps, and the
//! view can animate a flow appearing with a CSS transition on the same element.

use crate::story::{Direction, Role, Story};

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod fit;
pub mod shapes;

use shapes::{distance, distance_to_line, line_meets_rect, on_curve, sample, unit, Point, Rect};

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
    /// Links between flows on show.
    pub links: Vec<LinkPath>,
}

/// A link drawn between the middles of two arrows.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkPath {
    pub link: usize,
    pub from: Point,
    pub to: Point,
    /// The band its words sit on.
    pub label: Rect,
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

    /// Where the label's lines are drawn, at their widest (`LABEL_CHAR_WIDTH` a character).
    pub fn label_rect(&self) -> Rect {
        let longest = self.lines.iter().map(|l| l.chars().count()).max();
        Rect::around(
            (self.text_x, self.text_y),
            longest.unwrap_or(0) as f32 * LABEL_CHAR_WIDTH,
            self.lines.len().saturating_sub(1) as f32 * LABEL_LINE_HEIGHT + LABEL_FONT_SIZE,
        )
    }

    /// The glyph's square, when the actor has one.
    pub fn glyph_rect(&self) -> Option<Rect> {
        self.glyph_at.map(|(x, y)| Rect {
            x,
            y,
            width: GLYPH_SIZE,
            height: GLYPH_SIZE,
        })
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

/// An arrow's words, set beside its badge.
#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    pub lines: Vec<String>,
    /// Where each line starts (its right end, in a right-to-left story), and the first line's
    /// middle.
    pub x: f32,
    pub y: f32,
    /// Whether the text runs leftwards from `x`.
    pub leftwards: bool,
    /// The words' rectangle.
    pub bounds: Rect,
}

/// How a diagram draws its flows: in whose account, which decides line pattern and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// The account that makes the claim: dashed.
    Claim,
    /// The account that answers it: solid.
    Answer,
    Neutral,
}

impl Style {
    /// The style for flows shown as one account's description: its role's, whatever the
    /// story calls the account.
    pub fn for_account(story: &Story, account: usize) -> Style {
        match story.accounts.get(account).and_then(|a| a.role) {
            Some(Role::Claim) => Style::Claim,
            Some(Role::Answer) => Style::Answer,
            None => Style::Neutral,
        }
    }

    pub fn for_role(role: Role) -> Style {
        match role {
            Role::Claim => Style::Claim,
            Role::Answer => Style::Answer,
        }
    }

    /// This style's modifier of each element it colours, whole, so no class name is
    /// formatted while rendering.
    pub fn flow_class(self) -> &'static str {
        self.pick(["ia-flow--claim", "ia-flow--answer", "ia-flow--neutral"])
    }

    pub fn swatch_class(self) -> &'static str {
        self.pick([
            "ia-swatch--claim",
            "ia-swatch--answer",
            "ia-swatch--neutral",
        ])
    }

    pub fn badge_class(self) -> &'static str {
        self.pick(["ia-badge--claim", "ia-badge--answer", "ia-badge--neutral"])
    }

    pub fn quote_class(self) -> &'static str {
        self.pick(["ia-quote--claim", "ia-quote--answer", "ia-quote--neutral"])
    }

    /// One of three things, in the order claim, answer, neutral.
    fn pick(self, [claim, answer, neutral]: [&'static str; 3]) -> &'static str {
        match self {
            Style::Claim => claim,
            Style::Answer => answer,
            Style::Neutral => neutral,
        }
    }
}

/// Where a diagram is drawn: its orientation and its width in CSS pixels. A diagram is laid
/// out at the width it is given and drawn at one unit to the pixel, so its text is always the
/// size the stylesheet sets; only a column narrower than the narrowest canvas (a 320 px phone)
/// scales it down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Canvas {
    pub orientation: Orientation,
    pub width: f32,
}

/// The narrowest and widest canvas of each orientation. Wide diagrams need room for three
/// columns of boxes with labelled arrows between them (`fit::WIDE_MIN_WIDTH`).
const TALL_WIDTHS: (f32, f32) = (TALL_MIN_WIDTH, 759.0);
/// The narrowest a tall diagram is laid out: a 320 px phone's column, so that nothing on the
/// smallest screen is drawn smaller than the stylesheet says.
pub const TALL_MIN_WIDTH: f32 = 280.0;
const WIDE_WIDTHS: (f32, f32) = (760.0, 1000.0);

impl Canvas {
    /// A canvas for a diagram given `width` pixels, held within its orientation's range.
    pub fn at(orientation: Orientation, width: f32) -> Canvas {
        let (narrowest, widest) = match orientation {
            Orientation::Tall => TALL_WIDTHS,
            Orientation::Wide => WIDE_WIDTHS,
        };
        Canvas {
            orientation,
            // Whole pixels, so a sub-pixel change in a measurement draws nothing new; rounded
            // down, so the drawing is never wider than its slot and never scaled to fit it.
            width: width.floor().max(narrowest).min(widest),
        }
    }

    /// The canvas a page without the app draws: the narrowest of its orientation, the
    /// smallest width the stylesheet shows it at.
    pub fn fixed(orientation: Orientation) -> Canvas {
        Canvas::at(orientation, 0.0)
    }
}

struct Grid {
    cell_width: f32,
    cell_height: f32,
    box_width: f32,
    box_height: f32,
    chars_per_line: usize,
}

/// The size of a box's label (`.ia-actor text` in diagram.css).
const LABEL_FONT_SIZE: f32 = 14.0;
/// The bold 14 px box labels are up to about 8.5 px a character.
const LABEL_CHAR_WIDTH: f32 = 8.5;
/// Room kept inside a box on either side of its label.
const LABEL_PADDING: f32 = 5.0;
/// Room between neighbouring boxes, for an arrow with its badge.
const GUTTER: f32 = 40.0;
const BOX_MAX_WIDTH: f32 = 160.0;
/// A box with a glyph and two lines of label, or three lines and no glyph.
const BOX_HEIGHT: f32 = 62.0;
/// The distance between the lines of a box's label.
pub const LABEL_LINE_HEIGHT: f32 = 17.0;

impl Grid {
    fn new(canvas: Canvas, columns: usize) -> Grid {
        let cell_width = canvas.width / columns as f32;
        let box_width = (cell_width - GUTTER).min(BOX_MAX_WIDTH);
        Grid {
            cell_width,
            cell_height: match canvas.orientation {
                Orientation::Tall => 112.0,
                Orientation::Wide => 150.0,
            },
            box_width,
            box_height: BOX_HEIGHT,
            chars_per_line: ((box_width - 2.0 * LABEL_PADDING) / LABEL_CHAR_WIDTH) as usize,
        }
    }
}

/// The glyph's square, and its distance from the top of its box.
pub const GLYPH_SIZE: f32 = 20.0;
const GLYPH_INSET: f32 = 6.0;
/// Distance between the middles of flows that join the same two actors.
const PARALLEL_SPREAD: f32 = 30.0;
const ARROWHEAD_LENGTH: f32 = 11.0;
const ARROWHEAD_HALF_WIDTH: f32 = 6.0;
/// Badge radius.
pub const BADGE_RADIUS: f32 = 12.0;
/// Gap left between an arrow's ends and the boxes.
const BOX_MARGIN: f32 = 4.0;
/// The least room kept between a badge or tag and anything it must not touch.
pub const CLEARANCE: f32 = 3.0;
/// Tag text: 13 px bold type, each character up to this wide (a wide bold sans, so a fallback font does not overrun its room).
/// The widths, in characters, an arrow's words are tried at, widest first.
const TAG_WIDTHS: [usize; 3] = [18, 13, 9];
pub const TAG_CHAR_WIDTH: f32 = 8.2;
pub const TAG_LINE_HEIGHT: f32 = 15.0;
/// A link's words: 13 px italic, on a band of the page's colour that interrupts the line.
const LINK_CHAR_WIDTH: f32 = 7.4;
pub const LINK_HEIGHT: f32 = 20.0;
const TAG_GAP: f32 = 4.0;

thread_local! {
    static LAYOUTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many layouts this thread has run: a view that owns its geometry runs one only when what
/// it draws changes, and the component tests hold it to that.
pub fn layouts_run() -> u64 {
    LAYOUTS.with(std::cell::Cell::get)
}

/// Lays out the whole cast of `story` on `canvas`, with `shown` (flow indices) on show. The
/// rows kept are those that `in_play` (every flow of every view of the step) touches, so the
/// boxes stay where they are when the reader switches views.
pub fn layout(story: &Story, shown: &[usize], in_play: &[usize], canvas: Canvas) -> Scene {
    LAYOUTS.with(|count| count.set(count.get() + 1));
    let orientation = canvas.orientation;
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
    let grid = &Grid::new(canvas, columns);
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
    let touches = |flows: &[usize], actor: usize| {
        flows
            .iter()
            .any(|&f| story.flows[f].from == actor || story.flows[f].to == actor)
    };
    let involved = |actor: usize| touches(shown, actor);

    let actors: Vec<ActorBox> = (0..story.actors.len())
        .map(|actor| {
            let (cx, cy) = centre(actor);
            let (x, y) = (cx - grid.box_width / 2.0, cy - grid.box_height / 2.0);
            let lines = wrap(&story.actors[actor].label, grid.chars_per_line);
            // The glyph sits at the top of the box, the words are centred in the rest. A label
            // that needs more than two lines at this width takes the glyph's room instead, so
            // a box is the same height at every width and a drawing's height never changes
            // with its width (the built page's drawing and the app's keep one height).
            let has_glyph = story.actors[actor].glyph.is_some() && lines.len() <= 2;
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
                lines,
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
                number: shown.contains(&index).then_some(index + 1),
            }
        })
        .collect();

    let in_play: Vec<usize> = in_play.iter().chain(shown).copied().collect();
    let involved_rows = actors
        .iter()
        .filter(|b| touches(&in_play, b.actor))
        .map(|b| cell(b.actor).1 as usize);
    let (first_row, last_row) = involved_rows
        .fold(None, |range: Option<(usize, usize)>, row| {
            Some(range.map_or((row, row), |(a, b)| (a.min(row), b.max(row))))
        })
        .unwrap_or((0, rows - 1));
    // The drawing shows the rows in play, whichever view is on show, so every view of a step
    // is cut the same. A tall one keeps only a margin above its first box and below its last,
    // since the room between its rows is for the arrows between them; a wide one's arrows bend
    // into that room.
    let edge = match orientation {
        Orientation::Tall => ((grid.cell_height - grid.box_height) / 2.0 - VIEW_MARGIN).max(0.0),
        Orientation::Wide => 0.0,
    };
    let view_top = first_row as f32 * grid.cell_height + edge;
    let view_height = (last_row + 1 - first_row) as f32 * grid.cell_height - 2.0 * edge;
    let view = Rect {
        x: 0.0,
        y: view_top,
        width,
        height: view_height,
    };
    let links = link_paths(story, shown, &flows);
    place_marks(story, shown, rtl, view, &actors, &links, &mut flows);
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
        links,
    }
}

/// The links whose two flows are both on show: a line between the middles of the two arrows,
/// with the link's words on a band across its middle.
fn link_paths(story: &Story, shown: &[usize], flows: &[FlowPath]) -> Vec<LinkPath> {
    story
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| shown.contains(&l.flows.0) && shown.contains(&l.flows.1))
        .map(|(index, l)| {
            let from = on_curve(flows[l.flows.0].curve, 0.5);
            let to = on_curve(flows[l.flows.1].curve, 0.5);
            let middle = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
            let width = l.label.chars().count() as f32 * LINK_CHAR_WIDTH + 8.0;
            LinkPath {
                link: index,
                from,
                to,
                label: Rect::around(middle, width, LINK_HEIGHT),
            }
        })
        .collect()
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

/// Places each shown flow's badge on its arrow, then its words beside the badge wherever they
/// fit: off every box, every arrow and every mark placed before them. Badges go first, so words
/// never take a badge's place; an arrow whose words fit nowhere keeps its number, which the
/// legend explains. Candidates are tried in a fixed order, so the same story always gets the
/// same picture.
fn place_marks(
    story: &Story,
    shown: &[usize],
    rtl: bool,
    view: Rect,
    actors: &[ActorBox],
    links: &[LinkPath],
    flows: &mut [FlowPath],
) {
    // A link's line counts as an arrow no mark may sit on, and its words as a placed mark.
    let lines: Vec<(usize, Vec<Point>)> = shown
        .iter()
        .map(|&f| (f, flows[f].line()))
        .chain(links.iter().map(|l| (usize::MAX, vec![l.from, l.to])))
        .collect();
    let boxes: Vec<Rect> = actors.iter().map(|b| b.rect().grown(CLEARANCE)).collect();
    let mut marks: Vec<Mark> = links.iter().map(|l| Mark::Tag(l.label)).collect();
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
    let tag_clear = |rect: Rect, own: Point, marks: &[Mark]| {
        let grown = rect.grown(CLEARANCE);
        rect.within(&view)
            && boxes.iter().all(|b| !b.overlaps(&grown))
            && lines.iter().all(|(_, line)| !line_meets_rect(line, &grown))
            && marks.iter().all(|m| match m {
                Mark::Badge(centre) => *centre == own || grown.distance_to(*centre) >= BADGE_RADIUS,
                Mark::Tag(other) => !other.overlaps(&grown),
            })
    };
    let middle_of_view = (view.x + view.width / 2.0, view.y + view.height / 2.0);
    for &f in shown {
        let curve = flows[f].curve;
        let first = badge_position(story, f, shown);
        let along =
            [first, 0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8].map(|t| on_curve(curve, t));
        // A badge on an arrow too short to show past it would hide the arrow's line and
        // direction: such an arrow keeps its badge beside its middle, on the side where its
        // words fit too if there is one.
        let short = distance(curve[0], flows[f].tip) < 2.0 * BADGE_RADIUS + SHORT_ARROW_SLACK;
        let beside = if short {
            beside_middle(curve, middle_of_view).to_vec()
        } else {
            Vec::new()
        };
        let clear = |c: &Point| badge_clear(*c, f, &marks);
        // (Words may touch their own badge, so the candidate needs no place among the marks.)
        let with_words = beside
            .iter()
            .filter(|c| clear(c))
            .find(|&&c| tag_spot(story, f, c, rtl, |rect| tag_clear(rect, c, &marks)).is_some());
        let centre = with_words
            .copied()
            .or_else(|| beside.iter().chain(&along).copied().find(|c| clear(c)))
            .unwrap_or(flows[f].badge);
        flows[f].badge = centre;
        marks.push(Mark::Badge(centre));
    }
    for &f in shown {
        let badge = flows[f].badge;
        let spot = tag_spot(story, f, badge, rtl, |rect| tag_clear(rect, badge, &marks));
        if let Some((words, rect)) = spot {
            // Words left of their badge end at their right edge, so words a little wider than
            // estimated run away from the badge, never into it.
            let leftwards = rect.x + rect.width <= badge.0;
            flows[f].tag = Some(Tag {
                lines: words,
                x: if leftwards {
                    rect.x + rect.width
                } else {
                    rect.x
                },
                y: rect.y + TAG_LINE_HEIGHT / 2.0,
                leftwards,
                bounds: rect,
            });
            marks.push(Mark::Tag(rect));
        }
    }
}

/// Where flow `f`'s words go beside its badge at `badge`, if anywhere `clear` allows: wider
/// lines first, then narrower and taller ones for tight gaps; each beside the badge in the
/// reading direction, then the other side, then above and below it.
fn tag_spot(
    story: &Story,
    f: usize,
    badge: Point,
    rtl: bool,
    clear: impl Fn(Rect) -> bool,
) -> Option<(Vec<String>, Rect)> {
    let reach = BADGE_RADIUS + TAG_GAP;
    TAG_WIDTHS.iter().find_map(|&chars| {
        let words = wrap(&story.flows[f].label, chars);
        let longest = words.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let (w, h) = (
            longest as f32 * TAG_CHAR_WIDTH,
            words.len() as f32 * TAG_LINE_HEIGHT,
        );
        let after = (badge.0 + reach, badge.1 - h / 2.0);
        let before = (badge.0 - reach - w, badge.1 - h / 2.0);
        let centred = badge.0 - w / 2.0;
        let spots = [
            if rtl { before } else { after },
            if rtl { after } else { before },
            (centred, badge.1 - reach - h),
            (centred, badge.1 + reach),
        ];
        spots
            .iter()
            .map(|&(x, y)| Rect {
                x,
                y,
                width: w,
                height: h,
            })
            .find(|&rect| clear(rect))
            .map(|rect| (words, rect))
    })
}

/// Room kept above the first row of boxes on show and below the last.
const VIEW_MARGIN: f32 = 6.0;

/// How much longer than a badge's width an arrow must be for its badge to sit on it.
const SHORT_ARROW_SLACK: f32 = 24.0;

/// Spots beside the middle of `curve`, clear of its line, nearer first: on the outside of its
/// bend first, or for a straight one on the side away from `centre` (the drawing's middle),
/// where its words have room.
fn beside_middle(curve: [Point; 3], centre: Point) -> [Point; 4] {
    let middle = on_curve(curve, 0.5);
    let chord = (
        (curve[0].0 + curve[2].0) / 2.0,
        (curve[0].1 + curve[2].1) / 2.0,
    );
    let (nx, ny) = normal(curve[2], curve[0]);
    // Which side of the straight line between its ends the curve's middle lies on; a straight
    // one takes the side away from the centre.
    let bulge = (middle.0 - chord.0) * nx + (middle.1 - chord.1) * ny;
    let outward = (middle.0 - centre.0) * nx + (middle.1 - centre.1) * ny;
    let side = if bulge.abs() > 0.5 { bulge } else { outward };
    let (nx, ny) = if side < 0.0 { (-nx, -ny) } else { (nx, ny) };
    let at = |side: f32, d: f32| (middle.0 + side * nx * d, middle.1 + side * ny * d);
    let near = BADGE_RADIUS + CLEARANCE + 3.0;
    [
        at(1.0, near),
        at(1.0, near + 6.0),
        at(-1.0, near),
        at(-1.0, near + 6.0),
    ]
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
        let scene = layout(
            &story,
            &[flow("report")],
            &[],
            Canvas::fixed(Orientation::Tall),
        );
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
        let scene = layout(
            &story,
            &[flow("pick"), flow("report")],
            &[],
            Canvas::fixed(Orientation::Tall),
        );
        let clashes = check::clashes(&story, &scene);
        assert!(
            clashes
                .iter()
                .any(|c| c == "arrows pick and report cross" || c == "arrows report and pick cross"),
            "{clashes:?}"
        );
    }

    #[test]
    fn arrows_get_their_words_beside_them_where_they_fit() {
        let story = every_story().remove(0);
        let claims = &story.steps[0];
        let Diagram::Flows(FlowSets::Both { answer: meta, .. }) = &claims.diagram else {
            panic!("step 1 compares both accounts");
        };
        let wide = layout(&story, meta, &[], Canvas::at(Orientation::Wide, 900.0));
        let tagged = wide.flows.iter().filter(|f| f.tag.is_some()).count();
        assert!(
            tagged * 2 > meta.len(),
            "only {tagged} of {} labelled",
            meta.len()
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
            let scene = layout(&story, &[], &[], Canvas::fixed(orientation));
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
        let scene = layout(&fixture(), &[], &[], Canvas::fixed(Orientation::Tall));
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
        let tall = layout(&story, &[], &[], Canvas::fixed(Orientation::Tall));
        let wide = layout(&story, &[], &[], Canvas::fixed(Orientation::Wide));
        assert!(
            tall.height / tall.width > wide.height / wide.width,
            "tall is the taller shape"
        );
        // Whatever is left of another box on a phone is above it on a wide screen.
        for (i, (ta, wa)) in tall.actors.iter().zip(&wide.actors).enumerate() {
            for (tb, wb) in tall.actors.iter().zip(&wide.actors).skip(i + 1) {
                assert_eq!(ta.x.total_cmp(&tb.x), wa.y.total_cmp(&wb.y));
                assert_eq!(ta.y.total_cmp(&tb.y), wa.x.total_cmp(&wb.x));
            }
        }
    }

    #[test]
    fn a_right_to_left_story_mirrors_the_grid() {
        let ltr = fixture();
        let mut rtl = fixture();
        rtl.direction = Direction::Rtl;
        for orientation in [Orientation::Tall, Orientation::Wide] {
            let (a, b) = (
                layout(&ltr, &[], &[], Canvas::fixed(orientation)),
                layout(&rtl, &[], &[], Canvas::fixed(orientation)),
            );
            assert_eq!((a.width, a.height), (b.width, b.height));
            for (left, right) in a.actors.iter().zip(&b.actors) {
                let mirrored = a.width - left.x - left.width;
                assert!((right.x - mirrored).abs() < 0.01, "{orientation:?}");
                assert_eq!(right.y, left.y);
            }
        }
    }

    #[test]
    fn a_flow_is_drawn_in_its_accounts_role_whatever_the_account_is_called() {
        let text = include_str!("../../tests/fixtures/second-explainer.toml");
        let story = crate::story::parse("second-explainer.toml", text).unwrap();
        let style = |id| Style::for_account(&story, story.account_index(id).unwrap());
        assert_eq!(style("complaint"), Style::Claim);
        assert_eq!(style("company"), Style::Answer);
        let shipped = every_story().remove(0);
        let style = |id| Style::for_account(&shipped, shipped.account_index(id).unwrap());
        assert_eq!(
            [style("alleged"), style("meta"), style("reported-2018")],
            [Style::Claim, Style::Answer, Style::Neutral]
        );
    }

    #[test]
    fn a_flow_keeps_its_number_whatever_else_is_on_show() {
        let story = fixture();
        let scene = layout(&story, &[2, 0], &[], Canvas::fixed(Orientation::Tall));
        assert_eq!(scene.flows[2].number, Some(3));
        assert_eq!(scene.flows[0].number, Some(1));
        assert_eq!(scene.flows[1].number, None);
        let alone = layout(&story, &[2], &[], Canvas::fixed(Orientation::Wide));
        assert_eq!(alone.flows[2].number, Some(3));
    }

    #[test]
    fn boxes_keep_their_places_across_the_views_of_a_step() {
        let story = every_story().remove(0);
        for step in &story.steps {
            let Diagram::Flows(FlowSets::Both { claim, answer }) = &step.diagram else {
                continue;
            };
            let in_play: Vec<usize> = claim.iter().chain(answer).copied().collect();
            for width in [320.0, 360.0, 600.0, 700.0, 960.0] {
                let orientation = if width >= 760.0 {
                    Orientation::Wide
                } else {
                    Orientation::Tall
                };
                let canvas = Canvas::at(orientation, width);
                let a = layout(&story, claim, &in_play, canvas);
                let m = layout(&story, answer, &in_play, canvas);
                assert_eq!(
                    (a.view_top, a.view_height),
                    (m.view_top, m.view_height),
                    "{}",
                    step.id
                );
                for (x, y) in a.actors.iter().zip(&m.actors) {
                    assert_eq!((x.x, x.y, x.in_view), (y.x, y.y, y.in_view), "{}", step.id);
                }
            }
        }
    }

    #[test]
    fn a_link_joins_the_middles_of_its_two_arrows_only_when_both_are_on_show() {
        let story = fixture();
        let (a, b) = story.links[0].flows;
        let both = layout(&story, &[a, b], &[], Canvas::fixed(Orientation::Tall));
        assert_eq!(both.links.len(), 1);
        let link = &both.links[0];
        assert_eq!(link.from, on_curve(both.flows[a].curve, 0.5));
        assert_eq!(link.to, on_curve(both.flows[b].curve, 0.5));
        let one = layout(&story, &[a], &[], Canvas::fixed(Orientation::Tall));
        assert!(one.links.is_empty());
    }

    #[test]
    fn text_is_drawn_at_the_stylesheet_size_at_every_width() {
        // One unit is one CSS pixel down to the narrowest canvas; below it (a 320 px phone's
        // 288 px column) the diagram scales, and its 14 px labels stay above 12 px.
        for (orientation, width) in [
            (Orientation::Tall, 328.0),
            (Orientation::Tall, 600.0),
            (Orientation::Wide, 800.0),
            (Orientation::Wide, 900.0),
        ] {
            let canvas = Canvas::at(orientation, width);
            assert_eq!(canvas.width, width, "{orientation:?} at {width}");
            let scene = layout(&every_story().remove(0), &[], &[], canvas);
            assert_eq!(scene.width, width);
        }
        let narrowest = Canvas::at(Orientation::Tall, 288.0);
        assert!(14.0 * 288.0 / narrowest.width >= 12.0);
        assert!(13.0 * 288.0 / narrowest.width >= 11.7, "tags and badges");
    }

    #[test]
    fn flows_between_the_same_actors_do_not_overlap() {
        // In the fixture, flows 1 and 2 join the same two actors in opposite directions.
        let scene = layout(&fixture(), &[], &[], Canvas::fixed(Orientation::Tall));
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
        let scene = layout(&story, &[], &[], Canvas::fixed(Orientation::Wide));
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
        let scene = layout(&story, &[0], &[], Canvas::fixed(Orientation::Tall));
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
            let scene = layout(&story, &all, &[], Canvas::fixed(orientation));
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
