"""Memory and build time of the sentence channel's matrix (advisor/retrieve/sentences.py).

Usage: ADVISOR_HOME=HOME python benchmarks/bench_sentences.py [--eval-index]
(`--eval-index`: the library `advisor eval` built under HOME/eval-index, e.g. the Playbook set's).
"""

from __future__ import annotations

import argparse
import time

from advisor.evaluate.runner import eval_settings_for
from advisor.index import Index
from advisor.retrieve import Retriever
from advisor.retrieve.sentences import sentence_matrix
from advisor.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-index", action="store_true")
    args = ap.parse_args()
    s = Settings.from_env()
    ix = Index(eval_settings_for(s) if args.eval_index else s)
    lex = Retriever(ix, parallel=False).lexical()
    t = time.perf_counter()
    sm = sentence_matrix(ix, lex)
    ms = (time.perf_counter() - t) * 1000
    if sm is None:
        print(f"{len(lex.ids)} passages: over the exact limit, the sentence channel is off")
        return
    mb = (sm.vectors.nbytes + sm.owner.nbytes + sm.owned.nbytes + sm.starts.nbytes) / 1e6
    print(
        f"passages {len(lex.ids)}, with sentence vectors {len(sm.owned)}; sentences {sm.sentences}, "
        f"without a cached vector {sm.missing}; matrix {sm.vectors.shape} {mb:.1f} MB; built in {ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
