//! Positions in the editor's text. The checker counts lines from 1 and columns in characters;
//! a textarea counts UTF-16 code units from the start; Rust slices count bytes. These convert
//! between them, and find which step of the story a position is in.

/// The number of lines in `text`, counting a last line with no newline.
pub fn line_count(text: &str) -> usize {
    text.matches('\n').count() + 1
}

/// The byte offset of the textarea position `utf16` (clamped to the text).
pub fn byte_at_utf16(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= utf16 {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The textarea position of `line` and `column` (both from 1, the column in characters), as
/// the checker reports them; past the end of a line or of the text, its end.
pub fn utf16_at(text: &str, line: usize, column: usize) -> usize {
    let mut units = 0;
    for (number, content) in text.split('\n').enumerate() {
        if number + 1 == line {
            let within: usize = content
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf16)
                .sum();
            return units + within;
        }
        units += content.encode_utf16().count() + 1;
    }
    text.encode_utf16().count()
}

/// The step (from 0) whose part of the file holds byte offset `byte`: the number of
/// `[[steps]]` headers before it, less one. `None` before the first step.
pub fn step_at(text: &str, byte: usize) -> Option<usize> {
    let before = &text[..floor_char_boundary(text, byte)];
    // The header line the position is on counts too: a cursor on `[[steps]]` is in that step.
    let line_end = text[before.len()..]
        .find('\n')
        .map_or(text.len(), |n| before.len() + n);
    text[..line_end]
        .lines()
        .filter(|line| line.trim() == "[[steps]]")
        .count()
        .checked_sub(1)
}

fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut at = byte.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "title = \"é😀\"\n\n[[steps]]\nid = \"one\"\n\n[[steps]]\nid = \"two\"\n";

    #[test]
    fn textarea_positions_count_utf16_units() {
        // "é" is one unit, "😀" two.
        assert_eq!(utf16_at(STORY, 1, 10), 9);
        assert_eq!(utf16_at(STORY, 1, 11), 10);
        assert_eq!(utf16_at(STORY, 1, 12), 12);
        assert_eq!(utf16_at(STORY, 3, 1), 15);
        assert_eq!(byte_at_utf16(STORY, 12), "title = \"é😀".len());
        assert_eq!(byte_at_utf16(STORY, 15), STORY.find("[[steps]]").unwrap());
        assert_eq!(utf16_at(STORY, 99, 1), STORY.encode_utf16().count());
        assert_eq!(byte_at_utf16(STORY, 9999), STORY.len());
    }

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_count(STORY), 8);
    }

    #[test]
    fn a_position_is_in_the_step_whose_header_comes_before_it() {
        assert_eq!(step_at(STORY, 0), None);
        assert_eq!(step_at(STORY, STORY.find("[[steps]]").unwrap()), Some(0));
        assert_eq!(step_at(STORY, STORY.find("one").unwrap()), Some(0));
        assert_eq!(step_at(STORY, STORY.find("two").unwrap()), Some(1));
        assert_eq!(step_at(STORY, STORY.len()), Some(1));
        // Inside a character is the same as before it.
        assert_eq!(step_at(STORY, STORY.find('😀').unwrap() + 1), None);
    }
}
