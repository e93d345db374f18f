//! Plane geometry for the diagram: points, rectangles, sampled curves and the distances and
//! intersections the layout needs to keep marks apart.

pub type Point = (f32, f32);

/// An axis-aligned rectangle: top-left corner and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn around(centre: Point, width: f32, height: f32) -> Rect {
        Rect {
            x: centre.0 - width / 2.0,
            y: centre.1 - height / 2.0,
            width,
            height,
        }
    }

    /// The same rectangle, grown by `margin` on every side.
    pub fn grown(self, margin: f32) -> Rect {
        Rect {
            x: self.x - margin,
            y: self.y - margin,
            width: self.width + 2.0 * margin,
            height: self.height + 2.0 * margin,
        }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    pub fn contains(&self, (x, y): Point) -> bool {
        x > self.x && x < self.x + self.width && y > self.y && y < self.y + self.height
    }

    /// Whether the rectangle lies wholly inside `outer`.
    pub fn within(&self, outer: &Rect) -> bool {
        self.x >= outer.x
            && self.y >= outer.y
            && self.x + self.width <= outer.x + outer.width
            && self.y + self.height <= outer.y + outer.height
    }

    /// Distance from `point` to the rectangle (0 inside it).
    pub fn distance_to(&self, (x, y): Point) -> f32 {
        let dx = (self.x - x).max(0.0).max(x - (self.x + self.width));
        let dy = (self.y - y).max(0.0).max(y - (self.y + self.height));
        (dx * dx + dy * dy).sqrt()
    }

    /// Whether the segment from `a` to `b` touches the rectangle.
    pub fn meets_segment(&self, a: Point, b: Point) -> bool {
        if self.contains(a) || self.contains(b) {
            return true;
        }
        let corners = [
            (self.x, self.y),
            (self.x + self.width, self.y),
            (self.x + self.width, self.y + self.height),
            (self.x, self.y + self.height),
        ];
        (0..4).any(|i| segments_cross(a, b, corners[i], corners[(i + 1) % 4]))
    }
}

/// A point on the quadratic Bézier curve `from`, `control`, `to` at `t` (0 to 1).
pub fn on_curve([from, control, to]: [Point; 3], t: f32) -> Point {
    let (a, b, c) = ((1.0 - t) * (1.0 - t), 2.0 * (1.0 - t) * t, t * t);
    (
        a * from.0 + b * control.0 + c * to.0,
        a * from.1 + b * control.1 + c * to.1,
    )
}

/// The curve as a polyline of `pieces` straight segments.
pub fn sample(curve: [Point; 3], pieces: usize) -> Vec<Point> {
    (0..=pieces)
        .map(|i| on_curve(curve, i as f32 / pieces as f32))
        .collect()
}

/// The unit normal of the curve at `t` (to the left of its direction of travel).
pub fn normal_at([from, control, to]: [Point; 3], t: f32) -> Point {
    let dx = 2.0 * (1.0 - t) * (control.0 - from.0) + 2.0 * t * (to.0 - control.0);
    let dy = 2.0 * (1.0 - t) * (control.1 - from.1) + 2.0 * t * (to.1 - control.1);
    let (ux, uy) = unit((dx, dy));
    (-uy, ux)
}

pub fn unit((x, y): Point) -> Point {
    let length = (x * x + y * y).sqrt().max(f32::EPSILON);
    (x / length, y / length)
}

pub fn distance(a: Point, b: Point) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// Distance from `p` to the segment from `a` to `b`.
pub fn distance_to_segment(p: Point, a: Point, b: Point) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    distance(p, (a.0 + t * dx, a.1 + t * dy))
}

/// Distance from `p` to a polyline.
pub fn distance_to_line(p: Point, line: &[Point]) -> f32 {
    line.windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

/// Whether two segments cross (touching at an end counts).
pub fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let side = |p: Point, q: Point, r: Point| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    (d1 * d2 <= 0.0) && (d3 * d4 <= 0.0) && !(d1 == 0.0 && d2 == 0.0 && d3 == 0.0 && d4 == 0.0)
}

/// Whether two polylines cross anywhere.
pub fn lines_cross(a: &[Point], b: &[Point]) -> bool {
    a.windows(2)
        .any(|s| b.windows(2).any(|t| segments_cross(s[0], s[1], t[0], t[1])))
}

/// Whether a polyline passes through a rectangle.
pub fn line_meets_rect(line: &[Point], rect: &Rect) -> bool {
    line.windows(2).any(|s| rect.meets_segment(s[0], s[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_diagonals_cross_and_parallel_lines_do_not() {
        assert!(segments_cross(
            (0.0, 0.0),
            (2.0, 2.0),
            (0.0, 2.0),
            (2.0, 0.0)
        ));
        assert!(!segments_cross(
            (0.0, 0.0),
            (2.0, 0.0),
            (0.0, 1.0),
            (2.0, 1.0)
        ));
    }

    #[test]
    fn a_segment_through_a_rectangle_meets_it_and_one_beside_it_does_not() {
        let rect = Rect {
            x: 10.0,
            y: 10.0,
            width: 10.0,
            height: 10.0,
        };
        assert!(rect.meets_segment((0.0, 15.0), (30.0, 15.0)));
        assert!(!rect.meets_segment((0.0, 25.0), (30.0, 25.0)));
    }

    #[test]
    fn distance_to_a_rectangle_is_zero_inside_and_straight_beside_it() {
        let rect = Rect {
            x: 0.0,
            y: 0.0,
            width: 10.0,
            height: 10.0,
        };
        assert_eq!(rect.distance_to((5.0, 5.0)), 0.0);
        assert_eq!(rect.distance_to((15.0, 5.0)), 5.0);
    }

    #[test]
    fn a_curve_starts_and_ends_at_its_end_points() {
        let curve = [(0.0, 0.0), (5.0, 10.0), (10.0, 0.0)];
        assert_eq!(on_curve(curve, 0.0), (0.0, 0.0));
        assert_eq!(on_curve(curve, 1.0), (10.0, 0.0));
        assert_eq!(on_curve(curve, 0.5), (5.0, 5.0));
    }
}
