//! What the publisher page is told about the stories: each language, its steps and whether it
//! is ready to publish, with the desk checks still open. The build writes it as
//! `publisher.json` (see the prerender), so the page's choices always match the stories it
//! embeds. The desk checks' notes stay in the story files; only each open check's id and task
//! are listed, for the publisher, never for readers.

use crate::embed::{json_string, EMBED_HEIGHT};
use crate::story::desk::{open_checks, DeskCheck};
use crate::story::Story;

/// `publisher.json` for `stories`, in the given order (the built-in language first).
pub fn publisher_data(stories: &[(Story, Vec<DeskCheck>)]) -> String {
    let entries: Vec<String> = stories
        .iter()
        .map(|(story, checks)| {
            let steps: Vec<String> = story.steps.iter().map(|s| json_string(&s.title)).collect();
            let open: Vec<String> = open_checks(checks)
                .map(|c| {
                    format!(
                        "{{\"id\":{},\"task\":{}}}",
                        json_string(&c.id),
                        json_string(&c.task)
                    )
                })
                .collect();
            format!(
                "{{\"language\":{},\"title\":{},\"steps\":[{}],\"ready\":{},\"open_checks\":[{}]}}",
                json_string(&story.language),
                json_string(&story.title),
                steps.join(","),
                open.is_empty(),
                open.join(",")
            )
        })
        .collect();
    format!(
        "{{\"embed_height\":{EMBED_HEIGHT},\"stories\":[{}]}}\n",
        entries.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse_with_desk_checks;

    const MINIMAL: &str = include_str!("../tests/fixtures/minimal.toml");

    fn data(text: &str) -> String {
        publisher_data(&[parse_with_desk_checks("minimal.toml", text).unwrap()])
    }

    #[test]
    fn a_story_with_an_open_check_is_not_ready_and_lists_only_the_open_ones() {
        let json = data(MINIMAL);
        assert!(json.contains("\"ready\":false"), "{json}");
        assert!(
            json.contains("{\"id\":\"docket\",\"task\":\"Pull the court docket.\"}"),
            "{json}"
        );
        assert!(
            !json.contains("comment"),
            "a done check is not listed: {json}"
        );
        assert!(
            !json.contains("depends on it"),
            "a check's desk note stays in the file: {json}"
        );
    }

    #[test]
    fn a_story_with_every_check_done_is_ready() {
        let done = MINIMAL.replacen(
            "status = \"open\"\n",
            "status = \"done\"\ndone_on = \"2026-11-29\"\ndone_by = \"AB\"\n",
            1,
        );
        let json = data(&done);
        assert!(json.contains("\"ready\":true,\"open_checks\":[]"), "{json}");
    }

    #[test]
    fn every_step_is_listed_by_title() {
        let json = data(MINIMAL);
        let (story, _) = parse_with_desk_checks("minimal.toml", MINIMAL).unwrap();
        let listed = json
            .split("\"steps\":[")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap();
        assert_eq!(
            listed.matches("\",\"").count() + 1,
            story.steps.len(),
            "{json}"
        );
    }
}
