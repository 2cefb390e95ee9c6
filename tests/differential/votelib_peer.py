#!/usr/bin/env python3
"""Peer side of tests/votelib.rs: each case evaluated by votelib.

    python3 tests/differential/votelib_peer.py IN.json OUT.json

IN is {"cases": [...]}; each case has "kind":
  "list":      votes, seats, method, threshold (percent string or null)
  "mmp":       votes, seats, district_seats, threshold: New Zealand's rule
               (threshold % of party votes OR one district seat; Sainte-Laguë
               entitlement of `seats`; district seats beyond it kept as overhang)
  "plurality": districts (votes per line per district), seats per district
  "districts": districts, seats per district, method, threshold (% of the district)
OUT is {"results": [{"id", "version", "seats": [...]} | {"id", "skip": why}]}.
A result is skipped when votelib reports a tie, when a share sits exactly on the
threshold (votelib's RelativeThreshold never accepts an exact hit), or when a
quota's whole seats exceed the seats (votelib's over-award subtraction then
gives a wrong total; tests/differential.rs checks those cases instead).
"""
import json
import sys
from fractions import Fraction

import votelib
from votelib.component import divisor
from votelib.evaluate import core, proportional, threshold as th

VERSION = getattr(votelib, "__version__", None)
if VERSION is None:
    from importlib.metadata import version
    VERSION = version("votelib")


def method(name, first_divisor=None):
    if first_divisor is not None:
        return proportional.HighestAverages(divisor.modified_first_coef(divisor.sainte_lague, Fraction(*first_divisor)))
    if name == "dhondt":
        return proportional.HighestAverages("d_hondt")
    if name == "sainte-lague":
        return proportional.HighestAverages("sainte_lague")
    if name == "msl-1.4":
        return proportional.HighestAverages(divisor.modified_first_coef(divisor.sainte_lague, Fraction(7, 5)))
    if name == "msl-1.2":
        return proportional.HighestAverages(divisor.modified_first_coef(divisor.sainte_lague, Fraction(6, 5)))
    quota = {"hare": "hare", "droop": "droop", "hagenbach-bischoff": "hagenbach_bischoff", "imperiali": "imperiali"}[name]
    return proportional.LargestRemainder(quota, on_overaward="subtract")


class Skip(Exception):
    pass


def on_threshold(votes, percent):
    """Whether a share is exactly the threshold (votelib would refuse it)."""
    if percent is None:
        return False
    t = Fraction(percent) / 100
    total = sum(votes.values())
    return any(Fraction(v, total) == t for v in votes.values())


def seats_of(result, names):
    out = []
    for n in names:
        out.append(result.get(n, 0))
    for k in result:
        if isinstance(k, core.Tie):
            raise Skip("tie")
    return out


def conditioned(evaluator, percent):
    if percent is None:
        return evaluator
    return core.Conditioned(th.RelativeThreshold(Fraction(percent) / 100), evaluator)


def over_award(c, votes):
    """Whether the quota's whole seats alone exceed the seats (Imperiali, now
    and then Hagenbach-Bischoff): votelib's on_overaward="subtract" then
    returns a wrong total (e.g. 2 seats of 7), a defect of votelib 0.4."""
    q = getattr(method(c["method"], c.get("first_divisor")), "quota_function", None)
    if q is None:
        return False
    if c["threshold"] is not None:
        t = Fraction(c["threshold"]) / 100
        total = sum(votes.values())
        votes = {n: v for n, v in votes.items() if Fraction(v, total) >= t}
    quota = q(sum(votes.values()), c["seats"])
    return sum(int(Fraction(v, quota)) for v in votes.values()) > c["seats"]


def list_case(c):
    names = [f"P{i}" for i in range(len(c["votes"]))]
    votes = dict(zip(names, c["votes"]))
    if on_threshold(votes, c["threshold"]):
        raise Skip("exact threshold")
    if c["method"] == "plurality":
        elected = core.Plurality().evaluate(votes, c["seats"])
        if any(isinstance(e, core.Tie) for e in elected):
            raise Skip("tie")
        return [sum(1 for e in elected if e == n) for n in names]
    if over_award(c, votes):
        raise Skip("over-award")
    out = seats_of(conditioned(method(c["method"], c.get("first_divisor")), c["threshold"]).evaluate(votes, c["seats"]), names)
    if sum(out) != c["seats"]:
        raise SystemExit(f"case {c['id']}: votelib gives {sum(out)} seats of {c['seats']}")
    return out


def mmp_case(c):
    names = [f"P{i}" for i in range(len(c["votes"]))]
    votes = dict(zip(names, c["votes"]))
    if on_threshold(votes, c["threshold"]):
        raise Skip("exact threshold")
    prev = {n: d for n, d in zip(names, c["district_seats"]) if d > 0}
    if c["threshold"] is None:
        # Qualification decided by the caller: the lines with votes are those that qualify.
        qualified = {n for n, v in votes.items() if v > 0}
    else:
        # Qualification first, with the district seats in hand: votelib's
        # AllowOverhang runs its evaluator without prev_gains, so a Conditioned
        # evaluator inside it would drop the lists that qualify by a district seat.
        eliminator = th.AlternativeThresholds([
            th.RelativeThreshold(Fraction(c["threshold"]) / 100),
            th.PreviousGainThreshold(th.AbsoluteThreshold(1)),
        ])
        qualified = set(eliminator.evaluate(votes, prev_gains=prev))
    votes = {n: v for n, v in votes.items() if n in qualified}
    entitled = method(c["method"])
    system = core.AdjustedSeatCount(calculator=core.AllowOverhang(entitled), evaluator=entitled)
    won = system.evaluate(votes, c["seats"], prev_gains={n: d for n, d in prev.items() if n in qualified})
    if any(isinstance(k, core.Tie) for k in won):
        raise Skip("tie")
    return [won.get(n, 0) + prev.get(n, 0) for n in names]


def plurality_case(c):
    n = len(c["districts"][0])
    names = [f"P{i}" for i in range(n)]
    total = [0] * n
    for dv, s in zip(c["districts"], c["seats"]):
        elected = core.Plurality().evaluate(dict(zip(names, dv)), s)
        for e in elected:
            if isinstance(e, core.Tie):
                raise Skip("tie")
            total[names.index(e)] += 1
    return total


def districts_case(c):
    n = len(c["districts"][0])
    names = [f"P{i}" for i in range(n)]
    total = [0] * n
    for dv, s in zip(c["districts"], c["seats"]):
        votes = dict(zip(names, dv))
        if on_threshold(votes, c["threshold"]):
            raise Skip("exact threshold")
        won = conditioned(method(c["method"]), c["threshold"]).evaluate(votes, s)
        for i, x in enumerate(seats_of(won, names)):
            total[i] += x
    return total


KINDS = {"list": list_case, "mmp": mmp_case, "plurality": plurality_case, "districts": districts_case}


def main():
    cases = json.load(open(sys.argv[1]))["cases"]
    results = []
    for c in cases:
        try:
            results.append({"id": c["id"], "version": VERSION, "seats": KINDS[c["kind"]](c)})
        except Skip as e:
            results.append({"id": c["id"], "version": VERSION, "skip": str(e)})
    json.dump({"results": results}, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
