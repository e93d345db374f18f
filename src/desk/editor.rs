//! The editor: a plain textarea with a gutter of line numbers beside it. The textarea owns its
//! text while the editor types (the page reads it when typing pauses); the desk hands it a new
//! text only when another story is opened.

use web_sys::{DragEvent, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::text::line_count;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub label: String,
    /// The text to show when `version` changes.
    pub text: String,
    pub version: u32,
    pub textarea: NodeRef,
    /// The line a selected problem is on, marked in the gutter.
    pub marked: Option<usize>,
    pub on_input: Callback<()>,
    /// The cursor may have moved.
    pub on_cursor: Callback<()>,
    /// A file dropped on the editor.
    pub on_file: Callback<web_sys::File>,
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
    let on_input = props.on_input.reform(|_: InputEvent| ());
    let cursor = |on_cursor: &Callback<()>| on_cursor.reform(|_: Event| ());
    let on_keyup = props.on_cursor.reform(|_: KeyboardEvent| ());
    let on_click = props.on_cursor.reform(|_: MouseEvent| ());
    html! {
        <div class="desk-editor" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <pre class="desk-editor__gutter" ref={gutter} aria-hidden="true">
                if let Some(line) = props.marked.filter(|&l| l <= lines) {
                    <span class="desk-editor__mark" style={format!("--line:{}", line - 1)}>{ line }</span>
                }
                { (*numbers).clone() }
            </pre>
            <textarea class="desk-editor__text" ref={props.textarea.clone()} aria-label={props.label.clone()}
                spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                oninput={on_input} onscroll={on_scroll} onkeyup={on_keyup} onclick={on_click}
                onselect={cursor(&props.on_cursor)} />
        </div>
    }
}
