"""How much faster two processes are than one on this machine, for pure CPU work.

The ceiling for ``dateline bench scale``'s ``speedup``: two worker processes cannot beat
two copies of a loop that shares nothing. Runs a fixed pure-Python loop alone, then two
copies at once, ``--rounds`` times, and prints the medians and the speedup that two
processes reach (twice the work over the time the pair took, relative to one alone).

    python scripts/cpu_scaling.py [--rounds 3] [--loops 40000000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

_LOOP = "x = 0\nfor i in range({n}): x += i & 7\n"


def _run(copies: int, loops: int) -> float:
    """Wall seconds until ``copies`` processes running the loop have all finished."""
    started = time.perf_counter()
    children = [subprocess.Popen([sys.executable, "-c", _LOOP.format(n=loops)])
                for _ in range(copies)]
    for child in children:
        child.wait()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--loops", type=int, default=40_000_000)
    args = parser.parse_args()
    alone, pair = [], []
    for _ in range(args.rounds):
        alone.append(_run(1, args.loops))
        pair.append(_run(2, args.loops))
    one, two = statistics.median(alone), statistics.median(pair)
    print(f"alone: {', '.join(f'{s:.2f}' for s in alone)} s; "
          f"two at once: {', '.join(f'{s:.2f}' for s in pair)} s")
    print(f"cpu_scaling: one_s={one:.2f} two_s={two:.2f} speedup={2 * one / two:.4f}")


if __name__ == "__main__":
    main()
