//! Is an edit ready to publish? What the desk page says beside the editor: whether the change
//! reaches readers and, if it does, whether it has a dated corrections entry; and which desk
//! checks are still open (the same list `check-story --publish` gives).

use crate::story::{Correction, Date, Story};

/// Whether an edit to a published story is logged for readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corrections {
    /// A new story: nothing was published before it, so there is nothing to correct.
    NewStory,
    /// Readers would see the same words as in the story as opened.
    Unchanged,
    /// The reader's text changed and the log has a new dated entry.
    Logged,
    /// The reader's text changed and the log has no new entry: flagged.
    Missing,
}

/// What readers were shown of the story as opened, kept to compare each edit with: taken once,
/// when the story is opened.
#[derive(Clone, Debug)]
pub struct Published {
    reader_text: Vec<u8>,
    corrections: Vec<Correction>,
}

impl Published {
    pub fn of(story: &Story) -> Published {
        Published {
            reader_text: reader_text(story),
            corrections: story.corrections.clone(),
        }
    }
}

/// Compares `edited` with the story as it was opened, `opened` (`None`: a new story).
pub fn corrections(opened: Option<&Published>, edited: &Story) -> Corrections {
    let Some(opened) = opened else {
        return Corrections::NewStory;
    };
    if opened.reader_text == reader_text(edited) {
        return Corrections::Unchanged;
    }
    let new_entry = edited
        .corrections
        .iter()
        .any(|entry| !opened.corrections.contains(entry));
    if new_entry {
        Corrections::Logged
    } else {
        Corrections::Missing
    }
}

/// Everything a reader is shown, apart from the corrections log and its date: the compiled
/// form, which holds nothing readers are not shown (desk checks and editors' notes never
/// reach it).
fn reader_text(story: &Story) -> Vec<u8> {
    let mut story = story.clone();
    story.corrections = Vec::<Correction>::new();
    story.last_updated = Date {
        year: 0,
        month: None,
        day: None,
    };
    story.encode()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse;

    const EN: &str = include_str!("../../content/en.toml");

    fn edited(find: &str, with: &str) -> Story {
        assert_eq!(EN.matches(find).count(), 1, "{find}");
        parse("en.toml", &EN.replacen(find, with, 1)).unwrap()
    }

    #[test]
    fn a_changed_sentence_without_a_new_entry_is_flagged() {
        let opened = parse("en.toml", EN).unwrap();
        let title = format!("title = {:?}", opened.title);
        let changed = edited(&title, "title = \"A corrected title\"");
        assert_eq!(
            corrections(Some(&Published::of(&opened)), &changed),
            Corrections::Missing
        );
    }

    #[test]
    fn a_changed_sentence_with_a_new_dated_entry_is_logged() {
        let opened = parse("en.toml", EN).unwrap();
        let title = format!("title = {:?}", opened.title);
        let text = EN.replacen(&title, "title = \"A corrected title\"", 1).replacen(
            "[[corrections]]",
            "[[corrections]]\ndate = \"2026-12-07\"\ntext = \"We corrected the title.\"\n\n[[corrections]]",
            1,
        );
        let text = text.replacen(
            &format!("last_updated = \"{}\"", iso(&opened)),
            "last_updated = \"2026-12-07\"",
            1,
        );
        let changed = parse("en.toml", &text).unwrap();
        assert_eq!(
            corrections(Some(&Published::of(&opened)), &changed),
            Corrections::Logged
        );
    }

    #[test]
    fn desk_only_changes_and_new_stories_need_no_entry() {
        let opened = parse("en.toml", EN).unwrap();
        let same = parse(
            "en.toml",
            &EN.replacen("[[desk_checks]]", "# A desk note.\n[[desk_checks]]", 1),
        )
        .unwrap();
        assert_eq!(
            corrections(Some(&Published::of(&opened)), &same),
            Corrections::Unchanged
        );
        assert_eq!(corrections(None, &opened), Corrections::NewStory);
    }

    fn iso(story: &Story) -> String {
        crate::text::iso_date(story.last_updated)
    }
}
