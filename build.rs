//! Validates every story in `content/` and embeds them, pre-encoded, in the bundle.
//!
//! A story with any error fails the build with the checker's messages, so a malformed story
//! never ships. The bundle then decodes a compact binary form and needs no TOML parser.
//!
//! The browser's bundle carries only the built-in language's story; the others are served
//! beside it (`stories/LANG.story`, written by the prerender), so no reader downloads every
//! language. Native builds (the prerender, the checker, the tests) carry them all.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

#[allow(dead_code, unused_imports)]
#[path = "src/story/mod.rs"]
mod story;

/// The language of the story the bundle always carries, and the page is prerendered in.
const BUILT_IN: &str = "en";

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=tests/fixtures");
    println!("cargo::rerun-if-changed=src/story");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);

    let in_browser = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let stories = embed(
        Path::new("content"),
        out_dir,
        "STORIES",
        "Built-in stories",
        in_browser.then_some(BUILT_IN),
    );
    // Test stories, for the browser tests, which cannot parse TOML themselves.
    let fixtures = embed(
        Path::new("tests/fixtures"),
        out_dir,
        "FIXTURES",
        "Test stories",
        None,
    );
    match (stories, fixtures) {
        (Ok((mut stories, languages)), Ok((fixtures, _))) => {
            let _ = writeln!(
                stories,
                "/// Every story's language; those not above are served as `stories/LANG.story`.\npub static LANGUAGES: &[&str] = &{languages:?};\n/// The language of the story the bundle always carries, and the page is prerendered in.\npub const BUILT_IN: &str = {BUILT_IN:?};"
            );
            fs::write(out_dir.join("stories.rs"), stories).expect("OUT_DIR is writable");
            fs::write(out_dir.join("fixtures.rs"), fixtures).expect("OUT_DIR is writable");
        }
        _ => std::process::exit(1),
    }
}

/// Validates every `.toml` story in `dir`, writes each encoded, and returns Rust source for a
/// static `static_name` listing them as (file stem, language, bytes), with every story's
/// language. With `only`, the list holds the story in that language alone. Errors are printed
/// for the editor.
fn embed(
    dir: &Path,
    out_dir: &Path,
    static_name: &str,
    doc: &str,
    only: Option<&str>,
) -> Result<(String, Vec<String>), ()> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    let mut registry = format!("/// {doc}: (file stem, language, encoded story).\n");
    let _ = writeln!(
        registry,
        "pub static {static_name}: &[(&str, &str, &[u8])] = &["
    );
    let mut failed = false;
    let mut languages = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        match story::parse(&name, &text) {
            Ok(story) => {
                let stem = path.file_stem().unwrap().to_string_lossy();
                let encoded = out_dir.join(format!("{static_name}-{stem}.story"));
                fs::write(&encoded, story.encode()).expect("OUT_DIR is writable");
                languages.push(story.language.clone());
                if only.is_some_and(|only| only != story.language) {
                    continue;
                }
                let _ = writeln!(
                    registry,
                    "    ({stem:?}, {:?}, include_bytes!({:?})),",
                    story.language,
                    encoded.display().to_string()
                );
            }
            Err(errors) => {
                failed = true;
                for error in errors {
                    eprintln!("{error}");
                }
            }
        }
    }
    registry.push_str("];\n");
    if let Some(only) = only.filter(|only| !languages.iter().any(|l| l == only)) {
        eprintln!(
            "{}: no story in language {only:?}, which the bundle must carry",
            dir.display()
        );
        failed = true;
    }
    if failed {
        Err(())
    } else {
        Ok((registry, languages))
    }
}
