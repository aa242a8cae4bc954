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
    buf: [u8; 18],
    len: u8,
}

impl NetText {
    /// `a.b.c.d`.
    pub fn addr(addr: Ipv4Addr) -> NetText {
        let mut text = NetText {
            buf: [0; 18],
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
        if n >= 100 {
            self.push(b'0' + n / 100);
        }
        if n >= 10 {
            self.push(b'0' + n / 10 % 10);
        }
        self.push(b'0' + n % 10);
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII digits, dots and a slash are ever written.
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or_default()
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
