//! The configuration analyzer: framework settings audited statically.
//!
//! Django (DJ001-DJ027): the security checks of `manage.py check --deploy`,
//! on settings evaluated without importing them (see `settings.rs`); and
//! DJ101-DJ112, what that command does not look at (`django_own.rs`).

pub mod django;
mod django_own;
pub mod settings;

use rustc_hash::FxHashSet;

pub use settings::{ModuleSummary, summarize};

use crate::finding::{Finding, Level, Location, fingerprint};
use crate::rules::{self, Selection};

/// Whether any configuration rule is enabled.
pub fn any_enabled(selection: &Selection) -> bool {
    selection.enabled_rules().any(|r| r.analyzer == rules::Analyzer::Config)
}

/// The settings modules to audit: the ones `DJANGO_SETTINGS_MODULE` names
/// (wsgi.py/asgi.py first, else manage.py) when they are in the project,
/// otherwise every settings module no other one star-imports.
fn audited(all: &[ModuleSummary]) -> Vec<&ModuleSummary> {
    // Django's own defaults (django/conf/global_settings.py, when Django's
    // source is scanned) are not a project's configuration.
    let is_settings = |m: &ModuleSummary| {
        !m.path.ends_with("django/conf/global_settings.py") && settings_chain(m, all, &mut Vec::new())
    };
    let candidates: Vec<&ModuleSummary> = all.iter().filter(|m| is_settings(m)).collect();
    for server_entry in [true, false] {
        let named: Vec<&ModuleSummary> = all
            .iter()
            .filter(|m| m.is_server_entry == server_entry)
            .flat_map(|m| m.settings_module_refs.iter())
            .filter_map(|name| {
                candidates.iter().copied().find(|c| c.module == *name || c.module.ends_with(&format!(".{name}")))
            })
            .collect();
        if !named.is_empty() {
            let mut seen = FxHashSet::default();
            return named.into_iter().filter(|m| seen.insert(m.path.clone())).collect();
        }
    }
    let imported: FxHashSet<&str> = candidates
        .iter()
        .flat_map(|m| m.events.iter())
        .filter_map(|e| match e {
            settings::Event::StarImport { module, .. } => Some(module.as_str()),
            _ => None,
        })
        .collect();
    candidates
        .into_iter()
        .filter(|m| !imported.iter().any(|i| m.module == *i || m.module.ends_with(&format!(".{i}"))))
        .collect()
}

/// A settings module assigns Django-only settings itself or star-imports one that does.
fn settings_chain(m: &ModuleSummary, all: &[ModuleSummary], seen: &mut Vec<String>) -> bool {
    if m.django_evidence {
        return true;
    }
    if seen.contains(&m.module) {
        return false;
    }
    seen.push(m.module.clone());
    m.events.iter().any(|e| match e {
        settings::Event::StarImport { module, .. } => all
            .iter()
            .filter(|o| o.module == *module || o.module.ends_with(&format!(".{module}")))
            .any(|o| settings_chain(o, all, seen)),
        _ => false,
    })
}

/// Audits the project's Django settings.
pub fn audit(all: &[ModuleSummary], selection: &Selection) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = FxHashSet::default();
    for module in audited(all) {
        let evaluated = settings::replay(module, all);
        for issue in django::check(&evaluated).into_iter().chain(django_own::check(&evaluated)) {
            if !selection.is_enabled(issue.rule) {
                continue;
            }
            let origin = django::origin(&evaluated, issue.setting);
            let (path, line) = origin.map_or((module.path.as_str(), 1), |o| (o.path.as_str(), o.line));
            let mut message = issue.message;
            let mut confidence = Level::High;
            // Settings of a test suite are usually insecure on purpose.
            let in_tests = crate::analyzers::code::is_test_path(&module.path);
            match origin {
                None => message.push_str(&format!(
                    " ({} is not set in {}; Django's default is {}.)",
                    issue.setting,
                    module.path,
                    django::default(issue.setting).python_repr()
                )),
                Some(o) => match (&o.env_var, o.env_typed, issue.test) {
                    (None, ..) => {}
                    // A set variable is a string, never True: the finding stands either way.
                    (Some(var), false, django::Test::IsTrue) => message.push_str(&format!(
                        " ({} comes from the environment variable {var}; a value set there is a string, never True, so this holds whether or not it is set.)",
                        issue.setting
                    )),
                    (Some(var), ..) => {
                        confidence = Level::Medium;
                        message.push_str(&format!(" (This is the value used when the environment variable {var} is not set.)"));
                    }
                },
            }
            let source = all.iter().find(|m| m.path == path);
            let snippet = source.and_then(|m| m.lines.get(line.saturating_sub(1))).cloned().unwrap_or_default();
            if source.is_some_and(|m| m.suppressions.is_suppressed(issue.rule, line, (line, line))) {
                continue;
            }
            if !seen.insert((issue.rule, path.to_owned(), line, message.clone())) {
                continue;
            }
            if in_tests {
                confidence = Level::Low;
            }
            let end_column = snippet.chars().count() + 1;
            out.push(Finding {
                rule: issue.rule,
                severity: issue.severity,
                confidence,
                location: Location { path: path.to_owned(), line, column: 1, end_line: line, end_column },
                fingerprint: fingerprint(issue.rule, path, &format!("{}:{snippet}", module.path)),
                message,
                snippet,
                line_range: (line, line),
                commit: None,
                flow: Vec::new(),
            });
        }
    }
    out
}
