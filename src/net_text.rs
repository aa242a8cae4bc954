//! Addresses and CIDRs as text without `core::fmt`'s machinery: a trace writes dozens of them,
//! and `Display` for `Ipv4Addr` formats each octet through the general integer path. The text is
//! exactly what `Display` for `Ipv4Addr` and `Ipv4Net` writes (`10.0.0.5`, `10.0.0.0/16`; a net
//! shows its address as given, host bits included).

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// An address or CIDR written into a small buffer on the stack.
#[derive(Clone, Copy)]
pub(crate) struct NetText {
    /// `255.255.255.255/32` is 18 bytes; two more let every number be copied as three.
    buf: [u8; 20],
    len: u8,
}

/// The decimal digits of 0..=255, padded to three bytes, and how many of them count.
const DECIMAL: [([u8; 3], u8); 256] = {
    let mut table = [([0u8; 3], 0u8); 256];
    let mut n = 0;
    while n < 256 {
        let digits = [
            b'0' + (n / 100) as u8,
            b'0' + (n / 10 % 10) as u8,
            b'0' + (n % 10) as u8,
        ];
        table[n] = match n {
            0..=9 => ([digits[2], 0, 0], 1),
            10..=99 => ([digits[1], digits[2], 0], 2),
            _ => (digits, 3),
        };
        n += 1;
    }
    table
};

impl NetText {
    /// `a.b.c.d`.
    pub fn addr(addr: Ipv4Addr) -> NetText {
        let mut text = NetText {
            buf: [0; 20],
            len: 0,
        };
        for (i, octet) in addr.octets().into_iter().enumerate() {
            if i > 0 {
                text.push(b'.');
            }
            text.push_decimal(octet);
        }
        text
    }

    /// `a.b.c.d/len`, the address as the net holds it.
    pub fn net(net: Ipv4Net) -> NetText {
        let mut text = NetText::addr(net.addr());
        text.push(b'/');
        text.push_decimal(net.prefix_len());
        text
    }

    fn push(&mut self, b: u8) {
        self.buf[usize::from(self.len)] = b;
        self.len += 1;
    }

    fn push_decimal(&mut self, n: u8) {
        let (digits, count) = DECIMAL[usize::from(n)];
        let at = usize::from(self.len);
        self.buf[at..at + 3].copy_from_slice(&digits);
        self.len += count;
    }

    pub fn as_str(&self) -> &str {
        let bytes = &self.buf[..usize::from(self.len)];
        debug_assert!(bytes.is_ascii());
        // SAFETY: only ASCII digits, dots and a slash are ever written (`push` and
        // `push_decimal` take them from literals and `DECIMAL`), so the bytes are UTF-8; this
        // runs for every address a trace writes, and checking them cost more than writing them.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

impl fmt::Display for NetText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn extremes() {
        assert_eq!(NetText::addr(Ipv4Addr::new(0, 0, 0, 0)).as_str(), "0.0.0.0");
        let all = Ipv4Net::new(Ipv4Addr::new(255, 255, 255, 255), 32).unwrap();
        assert_eq!(NetText::net(all).as_str(), "255.255.255.255/32");
        let host_bits = "10.0.0.5/16".parse::<Ipv4Net>().unwrap();
        assert_eq!(NetText::net(host_bits).as_str(), "10.0.0.5/16");
    }

    proptest! {
        #[test]
        fn same_text_as_display(addr in any::<u32>(), len in 0u8..=32) {
            let net = Ipv4Net::new(Ipv4Addr::from(addr), len).unwrap();
            prop_assert_eq!(NetText::addr(net.addr()).to_string(), net.addr().to_string());
            prop_assert_eq!(NetText::net(net).to_string(), net.to_string());
        }
    }
}
