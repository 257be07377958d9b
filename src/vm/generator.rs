//! Generator and coroutine objects: a suspended frame plus its running state. The frame
//! type arrives with the dispatch loop; until then a generator holds only its code and
//! state, and is never created (no code path builds one yet).

use std::cell::Cell;

use crate::objects::PyRef;

/// Where a generator is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

pub struct GenObject {
    pub code: PyRef,
    pub state: Cell<GenState>,
}
