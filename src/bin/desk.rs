//! The story desk's bundle (served at `desk/`): the explainer, the story checker and the desk
//! page around them. Built by `scripts/build-desk` with the `desk` feature.

fn main() {
    #[cfg(target_arch = "wasm32")]
    inbox_explainer::desk::start();
}
