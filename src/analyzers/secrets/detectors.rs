//! The secret detectors: one row per kind of secret, each with its own true-positive and false-positive sample
//! lines, the way gitleaks keeps its rules honest.
//!
//! How a row is matched (by `super::scan_text`): a row is tried on a line only when the line contains one of its
//! `keywords`, case-insensitively. Its `pattern`, a `regex` crate pattern (no lookaround, no backreferences), is then
//! matched against that line, or against the whole text for a `multiline` row (a private-key block, reported at the
//! line where it starts). The secret is the pattern's `secret` group when it has one, else the whole match. The
//! engine then drops a secret whose Shannon entropy does not exceed the row's floor, a placeholder (`${VAR}`,
//! `{{ var }}`, `<your-key>`, `%(var)s`, `$VAR`, `xxxx`, `changeme`, AWS's `...EXAMPLE` keys, ...) and a line
//! that carries a suppression comment.
//!
//! The rules: SEC001 a credential in a provider's format (with JWTs, Fernet and AES keys), SEC002 a private key,
//! SEC003 a password in a URL, SEC004 a framework signing key (`SECRET_KEY`), SEC005 a secret known only by its
//! name. Rows are grouped by rule, the more specific row first where two can match the same text.
//!
//! How the samples are checked: the tests at the end compile every pattern, check the shape of every row, then
//! scan every sample with `scan_text` under a file name guessed from the sample's look (`sample.py`, `.env`,
//! `sample.yaml`, `sample.json`, `Dockerfile`, `sample.txt`): each true positive must give a hit with the row's
//! id, and no false positive may. Every sample secret is made up (random characters of the format's alphabet,
//! often with `FAKE` or `0000` spliced in): none is a real credential.

use crate::finding::Level::{self, High, Low, Medium};

/// One kind of secret.
pub struct Detector {
    /// Stable kebab-case id, shown in messages: "aws-access-key-id", "github-pat", ...
    pub id: &'static str,
    /// Who issued it, in words: "AWS", "GitHub", "Slack", ...
    pub provider: &'static str,
    /// The pyward rule it reports under (see below).
    pub rule: &'static str,
    /// A Rust `regex` crate pattern (no lookaround, no backreferences). The secret is the named group
    /// `secret` if present, else the whole match. It is matched against ONE LINE at a time, except when
    /// `multiline` is true (then against the whole file text).
    pub pattern: &'static str,
    /// Lower-case substrings; the row is tried only on lines containing one of them (case-insensitively).
    /// Never empty: pick distinctive prefixes (e.g. "akia", "ghp_", "xoxb-").
    pub keywords: &'static [&'static str],
    /// Minimum Shannon entropy, in bits per character over the secret's own characters, that the secret must
    /// EXCEED; 0.0 for none. Use it to reject `AKIAXXXXXXXXXXXXXXXX`-style placeholders.
    pub entropy: f64,
    pub multiline: bool,
    pub severity: Level,
    pub confidence: Level,
    /// Sample lines (as they appear in a file) that MUST give a finding from this row.
    pub tps: &'static [&'static str],
    /// Sample lines that must NOT give a finding from this row (placeholders, wrong length/prefix, docs
    /// example keys, low entropy, ...).
    pub fps: &'static [&'static str],
}

/// Every detector, grouped by rule (SEC001 to SEC005).
pub static DETECTORS: &[Detector] = &[
    // AWS
    Detector {
        id: "aws-access-key-id",
        provider: "AWS",
        rule: "SEC001",
        pattern: r"\b(?P<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b",
        keywords: &["akia", "asia", "abia", "acca", "a3t"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "AWS_ACCESS_KEY_ID=AKIAEXQFAKEG3ZQKVADL",
            r#"aws_access_key_id = "ASIAWN4LZIKKWLFAKEG5""#,
            "ENV AWS_ACCESS_KEY_ID=AKIAS7NK4FAKE6UYBTZL",
            "    access_key: AKIAEXQFAKEG3ZQKVADL",
        ],
        fps: &[
            r#"aws_access_key_id = "AKIAIOSFODNN7EXAMPLE""#,
            "AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX",
            r#"aws_access_key_id = "AKIA1234567890ABCDEF""#,
            "AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}",
            r#"key = "akiaexqfakeg3zqkvadl""#,
            "AWS_ACCESS_KEY_ID=AKIAEXQFAKEG3ZQKVA",
        ],
    },
    // 40 base64 characters after a name holding `aws` and `secret`; a 40-hex SHA-1 stays under the floor.
    Detector {
        id: "aws-secret-access-key",
        provider: "AWS",
        rule: "SEC001",
        pattern: r#"(?i)aws[\w.-]{0,20}?secret[\w.-]{0,20}['"]?\]?\s*(?::\s*str\s*=|:=|=>|=|:|,)\s*[bru]?['"]?(?P<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"#,
        keywords: &["aws"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "AWS_SECRET_ACCESS_KEY=WEl+t6fqZjdUkLTkFAKEfC6Nn45e2aVVi8Pm87sk",
            "aws_secret_access_key = TsxQ1TBF0dY5vVuFAKEx3T2jTI+mGXolMQDAQPhi",
            r#"s3 = boto3.client("s3", aws_access_key_id=KEY_ID, aws_secret_access_key="XquAtaQr6qtgJLCnaSoyFAKE6maAhF61Yq71gQ4Q")"#,
            r#"export AWS_SECRET_ACCESS_KEY="922TmDA4oFAKE6+5KWJd4yGbwBqNOiVEq3qjZqwO""#,
            r#"secret = os.environ.get("AWS_SECRET_ACCESS_KEY", "WEl+t6fqZjdUkLTkFAKEfC6Nn45e2aVVi8Pm87sk")"#,
        ],
        fps: &[
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
            r#"aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]"#,
            "AWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "AWS_SECRET_ACCESS_KEY=WEl+t6fqZjdUkLTkFAKEfC6Nn45e2aVVi8Pm87skQ",
            r#"aws_secret_sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709""#,
            r#"aws_access_key_id = "AKIAEXQFAKEG3ZQKVADL""#,
        ],
    },
    // STS session tokens are long (hundreds of characters); 100 is a safe minimum.
    Detector {
        id: "aws-session-token",
        provider: "AWS",
        rule: "SEC001",
        pattern: r#"(?i)aws_?session_?token['"]?\]?\s*(?::=|=>|=|:)\s*[bru]?['"]?(?P<secret>[A-Za-z0-9/+]{100,}={0,2})"#,
        keywords: &["session_token", "sessiontoken"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjhMYajIxroTRFVR8bY/aiYha9/uSlKhidIU+4CGWajnl+Q2yohCSutRNQemTa3zWtKsxD1zZ4EIWI8oPDcoX/XkxTNWzFdUgbTPOvwJ9sEWoLMuWl409PrnyxqJjzfNi44M/jQsknlP1ivze6grn7TGoNwU8QthWQ",
            "aws_session_token = FwoGZXIvYXdzfbykpwjx6m/exzI8SRE3eV1ksowMa9FcGzkDNSP6d533R4b4OsF0Xb6FY5Y4KmBnJxsGZ1YZCiIG1KQ6XVibSqB3+IPIVOfToEo9sl9y5lSNgjRH1PeLAwwL4/5Wq6V3eNkGGxfEAXLvvK0plfo=",
            r#"session = boto3.Session(aws_session_token="IQoJb3JpZ2luX2VjhMYajIxroTRFVR8bY/aiYha9/uSlKhidIU+4CGWajnl+Q2yohCSutRNQemTa3zWtKsxD1zZ4EIWI8oPDcoX/XkxTNWzFdUgbTPOvwJ9sEWoLMuWl409PrnyxqJjzfNi44M/jQsknlP1ivze6grn7TGoNwU8QthWQ")"#,
        ],
        fps: &[
            "AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}",
            "aws_session_token = None",
            r#"aws_session_token = "IQoJb3JpZ2luX2VjEXAMPLE...""#,
            "aws_session_token: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ],
    },
    // Google Cloud
    Detector {
        id: "gcp-api-key",
        provider: "Google Cloud",
        rule: "SEC001",
        pattern: r"\b(?P<secret>AIza[0-9A-Za-z_-]{35})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["aiza"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "GOOGLE_API_KEY=AIzaaa_7Iwo6qg6aZFAKECS313tiBH7t-EVzqo8",
            r#"genai.configure(api_key="AIza0-e4rRpDa2UaIsg4yEFAKEYFHAB-VYEQyek")"#,
            "maps_api_key: AIzaWC6k7nM4fDP_CP95_K4ZAjT_3mdahFAKE11",
            r#"  "apiKey": "AIzaaa_7Iwo6qg6aZFAKECS313tiBH7t-EVzqo8","#,
        ],
        fps: &[
            "GOOGLE_API_KEY=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "GOOGLE_API_KEY=AIzaaa_7Iwo6qg6aZFAKECS313tiBH7t-EVzqo",
            "GOOGLE_API_KEY=AIzaaa_7Iwo6qg6aZFAKECS313tiBH7t-EVzqo8Z",
            "GOOGLE_API_KEY=<your-google-api-key>",
            "GOOGLE_API_KEY=AIza...",
        ],
    },
    Detector {
        id: "gcp-oauth-client-secret",
        provider: "Google Cloud",
        rule: "SEC001",
        pattern: r"\b(?P<secret>GOCSPX-[0-9A-Za-z_-]{28})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["gocspx-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "GOOGLE_CLIENT_SECRET=GOCSPX-x41EWux9BIFAKEeHxfyIba_uDvki",
            r#"    "client_secret": "GOCSPX-OXFAKEPh3lirtl-ZjWjggLbSuQ_i","#,
            r#"oauth.register("google", client_id=CLIENT_ID, client_secret="GOCSPX-x41EWux9BIFAKEeHxfyIba_uDvki")"#,
        ],
        fps: &[
            "GOOGLE_CLIENT_SECRET=GOCSPX-<client-secret>",
            "GOOGLE_CLIENT_SECRET=GOCSPX-x41EWux9BIFAKEeHxfyIba_uD",
            "GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ],
    },
    // Azure
    Detector {
        id: "azure-storage-account-key",
        provider: "Azure",
        rule: "SEC001",
        pattern: r"(?i)AccountKey\s*=\s*(?P<secret>[A-Za-z0-9+/]{86}==)",
        keywords: &["accountkey"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            r#"conn = "AccountName=fakestore0000;AccountKey=OVQD4R25u7UuWbhlTyhfdu+SWw7LtYYCLbIdftwD3V0t+nTFqvza1pSTp5EFKaUaoH6G5uZoLFBgZLn5Ooyyvg==;EndpointSuffix=core.windows.net""#,
            "COSMOS_CONNECTION=AccountEndpoint=https://fake-cosmos.documents.azure.com:443/;AccountKey=qHNjIgL7D7LZ1ydzjdpkl3rrrFecGG/Um4xBRnote++Vokexs1E238jGW6gSC/vVcerN8KqMRJMzRw1fQVBJqg==;",
            r#"  "storage": "BlobEndpoint=https://fakestore0000.blob.core.windows.net/;AccountKey=Ob0cUFqQvDcvEBALLNveUmhyXtSp7yS6tHl/jxZUY6qb15o1TVRC42WqOUdnvd3XuYJl0qrbdy0zOi6B10j8Fg==""#,
        ],
        fps: &[
            "AZURE_STORAGE_CONNECTION_STRING=AccountName=fakestore0000;AccountKey=<account-key>",
            "AccountKey=${AZURE_STORAGE_KEY}",
            "AccountKey=OVQD4R25u7UuWbhlTyhfdu+SWw7LtYYCLbIdftwD3V0t+nTFqvza1pSTp5EFKaUaoH6G5uZoLFBgZLn5==",
            "AccountKey=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
        ],
    },
    // Listed before `azure-storage-account-key`: on a connection string both find the same key, and the engine keeps
    // the first id in alphabetical order.
    Detector {
        id: "azure-connection-string",
        provider: "Azure",
        rule: "SEC001",
        pattern: r#"(?i)DefaultEndpointsProtocol=https?;[^\s'"]*?AccountKey=(?P<secret>[A-Za-z0-9+/]{86}==)"#,
        keywords: &["defaultendpointsprotocol"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=fakestore0000;AccountKey=qHNjIgL7D7LZ1ydzjdpkl3rrrFecGG/Um4xBRnote++Vokexs1E238jGW6gSC/vVcerN8KqMRJMzRw1fQVBJqg==;EndpointSuffix=core.windows.net",
            r#"blob = BlobServiceClient.from_connection_string("DefaultEndpointsProtocol=https;AccountName=fakeblob;AccountKey=Ob0cUFqQvDcvEBALLNveUmhyXtSp7yS6tHl/jxZUY6qb15o1TVRC42WqOUdnvd3XuYJl0qrbdy0zOi6B10j8Fg==")"#,
            r#"    "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=fakefunc0000;AccountKey=OVQD4R25u7UuWbhlTyhfdu+SWw7LtYYCLbIdftwD3V0t+nTFqvza1pSTp5EFKaUaoH6G5uZoLFBgZLn5Ooyyvg==;EndpointSuffix=core.windows.net","#,
        ],
        fps: &[
            "DefaultEndpointsProtocol=https;AccountName=fakestore0000;AccountKey=<key>;EndpointSuffix=core.windows.net",
            "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=fakestore0000;AccountKey=${AZURE_STORAGE_KEY}",
            "DefaultEndpointsProtocol=https;AccountName=fakestore0000;AccountKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==",
            // The Azurite emulator's well-known development key, published in Microsoft's documentation.
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
        ],
    },
    Detector {
        id: "azure-service-bus-connection-string",
        provider: "Azure",
        rule: "SEC001",
        pattern: r#"(?i)Endpoint=sb://[^\s;'"]+;SharedAccessKeyName=[^\s;'"]+;SharedAccessKey=(?P<secret>[A-Za-z0-9+/]{43}=)"#,
        keywords: &["sharedaccesskey="],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SERVICE_BUS_CONNECTION=Endpoint=sb://fake-bus-0000.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=ABXne4LbSxxUshmyRs90mEOi1mEBHLHqmhwXz0dZjjg=",
            r#"client = ServiceBusClient.from_connection_string("Endpoint=sb://fake-hub.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=3cS7mf/8/Z+yMY7QyVpgSpF+keRBdc9hgRCLEYMlKlQ=;EntityPath=orders")"#,
        ],
        fps: &[
            "SERVICE_BUS_CONNECTION=Endpoint=sb://fake-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>",
            "Endpoint=sb://fake-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${SB_KEY}",
            "Endpoint=sb://fake-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        ],
    },
    // The signature of a SAS URL or connection string, once `sv=` or `se=` has been seen before it.
    Detector {
        id: "azure-sas-token",
        provider: "Azure",
        rule: "SEC001",
        pattern: r#"(?i)(?:^|[?&;"'\s=])(?:sv|se)=[^\s'"]*?[&;]sig=(?P<secret>[A-Za-z0-9%+/]{40,}=?)(?:[^A-Za-z0-9%+/=]|$)"#,
        keywords: &["sig="],
        entropy: 3.5,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "AZURE_BLOB_SAS_URL=https://fakestore0000.blob.core.windows.net/uploads?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=eaQz4Lrp6celiZqlhzzeTa6Bsxy9XeEZf1zT7kYL4yQ%3D",
            r#"sas_token = "sv=2023-01-03&st=2025-01-01T00%3A00%3A00Z&se=2027-01-01T00%3A00%3A00Z&sr=c&sp=rl&sig=%2BRhYosRSH%2FBqqHCmuIlnXBHctt%2B8R8U4KuQWtfvJNb8%3D""#,
            "  report_url: https://fakestore0000.blob.core.windows.net/reports/q3.pdf?sp=r&st=2025-01-01T09:00:00Z&se=2026-01-01T17:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=w%2Bl2TyvQts1LADPjQyJ1UC73lBmsnHKGOSLq8RZ7RwE%3D",
        ],
        fps: &[
            "SAS_URL=https://fakestore0000.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=<signature>",
            "SAS_URL=https://fakestore0000.blob.core.windows.net/c?sv=2022-11-02&se=2026-01-01&sig=${SAS_SIGNATURE}",
            "TILE_URL=https://tiles.fake.io/map?x=1&y=2&sig=eaQz4Lrp6celiZqlhzzeTa6Bsxy9XeEZf1zT7kYL4yQ%3D",
            "SAS_URL=https://fakestore0000.blob.core.windows.net/c?sv=2022-11-02&sig=",
        ],
    },
    Detector {
        id: "azure-ad-client-secret",
        provider: "Azure",
        rule: "SEC001",
        pattern: r#"(?:^|[\\'"\x60\s>=:(,)])(?P<secret>[a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?:$|[\\'"\x60\s<),])"#,
        keywords: &["q~"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "AZURE_CLIENT_SECRET=qj25Q~e3m2s3GVfbqD99h1gFAKEiDF2K8RcRoEVc",
            r#"credential = ClientSecretCredential(TENANT_ID, CLIENT_ID, "pgw5Q~7taKHDrt5xFAKE5UAscGqgxLN7csba.n.x")"#,
            "  clientSecret: WWw7Q~xeFAKEnigVFwjWXBk1EmCAHUcU7xkinp--",
        ],
        fps: &[
            "AZURE_CLIENT_SECRET=<client-secret>",
            "AZURE_CLIENT_SECRET=qj25Q~e3m2s3GVfbqD99",
            "AZURE_CLIENT_SECRET=qj2xQ~e3m2s3GVfbqD99h1gFAKEiDF2K8RcRoEVc",
            "AZURE_CLIENT_SECRET=abc8Q~0000000000000000000000000000000000",
        ],
    },
    // GitHub
    Detector {
        id: "github-pat",
        provider: "GitHub",
        rule: "SEC001",
        pattern: r"\b(?P<secret>ghp_[0-9A-Za-z]{36})\b",
        keywords: &["ghp_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "GITHUB_TOKEN=ghp_ivhTPRcqldHIFAKEyS69K5cUxu9gl74n8KT6",
            r#"g = Github("ghp_WUVEFAKEy0iffHCIhsFpQFMoyE70k7FfnENs")"#,
            "git clone https://ghp_n4M7Ib5GedgFAKE9hBegLYJEoYeE7K90dwpM@github.com/fake-org/fake-repo.git",
            "      token: ghp_jfAAvbRbFiWc6UjtFAKEb125ii9pzh2x4cIN",
        ],
        fps: &[
            "GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "GITHUB_TOKEN=ghp_QRgCKFAKEkyrLNWp9CQ5kn9TdT1lBKpGmOf",
            "GITHUB_TOKEN=ghp_your_personal_access_token",
            "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
        ],
    },
    Detector {
        id: "github-oauth-token",
        provider: "GitHub",
        rule: "SEC001",
        pattern: r"\b(?P<secret>gho_[0-9A-Za-z]{36})\b",
        keywords: &["gho_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "GITHUB_OAUTH_TOKEN=gho_fTQaS36SeQFAKEuxAW5J2D2TnjLiLYuFFSk6",
            r#"headers = {"Authorization": "token gho_klZ2VVNBcpPrv0STaGFAKEaDrbx4rlWoXuNi"}"#,
        ],
        fps: &[
            "GITHUB_OAUTH_TOKEN=gho_000000000000000000000000000000000000",
            "GITHUB_OAUTH_TOKEN=gho_70f3rzRAP46cbbpez15y8FAKEe6U5o0D5tju0",
            "GITHUB_OAUTH_TOKEN=gho_...",
        ],
    },
    Detector {
        id: "github-app-token",
        provider: "GitHub",
        rule: "SEC001",
        pattern: r"\b(?P<secret>gh[us]_[0-9A-Za-z]{36})\b",
        keywords: &["ghu_", "ghs_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "git clone https://x-access-token:ghs_ElHakoJs9I8I8e2yCzrwi621B1DM9eFAKEAA@github.com/fake-org/fake-repo.git",
            r#"INSTALLATION_TOKEN = "ghu_Bi7diS2FAKEFwPwonHH83sIipdxHS9JDvDqm""#,
        ],
        fps: &[
            "GH_TOKEN=ghs_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "GH_TOKEN=ghs_<installation-token>",
            "GH_TOKEN=ghs_D75vWrjprzMfXFAKEHpShaIk6b",
        ],
    },
    Detector {
        id: "github-refresh-token",
        provider: "GitHub",
        rule: "SEC001",
        pattern: r"\b(?P<secret>ghr_[0-9A-Za-z]{36})\b",
        keywords: &["ghr_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "GITHUB_REFRESH_TOKEN=ghr_tK0FAKEVZXAjWHkgI1woc9gT8Rme3QvWWp3Q",
            r#"    "refresh_token": "ghr_rOHFAKEohjRUqUjxsvEk0t2an2dhQ3cSSVME","#,
        ],
        fps: &[
            "GITHUB_REFRESH_TOKEN=ghr_ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
            "GITHUB_REFRESH_TOKEN=ghr_1pFlvcsOGG9Q1jbAFAKEk3gVwUpWHLaL",
        ],
    },
    Detector {
        id: "github-fine-grained-pat",
        provider: "GitHub",
        rule: "SEC001",
        pattern: r"\b(?P<secret>github_pat_[0-9A-Za-z_]{82})\b",
        keywords: &["github_pat_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "GITHUB_TOKEN=github_pat_Tc1AKhxZut6sFAKENce3ob_55FhWrq9Hwy46L6GrdSNlmqcdZ7UDPUTAk5zFAKEzUgxKww1Df9JsynLSoM",
            r#"gh = Github(auth=Auth.Token("github_pat_uHgwlNNDD7JPFNFAKEYvSC_MRNRrJjBQXMDUfQtsmMnEoHC3TZq62PkQUjucoNh8II7FAKE7Q4zAJ44TB7"))"#,
        ],
        fps: &[
            "GITHUB_TOKEN=github_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "GITHUB_TOKEN=github_pat_Tc1AKhxZut6sFAKENce3ob_55FhWrq9Hwy46L6GrdSNlmqcdZ",
            "GITHUB_TOKEN=github_pat_<fine-grained-token>",
        ],
    },
    // GitLab
    Detector {
        id: "gitlab-pat",
        provider: "GitLab",
        rule: "SEC001",
        pattern: r"\b(?P<secret>glpat-[0-9A-Za-z_-]{20,}(?:\.[0-9a-z]{9})?)(?:[^0-9A-Za-z_-]|$)",
        keywords: &["glpat-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "GITLAB_TOKEN=glpat-9KhmwNFAKEP5qZfiEYnX",
            r#"gl = gitlab.Gitlab("https://gitlab.fake.io", private_token="glpat-3UZkjUmkgLccFAKEldqk")"#,
            "  GITLAB_API_TOKEN: glpat-bqdFAKEvg1ClF9XLuxI1XbQwkTOk4HMRaK52.01.7s4rgqu",
        ],
        fps: &[
            "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx",
            "GITLAB_TOKEN=glpat-_5FAKE6Rbzly",
            "GITLAB_TOKEN=glpat-<your-token>",
        ],
    },
    Detector {
        id: "gitlab-deploy-token",
        provider: "GitLab",
        rule: "SEC001",
        pattern: r"\b(?P<secret>gldt-[0-9A-Za-z_-]{20,})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["gldt-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "pip install git+https://gitlab+deploy-token-42:gldt-b_CuSi23yamFFAKEl9B2@gitlab.fake.io/team/lib.git",
            "DEPLOY_TOKEN=gldt-WTVkxyuESdIQXFAKE_So",
        ],
        fps: &["DEPLOY_TOKEN=gldt-00000000000000000000", "DEPLOY_TOKEN=gldt-2lFAKEII_R"],
    },
    Detector {
        id: "gitlab-runner-token",
        provider: "GitLab",
        rule: "SEC001",
        pattern: r"\b(?P<secret>glrt-[0-9A-Za-z_-]{20,})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["glrt-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            r#"  token = "glrt-viy2FAKENv93uuS9CVOw""#,
            "gitlab-runner register --url https://gitlab.fake.io --token glrt-t1_ZfHOFAKEE0xJDRII50jhD51c",
        ],
        fps: &[r#"  token = "glrt-REDACTED""#, r#"  token = "glrt-xxxxxxxxxxxxxxxxxxxx""#],
    },
    Detector {
        id: "gitlab-pipeline-trigger-token",
        provider: "GitLab",
        rule: "SEC001",
        pattern: r"\b(?P<secret>glptt-[0-9a-f]{40})\b",
        keywords: &["glptt-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "curl -X POST -F token=glptt-b9f3ad512cb6623c0bf28f000075d2751b92394d -F ref=main https://gitlab.fake.io/api/v4/projects/7/trigger/pipeline",
            r#"TRIGGER_TOKEN = "glptt-df68fbd37a8a44d225e2b94c63c60000469e8834""#,
        ],
        fps: &[
            "TRIGGER_TOKEN=glptt-0000000000000000000000000000000000000000",
            "TRIGGER_TOKEN=glptt-d1dd91b110f062df5b2a300005c4aa",
            "TRIGGER_TOKEN=glptt-MWPQOKNXFZJXUXSKLFAKEAWDBMAXWMPQRGKJAQNX",
        ],
    },
    Detector {
        id: "gitlab-runner-registration-token",
        provider: "GitLab",
        rule: "SEC001",
        pattern: r"\b(?P<secret>GR1348941[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["gr1348941"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "REGISTRATION_TOKEN=GR134894170mK7LGOFFAKEYCSxYB5",
            "gitlab-runner register --registration-token GR1348941U5qbONHHuvC2FAKE4gjB --executor docker",
        ],
        fps: &["REGISTRATION_TOKEN=GR1348941xxxxxxxxxxxxxxxxxxxx", "REGISTRATION_TOKEN=GR1348941TDDFAKETf7KM"],
    },
    Detector {
        id: "gitlab-token",
        provider: "GitLab",
        rule: "SEC001",
        pattern: r"\b(?P<secret>(?:glft|glsoat|glcbt|glimt|glagent|gloas)-[0-9A-Za-z_-]{20,})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["glft-", "glsoat-", "glcbt-", "glimt-", "glagent-", "gloas-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "FEED_TOKEN=glft-J0mzGBMiS7qCpDFAKEVv",
            r#"  agent_token: "glagent-6rHqA4Jy3eawFAKEoP60lMKW6ExjfEOySx5bjYbgYaqAiS1VhN""#,
            "INCOMING_MAIL_TOKEN=glimt-8oE6w5FAKEBqiqmWbiDYZxR78",
        ],
        fps: &["FEED_TOKEN=glft-xxxxxxxxxxxxxxxxxxxx", "FEED_TOKEN=glft-ouFAKELb"],
    },
    // Bitbucket
    Detector {
        id: "bitbucket-app-password",
        provider: "Bitbucket",
        rule: "SEC001",
        pattern: r"\b(?P<secret>ATBB[0-9A-Za-z]{32,64})\b",
        keywords: &["atbb"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "BITBUCKET_APP_PASSWORD=ATBBPsj6tPZFttXsAvFAKECXxfSyoZQGSNTZ",
            r#"auth = ("ci-bot", "ATBB6eIb7utkgjHO0okfZpSFAKEutYrQE2F57FB2")"#,
        ],
        fps: &[
            "BITBUCKET_APP_PASSWORD=ATBBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "BITBUCKET_APP_PASSWORD=ATBBuneo4lUQZFAKE7ab",
            "BITBUCKET_APP_PASSWORD=ATBB<app-password>",
        ],
    },
    // Slack
    Detector {
        id: "slack-bot-token",
        provider: "Slack",
        rule: "SEC001",
        pattern: r"\b(?P<secret>xoxb-[0-9]{10,13}-(?:[0-9]{10,13}-)?[0-9A-Za-z]{24,34})\b",
        keywords: &["xoxb-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SLACK_BOT_TOKEN=xoxb-794366715666-7826073098086-OAQ22W6HO5dPQPnFAKErpfnN",
            r#"client = WebClient(token="xoxb-28620109274-246090448725-SSPFwFAKEOBni5vy2E5G7aKH")"#,
            "  bot_token: xoxb-7386812086-hTth1fsFAKE9xGSzE6nL0UiN",
        ],
        fps: &[
            "SLACK_BOT_TOKEN=xoxb-your-bot-token",
            "SLACK_BOT_TOKEN=xoxb-0000000000-0000000000-XXXXXXXXXXXXXXXXXXXXXXXX",
            "SLACK_BOT_TOKEN=xoxb-324177683577-0113806738766-2u6FAKEjt7",
        ],
    },
    Detector {
        id: "slack-user-token",
        provider: "Slack",
        rule: "SEC001",
        pattern: r"\b(?P<secret>xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[0-9A-Za-z]{28,34})\b",
        keywords: &["xoxp-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SLACK_USER_TOKEN=xoxp-437505974188-8183594923028-6482264121643-c52200000e1694575d7912ac0a6cbe85",
            r#"slack_token = "xoxp-5584102591-779096438019-9379270334899-6d6560000dd61060d7b4da527ab36e24""#,
        ],
        fps: &[
            "SLACK_USER_TOKEN=xoxp-<user-token>",
            "SLACK_USER_TOKEN=xoxp-1111111111-1111111111-1111111111-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "SLACK_USER_TOKEN=xoxp-413782427000-9c696dc9dcbb93b9d3a0b850000c286b",
        ],
    },
    Detector {
        id: "slack-legacy-token",
        provider: "Slack",
        rule: "SEC001",
        pattern: r"\b(?P<secret>xox[aors]-(?:[0-9]+-)*[0-9A-Za-z]{8,64})\b",
        keywords: &["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SLACK_TOKEN=xoxs-9094948907-47409377801-324574143404-2c7fa0c211fb2788000030c6f9ff6751578be6973170b199ef47dd81020dff58",
            r#"legacy = "xoxa-2-abqZ0KeJaYAjbrMPdAtN1xFAKEvjHRoD""#,
            "  refresh: xoxr-44101391959-cd7pqMV8miwQxTwIJFAKE5gv8xXzHZJW2tByNynv",
        ],
        fps: &[
            "SLACK_TOKEN=xoxa-...",
            "SLACK_TOKEN=xoxs-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "SLACK_TOKEN=xoxr-<refresh-token>",
        ],
    },
    Detector {
        id: "slack-app-token",
        provider: "Slack",
        rule: "SEC001",
        pattern: r"\b(?P<secret>xapp-[0-9]-[0-9A-Z]+-[0-9]+-[0-9a-z]{32,})\b",
        keywords: &["xapp-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SLACK_APP_TOKEN=xapp-1-A70FAKEIVPB-8167553422435-0fc7eea0000d568de4ee9755c4a222bbe48dd4ca37c97a3a9ca2a4b15dee9f82",
            r#"handler = SocketModeHandler(app, "xapp-1-AMNWFFAKECC-0445276782596-6f26895eb7bbe70fa39f09f81e46450518a17aa18000036b8b0f3d1484e3d7ce")"#,
        ],
        fps: &[
            "SLACK_APP_TOKEN=xapp-1-<app-token>",
            "SLACK_APP_TOKEN=xapp-1-A0000000000-0000000000000-0000000000000000000000000000000000000000000000000000000000000000",
            "SLACK_APP_TOKEN=xapp-1-AWHSFAKE6WP-8069330740833-3a2fe8f64f000023",
        ],
    },
    Detector {
        id: "slack-config-token",
        provider: "Slack",
        rule: "SEC001",
        pattern: r"\b(?P<secret>xoxe\.xox[bp]-[0-9]-[0-9A-Z]{163,166}|xoxe-[0-9]-[0-9A-Z]{146})\b",
        keywords: &["xoxe"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-MVQSIO95M5C355VFOEVYZ0VNYTZE6AWGSY33FUWSTZ1HCHY7WEFJ9L57LVQ6R6UPVO6FF9723DHJH1PBKRNNS48YREVIM43PAWGFAWTI24KSUC1ZVWNW3X0ZSV3UB91ZK8MFK6H3G4JM0FIQFAKEI9K8E8G6HIK1UBHG",
            r#"SLACK_CONFIG_REFRESH_TOKEN = "xoxe-1-LSTJQ38U37WVLE2XH87ZUCW30MIH70DFAKECNEKFT0MHV7602F6CTYB347EZ1AB4Y1H2G4GQMX084VKVEGATSEK4IKBJC3NOQTT8YDKFATRIW8G209CJV1MAS1302HULUCMY7Q56E3Q8F2L7KU""#,
        ],
        fps: &[
            "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-<config-token>",
            "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-TC9BZ33M85P439XK4920QEUEXQKLNCK4FAKE18FL",
            "SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ],
    },
    Detector {
        id: "slack-webhook-url",
        provider: "Slack",
        rule: "SEC001",
        pattern: r"hooks\.slack\.com/(?:services|workflows|triggers)/T[0-9A-Z_]{6,}/[AB][0-9A-Z_]{6,}/(?:[0-9]+/)?(?P<secret>[0-9A-Za-z]{20,})",
        keywords: &["hooks.slack.com"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/TZ85LFAKE3H/BQPYLFAKEAX/6LjTHn3lg1577BK9OWFAKEdo",
            r#"requests.post("https://hooks.slack.com/services/TTJFAKEG6/BBA8WFAKEJA/NT9xyWvqkDBAChnrn2FAKEDh", json=payload)"#,
            "  webhook: https://hooks.slack.com/workflows/T224RFAKEMB/AI4KOFAKEO4/806306793110137971/0bekgwKL4OF6fFAKEy9k0oez",
        ],
        fps: &[
            "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/<webhook-secret>",
            "See https://hooks.slack.com/services/ for incoming webhooks.",
        ],
    },
    // Discord, Telegram
    // No prefix: the line must name a token, Discord, or call `.run(` (discord.py's `bot.run(TOKEN)`).
    Detector {
        id: "discord-bot-token",
        provider: "Discord",
        rule: "SEC001",
        pattern: r"(?:^|[^0-9A-Za-z_-])(?P<secret>[MNO][0-9A-Za-z_-]{23,25}\.[0-9A-Za-z_-]{6}\.[0-9A-Za-z_-]{27,38})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["discord", "token", ".run("],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "DISCORD_TOKEN=MTMxNTUzNDY1NzEzODIxNTMz.86tOPi.8nOjfc5h3_ig8QW-29ClbAN-zI7ucFAKEl6LqY",
            r#"bot.run("MTkwODExMDYyNDQyMDI1OTY3.la882r.HyWCRozgRi5naXcPBW4fpo8fiFAKErl94KWsdy")"#,
            "  discord_bot_token: MTQ1MTI4NTk5MzUzNjQ3Mjc3.i5iAu2.e5TlDFiFAKE3ze1e9Bl07B9VHnO",
        ],
        fps: &[
            "DISCORD_TOKEN=your-bot-token-here",
            r#"bot.run(os.getenv("DISCORD_TOKEN"))"#,
            r#"token = "XzeQMgZYYQFAKEnmPGWk2E5q.V_o_Vz.4Gr0CILPmFAKEPlnHyA2VA93BAA""#,
            "DISCORD_TOKEN=MTM4ODM5Njk4MzU5Nzg0MTE0MQ.wMok6L",
        ],
    },
    Detector {
        id: "discord-webhook-url",
        provider: "Discord",
        rule: "SEC001",
        pattern: r"https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/(?P<secret>[0-9A-Za-z_-]{60,68})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["discord"],
        entropy: 3.5,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/1787214277567158921/fnPHMdj6oE2gdFAKEhp-FcotCG88E4_luk-zTKO43BgO9zTDqR0WUfpnIZW_v5VYNcbt",
            r#"webhook = DiscordWebhook(url="https://discordapp.com/api/webhooks/156362236530601895/awHAZoL_VIGg6h8dOaK9yILMDrkBcAFAKEbiWdkytxqRDwCuX3xGoNS5zeFO28IjqCbf")"#,
        ],
        fps: &[
            "DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/123456789012345678/<token>",
            r#"url = f"https://discord.com/api/webhooks/{webhook_id}/{webhook_token}""#,
            "DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/1838499270226051576/Wd3xjICGOODHC0rE3w61nFAKEm-C5j",
        ],
    },
    Detector {
        id: "telegram-bot-token",
        provider: "Telegram",
        rule: "SEC001",
        pattern: r"(?:^|[^0-9])(?P<secret>[0-9]{8,10}:AA[0-9A-Za-z_-]{33})(?:[^0-9A-Za-z_-]|$)",
        keywords: &[":aa"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "TELEGRAM_BOT_TOKEN=5045351360:AA8pFAKEChYDbr2gpG1FKUHLki4X8CaI2_R",
            r#"app = ApplicationBuilder().token("965615570:AA9JrATt9nDN-xTFAKEYdXdE8-AdTJA3l-z").build()"#,
            "curl https://api.telegram.org/bot4832462785:AAjQ0Cf5KpXf-100dV9s_iez6ug3LFAKEv8/getMe",
        ],
        fps: &[
            "TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "TELEGRAM_BOT_TOKEN=<bot-token>",
            "TELEGRAM_BOT_TOKEN=123:AAbxxwuwYm-8R6_GKE1qa-eFAKEaoPFy2Cj",
            "TELEGRAM_BOT_TOKEN=1400995126:AAskBUgqpLUSoC0WFAKEaT",
        ],
    },
    // Payments
    Detector {
        id: "stripe-secret-key",
        provider: "Stripe",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sk_live_[0-9A-Za-z]{24,247})\b",
        keywords: &["sk_live_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            r#"stripe.api_key = "sk_live_51DMgLixPq2xfQHjDeyElUXNAbhWrN95stFFAKEdjFlGAPdSvps39FAoL8OgXZ0cfIDzZfWNrSvTcFQS8sN5PdZaaldyCCq8C6i""#,
            "STRIPE_SECRET_KEY=sk_live_QhFAKEdqd0x23Xd5rgWUEjUb",
            "  secret_key: sk_live_51WGt6CTJPXv9CGIctk9fr5NEwO7A6ZmRGQdxXGIFAKEveIycxazenhBYiCm8E",
        ],
        fps: &[
            "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
            "STRIPE_SECRET_KEY=sk_live_GZ4FAKE9V7Qi",
            "STRIPE_SECRET_KEY=sk_live_<your-key>",
            "STRIPE_PUBLISHABLE_KEY=pk_live_YL9A2M0nU3rpnzTukWUAfgO5W8QmEtWIniBAnkPFAKEF9hKixUDF0RATvpuR",
        ],
    },
    Detector {
        id: "stripe-restricted-key",
        provider: "Stripe",
        rule: "SEC001",
        pattern: r"\b(?P<secret>rk_live_[0-9A-Za-z]{24,247})\b",
        keywords: &["rk_live_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "STRIPE_RESTRICTED_KEY=rk_live_51HjXy6Oylb4SRk58iYGa3KGnbCNiUFAKEO0whFgb8Kxa64nsSUzT7jc04WIYE718lkhPy5Uo6iEByNwNoOsd9sdkgMNfCbIO6y",
            r#"client = StripeClient("rk_live_ZjPkaihTH0wAvqwAFAKEWTwv")"#,
        ],
        fps: &["STRIPE_RESTRICTED_KEY=rk_live_000000000000000000000000", "STRIPE_RESTRICTED_KEY=rk_live_..."],
    },
    Detector {
        id: "stripe-test-key",
        provider: "Stripe",
        rule: "SEC001",
        pattern: r"\b(?P<secret>[rs]k_test_[0-9A-Za-z]{24,247})\b",
        keywords: &["sk_test_", "rk_test_"],
        entropy: 3.0,
        multiline: false,
        severity: Low,
        confidence: High,
        tps: &[
            r#"stripe.api_key = "sk_test_51K5wR32GFrfFIYmZwH403aJoO6CbKptOJrji40oYTfSXFAKEl2ems2fTERjDSGgIGjw51PHkKxgqcXsP9DKCnobmea1Ge4PRKe""#,
            "STRIPE_SECRET_KEY=sk_test_hFej4Mg4Q6h5FAKEdp1ZdLUM",
            "STRIPE_RESTRICTED_KEY=rk_test_A4yggFAKEVQlvXtHVzW1xdoRMwSeSzY8pQ7KpNdq",
        ],
        fps: &[
            "STRIPE_SECRET_KEY=sk_test_XXXXXXXXXXXXXXXXXXXXXXXX",
            "STRIPE_SECRET_KEY=sk_test_tHhDFAKEJe",
            "STRIPE_PUBLISHABLE_KEY=pk_test_9iU3PC8BtDcNysPpOHOklBjLZjuEJrFAKET6VyYgYAT6kiuFwqkSLIympEbe",
        ],
    },
    Detector {
        id: "stripe-webhook-secret",
        provider: "Stripe",
        rule: "SEC001",
        pattern: r"\b(?P<secret>whsec_[0-9A-Za-z]{32,})\b",
        keywords: &["whsec_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "STRIPE_WEBHOOK_SECRET=whsec_JdtdK0N18zgyUyw6IpblJaQFAKEZtU9f",
            r#"endpoint_secret = "whsec_jhx2HwLxyeZb7EIOqCe4fyhdYBaFAKEm5X0UwIHuMHdFE7vSFFAMDpRqR4Yh2Hfx""#,
        ],
        fps: &[
            "STRIPE_WEBHOOK_SECRET=whsec_...",
            "STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "STRIPE_WEBHOOK_SECRET=whsec_ClhEaFAKEcdOg2BG",
        ],
    },
    Detector {
        id: "braintree-access-token",
        provider: "PayPal / Braintree",
        rule: "SEC001",
        pattern: r"\b(?P<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})\b",
        keywords: &["access_token$production$"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "BRAINTREE_ACCESS_TOKEN=access_token$production$2ft8g08czf6qg6m8$350000ddd4a550921ece6e713559f121",
            r#"gateway = braintree.BraintreeGateway(access_token="access_token$production$zq8dw30g03crr9gx$3b02939440000a51a16cf2400f918efa")"#,
        ],
        fps: &[
            "BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant_id>$<token>",
            "BRAINTREE_ACCESS_TOKEN=access_token$production$0000000000000000$00000000000000000000000000000000",
            "BRAINTREE_ACCESS_TOKEN=access_token$sandbox$50rfpe9x5ms2kotg$1400008963fa97a84ad6f5b118eb3de0",
        ],
    },
    Detector {
        id: "square-access-token",
        provider: "Square",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sq0atp-[0-9A-Za-z_-]{22})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["sq0atp-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SQUARE_ACCESS_TOKEN=sq0atp-j08PGDFbLn3BUbFAKEKijb",
            r#"client = Client(access_token="sq0atp-717ccSUgb2PMFAKECst9_J", environment="production")"#,
        ],
        fps: &[
            "SQUARE_ACCESS_TOKEN=sq0atp-xxxxxxxxxxxxxxxxxxxxxx",
            "SQUARE_ACCESS_TOKEN=sq0atp-lpmb-FAKEw56",
            "SQUARE_ACCESS_TOKEN=sq0atp-<token>",
        ],
    },
    Detector {
        id: "square-oauth-secret",
        provider: "Square",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sq0csp-[0-9A-Za-z_-]{43})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["sq0csp-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SQUARE_APPLICATION_SECRET=sq0csp-w4wbtCcmERxMBGIOtqoV4qSVwTtEW_FAKEkSY1F_JEB",
            r#"  "application_secret": "sq0csp-lGjEw_HLy_5N3kR5q42ANt_XRNMIIFr1Ye8FAKEVc-k","#,
        ],
        fps: &[
            "SQUARE_APPLICATION_SECRET=sq0csp-0000000000000000000000000000000000000000000",
            "SQUARE_APPLICATION_SECRET=sq0csp-88vFozlSMtFAKESUmoLD",
        ],
    },
    Detector {
        id: "square-access-token-eaaa",
        provider: "Square",
        rule: "SEC001",
        pattern: r"(?i:square).{0,60}?[^0-9A-Za-z_-](?P<secret>EAAA[0-9A-Za-z_-]{60})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["square"],
        entropy: 3.5,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SQUARE_ACCESS_TOKEN=EAAARFKmJvTnwIEVrCNvIMkRFAKEIyMK5A5s5EoRzXqjMcP6lQBh2eGi03Uu31tb",
            r#"square_client = Client(access_token="EAAA3QdOYVTTTjy3ysPFAKEAywWVuzq4SCd1APgagidRxgRwxF-g2TfNTgv-FOWI")"#,
        ],
        fps: &[
            "SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "SQUARE_ACCESS_TOKEN=EAAAEp5P7vnFAKE71GEG9oBuhFU-H4-6KymTieT4FHAS",
            "SQUARE_ACCESS_TOKEN=<square-access-token>",
            "FACEBOOK_TOKEN=EAAAH4y0J_8ByJuSqUR62vdcIA7ig0wgfP4m6AXNFAKEFHLlgcoC1OrsOKDDYwQU",
        ],
    },
    Detector {
        id: "shopify-token",
        provider: "Shopify",
        rule: "SEC001",
        pattern: r"\b(?P<secret>shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32})\b",
        keywords: &["shpat_", "shpca_", "shppa_", "shpss_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SHOPIFY_ACCESS_TOKEN=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",
            r#"session = shopify.Session(SHOP_URL, "2024-01", "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")"#,
            "  shared_secret: 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",
        ],
        fps: &[
            "SHOPIFY_ACCESS_TOKEN=shpat_00000000000000000000000000000000",
            "SHOPIFY_ACCESS_TOKEN=shpat_58e000005036242a65d4",
            "SHOPIFY_ACCESS_TOKEN=shpat_<admin-api-token>",
        ],
    },
    // Messaging and e-mail
    // `SK` + 32 hex is an API key SID; the account SID (`AC` + 32 hex) alone is not a secret.
    Detector {
        id: "twilio-api-key",
        provider: "Twilio",
        rule: "SEC001",
        pattern: r"\b(?P<secret>SK[0-9a-fA-F]{32})\b",
        keywords: &["sk"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "TWILIO_API_KEY=SK8fc6fcb0000baa4efe55b960a5e7f80e",
            r#"client = Client("SK3fab8700001940140b39b813483dd08d", api_secret, account_sid)"#,
        ],
        fps: &[
            "TWILIO_API_KEY=SK00000000000000000000000000000000",
            "TWILIO_API_KEY=SKab153eec43290c2f000035a9",
            "TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "TWILIO_ACCOUNT_SID=AC040000fd94c532b1a172a50aa5761833",
        ],
    },
    // 32 hex next to a `twilio` name that says auth or token.
    Detector {
        id: "twilio-auth-token",
        provider: "Twilio",
        rule: "SEC001",
        pattern: r#"(?i)twilio[\w.-]{0,20}?(?:auth|token)[\w.-]{0,20}['"]?\]?\s*(?::=|=>|=|:|,)\s*['"]?(?P<secret>[0-9a-f]{32})\b"#,
        keywords: &["twilio"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "TWILIO_AUTH_TOKEN=eeef249f0b19d39f99f19038930000cd",
            r#"twilio_auth_token = "66c3900002e0b7fda9b4ca4b89d34540""#,
            "  twilio_token: b40000348615d9bd3f66d85e0bb71090",
        ],
        fps: &[
            "TWILIO_ACCOUNT_SID=AC72ca0000ccf01fe31fcf53c9faf5ee2c",
            "TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}",
            "TWILIO_AUTH_TOKEN=your_auth_token",
            "TWILIO_AUTH_TOKEN=00000000000000000000000000000000",
        ],
    },
    Detector {
        id: "sendgrid-api-key",
        provider: "SendGrid",
        rule: "SEC001",
        pattern: r"\b(?P<secret>SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["sg."],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SENDGRID_API_KEY=SG.wC6sAtoFAKEGHn3RlthC_o.4TNSeRSlrMaq8Rj_FAKEknhno4qSFn0bCzHXu2rB58b",
            r#"sg = SendGridAPIClient("SG.sfsdZFAKE-StG_f-0wZKhA.IaFAKEyyjPKSdQSrLmnZl_SA-chxDaxpyFmJJMs48hA")"#,
            r#"EMAIL_HOST_PASSWORD = "SG.dGQ3_FAKEGd2PkPdkkddnM.Va_bZpYiNC8lpMrk6X_M5ijlFAKEyY0iskI6EzMbqNa""#,
        ],
        fps: &[
            "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "SENDGRID_API_KEY=SG.4RzSl6OsuWoZB4RFAKEVGV",
            "SENDGRID_API_KEY=SG.<key>",
        ],
    },
    Detector {
        id: "mailgun-api-key",
        provider: "Mailgun",
        rule: "SEC001",
        pattern: r"(?i:mailgun).{0,60}?\b(?P<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b",
        keywords: &["mailgun"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "MAILGUN_API_KEY=key-7123a15536afd8422f600000ee405e76",
            r#"MAILGUN_API_KEY = "0df29b75a80000c48e993b1d195a850b-dd359fbd-a11aab51""#,
            r#"  "MAILGUN_API_KEY": "key-8ee973bb3ffa90672d18c3160000a0b2","#,
        ],
        fps: &[
            "MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "MAILGUN_DOMAIN=mg.fake.io",
            "MAILGUN_API_KEY=key-00000000000000000000000000000000",
            "MAILGUN_WEBHOOK_ID=a0c448e2-54cc-4fd5-a6bc-c6137f7f4562",
        ],
    },
    Detector {
        id: "mailchimp-api-key",
        provider: "Mailchimp",
        rule: "SEC001",
        pattern: r"\b(?P<secret>[0-9a-f]{32}-us[0-9]{1,2})\b",
        keywords: &["-us"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "MAILCHIMP_API_KEY=844bdd94ac00003ef5fc45c69c79cb66-us21",
            r#"client.set_config({"api_key": "279abe0000e454bf970e1e1f5e5310e7-us6", "server": "us6"})"#,
        ],
        fps: &[
            "MAILCHIMP_API_KEY=00000000000000000000000000000000-us6",
            r#"LANGUAGE_CODE = "en-us""#,
            "MAILCHIMP_API_KEY=95062b82e1f2ed5073c100007144-us6",
        ],
    },
    Detector {
        id: "brevo-api-key",
        provider: "Brevo (Sendinblue)",
        rule: "SEC001",
        pattern: r"\b(?P<secret>xkeysib-[0-9a-f]{64}-[0-9A-Za-z]{16})\b",
        keywords: &["xkeysib-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "BREVO_API_KEY=xkeysib-2c00000ee8a3f68c7692776b2e2457256fb888c914fb50d458e355d3a8c937ee-MRrr0KFAKEQdHF4N",
            r#"configuration.api_key["api-key"] = "xkeysib-8710e4052c15e8af09a638de7046247cd666905a0000dbce416d99d82becbd3a-RoFAKEuRb8ShC6HY""#,
        ],
        fps: &[
            "BREVO_API_KEY=xkeysib-<api-key>",
            "BREVO_API_KEY=xkeysib-0000000000000000000000000000000000000000000000000000000000000000-xxxxxxxxxxxxxxxx",
        ],
    },
    // Media, monitoring
    Detector {
        id: "cloudinary-url",
        provider: "Cloudinary",
        rule: "SEC001",
        pattern: r"cloudinary://[0-9]{6,20}:(?P<secret>[0-9A-Za-z_-]{20,40})@[0-9A-Za-z_-]+",
        keywords: &["cloudinary://"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "CLOUDINARY_URL=cloudinary://367366796429744:aLBMFAKEgOHtmz2sTK8BPfkYciD@fake-cloud",
            r#"cloudinary.config(cloudinary_url="cloudinary://469406378372245:Sh0JxxMIps-gltfFAKEwrAlIV61@fake-media")"#,
        ],
        fps: &[
            "CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>",
            "CLOUDINARY_URL=cloudinary://123456789012345:${CLOUDINARY_API_SECRET}@fake-cloud",
            "CLOUDINARY_URL=cloudinary://123456789012345:xxxxxxxxxxxxxxxxxxxxxxxxxxx@fake-cloud",
        ],
    },
    Detector {
        id: "cloudinary-api-secret",
        provider: "Cloudinary",
        rule: "SEC001",
        pattern: r#"(?i)cloudinary.{0,80}?api[_-]?secret['"]?\]?\s*(?::=|=>|=|:)\s*['"]?(?P<secret>[0-9A-Za-z_-]{20,40})(?:[^0-9A-Za-z_-]|$)"#,
        keywords: &["cloudinary"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "CLOUDINARY_API_SECRET=66A6JCPjsFOLCOg2vx-PFAKE-lV",
            r#"cloudinary.config(cloud_name="fake-cloud", api_key="693961087272630", api_secret="axM6NnFAKEJFqqoLe4Zrvdqg85w")"#,
        ],
        fps: &[
            "CLOUDINARY_API_SECRET=<api_secret>",
            r#"cloudinary.config(api_secret=os.environ["CLOUDINARY_API_SECRET"])"#,
            "CLOUDINARY_API_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ],
    },
    // Only the legacy DSN form `https://PUBLIC:SECRET@host/project` carries a secret.
    Detector {
        id: "sentry-dsn-secret",
        provider: "Sentry",
        rule: "SEC001",
        pattern: r"(?i)https?://[0-9a-f]{32}:(?P<secret>[0-9a-f]{32})@[0-9a-z.-]+(?::[0-9]+)?/(?:[\w.-]+/)*[0-9]+",
        keywords: &["sentry"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SENTRY_DSN=https://182dbc06885acd00004c1d5c6ac2c7d9:d7c32d80c3e69b034ac7f0000ea641b0@o715434.ingest.sentry.io/9991921",
            r#"sentry_sdk.init(dsn="https://4f64a70000b73687fa37790ccdc2728c:ce5ed83250000ffbb103a28581f997a5@sentry.fake.io/12")"#,
        ],
        fps: &[
            "SENTRY_DSN=https://d29e6a0000a28fbca1b35badf5591375@o265106.ingest.sentry.io/7240197340647666",
            "SENTRY_DSN=https://<key>:<secret>@sentry.io/<project>",
            "SENTRY_DSN=https://a5d3e33a65a050b35f216c1da0000ec6:00000000000000000000000000000000@sentry.io/1",
        ],
    },
    Detector {
        id: "sentry-auth-token",
        provider: "Sentry",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sntryu_[0-9a-f]{64}|sntrys_eyJ[0-9A-Za-z+/=]{20,}_[0-9A-Za-z+/]{43})(?:[^0-9A-Za-z+/=_]|$)",
        keywords: &["sntryu_", "sntrys_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SENTRY_AUTH_TOKEN=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",
            "SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MzIwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8iLCJyZWdpb25fdXJsIjoiaHR0cHM6Ly91cy5zZW50cnkuaW8iLCJvcmciOiJmYWtlLW9yZyJ9_QpJZKHz82qP6F/u3kT5mquyfpMCm+ksoenFvaFAKEjK",
        ],
        fps: &[
            "SENTRY_AUTH_TOKEN=sntryu_0000000000000000000000000000000000000000000000000000000000000000",
            "SENTRY_AUTH_TOKEN=sntrys_<org-token>",
            "SENTRY_AUTH_TOKEN=sntryu_79e9d6cf26f5b8f94b4aba00004267538be3530a",
        ],
    },
    Detector {
        id: "new-relic-user-api-key",
        provider: "New Relic",
        rule: "SEC001",
        pattern: r"\b(?P<secret>NRAK-[0-9A-Z]{27})\b",
        keywords: &["nrak-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "NEW_RELIC_API_KEY=NRAK-NN6DPVW9IUD3TFAKEGZABP1M3KM",
            r#"headers = {"API-Key": "NRAK-9M1RFIAFAKEFEQYV8UKP0P0XLZ5"}"#,
        ],
        fps: &["NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX", "NEW_RELIC_API_KEY=NRAK-1M56WP5UBFAKEGFI1DR9"],
    },
    // AI services
    Detector {
        id: "openai-api-key",
        provider: "OpenAI",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sk-[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20})\b",
        keywords: &["t3blbkfj"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "OPENAI_API_KEY=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",
            r#"client = OpenAI(api_key="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")"#,
            "  openai_api_key: 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",
        ],
        fps: &[
            "OPENAI_API_KEY=sk-...",
            "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx",
            "OPENAI_API_KEY=sk-ENQ7P2nLe84gLl28agkTT3BlbkFJBZSL7ofyCcXsz5gq",
        ],
    },
    // Project, service-account and admin keys; the `T3BlbkFJ` marker is not required.
    Detector {
        id: "openai-project-key",
        provider: "OpenAI",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sk-(?:proj|svcacct|admin)-[0-9A-Za-z_-]{80,})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["sk-proj-", "sk-svcacct-", "sk-admin-"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "OPENAI_API_KEY=sk-proj-yVf0yKUcU9vqr93MXHsziWj9vZxg4XPQgseYzX4GP1TdZ9TZpuZiE03PUYtysFAKEzYlcVK5ToT3BlbkFJN2NFf_85BD-qfabZ6DNisRIT21AKRcZDxR6StqqePKTewKaQR47Bou6FAKEg7ojUkYch2YcCUl",
            r#"openai.api_key = "sk-svcacct-7Acv6Z_sGg2_Ea12qPHZG00YTIESFAKEycI_XYW5anv4eapXz7Mw9ARGmPT3BlbkFJOXHX3cWv3nYIkiKHM6XeNnKnivBuYrV9acFAKEOF8mC9JN0y6TsLB-L0jx""#,
            "OPENAI_ADMIN_KEY=sk-admin-nDzFAKEETKhqe6aQSqQSAw8JI0i7oRRgyNI1sUB5qMtbeqNzVpZWblW_WcT3BlbkFJemWA4lW6JVaMi8CFAKED3HNGCMNX8HtgKW2RLcIc43vDaQapNpwVQK0SvY",
        ],
        fps: &[
            "OPENAI_API_KEY=sk-proj-your-key-here",
            "OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "OPENAI_API_KEY=sk-proj-3TEcLgZo-OrHo26m020U7oWh_FAKE5VFXXM46Juo",
        ],
    },
    Detector {
        id: "anthropic-api-key",
        provider: "Anthropic",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sk-ant-api03-[0-9A-Za-z_-]{93}AA)(?:[^0-9A-Za-z_-]|$)",
        keywords: &["sk-ant-api03"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "ANTHROPIC_API_KEY=sk-ant-api03-q4N-V2t7K_GcZquLedAPzn8QsyzqUWuW_SUT5D--sfJp8JdtJGfsSaarkO0mvTCWF7TdncXl_OFAKE4Ak8-l3jDnMUnTNAA",
            r#"client = anthropic.Anthropic(api_key="sk-ant-api03-WscO6D1fCgYdxFAKEKTGrHctNc3s3hu3_0JBu0wpZUJ3wSoTYaIo47bXianFBEbwORYLodGXt19jP5o7YNF4EgRDe_kGWAA")"#,
        ],
        fps: &[
            "ANTHROPIC_API_KEY=sk-ant-api03-...",
            "ANTHROPIC_API_KEY=sk-ant-api03-BOHbDyiAIZB53bzdWQjtw2cqdXrMYawt9Z5hBh0sXKxo9sA8OBnFGVKBvGFAKEFz6L5DAeplomCYC5JcgisWI8yJmOq5RAB",
            "ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA",
        ],
    },
    Detector {
        id: "anthropic-admin-key",
        provider: "Anthropic",
        rule: "SEC001",
        pattern: r"\b(?P<secret>sk-ant-admin01-[0-9A-Za-z_-]{93}AA)(?:[^0-9A-Za-z_-]|$)",
        keywords: &["sk-ant-admin01"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-5pHAGRJ7BFIUV87BwUnbT9X9HzxC-K_32Eb5CQkzXNtuF7oSRpRsiXj_hec4tf7mkqIUuAwxAVaqOULmA8iRQFAKEO7uAAA",
            r#"  "admin_key": "sk-ant-admin01-Lhy37VX46ChAH30B_TIfhjL90AM8bg05S_wD6aja2vjHper8JaaUscPwidAkYPttFAKEDEFzgboZ8ZR2AIqPZBb83EfMhAA""#,
        ],
        fps: &[
            "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<key>",
            "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-kyowcW5ZYnbWgr3F1X5bDXw6_t-QkjY9XiCs4lVCFAKEwDC9Wqx6Sltr-CMZAA",
        ],
    },
    Detector {
        id: "huggingface-token",
        provider: "Hugging Face",
        rule: "SEC001",
        pattern: r"\b(?P<secret>hf_[A-Za-z]{34})\b",
        keywords: &["hf_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "HF_TOKEN=hf_iNsDWYMdvnGyQZryKBsJcyFAKEEgBgKsOM",
            r#"login(token="hf_jiDDezAQZpOrYDoNoySgOnFAKEzSninCdJ")"#,
            "  hf_token: hf_LsehFAKEruOXuUbVdYPSIlWlixqZJWkiSj",
        ],
        fps: &[
            "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "from huggingface_hub import hf_hub_download",
            "HF_TOKEN=hf_LFtjFAKEFukKkJQHuloq",
            "HF_TOKEN=hf_NJGGUZDLsTeHtTdjqRPsxoRTZFAKEKCVCX1",
        ],
    },
    // Package registries, containers, platforms
    Detector {
        id: "pypi-upload-token",
        provider: "PyPI",
        rule: "SEC001",
        pattern: r"\b(?P<secret>pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{50,})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["pypi-ageichlwas5vcmc"],
        entropy: 4.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCHkZw1U2EbkC18gFIvOZPSK_YtOcNFqk5UntRRg4gsZIsiZs4LzcECd2BksAiuHS4nB_g0J65W7G8CItEii_nKoCJ-K4O0irqvl8bbEw4zAzIEZ5c_GNWdtHeYiQvqwW8PgaXYslxtBxV3jU4aO7f",
            "password = pypi-AgEIcHlwaS5vcmcCHloPHpvPvsODJ8mz3o1pX7bVGtR3EpLRltNCRH5oq78L1Mu9kPd7778HVJX7D-SojRvZJFfAq6eV8ocN5zg3H3-UbcwhO1NzOdwcKz9fVg8N3m_xL8-1pm0P7_PUE3opfVlz0i9ynZ-fOHxkhcv0",
            "uv publish --token pypi-AgEIcHlwaS5vcmcCHof6JTUUtLFkgiDgqtWSMwxVxyDbdRTwk8OpzYws2wkq6kwoe-GpzBIc_FhapVgqeYRrPNhy0GhAOAVY205R0kw5m4U9ZP9nECwYgVErhfnZk4mTXJZILATMn_7rP8tqckVX9E6QiO17Sy3TO5NG",
        ],
        fps: &[
            "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc...",
            "TWINE_PASSWORD=${PYPI_API_TOKEN}",
            "password = pypi-AgEIcHlwaS5vcmcCHkZw1U2EbkC18gFIvOZPSK_YtOcNF",
        ],
    },
    Detector {
        id: "testpypi-upload-token",
        provider: "TestPyPI",
        rule: "SEC001",
        pattern: r"\b(?P<secret>pypi-AgENdGVzdC5weXBpLm9yZw[0-9A-Za-z_-]{50,})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["pypi-agendgvzdc5wexbplm9yzw"],
        entropy: 4.0,
        multiline: false,
        severity: Low,
        confidence: High,
        tps: &[
            "password = pypi-AgENdGVzdC5weXBpLm9yZwIeuXAMNKsfJTAzM_1aJnPubYIt7jdJ9Bpr__jHKar3k-6tV2MOdoIcNcgF5IeJS2SzPCjlYBXjCYDttRgh92qknJyy2SIRcY3YIRyjV25x7wfWckSiBJUj9hPGwzHqAEN7D62KCqo3EC8WrANc0Nk",
            "TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwIeVG5ozlUssRMcXYVrVXRursP_xvVl16EVUtCHEePzZ-_6nTxGJNcW13WUXWB_HjpKF6AxFnmY2NmOFWXmvdZ2JK9tkEDIMs2Of1FTWZuHppI3vO_oXLjmYA76erZZAts35Ko8U0UoKoEA8y4Q0VI",
        ],
        fps: &[
            "password = pypi-AgENdGVzdC5weXBpLm9yZw...",
            "TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw1nbucQumVFAKENhz2rHV",
        ],
    },
    Detector {
        id: "npm-access-token",
        provider: "npm",
        rule: "SEC001",
        pattern: r"\b(?P<secret>npm_[0-9A-Za-z]{36})\b",
        keywords: &["npm_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "//registry.npmjs.org/:_authToken=npm_Y8NLnFAKEG6MLyeeQF5xCvokuoLG78yTtxbB",
            "NPM_TOKEN=npm_fnCaZJ4n7nyNFAKEbmDzZqhfklGIYEqr8fv3",
        ],
        fps: &[
            "NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "echo $npm_package_version",
            "NPM_TOKEN=npm_yNjpgcxvJFAKE21g5Xyz",
        ],
    },
    Detector {
        id: "npmrc-auth-token",
        provider: "npm",
        rule: "SEC001",
        pattern: r"//[^\s:]+/:_authToken\s*=\s*(?P<secret>[0-9A-Za-z_.+/=-]{20,})",
        keywords: &["_authtoken"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "//registry.npmjs.org/:_authToken=01dd71dd-259d-41a1-abdb-f4d214cd7c6c",
            "//npm.pkg.fake.io/repo/:_authToken=ovdS+741q02Wo86Jd7WiGc4LsaYtI6MrxcF3y7C7XsaxuO6AezeIReI82LkPGTgl",
        ],
        fps: &[
            "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
            "//registry.npmjs.org/:_authToken=",
            "//registry.npmjs.org/:_authToken=000000000000000000000000000000000000",
        ],
    },
    Detector {
        id: "docker-hub-token",
        provider: "Docker Hub",
        rule: "SEC001",
        pattern: r"\b(?P<secret>dckr_(?:pat|oat)_[0-9A-Za-z_-]{27})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["dckr_pat_", "dckr_oat_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "DOCKERHUB_TOKEN=dckr_pat_YkkCxVhFAKErLOvWCdjLNusLqwB",
            "echo dckr_pat_PTLpR82i49FAKE6Beco_ut9S8T- | docker login -u fakeuser --password-stdin",
            r#"  "auth_token": "dckr_oat_CQj0R_qdIfJqQIrFAKE8nZ_IjGC""#,
        ],
        fps: &[
            "DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "DOCKERHUB_TOKEN=dckr_pat_XZML7FAKEaXM",
            "DOCKERHUB_TOKEN=dckr_pat_<token>",
        ],
    },
    Detector {
        id: "heroku-api-key",
        provider: "Heroku",
        rule: "SEC001",
        pattern: r#"(?i)heroku[\w.-]{0,20}?(?:key|token|auth|pass|secret)[\w.-]{0,10}['"]?\]?\s*(?::=|=>|=|:)\s*['"]?(?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"#,
        keywords: &["heroku"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "HEROKU_API_KEY=bba0c38b-f098-40db-a6b9-4573483dbe99",
            r#"heroku_token = "ccbcab81-5b2d-4634-a9fd-82e13384611c""#,
            "  HEROKU_AUTH_TOKEN: 2889d6cd-7c4f-4e45-aa60-8df8d47db23e",
        ],
        fps: &[
            "HEROKU_APP_ID=8ad6ca59-fcfd-4036-afd7-042cfeb7952f",
            "HEROKU_API_KEY=00000000-0000-0000-0000-000000000000",
            "HEROKU_API_KEY=${HEROKU_API_KEY}",
        ],
    },
    Detector {
        id: "heroku-api-key-v2",
        provider: "Heroku",
        rule: "SEC001",
        pattern: r"\b(?P<secret>HRKU-AA[0-9A-Za-z_-]{58})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["hrku-"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "HEROKU_API_KEY=HRKU-AA6RwEEEjQGQxfJe5dWpw6_GIqa0Awni4OVGOOOC1lz-hCdFAKExUWCjjCG5",
            r#"heroku = heroku3.from_key("HRKU-AA52ZNjAlv3NdpxFAKEB6EUKg-sJimEknNkryCZyxEFskqi137y4-18NGR-8")"#,
        ],
        fps: &[
            "HEROKU_API_KEY=HRKU-<api-key>",
            "HEROKU_API_KEY=HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "HEROKU_API_KEY=HRKU-AAN9wMupKDjjkFAKEk0eGTXhOZtW8CGs",
        ],
    },
    Detector {
        id: "digitalocean-token",
        provider: "DigitalOcean",
        rule: "SEC001",
        pattern: r"\b(?P<secret>do[opr]_v1_[0-9a-f]{64})\b",
        keywords: &["dop_v1_", "doo_v1_", "dor_v1_"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "DIGITALOCEAN_TOKEN=dop_v1_b657d01639a49ffa5f8d95437c919bc838270000b5199991e5c4411880ba25d4",
            r#"manager = digitalocean.Manager(token="doo_v1_cc422d0daf5a2d8b99a514d475a0000126b6f7b94aae44828d64d78dc341d00a")"#,
            "  refresh_token: dor_v1_0831c877a7b20aa3b990000345794224197a213fbb4a13c8f956fbd9943fed58",
        ],
        fps: &[
            "DIGITALOCEAN_TOKEN=dop_v1_0000000000000000000000000000000000000000000000000000000000000000",
            "DIGITALOCEAN_TOKEN=dop_v1_424bd5d564000070bb39f50e8900a049bba0e3ab",
            "DIGITALOCEAN_TOKEN=dop_v1_<token>",
        ],
    },
    Detector {
        id: "databricks-token",
        provider: "Databricks",
        rule: "SEC001",
        pattern: r"\b(?P<secret>dapi[0-9a-f]{32}(?:-[0-9])?)\b",
        keywords: &["dapi"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "DATABRICKS_TOKEN=dapi6a46b3018f0c5e290000847c79d901a7",
            r#"conn = sql.connect(server_hostname=HOST, http_path=PATH, access_token="dapie7d3cd6c9d4d4845442ccde00000a4ef-2")"#,
        ],
        fps: &[
            "DATABRICKS_TOKEN=dapi00000000000000000000000000000000",
            "DATABRICKS_TOKEN=dapi25e400001a88db6e29c4",
            "DATABRICKS_TOKEN=dapi<token>",
        ],
    },
    Detector {
        id: "hashicorp-vault-token",
        provider: "HashiCorp Vault",
        rule: "SEC001",
        pattern: r"\b(?P<secret>hvs\.[0-9A-Za-z_-]{90,120})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["hvs."],
        entropy: 3.5,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "VAULT_TOKEN=hvs.ZxQqPdEpDvmjOFAKE6HRhmk37zty9Xt1nqQfxIg7zle1JSvaqPVDlmJHFhZiZntCqZ6k1Vka1Hv4KXgBzrqH36dP8jEfPvU",
            r#"client = hvac.Client(url=VAULT_ADDR, token="hvs.K2ShZwS-cIR0jp91n8SaAbWFqFpN6VsFAKEai84pH8X9weeJ-DJkYttzxYr7u2xHp4dFh5B6TaPYu_P2bmVef_Ts5XgY")"#,
        ],
        fps: &[
            "VAULT_TOKEN=hvs.<token>",
            "VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "VAULT_TOKEN=hvs.ANvU4E6rde6oNAY0MFAKECJq",
        ],
    },
    Detector {
        id: "firebase-fcm-server-key",
        provider: "Firebase",
        rule: "SEC001",
        pattern: r"\b(?P<secret>AAAA[0-9A-Za-z_-]{7}:APA91b[0-9A-Za-z_-]{134})(?:[^0-9A-Za-z_-]|$)",
        keywords: &[":apa91b"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "FCM_SERVER_KEY=AAAAlK5wnbz:APA91b22JdykpcRnbCKbSFmDXCnwMlaha6uhoFCqd34AoItZDuqTxI0i6mXDHXKsuApslbGmQtwcTQwpzchY666DZXbFM71sVrKiQVFAKEOATfKHWP0-5Y0kTIz0Hutsk0iMPuYNR516",
            r#"headers = {"Authorization": "key=AAAANvYLZxW:APA91bnh1MjKor_6x0ul9zNB5HF6HnoMuMtXfHw_HOiDaniQw906ucWXgV4aHx4n6X-lxWycd3K1Y4RROeiu15sEmV2zGV8SZKot1fPcA9FAKEIU-WozXwn0waBE9qDwyCO-gkRyJCCZ"}"#,
        ],
        fps: &[
            "FCM_SERVER_KEY=AAAA...:APA91b...",
            r#"device_token = "BN8t4edK4ZlKkErFAKE-Zr:APA91bnWrITv5MFAKEAys1tMhN0fS8_T9Xubfhf5x2LDvDzbJAUsbyco9_L9XUZWvC_9kX5k10mGtGFkvBZsQ1Wf-j7c-922U67Oq1lLdFCrSuyCLkacM54ZcsPwNP36BqyPhn2mwWh4""#,
            "FCM_SERVER_KEY=AAAA0000000:APA91bxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ],
    },
    // Tokens and keys recognised by their shape
    Detector {
        id: "jwt",
        provider: "JSON Web Token",
        rule: "SEC001",
        pattern: r"\b(?P<secret>eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,})(?:[^0-9A-Za-z_-]|$)",
        keywords: &["eyj"],
        entropy: 3.0,
        multiline: false,
        severity: Medium,
        confidence: Medium,
        tps: &[
            r#"headers = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXItMDAwMSIsIm5hbWUiOiJGYWtlIFVzZXIiLCJpYXQiOjE3MzIwMDAwMDB9.rLyVSb5eFHxkImNFFQPFAKEoG_2FhB49-JiyL9fA1JR"}"#,
            "SERVICE_JWT=eyJhbGciOiJIUzUxMiIsImtpZCI6ImZha2Uta2V5LTAwMDAiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguZmFrZS5pbyIsInN1YiI6InN2Yy1yZXBvcnRzIiwiZXhwIjoxODkzNDU2MDAwfQ.U_FAKEQVhxxGafdxuBb9oZFROtbQO4YFPeimw47qNrzWL_IifGwlPJDN3dzz_DBYhc9TS04q3IWYGZlw3kSjZS",
            "SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UiLCJpYXQiOjE3MzIwMDAwMDB9.OA-w4KpGFUheMZQPPsFAKEdcU8UG0-6ZtJf1xMbD9qB",
            "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXItMDAwMSIsIm5hbWUiOiJGYWtlIFVzZXIiLCJpYXQiOjE3MzIwMDAwMDB9.rLyVSb5eFHxkImNFFQPFAKEoG_2FhB49-JiyL9fA1JR' https://api.fake.io/v1/me",
        ],
        fps: &[
            "JWT_HEADER=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
            r#"token = "eyJhbGciOi...""#,
            "UNSIGNED_JWT=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXItMDAwMSIsIm5hbWUiOiJGYWtlIFVzZXIiLCJpYXQiOjE3MzIwMDAwMDB9.",
            "Authorization: Bearer <jwt>",
        ],
    },
    // 32 bytes in URL-safe base64: 43 characters, the last one of the 16 that end on 4 zero bits, then `=`.
    Detector {
        id: "fernet-key",
        provider: "Fernet (cryptography)",
        rule: "SEC001",
        pattern: r"(?i:fernet).{0,60}?[^0-9A-Za-z_-](?P<secret>[0-9A-Za-z_-]{42}[AEIMQUYcgkosw048]=)(?:[^0-9A-Za-z_=-]|$)",
        keywords: &["fernet"],
        entropy: 3.5,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "FERNET_KEY=Dq8GrTOM6htAy6D1PW2hzCxf_gnhQfoVdTYSAbrQvR4=",
            r#"f = Fernet(b"ImfgT-_RJU6OvxV1fdyWbdRfykvFjqcnoxCiIDrK_mI=")"#,
            "fernet_key = myVqo01Pnfj-aAhdFtwwhtgfwchyXxm_0ikl6JWM1yo=",
            r#"    "fernet_keys": ["S6nvnfxIdfE-Z7BupMd3iZ7yQXsodTM-N4ofWnOQE3s="],"#,
        ],
        fps: &[
            "fernet_key = Fernet.generate_key()",
            "FERNET_KEY=<fernet-key>",
            "FERNET_KEY=9Uv4cLgF43-ltk6_EUiPmH5HuZDYiN3EjAwdprZK5UB=",
            "FERNET_KEY=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        ],
    },
    // A 128/192/256-bit key as hex (or 128/256-bit as base64) after an aes/cipher/crypt key name, in `AES.new(`, or
    // decoded into `key`.
    Detector {
        id: "aes-key",
        provider: "AES",
        rule: "SEC001",
        pattern: r#"(?i)(?:(?:(?:aes|cipher|crypt)\w{0,20}?key\w{0,8}['"]?\]?\s*(?::=|=>|=|:)\s*|\baes\.new\(\s*)(?:(?:bytes|bytearray)\.fromhex\(|(?:binascii\.)?(?:unhexlify|a2b_hex)\(|(?:base64\.)?(?:urlsafe_)?b64decode\()?|\bkey\s*=\s*(?:(?:bytes|bytearray)\.fromhex|(?:binascii\.)?(?:unhexlify|a2b_hex)|(?:base64\.)?(?:urlsafe_)?b64decode)\()\s*[bu]?['"]?(?P<secret>[0-9a-f]{64}|[0-9a-f]{48}|[0-9a-f]{32}|[0-9a-z+/]{43}=|[0-9a-z+/]{22}==)(?:[^0-9a-z+/=]|$)"#,
        keywords: &["aes", "cipher", "crypt", "fromhex", "unhexlify", "a2b_hex", "b64decode"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: Medium,
        tps: &[
            r#"AES_KEY = "ac0f395fb0fe2bca22de0000c391df1989704605da61b27e35ed24d21ec51738""#,
            r#"cipher = AES.new(bytes.fromhex("814b1536e6237000046fd0ea1c9a710f"), AES.MODE_GCM)"#,
            "ENCRYPTION_KEY=8c6fb3b7c42f2f6b7ece9caccd12cbef35d73065328e287dd00005fb5c12a12a",
            r#"key = bytes.fromhex("a3c3766ebe4ae427a9c407c8f4795dcda6b9cd0000dab1b2d13ea5b184bafa5a")"#,
            r#"  aes_key: "5j4vwObc+ooZBRC5Zt3HgzJXh4b6SFnXk6juYAQm8uM=""#,
            r#"self.cipher_key = base64.b64decode("Z0QYvnCajV7UUZ6PiksOXw==")"#,
        ],
        fps: &[
            "AES_KEY = os.urandom(32)",
            r#"AES_KEY = "0000000000000000000000000000000000000000000000000000000000000000""#,
            r#"ciphertext = "dd216a6bbe6dd40000a1e61f83efe8e3""#,
            "ENCRYPTION_KEY=a119259bd1e5231ee000005f561cc892c5d51e64",
            "ENCRYPTION_KEY=${ENCRYPTION_KEY}",
        ],
    },
    // A 16-byte IV (32 hex, or base64) or a 12-byte nonce (24 hex) written as a literal.
    Detector {
        id: "aes-iv",
        provider: "AES",
        rule: "SEC001",
        pattern: r#"(?i)(?:\b(?:aes_?)?iv|\bnonce|\binit(?:ialization)?_?vector)['"]?\]?\s*(?::=|=>|=|:)\s*(?:(?:bytes|bytearray)\.fromhex\(|(?:binascii\.)?(?:unhexlify|a2b_hex)\(|(?:base64\.)?(?:urlsafe_)?b64decode\()?\s*[bu]?['"]?(?P<secret>[0-9a-f]{32}|[0-9a-f]{24}|[0-9a-z+/]{22}==)(?:[^0-9a-z+/=]|$)"#,
        keywords: &["iv", "nonce", "vector"],
        entropy: 3.0,
        multiline: false,
        severity: Medium,
        confidence: Medium,
        tps: &[
            r#"IV = "1d29af312e3bf8281125500006849c6f""#,
            r#"cipher = AES.new(key, AES.MODE_CBC, iv=bytes.fromhex("facd1e731f9d04ed9d29a0e09700001c"))"#,
            "AES_IV=080ce146a2800005db1ae0f0894c6931",
            r#"nonce = bytes.fromhex("f52535c7f2582940000bb7b7")"#,
            r#"  iv: "eUvBB0Fy2VSRGxwvLd2mYw==""#,
        ],
        fps: &[
            "iv = os.urandom(16)",
            r#"IV = "00000000000000000000000000000000""#,
            "nonce = secrets.token_hex(12)",
            r#"iv = "eccd00009b11cfed31de""#,
            "iv_length = 16",
        ],
    },
    // SEC002: private keys
    // The `private_key` member of a service-account JSON; the same span as `private-key-pkcs8`.
    Detector {
        id: "gcp-service-account-key",
        provider: "Google Cloud",
        rule: "SEC002",
        pattern: r#"["']private_key["']\s*:\s*["'](?P<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----\\n[A-Za-z0-9+/=]{40,}(?:\\n[A-Za-z0-9+/=]+)*(?:\\n)?(?:-----END (?:RSA )?PRIVATE KEY-----)?)"#,
        keywords: &["private_key", "service_account"],
        entropy: 4.5,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            r#"  "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCzMRpoHrg/TBYq\nkNByolyBhKmRwWk0kAAugybxlqL4NDUXULcKBBVGfsn01NAOKGeNXnFtUff0cG/X\nehjtP8la6nvrCfeSYLQMsZC4kHrOW1vyGpdU+33OraFfd7OeaZlinNyLBFSOMayr\nvfJAMRnf2bYJEO0HhFiGywjvEun/ChQWfRgdd0paJQvw169rSE8F9fuJfWMT0e+g\nsNw+KQVbn/I5W8FpK4o0Bs0JzHLQ/UuaKKiNmtr/YRZRyAa2hHsHXPYoIHY/H/fL\n-----END PRIVATE KEY-----\n","#,
            r#"{"type": "service_account", "project_id": "fake-proj-0000", "private_key_id": "6a2495155c0d7d614400009c1adaa457e7e9d85d", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCzMRpoHrg/TBYq\nkNByolyBhKmRwWk0kAAugybxlqL4NDUXULcKBBVGfsn01NAOKGeNXnFtUff0cG/X\nehjtP8la6nvrCfeSYLQMsZC4kHrOW1vyGpdU+33OraFfd7OeaZlinNyLBFSOMayr\n-----END PRIVATE KEY-----\n", "client_email": "svc@fake-proj-0000.iam.gserviceaccount.com"}"#,
            r#"GOOGLE_CREDENTIALS='{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCzMRpoHrg/TBYq\nkNByolyBhKmRwWk0kAAugybxlqL4NDUXULcKBBVGfsn01NAOKGeNXnFtUff0cG/X\n-----END PRIVATE KEY-----\n"}'"#,
        ],
        fps: &[
            r#"  "private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n","#,
            r#"  "private_key_id": "a4c4fe53ce2cd773df705b03750000ef34569246","#,
            r#"  "type": "service_account","#,
            r#"  "private_key": "","#,
        ],
    },
    Detector {
        id: "private-key-rsa",
        provider: "RSA (PEM)",
        rule: "SEC002",
        pattern: r#"-----BEGIN RSA PRIVATE KEY-----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*-----END RSA PRIVATE KEY-----)?"#,
        keywords: &["begin rsa private key"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "-----BEGIN RSA PRIVATE KEY-----\n",
                "MIIEowIBAAKCAQEAxxJQo63HeGfxgojV61ujSK8Hy7UAsv/er8erM9K9oRUPeBv2\n",
                "V/1wxSIFWxtPF1v8O6lH2gHgzMhy+oDF2PH5MVnX5D8KZYLIuyCBIbGq6dQRTVVI\n",
                "M/EnlNk3fUgyg2iRh8HoA3cq61DbOKOwhlt8DUTasKmwz/MnIPaHx/PLtA25/pBI\n",
                "OVdgToDcyYBzhQO83VPn/cFP34cFzUKZypQ3ncQf4A2BSbEiEX8rYQEWi5np71lr\n",
                "Zvo6QLZBxokzRvgW3+MXVtEk6+tXKk1MKQ8zKpIjMLpmqXZiRtvwKfQUvRBojtsS\n",
                "jMdaNKll4ik+4efDozQSF+kOB2qkXfLcbFB1pycu0R09DWDIewTxBn3fYSc7LHfS\n",
                "9fGKJmD/vpkry2v4ijpA1nU5iSqBsDXe\n",
                "-----END RSA PRIVATE KEY-----"
            ),
            concat!(
                "JWT_PRIVATE_KEY = \"\"\"-----BEGIN RSA PRIVATE KEY-----\n",
                "MIIEowIBAAKCAQEAxxJQo63HeGfxgojV61ujSK8Hy7UAsv/er8erM9K9oRUPeBv2\n",
                "V/1wxSIFWxtPF1v8O6lH2gHgzMhy+oDF2PH5MVnX5D8KZYLIuyCBIbGq6dQRTVVI\n",
                "M/EnlNk3fUgyg2iRh8HoA3cq61DbOKOwhlt8DUTasKmwz/MnIPaHx/PLtA25/pBI\n",
                "OVdgToDcyYBzhQO83VPn/cFP34cFzUKZypQ3ncQf4A2BSbEiEX8rYQEWi5np71lr\n",
                "Zvo6QLZBxokzRvgW3+MXVtEk6+tXKk1MKQ8zKpIjMLpmqXZiRtvwKfQUvRBojtsS\n",
                r#"-----END RSA PRIVATE KEY-----""""#
            ),
            concat!(
                "-----BEGIN RSA PRIVATE KEY-----\n",
                "Proc-Type: 4,ENCRYPTED\n",
                "DEK-Info: AES-256-CBC,7E2E262E83B0477E630000BCFCE08669\n",
                "\n",
                "N0ta5XzaoTXgJNetchovAkW5s9AFxFFPq023r0cfaRAG+PpTRu+bw8SMctnRRdsq\n",
                "K+D8DIwKrnM6YrmdPnSglU/iHQTwgK4o4rYb3tI35E2SETX4TWcXZOcO1l4pHssB\n",
                "HFf6Cp/JZfDSUcG9XiUDUN26uyR0I3WkGfDCTzszITcZpr5j/wT3BO7Rep7nylRB\n",
                "Hsdmtga+UsTv1tQTgHi7DyB5DnGOqcNX8UT+5sr7kkqPQI0EPPuAUp8JA9V5pcYs\n",
                "-----END RSA PRIVATE KEY-----"
            ),
            r#"RSA_KEY="-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxxJQo63HeGfxgojV61ujSK8Hy7UAsv/er8erM9K9oRUPeBv2\nV/1wxSIFWxtPF1v8O6lH2gHgzMhy+oDF2PH5MVnX5D8KZYLIuyCBIbGq6dQRTVVI\nM/EnlNk3fUgyg2iRh8HoA3cq61DbOKOwhlt8DUTasKmwz/MnIPaHx/PLtA25/pBI\nOVdgToDcyYBzhQO83VPn/cFP34cFzUKZypQ3ncQf4A2BSbEiEX8rYQEWi5np71lr\n-----END RSA PRIVATE KEY-----\n""#,
            concat!(
                "cat > ~/.ssh/id_rsa <<'KEY'\n",
                "-----BEGIN RSA PRIVATE KEY-----  # the deploy key\n",
                "MIIEowIBAAKCAQEAxxJQo63HeGfxgojV61ujSK8Hy7UAsv/er8erM9K9oRUPeBv2\n",
                "V/1wxSIFWxtPF1v8O6lH2gHgzMhy+oDF2PH5MVnX5D8KZYLIuyCBIbGq6dQRTVVI\n",
                "M/EnlNk3fUgyg2iRh8HoA3cq61DbOKOwhlt8DUTasKmwz/MnIPaHx/PLtA25/pBI\n",
                "OVdgToDcyYBzhQO83VPn/cFP34cFzUKZypQ3ncQf4A2BSbEiEX8rYQEWi5np71lr\n",
                "Zvo6QLZBxokzRvgW3+MXVtEk6+tXKk1MKQ8zKpIjMLpmqXZiRtvwKfQUvRBojtsS\n",
                "jMdaNKll4ik+4efDozQSF+kOB2qkXfLcbFB1pycu0R09DWDIewTxBn3fYSc7LHfS\n",
                "9fGKJmD/vpkry2v4ijpA1nU5iSqBsDXe\n",
                "-----END RSA PRIVATE KEY-----\n",
                "KEY"
            ),
        ],
        fps: &[
            r#"if line.startswith("-----BEGIN RSA PRIVATE KEY-----"):"#,
            r#"    return "-----BEGIN RSA PRIVATE KEY-----" in text"#,
            concat!("-----BEGIN RSA PRIVATE KEY-----\n", "MIIEpAIBAAKCAQEA...\n", "-----END RSA PRIVATE KEY-----"),
            concat!("-----BEGIN RSA PRIVATE KEY-----\n", "<paste your key here>\n", "-----END RSA PRIVATE KEY-----"),
            concat!(
                "-----BEGIN RSA PRIVATE KEY-----\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "-----END RSA PRIVATE KEY-----"
            ),
            concat!(
                "-----BEGIN PUBLIC KEY-----\n",
                "nYHAuvYCCQcgUV9Equdb6hxR9HqWPos8MVC+a2c9bPK8ZSq4a2Y/RB9vWk09oJNB\n",
                "6TCtClWDi15eGlGF8EYFynkrvhd/mNTpIQCGLHw3odwEWinOSQB1brRfDVp5puxJ\n",
                "O6LLSQ8nTAgWrBEfn24duR46CIWdzSRNszSKnE5MQmeRoeoRouPiDwaTMwFnHc0h\n",
                "Q6usp5BNrwVwRiC0R29sLg9U/IEIsngbEk5TJOHn744LoozK4WrSv/atW/+cLWre\n",
                "yUyMZKm26Lg=\n",
                "-----END PUBLIC KEY-----"
            ),
        ],
    },
    Detector {
        id: "private-key-ec",
        provider: "EC (PEM)",
        rule: "SEC002",
        pattern: r#"-----BEGIN EC PRIVATE KEY-----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*-----END EC PRIVATE KEY-----)?"#,
        keywords: &["begin ec private key"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "-----BEGIN EC PRIVATE KEY-----\n",
                "MHcCAQEEIPMDhOjYQjss4UAe2+HljMrIrsH4mQFqTVtgmwC9+SBwqSsF++6uyzj4\n",
                "7K9CWHt7O7RVvWYzYwWOzAR1rIoQvHFq5TNLBHV2ReOZXzAmk9GN+zjnRONWS4Tm\n",
                "tT1Jk1zf1adIK7Z2wSeuXNwZLqZR/nQhYQ==\n",
                "-----END EC PRIVATE KEY-----"
            ),
            concat!(
                "signing_key: |\n",
                "  -----BEGIN EC PRIVATE KEY-----\n",
                "  MHcCAQEEIPMDhOjYQjss4UAe2+HljMrIrsH4mQFqTVtgmwC9+SBwqSsF++6uyzj4\n",
                "  7K9CWHt7O7RVvWYzYwWOzAR1rIoQvHFq5TNLBHV2ReOZXzAmk9GN+zjnRONWS4Tm\n",
                "  tT1Jk1zf1adIK7Z2wSeuXNwZLqZR/nQhYQ==\n",
                "  -----END EC PRIVATE KEY-----"
            ),
            concat!(
                "SAML_SP_PRIVATE_KEY = (\n",
                "    \"-----BEGIN EC PRIVATE KEY-----\\n\"\n",
                "    \"MHcCAQEEIPMDhOjYQjss4UAe2+HljMrIrsH4mQFqTVtgmwC9+SBwqSsF++6uyzj4\\n\"\n",
                "    \"7K9CWHt7O7RVvWYzYwWOzAR1rIoQvHFq5TNLBHV2ReOZXzAmk9GN+zjnRONWS4Tm\\n\"\n",
                "    \"tT1Jk1zf1adIK7Z2wSeuXNwZLqZR/nQhYQ==\\n\"\n",
                "    \"-----END EC PRIVATE KEY-----\\n\"\n",
                ")"
            ),
        ],
        fps: &[
            r#"if line.startswith("-----BEGIN EC PRIVATE KEY-----"):"#,
            r#"    return "-----BEGIN EC PRIVATE KEY-----" in text"#,
            concat!("-----BEGIN EC PRIVATE KEY-----\n", "MIIEpAIBAAKCAQEA...\n", "-----END EC PRIVATE KEY-----"),
            concat!("-----BEGIN EC PRIVATE KEY-----\n", "<paste your key here>\n", "-----END EC PRIVATE KEY-----"),
            concat!(
                "-----BEGIN EC PRIVATE KEY-----\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "-----END EC PRIVATE KEY-----"
            ),
            concat!("-----BEGIN EC PARAMETERS-----\n", "BggqhkjOPQMBBw==\n", "-----END EC PARAMETERS-----"),
        ],
    },
    Detector {
        id: "private-key-dsa",
        provider: "DSA (PEM)",
        rule: "SEC002",
        pattern: r#"-----BEGIN DSA PRIVATE KEY-----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*-----END DSA PRIVATE KEY-----)?"#,
        keywords: &["begin dsa private key"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "-----BEGIN DSA PRIVATE KEY-----\n",
                "MIIBuwIBAAKBgQAyvvI4xhcxMtjeU4GUHry6TG7339GDBRFPzvDbDxt0WmO6zjPu\n",
                "YBlvC7+VEVkCdX/T4lcbdsTvMUyKKh77Dpg2ou+r/SmnCp3kc3FiWrIwQIU1Ppys\n",
                "PlTFrqMszkMtzFKsDGOhHjFsjvDgd1DsNPEmUWL9htHCzzf2w99dUoYY24YeUuuP\n",
                "oFQ7zKVKHk3C4CT6yXvRgbtxpSaffhlSLzalV6DYYBDLksfeM1OaSZKAQifSOzSR\n",
                "1SzWErF/Ex+1CTRp+4Y8K9M+KA==\n",
                "-----END DSA PRIVATE KEY-----"
            ),
            concat!(
                "DSA_KEY = \"\"\"\n",
                "-----BEGIN DSA PRIVATE KEY-----\n",
                "MIIBuwIBAAKBgQAyvvI4xhcxMtjeU4GUHry6TG7339GDBRFPzvDbDxt0WmO6zjPu\n",
                "YBlvC7+VEVkCdX/T4lcbdsTvMUyKKh77Dpg2ou+r/SmnCp3kc3FiWrIwQIU1Ppys\n",
                "PlTFrqMszkMtzFKsDGOhHjFsjvDgd1DsNPEmUWL9htHCzzf2w99dUoYY24YeUuuP\n",
                "oFQ7zKVKHk3C4CT6yXvRgbtxpSaffhlSLzalV6DYYBDLksfeM1OaSZKAQifSOzSR\n",
                "1SzWErF/Ex+1CTRp+4Y8K9M+KA==\n",
                "-----END DSA PRIVATE KEY-----\n",
                r#"""""#
            ),
        ],
        fps: &[
            r#"if line.startswith("-----BEGIN DSA PRIVATE KEY-----"):"#,
            r#"    return "-----BEGIN DSA PRIVATE KEY-----" in text"#,
            concat!("-----BEGIN DSA PRIVATE KEY-----\n", "MIIEpAIBAAKCAQEA...\n", "-----END DSA PRIVATE KEY-----"),
            concat!("-----BEGIN DSA PRIVATE KEY-----\n", "<paste your key here>\n", "-----END DSA PRIVATE KEY-----"),
            concat!(
                "-----BEGIN DSA PRIVATE KEY-----\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "-----END DSA PRIVATE KEY-----"
            ),
        ],
    },
    Detector {
        id: "private-key-openssh",
        provider: "OpenSSH",
        rule: "SEC002",
        pattern: r#"-----BEGIN OPENSSH PRIVATE KEY-----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*-----END OPENSSH PRIVATE KEY-----)?"#,
        keywords: &["begin openssh private key"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n",
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABcJLt2T7bNQFTQpi1/h\n",
                "29sHHAefH6FDJPbvIVJDhyFB6Oyce/jfPQCJQqAcWlkdjn1cpV0z6aJmZA0iF64CvybzFK\n",
                "eQYLaL9/s3D8oaNKXpLEcGrrWKITLOXNlVI9ucMBJUql6rSRGANE1+UouJgGdcOsYpCreY\n",
                "BPxbaovMsByIObh0Xtr0HaLeJ4xLfkhW4jNOODCd5vLfWmFNbV7KS85smpXVPhqa1fwwJ2\n",
                "otf+r2LQMDsmshL/6rRhwT/g9bGevjsej1tp8mk=\n",
                "-----END OPENSSH PRIVATE KEY-----"
            ),
            concat!(
                "cat > ~/.ssh/id_ed25519 <<'EOF'\n",
                "-----BEGIN OPENSSH PRIVATE KEY-----\n",
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABcJLt2T7bNQFTQpi1/h\n",
                "29sHHAefH6FDJPbvIVJDhyFB6Oyce/jfPQCJQqAcWlkdjn1cpV0z6aJmZA0iF64CvybzFK\n",
                "eQYLaL9/s3D8oaNKXpLEcGrrWKITLOXNlVI9ucMBJUql6rSRGANE1+UouJgGdcOsYpCreY\n",
                "BPxbaovMsByIObh0Xtr0HaLeJ4xLfkhW4jNOODCd5vLfWmFNbV7KS85smpXVPhqa1fwwJ2\n",
                "otf+r2LQMDsmshL/6rRhwT/g9bGevjsej1tp8mk=\n",
                "-----END OPENSSH PRIVATE KEY-----\n",
                "EOF"
            ),
        ],
        fps: &[
            r#"if line.startswith("-----BEGIN OPENSSH PRIVATE KEY-----"):"#,
            r#"    return "-----BEGIN OPENSSH PRIVATE KEY-----" in text"#,
            concat!(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n",
                "MIIEpAIBAAKCAQEA...\n",
                "-----END OPENSSH PRIVATE KEY-----"
            ),
            concat!(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n",
                "<paste your key here>\n",
                "-----END OPENSSH PRIVATE KEY-----"
            ),
            concat!(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "-----END OPENSSH PRIVATE KEY-----"
            ),
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIqBmWhlJWYlsxuo5am7r0MyuebIGTHLezYbDPj8fuphe deploy@fake",
        ],
    },
    Detector {
        id: "private-key-pkcs8",
        provider: "PKCS#8 (PEM)",
        rule: "SEC002",
        pattern: r#"-----BEGIN PRIVATE KEY-----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*-----END PRIVATE KEY-----)?"#,
        keywords: &["begin private key"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "-----BEGIN PRIVATE KEY-----\n",
                "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKd/V2VLfBc6w7JoO3I3Y5bnmLHbLu4h\n",
                "YikLxLxm8v6WBCsH4Uk6KggdQo24D3jNkf8c2i1JOl0DOk8XMDEEC2Gapvn3GqK0\n",
                "7e2paq2+uLQgj3j9x7N0T/mihoEXQyn4Itg/jfZ5xl7QwmmkWkFV9K5ZKw6NQR3J\n",
                "s5dGS/2VasaVsknLnUdniO3N+uAry83m4IZde8XQJYc0UeTZRY650j3FGYNihB5A\n",
                "OZvv5GTu9l+XipnB1Aoi6vrfwFw65WtYp4zvZ54o//xaqs2u5X3xr2OICdPtOei3\n",
                "2Th3/u3aqzVy05WIgSNx32C13vkjIDhQHCtob/HPVmS2B8F99O4nXrmifxYPLAiw\n",
                "S3S37pcQgeGh8XiM0gBkITOi0pt8cwbcEDyFELoy73Ga4DleXj5Db8lodOqkpj06\n",
                "-----END PRIVATE KEY-----"
            ),
            r#"  "tls_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKd/V2VLfBc6w7JoO3I3Y5bnmLHbLu4h\nYikLxLxm8v6WBCsH4Uk6KggdQo24D3jNkf8c2i1JOl0DOk8XMDEEC2Gapvn3GqK0\n7e2paq2+uLQgj3j9x7N0T/mihoEXQyn4Itg/jfZ5xl7QwmmkWkFV9K5ZKw6NQR3J\ns5dGS/2VasaVsknLnUdniO3N+uAry83m4IZde8XQJYc0UeTZRY650j3FGYNihB5A\nOZvv5GTu9l+XipnB1Aoi6vrfwFw65WtYp4zvZ54o//xaqs2u5X3xr2OICdPtOei3\n-----END PRIVATE KEY-----\n","#,
            r#"TLS_KEY="-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKd/V2VLfBc6w7JoO3I3Y5bnmLHbLu4h\nYikLxLxm8v6WBCsH4Uk6KggdQo24D3jNkf8c2i1JOl0DOk8XMDEEC2Gapvn3GqK0\n7e2paq2+uLQgj3j9x7N0T/mihoEXQyn4Itg/jfZ5xl7QwmmkWkFV9K5ZKw6NQR3J\ns5dGS/2VasaVsknLnUdniO3N+uAry83m4IZde8XQJYc0UeTZRY650j3FGYNihB5A\n-----END PRIVATE KEY-----""#,
        ],
        fps: &[
            r#"if line.startswith("-----BEGIN PRIVATE KEY-----"):"#,
            r#"    return "-----BEGIN PRIVATE KEY-----" in text"#,
            concat!("-----BEGIN PRIVATE KEY-----\n", "MIIEpAIBAAKCAQEA...\n", "-----END PRIVATE KEY-----"),
            concat!("-----BEGIN PRIVATE KEY-----\n", "<paste your key here>\n", "-----END PRIVATE KEY-----"),
            concat!(
                "-----BEGIN PRIVATE KEY-----\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "-----END PRIVATE KEY-----"
            ),
            concat!(
                "-----BEGIN CERTIFICATE-----\n",
                "UqFHpmaUr9aA4b02vHba6VwOiPXhJI2r80z7yuvD2Uy0IYJdDvRfikWwC3aYIH2d\n",
                "RnFQ1S+iII0rth2NTdX6F79G+yrT5khAhok1jW36B/dXjAJLvOl/KoJ8XIskYaCO\n",
                "VrpBjZXzG/ZICLqWj8C7RIpucEkswI/ay08EmFCu5/4EjkFDGCy2Fqz4FGuMVrDH\n",
                "W+r93bWCMDuWpAK/pzQrripV+YYntF8oF/rLKLTK38gtt0CxrNK+jvQ+latwwqFB\n",
                "u/PxJn+CmcRBlR3cbfYyxlIasQuahAuRwThuz6vVsjBU98SZVBY3/LKf3JI54Zyv\n",
                "5d8bOMcdAaiIGN3HuMdRJO/uTKRnHfFdnsBYtza0DlhD0vp7EdahgKogbg+npOP3\n",
                "+wsE0bi8G+JOcCHW\n",
                "-----END CERTIFICATE-----"
            ),
        ],
    },
    Detector {
        id: "private-key-encrypted",
        provider: "PKCS#8 encrypted (PEM)",
        rule: "SEC002",
        pattern: r#"-----BEGIN ENCRYPTED PRIVATE KEY-----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*-----END ENCRYPTED PRIVATE KEY-----)?"#,
        keywords: &["begin encrypted private key"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n",
                "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI+ExYD+Wn/7r017pe\n",
                "6eLQyaaYncXF2oS6goU7FfekPsqRVysw0nhHw/zSPJY6cBm3xhZ5iK8KJFvIkI5G\n",
                "hMr97Z0JovF5VqqKhWYmsypoK2bugz9hruL5ujGEfvD1Ad2nPzBM3TDzl5XYZaTc\n",
                "WqYAPcmO/0xOi3+ff3c0b3d8W31z0s62wsfv14GZLwzpeq7TVp8j4cW27b+S+ZLk\n",
                "D+Cbkc88EKwWiGMVEPzvisooiP/6PetPnth7MhopMt8U5t2d1Zzh4okt6SYyFA3E\n",
                "13ez65WzsrwCi9RzykTER/iayjtWzEK9VB+oLPsC+ZZnEmdnDKEmM6Pyz6kgHmhS\n",
                "-----END ENCRYPTED PRIVATE KEY-----"
            ),
            concat!(
                "KEY_PEM = b\"\"\"-----BEGIN ENCRYPTED PRIVATE KEY-----\n",
                "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI+ExYD+Wn/7r017pe\n",
                "6eLQyaaYncXF2oS6goU7FfekPsqRVysw0nhHw/zSPJY6cBm3xhZ5iK8KJFvIkI5G\n",
                "hMr97Z0JovF5VqqKhWYmsypoK2bugz9hruL5ujGEfvD1Ad2nPzBM3TDzl5XYZaTc\n",
                "WqYAPcmO/0xOi3+ff3c0b3d8W31z0s62wsfv14GZLwzpeq7TVp8j4cW27b+S+ZLk\n",
                r#"-----END ENCRYPTED PRIVATE KEY-----""""#
            ),
        ],
        fps: &[
            r#"if line.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----"):"#,
            r#"    return "-----BEGIN ENCRYPTED PRIVATE KEY-----" in text"#,
            concat!(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n",
                "MIIEpAIBAAKCAQEA...\n",
                "-----END ENCRYPTED PRIVATE KEY-----"
            ),
            concat!(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n",
                "<paste your key here>\n",
                "-----END ENCRYPTED PRIVATE KEY-----"
            ),
            concat!(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "-----END ENCRYPTED PRIVATE KEY-----"
            ),
        ],
    },
    Detector {
        id: "private-key-ssh2",
        provider: "SSH.com (SECSH)",
        rule: "SEC002",
        pattern: r#"---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*---- END SSH2 ENCRYPTED PRIVATE KEY ----)?"#,
        keywords: &["begin ssh2 encrypted private key"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n",
                "Comment: \"rsa-key-20250101\"\n",
                "P2/566DLmv6dC5D/wshnadzxkPhFiNFcjoVghcvMc8xP0yhIjKWyMcIRUnqe3uDX5uEM/Q\n",
                "RbSnMulNZetq6+ar8QFP9k1AdEB4TaUci13WA109wEY1XCdeKQ0ES6My1NLzcads/ykmJn\n",
                "9c2i0kgg7TjUx40E6mYq3JAclC6m2IBJ5sppgfImqf/BmGUlWjSF1Vq/M8OCY4BMastdlB\n",
                "CPkqY8EV6e/rW3Jdsuz/iqB43NCID1MDUiKhl44KRYUdHRJ3PB3/X7Uq/mpKcDTsFnizwR\n",
                "ISh/NEK/O6ozeLxEKuxPfo1kMB629UOwl1UsMl867OhjVsUACo9K5kT7jL1Bu9LpuxW6Bf\n",
                "IlOMJpdvnkFZBLFxcXmHtGfR+fpneCLZR1J+BzxCC8SnxRqSQ9Gceq0okkjQYOG14EIaSn\n",
                "---- END SSH2 ENCRYPTED PRIVATE KEY ----"
            ),
            concat!(
                "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n",
                "9UXPGy4WD9EvUUZq5Dca33YNe8bcG+jxtupq7WcOTgWH0LPfL8vcIuC1r87qLq0IzOMnqm\n",
                "MxJU0Q1cb6x1q8nwRlRzu00ILgXeyw83DZqe8EN262dcOe/7o=\n",
                "---- END SSH2 ENCRYPTED PRIVATE KEY ----"
            ),
        ],
        fps: &[
            "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----",
            concat!(
                "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n",
                "...\n",
                "---- END SSH2 ENCRYPTED PRIVATE KEY ----"
            ),
            concat!(
                "---- BEGIN SSH2 PUBLIC KEY ----\n",
                "ORcWY0RSClg+AHzGlUtXLjjDSLd7OBo9aYn8kKv9mN/utO+CAVzfwZ2WvVfWDaQ+g6TtJv\n",
                "5pdw2A+E5BnNUfzB8Mbwu+WLV+NZ4Y4vrIC9UiX9k4xfZHFB3nE7krxR8/uBBag74SMoqu\n",
                "hDO+eICNAwi+zz2xZp4OH8KjMPYghr/pbenWdO1clwEPkAKJNRTv+HPNe0xbD+DgejExvk\n",
                "cgPtuPInprrga/AevRGTXT40jrczi0q+c20sD6RnL1l1UzEkj/dJVOAQ8=\n",
                "---- END SSH2 PUBLIC KEY ----"
            ),
        ],
    },
    Detector {
        id: "private-key-pgp",
        provider: "PGP",
        rule: "SEC002",
        pattern: r#"-----BEGIN PGP PRIVATE KEY BLOCK-----(?:[^\r\n]*\r?\n)?(?:\s|\\[nr]|["'])*(?:[A-Za-z-]+: [^\r\n\\]*(?:\s|\\[nr]|["'])+)*[A-Za-z0-9+/=]{40,}(?:(?:\s|\\[nr]|["'])+[A-Za-z0-9+/=]+)*(?:(?:\s|\\[nr]|["'])*-----END PGP PRIVATE KEY BLOCK-----)?"#,
        keywords: &["begin pgp private key block"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n",
                "\n",
                "lQVYBHO1H+1eKP6vYVirxu1/WdQe62xInPJSKJVDD6PiLR6IEdQY0uKzJp7kgz0N\n",
                "tLn6h6zGvrCQTXqf9+kAqzh+Ap7iCurAHzp11v9VsWpK/pn32yYbF7J0czf+/ara\n",
                "FnNz9bTDOibOfVWiHS+9AT0CabjKr9S2YofjkmldcyUYzJR4LnSm2ImEVHgAq789\n",
                "km6vB5SvAQLDx1cqhrGC/kOZ/SI7sc14s/7po6gaUkDxoj1g/ouLOXYqlwvvJ6Ub\n",
                "JKOx5AFxD9I8GX/Jmn/LTnSoGlGhLZM0ZxjtM5el+jDeXr7Dwk8UuK4bb/UTbiGI\n",
                "1V39s5VA9EJddqO+yKH6jAZ0yB3b5eneuZ2tFz+BZWNVljeT7AIQ9E0iR8gsK8g0\n",
                "=HdxG\n",
                "-----END PGP PRIVATE KEY BLOCK-----"
            ),
            concat!(
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n",
                "Comment: release signing key (fake)\n",
                "\n",
                "ZLg8w2tC6p1IuN/HUnzOZaMJV+RUSvi3wl8JnoD/fxVLOHqG7nHSGPmMCp7EftbH\n",
                "LQxpUpCPwQslT7+zbo7TwbKM/yKDAx5i4tCrOVm74aScCAiUNe6zO4E/e3YCqdJa\n",
                "1skrk1WISep1vbRjV3MZp3dM08Lc8ttysYTKOUAfIh7yqlYVus+cGOOeG8/eb4JF\n",
                "vyTeedq9hpOdh55b0wgbBvr6nQyCUq0D8PFTyRQNL4O6aB2vuJ783oKEPvwBRg2a\n",
                "E6JEIMtDfGZ5VlyXS/Q/aDnBALrYNqXT1k+RfRNDQYrObMGXc77wwf6UQwReiiAs\n",
                "1mYvGT/9fYTPIexuDwzJAoxxHd0jqp7uLw8nrZMTiGIRzXpkfkh/g1jv/aAGxlBg\n",
                "-----END PGP PRIVATE KEY BLOCK-----"
            ),
            r#"GPG_PRIVATE_KEY="-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nSh7HgFJkZ2gG0CVWDhXhujv1STSVK+9Mz+i2FvfE7zcTodiQ0FAcF8h5HVtd1xv9\nIRyvgh/GriJdZpATtg/RKX1dpLdQ6vuRC3hoUJmY4j4SNom3q2KamGCBsRr7xtA3\nSEPMQHrXQ2xZreouLmUGs1/LwfarIM29/1gJB1MEtMR5emWXXPnGuRBTd3/0Pfsr\ntyzD3HiABTRJ/6N6MJ+mGckAjOtTvKs4XVFSHFPrIpl8wrmciWRDjNmAZR5NqPYF\n-----END PGP PRIVATE KEY BLOCK-----""#,
        ],
        fps: &[
            "-----BEGIN PGP PRIVATE KEY BLOCK-----",
            concat!(
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n",
                "\n",
                "[your key here]\n",
                "-----END PGP PRIVATE KEY BLOCK-----"
            ),
            concat!(
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n",
                "\n",
                "mQINBGV5WAWxqnXlUMrYAEnfZLRmA6QOVsLKvZFGjp0ABG+tG4rWrzeJP4i+sw5c\n",
                "WUNyMkrkxjlw18xRG29FxETKtqv/yDMgYEVFYb3OQcS0voROwx7yZ7xbyfNIMV45\n",
                "BCFoo/+1bIUK+EjtK60UJWtvoNTTi8fWgdQCstGWlZAyVgQQ9siCC43I9okkF2io\n",
                "KvdkVZy1S7O4OG1ZHh5iXolyaBIiZBeE+ldjHIz1mi0pNKCbmHeByxbkX4GSffZ3\n",
                "g2+zWeZ4ua+I+z7AckQ1nZipFgOTert73My3ZBeIzK/XinjbLPvYU+J6zTFkQlv8\n",
                "wk3kQz7XEx5q+7mvuPPCR1VVX+KmjST5xohihA3lt6lKw8rYMMRglqSFq3w9xaAq\n",
                "uZzakQKm5Sp6CFJRNM3oQfq\n",
                "-----END PGP PUBLIC KEY BLOCK-----"
            ),
        ],
    },
    // The body after `Private-Lines:` is the private half; the public lines come before it.
    Detector {
        id: "private-key-putty",
        provider: "PuTTY",
        rule: "SEC002",
        pattern: r"(?m)PuTTY-User-Key-File-[23]: [^\r\n]+\r?\n(?:[^\r\n]*\r?\n){0,40}?Private-Lines: [0-9]+\r?\n[A-Za-z0-9+/=]{40,}\r?$(?:\n[A-Za-z0-9+/=]+\r?$)*(?:\nPrivate-MAC: [0-9a-f]+)?",
        keywords: &["putty-user-key-file-"],
        entropy: 4.5,
        multiline: true,
        severity: High,
        confidence: High,
        tps: &[
            concat!(
                "PuTTY-User-Key-File-3: ssh-ed25519\n",
                "Encryption: none\n",
                "Comment: eddsa-key-20250101\n",
                "Public-Lines: 2\n",
                "AAAAC3NzaC1lZDI1NTE5AAAAILkkf5j1XzgOwrbv0exp04/D2xHHnqkmI9kHX73L\n",
                "O31W\n",
                "Private-Lines: 1\n",
                "AAAAIJoNYLkMKMfXwcanPmDE1yWR4F5A4BVZP2RZ9MKaRloz\n",
                "Private-MAC: 75400001e6d77be58d2373ed609e551d08deb290cd8a019f152e532155e071b9"
            ),
            concat!(
                "PuTTY-User-Key-File-2: ssh-rsa\n",
                "Encryption: none\n",
                "Comment: imported-openssh-key\n",
                "Public-Lines: 2\n",
                "AAAAB3NzaC1yc2EAAAADAQABAAABAQD/SSGKrwQpCvhAYUeVNJYXySiliKUq3C0P\n",
                "ZCIL7UoeF0Ndt+JG7PQQYfsHkBfNB16hMU1XKoCfOnCK2xFC\n",
                "Private-Lines: 5\n",
                "AAABAGYzyI6bqrD0RGfecLkIbc5us+tF8IpJsDowQz7CdXzkHrHIycxq9de+zBwz\n",
                "uspRC8UQsxyImAMPkxVYjon/vXVueUJoDGJMwPVViEEMnmVZrSZcUA6yJNb9AhQx\n",
                "BwSXjifgJGmLvrxZMsvitbry/wNz/BVH3qopvwIoNm1jIBDj+7sKj2UCgp61CKWR\n",
                "2kxidPXoIgyWGLecLcgFyW7GvifIyShCggswnWudeJoaVODxQpOrHkfvyUUF2ws4\n",
                "BKRtrfe9OJZrUmBr1t8pxnvZPrVkpsuUEAsVgR0fZUo0pcboSpP3DjTurm/y8MsY\n",
                "Private-MAC: 0fb61ee6c21c09d25794a5816d3b3e0000e27ef3"
            ),
        ],
        fps: &[
            "PuTTY-User-Key-File-3: ssh-ed25519",
            concat!(
                "PuTTY-User-Key-File-3: ssh-ed25519\n",
                "Encryption: none\n",
                "Comment: docs\n",
                "Public-Lines: 2\n",
                "AAAA...\n",
                "Private-Lines: 1\n",
                "...\n",
                "Private-MAC: ..."
            ),
            "Convert the `.ppk` file (it starts with `PuTTY-User-Key-File-2:`) with puttygen.",
        ],
    },
    Detector {
        id: "private-key-age",
        provider: "age",
        rule: "SEC002",
        pattern: r"\b(?P<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b",
        keywords: &["age-secret-key-1"],
        entropy: 3.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "AGE-SECRET-KEY-1SJNTYD2N8MNHMPW748YTGC85NRELWYDKA6W26EWN069RP5KPLEWLFREVR5",
            "SOPS_AGE_KEY=AGE-SECRET-KEY-10Y7WWP7ZM0Z7N8Q84N2XPVM6PUH5YENGXLCLUAH68A8G2782VMXWVEEWQZ",
        ],
        fps: &[
            "SOPS_AGE_KEY=AGE-SECRET-KEY-1...",
            "SOPS_AGE_KEY=AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
            "SOPS_AGE_KEY=AGE-SECRET-KEY-1HL2MR8P5WGT5GZ34EESKHFNHA58L04",
        ],
    },
    // SEC003: passwords in URLs
    // The password of a database, broker or HTTP(S)/FTP URL; `{`, `<`, `[` cannot appear in it (templates).
    Detector {
        id: "url-password",
        provider: "URL credentials",
        rule: "SEC003",
        pattern: r#"(?i)\b(?:postgres(?:ql)?|postgis|pgsql|mysql|mariadb|mssql|sqlserver|oracle|cockroachdb|redshift|clickhouse|snowflake|mongodb|redis|rediss|valkey|amqps?|sqs|nats|mqtts?|couchdb|neo4j|bolt|https?|ftps?|sftp)(?:\+[0-9a-z_]+)?://[^\s:/?#@'"]*:(?P<secret>[^\s/?#@'"{}<>\[\]]{3,})@[^\s/?#@'"]+"#,
        keywords: &["://"],
        entropy: 2.0,
        multiline: false,
        severity: High,
        confidence: Medium,
        tps: &[
            "DATABASE_URL=postgres://app_user:Hq7vN2xLp9Rz@db.internal:5432/appdb",
            r#"SQLALCHEMY_DATABASE_URI = "mysql+pymysql://shop:Ux4!kP9qZm2@mysql.internal/shop""#,
            r#"CELERY_BROKER_URL = "amqp://celery:Wd3mQ8zK1vT@rabbitmq:5672//""#,
            "REDIS_URL=redis://:Rf6pL2xN9qWz@redis.internal:6379/0",
            r#"  MONGO_URI: "mongodb+srv://api:Gt5nB8vC3xQ@cluster0.fake0000.mongodb.net/prod""#,
            "  url: postgresql+asyncpg://svc:Pz8kT3wQ7mX@pg.internal/svc",
            "pip install --index-url https://deploy:Ng7vK2qLx9Wp@pypi.internal.fake.io/simple/ acme-core",
            r#"requests.get("https://admin:Kv9!pQ2xLm@internal.fake.io/api/health")"#,
            "ENV PIP_EXTRA_INDEX_URL=https://__token__:Bq3mZ8xR5vTn@gitlab.fake.io/api/v4/projects/42/packages/pypi/simple",
        ],
        fps: &[
            "DATABASE_URL=postgres://user@host/db",
            "DATABASE_URL=postgres://user:@host/db",
            "REDIS_URL=redis://:${REDIS_PASSWORD}@host:6379/0",
            r#"DATABASE_URL = "postgres://user:password@localhost/app""#,
            "see https://host/path?x=a:b@c for the format",
            r#"url = f"postgresql://{user}:{password}@{host}/{db}""#,
            "REDIS_URL=redis://localhost:6379/0",
            "DATABASE_URL=mysql://root:<password>@db/app",
            "DATABASE_URL=postgres://app:****@db/app",
            r#"uri = "postgresql://%s:%s@%s/%s" % (user, pw, host, db)"#,
            "API_URL=https://api.fake.io:8443/v1",
            "CACHE_URL=redis://user:pass@localhost:6379/0",
        ],
    },
    // SEC004: framework signing keys
    // A quoted literal given to a name ending in secret key, or the literal default of a lookup.
    Detector {
        id: "framework-secret-key",
        provider: "Django/Flask",
        rule: "SEC004",
        pattern: r#"(?i)(?:(?:^|[^A-Za-z0-9_-])[A-Za-z0-9_-]*?secret[_-]?key['"]?\]?\s*(?::\s*str\s*=|=>|=|:)|(?:getenv|get|setdefault|config|env|str)\(\s*['"][A-Za-z0-9_-]*?secret[_-]?key['"]\s*,\s*(?:default\s*=\s*)?)\s*[bru]?['"](?P<secret>[^'"\s{}<>]{8,})['"]"#,
        keywords: &["secret_key", "secretkey", "secret-key"],
        entropy: 0.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            r#"  SECRET_KEY: "django-insecure-(8k#2v!q@9zm^w7r&t5y%u1i0o-p+l=j3h6g4f""#,
            "SECRET_KEY = 'django-insecure-sk^2z2z(&v_15e95^59#p5re&moxbu(yw=q!_n05%%w@7^pwca'",
            r#"app.secret_key = "9f9ade1343559c26b694eeb000029df3a3165c9570e880dc""#,
            r#"app.config["SECRET_KEY"] = "WlvYWj0zl9O42FAKEHOcfxDsYmnhC8zII-iPtCG8M0S""#,
            r#"  "SECRET_KEY": "lWZRvPpZqjD08-RJFAKES52Lpz2MggJPrzLRRz7CcaazzZEF0c","#,
            r#"SECRET_KEY: "IGa-TpIqFAKER5Ue4XNFRMcpUZ476MUkRHGQsFXEpHX2DRZMtO""#,
            r#"SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-qrv28r8ax1=p-us-qo07!+m()#7f(e3cu-shy8^2dz@5tnv2e1")"#,
            r#"secret_key = "5c7c8f2b4822a7eb4c8df5e687df07f6868e52e7a68fd14bb67e3df20a00005b""#,
            r#"app.config.update(SECRET_KEY="ofgpIsFAKEjzuPOub5vpQso6Iq6XnvIH", SESSION_COOKIE_SECURE=True)"#,
            r#"JWT_SECRET_KEY = "k7qquWlFpmZeHPCNztFAKEht8iAYzF3q5T5xPOFG""#,
        ],
        fps: &[
            r#"SECRET_KEY = os.environ["SECRET_KEY"]"#,
            r#"SECRET_KEY = env("SECRET_KEY")"#,
            r#"SECRET_KEY = os.environ.get("SECRET_KEY", "")"#,
            "app.config['SECRET_KEY'] = os.urandom(24)",
            r#"SECRET_KEY = "{{ secret_key }}""#,
            r#"SECRET_KEY = "${SECRET_KEY}""#,
            r#"SECRET_KEY = "changeme""#,
            "SECRET_KEY = get_random_secret_key()",
            r#"  SECRET_KEY: "get_random_secret_key()""#,
            r#"SECRET_KEY_FALLBACKS = ["xxxxxxxx"]"#,
            "secret_key = get_random_secret_key()  # a fresh key at every start",
        ],
    },
    // `.env`, `Dockerfile`, Compose and YAML lines: `NAME=value` or `NAME: value`, to the end of the line.
    Detector {
        id: "framework-secret-key-unquoted",
        provider: "Django/Flask",
        rule: "SEC004",
        pattern: r#"(?i)(?:^|[^A-Za-z0-9_.-])[A-Za-z0-9_-]*?secret[_-]?key(?:=|:[ \t]+)(?P<secret>[^\s'"$%<{\[|>][^\s'"]{7,})[ \t]*(?:[ \t]#.*)?$"#,
        keywords: &["secret_key", "secretkey", "secret-key"],
        entropy: 0.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "SECRET_KEY=django-insecure-fi+^r3j$%*^3r3xlkf4a$_jb58wxl81$rh-fn^cgh7q%ih&u1f",
            "DJANGO_SECRET_KEY=django-insecure-(8k#2v!q@9zm^w7r&t5y%u1i0o-p+l=j3h6g4f",
            "export DJANGO_SECRET_KEY=Ux2r2FAKEPsqSS359vPhvAToaUztmW_-veB31NYwccvVvCjMTm",
            "ENV SECRET_KEY=f605873cd894b90fe8b663d4b515d66e1d8ca3160000e39379fd60b4dc445e2f",
            "      - SECRET_KEY=8U4FyhYVury-DvPcpjxTbuDFAKEdYtWQeX9wnqif",
            "  FLASK_SECRET_KEY: jKpJHVhdSFFAKE1x4sLiVaWD8BavMKALuUEOr8DW  # rotated 2025-01",
        ],
        fps: &[
            "SECRET_KEY=${SECRET_KEY}",
            "SECRET_KEY=",
            "SECRET_KEY=changeme",
            "  SECRET_KEY: ${DJANGO_SECRET_KEY:?required}",
            r#"SECRET_KEY = os.environ["SECRET_KEY"]"#,
            r#"SECRET_KEY = env("SECRET_KEY")"#,
            "SECRET_KEY: str = Field(...)",
            "SECRET_KEY=<generate-one>",
        ],
    },
    // INI (`secret_key = value`, a space by the `=`): the line has the shape of a Python assignment, so the value must
    // not look like code (a bare name, a call, a subscript).
    Detector {
        id: "framework-secret-key-ini",
        provider: "Django/Flask",
        rule: "SEC004",
        pattern: concat!(
            r"(?i)^[ \t]*[0-9A-Za-z_.-]*?secret[_-]?key(?:[ \t]+=[ \t]*|=[ \t]+)",
            r#"(?P<secret>[0-9^+~][^\s'"\x60,;:(){}\[\]<>\\]{7,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~.](?:[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{6,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~][0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{5,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{2}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{4,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{3}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{3,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{4}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{2,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{5}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]+|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{6,}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]*))"#,
            r"[ \t]*(?:[#;].*)?$"
        ),
        keywords: &["secret_key", "secretkey", "secret-key"],
        entropy: 0.0,
        multiline: false,
        severity: High,
        confidence: High,
        tps: &[
            "secret_key = BDuXch3wuiNEfFAKEglcuJ4uR806XqRu",
            "SECRET_KEY = e3041a2aab9bafd7155eebe5b6092aad11c6d1f59807f8f00001d12500f894d3",
            "    secret_key = 8EGh4/lkqfx7mXpGoj2TFqTNBFQNyl6gyfbfYDOco18=  ; rotated 2025-01",
            "FLASK_SECRET_KEY = MkgLoPFAKEFH9xXsBBp_qigGOnIYkixDK3I0nY0E",
        ],
        fps: &[
            "SECRET_KEY = get_random_secret_key()",
            "SECRET_KEY = settings.SECRET_KEY",
            "secret_key = changeme",
            "secret_key = ${SECRET_KEY}",
            r#"SECRET_KEY = os.environ["SECRET_KEY"]"#,
            "secret_key = DEFAULT_SIGNING_KEY",
            "secret_key =",
            "SECRET_KEY_FALLBACKS = []",
        ],
    },
    // SEC005: generic secrets
    // A quoted literal given to a secret's name; names that end in another word (`_url`, `_name`, `_field`, ...) do
    // not match.
    Detector {
        id: "generic-secret",
        provider: "generic",
        rule: "SEC005",
        pattern: concat!(
            r#"(?i)(?:(?:^|[^\w.-])[\w.-]*?(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|auth[_-]?key|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?)s?(?:[_.-]?(?:keys?|tokens?|secrets?|pass(?:word)?|value|val|str|string|b64|base64|hex|raw|plain|prod|production|staging|stage|dev|live|local|default|old|new|current|primary|secondary|backup|admin|root|master|user|bot|app|api|auth|access|refresh|bearer|signing|hmac|jwt|db|smtp|email|mail|ldap|redis|[0-9]+|v[0-9]+))*['"]?\]?\s*(?::\s*[\w.]+(?:\[[\w., |]*\])?\s*=|:=|=>|==|!=|\?=|=|:)"#,
            r#"|(?:getenv|get|setdefault|config|env|str)\(\s*['"][\w.-]*?(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|auth[_-]?key|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?)s?(?:[_.-]?(?:keys?|tokens?|secrets?|pass(?:word)?|value|val|str|string|b64|base64|hex|raw|plain|prod|production|staging|stage|dev|live|local|default|old|new|current|primary|secondary|backup|admin|root|master|user|bot|app|api|auth|access|refresh|bearer|signing|hmac|jwt|db|smtp|email|mail|ldap|redis|[0-9]+|v[0-9]+))*['"]\s*,\s*(?:default\s*=\s*)?)"#,
            r#"\s*[bru]?['"\x60]"#,
            r#"(?P<secret>[^\s'"\x60:A-Za-z_.$%<{-][^\s'"\x60:]{7,}|[A-Za-z_.-](?:[^\s'"\x60:A-Za-z_.-][^\s'"\x60:]{6,}|[A-Za-z_.-][^\s'"\x60:A-Za-z_.-][^\s'"\x60:]{5,}|[A-Za-z_.-]{2}[^\s'"\x60:A-Za-z_.-][^\s'"\x60:]{4,}|[A-Za-z_.-]{3}[^\s'"\x60:A-Za-z_.-][^\s'"\x60:]{3,}|[A-Za-z_.-]{4}[^\s'"\x60:A-Za-z_.-][^\s'"\x60:]{2,}|[A-Za-z_.-]{5}[^\s'"\x60:A-Za-z_.-][^\s'"\x60:]+|[A-Za-z_.-]{6,}[^\s'"\x60:A-Za-z_.-][^\s'"\x60:]*))"#,
            r#"['"\x60]"#
        ),
        keywords: &["pass", "pwd", "secret", "token", "key", "credential"],
        entropy: 2.5,
        multiline: false,
        severity: Medium,
        confidence: Medium,
        tps: &[
            r#"DB_PASSWORD = "Vx7#kQ2m!pL9""#,
            r#"password: "h7Fq2!LmZ9wR""#,
            r#"  "api_key": "k3J9sQ0vT7xZ2bN5","#,
            r#"conn = psycopg2.connect(host="db", user="app", password="Tz6!qW3eR8yU")"#,
            r#"api_key: str = "Lk2mN8qR4tV6xZ0c""#,
            r#"smtp_password = os.environ.get("SMTP_PASSWORD", "Mb5^vC8xZ1qW")"#,
            r#"client_secret = "Rg4nT7kW2pLx9vQz""#,
            "PARTNER_TOKEN = 'Hy3kP9wQ2mZx7vLr'",
            r#"if token == "Wq8zN3vK5tLm2xPr":"#,
            r#"self.auth_key = "Pk2vN8xQ4mTz6wLs""#,
            r#"DATABASES = {"default": {"USER": "shop", "PASSWORD": "Zq4-vN8x.Lm2"}}"#,
            r#"self.api_token = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c""#,
        ],
        fps: &[
            r#"password = "changeme""#,
            r#"token_url = "https://auth.fake.io/oauth/token""#,
            r#"secret_name = "prod-db""#,
            r#"password_field = "pass1""#,
            "PASSWORD_MIN_LENGTH = 12",
            "api_key = get_key()",
            "password: ${DB_PASSWORD}",
            "token = None",
            r#"csrf_token = "{{ csrf_token }}""#,
            r#"password = """#,
            r#"auth_token_header = "X-Auth-Token""#,
            r#"api_key = "<your-api-key>""#,
            r#"access_key_id = "AKIA-not-a-secret-0001""#,
            r#"TOKEN_TYPE = "Bearer""#,
            r#"PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]"#,
            r#"password = "${DB_PASSWORD:-fallback}""#,
            r#"password = "%(db_password)s""#,
            "password = os.environ['DB_PASSWORD']",
            r#"SENSITIVE = ("password", "username")"#,
            r#"    "NextToken": "nextTokenValue","#,
            r#"access_token: "ACCESS_TOKEN""#,
            "    'AWS_SECRET_ACCESS_KEY': 'secret_key',",
            r#"DEMO_PASSWORD = "abababab""#,
        ],
    },
    // An unquoted value (config files, `--password VALUE`): it must hold a digit or a symbol, so that a bare name
    // (`settings.DB_PASSWORD`) is not taken.
    Detector {
        id: "generic-secret-unquoted",
        provider: "generic",
        rule: "SEC005",
        pattern: concat!(
            r#"(?i)(?:(?:^|[^\w.-])[\w.-]*?(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|auth[_-]?key|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?)s?(?:[_.-]?(?:keys?|tokens?|secrets?|pass(?:word)?|value|val|str|string|b64|base64|hex|raw|plain|prod|production|staging|stage|dev|live|local|default|old|new|current|primary|secondary|backup|admin|root|master|user|bot|app|api|auth|access|refresh|bearer|signing|hmac|jwt|db|smtp|email|mail|ldap|redis|[0-9]+|v[0-9]+))*['"]?\s*(?:=|:[ \t]+)[ \t]*"#,
            r"|(?:^|\s)--?[\w-]*?(?:pass(?:word|wd|phrase)?|pwd|secret|api[_-]?key|auth[_-]?key|access[_-]?key|private[_-]?key|credentials?)[ \t]+)",
            r#"(?P<secret>[0-9^+~][^\s'"\x60,;:(){}\[\]<>\\]{7,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~.](?:[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{6,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~][0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{5,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{2}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{4,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{3}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{3,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{4}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]{2,}|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{5}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]+|[^\s'"\x60,;:(){}\[\]<>\\0-9!#$%&*+/=?@^|~]{6,}[0-9!#$%&*+/=?@^|~][^\s'"\x60,;:(){}\[\]<>\\]*))"#,
            r"(?:[ \t,;]|$)"
        ),
        keywords: &["pass", "pwd", "secret", "token", "key", "credential"],
        entropy: 2.5,
        multiline: false,
        severity: Medium,
        confidence: Medium,
        tps: &[
            "EMAIL_HOST_PASSWORD=Nq4!zT8vLw2r",
            "export API_TOKEN=Qm8vZ2kX9pL4wT6r",
            "  password: h7Fq2+LmZ9wR",
            "client_secret = 9fKq2LmZ7vRx",
            "mysqldump --password Xk9#mP2vQ7zL app > dump.sql",
            "      - POSTGRES_PASSWORD=Jw5^nB2xKq8z",
            "smtp_pass=Tq7~vN3kLz9w  # mail relay",
        ],
        fps: &[
            "password: ${DB_PASSWORD}",
            "token = None",
            "password = changeme",
            "api_key = get_key()",
            "password = settings.DB_PASSWORD",
            "PASSWORD_MIN_LENGTH = 12",
            "secret_name: prod-db",
            "TOKEN_URL=https://auth.fake.io/token",
            "password: your_password_here",
            "password = user_password",
            "password: !vault |",
            "DB_PASSWORD_FILE=/run/secrets/db_password",
            "password=$DB_PASSWORD",
            "aws s3api list-objects-v2 --bucket logs --starting-token eyJNYXJrZXIiOiBudWxsfQ2 --max-items 10",
        ],
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use regex::Regex;

    use super::{DETECTORS, Detector};

    const RULES: [&str; 5] = ["SEC001", "SEC002", "SEC003", "SEC004", "SEC005"];

    /// The file name a sample is scanned as, from the look of its first line: `ENV ` starts a `Dockerfile` line,
    /// `export NAME=...` and `NAME=value` (no space before `=`) are `.env` lines, `{...` and `"key": ...` are JSON,
    /// a Python-looking line (below) is Python, `key: value` is YAML; anything else (a shell command, an INI
    /// `key = token` line, Markdown, a bare PEM block) is plain text. The `ENV`, `.env` and JSON checks come first:
    /// such lines also contain `=` or `: `. The name matters: a `.py` sample is parsed, and its SEC004/SEC005
    /// secrets come from the syntax tree rather than from the table's patterns.
    fn sample_name(sample: &str) -> &'static str {
        let line = sample.lines().next().unwrap_or_default().trim();
        let env_assignment = line
            .split_once('=')
            .is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        if line.starts_with("ENV ") {
            "Dockerfile"
        } else if line.starts_with("export ") || env_assignment {
            ".env"
        } else if line.starts_with('{') || (line.starts_with('"') && line.contains("\":")) {
            "sample.json"
        } else if is_python(line) {
            "sample.py"
        } else if line.contains(": ") {
            "sample.yaml"
        } else {
            "sample.txt"
        }
    }

    /// A Python-looking line: a comparison, a `def`/`if`/`return` line, a bare call, or an assignment (`x = v`,
    /// `x: T = v`) whose value is a string (with its prefix), a bracket, `None`/`True`/`False`, a number, a call, a
    /// subscript or an attribute. An assignment of a bare token (`secret_key = 0ID5c...`, INI) is not Python.
    fn is_python(line: &str) -> bool {
        if line.contains(" == ")
            || line.contains(" != ")
            || ["def ", "if ", "return "].iter().any(|p| line.starts_with(p))
        {
            return true;
        }
        let Some((_, value)) = line.split_once(" = ") else {
            return line.contains('(') && (line.ends_with(')') || line.ends_with("):"));
        };
        let value = value.trim_start();
        let prefix = value.chars().take(2).take_while(|c| "bBrRfFuU".contains(*c)).count();
        if value[prefix..].starts_with(['"', '\'']) || value.starts_with(['(', '[', '{']) {
            return true;
        }
        let keyword = ["None", "True", "False"].iter().any(|k| {
            value.strip_prefix(k).is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        });
        let number = !value.is_empty() && value.chars().all(|c| c.is_ascii_digit() || c == '_' || c == '.');
        // A name followed by `(` or `[`, or a dotted name: a call, a subscript, an attribute.
        let chain_len = value.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')).unwrap_or(value.len());
        let chain = &value[..chain_len];
        let code = chain.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && (chain.chars().skip(1).any(|c| c == '.') || value[chain_len..].starts_with(['(', '[']));
        keyword || number || code
    }

    #[test]
    fn sample_names_follow_the_look_of_the_line() {
        assert_eq!(sample_name(r#"API_KEY = "abc""#), "sample.py");
        assert_eq!(sample_name(r#"client = Client(api_key="abc")"#), "sample.py");
        assert_eq!(sample_name("export API_KEY=abc"), ".env");
        assert_eq!(sample_name("API_KEY=abc"), ".env");
        assert_eq!(sample_name("ENV API_KEY=abc"), "Dockerfile");
        assert_eq!(sample_name(r#"  "api_key": "abc","#), "sample.json");
        assert_eq!(sample_name("  api_key: abc"), "sample.yaml");
        assert_eq!(sample_name("pip install --index-url https://host/simple/ pkg"), "sample.txt");
        assert_eq!(sample_name("secret_key = 0ID5cadkb2R4QAyM3uSlcn5m"), "sample.txt");
        assert_eq!(sample_name("password = settings.DB_PASSWORD"), "sample.py");
        assert_eq!(sample_name(r#"key = bytes.fromhex("00ff")"#), "sample.py");
        assert_eq!(sample_name("-----BEGIN RSA PRIVATE KEY-----\nMIIE"), "sample.txt");
    }

    /// Test 1: every pattern compiles with the `regex` crate; all failures are reported at once.
    #[test]
    fn every_pattern_compiles() {
        let failures: Vec<String> =
            DETECTORS.iter().filter_map(|d| Regex::new(d.pattern).err().map(|e| format!("{}: {e}", d.id))).collect();
        assert!(failures.is_empty(), "{} pattern(s) do not compile:\n{}", failures.len(), failures.join("\n\n"));
    }

    /// What is wrong with the shape of a row, if anything.
    fn shape_problems(d: &Detector) -> Vec<String> {
        let mut out = Vec::new();
        if d.id.is_empty() || !d.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            out.push("the id is not kebab-case".to_owned());
        }
        if d.provider.is_empty() {
            out.push("no provider".to_owned());
        }
        if !RULES.contains(&d.rule) {
            out.push(format!("unknown rule {}", d.rule));
        }
        if d.keywords.is_empty() {
            out.push("no keywords".to_owned());
        }
        for k in d.keywords {
            if k.is_empty() || k.to_lowercase() != *k {
                out.push(format!("keyword {k:?} is empty or not lower-case"));
            }
        }
        if !(0.0..8.0).contains(&d.entropy) {
            out.push(format!("entropy floor {} is outside [0, 8)", d.entropy));
        }
        if d.tps.len() < 2 || d.fps.len() < 2 {
            out.push(format!("{} tps and {} fps: at least 2 of each", d.tps.len(), d.fps.len()));
        }
        let pattern = Regex::new(d.pattern).ok();
        for tp in d.tps {
            if !d.multiline && tp.contains('\n') {
                out.push(format!("a one-line row has a multi-line tp: {tp:?}"));
            }
            let lower = tp.to_lowercase();
            if !d.keywords.iter().any(|k| lower.contains(k)) {
                out.push(format!("no keyword in tp {tp:?}"));
            }
            if pattern.as_ref().is_some_and(|p| !p.is_match(tp)) {
                out.push(format!("the pattern does not match tp {tp:?}"));
            }
        }
        out
    }

    /// Test 2: ids are unique and kebab-case, keywords are present and lower-case, the rule is one of SEC001 to
    /// SEC005, every row has two samples of each kind or more, and every tp holds a keyword and matches the row's
    /// own pattern (so a failure of test 3 on a tp points at the engine's filters, not at the pattern).
    #[test]
    fn every_row_is_well_formed() {
        let mut ids = HashSet::new();
        let mut failures = Vec::new();
        for d in DETECTORS {
            if !ids.insert(d.id) {
                failures.push(format!("{}: duplicate id", d.id));
            }
            failures.extend(shape_problems(d).into_iter().map(|p| format!("{}: {p}", d.id)));
        }
        assert!(failures.is_empty(), "{} row problem(s):\n{}", failures.len(), failures.join("\n"));
    }

    /// Tests 3 and 4: every true positive, scanned on its own, gives a hit from its row; no false positive does.
    /// The samples of multi-line rows are whole blocks (they contain `\n`), scanned the same way.
    #[test]
    fn every_sample_is_judged_as_its_row_says() {
        let mut failures = Vec::new();
        for d in DETECTORS {
            for tp in d.tps {
                let name = sample_name(tp);
                let hits = super::super::scan_text(name, tp);
                if !hits.iter().any(|h| h.detector == d.id) {
                    failures.push(format!("{} ({}): true positive not found (as {name}): {tp:?}", d.id, d.rule));
                }
            }
            for fp in d.fps {
                let name = sample_name(fp);
                let hits = super::super::scan_text(name, fp);
                if let Some(hit) = hits.iter().find(|h| h.detector == d.id) {
                    failures.push(format!(
                        "{} ({}): false positive found (as {name}, secret {:?}): {fp:?}",
                        d.id, d.rule, hit.secret
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{} sample failure(s):\n{}", failures.len(), failures.join("\n"));
    }
}
