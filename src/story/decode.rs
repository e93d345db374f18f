//! Reads a compiled story: postcard's wire format, decoded by hand. serde's derived decoder
//! was the largest single function in the wasm (a visitor per field, per type, with an error
//! path each); this reads the same bytes in a fraction of the code. Structs are read by the
//! `Decode` impls `model!` writes from their one declaration (`model.rs`); the enums' variant
//! tables are here. The encoder stays serde's (native only: the checker and the build write
//! stories), and a native test decodes every story it encodes, so the two cannot drift apart.
//!
//! The format, as postcard writes it: `u8` as one byte; other integers as LEB128 varints;
//! `Option` as a 0 or 1 byte, then the value; enums as a varint variant index, then the
//! variant's fields; strings and sequences as a varint length, then the items; structs and
//! tuples as their fields in declaration order.

use super::model::*;

/// Why the bytes are not a story; the caller adds what to do about it.
pub struct Damaged(&'static str);

impl Damaged {
    pub fn reason(&self) -> &'static str {
        self.0
    }
}

pub(super) type Read<T> = Result<T, Damaged>;

pub(super) struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Read<u8> {
        let (&first, rest) = self
            .bytes
            .split_first()
            .ok_or(Damaged("it ends too soon"))?;
        self.bytes = rest;
        Ok(first)
    }

    fn varint(&mut self) -> Read<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Damaged("a number is too long"))
    }

    fn index(&mut self) -> Read<usize> {
        usize::try_from(self.varint()?).map_err(|_| Damaged("a number is too large"))
    }

    /// A length, which can never be more than the bytes left: a damaged length cannot make the
    /// reader reserve memory it will never fill.
    fn length(&mut self) -> Read<usize> {
        let length = self.index()?;
        if length > self.bytes.len() {
            return Err(Damaged("a length runs past the end"));
        }
        Ok(length)
    }

    fn string(&mut self) -> Read<String> {
        let length = self.length()?;
        let (text, rest) = self.bytes.split_at(length);
        self.bytes = rest;
        String::from_utf8(text.to_vec()).map_err(|_| Damaged("a text is not UTF-8"))
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Read<T>) -> Read<Option<T>> {
        match self.byte()? {
            0 => Ok(None),
            1 => read(self).map(Some),
            _ => Err(Damaged("an optional value has a bad tag")),
        }
    }

    fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let length = self.length()?;
        let mut items = Vec::with_capacity(length);
        for _ in 0..length {
            items.push(read(self)?);
        }
        Ok(items)
    }
}

/// A value read from a compiled story.
pub(super) trait Decode: Sized {
    fn decode(r: &mut Reader) -> Read<Self>;
}

impl Decode for String {
    fn decode(r: &mut Reader) -> Read<Self> {
        r.string()
    }
}

/// Indices into the story's lists.
impl Decode for usize {
    fn decode(r: &mut Reader) -> Read<Self> {
        r.index()
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader) -> Read<Self> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Damaged("a yes-or-no value is neither")),
        }
    }
}

impl Decode for u8 {
    fn decode(r: &mut Reader) -> Read<Self> {
        r.byte()
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader) -> Read<Self> {
        r.option(T::decode)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader) -> Read<Self> {
        r.list(T::decode)
    }
}

impl<A: Decode, B: Decode> Decode for (A, B) {
    fn decode(r: &mut Reader) -> Read<Self> {
        Ok((A::decode(r)?, B::decode(r)?))
    }
}

impl Decode for Date {
    fn decode(r: &mut Reader) -> Read<Self> {
        let year = u16::try_from(r.varint()?).map_err(|_| Damaged("a year is too large"))?;
        Ok(Date {
            year,
            month: Decode::decode(r)?,
            day: Decode::decode(r)?,
        })
    }
}

impl Decode for Direction {
    fn decode(r: &mut Reader) -> Read<Self> {
        match r.varint()? {
            0 => Ok(Direction::Ltr),
            1 => Ok(Direction::Rtl),
            _ => Err(Damaged("unknown text direction")),
        }
    }
}

impl Decode for Role {
    fn decode(r: &mut Reader) -> Read<Self> {
        match r.varint()? {
            0 => Ok(Role::Claim),
            1 => Ok(Role::Answer),
            _ => Err(Damaged("unknown account role")),
        }
    }
}

impl Decode for Glyph {
    fn decode(r: &mut Reader) -> Read<Self> {
        match r.varint()? {
            0 => Ok(Glyph::Person),
            1 => Ok(Glyph::App),
            2 => Ok(Glyph::Server),
            3 => Ok(Glyph::Inbox),
            _ => Err(Damaged("unknown glyph")),
        }
    }
}

impl Decode for FlowSets {
    fn decode(r: &mut Reader) -> Read<Self> {
        Ok(match r.varint()? {
            0 => FlowSets::Neutral(Decode::decode(r)?),
            1 => FlowSets::Single {
                account: Decode::decode(r)?,
                flows: Decode::decode(r)?,
            },
            2 => FlowSets::Both {
                claim: Decode::decode(r)?,
                answer: Decode::decode(r)?,
            },
            _ => return Err(Damaged("unknown set of flows")),
        })
    }
}

impl Decode for Diagram {
    fn decode(r: &mut Reader) -> Read<Self> {
        Ok(match r.varint()? {
            0 => Diagram::Flows(Decode::decode(r)?),
            1 => Diagram::Explorer {
                always: Decode::decode(r)?,
            },
            2 => Diagram::Comparison(Decode::decode(r)?),
            3 => Diagram::Timeline,
            4 => Diagram::Sources,
            5 => Diagram::None,
            _ => return Err(Damaged("unknown kind of diagram")),
        })
    }
}

/// Decodes the bytes after the file's marker; every byte must be used.
fn story(bytes: &[u8]) -> Result<Story, Damaged> {
    let mut r = Reader { bytes };
    let story = <Story as Decode>::decode(&mut r)?;
    if !r.bytes.is_empty() {
        return Err(Damaged("there are bytes after the story"));
    }
    Ok(story)
}

impl Story {
    /// Decodes a compiled story (see [`Story::encode`]) and checks that it is whole: every
    /// reference in range and every link http(s). A story compiled by the checker always
    /// passes; anything else (a truncated, foreign or tampered file) gets an error saying what
    /// is wrong, never a panic later.
    pub fn decode(bytes: &[u8]) -> Result<Story, String> {
        let body = bytes.strip_prefix(MAGIC).ok_or(
            "not a compiled story file (compile one with: cargo run --bin check-story -- --compile FILE.toml OUT.story)",
        )?;
        let story = story(body).map_err(|damage| {
            format!(
                "the compiled story is damaged or from another version: {}",
                damage.reason()
            )
        })?;
        story.check_integrity()?;
        Ok(story)
    }

    /// The compiled form: a format marker, then the story in postcard's compact encoding.
    /// Written by the build, the checker, the tests and the desk, never by the reader's bundle.
    #[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(postcard::to_allocvec(self).expect("a story always serializes"));
        bytes
    }

    /// Every reference in range, every link http(s), and what the view relies on present.
    fn check_integrity(&self) -> Result<(), String> {
        let within = |what: &str, index: usize, len: usize, list: &str| {
            if index < len {
                Ok(())
            } else {
                Err(format!(
                    "{what} refers to {list}[{index}], but there are {len}"
                ))
            }
        };
        let sources = self.sources.len();
        let all_sources = |what: &str, list: &[usize]| -> Result<(), String> {
            list.iter()
                .try_for_each(|&s| within(what, s, sources, "sources"))
        };
        if self.steps.is_empty() {
            return Err("the story has no steps".into());
        }
        if self.ui.months.len() != 12 {
            return Err(format!(
                "ui.months has {} names, not 12",
                self.ui.months.len()
            ));
        }
        for (i, source) in self.sources.iter().enumerate() {
            if let Some(url) = &source.url {
                url_problem(url).map_err(|problem| format!("sources[{i}].url: {problem}"))?;
            }
        }
        for (i, p) in self.permissions.iter().enumerate() {
            all_sources(&format!("permissions[{i}]"), &p.sources)?;
        }
        for (i, a) in self.actors.iter().enumerate() {
            all_sources(&format!("actors[{i}]"), &a.sources)?;
        }
        for (i, f) in self.flows.iter().enumerate() {
            let at = format!("flows[{i}]");
            within(&at, f.from, self.actors.len(), "actors")?;
            within(&at, f.to, self.actors.len(), "actors")?;
            if let Some(p) = f.permission {
                within(&at, p, self.permissions.len(), "permissions")?;
            }
            for &a in &f.accounts {
                within(&at, a, self.accounts.len(), "accounts")?;
            }
            all_sources(&at, &f.sources)?;
        }
        let flows = self.flows.len();
        for (i, link) in self.links.iter().enumerate() {
            let at = format!("links[{i}]");
            within(&at, link.flows.0, flows, "flows")?;
            within(&at, link.flows.1, flows, "flows")?;
        }
        for (i, e) in self.timeline.iter().enumerate() {
            let at = format!("timeline[{i}]");
            all_sources(&at, &e.sources)?;
            if let Some(a) = e.account {
                within(&at, a, self.accounts.len(), "accounts")?;
            }
        }
        for (i, step) in self.steps.iter().enumerate() {
            let at = format!("steps[{i}]");
            all_sources(&at, &step.sources)?;
            for &(account, _) in &step.captions {
                if let Some(a) = account {
                    within(&at, a, self.accounts.len(), "accounts")?;
                }
            }
            for q in &step.quotes {
                within(&at, q.source, sources, "sources")?;
                if let Some(a) = q.account {
                    within(&at, a, self.accounts.len(), "accounts")?;
                }
            }
            let shown: Vec<usize> = match &step.diagram {
                Diagram::Flows(FlowSets::Neutral(list)) => list.clone(),
                Diagram::Flows(FlowSets::Single { account, flows }) => {
                    within(&at, *account, self.accounts.len(), "accounts")?;
                    flows.clone()
                }
                Diagram::Flows(FlowSets::Both { claim, answer }) => {
                    for role in Role::ALL {
                        if self.role_account(role).is_none() {
                            return Err(format!(
                                "{at}: compares two accounts, but none plays the {} role",
                                role.key()
                            ));
                        }
                    }
                    claim.iter().chain(answer).copied().collect()
                }
                Diagram::Explorer { always } => always.clone(),
                Diagram::Comparison(_) | Diagram::Timeline | Diagram::Sources | Diagram::None => {
                    Vec::new()
                }
            };
            for f in shown {
                within(&at, f, flows, "flows")?;
            }
        }
        Ok(())
    }
}

/// Marks a compiled story file, and its format version.
const MAGIC: &[u8] = b"inbox-explainer story 1\n";

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    const STORIES: [&str; 4] = [
        include_str!("../../content/en.toml"),
        include_str!("../../content/es.toml"),
        include_str!("../../tests/fixtures/minimal.toml"),
        include_str!("../../tests/fixtures/rtl.toml"),
    ];

    /// The hand-written reader and serde's writer agree on every story we have.
    #[test]
    fn every_story_reads_back_as_written() {
        for text in STORIES {
            let story = crate::story::parse("story.toml", text).unwrap();
            let bytes = postcard::to_allocvec(&story).unwrap();
            let read = super::story(&bytes).unwrap_or_else(|e| panic!("{}", e.reason()));
            assert_eq!(read, story);
        }
    }

    #[test]
    fn damaged_bytes_are_refused_not_misread() {
        let story = crate::story::parse("story.toml", STORIES[2]).unwrap();
        let bytes = postcard::to_allocvec(&story).unwrap();
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(super::story(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(super::story(&longer).is_err(), "trailing bytes");
        // A length far beyond the file.
        let mut huge = bytes.clone();
        huge[0] = 0xff;
        huge[1] = 0xff;
        assert!(super::story(&huge).is_err(), "a huge length");
    }
}
