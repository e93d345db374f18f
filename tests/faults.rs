//! A panic in the browser: reported once, as one error, with every explainer on the page
//! switched to its readable fallback. A file of its own, since a panic marks the whole page
//! (and this test's wasm instance) as failed.
#![cfg(target_arch = "wasm32")]

use inbox_explainer::fault::{has_failed, install_panic_hook, FAILED_ATTRIBUTE};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_panic_is_reported_once_and_every_explainer_falls_back_to_its_text() {
    let document = web_sys::window().unwrap().document().unwrap();
    let placeholders: Vec<_> = (0..2)
        .map(|_| {
            let placeholder = document.create_element("div").unwrap();
            placeholder
                .set_attribute("data-inbox-explainer", "")
                .unwrap();
            document.body().unwrap().append_child(&placeholder).unwrap();
            placeholder
        })
        .collect();
    // Collect what reaches console.error.
    let logged = js_sys::Array::new();
    let collect = {
        let logged = logged.clone();
        Closure::<dyn Fn(JsValue)>::new(move |message: JsValue| {
            logged.push(&message);
        })
    };
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let original = js_sys::Reflect::get(&console, &"error".into()).unwrap();
    js_sys::Reflect::set(&console, &"error".into(), collect.as_ref()).unwrap();

    install_panic_hook();
    assert!(!has_failed());
    // Code called from JavaScript (an event handler, say) panics, twice.
    let handler = Closure::<dyn Fn()>::new(|| panic!("a test fault"));
    for _ in 0..2 {
        let trap = handler
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .call0(&JsValue::NULL)
            .expect_err("a panic ends the call");
        assert!(trap.is_instance_of::<js_sys::WebAssembly::RuntimeError>());
    }
    js_sys::Reflect::set(&console, &"error".into(), &original).unwrap();

    assert_eq!(logged.length(), 1, "reported once");
    let message = logged.get(0).as_string().unwrap();
    assert!(
        message.starts_with("inbox-explainer stopped after an internal error"),
        "{message}"
    );
    assert!(message.contains("a test fault"), "{message}");
    assert!(has_failed());
    for placeholder in &placeholders {
        assert!(placeholder.has_attribute(FAILED_ATTRIBUTE));
    }
}
