//! PY006 hardcoded-encryption-key, PY007 constant-iv-nonce, PY008 constant-salt,
//! PY009 unauthenticated-cipher-mode, PY010 rsa-pkcs1v15-encryption,
//! PY011 weak-asymmetric-key.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use super::{arg, int_value};
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{High, Low, Medium};

const CRYPTOGRAPHY_ALGORITHMS: &str = "cryptography.hazmat.primitives.ciphers.algorithms.";
const CRYPTOGRAPHY_AEAD: &str = "cryptography.hazmat.primitives.ciphers.aead.";
const CRYPTOGRAPHY_MODES: &str = "cryptography.hazmat.primitives.ciphers.modes.";
const PYCRYPTODOME_CIPHERS: &[&str] =
    &["AES", "DES3", "DES", "ChaCha20", "ChaCha20_Poly1305", "Salsa20", "Blowfish", "ARC4", "CAST"];
const ITSDANGEROUS: &[&str] = &[
    "Signer",
    "TimestampSigner",
    "Serializer",
    "URLSafeSerializer",
    "TimedSerializer",
    "URLSafeTimedSerializer",
    "JSONWebSignatureSerializer",
];

/// `X` of `Crypto.Cipher.X.new` / `Cryptodome.Cipher.X.new`.
fn pycryptodome_cipher(qual: &str) -> Option<&str> {
    let rest = qual.strip_prefix("Crypto.Cipher.").or_else(|| qual.strip_prefix("Cryptodome.Cipher."))?;
    let name = rest.strip_suffix(".new")?;
    PYCRYPTODOME_CIPHERS.contains(&name).then_some(name)
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let qual = ctx.qual.as_str();
    let r = ctx.call.range();
    if c.on_py(6) {
        let key = if qual == "cryptography.fernet.Fernet" {
            arg(ctx, 0, "key")
        } else if let Some(name) = qual.strip_prefix(CRYPTOGRAPHY_ALGORITHMS) {
            matches!(name, "AES" | "AES128" | "AES256" | "ChaCha20" | "TripleDES" | "Camellia" | "SM4")
                .then(|| arg(ctx, 0, "key"))
                .flatten()
        } else if let Some(name) = qual.strip_prefix(CRYPTOGRAPHY_AEAD) {
            matches!(name, "AESGCM" | "AESCCM" | "AESOCB3" | "AESSIV" | "ChaCha20Poly1305")
                .then(|| arg(ctx, 0, "key"))
                .flatten()
        } else if pycryptodome_cipher(qual).is_some() {
            arg(ctx, 0, "key")
        } else if qual.strip_prefix("itsdangerous.").is_some_and(|n| ITSDANGEROUS.contains(&n)) {
            arg(ctx, 0, "secret_key")
        } else {
            None
        };
        if let Some(key) = key
            && c.literal(key).is_some()
        {
            c.report(
                "PY006",
                High,
                High,
                format!(
                    "`{}` is given a key written in the code; load keys from the environment or a secrets manager.",
                    ctx.name()
                ),
                r,
                r,
            );
        }
    }
    if c.on_py(7) {
        let iv = if let Some(mode) = qual.strip_prefix(CRYPTOGRAPHY_MODES) {
            matches!(mode, "CBC" | "CFB" | "CFB8" | "OFB" | "CTR" | "GCM" | "XTS")
                .then(|| {
                    ctx.args()
                        .first()
                        .or_else(|| ctx.kw_value("initialization_vector"))
                        .or_else(|| ctx.kw_value("nonce"))
                        .or_else(|| ctx.kw_value("tweak"))
                })
                .flatten()
        } else if qual == format!("{CRYPTOGRAPHY_ALGORITHMS}ChaCha20") {
            arg(ctx, 1, "nonce")
        } else if pycryptodome_cipher(qual).is_some() {
            ctx.kw_value("iv").or_else(|| ctx.kw_value("nonce")).or_else(|| ctx.args().get(2))
        } else {
            None
        };
        if let Some(iv) = iv
            && c.literal(iv).is_some()
        {
            c.report(
                "PY007",
                High,
                High,
                "An IV or nonce written in the code is reused for every message; generate a fresh one per message (`os.urandom`).",
                r,
                r,
            );
        }
    }
    if c.on_py(8) {
        let salt = match qual {
            "hashlib.pbkdf2_hmac" => arg(ctx, 2, "salt"),
            "hashlib.scrypt" => ctx.kw_value("salt"),
            "bcrypt.hashpw" => arg(ctx, 1, "salt"),
            "crypt.crypt" => ctx.args().get(1).filter(|e| matches!(e, Expr::StringLiteral(_))),
            _ if qual.starts_with("cryptography.") && qual.ends_with(".PBKDF2HMAC") => arg(ctx, 2, "salt"),
            _ if qual.starts_with("cryptography.") && qual.ends_with(".Scrypt") => arg(ctx, 0, "salt"),
            _ => None,
        };
        if let Some(salt) = salt
            && c.literal(salt).is_some()
        {
            c.report(
                "PY008",
                Medium,
                High,
                "A salt written in the code is the same for every password; use a random salt per password (`os.urandom(16)`).",
                r,
                r,
            );
        }
    }
    if c.on_py(9) && unauthenticated_mode(ctx) && !has_mac_import(c) {
        c.report(
            "PY009",
            Low,
            Medium,
            "Encryption without authentication: a CBC/CTR/OFB/CFB ciphertext can be altered undetected; use Fernet or AES-GCM.",
            r,
            r,
        );
    }
    if c.on_py(10) && pkcs1v15(c, ctx) {
        c.report(
            "PY010",
            Medium,
            High,
            "RSA encryption with PKCS#1 v1.5 padding is open to padding-oracle attacks; use OAEP.",
            r,
            r,
        );
    }
    if c.on_py(11)
        && let Some(bits) = weak_key_bits(ctx).or_else(|| loaded_key_bits(c, ctx))
    {
        let severity = if bits < 1024 { High } else { Medium };
        c.report(
            "PY011",
            severity,
            High,
            format!("A {bits}-bit RSA/DSA key is too short; use at least 2048 bits (3072 for use beyond 2030)."),
            r,
            r,
        );
    }
}

fn unauthenticated_mode(ctx: &CallCtx) -> bool {
    let qual = ctx.qual.as_str();
    if let Some(mode) = qual.strip_prefix(CRYPTOGRAPHY_MODES) {
        return matches!(mode, "CBC" | "CTR" | "OFB" | "CFB" | "CFB8");
    }
    if pycryptodome_cipher(qual) == Some("AES") {
        let mode = arg(ctx, 1, "mode");
        let name = match mode {
            Some(Expr::Attribute(a)) => a.attr.as_str(),
            Some(Expr::Name(n)) => n.id.as_str(),
            _ => return false,
        };
        return ["MODE_CBC", "MODE_CTR", "MODE_OFB", "MODE_CFB"].iter().any(|m| name.ends_with(m));
    }
    false
}

fn has_mac_import(c: &Checker) -> bool {
    c.imports.imported_like("hmac") || c.imports.imported_like("HMAC") || c.imports.imported_like("poly1305")
}

fn pkcs1v15(c: &Checker, ctx: &CallCtx) -> bool {
    let qual = ctx.qual.as_str();
    if matches!(qual, "Crypto.Cipher.PKCS1_v1_5.new" | "Cryptodome.Cipher.PKCS1_v1_5.new" | "rsa.encrypt") {
        return true;
    }
    if !matches!(ctx.call.func.as_ref(), Expr::Attribute(a) if matches!(a.attr.as_str(), "encrypt" | "decrypt")) {
        return false;
    }
    ctx.args().iter().chain(ctx.call.arguments.keywords.iter().map(|k| &k.value)).any(
        |a| matches!(a, Expr::Call(inner) if c.imports.qualified_call_name(&inner.func).ends_with("padding.PKCS1v15")),
    )
}

/// The exact bit length of an integer literal (an RSA modulus is far beyond
/// 64 bits), in any base, computed on 32-bit limbs.
fn literal_bits(c: &Checker, expr: &Expr) -> Option<i64> {
    let Expr::NumberLiteral(n) = expr else { return None };
    if !matches!(n.value, ruff_python_ast::Number::Int(_)) {
        return None;
    }
    let text =
        c.file.text.get(n.range.start().to_usize()..n.range.end().to_usize())?.replace('_', "").to_ascii_lowercase();
    let (digits, base) = match text.get(..2) {
        Some("0x") => (&text[2..], 16),
        Some("0o") => (&text[2..], 8),
        Some("0b") => (&text[2..], 2),
        _ => (text.as_str(), 10),
    };
    // Far beyond any key size worth reporting (and quadratic to convert).
    if digits.len() > 4096 {
        return None;
    }
    let mut limbs: Vec<u32> = Vec::new();
    for ch in digits.chars() {
        let mut carry = u64::from(ch.to_digit(base)?);
        for limb in limbs.iter_mut() {
            let value = u64::from(*limb) * u64::from(base) + carry;
            *limb = value as u32;
            carry = value >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let top = *limbs.last()?;
    Some((limbs.len() as i64 - 1) * 32 + i64::from(32 - top.leading_zeros()))
}

/// The modulus of an RSA/DSA key loaded from numbers in the code:
/// `RSAPublicNumbers(e, n)`, python-rsa `PublicKey(n, e)`, PyCryptodome
/// `RSA.construct((n, e, ...))`.
fn loaded_key_bits(c: &Checker, ctx: &CallCtx) -> Option<i64> {
    let qual = ctx.qual.as_str();
    let modulus = if qual.starts_with("cryptography.") && qual.ends_with(".RSAPublicNumbers") {
        arg(ctx, 1, "n")
    } else if matches!(qual, "rsa.PublicKey" | "rsa.PrivateKey") {
        arg(ctx, 0, "n")
    } else if matches!(qual, "Crypto.PublicKey.RSA.construct" | "Cryptodome.PublicKey.RSA.construct") {
        match arg(ctx, 0, "rsa_components") {
            Some(Expr::Tuple(t)) => t.elts.first(),
            Some(Expr::List(l)) => l.elts.first(),
            _ => None,
        }
    } else {
        None
    };
    modulus.and_then(|m| literal_bits(c, m)).filter(|b| *b < 2048)
}

fn weak_key_bits(ctx: &CallCtx) -> Option<i64> {
    let qual = ctx.qual.as_str();
    let bits = if qual == "rsa.newkeys" {
        arg(ctx, 0, "nbits")
    } else if qual.contains("paramiko") && (qual.ends_with("RSAKey.generate") || qual.ends_with("DSSKey.generate")) {
        arg(ctx, 0, "bits")
    } else if ctx.name() == "generate_key" && ctx.args().len() >= 2 {
        let kind = match &ctx.args()[0] {
            Expr::Attribute(a) => a.attr.as_str(),
            Expr::Name(n) => n.id.as_str(),
            _ => return None,
        };
        (kind.ends_with("TYPE_RSA") || kind.ends_with("TYPE_DSA")).then(|| &ctx.args()[1])
    } else {
        None
    };
    bits.and_then(int_value).filter(|b| *b < 2048)
}
