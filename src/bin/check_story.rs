//! Checks story files offline: `cargo run --bin check-story -- content/en.toml [more.toml ...]`.
//! Prints every problem as `file:line:column: field: message` and exits non-zero if any.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: check-story FILE.toml [FILE.toml ...]");
        return ExitCode::from(2);
    }
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
            Ok(story) => println!("{file}: ok ({} steps)", story.steps.len()),
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
