//! Turning story strings into display strings: filling `{placeholders}`, formatting dates,
//! splitting paragraphs. The words themselves always come from the story.

use crate::story::{Date, Ui};

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A number written with the story's digits.
pub fn number(n: impl Into<u64>, ui: &Ui) -> String {
    let western = n.into().to_string();
    match &ui.digits {
        Some(digits) => {
            let digits: Vec<char> = digits.chars().collect();
            western
                .bytes()
                .map(|b| digits.get(usize::from(b - b'0')).copied().unwrap_or('?'))
                .collect()
        }
        None => western,
    }
}

/// The 1-based ordinal of the item at `index`, written with the story's digits.
pub fn ordinal(index: usize, ui: &Ui) -> String {
    number(index as u64 + 1, ui)
}

/// A date in the story's language, at the precision it was given.
pub fn format_date(date: Date, ui: &Ui) -> String {
    let year = number(date.year, ui);
    let month = |m: u8| {
        ui.months
            .get(usize::from(m) - 1)
            .cloned()
            .unwrap_or_default()
    };
    match (date.month, date.day) {
        (Some(m), Some(d)) => fill(
            &ui.date_day,
            &[
                ("month", &month(m)),
                ("day", &number(d, ui)),
                ("year", &year),
            ],
        ),
        (Some(m), None) => fill(&ui.date_month, &[("month", &month(m)), ("year", &year)]),
        _ => year,
    }
}

/// The machine-readable form for `<time datetime>`.
pub fn iso_date(date: Date) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{:04}-{m:02}", date.year),
        _ => format!("{:04}", date.year),
    }
}

/// Paragraphs are separated by blank lines; line breaks inside one are spaces.
pub fn paragraphs(body: &str) -> Vec<String> {
    body.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

// Native only: the story parser they use is not built for wasm.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::story::parse;

    fn ui() -> Ui {
        parse(
            "minimal.toml",
            include_str!("../tests/fixtures/minimal.toml"),
        )
        .unwrap()
        .ui
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = fill(
            "Step {current} of {total}",
            &[("current", "3"), ("total", "10")],
        );
        assert_eq!(text, "Step 3 of 10");
    }

    #[test]
    fn dates_keep_the_precision_of_their_source() {
        let ui = ui();
        let day = Date {
            year: 2024,
            month: Some(4),
            day: Some(2),
        };
        let month = Date {
            year: 2013,
            month: Some(8),
            day: None,
        };
        let year = Date {
            year: 2009,
            month: None,
            day: None,
        };
        assert_eq!(format_date(day, &ui), "April 2, 2024");
        assert_eq!(format_date(month, &ui), "August 2013");
        assert_eq!(format_date(year, &ui), "2009");
        assert_eq!(iso_date(day), "2024-04-02");
        assert_eq!(iso_date(month), "2013-08");
    }

    #[test]
    fn numbers_and_dates_use_the_story_s_digits_and_order() {
        let rtl = parse("rtl.toml", include_str!("../tests/fixtures/rtl.toml"))
            .unwrap()
            .ui;
        let day = Date {
            year: 2024,
            month: Some(4),
            day: Some(2),
        };
        assert_eq!(number(2024u16, &rtl), "٢٠٢٤");
        assert_eq!(ordinal(9, &rtl), "١٠");
        assert_eq!(number(10u8, &ui()), "10");
        assert_eq!(format_date(day, &rtl), "٢ أبريل ٢٠٢٤");
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_wrapped_lines() {
        let body = "One line\ncontinued.\n\n  Second.  \n\n\n";
        assert_eq!(paragraphs(body), ["One line continued.", "Second."]);
    }
}
