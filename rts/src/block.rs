//! The block allocator of the 1998 storage-manager design: memory comes from the OS in
//! megablocks (1 MiB, aligned) split into blocks (4 KiB); the heap is made of groups of
//! contiguous blocks, each block described by a block descriptor found from any address
//! by arithmetic.
//!
//! All megablocks live in one range of address space reserved at start-up (as GHC does
//! on 64-bit machines), so "is this word a heap pointer?" is one comparison, and the
//! descriptors live in a parallel reserved table: the descriptor of the block holding
//! address `a` is `descs[(a - base) >> 12]`. Memory is committed a megablock at a time
//! and handed back to the OS (decommitted) when whole megablocks fall free.
//!
//! This module owns addresses and descriptors only: it must not interpret objects and
//! knows nothing of generations beyond the `space` number it stores for the collector.

use crate::Word;
use std::collections::BTreeMap;

pub(crate) const BLOCK_SHIFT: usize = 12;
pub(crate) const BLOCK_BYTES: usize = 1 << BLOCK_SHIFT;
pub(crate) const BLOCK_WORDS: usize = BLOCK_BYTES / crate::options::WORD_BYTES;
const MBLOCK_SHIFT: usize = 20;
const MBLOCK_BYTES: usize = 1 << MBLOCK_SHIFT;
pub(crate) const BLOCKS_PER_MBLOCK: usize = MBLOCK_BYTES / BLOCK_BYTES;

/// `space` of a block that belongs to no group in use.
pub(crate) const SPACE_FREE: u8 = 0xff;
/// `space` of a block whose megablock is not committed.
const SPACE_UNCOMMITTED: u8 = 0xfe;

/// The group's one object was allocated on its own and is never copied.
pub(crate) const FLAG_LARGE: u8 = 1;
/// A large object found alive by the collection in progress.
pub(crate) const FLAG_LIVE: u8 = 2;
/// The group was allocated by the collection in progress to copy objects into.
pub(crate) const FLAG_TO_SPACE: u8 = 4;

/// A block descriptor. Every block of a group carries the group's `space` and `flags`;
/// `blocks` and `free` are kept on the group's first block (the head).
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct BlockDesc {
    /// On a head: the first word not yet filled with objects.
    pub(crate) free: Word,
    /// On a head: the number of blocks in the group.
    pub(crate) blocks: u32,
    /// Which part of the heap the group belongs to (a generation or step, chosen by
    /// the heap), or `SPACE_FREE`.
    pub(crate) space: u8,
    pub(crate) flags: u8,
    _pad: u16,
}

const DESC_BYTES: usize = std::mem::size_of::<BlockDesc>();
const _: () = assert!(DESC_BYTES * BLOCKS_PER_MBLOCK == 4096, "one descriptor page per megablock");

/// A group of blocks, named by the index of its first block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Group(pub(crate) u32);

pub(crate) struct BlockAllocator {
    /// The first byte of the reserved range (megablock-aligned).
    base: Word,
    /// The reserved range's length in bytes.
    len: usize,
    /// The mapping as returned by the OS (for unmapping).
    map: (Word, usize),
    descs: *mut BlockDesc,
    /// Megablocks below this index have been committed at some time.
    high_water: usize,
    /// Megablocks below `high_water` that are not committed now.
    uncommitted: Vec<usize>,
    free_singles: Vec<u32>,
    /// Free groups of more than one block: first block -> blocks.
    free_groups: BTreeMap<u32, u32>,
    /// Blocks in groups in use.
    pub(crate) blocks_in_use: usize,
    /// The most blocks ever committed at once.
    pub(crate) peak_committed: usize,
}

// SAFETY (for the `unsafe` blocks below that call the OS): the calls only touch the
// range this allocator reserved, and check their results.
fn map_reserved(bytes: usize) -> Option<Word> {
    // SAFETY: an anonymous, inaccessible mapping of fresh address space.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as Word)
}

fn protect(addr: Word, bytes: usize, writable: bool) -> bool {
    let prot = if writable { libc::PROT_READ | libc::PROT_WRITE } else { libc::PROT_NONE };
    // SAFETY: `addr..addr+bytes` lies inside a range this allocator reserved.
    unsafe { libc::mprotect(addr as *mut libc::c_void, bytes, prot) == 0 }
}

impl BlockAllocator {
    /// Reserve address space for the heap: as much as the OS gives, up to 256 GiB (no
    /// memory is used until blocks are allocated).
    pub(crate) fn new() -> Option<BlockAllocator> {
        let mut len = 256usize << 30;
        while len >= 1 << 30 {
            let heap = map_reserved(len + MBLOCK_BYTES);
            let descs = map_reserved((len >> BLOCK_SHIFT) * DESC_BYTES);
            match (heap, descs) {
                (Some(h), Some(d)) => {
                    let base = (h + MBLOCK_BYTES - 1) & !(MBLOCK_BYTES - 1);
                    return Some(BlockAllocator {
                        base,
                        len,
                        map: (h, len + MBLOCK_BYTES),
                        descs: d as *mut BlockDesc,
                        high_water: 0,
                        uncommitted: Vec::new(),
                        free_singles: Vec::new(),
                        free_groups: BTreeMap::new(),
                        blocks_in_use: 0,
                        peak_committed: 0,
                    });
                }
                (h, d) => {
                    // SAFETY: unmapping exactly what was just mapped.
                    unsafe {
                        if let Some(h) = h {
                            libc::munmap(h as *mut libc::c_void, len + MBLOCK_BYTES);
                        }
                        if let Some(d) = d {
                            libc::munmap(d as *mut libc::c_void, (len >> BLOCK_SHIFT) * DESC_BYTES);
                        }
                    }
                }
            }
            len /= 2;
        }
        None
    }

    /// Whether `w` points into the heap's address range.
    #[inline(always)]
    pub(crate) fn is_heap(&self, w: Word) -> bool {
        w.wrapping_sub(self.base) < self.len
    }

    /// The descriptor of the block holding heap address `w`.
    ///
    /// # Safety
    /// `is_heap(w)` and the block's megablock has been committed.
    #[inline(always)]
    pub(crate) unsafe fn desc(&self, w: Word) -> *mut BlockDesc {
        self.descs.add((w - self.base) >> BLOCK_SHIFT)
    }

    /// The descriptor of block `b`.
    ///
    /// # Safety
    /// Block `b`'s megablock has been committed.
    #[inline(always)]
    pub(crate) unsafe fn block_desc(&self, b: u32) -> *mut BlockDesc {
        self.descs.add(b as usize)
    }

    pub(crate) fn start(&self, g: Group) -> *mut Word {
        (self.base + ((g.0 as usize) << BLOCK_SHIFT)) as *mut Word
    }

    /// The group whose head block holds `w`.
    pub(crate) fn group_of(&self, w: Word) -> Group {
        Group(((w - self.base) >> BLOCK_SHIFT) as u32)
    }

    /// Blocks in group `g`.
    pub(crate) fn blocks(&self, g: Group) -> usize {
        // SAFETY: a group in use has a committed head descriptor.
        unsafe { (*self.block_desc(g.0)).blocks as usize }
    }

    /// One past the last word of group `g`.
    pub(crate) fn end(&self, g: Group) -> *mut Word {
        (self.start(g) as Word + self.blocks(g) * BLOCK_BYTES) as *mut Word
    }

    /// Commit megablock `m` (its memory and its descriptor page) and mark its blocks free.
    fn commit(&mut self, m: usize) -> bool {
        let addr = self.base + m * MBLOCK_BYTES;
        let desc_page = self.descs as Word + m * BLOCKS_PER_MBLOCK * DESC_BYTES;
        if !protect(addr, MBLOCK_BYTES, true) || !protect(desc_page, 4096, true) {
            return false;
        }
        for b in 0..BLOCKS_PER_MBLOCK {
            // SAFETY: the descriptor page was just made writable.
            unsafe { (*self.block_desc((m * BLOCKS_PER_MBLOCK + b) as u32)).space = SPACE_FREE };
        }
        let committed = (self.high_water.max(m + 1) - self.uncommitted.len()) * BLOCKS_PER_MBLOCK;
        self.peak_committed = self.peak_committed.max(committed);
        true
    }

    /// `n` fresh contiguous megablocks, committed; the index of the first.
    fn fresh_megablocks(&mut self, n: usize) -> Option<usize> {
        if n == 1 {
            if let Some(m) = self.uncommitted.pop() {
                return self.commit(m).then_some(m);
            }
        }
        let first = self.high_water;
        if (first + n) * MBLOCK_BYTES > self.len {
            return None;
        }
        for m in first..first + n {
            if !self.commit(m) {
                return None;
            }
            self.high_water = m + 1;
        }
        Some(first)
    }

    /// A group of `n >= 1` blocks for `space` with `flags`, or `None` when the reserved
    /// range (or the OS) has no more memory.
    pub(crate) fn alloc_group(&mut self, n: usize, space: u8, flags: u8) -> Option<Group> {
        let n32 = u32::try_from(n).ok()?;
        let start = if n == 1 && !self.free_singles.is_empty() {
            self.free_singles.pop()?
        } else if let Some((&s, &len)) = self.free_groups.iter().find(|(_, &len)| len >= n32) {
            self.free_groups.remove(&s);
            self.release(s + n32, len - n32);
            s
        } else {
            let megablocks = n.div_ceil(BLOCKS_PER_MBLOCK);
            let m = self.fresh_megablocks(megablocks)?;
            let s = (m * BLOCKS_PER_MBLOCK) as u32;
            self.release(s + n32, (megablocks * BLOCKS_PER_MBLOCK) as u32 - n32);
            s
        };
        for b in start..start + n32 {
            // SAFETY: the blocks of a group handed out are in committed megablocks.
            unsafe {
                let d = self.block_desc(b);
                (*d).space = space;
                (*d).flags = flags;
                (*d).blocks = 0;
            }
        }
        let g = Group(start);
        // SAFETY: as above.
        unsafe {
            let d = self.block_desc(start);
            (*d).blocks = n32;
            (*d).free = self.start(g) as Word;
        }
        self.blocks_in_use += n;
        Some(g)
    }

    /// Put `n` free blocks from `start` on the free lists.
    fn release(&mut self, start: u32, n: u32) {
        match n {
            0 => {}
            1 => self.free_singles.push(start),
            _ => {
                self.free_groups.insert(start, n);
            }
        }
    }

    /// Give group `g` back; its blocks can be reused at once.
    pub(crate) fn free_group(&mut self, g: Group) {
        let n = self.blocks(g);
        for b in g.0..g.0 + n as u32 {
            // SAFETY: the group's descriptors are committed.
            unsafe { (*self.block_desc(b)).space = SPACE_FREE };
        }
        self.blocks_in_use -= n;
        self.release(g.0, n as u32);
    }

    /// Whether `n` more blocks can be had without running out of reserved space.
    pub(crate) fn can_supply(&self, n: usize) -> bool {
        let listed = self.free_singles.len()
            + self.free_groups.values().map(|&len| len as usize).sum::<usize>();
        let megablocks = self.len / MBLOCK_BYTES - self.high_water + self.uncommitted.len();
        listed + megablocks * BLOCKS_PER_MBLOCK >= n
    }

    /// One past the last block whose megablock was ever committed (descriptors below
    /// it can be read).
    pub(crate) fn committed_limit(&self) -> u32 {
        (self.high_water * BLOCKS_PER_MBLOCK) as u32
    }

    /// Blocks committed now.
    pub(crate) fn blocks_committed(&self) -> usize {
        (self.high_water - self.uncommitted.len()) * BLOCKS_PER_MBLOCK
    }

    /// Hand whole free megablocks back to the OS while more than `keep` free blocks
    /// would remain, then rebuild the free lists from the descriptors so that adjacent
    /// free blocks form groups again.
    pub(crate) fn return_memory(&mut self, keep: usize) {
        let mut spare = self.blocks_committed() - self.blocks_in_use;
        for m in (0..self.high_water).rev() {
            if spare < keep + BLOCKS_PER_MBLOCK {
                break;
            }
            let first = (m * BLOCKS_PER_MBLOCK) as u32;
            // SAFETY: descriptors below `high_water` are committed.
            let all_free = (first..first + BLOCKS_PER_MBLOCK as u32)
                .all(|b| unsafe { (*self.block_desc(b)).space == SPACE_FREE });
            if all_free && self.decommit(m) {
                spare -= BLOCKS_PER_MBLOCK;
            }
        }
        self.free_singles.clear();
        self.free_groups.clear();
        let mut b = 0u32;
        let total = (self.high_water * BLOCKS_PER_MBLOCK) as u32;
        while b < total {
            // SAFETY: as above.
            if unsafe { (*self.block_desc(b)).space } != SPACE_FREE {
                b += 1;
                continue;
            }
            let start = b;
            // SAFETY: as above.
            while b < total && unsafe { (*self.block_desc(b)).space } == SPACE_FREE {
                b += 1;
            }
            self.release(start, b - start);
        }
    }

    fn decommit(&mut self, m: usize) -> bool {
        let addr = self.base + m * MBLOCK_BYTES;
        // SAFETY: the megablock is inside the reservation and holds no live object;
        // its pages are dropped, and it becomes inaccessible until committed again.
        let dropped = unsafe {
            libc::madvise(addr as *mut libc::c_void, MBLOCK_BYTES, libc::MADV_DONTNEED) == 0
        };
        if !dropped || !protect(addr, MBLOCK_BYTES, false) {
            return false;
        }
        for b in 0..BLOCKS_PER_MBLOCK {
            // SAFETY: the descriptor page stays committed.
            unsafe { (*self.block_desc((m * BLOCKS_PER_MBLOCK + b) as u32)).space = SPACE_UNCOMMITTED };
        }
        self.uncommitted.push(m);
        true
    }
}

impl Drop for BlockAllocator {
    fn drop(&mut self) {
        // SAFETY: unmapping the two reservations this allocator made; nothing points
        // into them once the runtime that owns the allocator is gone.
        unsafe {
            libc::munmap(self.map.0 as *mut libc::c_void, self.map.1);
            libc::munmap(self.descs as *mut libc::c_void, (self.len >> BLOCK_SHIFT) * DESC_BYTES);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_are_found_from_any_address_in_a_group() {
        let mut ba = BlockAllocator::new().expect("address space");
        let g = ba.alloc_group(3, 1, 0).unwrap();
        let inside = ba.start(g) as Word + 2 * BLOCK_BYTES + 8;
        assert!(ba.is_heap(inside));
        // SAFETY: `inside` is in a committed group.
        unsafe { assert_eq!((*ba.desc(inside)).space, 1) };
        assert_eq!(ba.blocks(g), 3);
        assert!(!ba.is_heap(&ba as *const _ as Word));
    }

    #[test]
    fn freed_blocks_are_reused_at_once() {
        let mut ba = BlockAllocator::new().unwrap();
        let a = ba.alloc_group(1, 0, 0).unwrap();
        ba.free_group(a);
        assert_eq!(ba.alloc_group(1, 0, 0), Some(a));
        let big = ba.alloc_group(20, 0, 0).unwrap();
        ba.free_group(big);
        assert_eq!(ba.alloc_group(20, 0, 0), Some(big));
    }

    #[test]
    fn groups_larger_than_a_megablock_and_memory_returned() {
        let mut ba = BlockAllocator::new().unwrap();
        let huge = ba.alloc_group(BLOCKS_PER_MBLOCK * 3 + 5, 2, FLAG_LARGE).unwrap();
        // SAFETY: the whole group is committed memory.
        unsafe { *ba.end(huge).sub(1) = 7 };
        assert!(ba.blocks_committed() >= BLOCKS_PER_MBLOCK * 4);
        ba.free_group(huge);
        ba.return_memory(0);
        assert_eq!(ba.blocks_committed(), 0);
        let again = ba.alloc_group(2, 0, 0).unwrap();
        // SAFETY: recommitted memory is writable.
        unsafe { *ba.start(again) = 1 };
    }
}
