//! The source's security groups' egress (aws-semantics.md §5b: traffic leaves only if an egress
//! rule of one of the source's groups allows it). One gate, two ways: `egress_checked` through
//! the gate's checks, with hops and facts as the context keeps them, and `egress_decided`, the
//! lean way where neither is kept (the matrix, the cost estimate); a unit test holds them alike.

use super::super::ctx::{Ctx, Dest, Pieces, Side, SourceCheck};
use super::super::facts::*;
use super::super::logged::{Logged, source_check};
use super::super::rules::security_group;
use super::arrival::peer_groups;
use super::{Gate, Passes, group_stop, keeps_hops, same_stop, split};

/// The source's security groups' egress, before the VPC's router sees the packet: every
/// piece the source sends is checked, whatever the route tables say.
pub(crate) fn egress(ctx: &Ctx<'_>, dest: Dest, pieces: Pieces) -> Gate {
    if !ctx.detail && !ctx.facts {
        return egress_decided(ctx, dest, pieces);
    }
    egress_checked(ctx, dest, pieces)
}

/// [`egress`] through the gate's checks ([`split`]): the hops and facts kept as the context
/// keeps them.
fn egress_checked(ctx: &Ctx<'_>, dest: Dest, pieces: Pieces) -> Gate {
    split(ctx, pieces, |p, piece| {
        let traffic = Traffic {
            protocol: ctx.probe.protocol,
            ports: ctx.probe.ports(),
            peer: piece,
        };
        let peer = peer_groups(ctx, dest, piece);
        // A quiet piece (a trace's pieces after the first, [`Ctx::quiet`]) that no log records:
        // only the decision counts, and an allowed one is all [`source_check`] would give
        // (no hop, no fact, the source's groups read). A refused one is checked as before.
        if !keeps_hops(ctx) && !ctx.layer_facts() && ctx.log.borrow().is_none() {
            let src = ctx.src_groups.as_slice();
            ctx.read_groups(src);
            if security_group::allows(ctx, GroupDirection::Egress, src, &traffic, peer) {
                return Ok(());
            }
        }
        p.group(source_check(
            ctx,
            GroupDirection::Egress,
            &ctx.src_id,
            Side::Source,
            traffic,
            Side::of(peer),
        ))
    })
}

/// [`egress`] where neither hops nor facts are kept (the matrix, the cost estimate): each
/// piece is only decided ([`security_group::allows`]) and, when the context logs, logged with
/// that decision as [`source_check`] logs it; the pieces allowed go on with no hops, as
/// [`split`] gives them there. A refused piece is checked in full for its stop. The gate makes
/// no [`super::Piece`], no [`Passes`] to move and no [`Traffic`] to copy into a check per piece:
/// the matrix's walks send some 25,000 pieces through this gate per `evaluate_all`.
fn egress_decided(ctx: &Ctx<'_>, dest: Dest, pieces: Pieces) -> Gate {
    let mut gate = Gate {
        pass: Pieces::new(),
        hops: Passes::new(),
        blocked: Vec::new(),
    };
    let src = ctx.src_groups.as_slice();
    let logging = ctx.log.borrow().is_some();
    // Not logging, the source's groups' rules are read here ([`source_check`]'s `record`):
    // once for the gate, as every piece reads the same groups.
    if !logging && !pieces.is_empty() {
        ctx.read_groups(src);
    }
    let direction = GroupDirection::Egress;
    for piece in pieces {
        let traffic = Traffic {
            protocol: ctx.probe.protocol,
            ports: ctx.probe.ports(),
            peer: piece,
        };
        let peer = peer_groups(ctx, dest, piece);
        // Groups that allow the probe out to every address allow it to this piece, whatever
        // holds it ([`Ctx::src_egress_wide`]).
        let allowed = if ctx.src_egress_wide {
            // Decided alike (an invariant, not a message).
            debug_assert!(security_group::allows(ctx, direction, src, &traffic, peer));
            true
        } else {
            security_group::allows(ctx, direction, src, &traffic, peer)
        };
        if logging && let Some(log) = ctx.log.borrow_mut().as_mut() {
            log.push(Logged::Group(SourceCheck {
                direction,
                groups: Side::Source,
                traffic,
                peer: Side::of(peer),
                allowed,
            }));
        }
        if allowed {
            gate.pass.push(piece);
            continue;
        }
        // Refused: the check again for what its stop names (read and logged above).
        let check =
            security_group::check_with(ctx, false, direction, &ctx.src_id, src, traffic, peer);
        let Err(c) = check else {
            // Decided as `allows` decided (an invariant, not a message).
            debug_assert!(allowed);
            gate.pass.push(piece);
            continue;
        };
        let outcome = group_stop(c);
        match gate
            .blocked
            .iter_mut()
            .find(|(_, _, o)| same_stop(o, &outcome))
        {
            Some((ps, _, _)) => ps.push(piece),
            None => gate
                .blocked
                .push((smallvec::smallvec![piece], Passes::new(), *outcome)),
        }
    }
    gate
}

#[cfg(test)]
mod tests {
    use ipnet::Ipv4Net;

    use super::super::super::ctx::Outcome;
    use super::*;
    use crate::eval::deps::Deps;
    use crate::eval::query::Probe;

    /// A refusal's stop, compared by kind, id and reason.
    fn stop(o: &Outcome) -> Option<(HopKind, Id, Stop)> {
        match o {
            Outcome::Stop { kind, id, stop, .. } => Some((*kind, id.clone(), (**stop).clone())),
            _ => None,
        }
    }

    /// Without hops or facts (the matrix, the cost estimate), the source's egress decided per
    /// piece ([`egress_decided`]) passes and refuses the same pieces as the gate's checks
    /// ([`egress_checked`]), stops them alike, logs the same checks with the same decisions
    /// and records the same reads, logging or not, for every instance of the shipped
    /// scenarios with security groups, to every subnet, instance and service range, and to
    /// each interface endpoint's network interfaces, on the default probe (decided ahead) and
    /// on SSH (the rules scanned).
    #[test]
    fn egress_decided_per_piece_is_the_gates_checks() {
        let (mut passed, mut refused) = (0, 0);
        let ssh = Probe {
            protocol: crate::model::Protocol::Tcp,
            port: 22,
            chosen: true,
        };
        for name in [
            "security-layers",
            "endpoint-security-group",
            "nacl-ephemeral",
        ] {
            let model = crate::model::shipped_scenario(name);
            let s = model.scenario();
            let mut pieces: Pieces = s.subnets.iter().filter_map(|n| n.cidr).collect();
            pieces.extend(
                s.instances
                    .iter()
                    .filter_map(|i| i.private_ip)
                    .map(Ipv4Net::from),
            );
            for service in model.services() {
                pieces.extend(service.cidrs.iter().copied());
            }
            for e in 0..s.interface_endpoints.len() {
                pieces.extend(model.endpoint_enis(e).iter().map(|x| Ipv4Net::from(x.ip)));
            }
            let mut dests = vec![Dest::Range];
            dests.extend((0..s.interface_endpoints.len()).map(|endpoint| Dest::Eni { endpoint }));
            for (i, instance) in s.instances.iter().enumerate() {
                for (probe, logging, &dest) in [Probe::default(), ssh]
                    .into_iter()
                    .flat_map(|p| [(p, false), (p, true)])
                    .flat_map(|(p, l)| dests.iter().map(move |d| (p, l, d)))
                {
                    let run = |decided: bool| {
                        let mut ctx = Ctx::verdicts(&model, &[], probe);
                        ctx.src_subnet = model.subnet_index(&instance.subnet).unwrap_or(0);
                        ctx.src_groups = model.security().instance_groups[i].clone();
                        *ctx.deps.get_mut() = Deps::recording();
                        if logging {
                            *ctx.log.get_mut() = Some(Vec::new());
                        }
                        let gate = match decided {
                            true => egress_decided(&ctx, dest, pieces.clone()),
                            false => egress_checked(&ctx, dest, pieces.clone()),
                        };
                        let blocked: Vec<_> = gate
                            .blocked
                            .iter()
                            .map(|(p, h, o)| (p.clone(), h.len(), stop(o)))
                            .collect();
                        let log = format!("{:?}", ctx.log.get_mut());
                        let reads = ctx.deps.get_mut().clone();
                        (gate.pass, gate.hops.len(), blocked, log, reads)
                    };
                    let decided = run(true);
                    assert_eq!(decided, run(false), "{name} {} {dest:?}", instance.id);
                    passed += decided.0.len();
                    refused += decided.2.len();
                }
            }
        }
        // Both ways taken: the scenarios' groups allow some pieces and refuse others.
        assert!(passed > 0 && refused > 0, "{passed} {refused}");
    }
}
