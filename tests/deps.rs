//! End-to-end tests of the dependency audit: the database download against a
//! server on 127.0.0.1 that each test starts, the cache, the offline and
//! no-database paths in every output format, ignores with expiry, installed
//! environments, and damaged inputs.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use assert_cmd::cargo::CommandCargoExt;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn test_db() -> PathBuf {
    root().join("tests/fixtures/deps-audit/db")
}

/// pyward with its own cache folder and no network unless a test asks.
fn pyward(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pyward").expect("binary built");
    cmd.env("PYWARD_CACHE_DIR", cache).env("PYWARD_OFFLINE", "1").env_remove("PYWARD_DB_URL").env_remove("NO_COLOR");
    cmd
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An OSV zip of the test database (plus any extra entries).
fn osv_zip(extra: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut files: Vec<PathBuf> = std::fs::read_dir(test_db())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        w.start_file(f.file_name().unwrap().to_string_lossy(), opts).unwrap();
        w.write_all(&std::fs::read(&f).unwrap()).unwrap();
    }
    for (name, body) in extra {
        w.start_file(*name, opts).unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

type Responder = Box<dyn Fn(&str) -> Vec<u8> + Send>;

/// A tiny HTTP server on 127.0.0.1: answers each request with what the
/// responder returns for its request head, then closes the connection.
/// Returns the URL and the log of request heads.
fn serve(responder: Responder) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/PyPI/all.zip", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&log);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                match stream.read(&mut byte) {
                    Ok(1) => head.push(byte[0]),
                    _ => break,
                }
            }
            let head = String::from_utf8_lossy(&head).into_owned();
            seen.lock().unwrap().push(head.clone());
            let _ = stream.write_all(&responder(&head));
            let _ = stream.flush();
        }
    });
    (url, log)
}

fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A server that serves the zip with an ETag and answers 304 to a request
/// that already has it.
fn etag_server(zip: Vec<u8>) -> (String, Arc<Mutex<Vec<String>>>) {
    serve(Box::new(move |head| {
        if head.to_ascii_lowercase().contains("if-none-match: \"v1\"") {
            response("304 Not Modified", &[("ETag", "\"v1\"")], b"")
        } else {
            response("200 OK", &[("ETag", "\"v1\""), ("Last-Modified", "Sat, 28 Nov 2026 10:00:00 GMT")], &zip)
        }
    }))
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn update_downloads_then_asks_conditionally_and_scans_use_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    let (url, log) = etag_server(osv_zip(&[]));
    let o = pyward(cache.path()).args(["db", "update", "--url", &url]).output().unwrap();
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("downloaded 9 advisories"), "{}", err(&o));
    let o = pyward(cache.path()).args(["db", "update", "--url", &url]).output().unwrap();
    assert!(o.status.success() && err(&o).contains("is current"), "{}", err(&o));
    let heads = log.lock().unwrap().clone();
    assert_eq!(heads.len(), 2);
    assert!(heads[1].to_ascii_lowercase().contains("if-none-match: \"v1\""), "{}", heads[1]);
    assert!(heads[1].to_ascii_lowercase().contains("if-modified-since:"), "{}", heads[1]);
    let status = out(&pyward(cache.path()).args(["db", "status"]).output().unwrap());
    assert!(status.contains("9 advisories") && status.contains(&url), "{status}");
    // A scan uses the cache (offline), and says so.
    let p = project(&[("requirements.txt", "django==3.2.0\n")]);
    let o = pyward(cache.path()).args(["scan", "--no-progress"]).arg(p.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("DEP001") && out(&o).contains("PYSEC-2099-1, GHSA-aaaa-bbbb-cccc"), "{}", out(&o));
    assert!(out(&o).contains("1 dependency in 1 manifest audited against the OSV PyPI database"), "{}", out(&o));
}

#[test]
fn server_errors_and_damaged_downloads_leave_the_old_cache_usable() {
    let cache = tempfile::tempdir().unwrap();
    let (url, _) = etag_server(osv_zip(&[]));
    assert!(pyward(cache.path()).args(["db", "update", "--url", &url]).output().unwrap().status.success());
    let zip_path = cache.path().join("osv/PyPI/all.zip");
    let before = std::fs::read(&zip_path).unwrap();
    let good = osv_zip(&[]);
    let truncated = good[..good.len() / 2].to_vec();
    let escaping = osv_zip(&[("../../escaped.json", "{\"id\": \"X-1\"}")]);
    let cases: Vec<(&str, Responder)> = vec![
        ("404", Box::new(|_: &str| response("404 Not Found", &[], b"no"))),
        ("500", Box::new(|_: &str| response("500 Internal Server Error", &[], b"oops"))),
        (
            "cut short",
            Box::new(move |_: &str| {
                // Announces the whole zip, sends half, closes.
                let mut r = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", good.len())
                    .into_bytes();
                r.extend_from_slice(&good[..good.len() / 2]);
                r
            }),
        ),
        ("not a zip", Box::new(move |_: &str| response("200 OK", &[], &truncated))),
        ("escaping", Box::new(move |_: &str| response("200 OK", &[], &escaping))),
    ];
    for (what, responder) in cases {
        let (bad_url, _) = serve(responder);
        let o = pyward(cache.path()).args(["db", "update", "--no-progress", "--url", &bad_url]).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{what}: {}", err(&o));
        let e = err(&o);
        let expected = match what {
            "404" => "answered 404",
            "500" => "answered 500",
            "cut short" => "interrupted",
            "not a zip" => "truncated or corrupt",
            _ => "escapes its folder",
        };
        assert!(e.contains(expected), "{what}: {e}");
        assert_eq!(std::fs::read(&zip_path).unwrap(), before, "{what}: the cached zip changed");
        let leftovers: Vec<_> = std::fs::read_dir(zip_path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".part"))
            .collect();
        assert!(leftovers.is_empty(), "{what}: left {leftovers:?}");
    }
    assert!(
        !cache.path().join("escaped.json").exists() && !cache.path().parent().unwrap().join("escaped.json").exists()
    );
    // The old cache still audits.
    let p = project(&[("requirements.txt", "django==3.2.0\n")]);
    let o = pyward(cache.path()).args(["scan", "--no-progress", "--select", "DEP"]).arg(p.path()).output().unwrap();
    assert!(out(&o).contains("DEP001"), "{}", out(&o));
}

#[test]
fn a_stale_cache_is_refreshed_by_a_scan_and_kept_when_the_server_is_down() {
    let cache = tempfile::tempdir().unwrap();
    let (url, log) = etag_server(osv_zip(&[]));
    assert!(pyward(cache.path()).args(["db", "update", "--url", &url]).output().unwrap().status.success());
    let p = project(&[("requirements.txt", "django==3.2.0\n")]);
    // Older than --db-max-age 0s: the scan asks the server (304).
    let o = pyward(cache.path())
        .env_remove("PYWARD_OFFLINE")
        .env("PYWARD_DB_URL", &url)
        .args(["scan", "--no-progress", "--select", "DEP", "--db-max-age", "0s"])
        .arg(p.path())
        .output()
        .unwrap();
    assert!(out(&o).contains("DEP001"), "{}{}", out(&o), err(&o));
    assert_eq!(log.lock().unwrap().len(), 2);
    // With the server gone, the stale copy is used and the report says so.
    let dead = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/all.zip", l.local_addr().unwrap())
    };
    let o = pyward(cache.path())
        .env_remove("PYWARD_OFFLINE")
        .env("PYWARD_DB_URL", &dead)
        .args(["scan", "--no-progress", "--select", "DEP", "--db-max-age", "0s"])
        .arg(p.path())
        .output()
        .unwrap();
    assert!(out(&o).contains("DEP001") && out(&o).contains("could not be refreshed"), "{}", out(&o));
}

#[test]
fn without_a_database_every_format_says_dependencies_were_not_audited() {
    let cache = tempfile::tempdir().unwrap();
    let p = project(&[("requirements.txt", "django==3.2.0\n"), ("app.py", "import os\n")]);
    for (format, needle) in [
        ("text", "Dependencies were NOT audited"),
        ("json", "\"audited\": false"),
        ("sarif", "Dependencies were NOT audited"),
        ("bandit", "Dependencies were NOT audited"),
    ] {
        let o =
            pyward(cache.path()).args(["scan", "--no-progress", "--format", format]).arg(p.path()).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{format}: {}", err(&o));
        assert!(out(&o).contains(needle), "{format}: {}", out(&o));
        assert!(out(&o).contains("offline"), "{format}: the reason is given: {}", out(&o));
    }
    let o = pyward(cache.path()).args(["scan", "--no-progress", "--require-db"]).arg(p.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("dependencies were not audited") && err(&o).contains("pyward db update"), "{}", err(&o));
    // A project without dependencies needs no database.
    let q = project(&[("app.py", "import os\n")]);
    let o = pyward(cache.path()).args(["scan", "--no-progress", "--require-db"]).arg(q.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn damaged_databases_given_with_db_are_errors_that_name_the_file() {
    let cache = tempfile::tempdir().unwrap();
    let p = project(&[("requirements.txt", "django==3.2.0\n")]);
    let dir = tempfile::tempdir().unwrap();
    let good = osv_zip(&[]);
    let cases = [
        ("truncated.zip", good[..good.len() - 40].to_vec()),
        ("garbage.zip", b"PK\x03\x04 this is not really a zip".to_vec()),
        ("bad-record.zip", osv_zip(&[("BAD-1.json", "{\"id\": ")])),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = pyward(cache.path()).args(["scan", "--no-progress", "--db"]).arg(&path).arg(p.path()).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{name}: {}", out(&o));
        assert!(err(&o).contains(name), "{name}: {}", err(&o));
    }
    let o =
        pyward(cache.path()).args(["scan", "--no-progress", "--db", "/nonexistent/db"]).arg(p.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("/nonexistent/db"), "{}", err(&o));
}

#[test]
fn the_three_database_layouts_give_the_same_findings() {
    let cache = tempfile::tempdir().unwrap();
    let p = project(&[("requirements.txt", "django==3.2.0\nrequests==2.19.0\nzope.interface==4.0.0\n")]);
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("all.zip");
    std::fs::write(&zip_path, osv_zip(&[])).unwrap();
    // The PyPA layout: vulns/<package>/<ID>.yaml (JSON is valid YAML).
    let pypa = dir.path().join("advisory-database");
    for f in std::fs::read_dir(test_db()).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|x| x == "json") {
            let d = pypa.join("vulns").join("some-package");
            std::fs::create_dir_all(&d).unwrap();
            std::fs::copy(&f, d.join(f.file_name().unwrap()).with_extension("yaml")).unwrap();
        }
    }
    let run = |db: &Path| {
        let o = pyward(cache.path())
            .args(["scan", "--no-progress", "--format", "json", "--select", "DEP", "--db"])
            .arg(db)
            .arg(p.path())
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut got: Vec<String> =
            v["findings"].as_array().unwrap().iter().map(|f| format!("{} {}", f["line"], f["message"])).collect();
        got.sort();
        got
    };
    let a = run(&test_db());
    assert_eq!(a.len(), 4, "{a:?}");
    assert_eq!(run(&zip_path), a);
    assert_eq!(run(&pypa), a);
    // Warm (indexed) runs agree with cold ones.
    assert_eq!(run(&zip_path), a);
}

#[test]
fn ignores_apply_until_they_expire_and_then_say_so() {
    let cache = tempfile::tempdir().unwrap();
    let p = project(&[
        ("requirements.txt", "django==3.2.0\n"),
        (
            "pyward.toml",
            "[deps]\nignore = [\n  { id = \"CVE-2099-1001\", reason = \"order_by is never given user input\", until = \"2999-01-01\" },\n  { id = \"PYSEC-2099-2\", reason = \"multipart parsing is off\", until = 2020-01-31 },\n]\n",
        ),
    ]);
    let o = pyward(cache.path()).args(["scan", "--no-progress", "--db"]).arg(test_db()).arg(p.path()).output().unwrap();
    let text = out(&o);
    assert!(!text.contains("PYSEC-2099-1"), "ignored by its CVE alias: {text}");
    assert!(text.contains("PYSEC-2099-2") && text.contains("expired on 2020-01-31"), "{text}");
    assert!(text.contains("1 known vulnerability ignored"), "{text}");
    // A reason is required.
    std::fs::write(p.path().join("pyward.toml"), "[deps]\nignore = [{ id = \"X\" }]\n").unwrap();
    let o = pyward(cache.path()).args(["scan", "--db"]).arg(test_db()).arg(p.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("pyward.toml") && err(&o).contains("needs a `reason`"), "{}", err(&o));
}

#[test]
fn an_installed_environment_is_audited() {
    let cache = tempfile::tempdir().unwrap();
    let env = project(&[
        (
            "lib/python3.11/site-packages/Django-3.2.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: Django\nVersion: 3.2.0\nSummary: x\n\nBody\n",
        ),
        (
            "lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n",
        ),
    ]);
    let p = project(&[("app.py", "x = 1\n")]);
    let o = pyward(cache.path())
        .args(["scan", "--no-progress", "--select", "DEP", "--db"])
        .arg(test_db())
        .arg("--python-env")
        .arg(env.path())
        .arg(p.path())
        .output()
        .unwrap();
    let text = out(&o);
    assert!(text.contains("Django-3.2.0.dist-info/METADATA:3:") && text.contains("PYSEC-2099-1"), "{text}");
    let o = pyward(cache.path()).args(["scan", "--python-env", "/nonexistent"]).arg(p.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no site-packages"), "{}", err(&o));
}

#[test]
fn a_huge_manifest_is_skipped_with_a_finding_and_the_rest_is_audited() {
    let cache = tempfile::tempdir().unwrap();
    let big = "# padding\n".repeat(200_000);
    let p = project(&[("requirements.txt", &big), ("sub/requirements.txt", "django==3.2.0\n")]);
    let o = pyward(cache.path())
        .args(["scan", "--no-progress", "--max-file-size", "100000", "--db"])
        .arg(test_db())
        .arg(p.path())
        .output()
        .unwrap();
    let text = out(&o);
    assert!(text.contains("E003") && text.contains("DEP001"), "{text}");
}

#[test]
fn db_query_lists_matching_records() {
    let cache = tempfile::tempdir().unwrap();
    let o = pyward(cache.path())
        .args(["db", "query", "--format", "json", "--db"])
        .arg(test_db())
        .args(["Django==3.2.0", "zope_interface==4.0", "numpy==1.0"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["advisories"], serde_json::json!(["GHSA-aaaa-bbbb-cccc", "PYSEC-2099-1", "PYSEC-2099-2"]));
    assert_eq!(v[1]["advisories"], serde_json::json!(["PYSEC-2099-7"]));
    assert_eq!(v[2]["advisories"], serde_json::json!([]));
}

#[test]
fn included_files_are_audited_whatever_their_names_and_cycles_end() {
    let cache = tempfile::tempdir().unwrap();
    let p = project(&[
        ("requirements.txt", "-r base/common.txt\n--constraint constraints.txt\n"),
        ("base/common.txt", "-r ../requirements.txt\nrequests==2.19.0\n"),
        ("constraints.txt", "pyyaml==5.3.1\n"),
        ("setup.cfg", "[options]\ninstall_requires = file: deps/runtime.list\n"),
        ("deps/runtime.list", "Django==3.2.0\n"),
    ]);
    let o = pyward(cache.path())
        .args(["scan", "--no-progress", "-q", "--select", "DEP,E004", "--db"])
        .arg(test_db())
        .arg(p.path())
        .output()
        .unwrap();
    let text = out(&o);
    assert!(text.contains("base/common.txt:2:1: DEP001") && text.contains("requests 2.19.0"), "{text}");
    assert!(text.contains("constraints.txt:1:1: DEP001") && text.contains("pyyaml 5.3.1"), "{text}");
    assert!(text.contains("deps/runtime.list:1:1: DEP001"), "{text}");
    assert!(text.contains("in 5 manifests"), "{text}");
}

#[test]
fn url_credentials_never_reach_a_report() {
    let cache = tempfile::tempdir().unwrap();
    let p = project(&[(
        "requirements.txt",
        "private-sdk @ https://ci-bot:FAKE-token-value@pypi.corp.example/private_sdk-1.0.tar.gz\n--extra-index-url https://u:FAKE-token-value@pypi.corp.example/simple\n",
    )]);
    for format in ["text", "json", "sarif", "bandit"] {
        let o =
            pyward(cache.path()).args(["scan", "--no-progress", "--format", format]).arg(p.path()).output().unwrap();
        assert!(out(&o).contains("DEP003"), "{format}: {}", out(&o));
        assert!(!out(&o).contains("FAKE-token-value"), "{format}: {}", out(&o));
    }
}
