//! A gate of the security layers (`src/eval/layers.rs`) checks every piece that reaches a
//! target; the checks that do not read the piece (a crossing into a subnet from the source's
//! address, a group ingress from it) are made once per gate when the pieces keep no hops (the
//! matrix, and `evaluate`'s pieces after the first), and a family's replay makes the checks that
//! read only the source's groups once per groups (`src/eval/matrix/family.rs`). On random models
//! with groups and network ACLs that refuse some traffic, an interface endpoint with a network
//! interface in several subnets, and S3's ranges through a gateway endpoint or a NAT gateway,
//! the matrix's cells equal the verdicts of the traces (whose first piece at each gate is
//! checked in full, with its facts), and equal the rows of each class walked on its own.

mod common;

use common::random::{SUBNETS, scenario, with_endpoint, with_layers, with_s3_routes};
use proptest::prelude::*;
use vpc_tui::eval::{ClassKey, Query, evaluate, evaluate_all, evaluate_classes};
use vpc_tui::model::{EndpointSubnet, Model, WhatIf};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn gates_deciding_once_agree_with_traces(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        s3 in proptest::collection::vec(any::<bool>(), SUBNETS),
        enis in proptest::collection::vec(proptest::option::of(any::<bool>()), 3),
        layers in (any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>(), any::<bool>()),
    ) {
        let mut s = with_endpoint(with_s3_routes(scenario(&defaults, &publics, false), &s3, &[]));
        // The endpoint's network interfaces in up to three subnets, one per AZ as AWS has it
        // (subnet `i` is in AZ `i % 3`).
        let mut subnets: Vec<usize> = enis
            .iter()
            .enumerate()
            .filter_map(|(az, e)| e.map(|second| az + 3 * usize::from(second)))
            .collect();
        if subnets.is_empty() {
            subnets.push(1);
        }
        for e in &mut s.interface_endpoints {
            e.subnets = subnets
                .iter()
                .map(|i| EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: format!("subnet-{i}"),
                    ip: None,
                })
                .collect();
        }
        let (egress, ingress, acl_on, outbound, inbound, check) = layers;
        let s = with_layers(s, egress, ingress, acl_on, outbound, inbound, check);
        let Ok(model) = Model::new(s) else { return Ok(()); };
        let none = WhatIf::default();
        let matrix = evaluate_all(&model, &none);
        let sec = model.security();
        for (i, inst) in model.scenario().instances.iter().enumerate() {
            for (j, svc) in matrix.services.iter().enumerate() {
                let t = evaluate(&model, &none, &Query::instance_to_service(&inst.id, svc)).unwrap();
                prop_assert_eq!(&matrix.cells[i][j].verdict, &t.verdict, "{} → {}", inst.id, svc);
            }
            let key = ClassKey {
                subnet: model.subnet_index(&inst.subnet).expect("subnet"),
                public_ip: inst.public_ip,
                security: Some((sec.instance_groups[i].clone(), inst.private_ip)),
            };
            let alone = evaluate_classes(&model, &none, &[key]);
            prop_assert_eq!(&matrix.cells[i], &alone[0], "{}", inst.id);
        }
    }
}
