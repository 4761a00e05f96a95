//! Bandit's own configuration formats, read as Bandit reads them.

use std::path::Path;

use serde_json::Value;

use super::{Config, ConfigError, glob, invalid, string_list};

/// Bandit's plugin option sections (the ones Bandit actually reads).
pub const SECTIONS: &[&str] = &[
    "assert_used",
    "hardcoded_tmp_directory",
    "try_except_pass",
    "try_except_continue",
    "ssl_with_bad_version",
    "weak_cryptographic_key",
    "shell_injection",
    "markupsafe_xss",
];

/// Keys Bandit accepts that have no effect in pyward; read with a warning.
const IGNORED: &[&str] =
    &["include", "profiles", "plugin_name_pattern", "log_format", "blacklist_calls", "blacklist_imports"];

/// Bandit's `B001` means every blacklist rule.
fn expand_tests(ids: Vec<String>) -> Vec<String> {
    ids.into_iter()
        .flat_map(|id| if id.eq_ignore_ascii_case("B001") { vec!["B3".to_owned(), "B4".to_owned()] } else { vec![id] })
        .collect()
}

pub(super) fn apply_bandit(config: &mut Config, path: &Path, value: &Value) -> Result<(), ConfigError> {
    let Value::Object(map) = value else {
        if value.is_null() {
            return Ok(());
        }
        return Err(invalid(path, "a Bandit configuration must be a mapping"));
    };
    for (key, v) in map {
        match key.as_str() {
            "tests" => config.select = expand_tests(string_list(path, key, v)?),
            "skips" => config.ignore.extend(expand_tests(string_list(path, key, v)?)),
            "exclude_dirs" => config.exclude.extend(string_list(path, key, v)?),
            k if IGNORED.contains(&k) => {
                config.warnings.push(format!("{}: Bandit setting `{k}` is not used by pyward", path.display()))
            }
            k => {
                if !apply_plugin_section(config, path, k, v, k)? {
                    if crate::rules::RULES.iter().any(|r| r.name == k) {
                        // bandit-config-generator writes one block per check
                        // name; Bandit itself never reads them.
                        config.warnings.push(format!(
                            "{}: section `{k}` is ignored (Bandit ignores it too; use `{}`)",
                            path.display(),
                            section_for(k)
                        ));
                    } else {
                        return Err(invalid(path, format!("unknown Bandit setting `{k}`")));
                    }
                }
            }
        }
    }
    Ok(())
}

fn section_for(check: &str) -> &'static str {
    match check {
        "ssl_with_bad_defaults" | "ssl_with_no_version" => "ssl_with_bad_version",
        "markupsafe_markup_xss" => "markupsafe_xss",
        _ => "shell_injection",
    }
}

fn bool_value(path: &Path, key: &str, v: &Value) -> Result<bool, ConfigError> {
    v.as_bool().ok_or_else(|| invalid(path, format!("`{key}` must be true or false, found {v}")))
}

fn int_value(path: &Path, key: &str, v: &Value) -> Result<i64, ConfigError> {
    v.as_i64().ok_or_else(|| invalid(path, format!("`{key}` must be an integer, found {v}")))
}

/// Applies one plugin section; false when `section` is not one.
pub(super) fn apply_plugin_section(
    config: &mut Config,
    path: &Path,
    section: &str,
    body: &Value,
    full: &str,
) -> Result<bool, ConfigError> {
    if !SECTIONS.contains(&section) {
        return Ok(false);
    }
    let Value::Object(map) = body else {
        return Err(invalid(path, format!("`{full}` must be a table")));
    };
    let o = &mut config.code;
    for (key, v) in map {
        let k = format!("{full}.{key}");
        match (section, key.as_str()) {
            ("assert_used", "skips") => {
                // Bandit matches `./tests/x.py`; pyward's paths have no `./`,
                // so `*/tests/*` also matches at the top of the tree.
                let mut globs = Vec::new();
                for pattern in string_list(path, &k, v)? {
                    if let Some(rest) = pattern.strip_prefix("*/") {
                        globs.push(glob(path, &k, rest)?);
                    }
                    globs.push(glob(path, &k, &pattern)?);
                }
                o.assert_skips = globs
            }
            ("hardcoded_tmp_directory", "tmp_dirs") => o.tmp_dirs = string_list(path, &k, v)?,
            ("try_except_pass", "check_typed_exception") => o.pass_check_typed = bool_value(path, &k, v)?,
            ("try_except_continue", "check_typed_exception") => o.continue_check_typed = bool_value(path, &k, v)?,
            ("ssl_with_bad_version", "bad_protocol_versions") => o.bad_protocol_versions = string_list(path, &k, v)?,
            ("weak_cryptographic_key", name) => {
                let n = int_value(path, &k, v)?;
                let s = &mut o.key_sizes;
                match name {
                    "weak_key_size_dsa_high" => s.dsa_high = n,
                    "weak_key_size_dsa_medium" => s.dsa_medium = n,
                    "weak_key_size_rsa_high" => s.rsa_high = n,
                    "weak_key_size_rsa_medium" => s.rsa_medium = n,
                    "weak_key_size_ec_high" => s.ec_high = n,
                    "weak_key_size_ec_medium" => s.ec_medium = n,
                    _ => return Err(invalid(path, format!("unknown option `{k}`"))),
                }
            }
            ("shell_injection", "subprocess") => o.shell_subprocess = string_list(path, &k, v)?,
            ("shell_injection", "shell") => o.shell_shell = string_list(path, &k, v)?,
            ("shell_injection", "no_shell") => o.shell_no_shell = string_list(path, &k, v)?,
            ("markupsafe_xss", "extend_markup_names") => o.extend_markup_names = string_list(path, &k, v)?,
            ("markupsafe_xss", "allowed_calls") => o.allowed_markup_calls = string_list(path, &k, v)?,
            _ => return Err(invalid(path, format!("unknown option `{k}`"))),
        }
    }
    Ok(true)
}

/// Reads a `.bandit` INI file (section `[bandit]`).
pub(super) fn apply_ini(config: &mut Config, path: &Path) -> Result<(), ConfigError> {
    let ini = ini::Ini::load_from_file(path).map_err(|e| invalid(path, format!("not a valid INI file: {e}")))?;
    let Some(section) = ini.section(Some("bandit")) else {
        return Err(invalid(path, "missing the [bandit] section"));
    };
    for (key, value) in section.iter() {
        let list = || value.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect::<Vec<_>>();
        match key {
            "tests" => config.select = expand_tests(list()),
            "skips" => config.ignore.extend(expand_tests(list())),
            "exclude" => config.exclude.extend(list()),
            "targets" | "recursive" | "aggregate" | "number" | "profile" | "format" | "msg-template" | "output"
            | "verbose" | "debug" | "quiet" | "ignore-nosec" | "baseline" | "configfile" | "level" | "confidence" => {
                config.warnings.push(format!("{}: `.bandit` key `{key}` is not used by pyward", path.display()))
            }
            other => return Err(invalid(path, format!("unknown key `{other}` in [bandit]"))),
        }
    }
    config.sources.push(path.to_path_buf());
    Ok(())
}

/// Converts a YAML document to JSON.
pub(super) fn yaml_to_json(text: &str) -> Result<Value, String> {
    let docs = yaml_rust2::YamlLoader::load_from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    Ok(docs.first().map_or(Value::Null, convert))
}

fn convert(y: &yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(s) => {
            s.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number)
        }
        Yaml::Integer(i) => Value::from(*i),
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::Array(items.iter().map(convert).collect()),
        Yaml::Hash(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) => s.clone(),
                        Yaml::Integer(i) => i.to_string(),
                        other => format!("{other:?}"),
                    };
                    (key, convert(v))
                })
                .collect(),
        ),
        _ => Value::Null,
    }
}
