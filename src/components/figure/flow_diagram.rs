//! The actor diagram: boxes for actors, numbered arrows for flows, a legend, and the diagram
//! told as text ("Describe this diagram"). Geometry comes from `scene`; this only draws it, and
//! owns it: the layout runs again only when the flows on show or the canvas change, not when a
//! selection or anything around the diagram does.
//!
//! A static diagram carries both orientations, each on its narrowest canvas, and a container
//! query shows the one that fits. An interactive one draws only the orientation that fits its
//! slot (`scene::fit`), laid out at the slot's width, and both until the figure is measured.
//!
//! Without `on_select` the diagram is static (the whole-story document, print, no JavaScript):
//! it draws only the flows on show and offers nothing to click or focus, since nothing would
//! answer.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{aria_bool, on_activate};
use crate::figure::DiagramPlan;
use crate::nav::Selection;
use crate::scene::{
    layout, num, Canvas, Orientation, Scene, Style, BADGE_RADIUS, GLYPH_SIZE, LABEL_LINE_HEIGHT,
    TAG_LINE_HEIGHT,
};
use crate::story::{Glyph, Story};
use crate::text::{fill, number};

#[derive(Properties, PartialEq)]
pub struct FlowDiagramProps {
    pub story: Rc<Story>,
    /// What to draw (see `figure`).
    pub plan: DiagramPlan,
    #[prop_or_default]
    pub selection: Option<Selection>,
    /// What a click or key press on a box, arrow or legend entry selects; `None` for a static
    /// diagram.
    #[prop_or_default]
    pub on_select: Option<Callback<Selection>>,
    /// What the diagram is laid out on, for the slot it has; `None` draws both orientations.
    #[prop_or_default]
    pub canvas: Option<Canvas>,
}

#[component]
pub fn FlowDiagram(props: &FlowDiagramProps) -> Html {
    let story = &props.story;
    let plan = &props.plan;
    let drawn = plan.drawn();
    // The geometry, for each orientation drawn: laid out again only when what it depends on
    // changes.
    let scenes = use_memo(
        (
            story.clone(),
            drawn.clone(),
            plan.in_play.clone(),
            props.canvas,
        ),
        |(story, drawn, in_play, canvas)| {
            let shown: Vec<usize> = drawn.iter().map(|&(f, _)| f).collect();
            let canvases = match canvas {
                Some(canvas) => vec![(*canvas, true)],
                None => [Orientation::Tall, Orientation::Wide]
                    .map(|o| (Canvas::fixed(o), false))
                    .to_vec(),
            };
            canvases
                .into_iter()
                .map(|(canvas, only)| {
                    let scene = layout(story, &shown, in_play, canvas);
                    (scene, canvas.orientation, only)
                })
                .collect::<Vec<_>>()
        },
    );
    // Both accounts on one phone diagram: named as such, its legend grouped by account.
    let together = plan.overlay.is_some();
    let kind = if together {
        "ia-diagram--together"
    } else {
        match plan.style {
            Style::Claim => "ia-diagram--claim",
            Style::Answer => "ia-diagram--answer",
            Style::Neutral => "ia-diagram--neutral",
        }
    };
    html! {
        <figure class={classes!("ia-diagram", kind)}>
            <figcaption class="ia-diagram__caption">
                if together {
                    <span class="ia-diagram__combined">{ &story.ui.combined_view }</span>
                }
                // Both accounts on one phone diagram: where each account has its line under
                // the diagram, marked in its style, that line is the key, and the names above
                // it would only repeat it.
                { for plan.captions().into_iter().filter(|_| !together || plan.notes.len() < 2).map(|(style, caption)| html! {
                    <span class="ia-diagram__account">
                        <span class={classes!("ia-swatch", style.swatch_class())} aria-hidden="true"></span>
                        { caption }
                    </span>
                }) }
            </figcaption>
            <div class="ia-diagram__canvas">
                { for scenes.iter().map(|(scene, orientation, only)| canvas(props, &drawn, scene, *orientation, *only)) }
            </div>
            { for plan.notes.iter().map(|(style, note)| html! {
                <p class="ia-diagram__note">
                    <span class={classes!("ia-swatch", style.swatch_class())} aria-hidden="true"></span>
                    <span>{ note }</span>
                </p>
            }) }
            <ol class={classes!("ia-legend", together.then_some("ia-legend--grouped"))}>
                { for drawn.iter().map(|&(flow, style)| {
                    let f = &story.flows[flow];
                    let entry = html! {
                        <>
                            <span class={classes!("ia-badge", style.badge_class())} aria-hidden="true">{ number(flow as u64 + 1, &story.ui) }</span>
                            <span class="ia-legend__label">{ &f.label }</span>
                            <span class="ia-legend__route">{ story.flow_route(flow) }</span>
                        </>
                    };
                    let item = match &props.on_select {
                        Some(on_select) => {
                            let on_select = on_select.clone();
                            html! {
                                <button type="button" class="ia-legend__item"
                                    aria-pressed={aria_bool(props.selection == Some(Selection::Flow(flow)))}
                                    data-select={format!("flow-{flow}")}
                                    onclick={move |_| on_select.emit(Selection::Flow(flow))}>
                                    { entry }
                                </button>
                            }
                        }
                        None => html! { <span class="ia-legend__item">{ entry }</span> },
                    };
                    html! { <li key={f.id.clone()}>{ item }</li> }
                }) }
            </ol>
            { description(props) }
        </figure>
    }
}

/// The diagram as sentences, one per arrow: who sends what to whom, in whose account, under
/// which permission. Closed until the reader opens it; screen readers reach it like any text.
fn description(props: &FlowDiagramProps) -> Html {
    let story = &props.story;
    let plan = &props.plan;
    let ui = &story.ui;
    let sentence = |flow: usize| {
        let f = &story.flows[flow];
        let mut text = fill(
            &ui.flow_description,
            &[
                ("label", &f.label),
                ("from", &story.actors[f.from].label),
                ("to", &story.actors[f.to].label),
            ],
        );
        if let Some(accounts) = story.flow_accounts(flow) {
            text = format!("{text}. {}: {accounts}", ui.described_by);
        }
        if let Some(p) = f.permission {
            text = format!(
                "{text}. {}: {}",
                ui.permission_label, story.permissions[p].label
            );
        }
        text
    };
    let group = |shown: &[usize], caption: &str| {
        html! {
            <>
                <p class="ia-describe__caption">{ caption }</p>
                if shown.is_empty() {
                    <p>{ &ui.describe_none }</p>
                } else {
                    <ol class="ia-describe__flows">
                        { for shown.iter().map(|&flow| html! {
                            <li key={story.flows[flow].id.clone()}>{ sentence(flow) }</li>
                        }) }
                    </ol>
                }
            </>
        }
    };
    html! {
        <details class="ia-describe">
            <summary>{ &ui.describe_diagram }</summary>
            { group(&plan.shown, &plan.caption) }
            if let Some(overlay) = &plan.overlay {
                { group(&overlay.shown, &overlay.caption) }
            }
        </details>
    }
}

/// One orientation of the diagram, laid out as `scene`; `only` when it is the one drawn, so it
/// shows whatever the stylesheet's own guess.
fn canvas(
    props: &FlowDiagramProps,
    drawn: &[(usize, Style)],
    scene: &Scene,
    orientation: Orientation,
    only: bool,
) -> Html {
    let story = &props.story;
    let label: Vec<&str> = props.plan.captions().into_iter().map(|(_, c)| c).collect();
    let label = label.join("; ");
    let style_of = |flow: usize| {
        drawn
            .iter()
            .find(|(f, _)| *f == flow)
            .map_or(props.plan.style, |(_, style)| *style)
    };
    let class = classes!(
        "ia-svg",
        match orientation {
            Orientation::Tall => "ia-svg--tall",
            Orientation::Wide => "ia-svg--wide",
        },
        only.then_some("ia-svg--only"),
    );
    let view_box = format!(
        "0 {} {} {}",
        num(scene.view_top),
        num(scene.width),
        num(scene.view_height)
    );
    // One unit to the pixel: the stylesheet only ever shrinks the drawing, below its narrowest
    // canvas.
    let (width, height) = (num(scene.width), num(scene.view_height));
    let interactive = props.on_select.is_some();
    // What selecting `selection` does, if anything can be selected.
    let selects = |selection: Selection| {
        props
            .on_select
            .as_ref()
            .map(|on_select| on_select.reform(move |_: ()| selection))
    };
    // A static diagram has no fade to run, so it leaves out the flows not on show.
    let paths = || {
        scene
            .flows
            .iter()
            .filter(|path| interactive || path.number.is_some())
    };
    html! {
        <svg class={class} viewBox={view_box} {width} {height} role="group" aria-label={label}>
            { for scene.links.iter().map(|link| {
                let words = &story.links[link.link].label;
                let band = link.label;
                html! {
                    <g key={story.links[link.link].id.clone()} class="ia-link">
                        <line x1={num(link.from.0)} y1={num(link.from.1)} x2={num(link.to.0)} y2={num(link.to.1)} />
                        <rect x={num(band.x)} y={num(band.y)} width={num(band.width)} height={num(band.height)} rx="4" />
                        <text x={num(band.x + band.width / 2.0)} y={num(band.y + band.height / 2.0)} dy="0.35em" text-anchor="middle">{ words }</text>
                    </g>
                }
            }) }
            { for paths().map(|path| {
                let flow = &story.flows[path.flow];
                let index = path.flow;
                let selected = props.selection == Some(Selection::Flow(index));
                let select = selects(Selection::Flow(index));
                // The legend and the description name every flow; arrows are read only where
                // they can be selected.
                let focusable = interactive && path.number.is_some();
                let class = classes!(
                    "ia-flow",
                    style_of(index).flow_class(),
                    if path.number.is_some() { "is-shown" } else { "is-hidden" },
                    selected.then_some("is-selected"),
                );
                let label = path.number.filter(|_| interactive).map(|n| format!(
                    "{}. {} ({})", number(n as u64, &story.ui), flow.label, story.flow_route(path.flow)
                ));
                html! {
                    <g key={flow.id.clone()} class={class}
                        role={focusable.then_some("button")}
                        tabindex={focusable.then_some("0")}
                        aria-label={label}
                        aria-hidden={(!focusable).then_some("true")}
                        aria-pressed={focusable.then(|| aria_bool(selected))}
                        data-select={interactive.then(|| format!("flow-{index}"))}
                        onclick={select.as_ref().map(|s| s.reform(|_: MouseEvent| ()))}
                        onkeydown={select.map(on_activate)}>
                        if interactive {
                            <path class="ia-flow__hit" d={path.path.clone()} />
                        }
                        <path class="ia-flow__line" d={path.path.clone()} />
                        <polygon class="ia-flow__head" points={path.head.clone()} />
                    </g>
                }
            }) }
            // Badges are drawn above every line, so a crossing line never covers one. In an
            // interactive diagram they are a pointer target only; keyboard and screen reader
            // users reach the flow itself.
            { for paths().map(|path| {
                let index = path.flow;
                let class = classes!(
                    "ia-flow__badge",
                    style_of(index).flow_class(),
                    if path.number.is_some() { "is-shown" } else { "is-hidden" },
                );
                let select = props.on_select.as_ref().map(|on_select| {
                    on_select.reform(move |_: MouseEvent| Selection::Flow(index))
                });
                html! {
                    <g key={format!("badge-{}", story.flows[index].id)} class={class} aria-hidden="true"
                        data-badge={interactive.then(|| format!("flow-{index}"))}
                        onclick={select}>
                        <circle cx={num(path.badge.0)} cy={num(path.badge.1)} r={num(BADGE_RADIUS)} />
                        <text x={num(path.badge.0)} y={num(path.badge.1)} dy="0.35em" text-anchor="middle">
                            { path.number.map(|n| number(n as u64, &story.ui)).unwrap_or_default() }
                        </text>
                        if let Some(tag) = &path.tag {
                            <text class="ia-flow__tag" text-anchor={if tag.leftwards { "end" } else { "start" }}>
                                { for tag.lines.iter().enumerate().map(|(i, line)| html! {
                                    <tspan x={num(tag.x)} y={num(tag.y + i as f32 * TAG_LINE_HEIGHT)} dy="0.35em">
                                        { line }
                                        if i + 1 < tag.lines.len() { { " " } }
                                    </tspan>
                                }) }
                            </text>
                        }
                    </g>
                }
            }) }
            // Boxes cut away with their rows are not drawn, so nothing unseen takes focus.
            { for scene.actors.iter().filter(|b| b.in_view).map(|b| {
                let actor = &story.actors[b.actor];
                let index = b.actor;
                let selected = props.selection == Some(Selection::Actor(index));
                let select = selects(Selection::Actor(index));
                let class = classes!(
                    "ia-actor",
                    b.involved.then_some("is-involved"),
                    selected.then_some("is-selected"),
                );
                let line_height = LABEL_LINE_HEIGHT;
                let first_line = b.text_y - (b.lines.len() as f32 - 1.0) * line_height / 2.0;
                html! {
                    <g key={actor.id.clone()} class={class}
                        role={interactive.then_some("button")}
                        tabindex={interactive.then_some("0")}
                        aria-label={interactive.then(|| actor.label.clone())}
                        aria-pressed={interactive.then(|| aria_bool(selected))}
                        data-select={interactive.then(|| format!("actor-{index}"))}
                        onclick={select.as_ref().map(|s| s.reform(|_: MouseEvent| ()))}
                        onkeydown={select.map(on_activate)}>
                        <rect x={num(b.x)} y={num(b.y)} width={num(b.width)} height={num(b.height)} rx="10" />
                        if let (Some(at), Some(g)) = (b.glyph_at, actor.glyph) {
                            { glyph(g, at) }
                        }
                        // A static box has no name of its own, so its text is what is read.
                        <text text-anchor="middle" aria-hidden={interactive.then_some("true")}>
                            { for b.lines.iter().enumerate().map(|(i, line)| html! {
                                <tspan x={num(b.text_x)}
                                    y={num(first_line + i as f32 * line_height)}
                                    dy="0.35em">
                                    { line }
                                    // A space between lines keeps words apart when the label
                                    // is read as one string (e.g. matched against its name).
                                    if i + 1 < b.lines.len() { { " " } }
                                </tspan>
                            }) }
                        </text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// An actor's picture, drawn in a 24-unit square at `at`: strokes only, in the box's colour.
fn glyph(glyph: Glyph, at: (f32, f32)) -> Html {
    let transform = format!("translate({} {})", num(at.0), num(at.1));
    let scale = GLYPH_SIZE / 24.0;
    let transform = if scale == 1.0 {
        transform
    } else {
        format!("{transform} scale({})", num(scale))
    };
    let shape = match glyph {
        Glyph::Person => html! {
            <>
                <circle cx="12" cy="7.5" r="4" />
                <path d="M4 21.5c0-4.6 3.6-7.5 8-7.5s8 2.9 8 7.5" />
            </>
        },
        Glyph::App => html! {
            <>
                <rect x="6" y="1.5" width="12" height="21" rx="2.5" />
                <rect x="9" y="6" width="6" height="6" rx="1.5" />
                <path d="M10.5 18.5h3" />
            </>
        },
        Glyph::Server => html! {
            <>
                <rect x="3" y="3" width="18" height="7.5" rx="1.5" />
                <rect x="3" y="13.5" width="18" height="7.5" rx="1.5" />
                <path d="M7 6.75h.01M7 17.25h.01M11 6.75h6M11 17.25h6" />
            </>
        },
        Glyph::Inbox => html! {
            <>
                <path d="M2.5 13.5 6 4h12l3.5 9.5V20a1 1 0 0 1-1 1h-17a1 1 0 0 1-1-1z" />
                <path d="M2.5 13.5h5.5l1.5 3h5l1.5-3h5.5" />
            </>
        },
    };
    html! { <g class="ia-glyph" transform={transform} aria-hidden="true">{ shape }</g> }
}
