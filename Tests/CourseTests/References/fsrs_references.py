"""Reference values for FSRSSchedulerTests, computed with the `fsrs` package (PyPI).

Run with a Python that has the package (pip install fsrs==6.3.2): python fsrs_references.py
It prints Swift literals that FSRSSchedulerTests.swift hard-codes. Each sequence reviews one
new card with the given ratings; a review time is either a fixed offset from the start or
"due+OFFSET" (OFFSET seconds after the card's current due time), so that every path of the
scheduler is exercised: learning steps, graduation, same-day (short-term) reviews, late
reviews, lapses into relearning and back, and the interval cap.
"""

from datetime import datetime, timedelta, timezone

from importlib.metadata import version

from fsrs import Card, Rating, Scheduler

START = datetime(2025, 1, 1, 9, 0, 0, tzinfo=timezone.utc)
DAY = 86400

# (name, [(rating, when)]): when is an int (seconds after START) or "due+N".
SEQUENCES = [
    ("goodAtEveryDue", [(3, 0), (3, "due+0"), (3, "due+0"), (3, "due+0"), (3, "due+0"), (3, "due+0")]),
    ("againThenGood", [(1, 0), (1, "due+0"), (3, "due+0"), (3, "due+0"), (3, "due+0"), (3, "due+0")]),
    ("hardInLearning", [(2, 0), (2, "due+0"), (3, "due+0"), (2, "due+0"), (3, "due+0"), (4, "due+0")]),
    ("easyThenLapse", [(4, 0), (3, "due+0"), (1, "due+0"), (2, "due+0"), (3, "due+0"), (3, "due+0")]),
    ("lateReviews", [(3, 0), (3, "due+0"), (3, "due+432000"), (2, "due+864000"), (1, "due+2592000"), (4, "due+86400")]),
    ("sameDayRepeats", [(3, 0), (3, 60), (4, 600), (1, 3600), (3, 7200), (3, 7260)]),
    ("quizAnswersOverWeeks", [(1, 0), (3, 2 * DAY), (2, 5 * DAY), (4, 12 * DAY), (3, 40 * DAY), (1, 200 * DAY), (3, 201 * DAY)]),
    ("easyStreakToCap", [(4, 0)] + [(4, "due+0")] * 7),
]

NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
STATES = {1: "learning", 2: "review", 3: "relearning"}


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    print(f"// fsrs {version('fsrs')}, start {iso(START)}, fuzzing off")
    scheduler = Scheduler(enable_fuzzing=False, maximum_interval=36500)
    for name, reviews in SEQUENCES:
        card = Card(card_id=1, due=START)
        print(f'    ReferenceSequence("{name}", [')
        for rating, when in reviews:
            if isinstance(when, str):
                moment = card.due + timedelta(seconds=int(when.split("+")[1]))
            else:
                moment = START + timedelta(seconds=when)
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=moment)
            step = "nil" if card.step is None else str(card.step)
            print(
                f'        .init(.{NAMES[rating]}, at: "{iso(moment)}", state: .{STATES[card.state.value]}, '
                f"step: {step}, stability: {card.stability!r}, difficulty: {card.difficulty!r}, "
                f'due: "{iso(card.due)}"),'
            )
        print("    ]),")

    # Retrievability of one card at several times after its last review.
    card = Card(card_id=2, due=START)
    card, _ = scheduler.review_card(card, Rating.Good, review_datetime=START)
    card, _ = scheduler.review_card(card, Rating.Good, review_datetime=card.due)
    print(f"// retrievability: card reviewed good at {iso(START)} and at {iso(card.last_review)}")
    for seconds in [0, 3600, DAY - 1, DAY, 3 * DAY + 7200, 10 * DAY, 100 * DAY]:
        moment = card.last_review + timedelta(seconds=seconds)
        r = scheduler.get_card_retrievability(card, current_datetime=moment)
        print(f'    ("{iso(moment)}", {r!r}),')

    # Retrievability one and three days after a new card's first rating (for mastery).
    print("// retrievability after a first rating: (rating, after 1 day, after 3 days)")
    for rating in (1, 2, 3, 4):
        card, _ = scheduler.review_card(Card(card_id=3, due=START), Rating(rating), review_datetime=START)
        one = scheduler.get_card_retrievability(card, current_datetime=START + timedelta(days=1))
        three = scheduler.get_card_retrievability(card, current_datetime=START + timedelta(days=3))
        print(f"    (.{NAMES[rating]}, {one!r}, {three!r}),")


if __name__ == "__main__":
    main()
