#!/usr/bin/env python3
"""Peer side of the differential seat-allocation test (tests/differential.rs).

    python3 tests/differential/peer.py IN.json OUT.json

IN holds every case of one run: {"cases": [case, ...]}, each case

    {"id": 0, "method": "dhondt" | "sainte-lague" | "modified-sainte-lague"
                        | "hare" | "droop" | "hagenbach-bischoff",
     "votes": [...],        # ineligible parties already set to 0 (our threshold)
     "seats": 10,
     "peer": true,          # false: the peer lacks the method (reference only)
     "exact_mode": false,   # also run the peer with fractions=True
     "always_check": false, # always compute the exact Fraction reference
     "ours": {"seats": [...], "tie": [...], "tie_seats": 0},
     "threshold": null | {"percent": "7", "votes": [...original votes...]}}

OUT gets {"peer_version", "numpy_version", "python_version", "results": [...]}
in the same order, each result

    {"id", "peer": run | null, "peer_exact": run | null,
     "exact": alloc | null, "threshold": null | {"exact": [...], "peer": [...]}}

    run   = {"seats": [...] | null, "tie": bool, "error": str | null,
             "warning": str | null, "accepted": bool,
             "witness": null | "float" | "logic" | "mixed", "witness_text": str}
    alloc = {"seats": [...certain seats...], "tie": [...], "tie_seats": k}

`peer` is apportionment.methods.compute(...) in its default (float) mode,
`peer_exact` the same with fractions=True. The seats come from
tiesallowed=True (the peer breaks ties by lowest index); `tie` is True when
the peer reports a tie (see run_peer; on every 20th case and the fixed
ones, "tie_exception" also records whether tiesallowed=False raised
TiesException: "raised" / "no" / "error: ...", which must agree). `accepted` says whether the peer's seats are one resolution
of OUR allocation (same rule as Allocation::accepts). Only when they are
not is the expensive part done: `exact` is an independent textbook
allocation in fractions.Fraction arithmetic, and `witness` names a pair of
parties the peer ordered against the exact order, and why:
  "float": every such pair is one the peer's own float64 arithmetic
           (votes / 1.4 etc., or votes*seats/total) cannot tell apart or
           puts the other way round: a peer float error;
  "logic": the peer's float values order the pair correctly and it still
           gave the seat to the wrong party (a defect in the peer's logic);
  "mixed": both kinds.
The verdict is made in Rust; `ours` is passed in only to decide when the
exact reference and the witness are worth computing.
"""

import contextlib
import io
import json
import math
import os
import sys
import warnings
from fractions import Fraction

try:
    import numpy as np
    import apportionment.methods as peer
except ImportError as e:  # reported by the Rust side as a test failure
    print(
        "peer.py: cannot import the PyPI package `apportionment` (and numpy): "
        f"{e}. Install it with `make setup` (or `python3 -m pip install apportionment`).",
        file=sys.stderr,
    )
    sys.exit(3)

# Our method key -> the peer's method name (apportionment.methods.METHODS).
PEER_NAME = {
    "dhondt": "dhondt",
    "sainte-lague": "saintelague",
    "modified-sainte-lague": "modified_saintelague",
    "hare": "largest_remainder",
}
DIVISOR_METHODS = ("dhondt", "sainte-lague", "modified-sainte-lague")


# ----------------------------------------------------------------- the peer
def run_peer(method, votes, seats, fractions, cross_check=False):
    """The peer's seats, whether it reports a tie, and any error/warning.

    One call, with tiesallowed=True (ties broken by lowest index) and
    verbose=True: the peer prints "... to the disadvantage of: ..." exactly
    when its `ties` flag is set, which is also exactly when tiesallowed=False
    would raise TiesException (calling twice would double the time of every
    tied case). `cross_check` also makes the tiesallowed=False call and
    records whether it raised, so the two readings can be compared."""
    parties = [str(i) for i in range(len(votes))]  # default is 52 letters only
    name = PEER_NAME[method]
    out = {"seats": None, "tie": False, "error": None, "warning": None}
    printed = io.StringIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with contextlib.redirect_stdout(printed):
                res = peer.compute(name, list(votes), seats, fractions=fractions,
                                   parties=parties, tiesallowed=True, verbose=True)
            out["seats"] = [int(x) for x in res]
            out["tie"] = "to the disadvantage of" in printed.getvalue()
        except Exception as e:  # noqa: BLE001 - any peer failure is reported
            out["error"] = f"{type(e).__name__}: {e}"
        if cross_check:
            try:
                peer.compute(name, list(votes), seats, fractions=fractions,
                             parties=parties, tiesallowed=False)
                out["tie_exception"] = "no"
            except peer.TiesException:
                out["tie_exception"] = "raised"
            except Exception as e:  # noqa: BLE001
                out["tie_exception"] = f"error: {type(e).__name__}: {e}"
    if caught:
        out["warning"] = "; ".join(sorted({f"{w.category.__name__}: {w.message}" for w in caught}))
    return out


# ------------------------------------------------------ same rule as ours
def accepts(ours, reported):
    """Allocation::accepts: `reported` is one resolution of our allocation."""
    certain = ours["seats"]
    if reported is None or len(reported) != len(certain):
        return False
    tied = set(ours["tie"])
    extra = 0
    for i, (r, c) in enumerate(zip(reported, certain)):
        if r == c:
            continue
        if i in tied and r == c + 1:
            extra += 1
        else:
            return False
    return extra == ours["tie_seats"]


# ------------------------------------------- exact reference (Fractions)
def divisor_exact(method, k):
    if method == "dhondt":
        return Fraction(k + 1)
    if method == "modified-sainte-lague" and k == 0:
        return Fraction(7, 5)
    return Fraction(2 * k + 1)


def divisor_float(method, k):
    """The divisor exactly as the peer builds it (numpy float64 / int64)."""
    if method == "dhondt":
        return float(k + 1)
    if method == "modified-sainte-lague" and k == 0:
        return 1.4
    return float(2 * k + 1)


def alloc(certain, tied, tie_seats):
    if tie_seats == len(tied):  # every tied party gets its seat: no tie
        for i in tied:
            certain[i] += 1
        tied, tie_seats = [], 0
    return {"seats": certain, "tie": sorted(tied), "tie_seats": tie_seats}


def exact_divisor(method, votes, seats):
    n = len(votes)
    quotients = sorted(
        (Fraction(v) / divisor_exact(method, k) for v in votes if v > 0 for k in range(seats)),
        reverse=True,
    )
    if seats == 0 or not quotients:
        return alloc([0] * n, [], 0)
    cut = quotients[seats - 1]
    certain = [0] * n
    tied = []
    for i, v in enumerate(votes):
        if v <= 0:
            continue
        k = 0
        while k < seats and Fraction(v) / divisor_exact(method, k) > cut:
            k += 1
        certain[i] = k
        if k < seats and Fraction(v) / divisor_exact(method, k) == cut:
            tied.append(i)
    return alloc(certain, tied, seats - sum(certain))


def exact_remainder(method, votes, seats):
    """Largest remainder; Droop and Hagenbach-Bischoff follow our documented
    conventions (leftover seats beyond one per party go round in full
    rounds; Hagenbach-Bischoff's possible extra seat is taken back from the
    smallest remainder among seat holders, a tie if several are equal)."""
    n = len(votes)
    el = [i for i in range(n) if votes[i] > 0]
    total = sum(votes[i] for i in el)
    if seats == 0 or not el:
        return alloc([0] * n, [], 0)
    if method == "hare":
        quota = Fraction(total, seats)
    elif method == "droop":
        quota = Fraction(total // (seats + 1) + 1)
    else:  # hagenbach-bischoff
        quota = Fraction(total, seats + 1)
    certain = [0] * n
    rem = {}
    for i in el:
        q = Fraction(votes[i]) / quota
        certain[i] = math.floor(q)
        rem[i] = q - certain[i]
    given = sum(certain)
    if given > seats:
        over = given - seats
        holders = sorted((i for i in el if certain[i] > 0), key=lambda i: rem[i])
        over = min(over, len(holders))
        cut = rem[holders[over - 1]]
        below = [i for i in holders if rem[i] < cut]
        tied = [i for i in holders if rem[i] == cut]
        for i in below:
            certain[i] -= 1
        lose = over - len(below)
        for i in tied:
            certain[i] -= 1
        if lose == len(tied):  # all of them lose one: no tie
            return alloc(certain, [], 0)
        # each tied party may be the one losing: `len(tied) - lose` of them keep theirs
        return alloc(certain, tied, len(tied) - lose)
    left = seats - given
    rounds = left // len(el)
    for i in el:
        certain[i] += rounds
    left -= rounds * len(el)
    if left == 0:
        return alloc(certain, [], 0)
    order = sorted(el, key=lambda i: rem[i], reverse=True)
    cut = rem[order[left - 1]]
    above = [i for i in el if rem[i] > cut]
    tied = [i for i in el if rem[i] == cut]
    for i in above:
        certain[i] += 1
    return alloc(certain, tied, left - len(above))


def exact_alloc(method, votes, seats):
    if method in DIVISOR_METHODS:
        return exact_divisor(method, votes, seats)
    return exact_remainder(method, votes, seats)


# ------------------------------------------------------------- witnesses
def witness_divisor(method, votes, seats, got):
    """Pairs (i won its last seat, j lost its next one) in the wrong exact order."""
    n = len(votes)
    kinds, texts = set(), []
    if sum(got) != seats:
        kinds.add("logic")
        texts.append(f"peer hands out {sum(got)} seats, not {seats}")
    for i in range(n):
        if got[i] > 0 and votes[i] == 0:
            kinds.add("logic")
            texts.append(f"party {i} has 0 votes and gets {got[i]} seats")
    for i in range(n):
        if got[i] <= 0 or votes[i] <= 0 or got[i] > seats:
            continue
        ki = got[i] - 1
        win_x = Fraction(votes[i]) / divisor_exact(method, ki)
        win_f = float(votes[i]) / divisor_float(method, ki)
        for j in range(n):
            if j == i or votes[j] <= 0 or got[j] >= seats:
                continue
            kj = got[j]
            lose_x = Fraction(votes[j]) / divisor_exact(method, kj)
            if lose_x <= win_x:
                continue
            lose_f = float(votes[j]) / divisor_float(method, kj)
            # equal floats are a tie to the peer, which it breaks by lower index
            kind = "float" if lose_f < win_f or (lose_f == win_f and i < j) else "logic"
            kinds.add(kind)
            if len(texts) < 3:
                texts.append(
                    f"{kind}: party {j} loses {votes[j]}/{divisor_exact(method, kj)} to party {i}'s "
                    f"{votes[i]}/{divisor_exact(method, ki)}; exact difference "
                    f"{lose_x - win_x} > 0, float64 values {lose_f!r} vs {win_f!r}"
                )
    return kinds, texts


def witness_hare(votes, seats, got):
    n = len(votes)
    total = sum(votes)
    kinds, texts = set(), []
    if sum(got) != seats:
        kinds.add("logic")
        texts.append(f"peer hands out {sum(got)} seats, not {seats}")
    floor_x, rem_x, rem_f = [], [], []
    for i in range(n):
        fx = votes[i] * seats // total
        qf = float(votes[i] * seats) / float(total)  # what numpy computes
        ff = math.trunc(qf)
        if ff != fx:
            kinds.add("float")
            texts.append(
                f"float: party {i} quota {votes[i] * seats}/{total} has floor {fx} exactly, "
                f"float64 {qf!r} truncates to {ff}"
            )
        floor_x.append(fx)
        rem_x.append(Fraction(votes[i] * seats, total) - fx)
        rem_f.append(qf - ff)
    extra = [g - f for g, f in zip(got, floor_x)]
    if any(e not in (0, 1) for e in extra) and "float" not in kinds:
        kinds.add("logic")
        texts.append(f"peer seats minus exact floors: {extra}")
    for i in range(n):
        if extra[i] != 1:
            continue
        for j in range(n):
            if j == i or extra[j] != 0 or votes[j] == 0 or rem_x[j] <= rem_x[i]:
                continue
            # equal floats are a tie to the peer, which it breaks by lower index
            kind = "float" if rem_f[j] < rem_f[i] or (rem_f[j] == rem_f[i] and i < j) else "logic"
            kinds.add(kind)
            if len(texts) < 3:
                texts.append(
                    f"{kind}: party {j} (remainder {rem_x[j]}) gets no extra seat while party {i} "
                    f"(remainder {rem_x[i]}) does; exact difference {rem_x[j] - rem_x[i]} > 0, "
                    f"float64 remainders {rem_f[j]!r} vs {rem_f[i]!r}"
                )
    return kinds, texts


def witness(method, votes, seats, got):
    if got is None:
        return None, "peer gave no result"
    if method == "hare":
        kinds, texts = witness_hare(votes, seats, got)
    else:
        kinds, texts = witness_divisor(method, votes, seats, got)
    if not kinds:
        return None, "no pair of parties in the wrong exact order found"
    kind = kinds.pop() if len(kinds) == 1 else "mixed"
    return kind, " | ".join(texts)


# ------------------------------------------------------------------ cases
def threshold_info(case):
    t = case.get("threshold")
    if not t:
        return None
    votes = t["votes"]
    base = sum(votes)
    pct = Fraction(t["percent"])  # exact decimal
    exact = [Fraction(v * 100, base) >= pct if base else True for v in votes]
    # how the peer would do it, with the float a user would write (0.07 for 7%)
    kept = peer.apply_threshold(votes, float(pct / 100))
    # the peer keeps v when v >= sum*threshold (float); 0-vote parties are not comparable
    peer_pass = [None if v == 0 else bool(k != 0) for v, k in zip(votes, kept)]
    return {"exact": exact, "peer": peer_pass}


def run_case(case):
    method, votes, seats, ours = case["method"], case["votes"], case["seats"], case["ours"]
    out = {"id": case["id"], "peer": None, "peer_exact": None, "exact": None,
           "threshold": threshold_info(case)}
    need_exact = case.get("always_check", False) or not case.get("peer", True)
    runs = []
    if case.get("peer", True):
        cross = case.get("always_check", False) or case["id"] % 20 == 0
        out["peer"] = run_peer(method, votes, seats, fractions=False, cross_check=cross)
        runs.append(out["peer"])
        if case.get("exact_mode", False):
            out["peer_exact"] = run_peer(method, votes, seats, fractions=True, cross_check=cross)
            runs.append(out["peer_exact"])
    for r in runs:
        r["accepted"] = accepts(ours, r["seats"]) if ours is not None else False
        r["witness"], r["witness_text"] = None, ""
        if not r["accepted"]:
            need_exact = True
            if r["seats"] is not None:
                r["witness"], r["witness_text"] = witness(method, votes, seats, r["seats"])
    if need_exact:
        out["exact"] = exact_alloc(method, votes, seats)
    return out


def main():
    if len(sys.argv) != 3:
        print("usage: peer.py IN.json OUT.json", file=sys.stderr)
        sys.exit(2)
    with open(sys.argv[1]) as f:
        cases = json.load(f)["cases"]
    np.seterr(all="warn")
    workers = min(os.cpu_count() or 1, 8)
    if workers > 1 and len(cases) > 1000:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(workers) as pool:
            results = pool.map(run_case, cases, chunksize=100)
    else:
        results = [run_case(c) for c in cases]
    try:
        from importlib.metadata import version
        peer_version = version("apportionment")
    except Exception:  # noqa: BLE001
        peer_version = "unknown"
    with open(sys.argv[2], "w") as f:
        json.dump({"peer_version": peer_version, "numpy_version": np.__version__,
                   "python_version": sys.version.split()[0], "results": results}, f)


if __name__ == "__main__":
    main()
