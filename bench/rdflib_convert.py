#!/usr/bin/python3
"""Peer baseline: convert papergraph-jsonl papers to N-Triples with rdflib, the way Linked Papers With Code's
scripts do (build an rdflib Graph from the JSON records, then serialise it). Written for papergraph's benchmark;
maps the same fields to the same vocabulary as papergraph's extractors, without entity or result extraction.

usage: /usr/bin/python3 bench/rdflib_convert.py papers.jsonl out.nt [max_papers]
prints: papers=N triples=T seconds=S
"""
import json
import sys
import time

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

PG = Namespace("https://papergraph.org/ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
BASE = "https://papergraph.org/id/"


def slug(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def main():
    src, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    t0 = time.time()
    g = Graph()
    n = 0
    with open(src, encoding="utf-8") as f:
        for line in f:
            if limit is not None and n >= limit:
                break
            rec = json.loads(line)
            n += 1
            paper = URIRef(BASE + "paper/arxiv/" + rec["arxiv"])
            g.add((paper, RDF.type, PG.Paper))
            g.add((paper, PG.arxivId, Literal(rec["arxiv"])))
            g.add((paper, DCTERMS.title, Literal(rec["title"])))
            if rec.get("abstract"):
                g.add((paper, DCTERMS.abstract, Literal(rec["abstract"])))
            if rec.get("published"):
                g.add((paper, DCTERMS.issued, Literal(rec["published"], datatype=XSD.date)))
            for c in rec.get("categories", []):
                g.add((paper, PG.category, Literal(c)))
            for i, name in enumerate(rec.get("authors", []), start=1):
                person = URIRef(BASE + "person/" + slug(name))
                authorship = URIRef(str(paper) + "/authorship/" + str(i))
                g.add((paper, DCTERMS.creator, person))
                g.add((person, RDF.type, PG.Person))
                g.add((person, PG.name, Literal(name)))
                g.add((paper, PG.authorship, authorship))
                g.add((authorship, PG.author, person))
                g.add((authorship, PG.position, Literal(i)))
            for url in rec.get("code", []):
                g.add((paper, PG.codeRepository, URIRef(url)))
            for cited in rec.get("cites", []):
                g.add((paper, CITO.cites, URIRef(BASE + "paper/arxiv/" + cited)))
    g.serialize(destination=out, format="nt", encoding="utf-8")
    print("papers=%d triples=%d seconds=%.1f" % (n, len(g), time.time() - t0))


if __name__ == "__main__":
    main()
