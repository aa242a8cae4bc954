//! The edit menu's items for resource and service-network endpoints (VPC Lattice), offered when
//! the scenario has one: delete one, or add or remove one of its subnets (its AZs: one network
//! interface per subnet, one subnet per AZ). They are interface endpoints in the model, so the
//! edits are the interface endpoint's, and each is undoable (`u` puts it back).

use super::{Picker, Purpose, item};
use crate::app::App;
use crate::app::PickItem;
use crate::i18n::{t, tf};
use crate::model::Lattice;

/// The menu's items, when the scenario has a resource or service-network endpoint.
pub(super) fn menu_items(app: &App) -> Vec<PickItem> {
    let s = app.model.scenario();
    if !s.interface_endpoints.iter().any(|e| e.lattice.is_some()) {
        return Vec::new();
    }
    vec![
        item(t(app.lang, "ui-lattice-delete"), "", "lat-delete"),
        item(
            t(app.lang, "ui-lattice-subnet"),
            t(app.lang, "ui-lattice-subnet-detail"),
            "lat-subnet",
        ),
    ]
}

impl App {
    /// The resource and service-network endpoints, each with its kind, what it reaches and its
    /// subnets, for `purpose` (delete one, or change its subnets).
    pub(super) fn start_lattice(&mut self, key: &str) {
        let lang = self.lang;
        let items = self
            .model
            .scenario()
            .interface_endpoints
            .iter()
            .filter_map(|e| {
                let kind = match e.lattice.as_ref()? {
                    Lattice::Resource(_) => "ui-lattice-resource",
                    Lattice::ServiceNetwork(_) => "ui-lattice-service-network",
                };
                let subnets: Vec<String> = e.subnets.iter().map(|x| x.subnet.clone()).collect();
                Some(item(
                    &e.id,
                    tf(
                        lang,
                        "ui-lattice-endpoint-detail",
                        &[
                            t(lang, kind),
                            &e.service,
                            &super::submit::list(lang, &subnets),
                        ],
                    ),
                    &e.id,
                ))
            })
            .collect();
        let purpose = match key {
            "lat-delete" => Purpose::InterfaceEndpointDelete,
            _ => Purpose::EndpointSubnetEndpoint,
        };
        self.pick(Picker::new(t(lang, "ui-lattice-endpoint"), items, purpose));
    }
}
