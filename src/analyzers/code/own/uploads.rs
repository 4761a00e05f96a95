//! Uploaded files, the rules that need no data flow: UP004 django-static-serve,
//! UP006 archive-extract-unbounded, UP007 pillow-bomb-check-disabled,
//! UP008 cloudinary-upload-unrestricted, UP009 s3-public-acl,
//! UP010 s3-presigned-url-long.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::int_value;
use crate::analyzers::code::{CallCtx, Checker, Parent};
use crate::finding::Level::{High, Low, Medium};

/// One day, in seconds: presigned URLs valid longer than this are UP010.
const ONE_DAY: i64 = 86_400;

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if c.on_up(2) {
        super::upload_views::file_field(c, ctx);
    }
    if c.on_up(3) {
        served_inline(c, ctx);
    }
    if c.on_up(4) {
        static_serve(c, ctx);
    }
    if c.on_up(6) {
        archive(c, ctx);
    }
    if c.on_up(8) {
        cloudinary(c, ctx);
    }
    if c.on_up(9) {
        public_acl(c, ctx);
    }
    if c.on_up(10) {
        presigned(c, ctx);
    }
}

pub(super) fn stmt(c: &mut Checker, stmt: &Stmt) {
    if let Stmt::FunctionDef(def) = stmt {
        super::upload_views::function(c, def);
        return;
    }
    let Stmt::Assign(assign) = stmt else { return };
    let r = stmt.range();
    if c.on_up(3) {
        upload_folder(c, assign, r);
    }
    for target in &assign.targets {
        let name = match target {
            Expr::Attribute(a) => a.attr.as_str(),
            Expr::Name(n) => n.id.as_str(),
            _ => continue,
        };
        match name {
            // UP007: Image.MAX_IMAGE_PIXELS = None (or 0).
            "MAX_IMAGE_PIXELS"
                if c.on_up(7)
                    && c.imports.qualified_attr(target) == "PIL.Image.MAX_IMAGE_PIXELS"
                    && matches!(&*assign.value, Expr::NoneLiteral(_)) =>
            {
                c.report(
                    "UP007",
                    Medium,
                    High,
                    "Pillow's decompression-bomb check is switched off (`Image.MAX_IMAGE_PIXELS = None`): a small upload can claim billions of pixels and exhaust memory.",
                    r,
                    r,
                );
            }
            // UP009: django-storages' default ACL for every stored file.
            "AWS_DEFAULT_ACL" if c.on_up(9) && matches!(target, Expr::Name(_)) => {
                if let Some(acl) = public_acl_value(&assign.value) {
                    c.report(
                        "UP009",
                        Medium,
                        Medium,
                        format!(
                            "Every file django-storages writes to S3 is made public (`AWS_DEFAULT_ACL = \"{acl}\"`): uploads are readable by anyone who can guess or learn their URL."
                        ),
                        r,
                        r,
                    );
                }
            }
            // UP010: django-storages' presigned URL lifetime.
            "AWS_QUERYSTRING_EXPIRE" if c.on_up(10) && matches!(target, Expr::Name(_)) => {
                if let Some(secs) = int_value(&assign.value).filter(|s| *s > ONE_DAY) {
                    c.report("UP010", url_severity(secs), High, long_url_message("AWS_QUERYSTRING_EXPIRE", secs), r, r);
                }
            }
            _ => {}
        }
    }
}

/// UP003: `MEDIA_ROOT` / `UPLOAD_FOLDER` (also `app.config["UPLOAD_FOLDER"]`)
/// under a `static` or `templates` folder, and `MEDIA_URL` equal to `STATIC_URL`.
fn upload_folder(c: &mut Checker, assign: &ruff_python_ast::StmtAssign, r: ruff_text_size::TextRange) {
    for target in &assign.targets {
        let key = match target {
            Expr::Name(n) => n.id.as_str(),
            Expr::Subscript(s) if matches!(&*s.value, Expr::Attribute(a) if a.attr.as_str() == "config") => {
                match &*s.slice {
                    Expr::StringLiteral(k) => k.value.to_str(),
                    _ => continue,
                }
            }
            _ => continue,
        };
        match key {
            "MEDIA_ROOT" | "UPLOAD_FOLDER" => {
                let mut folder = None;
                let mut any_string = false;
                super::any_deep(&assign.value, |e| {
                    if let Expr::StringLiteral(s) = e {
                        any_string = true;
                        folder = s
                            .value
                            .to_str()
                            .split(['/', '\\'])
                            .find(|p| matches!(*p, "static" | "templates"))
                            .map(str::to_owned);
                    }
                    folder.is_some()
                });
                // The project's own folder, with no sub-folder: `MEDIA_ROOT = BASE_DIR`,
                // `UPLOAD_FOLDER = app.root_path`, `os.path.dirname(__file__)`.
                let text = &c.file.text[assign.value.range()];
                if folder.is_none()
                    && !any_string
                    && (text.contains("BASE_DIR") || text.contains("__file__") || text.contains("root_path"))
                {
                    c.report(
                        "UP003",
                        Medium,
                        Medium,
                        format!("`{key}` is the project's own code folder: uploads land beside the application's modules, templates and settings, where a name like `settings.py` or `__init__.py` replaces code and a server that runs scripts runs them. Keep uploads in a folder of their own, outside the code."),
                        r,
                        r,
                    );
                    continue;
                }
                if let Some(folder) = folder {
                    let what = if folder == "static" {
                        "the static folder is served as is, inline and with a type guessed from the name: an uploaded `.html` or `.svg` runs in the site's origin"
                    } else {
                        "an uploaded file there can be rendered as a template (server-side template injection) or shadow a real one"
                    };
                    c.report(
                        "UP003",
                        Medium,
                        Medium,
                        format!("`{key}` puts uploads under a `{folder}` folder: {what}. Keep uploads in a folder of their own, outside the code, templates and static files."),
                        r,
                        r,
                    );
                }
            }
            "MEDIA_URL" if matches!(target, Expr::Name(_)) => {
                let media = c.literal(&assign.value);
                let static_url = c.constants.get("STATIC_URL").and_then(|v| c.literal(v));
                if media.is_some() && media == static_url {
                    c.report(
                        "UP003",
                        Medium,
                        Medium,
                        "`MEDIA_URL` is the same as `STATIC_URL`: uploads are served from the same place, and with the same trust, as the site's own static files. Give uploads their own URL, ideally on another domain.",
                        r,
                        r,
                    );
                }
            }
            _ => {}
        }
    }
}

/// UP003: upload folders served inline, by Starlette's `StaticFiles` or
/// Flask's `send_from_directory` without `as_attachment=True`.
fn served_inline(c: &mut Checker, ctx: &CallCtx) {
    let name = ctx.name();
    if name != "StaticFiles" && name != "send_from_directory" {
        return;
    }
    let Some(folder) = super::arg(ctx, 0, "directory") else { return };
    let text = c.file.text[folder.range()].to_ascii_lowercase();
    if !(text.contains("upload") || text.contains("media")) {
        return;
    }
    let r = ctx.call.range();
    if name == "StaticFiles" {
        c.report(
            "UP003",
            Medium,
            Medium,
            "An upload folder is mounted with `StaticFiles`: every upload is served inline with a type guessed from its name, so an uploaded `.html` or `.svg` runs script in the site's origin. Serve uploads through a view that sets `Content-Disposition: attachment`, or from another domain.",
            r,
            r,
        );
    } else if !ctx.kw_value("as_attachment").is_some_and(super::is_true) {
        c.report(
            "UP003",
            Low,
            Medium,
            "Uploads are sent with `send_from_directory` without `as_attachment=True`: the browser shows them inline with a type guessed from the name, so an uploaded `.html` or `.svg` runs script in the site's origin. Pass `as_attachment=True` for anything but vetted images.",
            r,
            r,
        );
    }
}

/// UP004: `django.views.static.serve` routed in URL patterns, outside an
/// `if settings.DEBUG:` block.
fn static_serve(c: &mut Checker, ctx: &CallCtx) {
    if !matches!(ctx.qual.as_str(), "django.urls.path" | "django.urls.re_path" | "django.conf.urls.url") {
        return;
    }
    let Some(view) = ctx.args().get(1).or_else(|| ctx.kw_value("view")) else { return };
    let r = ctx.call.range();
    if c.imports.qualified_attr(view) != "django.views.static.serve" || under_debug_guard(c, r) {
        return;
    }
    c.report(
        "UP004",
        Medium,
        High,
        "`django.views.static.serve` is routed in the URL patterns: uploaded files are served by Django itself, inline and with a guessed content type, an HTML or SVG upload then runs in the site's origin. Serve MEDIA_ROOT from the web server or a storage service instead.",
        r,
        r,
    );
}

/// Whether `at` is in the body (not an `elif`/`else` branch) of an `if`
/// whose test reads `DEBUG` without negating it (`if settings.DEBUG:`).
fn under_debug_guard(c: &Checker, at: ruff_text_size::TextRange) -> bool {
    c.parents.iter().any(|p| match p {
        Parent::Stmt(Stmt::If(s)) => {
            let test = &c.file.text[s.test.range()];
            let in_body = s
                .body
                .first()
                .zip(s.body.last())
                .is_some_and(|(first, last)| first.range().start() <= at.start() && at.end() <= last.range().end());
            in_body && test.contains("DEBUG") && !test.contains("not ")
        }
        _ => false,
    })
}

/// UP006: archives unpacked whole, with no bound on what they hold.
fn archive(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    if ctx.qual == "shutil.unpack_archive" {
        if checks_sizes(c) {
            return;
        }
        c.report(
            "UP006",
            Medium,
            Medium,
            "`shutil.unpack_archive` unpacks a whole archive with no bound on its size or number of members (a zip bomb fills the disk); before Python 3.14 it also trusts tar members' paths and links.",
            r,
            r,
        );
        return;
    }
    if ctx.name() != "extractall" {
        return;
    }
    let ruff_python_ast::Expr::Attribute(method) = &*ctx.call.func else { return };
    // On `zipfile.ZipFile(...)` itself, or on any object in a file that uses
    // zipfile and not tarfile (tarfile's extractall is Bandit's B202).
    let direct_zip =
        matches!(&*method.value, Expr::Call(inner) if c.imports.qualified_call_name(&inner.func) == "zipfile.ZipFile");
    let zip_file = c.imports.imported_like("zipfile") && !c.imports.imported_like("tarfile");
    if !(direct_zip || zip_file) || checks_sizes(c) {
        return;
    }
    c.report(
        "UP006",
        Medium,
        Medium,
        "A zip archive is extracted whole (`extractall`) without checking its members' sizes: a zip bomb of a few kilobytes unpacks to gigabytes. Check `infolist()` sizes and count against a bound first.",
        r,
        r,
    );
}

/// Whether the enclosing function looks at the members' sizes first.
fn checks_sizes(c: &Checker) -> bool {
    c.funcs.last().is_some_and(|f| {
        let body = &c.file.text[f.range()];
        body.contains("file_size") || body.contains("compress_size") || body.contains(".size")
    })
}

/// UP008: Cloudinary uploads that accept anything, or unsigned, and private
/// assets given unsigned delivery URLs.
fn cloudinary(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    let literal = |kw: &str| match ctx.kw_value(kw) {
        Some(Expr::StringLiteral(s)) => Some(s.value.to_str().to_owned()),
        _ => None,
    };
    // `CloudinaryImage("id").build_url(...)`: a method of an object.
    let delivery = ctx.name() == "build_url" && c.imports.imported_like("cloudinary");
    let qual = if delivery { "cloudinary.utils.cloudinary_url" } else { ctx.qual.as_str() };
    let (severity, confidence, message) = match qual {
        "cloudinary.uploader.unsigned_upload" => (
            Medium,
            High,
            "An unsigned Cloudinary upload: the preset lets anyone who learns its name upload to the account, from anywhere. Sign uploads on the server, or let the browser upload with a signature the server issues.".to_owned(),
        ),
        "cloudinary.uploader.upload" | "cloudinary.uploader.upload_large" | "cloudinary.uploader.upload_image" => {
            let restricted = ctx.kw_value("allowed_formats").is_some();
            if let Some(kind) = literal("resource_type").filter(|k| !restricted && (k == "raw" || k == "auto")) {
                (
                    Medium,
                    Medium,
                    format!(
                        "A Cloudinary upload with `resource_type=\"{kind}\"` accepts any file (HTML, SVG, scripts, executables) and serves it from the account's delivery domain. Use `image` or `video`, or list `allowed_formats`."
                    ),
                )
            } else if !restricted && ctx.kw_value("upload_preset").is_none() {
                (
                    Low,
                    Medium,
                    "A Cloudinary upload without `allowed_formats`: any format Cloudinary accepts for the resource type is stored and delivered. List the formats you expect (`allowed_formats=[\"jpg\", \"png\", \"webp\"]`).".to_owned(),
                )
            } else {
                return;
            }
        }
        "cloudinary.utils.cloudinary_url" => {
            let private = literal("type").is_some_and(|t| t == "private" || t == "authenticated");
            let signed = ctx.kw_value("sign_url").is_some_and(super::is_true);
            if !private || signed {
                return;
            }
            (
                Medium,
                Medium,
                "A delivery URL for a private or authenticated Cloudinary asset is built without `sign_url=True`: the asset is then either refused or, with a permissive account setting, delivered to anyone. Sign the URL (and give it an expiry).".to_owned(),
            )
        }
        _ => return,
    };
    c.report("UP008", severity, confidence, message, r, r);
}

/// `"public-read"` or `"public-read-write"`, the canned ACLs that open objects to everyone.
fn public_acl_value(e: &Expr) -> Option<&str> {
    match e {
        Expr::StringLiteral(s) if matches!(s.value.to_str(), "public-read" | "public-read-write") => {
            Some(s.value.to_str())
        }
        _ => None,
    }
}

/// UP009: S3 objects written with a public ACL (`ACL="public-read"` or
/// `ExtraArgs={"ACL": "public-read"}`).
fn public_acl(c: &mut Checker, ctx: &CallCtx) {
    if !(c.imports.imported_like("boto") || c.imports.imported_like("storages") || c.imports.imported_like("s3")) {
        return;
    }
    let mut acl = ctx.kw_value("ACL").and_then(public_acl_value);
    if acl.is_none()
        && let Some(Expr::Dict(d)) = ctx.kw_value("ExtraArgs")
    {
        acl = d.items.iter().find_map(|item| match &item.key {
            Some(Expr::StringLiteral(k)) if k.value.to_str() == "ACL" => public_acl_value(&item.value),
            _ => None,
        });
    }
    if let Some(acl) = acl {
        let r = ctx.call.range();
        c.report(
            "UP009",
            Medium,
            Medium,
            format!(
                "An S3 object is written with the `{acl}` ACL: anyone with its URL can read it. Keep uploads private and hand out short-lived presigned URLs."
            ),
            r,
            r,
        );
    }
}

/// UP010: presigned S3 URLs valid for more than a day.
fn presigned(c: &mut Checker, ctx: &CallCtx) {
    if !matches!(ctx.name(), "generate_presigned_url" | "generate_presigned_post") {
        return;
    }
    let Some(secs) = ctx.kw_value("ExpiresIn").and_then(int_value) else { return };
    if secs <= ONE_DAY {
        return;
    }
    let r = ctx.call.range();
    c.report("UP010", url_severity(secs), High, long_url_message("ExpiresIn", secs), r, r);
}

/// LOW up to a week (the longest a SigV4 URL can last), MEDIUM beyond.
fn url_severity(secs: i64) -> crate::finding::Level {
    if secs > 7 * ONE_DAY { Medium } else { Low }
}

fn long_url_message(setting: &str, secs: i64) -> String {
    let days = secs as f64 / ONE_DAY as f64;
    format!(
        "Presigned URLs stay valid for {days:.1} days (`{setting}={secs}`): a link that leaks (logs, referrers, forwarded mail) keeps giving access to the file. Keep them to minutes or hours."
    )
}
