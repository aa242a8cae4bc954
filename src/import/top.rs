//! A file's first pass: its top-level keys (which call printed it), its `NextToken`, and, for
//! the calls that make an account large (route tables, instances, network interfaces, subnets),
//! the list itself, typed. A quota-sized account's route tables are 35 MB of JSON: read once
//! instead of once to recognise and again to parse.
//!
//! The list read here is used only when the typed parse of the whole file would give the same
//! thing: the file is the call the list belongs to, no top-level key is given twice, and its
//! `NextToken` is a string or null (as the typed structs take it). Otherwise, and whenever this
//! pass fails, the caller reads the file as before: keys first, then the typed struct, so the
//! errors (and their line and column) stay those of the typed parse.

use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::aws;

/// A file's top-level keys and its `NextToken`, with the large lists when `capture` was asked.
#[derive(Default)]
pub(super) struct TopLevel {
    /// Sorted, each once.
    pub(super) keys: Vec<String>,
    pub(super) next_token: Option<Value>,
    /// A key was given more than once.
    twice: bool,
    route_tables: Option<Vec<aws::RouteTable>>,
    reservations: Option<Vec<aws::Reservation>>,
    network_interfaces: Option<Vec<aws::NetworkInterface>>,
    subnets: Option<Vec<aws::Subnet>>,
}

impl TopLevel {
    /// Whether the typed parse of the whole file reads what this pass read (see the module).
    fn usable(&self) -> bool {
        !self.twice
            && self
                .next_token
                .as_ref()
                .is_none_or(|t| t.is_null() || t.is_string())
    }

    pub(super) fn take_route_tables(&mut self) -> Option<Vec<aws::RouteTable>> {
        self.route_tables.take().filter(|_| self.usable())
    }
    pub(super) fn take_reservations(&mut self) -> Option<Vec<aws::Reservation>> {
        self.reservations.take().filter(|_| self.usable())
    }
    pub(super) fn take_network_interfaces(&mut self) -> Option<Vec<aws::NetworkInterface>> {
        self.network_interfaces.take().filter(|_| self.usable())
    }
    pub(super) fn take_subnets(&mut self) -> Option<Vec<aws::Subnet>> {
        self.subnets.take().filter(|_| self.usable())
    }
}

/// Reads a [`TopLevel`]; `capture`: the large lists too.
pub(super) struct Seed {
    pub(super) capture: bool,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = TopLevel;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<TopLevel, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = TopLevel;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        let mut top = TopLevel::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "NextToken" => top.next_token = Some(map.next_value()?),
                "RouteTables" if self.capture => top.route_tables = Some(map.next_value()?),
                "Reservations" if self.capture => top.reservations = Some(map.next_value()?),
                "NetworkInterfaces" if self.capture => {
                    top.network_interfaces = Some(map.next_value()?)
                }
                "Subnets" if self.capture => top.subnets = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            top.keys.push(key);
        }
        // As a parsed object lists them.
        let given = top.keys.len();
        top.keys.sort();
        top.keys.dedup();
        top.twice = top.keys.len() != given;
        Ok(top)
    }
}

/// The first pass over `text`, capturing the large lists; `None` if it fails (the caller then
/// reads the file the slower way, which gives the error).
pub(super) fn first_pass(text: &str) -> Option<TopLevel> {
    let mut de = serde_json::Deserializer::from_str(text);
    let top = Seed { capture: true }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(top)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::{Input, read_text};

    fn read(text: &str) -> Result<Input, String> {
        let mut input = Input::default();
        read_text(text, Path::new("f.json"), &mut input, &mut Vec::new())
            .map(|()| input)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn what_the_typed_parse_refuses_is_still_refused() {
        // A NextToken that is not a string, a list given twice: the typed parse's errors.
        let e = read("{\"RouteTables\": [], \"NextToken\": 5}").unwrap_err();
        assert!(e.starts_with("f.json:1:") && e.contains("string"), "{e}");
        let e = read("{\"Subnets\": [],\n \"Subnets\": []}").unwrap_err();
        assert!(e.starts_with("f.json:2:") && e.contains("duplicate"), "{e}");
        let e = read("{\"Reservations\": [{\"Instances\": 3}]}").unwrap_err();
        assert!(e.starts_with("f.json:1:"), "{e}");
    }

    #[test]
    fn a_list_the_file_is_not_about_is_not_read() {
        // describe-vpcs output wins over a stray (and malformed) RouteTables key, as before.
        let input = read("{\"RouteTables\": [1], \"Vpcs\": [{\"VpcId\": \"vpc-1\"}]}").unwrap();
        assert_eq!(input.vpcs.len(), 1);
        assert!(input.route_tables.is_empty());
    }

    #[test]
    fn route_fields_last_value_wins_and_null_is_absent() {
        let input = read(
            "{\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"Routes\": [{\
             \"GatewayId\": \"igw-1\", \"GatewayId\": \"igw-2\", \"NatGatewayId\": null, \
             \"DestinationCidrBlock\": \"10.1.0.0/16\", \"Other\": 1}]}]}",
        )
        .unwrap();
        let r = &input.route_tables[0].routes[0];
        assert_eq!(r.gateway_id(), Some("igw-2"));
        assert_eq!(r.get(super::super::aws::RouteField::NatGatewayId), None);
        assert_eq!(r.destination_cidr_block(), Some("10.1.0.0/16"));
        assert_eq!(r.extra.len(), 1);
    }
}
