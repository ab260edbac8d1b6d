//! The web build's memory allocator: free lists by power-of-two size class over memory the
//! WebAssembly module grows. Rust's default wasm allocator (dlmalloc) is about 4.8 KB of the
//! first load's gzip; this one is a few hundred bytes, and every allocation and free is O(1).
//!
//! What it gives up: a block never changes class, so memory freed in one class is not reused by
//! another, and each block is rounded up to a power of two. For a page that holds one trial and
//! one person's answers (a few MB at most) that costs little, and the browser frees it all when
//! the page closes. The page is single-threaded: there is no lock.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// The smallest block: 16 bytes (2^4), room for the free list's link and any usual alignment.
const MIN_SHIFT: usize = 4;
/// Classes from 16 bytes to 2 GiB.
const CLASSES: usize = 28;
/// WebAssembly's page size, the unit memory grows by; no block is aligned to more.
pub const PAGE: usize = 65_536;
/// Memory grows by at least this much at a time (1 MiB), so growing is rare.
const GROW_PAGES: usize = 16;

/// Where new memory comes from: `grow(pages)` adds that many pages and returns the address of
/// the first, or `None` when there is no more.
pub trait Grow {
    fn grow(&self, pages: usize) -> Option<usize>;
}

pub struct SizeClasses<G> {
    heap: UnsafeCell<Heap>,
    grow: G,
}

struct Heap {
    /// The first free block of each class; 0 for none. A free block's first word links to the next.
    free: [usize; CLASSES],
    /// Memory not handed out yet: from `next` to `end`.
    next: usize,
    end: usize,
}

// Safety: WebAssembly without the atomics feature has one thread: nothing can share the
// allocator across threads. Elsewhere the type is not `Sync`, so it cannot be a global
// allocator (the tests use it from one thread, through a reference).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<G> Sync for SizeClasses<G> {}

impl<G> SizeClasses<G> {
    pub const fn new(grow: G) -> Self {
        SizeClasses {
            heap: UnsafeCell::new(Heap {
                free: [0; CLASSES],
                next: 0,
                end: 0,
            }),
            grow,
        }
    }
}

/// The class of a layout: blocks of 2^(class + MIN_SHIFT) bytes, at least as large as the size
/// and the alignment. `None` for what no class holds.
fn class(size: usize, align: usize) -> Option<usize> {
    if align > PAGE {
        return None;
    }
    let bytes = size.max(align).max(1 << MIN_SHIFT);
    let shift = (usize::BITS - (bytes - 1).leading_zeros()) as usize;
    let class = shift - MIN_SHIFT;
    (class < CLASSES).then_some(class)
}

fn block_size(class: usize) -> usize {
    1 << (class + MIN_SHIFT)
}

impl<G: Grow> SizeClasses<G> {
    /// A new block of `class` from the memory not handed out yet, growing it when needed. Blocks
    /// are aligned to their size (up to a page), so every alignment the class admits is met.
    fn carve(&self, heap: &mut Heap, class: usize) -> *mut u8 {
        let size = block_size(class);
        let align = size.min(PAGE);
        let fits = |heap: &Heap| {
            let start = heap.next.checked_next_multiple_of(align)?;
            let end = start.checked_add(size)?;
            (end <= heap.end).then_some(start)
        };
        let start = match fits(heap) {
            Some(start) => start,
            None => {
                let pages = size.div_ceil(PAGE).max(GROW_PAGES);
                let Some(region) = self.grow.grow(pages) else {
                    return null_mut();
                };
                // 0 marks an empty free list, so no block may start there.
                debug_assert_ne!(region, 0);
                // Grown memory follows the old end when nothing else grows it; otherwise what
                // was left of the old region is given up.
                if region != heap.end {
                    heap.next = region;
                }
                let Some(end) = pages.checked_mul(PAGE).and_then(|n| region.checked_add(n)) else {
                    return null_mut();
                };
                heap.end = end;
                match fits(heap) {
                    Some(start) => start,
                    None => return null_mut(),
                }
            }
        };
        heap.next = start + size;
        start as *mut u8
    }
}

unsafe impl<G: Grow> GlobalAlloc for SizeClasses<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout.size(), layout.align()) else {
            return null_mut();
        };
        // Safety: one thread, and no allocation happens while this borrow lives.
        let heap = unsafe { &mut *self.heap.get() };
        let head = heap.free[class];
        if head != 0 {
            // Safety: a free block of this class holds the address of the next one.
            heap.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        self.carve(heap, class)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class(layout.size(), layout.align()) else {
            return;
        };
        let heap = unsafe { &mut *self.heap.get() };
        // Safety: the block was this class's (same layout), and is at least 16 bytes, aligned.
        unsafe { *(ptr as *mut usize) = heap.free[class] };
        heap.free[class] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Within the same class the block already has room: a growing Vec or String often stays.
        if class(layout.size(), layout.align()) == class(new_size, layout.align()) {
            return ptr;
        }
        // Safety: as GlobalAlloc::realloc's own default, which the caller's contract allows.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

/// WebAssembly's own memory, grown with `memory.grow`.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Grow for WasmMemory {
    fn grow(&self, pages: usize) -> Option<usize> {
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then_some(old * PAGE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Pages from one buffer, as memory.grow would give them, up to a limit.
    struct Buffer {
        base: usize,
        used: Cell<usize>,
        pages: usize,
    }

    impl Buffer {
        fn new(pages: usize) -> Buffer {
            let layout = Layout::from_size_align(pages * PAGE, PAGE).unwrap();
            // Leaked: the test's heap lives as long as the test process.
            let base = unsafe { std::alloc::alloc(layout) } as usize;
            assert_ne!(base, 0);
            Buffer {
                base,
                used: Cell::new(0),
                pages,
            }
        }
    }

    impl Grow for Buffer {
        fn grow(&self, pages: usize) -> Option<usize> {
            let used = self.used.get();
            (used + pages <= self.pages).then(|| {
                self.used.set(used + pages);
                self.base + used * PAGE
            })
        }
    }

    #[test]
    fn classes_hold_the_size_and_the_alignment() {
        assert_eq!(class(1, 1), Some(0));
        assert_eq!(class(16, 8), Some(0));
        assert_eq!(class(17, 1), Some(1));
        assert_eq!(class(8, 64), Some(2));
        assert_eq!(class(100_000, 8), Some(13)); // 128 KiB
        assert_eq!(class(usize::MAX, 1), None);
        assert_eq!(class(8, 2 * PAGE), None);
    }

    #[test]
    fn blocks_are_aligned_distinct_and_reused_after_free() {
        let heap = SizeClasses::new(Buffer::new(256));
        let layouts = [(1, 1), (24, 8), (100, 16), (4000, 4), (70_000, 8), (32, 32)];
        let mut blocks = Vec::new();
        for round in 0..50u8 {
            for &(size, align) in &layouts {
                let layout = Layout::from_size_align(size, align).unwrap();
                let ptr = unsafe { heap.alloc(layout) };
                assert!(!ptr.is_null());
                assert_eq!(ptr as usize % align, 0, "aligned");
                unsafe { ptr.write_bytes(round, size) };
                blocks.push((ptr, layout, round));
            }
        }
        // No block overlaps another: each still holds what was written into it.
        for &(ptr, layout, round) in &blocks {
            let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            assert!(bytes.iter().all(|&b| b == round));
        }
        let (ptr, layout, _) = blocks[7];
        unsafe { heap.dealloc(ptr, layout) };
        assert_eq!(
            unsafe { heap.alloc(layout) },
            ptr,
            "a freed block is reused"
        );
    }

    #[test]
    fn realloc_keeps_the_contents() {
        let heap = SizeClasses::new(Buffer::new(64));
        let layout = Layout::from_size_align(10, 1).unwrap();
        let ptr = unsafe { heap.alloc(layout) };
        unsafe { ptr.copy_from(b"0123456789".as_ptr(), 10) };
        let same = unsafe { heap.realloc(ptr, layout, 16) };
        assert_eq!(same, ptr, "the same class: not moved");
        let moved = unsafe { heap.realloc(ptr, Layout::from_size_align(16, 1).unwrap(), 5000) };
        assert_ne!(moved, ptr);
        assert_eq!(
            unsafe { std::slice::from_raw_parts(moved, 10) },
            b"0123456789"
        );
    }

    /// Memory that something else grew in between: the new region does not follow the old.
    struct Gappy(Buffer);

    impl Grow for Gappy {
        fn grow(&self, pages: usize) -> Option<usize> {
            self.0.grow(1)?; // a page taken by someone else
            self.0.grow(pages)
        }
    }

    #[test]
    fn growth_that_does_not_follow_on_starts_a_new_region() {
        let heap = SizeClasses::new(Gappy(Buffer::new(128)));
        let big = Layout::from_size_align(PAGE * 12, 8).unwrap();
        let first = unsafe { heap.alloc(big) } as usize;
        let second = unsafe { heap.alloc(big) } as usize;
        assert!(first != 0 && second != 0);
        assert!(
            second >= first + PAGE * 16 + PAGE,
            "after the gap: {first:#x} {second:#x}"
        );
        assert_eq!(
            second % PAGE,
            0,
            "aligned to its size, up to a page: {second:#x}"
        );
    }

    #[test]
    fn running_out_of_memory_is_a_null_pointer_not_a_crash() {
        let heap = SizeClasses::new(Buffer::new(16));
        let big = Layout::from_size_align(PAGE * 8, 8).unwrap();
        assert!(!unsafe { heap.alloc(big) }.is_null());
        assert!(unsafe { heap.alloc(Layout::from_size_align(PAGE * 16, 8).unwrap()) }.is_null());
    }
}
