//! The editor: a plain textarea with a gutter of line numbers beside it. The textarea owns its
//! text while the editor types (the page reads it when typing pauses); the desk hands it a new
//! text only when another story is opened.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::text::{byte_at_utf16, line_count};
use crate::story::parse::MAX_STORY_BYTES;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub label: String,
    /// The text to show when `version` changes.
    pub text: std::rc::Rc<str>,
    pub version: u32,
    pub textarea: NodeRef,
    /// The line a selected problem is on, marked in the gutter.
    pub marked: Option<usize>,
    pub on_input: Callback<()>,
    /// The cursor may have moved.
    pub on_cursor: Callback<()>,
    /// A file dropped on the editor.
    pub on_file: Callback<web_sys::File>,
    /// A paste that would make the file larger than a story can be, refused: the size the
    /// file would have been.
    pub on_refused_paste: Callback<usize>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let gutter = use_node_ref();
    {
        let textarea = props.textarea.clone();
        let text = props.text.clone();
        use_effect_with(props.version, move |_| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                area.set_value(&text);
                area.set_scroll_top(0);
            }
        });
    }
    let lines = line_count(&props.text);
    // Placed through the CSS object model: the page's policy allows no inline styles.
    let mark = use_node_ref();
    {
        let mark = mark.clone();
        use_effect_with(props.marked, move |marked| {
            if let (Some(line), Some(element)) = (marked, mark.cast::<HtmlElement>()) {
                let _ = element
                    .style()
                    .set_property("--line", &(line - 1).to_string());
            }
        });
    }
    let numbers = use_memo(lines, |&lines| {
        let mut numbers = String::with_capacity(lines * 4);
        for n in 1..=lines {
            numbers.push_str(&n.to_string());
            numbers.push('\n');
        }
        numbers
    });
    let on_scroll = {
        let gutter = gutter.clone();
        Callback::from(move |event: Event| {
            let area: HtmlElement = event.target_unchecked_into();
            if let Some(gutter) = gutter.cast::<HtmlElement>() {
                gutter.set_scroll_top(area.scroll_top());
            }
        })
    };
    // The gutter follows the textarea whenever the page re-renders too.
    {
        let gutter = gutter.clone();
        let textarea = props.textarea.clone();
        use_effect(move || {
            if let (Some(gutter), Some(area)) =
                (gutter.cast::<HtmlElement>(), textarea.cast::<HtmlElement>())
            {
                gutter.set_scroll_top(area.scroll_top());
            }
        });
    }
    let on_drop = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let file = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };
    // A paste too large to be a story is refused before the textarea takes it: laying out
    // megabytes of text would hold the page for seconds, and the checker would refuse it.
    let on_paste = {
        let textarea = props.textarea.clone();
        let refused = props.on_refused_paste.clone();
        Callback::from(move |event: Event| {
            let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let pasted = event
                .clipboard_data()
                .and_then(|data| data.get_data("text").ok())
                .map_or(0, |text| text.len());
            // What stays of the text, in UTF-8 bytes as the limit is: all of it but the
            // selection the paste replaces.
            let current = textarea.cast::<HtmlTextAreaElement>().map_or(0, |area| {
                let text = area.value();
                let position = |at: Result<Option<u32>, _>| {
                    byte_at_utf16(&text, at.ok().flatten().unwrap_or(0) as usize)
                };
                let (start, end) = (
                    position(area.selection_start()),
                    position(area.selection_end()),
                );
                text.len() - end.saturating_sub(start)
            });
            if pasted + current > MAX_STORY_BYTES {
                event.prevent_default();
                refused.emit(pasted + current);
            }
        })
    };
    let on_input = props.on_input.reform(|_: InputEvent| ());
    // Keys that type are followed once the text is checked; only keys that move the cursor
    // are followed here.
    let on_keyup = {
        let on_cursor = props.on_cursor.clone();
        Callback::from(move |event: KeyboardEvent| {
            let moves = matches!(
                event.key().as_str(),
                "ArrowUp"
                    | "ArrowDown"
                    | "ArrowLeft"
                    | "ArrowRight"
                    | "PageUp"
                    | "PageDown"
                    | "Home"
                    | "End"
            );
            if moves {
                on_cursor.emit(());
            }
        })
    };
    let on_select = props.on_cursor.reform(|_: Event| ());
    let on_click = props.on_cursor.reform(|_: MouseEvent| ());
    html! {
        <div class="desk-editor" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <pre class="desk-editor__gutter" ref={gutter} aria-hidden="true">
                if let Some(line) = props.marked.filter(|&l| l <= lines) {
                    <span class="desk-editor__mark" ref={mark.clone()} data-line={line.to_string()}>{ line }</span>
                }
                { (*numbers).clone() }
            </pre>
            <textarea class="desk-editor__text" ref={props.textarea.clone()} aria-label={props.label.clone()}
                spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                oninput={on_input} onpaste={on_paste} onscroll={on_scroll} onkeyup={on_keyup} onclick={on_click}
                onselect={on_select} />
        </div>
    }
}
