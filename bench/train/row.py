"""Prints one row of run.sh's table from a side's JSON report on stdin (called by run.sh).

    row.py SIDE WALL_SECONDS < report.json
"""

import json
import sys

side, wall = sys.argv[1], float(sys.argv[2])
report = json.load(sys.stdin)
accuracy = report["metrics"]["accuracy"] if "metrics" in report else report["accuracy"]
print(f"{side:<12} {report['train_seconds']:10.3f} {wall:10.3f} {accuracy:10.6f} {report['iterations']:6d}")
