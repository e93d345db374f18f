//! Which form of a figure fits the space it has: two diagrams side by side or one with both
//! accounts on it, and each diagram's orientation.
//!
//! The stylesheet makes the same choice with container queries, and that is what a page
//! without the app (the prerendered page, print, no JavaScript) relies on: it carries every
//! form and shows one. The app measures two widths instead, the explainer's and its figure's,
//! and builds only the form on show. Every diagram's width follows from the figure's (a diagram
//! fills the figure, or half of it less the gap when two sit side by side), and the figure keeps
//! its width from step to step, so a step change draws the right form the first time. Until a
//! width is measured, what depends on it is `None` (the pair on the explainer's, orientations
//! on the figure's), and the view then draws every form, as the static page does.

use super::Orientation;

/// The explainer's width (`@container ia` in diagram.css) from which two diagrams sit side by
/// side.
pub const PAIR_MIN_WIDTH: f64 = 720.0;
/// A diagram's width (`@container ia-diagram` in diagram.css) from which it is drawn wide.
pub const WIDE_MIN_WIDTH: f64 = 520.0;
/// The gap between two diagrams side by side (`.ia-diagrams` in diagram.css).
pub const DIAGRAM_GAP: f64 = 16.0;

/// Where a diagram sits in a step, which decides how wide it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The figure's whole width: one account, both drawn together, or the explorer's diagram.
    Full,
    /// One of two accounts side by side.
    Half,
}

/// What has been measured so far: the explainer's content width and its figure's.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Fit {
    explainer_width: Option<f64>,
    figure_width: Option<f64>,
}

impl Fit {
    /// Whether two diagrams fit side by side; `None` before the explainer is measured.
    pub fn pair(&self) -> Option<bool> {
        self.explainer_width.map(|width| width >= PAIR_MIN_WIDTH)
    }

    /// The orientation a diagram in `slot` is drawn in; `None` before the figure is measured.
    pub fn orientation(&self, slot: Slot) -> Option<Orientation> {
        let figure = self.figure_width?;
        let width = match slot {
            Slot::Full => figure,
            Slot::Half => (figure - DIAGRAM_GAP) / 2.0,
        };
        Some(if width >= WIDE_MIN_WIDTH {
            Orientation::Wide
        } else {
            Orientation::Tall
        })
    }

    /// This fit after a measurement of the explainer's width, the figure's, or both. A width of
    /// zero is something not laid out (hidden while every step is on show) and says nothing.
    pub fn measured(self, explainer_width: Option<f64>, figure_width: Option<f64>) -> Fit {
        let laid_out = |width: Option<f64>| width.filter(|&width| width > 0.0);
        Fit {
            explainer_width: laid_out(explainer_width).or(self.explainer_width),
            figure_width: laid_out(figure_width).or(self.figure_width),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_known_before_a_measurement() {
        let fit = Fit::default();
        assert_eq!(fit.pair(), None);
        for slot in [Slot::Full, Slot::Half] {
            assert_eq!(fit.orientation(slot), None);
        }
    }

    #[test]
    fn the_thresholds_match_the_stylesheet_at_their_edges() {
        let fit = Fit::default().measured(Some(719.5), Some(519.9));
        assert_eq!(fit.pair(), Some(false));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Tall));
        let fit = fit.measured(Some(720.0), Some(520.0));
        assert_eq!(fit.pair(), Some(true));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
    }

    #[test]
    fn half_a_figure_is_half_its_width_less_the_gap() {
        let wide_enough = 2.0 * WIDE_MIN_WIDTH + DIAGRAM_GAP;
        let fit = Fit::default().measured(Some(1600.0), Some(wide_enough));
        assert_eq!(fit.orientation(Slot::Half), Some(Orientation::Wide));
        let fit = fit.measured(None, Some(wide_enough - 1.0));
        assert_eq!(fit.orientation(Slot::Half), Some(Orientation::Tall));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
    }

    #[test]
    fn each_width_is_kept_until_it_is_measured_again() {
        let fit = Fit::default().measured(Some(1000.0), None);
        assert_eq!(fit.orientation(Slot::Full), None);
        let fit = fit.measured(None, Some(600.0));
        assert_eq!(fit.pair(), Some(true));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
        // The same widths again change nothing.
        assert_eq!(fit.measured(Some(1000.0), Some(600.0)), fit);
    }

    #[test]
    fn what_is_not_laid_out_says_nothing() {
        let fit = Fit::default().measured(Some(1000.0), Some(600.0));
        assert_eq!(fit.measured(Some(0.0), Some(0.0)), fit);
    }

    #[test]
    fn the_stylesheet_decides_at_the_same_widths() {
        let css = include_str!("../../styles/diagram.css");
        for rule in [
            format!("@container ia (min-width: {PAIR_MIN_WIDTH}px)"),
            format!("@container ia-diagram (min-width: {WIDE_MIN_WIDTH}px)"),
            format!(".ia-diagrams {{\n  display: grid;\n  grid-template-columns: minmax(0, 1fr);\n  gap: {DIAGRAM_GAP}px;"),
        ] {
            assert!(css.contains(&rule), "diagram.css lacks {rule:?}");
        }
    }
}
