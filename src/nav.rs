//! Navigation state: every reader action goes through [`State::apply`], which is the only
//! place that decides what an action means. No DOM here.

/// Which account the diagram shows on steps where the accounts differ: the one that makes
/// the claim, the one that answers it, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Claim,
    Answer,
    SideBySide,
}

/// A diagram element the reader opened for an explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    Actor(usize),
    Flow(usize),
    Event(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Next,
    Back,
    GoTo(usize),
    StartOver,
    SetView(View),
    /// A step and a view at once, as a deep link followed back or the framing page asks: one
    /// change of state, so one render. `None` leaves that part as it is.
    Show {
        step: Option<usize>,
        view: Option<View>,
    },
    Select(Selection),
    CloseDetail,
    TogglePermission(usize),
    /// Between step by step and the whole explanation as one document.
    ToggleAllSteps,
    /// Between animated and still diagrams.
    ToggleReduceMotion,
}

/// The permissions the reader has granted in the explorer, one bit per permission in story
/// order (a story has at most [`Granted::MAX`]; the story checker says so).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Granted(u64);

impl Granted {
    pub const MAX: usize = crate::story::MAX_PERMISSIONS;

    /// Every one of the story's `count` permissions.
    pub fn all(count: usize) -> Self {
        Granted(if count >= Self::MAX {
            u64::MAX
        } else {
            (1 << count) - 1
        })
    }

    pub fn from_bits(bits: u64) -> Self {
        Granted(bits)
    }

    pub fn contains(self, permission: usize) -> bool {
        permission < Self::MAX && self.0 & (1 << permission) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn toggle(&mut self, permission: usize) {
        if permission < Self::MAX {
            self.0 ^= 1 << permission;
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct State {
    pub step: usize,
    pub step_count: usize,
    pub view: View,
    pub selection: Option<Selection>,
    /// Permissions the reader has turned on in the explorer (indices into the story's list).
    pub granted: Granted,
    /// Every step shown at once, as one document, instead of one at a time.
    pub all_steps: bool,
    /// The reader turned animations off (the system setting is honoured separately, in CSS).
    pub reduce_motion: bool,
}

impl State {
    pub fn new(step_count: usize) -> Self {
        State {
            step: 0,
            step_count: step_count.max(1),
            view: View::default(),
            selection: None,
            granted: Granted::default(),
            all_steps: false,
            reduce_motion: false,
        }
    }

    /// A state opened on `step` (clamped) in `view`, as a deep link asks.
    pub fn starting_at(step_count: usize, step: usize, view: View) -> Self {
        let mut state = State::new(step_count);
        state.go_to(step);
        state.view = view;
        state
    }

    pub fn is_first(&self) -> bool {
        self.step == 0
    }

    pub fn is_last(&self) -> bool {
        self.step + 1 == self.step_count
    }

    /// The state after `action`. Steps are clamped to the story; moving to another step closes
    /// any open detail, since it belongs to the diagram the reader is leaving.
    pub fn apply(&self, action: Action) -> State {
        let mut next = *self;
        match action {
            Action::Next => next.go_to(self.step + 1),
            Action::Back => next.go_to(self.step.saturating_sub(1)),
            Action::GoTo(step) => next.go_to(step),
            Action::StartOver => {
                // Back to the first step; how the reader chose to read stays as it was.
                next = State::new(self.step_count);
                next.view = self.view;
                next.all_steps = self.all_steps;
                next.reduce_motion = self.reduce_motion;
            }
            Action::SetView(view) => {
                next.view = view;
                next.selection = None;
            }
            Action::Show { step, view } => {
                if let Some(step) = step {
                    next.go_to(step);
                }
                if let Some(view) = view {
                    next.view = view;
                    next.selection = None;
                }
            }
            Action::Select(selection) => next.selection = Some(selection),
            Action::CloseDetail => next.selection = None,
            Action::TogglePermission(permission) => {
                next.granted.toggle(permission);
            }
            Action::ToggleAllSteps => {
                next.all_steps = !self.all_steps;
                next.selection = None;
            }
            Action::ToggleReduceMotion => next.reduce_motion = !self.reduce_motion,
        }
        next
    }

    fn go_to(&mut self, step: usize) {
        let step = step.min(self.step_count - 1);
        if step != self.step {
            self.step = step;
            self.selection = None;
        }
    }
}

impl Action {
    /// Whether the action moves between steps (the landing cares about these alone).
    pub fn moves_step(&self) -> bool {
        matches!(
            self,
            Action::Next
                | Action::Back
                | Action::GoTo(_)
                | Action::StartOver
                | Action::Show { step: Some(_), .. }
        )
    }

    /// Whether the action closes any explanation on show: what `State::apply` does with the
    /// selection, said ahead of it for the view, which returns focus only from a close.
    pub fn closes_detail(&self) -> bool {
        self.moves_step()
            || matches!(
                self,
                Action::CloseDetail
                    | Action::SetView(_)
                    | Action::ToggleAllSteps
                    | Action::Show { view: Some(_), .. }
            )
    }
}

/// A key press, as far as the explainer cares: which key, and where focus was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    /// Alt, Control or Meta held, or the page already handled the key.
    pub modified: bool,
    /// Focus in a text field, where arrows move the caret.
    pub typing: bool,
    /// Focus inside this explainer (Home and End act only then).
    pub inside: bool,
}

/// What a key press does: arrows move in reading order (mirrored right to left), Home and End
/// jump to the ends, Escape closes an explanation.
pub fn key_action(press: KeyPress, rtl: bool) -> Option<Action> {
    if press.modified || press.typing {
        return None;
    }
    match (press.key, rtl) {
        ("ArrowRight", false) | ("ArrowLeft", true) => Some(Action::Next),
        ("ArrowLeft", false) | ("ArrowRight", true) => Some(Action::Back),
        ("Home", _) if press.inside => Some(Action::GoTo(0)),
        ("End", _) if press.inside => Some(Action::GoTo(usize::MAX)),
        ("Escape", _) => Some(Action::CloseDetail),
        _ => None,
    }
}

/// A swipe must travel this far (CSS px), and mostly sideways, to change the step.
pub const SWIPE_DISTANCE: i32 = 50;

/// What a touch that moved by (dx, dy) does: swiping towards the start of the line moves
/// forward, as turning a page does.
pub fn swipe_action(dx: i32, dy: i32, rtl: bool) -> Option<Action> {
    if dx.abs() < SWIPE_DISTANCE || dx.abs() <= 2 * dy.abs() {
        return None;
    }
    let forward = (dx < 0) != rtl;
    Some(if forward { Action::Next } else { Action::Back })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            modified: false,
            typing: false,
            inside: true,
        }
    }

    #[test]
    fn arrows_follow_the_reading_direction() {
        assert_eq!(key_action(press("ArrowRight"), false), Some(Action::Next));
        assert_eq!(key_action(press("ArrowLeft"), false), Some(Action::Back));
        assert_eq!(key_action(press("ArrowRight"), true), Some(Action::Back));
        assert_eq!(key_action(press("ArrowLeft"), true), Some(Action::Next));
    }

    #[test]
    fn home_and_end_act_only_from_inside_and_no_key_acts_while_typing_or_modified() {
        assert_eq!(key_action(press("Home"), false), Some(Action::GoTo(0)));
        assert_eq!(
            key_action(press("End"), false),
            Some(Action::GoTo(usize::MAX))
        );
        let outside = KeyPress {
            inside: false,
            ..press("Home")
        };
        assert_eq!(key_action(outside, false), None);
        assert_eq!(
            key_action(
                KeyPress {
                    typing: true,
                    ..press("ArrowRight")
                },
                false
            ),
            None
        );
        assert_eq!(
            key_action(
                KeyPress {
                    modified: true,
                    ..press("ArrowRight")
                },
                false
            ),
            None
        );
        assert_eq!(
            key_action(press("Escape"), false),
            Some(Action::CloseDetail)
        );
        assert_eq!(key_action(press("a"), false), None);
    }

    #[test]
    fn a_swipe_must_be_long_and_mostly_sideways() {
        assert_eq!(swipe_action(-60, 10, false), Some(Action::Next));
        assert_eq!(swipe_action(60, 10, false), Some(Action::Back));
        assert_eq!(swipe_action(-60, 10, true), Some(Action::Back));
        assert_eq!(swipe_action(-40, 0, false), None, "too short");
        assert_eq!(swipe_action(-60, 40, false), None, "too steep");
    }

    #[test]
    fn an_action_that_changes_nothing_leaves_the_state_equal() {
        let first = State::new(10);
        assert_eq!(first.apply(Action::Back), first);
        assert_eq!(first.apply(Action::CloseDetail), first);
        let last = State::new(10).apply(Action::GoTo(9));
        assert_eq!(last.apply(Action::GoTo(usize::MAX)), last);
    }

    #[test]
    fn show_is_a_step_and_a_view_in_one_change() {
        let open = State::new(10)
            .apply(Action::GoTo(2))
            .apply(Action::Select(Selection::Actor(1)));
        let both = Action::Show {
            step: Some(5),
            view: Some(View::Answer),
        };
        let one_by_one = open
            .apply(Action::GoTo(5))
            .apply(Action::SetView(View::Answer));
        assert_eq!(open.apply(both.clone()), one_by_one);
        // Either part alone, as a request without a known step or without a view makes it.
        let view_only = open.apply(Action::Show {
            step: None,
            view: Some(View::SideBySide),
        });
        assert_eq!((view_only.step, view_only.view), (2, View::SideBySide));
        assert_eq!(view_only.selection, None);
        let step_only = open.apply(Action::Show {
            step: Some(7),
            view: None,
        });
        assert_eq!((step_only.step, step_only.view), (7, open.view));
        assert!(
            both.moves_step()
                && !Action::Show {
                    step: None,
                    view: None
                }
                .moves_step()
        );
    }

    #[test]
    fn an_action_closes_the_explanation_exactly_when_apply_clears_the_selection() {
        let mut open = State::new(10);
        open.step = 4;
        open.selection = Some(Selection::Actor(1));
        let actions = [
            Action::Next,
            Action::Back,
            Action::GoTo(2),
            Action::StartOver,
            Action::SetView(View::Answer),
            Action::Show {
                step: Some(1),
                view: None,
            },
            Action::Show {
                step: None,
                view: Some(View::Answer),
            },
            Action::Show {
                step: None,
                view: None,
            },
            Action::Select(Selection::Flow(0)),
            Action::CloseDetail,
            Action::TogglePermission(0),
            Action::ToggleAllSteps,
            Action::ToggleReduceMotion,
        ];
        for action in actions {
            let cleared = open.apply(action.clone()).selection.is_none();
            assert_eq!(action.closes_detail(), cleared, "{action:?}");
        }
    }

    #[test]
    fn starts_on_the_first_step_in_the_claim_view() {
        let state = State::new(10);
        assert_eq!((state.step, state.view), (0, View::Claim));
        assert!(state.is_first() && !state.is_last());
    }

    #[test]
    fn next_and_back_move_one_step() {
        let state = State::new(10).apply(Action::Next).apply(Action::Next);
        assert_eq!(state.step, 2);
        assert_eq!(state.apply(Action::Back).step, 1);
    }

    #[test]
    fn back_on_first_step_stays_put() {
        assert_eq!(State::new(10).apply(Action::Back).step, 0);
    }

    #[test]
    fn next_on_last_step_stays_put() {
        let last = State::new(3).apply(Action::GoTo(2));
        assert!(last.is_last());
        assert_eq!(last.apply(Action::Next).step, 2);
    }

    #[test]
    fn go_to_beyond_the_end_clamps_to_the_last_step() {
        assert_eq!(State::new(4).apply(Action::GoTo(99)).step, 3);
    }

    #[test]
    fn start_over_returns_to_the_first_step_and_keeps_the_view() {
        let state = State::new(5)
            .apply(Action::SetView(View::SideBySide))
            .apply(Action::TogglePermission(1))
            .apply(Action::GoTo(4))
            .apply(Action::StartOver);
        assert_eq!(state.step, 0);
        assert_eq!(state.view, View::SideBySide);
        assert!(state.granted.is_empty());
    }

    #[test]
    fn changing_view_keeps_the_step() {
        let state = State::new(5)
            .apply(Action::GoTo(3))
            .apply(Action::SetView(View::Answer));
        assert_eq!((state.step, state.view), (3, View::Answer));
    }

    #[test]
    fn moving_to_another_step_closes_the_detail() {
        let state = State::new(5).apply(Action::Select(Selection::Flow(2)));
        assert_eq!(state.selection, Some(Selection::Flow(2)));
        assert_eq!(state.apply(Action::Next).selection, None);
    }

    #[test]
    fn staying_on_the_same_step_keeps_the_detail_open() {
        let state = State::new(5).apply(Action::Select(Selection::Actor(1)));
        assert_eq!(
            state.apply(Action::Back).selection,
            Some(Selection::Actor(1))
        );
    }

    #[test]
    fn toggling_a_permission_twice_turns_it_off() {
        let once = State::new(5).apply(Action::TogglePermission(2));
        assert!(once.granted.contains(2));
        assert!(once.apply(Action::TogglePermission(2)).granted.is_empty());
    }

    #[test]
    fn a_deep_link_opens_its_step_and_view_clamped_to_the_story() {
        let state = State::starting_at(5, 3, View::Answer);
        assert_eq!((state.step, state.view), (3, View::Answer));
        assert_eq!(State::starting_at(5, 40, View::Claim).step, 4);
    }

    #[test]
    fn reading_mode_and_motion_toggle_and_survive_start_over() {
        let state = State::new(5)
            .apply(Action::GoTo(3))
            .apply(Action::Select(Selection::Actor(0)))
            .apply(Action::ToggleAllSteps)
            .apply(Action::ToggleReduceMotion);
        assert!(state.all_steps && state.reduce_motion);
        assert_eq!(
            state.selection, None,
            "a detail does not outlive its diagram"
        );
        assert_eq!(
            state.step, 3,
            "the step is kept for when the reader returns"
        );
        let again = state.apply(Action::StartOver);
        assert!(again.all_steps && again.reduce_motion);
        let back = again
            .apply(Action::ToggleAllSteps)
            .apply(Action::ToggleReduceMotion);
        assert!(!back.all_steps && !back.reduce_motion);
    }

    #[test]
    fn an_empty_story_still_has_one_valid_step() {
        let state = State::new(0).apply(Action::Next);
        assert_eq!((state.step, state.step_count), (0, 1));
    }
}
