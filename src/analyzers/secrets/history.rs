//! `pyward scan --git-history`: the secrets of every commit reachable from
//! HEAD, read with gix (no git binary needed).
//!
//! Commits are visited parents first (the reverse of `git log --topo-order`),
//! and each commit's tree is walked skipping every tree and blob already met:
//! a tree that did not change holds nothing new, so the walk costs the number
//! of distinct trees, not commits x files. Each distinct blob is then read and
//! scanned once, in parallel, and attributed to the first commit (and path)
//! that held it. A secret that stays in a file through many edits is found in
//! every version of the file, and reported once: at the oldest commit.

use std::path::Path;

use gix::ObjectId;
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::discover::Excludes;
use crate::finding::{CommitRef, Finding};
use crate::rules::Selection;

/// What a history scan looked at.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The repository's working folder (or git folder, when bare).
    pub repository: String,
    /// The branch HEAD is on, or `None` when HEAD is detached or unborn.
    pub branch: Option<String>,
    /// Commits reachable from HEAD.
    pub commits: usize,
    /// Distinct file versions (blobs) read.
    pub blobs: usize,
    /// Blobs over the size limit, left unread.
    pub oversized: usize,
    /// Whether the clone is shallow (older commits are not there to read).
    pub shallow: bool,
}

/// What to read and how.
pub struct Options<'a> {
    pub selection: &'a Selection,
    pub excludes: &'a Excludes,
    pub max_file_size: u64,
}

/// A blob to scan: its id, the first path and commit (index into the
/// parents-first commit list) that held it.
struct Job {
    blob: ObjectId,
    path: String,
    commit: usize,
}

/// Scans the history of the repository that holds `root`, limited to the
/// files under `root` (reported under `root_display`, as the walk reports
/// them). Findings carry the commit that first held the secret, and are
/// unique per fingerprint (rule, path, secret).
pub fn scan(root: &Path, root_display: &str, opts: &Options) -> Result<(Vec<Finding>, Summary), String> {
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        format!(
            "--git-history: cannot {what} in the repository of {root_display}: {e} (hint: `git fsck` checks the repository; a partial or damaged clone can be cloned again)"
        )
    };
    let repo = gix::discover(root).map_err(|e| {
        format!(
            "--git-history: {root_display} is not inside a git repository ({e}); scan a clone, or leave out --git-history"
        )
    })?;
    let top = repo.workdir().unwrap_or_else(|| repo.git_dir()).to_path_buf();
    let scope = scope_of(root, &top).map_err(|e| fail("locate the scanned path", &e))?;
    let shallow = repo.is_shallow().unwrap_or(false);
    let mut summary = Summary {
        repository: top.canonicalize().unwrap_or_else(|_| top.clone()).display().to_string(),
        branch: repo.head_name().ok().flatten().map(|n| n.shorten().to_string()),
        commits: 0,
        blobs: 0,
        oversized: 0,
        shallow,
    };
    let head = match repo.head_id() {
        Ok(id) => id.detach(),
        // A repository without commits has no history to read.
        Err(_) if repo.head().is_ok_and(|h| h.is_unborn()) => return Ok((Vec::new(), summary)),
        Err(e) => return Err(fail("read HEAD", &e)),
    };
    // Children before parents, then reversed: parents first.
    let mut commits: Vec<ObjectId> = Vec::new();
    let walk = repo
        .rev_walk([head])
        .sorting(gix::revision::walk::Sorting::TopoOrder)
        .all()
        .map_err(|e| fail("walk the commits", &e))?;
    for info in walk {
        commits.push(info.map_err(|e| fail("walk the commits", &e))?.id);
    }
    commits.reverse();
    summary.commits = commits.len();

    // Distinct blobs in scope, each at the first commit and path that held it.
    let mut jobs: Vec<Job> = Vec::new();
    let mut seen_trees: FxHashSet<ObjectId> = FxHashSet::default();
    let mut seen_blobs: FxHashSet<ObjectId> = FxHashSet::default();
    let mut dates: Vec<String> = Vec::with_capacity(commits.len());
    for (index, id) in commits.iter().enumerate() {
        let commit = repo.find_commit(*id).map_err(|e| fail(&format!("read commit {id}"), &e))?;
        dates.push(commit.author().ok().and_then(|a| a.time().ok()).map(iso_date).unwrap_or_default());
        let tree = commit.tree_id().map_err(|e| fail(&format!("read commit {id}"), &e))?.detach();
        let mut stack = vec![(tree, String::new())];
        while let Some((tree_id, dir)) = stack.pop() {
            // A tree met before holds nothing new (a folder only partly in
            // scope is read again: only the part in scope was read).
            if scope.contains(&dir) && !seen_trees.insert(tree_id) {
                continue;
            }
            let tree = repo.find_tree(tree_id).map_err(|e| fail(&format!("read tree {tree_id} of {id}"), &e))?;
            let decoded = tree.decode().map_err(|e| fail(&format!("read tree {tree_id} of {id}"), &e))?;
            // A committed virtual environment is not the project's code.
            if decoded.entries.iter().any(|e| e.filename == "pyvenv.cfg") && !dir.is_empty() {
                continue;
            }
            for entry in &decoded.entries {
                let name = entry.filename.to_string();
                let path = if dir.is_empty() { name.clone() } else { format!("{dir}/{name}") };
                if entry.mode.is_tree() {
                    if scope.overlaps(&path) && !crate::discover::skips_dir(&name, true) {
                        stack.push((entry.oid.to_owned(), path));
                    }
                } else if entry.mode.is_blob()
                    && scope.contains(&path)
                    && !crate::discover::skips_file(&name, true)
                    && !opts.excludes.is_excluded(&scope.display(root_display, &path))
                    && seen_blobs.insert(entry.oid.to_owned())
                {
                    jobs.push(Job { blob: entry.oid.to_owned(), path, commit: index });
                }
            }
        }
    }
    summary.blobs = jobs.len();

    // Each blob once, in parallel, each worker with its own handle.
    let shared = repo.into_sync();
    let results: Vec<Result<(Vec<Finding>, bool), String>> = jobs
        .par_iter()
        .map_init(
            || shared.to_thread_local(),
            |repo, job| {
                let header = repo.find_header(job.blob).map_err(|e| fail(&format!("read blob {}", job.blob), &e))?;
                if header.size() > opts.max_file_size {
                    return Ok((Vec::new(), true));
                }
                let blob = repo.find_blob(job.blob).map_err(|e| fail(&format!("read blob {}", job.blob), &e))?;
                let display = scope.display(root_display, &job.path);
                Ok((super::scan_file(&display, &blob.data, opts.selection).findings, false))
            },
        )
        .collect();
    let mut findings = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    for (job, result) in jobs.iter().zip(results) {
        let (found, oversized) = result?;
        summary.oversized += usize::from(oversized);
        for mut f in found {
            // The oldest version wins: jobs are in commit order.
            if !seen.insert(f.fingerprint.clone()) {
                continue;
            }
            let commit =
                CommitRef { id: commits[job.commit].to_string(), date: dates[job.commit].clone(), history_only: true };
            f.message = history_message(&f.message, &commit);
            f.commit = Some(Box::new(commit));
            findings.push(f);
        }
    }
    Ok((findings, summary))
}

/// The finding's message, for a secret found only in the history.
fn history_message(message: &str, commit: &CommitRef) -> String {
    let (head, tail) = message.split_once(" is written into the file ").unwrap_or((message, ""));
    let tail = tail.split_once(". Revoke it").map_or(tail, |(t, _)| t);
    format!(
        "{head} was committed in {} ({}) and is still in the git history {tail}. Revoke it: deleting it from the files does not remove it from the history.",
        commit.short(),
        commit.day()
    )
}

/// The note added to a finding of the scanned files whose secret is also in
/// the history.
pub fn annotate(finding: &mut Finding, mut commit: CommitRef) {
    commit.history_only = false;
    finding.message = format!(
        "{} It has been in the git history since commit {} ({}).",
        finding.message,
        commit.short(),
        commit.day()
    );
    finding.commit = Some(Box::new(commit));
}

/// The part of the repository a scan covers: `root`'s path inside it.
struct Scope {
    /// `/`-separated, without a trailing slash; empty for the whole repository.
    prefix: String,
}

fn scope_of(root: &Path, top: &Path) -> Result<Scope, String> {
    let root = root.canonicalize().map_err(|e| e.to_string())?;
    let top = top.canonicalize().map_err(|e| e.to_string())?;
    let rel = root.strip_prefix(&top).map_err(|_| format!("{} is outside {}", root.display(), top.display()))?;
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Ok(Scope { prefix: parts.join("/") })
}

impl Scope {
    /// Whether the file at `path` (relative to the repository) is in scope.
    fn contains(&self, path: &str) -> bool {
        self.prefix.is_empty()
            || path == self.prefix
            || (path.starts_with(self.prefix.as_str()) && path.as_bytes().get(self.prefix.len()) == Some(&b'/'))
    }

    /// Whether the folder at `path` holds files in scope, or is in it.
    fn overlaps(&self, path: &str) -> bool {
        self.contains(path) || (self.prefix.starts_with(path) && self.prefix.as_bytes().get(path.len()) == Some(&b'/'))
    }

    /// How a file is reported: under the scanned path, as the walk shows it.
    fn display(&self, root_display: &str, path: &str) -> String {
        let rest = path[self.prefix.len()..].trim_start_matches('/');
        if rest.is_empty() {
            return root_display.to_owned();
        }
        crate::discover::display(&Path::new(root_display).join(rest))
    }
}

/// A git time as ISO 8601 with its offset (`2024-03-01T10:00:00+01:00`).
fn iso_date(time: gix::date::Time) -> String {
    let local = time.seconds + i64::from(time.offset);
    let day = crate::analyzers::deps::civil_date(local.max(0) as u64);
    let secs = local.rem_euclid(86_400);
    let sign = if time.offset < 0 { '-' } else { '+' };
    let offset = time.offset.unsigned_abs();
    format!(
        "{day}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        offset / 3600,
        offset % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_limits_and_displays_paths() {
        let all = Scope { prefix: String::new() };
        assert!(all.contains("a/b.py") && all.overlaps("a"));
        assert_eq!(all.display(".", "a/b.py"), "a/b.py");
        let sub = Scope { prefix: "examples/app".into() };
        assert!(sub.contains("examples/app/x.py"));
        assert!(!sub.contains("examples/apple.py") && !sub.contains("examples/app2/x.py"));
        assert!(sub.overlaps("examples") && sub.overlaps("examples/app") && sub.overlaps("examples/app/sub"));
        assert!(!sub.overlaps("exam") && !sub.overlaps("other"));
        assert_eq!(sub.display("examples/app", "examples/app/x.py"), "examples/app/x.py");
        assert_eq!(sub.display("/abs/app", "examples/app/a/x.py"), "/abs/app/a/x.py");
        let file = Scope { prefix: "settings.py".into() };
        assert!(file.contains("settings.py") && !file.contains("settings.pyc"));
        assert_eq!(file.display("settings.py", "settings.py"), "settings.py");
    }

    #[test]
    fn dates_keep_the_author_offset() {
        let t = gix::date::Time { seconds: 1_709_283_600, offset: 3600 };
        assert_eq!(iso_date(t), "2024-03-01T10:00:00+01:00");
        let t = gix::date::Time { seconds: 1_709_283_600, offset: -5 * 3600 - 1800 };
        assert_eq!(iso_date(t), "2024-03-01T03:30:00-05:30");
    }

    #[test]
    fn history_messages_name_the_commit() {
        let c =
            CommitRef { id: "0123456789abcdef".into(), date: "2024-03-01T10:00:00+01:00".into(), history_only: true };
        let m = history_message(
            "A GitHub credential is written into the file (github-pat): ghp_… (40 chars, sha256:aa). Revoke it, then read it from the environment or a secret manager.",
            &c,
        );
        assert_eq!(
            m,
            "A GitHub credential was committed in 0123456789 (2024-03-01) and is still in the git history (github-pat): ghp_… (40 chars, sha256:aa). Revoke it: deleting it from the files does not remove it from the history."
        );
    }
}
