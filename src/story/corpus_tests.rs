//! The committed corpus of malformed and hostile stories (`tests/corpus/`, see its README):
//! each file's first error must name the field its `# expect:` line gives, carry a line and a
//! column, and contain the expected words; no file may make the checker panic.

use std::fs;
use std::panic::catch_unwind;
use std::path::PathBuf;

use super::parse;

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                fs::read_to_string(&path).expect("corpus files are UTF-8"),
            )
        })
        .collect()
}

#[test]
fn every_corpus_file_gets_its_expected_first_error_and_none_panics() {
    let files = corpus();
    assert!(files.len() >= 30, "only {} corpus files", files.len());
    let mut refused = 0;
    for (name, text) in files {
        let expect = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{name}: first line must be `# expect: …`"));
        let result = catch_unwind(|| parse(&name, &text))
            .unwrap_or_else(|_| panic!("{name}: the checker panicked"));
        match (expect, result) {
            ("ok", Ok(_)) => {}
            ("ok", Err(errors)) => panic!("{name}: expected to pass, got {}", errors[0]),
            (_, Ok(_)) => panic!("{name}: accepted, but expected {expect}"),
            (expect, Err(errors)) => {
                refused += 1;
                let (field, words) = expect
                    .split_once(" :: ")
                    .unwrap_or_else(|| panic!("{name}: expect `<field> :: <words>`"));
                let first = &errors[0];
                let field = if field == "(file)" { "" } else { field };
                assert_eq!(first.field, field, "{name}: {first}");
                assert!(first.message.contains(words), "{name}: {first}");
                assert!(first.line >= 1 && first.column >= 1, "{name}: {first}");
                assert_eq!(first.file, name);
            }
        }
    }
    assert!(refused >= 30, "only {refused} files are refused");
}
