//! Route choices for the walk. The choice itself (aws-semantics.md §1: longest prefix, static
//! over prefix list, the arbitrary prefix-list tie) and the decisions it becomes in a trace are
//! made in `model::index::route_select`, beside the compiled table that keeps them for each
//! service's ranges; the walk reaches them through here.

pub(crate) use crate::model::destination_text;
pub(crate) use crate::model::route_select::{
    Choice, Group, choose, groups, kept_endpoint_group, kept_endpoint_subgroup, kept_group,
    split_into_with,
};
