//! The `pyward` command line: arguments -> library call -> exit code.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use pyward::analyzers::deps::{self, DepsOptions, cache, db};
use pyward::finding::{Finding, Level};
use pyward::report::{Format, TextOptions};
use pyward::rules::{self, Selection};
use pyward::{DEFAULT_MAX_FILE_SIZE, ScanOptions, baseline, config, discover, report};

// The parser allocates many small AST nodes; mimalloc makes that markedly
// cheaper than the system allocator (see bench/bench.py). Built without
// transparent huge pages (`no_thp`), its peak memory stays below Ruff's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "pyward", version, about = "Security auditor for Python web applications")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LevelArg {
    All,
    Low,
    Medium,
    High,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::All | LevelArg::Low => Level::Low,
            LevelArg::Medium => Level::Medium,
            LevelArg::High => Level::High,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and folders (default: the current folder).
    Scan(Box<ScanArgs>),
    /// Print the full documentation of one rule (id, alias such as S602, or name).
    Rule { id: String },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// The vulnerability database the dependency audit uses.
    #[command(subcommand)]
    Db(DbCommand),
}

#[derive(Subcommand)]
enum DbCommand {
    /// Download OSV's PyPI advisories into the cache (only when they changed).
    Update {
        /// Where to download from (default: OSV's PyPI export, or $PYWARD_DB_URL).
        #[arg(long)]
        url: Option<String>,
        /// No progress bar.
        #[arg(long)]
        no_progress: bool,
    },
    /// Say what is cached, and how old it is.
    Status,
    /// Print the advisories that affect given package versions.
    Query(QueryArgs),
}

#[derive(clap::Args)]
struct QueryArgs {
    /// `NAME==VERSION` pairs.
    pairs: Vec<String>,
    /// Also read pairs from FILE: one `NAME VERSION` (or `NAME==VERSION`) per line.
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
    /// An OSV zip, a folder of OSV JSON, or a PyPA advisory-database folder.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Never touch the network.
    #[arg(long)]
    offline: bool,
    #[arg(long, value_enum, default_value = "text")]
    format: RulesFormat,
}

#[derive(clap::Args)]
struct ScanArgs {
    /// Files or folders to scan; `-` reads source from standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// The file name to report standard input under.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Rules to run: ids or prefixes (B6, B602), aliases (S602) or names; comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Rules not to run (same forms as --select).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// A rule profile: `reachable` turns off the pattern rules that the taint
    /// rules (T001-T016) make redundant (B608, B602-B605, B307, ...).
    #[arg(long, value_parser = ["default", "reachable"])]
    profile: Option<String>,
    /// Lowest severity reported (Bandit's -l).
    #[arg(long, value_enum)]
    severity_level: Option<LevelArg>,
    /// Lowest confidence reported (Bandit's -i).
    #[arg(long, value_enum)]
    confidence_level: Option<LevelArg>,
    /// Exit 1 only if a reported finding has at least this severity (default: low).
    #[arg(long, value_enum)]
    fail_on: Option<LevelArg>,
    /// Always exit 0 when the scan ran, whatever it found.
    #[arg(long)]
    exit_zero: bool,
    /// Glob of paths to skip (repeatable; comma-separated).
    #[arg(long, value_delimiter = ',')]
    exclude: Vec<String>,
    /// Configuration file: pyward.toml, pyproject.toml, bandit.yaml or .bandit.
    #[arg(long, short = 'c', value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report only findings that are not in this baseline.
    #[arg(long, short = 'b', value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the findings of this scan as a baseline.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Files larger than this many bytes are skipped (E003). Default 10 MiB.
    #[arg(long, value_name = "BYTES")]
    max_file_size: Option<u64>,
    /// No progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Print less: no code frames, no progress.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Advisory database for the dependency audit: an OSV zip, a folder of OSV
    /// JSON, or a PyPA advisory-database folder (default: the cached OSV export).
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Never touch the network (also PYWARD_OFFLINE=1): use the cached database as it is.
    #[arg(long)]
    offline: bool,
    /// Fail (exit 2) when no advisory database can be had, instead of scanning
    /// without auditing dependencies.
    #[arg(long)]
    require_db: bool,
    /// Refresh the cached database when it is older than this (24h, 7d, 90m).
    #[arg(long, value_name = "AGE")]
    db_max_age: Option<String>,
    /// Also audit the distributions installed in this Python environment
    /// (a virtualenv folder or a site-packages folder; repeatable).
    #[arg(long, value_name = "PATH")]
    python_env: Vec<PathBuf>,
    /// Also look for secrets in every commit reachable from HEAD (no git
    /// binary needed): secrets committed once and deleted since are reported
    /// with their commit and date.
    #[arg(long)]
    git_history: bool,
    /// Also inspect the files in this upload store (repeatable): real types
    /// against extensions, scripts in SVGs, polyglots, unsafe archives and
    /// bombs, macros, PDF actions, double extensions, GPS positions.
    #[arg(long, value_name = "DIR")]
    uploads: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rule { id } => match rules::lookup(&id) {
            Some(rule) => print_out(&rules::render_doc(rule)),
            None => {
                eprintln!("error: no rule `{id}`\n  hint: `pyward rules` lists them all");
                ExitCode::from(2)
            }
        },
        Command::Rules { format } => print_out(&render_rules(format)),
        Command::Db(cmd) => match run_db(cmd) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
        Command::Scan(args) => match run_scan(*args) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
    }
}

/// Writes to standard output; a closed pipe (`pyward rules | head`) is not an error.
fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            ExitCode::from(2)
        }
    }
}

fn render_rules(format: RulesFormat) -> String {
    match format {
        RulesFormat::Text => rules::RULES
            .iter()
            .map(|r| {
                format!(
                    "{:<5} {:<8} {:<6} CWE-{:<4} {:<42} {}\n",
                    r.id,
                    r.severity,
                    r.confidence,
                    r.cwe,
                    r.name,
                    r.aliases.join(",")
                )
            })
            .collect(),
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = rules::RULES
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id, "name": r.name, "analyzer": r.analyzer.as_str(),
                        "severity": r.severity, "confidence": r.confidence,
                        "cwe": (r.cwe != 0).then_some(r.cwe), "aliases": r.aliases,
                        "summary": r.summary, "documentation": r.doc,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
        RulesFormat::Markdown => rules::render_markdown(),
    }
}

fn run_scan(args: ScanArgs) -> Result<ExitCode, String> {
    for p in args.select.iter().chain(&args.ignore) {
        if !rules::pattern_is_known(p) {
            return Err(format!("`{p}` matches no rule\n  hint: `pyward rules` lists them all"));
        }
    }
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = args.paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let config_root = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    let cfg = match &args.config {
        Some(path) => config::load_file(path),
        None => config::discover(&config_root),
    }
    .map_err(|e| format!("{e}\n  hint: fix the configuration, or pass another with --config"))?;
    for warning in &cfg.warnings {
        eprintln!("warning: {warning}");
    }
    let select = if args.select.is_empty() { cfg.select.clone() } else { args.select.clone() };
    let mut ignore = cfg.ignore.clone();
    ignore.extend(args.ignore.iter().cloned());
    if let Some(profile) = args.profile.as_ref().or(cfg.profile.as_ref())
        && let Some(ids) = rules::profile_ignores(profile)
    {
        ignore.extend(ids.iter().map(|s| s.to_string()));
    }
    let selection = Selection::new(&select, &ignore);
    let mut exclude = cfg.exclude.clone();
    exclude.extend(args.exclude.iter().cloned());
    let excludes = discover::Excludes::new(&exclude)?;
    let baseline_path = args.baseline.clone().or(cfg.baseline.clone());
    let baseline = match &baseline_path {
        // Writing a first baseline where the configuration expects one.
        Some(path) if args.write_baseline.is_some() && !path.exists() => None,
        Some(path) => Some(baseline::Baseline::load(path)?),
        None => None,
    };
    let stdin = if reads_stdin {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        Some((args.stdin_filename.clone().unwrap_or_else(|| "<stdin>".to_owned()), bytes))
    } else {
        None
    };
    let stderr_tty = std::io::stderr().is_terminal();
    let progress: Option<Box<dyn Fn(usize, usize) + Sync>> = if stderr_tty && !args.no_progress && !args.quiet {
        Some(Box::new(|done: usize, total: usize| {
            if total >= 200 && (done.is_multiple_of((total / 100).max(1)) || done == total) {
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\rScanning {done}/{total} files");
                if done == total {
                    let _ = write!(err, "\r\x1b[2K");
                }
                let _ = err.flush();
            }
        }))
    } else {
        None
    };
    let mut deps = DepsOptions::default();
    deps.db = args.db.clone().or(cfg.deps.db.clone());
    deps.offline |= args.offline;
    deps.require_db = args.require_db;
    deps.python_envs = args.python_env.clone();
    deps.ignores = cfg.deps.ignores.clone();
    deps.progress = stderr_tty && !args.no_progress && !args.quiet;
    if let Some(age) = cfg.deps.max_age {
        deps.max_age = age;
    }
    if let Some(age) = &args.db_max_age {
        deps.max_age = cache::parse_age(age).map_err(|e| format!("--db-max-age: {e}"))?;
    }
    let opts = ScanOptions {
        paths: if paths.is_empty() && !reads_stdin { vec![PathBuf::from(".")] } else { paths },
        stdin,
        selection,
        excludes,
        per_file_ignores: cfg.per_file_ignores.clone(),
        code: cfg.code.clone(),
        severity_level: args.severity_level.map(Level::from).or(cfg.severity_level).unwrap_or(Level::Low),
        confidence_level: args.confidence_level.map(Level::from).or(cfg.confidence_level).unwrap_or(Level::Low),
        max_file_size: args.max_file_size.or(cfg.max_file_size).unwrap_or(DEFAULT_MAX_FILE_SIZE),
        jobs: args.jobs,
        baseline,
        progress,
        deps,
        git_history: args.git_history,
        uploads: if args.uploads.is_empty() { cfg.uploads.clone() } else { args.uploads.clone() },
    };
    let result = pyward::scan(&opts)?;
    if let Some(path) = &args.write_baseline {
        // Known findings stay in the baseline when it is refreshed.
        let mut all: Vec<Finding> = result.findings.iter().chain(&result.known).cloned().collect();
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        baseline::write(path, &all)?;
        if !args.quiet {
            eprintln!("wrote a baseline of {} findings to {}", all.len(), path.display());
        }
    }
    let color = args.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let text_opts = TextOptions { color, quiet: args.quiet };
    let rendered = report::render(args.format, &result, &text_opts);
    match &args.output {
        Some(path) => baseline::write_atomic(path, rendered.as_bytes())?,
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(rendered.as_bytes()).and_then(|()| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(format!("cannot write the report: {e}"));
            }
        }
    }
    let threshold = args.fail_on.map(Level::from).or(cfg.fail_on).unwrap_or(Level::Low);
    let failing = result.findings.iter().any(|f| f.severity >= threshold);
    Ok(if failing && !args.exit_zero { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn run_db(cmd: DbCommand) -> Result<ExitCode, String> {
    let cache_dir = cache::cache_dir();
    match cmd {
        DbCommand::Status => Ok(print_out(&cache::status(cache_dir.as_deref()))),
        DbCommand::Update { url, no_progress } => {
            let cache_dir = cache_dir.ok_or("no cache folder: set PYWARD_CACHE_DIR (or HOME)")?;
            let url = url.unwrap_or_else(|| DepsOptions::default().url);
            let progress = std::io::stderr().is_terminal() && !no_progress;
            match cache::update(&cache_dir, &url, progress)? {
                cache::Updated::NotModified => {
                    eprintln!("the cached advisory database is current ({})", cache::zip_path(&cache_dir).display())
                }
                cache::Updated::Downloaded { records, bytes } => eprintln!(
                    "downloaded {records} advisories ({:.1} MB) to {}",
                    bytes as f64 / 1e6,
                    cache::zip_path(&cache_dir).display()
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Query(args) => {
            let mut pairs: Vec<(String, String)> = Vec::new();
            let mut push = |text: &str| -> Result<(), String> {
                let t = text.trim();
                if t.is_empty() || t.starts_with('#') {
                    return Ok(());
                }
                let (name, version) = t
                    .split_once("==")
                    .or_else(|| t.split_once(char::is_whitespace))
                    .ok_or_else(|| format!("`{t}` is not NAME==VERSION"))?;
                pairs.push((name.trim().to_owned(), version.trim().to_owned()));
                Ok(())
            };
            for p in &args.pairs {
                push(p)?;
            }
            if let Some(file) = &args.from {
                let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
                for line in text.lines() {
                    push(line).map_err(|e| format!("{}: {e}", file.display()))?;
                }
            }
            let database = match &args.db {
                Some(path) => db::load_indexed(path, cache_dir.as_deref()).map_err(|e| e.to_string())?.0,
                None => {
                    let cache_dir = cache_dir.ok_or("no cache folder: set PYWARD_CACHE_DIR (or HOME), or pass --db")?;
                    if cache::read_meta(&cache_dir).is_none() && !args.offline {
                        cache::update(&cache_dir, &DepsOptions::default().url, std::io::stderr().is_terminal())?;
                    }
                    match cache::load_cached(&cache_dir) {
                        Some(r) => r?.0,
                        None => {
                            return Err(
                                "no advisory database is cached\n  hint: run `pyward db update`, or pass --db PATH"
                                    .into(),
                            );
                        }
                    }
                }
            };
            let results = deps::query(&database, &pairs);
            let out = match args.format {
                RulesFormat::Json => {
                    let list: Vec<serde_json::Value> = pairs
                        .iter()
                        .zip(&results)
                        .map(|((n, v), ids)| serde_json::json!({"name": n, "version": v, "advisories": ids}))
                        .collect();
                    serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
                }
                _ => pairs
                    .iter()
                    .zip(&results)
                    .map(|((n, v), ids)| {
                        if ids.is_empty() {
                            format!("{n} {v}: no known advisories\n")
                        } else {
                            format!("{n} {v}: {}\n", ids.join(", "))
                        }
                    })
                    .collect(),
            };
            Ok(print_out(&out))
        }
    }
}
