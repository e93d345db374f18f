//! The embed contract, as plain data: the messages the explainer sends to a host page (its
//! height, in each resize convention, and reader events) and the one message it accepts.
//! The DOM side (observing, posting, listening) lives in `host`. "Host" is always the page that
//! embeds the explainer; `Framing` is what a framing page said about itself.

/// What the page that frames the explainer told it about itself, through the iframe URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Framing {
    /// Pym.js child id (`childId`), when a Pym.js parent made the iframe.
    pub pym_id: Option<String>,
    /// Origin of the framing page (from `parentUrl`): the only origin messages are accepted from.
    pub parent_origin: Option<String>,
}

impl Framing {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Framing {
        let mut host = Framing::default();
        for (name, value) in pairs {
            match name {
                "childId" if !value.is_empty() => host.pym_id = Some(value.to_string()),
                "parentUrl" => host.parent_origin = origin_of(value),
                _ => {}
            }
        }
        host
    }

    /// The height messages for every convention the host might speak. Sending all of them is
    /// harmless: each listener ignores the others.
    pub fn height_messages(&self, height: u32, src: &str) -> Vec<Outgoing> {
        let mut messages = vec![
            Outgoing::Amp { height },
            Outgoing::Text(format!(
                "{{\"context\":\"iframe.resize\",\"src\":{},\"height\":{height}}}",
                json_string(src)
            )),
        ];
        if let Some(id) = &self.pym_id {
            messages.push(Outgoing::Text(format!(
                "pymxPYMx{id}xPYMxheightxPYMx{height}"
            )));
        }
        messages
    }

    /// The messages that ask the framing page to scroll its iframe so that the point `top` CSS
    /// px below the explainer's top comes into view: the loader's own message, or Pym.js's
    /// `scrollToChildPos` under a Pym.js parent. `smooth` is false when the reader wants
    /// reduced motion.
    pub fn scroll_messages(&self, top: u32, smooth: bool) -> Vec<Outgoing> {
        let mut messages = vec![Outgoing::Text(format!(
            "{{\"type\":\"{SCROLL}\",\"top\":{top},\"smooth\":{smooth}}}"
        ))];
        if let Some(id) = &self.pym_id {
            messages.push(Outgoing::Text(format!(
                "pymxPYMx{id}xPYMxscrollToChildPosxPYMx{top}"
            )));
        }
        messages
    }

    /// The accepted message, if `data` sent from `origin` is one: a request to show a step and
    /// view, sent by the loader when the host page's own back and forward buttons are used.
    /// Anything else, or anything from another origin, is ignored.
    /// The view comes back as named; the story says which view, if any, the name stands for.
    pub fn accept(&self, origin: &str, data: &str) -> Option<(String, Option<String>)> {
        if self.parent_origin.as_deref() != Some(origin) {
            return None;
        }
        let fields = flat_json_object(data)?;
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        if field("type")? != SHOW {
            return None;
        }
        let step = field("step")?.to_string();
        let view = field("view").map(str::to_string);
        Some((step, view))
    }
}

/// The height, in CSS px, an embed reserves before the explainer reports its own: the loader's
/// placeholder, the oEmbed response and the publisher page's snippets. The first step fits in
/// it on a phone.
pub const EMBED_HEIGHT: u32 = 1400;

/// Type of the one message the explainer accepts.
pub const SHOW: &str = "inbox-explainer:show";
/// Type of the request to scroll the framing page to a new step's top.
pub const SCROLL: &str = "inbox-explainer:scroll";
/// Type of the reader events it sends.
pub const EVENT: &str = "inbox-explainer:event";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outgoing {
    /// A string message (JSON or Pym.js).
    Text(String),
    /// AMP's `{sentinel: "amp", type: "embed-size", height}`, which must be an object.
    Amp { height: u32 },
}

/// Something the reader did, for the publisher's own analytics. The explainer itself sends
/// these nowhere but to the page it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderEvent {
    StepViewed {
        number: usize,
        id: String,
        total: usize,
        /// The view's name in the story (see `options::view_name`).
        view: String,
    },
    ViewChanged {
        view: String,
    },
    ReachedEnd {
        total: usize,
    },
    ElementExplored {
        kind: &'static str,
        id: String,
    },
}

impl ReaderEvent {
    pub fn name(&self) -> &'static str {
        match self {
            ReaderEvent::StepViewed { .. } => "step-viewed",
            ReaderEvent::ViewChanged { .. } => "view-changed",
            ReaderEvent::ReachedEnd { .. } => "reached-end",
            ReaderEvent::ElementExplored { .. } => "element-explored",
        }
    }

    /// The event's details as a JSON object (the CustomEvent's `detail`, parsed).
    pub fn detail_json(&self) -> String {
        match self {
            ReaderEvent::StepViewed {
                number,
                id,
                total,
                view,
            } => format!(
                "{{\"step\":{number},\"id\":{},\"total\":{total},\"view\":{}}}",
                json_string(id),
                json_string(view)
            ),
            ReaderEvent::ViewChanged { view } => format!("{{\"view\":{}}}", json_string(view)),
            ReaderEvent::ReachedEnd { total } => format!("{{\"total\":{total}}}"),
            ReaderEvent::ElementExplored { kind, id } => {
                format!("{{\"kind\":\"{kind}\",\"id\":{}}}", json_string(id))
            }
        }
    }

    /// The message posted to the parent frame: `{type, event, detail}` as a JSON string.
    pub fn message(&self) -> String {
        format!(
            "{{\"type\":\"{EVENT}\",\"event\":\"{}\",\"detail\":{}}}",
            self.name(),
            self.detail_json()
        )
    }
}

/// `scheme://host[:port]` of an absolute http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The string fields of a flat JSON object such as `{"type":"…","step":"…"}`; `None` for
/// anything else. Deliberately strict and small: the only message accepted has this shape.
fn flat_json_object(data: &str) -> Option<Vec<(String, String)>> {
    let inner = data.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut chars = inner.chars().peekable();
    let mut fields = Vec::new();
    let string = |chars: &mut std::iter::Peekable<std::str::Chars>| -> Option<String> {
        while chars.peek()?.is_ascii_whitespace() {
            chars.next();
        }
        if chars.next()? != '"' {
            return None;
        }
        let mut text = String::new();
        loop {
            match chars.next()? {
                '"' => return Some(text),
                '\\' => match chars.next()? {
                    '"' => text.push('"'),
                    '\\' => text.push('\\'),
                    '/' => text.push('/'),
                    _ => return None,
                },
                c => text.push(c),
            }
        }
    };
    loop {
        while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let key = string(&mut chars)?;
        while chars.peek()?.is_ascii_whitespace() {
            chars.next();
        }
        if chars.next()? != ':' {
            return None;
        }
        let value = string(&mut chars)?;
        fields.push((key, value));
        while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            chars.next();
        }
        match chars.next() {
            Some(',') => continue,
            None => break,
            Some(_) => return None,
        }
    }
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scroll_request_goes_to_the_loader_and_to_a_pym_parent_in_its_own_words() {
        let loader = Framing::from_pairs([("parentUrl", "https://news.example/story")]);
        assert_eq!(
            loader.scroll_messages(420, false),
            [Outgoing::Text(
                r#"{"type":"inbox-explainer:scroll","top":420,"smooth":false}"#.into()
            )]
        );
        let pym = Framing::from_pairs([("childId", "box")]);
        let messages = pym.scroll_messages(420, true);
        assert_eq!(
            messages[1],
            Outgoing::Text("pymxPYMxboxxPYMxscrollToChildPosxPYMx420".into())
        );
    }

    fn host() -> Framing {
        Framing::from_pairs([
            ("childId", "ia-1"),
            ("parentUrl", "https://News.example.com/2024/story?x=1"),
        ])
    }

    #[test]
    fn the_framing_page_is_known_by_its_pym_id_and_origin() {
        let host = host();
        assert_eq!(host.pym_id.as_deref(), Some("ia-1"));
        assert_eq!(
            host.parent_origin.as_deref(),
            Some("https://news.example.com")
        );
    }

    #[test]
    fn height_is_sent_in_the_amp_iframe_resize_and_pym_conventions() {
        let messages = host().height_messages(812, "https://widget.example/?a=\"b\"");
        assert_eq!(messages[0], Outgoing::Amp { height: 812 });
        assert_eq!(
            messages[1],
            Outgoing::Text(r#"{"context":"iframe.resize","src":"https://widget.example/?a=\"b\"","height":812}"#.into())
        );
        assert_eq!(
            messages[2],
            Outgoing::Text("pymxPYMxia-1xPYMxheightxPYMx812".into())
        );
        assert_eq!(
            Framing::default().height_messages(1, "x").len(),
            2,
            "no Pym.js message without a child id"
        );
    }

    #[test]
    fn a_show_message_from_the_framing_origin_is_accepted() {
        let data = r#"{"type":"inbox-explainer:show","step":"timeline","view":"meta"}"#;
        let accepted = host().accept("https://news.example.com", data);
        assert_eq!(
            accepted,
            Some(("timeline".to_string(), Some("meta".to_string())))
        );
    }

    #[test]
    fn messages_from_other_origins_or_of_other_shapes_are_ignored() {
        let data = r#"{"type":"inbox-explainer:show","step":"timeline"}"#;
        assert_eq!(host().accept("https://evil.example", data), None);
        assert_eq!(
            Framing::default().accept("https://news.example.com", data),
            None,
            "no parent origin, no trust"
        );
        let host = host();
        let origin = "https://news.example.com";
        for bad in [
            "",
            "pymxPYMxia-1xPYMxwidthxPYMx600",
            r#"{"type":"inbox-explainer:navigate","url":"https://evil.example"}"#,
            r#"{"type":"inbox-explainer:show"}"#,
            r#"{"type":"inbox-explainer:show","step":3}"#,
            r#"{"type":"inbox-explainer:show","step":"a""#,
            r#"[{"type":"inbox-explainer:show","step":"a"}]"#,
        ] {
            assert_eq!(host.accept(origin, bad), None, "{bad}");
        }
    }

    #[test]
    fn reader_events_carry_documented_payloads() {
        let event = ReaderEvent::StepViewed {
            number: 3,
            id: "programmatic-access".into(),
            total: 10,
            view: "meta".into(),
        };
        assert_eq!(event.name(), "step-viewed");
        assert_eq!(
            event.message(),
            r#"{"type":"inbox-explainer:event","event":"step-viewed","detail":{"step":3,"id":"programmatic-access","total":10,"view":"meta"}}"#
        );
        let explored = ReaderEvent::ElementExplored {
            kind: "flow",
            id: "read".into(),
        };
        assert_eq!(explored.detail_json(), r#"{"kind":"flow","id":"read"}"#);
        assert_eq!(
            ReaderEvent::ViewChanged {
                view: "side-by-side".into()
            }
            .detail_json(),
            r#"{"view":"side-by-side"}"#
        );
    }

    #[test]
    fn origins_are_only_taken_from_http_urls() {
        assert_eq!(
            origin_of("https://a.example:8443/x").as_deref(),
            Some("https://a.example:8443")
        );
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(
            origin_of("https://user@a.example/").as_deref(),
            Some("https://a.example")
        );
        assert_eq!(origin_of("https:///path"), None);
    }

    #[test]
    fn json_strings_escape_quotes_controls_and_markup() {
        assert_eq!(json_string("a\"b\\c\n<"), r#""a\"b\\c\u000a\u003c""#);
    }
}
