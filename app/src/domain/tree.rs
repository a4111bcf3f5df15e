//! The organisation is a tree: a unit may not be moved under itself or
//! anything below it, or the tree would become a loop.

/// Whether `unit` lies under `ancestor` (or is it), following `parent_of`
/// at most `most` steps: a tree is never deeper than it has nodes.
pub fn lies_within(unit: i32, ancestor: i32, most: usize, parent_of: impl Fn(i32) -> Option<i32>) -> bool {
    let mut at = Some(unit);
    for _ in 0..=most {
        match at {
            Some(id) if id == ancestor => return true,
            Some(id) => at = parent_of(id),
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1 ← 2 ← 3, and 4 on its own under 1.
    fn parent(id: i32) -> Option<i32> {
        match id {
            2 | 4 => Some(1),
            3 => Some(2),
            _ => None,
        }
    }

    #[test]
    fn a_unit_lies_within_itself_and_its_ancestors_only() {
        assert!(lies_within(3, 3, 4, parent));
        assert!(lies_within(3, 1, 4, parent));
        assert!(!lies_within(4, 2, 4, parent));
        assert!(!lies_within(1, 3, 4, parent));
    }

    #[test]
    fn a_loop_in_stored_data_ends_the_walk() {
        let looped = |id: i32| Some(if id == 5 { 6 } else { 5 });
        assert!(!lies_within(5, 7, 10, looped));
    }
}
