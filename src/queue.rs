//! Calls on a card that arrive while it is busy: queued and applied in order,
//! never dropped. A card's state sits in a `RefCell`; a call made while it is
//! borrowed (from inside a draw, or after a trap left it borrowed) would
//! otherwise be lost without a word.

use std::cell::RefCell;
use std::collections::VecDeque;

/// A state and the calls waiting for it.
pub struct Queued<S, Op> {
    state: RefCell<S>,
    waiting: RefCell<VecDeque<Op>>,
}

impl<S, Op> Queued<S, Op> {
    pub fn new(state: S) -> Self {
        Queued { state: RefCell::new(state), waiting: RefCell::new(VecDeque::new()) }
    }

    /// Apply `op` now, with every call queued before it first; if the state is
    /// busy, queue it for the next call that finds the state free.
    pub fn apply(&self, op: Op, mut apply: impl FnMut(&mut S, Op)) {
        self.waiting.borrow_mut().push_back(op);
        let Ok(mut s) = self.state.try_borrow_mut() else { return };
        loop {
            // The queue is not borrowed while an op runs: it may queue another.
            let next = self.waiting.borrow_mut().pop_front();
            match next {
                Some(op) => apply(&mut s, op),
                None => break,
            }
        }
    }

    /// How many calls wait for the state.
    pub fn waiting(&self) -> usize {
        self.waiting.borrow().len()
    }

    /// The state, to read (None while it is busy).
    pub fn read(&self) -> Option<std::cell::Ref<'_, S>> {
        self.state.try_borrow().ok()
    }

    /// The state, to change directly (None while it is busy).
    pub fn write(&self) -> Option<std::cell::RefMut<'_, S>> {
        self.state.try_borrow_mut().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_during_a_borrow_is_queued_and_applied_in_order() {
        let q: Queued<Vec<u32>, u32> = Queued::new(Vec::new());
        q.apply(1, |s, op| s.push(op));
        {
            // Busy: a draw is running.
            let _busy = q.read().unwrap();
            q.apply(2, |s, op| s.push(op));
            q.apply(3, |s, op| s.push(op));
            assert_eq!(q.waiting(), 2);
        }
        // The next call applies the waiting ones first, then its own.
        q.apply(4, |s, op| s.push(op));
        assert_eq!(*q.read().unwrap(), vec![1, 2, 3, 4]);
        assert_eq!(q.waiting(), 0);
    }

    #[test]
    fn an_op_may_queue_another_without_a_double_borrow() {
        let q: Queued<Vec<u32>, u32> = Queued::new(Vec::new());
        let step = |s: &mut Vec<u32>, op: u32| {
            s.push(op);
            if op == 1 {
                // Re-entered from inside (the state is borrowed): queued, then
                // applied by the same call, after this one.
                q.apply(10, |s2, op2| s2.push(op2));
            }
        };
        q.apply(1, step);
        assert_eq!(q.waiting(), 0);
        q.apply(2, |s, op| s.push(op));
        assert_eq!(*q.read().unwrap(), vec![1, 10, 2]);
    }
}
