//! The binary as an operator runs it: first administrator, refusal to expose demo
//! accounts, graceful shutdown that finishes an in-flight request, gazetteer import errors.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kozos"))
}

fn temp_db() -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!(
        "kozos-cli-{}",
        kozos_app::auth::random_token()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(10)
            .collect::<String>()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/kozos.db?mode=rwc", dir.display());
    (dir, url)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_ready(port: u16) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
            let _ = s.write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            let mut out = String::new();
            let _ = s.read_to_string(&mut out);
            if out.starts_with("HTTP/1.1 200") {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("server on {port} not ready");
}

#[test]
fn first_administrator_from_the_command_line() {
    let (dir, url) = temp_db();
    let mut child = bin()
        .args([
            "--database-url",
            &url,
            "user",
            "add",
            "--email",
            "Jegyzo@Kisber.hu",
            "--name",
            "Jegyző Judit",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"hosszu-es-titkos-jelszo\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("jegyzo@kisber.hu as administrator on country"));
    // a short password is refused with a reason
    let out = bin()
        .args([
            "--database-url",
            &url,
            "user",
            "add",
            "--email",
            "x@kisber.hu",
            "--name",
            "X",
            "--password",
            "rovid",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("password: The password must be at least 10 characters long"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn demo_accounts_are_not_served_beyond_loopback() {
    let (dir, url) = temp_db();
    let out = bin()
        .args([
            "--database-url",
            &url,
            "serve",
            "--demo",
            "--bind",
            "0.0.0.0:0",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("demo accounts with published passwords"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_finishes_the_request_in_flight_then_exits_cleanly() {
    let (dir, url) = temp_db();
    let port = free_port();
    let mut server = bin()
        .args([
            "--database-url",
            &url,
            "serve",
            "--demo",
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_ready(port);
    // Start a request and leave its body half sent.
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let body = "email=a%40b.hu&password=xxxxxxxxxx";
    write!(s, "POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}", body.len(), &body[..10]).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let kill = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    std::thread::sleep(Duration::from_millis(200));
    // New connections are no longer accepted…
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "listener closed after SIGTERM"
    );
    // …but the request in flight completes.
    s.write_all(&body.as_bytes()[10..]).unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.1 403"),
        "the in-flight request got its answer (CSRF refusal): {response:.60}"
    );
    let status = server.wait().unwrap();
    assert!(status.success(), "clean exit on SIGTERM");
    let mut log = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(log.contains("shut down cleanly"), "{log}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn gazetteer_import_command_reports_bad_rows() {
    let (dir, url) = temp_db();
    let file = dir.join("helysegek.csv");
    std::fs::write(&file, "name;ksh_code;district;county\nÁszár;02884;Kisbéri járás;Komárom-Esztergom\nRossz;12;Kisbéri járás;Atlantisz\n").unwrap();
    let out = bin()
        .args(["--database-url", &url, "places", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 3") && err.contains("Atlantisz") && err.contains("nothing imported"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn gazetteer_import_from_xlsx() {
    let (dir, url) = temp_db();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/helysegek.xlsx");
    let out = bin()
        .args(["--database-url", &url, "places", "import"])
        .arg(&fixture)
        .args([
            "--name-col",
            "Helység",
            "--ksh-col",
            "KSH kód",
            "--district-col",
            "Járás",
            "--county-col",
            "Vármegye",
            "--attribution",
            "KSH Helységnévtár, CC BY 4.0",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 settlements"));
    let _ = std::fs::remove_dir_all(dir);
}

/// One raw HTTP exchange with a running server; the response head and body as text.
fn raw_get(port: u16, path: &str, extra_headers: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra_headers}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

fn header_value<'a>(response: &'a str, name: &str) -> Option<&'a str> {
    response
        .split("\r\n\r\n")
        .next()
        .unwrap_or("")
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim())
        })
}

#[test]
fn request_ids_from_outside_are_kept_only_when_plain_and_short() {
    let (dir, url) = temp_db();
    let port = free_port();
    let mut server = bin()
        .args([
            "--database-url",
            &url,
            "serve",
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_ready(port);
    let plain = raw_get(port, "/healthz", "X-Request-Id: proxy-7f3a.42_b\r\n");
    assert_eq!(
        header_value(&plain, "x-request-id"),
        Some("proxy-7f3a.42_b")
    );
    let long = "a".repeat(65);
    for bad in [
        long.as_str(),
        "has space",
        "evil\"quote",
        "semi;colon",
        "ütf8",
    ] {
        let r = raw_get(port, "/healthz", &format!("X-Request-Id: {bad}\r\n"));
        let id = header_value(&r, "x-request-id").expect("an id is always given");
        assert_ne!(id, bad);
        assert!(
            id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
        );
    }
    let none = raw_get(port, "/healthz", "");
    assert!(header_value(&none, "x-request-id").is_some_and(|v| v.len() == 16));
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_command_line_refuses_weak_passwords() {
    let (dir, url) = temp_db();
    for weak in ["          ", "password123", "1234567890"] {
        let out = bin()
            .args([
                "--database-url",
                &url,
                "user",
                "add",
                "--email",
                "jegyzo@kisber.hu",
                "--name",
                "Jegyző Judit",
            ])
            .env("KOZOS_PASSWORD", weak)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{weak:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("password"), "{err}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
