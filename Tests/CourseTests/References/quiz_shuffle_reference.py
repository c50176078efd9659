"""Reference for QuizPlannerTests.aSeedPinsTheQuestionOrderAndTheOptionOrders.

An independent implementation of the quiz shuffle: SplitMix64 (PipelineEngine's SeededRandom),
a Fisher-Yates shuffle from the last item down with an unbiased draw by rejection, first over
the questions, then over each chosen question's options in turn; an order question dealt in
its right order has its first two options swapped. Run: python3 quiz_shuffle_reference.py
"""

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def uniform_index(bound, rng):
    limit = MASK - MASK % bound
    value = rng.next()
    while value >= limit:
        value = rng.next()
    return value % bound


def shuffled(items, rng):
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = uniform_index(i + 1, rng)
        items[i], items[j] = items[j], items[i]
    return items


# The fixture's questions: (id, kind, option count, right order for `order`).
FIXTURE = [
    ("three-artifacts-what-changes", "single", 4, None),
    ("model-tests-kinds", "multiple", 4, None),
    ("probabilistic-pass-fail", "truefalse", 0, None),
    ("gate-order", "order", 4, [0, 1, 2, 3]),
    ("regression-floor", "numeric", 0, None),
    ("psi-significant", "numeric", 0, None),
]


def plan(seed, count):
    rng = SplitMix64(seed)
    chosen = shuffled(FIXTURE, rng)[:count]
    orders = []
    for _, kind, options, right in chosen:
        if kind in ("single", "multiple", "order"):
            order = shuffled(range(options), rng)
            if kind == "order" and order == right:
                order[0], order[1] = order[1], order[0]
            orders.append(order)
        else:
            orders.append([])
    return [q[0] for q in chosen], orders


if __name__ == "__main__":
    ids, orders = plan(7, 6)
    print(ids)
    print(orders)
