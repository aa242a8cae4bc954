//! The cost panel: the monthly estimate for the model as edited, what the last change did to
//! it, every line item (unverified prices marked `?`), and the traffic behind the per-GB lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::i18n::{t, tf};

use super::text::{fit, width, wrap};
use super::theme::Theme;
use super::{clamp_scroll, draw_panel, put_lines};

/// How many flows the panel lists, most expensive first.
const TOP_FLOWS: usize = 12;

pub fn lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let c = &app.cost;
    let mut out = Vec::new();
    out.push(Line::from(vec![
        Span::styled(
            tf(
                lang,
                "ui-monthly-estimate",
                &[&format!("{:.2}", c.total), &c.currency],
            ),
            theme.title(),
        ),
        Span::styled(
            format!(
                "  ({}, {} h{})",
                c.region,
                c.hours_per_month,
                if c.has_unverified() {
                    t(lang, "ui-price-not-verified")
                } else {
                    ""
                }
            ),
            theme.dim(),
        ),
    ]));
    if !app.cost_changes.is_empty() {
        out.push(Line::from(Span::styled(
            t(lang, "ui-last-change"),
            theme.title(),
        )));
        for ch in &app.cost_changes {
            let style = if ch.delta > 0.0 {
                theme.bad()
            } else {
                theme.ok()
            };
            out.extend(wrap(&ch.text, w, "  ", "    ", style, style));
        }
    }
    let amount_w = 10;
    let mut items: Vec<&crate::cost::LineItem> =
        c.items.iter().filter(|i| i.monthly != 0.0).collect();
    items.sort_by(|a, b| b.monthly.total_cmp(&a.monthly));
    out.push(Line::from(Span::styled(
        t(lang, "ui-line-items"),
        theme.title(),
    )));
    for i in items {
        let mark = if i.verified { " " } else { "?" };
        let qty = format!("{} {} × {}", trim(i.quantity), i.unit, i.unit_price);
        let room = w.saturating_sub(amount_w + 4 + width(&qty));
        out.push(Line::from(vec![
            Span::styled(format!("{mark} "), theme.warn()),
            Span::raw(fit(&i.what, room.max(8))),
            Span::styled(format!(" {qty}"), theme.dim()),
            Span::raw(format!(" {:>9.2}", i.monthly)),
        ]));
    }
    let mut flows: Vec<&crate::cost::FlowCost> = c.flows.iter().filter(|f| f.gb > 0.0).collect();
    if !flows.is_empty() {
        flows.sort_by(|a, b| b.monthly.total_cmp(&a.monthly));
        out.push(Line::from(Span::styled(
            tf(
                lang,
                "ui-traffic-flows-gb-month-by-default",
                &[
                    &c.flows.len().to_string(),
                    &trim(app.cost_inputs.default_gb_per_flow),
                ],
            ),
            theme.title(),
        )));
        for f in flows.iter().take(TOP_FLOWS) {
            out.extend(wrap(
                &format!(
                    "{} → {}: {} GB {} {:.2}",
                    f.instance,
                    f.service,
                    trim(f.gb),
                    f.way,
                    f.monthly
                ),
                w,
                "  ",
                "    ",
                theme.plain(),
                theme.plain(),
            ));
        }
        if flows.len() > TOP_FLOWS {
            out.push(Line::from(Span::styled(
                format!(
                    "  {}",
                    tf(lang, "ui-more", &[&(flows.len() - TOP_FLOWS).to_string()])
                ),
                theme.dim(),
            )));
        }
    }
    for n in &c.notes {
        out.extend(wrap(n, w, "note ", "     ", theme.warn(), theme.dim()));
    }
    out
}

fn trim(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let Some(inner) = draw_panel(
        theme,
        t(app.lang, "ui-cost-monthly-estimate").into(),
        focused,
        area,
        buf,
    ) else {
        return;
    };
    let lines = lines(app, theme, inner.width as usize);
    let scroll = clamp_scroll(app.scroll[4], lines.len(), inner.height);
    put_lines(&lines, scroll, inner, buf);
}
