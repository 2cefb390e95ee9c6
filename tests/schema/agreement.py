#!/usr/bin/env python3
"""The validator and the JSON Schema agree on what a well-formed document is.

For every www/data/*.json example, every tests/elections/*.json corpus election and
documents mutated from them (a key dropped, a value of the wrong type, an unknown key,
a number out of range, a bad keyword), the schema's verdict (valid or not) must equal
the validator's: a document is well-formed for the validator when `tallyboard validate
--json` reports no finding of the shape family (codes shape/*, json/*, count/*,
name/missing, name/empty, percent/unreadable, percent/negative, percent/over-100,
color/invalid, list/empty, date/invalid). Cross-field checks (sums, shares, seats) are
the validator's alone: a JSON Schema cannot express them.

usage: agreement.py TALLYBOARD_BINARY
Prints one line per disagreement, then "N documents, M disagreements". Exit 1 if any.
"""

import copy
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHAPE = ("shape/", "json/", "count/")
SHAPE_CODES = {"name/missing", "name/empty", "percent/unreadable", "percent/negative", "percent/over-100",
               "color/invalid", "list/empty", "date/invalid"}


def is_shape(code):
    return code.startswith(SHAPE) or code in SHAPE_CODES


def paths(node, here=()):
    """Every (path, value) in a JSON tree."""
    yield here, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, here + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, here + (i,))


def get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def mutations(doc, rng, n):
    """n documents, each with one change of shape."""
    every = [p for p, _ in paths(doc) if p]
    out = []
    for _ in range(n):
        d = copy.deepcopy(doc)
        path = rng.choice(every)
        parent, key = get(d, path[:-1]), path[-1]
        kind = rng.randrange(6)
        value = parent[key]
        if kind == 0 and isinstance(parent, dict):
            del parent[key]
        elif kind == 1:
            parent[key] = "12" if not isinstance(value, str) else 12
        elif kind == 2 and isinstance(parent, dict):
            parent["unknwon_key"] = 1
        elif kind == 3 and isinstance(value, (int, float)) and not isinstance(value, bool):
            parent[key] = -1
        elif kind == 4 and isinstance(value, (int, float)) and not isinstance(value, bool):
            parent[key] = 1.5 if isinstance(value, int) else 150
        elif kind == 5:
            parent[key] = None
        else:
            parent[key] = [] if not isinstance(value, list) else {}
        out.append(d)
    return out


def main():
    binary = sys.argv[1]
    schema = json.load(open(os.path.join(ROOT, "schema", "tallyboard.schema.json")))
    validator = Draft202012Validator(schema)
    rng = random.Random(20261202)
    sources = sorted(glob.glob(os.path.join(ROOT, "www", "data", "*.json")) + glob.glob(os.path.join(ROOT, "www", "data", "night", "*.json"))
                     + glob.glob(os.path.join(ROOT, "tests", "elections", "*.json")))
    docs = []
    for path in sources:
        doc = json.load(open(path, encoding="utf-8"))
        docs.append((os.path.basename(path), doc))
        small = len(json.dumps(doc)) < 200_000
        for k, m in enumerate(mutations(doc, rng, 40 if small else 8)):
            docs.append((os.path.basename(path) + f"#mutation{k}", m))
    disagreements = 0
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, (name, doc) in enumerate(docs):
            f = os.path.join(tmp, f"{i}.json")
            with open(f, "w", encoding="utf-8") as out:
                json.dump(doc, out, ensure_ascii=False)
            files.append(f)
        res = subprocess.run([binary, "validate", "--json", *files], capture_output=True, text=True)
        verdicts = json.loads(res.stdout)
        if isinstance(verdicts, dict):
            verdicts = [verdicts]
    for (name, doc), v in zip(docs, verdicts):
        shape = sorted({(f["code"], f["path"]) for f in v.get("findings", []) if is_shape(f["code"])})
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if bool(shape) != bool(errors):
            disagreements += 1
            if errors:
                e = errors[0]
                print(f"DISAGREE {name}: the schema says /{'/'.join(map(str, e.absolute_path))}: {e.message[:160]}; the validator has no shape finding")
            else:
                print(f"DISAGREE {name}: the validator says {shape[:2]}; the schema accepts it")
    print(f"{len(docs)} documents, {disagreements} disagreements")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
