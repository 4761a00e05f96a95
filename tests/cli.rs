//! End-to-end tests of the `pyward` binary: formats (snapshots), exit codes,
//! configuration, baselines, and bad input.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn project(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects").join(name)
}

fn pyward() -> Command {
    let mut cmd = Command::cargo_bin("pyward").expect("binary built");
    cmd.env_remove("NO_COLOR");
    // Never the network, never the user's cache: tests that audit
    // dependencies pass --db (or their own cache folder).
    cmd.env("PYWARD_OFFLINE", "1");
    cmd.env("PYWARD_CACHE_DIR", std::env::temp_dir().join("pyward-tests-no-cache"));
    cmd.env_remove("PYWARD_DB_URL");
    cmd
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    pyward().current_dir(dir).args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// The scan time is the only thing that changes between runs.
fn stable(text: &str) -> String {
    let re = regex::Regex::new(r"in \d+\.\d\d s").unwrap();
    re.replace_all(text, "in <time> s").into_owned()
}

fn rules_of(v: &Value) -> Vec<String> {
    v["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn text_report_snapshot_and_exit_code() {
    let out = run_in(&project("basic"), &["scan", "--no-progress"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("basic_text", stable(&stdout(&out)));
}

#[test]
fn json_report_snapshot() {
    let out = run_in(&project("basic"), &["scan", "--format", "json", "--no-progress"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    assert_eq!(v["version"], 1);
    insta::assert_snapshot!("basic_json", stdout(&out));
}

#[test]
fn bandit_report_snapshot() {
    let out = run_in(&project("basic"), &["scan", "--format", "bandit", "--no-progress", "--select", "B"]);
    let v = json_of(&out);
    assert!(v["results"].as_array().unwrap().iter().all(|r| r["test_id"].as_str().unwrap().starts_with('B')));
    assert!(v.get("generated_at").is_none());
    insta::assert_snapshot!("basic_bandit", stdout(&out));
}

#[test]
fn sarif_report_is_valid_sarif_2_1_0() {
    let out = run_in(&project("basic"), &["scan", "--format", "sarif", "--no-progress"]);
    let sarif = json_of(&out);
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
    let rule = &sarif["runs"][0]["tool"]["driver"]["rules"][0];
    assert!(
        rule["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t.as_str().unwrap().starts_with("external/cwe/cwe-"))
    );
    assert!(rule["properties"]["security-severity"].is_string());
    insta::assert_snapshot!("basic_sarif", stdout(&out));
}

#[test]
fn schema_validation_rejects_a_broken_log() {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(!validator.is_valid(&broken), "the validator must be able to fail");
}

#[test]
fn discovery_skips_virtualenvs_gitignored_and_excluded() {
    let v = json_of(&run_in(&project("basic"), &["scan", "--format", "json", "--no-progress"]));
    let paths: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert!(paths.iter().all(|p| p.starts_with("app/")), "{paths:?}");
    let v = json_of(&run_in(&project("basic"), &["scan", "--format", "json", "--exclude", "util.py", "--no-progress"]));
    assert!(!rules_of(&v).contains(&"B324".to_owned()));
}

#[test]
fn select_ignore_and_thresholds() {
    let dir = project("basic");
    let v = json_of(&run_in(&dir, &["scan", "--format", "json", "--select", "B6", "--no-progress"]));
    assert!(rules_of(&v).iter().all(|r| r.starts_with("B6")) && !rules_of(&v).is_empty());
    let v = json_of(&run_in(&dir, &["scan", "--format", "json", "--ignore", "B602,B105", "--no-progress"]));
    assert!(!rules_of(&v).iter().any(|r| r == "B602" || r == "B105"));
    let v = json_of(&run_in(&dir, &["scan", "--format", "json", "--severity-level", "high", "--no-progress"]));
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["severity"] == "HIGH"));
    let v = json_of(&run_in(&dir, &["scan", "--format", "json", "--confidence-level", "high", "--no-progress"]));
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["confidence"] == "HIGH"));
    let out = run_in(&dir, &["scan", "--select", "B404", "--fail-on", "medium", "--no-progress"]);
    assert_eq!(out.status.code(), Some(0), "only LOW findings, failing on MEDIUM");
    let out = run_in(&dir, &["scan", "--exit-zero", "--no-progress"]);
    assert_eq!(out.status.code(), Some(0));
    let out = run_in(&dir, &["scan", "--select", "B999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("B999"));
}

#[test]
fn secrets_are_never_printed_whole() {
    let dir = project("basic");
    for format in ["text", "json", "sarif", "bandit"] {
        let out = run_in(&dir, &["scan", "--format", format, "--no-progress"]);
        assert!(!stdout(&out).contains("hunter2hunter2"), "{format} output shows the password");
    }
}

#[test]
fn stdin_is_scanned_under_its_name() {
    let out = pyward()
        .args(["scan", "-", "--stdin-filename", "snippet.py", "--format", "json"])
        .write_stdin("import pickle\npickle.loads(data)\n")
        .output()
        .unwrap();
    let v = json_of(&out);
    assert_eq!(v["findings"][0]["path"], "snippet.py");
    assert_eq!(rules_of(&v), ["B403", "B301"]);
}

#[test]
fn rule_and_rules_commands() {
    let out = pyward().args(["rule", "S602"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("# B602 subprocess_popen_with_shell_equals_true"));
    assert!(text.contains("## Why is this bad?") && text.contains("CWE-78"));
    let out = pyward().args(["rule", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = pyward().args(["rules", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 78);
    let out = pyward().arg("--version").output().unwrap();
    assert!(stdout(&out).starts_with("pyward "));
}

#[test]
fn docs_rules_md_matches_the_catalog() {
    let out = pyward().args(["rules", "--format", "markdown"]).output().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == stdout(&out),
        "docs/rules.md is out of date: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn output_file_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("report.json");
    let out = run_in(&project("basic"), &["scan", "--format", "json", "-o", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    assert!(!v["findings"].as_array().unwrap().is_empty());
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn baseline_hides_known_findings_even_when_lines_move() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a.py", "import os\nos.system(cmd)\n");
    let out = run_in(d, &["scan", "--write-baseline", "base.json", "--no-progress"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(d.join("base.json").is_file());
    // The same code, moved down two lines, plus one new finding.
    write(d, "a.py", "import os\n\n\nos.system(cmd)\neval(x)\n");
    let v = json_of(&run_in(d, &["scan", "--baseline", "base.json", "--format", "json", "--no-progress"]));
    assert_eq!(rules_of(&v), ["B307"]);
    assert_eq!(v["stats"]["baselined"], 1);
    write(d, "bad.json", "{ not json");
    let out = run_in(d, &["scan", "--baseline", "bad.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json"));
}

#[test]
fn pyproject_config_and_its_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a.py", "import subprocess\nsubprocess.run(cmd, shell=True)\nassert x\n");
    write(
        d,
        "pyproject.toml",
        "[tool.pyward]\nignore = [\"B404\"]\n[tool.pyward.per-file-ignores]\n\"a.py\" = [\"B101\"]\n",
    );
    let v = json_of(&run_in(d, &["scan", "--format", "json", "--no-progress"]));
    assert_eq!(rules_of(&v), ["B602"]);
    write(d, "pyproject.toml", "[tool.pyward]\nselekt = [\"B6\"]\n");
    let out = run_in(d, &["scan"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pyproject.toml") && err.contains("selekt"), "{err}");
    write(d, "pyproject.toml", "[tool.pyward]\nfail-on = \"severe\"\n");
    let err = String::from_utf8_lossy(&run_in(d, &["scan"]).stderr).into_owned();
    assert!(err.contains("fail-on") && err.contains("severe"), "{err}");
    write(d, "pyproject.toml", "[tool.pyward\n");
    let err = String::from_utf8_lossy(&run_in(d, &["scan"]).stderr).into_owned();
    assert!(err.contains("pyproject.toml") && err.contains("TOML"), "{err}");
}

#[test]
fn bandit_configs_are_read_as_is() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a.py", "import subprocess\nsubprocess.Popen(cmd, shell=True)\nassert x\nopen('/scratch/x')\n");
    write(
        d,
        "bandit.yaml",
        "skips: ['B101', 'B404']\nshell_injection:\n  subprocess: []\nhardcoded_tmp_directory:\n  tmp_dirs: ['/scratch']\n",
    );
    let v = json_of(&run_in(d, &["scan", "-c", "bandit.yaml", "--format", "json", "--no-progress"]));
    // With an empty subprocess list, Popen(shell=True) becomes B604, as in Bandit.
    assert_eq!(rules_of(&v), ["B604", "B108"]);
    write(d, "pyproject.toml", "[tool.bandit]\nskips = [\"B404\", \"B604\", \"B602\"]\n");
    let v = json_of(&run_in(d, &["scan", "--format", "json", "--no-progress"]));
    assert_eq!(rules_of(&v), ["B101"]);
    std::fs::remove_file(d.join("pyproject.toml")).unwrap();
    write(d, ".bandit", "[bandit]\nskips = B101,B404\n");
    let v = json_of(&run_in(d, &["scan", "--format", "json", "--no-progress"]));
    assert_eq!(rules_of(&v), ["B602"]);
    write(d, "bad.yaml", "nonsense_key: 1\n");
    let out = run_in(d, &["scan", "-c", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nonsense_key"));
}

#[test]
fn bad_input_is_reported_and_the_scan_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "ok.py", "eval(x)\n");
    write(d, "syntax.py", "def f(:\n    pass\n");
    write(d, "undecodable.py", b"x = '\xff\xfe'\n".as_slice());
    write(d, "latin1.py", b"# -*- coding: latin-1 -*-\npassword = '\xe9t\xe9 secret'\n".as_slice());
    write(d, "binary.py", b"\x7fELF\x00\x00\x01".as_slice());
    write(d, "unknown_enc.py", "# coding: klingon\nx = 1\n");
    std::os::unix::fs::symlink(d.join("missing-target.py"), d.join("dangling.py")).unwrap();
    std::os::unix::fs::symlink(d.join("loop_b.py"), d.join("loop_a.py")).unwrap();
    std::os::unix::fs::symlink(d.join("loop_a.py"), d.join("loop_b.py")).unwrap();
    write(d, "big.py", "x = 1\n".repeat(2000));
    let out = run_in(d, &["scan", "--format", "json", "--max-file-size", "5000", "--no-progress"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    let found: Vec<(String, String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let has = |path: &str, rule: &str| found.iter().any(|(p, r, _)| p == path && r == rule);
    assert!(has("ok.py", "B307"), "{found:?}");
    assert!(has("syntax.py", "E001"));
    assert!(found.iter().any(|(p, r, l)| p == "undecodable.py" && r == "E002" && *l == 1));
    assert!(has("latin1.py", "B105"), "PEP 263 latin-1 file must be decoded: {found:?}");
    assert!(has("binary.py", "E002"));
    assert!(has("unknown_enc.py", "E002"));
    assert!(has("dangling.py", "E002"));
    assert!(has("loop_a.py", "E002") && has("loop_b.py", "E002"));
    assert!(has("big.py", "E003"));
    let errors = v["errors"].as_array().unwrap();
    assert!(errors.iter().any(|e| e["path"] == "binary.py" && e["message"].as_str().unwrap().contains("binary")));
    assert!(errors.iter().any(|e| e["path"] == "big.py" && e["message"].as_str().unwrap().contains("5000")));
}

#[test]
fn pathological_sources_stay_linear_and_do_not_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // Bandit's examples/long_set.py shape, 100,000 elements.
    let mut long = String::from("x = {\n");
    for _ in 0..100_000 {
        long.push_str("    'a',\n");
    }
    long.push_str("}\n");
    write(d, "long_set.py", &long);
    // 1,000-deep nested expressions, and a 1,000-element string concatenation.
    write(
        d,
        "deep.py",
        format!("y = {}1{}\nz = eval({}x{})\n", "(".repeat(1000), ")".repeat(1000), "[".repeat(1000), "]".repeat(1000)),
    );
    let chain: Vec<String> = (0..1000).map(|i| format!("'select {i} from t' + v{i}")).collect();
    write(d, "chain.py", format!("q = {}\n", chain.join(" + ")));
    let out = run_in(d, &["scan", "--format", "json", "--no-progress"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json_of(&out);
    let rules = rules_of(&v);
    assert!(rules.contains(&"B307".to_owned()), "{rules:?}");
    assert!(rules.iter().filter(|r| *r == "B608").count() >= 1000);
}

#[test]
fn parses_current_python_syntax() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "modern.py",
        concat!(
            "type Point = tuple[float, float]\n",
            "def first[T](xs: list[T]) -> T:\n    return xs[0]\n",
            "songs = ['a']\n",
            "msg = f\"{'\\n'.join(songs)} and {f\"{songs[0]}\"}\"\n",
            "match songs:\n    case [x]:\n        pass\n",
            "try:\n    pass\nexcept* ValueError:\n    pass\n",
            "t = t\"hello {songs}\"\n",
            "q = f\"SELECT * FROM t WHERE id = {songs[0]}\"\n",
        ),
    );
    let v = json_of(&run_in(d, &["scan", "--format", "json", "--no-progress"]));
    assert!(!rules_of(&v).iter().any(|r| r.starts_with('E')), "{v}");
    assert!(rules_of(&v).contains(&"B608".to_owned()));
}

#[test]
fn pyward_toml_plugin_options_and_bad_values() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "a.py",
        "from cryptography.hazmat.primitives.asymmetric import rsa\nrsa.generate_private_key(65537, 3072)\ntry:\n    f()\nexcept ValueError:\n    pass\n",
    );
    write(
        d,
        "pyward.toml",
        "select = [\"B505\", \"B110\"]\n[options.weak_cryptographic_key]\nweak_key_size_rsa_medium = 4096\n[options.try_except_pass]\ncheck_typed_exception = true\n",
    );
    let v = json_of(&run_in(d, &["scan", "--format", "json", "--no-progress"]));
    assert_eq!(rules_of(&v), ["B505", "B110"]);
    write(d, "pyward.toml", "[options.weak_cryptographic_key]\nweak_key_size_rsa_medium = \"big\"\n");
    let out = run_in(d, &["scan"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pyward.toml") && err.contains("weak_key_size_rsa_medium"), "{err}");
    write(d, "pyward.toml", "[options.no_such_section]\nx = 1\n");
    let err = String::from_utf8_lossy(&run_in(d, &["scan"]).stderr).into_owned();
    assert!(err.contains("no_such_section"), "{err}");
}

#[test]
fn no_colour_when_piped() {
    let out = run_in(&project("basic"), &["scan", "--no-progress"]);
    assert!(!stdout(&out).contains('\x1b'));
    assert!(out.stderr.is_empty(), "no progress bar when stderr is not a terminal");
}

#[test]
fn refreshing_a_baseline_keeps_known_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a.py", "import os\nos.system(cmd)\n");
    // `baseline` set in the configuration: the first --write-baseline creates it.
    write(d, "pyward.toml", "baseline = \"base.json\"\n");
    let out = run_in(d, &["scan", "--write-baseline", "base.json", "--no-progress"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(d.join("base.json").is_file());
    write(d, "a.py", "import os\nos.system(cmd)\neval(x)\n");
    let out = run_in(d, &["scan", "--write-baseline", "base.json", "--format", "json", "--no-progress"]);
    assert_eq!(rules_of(&json_of(&out)), ["B307"]);
    let base: Value = serde_json::from_str(&std::fs::read_to_string(d.join("base.json")).unwrap()).unwrap();
    let recorded: Vec<&str> =
        base["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(recorded, ["B605", "B307"], "the old finding stays in the refreshed baseline");
    let out = run_in(d, &["scan", "--no-progress"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_paths_are_e002_unless_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["scan", "nope.py", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(rules_of(&json_of(&out)), ["E002"]);
    let out = run_in(tmp.path(), &["scan", "nope.py", "--format", "json", "--ignore", "E002"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(rules_of(&json_of(&out)).is_empty());
}

#[test]
fn bandit_style_patterns_match_top_level_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "tests/test_a.py", "assert x\n");
    write(d, "app/a.py", "assert y\n");
    write(d, "vendored/b.py", "eval(z)\n");
    write(d, "bandit.yaml", "exclude_dirs: ['*/vendored/*']\nassert_used:\n  skips: ['*/tests/*']\n");
    let v = json_of(&run_in(d, &["scan", "-c", "bandit.yaml", "--format", "json", "--no-progress"]));
    let paths: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["app/a.py"]);
}

#[test]
fn own_rules_report_test_code_at_low_confidence() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let code = "import random\n\ndef make_reset_token():\n    return str(random.random())\n";
    write(d, "app/tokens.py", code);
    write(d, "tests/test_tokens.py", code);
    let v = json_of(&run_in(d, &["scan", "--select", "PY012", "--format", "json", "--no-progress"]));
    let grades: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_owned(), f["confidence"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        grades,
        [("app/tokens.py".to_owned(), "MEDIUM".to_owned()), ("tests/test_tokens.py".to_owned(), "LOW".to_owned())]
    );
    let v = json_of(&run_in(
        d,
        &["scan", "--select", "PY", "--confidence-level", "medium", "--format", "json", "--no-progress"],
    ));
    assert_eq!(rules_of(&v), ["PY012"]);
}

#[test]
fn django_split_settings_are_audited_as_django_loads_them() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "mysite/__init__.py", "");
    write(d, "mysite/settings/__init__.py", "");
    write(
        d,
        "mysite/settings/base.py",
        concat!(
            "import os\n",
            "SECRET_KEY = 'django-insecure-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN'\n",
            "DEBUG = True\n",
            "INSTALLED_APPS = ['django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions']\n",
            "MIDDLEWARE = [\n",
            "    'django.middleware.security.SecurityMiddleware',\n",
            "    'django.contrib.sessions.middleware.SessionMiddleware',\n",
            "    'django.middleware.csrf.CsrfViewMiddleware',\n",
            "]\n",
            "ALLOWED_HOSTS = []\n",
        ),
    );
    write(
        d,
        "mysite/settings/production.py",
        concat!(
            "import os\n",
            "from .base import *\n",
            "DEBUG = os.environ.get('DJANGO_DEBUG', False)\n",
            "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n",
            "ALLOWED_HOSTS = ['example.com']\n",
            "MIDDLEWARE += ['django.middleware.clickjacking.XFrameOptionsMiddleware']\n",
            "SESSION_COOKIE_SECURE = True\n",
            "CSRF_COOKIE_SECURE = True\n",
            "SECURE_SSL_REDIRECT = os.getenv('SSL_REDIRECT', False)\n",
            "SECURE_HSTS_SECONDS = 3600\n",
        ),
    );
    write(d, "mysite/settings/development.py", "from .base import *\nDEBUG = True\n");
    write(
        d,
        "mysite/wsgi.py",
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')\n",
    );
    let v = json_of(&run_in(d, &["scan", "--select", "DJ", "--format", "json", "--no-progress"]));
    let found: Vec<(String, String, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["path"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["confidence"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let rules: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    // production.py is what wsgi.py loads: DEBUG off by default, XFrame added,
    // cookies secure; the SSL redirect is off unless SSL_REDIRECT is set; HSTS
    // lacks subdomains and preload. The unknown SECRET_KEY is not judged.
    assert!(!rules.contains(&"DJ018"), "{found:?}");
    assert!(!rules.contains(&"DJ009") && !rules.contains(&"DJ002") && !rules.contains(&"DJ012"), "{found:?}");
    // os.getenv gives a string when set, never True: the finding is certain.
    assert!(found.contains(&("DJ008".into(), "mysite/settings/production.py".into(), 9, "HIGH".into())), "{found:?}");
    assert!(found.contains(&("DJ005".into(), "mysite/settings/production.py".into(), 1, "HIGH".into())), "{found:?}");
    assert!(rules.contains(&"DJ021"));
    // Without wsgi.py naming a module, every leaf settings module is audited:
    // development.py then reports DEBUG on its own line.
    std::fs::remove_file(d.join("mysite/wsgi.py")).unwrap();
    let v = json_of(&run_in(d, &["scan", "--select", "DJ018", "--format", "json", "--no-progress"]));
    let debug: Vec<(String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_owned(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(debug, [("mysite/settings/development.py".to_owned(), 2)]);
}

/// Runs pyward under `script`, which gives it a terminal, and returns what it printed.
fn run_on_a_terminal(dir: &Path, no_color: bool) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("pyward");
    let command = format!("{} scan --select B602 app", bin.display());
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-q", "-e", "-c", &command, "/dev/null"]).current_dir(dir).env_remove("NO_COLOR");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let out = cmd.output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` (util-linux) is not installed; the terminal case is checked where it is");
        return;
    }
    let dir = project("basic");
    let coloured = run_on_a_terminal(&dir, false).expect("script runs");
    assert!(coloured.contains("\x1b["), "a terminal gets colour: {coloured:?}");
    let plain = run_on_a_terminal(&dir, true).expect("script runs");
    assert!(plain.contains("B602") && !plain.contains("\x1b["), "NO_COLOR turns colour off: {plain:?}");
}

#[test]
fn jobs_do_not_change_the_result() {
    let dir = project("basic");
    let one = stdout(&run_in(&dir, &["scan", "--format", "json", "--jobs", "1", "--no-progress"]));
    let two = stdout(&run_in(&dir, &["scan", "--format", "json", "--jobs", "2", "--no-progress"]));
    assert_eq!(one, two);
}
