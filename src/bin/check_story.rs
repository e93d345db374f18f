//! Checks story files offline, and compiles them for publishing a correction without a rebuild.
//!
//!     cargo run --bin check-story -- content/en.toml [more.toml ...]
//!     cargo run --bin check-story -- --compile content/en.toml en.story
//!
//! Prints every problem as `file:line:column: field: message` and exits non-zero if any. With
//! `--compile`, a story without problems is also written in the compiled form the explainer
//! loads through its `story` option.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (files, output) = match args.as_slice() {
        [flag, input, output] if flag == "--compile" => (vec![input.clone()], Some(output.clone())),
        [flag, ..] if flag == "--compile" => {
            eprintln!("usage: check-story --compile FILE.toml OUT.story");
            return ExitCode::from(2);
        }
        [] => {
            eprintln!("usage: check-story FILE.toml [FILE.toml ...]\n       check-story --compile FILE.toml OUT.story");
            return ExitCode::from(2);
        }
        files => (files.to_vec(), None),
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
        match inbox_explainer::story::parse(file, &text) {
            Ok(story) => {
                println!("{file}: ok ({} steps)", story.steps.len());
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
