//! `pyward scan --git-history` on repositories the tests build with the git
//! command (pyward itself reads them with gix and needs no git binary):
//! secrets added then deleted, the same blob in many commits, merges,
//! branches that HEAD does not reach, shallow clones, scopes, and bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

/// Fake credentials in valid formats, assembled here so that this file does
/// not hold them whole.
fn aws_key() -> String {
    ["AKIA", "QYLPMN5H", "HHFPZAM2"].concat()
}
fn github_token() -> String {
    ["ghp_", "R4nd0mHist0ry", "T0kenF0rTests", "QwErTyZxCv9k"].concat()
}
fn stripe_key() -> String {
    ["sk_live_", "51HistoryFakeKey", "F0rPyward0000abcd"].concat()
}

/// A repository built with the git command, with fixed identities and dates.
struct Repo {
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// Seconds added to every commit's date, so dates increase.
    clock: u64,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("repo");
        std::fs::create_dir(&path).unwrap();
        let repo = Repo { _dir: dir, path, clock: 0 };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn git(&self, args: &[&str]) -> String {
        git_in(&self.path, args, 0)
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.path.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn remove(&self, file: &str) {
        self.git(&["rm", "-q", file]);
    }

    /// Commits everything, returns the new commit's id.
    fn commit(&mut self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.clock += 60;
        git_in(&self.path, &["commit", "-q", "--allow-empty", "-m", message], self.clock);
        self.git(&["rev-parse", "HEAD"]).trim().to_owned()
    }

    fn scan(&self, extra: &[&str]) -> (i32, String, String) {
        run(&self.path, extra)
    }
}

/// Runs git in `dir`; commits made `offset` seconds after 2024-03-01 10:00 +01:00.
fn git_in(dir: &Path, args: &[&str], offset: u64) -> String {
    let date = format!("{} +0100", 1_709_283_600 + offset);
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Dev")
        .env("GIT_AUTHOR_EMAIL", "dev@example.com")
        .env("GIT_COMMITTER_NAME", "Dev")
        .env("GIT_COMMITTER_EMAIL", "dev@example.com")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("the tests build repositories with the git command");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `pyward scan . --git-history --select SEC ...` in `dir`: exit code, stdout, stderr.
fn run(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("pyward")
        .unwrap()
        .current_dir(dir)
        .env("PYWARD_OFFLINE", "1")
        .env("PYWARD_CACHE_DIR", dir.join("..").join("cache"))
        .args(["scan", "--git-history", "--select", "SEC", "--no-progress"])
        .args(extra)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn json(repo: &Repo, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let (_, out, err) = repo.scan(&args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"))
}

fn findings(doc: &Value) -> Vec<Value> {
    doc["findings"].as_array().unwrap().clone()
}

#[test]
fn a_deleted_secret_is_reported_with_its_commit_date_path_and_line() {
    let mut repo = Repo::new();
    repo.write("app/__init__.py", "");
    repo.write("app/settings.py", &format!("DEBUG = False\n\nAWS_ACCESS_KEY_ID = \"{}\"\n", aws_key()));
    let added = repo.commit("settings");
    repo.write("app/settings.py", "import os\n\nAWS_ACCESS_KEY_ID = os.environ[\"AWS_ACCESS_KEY_ID\"]\n");
    repo.commit("read the key from the environment");

    // Without --git-history the files are clean.
    let out = Command::cargo_bin("pyward")
        .unwrap()
        .current_dir(&repo.path)
        .env("PYWARD_OFFLINE", "1")
        .args(["scan", "--select", "SEC", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings(&doc).len(), 0);

    let doc = json(&repo, &[]);
    let found = findings(&doc);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f["rule"], "SEC001");
    assert_eq!(f["path"], "app/settings.py");
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 22);
    assert_eq!(f["commit"]["id"], added.as_str());
    assert_eq!(f["commit"]["date"], "2024-03-01T10:01:00+01:00");
    assert_eq!(f["commit"]["history_only"], true);
    let message = f["message"].as_str().unwrap();
    assert!(message.contains(&format!("committed in {} (2024-03-01)", &added[..10])), "{message}");
    assert!(f["snippet"].as_str().unwrap().starts_with("AWS_ACCESS_KEY_ID = \"AKIA… (20 chars"), "{f}");
    let history = &doc["git_history"][0];
    assert_eq!(history["commits"], 2);
    assert_eq!(history["branch"], "main");
    assert_eq!(history["shallow"], false);

    // No format prints the secret; each names the commit.
    for format in ["text", "json", "sarif", "bandit"] {
        let (code, out, err) = repo.scan(&["--format", format]);
        assert_eq!(code, 1, "{format}: {err}");
        assert!(!out.contains(&aws_key()[4..]) && !err.contains(&aws_key()[4..]), "{format} leaks the key");
        assert!(out.contains(&added[..10]), "{format} does not name the commit:\n{out}");
    }
    let (_, text, _) = repo.scan(&[]);
    assert!(text.contains(&format!("= commit: {added} (2024-03-01T10:01:00+01:00), in the history only")), "{text}");
    assert!(text.contains("read: 2 commits reachable from branch main, 3 distinct file versions."), "{text}");
    let (_, sarif, _) = repo.scan(&["--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let props = &sarif["runs"][0]["results"][0]["properties"];
    assert_eq!(props["commit"], added.as_str());
    assert_eq!(props["historyOnly"], true);
}

#[test]
fn a_blob_held_by_many_commits_is_read_once_and_reported_at_its_first_commit() {
    let mut repo = Repo::new();
    repo.write("deploy/.env.production", &format!("GITHUB_TOKEN={}\n", github_token()));
    let first = repo.commit("deploy settings");
    // 150 commits that keep the same .env blob while another file changes.
    for i in 0..150 {
        repo.write("CHANGELOG.md", &format!("release {i}\n"));
        repo.commit(&format!("release {i}"));
    }
    // The token stays through an edit (a new blob holding the same secret) and
    // moves down a line.
    repo.write("deploy/.env.production", &format!("# production\nGITHUB_TOKEN={}\n", github_token()));
    repo.commit("comment");
    repo.remove("deploy/.env.production");
    repo.commit("remove the token");

    let doc = json(&repo, &[]);
    let found = findings(&doc);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["path"], "deploy/.env.production");
    assert_eq!(found[0]["line"], 1, "reported where the first commit had it");
    assert_eq!(found[0]["commit"]["id"], first.as_str());
    let history = &doc["git_history"][0];
    assert_eq!(history["commits"], 153);
    // Two versions of the .env file and 150 of the changelog, each read once.
    assert_eq!(history["blobs"], 152);
}

#[test]
fn secrets_of_merged_branches_count_and_unmerged_ones_do_not() {
    let mut repo = Repo::new();
    repo.write("app.py", "print('hello')\n");
    repo.commit("base");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.write("payments/config.yaml", &format!("stripe:\n  api_key: {}\n", stripe_key()));
    let on_feature = repo.commit("payments");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("app.py", "print('hello, world')\n");
    repo.commit("greeting");
    repo.clock += 60;
    git_in(&repo.path, &["merge", "-q", "--no-ff", "-m", "merge feature", "feature"], repo.clock);
    repo.remove("payments/config.yaml");
    repo.commit("drop the key");
    // A branch HEAD does not reach: not part of the current branch's history.
    repo.git(&["checkout", "-q", "-b", "experiment"]);
    repo.write("notes.txt", &format!("token {}\n", github_token()));
    repo.commit("experiment");
    repo.git(&["checkout", "-q", "main"]);

    let doc = json(&repo, &[]);
    let found = findings(&doc);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["path"], "payments/config.yaml");
    assert_eq!(found[0]["line"], 2);
    assert_eq!(found[0]["commit"]["id"], on_feature.as_str());
    assert_eq!(doc["git_history"][0]["commits"], 5, "base, payments, greeting, the merge, drop");
}

#[test]
fn a_secret_still_in_the_files_is_reported_once_with_the_commit_that_added_it() {
    let mut repo = Repo::new();
    repo.write("settings.py", &format!("import os\nSTRIPE_KEY = \"{}\"\n", stripe_key()));
    let added = repo.commit("settings");
    repo.write("settings.py", &format!("import os\n\nDEBUG = False\nSTRIPE_KEY = \"{}\"\n", stripe_key()));
    repo.commit("debug off");
    let doc = json(&repo, &[]);
    let found = findings(&doc);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["line"], 4, "the working file's line");
    assert_eq!(found[0]["commit"]["id"], added.as_str());
    assert_eq!(found[0]["commit"]["history_only"], false);
    assert!(found[0]["message"].as_str().unwrap().contains("in the git history since commit"));
}

#[test]
fn a_secret_allowed_by_a_comment_now_is_not_reported_from_older_versions() {
    let mut repo = Repo::new();
    repo.write("tests/conftest.py", &format!("TOKEN = \"{}\"\n", github_token()));
    repo.commit("fixture");
    repo.write("tests/conftest.py", &format!("TOKEN = \"{}\"  # pragma: allowlist secret\n", github_token()));
    repo.commit("allow the fake token");
    let doc = json(&repo, &[]);
    assert_eq!(findings(&doc).len(), 0, "{doc:#}");
    // The baseline hides it too, as it hides the working file's finding.
    let mut repo = Repo::new();
    repo.write("keys.txt", &format!("aws {}\n", aws_key()));
    repo.commit("keys");
    repo.remove("keys.txt");
    repo.commit("no keys");
    let baseline = repo.path.join("..").join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    let (code, _, err) = repo.scan(&["--write-baseline", baseline, "--exit-zero"]);
    assert_eq!(code, 0, "{err}");
    assert!(!std::fs::read_to_string(baseline).unwrap().contains(&aws_key()[4..]));
    let doc = json(&repo, &["--baseline", baseline]);
    assert_eq!(findings(&doc).len(), 0, "{doc:#}");
}

#[test]
fn the_history_is_limited_to_the_scanned_folder_and_skips_what_the_walk_skips() {
    let mut repo = Repo::new();
    repo.write("services/api/keys.py", &format!("KEY = \"{}\"\n", aws_key()));
    repo.write("services/web/keys.py", &format!("TOKEN = \"{}\"\n", github_token()));
    repo.write("services/api/.idea/workspace.xml", &format!("<token>{}</token>\n", stripe_key()));
    repo.write("services/api/venv/lib/site.py", &format!("TOKEN = \"{}\"\n", stripe_key()));
    repo.write("services/api/venv/pyvenv.cfg", "home = /usr/bin\n");
    repo.write("services/api/.github/workflows/ci.yml", &format!("env:\n  STRIPE: {}\n", stripe_key()));
    repo.write("services/api/logo.bin", &format!("\0\0\0{}\n", aws_key()));
    repo.write("services/api/app.py", "x = 1\n");
    repo.commit("services");
    for file in ["keys.py", ".idea/workspace.xml", "venv/lib/site.py", ".github/workflows/ci.yml", "logo.bin"] {
        repo.remove(&format!("services/api/{file}"));
    }
    repo.remove("services/web/keys.py");
    repo.commit("gone");

    let out = Command::cargo_bin("pyward")
        .unwrap()
        .current_dir(&repo.path)
        .env("PYWARD_OFFLINE", "1")
        .args(["scan", "services/api", "--git-history", "--select", "SEC", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut paths: Vec<String> = findings(&doc).iter().map(|f| f["path"].as_str().unwrap().to_owned()).collect();
    paths.sort();
    assert_eq!(paths, ["services/api/.github/workflows/ci.yml", "services/api/keys.py"]);

    // Excludes apply to the history as to the files.
    let doc = json(&repo, &["--exclude", "services/api/.github"]);
    let paths: Vec<String> = findings(&doc).iter().map(|f| f["path"].as_str().unwrap().to_owned()).collect();
    assert_eq!(paths, ["services/api/keys.py", "services/web/keys.py"]);
}

#[test]
fn file_versions_over_the_size_limit_are_counted_and_named() {
    let mut repo = Repo::new();
    repo.write("big.txt", &format!("{}\n{}", "a".repeat(5000), aws_key()));
    repo.commit("big");
    repo.remove("big.txt");
    repo.commit("gone");
    let doc = json(&repo, &["--max-file-size", "4096"]);
    assert_eq!(findings(&doc).len(), 0);
    assert_eq!(doc["git_history"][0]["oversized"], 1);
    let (_, text, _) = repo.scan(&["--max-file-size", "4096"]);
    assert!(text.contains("1 file version in the history of"), "{text}");
    assert!(text.contains("is over max-file-size and was not read"), "{text}");
}

#[test]
fn an_empty_repository_has_no_history_and_a_folder_outside_git_is_an_error() {
    let repo = Repo::new();
    repo.write("app.py", "x = 1\n");
    let (code, out, err) = repo.scan(&[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("read: 0 commits"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("app.py"), "x = 1\n").unwrap();
    // A folder in no repository (the temporary folder is outside any).
    let out = Command::cargo_bin("pyward")
        .unwrap()
        .current_dir(dir.path())
        .env("PYWARD_OFFLINE", "1")
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args(["scan", ".", "--git-history"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is not inside a git repository"), "{err}");
    assert!(err.contains("leave out --git-history"), "{err}");

    let (code, _, err) = repo.scan(&["--ignore", "SEC"]);
    assert_eq!(code, 2);
    assert!(err.contains("no SEC rule is selected"), "{err}");
}

#[test]
fn a_shallow_clone_is_read_as_far_as_it_goes_and_says_so() {
    let mut repo = Repo::new();
    repo.write("old.txt", &format!("aws {}\n", aws_key()));
    repo.commit("old");
    repo.remove("old.txt");
    repo.commit("gone");
    repo.write("new.txt", "hello\n");
    repo.commit("new");
    let clone = repo.path.join("..").join("shallow");
    let url = format!("file://{}", repo.path.display());
    git_in(&repo.path, &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()], 0);
    let (code, text, err) = run(&clone, &[]);
    assert_eq!(code, 0, "{text}{err}");
    assert!(text.contains("read: 1 commit reachable from branch main"), "{text}");
    assert!(text.contains("is a shallow clone"), "{text}");
    // The full repository has it.
    let (code, text, _) = repo.scan(&[]);
    assert_eq!(code, 1, "{text}");
}

#[test]
fn a_missing_object_is_an_error_that_names_the_repository() {
    let mut repo = Repo::new();
    repo.write("a.txt", "hello\n");
    repo.commit("a");
    let blob = repo.git(&["rev-parse", "HEAD:a.txt"]).trim().to_owned();
    std::fs::remove_file(repo.path.join(".git/objects").join(&blob[..2]).join(&blob[2..])).unwrap();
    let (code, _, err) = repo.scan(&[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--git-history") && err.contains(&blob), "{err}");
    assert!(err.contains("git fsck"), "{err}");
}
