//! Configuration: `[tool.pyward]` in pyproject.toml or a `pyward.toml`, and a
//! Bandit user's own `[tool.bandit]`, `.bandit` (INI) or YAML file, read as-is.
//!
//! Every file is turned into a JSON value first, so one set of readers checks
//! keys and types for all formats; an unknown key or a bad value is an error
//! that names the file and the key.

mod bandit;

use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use serde_json::Value;
use thiserror::Error;

use crate::finding::Level;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

fn invalid(path: &Path, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid { path: path.display().to_string(), message: message.into() }
}

/// Options of the Bandit-compatible checks (Bandit's plugin sections).
#[derive(Debug, Clone)]
pub struct CodeOptions {
    pub assert_skips: Vec<GlobMatcher>,
    pub tmp_dirs: Vec<String>,
    pub pass_check_typed: bool,
    pub continue_check_typed: bool,
    pub bad_protocol_versions: Vec<String>,
    pub key_sizes: KeySizes,
    pub shell_subprocess: Vec<String>,
    pub shell_shell: Vec<String>,
    pub shell_no_shell: Vec<String>,
    pub extend_markup_names: Vec<String>,
    pub allowed_markup_calls: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct KeySizes {
    pub dsa_high: i64,
    pub dsa_medium: i64,
    pub rsa_high: i64,
    pub rsa_medium: i64,
    pub ec_high: i64,
    pub ec_medium: i64,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

impl Default for CodeOptions {
    fn default() -> Self {
        CodeOptions {
            assert_skips: Vec::new(),
            tmp_dirs: strings(&["/tmp", "/var/tmp", "/dev/shm"]),
            pass_check_typed: false,
            continue_check_typed: false,
            bad_protocol_versions: strings(&[
                "PROTOCOL_SSLv2",
                "SSLv2_METHOD",
                "SSLv23_METHOD",
                "PROTOCOL_SSLv3",
                "PROTOCOL_TLSv1",
                "SSLv3_METHOD",
                "TLSv1_METHOD",
                "PROTOCOL_TLSv1_1",
                "TLSv1_1_METHOD",
            ]),
            key_sizes: KeySizes {
                dsa_high: 1024,
                dsa_medium: 2048,
                rsa_high: 1024,
                rsa_medium: 2048,
                ec_high: 160,
                ec_medium: 224,
            },
            shell_subprocess: strings(&[
                "subprocess.Popen",
                "subprocess.call",
                "subprocess.check_call",
                "subprocess.check_output",
                "subprocess.run",
            ]),
            shell_shell: strings(&[
                "os.system",
                "os.popen",
                "os.popen2",
                "os.popen3",
                "os.popen4",
                "popen2.popen2",
                "popen2.popen3",
                "popen2.popen4",
                "popen2.Popen3",
                "popen2.Popen4",
                "commands.getoutput",
                "commands.getstatusoutput",
                "subprocess.getoutput",
                "subprocess.getstatusoutput",
            ]),
            shell_no_shell: strings(&[
                "os.execl",
                "os.execle",
                "os.execlp",
                "os.execlpe",
                "os.execv",
                "os.execve",
                "os.execvp",
                "os.execvpe",
                "os.spawnl",
                "os.spawnle",
                "os.spawnlp",
                "os.spawnlpe",
                "os.spawnv",
                "os.spawnve",
                "os.spawnvp",
                "os.spawnvpe",
                "os.startfile",
            ]),
            extend_markup_names: Vec::new(),
            allowed_markup_calls: Vec::new(),
        }
    }
}

/// `[tool.pyward.deps]`: the dependency audit.
#[derive(Debug, Clone, Default)]
pub struct DepsConfig {
    /// `db`: a database path (relative to the config file).
    pub db: Option<PathBuf>,
    /// `max-age`: refresh the cached database when older.
    pub max_age: Option<std::time::Duration>,
    pub ignores: Vec<crate::analyzers::deps::Ignore>,
}

/// Everything a scan can be configured with, before the command line is applied.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Files the settings came from, for messages.
    pub sources: Vec<PathBuf>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub exclude: Vec<String>,
    pub per_file_ignores: Vec<(GlobMatcher, Vec<String>)>,
    pub severity_level: Option<Level>,
    /// A rule profile (`reachable`).
    pub profile: Option<String>,
    pub confidence_level: Option<Level>,
    pub fail_on: Option<Level>,
    pub baseline: Option<PathBuf>,
    pub max_file_size: Option<u64>,
    /// Upload stores to inspect (`uploads`, relative to the config file).
    pub uploads: Vec<PathBuf>,
    pub code: CodeOptions,
    pub deps: DepsConfig,
    /// Warnings about settings that were read but have no effect.
    pub warnings: Vec<String>,
}

/// Reads one config file given with `--config`.
pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    let mut config = Config::default();
    apply_file(&mut config, path, true)?;
    Ok(config)
}

/// Finds the configuration for a scan of `root`: `pyward.toml`, else
/// `[tool.pyward]` / `[tool.bandit]` in `pyproject.toml`, and a `.bandit` INI
/// file, in `root` or the nearest parent folder that has one.
pub fn discover(root: &Path) -> Result<Config, ConfigError> {
    let mut config = Config::default();
    let start = if root.is_file() { root.parent().unwrap_or(Path::new(".")) } else { root };
    let mut dir = Some(std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf()));
    while let Some(d) = dir {
        let pyward = d.join("pyward.toml");
        let pyproject = d.join("pyproject.toml");
        let ini = d.join(".bandit");
        let mut found = false;
        if pyward.is_file() {
            apply_file(&mut config, &pyward, false)?;
            found = true;
        } else if pyproject.is_file() {
            found = apply_file(&mut config, &pyproject, false)?;
        }
        if ini.is_file() {
            bandit::apply_ini(&mut config, &ini)?;
            found = true;
        }
        if found || d.join(".git").exists() {
            break;
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    Ok(config)
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|source| ConfigError::Io { path: path.display().to_string(), source })
}

/// Applies one file; returns whether it held any pyward or Bandit settings.
fn apply_file(config: &mut Config, path: &Path, explicit: bool) -> Result<bool, ConfigError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if name == ".bandit" || ext == "ini" || ext == "cfg" {
        bandit::apply_ini(config, path)?;
        return Ok(true);
    }
    let text = read(path)?;
    if ext == "yaml" || ext == "yml" {
        let value = bandit::yaml_to_json(&text).map_err(|m| invalid(path, m))?;
        bandit::apply_bandit(config, path, &value)?;
        config.sources.push(path.to_path_buf());
        return Ok(true);
    }
    let table: toml::Table = toml::from_str(&text).map_err(|e| invalid(path, format!("not valid TOML: {e}")))?;
    let value = serde_json::to_value(&table).map_err(|e| invalid(path, e.to_string()))?;
    let mut found = false;
    if name == "pyproject.toml" || value.get("tool").is_some() {
        if let Some(section) = value.pointer("/tool/pyward") {
            apply_pyward(config, path, section, "tool.pyward")?;
            found = true;
        }
        if let Some(section) = value.pointer("/tool/bandit") {
            bandit::apply_bandit(config, path, section)?;
            found = true;
        }
        if !found && explicit {
            return Err(invalid(path, "no [tool.pyward] or [tool.bandit] section"));
        }
    } else {
        apply_pyward(config, path, &value, "")?;
        found = true;
    }
    if found {
        config.sources.push(path.to_path_buf());
    }
    Ok(found)
}

fn key_name(prefix: &str, key: &str) -> String {
    if prefix.is_empty() { key.to_owned() } else { format!("{prefix}.{key}") }
}

pub(crate) fn string_list(path: &Path, key: &str, value: &Value) -> Result<Vec<String>, ConfigError> {
    match value {
        Value::Array(items) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                other => Err(invalid(path, format!("`{key}` must be a list of strings, found {other}"))),
            })
            .collect(),
        Value::String(s) => Ok(s.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()),
        other => Err(invalid(path, format!("`{key}` must be a list of strings, found {other}"))),
    }
}

fn level(path: &Path, key: &str, value: &Value) -> Result<Level, ConfigError> {
    value
        .as_str()
        .and_then(Level::parse)
        .ok_or_else(|| invalid(path, format!("`{key}` must be one of \"low\", \"medium\", \"high\", found {value}")))
}

pub(crate) fn glob(path: &Path, key: &str, pattern: &str) -> Result<GlobMatcher, ConfigError> {
    Glob::new(pattern)
        .map(|g| g.compile_matcher())
        .map_err(|e| invalid(path, format!("`{key}`: bad glob `{pattern}`: {e}")))
}

fn check_rule_patterns(path: &Path, key: &str, patterns: &[String]) -> Result<(), ConfigError> {
    for p in patterns {
        if !crate::rules::pattern_is_known(p) {
            return Err(invalid(path, format!("`{key}`: `{p}` matches no rule (see `pyward rules`)")));
        }
    }
    Ok(())
}

fn apply_pyward(config: &mut Config, path: &Path, value: &Value, prefix: &str) -> Result<(), ConfigError> {
    let Value::Object(map) = value else {
        return Err(invalid(path, format!("`{prefix}` must be a table")));
    };
    for (key, v) in map {
        let full = key_name(prefix, key);
        match key.as_str() {
            "select" | "ignore" => {
                let list = string_list(path, &full, v)?;
                check_rule_patterns(path, &full, &list)?;
                if key == "select" { config.select = list } else { config.ignore.extend(list) }
            }
            "exclude" => config.exclude.extend(string_list(path, &full, v)?),
            "per-file-ignores" => {
                let Value::Object(entries) = v else {
                    return Err(invalid(path, format!("`{full}` must be a table of glob = [rule ids]")));
                };
                for (pattern, ids) in entries {
                    let k = format!("{full}.{pattern}");
                    let ids = string_list(path, &k, ids)?;
                    check_rule_patterns(path, &k, &ids)?;
                    config.per_file_ignores.push((glob(path, &k, pattern)?, ids));
                }
            }
            "severity-level" => config.severity_level = Some(level(path, &full, v)?),
            "profile" => {
                let Value::String(name) = v else {
                    return Err(invalid(path, format!("`{full}` must be a string: \"default\" or \"reachable\"")));
                };
                if crate::rules::profile_ignores(name).is_none() {
                    return Err(invalid(
                        path,
                        format!("`{full}`: unknown profile `{name}` (use \"default\" or \"reachable\")"),
                    ));
                }
                config.profile = Some(name.clone());
            }
            "confidence-level" => config.confidence_level = Some(level(path, &full, v)?),
            "fail-on" => config.fail_on = Some(level(path, &full, v)?),
            "baseline" => {
                let s = v.as_str().ok_or_else(|| invalid(path, format!("`{full}` must be a path string")))?;
                let base = path.parent().unwrap_or(Path::new("."));
                config.baseline = Some(base.join(s));
            }
            "max-file-size" => {
                config.max_file_size =
                    Some(v.as_u64().ok_or_else(|| invalid(path, format!("`{full}` must be a number of bytes")))?);
            }
            "uploads" => {
                let base = path.parent().unwrap_or(Path::new("."));
                config.uploads = string_list(path, &full, v)?.iter().map(|s| base.join(s)).collect();
                if let Some(missing) = config.uploads.iter().find(|store| !store.is_dir()) {
                    return Err(invalid(
                        path,
                        format!(
                            "`{full}` names {}, which is not a folder (hint: give the upload store's path relative to this file, or pass --uploads DIR)",
                            missing.display()
                        ),
                    ));
                }
            }
            "deps" => apply_deps(&mut config.deps, path, v, &full)?,
            "options" => {
                let Value::Object(sections) = v else {
                    return Err(invalid(path, format!("`{full}` must be a table of option sections")));
                };
                for (section, body) in sections {
                    if !bandit::apply_plugin_section(config, path, section, body, &format!("{full}.{section}"))? {
                        return Err(invalid(
                            path,
                            format!(
                                "unknown option section `{full}.{section}` (known: {})",
                                bandit::SECTIONS.join(", ")
                            ),
                        ));
                    }
                }
            }
            _ => {
                return Err(invalid(
                    path,
                    format!(
                        "unknown key `{full}` (known: select, ignore, exclude, per-file-ignores, severity-level, confidence-level, fail-on, baseline, max-file-size, uploads, deps, options)"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// `[tool.pyward.deps]`: `db`, `max-age`, `ignore = [{id, reason, until}]`.
fn apply_deps(deps: &mut DepsConfig, path: &Path, value: &Value, prefix: &str) -> Result<(), ConfigError> {
    let Value::Object(map) = value else {
        return Err(invalid(path, format!("`{prefix}` must be a table")));
    };
    for (key, v) in map {
        let full = key_name(prefix, key);
        match key.as_str() {
            "db" => {
                let s = v.as_str().ok_or_else(|| invalid(path, format!("`{full}` must be a path string")))?;
                deps.db = Some(path.parent().unwrap_or(Path::new(".")).join(s));
            }
            "max-age" => {
                let s = match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    other => {
                        return Err(invalid(path, format!("`{full}` must be an age such as \"24h\", found {other}")));
                    }
                };
                deps.max_age = Some(
                    crate::analyzers::deps::cache::parse_age(&s)
                        .map_err(|m| invalid(path, format!("`{full}`: {m}")))?,
                );
            }
            "ignore" => {
                let Value::Array(items) = v else {
                    return Err(invalid(
                        path,
                        format!(
                            "`{full}` must be a list of {{id = \"...\", reason = \"...\", until = \"YYYY-MM-DD\"}}"
                        ),
                    ));
                };
                for (i, item) in items.iter().enumerate() {
                    deps.ignores.push(deps_ignore(path, &format!("{full}[{i}]"), item)?);
                }
            }
            _ => return Err(invalid(path, format!("unknown key `{full}` (known: db, max-age, ignore)"))),
        }
    }
    Ok(())
}

fn deps_ignore(path: &Path, key: &str, item: &Value) -> Result<crate::analyzers::deps::Ignore, ConfigError> {
    let Value::Object(map) = item else {
        return Err(invalid(path, format!("`{key}` must be a table {{id = \"...\", reason = \"...\"}}")));
    };
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
    for k in map.keys() {
        if !matches!(k.as_str(), "id" | "reason" | "until") {
            return Err(invalid(path, format!("`{key}`: unknown key `{k}` (known: id, reason, until)")));
        }
    }
    let id =
        text("id").filter(|s| !s.trim().is_empty()).ok_or_else(|| invalid(path, format!("`{key}` needs an `id`")))?;
    let reason = text("reason")
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| invalid(path, format!("`{key}` ({id}) needs a `reason`: say why it is safe to ignore")))?;
    let until = match map.get("until") {
        None => None,
        Some(v) => {
            // TOML dates arrive as strings through the JSON conversion.
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Object(o) => o.values().next().and_then(Value::as_str).unwrap_or_default().to_owned(),
                _ => String::new(),
            };
            let ok = s.len() == 10
                && s.as_bytes()
                    .iter()
                    .enumerate()
                    .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
            if !ok {
                return Err(invalid(path, format!("`{key}.until` must be a date YYYY-MM-DD, found {v}")));
            }
            Some(s)
        }
    };
    Ok(crate::analyzers::deps::Ignore { id: id.trim().to_owned(), reason, until })
}
