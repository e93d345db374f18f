//! Checks story files offline, lists their open desk checks, gates publication, and compiles
//! stories for publishing a correction without a rebuild.
//!
//!     cargo run --bin check-story -- content/en.toml [more.toml ...]
//!     cargo run --bin check-story -- --publish content/en.toml [more.toml ...]
//!     cargo run --bin check-story -- --compile content/en.toml en.story
//!
//! Prints every problem as `file:line:column: field: message` and exits non-zero if any. Each
//! story's open desk checks are listed; a story with open checks still passes (a preview is
//! always possible), except with `--publish`, which fails until every check is done. With
//! `--compile`, a story without problems is also written in the compiled form the explainer
//! loads through its `story` option.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use inbox_explainer::story::desk::open_checks;
    use std::process::ExitCode;

    const USAGE: &str = "usage: check-story FILE.toml [FILE.toml ...]\n       check-story --publish FILE.toml [FILE.toml ...]\n       check-story --compile FILE.toml OUT.story";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (files, output, publish) = match args.as_slice() {
        [flag, input, output] if flag == "--compile" => {
            (vec![input.clone()], Some(output.clone()), false)
        }
        [flag, files @ ..] if flag == "--publish" && !files.is_empty() => {
            (files.to_vec(), None, true)
        }
        [] => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        [flag, ..] if flag.starts_with("--") => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        files => (files.to_vec(), None, false),
    };
    let mut failed = false;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{file}: cannot read: {error}");
                failed = true;
                continue;
            }
        };
        match inbox_explainer::story::parse_with_desk_checks(file, &text) {
            Ok((story, checks)) => {
                let open: Vec<_> = open_checks(&checks).collect();
                let steps = if story.steps.len() == 1 {
                    "step"
                } else {
                    "steps"
                };
                println!("{file}: ok ({} {steps})", story.steps.len());
                if open.is_empty() {
                    println!("{file}: ready to publish: every desk check is done");
                } else {
                    let verdict = if publish {
                        "not ready to publish"
                    } else {
                        "preview only"
                    };
                    let checks = if open.len() == 1 { "check" } else { "checks" };
                    println!("{file}: {verdict}: {} desk {checks} open", open.len());
                    for check in &open {
                        println!("  open: {}: {}", check.id, check.task);
                    }
                    failed |= publish;
                }
                if let Some(output) = &output {
                    if let Err(error) = std::fs::write(output, story.encode()) {
                        eprintln!("{output}: cannot write: {error}");
                        failed = true;
                    } else {
                        println!("{output}: compiled");
                    }
                }
            }
            Err(errors) => {
                failed = true;
                for error in errors {
                    eprintln!("{error}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
