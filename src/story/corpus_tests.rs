//! Malformed and hostile stories, as one table of cases. Each case is
//! `tests/fixtures/minimal.toml` with one deliberate defect or one hostile payload: TOML
//! syntax errors, missing, unknown or mistyped fields, unknown and duplicate ids, bad dates and
//! links, control characters, a 200 KB body, markup in text, deep nesting, and so on. Each is
//! its own test: the checker's first error must name the field given, contain the words given
//! and carry a line and a column (`file:line:col: field: message`), or the story must be
//! accepted; no case may make the checker panic. Syntax errors name no field, written
//! `(file)` here as the checker prints it.
//!
//! A case that no longer edits the fixture (its text to replace is gone or occurs twice) fails
//! too, so the table cannot silently stop testing anything.

use std::panic::catch_unwind;

use super::parse;

const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.toml");

/// The fixture, to be edited.
fn minimal() -> Edited {
    Edited(MINIMAL.to_string())
}

/// A file that is not the fixture at all.
fn whole(text: &str) -> Edited {
    Edited(text.to_string())
}

struct Edited(String);

impl Edited {
    /// `find`, which must occur exactly once, replaced by `with`.
    fn replace(self, find: &str, with: &str) -> Edited {
        assert_eq!(
            self.0.matches(find).count(),
            1,
            "the case's text to replace must occur once: {find:?}"
        );
        Edited(self.0.replacen(find, with, 1))
    }

    /// Everything from `marker` on removed.
    fn cut_from(self, marker: &str) -> Edited {
        let at = self.0.find(marker).expect("the marker is in the story");
        Edited(self.0[..at].to_string())
    }
}

/// What the checker must make of a case.
enum Expect {
    Accepted,
    Refused {
        field: &'static str,
        words: &'static str,
    },
}

fn check(name: &str, story: Edited, expect: Expect) {
    let file = format!("{name}.toml");
    let result = catch_unwind(|| parse(&file, &story.0))
        .unwrap_or_else(|_| panic!("{name}: the checker panicked"));
    match (expect, result) {
        (Expect::Accepted, Ok(_)) => {}
        (Expect::Accepted, Err(errors)) => panic!("{name}: expected to pass, got {}", errors[0]),
        (Expect::Refused { field, words }, Ok(_)) => {
            panic!("{name}: accepted, but expected {field}: {words}")
        }
        (Expect::Refused { field, words }, Err(errors)) => {
            let first = &errors[0];
            let field = if field == "(file)" { "" } else { field };
            assert_eq!(first.field, field, "{name}: {first}");
            assert!(first.message.contains(words), "{name}: {first}");
            assert!(first.line >= 1 && first.column >= 1, "{name}: {first}");
            assert_eq!(first.file, file);
        }
    }
}

const ACCEPTED: Expect = Expect::Accepted;

fn refused(field: &'static str, words: &'static str) -> Expect {
    Expect::Refused { field, words }
}

macro_rules! cases {
    ($($(#[doc = $doc:literal])* $name:ident: $story:expr => $expect:expr;)+) => {
        $(
            $(#[doc = $doc])*
            #[test]
            fn $name() {
                check(stringify!($name), $story, $expect);
            }
        )+

        /// Every case's story, as seeds for the fuzz tests.
        pub(super) fn stories() -> Vec<(&'static str, String)> {
            vec![$((stringify!($name), $story.0)),+]
        }
    };
}

cases! {
    /// TOML syntax: the title string is never closed.
    unclosed_string: minimal().replace(
        "title = \"Test story\"\n",
        "title = \"Test story\n",
    ) => refused("(file)", "invalid basic string");
    /// TOML syntax: the [ui] table header is missing its closing bracket.
    bad_table_header: minimal().replace("[ui]\n", "[ui\n") => refused("(file)", "unclosed table");
    /// TOML syntax: `title` is given twice at the top level.
    duplicate_key: minimal().replace(
        "title = \"Test story\"\n",
        "title = \"Test story\"\ntitle = \"Another title\"\n",
    ) => refused("(file)", "duplicate key");
    /// missing required field: the top-level title.
    missing_title: minimal().replace(
        "title = \"Test story\"\n",
        "",
    ) => refused("title", "missing field `title`");
    /// missing required field: the second step has no body.
    missing_step_body: minimal().replace(
        "body = \"Turn things on.\"\n",
        "",
    ) => refused("steps[1].body", "missing field `body`");
    /// missing required field: ui.describe_none.
    missing_ui_key: minimal().replace(
        "describe_none = \"No arrows are shown.\"\n",
        "",
    ) => refused("ui.describe_none", "missing field `describe_none`");
    /// unknown extra field at the top level.
    unknown_top_level_field: minimal().replace(
        "last_updated = \"2026-11-29\"\n",
        "last_updated = \"2026-11-29\"\nauthor = \"Somebody\"\n",
    ) => refused("author", "unknown field `author`");
    /// unknown extra field in a flow.
    unknown_flow_field: minimal().replace(
        "label = \"A to B\"\n",
        "label = \"A to B\"\ncolour = \"red\"\n",
    ) => refused("flows[0].colour", "unknown field `colour`");
    /// wrong type: the title is a number.
    title_number: minimal().replace(
        "title = \"Test story\"\n",
        "title = 42\n",
    ) => refused("title", "invalid type: integer `42`, expected a string");
    /// wrong type: a step's sources is a string, not a list.
    sources_string: minimal().replace(
        "body = \"Turn things on.\"\nsources = [\"doc\"]\n",
        "body = \"Turn things on.\"\nsources = \"doc\"\n",
    ) => refused("steps[1].sources", "expected a sequence");
    /// wrong type: an actor's place is a string.
    place_string: minimal().replace(
        "place = [1, 1]\n",
        "place = \"middle\"\n",
    ) => refused("actors[1].place", "invalid type: string \"middle\"");
    /// wrong type: a step's points is a table, not a list.
    points_table: minimal().replace(
        "points = [\"One point.\", \"Another point.\"]\n",
        "points = { first = \"One point.\", second = \"Another point.\" }\n",
    ) => refused("steps[2].points", "invalid type: map, expected a sequence");
    /// unknown id: a step cites a source that does not exist.
    unknown_source_in_step: minimal().replace(
        "body = \"Turn things on.\"\nsources = [\"doc\"]\n",
        "body = \"Turn things on.\"\nsources = [\"nyt\"]\n",
    ) => refused("steps[1].sources[0]", "unknown source \"nyt\"");
    /// unknown id: a flow comes from an actor that does not exist.
    unknown_actor_in_flow: minimal().replace(
        "from = \"a\"\n",
        "from = \"x\"\n",
    ) => refused("flows[0].from", "unknown actor \"x\"");
    /// unknown id: a flow names an account that does not exist.
    unknown_account_in_flow: minimal().replace(
        "accounts = [\"meta\"]\n",
        "accounts = [\"reported\"]\n",
    ) => refused("flows[0].accounts[0]", "unknown account \"reported\"");
    /// unknown id: a flow needs a permission that does not exist.
    unknown_permission_in_flow: minimal().replace(
        "permission = \"read\"\n",
        "permission = \"write\"\n",
    ) => refused("flows[1].permission", "unknown permission \"write\"");
    /// unknown id: a diagram lists a flow that does not exist.
    unknown_flow_in_diagram: minimal().replace(
        "claim = [\"bc\"]\n",
        "claim = [\"zz\"]\n",
    ) => refused("steps[0].diagram.claim[0]", "unknown flow \"zz\"");
    /// roles: a story draws the claim's view, but no account plays the claim.
    missing_role: minimal().replace(
        "role = \"claim\"\nview = \"As alleged\"\n",
        "",
    ) => refused("steps[0].diagram.claim", "no account has `role = \"claim\"`");
    /// roles: two accounts answer the claim.
    duplicated_role: minimal().replace(
        "role = \"claim\"\n",
        "role = \"answer\"\n",
    ) => refused("accounts[1].role", "already played by account \"alleged\"");
    /// roles: a refused role is the only error on its account, not its view too.
    duplicated_role_says_it_once: minimal().replace(
        "role = \"answer\"\nview = \"As Meta describes it\"\n",
        "role = \"claim\"\nview = \"As Meta describes it\"\n",
    ) => refused("accounts[1].role", "the \"claim\" role is already played");
    /// roles: an account plays a part the engine does not know.
    unknown_role: minimal().replace(
        "role = \"claim\"\n",
        "role = \"rebuttal\"\n",
    ) => refused("accounts[0].role", "unknown role \"rebuttal\"");
    /// roles: an account with a role must name its view in the switch.
    role_without_view: minimal().replace(
        "view = \"As alleged\"\n",
        "",
    ) => refused("accounts[0].view", "needs `view`");
    /// duplicate id: two steps are called "both".
    duplicate_step_id: minimal().replace(
        "id = \"explore\"\n",
        "id = \"both\"\n",
    ) => refused("steps[1].id", "duplicate step id \"both\"");
    /// duplicate id: two sources are called "doc".
    duplicate_source_id: minimal().replace(
        "id = \"memo\"\n",
        "id = \"doc\"\n",
    ) => refused("sources[1].id", "duplicate source id \"doc\"");
    /// duplicate id: two actors are called "a".
    duplicate_actor_id: minimal().replace(
        "id = \"c\"\n",
        "id = \"a\"\n",
    ) => refused("actors[2].id", "duplicate actor id \"a\"");
    /// a step with an empty source list.
    step_without_sources: minimal().replace(
        "body = \"Turn things on.\"\nsources = [\"doc\"]\n",
        "body = \"Turn things on.\"\nsources = []\n",
    ) => refused("steps[1].sources", "needs at least one source");
    /// every [[steps]] table replaced by an empty list `steps = []`.
    empty_steps_list: minimal().cut_from("[[steps]]").replace(
        "last_updated = \"2026-11-29\"\n",
        "last_updated = \"2026-11-29\"\nsteps = []\n",
    ) => refused("steps", "a story needs at least one step");
    /// every [[steps]] table removed.
    no_steps: minimal().cut_from("[[steps]]") => refused("steps", "missing field `steps`");
    /// the title is an empty string.
    empty_title: minimal().replace(
        "title = \"Test story\"\n",
        "title = \"\"\n",
    ) => refused("title", "is empty");
    /// a step body of 200 KB (204,800 characters) on one line.
    huge_body: minimal().replace(
        "body = \"Turn things on.\"\n",
        &format!("body = \"{}\"\n", "x".repeat(204_800)),
    ) => refused("steps[1].body", "is 204800 characters long; the limit is 4000");
    /// a BEL control character (\u0007, as a TOML escape) in a step body.
    control_character: minimal().replace(
        "body = \"Turn things on.\"\n",
        "body = \"Turn\\u0007 things on.\"\n",
    ) => refused("steps[1].body", "control character U+0007");
    /// a <script> element in the title is shown literally: text is plain text, never
    /// interpreted as HTML (content/FORMAT.md).
    script_in_title: minimal().replace(
        "title = \"Test story\"\n",
        "title = \"<script>alert(1)</script>\"\n",
    ) => ACCEPTED;
    /// an <img onerror> element in a step body is shown literally: text is plain text, never
    /// interpreted as HTML (content/FORMAT.md).
    img_onerror_in_body: minimal().replace(
        "body = \"Turn things on.\"\n",
        "body = \"Turn things on. <img src=x onerror=alert(1)>\"\n",
    ) => ACCEPTED;
    /// invalid date: 2024-02-30 is not on the calendar.
    date_february_30: minimal().replace(
        "date = \"2024-03-23\"\n",
        "date = \"2024-02-30\"\n",
    ) => refused("sources[0].date", "is not a day of the calendar");
    /// invalid date: month 13.
    date_month_13: minimal().replace(
        "date = \"2020-12-03\"\n",
        "date = \"2024-13\"\n",
    ) => refused("timeline[0].date", "\"2024-13\" is not a date");
    /// invalid date: "yesterday".
    date_yesterday: minimal().replace(
        "last_updated = \"2026-11-29\"\n",
        "last_updated = \"yesterday\"\n",
    ) => refused("last_updated", "\"yesterday\" is not a date");
    /// hostile URL: javascript:.
    url_javascript: minimal().replace(
        "url = \"https://example.org/doc\"\n",
        "url = \"javascript:alert(1)\"\n",
    ) => refused("sources[0].url", "must start with https:// or http://");
    /// invalid URL: ftp:// scheme.
    url_ftp: minimal().replace(
        "url = \"https://example.org/doc\"\n",
        "url = \"ftp://x.org\"\n",
    ) => refused("sources[0].url", "must start with https:// or http://");
    /// invalid URL: https:// with no host.
    url_no_host: minimal().replace(
        "url = \"https://example.org/doc\"\n",
        "url = \"https://\"\n",
    ) => refused("sources[0].url", "has no valid host name");
    /// invalid URL: a space in the path.
    url_with_space: minimal().replace(
        "url = \"https://example.org/doc\"\n",
        "url = \"https://example.org/a doc\"\n",
    ) => refused("sources[0].url", "contains spaces or characters not allowed");
    /// hostile URL: a data: URL carrying HTML.
    url_data: minimal().replace(
        "url = \"https://example.org/doc\"\n",
        "url = \"data:text/html,<script>alert(1)</script>\"\n",
    ) => refused("sources[0].url", "must start with https:// or http://");
    /// a diagram kind that does not exist.
    unknown_diagram_kind: minimal().replace(
        "kind = \"sources\"\n",
        "kind = \"pie\"\n",
    ) => refused("steps[5].diagram.kind", "unknown diagram kind \"pie\"");
    /// a timeline diagram given a `flows` list it does not take.
    wrong_diagram_keys: minimal().replace(
        "kind = \"timeline\"\n",
        "kind = \"timeline\"\nflows = [\"ab\"]\n",
    ) => refused("steps[4].diagram.flows", "a timeline diagram does not take `flows`");
    /// an actor placed on row 3 of a 3-row grid (rows are 0 to 2).
    actor_off_grid: minimal().replace(
        "place = [0, 2]\n",
        "place = [0, 3]\n",
    ) => refused("actors[2].place", "is off the grid");
    /// two actors placed on the same cell.
    actor_duplicate_place: minimal().replace(
        "place = [1, 1]\n",
        "place = [0, 0]\n",
    ) => refused("actors[1].place", "is already taken by actors[0]");
    /// ui.progress lost its {total} placeholder.
    progress_without_total: minimal().replace(
        "progress = \"Step {current} of {total}\"\n",
        "progress = \"Step {current}\"\n",
    ) => refused("ui.progress", "placeholder {total}");
    /// direction is neither ltr nor rtl.
    direction_sideways: minimal().replace(
        "direction = \"ltr\"\n",
        "direction = \"sideways\"\n",
    ) => refused("direction", "not \"sideways\"");
    /// the top-level language tag is empty.
    language_empty: minimal().replace(
        "\nlanguage = \"en\"\n",
        "\nlanguage = \"\"\n",
    ) => refused("language", "is not a language tag");
    /// a quote gives `original` but no `original_language`.
    quote_original_without_language: minimal().replace(
        "account = \"meta\"\n",
        "account = \"meta\"\noriginal = \"Mots cités.\"\n",
    ) => refused("steps[0].quotes[0].original_language", "needs original_language too");
    /// ui.months has 11 names (December dropped).
    months_eleven: minimal().replace(
        ", \"November\", \"December\"]\n",
        ", \"November\"]\n",
    ) => refused("ui.months", "needs 12 month names, found 11");
    /// ui.digits has 9 characters.
    digits_nine: minimal().replace(
        "error_body = \"The full text is below.\"\n",
        "error_body = \"The full text is below.\"\ndigits = \"012345678\"\n",
    ) => refused("ui.digits", "needs the 10 digits");
    /// hostile: binary bytes, a NUL among them.
    binary_bytes: minimal().replace(
        "standfirst = \"A story for tests.\"\n",
        "standfirst = \"A story for tests.\"\n\u{0}\u{1}\u{2}\u{7f}garbage\n",
    ) => refused("(file)", "contains the control character U+0000; a story file is plain text");
    /// hostile: a 5 MB file, refused before it is parsed.
    five_megabytes: minimal().replace(
        "standfirst = \"A story for tests.\"\n",
        &format!("standfirst = \"A story for tests.\"\n# {}\n", "x".repeat(5_000_000)),
    ) => refused("(file)", "a story file is at most 512000 bytes");
    /// hostile: 10,000 steps, too large a file to be a story.
    ten_thousand_steps: minimal().replace(
        "[[corrections]]\ndate = \"2026-10-01\"",
        &format!("{}[[corrections]]\ndate = \"2026-10-01\"", "[[steps]]\nid = \"s\"\ntitle = \"S\"\nbody = \"B\"\nsources = [\"doc\"]\n[steps.diagram]\nkind = \"none\"\n".repeat(10_000)),
    ) => refused("(file)", "a story file is at most 512000 bytes");
    /// hostile: 100 steps in a small file, refused at the first step over the limit.
    too_many_steps: minimal().replace(
        "[[corrections]]\ndate = \"2026-10-01\"",
        &format!("{}[[corrections]]\ndate = \"2026-10-01\"", "[[steps]]\nid = \"s\"\ntitle = \"S\"\nbody = \"B\"\nsources = [\"doc\"]\n[steps.diagram]\nkind = \"none\"\n".repeat(100)),
    ) => refused("steps", "106 steps; a story has at most 60");
    /// hostile: a points list nested 10,000 arrays deep (stack-exhaustion attempt).
    deep_nesting: minimal().replace(
        "points = [\"One point.\", \"Another point.\"]\n",
        &format!("points = {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
    ) => refused("(file)", "max recursion depth met");
    /// wrong type: last_updated written as an unquoted TOML date, not a string.
    date_toml_literal: minimal().replace(
        "last_updated = \"2026-11-29\"\n",
        "last_updated = 2026-11-29\n",
    ) => refused("last_updated", "invalid type: map, expected a string");
    /// hostile: a raw ESC byte (a terminal colour escape) inside a string, not a TOML escape.
    raw_escape_byte: minimal().replace(
        "title = \"Test story\"\n",
        "title = \"Test \u{1b}[31mstory\"\n",
    ) => refused("(file)", "contains the control character U+001B");
    /// hostile: a terminal colour escape written as the TOML escape \u001b.
    escaped_terminal_escape: minimal().replace(
        "label = \"Actor A\"\n",
        "label = \"Actor \\u001b[31mA\"\n",
    ) => refused("actors[0].label", "control character U+001B");
    /// an actor place with a negative column.
    place_negative: minimal().replace(
        "place = [1, 1]\n",
        "place = [-1, 1]\n",
    ) => refused("actors[1].place", "invalid value: integer `-1`, expected u8");
    /// a step id with an uppercase letter.
    id_uppercase: minimal().replace(
        "id = \"explore\"\n",
        "id = \"Explore\"\n",
    ) => refused("steps[1].id", "must use only lowercase letters");
    /// a flow from an actor to the same actor.
    flow_to_itself: minimal().replace(
        "from = \"a\"\nto = \"b\"\n",
        "from = \"a\"\nto = \"a\"\n",
    ) => refused("flows[0].to", "must join two different actors");
    /// a quote with `original` and an empty `original_language`.
    original_language_empty: minimal().replace(
        "account = \"meta\"\n",
        "account = \"meta\"\noriginal = \"Mots cités.\"\noriginal_language = \"\"\n",
    ) => refused("steps[0].quotes[0].original_language", "is not a language tag");
    /// a flows diagram given `claim` and `flows` together.
    flows_diagram_mixed_keys: minimal().replace(
        "answer = [\"ab\"]\n",
        "flows = [\"ab\"]\n",
    ) => refused("steps[0].diagram", "or `flows` alone");
    /// a comparison diagram with no specimens.
    comparison_without_specimens: minimal().replace(
        "[[steps.diagram.specimens]]\ntitle = \"Report row\"\ncaption = \"Invented numbers.\"\n\
         fields = [{ name = \"Sends\", value = \"12\" }, { name = \"Clicks\", value = \"3\" }]\n\n\
         [[steps.diagram.specimens]]\ntitle = \"Message\"\ncaption = \"Invented message.\"\n\
         fields = [{ name = \"Text\", value = \"Hello\" }]\n\n",
        "",
    ) => refused("steps[2].diagram.specimens", "needs at least one specimen");
    /// an empty file.
    empty_file: whole("") => refused("language", "missing field `language`");
    /// hostile: an HTML page instead of a story.
    html_instead_of_toml: whole(
        "<!doctype html>\n<html><body><script>alert(1)</script></body></html>\n",
    ) => refused("(file)", "key with no value");
    /// an actor place with three numbers: the third would be silently dropped.
    place_three_numbers: minimal().replace(
        "place = [0, 0]\n",
        "place = [0, 0, 1]\n",
    ) => refused("actors[0].place", "must be two numbers");
    /// the story language is markup, not a language tag.
    language_not_a_tag: minimal().replace(
        "\nlanguage = \"en\"\n",
        "\nlanguage = \"<script>\"\n",
    ) => refused("language", "is not a language tag");
    /// a right-to-left override in the title, which makes text read differently from how it
    /// is stored.
    bidi_override: minimal().replace(
        "title = \"Test story\"\n",
        "title = \"Test \\u202Eyrots\"\n",
    ) => refused("title", "contains the control character U+202E");
    /// a title of only a zero-width space looks empty.
    zero_width_title: minimal().replace(
        "title = \"Test story\"\n",
        "title = \"\\u200B\"\n",
    ) => refused("title", "is empty");
    /// a link whose real host hides after a user name (https://example.org@evil.test).
    url_userinfo: minimal().replace(
        "url = \"https://example.org/doc\"\n",
        "url = \"https://example.org@evil.test/doc\"\n",
    ) => refused("sources[0].url", "has a user name before its host");
    /// a link with a quote that could end an HTML attribute.
    url_quote: minimal().replace(
        "url = \"https://example.org/doc\"\n",
        "url = \"https://example.org/doc'onmouseover=alert(1)\"\n",
    ) => refused("sources[0].url", "contains spaces or characters not allowed");
    /// a step lists the same source twice.
    duplicate_reference: minimal().replace(
        "body = \"First paragraph.\\n\\nSecond paragraph.\"\nsources = [\"doc\"]\n",
        "body = \"First paragraph.\\n\\nSecond paragraph.\"\nsources = [\"doc\", \"doc\"]\n",
    ) => refused("steps[0].sources[1]", "is already listed");
    /// a dated status newer than every source its step cites.
    as_of_newer_than_evidence: minimal().replace(
        "as_of = \"2024-03-23\"\n",
        "as_of = \"2024-04\"\n",
    ) => refused("steps[4].as_of", "a status cannot be newer than its evidence");
    /// with the newest source undated, the status is held to the next newest, which is named.
    as_of_names_the_source_it_outruns: minimal().replace(
        "date = \"2024-03-23\"\nurl",
        "url",
    ) => refused("steps[4].as_of", "\"memo\" (2018)");
    /// a dated status that is not a date.
    as_of_not_a_date: minimal().replace(
        "as_of = \"2024-03-23\"\n",
        "as_of = \"March 2024\"\n",
    ) => refused("steps[4].as_of", "is not a date");
    /// a status dated within its newest source's month is not newer than it.
    as_of_within_the_source_month: minimal().replace(
        "as_of = \"2024-03-23\"\n",
        "as_of = \"2024-03\"\n",
    ) => ACCEPTED;
    /// a desk check's status is neither open nor done.
    desk_check_status_unknown: minimal().replace(
        "status = \"open\"\n",
        "status = \"pending\"\n",
    ) => refused("desk_checks[0].status", "must be \"open\" or \"done\"");
    /// an open desk check that says who did it.
    desk_check_open_but_signed: minimal().replace(
        "status = \"open\"\n",
        "status = \"open\"\ndone_by = \"JS\"\n",
    ) => refused("desk_checks[0].done_by", "an open check has no done_by");
    /// a done desk check without the date it was done.
    desk_check_done_undated: minimal().replace(
        "done_on = \"2026-11-28\"\n",
        "",
    ) => refused("desk_checks[1].done_on", "needs done_on");
    /// a done desk check dated only to the month.
    desk_check_done_on_month: minimal().replace(
        "done_on = \"2026-11-28\"\n",
        "done_on = \"2026-11\"\n",
    ) => refused("desk_checks[1].done_on", "full date");
    /// a done desk check signed with a name, not initials.
    desk_check_done_by_name: minimal().replace(
        "done_by = \"JS\"\n",
        "done_by = \"jane\"\n",
    ) => refused("desk_checks[1].done_by", "initials");
    /// a done desk check nobody signed.
    desk_check_done_unsigned: minimal().replace(
        "done_by = \"JS\"\n",
        "",
    ) => refused("desk_checks[1].done_by", "needs done_by");
    /// two desk checks with one id.
    desk_check_duplicate_id: minimal().replace(
        "id = \"comment\"\n",
        "id = \"docket\"\n",
    ) => refused("desk_checks[1].id", "duplicate desk check id");
    /// a desk check with nothing to do.
    desk_check_empty_task: minimal().replace(
        "task = \"Pull the court docket.\"\n",
        "task = \" \"\n",
    ) => refused("desk_checks[0].task", "is empty");
    /// a desk check with a field the format does not have.
    desk_check_unknown_field: minimal().replace(
        "note = \"The timeline's status depends on it.\"\n",
        "owner = \"JS\"\n",
    ) => refused("desk_checks[0].owner", "unknown field `owner`");
    /// the dated-status label without the date it must show.
    status_label_without_date: minimal().replace(
        "status_as_of = \"Where the case stood in {date}, the latest we could confirm:\"\n",
        "status_as_of = \"Where things stood:\"\n",
    ) => refused("ui.status_as_of", "must contain the placeholder {date}");
    /// a quote's lead with words the quote does not have.
    lead_not_in_the_quote: minimal().replace(
        "lead = \"…words.\"\n",
        "lead = \"…other words.\"\n",
    ) => refused("steps[0].quotes[0].lead", "is not the quote's own words");
    /// a quote's lead with the quote's words out of order.
    lead_out_of_order: minimal().replace(
        "lead = \"…words.\"\n",
        "lead = \"words.…Quoted\"\n",
    ) => refused("steps[0].quotes[0].lead", "in order");
}
