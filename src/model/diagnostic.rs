//! A finding of validation, or an edit that AWS would refuse, as facts: severity, object, rule
//! code and the rule's typed arguments. The sentence is `explain`'s business: each rule code has
//! one message `diag-<rule>` per language (`assets/i18n/*/model.ftl`, and `import.ftl` for the
//! AWS importer's warnings), rendered by `explain::diagnostic`; `Display` is the English
//! rendering.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One argument of a diagnostic's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagArg {
    /// An id, CIDR, address, AZ, service name or code: the same in every language.
    Text(String),
    /// A count (selects plural forms).
    Count(usize),
    /// Ids or values, joined with the language's list separator.
    List(Vec<String>),
    /// Another message by id (a kind of object, a reserved address's use), rendered in the
    /// same language.
    Msg(&'static str),
}

/// One finding of validation: the object it concerns, the rule (a stable snake_case code) and the
/// arguments of the sentence that says what AWS requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The id of the object at fault (`subnet-private-a`, `rtb-public`, `vpce-ssm`).
    pub object: String,
    /// Stable rule code, e.g. `subnet_outside_vpc`; its message is `diag-<rule>`.
    pub rule: &'static str,
    /// The message's arguments, by name.
    pub args: Vec<(&'static str, DiagArg)>,
}

impl Diagnostic {
    pub fn error(object: impl AsRef<str>, rule: &'static str) -> Self {
        Diagnostic {
            severity: Severity::Error,
            object: object.as_ref().to_string(),
            rule,
            args: Vec::new(),
        }
    }

    pub fn warning(object: impl AsRef<str>, rule: &'static str) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(object, rule)
        }
    }

    /// A text argument: an id, CIDR, address or code.
    pub fn s(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, DiagArg::Text(value.to_string())));
        self
    }

    /// A count.
    pub fn n(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((name, DiagArg::Count(value)));
        self
    }

    /// A yes/no argument for a selector.
    pub fn b(self, name: &'static str, value: bool) -> Self {
        self.s(name, if value { "yes" } else { "no" })
    }

    /// A list of ids or values.
    pub fn list<T: ToString>(
        mut self,
        name: &'static str,
        items: impl IntoIterator<Item = T>,
    ) -> Self {
        let items = items.into_iter().map(|i| i.to_string()).collect();
        self.args.push((name, DiagArg::List(items)));
        self
    }

    /// An argument that is another message (`kind-a-subnet`).
    pub fn m(mut self, name: &'static str, id: &'static str) -> Self {
        self.args.push((name, DiagArg::Msg(id)));
        self
    }

    /// The text argument `name`, if the diagnostic has one.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, a)| match a {
            DiagArg::Text(t) if *n == name => Some(t.as_str()),
            _ => None,
        })
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
