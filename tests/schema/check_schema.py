#!/usr/bin/env python3
"""Check www/data/*.json against schema/tallyboard.schema.json.

Needs the PyPI package `jsonschema` (python3 -m pip install jsonschema).

Cases:
  * the schema itself is a valid draft 2020-12 schema;
  * every www/data/*.json document loads (UTF-8, no duplicate keys) and is valid;
  * the contract example and the JSON examples in docs/format.md are valid;
  * every property in the schema has a description;
  * a set of deliberately broken documents is rejected.

Prints one line per case, then exactly "N passed, M failed" on its own line.
Exits 1 on any failure.
"""

import copy
import glob
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - reported as a failure, not a traceback
    print("FAIL import jsonschema: install it with `python3 -m pip install jsonschema`")
    print("0 passed, 1 failed")
    sys.exit(1)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMA_PATH = os.path.join(ROOT, "schema", "tallyboard.schema.json")
DATA_GLOB = os.path.join(ROOT, "www", "data", "*.json")

passed = 0
failed = 0


def report(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {name}")
    else:
        failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def load_json(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    return json.loads(text, object_pairs_hook=no_duplicates)


def first_error(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    e = errors[0]
    where = "/".join(str(p) for p in e.absolute_path) or "(root)"
    return f"{where}: {e.message[:200]}"


# The example from the format contract: one election and one vote.
CONTRACT_EXAMPLE = {
    "tallyboard": 1,
    "title": "Example",
    "source": {"name": "Example source", "url": "https://example.invalid/results", "retrieved": "2024-05-01"},
    "notes": ["An example."],
    "contests": [
        {
            "kind": "election", "id": "mazhilis-2021", "title": "Mazhilis 2021", "date": "2021-01-10",
            "body": "Mazhilis", "seats": 98, "majority": 50, "method": "hare",
            "threshold": {"percent": 7, "of": "valid"}, "electorate": 11919241,
            "ballots": {"cast": 7539280, "valid": None, "invalid": None, "blank": None},
            "turnout_percent": 63.25, "notes": ["n"], "source": {"name": "s", "url": "https://example.invalid/"},
            "parties": [{"name": "Nur Otan", "short": "NO", "color": "#1f77b4", "votes": 5148074,
                         "percent": 71.09, "seats": 76, "previous_seats": 84}],
        },
        {
            "kind": "vote", "id": "chair-2022", "title": "Election of the Party Chairman", "date": "2022-01-28",
            "body": "21st Extraordinary Congress of Nur Otan", "question": "Who shall chair the party?",
            "electorate": 399, "participants": 389, "rule": "majority-of-votes-cast",
            "options": [{"name": "Kassym-Jomart Tokayev", "votes": 389, "percent": 100.0}],
            "outcome": "Kassym-Jomart Tokayev", "turnout_percent": 97.5,
        },
    ],
}


def broken_cases():
    """(name, document, expected) triples that the schema must reject.

    `expected` is a fragment that must appear in at least one error
    ("<path>: <message>"), so that a document rejected for an unrelated
    reason does not count as a pass.
    """
    base = CONTRACT_EXAMPLE
    cases = []

    def mutate(name, expected, fn):
        doc = copy.deepcopy(base)
        fn(doc)
        cases.append((name, doc, expected))

    election = lambda d: d["contests"][0]
    vote = lambda d: d["contests"][1]

    mutate("wrong kind", "contests/0/kind", lambda d: election(d).update(kind="referendum"))
    mutate("missing kind", "'kind' is a required property", lambda d: election(d).pop("kind"))
    mutate("missing contests", "'contests' is a required property", lambda d: d.pop("contests"))
    mutate("empty contests", "contests:", lambda d: d.update(contests=[]))
    mutate("wrong format version", "tallyboard:", lambda d: d.update(tallyboard=2))
    mutate("string votes (party)", "parties/0/votes", lambda d: election(d)["parties"][0].update(votes="5148074"))
    mutate("string votes (option)", "options/0/votes", lambda d: vote(d)["options"][0].update(votes="389"))
    mutate("string ballots", "ballots/cast", lambda d: election(d)["ballots"].update(cast="7539280"))
    mutate("negative votes", "parties/0/votes", lambda d: election(d)["parties"][0].update(votes=-1))
    mutate("fractional votes", "parties/0/votes", lambda d: election(d)["parties"][0].update(votes=12.5))
    mutate("string percent", "parties/0/percent", lambda d: election(d)["parties"][0].update(percent="71.09"))
    mutate("percent over 100", "contests/1/turnout_percent", lambda d: vote(d).update(turnout_percent=100.5))
    mutate("unknown key at top level", "'author' was unexpected", lambda d: d.update(author="x"))
    mutate("unknown key in election", "'winner' was unexpected", lambda d: election(d).update(winner="Nur Otan"))
    mutate("unknown key in vote", "'abstentions' was unexpected", lambda d: vote(d).update(abstentions=0))
    mutate("unknown key in party", "'leader' was unexpected", lambda d: election(d)["parties"][0].update(leader="x"))
    mutate("unknown key in ballots", "'spoilt' was unexpected", lambda d: election(d)["ballots"].update(spoilt=0))
    mutate("unknown key in threshold", "'seats' was unexpected", lambda d: election(d)["threshold"].update(seats=1))
    mutate("unknown key in source", "'author' was unexpected", lambda d: d["source"].update(author="x"))
    mutate("election without parties or candidates", "'parties' is a required property",
           lambda d: election(d).pop("parties"))
    mutate("election with both parties and candidates", "is valid under each of",
           lambda d: election(d).update(candidates=copy.deepcopy(election(d)["parties"])))
    mutate("vote without options", "'options' is a required property", lambda d: vote(d).pop("options"))
    mutate("vote with parties instead of options", "'parties' was unexpected",
           lambda d: vote(d).update(parties=vote(d).pop("options")))
    mutate("seats in a vote option", "'seats' was unexpected", lambda d: vote(d)["options"][0].update(seats=1))
    mutate("election keys in a vote", "'method' was unexpected", lambda d: vote(d).update(method="hare"))
    mutate("party missing name", "'name' is a required property", lambda d: election(d)["parties"][0].pop("name"))
    mutate("unknown method", "contests/0/method", lambda d: election(d).update(method="largest-remainder"))
    mutate("threshold of unknown base", "threshold/of", lambda d: election(d)["threshold"].update(of="registered"))
    mutate("unknown rule", "contests/1/rule", lambda d: vote(d).update(rule="plurality"))
    mutate("bad colour", "parties/0/color", lambda d: election(d)["parties"][0].update(color="blue"))
    mutate("short colour", "parties/0/color", lambda d: election(d)["parties"][0].update(color="#abc"))
    mutate("bad date", "contests/1/date", lambda d: vote(d).update(date="28.01.2022"))
    mutate("unknown role", "parties/0/role", lambda d: election(d)["parties"][0].update(role="coalition"))
    mutate("null name", "parties/0/name", lambda d: election(d)["parties"][0].update(name=None))
    mutate("alliance of one party", "alliance_of", lambda d: election(d)["parties"][0].update(alliance_of=1))
    mutate("contest not an object", "contests/2", lambda d: d["contests"].append("mazhilis-2016"))
    return cases


def accepted_variants():
    """(name, document) pairs of legal variations that the schema must accept."""
    base = CONTRACT_EXAMPLE
    cases = []

    def mutate(name, fn):
        doc = copy.deepcopy(base)
        fn(doc)
        cases.append((name, doc))

    election = lambda d: d["contests"][0]
    vote = lambda d: d["contests"][1]

    # Figures that no source gives may be left out (the validator reads them as unknown).
    mutate("election missing seats", lambda d: election(d).pop("seats"))
    mutate("vote missing outcome", lambda d: vote(d).pop("outcome"))
    mutate("ballots missing valid", lambda d: election(d)["ballots"].pop("valid"))
    mutate("candidates instead of parties",
           lambda d: election(d).update(candidates=election(d).pop("parties")))
    mutate("vote without rule (source does not state it)", lambda d: vote(d).pop("rule"))
    mutate("null counts and percentages", lambda d: (
        vote(d).update(electorate=None, participants=None, turnout_percent=None,
                       options=[{"name": "For", "votes": None, "percent": None}], outcome="For"),
        election(d)["parties"][0].update(votes=None, percent=None, seats=None)))
    mutate("outcome none", lambda d: vote(d).update(outcome="none"))
    mutate("only required keys", lambda d: (
        d.pop("source"), d.pop("notes"),
        [election(d).pop(k) for k in ("body", "majority", "notes", "source")],
        [election(d)["parties"][0].pop(k) for k in ("short", "color", "previous_seats")],
        [vote(d).pop(k) for k in ("body", "question", "rule")]))
    mutate("non-ASCII names", lambda d: vote(d).update(
        body="«Нұр Отан» партиясының кезектен тыс XXI съезі"))
    return cases


def all_errors(validator, doc):
    out = []
    for e in validator.iter_errors(doc):
        for err in [e, *(e.context or [])]:
            where = "/".join(str(p) for p in err.absolute_path) or "(root)"
            out.append(f"{where}: {err.message}")
    return out


def doc_examples():
    """The ```json blocks of docs/format.md (empty if the file is missing)."""
    path = os.path.join(ROOT, "docs", "format.md")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return re.findall(r"^```json\n(.*?)^```", text, flags=re.S | re.M)


def missing_descriptions(node, path="#"):
    """Yield the paths of properties (and $defs) that have no description."""
    if isinstance(node, dict):
        for group in ("properties", "$defs"):
            for key, sub in (node.get(group) or {}).items():
                if isinstance(sub, dict) and "description" not in sub:
                    yield f"{path}/{group}/{key}"
        for key, sub in node.items():
            if key in ("if", "not"):  # conditions, not documented properties
                continue
            yield from missing_descriptions(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from missing_descriptions(sub, f"{path}/{i}")


def main():
    try:
        schema = load_json(SCHEMA_PATH)
        Draft202012Validator.check_schema(schema)
        report(True, "schema is a valid draft 2020-12 schema")
    except Exception as e:  # noqa: BLE001 - any problem here is one failed case
        report(False, "schema is a valid draft 2020-12 schema", str(e)[:300])
        print(f"{passed} passed, {failed} failed")
        return 1

    undocumented = sorted(missing_descriptions(schema))
    report(not undocumented, "every schema property has a description",
           "missing at " + ", ".join(undocumented[:10]))

    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    # The examples and the election-night states (www/data/night/).
    paths = sorted(glob.glob(DATA_GLOB) + glob.glob(os.path.join(ROOT, "www", "data", "night", "*.json")))
    report(bool(paths), "www/data has documents", "no www/data/*.json found")
    for path in paths:
        name = "valid " + os.path.relpath(path, ROOT)
        try:
            doc = load_json(path)
        except Exception as e:  # noqa: BLE001
            report(False, name, f"does not load: {e}")
            continue
        err = first_error(validator, doc)
        report(err is None, name, err or "")

    err = first_error(validator, CONTRACT_EXAMPLE)
    report(err is None, "valid contract example", err or "")

    for i, block in enumerate(doc_examples(), 1):
        name = f"valid docs/format.md example {i}"
        try:
            doc = json.loads(block, object_pairs_hook=no_duplicates)
        except Exception as e:  # noqa: BLE001
            report(False, name, f"does not parse: {e}")
            continue
        err = first_error(validator, doc)
        report(err is None, name, err or "")

    for case_name, doc in accepted_variants():
        err = first_error(validator, doc)
        report(err is None, f"accepts {case_name}", err or "")

    for case_name, doc, expected in broken_cases():
        errors = all_errors(validator, doc)
        if not errors:
            report(False, f"rejects {case_name}", "was accepted")
        elif not any(expected in e for e in errors):
            report(False, f"rejects {case_name}",
                   f"rejected, but not for {expected!r}: {errors[0][:200]}")
        else:
            report(True, f"rejects {case_name}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
