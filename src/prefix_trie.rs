//! A binary trie over IPv4 prefixes: the data structure behind longest-prefix match. It only
//! stores and finds prefixes; which route wins is decided in `eval::route`.
//!
//! The trie is path-compressed (a PATRICIA trie): a node exists only for a stored prefix or
//! where two stored prefixes branch, so a table of n prefixes has fewer than 2n nodes whatever
//! the prefix lengths. Nodes and values live in two flat arrays (no allocation per node), and a
//! node's values form a linked list through the value array, in insertion order.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// No child (the root's index, which is never a child) or no value.
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    /// The node's prefix: its network address (host bits zero) and length.
    addr: u32,
    len: u8,
    /// Child for the bit after the prefix, 0 and 1; `NONE` when absent.
    child: [u32; 2],
    /// First and last of the node's values in `values`; `NONE` when it has none.
    head: u32,
    tail: u32,
}

impl Node {
    fn new(addr: u32, len: u8) -> Node {
        Node {
            addr,
            len,
            child: [NONE; 2],
            head: NONE,
            tail: NONE,
        }
    }

    fn prefix(&self) -> Ipv4Net {
        Ipv4Net::new(Ipv4Addr::from(self.addr), self.len).expect("a stored length is at most 32")
    }

    /// Whether this node's prefix contains the prefix `addr/len` (equal included).
    fn contains(&self, addr: u32, len: u8) -> bool {
        self.len <= len && mask(addr, self.len) == self.addr
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrefixTrie<T> {
    /// `nodes[0]` is the root, 0.0.0.0/0.
    nodes: Vec<Node>,
    /// Each value with the index of the next value of the same node.
    values: Vec<(T, u32)>,
}

impl<T> Default for PrefixTrie<T> {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

/// The first `len` bits of `addr`.
fn mask(addr: u32, len: u8) -> u32 {
    match len {
        0 => 0,
        _ => addr & (u32::MAX << (32 - u32::from(len))),
    }
}

/// The bit of `addr` after its first `depth` bits (`depth` < 32).
fn bit(addr: u32, depth: u8) -> usize {
    ((addr >> (31 - depth)) & 1) as usize
}

impl<T> PrefixTrie<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// A trie with room for `prefixes` insertions without reallocating.
    pub fn with_capacity(prefixes: usize) -> Self {
        let mut nodes = Vec::with_capacity(2 * prefixes + 1);
        nodes.push(Node::new(0, 0));
        PrefixTrie {
            nodes,
            values: Vec::with_capacity(prefixes),
        }
    }

    pub fn insert(&mut self, net: Ipv4Net, value: T) {
        let len = net.prefix_len();
        let addr = mask(u32::from(net.network()), len);
        let mut node = 0usize;
        let at = loop {
            // `node` contains addr/len.
            if self.nodes[node].len == len {
                break node;
            }
            let b = bit(addr, self.nodes[node].len);
            let c = self.nodes[node].child[b];
            if c == NONE {
                let leaf = self.push_node(addr, len);
                self.nodes[node].child[b] = leaf;
                break leaf as usize;
            }
            let child = &self.nodes[c as usize];
            if child.contains(addr, len) {
                node = c as usize;
                continue;
            }
            // The child and the new prefix part ways (or the new prefix contains the child):
            // a node at their common prefix takes the child's place.
            let common = ((addr ^ child.addr).leading_zeros() as u8)
                .min(len)
                .min(child.len);
            let child_addr = child.addr;
            let mid = self.push_node(mask(addr, common), common);
            self.nodes[mid as usize].child[bit(child_addr, common)] = c;
            self.nodes[node].child[b] = mid;
            if common == len {
                break mid as usize;
            }
            let leaf = self.push_node(addr, len);
            self.nodes[mid as usize].child[bit(addr, common)] = leaf;
            break leaf as usize;
        };
        let v = u32::try_from(self.values.len()).expect("fewer than 2^32 values");
        self.values.push((value, NONE));
        let n = &mut self.nodes[at];
        if n.tail == NONE {
            n.head = v;
        } else {
            self.values[n.tail as usize].1 = v;
        }
        n.tail = v;
    }

    fn push_node(&mut self, addr: u32, len: u8) -> u32 {
        let i = u32::try_from(self.nodes.len()).expect("fewer than 2^32 nodes");
        self.nodes.push(Node::new(addr, len));
        i
    }

    /// Call `f` with the node's prefix and each of its values, in insertion order.
    fn each_value(&self, node: &Node, f: &mut impl FnMut(Ipv4Net, &T)) {
        let mut v = node.head;
        if v == NONE {
            return;
        }
        let prefix = node.prefix();
        while v != NONE {
            let (value, next) = &self.values[v as usize];
            f(prefix, value);
            v = *next;
        }
    }

    /// Every stored prefix that contains `net` (equal included), shortest first.
    pub fn containing(&self, net: Ipv4Net, mut f: impl FnMut(Ipv4Net, &T)) {
        let len = net.prefix_len();
        let addr = u32::from(net.network());
        let mut node = &self.nodes[0];
        loop {
            self.each_value(node, &mut f);
            if node.len >= len {
                return;
            }
            let c = node.child[bit(addr, node.len)];
            if c == NONE {
                return;
            }
            node = &self.nodes[c as usize];
            if !node.contains(addr, len) {
                return;
            }
        }
    }

    /// [`PrefixTrie::containing`] and [`PrefixTrie::has_inside`] in one walk down the trie:
    /// calls `f` for every stored prefix that contains `net`, shortest first, and returns
    /// whether any stored prefix lies strictly inside `net`.
    pub fn containing_and_inside(&self, net: Ipv4Net, mut f: impl FnMut(Ipv4Net, &T)) -> bool {
        let len = net.prefix_len();
        let addr = u32::from(net.network());
        let mut node = &self.nodes[0];
        loop {
            // `node` contains `net`.
            self.each_value(node, &mut f);
            if node.len >= len {
                // `node` is `net` itself: what lies below it lies inside `net` (a node without
                // values has two children, each leading to a stored prefix).
                return node.child != [NONE; 2];
            }
            let c = node.child[bit(addr, node.len)];
            if c == NONE {
                return false;
            }
            let child = &self.nodes[c as usize];
            if child.contains(addr, len) {
                node = child;
            } else {
                // The child is either strictly inside `net` (and so is all of its subtree) or
                // parts ways with it.
                return child.len > len && mask(child.addr, len) == addr;
            }
        }
    }

    /// The node whose subtree holds exactly the stored prefixes strictly inside `net`, and
    /// whether that node itself is to be left out (it is `net` itself).
    fn subtree_inside(&self, net: Ipv4Net) -> Option<(usize, bool)> {
        let len = net.prefix_len();
        let addr = mask(u32::from(net.network()), len);
        let mut node = 0usize;
        loop {
            let n = &self.nodes[node];
            // `n` contains `net`.
            if n.len == len {
                return Some((node, true));
            }
            let c = n.child[bit(addr, n.len)];
            if c == NONE {
                return None;
            }
            let child = &self.nodes[c as usize];
            if child.contains(addr, len) {
                node = c as usize;
            } else if child.len > len && mask(child.addr, len) == addr {
                // The child is strictly inside `net`: all of its subtree is.
                return Some((c as usize, false));
            } else {
                return None;
            }
        }
    }

    /// Every stored prefix strictly inside `net` (more specific than it), in address order
    /// (a prefix before the prefixes inside it).
    pub fn inside(&self, net: Ipv4Net, mut f: impl FnMut(Ipv4Net, &T)) {
        let Some((top, skip_top)) = self.subtree_inside(net) else {
            return;
        };
        let mut stack: Vec<u32> = Vec::new();
        if skip_top {
            stack.extend(self.nodes[top].child.iter().rev().filter(|&&c| c != NONE));
        } else {
            stack.push(top as u32);
        }
        while let Some(n) = stack.pop() {
            let node = &self.nodes[n as usize];
            self.each_value(node, &mut f);
            stack.extend(node.child.iter().rev().filter(|&&c| c != NONE));
        }
    }

    /// Whether any stored prefix lies strictly inside `net`.
    pub fn has_inside(&self, net: Ipv4Net) -> bool {
        match self.subtree_inside(net) {
            None => false,
            // A node without values has two children, each leading to one: any node inside
            // `net` means a stored prefix inside it.
            Some((_, false)) => true,
            Some((top, true)) => self.nodes[top].child != [NONE; 2],
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn n(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }

    #[test]
    fn containing_lists_shortest_first_and_inside_lists_more_specific() {
        let mut t = PrefixTrie::new();
        t.insert(n("0.0.0.0/0"), 1);
        t.insert(n("10.0.0.0/16"), 2);
        t.insert(n("10.0.1.0/24"), 3);
        t.insert(n("10.0.1.128/25"), 4);
        t.insert(n("11.0.0.0/8"), 5);
        let mut seen = vec![];
        t.containing(n("10.0.1.7/32"), |p, v| seen.push((p.to_string(), *v)));
        assert_eq!(
            seen,
            vec![
                ("0.0.0.0/0".to_string(), 1),
                ("10.0.0.0/16".to_string(), 2),
                ("10.0.1.0/24".to_string(), 3)
            ]
        );
        let mut inside = vec![];
        t.inside(n("10.0.0.0/16"), |p, v| inside.push((p.to_string(), *v)));
        assert_eq!(
            inside,
            vec![
                ("10.0.1.0/24".to_string(), 3),
                ("10.0.1.128/25".to_string(), 4)
            ]
        );
        assert!(t.has_inside(n("10.0.0.0/16")));
        assert!(!t.has_inside(n("10.0.1.128/25")));
        assert!(!t.has_inside(n("12.0.0.0/8")));
    }

    #[test]
    fn equal_prefixes_keep_insertion_order_and_a_host_route_is_found() {
        let mut t = PrefixTrie::with_capacity(4);
        t.insert(n("52.216.0.0/15"), 7);
        t.insert(n("1.2.3.4/32"), 1);
        t.insert(n("52.216.0.0/15"), 3);
        t.insert(n("52.216.0.0/15"), 5);
        let mut seen = vec![];
        t.containing(n("52.217.1.1/32"), |p, v| seen.push((p.to_string(), *v)));
        assert_eq!(
            seen,
            vec![
                ("52.216.0.0/15".to_string(), 7),
                ("52.216.0.0/15".to_string(), 3),
                ("52.216.0.0/15".to_string(), 5)
            ]
        );
        let mut seen = vec![];
        t.containing(n("1.2.3.4/32"), |p, v| seen.push((p.to_string(), *v)));
        assert_eq!(seen, vec![("1.2.3.4/32".to_string(), 1)]);
        assert!(t.has_inside(n("0.0.0.0/0")));
        assert!(!t.has_inside(n("1.2.3.4/32")));
    }

    /// What the trie must answer, by brute force over the inserted list.
    fn brute_containing(stored: &[(Ipv4Net, usize)], net: Ipv4Net) -> Vec<(Ipv4Net, usize)> {
        let mut v: Vec<_> = stored
            .iter()
            .filter(|(p, _)| p.contains(&net))
            .copied()
            .collect();
        // Shortest first; equal prefixes in insertion order (a stable sort keeps it).
        v.sort_by_key(|(p, _)| p.prefix_len());
        v
    }

    fn brute_inside(stored: &[(Ipv4Net, usize)], net: Ipv4Net) -> Vec<(Ipv4Net, usize)> {
        let mut v: Vec<_> = stored
            .iter()
            .filter(|(p, _)| net.contains(p) && p.prefix_len() > net.prefix_len())
            .copied()
            .collect();
        v.sort_by_key(|(p, _)| (u32::from(p.network()), p.prefix_len()));
        v
    }

    /// Prefixes clustered in a few /8s so that they nest, branch and repeat.
    fn prefix() -> impl Strategy<Value = Ipv4Net> {
        (0u32..4, any::<u32>(), 0u8..=32).prop_map(|(hi, lo, len)| {
            let addr = (hi << 30) | (lo >> 2);
            Ipv4Net::new(Ipv4Addr::from(addr), len).unwrap().trunc()
        })
    }

    proptest! {
        #[test]
        fn answers_agree_with_brute_force(
            stored in prop::collection::vec(prefix(), 0..60),
            queries in prop::collection::vec(prefix(), 1..20),
        ) {
            let stored: Vec<(Ipv4Net, usize)> =
                stored.into_iter().enumerate().map(|(i, p)| (p, i)).collect();
            let mut t = PrefixTrie::new();
            for &(p, i) in &stored {
                t.insert(p, i);
            }
            prop_assert!(t.nodes.len() <= 2 * stored.len() + 1);
            // Stored prefixes are queries too, so equal prefixes are exercised.
            for q in queries.into_iter().chain(stored.iter().map(|&(p, _)| p)) {
                let mut got = vec![];
                t.containing(q, |p, &v| got.push((p, v)));
                prop_assert_eq!(got, brute_containing(&stored, q), "containing {}", q);
                let mut got = vec![];
                t.inside(q, |p, &v| got.push((p, v)));
                let want = brute_inside(&stored, q);
                prop_assert_eq!(t.has_inside(q), !want.is_empty(), "has_inside {}", q);
                prop_assert_eq!(got, want, "inside {}", q);
            }
        }

        #[test]
        fn one_walk_answers_containing_and_has_inside(
            stored in prop::collection::vec(prefix(), 0..60),
            queries in prop::collection::vec(prefix(), 1..20),
        ) {
            let stored: Vec<(Ipv4Net, usize)> =
                stored.into_iter().enumerate().map(|(i, p)| (p, i)).collect();
            let mut t = PrefixTrie::new();
            for &(p, i) in &stored {
                t.insert(p, i);
            }
            for q in queries.into_iter().chain(stored.iter().map(|&(p, _)| p)) {
                let mut got = vec![];
                let inside = t.containing_and_inside(q, |p, &v| got.push((p, v)));
                prop_assert_eq!(got, brute_containing(&stored, q), "containing {}", q);
                prop_assert_eq!(inside, !brute_inside(&stored, q).is_empty(), "inside {}", q);
            }
        }
    }
}
