//! Aligning two lists for [`super::preserve`]: which elements stay, which go, which are new.

/// One step of a list's alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Op {
    Keep(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// Above this many cells the middle of two lists is not aligned element by element: it is all
/// removed and all inserted (then paired up where the lists are not keyed).
const MAX_CELLS: usize = 4_000_000;

/// The longest common subsequence of `a` and `b` as keeps, deletions and insertions, deletions
/// before the insertions that take their place.
pub(super) fn align(a: &[String], b: &[String]) -> Vec<Op> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<Op> = (0..pre).map(|i| Op::Keep(i, i)).collect();
    if ma.len() * mb.len() > MAX_CELLS {
        ops.extend((0..ma.len()).map(|i| Op::Delete(pre + i)));
        ops.extend((0..mb.len()).map(|j| Op::Insert(pre + j)));
    } else {
        let (n, m) = (ma.len(), mb.len());
        // lcs[i][j]: the common subsequence of ma[i..] and mb[j..].
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                ops.push(Op::Keep(pre + i, pre + j));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                ops.push(Op::Delete(pre + i));
                i += 1;
            } else {
                ops.push(Op::Insert(pre + j));
                j += 1;
            }
        }
    }
    let (na, nb) = (a.len() - suf, b.len() - suf);
    ops.extend((0..suf).map(|k| Op::Keep(na + k, nb + k)));
    ops
}

/// Between two kept elements, a removed element and an inserted one are one changed element
/// (a route whose target changed keeps its comment).
pub(super) fn pair_changes(ops: Vec<Op>) -> Vec<Op> {
    let mut out = Vec::with_capacity(ops.len());
    let mut k = 0;
    while k < ops.len() {
        if matches!(ops[k], Op::Keep(..)) {
            out.push(ops[k]);
            k += 1;
            continue;
        }
        let end = ops[k..]
            .iter()
            .position(|op| matches!(op, Op::Keep(..)))
            .map_or(ops.len(), |n| k + n);
        let dels: Vec<usize> = ops[k..end]
            .iter()
            .filter_map(|op| match op {
                Op::Delete(i) => Some(*i),
                _ => None,
            })
            .collect();
        let ins: Vec<usize> = ops[k..end]
            .iter()
            .filter_map(|op| match op {
                Op::Insert(j) => Some(*j),
                _ => None,
            })
            .collect();
        let both = dels.len().min(ins.len());
        out.extend((0..both).map(|x| Op::Keep(dels[x], ins[x])));
        out.extend(dels[both..].iter().map(|&i| Op::Delete(i)));
        out.extend(ins[both..].iter().map(|&j| Op::Insert(j)));
        k = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        s.chars().map(String::from).collect()
    }

    #[test]
    fn common_elements_stay_and_changes_pair_up() {
        let ops = align(&keys("abcd"), &keys("axcde"));
        assert_eq!(
            ops,
            [
                Op::Keep(0, 0),
                Op::Delete(1),
                Op::Insert(1),
                Op::Keep(2, 2),
                Op::Keep(3, 3),
                Op::Insert(4)
            ]
        );
        assert_eq!(
            pair_changes(ops),
            [
                Op::Keep(0, 0),
                Op::Keep(1, 1),
                Op::Keep(2, 2),
                Op::Keep(3, 3),
                Op::Insert(4)
            ]
        );
        assert_eq!(align(&keys("ab"), &keys("ba")).len(), 3);
    }
}
