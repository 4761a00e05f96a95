//! End-to-end tests of the taint analysis: flows across modules in every
//! output format, the pattern findings it replaces, the `reachable`
//! profile, suppressions, and code shaped to break a recursive analysis.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects/taint")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("pyward").expect("binary built");
    cmd.env("PYWARD_OFFLINE", "1").env("NO_COLOR", "1");
    cmd.env("PYWARD_CACHE_DIR", std::env::temp_dir().join("pyward-tests-no-cache"));
    cmd.current_dir(dir).args(args).output().expect("runs")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn findings<'v>(v: &'v Value, rule: &str) -> Vec<&'v Value> {
    v["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule).collect()
}

#[test]
fn a_flow_through_a_helper_in_another_module_is_reported_at_the_sink_with_its_steps() {
    let v = json(&run_in(&project(), &["scan", "--format", "json", "--no-progress", "--select", "T"]));
    let sql = findings(&v, "T001");
    assert_eq!(sql.len(), 1, "the parameterised query is not reported: {sql:?}");
    let f = sql[0];
    assert_eq!(f["path"], "shop/db.py");
    assert_eq!(f["line"], 7);
    assert_eq!(f["cwe"], 89);
    let flow = f["flow"].as_array().unwrap();
    let kinds: Vec<&str> = flow.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["source", "step", "call", "parameter", "sink"], "{flow:?}");
    assert_eq!(flow[0]["path"], "shop/views.py");
    assert_eq!(flow[0]["line"], 9);
    assert_eq!(flow[0]["note"], "request.GET.get(\"q\", \"\")");
    let sink = flow.last().unwrap();
    assert_eq!((&sink["path"], &sink["line"], &sink["column"]), (&f["path"], &f["line"], &f["column"]));
    // Other findings carry an empty flow.
    let all = json(&run_in(&project(), &["scan", "--format", "json", "--no-progress"]));
    assert!(all["findings"].as_array().unwrap().iter().all(|f| f["flow"].is_array()));
}

#[test]
fn a_template_that_prints_a_context_variable_unescaped_is_an_html_sink() {
    let v = json(&run_in(&project(), &["scan", "--format", "json", "--no-progress", "--select", "T007"]));
    let xss: Vec<(String, u64)> = findings(&v, "T007")
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_owned(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(xss, [("site/app.py".to_owned(), 9)], "only `bio` is printed with |safe");
}

#[test]
fn the_text_report_shows_the_flow_under_the_finding() {
    let out = run_in(&project(), &["scan", "--no-progress", "--select", "T001"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("shop/db.py:7:"), "{text}");
    assert!(text.contains("source    shop/views.py:9  request.GET.get(\"q\", \"\")"), "{text}");
    assert!(text.contains("parameter shop/db.py:5  term"), "{text}");
    assert!(text.contains("sink      shop/db.py:7"), "{text}");
}

#[test]
fn sarif_carries_code_flows_and_validates() {
    let out = run_in(&project(), &["scan", "--format", "sarif", "--no-progress", "--select", "T"]);
    let sarif = json(&out);
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
    let result =
        sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "T001").expect("a T001 result");
    let steps = result["codeFlows"][0]["threadFlows"][0]["locations"].as_array().unwrap();
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[0]["location"]["physicalLocation"]["artifactLocation"]["uri"], "shop/views.py");
    assert_eq!(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 9);
}

#[test]
fn a_taint_finding_replaces_the_pattern_finding_on_its_line() {
    let v = json(&run_in(&project(), &["scan", "--format", "json", "--no-progress"]));
    let at =
        |rule: &str, line: u64| findings(&v, rule).iter().any(|f| f["path"] == "shop/views.py" && f["line"] == line);
    // The reachable shell command: T002 instead of B602.
    assert!(at("T002", 15) && !at("B602", 15));
    // The same command with T002 suppressed: Bandit's B602 is reported again.
    assert!(!at("T002", 21) && at("B602", 21));
    // The SQL concatenation: T001 instead of B608.
    assert!(!findings(&v, "B608").iter().any(|f| f["path"] == "shop/db.py" && f["line"] == 7));
    // A taint finding the thresholds remove does not hide the pattern
    // finding: a command from input() is a LOW-confidence flow.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("tool.py"), "import os\nos.system('ls ' + input())\n").unwrap();
    let low = json(&run_in(tmp.path(), &["scan", "--format", "json", "--no-progress"]));
    assert_eq!(findings(&low, "T002").len(), 1);
    assert!(findings(&low, "B605").is_empty());
    let medium =
        json(&run_in(tmp.path(), &["scan", "--format", "json", "--no-progress", "--confidence-level", "medium"]));
    assert!(findings(&medium, "T002").is_empty());
    assert_eq!(findings(&medium, "B605").len(), 1, "{medium}");
    // Without the taint rules the pattern findings come back.
    let v = json(&run_in(&project(), &["scan", "--format", "json", "--no-progress", "--ignore", "T"]));
    assert!(findings(&v, "B602").iter().any(|f| f["line"] == 15));
    assert!(findings(&v, "B608").iter().any(|f| f["path"] == "shop/db.py" && f["line"] == 7));
}

#[test]
fn the_reachable_profile_turns_off_the_pattern_rules() {
    let v = json(&run_in(&project(), &["scan", "--format", "json", "--no-progress", "--profile", "reachable"]));
    assert!(findings(&v, "B602").is_empty() && findings(&v, "B608").is_empty());
    assert_eq!(findings(&v, "T001").len(), 1);
    assert_eq!(findings(&v, "T002").len(), 1);
    // From the configuration file too; an unknown profile is an error naming the file.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.py"), "import os\nos.system('ls ' + x)\n").unwrap();
    std::fs::write(tmp.path().join("pyward.toml"), "profile = \"reachable\"\n").unwrap();
    let v = json(&run_in(tmp.path(), &["scan", "--format", "json", "--no-progress"]));
    assert!(findings(&v, "B605").is_empty(), "{v}");
    std::fs::write(tmp.path().join("pyward.toml"), "profile = \"strict\"\n").unwrap();
    let out = run_in(tmp.path(), &["scan", "--no-progress"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pyward.toml") && err.contains("strict"), "{err}");
}

#[test]
fn deep_and_recursive_code_does_not_break_the_analysis() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // 1,000 nested ifs and a 1,000-deep expression inside a view, mutual
    // recursion between helpers, and a 2,000-function call chain.
    let mut deep = String::from("import os\n\ndef view(request):\n    x = request.GET['x']\n");
    for i in 0..1000 {
        deep.push_str(&" ".repeat(4 * (i + 1)));
        deep.push_str(&format!("if x != '{i}':\n"));
    }
    deep.push_str(&" ".repeat(4 * 1001));
    deep.push_str(&format!("os.system({}x{})\n", "(".repeat(1000), ")".repeat(1000)));
    std::fs::write(d.join("deep.py"), deep).unwrap();
    let mut chain = String::from("import os\n\ndef view(request):\n    f0(request.GET['cmd'])\n\n");
    for i in 0..2000 {
        chain.push_str(&format!("def f{i}(v):\n    return f{}(v)\n\n", i + 1));
    }
    chain.push_str("def f2000(v):\n    os.system(v)\n    return ping(v)\n\ndef ping(v):\n    return pong(v)\n\ndef pong(v):\n    return ping(v)\n");
    std::fs::write(d.join("chain.py"), chain).unwrap();
    // A generated module: 20,000 names and branches at the top level (the
    // analysis of one function has a work budget, so this stays fast).
    let mut generated = String::from("import os\nX = os.environ.get('A')\n");
    for i in 0..20_000 {
        generated.push_str(&format!("v{i} = X + 'a'\nif v{i}:\n    y{i} = 1\n"));
    }
    std::fs::write(d.join("generated.py"), generated).unwrap();
    let out = run_in(d, &["scan", "--format", "json", "--no-progress", "--select", "T"]);
    assert!(out.status.code() == Some(1) || out.status.code() == Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    // The nested flow is found; the chain is deeper than summaries follow
    // (48 calls), so it is cut there rather than recursing without end.
    assert!(findings(&v, "T002").iter().any(|f| f["path"] == "deep.py"), "{v}");
}

#[test]
fn the_flows_reported_do_not_depend_on_the_number_of_threads() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/taint-corpus");
    let corpus = corpus.to_str().unwrap();
    let one = run_in(&project(), &["scan", corpus, "--format", "json", "--no-progress", "--select", "T", "-j", "1"]);
    let four = run_in(&project(), &["scan", corpus, "--format", "json", "--no-progress", "--select", "T", "-j", "4"]);
    assert!(!findings(&json(&one), "T001").is_empty());
    assert_eq!(one.stdout, four.stdout, "the same findings and the same flows, whatever the threads");
}
