"""Benchmark: diagnoses per second of the pure engine on synthetic partnerships of realistic size.

Run: ``.tools/bin/uv run python bench/bench_diagnosis.py [--count 10000] [--seed 1]``. Prints figures; it is
not a test. One process, one core: the CPU-time figure is the one to compare, since wall time also counts
whatever else the machine runs. Building the records is not timed; ``diagnose`` is, and rendering to JSON
(``to_dict`` in Hebrew) is timed separately.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from shutafut.diagnosis.engine import (
    Activity,
    Approval,
    Decision,
    Delivery,
    FrameworkDocument,
    Interaction,
    Member,
    MemberInterest,
    Partnership,
    Pledge,
    diagnose,
    to_dict,
)
from shutafut.model.records import (
    ApprovalKind,
    Cadence,
    DecisionMethod,
    DocumentKind,
    InReturn,
    InteractionKind,
    InterestKind,
)
from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.model.sectors import Sector

START = date(2023, 1, 1)


def synthetic(rng: random.Random, k: int) -> Partnership:
    """A partnership with 3–12 members, 5–40 pledges and deliveries, 5–30 decisions."""
    n = rng.randint(3, 12)
    ids = [f"m{i}" for i in range(n)]
    members = tuple(Member(i, f"Org {i}", rng.choice(list(Sector)), (rng.choice(list(PartnerRole)),)) for i in ids)
    flows = rng.randint(5, 40)
    n_pledges = flows // 2 + 1
    pledges = tuple(
        Pledge(
            f"p{j}",
            rng.choice(ids),
            rng.choice(list(ResourceType)),
            rng.choice(list(InReturn)),
            receiver=rng.choice([None, *ids]),
            value=float(rng.randint(1, 100) * 1000),
            approval=Approval(rng.choice(list(ApprovalKind))),
        )
        for j in range(n_pledges)
    )
    deliveries = tuple(
        Delivery(
            f"dl{j}",
            pledges[j % n_pledges].giver,
            pledges[j % n_pledges].type,
            pledges[j % n_pledges].in_return,
            receiver=pledges[j % n_pledges].receiver,
            value=float(rng.randint(1, 60) * 1000),
            date=START + timedelta(days=rng.randint(0, 700)),
            pledge=pledges[j % n_pledges].id,
        )
        for j in range(flows - n_pledges)
    )
    decisions = tuple(
        Decision(
            f"d{j}",
            START + timedelta(days=rng.randint(-10, 700)),
            tuple(rng.sample(ids, rng.randint(1, n))),
            rng.choice(list(DecisionMethod)),
            reserved_to_public=rng.random() < 0.1,
            recusals=tuple(rng.sample(ids, 1)) if rng.random() < 0.1 else (),
        )
        for j in range(rng.randint(5, 30))
    )
    return Partnership(
        id=f"bench-{k}",
        name=f"Bench partnership {k}",
        members=members,
        started=START,
        convener=rng.choice(ids),
        convener_recorded=True,
        public_goal="A public goal",
        beneficiaries=("residents",),
        horizon_months=rng.choice([None, 3, 12, 36]),
        meeting_cadence=rng.choice(list(Cadence)),
        framework_documents=(
            FrameworkDocument("f", rng.choice(list(DocumentKind)), tuple(rng.sample(ids, rng.randint(1, n)))),
        ),
        pledges=pledges,
        deliveries=deliveries,
        decisions=decisions,
        activities=tuple(
            Activity(f"a{j}", START + timedelta(days=30 * j), tuple(rng.sample(ids, 2)))
            for j in range(rng.randint(0, 6))
        ),
        interests=tuple(
            MemberInterest(
                f"x{j}", rng.choice(ids), rng.choice(list(InterestKind)), rng.choice(ids), rng.random() < 0.5
            )
            for j in range(rng.randint(0, 3))
        ),
        interactions=tuple(
            Interaction(f"i{j}", rng.choice(list(InteractionKind)), rng.choice(ids), rng.choice([None, *ids]))
            for j in range(rng.randint(0, 8))
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="1,000 records instead of --count")
    args = parser.parse_args()
    if args.quick:
        args.count = 1_000
    rng = random.Random(args.seed)
    records = [synthetic(rng, k) for k in range(args.count)]
    sizes = [(len(r.members), len(r.pledges or ()) + len(r.deliveries or ()), len(r.decisions or ())) for r in records]

    for r in records[:50]:  # warm-up
        diagnose(r)
    t0, c0 = time.perf_counter(), time.process_time()
    results = [diagnose(r) for r in records]
    engine_s, engine_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0 = time.perf_counter()
    for res in results:
        to_dict(res, "he")
    render_s = time.perf_counter() - t0

    partnerships = sum(r.is_partnership for r in results)
    print(
        f"records: {len(records)} (members {min(s[0] for s in sizes)}-{max(s[0] for s in sizes)},"
        f" pledges+deliveries {min(s[1] for s in sizes)}-{max(s[1] for s in sizes)},"
        f" decisions {min(s[2] for s in sizes)}-{max(s[2] for s in sizes)})"
    )
    print(f"engine (diagnose): {engine_s:.2f} s wall, {len(records) / engine_s:,.0f} diagnoses/s wall")
    print(
        f"engine (diagnose): {engine_cpu:.2f} s CPU, {len(records) / engine_cpu:,.0f} diagnoses/s per core (CPU time)"
    )
    print(f"render (to_dict he): {render_s:.2f} s, {len(records) / render_s:,.0f} renders/s")
    print(f"engine + render: {len(records) / (engine_s + render_s):,.0f} diagnoses/s")
    print(
        f"partnerships found: {partnerships}; flags per record: {sum(len(r.flags) for r in results) / len(results):.1f}"
    )


if __name__ == "__main__":
    main()
