//! What the desk asks of the browser: keeping drafts in local storage (the desk page only;
//! the reader's pages store nothing), handing the editor a file to save, and reading a file
//! the editor opened.

use wasm_bindgen::{JsCast, JsValue};

use super::session::Slot;

const PREFIX: &str = "inbox-explainer-desk";

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(describe)?
        .ok_or_else(|| "local storage is turned off".to_string())
}

fn key(slot: Slot, part: &str) -> String {
    format!("{PREFIX}/{}/{part}", slot.key())
}

/// The kept draft of `slot`, if there is one.
pub fn load_draft(slot: Slot) -> Option<String> {
    storage().ok()?.get_item(&key(slot, "text")).ok().flatten()
}

/// The name of the file the editor last opened, if any; read alone, so the page can name the
/// file without reading its text.
pub fn file_name() -> Option<String> {
    storage()
        .ok()?
        .get_item(&key(Slot::File, "name"))
        .ok()
        .flatten()
}

/// The file the editor last opened, as it was opened: its name and text.
pub fn opened_file() -> Option<(String, String)> {
    let storage = storage().ok()?;
    let get = |part| storage.get_item(&key(Slot::File, part)).ok().flatten();
    Some((get("name")?, get("opened")?))
}

/// Keeps `text` as `slot`'s draft, and `slot` as the one to reopen.
pub fn save_draft(slot: Slot, text: &str) -> Result<(), String> {
    let storage = storage()?;
    storage
        .set_item(&key(slot, "text"), text)
        .map_err(describe)?;
    storage
        .set_item(&format!("{PREFIX}/last"), slot.key())
        .map_err(describe)
}

/// Keeps an opened file as it was opened, so its draft can be compared with it after a reload.
pub fn save_opened_file(name: &str, text: &str) -> Result<(), String> {
    let storage = storage()?;
    storage
        .set_item(&key(Slot::File, "opened"), text)
        .map_err(describe)?;
    storage
        .set_item(&key(Slot::File, "name"), name)
        .map_err(describe)
}

/// Keeps `slot` as the one to reopen, draft or not.
pub fn remember_slot(slot: Slot) {
    if let Ok(storage) = storage() {
        let _ = storage.set_item(&format!("{PREFIX}/last"), slot.key());
    }
}

pub fn discard_draft(slot: Slot) {
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(&key(slot, "text"));
    }
}

/// The slot of the last draft kept, if any.
pub fn last_slot() -> Option<String> {
    storage()
        .ok()?
        .get_item(&format!("{PREFIX}/last"))
        .ok()
        .flatten()
}

/// Offers `bytes` to the editor as a file called `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the address is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The bytes of a file the editor picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(describe)
}

/// The address of the explainer the desk came with: the desk lives at `desk/` beside it.
pub fn explainer_base() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|href| web_sys::Url::new_with_base("../", &href).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| "/".to_string())
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
