#!/usr/bin/env python3
"""agreement.py A.csv B.csv [--disagreements OUT.csv]

Agreement of two labellers who labelled the same postings independently (devset/README.md):
per field, the share of postings on which both gave the same answer and Cohen's kappa; for
domains, the micro-F1 of one labeller's (posting, domain) pairs against the other's. The ML-only
fields are compared on the postings both called ML roles. With --disagreements, writes every
posting where any field differs, with both answers, for the third reading.
"""
import csv, sys
from collections import Counter

FIELDS = ["mlRole", "responsibility", "specialization", "level", "manager"]
ML_ONLY = {"responsibility", "specialization"}

def read(path):
    with open(path, newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f)}

def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)

def domains(row):
    return {d for d in (row.get("domains") or "").split(";") if d}

def compare(a, b):
    ids = [i for i in a if i in b]
    both_ml = [i for i in ids if a[i]["mlRole"] == "true" and b[i]["mlRole"] == "true"]
    out = {}
    for f in FIELDS:
        pool = both_ml if f in ML_ONLY else ids
        pairs = [(a[i][f], b[i][f]) for i in pool]
        out[f] = (len(pairs), sum(x == y for x, y in pairs) / max(1, len(pairs)), kappa(pairs))
    pa = {(i, d) for i in both_ml for d in domains(a[i])}
    pb = {(i, d) for i in both_ml for d in domains(b[i])}
    tp = len(pa & pb)
    f1 = 2 * tp / max(1, len(pa) + len(pb))
    out["domains"] = (len(both_ml), f1, float("nan"))
    return ids, out

def main(argv):
    a, b = read(argv[1]), read(argv[2])
    ids, out = compare(a, b)
    print(f"postings labelled by both: {len(ids)}")
    print("| field | postings | agreement | Cohen's kappa |\n| --- | --- | --- | --- |")
    for f, (n, agree, k) in out.items():
        label = "micro-F1" if f == "domains" else ""
        print(f"| {f} | {n} | {agree:.3f} {label} | {'' if k != k else f'{k:.3f}'} |")
    if "--disagreements" in argv:
        path = argv[argv.index("--disagreements") + 1]
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "title", "field", "A", "B", "notesA", "notesB"])
            for i in ids:
                for fld in FIELDS + ["domains"]:
                    va = a[i][fld] if fld != "domains" else ";".join(sorted(domains(a[i])))
                    vb = b[i][fld] if fld != "domains" else ";".join(sorted(domains(b[i])))
                    if va != vb:
                        w.writerow([i, a[i]["title"], fld, va, vb, a[i]["notes"], b[i]["notes"]])

if __name__ == "__main__":
    main(sys.argv)
