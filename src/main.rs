fn main() -> std::process::ExitCode {
    return_large_buffers();
    vanban::cli::run()
}

/// glibc raises its mmap threshold each time a large block is freed, after
/// which every document's large buffers (its Markdown, its DOCX, the XML
/// of a big table) come from the heap, where a small allocation
/// kept after them (a written path) pins the heap's top: the heap then
/// grows with the number of documents (390 MB for 300 branches × 30 members,
/// 46 MB with this fixed threshold; 1,000 × 30 with rosters, 33,005
/// documents: 140 MB without, 97 MB with; benches/scale.sh). A fixed threshold
/// keeps large blocks in their own mappings, returned when freed. Other
/// allocators (Windows, macOS, musl) give freed large blocks back by
/// themselves.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_buffers() {
    // SAFETY: mallopt only changes a malloc tunable; called once, before any
    // other thread exists. Its result (0 on failure) leaves the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 64 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_buffers() {}
