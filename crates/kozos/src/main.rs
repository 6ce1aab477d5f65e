fn main() -> std::process::ExitCode {
    limit_allocator_retention();
    kozos::cli::main()
}

/// Argon2 allocates ~19 MiB per password hash. glibc raises its mmap threshold after the
/// first such block is freed, so later blocks come from the heap and stay resident; a
/// fixed threshold keeps big blocks in mmap and returns them to the system on free.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_allocator_retention() {
    // SAFETY: mallopt only sets allocator parameters; called before any other thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_allocator_retention() {}
