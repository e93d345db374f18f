//! The smallest useful Yew application: a button that counts its clicks.

use yew::prelude::*;

#[component]
fn Counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! { <button {onclick}>{ *count }</button> }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
