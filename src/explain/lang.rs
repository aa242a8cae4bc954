//! The language of everything a person reads: `--lang`, or the locale.

use std::fmt;
use std::str::FromStr;

/// The language of everything fixed on screen and in handouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Ja,
}

/// A `--lang` value that is neither `en` nor `ja`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: use en or ja")]
pub struct UnknownLang(pub String);

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// `en` or `ja`, as `--lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
    /// set and not empty decides (POSIX precedence); `ja…` means Japanese, anything else
    /// (`C`, `en_US.UTF-8`, nothing at all) English.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok();
        Lang::from_locale_vars(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// [`Lang::from_env`] without the environment, for tests and callers that already hold
    /// the values.
    pub fn from_locale_vars(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty())
            .map(Lang::from_locale)
            .unwrap_or_default()
    }

    /// One locale value: `ja`, `ja_JP`, `ja_JP.UTF-8`, `ja_JP.eucJP@…` are Japanese.
    pub fn from_locale(value: &str) -> Lang {
        let v = value.trim().to_ascii_lowercase();
        match v.strip_prefix("ja") {
            Some(rest) if rest.is_empty() || rest.starts_with(['_', '-', '.', '@']) => Lang::Ja,
            _ => Lang::En,
        }
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `en` or `ja`, any case.
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "ja" => Ok(Lang::Ja),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
