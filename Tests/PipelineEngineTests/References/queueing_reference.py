"""Reference numbers for QueueingModelTests: M/M/c (Erlang C) below capacity, a fluid queue past it.

Run with /work/venv/ref/bin/python (or any Python 3) and paste the printed rows into the test.
Each row: requests per second, replicas, service ms -> utilisation, wait probability, p95 ms,
timeout share, for a 1000 ms client timeout and 60 s intervals.
"""
import math

TIMEOUT_MS = 1000.0
INTERVAL_S = 60.0


def erlang_c(c, a):
    """Probability of waiting in an M/M/c queue with offered load a = lambda/mu (< c)."""
    rho = a / c
    top = a**c / math.factorial(c) / (1 - rho)
    return top / (sum(a**k / math.factorial(k) for k in range(c)) + top)


def forecast(lam, c, service_ms):
    mu = 1000.0 / service_ms
    rho = lam / (c * mu)
    if service_ms >= TIMEOUT_MS:
        return rho, (1.0 if rho >= 1 else erlang_c(c, lam / mu)), TIMEOUT_MS, 1.0
    if rho >= 1:
        growth = (rho - 1) * INTERVAL_S * 1000
        p95 = min(TIMEOUT_MS, service_ms + 0.95 * growth)
        return rho, 1.0, p95, max(0.0, 1 - (TIMEOUT_MS - service_ms) / growth)
    wait = erlang_c(c, lam / mu)
    theta = c * mu - lam
    p95 = service_ms + (0 if wait <= 0.05 else math.log(wait / 0.05) / theta * 1000)
    return rho, wait, min(TIMEOUT_MS, p95), wait * math.exp(-theta * (TIMEOUT_MS - service_ms) / 1000)


CASES = [
    (76, 4, 20),   # the champion at 95 % of holiday traffic (80 req/s)
    (4, 1, 60),    # a 3x slower canary at 5 % of holiday traffic: one replica, still fine
    (20, 1, 60),   # the same canary at 25 %: past capacity, the queue grows, requests time out
    (20, 1, 20),   # a fast canary at 25 % of holiday traffic
    (10, 2, 60),   # two replicas
    (80, 4, 60),   # the slow model promoted to all holiday traffic: the platform goes down
    (5, 1, 1200),  # slower than the timeout: every request fails
]

if __name__ == "__main__":
    for lam, c, s in CASES:
        rho, wait, p95, timeouts = forecast(lam, c, s)
        print(f"({lam}, {c}, {s}, {rho!r}, {wait!r}, {p95!r}, {timeouts!r}),")
