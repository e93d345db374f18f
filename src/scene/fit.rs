//! Which form of a figure fits the space it has: two diagrams side by side or one with both
//! accounts on it, and each diagram's orientation.
//!
//! The stylesheet makes the same choice with container queries on the figure, and that is what
//! a page without the app (the prerendered page, print, no JavaScript) relies on: it carries
//! every form and shows one. The app measures the figure's width instead and builds only the
//! form on show. Every diagram's width follows from the figure's (a diagram fills the figure,
//! or half of it less the gap when two sit side by side), and the figure keeps its width from
//! step to step, so a step change draws the right form the first time. Until the figure is
//! measured, what depends on it is `None`, and the view then draws every form, as the static
//! page does.

use super::{Canvas, Orientation, TALL_MIN_WIDTH};

/// The gap between two diagrams side by side (`.ia-diagrams` in diagram.css).
pub const DIAGRAM_GAP: f64 = 16.0;
/// The figure's width (`@container ia-figure` in diagram.css) from which two diagrams sit side
/// by side: room for two of the narrowest tall diagrams and the gap between them.
pub const PAIR_MIN_WIDTH: f64 = 2.0 * TALL_MIN_WIDTH as f64 + DIAGRAM_GAP;
/// A diagram's width (`@container ia-diagram` in diagram.css) from which it is drawn wide.
pub const WIDE_MIN_WIDTH: f64 = 760.0;

/// Where a diagram sits in a step, which decides how wide it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The figure's whole width: one account, both drawn together, or the explorer's diagram.
    Full,
    /// One of two accounts side by side.
    Half,
}

/// What has been measured so far: the figure's content width.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Fit {
    figure_width: Option<f64>,
}

impl Fit {
    /// Whether two diagrams fit side by side; `None` before the figure is measured.
    pub fn pair(&self) -> Option<bool> {
        self.figure_width.map(|width| width >= PAIR_MIN_WIDTH)
    }

    /// The orientation a diagram in `slot` is drawn in; `None` before the figure is measured.
    pub fn orientation(&self, slot: Slot) -> Option<Orientation> {
        self.canvas(slot).map(|canvas| canvas.orientation)
    }

    /// What a diagram in `slot` is laid out on: its orientation, at the width it has; `None`
    /// before the figure is measured.
    pub fn canvas(&self, slot: Slot) -> Option<Canvas> {
        let figure = self.figure_width?;
        let width = match slot {
            Slot::Full => figure,
            Slot::Half => (figure - DIAGRAM_GAP) / 2.0,
        };
        let orientation = if width >= WIDE_MIN_WIDTH {
            Orientation::Wide
        } else {
            Orientation::Tall
        };
        Some(Canvas::at(orientation, width as f32))
    }

    /// This fit after a measurement of the figure's width. A width of zero or less (a figure
    /// not laid out, as in a hidden tab) or no measurement keeps the width known before.
    pub fn measured(self, figure_width: Option<f64>) -> Fit {
        Fit {
            figure_width: figure_width
                .filter(|&width| width > 0.0)
                .or(self.figure_width),
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
        let fit = Fit::default().measured(Some(PAIR_MIN_WIDTH - 0.5));
        assert_eq!(fit.pair(), Some(false));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Tall));
        let fit = fit.measured(Some(PAIR_MIN_WIDTH));
        assert_eq!(fit.pair(), Some(true));
        let fit = fit.measured(Some(WIDE_MIN_WIDTH - 0.1));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Tall));
        let fit = fit.measured(Some(WIDE_MIN_WIDTH));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
    }

    #[test]
    fn two_diagrams_sit_side_by_side_only_where_each_gets_its_narrowest_width() {
        let fit = Fit::default().measured(Some(PAIR_MIN_WIDTH));
        assert_eq!(fit.pair(), Some(true));
        assert_eq!(
            fit.canvas(Slot::Half).map(|c| c.width),
            Some(TALL_MIN_WIDTH)
        );
    }

    #[test]
    fn half_a_figure_is_half_its_width_less_the_gap() {
        let wide_enough = 2.0 * WIDE_MIN_WIDTH + DIAGRAM_GAP;
        let fit = Fit::default().measured(Some(wide_enough));
        assert_eq!(fit.orientation(Slot::Half), Some(Orientation::Wide));
        let fit = fit.measured(Some(wide_enough - 1.0));
        assert_eq!(fit.orientation(Slot::Half), Some(Orientation::Tall));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
    }

    #[test]
    fn the_width_is_kept_until_it_is_measured_again() {
        let fit = Fit::default().measured(Some(800.0));
        assert_eq!(fit.measured(None), fit);
        assert_eq!(fit.pair(), Some(true));
        assert_eq!(fit.orientation(Slot::Full), Some(Orientation::Wide));
    }

    #[test]
    fn a_diagram_is_laid_out_at_the_width_of_its_slot() {
        let fit = Fit::default().measured(Some(660.0));
        assert_eq!(fit.canvas(Slot::Full).map(|c| c.width), Some(660.0));
        assert_eq!(fit.canvas(Slot::Half).map(|c| c.width), Some(322.0));
        let tiny = Fit::default().measured(Some(200.0));
        assert_eq!(
            tiny.canvas(Slot::Full).map(|c| c.width),
            Some(TALL_MIN_WIDTH),
            "never narrower than its narrowest layout"
        );
    }

    #[test]
    fn what_is_not_laid_out_says_nothing() {
        let fit = Fit::default().measured(Some(600.0));
        assert_eq!(fit.measured(Some(0.0)), fit);
    }

    #[test]
    fn the_stylesheet_decides_at_the_same_widths() {
        let css = include_str!("../../styles/diagram.css");
        for rule in [
            format!("@container ia-figure (min-width: {PAIR_MIN_WIDTH}px)"),
            format!("@container ia-diagram (min-width: {WIDE_MIN_WIDTH}px)"),
            format!(".ia-diagrams {{\n  display: grid;\n  grid-template-columns: minmax(0, 1fr);\n  gap: {DIAGRAM_GAP}px;"),
        ] {
            assert!(css.contains(&rule), "diagram.css lacks {rule:?}");
        }
    }
}
