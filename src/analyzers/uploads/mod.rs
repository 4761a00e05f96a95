//! The upload store scan (`pyward scan --uploads DIR`, or `uploads = [...]`
//! in the configuration): what already sits where the application keeps
//! uploaded files. UP101-UP110.
//!
//! Every file under the store is read (hidden ones too; `.gitignore` is not
//! honoured, stores are usually ignored; symbolic links are not followed),
//! streaming and in bounded memory: the first 16 KiB give the real type, and
//! only what a check needs is read after that (an image's last 64 KiB, a zip's
//! central directory, a PDF's names, an SVG's text). Nothing is extracted and
//! no zip member is inflated.
//!
//! - `sniff.rs`: the content type, the extension's promise, double extensions
//! - `archive.rs`: zip, tar, gzip and OLE headers (UP105-UP107)
//! - `content.rs`: SVG scripts, PDF actions, polyglot images, EXIF GPS

pub mod archive;
pub mod content;
pub mod sniff;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::finding::{Finding, Level, Location};
use crate::rules::Selection;
use sniff::Kind;

/// How many bytes of each file are sniffed.
const HEAD: usize = 16 << 10;

/// What a store scan read.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The store, as given.
    pub path: String,
    pub files: usize,
    pub bytes: u64,
    /// Symbolic links met (not followed).
    pub symlinks: usize,
    /// Files or folders that could not be read (each an E002 finding).
    pub unreadable: usize,
    /// Archives whose headers could not be read to the end.
    pub damaged: usize,
}

/// Scans one upload store.
pub fn scan(root: &Path, selection: &Selection) -> Result<(Vec<Finding>, Summary), String> {
    // A store named by an absolute path under the working folder (as a
    // configuration file's `uploads` gives it) is shown relative to it.
    let cwd = std::env::current_dir().ok();
    let shown =
        cwd.as_deref().and_then(|c| root.strip_prefix(c).ok()).filter(|p| !p.as_os_str().is_empty()).unwrap_or(root);
    let display_root = crate::discover::display(shown);
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(format!(
                "--uploads {display_root}: not a folder (hint: name the folder that holds the uploaded files)"
            ));
        }
        Err(e) => {
            return Err(format!("--uploads {display_root}: {e} (hint: name the folder that holds the uploaded files)"));
        }
    }
    let mut summary = Summary { path: display_root.clone(), ..Summary::default() };
    let mut findings = Vec::new();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    // A path inside the store, as reports show it.
    let show = |path: &Path| {
        crate::discover::display(&path.strip_prefix(root).map_or_else(|_| path.to_path_buf(), |rel| shown.join(rel)))
    };
    let walker = ignore::WalkBuilder::new(root).standard_filters(false).follow_links(false).build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let Some(kind) = e.file_type() else { continue };
                if kind.is_symlink() {
                    summary.symlinks += 1;
                } else if kind.is_file() {
                    let display = show(e.path());
                    files.push((e.into_path(), display));
                }
            }
            Err(e) => {
                summary.unreadable += 1;
                let path = error_path(&e).map_or_else(|| display_root.clone(), |p| show(&p));
                findings.push(unreadable(&path, &e.to_string()));
            }
        }
    }
    let outcomes: Vec<Outcome> = files.par_iter().map(|(path, display)| inspect(path, display, selection)).collect();
    for outcome in outcomes {
        summary.files += 1;
        summary.bytes += outcome.bytes;
        summary.damaged += usize::from(outcome.damaged);
        if outcome.unreadable {
            summary.unreadable += 1;
        }
        findings.extend(outcome.findings);
    }
    findings.retain(|f| selection.is_enabled(f.rule));
    Ok((findings, summary))
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn unreadable(path: &str, message: &str) -> Finding {
    crate::error_finding("E002", path, 1, 1, format!("cannot read {path}: {message}"))
}

#[derive(Default)]
struct Outcome {
    findings: Vec<Finding>,
    bytes: u64,
    unreadable: bool,
    damaged: bool,
}

fn finding(
    rule: &'static str,
    severity: Level,
    confidence: Level,
    path: &str,
    line: usize,
    message: String,
    identity: &str,
) -> Finding {
    Finding {
        rule,
        severity,
        confidence,
        location: Location { path: path.to_owned(), line, column: 1, end_line: line, end_column: 1 },
        message,
        snippet: String::new(),
        line_range: (line, line),
        fingerprint: crate::finding::fingerprint(rule, path, identity),
        commit: None,
        flow: Vec::new(),
    }
}

/// Reads one stored file and judges it.
fn inspect(path: &Path, display: &str, selection: &Selection) -> Outcome {
    let mut outcome = Outcome::default();
    match inspect_file(path, display, selection, &mut outcome) {
        Ok(()) => {}
        Err(e) => {
            outcome.unreadable = true;
            outcome.findings.push(unreadable(display, &e.to_string()));
        }
    }
    outcome
}

fn inspect_file(path: &Path, display: &str, sel: &Selection, out: &mut Outcome) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    out.bytes = len;
    let mut head = Vec::with_capacity(HEAD.min(len as usize));
    (&mut file).take(HEAD as u64).read_to_end(&mut head)?;
    let kind = sniff::detect(&head);
    let ext = sniff::extension(&name);
    let class = ext.as_deref().and_then(sniff::class_of);
    let what = kind.describe();
    let mut damaged = false;
    let found = &mut out.findings;
    let mut report = |rule: &'static str, severity: Level, confidence: Level, line: usize, message: String| {
        found.push(finding(rule, severity, confidence, display, line, message, &what));
    };
    let shown = |ext: &Option<String>| ext.as_deref().map(|e| format!(".{e}")).unwrap_or_default();

    // UP109: a server-side extension hidden before the last one.
    if sel.is_enabled("UP109")
        && let Some(hidden) = sniff::double_extension(&name)
    {
        report(
            "UP109",
            Level::Medium,
            Level::Medium,
            1,
            format!(
                "`{name}` hides the server-side extension `.{hidden}` before its last one (it holds {what}): servers that map handlers by any extension (Apache's AddHandler, IIS's `;`) run it as code. Store uploads under generated names."
            ),
        );
    }
    // UP102: files the browser or the server runs, by name or by content.
    if sel.is_enabled("UP102") {
        let by_name = sniff::active_name(&name)
            .map(str::to_owned)
            .or_else(|| (class == Some(sniff::Class::Active)).then(|| format!("a `{}` file ({what})", shown(&ext))));
        let by_content = (class.is_none() && kind.is_active() && kind != Kind::Svg).then(|| what.clone());
        if let Some(active) = by_name.or(by_content) {
            let severity = if matches!(ext.as_deref(), Some("js" | "mjs")) { Level::Medium } else { Level::High };
            report(
                "UP102",
                severity,
                Level::High,
                1,
                format!(
                    "`{name}` in the upload store is {active}: served from the site's origin it runs script in users' browsers, and a server that executes it runs the attacker's code. Refuse such uploads by type and store the others under generated names."
                ),
            );
        }
    }
    // UP101: content that contradicts the extension.
    if sel.is_enabled("UP101")
        && let Some(class) = class
        && let Some(severity) = sniff::mismatch(class, kind)
    {
        let consequence = if kind.is_active() {
            ": browsers that sniff the content, or a server that trusts it, run it in the site's origin"
        } else {
            ": whatever checked its type looked at the name only"
        };
        report(
            "UP101",
            severity,
            Level::High,
            1,
            format!("`{name}` is named as {} (`{}`) but is {what}{consequence}.", class.describe(), shown(&ext)),
        );
    }
    // UP103: an SVG that runs script.
    let svg = kind == Kind::Svg || (class == Some(sniff::Class::Svg) && matches!(kind, Kind::Xml | Kind::Text));
    if svg
        && sel.is_enabled("UP103")
        && let Some((marker, line)) = content::svg_active(&mut file)?
    {
        report(
            "UP103",
            Level::High,
            Level::High,
            line,
            format!(
                "`{name}` is an SVG image that runs script (`{marker}` on line {line}): opened from the site, it runs in the site's origin. Rasterise SVG uploads, or sanitise them and serve them with a restrictive Content-Security-Policy."
            ),
        );
    }
    match kind {
        Kind::Image(format) => {
            // UP104: a picture that carries something else.
            if sel.is_enabled("UP104") {
                let parts = content::polyglot(&mut file, format, &head, len)?;
                if !parts.is_empty() {
                    report(
                        "UP104",
                        Level::High,
                        Level::Medium,
                        1,
                        format!(
                            "`{name}` is a valid {format} image that also carries {}: it passes image checks while another reader (PHP include, unzip, a sniffing browser) sees the payload. Re-encode uploaded images instead of storing them as sent.",
                            parts.join(" and ")
                        ),
                    );
                }
            }
            // UP110: where the photo was taken.
            if sel.is_enabled("UP110")
                && matches!(format, "JPEG" | "TIFF" | "PNG" | "WebP" | "HEIF" | "AVIF")
                && let Some((lat, lon)) = content::gps_position(&mut file)
            {
                report(
                    "UP110",
                    Level::Low,
                    Level::High,
                    1,
                    format!(
                        "`{name}` carries a GPS position in its EXIF data (about {lat:.2}, {lon:.2}): published as is, it tells anyone where the photo was taken, often the uploader's home. Strip metadata when storing images."
                    ),
                );
            }
        }
        Kind::Zip | Kind::Ooxml | Kind::Odf => {
            let facts = archive::zip(&mut file);
            damaged |= facts.damaged.is_some();
            archive_findings(&facts, &name, len, &mut report);
            if let Some(part) = &facts.macros {
                report(
                    "UP107",
                    Level::Medium,
                    Level::High,
                    1,
                    format!(
                        "`{name}` is an Office document with macros (`{part}`): staff who open it and enable content run the uploader's code. Refuse macro-enabled documents, or convert them."
                    ),
                );
            }
        }
        Kind::Tar => {
            let facts = archive::tar(&mut file, false);
            damaged |= facts.damaged.is_some();
            archive_findings(&facts, &name, len, &mut report);
        }
        Kind::Gzip => {
            if let Some(declared) = archive::gzip_bomb(&mut file, len) {
                report(
                    "UP106",
                    Level::High,
                    Level::High,
                    1,
                    format!(
                        "`{name}` is a decompression bomb: its gzip trailer declares {} unpacked from {} ({}x). Bound what you inflate before you inflate it.",
                        archive::size(declared),
                        archive::size(len),
                        declared / len.max(1)
                    ),
                );
            } else {
                let lower = name.to_ascii_lowercase();
                if lower.ends_with(".tar.gz") || lower.ends_with(".tgz") {
                    let facts = archive::tar(&mut file, true);
                    damaged |= facts.damaged.is_some();
                    archive_findings(&facts, &name, len, &mut report);
                }
            }
        }
        Kind::Ole => match archive::ole_macros(&mut file) {
            Ok(Some(storage)) => report(
                "UP107",
                Level::Medium,
                Level::High,
                1,
                format!(
                    "`{name}` is a legacy Office document with macros (its `{storage}` storage): staff who open it and enable content run the uploader's code. Refuse macro-enabled documents, or convert them."
                ),
            ),
            Ok(None) => {}
            Err(_) => damaged = true,
        },
        Kind::Pdf => {
            let actions = content::pdf_actions(&mut file)?;
            if actions.any() {
                let runs_code = actions.javascript || actions.launch || actions.rich_media;
                let confidence = if runs_code { Level::High } else { Level::Medium };
                report(
                    "UP108",
                    Level::Medium,
                    confidence,
                    1,
                    format!(
                        "`{name}` is a PDF with {}: readers that honour them run code or drop files on the machine of whoever opens it. Refuse such PDFs, or flatten them.",
                        actions.describe()
                    ),
                );
            }
        }
        _ => {}
    }
    out.damaged = damaged;
    Ok(())
}

/// UP105 and UP106 from an archive's headers.
fn archive_findings(
    facts: &archive::Facts,
    name: &str,
    len: u64,
    report: &mut impl FnMut(&'static str, Level, Level, usize, String),
) {
    if facts.unsafe_paths.count + facts.links.count > 0 {
        let mut parts = Vec::new();
        if facts.unsafe_paths.count > 0 {
            parts.push(format!(
                "{} member path(s) that leave the destination ({})",
                facts.unsafe_paths.count,
                facts.unsafe_paths.listed()
            ));
        }
        if facts.links.count > 0 {
            parts.push(format!("{} link member(s) ({})", facts.links.count, facts.links.listed()));
        }
        report(
            "UP105",
            Level::High,
            Level::High,
            1,
            format!(
                "`{name}` holds {}: an extractor that trusts them writes outside its folder or through the link. Check every member's path (and refuse links) before extracting.",
                parts.join(" and ")
            ),
        );
    }
    if let Some(why) = facts.bomb(len) {
        report(
            "UP106",
            Level::High,
            Level::High,
            1,
            format!(
                "`{name}` is a decompression bomb: {why}. Check the members' count and declared sizes before extracting anything."
            ),
        );
    }
}
