fn main() -> std::process::ExitCode {
    kozos::cli::main()
}
