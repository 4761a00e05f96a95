//! End-to-end tests of the secrets analyzer: a secret is never printed whole,
//! in any output format or baseline, and baselines keep accepted secrets
//! hidden by their hash.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

fn pyward(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pyward").expect("binary built");
    cmd.current_dir(dir).env("PYWARD_OFFLINE", "1").env("PYWARD_CACHE_DIR", dir.join(".no-cache"));
    cmd
}

/// Fake secrets of several kinds, each long enough that any leak of a
/// substring of 8 characters would be caught.
const SECRETS: &[(&str, &str)] = &[
    ("settings.py", "SECRET_KEY = \"k3y-f0r-s1gning-8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c\"\n"),
    ("settings.py", "DB = {\"PASSWORD\": \"Zq8-Wv3!pLk7mNb2\"}\n"),
    (".env", "GITHUB_TOKEN=ghp_R4nd0mFakeT0kenF0rTestsQwErTyZxCv9kL\n"),
    (".env", "DATABASE_URL=postgres://shop:Pg-pa55w0rd-F4ke@db.internal:5432/shop\n"),
    ("config.yaml", "stripe:\n  secret_key: sk_live_51FakeKeyF0rPywardTests0000abcd\n"),
];

fn values() -> Vec<&'static str> {
    vec![
        "k3y-f0r-s1gning-8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c",
        "Zq8-Wv3!pLk7mNb2",
        "ghp_R4nd0mFakeT0kenF0rTestsQwErTyZxCv9kL",
        "Pg-pa55w0rd-F4ke",
        "sk_live_51FakeKeyF0rPywardTests0000abcd",
    ]
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in SECRETS {
        let path = dir.path().join(name);
        let mut old = std::fs::read_to_string(&path).unwrap_or_default();
        old.push_str(text);
        std::fs::write(path, old).unwrap();
    }
    dir
}

/// No window of 8 characters of any secret's random part appears in `text`
/// (its first characters, a provider's prefix such as `sk_live_`, may).
fn assert_no_secret(what: &str, text: &str) {
    for secret in values() {
        let chars: Vec<char> = secret.chars().collect();
        for start in (chars.len() / 3).min(8)..chars.len().saturating_sub(7) {
            let window: String = chars[start..start + 8].iter().collect();
            assert!(!text.contains(&window), "{what} contains `{window}` of the secret {}", &secret[..4]);
        }
    }
}

#[test]
fn secrets_are_never_printed_in_any_format_or_baseline() {
    let p = project();
    for format in ["text", "json", "sarif", "bandit"] {
        let o = pyward(p.path()).args(["scan", ".", "--no-progress", "--format", format]).output().unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("SEC00"), "{format}: no secret found:\n{out}");
        assert_no_secret(format, &out);
        assert_no_secret(format, &String::from_utf8_lossy(&o.stderr));
    }
    let o = pyward(p.path()).args(["scan", ".", "--no-progress", "--write-baseline", "base.json"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let baseline = std::fs::read_to_string(p.path().join("base.json")).unwrap();
    assert!(baseline.contains("SEC001") && baseline.contains("SEC004"), "{baseline}");
    assert_no_secret("baseline", &baseline);
    // The baseline hides them again, by their hash, even after the lines move.
    let env = std::fs::read_to_string(p.path().join(".env")).unwrap();
    std::fs::write(p.path().join(".env"), format!("# moved down\n\n{env}")).unwrap();
    let o = pyward(p.path())
        .args(["scan", ".", "--no-progress", "--select", "SEC", "--baseline", "base.json"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    // A new secret is reported.
    std::fs::write(p.path().join("extra.sh"), "export API_TOKEN='n3w-T0ken-9f8e7d6c5b4a'\n").unwrap();
    let o = pyward(p.path())
        .args(["scan", ".", "--no-progress", "--select", "SEC", "--baseline", "base.json"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("extra.sh:1:") && !out.contains("9f8e7d6c5b4a"), "{out}");
}

#[test]
fn binary_files_are_skipped_by_content_and_hidden_credential_files_are_read() {
    let p = tempfile::tempdir().unwrap();
    // A NUL byte makes it binary, whatever its name.
    let mut bin = b"GITHUB_TOKEN=ghp_R4nd0mFakeT0kenF0rTestsQwErTyZxCv9kL\n".to_vec();
    bin.extend_from_slice(&[0, 1, 2, 3]);
    std::fs::write(p.path().join("notes.txt"), &bin).unwrap();
    std::fs::create_dir_all(p.path().join(".github/workflows")).unwrap();
    std::fs::write(
        p.path().join(".github/workflows/deploy.yml"),
        "env:\n  SLACK_TOKEN: xoxb-1234567890-1234567890-FakeTokenForTests00aa\n",
    )
    .unwrap();
    std::fs::create_dir_all(p.path().join(".cache")).unwrap();
    std::fs::write(p.path().join(".cache/token.txt"), "ghp_R4nd0mFakeT0kenF0rTestsQwErTyZxCv9kL\n").unwrap();
    let o = pyward(p.path()).args(["scan", ".", "--no-progress", "--select", "SEC", "-q"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(".github/workflows/deploy.yml:2:"), "{out}");
    assert!(!out.contains("notes.txt") && !out.contains(".cache"), "{out}");
}
