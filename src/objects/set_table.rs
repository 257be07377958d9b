//! The hash table of `set` and `frozenset`, laid out as CPython's so that iteration,
//! `repr` and `pop()` visit elements in the same order: a power-of-two array of slots
//! (8 to start with), each probe looking at up to `LINEAR_PROBES` neighbouring slots before
//! jumping by the `i*5 + 1 + perturb` recurrence, removed elements left as dummies (an
//! insertion reuses the last dummy on its probe path), a resize once `fill*5 >= mask*3`, and
//! `pop()` scanning from a finger. See "Objects/setobject.c" in CPython for the algorithm.
//!
//! Key equality that may run Python code is decided by the caller (`runtime::set`):
//! [`SetTable::probe`] answers [`Probe::Ask`] with a stored key to compare, and the caller
//! probes again, skipping that slot, if the keys differ.

use super::dict::fast_eq;
use super::Value;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
pub enum Slot {
    #[default]
    Empty,
    Dummy,
    Full {
        hash: i64,
        key: Value,
    },
}

/// Source of table versions (a fresh number on every mutation of any set), so a lookup
/// that ran `__eq__` can tell whether its table changed meanwhile.
static VERSIONS: crate::runtime::gil::GilShared<std::cell::Cell<u64>> = crate::runtime::gil::GilShared::new(std::cell::Cell::new(0));

fn next_version() -> u64 {
    let c = VERSIONS.get();
    let v = c.get() + 1;
    c.set(v);
    v
}

/// A set's table. An empty `slots` vector stands for a fresh 8-slot table (so empty sets
/// do not allocate).
#[derive(Clone, Default)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Full plus dummy slots.
    fill: usize,
    /// Full slots.
    used: usize,
    /// Where `pop()` starts scanning.
    finger: usize,
    pub version: u64,
}

/// The outcome of a lookup that cannot run Python code.
pub enum Probe {
    /// The slot holding an equal key.
    Found(usize),
    /// Not present; the slot an insertion would use.
    Absent(usize),
    /// The key in `slot` has the same hash and needs `__eq__` to decide.
    Ask { slot: usize, key: Value },
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The table size minus one.
    pub fn mask(&self) -> usize {
        if self.slots.is_empty() {
            MINSIZE - 1
        } else {
            self.slots.len() - 1
        }
    }

    fn alloc(&mut self) {
        if self.slots.is_empty() {
            self.slots = vec![Slot::Empty; MINSIZE];
        }
    }

    /// Look `key` (with `hash`) up; slots in `skip` hold keys already found unequal.
    pub fn probe(&self, hash: i64, key: &Value, skip: &[usize]) -> Probe {
        let mask = self.mask();
        if self.slots.is_empty() {
            return Probe::Absent(hash as u64 as usize & mask);
        }
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return Probe::Absent(freeslot.unwrap_or(j)),
                    // CPython keeps the last dummy seen on the probe path.
                    Slot::Dummy => freeslot = Some(j),
                    Slot::Full { hash: h, key: k } => {
                        if *h == hash && !skip.contains(&j) {
                            match fast_eq(k, key) {
                                Some(true) => return Probe::Found(j),
                                Some(false) => {}
                                None => return Probe::Ask { slot: j, key: k.clone() },
                            }
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Store a key at the slot a failed [`probe`](Self::probe) returned, resizing when the
    /// table gets too full.
    pub fn insert_at(&mut self, slot: usize, hash: i64, key: Value) {
        self.alloc();
        self.version = next_version();
        let was_empty = matches!(self.slots[slot], Slot::Empty);
        self.slots[slot] = Slot::Full { hash, key };
        self.used += 1;
        if was_empty {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
            }
        }
    }

    /// Insert a key known to be absent (no equality checks).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let slot = match self.probe(hash, &key, &[]) {
            Probe::Absent(s) => s,
            _ => return,
        };
        self.insert_at(slot, hash, key);
    }

    /// Place a key in the first empty slot of its probe sequence (the table has no
    /// dummies and does not hold the key).
    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                if matches!(slots[j], Slot::Empty) {
                    slots[j] = Slot::Full { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Rebuild into the smallest table with more than `minused` slots, dropping dummies.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        for s in old {
            if let Slot::Full { hash, key } = s {
                Self::insert_clean(&mut self.slots, hash, key);
            }
        }
        self.fill = self.used;
        self.version = next_version();
    }

    /// Turn the full slot `slot` into a dummy, returning its key.
    pub fn remove_at(&mut self, slot: usize) -> Option<Value> {
        match std::mem::replace(self.slots.get_mut(slot)?, Slot::Dummy) {
            Slot::Full { key, .. } => {
                self.used -= 1;
                self.version = next_version();
                Some(key)
            }
            other => {
                self.slots[slot] = other;
                None
            }
        }
    }

    /// After bulk removals: rebuild when more than a quarter of the slots are dummies.
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// `set.pop()`: the first element at or after the finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Full { .. }) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let key = self.remove_at(i);
        self.finger = i + 1;
        key
    }

    /// Empty the table (back to 8 slots). Returns the old slots so the caller drops the
    /// keys outside any borrow.
    pub fn clear(&mut self) -> Vec<Slot> {
        self.fill = 0;
        self.used = 0;
        self.version = next_version();
        std::mem::take(&mut self.slots)
    }

    /// The elements with their hashes, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// `(hash, key)` pairs in table order (a snapshot for loops that run Python code).
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.iter().map(|(h, k)| (h, k.clone())).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(_, k)| k.clone()).collect()
    }

    /// The element in the first full slot at or after `pos`, and the position after it
    /// (set iterators walk the table this way).
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.slots.iter().enumerate().skip(pos).find_map(|(i, s)| match s {
            Slot::Full { key, .. } => Some((i + 1, key.clone())),
            _ => None,
        })
    }

    /// A copy with the layout CPython's `set_merge` gives a new set built from this one:
    /// the same table when it fits without resizing, else a fresh insertion.
    pub fn copy(&self) -> SetTable {
        let mut t = SetTable::new();
        t.merge_into_empty(self);
        t
    }

    /// `set_merge` of `other` into this table when this table is empty: needs no
    /// equality checks. Returns false (doing nothing) when this table is not empty.
    pub fn merge_into_empty(&mut self, other: &SetTable) -> bool {
        if self.fill != 0 {
            return false;
        }
        if other.used == 0 {
            return true;
        }
        if other.used * 5 >= self.mask() * 3 {
            self.resize(other.used * 2);
        }
        if self.mask() == other.mask() && other.fill == other.used {
            self.slots = if other.slots.is_empty() { Vec::new() } else { other.slots.clone() };
        } else {
            self.alloc();
            for (h, k) in other.iter() {
                Self::insert_clean(&mut self.slots, h, k.clone());
            }
        }
        self.fill = other.used;
        self.used = other.used;
        self.version = next_version();
        true
    }

    /// The resize `set_merge`/`set_update` do before adding `n` elements one by one.
    pub fn presize_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(items: &[i64]) -> Vec<i64> {
        let mut t = SetTable::new();
        for &i in items {
            t.insert_new(crate::objects::int::hash_i64(i), Value::Int(i));
        }
        t.iter().map(|(_, k)| if let Value::Int(i) = k { *i } else { 0 }).collect()
    }

    #[test]
    fn int_orders_match_cpython() {
        // Orders CPython 3.11 prints after adding the items one by one.
        assert_eq!(order(&[3, 1, 2]), vec![1, 2, 3]);
        assert_eq!(order(&[8, 16, 0, 24]), vec![8, 16, 0, 24]);
        assert_eq!(order(&[-1, -2, 7, 15]), vec![7, 15, -1, -2]);
    }
}
