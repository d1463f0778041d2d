# tests/batch.mk — regel --jsonl (issue 11): batch evaluation tests.
