//! What one cell's walks read of AZ failures, kept apart by kind: the AZs whose failure decides
//! the path itself (the source's, a NAT gateway's, a GWLB endpoint's, an appliance's, a
//! delivered address's), and the AZs whose failure only drops ENIs from an interface
//! endpoint's DNS answer (aws-semantics.md §3, §6). An AZ failure that a cell read only through
//! the DNS answer, while the path reached every ENI answered, leaves the path as it was for the
//! ENIs still healthy: the cell's verdict follows from the ENIs answered before, without a walk
//! ([`AzReads::after_failures`]). That is what makes a matrix and a cost estimate after an AZ
//! failure cheap: every interface-endpoint path reads every AZ's ENI health.

use super::facts::{Verdict, Via};
use super::rules::interface_endpoint::cross_az_of;
use crate::model::Model;

/// The AZs one cell's walks read, by kind, as bits (AZ index < 64; a model with more AZs records
/// them as the class's plain AZ reads, which evaluate the class again on any change).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct AzReads {
    /// AZs whose failure the walks asked about for themselves.
    pub path: u64,
    /// The one interface endpoint DNS answered with its ENIs, if any.
    pub answer: Option<EniAnswer>,
    /// DNS answered with ENIs more than once (then the answer above is not used).
    pub answers: u8,
}

/// An interface endpoint's DNS answer, as a cell's walks read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct EniAnswer {
    pub endpoint: u32,
    /// The AZs whose failure decided which ENIs the answer holds.
    pub azs: u64,
    /// The ENIs answered (healthy then), by index in `Model::endpoint_enis`.
    pub enis: u64,
}

/// What an AZ change means for one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AzHit {
    /// It read none of the changed AZs.
    Keep,
    /// Only ENIs of its answer failed: [`AzReads::after_failures`] may give the verdict.
    Answer(EniAnswer),
    /// Its walks must run again.
    Redo,
}

/// Each interface endpoint's index before an edit, mapped to its index after it (`None`: it was
/// deleted), matched by id; `None` for the whole map when no index moved.
pub(crate) fn endpoint_moves(before: &Model, after: &Model) -> Option<Vec<Option<u32>>> {
    let (old, new) = (
        &before.scenario().interface_endpoints,
        &after.scenario().interface_endpoints,
    );
    let map: Vec<Option<u32>> = old
        .iter()
        .map(|e| new.iter().position(|n| n.id == e.id).map(|i| i as u32))
        .collect();
    let moved = map.iter().enumerate().any(|(i, m)| *m != Some(i as u32));
    moved.then_some(map)
}

impl AzReads {
    /// The same reads with the answering endpoint's index as [`endpoint_moves`] maps it. An
    /// answer of an endpoint that is gone turns into path reads of its AZs, so any change of
    /// them evaluates the cell again (its service's cells are evaluated again anyway).
    pub fn moved(mut self, map: &[Option<u32>]) -> AzReads {
        if let Some(a) = self.answer {
            match map.get(a.endpoint as usize).copied().flatten() {
                Some(endpoint) => self.answer = Some(EniAnswer { endpoint, ..a }),
                None => {
                    self.path |= a.azs;
                    self.answer = None;
                }
            }
        }
        self
    }

    /// Add what `other`'s walks read (a family's replayed walk, read as this cell's).
    pub fn absorb(&mut self, other: &AzReads) {
        self.path |= other.path;
        self.answers = self.answers.saturating_add(other.answers);
        if other.answer.is_some() {
            self.answer = other.answer;
        }
    }

    /// What a change of the AZs `changed` (of which `recovered` came back) means for this cell.
    pub fn hit(&self, changed: u64, recovered: u64) -> AzHit {
        if self.path & changed != 0 {
            return AzHit::Redo;
        }
        match self.answer {
            Some(a) if a.azs & changed != 0 => {
                // Recovered ENIs were never walked; two answers cannot be told apart.
                if a.azs & recovered != 0 || self.answers > 1 {
                    AzHit::Redo
                } else {
                    AzHit::Answer(a)
                }
            }
            _ => AzHit::Keep,
        }
    }
}

impl EniAnswer {
    /// The ENIs of the answer still healthy, as (endpoint, ENI) pairs.
    pub fn healthy<'a>(
        &self,
        model: &'a Model,
        failed: &'a [bool],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let (e, enis) = (self.endpoint as usize, self.enis);
        model
            .endpoint_enis(e)
            .iter()
            .enumerate()
            .filter(move |&(i, eni)| {
                i < 64 && enis & (1 << i) != 0 && !failed.get(eni.az).copied().unwrap_or(false)
            })
            .map(move |(i, _)| (e, i))
    }

    /// The verdict of a cell that reached every ENI of this answer through the endpoint
    /// (`before`: reachable via the interface endpoint), now that some of their AZs failed and
    /// none came back: each ENI's walk is its own, so those still answered are reached as
    /// before; `cross_az` is over them. `None` when the verdict before was another, or no ENI
    /// is left (DNS then answers nothing: the walk says how the path ends).
    pub fn after_failures(
        &self,
        model: &Model,
        failed: &[bool],
        src_az: usize,
        before: &Verdict,
    ) -> Option<Verdict> {
        if !matches!(
            before,
            Verdict::Reachable {
                via: Via::InterfaceEndpoint,
                cross_az: Some(_)
            }
        ) {
            return None;
        }
        let mut left = self.healthy(model, failed).peekable();
        left.peek()?;
        Some(Verdict::Reachable {
            via: Via::InterfaceEndpoint,
            cross_az: Some(cross_az_of(model, src_az, left)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_path_az_redoes_and_an_answer_az_patches_unless_it_recovered() {
        let a = EniAnswer {
            endpoint: 0,
            azs: 0b111,
            enis: 0b111,
        };
        let reads = AzReads {
            path: 0b1000,
            answer: Some(a),
            answers: 1,
        };
        assert_eq!(reads.hit(0b1000, 0), AzHit::Redo);
        assert_eq!(reads.hit(0b0010, 0), AzHit::Answer(a));
        assert_eq!(reads.hit(0b0010, 0b0010), AzHit::Redo);
        assert_eq!(reads.hit(0b10000, 0), AzHit::Keep);
        let twice = AzReads {
            answers: 2,
            ..reads
        };
        assert_eq!(twice.hit(0b0010, 0), AzHit::Redo);
    }
}
