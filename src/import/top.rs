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
    if text.len() >= SPLIT_FROM
        && let Some(top) = split_pass(text)
    {
        return Some(top);
    }
    whole_pass(text)
}

fn whole_pass(text: &str) -> Option<TopLevel> {
    let mut de = serde_json::Deserializer::from_str(text);
    let top = Seed { capture: true }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(top)
}

/// Route tables files from this size on are read on two threads.
const SPLIT_FROM: usize = 1 << 22;

/// A large `describe-route-tables` file read in two halves at once, one per core: the tables
/// before a boundary between two of them near the middle, as a file of their own, on another
/// thread; the file without them here. `None` when the file is not laid out as the CLI prints
/// it (or no thread can be made): it is then read whole.
///
/// The boundary is a line `},` then a line `{`, both indented as the list's first table. JSON
/// strings hold no line breaks, so that `}` and its comma are the file's own punctuation; the
/// first half, closed with `]}`, parses only if the comma is the one between two tables of the
/// list (any deeper, and `]}` would not close what is open). Both halves together are every byte
/// of the file, so either one failing (a syntax error anywhere) sends the file to the whole
/// read, which reports it.
fn split_pass(text: &str) -> Option<TopLevel> {
    let open = list_start(text, "RouteTables")?;
    let cut = table_boundary(text, open)?;
    let first = format!("{{\"RouteTables\": {}]}}", &text[open..cut]);
    let rest = format!("{}{}", &text[..=open], &text[cut + 1..]);
    let (first, rest) = std::thread::scope(|s| {
        let other = std::thread::Builder::new()
            .spawn_scoped(s, || whole_pass(&first))
            .ok()?;
        let rest = whole_pass(&rest);
        Some((other.join().ok()??, rest?))
    })?;
    // The first half is the list and nothing else: the comma was the list's own.
    if first.twice || first.keys != ["RouteTables"] {
        return None;
    }
    let mut tables = first.route_tables?;
    let mut top = rest;
    tables.extend(top.route_tables.take()?);
    top.route_tables = Some(tables);
    Some(top)
}

/// Where the list under `key` opens (its `[`), when the file starts with that key, as the CLI
/// prints it.
fn list_start(text: &str, key: &str) -> Option<usize> {
    let rest = text.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest
        .strip_prefix('"')?
        .strip_prefix(key)?
        .strip_prefix('"')?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    rest.starts_with('[').then(|| text.len() - rest.len())
}

/// The comma between two tables of the list opened at `open`, near the middle of the file: the
/// comma of a line `<indent>},` followed by a line `<indent>{`, `<indent>` being the first
/// table's.
fn table_boundary(text: &str, open: usize) -> Option<usize> {
    let after = &text[open + 1..];
    let line = after.find('\n')?;
    let first = &after[line + 1..];
    let indent = first.len() - first.trim_start_matches([' ', '\t']).len();
    if !first[indent..].starts_with('{') {
        return None;
    }
    let indent = &first[..indent];
    let close = format!("\n{indent}}},");
    let next = format!("\n{indent}{{");
    let mut from = text.len() / 2;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while let Some(i) = text.get(from..)?.find(&close) {
        let comma = from + i + close.len() - 1;
        let after_comma = &text[comma + 1..];
        let after_comma = after_comma.strip_prefix('\r').unwrap_or(after_comma);
        if after_comma.starts_with(&next) {
            return Some(comma);
        }
        from = comma;
    }
    None
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

    fn tables(n: usize) -> serde_json::Value {
        let table = |t: usize| {
            serde_json::json!({
                "RouteTableId": format!("rtb-{t}"), "VpcId": "vpc-1",
                "Associations": [{"Main": t == 0, "SubnetId": format!("subnet-{t}")}],
                "Routes": (0..5).map(|r| serde_json::json!({
                    "DestinationCidrBlock": format!("10.{t}.{r}.0/24"),
                    "GatewayId": "local", "Origin": "CreateRoute", "State": "active",
                })).collect::<Vec<_>>(),
                "Tags": [{"Key": "Name", "Value": "a },\n { b"}],
            })
        };
        serde_json::Value::Array((0..n).map(table).collect())
    }

    fn both(text: &str) -> (Option<String>, Option<String>) {
        let show = |t: Option<super::TopLevel>| {
            t.map(|t| format!("{:?} {:?} {:?}", t.keys, t.next_token, t.route_tables))
        };
        (show(super::split_pass(text)), show(super::whole_pass(text)))
    }

    #[test]
    fn the_two_halves_read_what_the_whole_file_reads() {
        let v = serde_json::json!({"RouteTables": tables(9)});
        let text = serde_json::to_string_pretty(&v).unwrap();
        let (split, whole) = both(&text);
        assert!(split.is_some());
        assert_eq!(split, whole);
        // With Windows line ends too.
        let (split, whole) = both(&text.replace('\n', "\r\n"));
        assert!(split.is_some());
        assert_eq!(split, whole);
    }

    #[test]
    fn a_file_not_laid_out_as_the_cli_prints_it_is_read_whole() {
        // On one line: no boundary to find.
        let v = serde_json::json!({"RouteTables": tables(9)});
        assert_eq!(both(&serde_json::to_string(&v).unwrap()).0, None);
        // The list first and short, another list of objects after it at the same depth: the
        // boundary found is in that other list, and the first half is not the list alone.
        let v = serde_json::json!({"RouteTables": tables(1), "Zzz": tables(20)});
        let text = serde_json::to_string_pretty(&v).unwrap();
        assert_eq!(both(&text).0, None);
        assert!(both(&text).1.is_some());
        // A syntax error in either half: the whole read reports it.
        let v = serde_json::json!({"RouteTables": tables(9)});
        let text = serde_json::to_string_pretty(&v).unwrap();
        for broken in [
            text.replacen("\"VpcId\"", "\"VpcId\" x", 1),
            text[..text.len() - 4].to_string(),
        ] {
            assert_eq!(both(&broken), (None, None));
        }
    }
}
