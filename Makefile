# The two commands of the README. Everything they need is installed by the scripts they call.
.PHONY: run test bench lint

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

lint:
	.tools/bin/uv run ruff check . && .tools/bin/uv run ruff format --check . && .tools/bin/uv run mypy shutafut && .tools/bin/uv run lint-imports --no-logo
