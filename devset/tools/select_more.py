#!/usr/bin/env python3
"""Picks the postings of ../shared/data/ashby-boards-more to label (issue 13), reproducibly.

Input: the JSON Lines that `roleradar ingest run --source ../shared/data/ashby-boards-more
--output more.jsonl` writes. Output: the chosen ids, one per line, with why each was chosen.
The choice reads titles only, never the classifier's output: every ML-ish title, the hard
negatives around them (solutions, product, analytics, data engineering, research that may not be
ML), one posting of every company not yet covered, then a seeded random sample of the rest.
Postings whose text is the same as one already chosen (the same role in another city) are
labelled once and their labels copied, so they are not counted twice here.
"""
import json, random, re, sys

ML = re.compile(r"machine learning|\bML\b|\bAI\b|artificial intelligence|data scien|research (scien|engineer)|"
                r"applied scien|deep learning|\bNLP\b|\bLLM|computer vision|perception|inference|\bmodel|"
                r"recommend|ranking|search|MLOps|speech|voice|robot|autonom|statistic|quant|forecast|"
                r"personaliz|GPU|training|evaluation|\bevals?\b|post-training|pre-training|member of technical staff|"
                r"scientist|\bdata\b", re.I)
HARD = re.compile(r"solution|product manager|analyst|analytics|data engineer|forward deployed|customer|"
                  r"sales engineer|support engineer|trainer|annotat|research|platform|infrastructure|"
                  r"backend|software engineer|developer|technical program|engineering manager", re.I)

def main(path, total=1000, seed=13):
    rnd = random.Random(seed)
    posts = [json.loads(l) for l in open(path)]
    seen_text, unique = set(), []
    for p in posts:
        key = (p["source"], p["title"], p["description"])
        if key not in seen_text:
            seen_text.add(key); unique.append(p)
    chosen, why = [], {}
    def take(p, reason):
        if p["id"] not in why:
            why[p["id"]] = reason; chosen.append(p)
    for p in unique:
        if ML.search(p["title"]): take(p, "ml-ish title")
    hard = [p for p in unique if p["id"] not in why and HARD.search(p["title"])]
    rnd.shuffle(hard)
    for p in hard[:250]: take(p, "hard negative")
    companies = {}
    for p in unique: companies.setdefault(p["source"], []).append(p)
    for src in sorted(companies):
        if not any(c["source"] == src for c in chosen):
            take(rnd.choice(companies[src]), "company coverage")
    rest = [p for p in unique if p["id"] not in why]
    rnd.shuffle(rest)
    for p in rest[: max(0, total - len(chosen))]: take(p, "random")
    for p in chosen: print(f'{p["id"]}\t{why[p["id"]]}')

if __name__ == "__main__":
    main(sys.argv[1])
