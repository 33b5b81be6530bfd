# The two commands of the README. Everything they need is installed by the scripts they call.
.PHONY: run test bench lint serve

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

# The production profile (README, "Production"): DATABASE_URL, SHUTAFUT_SECRET_KEY, SHUTAFUT_ALLOWED_HOSTS.
serve:
	bash scripts/serve.sh

bench:
	bash scripts/bench.sh

lint:
	.tools/bin/uv run ruff check . && .tools/bin/uv run ruff format --check . && .tools/bin/uv run mypy shutafut && .tools/bin/uv run lint-imports --no-logo
