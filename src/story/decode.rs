//! Reads a compiled story: postcard's wire format, decoded by hand. serde's derived decoder
//! was the largest single function in the wasm (a visitor per field, per type, with an error
//! path each); this reads the same bytes in a fraction of the code. The encoder stays serde's
//! (native only: the checker and the build write stories), and a native test decodes every
//! story it encodes, so the two cannot drift apart.
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

type Read<T> = Result<T, Damaged>;

struct Reader<'a> {
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

    fn strings(&mut self) -> Read<Vec<String>> {
        self.list(Self::string)
    }

    fn indices(&mut self) -> Read<Vec<usize>> {
        self.list(Self::index)
    }

    fn variant(&mut self) -> Read<u64> {
        self.varint()
    }

    fn date(&mut self) -> Read<Date> {
        let year = u16::try_from(self.varint()?).map_err(|_| Damaged("a year is too large"))?;
        Ok(Date {
            year,
            month: self.option(Self::byte)?,
            day: self.option(Self::byte)?,
        })
    }
}

/// Decodes the bytes after the file's marker; every byte must be used.
pub fn story(bytes: &[u8]) -> Result<Story, Damaged> {
    let mut r = Reader { bytes };
    let story = read_story(&mut r)?;
    if !r.bytes.is_empty() {
        return Err(Damaged("there are bytes after the story"));
    }
    Ok(story)
}

fn read_story(r: &mut Reader) -> Read<Story> {
    Ok(Story {
        language: r.string()?,
        direction: match r.variant()? {
            0 => Direction::Ltr,
            1 => Direction::Rtl,
            _ => return Err(Damaged("unknown text direction")),
        },
        title: r.string()?,
        standfirst: r.string()?,
        dek: r.option(Reader::string)?,
        last_updated: r.date()?,
        ui: read_ui(r)?,
        accounts: r.list(|r| {
            Ok(Account {
                id: r.string()?,
                label: r.string()?,
            })
        })?,
        sources: r.list(|r| {
            Ok(Source {
                id: r.string()?,
                title: r.string()?,
                publisher: r.string()?,
                date: r.option(Reader::date)?,
                url: r.option(Reader::string)?,
                note: r.option(Reader::string)?,
            })
        })?,
        permissions: r.list(|r| {
            Ok(Permission {
                id: r.string()?,
                label: r.string()?,
                explanation: r.string()?,
                sources: r.indices()?,
            })
        })?,
        actors: r.list(|r| {
            Ok(Actor {
                id: r.string()?,
                label: r.string()?,
                detail: r.string()?,
                sources: r.indices()?,
                place: (r.byte()?, r.byte()?),
                glyph: r.option(|r| match r.variant()? {
                    0 => Ok(Glyph::Person),
                    1 => Ok(Glyph::App),
                    2 => Ok(Glyph::Server),
                    3 => Ok(Glyph::Inbox),
                    _ => Err(Damaged("unknown glyph")),
                })?,
            })
        })?,
        flows: r.list(|r| {
            Ok(Flow {
                id: r.string()?,
                from: r.index()?,
                to: r.index()?,
                label: r.string()?,
                permission: r.option(Reader::index)?,
                accounts: r.indices()?,
                detail: r.string()?,
                reveals: r.option(Reader::string)?,
                sources: r.indices()?,
            })
        })?,
        timeline: r.list(|r| {
            Ok(Event {
                id: r.string()?,
                date: r.date()?,
                title: r.string()?,
                detail: r.string()?,
                sources: r.indices()?,
            })
        })?,
        steps: r.list(read_step)?,
        corrections: r.list(|r| {
            Ok(Correction {
                date: r.date()?,
                text: r.string()?,
            })
        })?,
    })
}

fn read_step(r: &mut Reader) -> Read<Step> {
    Ok(Step {
        id: r.string()?,
        title: r.string()?,
        as_of: r.option(Reader::date)?,
        body: r.string()?,
        points: r.strings()?,
        sources: r.indices()?,
        quotes: r.list(|r| {
            Ok(Quote {
                text: r.string()?,
                who: r.string()?,
                role: r.string()?,
                place: r.string()?,
                date: r.date()?,
                source: r.index()?,
                account: r.option(Reader::index)?,
                original: r.option(|r| {
                    Ok(Original {
                        text: r.string()?,
                        language: r.string()?,
                    })
                })?,
            })
        })?,
        diagram: match r.variant()? {
            0 => Diagram::Flows(match r.variant()? {
                0 => FlowSets::Neutral(r.indices()?),
                1 => FlowSets::Single {
                    account: r.index()?,
                    flows: r.indices()?,
                },
                2 => FlowSets::Both {
                    alleged: r.indices()?,
                    meta: r.indices()?,
                },
                _ => return Err(Damaged("unknown set of flows")),
            }),
            1 => Diagram::Explorer {
                always: r.indices()?,
            },
            2 => Diagram::Comparison(r.list(|r| {
                Ok(Specimen {
                    title: r.string()?,
                    caption: r.string()?,
                    fields: r.list(|r| Ok((r.string()?, r.string()?)))?,
                })
            })?),
            3 => Diagram::Timeline,
            4 => Diagram::Sources,
            5 => Diagram::None,
            _ => return Err(Damaged("unknown kind of diagram")),
        },
    })
}

macro_rules! write_read_ui {
    ($($(#[doc = $doc:literal])* $label:ident,)*) => {
        /// `Ui`'s fields in the order they are declared, which is the order they are written.
        fn read_ui(r: &mut Reader) -> Read<Ui> {
            Ok(Ui {
                $($label: r.string()?,)*
                shortcuts: r.strings()?,
                months: r.strings()?,
                digits: r.option(Reader::string)?,
            })
        }
    };
}
with_ui_labels!(write_read_ui);

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
            let story = super::super::parse("story.toml", text).unwrap();
            let bytes = postcard::to_allocvec(&story).unwrap();
            let read = super::story(&bytes).unwrap_or_else(|e| panic!("{}", e.reason()));
            assert_eq!(read, story);
        }
    }

    #[test]
    fn damaged_bytes_are_refused_not_misread() {
        let story = super::super::parse("story.toml", STORIES[2]).unwrap();
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
