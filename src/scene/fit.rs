//! Which form of a figure fits the space it has: two diagrams side by side or one with both
//! accounts on it, and each diagram's orientation.
//!
//! The stylesheet makes the same choice with container queries, and that is what a page
//! without the app (the prerendered page, print, no JavaScript) relies on: it carries every
//! form and shows one. The app measures instead and builds only the form on show, so a step
//! change never creates markup the reader cannot see. Until a width is measured the answer is
//! `None`, and the view then draws every form, as the static page does.

use super::Orientation;

/// The explainer's width (`@container ia` in diagram.css) from which two diagrams sit side by
/// side.
pub const PAIR_MIN_WIDTH: f64 = 720.0;
/// A diagram's width (`@container ia-diagram` in diagram.css) from which it is drawn wide.
pub const WIDE_MIN_WIDTH: f64 = 520.0;

/// Where a diagram sits in a step, which decides how wide it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The figure's whole width: one account, or both drawn together.
    Full,
    /// One of two accounts side by side.
    Half,
    /// Beside the permission explorer's switches.
    Explorer,
}

impl Slot {
    const ALL: [Slot; 3] = [Slot::Full, Slot::Half, Slot::Explorer];

    /// The name the diagram carries in `data-slot`, by which a measurement finds its slot.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Full => "full",
            Slot::Half => "half",
            Slot::Explorer => "explorer",
        }
    }

    pub fn from_name(name: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|slot| slot.name() == name)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What has been measured so far.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Fit {
    explainer_width: Option<f64>,
    orientations: [Option<Orientation>; 3],
}

impl Fit {
    /// Whether two diagrams fit side by side; `None` before the explainer is measured.
    pub fn pair(&self) -> Option<bool> {
        self.explainer_width.map(|width| width >= PAIR_MIN_WIDTH)
    }

    /// The orientation a diagram in `slot` is drawn in; `None` if no diagram there has been
    /// measured at the explainer's present width.
    pub fn orientation(&self, slot: Slot) -> Option<Orientation> {
        self.orientations[slot.index()]
    }

    /// This fit after a measurement: the explainer's width, if it was measured, and the width
    /// of each diagram measured, by slot. When the explainer's width changes, what was known of
    /// slots not measured this time is forgotten, since their width changes with it. A width
    /// of zero is something not laid out (hidden while every step is on show) and says nothing.
    pub fn measured(self, explainer_width: Option<f64>, diagrams: &[(Slot, f64)]) -> Fit {
        let mut next = self;
        if let Some(width) = explainer_width.filter(|&width| width > 0.0) {
            if self.explainer_width != Some(width) {
                next = Fit {
                    explainer_width: Some(width),
                    ..Fit::default()
                };
            }
        }
        for &(slot, width) in diagrams.iter().filter(|(_, width)| *width > 0.0) {
            next.orientations[slot.index()] = Some(if width >= WIDE_MIN_WIDTH {
                Orientation::Wide
            } else {
                Orientation::Tall
            });
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_known_before_a_measurement() {
        let fit = Fit::default();
        assert_eq!(fit.pair(), None);
        for slot in Slot::ALL {
            assert_eq!(fit.orientation(slot), None);
        }
    }

    #[test]
    fn the_thresholds_match_the_stylesheet_at_their_edges() {
        let fit = Fit::default().measured(Some(719.5), &[(Slot::Full, 519.9)]);
        assert_eq!(fit.pair(), Some(false));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Tall));
        let fit = fit.measured(Some(720.0), &[(Slot::Full, 520.0)]);
        assert_eq!(fit.pair(), Some(true));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
    }

    #[test]
    fn each_slot_keeps_its_own_orientation() {
        let fit = Fit::default().measured(Some(1000.0), &[(Slot::Full, 600.0)]);
        let fit = fit.measured(None, &[(Slot::Half, 290.0)]);
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
        assert_eq!(fit.orientation(Slot::Half), Some(Orientation::Tall));
        assert_eq!(fit.orientation(Slot::Explorer), None);
    }

    #[test]
    fn a_new_explainer_width_forgets_the_slots_not_measured_with_it() {
        let fit =
            Fit::default().measured(Some(1000.0), &[(Slot::Full, 600.0), (Slot::Half, 290.0)]);
        let fit = fit.measured(Some(360.0), &[(Slot::Full, 320.0)]);
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Tall));
        assert_eq!(fit.orientation(Slot::Half), None);
        // The same width again changes nothing.
        assert_eq!(fit.measured(Some(360.0), &[]), fit);
    }

    #[test]
    fn what_is_not_laid_out_says_nothing() {
        let fit = Fit::default().measured(Some(1000.0), &[(Slot::Full, 600.0)]);
        assert_eq!(fit.measured(Some(0.0), &[(Slot::Full, 0.0)]), fit);
    }

    #[test]
    fn the_stylesheet_decides_at_the_same_widths() {
        let css = include_str!("../../styles/diagram.css");
        for query in [
            format!("@container ia (min-width: {PAIR_MIN_WIDTH}px)"),
            format!("@container ia-diagram (min-width: {WIDE_MIN_WIDTH}px)"),
        ] {
            assert!(css.contains(&query), "diagram.css lacks {query:?}");
        }
    }

    #[test]
    fn slot_names_round_trip() {
        for slot in Slot::ALL {
            assert_eq!(Slot::from_name(slot.name()), Some(slot));
        }
        assert_eq!(Slot::from_name("wide"), None);
    }
}
