//! The cost panel: the monthly estimate for the model as edited, what the last change did to
//! it, every line item (unverified prices marked `?`), and the traffic behind the per-GB lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::explain;
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
            let text = explain::cost_change(lang, ch);
            out.extend(wrap(&text, w, "  ", "    ", style, style));
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
        // Which resource and AZ an item is for is never cut off: when the line is too narrow,
        // the words wrap and the quantity goes on a line of its own.
        let mark = if i.verified { " " } else { "?" };
        let what = explain::cost_item(lang, &i.what);
        let qty = explain::cost_quantity(lang, i);
        let amount = Span::raw(format!(" {:>9.2}", i.monthly));
        let room = w.saturating_sub(amount_w + 4 + width(&qty));
        if width(&what) <= room {
            out.push(Line::from(vec![
                Span::styled(format!("{mark} "), theme.warn()),
                Span::raw(fit(&what, room)),
                Span::styled(format!(" {qty}"), theme.dim()),
                amount,
            ]));
            continue;
        }
        let room = w.saturating_sub(amount_w + 1);
        let mut lines = wrap(&what, room, "  ", "    ", theme.plain(), theme.plain());
        if let Some(first) = lines.first_mut() {
            first.spans[0] = Span::styled(format!("{mark} "), theme.warn());
            let used: usize = first.spans.iter().map(|s| width(&s.content)).sum();
            first
                .spans
                .push(Span::raw(" ".repeat(room.saturating_sub(used))));
            first.spans.push(amount);
        }
        out.extend(lines);
        out.push(Line::from(Span::styled(format!("    {qty}"), theme.dim())));
    }
    // The most expensive flows, picked from the groups without listing every flow.
    let (flows, with_traffic) = c.flows.top(TOP_FLOWS);
    if !flows.is_empty() {
        out.push(Line::from(Span::styled(
            crate::explain::msg(
                lang,
                "ui-cost-traffic",
                explain::args().n("flows", c.flows.len()).s(
                    "gb",
                    explain::cost_number(app.cost_inputs.default_gb_per_flow),
                ),
            ),
            theme.title(),
        )));
        for f in &flows {
            out.extend(wrap(
                &format!(
                    "{} → {}: {} GB {} {:.2}",
                    f.instance,
                    f.service,
                    explain::cost_number(f.gb),
                    explain::cost_way(lang, &f.way),
                    f.monthly
                ),
                w,
                "  ",
                "    ",
                theme.plain(),
                theme.plain(),
            ));
        }
        if with_traffic > TOP_FLOWS {
            out.push(Line::from(Span::styled(
                format!(
                    "  {}",
                    tf(lang, "ui-more", &[&(with_traffic - TOP_FLOWS).to_string()])
                ),
                theme.dim(),
            )));
        }
    }
    let label = format!("{} ", t(lang, "ui-note"));
    let indent = " ".repeat(width(&label));
    for n in &c.notes {
        out.extend(wrap(
            &explain::cost_note(lang, n),
            w,
            &label,
            &indent,
            theme.warn(),
            theme.dim(),
        ));
    }
    out
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
    super::scroll_marker(
        app.lang,
        theme,
        "PgUp PgDn",
        scroll,
        inner.height as usize,
        lines.len(),
        area,
        buf,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::Lang;
    use crate::model::Edit;

    fn text(app: &App, w: usize) -> Vec<String> {
        lines(app, &Theme::new(false), w)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    /// Every interface-endpoint ENI line says which endpoint and which AZ, in Japanese too, even
    /// when the panel is narrow; the last change is said in the app's language.
    #[test]
    fn each_line_item_names_its_resource_and_az() {
        let mut app = crate::app::tests::open("interface-multi-az");
        app.set_lang(Lang::Ja);
        app.cost = app.estimate_cost();
        let enis: Vec<(String, String)> = app
            .cost
            .items
            .iter()
            .filter_map(|i| match &i.what {
                crate::cost::ItemFor::InterfaceEndpointEni { endpoint, az } => {
                    Some((endpoint.clone(), az.clone()))
                }
                _ => None,
            })
            .collect();
        assert!(enis.len() >= 3);
        let wide = text(&app, 100).join("\n");
        for (endpoint, az) in &enis {
            let line = format!("インターフェイスエンドポイント {endpoint} の ENI ({az})");
            assert!(wide.contains(&line), "no {line} in\n{wide}");
        }
        assert!(wide.contains("730 時間 × 0.01"), "{wide}");
        // Narrow: the words wrap instead of being cut, and the quantity has a line of its own.
        let narrow = text(&app, 40);
        for (endpoint, az) in &enis {
            assert!(
                narrow.iter().any(|l| l.contains(endpoint.as_str()))
                    && narrow.iter().any(|l| l.contains(az.as_str())),
                "{endpoint} {az}: {narrow:#?}"
            );
        }
        assert!(narrow.iter().any(|l| l.trim() == "730 時間 × 0.01"));
        let before = app.estimate_cost();
        app.apply(Edit::FailAz {
            az: "us-east-1a".into(),
        });
        app.cost_changes = crate::cost::diff(&before, &app.estimate_cost());
        let all = text(&app, 100).join("\n");
        assert!(
            all.contains("から") && all.contains("に変わりました"),
            "{all}"
        );
    }
}
