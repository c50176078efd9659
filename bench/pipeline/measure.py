"""Times two commands run alternately in the current folder (called by run.sh).

Each timed run is the whole command, from spawn to exit, and must exit 0. Prints min, median
and p95 in milliseconds per command and how many times slower the second is at the median.
"""
import shlex, statistics, subprocess, sys, time

runs = int(sys.argv[1])
labels, commands = sys.argv[2::2], [shlex.split(c) for c in sys.argv[3::2]]
times = {label: [] for label in labels}
for _ in range(runs):
    for label, command in zip(labels, commands):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[label].append((time.perf_counter() - start) * 1000)
for label in labels:
    t = sorted(times[label])
    print(f"{label:22} runs={runs}  min={t[0]:8.1f} ms  median={statistics.median(t):8.1f} ms  "
          f"p95={t[min(len(t) - 1, int(len(t) * 0.95))]:8.1f} ms")
first, second = (statistics.median(times[label]) for label in labels)
print(f"{labels[1]} / {labels[0]} at the median: {second / first:.1f}x")
