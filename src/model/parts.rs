//! Which parts of a scenario an edit changed, and which parts each validation rule and each index
//! of [`super::Model`] reads: an edit re-runs only the rules and rebuilds only the indexes whose
//! inputs it touched, and reuses the rest from the model it started from.
//!
//! The declarations are checked, not trusted: in debug builds (every test) `Edit::apply` also
//! builds the model from scratch and asserts that both agree.

use std::ops::{BitOr, BitOrAssign};

/// A set of scenario parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Parts(u32);

impl Parts {
    pub const NONE: Parts = Parts(0);
    /// The Region, the scenario's service overrides and workloads (with the catalogue, the
    /// services and workloads the model knows).
    pub const REGION: Parts = Parts(1 << 1);
    /// The VPC's id and CIDRs.
    pub const VPC: Parts = Parts(1 << 2);
    /// `enable_dns_support` and `enable_dns_hostnames`.
    pub const VPC_DNS: Parts = Parts(1 << 3);
    pub const AZS: Parts = Parts(1 << 4);
    pub const SUBNETS: Parts = Parts(1 << 5);
    /// The set of route tables: their ids, names and order.
    pub const TABLES: Parts = Parts(1 << 6);
    /// Which table is `main`.
    pub const MAIN: Parts = Parts(1 << 7);
    /// The tables' explicit subnet associations.
    pub const ASSOCIATIONS: Parts = Parts(1 << 8);
    /// The tables' gateway associations (edge route tables).
    pub const EDGE: Parts = Parts(1 << 9);
    /// The routes of the tables in [`Touched::tables`].
    pub const ROUTES: Parts = Parts(1 << 10);
    /// The set of gateway endpoints: ids, services and order.
    pub const GATEWAY_ENDPOINTS: Parts = Parts(1 << 11);
    /// Which gateway endpoints (and so which derived routes) the tables in [`Touched::tables`]
    /// get. An edit that adds, removes or changes a gateway endpoint also records this part for
    /// every table the endpoint lists: a table's routes never depend on the other endpoints.
    pub const GATEWAY_ENDPOINT_TABLES: Parts = Parts(1 << 12);
    /// The set of interface endpoints: ids, services, subnets and addresses.
    pub const INTERFACE_ENDPOINTS: Parts = Parts(1 << 13);
    /// Interface endpoints' private DNS switches.
    pub const PRIVATE_DNS: Parts = Parts(1 << 14);
    pub const INTERNET_GATEWAY: Parts = Parts(1 << 15);
    pub const NAT_GATEWAYS: Parts = Parts(1 << 16);
    /// The set of GWLB endpoints: ids and subnets.
    pub const GWLB_ENDPOINTS: Parts = Parts(1 << 17);
    /// GWLB endpoints' `appliances_up`.
    pub const GWLB_HEALTH: Parts = Parts(1 << 18);
    /// The set of Gateway Load Balancers: ids, endpoints, appliance AZs.
    pub const LOAD_BALANCERS: Parts = Parts(1 << 19);
    /// Gateway Load Balancers' appliance health and cross-zone switches.
    pub const LOAD_BALANCER_STATE: Parts = Parts(1 << 20);
    pub const NETWORK_INTERFACES: Parts = Parts(1 << 21);
    /// The set of instances: ids, names, subnets and addresses.
    pub const INSTANCES: Parts = Parts(1 << 22);
    /// Instances' `public_ip`.
    pub const PUBLIC_IPS: Parts = Parts(1 << 23);
    pub const WHAT_IF: Parts = Parts(1 << 24);
    pub const EXPECT: Parts = Parts(1 << 25);
    /// Security groups, network ACLs, the ephemeral port range, and the groups and
    /// source/destination check of instances, endpoints and network interfaces.
    pub const SECURITY: Parts = Parts(1 << 26);
    /// Endpoint policies and the buckets with their policies.
    pub const POLICIES: Parts = Parts(1 << 27);
    /// VPC Block Public Access: the mode and the exclusions.
    pub const BPA: Parts = Parts(1 << 28);
    /// The DHCP options set, the Resolver rules and the private hosted zones.
    pub const DNS: Parts = Parts(1 << 29);
    /// The parts that can be limited to some tables.
    pub const PER_TABLE: Parts = Parts(Parts::ROUTES.0 | Parts::GATEWAY_ENDPOINT_TABLES.0);

    pub const fn union(self, other: Parts) -> Parts {
        Parts(self.0 | other.0)
    }

    pub fn intersects(self, other: Parts) -> bool {
        self.0 & other.0 != 0
    }

    pub fn minus(self, other: Parts) -> Parts {
        Parts(self.0 & !other.0)
    }
}

impl BitOr for Parts {
    type Output = Parts;
    fn bitor(self, rhs: Parts) -> Parts {
        self.union(rhs)
    }
}

impl BitOrAssign for Parts {
    fn bitor_assign(&mut self, rhs: Parts) {
        *self = self.union(rhs);
    }
}

/// What an edit changed: the parts, and for [`Parts::PER_TABLE`] ones, which tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Touched {
    pub parts: Parts,
    /// Indexes of the tables whose per-table parts changed, sorted and without repeats; `None`
    /// when it is not known which (then every table counts as changed).
    pub tables: Option<Vec<usize>>,
    /// When [`Parts::SECURITY`] changed only in some groups' and network ACLs' rules: their
    /// indexes (groups, ACLs; the security index compiles those again and shares the rest).
    /// `None`: anything in it may have changed.
    pub security_rules: Option<(Vec<usize>, Vec<usize>)>,
    /// [`Parts::SECURITY`] changed in what attaches groups and network ACLs (interfaces'
    /// groups, subnets' ACLs) or in appliances' source/destination checks, besides the rules
    /// `security_rules` names: the groups and ACLs themselves are as they were.
    pub security_attachments: bool,
}

impl Touched {
    /// Nothing changed yet.
    pub fn nothing() -> Touched {
        Touched {
            parts: Parts::NONE,
            tables: Some(Vec::new()),
            security_rules: Some((Vec::new(), Vec::new())),
            security_attachments: false,
        }
    }

    /// An interface's groups, a subnet's network ACL or an appliance's source/destination
    /// check changed ([`Touched::security_attachments`]).
    pub fn add_attachments(&mut self) {
        self.parts |= Parts::SECURITY;
        self.security_attachments = true;
    }

    pub fn add(&mut self, parts: Parts) {
        self.parts |= parts;
        if parts.intersects(Parts::SECURITY) {
            self.security_rules = None;
        }
    }

    /// The rules of group `group` or network ACL `acl` (indexes; `None`: not one the scenario
    /// has, so anything may have changed) changed.
    pub fn add_rules(&mut self, group: Option<Option<usize>>, acl: Option<Option<usize>>) {
        self.parts |= Parts::SECURITY;
        if matches!(group, Some(None)) || matches!(acl, Some(None)) {
            self.security_rules = None;
        }
        let Some((groups, acls)) = &mut self.security_rules else {
            return;
        };
        for (list, changed) in [(groups, group), (acls, acl)] {
            if let Some(Some(i)) = changed
                && !list.contains(&i)
            {
                list.push(i);
            }
        }
    }

    /// Per-table `parts` changed in table `table` (`None`: a table that does not exist, so
    /// every table counts as changed).
    pub fn add_table(&mut self, parts: Parts, table: Option<usize>) {
        self.parts |= parts;
        match (table, &mut self.tables) {
            (Some(t), Some(list)) => {
                if let Err(at) = list.binary_search(&t) {
                    list.insert(at, t);
                }
            }
            (None, list) => *list = None,
            (Some(_), None) => {}
        }
    }

    /// Whether table `t` may have changed in a per-table part.
    pub fn table(&self, t: usize) -> bool {
        self.parts.intersects(Parts::PER_TABLE)
            && self
                .tables
                .as_ref()
                .is_none_or(|l| l.binary_search(&t).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_kept_sorted_and_an_unknown_one_means_all() {
        let mut t = Touched::nothing();
        assert!(!t.table(3));
        t.add_table(Parts::ROUTES, Some(5));
        t.add_table(Parts::ROUTES, Some(2));
        t.add_table(Parts::GATEWAY_ENDPOINT_TABLES, Some(5));
        assert_eq!(t.tables, Some(vec![2, 5]));
        assert!(t.table(2) && t.table(5) && !t.table(3));
        t.add_table(Parts::ROUTES, None);
        assert!(t.table(3));
        let parts = Parts::ROUTES | Parts::MAIN;
        assert_eq!(parts.minus(Parts::PER_TABLE), Parts::MAIN);
        assert!(!parts.minus(Parts::MAIN).intersects(Parts::MAIN));
    }

    #[test]
    fn rule_edits_name_their_group_or_acl_until_anything_else_in_security_changes() {
        let mut t = Touched::nothing();
        t.add_rules(Some(Some(3)), None);
        t.add_rules(None, Some(Some(1)));
        t.add_rules(Some(Some(3)), None);
        assert!(t.parts.intersects(Parts::SECURITY));
        assert_eq!(t.security_rules, Some((vec![3], vec![1])));
        t.add(Parts::ROUTES);
        assert_eq!(t.security_rules, Some((vec![3], vec![1])));
        // An unknown group, or an attachment, and anything may have changed.
        let mut u = t.clone();
        u.add_rules(Some(None), None);
        assert_eq!(u.security_rules, None);
        t.add(Parts::SECURITY);
        assert_eq!(t.security_rules, None);
        t.add_rules(Some(Some(0)), None);
        assert_eq!(t.security_rules, None);
    }

    #[test]
    fn an_attachment_keeps_the_rule_edits_named() {
        let mut t = Touched::nothing();
        t.add_rules(Some(Some(2)), None);
        t.add_attachments();
        assert!(t.parts.intersects(Parts::SECURITY) && t.security_attachments);
        assert_eq!(t.security_rules, Some((vec![2], vec![])));
        assert!(!Touched::nothing().security_attachments);
    }
}
