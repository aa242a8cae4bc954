use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding of validation: the object it concerns, the rule (a stable snake_case code) and a
/// sentence that says what AWS requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The id of the object at fault (`subnet-private-a`, `rtb-public`, `vpce-ssm`).
    pub object: String,
    /// Stable rule code, e.g. `subnet_outside_vpc`.
    pub rule: &'static str,
    pub message: String,
}

impl Diagnostic {
    pub fn error(
        object: impl Into<String>,
        rule: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            object: object.into(),
            rule,
            message: message.into(),
        }
    }

    pub fn warning(
        object: impl Into<String>,
        rule: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            object: object.into(),
            rule,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        // Most messages begin with the object's id; do not say it twice.
        if self.message.starts_with(&self.object) {
            write!(f, "{sev}: {} [{}]", self.message, self.rule)
        } else {
            write!(
                f,
                "{sev}: {}: {} [{}]",
                self.object, self.message, self.rule
            )
        }
    }
}
