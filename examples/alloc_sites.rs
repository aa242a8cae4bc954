#[path = "../benches/common/mod.rs"]
mod common;
use vpc_tui::eval::{Query, Verdict, Via, evaluate, evaluate_all};
use vpc_tui::model::{Model, WhatIf};
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;
fn main() {
    let model = Model::new(common::quota_scenario()).expect("the quota model loads");
    let what_if = WhatIf::default();
    let matrix = evaluate_all(&model, &what_if);
    let kind = std::env::args()
        .nth(1)
        .unwrap_or("interface_endpoint".into());
    let wanted = |v: &Verdict| match kind.as_str() {
        "gateway_endpoint" => v.via() == Some(Via::GatewayEndpoint),
        "interface_endpoint" => v.via() == Some(Via::InterfaceEndpoint),
        "nat_gateway" => v.via() == Some(Via::NatGateway),
        _ => matches!(v, Verdict::Blocked(_)),
    };
    let found = (0..matrix.instances.len())
        .find_map(|i| {
            matrix.cells[i]
                .iter()
                .position(|c| wanted(&c.verdict))
                .map(|s| (matrix.instances[i].clone(), matrix.services[s].clone()))
        })
        .unwrap();
    let q = Query::parse(&model, &found.0, &found.1, false);
    let _p = dhat::Profiler::new_heap();
    for _ in 0..1000 {
        std::hint::black_box(evaluate(&model, &what_if, &q).ok());
    }
}
