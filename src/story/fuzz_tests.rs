//! Fuzzing the parser and the compiled-story decoder with proptest. Whatever the input, they
//! return a story or errors that point into the file; they never panic.
//!
//! The seeds are the committed story files (`content/`, `tests/fixtures/`) and the table of
//! malformed stories (`corpus_tests.rs`). Each case takes a seed and applies random edits to
//! it, so most inputs are nearly valid and reach deep into the checks. The test suite runs a short pass;
//! a long one is:
//!
//!     PROPTEST_CASES=20000 cargo test --release --lib fuzz
//!
//! A failing case is saved under `proptest-regressions/` and replayed first on later runs;
//! commit it with the fix.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::{parse, Story};

/// The valid seeds, compiled.
fn compiled() -> &'static [Vec<u8>] {
    static COMPILED: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        seeds()
            .iter()
            .filter_map(|text| parse("seed.toml", text).ok())
            .map(|story| story.encode())
            .collect()
    })
}

/// Cases per property: a short pass by default, `PROPTEST_CASES` for a long one.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Every committed story file, and every malformed story of the error table.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut seeds = Vec::new();
        for dir in ["content", "tests/fixtures"] {
            let mut paths: Vec<_> = fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            paths.sort();
            seeds.extend(paths.iter().map(|p| fs::read_to_string(p).unwrap()));
        }
        seeds.extend(
            super::corpus_tests::stories()
                .into_iter()
                .map(|(_, story)| story)
                // Larger files are refused before they are parsed: nothing to fuzz.
                .filter(|story| story.len() <= super::parse::MAX_STORY_BYTES),
        );
        seeds
    })
}

#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
}

/// Fragments that mean something to TOML or to the story format.
const FRAGMENTS: &[&str] = &[
    "\"",
    "[[steps]]\n",
    "[steps.diagram]\nkind = \"flows\"\n",
    "id = \"both\"\n",
    "sources = []\n",
    "url = \"javascript:alert(1)\"\n",
    "place = [9, 9]\n",
    "date = \"2024-02-30\"\n",
    "<script>alert(1)</script>",
    "\u{202E}",
    "{",
    "]",
];

fn edit() -> impl Strategy<Value = Edit> {
    // Arbitrary text or any one fragment, all equally likely.
    let fragment = prop_oneof![
        1 => any::<String>(),
        FRAGMENTS.len() as u32 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
    ];
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), fragment).prop_map(|(at, text)| Edit::Insert { at, text }),
        any::<usize>().prop_map(|line| Edit::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
    ]
}

/// The nearest character boundary at or before `at` (wrapped into the text).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, start + len).max(start);
            text.replace_range(start..end, "");
        }
        Edit::Insert { at, text: inserted } => {
            let at = boundary(text, *at);
            text.insert_str(at, inserted);
        }
        Edit::DuplicateLine { line } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let i = line % lines.len();
            lines.insert(i, lines[i]);
            *text = lines.join("\n");
        }
        Edit::SwapLines { a, b } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let (a, b) = (a % lines.len(), b % lines.len());
            lines.swap(a, b);
            *text = lines.join("\n");
        }
    }
}

/// Parses without panicking; every error points at a place inside the text.
fn check_parse(text: &str) -> Result<(), TestCaseError> {
    let result = catch_unwind(AssertUnwindSafe(|| parse("fuzz.toml", text)));
    let Ok(result) = result else {
        return Err(TestCaseError::fail("the parser panicked"));
    };
    if let Err(errors) = result {
        prop_assert!(!errors.is_empty());
        let lines = text.split('\n').count();
        for error in errors {
            prop_assert!(error.line >= 1 && error.line <= lines, "{error}");
            prop_assert!(error.column >= 1, "{error}");
            prop_assert!(!error.message.is_empty(), "{error}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn fuzz_parse_of_edited_story_files(seed in any::<usize>(), edits in prop::collection::vec(edit(), 1..6)) {
        let seeds = seeds();
        let mut text = seeds[seed % seeds.len()].clone();
        for edit in &edits {
            apply(&mut text, edit);
        }
        check_parse(&text)?;
    }

    #[test]
    fn fuzz_parse_of_arbitrary_text(text in any::<String>()) {
        check_parse(&text)?;
    }

    #[test]
    fn fuzz_decode_of_damaged_compiled_stories(
        seed in any::<usize>(),
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        cut in any::<usize>(),
    ) {
        let compiled = compiled();
        let mut bytes = compiled[seed % compiled.len()].clone();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] ^= byte;
        }
        // Cut up to 63 bytes off the end (a truncated download).
        bytes.truncate(bytes.len() - cut % bytes.len().min(64));
        let decoded = catch_unwind(AssertUnwindSafe(|| Story::decode(&bytes)));
        prop_assert!(decoded.is_ok(), "the decoder panicked");
    }

    #[test]
    fn fuzz_decode_of_arbitrary_bytes(body in prop::collection::vec(any::<u8>(), 0..4096)) {
        let mut bytes = b"inbox-explainer story 1\n".to_vec();
        bytes.extend(body);
        let decoded = catch_unwind(AssertUnwindSafe(|| Story::decode(&bytes)));
        prop_assert!(decoded.is_ok(), "the decoder panicked");
    }
}
