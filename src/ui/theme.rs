//! Styles and symbols. Every meaning is carried by a symbol or a word as well as by colour, so
//! the screen reads the same with `NO_COLOR`, on a monochrome projector or to a colour-blind
//! learner; colour only adds emphasis.

use ratatui::style::{Color, Modifier, Style};

use crate::eval::{CrossAz, Verdict, Via};

/// Reachable.
pub const OK: &str = "✔";
/// Blocked.
pub const BLOCKED: &str = "✖";
pub const PARTIAL: &str = "◐";
pub const LEAVES: &str = "⇢";
/// The source is down (its AZ failed).
pub const DOWN: &str = "⊘";
/// Not modelled: what decides the path is outside the model.
pub const NOT_MODELLED: &str = "?";
/// Marks what the selected path passes through.
pub const ON_PATH: &str = "»";

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn plain(&self) -> Style {
        Style::new()
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Secondary text: sentences' context, derived-route labels.
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// What the selected path passes through: bold and coloured, and marked with `»` where it
    /// is drawn, so it stands out without colour too.
    pub fn on_path(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A failed AZ and everything in it: struck through, and labelled FAILED where drawn.
    pub fn failed(&self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::CROSSED_OUT)
            .add_modifier(Modifier::DIM)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list or the matrix cursor.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    pub fn verdict(&self, v: &Verdict) -> Style {
        match v {
            Verdict::Reachable { .. } => self.ok(),
            Verdict::Partial | Verdict::LeavesVpc { .. } | Verdict::NotModelled(_) => self.warn(),
            Verdict::Blocked(_) | Verdict::Unavailable(_) => self.bad(),
        }
    }
}

pub fn verdict_symbol(v: &Verdict) -> &'static str {
    match v {
        Verdict::Reachable { .. } => OK,
        Verdict::Partial => PARTIAL,
        Verdict::Blocked(_) => BLOCKED,
        Verdict::LeavesVpc { .. } => LEAVES,
        Verdict::Unavailable(_) => DOWN,
        Verdict::NotModelled(_) => NOT_MODELLED,
    }
}

/// Two cells for the matrix, after what `out` holds: the verdict's symbol and, when reachable,
/// a letter for the way (the matrix panel writes a screenful of cells through one buffer).
pub fn push_cell_symbol(out: &mut String, v: &Verdict) {
    match v {
        Verdict::Reachable { via, cross_az } => {
            let letter = match via {
                Via::GatewayEndpoint => 'g',
                Via::InterfaceEndpoint => 'i',
                Via::ResourceEndpoint => 'r',
                Via::ServiceNetworkEndpoint => 's',
                Via::ServiceNetworkAssociation => 'a',
                Via::NatGateway => 'n',
                Via::InternetGateway => 'w',
                Via::EgressOnlyInternetGateway => 'e',
                Via::Local => 'l',
                Via::Mixed => 'm',
            };
            // Upper case: every ENI in the answer is in another AZ.
            let letter = if *cross_az == Some(CrossAz::Always) {
                letter.to_ascii_uppercase()
            } else {
                letter
            };
            out.push_str(OK);
            out.push(letter);
        }
        other => {
            out.push_str(verdict_symbol(other));
            out.push(' ');
        }
    }
}
