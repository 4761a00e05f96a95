//! Name resolution: imports and aliases to qualified names, Bandit's way.
//!
//! `import a.b as x` maps `x` to `a.b`; `from a import b as c` maps `c` to `a.b`
//! (and `b` to `a.b` when there is no `as`). A call's qualified name is the
//! dotted text of the called expression with its leading name (or any dotted
//! prefix) replaced through that map. Names that were never imported are used
//! literally, so `os.system(x)` is `os.system` even without `import os`: Bandit
//! users rely on that, and pyward keeps it. The map grows as the file is read
//! top to bottom, so a call written before its import is not resolved.

use rustc_hash::{FxHashMap, FxHashSet};

use ruff_python_ast::{Expr, StmtImport, StmtImportFrom};

#[derive(Debug, Default)]
pub struct Imports {
    /// alias -> qualified name
    aliases: FxHashMap<String, String>,
    /// every module or `module.name` imported so far
    modules: FxHashSet<String>,
}

impl Imports {
    pub fn add_import(&mut self, stmt: &StmtImport) {
        for alias in &stmt.names {
            if let Some(asname) = &alias.asname {
                self.aliases.insert(asname.to_string(), alias.name.to_string());
            }
            self.modules.insert(alias.name.to_string());
        }
    }

    pub fn add_import_from(&mut self, stmt: &StmtImportFrom) {
        let Some(module) = &stmt.module else {
            // `from . import x` is treated like `import x`, as Bandit does.
            for alias in &stmt.names {
                if let Some(asname) = &alias.asname {
                    self.aliases.insert(asname.to_string(), alias.name.to_string());
                }
                self.modules.insert(alias.name.to_string());
            }
            return;
        };
        for alias in &stmt.names {
            let full = format!("{}.{}", module.as_str(), alias.name.as_str());
            let local = alias.asname.as_ref().unwrap_or(&alias.name);
            self.aliases.insert(local.to_string(), full.clone());
            self.modules.insert(full);
        }
    }

    /// `import x` (exactly this module) has been seen.
    pub fn imported_exact(&self, module: &str) -> bool {
        self.modules.contains(module)
    }

    /// This module, or something inside it, has been imported (`ldap` for
    /// `import ldap` or `from ldap.filter import x`, not for `ldap3`).
    pub fn imported_module(&self, module: &str) -> bool {
        self.modules
            .iter()
            .any(|m| m.starts_with(module) && (m.len() == module.len() || m.as_bytes()[module.len()] == b'.'))
    }

    /// Some import so far contains this text (Bandit's `is_module_imported_like`).
    pub fn imported_like(&self, fragment: &str) -> bool {
        self.modules.iter().any(|m| m.contains(fragment))
    }

    /// The qualified name of a called expression (`""` when it is not a dotted name).
    pub fn qualified_call_name(&self, func: &Expr) -> String {
        match func {
            Expr::Name(name) => self.aliases.get(name.id.as_str()).cloned().unwrap_or_else(|| name.id.to_string()),
            Expr::Attribute(_) => self.qualified_attr(func),
            _ => String::new(),
        }
    }

    /// The qualified name of a dotted attribute expression.
    pub fn qualified_attr(&self, expr: &Expr) -> String {
        // Collect the chain iteratively: deep attribute chains must not recurse.
        let mut parts = Vec::new();
        let mut cur = expr;
        let base = loop {
            match cur {
                Expr::Attribute(attr) => {
                    parts.push(attr.attr.as_str());
                    cur = &attr.value;
                }
                Expr::Name(name) => {
                    break self.aliases.get(name.id.as_str()).cloned().unwrap_or_else(|| name.id.to_string());
                }
                _ => break String::new(),
            }
        };
        let mut name = base;
        for part in parts.iter().rev() {
            name.push('.');
            name.push_str(part);
            if let Some(alias) = self.aliases.get(&name) {
                name = alias.clone();
            }
        }
        name
    }

    /// The qualified name of an attribute default as Bandit's `get_qual_attr`
    /// computes it: only `name.attr`, with `name` resolved.
    pub fn resolve_name(&self, name: &str) -> String {
        self.aliases.get(name).cloned().unwrap_or_else(|| name.to_owned())
    }
}
