//! A binary trie over IPv4 prefixes: the data structure behind longest-prefix match. It only
//! stores and finds prefixes; which route wins is decided in `eval::route`.

use ipnet::Ipv4Net;

const NONE: u32 = 0;

#[derive(Debug, Clone)]
struct Node<T> {
    /// Child for bit 0 and bit 1; `NONE` (the root's index, never a child) when absent.
    child: [u32; 2],
    values: Vec<T>,
}

#[derive(Debug, Clone)]
pub struct PrefixTrie<T> {
    nodes: Vec<Node<T>>,
}

impl<T> Default for PrefixTrie<T> {
    fn default() -> Self {
        PrefixTrie {
            nodes: vec![Node {
                child: [NONE; 2],
                values: Vec::new(),
            }],
        }
    }
}

fn bit(addr: u32, depth: u8) -> usize {
    ((addr >> (31 - depth)) & 1) as usize
}

impl<T> PrefixTrie<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, net: Ipv4Net, value: T) {
        let addr = u32::from(net.network());
        let mut node = 0usize;
        for depth in 0..net.prefix_len() {
            let b = bit(addr, depth);
            let next = self.nodes[node].child[b];
            node = if next == NONE {
                self.nodes.push(Node {
                    child: [NONE; 2],
                    values: Vec::new(),
                });
                let idx = self.nodes.len() - 1;
                self.nodes[node].child[b] = idx as u32;
                idx
            } else {
                next as usize
            };
        }
        self.nodes[node].values.push(value);
    }

    /// Every stored prefix that contains `net` (equal included), shortest first.
    pub fn containing(&self, net: Ipv4Net, mut f: impl FnMut(Ipv4Net, &T)) {
        let addr = u32::from(net.network());
        let mut node = 0usize;
        let mut depth = 0u8;
        loop {
            if !self.nodes[node].values.is_empty() {
                let prefix = Ipv4Net::new(net.network(), depth)
                    .map(|n| n.trunc())
                    .unwrap_or(net);
                for v in &self.nodes[node].values {
                    f(prefix, v);
                }
            }
            if depth == net.prefix_len() {
                return;
            }
            let next = self.nodes[node].child[bit(addr, depth)];
            if next == NONE {
                return;
            }
            node = next as usize;
            depth += 1;
        }
    }

    /// Every stored prefix strictly inside `net` (more specific than it), in address order.
    pub fn inside(&self, net: Ipv4Net, mut f: impl FnMut(Ipv4Net, &T)) {
        let addr = u32::from(net.network());
        let mut node = 0usize;
        for depth in 0..net.prefix_len() {
            let next = self.nodes[node].child[bit(addr, depth)];
            if next == NONE {
                return;
            }
            node = next as usize;
        }
        let mut stack: Vec<(usize, u32, u8)> = Vec::new();
        for b in [1usize, 0] {
            let c = self.nodes[node].child[b];
            if c != NONE {
                let a = addr | ((b as u32) << (31 - net.prefix_len()));
                stack.push((c as usize, a, net.prefix_len() + 1));
            }
        }
        while let Some((n, a, depth)) = stack.pop() {
            if !self.nodes[n].values.is_empty() {
                let prefix = Ipv4Net::new(a.into(), depth).unwrap_or(net);
                for v in &self.nodes[n].values {
                    f(prefix, v);
                }
            }
            if depth < 32 {
                for b in [1usize, 0] {
                    let c = self.nodes[n].child[b];
                    if c != NONE {
                        stack.push((c as usize, a | ((b as u32) << (31 - depth)), depth + 1));
                    }
                }
            }
        }
    }

    /// Whether any stored prefix lies strictly inside `net`.
    pub fn has_inside(&self, net: Ipv4Net) -> bool {
        let addr = u32::from(net.network());
        let mut node = 0usize;
        for depth in 0..net.prefix_len() {
            let next = self.nodes[node].child[bit(addr, depth)];
            if next == NONE {
                return false;
            }
            node = next as usize;
        }
        // Nodes exist only on the way to a stored prefix, so any child means one below.
        self.nodes[node].child != [NONE; 2]
    }
}

#[cfg(test)]
mod tests {
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
}
