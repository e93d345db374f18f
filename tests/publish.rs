//! `check-story --publish`, run as an editor runs it: it fails while a desk check is open,
//! naming each one, and passes once every check is done. Without `--publish` a story with open
//! checks still passes, so a preview is always possible.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

const MINIMAL: &str = include_str!("fixtures/minimal.toml");

/// Runs check-story with `args` on `story`, written to a file of its own.
fn check_story(name: &str, story: &str, args: &[&str]) -> (Output, String) {
    let file: PathBuf =
        std::env::temp_dir().join(format!("publish-{}-{name}.toml", std::process::id()));
    std::fs::write(&file, story).expect("the temporary directory is writable");
    let output = Command::new(env!("CARGO_BIN_EXE_check-story"))
        .args(args)
        .arg(&file)
        .output()
        .expect("check-story runs");
    let _ = std::fs::remove_file(&file);
    let printed = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output, printed)
}

/// The fixture with its one open check done.
fn all_done() -> String {
    let done = MINIMAL.replacen(
        "status = \"open\"\n",
        "status = \"done\"\ndone_on = \"2026-11-29\"\ndone_by = \"AB\"\n",
        1,
    );
    assert_ne!(done, MINIMAL, "the fixture has an open check");
    done
}

#[test]
fn publish_fails_while_a_check_is_open_and_names_it() {
    let (output, printed) = check_story("open", MINIMAL, &["--publish"]);
    assert!(!output.status.success(), "{printed}");
    assert!(
        printed.contains("not ready to publish: 1 desk check open"),
        "{printed}"
    );
    assert!(
        printed.contains("open: docket: Pull the court docket."),
        "{printed}"
    );
    assert!(
        !printed.contains("open: comment"),
        "a done check is not listed: {printed}"
    );
}

#[test]
fn publish_passes_once_every_check_is_done() {
    let (output, printed) = check_story("done", &all_done(), &["--publish"]);
    assert!(output.status.success(), "{printed}");
    assert!(
        printed.contains("ready to publish: every desk check is done"),
        "{printed}"
    );
}

#[test]
fn a_preview_check_passes_with_open_checks_and_lists_them() {
    let (output, printed) = check_story("preview", MINIMAL, &[]);
    assert!(output.status.success(), "{printed}");
    assert!(
        printed.contains("preview only: 1 desk check open"),
        "{printed}"
    );
    assert!(printed.contains("open: docket"), "{printed}");
}

#[test]
fn publish_fails_on_a_story_with_errors() {
    let broken = all_done().replacen("done_by = \"AB\"\n", "done_by = \"ab\"\n", 1);
    let (output, printed) = check_story("broken", &broken, &["--publish"]);
    assert!(!output.status.success(), "{printed}");
    assert!(printed.contains("desk_checks[0].done_by"), "{printed}");
}
