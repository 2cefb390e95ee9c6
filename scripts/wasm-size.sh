#!/usr/bin/env bash
# What holds a module's bytes: `bash scripts/wasm-size.sh [first|full|intl] [TOP]`, after `make pkg`.
# Takes the wasm `make pkg` built (same flags), runs wasm-bindgen with its names kept and wasm-opt as
# scripts/package.sh does (plus -g), then reads the name section: the code's bytes by the crate's
# module (layout::table, read, json, ...) or the library it comes from (alloc, core, talc...), the
# data segment, and the TOP biggest functions (default 30). A function's bytes are its body after
# wasm-opt; code the optimiser inlined is counted in the function it went into.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
which=${1:-first}
top=${2:-30}
case "$which" in
  first) in=target/pkg-first ;;
  full) in=target/pkg-build ;;
  intl) in=target/pkg-intl ;;
  *) echo "usage: scripts/wasm-size.sh [first|full|intl] [TOP]" >&2; exit 2 ;;
esac
in=$in/wasm32-unknown-unknown/release/tallyboard.wasm
# The first paint's module's own further flags (scripts/package.sh, FIRST_OPT).
extra=(--one-caller-inline-max-function-size 0)
[ "$which" = first ] && extra=(--one-caller-inline-max-function-size 20 --flatten --rereloop -Oz --generate-global-effects -Oz)
[ -f "$in" ] || { echo "wasm-size: $in missing: run make pkg first" >&2; exit 1; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
wasm-bindgen --target web --keep-debug --out-dir "$d" --out-name m "$in"
wasm-opt -Oz --converge --low-memory-unused --strip-producers --strip-target-features --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue \
  --enable-mutable-globals "${extra[@]}" -g "$d/m_bg.wasm" -o "$d/named.wasm"
wasm-opt -Oz --converge --low-memory-unused --strip-producers --strip-target-features --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue \
  --enable-mutable-globals "${extra[@]}" "$d/m_bg.wasm" -o "$d/plain.wasm"
echo "$which: $(wc -c < "$d/plain.wasm") bytes raw, $(gzip -9c "$d/plain.wasm" | wc -c) gzip -9 (before scripts/short-imports.mjs)"
python3 - "$d/named.wasm" "$top" <<'PY'
import re, sys, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            return r, i

b = open(sys.argv[1], 'rb').read()
top = int(sys.argv[2])
i, imports, names, bodies, data = 8, 0, {}, [], 0
while i < len(b):
    sid = b[i]; i += 1
    n, i = leb(b, i)
    st, i = i, i + n
    if sid == 2:  # imports: functions count before the module's own in the name section
        c, j = leb(b, st)
        for _ in range(c):
            for _ in range(2):
                l, j = leb(b, j); j += l
            k = b[j]; j += 1
            if k == 0: _, j = leb(b, j); imports += 1
            elif k == 1: j += 1; f = b[j]; j += 1; _, j = leb(b, j); j = leb(b, j)[1] if f & 1 else j
            elif k == 2: f = b[j]; j += 1; _, j = leb(b, j); j = leb(b, j)[1] if f & 1 else j
            elif k == 3: j += 2
            elif k == 4: j += 1; _, j = leb(b, j)
    elif sid == 10:
        c, j = leb(b, st)
        for _ in range(c):
            sz, k = leb(b, j); bodies.append(k - j + sz); j = k + sz
    elif sid == 11:
        data = n
    elif sid == 0:
        l, j = leb(b, st)
        if b[j:j + l] == b'name':
            j += l
            while j < st + n:
                sub = b[j]; j += 1
                sl, j = leb(b, j)
                if sub == 1:
                    c, k = leb(b, j)
                    for _ in range(c):
                        idx, k = leb(b, k); l2, k = leb(b, k)
                        names[idx] = b[k:k + l2].decode('utf8', 'replace'); k += l2
                j += sl
rows = []
for f, size in enumerate(bodies):
    name = re.sub(r'\[[0-9a-f]+\]', '', names.get(f + imports, '?'))
    # The crate's module named last: a closure's (`Map<Iter<contest::Party>, layout::table::...>`).
    m = [x.group(0) for x in re.finditer(r'tallyboard::((?:layout|web|backend|export|seats)::)?[a-z_]+', name)]
    group = m[-1] if m else re.split(r'::|<', name.lstrip('<'))[0] or name[:30]
    rows.append((size, group, name))
code = sum(r[0] for r in rows)
print(f"code {code:,} bytes in {len(rows)} functions; data segment {data:,} bytes")
groups = collections.Counter()
for size, group, _ in rows:
    groups[group] += size
print("\nby module:")
for g, size in groups.most_common(40):
    print(f"{size:>9,}  {g}")
print(f"\nthe {top} biggest functions:")
for size, _, name in sorted(rows, reverse=True)[:top]:
    print(f"{size:>9,}  {name[:150]}")
PY
