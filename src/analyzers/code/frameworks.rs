//! Library and framework misuse: B201 Flask debug, B202 tarfile, B506 yaml,
//! B507 paramiko host keys, B508/B509 SNMP, B612 logging listen, B614 torch,
//! B615 Hugging Face downloads.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use super::{BVal, CallCtx, Checker};
use crate::finding::Level::{High, Low, Medium};

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    let func = ctx.name();

    if c.on(201)
        && ctx.qual.ends_with(".run")
        && ctx.kw_equals("debug", &["True"]) == Some(true)
        && c.imports.imported_like("flask")
    {
        c.report(
            "B201",
            High,
            Medium,
            "A Flask app appears to be run with debug=True, which exposes the Werkzeug debugger and allows the execution of arbitrary code.",
            ctx.kw_value("debug").map_or(r, Ranged::range),
            r,
        );
    }
    if c.on(202) && func.contains("extractall") && c.imports.imported_exact("tarfile") {
        tarfile(c, ctx);
    }
    if c.on(506) && func == "load" && c.imports.imported_exact("yaml") && ctx.has_segment("yaml") {
        let safe = ["SafeLoader", "CSafeLoader"];
        let kw_safe = ctx.kw_equals("Loader", &safe) == Some(true);
        let pos_safe = ctx.arg_bval(1).as_str().is_some_and(|s| safe.contains(&s));
        if !kw_safe && !pos_safe {
            c.report(
                "B506",
                Medium,
                High,
                "Use of unsafe yaml load. Allows instantiation of arbitrary objects. Consider yaml.safe_load().",
                r,
                r,
            );
        }
    }
    if c.on(507) && func == "set_missing_host_key_policy" && c.imports.imported_like("paramiko") {
        let policy = match ctx.args().first() {
            Some(Expr::Attribute(a)) => Some(a.attr.as_str()),
            Some(Expr::Name(n)) => Some(n.id.as_str()),
            Some(Expr::Call(call)) => match call.func.as_ref() {
                Expr::Attribute(a) => Some(a.attr.as_str()),
                Expr::Name(n) => Some(n.id.as_str()),
                _ => None,
            },
            _ => None,
        };
        if matches!(policy, Some("AutoAddPolicy" | "WarningPolicy")) {
            c.report(
                "B507",
                High,
                Medium,
                "Paramiko call with policy set to automatically trust the unknown host key.",
                r,
                r,
            );
        }
    }
    if c.on(508) && ctx.qual == "pysnmp.hlapi.CommunityData" {
        let model = ctx.kw_bval("mpModel");
        let insecure = match model {
            BVal::Int(n) => n == 0 || n == 1,
            BVal::Float(f) => f == 0.0 || f == 1.0,
            _ => false,
        };
        if insecure {
            c.report(
                "B508",
                Medium,
                High,
                "The use of SNMPv1 and SNMPv2 is insecure. You should use SNMPv3 if able.",
                r,
                r,
            );
        }
    }
    if c.on(509) && ctx.qual == "pysnmp.hlapi.UsmUserData" && ctx.args().len() < 3 {
        c.report(
            "B509",
            Medium,
            High,
            "You should not use SNMPv3 without encryption. noAuthNoPriv & authNoPriv is insecure",
            r,
            r,
        );
    }
    if c.on(612) && ctx.qual == "logging.config.listen" && ctx.kw_value("verify").is_none() {
        c.report("B612", Medium, High, "Use of insecure logging.config.listen detected.", r, r);
    }
    if c.on(614)
        && matches!(ctx.qual.as_str(), "torch.load" | "torch.serialization.load")
        && c.imports.imported_exact("torch")
        && ctx.kw_equals("weights_only", &["True"]) != Some(true)
    {
        c.report(
            "B614",
            Medium,
            High,
            "Use of unsafe PyTorch load. torch.load without weights_only=True can execute arbitrary code.",
            r,
            r,
        );
    }
    if c.on(615) {
        huggingface(c, ctx);
    }
}

fn tarfile(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    if let Some(filter) = ctx.kw_value("filter")
        && super::str_lit(filter) == Some("data")
    {
        return;
    }
    match ctx.kw_value("members") {
        // A function chose the members: pyward takes any call, Bandit only a
        // plain name (it crashes on `members=obj.method(...)`).
        Some(Expr::Call(_)) => c.report(
            "B202",
            Low,
            Low,
            "Usage of tarfile.extractall(members=function(tarfile)). Make sure your function properly discards dangerous members.",
            r,
            r,
        ),
        Some(_) => c.report(
            "B202",
            Medium,
            Medium,
            "Found tarfile.extractall(members=?) but couldn't identify the type of members. Check if the members were properly validated.",
            r,
            r,
        ),
        None => c.report(
            "B202",
            High,
            High,
            "tarfile.extractall used without any validation. Please check and discard dangerous members.",
            r,
            r,
        ),
    }
}

fn huggingface(c: &mut Checker, ctx: &CallCtx) {
    let func = ctx.name();
    let module = match func {
        "from_pretrained" => "transformers",
        "load_dataset" => "datasets",
        "hf_hub_download" | "snapshot_download" | "repository_id" => "huggingface_hub",
        _ => return,
    };
    if !["transformers", "datasets", "huggingface_hub"].iter().any(|m| c.imports.imported_like(m))
        || !ctx.has_segment(module)
    {
        return;
    }
    for kw in ["revision", "commit_id"] {
        if let Some(v) = ctx.kw_value(kw)
            && !v.is_literal_expr()
        {
            return;
        }
    }
    let pinned = [ctx.kw_bval("revision"), ctx.kw_bval("commit_id")]
        .into_iter()
        .find(|v| !matches!(v, BVal::Null) && v.as_str() != Some(""));
    if let Some(BVal::Str(rev)) = pinned {
        let rev = rev.trim_matches(['"', '\'']);
        if rev.len() >= 7 && rev.chars().all(|ch| ch.is_ascii_hexdigit()) {
            return;
        }
    }
    if let BVal::Str(first) = ctx.arg_bval(0)
        && (first.starts_with("./") || first.starts_with('/') || first.starts_with("../"))
    {
        return;
    }
    let r = ctx.call.range();
    c.report(
        "B615",
        Medium,
        High,
        format!("Unsafe Hugging Face Hub download without revision pinning in {func}()"),
        r,
        r,
    );
}
