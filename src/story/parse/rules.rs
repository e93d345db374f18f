//! The rules every value obeys, whatever field it is in: text, dates and limits.

use super::super::model::Date;

/// Longest text accepted in any one field; a body is far shorter, this only stops accidents.
const MAX_TEXT_CHARS: usize = 4000;
/// The grid actors are placed on, as seen on a phone.
pub const GRID_COLUMNS: u8 = 2;
/// About two lines of a 360 px phone, in the dek's small type.
pub const DEK_MAX_CHARS: usize = 125;
/// A reader-facing source note is one line in the citations.
pub const SOURCE_NOTE_MAX_CHARS: usize = 120;
pub const GRID_ROWS: u8 = 3;
/// Largest story file read: seven times the English story. Larger is a mistake (a pasted
/// document, a binary file), refused before it is parsed, so the desk answers at once.
pub const MAX_STORY_BYTES: usize = 512_000;
/// Most steps a story has: a reader clicks through each, and the progress bar shows them all.
pub const MAX_STEPS: usize = 60;

/// Why a piece of reader-facing text cannot be shown, if it cannot.
pub(super) fn text_problem(text: &str) -> Result<(), String> {
    if text.chars().all(|c| c.is_whitespace() || invisible(c)) {
        return Err("is empty".into());
    }
    // Control characters, and the formatting characters that can make text read differently
    // from how it is stored (bidirectional overrides, line and paragraph separators).
    if let Some(c) = text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2028}' | '\u{2029}')
    }) {
        return Err(format!("contains the control character U+{:04X}", c as u32));
    }
    let length = text.chars().count();
    if length > MAX_TEXT_CHARS {
        return Err(format!(
            "is {length} characters long; the limit is {MAX_TEXT_CHARS}"
        ));
    }
    Ok(())
}

/// Characters that take no space: a text of only these looks empty.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked against the calendar.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let problem = || format!("{text:?} is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY");
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let year = parts
        .first()
        .and_then(|y| number(y, 4))
        .ok_or_else(problem)?;
    let month = match parts.get(1) {
        Some(m) => Some(
            number(m, 2)
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(problem)? as u8,
        ),
        None => None,
    };
    let day = match (parts.get(2), month) {
        (Some(d), Some(m)) => {
            let last = days_in_month(year, m);
            let day = number(d, 2).filter(|d| (1..=last as u16).contains(d));
            Some(day.ok_or_else(|| format!("{text:?} is not a day of the calendar"))? as u8)
        }
        _ => None,
    };
    if parts.len() > 3 {
        return Err(problem());
    }
    Ok(Date { year, month, day })
}

/// The first day a date can mean: "2025-10" begins on October 1.
pub(super) fn first_day(date: Date) -> (u16, u8, u8) {
    (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

/// The last day a date can mean: "2025-10" runs to October 31, "2025" to December 31.
pub(super) fn last_day(date: Date) -> (u16, u8, u8) {
    let month = date.month.unwrap_or(12);
    (
        date.year,
        month,
        date.day.unwrap_or(days_in_month(date.year, month)),
    )
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
