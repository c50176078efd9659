"""Times a binary's start-up to first output over many runs (called by run.sh)."""
import os, statistics, subprocess, sys, tempfile, time

binary, runs = sys.argv[1], int(sys.argv[2])
home = tempfile.mkdtemp(prefix="cicdlab-bench-")
env = dict(os.environ, CICDLAB_HOME=home, NO_COLOR="1")

for args in (["--version"], ["help"]):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([binary, *args], stdout=subprocess.PIPE, env=env)
        proc.stdout.read(1)  # first byte of output
        times.append((time.perf_counter() - start) * 1000)
        proc.stdout.read()
        proc.wait()
    times.sort()
    print(f"cicdlab {' '.join(args):10} runs={runs}  min={times[0]:.2f} ms  "
          f"median={statistics.median(times):.2f} ms  p95={times[int(runs * 0.95)]:.2f} ms")
